//! A State's reviews side by side, however many the record holds: one
//! column per review (stacked on a narrow screen) with its figures and what
//! it raised that the review before it had not, and the reverse, by theme
//! (or, where a review has no themes, SDG goal); the reviews over time; the
//! acceptance rate per option in each review; who recommended every time.

use super::charts::{over_time_chart, OverTime, TimeBar};
use super::OnQuery;
use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::facet::Facet;
use upr_core::format::{capitalised, percent};
use upr_core::query::Query;
use upr_core::state::{QueryOrigin, Shared};
use upr_core::stats::{Change, CompareError, ComparedReview, Comparison, Split};
use yew::prelude::*;

/// What [`compare_view`] draws.
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

/// The sessions of `reviews` that none of `facets` classifies.
fn sessions_classified_by_none(reviews: &[&ComparedReview], facets: &[Facet]) -> Vec<u8> {
    reviews
        .iter()
        .filter(|r| !facets.iter().any(|f| r.classified_by.contains(f)))
        .map(|r| r.session)
        .collect()
}

/// What review `now` brought against `before`, the one before it: the
/// options gained and dropped, or why there are none to list (rather than
/// lists that would be empty only because the source does not classify it).
fn change_against_previous(
    t: &Tr,
    dataset: &Dataset,
    [before, now]: [&ComparedReview; 2],
    change: &Change,
) -> Html {
    let previous = before.session.to_string();
    let Some(facet) = change.facet else {
        let sessions = sessions_classified_by_none(&[before, now], &[Facet::Theme, Facet::SdgGoal]);
        return html! {
            <p class="note" data-testid="not-compared">
                { t.about_sessions(Msg::NotComparedSince, &sessions, &[("previous", &previous)]) }
            </p>
        };
    };
    let plural = capitalised(&t.facet_plural(facet));
    let list = |items: &[usize], testid: &str, empty: Msg| {
        if items.is_empty() {
            html! { <p data-testid={testid.to_owned()}>{ t.fmt(empty, &[("option", &t.facet_noun(facet)), ("session", &previous)]) }</p> }
        } else {
            html! { <ul class="compare-themes" data-testid={testid.to_owned()}>{ for items.iter().map(|option| html! { <li>{ t.facet_label(facet, dataset, *option) }</li> }) }</ul> }
        }
    };
    html! { <>
        if facet != Facet::Theme {
            <p class="note" data-testid="themes-not-comparable">
                { t.about_sessions(Msg::ComparedBySdg, &sessions_classified_by_none(&[before, now], &[Facet::Theme]), &[]) }
            </p>
        }
        <h4>{ t.fmt(Msg::GainedSince, &[("options", &plural), ("session", &previous)]) }</h4>
        { list(&change.gained, "themes-gained", Msg::NoneGainedSince) }
        <h4>{ t.fmt(Msg::DroppedSince, &[("options", &plural), ("session", &previous)]) }</h4>
        { list(&change.dropped, "themes-dropped", Msg::NoneDroppedSince) }
    </> }
}

pub fn compare_view(t: &Tr, props: &CompareProps) -> Html {
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
    let reviews = &comparison.reviews;
    let last = reviews.last().map_or(0, |r| r.review);
    let name = t.review_state_name(dataset, last);
    let state_id = dataset.states[comparison.state as usize].id.clone();
    // One column per review, each with what changed since the one before.
    let column = |(i, compared): (usize, &ComparedReview)| {
        let s = &dataset.reviews[compared.review].summary;
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
        let split = &compared.split;
        html! {
            <div class="compare-column" data-testid="compare-column" data-review={s.id.clone()} data-session={s.session.to_string()}>
                <h3><a href={href} onclick={onopen}>{ t.fmt(Msg::SessionN, &[("session", &s.session.to_string())]) }</a></h3>
                if let Some(session) = session { <p class="meta">{ format!("{} · {}", t.date_range(&session.start, &session.end), t.fmt(Msg::CycleN, &[("cycle", &session.cycle.to_string())])) }</p> }
                <p data-testid="compare-figures" data-recommendations={split.total().to_string()} data-accepted={split.accepted.to_string()}>
                    { t.fmt(Msg::RecommendationsAccepted, &[("recommendations", &t.count(Msg::RecommendationsCount, split.total(), &[])), ("share", &t.pct(percent(split.accepted, split.total())))]) }
                </p>
                <p>{ t.fmt(Msg::ParticipationDetail, &[("states", &t.count(Msg::ParticipatingStatesCount, s.participation.states, &[])), ("members", &t.num(s.participation.members)), ("observers", &t.num(s.participation.observers))]) }</p>
                { match (&compared.change, i.checked_sub(1).and_then(|p| reviews.get(p))) {
                    (Some(change), Some(before)) => html! { <>
                        <p data-testid="recommended-in-both">{ t.fmt(Msg::RecommendedInBoth, &[("states", &t.count(Msg::StatesCount, change.recommended_in_both.len() as u32, &[])), ("session", &before.session.to_string())]) }</p>
                        { change_against_previous(t, dataset, [before, compared], change) }
                    </> },
                    _ => html! { <p class="note">{ t.get(Msg::FirstInData) }</p> },
                } }
            </div>
        }
    };
    // The reviews over time: a bar each, a click lists that review's
    // recommendations (the State and the session as filters).
    let bars: Vec<TimeBar> = comparison
        .over_time()
        .into_iter()
        .map(|bar| {
            let apply = (bar.split.total() > 0).then(|| Query {
                sur: Some(state_id.clone()),
                session: Some(bar.session),
                lang: props.query.lang,
                ..Query::default()
            });
            TimeBar {
                bar,
                apply,
                pressed: false,
            }
        })
        .collect();
    let sessions: Vec<String> = reviews
        .iter()
        .map(|r| t.fmt(Msg::SessionN, &[("session", &r.session.to_string())]))
        .collect();
    let per_option = comparison.facet.map(|facet| {
        let label = |option: &usize| t.facet_label(facet, dataset, *option);
        let all: Vec<&ComparedReview> = reviews.iter().collect();
        let not_classified = sessions_classified_by_none(&all, &[facet]);
        html! { <>
            <h3>{ t.fmt(Msg::AcceptancePerReview, &[("option", &t.facet_noun(facet))]) }</h3>
            if facet != Facet::Theme {
                <p class="note" data-testid="themes-not-comparable">
                    { t.about_sessions(Msg::ComparedBySdg, &sessions_classified_by_none(&all, &[Facet::Theme]), &[]) }
                </p>
            }
            <div class="table-scroll-x">
                <table data-testid="acceptance-per-theme">
                    <thead><tr><th scope="col">{ capitalised(&t.facet_noun(facet)) }</th>{ for sessions.iter().map(|s| html! { <th scope="col">{ s.clone() }</th> }) }</tr></thead>
                    <tbody>{ for comparison.per_option.iter().map(|(option, splits)| html! {
                        <tr><th scope="row">{ label(option) }</th>{ for splits.iter().map(|split| html! {
                            <td>{ split.as_ref().map_or_else(|| t.get(Msg::NotClassifiedCell), |s| rate(t, s)) }</td>
                        }) }</tr>
                    }) }</tbody>
                </table>
            </div>
            if !not_classified.is_empty() {
                <p class="note" data-testid="not-classified">{ t.about_sessions(Msg::NotClassifiedIn, &not_classified, &[("option", &t.facet_noun(facet))]) }</p>
            }
        </> }
    });
    html! {
        <section class="review compare" data-testid="compare">
            { back }
            <h2 tabindex="-1">{ t.fmt(Msg::ReviewsCompared, &[("name", &name), ("reviews", &t.count(Msg::ReviewsCount, reviews.len() as u32, &[]))]) }</h2>
            <div class="compare-columns">
                { for reviews.iter().enumerate().map(column) }
            </div>
            { over_time_chart(t, OverTime { title: t.get(Msg::ChartStateOverTime), hint: t.get(Msg::OverTimeStateHint), note: String::new(),
                bars: &bars, onquery: &props.onquery }) }
            { per_option.unwrap_or_default() }
            <h3>{ t.fmt(Msg::RecommendedEveryTime, &[("n", &t.num(comparison.recommended_every_time.len() as u32))]) }</h3>
            <p data-testid="recommended-every-time">{ comparison.recommended_every_time.iter().map(|s| t.state_name(dataset, *s)).collect::<Vec<_>>().join(", ") }</p>
        </section>
    }
}
