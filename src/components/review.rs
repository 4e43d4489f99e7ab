//! The open card: the whole review, in the order of the OHCHR media
//! summary. Sections with no data are left out.

use super::focus::focus_next_frame;
use super::recommendations::Recommendations;
use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use upr_core::dataset::load::{Dataset, StateIndex};
use upr_core::dataset::schema::MediaSummary;
use upr_core::format::percent;
use upr_core::query::Query;
use upr_core::state::{QueryOrigin, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewDetailProps {
    pub dataset: Shared<Dataset>,
    pub review: usize,
    /// Indices of the recommendations to show (the passing ones).
    pub passing: Vec<u32>,
    pub query: Query,
    pub onquery: OnQuery,
    /// The groups' headings without their recommendations (a page of
    /// [`Host::Outline`](crate::app::Host::Outline)).
    #[prop_or_default]
    pub outline: bool,
    /// Opened in the running viewer: the recommendations below the first
    /// screen are drawn after it is painted. Not for a card the page
    /// starts with, which a prerendered page holds whole.
    #[prop_or_default]
    pub progressive: bool,
}

/// A section of the media summary: its title in the viewer's language,
/// its points the summary's own English (`lang`, so that a screen reader
/// reads them in English and an Arabic page sets them left to right).
fn bullet_section(title: &str, testid: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section data-testid={testid.to_owned()}>
            <h3>{ title.to_owned() }</h3>
            <ul lang="en">{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        </section>
    }
}

#[component]
pub fn ReviewDetail(props: &ReviewDetailProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let review = &dataset.reviews[props.review];
    let summary = &review.summary;
    let media = summary.media_summary.as_ref();
    let session = dataset
        .sessions
        .iter()
        .find(|s| s.number == summary.session);
    let state_name = t.review_state_name(dataset, props.review);
    let onclose = {
        let query = Query {
            review: None,
            ..props.query.clone()
        };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let permalink = Query {
        review: Some(summary.id.clone()),
        lang: props.query.lang,
        ..Query::default()
    }
    .to_search();
    let reviews_of_state = dataset
        .reviews
        .iter()
        .filter(|r| r.state == review.state)
        .count() as u32;
    let compare_query = Query {
        compare: Some(dataset.states[review.state as usize].id.clone()),
        review: None,
        ..props.query.clone()
    };
    let oncompare = {
        let query = compare_query.clone();
        let onquery = props.onquery.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            onquery.emit((query.clone(), QueryOrigin::Choice));
        })
    };
    // Opening a card moves the focus to its title (`focus`).
    let title = use_node_ref();
    // The full address, for paper, only the browser knows: filled in once
    // shown, so that a prerendered card and its hydration start the same.
    let live_view = use_state(|| permalink.clone());
    use_effect_with(permalink.clone(), {
        let live_view = live_view.setter();
        move |link: &String| live_view.set(absolute(link))
    });
    use_effect_with(summary.id.clone(), {
        let title = title.clone();
        move |_| {
            let frame = title.cast::<web_sys::HtmlElement>().map(focus_next_frame);
            move || drop(frame)
        }
    });
    // Paper gets every recommendation: the rows not drawn yet are drawn
    // before the browser lays out the page for print. The Print button
    // asks for them and prints a task later, once they are in; the
    // browser's own print command announces itself (`beforeprint`), and
    // they are drawn before it lays out.
    let whole = use_state_eq(|| false);
    use_effect_with((), {
        let whole = whole.setter();
        move |_| {
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, "beforeprint", move |_| whole.set(true)));
            move || drop(listener)
        }
    });
    let onprint = {
        let whole = whole.setter();
        Callback::from(move |_: MouseEvent| {
            whole.set(true);
            Timeout::new(0, || {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            })
            .forget();
        })
    };
    html! {
        <article class="review" data-review={summary.id.clone()} data-testid="review-detail" aria-labelledby="review-title">
            <button type="button" class="back" data-testid="close-review" onclick={onclose}>{ t.get(Msg::AllReviews) }</button>
            <header>
                <h2 id="review-title" tabindex="-1" ref={title}>{ t.fmt(Msg::ReviewTitle, &[("name", &state_name), ("session", &summary.session.to_string())]) }</h2>
                <p class="meta">
                    if let Some(session) = session {
                        { format!("{} · {}", t.date_range(&session.start, &session.end), t.fmt(Msg::CycleN, &[("cycle", &session.cycle.to_string())])) }
                    }
                    if let Some(region) = review.region {
                        { format!(" · {}", t.region(region)) }
                    }
                    if let Some(media) = media {
                        { format!(" · {}{}", t.fmt(Msg::ReviewedOn, &[("date", &t.date(&media.review_date))]), media.review_time.as_ref().map(|time| format!(" ({time})")).unwrap_or_default()) }
                    }
                </p>
                <p class="links">
                    <a href={permalink.clone()} data-testid="permalink">{ t.get(Msg::Permalink) }</a>
                    if reviews_of_state > 1 {
                        { " · " }
                        <a href={compare_query.to_search()} data-testid="compare-link" onclick={oncompare}>{ t.fmt(Msg::CompareLink, &[("reviews", &t.count(Msg::ReviewsCount, reviews_of_state, &[]))]) }</a>
                    }
                    { " · " }
                    <button type="button" class="print-button" data-testid="print" onclick={onprint}>{ t.get(Msg::Print) }</button>
                </p>
                <p class="print-only">{ t.fmt(Msg::LiveView, &[("link", &live_view)]) }</p>
            </header>
            if let Some(media) = media {
                { delegation(&t, media) }
                { bullet_section(&t.get(Msg::NationalReport), "national-report", &media.national_report) }
            }
            { participation(&t, dataset, props.review, media) }
            if let Some(media) = media {
                { bullet_section(&t.get(Msg::PositiveAchievements), "positive-achievements", &media.positive_achievements) }
                { bullet_section(&t.get(Msg::IssuesRaised), "issues-raised", &media.issues_raised) }
            }
            // Keyed by the review: another card starts again from its first rows.
            <Recommendations key={summary.id.as_str()} dataset={dataset.clone()} review={props.review} passing={props.passing.clone()} query={props.query.clone()} onquery={props.onquery.clone()} outline={props.outline} progressive={props.progressive && !*whole} />
            { response(&t, dataset, props.review, media) }
            if let Some(adoption) = media.and_then(|m| m.adoption.as_ref()) {
                <section data-testid="adoption">
                    <h3>{ t.get(Msg::AdoptionHeading) }</h3>
                    <p>
                        { t.fmt(Msg::AdoptionScheduled, &[("date", &t.date(&adoption.date))]) }
                        if let (Some(start), Some(end)) = (&adoption.start, &adoption.end) {
                            { format!(", {start}–{end}") }
                        }
                        { "." }
                    </p>
                </section>
            }
            if let Some(media) = media {
                <p class="source">{ t.fmt(Msg::MediaSource, &[("file", &media.source_file)]) }</p>
            }
        </article>
    }
}

/// The permanent link as a full address, for paper.
fn absolute(link: &str) -> String {
    crate::services::fetch::resolve(link).map_or_else(|| link.to_owned(), |url| url.href())
}

fn delegation(t: &Tr, media: &MediaSummary) -> Html {
    let d = &media.delegation;
    if d.lines.is_empty() {
        return html! {};
    }
    html! {
        <section data-testid="delegation">
            <h3>{ t.get(Msg::Delegation) }</h3>
            <dl>
                if let Some(size) = d.size {
                    <dt>{ t.get(Msg::DelegationSize) }</dt><dd>{ t.count(Msg::PeopleCount, size, &[]) }</dd>
                }
                if let Some(head) = &d.head {
                    <dt>{ t.get(Msg::HeadedBy) }</dt><dd lang="en">{ head.clone() }</dd>
                }
                if let Some(presenter) = &d.presented_by {
                    <dt>{ t.get(Msg::PresentedBy) }</dt><dd lang="en">{ presenter.clone() }</dd>
                }
            </dl>
        </section>
    }
}

fn participation(t: &Tr, dataset: &Dataset, index: usize, media: Option<&MediaSummary>) -> Html {
    let review = &dataset.reviews[index];
    let summary = &review.summary;
    let p = summary.participation;
    let names = |states: &[StateIndex]| {
        states
            .iter()
            .map(|s| t.state_name(dataset, *s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <section data-testid="participation-detail">
            <h3>{ t.get(Msg::Participation) }</h3>
            <p>
                { t.fmt(Msg::ParticipationMade, &[("states", &t.count(Msg::StatesCount, p.states, &[])), ("members", &t.num(p.members)), ("observers", &t.num(p.observers))]) }
                if summary.unknown_recommender > 0 {
                    { t.fmt(Msg::UnknownRecommender, &[("recommendations", &t.count(Msg::RecommendationsCount, summary.unknown_recommender, &[]))]) }
                }
            </p>
            if let Some(counted) = media.and_then(|m| m.states_taking_part) {
                <p data-testid="media-summary-count">
                    { t.fmt(Msg::MediaCount, &[("members", &t.num(counted.members)), ("observers", &t.num(counted.observers))]) }
                </p>
            }
            // The lists come with the texts, like the recommendations.
            if dataset.has_texts_of(index) {
                <details>
                    <summary>{ t.get(Msg::WhichStates) }</summary>
                    <p><strong>{ t.get(Msg::MembersColon) }</strong>{ names(&review.participants.members) }</p>
                    <p><strong>{ t.get(Msg::ObserversColon) }</strong>{ names(&review.participants.observers) }</p>
                </details>
            } else {
                <p>{ t.get(Msg::WhichStatesLater) }</p>
            }
        </section>
    }
}

fn response(t: &Tr, dataset: &Dataset, index: usize, media: Option<&MediaSummary>) -> Html {
    let review = &dataset.reviews[index];
    let summary = &review.summary;
    let statements = media.map(|m| m.response.as_slice()).unwrap_or_default();
    html! {
        <section data-testid="response">
            <h3>{ t.get(Msg::ResponseHeading) }</h3>
            <p>
                { t.fmt(Msg::ResponseSummary, &[("recommendations", &t.count(Msg::RecommendationsCount, summary.recommendations, &[])), ("accepted", &t.num(summary.accepted)),
                    ("share", &t.pct(percent(summary.accepted, summary.recommendations))), ("noted", &t.num(summary.noted))]) }
            </p>
            if !statements.is_empty() {
                <ul lang="en">{ for statements.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
            }
            if !review.pledges.is_empty() {
                <h4>{ t.fmt(Msg::VoluntaryPledges, &[("n", &t.num(review.pledges.len() as u32))]) }</h4>
                <ul lang="en">{ for review.pledges.iter().map(|p| html! { <li>{ p.text.clone() }</li> }) }</ul>
            }
        </section>
    }
}
