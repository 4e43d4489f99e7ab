//! The results line: how many reviews and recommendations match, and sort.

use super::OnQuery;
use crate::format::{count, thousands};
use crate::query::{Query, Sort};
use crate::state::QueryOrigin;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultSummaryProps {
    pub reviews: u32,
    pub recommendations: u32,
    pub total_reviews: u32,
    /// Counts are provisional until the full texts arrive.
    pub provisional: bool,
    /// Nothing is matched yet: the query filters by recommending State,
    /// which only the texts tell.
    pub waiting_for_texts: bool,
    pub query: Query,
    pub onquery: OnQuery,
}

#[component]
pub fn ResultSummary(props: &ResultSummaryProps) -> Html {
    let onsort = {
        let query = props.query.clone();
        let onquery = props.onquery.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let (parsed, _) = Query::from_pairs([("sort".to_owned(), value)]);
            onquery.emit((Query { sort: parsed.sort, ..query.clone() }.first_page(), QueryOrigin::Choice));
        })
    };
    let current = props.query.sort.as_param();
    let options = Sort::KEYS.iter().flat_map(|(key, _, label)| {
        [false, true].map(|descending| {
            let value = Sort { key: *key, descending }.as_param();
            let direction = match (key, descending) {
                (crate::query::SortKey::Date, false) => "oldest first",
                (crate::query::SortKey::Date, true) => "newest first",
                (crate::query::SortKey::State, false) => "A to Z",
                (crate::query::SortKey::State, true) => "Z to A",
                (_, false) => "fewest first",
                (_, true) => "most first",
            };
            html! { <option selected={value == current} value={value.clone()}>{ format!("{label}, {direction}") }</option> }
        })
    });
    html! {
        <div class="result-bar">
            <p data-testid="result-summary" role="status" aria-live="polite" aria-atomic="true"
               data-reviews={props.reviews.to_string()}
               data-recommendations={props.recommendations.to_string()}
               data-waiting={props.waiting_for_texts.then_some("true")}>
                <strong>{ count(props.reviews, "review", "reviews") }</strong>
                { format!(" of {} · ", thousands(props.total_reviews)) }
                <strong>{ count(props.recommendations, "recommendation", "recommendations") }</strong>
                if props.waiting_for_texts {
                    { " (waiting for the texts, which say which State made each recommendation)" }
                } else if props.provisional {
                    { " (whole reviews, until the texts have loaded)" }
                }
            </p>
            <label class="sort">
                { "Sort by " }
                <select data-testid="sort" onchange={onsort}>{ for options }</select>
            </label>
        </div>
    }
}
