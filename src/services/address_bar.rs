//! Reading and writing the query in the address bar.

use crate::query::{Query, QueryWarning};

pub fn read() -> (Query, Vec<QueryWarning>) {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    Query::from_search(&search)
}

/// Writes the query as a new history entry (`push`) or over the current one.
pub fn write(query: &Query, push: bool) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let search = query.to_search();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    // `?` alone would leave an empty query; the path alone clears it.
    let url = format!("{path}{search}{hash}");
    let current = format!("{path}{}{hash}", location.search().unwrap_or_default());
    if url == current {
        return;
    }
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if let Err(error) = result {
        gloo::console::warn!("could not update the address bar", error);
    }
}
