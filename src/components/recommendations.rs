//! The open card's recommendations, grouped as the person chose, each with
//! its State, response, category, goals and document. The rows below the
//! screen are drawn after the first paint ([`drawn`](super::drawn)) when the card is opened
//! in the running viewer.

use super::deferred::InTurn;
use super::drawn::{use_drawn_rows, FIRST_ROWS};
use super::marked::marked;
use super::{use_tr, OnQuery};
use crate::i18n::{Lang, Msg, Tr};
use std::collections::BTreeMap;
use std::rc::Rc;
use upr_core::card_groups::group_by_option;
use upr_core::dataset::load::{Dataset, RecommendationRow};
use upr_core::dataset::schema::Response;
use upr_core::export::{document, document_url};
use upr_core::facet::Facet;
use upr_core::format::sdg_target;
use upr_core::query::{Grouping, Query};
use upr_core::search::SearchQuery;
use upr_core::state::{QueryOrigin, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    pub dataset: Shared<Dataset>,
    pub review: usize,
    /// Indices of the recommendations to show (the passing ones).
    pub passing: Vec<u32>,
    pub query: Query,
    pub onquery: OnQuery,
    /// The groups' headings without their recommendations.
    pub outline: bool,
    /// Draw the rows below the first screen in later tasks ([`drawn`](super::drawn)).
    pub progressive: bool,
}

/// Rows per [`RecommendationRows`]: a slice drawn once and then left alone
/// while the next ones are added.
const ROWS_PER_SLICE: usize = FIRST_ROWS;

#[component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let review = &dataset.reviews[props.review];
    let media = review.summary.media_summary.as_ref();
    let ongroup = |group: Grouping| {
        let query = Query {
            group,
            ..props.query.clone()
        };
        let onquery = props.onquery.clone();
        Callback::from(move |_: Event| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let grouping = props.query.group.for_review(review);
    // The options the query selects have their rows written out under them.
    let selected = match grouping {
        Grouping::Facet(facet) => props.query.selection(facet).to_vec(),
        Grouping::State => Vec::new(),
    };
    // Once per card, grouping and language: not again at each step that
    // draws more rows.
    let groups = use_memo(
        (
            props.passing.clone(),
            grouping,
            selected,
            t.clone(),
            dataset.clone(),
        ),
        |(passing, grouping, selected, t, dataset)| {
            group_rows(t, dataset, passing, *grouping, selected)
        },
    );
    // Parsed once per search, so that the slices already drawn compare
    // equal and are left alone as more are added.
    let search = use_memo(props.query.text.clone(), |text| SearchQuery::parse(text).0);
    let listed: usize = groups.iter().map(|g| g.rows.len()).sum();
    // An outline has headings only: all of them, at once.
    let drawn = use_drawn_rows(listed, props.progressive && !props.outline);
    let heading = |key: &GroupKey| match (key, grouping) {
        (GroupKey::Option(option), Grouping::Facet(facet)) => {
            t.facet_label(facet, dataset, *option)
        }
        (GroupKey::None, Grouping::Facet(facet)) => t.facet_none(facet, facet.classifies(review)),
        (GroupKey::Name(name), _) => name.clone(),
        _ => String::new(),
    };
    // The row's other groups, where the row does not already list them
    // (its goals and groups of persons are on it): a recommendation is
    // written out in one group and only counted in its others.
    let also_under = |key: &GroupKey| match (key, grouping) {
        (GroupKey::Option(option), Grouping::Facet(facet))
            if !matches!(facet, Facet::SdgGoal | Facet::Persons) =>
        {
            Some((facet, *option))
        }
        _ => None,
    };
    let unclassified = Facet::ALL
        .into_iter()
        .filter(|f| !f.classifies(review))
        .map(|f| t.facet_plural(f))
        .collect::<Vec<_>>();
    let total = review.summary.recommendations;
    html! {
        <section data-testid="recommendations">
            <h3>{ t.get(Msg::Recommendations) }</h3>
            if let Some(media) = media.filter(|m| !m.recommendations.is_empty()) {
                <h4>{ t.get(Msg::SummarisedByOhchr) }</h4>
                <ul lang="en">{ for media.recommendations.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            if !dataset.has_texts_of(props.review) {
                <p role="status">{ t.get(Msg::TextsStillLoading) }</p>
            } else {
                <p data-testid="recommendation-count">
                    { if props.passing.len() as u32 == total {
                        t.fmt(Msg::AllRecommendations, &[("recommendations", &t.count(Msg::RecommendationsCount, total, &[]))])
                    } else {
                        t.fmt(Msg::SomeMatch, &[("n", &t.num(props.passing.len() as u32)), ("recommendations", &t.count(Msg::RecommendationsCount, total, &[]))])
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
                // Keyed, groups and slices: Yew matches unkeyed children from
                // the end, so each step's new rows would otherwise be laid
                // over the rows already drawn.
                { for drawn_groups(&groups, drawn).map(|(group, slices)| html! {
                    <section key={group.key.as_key()} class="group">
                        <h4>{ format!("{} ({})", heading(&group.key), t.num(group.total() as u32)) }</h4>
                        if !props.outline && group.elsewhere > 0 {
                            <p class="meta elsewhere">
                                { t.fmt(Msg::WrittenOutUnder, &[
                                    ("n", &t.num(group.elsewhere as u32)),
                                    ("groups", &group.written_under.iter().map(&heading).collect::<Vec<_>>().join("; ")),
                                ]) }
                            </p>
                        }
                        if !props.outline && !group.rows.is_empty() {
                            // A prerendered card is taken over a slice at a
                            // time (`deferred`), and the group's list swapped
                            // in once all its slices have had their turn.
                            <Suspense>
                                <ul class="recommendation-list">
                                    { for group.rows.chunks(ROWS_PER_SLICE).take(slices).enumerate().map(|(n, slice)| html! {
                                        <InTurn key={n}>
                                            <RecommendationRows dataset={dataset.clone()} rows={slice.to_vec()} search={search.clone()} also_under={also_under(&group.key)} />
                                        </InTurn>
                                    }) }
                                </ul>
                            </Suspense>
                        }
                    </section>
                }) }
            }
        </section>
    }
}

/// One group of the open card: the rows written out in it, and how many
/// of its recommendations are written out in other groups, and which.
#[derive(PartialEq)]
struct Group {
    key: GroupKey,
    rows: Vec<u32>,
    elsewhere: usize,
    written_under: Vec<GroupKey>,
}

impl Group {
    fn total(&self) -> usize {
        self.rows.len() + self.elsewhere
    }
}

/// The passing rows (`passing`) by their group, in the groups' order; a
/// facet's groups as [`group_by_option`] makes them, with `selected` the
/// query's values of the facet.
fn group_rows(
    t: &Tr,
    dataset: &Dataset,
    passing: &[u32],
    grouping: Grouping,
    selected: &[String],
) -> Vec<Group> {
    match grouping {
        Grouping::Facet(facet) => group_by_option(dataset, facet, selected, passing)
            .into_iter()
            .map(|group| Group {
                key: group.option.map_or(GroupKey::None, GroupKey::Option),
                rows: group.rows,
                elsewhere: group.elsewhere,
                written_under: group
                    .written_under
                    .into_iter()
                    .map(GroupKey::Option)
                    .collect(),
            })
            .collect(),
        Grouping::State => {
            let mut by_name: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for &index in passing {
                let row = dataset.recommendations.row(index as usize);
                by_name
                    .entry(recommending_state(t, dataset, &row))
                    .or_default()
                    .push(index);
            }
            by_name
                .into_iter()
                .map(|(name, rows)| Group {
                    key: GroupKey::Name(name),
                    rows,
                    elsewhere: 0,
                    written_under: Vec::new(),
                })
                .collect()
        }
    }
}

/// The groups with anything drawn yet, each with how many of its slices
/// are: a slice is drawn once the rows before it, in all groups, are. A
/// group whose rows are all written out elsewhere is drawn with the group
/// before it.
fn drawn_groups(groups: &[Group], drawn: usize) -> impl Iterator<Item = (&Group, usize)> {
    groups
        .iter()
        .scan(0usize, move |before, group| {
            let slices = drawn.saturating_sub(*before).div_ceil(ROWS_PER_SLICE);
            let shown = *before < drawn || (*before == drawn && group.rows.is_empty());
            *before += group.rows.len();
            Some((group, slices, shown))
        })
        .take_while(|(_, _, shown)| *shown)
        .map(|(group, slices, _)| (group, slices))
}

#[derive(Properties, PartialEq)]
struct RecommendationRowsProps {
    dataset: Shared<Dataset>,
    rows: Vec<u32>,
    search: Rc<SearchQuery>,
    /// The grouping facet and this group's option, where each row names
    /// its other options of the facet.
    also_under: Option<(Facet, usize)>,
}

/// One slice of a group's rows.
#[component]
fn RecommendationRows(props: &RecommendationRowsProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    html! {
        { for props.rows.iter().map(|&index| recommendation(&t, dataset, &dataset.recommendations.row(index as usize), &props.search, props.also_under)) }
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

impl GroupKey {
    fn as_key(&self) -> String {
        match self {
            GroupKey::Option(option) => format!("option {option}"),
            GroupKey::None => "none".to_owned(),
            GroupKey::Name(name) => format!("name {name}"),
        }
    }
}

/// Who made the recommendation, by the name it recommended under
/// (`Turkey` in 2015), as the State under review's is the one of the
/// review's date: on the row, and for the groups by recommending State.
fn recommending_state(t: &Tr, dataset: &Dataset, row: &RecommendationRow) -> String {
    row.from.map_or_else(
        || t.get(Msg::UnknownState),
        |s| t.state_name_at(dataset, s, dataset.review_date(row.review as usize)),
    )
}

fn recommendation(
    t: &Tr,
    dataset: &Dataset,
    row: &RecommendationRow,
    search: &SearchQuery,
    also_under: Option<(Facet, usize)>,
) -> Html {
    let from = recommending_state(t, dataset, row);
    let class = match row.response {
        Response::Accepted => "accepted-text",
        Response::Noted => "noted-text",
    };
    let label = t.response(row.response);
    let goals = Facet::SdgGoal.indices(row).map(|option| {
        let goal = option as u8 + 1;
        let name = dataset
            .sdg_goals
            .iter()
            .find(|g| g.number == goal)
            .map_or(String::new(), |g| t.sdg(goal, &g.name));
        html! {
            <li class={format!("sdg sdg-goal-{goal}")}>
                <strong>{ goal }</strong>{ format!(" {name}") }
            </li>
        }
    });
    let targets = row.sdg_targets().map(|target| {
        let uncertain = target.contains('|');
        html! {
            <li class={classes!("target", uncertain.then_some("uncertain"))}
                title={uncertain.then(|| t.get(Msg::AmbiguousTarget))}>
                { t.fmt(Msg::TargetN, &[("target", &sdg_target(target).replace(" or ", &t.get(Msg::Or)))]) }
            </li>
        }
    });
    let persons: Vec<String> = Facet::Persons
        .indices(row)
        .map(|p| t.facet_label(Facet::Persons, dataset, p))
        .collect();
    let others: Vec<String> = also_under.map_or_else(Vec::new, |(facet, group)| {
        facet
            .indices(row)
            .filter(|&option| option != group)
            .map(|option| t.facet_label(facet, dataset, option))
            .collect()
    });
    // The OHCHR Index's own lists, shown apart and as it labels them.
    let index_themes: Vec<&str> = row.index_themes().collect();
    let index_persons: Vec<&str> = row.index_persons().collect();
    let text = row.text();
    let english = (t.lang() != Lang::En).then_some("en");
    // No test ids in a row nor attributes that only repeat it: a page
    // holds hundreds of rows, and every byte of one is paid for hundreds of
    // times (tests find the rows by their classes: tests/e2e/viewer-page.mjs).
    html! {
        <li>
            // The texts are the source's English: screen readers switch
            // voice. Said only where the viewer is in another language.
            <p lang={english}>{ marked(&text, search) }</p>
            <p class="meta">
                <span>{ marked(&from, search) }</span>{ " · " }
                <strong class={class}>{ label }</strong>
                if let Some(action) = row.action {
                    { " · " }<span>{ t.fmt(Msg::CategoryN, &[("action", &t.action(action)), ("n", &action.to_string())]) }</span>
                }
                if let (Some(symbol), Some(cited)) = (row.document(), document(row)) {
                    { " · " }<a href={document_url(symbol)}>{ cited }</a>
                }
            </p>
            if row.sdg_goals != 0 || row.sdg_targets().next().is_some() {
                <ul class="sdgs" aria-label={t.get(Msg::SdgList)}>{ for goals }{ for targets }</ul>
            }
            if !others.is_empty() {
                <p class="meta also">{ t.fmt(Msg::AlsoUnder, &[("groups", &others.join("; "))]) }</p>
            }
            if !persons.is_empty() {
                <p class="meta persons">{ t.fmt(Msg::Concerns, &[("persons", &persons.join(", "))]) }</p>
            }
            if !index_themes.is_empty() {
                <p class="meta index-themes">
                    { t.get(Msg::IndexThemes) }{ " " }<span lang="en">{ index_themes.join("; ") }</span>
                </p>
            }
            if !index_persons.is_empty() {
                <p class="meta index-persons">
                    { t.get(Msg::IndexPersons) }{ " " }<span lang="en">{ index_persons.join("; ") }</span>
                </p>
            }
        </li>
    }
}
