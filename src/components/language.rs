//! The interface's language: chosen by `lang` (address bar or attribute),
//! else by the browser's preferred languages; its file fetched when it is
//! first used; the switch in the header.

use super::OnQuery;
use crate::i18n::{load, Lang, Msg, Tr};
use upr_core::query::Query;
use upr_core::state::QueryOrigin;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The browser's preferred languages, in order.
fn browser_preference() -> Lang {
    // At build time (the prerendered pages) there is no browser to ask,
    // and the pages are English.
    if cfg!(not(target_arch = "wasm32")) {
        return Lang::En;
    }
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .unwrap_or_default();
    let codes: Vec<String> = languages.iter().filter_map(|l| l.as_string()).collect();
    Lang::preferred(&codes)
}

/// The messages to show, and, when the chosen language's file could not be
/// loaded, why (in English, which the viewer then keeps). On the page
/// (`page`), `<html lang dir>` follow the language (the app sets the title).
#[hook]
pub fn use_language(
    requested: Option<Lang>,
    page: bool,
    data_base: AttrValue,
) -> (Tr, Option<String>) {
    let lang = requested.unwrap_or_else(browser_preference);
    // Already here (a page in that language loads them before it starts,
    // the prerender puts them here): drawn in it from the first render.
    let tr = use_state(|| load::cached(lang, &data_base).unwrap_or_else(Tr::english));
    let failure = use_state(|| None::<String>);
    // The language last asked for: a file that arrives after another
    // language was chosen is not shown.
    let wanted = use_mut_ref(|| lang);
    use_effect_with((lang, data_base), {
        let (tr, failure, wanted) = (tr.clone(), failure.clone(), wanted.clone());
        move |(lang, data_base): &(Lang, AttrValue)| {
            *wanted.borrow_mut() = *lang;
            let (lang, data_base) = (*lang, data_base.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load::messages(lang, &data_base).await;
                if *wanted.borrow() != lang {
                    return;
                }
                match loaded {
                    Ok(messages) => {
                        tr.set(messages);
                        failure.set(None);
                    }
                    Err(reason) => {
                        tr.set(Tr::english());
                        failure.set(Some(Tr::english().fmt(
                            Msg::LanguageFailed,
                            &[("language", lang.english_name()), ("reason", &reason)],
                        )));
                    }
                }
            });
        }
    });
    use_effect_with(((*tr).clone(), page), |(tr, page)| {
        if *page {
            let document = gloo::utils::document();
            if let Some(html) = document.document_element() {
                // Only what changes: the browser restyles the whole page
                // for a new `lang` or `dir`, even one set to what it was.
                for (name, value) in [("lang", tr.lang().code()), ("dir", tr.lang().dir())] {
                    if html.get_attribute(name).as_deref() != Some(value) {
                        let _ = html.set_attribute(name, value);
                    }
                }
            }
        }
    });
    ((*tr).clone(), (*failure).clone())
}

/// A select of the six languages, each in its own name; the rest of the
/// view stays as it is.
pub fn language_switch(t: &Tr, query: &Query, onquery: &OnQuery) -> Html {
    let onchange = {
        let (query, onquery) = (query.clone(), onquery.clone());
        Callback::from(move |e: Event| {
            let lang = Lang::from_code(&e.target_unchecked_into::<HtmlSelectElement>().value());
            onquery.emit((
                Query {
                    lang,
                    ..query.clone()
                },
                QueryOrigin::Choice,
            ));
        })
    };
    html! {
        <label class="language">
            <span>{ t.get(Msg::Language) }</span>
            <select data-testid="language" {onchange}>
                { for Lang::ALL.into_iter().map(|lang| html! {
                    <option value={lang.code()} lang={lang.code()} selected={lang == t.lang()}>{ lang.native_name() }</option>
                }) }
            </select>
        </label>
    }
}
