//! A State reviewed twice, side by side: themes (or, where a review has no
//! themes, SDG goals) gained and dropped, the acceptance rate per option
//! then and now, and who recommended both times.

use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::facet::Facet;
use upr_core::format::{capitalised, percent, session_ranges};
use upr_core::query::Query;
use upr_core::state::{QueryOrigin, Shared};
use upr_core::stats::{CompareError, Comparison, Split};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub dataset: Shared<Dataset>,
    pub comparison: Result<Shared<Comparison>, CompareError>,
    pub query: Query,
    pub onquery: OnQuery,
}

fn rate(t: &Tr, split: &Split) -> String {
    if split.total() == 0 {
        "–".into()
    } else {
        t.fmt(
            Msg::RateOf,
            &[
                ("share", &t.pct(percent(split.accepted, split.total()))),
                ("n", &t.num(split.total())),
            ],
        )
    }
}

#[component]
pub fn CompareView(props: &CompareProps) -> Html {
    let t = use_tr();
    let onclose = {
        let query = Query {
            compare: None,
            ..props.query.clone()
        };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let back = html! { <button type="button" class="back" data-testid="close-compare" onclick={onclose}>{ t.get(Msg::AllReviews) }</button> };
    let comparison = match &props.comparison {
        Ok(c) => c,
        Err(error) => {
            return html! {
                <section class="review" data-testid="compare">{ back }<p role="status" data-testid="compare-problem">{ t.compare_error(&props.dataset, error) }</p></section>
            }
        }
    };
    let dataset = &props.dataset;
    let name = t.review_state_name(dataset, comparison.earlier);
    let facet = comparison.facet;
    let label = |option: &usize| t.facet_label(facet, dataset, *option);
    let list = |items: &[usize], testid: &str, empty: String| {
        if items.is_empty() {
            html! { <p data-testid={testid.to_owned()}>{ empty }</p> }
        } else {
            html! { <ul class="compare-themes" data-testid={testid.to_owned()}>{ for items.iter().map(|option| html! { <li>{ label(option) }</li> }) }</ul> }
        }
    };
    let plural = capitalised(&t.facet_plural(facet));
    // One column per review, each with the options raised only in it.
    let column = |index: usize, only_here: Html| {
        let review = &dataset.reviews[index];
        let s = &review.summary;
        let session = dataset.sessions.iter().find(|x| x.number == s.session);
        let open = Query {
            review: Some(s.id.clone()),
            compare: None,
            lang: props.query.lang,
            ..Query::default()
        };
        let href = open.to_search();
        let onopen = {
            let on = props.onquery.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                on.emit((open.clone(), QueryOrigin::Choice))
            })
        };
        html! {
            <div class="compare-column" data-testid="compare-column" data-review={s.id.clone()}>
                <h3><a href={href} onclick={onopen}>{ t.fmt(Msg::SessionN, &[("session", &s.session.to_string())]) }</a></h3>
                if let Some(session) = session { <p class="meta">{ format!("{} · {}", t.date_range(&session.start, &session.end), t.fmt(Msg::CycleN, &[("cycle", &session.cycle.to_string())])) }</p> }
                <p>{ t.fmt(Msg::RecommendationsAccepted, &[("recommendations", &t.count(Msg::RecommendationsCount, s.recommendations, &[])), ("share", &t.pct(percent(s.accepted, s.recommendations)))]) }</p>
                <p>{ t.fmt(Msg::ParticipationDetail, &[("states", &t.count(Msg::ParticipatingStatesCount, s.participation.states, &[])), ("members", &t.num(s.participation.members)), ("observers", &t.num(s.participation.observers))]) }</p>
                <h4>{ t.fmt(Msg::RaisedOnlyHere, &[("options", &plural)]) }</h4>
                { only_here }
            </div>
        }
    };
    let earlier_only = list(
        &comparison.dropped,
        "themes-dropped",
        t.fmt(Msg::NoneDropped, &[("option", &t.facet_noun(facet))]),
    );
    let later_only = list(
        &comparison.gained,
        "themes-gained",
        t.fmt(Msg::NoneGained, &[("option", &t.facet_noun(facet))]),
    );
    html! {
        <section class="review compare" data-testid="compare">
            { back }
            <h2 tabindex="-1">{ t.fmt(Msg::TwoReviewsCompared, &[("name", &name)]) }</h2>
            <div class="compare-columns">
                { column(comparison.earlier, earlier_only) }
                { column(comparison.later, later_only) }
            </div>
            if facet != Facet::Theme {
                <p class="note" data-testid="themes-not-comparable">
                    { t.fmt(Msg::ComparedBySdg, &[("sessions", &session_ranges(&Facet::Theme.coverage(dataset).1))]) }
                </p>
            }
            <h3>{ t.fmt(Msg::AcceptancePer, &[("option", &t.facet_noun(facet))]) }</h3>
            <table data-testid="acceptance-per-theme">
                <thead><tr><th scope="col">{ capitalised(&t.facet_noun(facet)) }</th><th scope="col">{ t.get(Msg::FirstReview) }</th><th scope="col">{ t.get(Msg::SecondReview) }</th></tr></thead>
                <tbody>{ for comparison.per_option.iter().map(|(option, then, now)| html! {
                    <tr><th scope="row">{ label(option) }</th><td>{ rate(&t, then) }</td><td>{ rate(&t, now) }</td></tr>
                }) }</tbody>
            </table>
            <h3>{ t.fmt(Msg::RecommendedBothTimes, &[("n", &t.num(comparison.recommended_both_times.len() as u32))]) }</h3>
            <p data-testid="recommended-both-times">{ comparison.recommended_both_times.iter().map(|s| t.state_name(dataset, *s)).collect::<Vec<_>>().join(", ") }</p>
        </section>
    }
}
