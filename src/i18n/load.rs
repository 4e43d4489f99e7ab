//! Fetches a language's file (`<base><code>.json`) the first time that
//! language is chosen; every viewer on the page then shares it. English
//! needs no file.

use super::{Catalog, Lang, Tr};
use crate::services::fetch::fetch_text;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    static LOADED: RefCell<HashMap<Lang, Rc<Catalog>>> = RefCell::new(HashMap::new());
    /// Set once by the entry point: `i18n/` beside the page, or beside
    /// `embed.js` (the build copies `static/i18n/` there).
    static BASE: RefCell<String> = RefCell::new("i18n/".to_owned());
}

/// Where the language files are, ending in `/`.
pub fn set_base(base: String) {
    BASE.with(|b| *b.borrow_mut() = base);
}

/// The messages of `lang`, or why they could not be had (the viewer then
/// stays in English and says so).
pub async fn messages(lang: Lang) -> Result<Tr, String> {
    if lang == Lang::En {
        return Ok(Tr::english());
    }
    if let Some(catalog) = LOADED.with(|l| l.borrow().get(&lang).cloned()) {
        return Ok(Tr::new(lang, catalog));
    }
    let url = format!("{}{}.json", BASE.with(|b| b.borrow().clone()), lang.code());
    let text = fetch_text(&url, |_| {}).await.map_err(|e| format!("{url}: {e}"))?;
    let catalog = Rc::new(Catalog::parse(&text).map_err(|e| format!("{url}: {e}"))?);
    LOADED.with(|l| l.borrow_mut().insert(lang, catalog.clone()));
    Ok(Tr::new(lang, catalog))
}
