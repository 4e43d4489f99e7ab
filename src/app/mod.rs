//! The viewer: loads the dataset, keeps the query in step with the page,
//! and lays out what the query asks for. Each concern is a hook or a
//! component of its own: [`dataset::use_dataset`] (loading, progress,
//! retry), [`address_bar::use_address_bar`] (the props, the address bar
//! and the one `onquery` callback), [`results::Results`] (the layout).

pub mod address_bar;
pub mod dataset;
mod host;
pub mod results;
mod store;

pub use host::Host;

use crate::components::language::{language_switch, use_language};
use crate::components::notices::load_error_notice;
use crate::components::update::UpdateNotice;
use crate::i18n::{Msg, Tr};
use crate::style::{style_element, ROOT_CLASS};
use address_bar::use_address_bar;
use dataset::use_dataset;
use results::Results;
use store::Store;
use upr_core::dataset::load::Dataset;
use upr_core::query::{Query, QueryWarning};
use upr_core::state::{Phase, Shared, ViewerState};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ViewerProps {
    /// Where the dataset files are, ending in `/` (relative to the page).
    pub data_base: AttrValue,
    /// The query the page or element was opened with.
    pub query: Query,
    #[prop_or_default]
    pub warnings: Vec<QueryWarning>,
    pub host: Host,
    /// The dataset already loaded, to show at once: what a prerendered page
    /// was rendered with (the overview, or with the texts), so that the
    /// browser's first render equals the page it hydrates.
    #[prop_or_default]
    pub preloaded: Option<Shared<Dataset>>,
    /// When the build being read was made (`2026-12-07`), which the footer
    /// says; none where it is not known (no line then). The same in the
    /// prerendered page and the browser's first render.
    #[prop_or_default]
    pub published: Option<AttrValue>,
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let state = use_reducer({
        let (query, warnings) = (props.query.clone(), props.warnings.clone());
        let preloaded = props.preloaded.clone();
        move || {
            Store(ViewerState::with_dataset(
                query,
                warnings,
                preloaded.map(|d| d.0),
                crate::extras::loaded().map(|extras| extras.compute),
            ))
        }
    });
    let host = props.host;
    let (t, language_failure) =
        use_language(state.query.lang, host.masthead(), props.data_base.clone());
    use_page_title(&state, &t, host.masthead());
    let load = use_dataset(props.data_base.clone(), &state);
    let onquery = use_address_bar(
        &state,
        props.query.clone(),
        props.warnings.clone(),
        host.address_bar(),
    );
    let progressive = use_after_first_render();

    let body = match (&state.overview, &state.dataset) {
        (Phase::Failed(error), _) => load_error_notice(&t, error, &load.onretry),
        (_, Some(_)) => html! {
            <Results state={state.clone()} {host} progress={load.progress} onretry={load.onretry.clone()}
                onquery={onquery.clone()} {progressive} />
        },
        _ => html! {
            <p data-testid="loading" role="status" class="loading">{ t.get(Msg::Loading) }</p>
        },
    };
    html! {
        <ContextProvider<Tr> context={t.clone()}>
            // `lang` and `dir` here too, for an embed, whose host page has
            // its own `<html lang>`.
            <div class={ROOT_CLASS} data-testid="upr-viewer" lang={t.lang().code()} dir={t.lang().dir()}
                data-texts={texts_stage(&state.texts)}>
                { style_element() }
                <UpdateNotice />
                if host.masthead() {
                    <header class="masthead">
                        <div class="masthead-top">
                            <h1>{ t.get(Msg::Title) }</h1>
                            { language_switch(&t, &state.query, &onquery) }
                        </div>
                        <p>{ t.get(Msg::Intro) }</p>
                    </header>
                }
                if let Some(failure) = language_failure {
                    <p role="status" class="language-failure" data-testid="language-failure">{ failure }</p>
                }
                { body }
                <footer class="source">
                    { t.get(Msg::Footer) }
                    if let Some(date) = &props.published {
                        <span class="published" data-testid="published">
                            { t.fmt(Msg::Published, &[("date", &t.date(date))]) }
                        </span>
                    }
                </footer>
            </div>
        </ContextProvider<Tr>>
    }
}

/// How far every review's texts are, on the viewer's root (`data-texts`):
/// what a script or a test waits for.
fn texts_stage(phase: &Phase) -> &'static str {
    match phase {
        Phase::Idle => "idle",
        Phase::Loading => "loading",
        Phase::Ready => "ready",
        Phase::Failed(_) => "failed",
    }
}

/// On a page of its own, the tab's title follows the view in its
/// language: the open review first, as on the prerendered review pages.
#[hook]
fn use_page_title(state: &UseReducerHandle<Store>, t: &Tr, page: bool) {
    let open = state
        .dataset
        .as_ref()
        .zip(state.query.review.as_deref())
        .and_then(|(dataset, id)| {
            let review = &dataset.reviews[dataset.review_by_id(id)?];
            let session = review.summary.session.to_string();
            let name = t.state_name(dataset, review.state);
            Some(t.fmt(Msg::ReviewTitle, &[("name", &name), ("session", &session)]))
        });
    let title = match open {
        Some(review) => format!("{review} — {}", t.get(Msg::PageTitle)),
        None => t.get(Msg::PageTitle),
    };
    use_effect_with((title, page), |(title, page)| {
        if *page {
            gloo::utils::document().set_title(title);
        }
    });
}

/// False in the component's first render, true after. A card in the
/// viewer's first render is the one a prerendered page holds whole, and
/// its hydration must match it; a card opened later draws the rows below
/// the screen after the first paint.
#[hook]
fn use_after_first_render() -> bool {
    let started = use_mut_ref(|| false);
    let after = *started.borrow();
    use_effect_with((), move |_| *started.borrow_mut() = true);
    after
}
