//! Fetches a language's messages (`i18n/<code>.json`) and its State names
//! (`names-<code>.json` in the data folder) the first time that language
//! is chosen; every viewer on the page then shares them. English needs no
//! file.

use super::{Catalog, Lang, Tr};
use crate::services::fetch::fetch_text;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    static LOADED: RefCell<HashMap<Lang, Rc<Catalog>>> = RefCell::new(HashMap::new());
    static STATE_NAMES: RefCell<HashMap<(String, Lang), Rc<HashMap<String, String>>>> = RefCell::new(HashMap::new());
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

async fn fetch_catalog(lang: Lang) -> Result<Rc<Catalog>, String> {
    let url = format!("{}{}.json", BASE.with(|b| b.borrow().clone()), lang.code());
    let text = fetch_text(&url, |_| {}).await.map_err(|e| format!("{url}: {e}"))?;
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
    let names = match fetch_text(&url, |_| {}).await.and_then(|text| serde_json::from_str::<HashMap<String, String>>(&text).map_err(|e| e.to_string())) {
        Ok(names) => Rc::new(names),
        Err(error) => {
            gloo::console::warn!(format!("{url}: {error}; the States keep their English names"));
            Rc::default()
        }
    };
    STATE_NAMES.with(|n| n.borrow_mut().insert(key, names.clone()));
    names
}
