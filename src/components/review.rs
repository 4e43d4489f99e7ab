//! The open card: the whole review, in the order of the OHCHR media
//! summary. Sections with no data are left out.

use super::OnQuery;
use crate::dataset::load::{Dataset, RecommendationRow, StateIndex};
use crate::export::{document, document_url};
use crate::facet::Facet;
use crate::palette::sdg_colours;
use crate::dataset::schema::{MediaSummary, Response};
use crate::format::{action_label, count, date, date_range, percent, sdg_target, thousands};
use crate::query::{Grouping, Query};
use crate::search::SearchQuery;
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
}

fn bullet_section(title: &str, testid: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section data-testid={testid.to_owned()}>
            <h3>{ title.to_owned() }</h3>
            <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        </section>
    }
}

#[component]
pub fn ReviewDetail(props: &ReviewDetailProps) -> Html {
    let dataset = &props.dataset;
    let review = &dataset.reviews[props.review];
    let summary = &review.summary;
    let media = summary.media_summary.as_ref();
    let session = dataset.sessions.iter().find(|s| s.number == summary.session);
    let state_name = dataset.review_state_name(props.review);
    let onclose = {
        let query = Query { review: None, ..props.query.clone() };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let permalink = Query { review: Some(summary.id.clone()), ..Query::default() }.to_search();
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
    // users land where the content changed.
    let title = use_node_ref();
    use_effect_with(summary.id.clone(), {
        let title = title.clone();
        move |_| {
            if let Some(element) = title.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
    html! {
        <article class="review" data-review={summary.id.clone()} data-testid="review-detail" aria-labelledby="review-title">
            <button type="button" class="back" data-testid="close-review" onclick={onclose}>{ "← All reviews" }</button>
            <header>
                <h2 id="review-title" tabindex="-1" ref={title}>{ format!("{state_name}, session {}", summary.session) }</h2>
                <p class="meta">
                    if let Some(session) = session {
                        { format!("{} · Cycle {}", date_range(&session.start, &session.end), session.cycle) }
                    }
                    if let Some(region) = review.region {
                        { format!(" · {}", region.label()) }
                    }
                    if let Some(media) = media {
                        { format!(" · Reviewed {}{}", date(&media.review_date), media.review_time.as_ref().map(|t| format!(" ({t})")).unwrap_or_default()) }
                    }
                </p>
                <p class="links">
                    <a href={permalink.clone()} data-testid="permalink">{ "Permanent link to this review" }</a>
                    if reviewed_twice {
                        { " · " }
                        <a href={compare_query.to_search()} data-testid="compare-link" onclick={oncompare}>{ "Compare its two reviews" }</a>
                    }
                    { " · " }
                    <button type="button" class="print-button" data-testid="print" onclick={Callback::from(|_: MouseEvent| {
                        if let Some(window) = web_sys::window() { let _ = window.print(); }
                    })}>{ "Print" }</button>
                </p>
                <p class="print-only">{ format!("Live view: {}", absolute(&permalink)) }</p>
            </header>
            if let Some(media) = media {
                { delegation(media) }
                { bullet_section("National report", "national-report", &media.national_report) }
            }
            { participation(dataset, props.review, media) }
            if let Some(media) = media {
                { bullet_section("Positive achievements", "positive-achievements", &media.positive_achievements) }
                { bullet_section("Issues and questions raised", "issues-raised", &media.issues_raised) }
            }
            <Recommendations dataset={dataset.clone()} review={props.review} passing={props.passing.clone()} query={props.query.clone()} onquery={props.onquery.clone()} />
            { response(dataset, props.review, media) }
            if let Some(adoption) = media.and_then(|m| m.adoption.as_ref()) {
                <section data-testid="adoption">
                    <h3>{ "Adoption of the report" }</h3>
                    <p>
                        { format!("The Working Group's adoption of the report was scheduled on {}", date(&adoption.date)) }
                        if let (Some(start), Some(end)) = (&adoption.start, &adoption.end) {
                            { format!(", {start}–{end}") }
                        }
                        { "." }
                    </p>
                </section>
            }
            if let Some(media) = media {
                <p class="source">{ format!("Sections from the OHCHR media summary ({}); recommendations from the UPR Info database and the DIHR SDG–Human Rights Data Explorer.", media.source_file) }</p>
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

fn delegation(media: &MediaSummary) -> Html {
    let d = &media.delegation;
    if d.lines.is_empty() {
        return html! {};
    }
    html! {
        <section data-testid="delegation">
            <h3>{ "Delegation" }</h3>
            <dl>
                if let Some(size) = d.size {
                    <dt>{ "Size" }</dt><dd>{ count(size, "person", "people") }</dd>
                }
                if let Some(head) = &d.head {
                    <dt>{ "Headed by" }</dt><dd>{ head.clone() }</dd>
                }
                if let Some(presenter) = &d.presented_by {
                    <dt>{ "National report presented by" }</dt><dd>{ presenter.clone() }</dd>
                }
            </dl>
        </section>
    }
}

fn participation(dataset: &Dataset, index: usize, media: Option<&MediaSummary>) -> Html {
    let review = &dataset.reviews[index];
    let summary = &review.summary;
    let p = summary.participation;
    let names = |states: &[StateIndex]| {
        states.iter()
            .map(|s| dataset.state_name(*s).to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <section data-testid="participation-detail">
            <h3>{ "Participation" }</h3>
            <p>
                { format!("{} made recommendations: {} members of the Human Rights Council and {} observers.", count(p.states, "State", "States"), p.members, p.observers) }
                if summary.unknown_recommender > 0 {
                    { format!(" The source does not name the State behind {}.", count(summary.unknown_recommender, "recommendation", "recommendations")) }
                }
            </p>
            if let Some(counted) = media.and_then(|m| m.states_taking_part) {
                <p data-testid="media-summary-count">
                    { format!("The OHCHR media summary counts {} member and {} observer States taking part in the interactive discussion, with or without a recommendation.", counted.members, counted.observers) }
                </p>
            }
            // The lists come with the texts, like the recommendations.
            if dataset.texts_loaded {
                <details>
                    <summary>{ "Which States" }</summary>
                    <p><strong>{ "Members: " }</strong>{ names(&review.participants.members) }</p>
                    <p><strong>{ "Observers: " }</strong>{ names(&review.participants.observers) }</p>
                </details>
            } else {
                <p>{ "Which States: once the texts have loaded." }</p>
            }
        </section>
    }
}

fn response(dataset: &Dataset, index: usize, media: Option<&MediaSummary>) -> Html {
    let review = &dataset.reviews[index];
    let summary = &review.summary;
    let statements = media.map(|m| m.response.as_slice()).unwrap_or_default();
    html! {
        <section data-testid="response">
            <h3>{ "Response of the State under review" }</h3>
            <p>
                { format!("Of {}, it accepted {} ({}%) and noted {}.", count(summary.recommendations, "recommendation", "recommendations"), thousands(summary.accepted), percent(summary.accepted, summary.recommendations), thousands(summary.noted)) }
            </p>
            if !statements.is_empty() {
                <ul>{ for statements.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
            }
            if !review.pledges.is_empty() {
                <h4>{ format!("Voluntary pledges ({})", review.pledges.len()) }</h4>
                <ul>{ for review.pledges.iter().map(|p| html! { <li>{ p.text.clone() }</li> }) }</ul>
            }
        </section>
    }
}

#[component]
fn Recommendations(props: &ReviewDetailProps) -> Html {
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
                let name = row.from.map_or("Unknown State".to_owned(), |s| dataset.state_name(s).to_owned());
                groups.entry(GroupKey::Name(name)).or_default().push(row);
            }
        }
    }
    let (search, _) = SearchQuery::parse(&props.query.text);
    let heading = |key: &GroupKey| match (key, grouping) {
        (GroupKey::Option(option), Grouping::Facet(facet)) => facet.label(dataset, *option),
        (GroupKey::None, Grouping::Facet(facet)) => facet.none_label(review).to_owned(),
        (GroupKey::Name(name), _) => name.clone(),
        _ => String::new(),
    };
    let unclassified = Facet::ALL.into_iter().filter(|f| !f.classifies(review)).map(|f| f.plural()).collect::<Vec<_>>();
    let total = review.summary.recommendations;
    html! {
        <section data-testid="recommendations">
            <h3>{ "Recommendations" }</h3>
            if let Some(media) = media.filter(|m| !m.recommendations.is_empty()) {
                <h4>{ "As summarised by OHCHR" }</h4>
                <ul>{ for media.recommendations.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            if !dataset.texts_loaded {
                <p role="status">{ "The recommendation texts are still loading." }</p>
            } else {
                <p data-testid="recommendation-count">
                    { if rows.len() as u32 == total {
                        format!("All {}", count(total, "recommendation", "recommendations"))
                    } else {
                        format!("{} of {} match the filters", thousands(rows.len() as u32), count(total, "recommendation", "recommendations"))
                    } }
                </p>
                <div class="grouping" role="radiogroup" aria-label="Group recommendations by">
                    { "Group by " }
                    { for Facet::ALL.into_iter().map(|facet| html! {
                        <label><input type="radio" name="group" checked={grouping == Grouping::Facet(facet)} disabled={!facet.classifies(review)} onchange={ongroup(Grouping::Facet(facet))} />{ format!(" {}", facet.noun()) }</label>
                    }) }
                    <label><input type="radio" name="group" checked={grouping == Grouping::State} onchange={ongroup(Grouping::State)} />{ " recommending State" }</label>
                </div>
                if !unclassified.is_empty() {
                    <p class="note" data-testid="not-classified">
                        { format!("The source does not classify the recommendations of this review by {}.", unclassified.join(" or ")) }
                    </p>
                }
                { for groups.iter().map(|(key, rows)| html! {
                    <section class="group" data-testid="recommendation-group">
                        <h4>{ format!("{} ({})", heading(key), rows.len()) }</h4>
                        <ul class="recommendation-list">
                            { for rows.iter().map(|row| recommendation(dataset, row, &search)) }
                        </ul>
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

/// `text` with the ranges in `<mark>`.
fn marked(text: &str, ranges: &[std::ops::Range<usize>]) -> Html {
    let mut shown = 0;
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    for range in ranges {
        if let (Some(before), Some(found)) = (text.get(shown..range.start), text.get(range.clone())) {
            parts.push(html! { { before.to_owned() } });
            parts.push(html! { <mark>{ found.to_owned() }</mark> });
            shown = range.end;
        }
    }
    parts.push(html! { { text.get(shown..).unwrap_or_default().to_owned() } });
    parts.into_iter().collect()
}

fn recommendation(dataset: &Dataset, row: &RecommendationRow, search: &SearchQuery) -> Html {
    let from = row.from.map_or("Unknown State".to_owned(), |s| dataset.state_name(s).to_owned());
    let (class, label) = match row.response {
        Response::Accepted => ("accepted-text", "Accepted"),
        Response::Noted => ("noted-text", "Noted"),
    };
    let goals = Facet::SdgGoal.indices(row).map(|option| {
        let goal = option as u8 + 1;
        let (background, text) = sdg_colours(goal).unwrap_or(("transparent", "inherit"));
        let name = dataset.sdg_goals.iter().find(|g| g.number == goal).map_or(String::new(), |g| g.name.clone());
        html! {
            <li class="sdg" data-testid="sdg-goal" data-goal={goal.to_string()} style={format!("background: {background}; color: {text}")}
                title={format!("Sustainable Development Goal {goal}: {name}")}>
                <strong>{ goal }</strong>{ format!(" {name}") }
            </li>
        }
    });
    let targets = row.sdg_targets().map(|t| {
        let uncertain = t.contains('|');
        html! {
            <li class={classes!("target", uncertain.then_some("uncertain"))} data-testid="sdg-target"
                title={uncertain.then_some("The source does not say which of the two targets it means")}>
                { format!("Target {}", sdg_target(t)) }
            </li>
        }
    });
    let persons: Vec<String> = Facet::Persons.indices(row).map(|p| Facet::Persons.label(dataset, p)).collect();
    let text = row.text();
    html! {
        <li data-testid="recommendation">
            <p>{ marked(&text, &search.highlights(&text)) }</p>
            <p class="meta">
                <span>{ from }</span>{ " · " }
                <strong class={class}>{ label }</strong>
                if let Some(action) = row.action {
                    { " · " }<span>{ format!("{} (category {action})", action_label(action)) }</span>
                }
                if let (Some(symbol), Some(cited)) = (row.document(), document(row)) {
                    { " · " }<a href={document_url(symbol)} rel="noopener" data-testid="document">{ cited }</a>
                }
            </p>
            if row.sdg_goals != 0 || row.sdg_targets().next().is_some() {
                <ul class="sdgs" aria-label="Sustainable Development Goals">{ for goals }{ for targets }</ul>
            }
            if !persons.is_empty() {
                <p class="meta persons" data-testid="persons">{ format!("Concerns: {}", persons.join(", ")) }</p>
            }
        </li>
    }
}
