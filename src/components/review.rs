//! The open card: the whole review, in the order of the OHCHR media
//! summary. Sections with no data are left out.

use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use crate::dataset::load::{Dataset, RecommendationRow, StateIndex};
use crate::export::{document, document_url};
use crate::facet::Facet;
use crate::palette::sdg_colours;
use crate::dataset::schema::{MediaSummary, Response};
use crate::format::{percent, sdg_target};
use crate::query::{Grouping, Query};
use crate::search::SearchQuery;
use super::marked::marked;
use crate::state::{QueryOrigin, Shared};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewDetailProps {
    pub dataset: Shared<Dataset>,
    pub review: usize,
    /// Indices of the recommendations to show (the passing ones).
    pub passing: Vec<u32>,
    pub query: Query,
    pub onquery: OnQuery,
    /// The groups' headings without their recommendations (`ViewerProps::outline`).
    #[prop_or_default]
    pub outline: bool,
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
    let session = dataset.sessions.iter().find(|s| s.number == summary.session);
    let state_name = t.review_state_name(dataset, props.review);
    let onclose = {
        let query = Query { review: None, ..props.query.clone() };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let permalink = Query { review: Some(summary.id.clone()), lang: props.query.lang, ..Query::default() }.to_search();
    let reviewed_twice = dataset.reviews.iter().filter(|r| r.state == review.state).count() == 2;
    let compare_query = Query { compare: Some(dataset.states[review.state as usize].id.clone()), review: None, ..props.query.clone() };
    let oncompare = {
        let query = compare_query.clone();
        let onquery = props.onquery.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            onquery.emit((query.clone(), QueryOrigin::Choice));
        })
    };
    // Opening a card moves focus to its title, so keyboard and screen-reader
    // users land where the content changed. In the next frame, not as the
    // card is built: focusing (and scrolling to) the title needs the page
    // laid out, which the frame does anyway; forced here, that layout was
    // half the time of opening a card (12 of 26 ms at 16 times the data).
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
            let frame = gloo::render::request_animation_frame(move |_| {
                if let Some(element) = title.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            });
            move || drop(frame)
        }
    });
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
                    if reviewed_twice {
                        { " · " }
                        <a href={compare_query.to_search()} data-testid="compare-link" onclick={oncompare}>{ t.get(Msg::CompareLink) }</a>
                    }
                    { " · " }
                    <button type="button" class="print-button" data-testid="print" onclick={Callback::from(|_: MouseEvent| {
                        if let Some(window) = web_sys::window() { let _ = window.print(); }
                    })}>{ t.get(Msg::Print) }</button>
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
            <Recommendations dataset={dataset.clone()} review={props.review} passing={props.passing.clone()} query={props.query.clone()} onquery={props.onquery.clone()} outline={props.outline} />
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
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|here| web_sys::Url::new_with_base(link, &here).ok())
        .map_or_else(|| link.to_owned(), |url| url.href())
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
        states.iter()
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
            if dataset.texts_loaded {
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

#[component]
fn Recommendations(props: &ReviewDetailProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let review = &dataset.reviews[props.review];
    let media = review.summary.media_summary.as_ref();
    let ongroup = |group: Grouping| {
        let query = Query { group, ..props.query.clone() };
        let onquery = props.onquery.clone();
        Callback::from(move |_: Event| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let rows: Vec<RecommendationRow> = props.passing.iter().map(|i| dataset.recommendations.row(*i as usize)).collect();
    let grouping = props.query.group.for_review(review);
    let mut groups: BTreeMap<GroupKey, Vec<&RecommendationRow>> = BTreeMap::new();
    for row in &rows {
        match grouping {
            Grouping::Facet(facet) => {
                let mut any = false;
                for option in facet.indices(row) {
                    any = true;
                    groups.entry(GroupKey::Option(option)).or_default().push(row);
                }
                if !any {
                    groups.entry(GroupKey::None).or_default().push(row);
                }
            }
            Grouping::State => {
                let name = row.from.map_or_else(|| t.get(Msg::UnknownState), |s| t.state_name(dataset, s));
                groups.entry(GroupKey::Name(name)).or_default().push(row);
            }
        }
    }
    let (search, _) = SearchQuery::parse(&props.query.text);
    let heading = |key: &GroupKey| match (key, grouping) {
        (GroupKey::Option(option), Grouping::Facet(facet)) => t.facet_label(facet, dataset, *option),
        (GroupKey::None, Grouping::Facet(facet)) => t.facet_none(facet, facet.classifies(review)),
        (GroupKey::Name(name), _) => name.clone(),
        _ => String::new(),
    };
    let unclassified = Facet::ALL.into_iter().filter(|f| !f.classifies(review)).map(|f| t.facet_plural(f)).collect::<Vec<_>>();
    let total = review.summary.recommendations;
    html! {
        <section data-testid="recommendations">
            <h3>{ t.get(Msg::Recommendations) }</h3>
            if let Some(media) = media.filter(|m| !m.recommendations.is_empty()) {
                <h4>{ t.get(Msg::SummarisedByOhchr) }</h4>
                <ul lang="en">{ for media.recommendations.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            if !dataset.texts_loaded {
                <p role="status">{ t.get(Msg::TextsStillLoading) }</p>
            } else {
                <p data-testid="recommendation-count">
                    { if rows.len() as u32 == total {
                        t.fmt(Msg::AllRecommendations, &[("recommendations", &t.count(Msg::RecommendationsCount, total, &[]))])
                    } else {
                        t.fmt(Msg::SomeMatch, &[("n", &t.num(rows.len() as u32)), ("recommendations", &t.count(Msg::RecommendationsCount, total, &[]))])
                    } }
                </p>
                <div class="grouping" role="radiogroup" aria-label={t.get(Msg::GroupRecommendationsBy)}>
                    { format!("{} ", t.get(Msg::GroupBy)) }
                    { for Facet::ALL.into_iter().map(|facet| html! {
                        <label><input type="radio" name="group" checked={grouping == Grouping::Facet(facet)} disabled={!facet.classifies(review)} onchange={ongroup(Grouping::Facet(facet))} />{ format!(" {}", t.facet_noun(facet)) }</label>
                    }) }
                    <label><input type="radio" name="group" checked={grouping == Grouping::State} onchange={ongroup(Grouping::State)} />{ format!(" {}", t.get(Msg::GroupByState)) }</label>
                </div>
                if !unclassified.is_empty() {
                    <p class="note" data-testid="not-classified">
                        { t.fmt(Msg::NotClassifiedBy, &[("options", &unclassified.join(&t.get(Msg::Or)))]) }
                    </p>
                }
                { for groups.iter().map(|(key, rows)| html! {
                    <section class="group" data-testid="recommendation-group">
                        <h4>{ format!("{} ({})", heading(key), t.num(rows.len() as u32)) }</h4>
                        if !props.outline {
                            <ul class="recommendation-list">
                                { for rows.iter().map(|row| recommendation(&t, dataset, row, &search)) }
                            </ul>
                        }
                    </section>
                }) }
            }
        </section>
    }
}

/// Groups in the open card: a facet's options in their order, then the
/// recommendations with none; or recommending States by name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey {
    Option(usize),
    None,
    Name(String),
}

fn recommendation(t: &Tr, dataset: &Dataset, row: &RecommendationRow, search: &SearchQuery) -> Html {
    let from = row.from.map_or_else(|| t.get(Msg::UnknownState), |s| t.state_name(dataset, s));
    let class = match row.response {
        Response::Accepted => "accepted-text",
        Response::Noted => "noted-text",
    };
    let label = t.response(row.response);
    let goals = Facet::SdgGoal.indices(row).map(|option| {
        let goal = option as u8 + 1;
        let (background, text) = sdg_colours(goal).unwrap_or(("transparent", "inherit"));
        let name = dataset.sdg_goals.iter().find(|g| g.number == goal).map_or(String::new(), |g| t.sdg(goal, &g.name));
        html! {
            <li class="sdg" data-testid="sdg-goal" data-goal={goal.to_string()} style={format!("background: {background}; color: {text}")}
                title={t.fmt(Msg::GoalTitle, &[("goal", &goal.to_string()), ("name", &name)])}>
                <strong>{ goal }</strong>{ format!(" {name}") }
            </li>
        }
    });
    let targets = row.sdg_targets().map(|target| {
        let uncertain = target.contains('|');
        html! {
            <li class={classes!("target", uncertain.then_some("uncertain"))} data-testid="sdg-target"
                title={uncertain.then(|| t.get(Msg::AmbiguousTarget))}>
                { t.fmt(Msg::TargetN, &[("target", &sdg_target(target).replace(" or ", &t.get(Msg::Or)))]) }
            </li>
        }
    });
    let persons: Vec<String> = Facet::Persons.indices(row).map(|p| t.facet_label(Facet::Persons, dataset, p)).collect();
    let text = row.text();
    html! {
        <li data-testid="recommendation">
            // The texts are the source's English: screen readers switch voice.
            <p lang="en">{ marked(&text, search) }</p>
            <p class="meta">
                <span>{ marked(&from, search) }</span>{ " · " }
                <strong class={class}>{ label }</strong>
                if let Some(action) = row.action {
                    { " · " }<span>{ t.fmt(Msg::CategoryN, &[("action", &t.action(action)), ("n", &action.to_string())]) }</span>
                }
                if let (Some(symbol), Some(cited)) = (row.document(), document(row)) {
                    { " · " }<a href={document_url(symbol)} rel="noopener" data-testid="document">{ cited }</a>
                }
            </p>
            if row.sdg_goals != 0 || row.sdg_targets().next().is_some() {
                <ul class="sdgs" aria-label={t.get(Msg::SdgList)}>{ for goals }{ for targets }</ul>
            }
            if !persons.is_empty() {
                <p class="meta persons" data-testid="persons">{ t.fmt(Msg::Concerns, &[("persons", &persons.join(", "))]) }</p>
            }
        </li>
    }
}
