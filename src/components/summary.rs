//! The results line: how many reviews and recommendations match, and sort.

use super::OnQuery;
use crate::i18n::{Msg, Tr};
use upr_core::filter::Outcome;
use upr_core::query::{Query, Sort};
use upr_core::state::QueryOrigin;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What `outcome` matched, of `total_reviews`, and the sort `query` has.
pub fn result_summary(
    t: &Tr,
    outcome: &Outcome,
    total_reviews: u32,
    query: &Query,
    onquery: &OnQuery,
) -> Html {
    let reviews = outcome.reviews.len() as u32;
    let onsort = {
        let query = query.clone();
        let onquery = onquery.clone();
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
    let current = query.sort.as_param();
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
               data-reviews={reviews.to_string()}
               data-recommendations={outcome.recommendations.to_string()}
               data-waiting={outcome.waiting_for_texts.then_some("true")}>
                <strong>{ t.count(Msg::ReviewsCount, reviews, &[]) }</strong>
                { format!(" {} · ", t.fmt(Msg::OfTotal, &[("total", &t.num(total_reviews))])) }
                <strong>{ t.count(Msg::RecommendationsCount, outcome.recommendations, &[]) }</strong>
                // Nothing is matched yet: the query filters by recommending
                // State, which only the texts tell.
                if outcome.waiting_for_texts {
                    { format!(" {}", t.get(Msg::WaitingForTexts)) }
                } else if outcome.provisional && !query.text.is_empty() {
                    // Before the texts a search can only match the names
                    // of the States under review: "0 reviews" alone would
                    // read as "nothing says torture".
                    { format!(" {}", t.get(Msg::ProvisionalSearch)) }
                // Counts are provisional until the full texts arrive.
                } else if outcome.provisional {
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
