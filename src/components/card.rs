//! One review in the list: who, when, how many took part, how it answered.

use super::marked::marked;
use super::{use_tr, OnQuery};
use crate::i18n::Msg;
use upr_core::dataset::load::{Dataset, Review};
use upr_core::facet::Facet;
use upr_core::format::percent;
use upr_core::query::Query;
use upr_core::search::SearchQuery;
use upr_core::sort;
use upr_core::state::{QueryOrigin, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewCardProps {
    pub dataset: Shared<Dataset>,
    pub review: usize,
    /// Passing recommendations when a recommendation-level filter is set.
    pub passing: Option<u32>,
    pub query: Query,
    pub onquery: OnQuery,
}

/// How many themes (or goals) a card names.
const MAIN_THEMES: usize = 3;

#[component]
pub fn ReviewCard(props: &ReviewCardProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let review: &Review = &dataset.reviews[props.review];
    let summary = &review.summary;
    let session = dataset
        .sessions
        .iter()
        .find(|s| s.number == summary.session);
    let state_name = t.review_state_name(dataset, props.review);
    let open_query = Query {
        review: Some(summary.id.clone()),
        ..props.query.clone()
    };
    let href = open_query.to_search();
    let onopen = {
        let onquery = props.onquery.clone();
        Callback::from(move |e: MouseEvent| {
            // A plain click opens in place; with a modifier the browser
            // opens the link in a new tab as usual.
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                e.prevent_default();
                onquery.emit((open_query.clone(), QueryOrigin::Choice));
            }
        })
    };
    // A review without themes shows its main goals instead; session 27,
    // which has neither, shows no list.
    let main = [Facet::Theme, Facet::SdgGoal]
        .into_iter()
        .find(|f| f.classifies(review))
        .unwrap_or(Facet::Theme);
    let mut options: Vec<(usize, u32)> = main.review_counts(review).collect();
    sort::most_first(&mut options, |count| *count);
    let accepted = percent(summary.accepted, summary.recommendations);
    let p = summary.participation;
    html! {
        <article class="card" data-review={summary.id.clone()} data-testid="review-card" aria-labelledby={format!("title-{}", summary.id)}>
            // `elementtiming`: the benchmark reads when the first card title
            // is painted (Element Timing API); it changes nothing else.
            <h3 id={format!("title-{}", summary.id)} elementtiming="card-title">
                <a href={href} onclick={onopen}>{ marked(&state_name, &SearchQuery::parse(&props.query.text).0) }</a>
            </h3>
            <p class="meta">
                { t.fmt(Msg::SessionN, &[("session", &summary.session.to_string())]) }
                if let Some(session) = session {
                    { format!(" · {} · {}", t.date_range(&session.start, &session.end), t.fmt(Msg::CycleN, &[("cycle", &session.cycle.to_string())])) }
                }
                if let Some(region) = review.region {
                    { format!(" · {}", t.region(region)) }
                }
            </p>
            <p class="participation" data-testid="participation">
                { format!("{} · {}", t.count(Msg::ParticipatingStatesCount, p.states, &[]), t.fmt(Msg::MembersObservers, &[("members", &t.num(p.members)), ("observers", &t.num(p.observers))])) }
            </p>
            <div class="responses">
                <p>
                    { t.count(Msg::RecommendationsCount, summary.recommendations, &[]) }
                    if let Some(passing) = props.passing {
                        <strong class="passing">{ format!(" · {}", t.count(Msg::MatchCount, passing, &[])) }</strong>
                    }
                </p>
                <div class="bar" role="img" aria-label={t.fmt(Msg::AcceptedNotedShares, &[("accepted", &t.pct(accepted)), ("noted", &t.pct(100 - accepted.min(100)))])}>
                    <span class="accepted" style={format!("width: {accepted}%")}></span>
                    <span class="noted" style={format!("width: {}%", 100 - accepted.min(100))}></span>
                </div>
                <p class="legend">
                    <span class="accepted-text">{ t.count(Msg::AcceptedWithShare, summary.accepted, &[("share", &t.pct(accepted))]) }</span>
                    { " · " }
                    <span class="noted-text">{ t.count(Msg::NotedCount, summary.noted, &[]) }</span>
                </p>
            </div>
            if !summary.themes_classified {
                <p class="note" data-testid="not-classified">{ t.get(Msg::CardNotClassified) }</p>
            }
            if !options.is_empty() {
                <ul class="themes" aria-label={t.get(if main == Facet::Theme { Msg::MainThemes } else { Msg::MainSdgGoals })}>
                    { for options.iter().take(MAIN_THEMES).map(|(option, n)| html! {
                        <li>{ format!("{} ({})", t.facet_label(main, dataset, *option), t.num(*n)) }</li>
                    }) }
                </ul>
            }
        </article>
    }
}
