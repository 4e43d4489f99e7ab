//! A State reviewed twice, side by side: themes (or, where a review has no
//! themes, SDG goals) gained and dropped, the acceptance rate per option
//! then and now, and who recommended both times.

use super::OnQuery;
use crate::dataset::load::Dataset;
use crate::facet::Facet;
use crate::format::{capitalised, count, date_range, percent, session_ranges, thousands};
use crate::query::Query;
use crate::state::{QueryOrigin, Shared};
use crate::stats::{CompareError, Comparison, Split};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub dataset: Shared<Dataset>,
    pub comparison: Result<Shared<Comparison>, CompareError>,
    pub query: Query,
    pub onquery: OnQuery,
}

fn rate(split: &Split) -> String {
    if split.total() == 0 { "–".into() } else { format!("{}% of {}", percent(split.accepted, split.total()), split.total()) }
}

#[component]
pub fn CompareView(props: &CompareProps) -> Html {
    let onclose = {
        let query = Query { compare: None, ..props.query.clone() };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let back = html! { <button type="button" class="back" data-testid="close-compare" onclick={onclose}>{ "← All reviews" }</button> };
    let comparison = match &props.comparison {
        Ok(c) => c,
        Err(error) => {
            return html! {
                <section class="review" data-testid="compare">{ back }<p role="status" data-testid="compare-problem">{ error.to_string() }</p></section>
            }
        }
    };
    let dataset = &props.dataset;
    let name = dataset.review_state_name(comparison.earlier);
    let facet = comparison.facet;
    let label = |option: &usize| facet.label(dataset, *option);
    let list = |items: &[usize], testid: &str, empty: String| if items.is_empty() {
        html! { <p data-testid={testid.to_owned()}>{ empty }</p> }
    } else {
        html! { <ul class="compare-themes" data-testid={testid.to_owned()}>{ for items.iter().map(|t| html! { <li>{ label(t) }</li> }) }</ul> }
    };
    let plural = capitalised(facet.plural());
    // One column per review, each with the options raised only in it.
    let column = |index: usize, only_here: Html| {
        let review = &dataset.reviews[index];
        let s = &review.summary;
        let session = dataset.sessions.iter().find(|x| x.number == s.session);
        let open = Query { review: Some(s.id.clone()), compare: None, ..Query::default() };
        let href = open.to_search();
        let onopen = { let on = props.onquery.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); on.emit((open.clone(), QueryOrigin::Choice)) }) };
        html! {
            <div class="compare-column" data-testid="compare-column" data-review={s.id.clone()}>
                <h3><a href={href} onclick={onopen}>{ format!("Session {}", s.session) }</a></h3>
                if let Some(session) = session { <p class="meta">{ format!("{} · Cycle {}", date_range(&session.start, &session.end), session.cycle) }</p> }
                <p>{ count(s.recommendations, "recommendation", "recommendations") }{ format!(", {}% accepted", percent(s.accepted, s.recommendations)) }</p>
                <p>{ format!("{} participating States ({} members, {} observers)", s.participation.states, s.participation.members, s.participation.observers) }</p>
                <h4>{ format!("{plural} raised only in this review") }</h4>
                { only_here }
            </div>
        }
    };
    let earlier_only = list(&comparison.dropped, "themes-dropped", format!("None: every {} of this review was raised again in the second.", facet.noun()));
    let later_only = list(&comparison.gained, "themes-gained", format!("None: every {} of this review was raised in the first.", facet.noun()));
    html! {
        <section class="review compare" data-testid="compare">
            { back }
            <h2 tabindex="-1">{ format!("{name}: two reviews compared") }</h2>
            <div class="compare-columns">
                { column(comparison.earlier, earlier_only) }
                { column(comparison.later, later_only) }
            </div>
            if facet != Facet::Theme {
                <p class="note" data-testid="themes-not-comparable">
                    { format!("Compared by SDG goal: the source does not classify the recommendations of sessions {} by theme.", session_ranges(&Facet::Theme.coverage(dataset).1)) }
                </p>
            }
            <h3>{ format!("Acceptance per {}, then and now", facet.noun()) }</h3>
            <table data-testid="acceptance-per-theme">
                <thead><tr><th scope="col">{ capitalised(facet.noun()) }</th><th scope="col">{ "First review" }</th><th scope="col">{ "Second review" }</th></tr></thead>
                <tbody>{ for comparison.per_option.iter().map(|(t, then, now)| html! {
                    <tr><th scope="row">{ label(t) }</th><td>{ rate(then) }</td><td>{ rate(now) }</td></tr>
                }) }</tbody>
            </table>
            <h3>{ format!("States that recommended both times ({})", thousands(comparison.recommended_both_times.len() as u32)) }</h3>
            <p data-testid="recommended-both-times">{ comparison.recommended_both_times.iter().map(|s| dataset.state_name(*s)).collect::<Vec<_>>().join(", ") }</p>
        </section>
    }
}
