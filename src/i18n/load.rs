//! Fetches a language's messages (`i18n/<code>.json`) and its State names
//! (`names-<code>.json` in the data folder) the first time that language
//! is chosen; every viewer on the page then shares them. English needs no
//! file. The single file carries them inside (`<script type="application/json"
//! id="upr-i18n-fr.json">`, `id="upr-data-names-fr.json">`), as it does the
//! data, since from disk nothing can be fetched.

use super::{Catalog, Lang, Tr};
use crate::services::fetch::fetch_text;
use crate::services::loader::inline_block as inline;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A language's State names, by ISO code.
type StateNames = Rc<HashMap<String, String>>;

thread_local! {
    static LOADED: RefCell<HashMap<Lang, Rc<Catalog>>> = RefCell::new(HashMap::new());
    static STATE_NAMES: RefCell<HashMap<(String, Lang), StateNames>> = RefCell::new(HashMap::new());
    /// Set once by the entry point: `i18n/` beside the page, or beside
    /// `embed.js` (the build copies `static/i18n/` there).
    static BASE: RefCell<String> = RefCell::new("i18n/".to_owned());
}

/// Where the language files are, ending in `/`.
pub fn set_base(base: String) {
    BASE.with(|b| *b.borrow_mut() = base);
}

/// The messages of `lang` with the names of the States of the dataset in
/// `data_base`, or why the messages could not be had (the viewer then stays
/// in English and says so).
pub async fn messages(lang: Lang, data_base: &str) -> Result<Tr, String> {
    if lang == Lang::En {
        return Ok(Tr::english());
    }
    let catalog = match LOADED.with(|l| l.borrow().get(&lang).cloned()) {
        Some(catalog) => catalog,
        None => fetch_catalog(lang).await?,
    };
    Ok(Tr::new(lang, catalog).with_states(state_names(lang, data_base).await))
}

/// The messages and State names of `lang` if they are already here (loaded
/// before, or put here by [`remember`]): what a viewer starts with, so that
/// a page in that language is not drawn in English first.
pub fn cached(lang: Lang, data_base: &str) -> Option<Tr> {
    if lang == Lang::En {
        return Some(Tr::english());
    }
    let catalog = LOADED.with(|l| l.borrow().get(&lang).cloned())?;
    let states = STATE_NAMES.with(|n| n.borrow().get(&(data_base.to_owned(), lang)).cloned())?;
    Some(Tr::new(lang, catalog).with_states(states))
}

/// Keeps `tr`'s messages and names as if loaded for the data in
/// `data_base`: the prerender renders a language this way.
pub fn remember(tr: &Tr, data_base: &str) {
    LOADED.with(|l| l.borrow_mut().insert(tr.lang, tr.catalog.clone()));
    STATE_NAMES.with(|n| {
        n.borrow_mut()
            .insert((data_base.to_owned(), tr.lang), tr.states.clone())
    });
}

async fn fetch_catalog(lang: Lang) -> Result<Rc<Catalog>, String> {
    let file = format!("{}.json", lang.code());
    let url = format!("{}{file}", BASE.with(|b| b.borrow().clone()));
    let text = match inline(&format!("upr-i18n-{file}")) {
        Some(text) => text,
        None => fetch_text(&url).await.map_err(|e| format!("{url}: {e}"))?,
    };
    let catalog = Rc::new(Catalog::parse(&text).map_err(|e| format!("{url}: {e}"))?);
    LOADED.with(|l| l.borrow_mut().insert(lang, catalog.clone()));
    Ok(catalog)
}

/// ISO code -> name. Without the file (a data folder of another build) the
/// States keep their English names: the rest of the language still works.
async fn state_names(lang: Lang, data_base: &str) -> Rc<HashMap<String, String>> {
    let key = (data_base.to_owned(), lang);
    if let Some(names) = STATE_NAMES.with(|n| n.borrow().get(&key).cloned()) {
        return names;
    }
    let url = format!("{data_base}{}", lang.state_names_file());
    let text = match inline(&format!("upr-data-{}", lang.state_names_file())) {
        Some(text) => Ok(text),
        None => fetch_text(&url).await,
    };
    let names = match text.and_then(|text| {
        serde_json::from_str::<HashMap<String, String>>(&text).map_err(|e| e.to_string())
    }) {
        Ok(names) => Rc::new(names),
        Err(error) => {
            gloo::console::warn!(format!(
                "{url}: {error}; the States keep their English names"
            ));
            Rc::default()
        }
    };
    STATE_NAMES.with(|n| n.borrow_mut().insert(key, names.clone()));
    names
}
