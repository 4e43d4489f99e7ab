//! Text with the searched terms in `<mark>`: the recommendations, and the
//! State names the search also reads (cards, open card, table).

use upr_core::search::SearchQuery;
use yew::prelude::*;

/// `text` with each place `search` finds in it (its wanted terms, never
/// the excluded ones) in `<mark>`.
pub fn marked(text: &str, search: &SearchQuery) -> Html {
    let mut shown = 0;
    let mut parts = Vec::new();
    for range in search.highlights(text) {
        if let (Some(before), Some(found)) = (text.get(shown..range.start), text.get(range.clone()))
        {
            parts.push(html! { { before.to_owned() } });
            parts.push(html! { <mark>{ found.to_owned() }</mark> });
            shown = range.end;
        }
    }
    parts.push(html! { { text.get(shown..).unwrap_or_default().to_owned() } });
    parts.into_iter().collect()
}
