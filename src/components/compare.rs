//! A State reviewed twice, side by side: themes gained and dropped, the
//! acceptance rate per theme then and now, and who recommended both times.

use super::OnQuery;
use crate::dataset::load::Dataset;
use crate::format::{count, date_range, percent, thousands};
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
    let theme = |t: &usize| dataset.themes[*t].label.clone();
    let list = |items: &[usize], testid: &str, empty: &str| if items.is_empty() {
        html! { <p data-testid={testid.to_owned()}>{ empty.to_owned() }</p> }
    } else {
        html! { <ul class="compare-themes" data-testid={testid.to_owned()}>{ for items.iter().map(|t| html! { <li>{ theme(t) }</li> }) }</ul> }
    };
    // One column per review, each with the themes raised only in it.
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
                <h4>{ "Themes raised only in this review" }</h4>
                { only_here }
            </div>
        }
    };
    // A review of sessions 21-26 has no themes: which themes were raised
    // only in one of the two cannot be told.
    let not_comparable = || html! {
        <p class="note" data-testid="themes-not-comparable">{ "Cannot be told: the source does not classify the recommendations of sessions 21–26 by theme." }</p>
    };
    let (earlier_only, later_only) = if comparison.themes_comparable {
        (
            list(&comparison.dropped, "themes-dropped", "None: every theme of this review was raised again in the second."),
            list(&comparison.gained, "themes-gained", "None: every theme of this review was raised in the first."),
        )
    } else {
        (not_comparable(), not_comparable())
    };
    html! {
        <section class="review compare" data-testid="compare">
            { back }
            <h2 tabindex="-1">{ format!("{name}: two reviews compared") }</h2>
            <div class="compare-columns">
                { column(comparison.earlier, earlier_only) }
                { column(comparison.later, later_only) }
            </div>
            if comparison.themes_comparable {
                <h3>{ "Acceptance per theme, then and now" }</h3>
                <table data-testid="acceptance-per-theme">
                    <thead><tr><th scope="col">{ "Theme" }</th><th scope="col">{ "First review" }</th><th scope="col">{ "Second review" }</th></tr></thead>
                    <tbody>{ for comparison.per_theme.iter().map(|(t, then, now)| html! {
                        <tr><th scope="row">{ theme(t) }</th><td>{ rate(then) }</td><td>{ rate(now) }</td></tr>
                    }) }</tbody>
                </table>
            }
            <h3>{ format!("States that recommended both times ({})", thousands(comparison.recommended_both_times.len() as u32)) }</h3>
            <p data-testid="recommended-both-times">{ comparison.recommended_both_times.iter().map(|s| dataset.state_name(*s)).collect::<Vec<_>>().join(", ") }</p>
        </section>
    }
}
