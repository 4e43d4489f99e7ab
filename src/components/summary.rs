//! The results line: how many reviews and recommendations match, and sort.

use super::use_tr;
use super::OnQuery;
use crate::i18n::Msg;
use upr_core::query::{Query, Sort};
use upr_core::state::QueryOrigin;
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
    let t = use_tr();
    let onsort = {
        let query = props.query.clone();
        let onquery = props.onquery.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let (parsed, _) = Query::from_pairs([("sort".to_owned(), value)]);
            onquery.emit((
                Query {
                    sort: parsed.sort,
                    ..query.clone()
                }
                .first_page(),
                QueryOrigin::Choice,
            ));
        })
    };
    let current = props.query.sort.as_param();
    let options =
        Sort::KEYS.iter().flat_map(|(key, _, _)| {
            let label = t.get(match key {
                upr_core::query::SortKey::Date => Msg::SortDate,
                upr_core::query::SortKey::State => Msg::SortState,
                upr_core::query::SortKey::ParticipatingStates => Msg::SortStates,
                upr_core::query::SortKey::Recommendations => Msg::SortRecommendations,
            });
            [false, true].map(|descending| {
            let value = Sort { key: *key, descending }.as_param();
            let direction = match (key, descending) {
                (upr_core::query::SortKey::Date, false) => Msg::OldestFirst,
                (upr_core::query::SortKey::Date, true) => Msg::NewestFirst,
                (upr_core::query::SortKey::State, false) => Msg::AToZ,
                (upr_core::query::SortKey::State, true) => Msg::ZToA,
                (_, false) => Msg::FewestFirst,
                (_, true) => Msg::MostFirst,
            };
            let text = t.fmt(Msg::SortOption, &[("key", &label), ("direction", &t.get(direction))]);
            html! { <option selected={value == current} value={value.clone()}>{ text }</option> }
        })
        });
    html! {
        <div class="result-bar">
            <p data-testid="result-summary" role="status" aria-live="polite" aria-atomic="true"
               data-reviews={props.reviews.to_string()}
               data-recommendations={props.recommendations.to_string()}
               data-waiting={props.waiting_for_texts.then_some("true")}>
                <strong>{ t.count(Msg::ReviewsCount, props.reviews, &[]) }</strong>
                { format!(" {} · ", t.fmt(Msg::OfTotal, &[("total", &t.num(props.total_reviews))])) }
                <strong>{ t.count(Msg::RecommendationsCount, props.recommendations, &[]) }</strong>
                if props.waiting_for_texts {
                    { format!(" {}", t.get(Msg::WaitingForTexts)) }
                } else if props.provisional && !props.query.text.is_empty() {
                    // Before the texts a search can only match the names
                    // of the States under review: "0 reviews" alone would
                    // read as "nothing says torture".
                    { format!(" {}", t.get(Msg::ProvisionalSearch)) }
                } else if props.provisional {
                    { format!(" {}", t.get(Msg::ProvisionalCounts)) }
                }
            </p>
            <label class="sort">
                { format!("{} ", t.get(Msg::SortBy)) }
                <select data-testid="sort" onchange={onsort}>{ for options }</select>
            </label>
        </div>
    }
}
