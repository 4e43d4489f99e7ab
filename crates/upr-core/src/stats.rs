//! Aggregates of the current selection for charts and comparison, and the
//! export files. Pure: no DOM.

use crate::dataset::load::{Dataset, RecommendationRow, StateIndex};
use crate::dataset::schema::{Region, Response};
use crate::facet::Facet;
use crate::filter::{apply, Outcome};
use crate::query::{Bounds, Query};
use crate::sort;
use std::collections::{BTreeMap, BTreeSet};

/// Accepted and noted recommendations under one heading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    pub accepted: u32,
    pub noted: u32,
}

impl Split {
    pub fn total(&self) -> u32 {
        self.accepted + self.noted
    }

    fn add(&mut self, response: Response) {
        match response {
            Response::Accepted => self.accepted += 1,
            Response::Noted => self.noted += 1,
        }
    }
}

/// The passing recommendations of the matching reviews.
pub fn passing_rows<'a>(
    dataset: &'a Dataset,
    outcome: &'a Outcome,
) -> impl Iterator<Item = RecommendationRow<'a>> + 'a {
    outcome
        .reviews
        .iter()
        .flat_map(|m| m.passing.iter().map(|i| dataset.recommendations.row(i)))
}

/// Recommendations per option of a facet, split by response, most first
/// (a scale, such as the action categories, in its own order); options
/// with none are left out.
pub fn by_facet(dataset: &Dataset, outcome: &Outcome, facet: Facet) -> Vec<(usize, Split)> {
    let mut splits = vec![Split::default(); dataset.option_count(facet)];
    for row in passing_rows(dataset, outcome) {
        for option in facet.indices(&row) {
            splits[option].add(row.response);
        }
    }
    let mut bars: Vec<(usize, Split)> = splits
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.total() > 0)
        .collect();
    if !facet.is_scale() {
        sort::most_first(&mut bars, Split::total);
    }
    bars
}

pub fn by_theme(dataset: &Dataset, outcome: &Outcome) -> Vec<(usize, Split)> {
    by_facet(dataset, outcome, Facet::Theme)
}

/// Recommendations by the regional group of the recommending State, in
/// [`Region::ALL`] order, then `None` (Holy See, Palestine, and unknown).
pub fn by_recommending_region(
    dataset: &Dataset,
    outcome: &Outcome,
) -> Vec<(Option<Region>, Split)> {
    let mut groups: Vec<(Option<Region>, Split)> = Region::ALL
        .iter()
        .map(|r| (Some(*r), Split::default()))
        .chain([(None, Split::default())])
        .collect();
    for row in passing_rows(dataset, outcome) {
        let region = row.from.and_then(|f| dataset.states[f as usize].region);
        let slot = groups
            .iter_mut()
            .find(|(r, _)| *r == region)
            .expect("every region has a slot");
        slot.1.add(row.response);
    }
    groups
}

/// Recommendations per session, for every session in the data.
pub fn by_session(dataset: &Dataset, outcome: &Outcome) -> Vec<(u8, Split)> {
    let mut sessions: Vec<(u8, Split)> = dataset
        .sessions
        .iter()
        .map(|s| (s.number, Split::default()))
        .collect();
    for m in &outcome.reviews {
        let session = dataset.reviews[m.review].summary.session;
        if let Some((_, split)) = sessions.iter_mut().find(|(n, _)| *n == session) {
            for i in m.passing.iter() {
                split.add(dataset.recommendations.row(i).response);
            }
        }
    }
    sessions
}

/// One session of the chart over time: its recommendations in the
/// selection, and the cycle it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionBar {
    pub session: u8,
    pub cycle: u8,
    pub split: Split,
}

/// The selection over time: [`by_session`] for the sessions that hold a
/// review, in session order, each with its cycle. The sessions the data
/// lists beyond the last review (to session 50) are left out: they hold
/// no reviews yet, which a bar of zero would misstate.
pub fn over_time(dataset: &Dataset, outcome: &Outcome) -> Vec<SessionBar> {
    let reviewed: BTreeSet<u8> = dataset.reviews.iter().map(|r| r.summary.session).collect();
    let mut bars: Vec<SessionBar> = by_session(dataset, outcome)
        .into_iter()
        .filter(|(session, _)| reviewed.contains(session))
        .map(|(session, split)| SessionBar {
            session,
            cycle: dataset
                .sessions
                .iter()
                .find(|s| s.number == session)
                .map_or(0, |s| s.cycle),
            split,
        })
        .collect();
    sort::sort_by_key(&mut bars, |b| b.session);
    bars
}

/// Per facet the query filters by, the sessions among `bars` that facet
/// does not classify (session 27 has no themes): a filter by it finds
/// nothing there, which the chart says so that an empty bar does not read
/// as "none raised".
pub fn unclassified_over_time(
    dataset: &Dataset,
    query: &Query,
    bars: &[SessionBar],
) -> Vec<(Facet, Vec<u8>)> {
    Facet::ALL
        .iter()
        .filter(|facet| !query.selection(**facet).is_empty())
        .filter_map(|facet| {
            let (_, unclassified) = facet.coverage(dataset);
            let charted: Vec<u8> = unclassified
                .into_iter()
                .filter(|s| bars.iter().any(|b| b.session == *s))
                .collect();
            (!charted.is_empty()).then_some((*facet, charted))
        })
        .collect()
}

/// The cycles of a run of bars in session order: each cycle with the
/// range of its bars, where the chart marks a boundary and a label.
pub fn cycle_spans(bars: &[SessionBar]) -> Vec<(u8, std::ops::Range<usize>)> {
    let mut spans: Vec<(u8, std::ops::Range<usize>)> = Vec::new();
    for (i, bar) in bars.iter().enumerate() {
        match spans.last_mut() {
            Some((cycle, range)) if *cycle == bar.cycle => range.end = i + 1,
            _ => spans.push((bar.cycle, i..i + 1)),
        }
    }
    spans
}

/// Reviews per number of participating States, in bins of [`BIN`] States,
/// for the selection without its own States range (so the chart shows
/// where the range sits in the whole distribution).
pub const BIN: u32 = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    /// `counts[i]`: reviews with `i * BIN ..= i * BIN + BIN - 1` States.
    pub counts: Vec<u32>,
    /// The most participating States in any review of the dataset.
    pub most: u32,
}

pub fn participation_histogram(dataset: &Dataset, query: &Query) -> Histogram {
    let unbounded = Query {
        states: Bounds::default(),
        ..query.clone()
    };
    let (outcome, _) = apply(dataset, &unbounded);
    let most = dataset
        .reviews
        .iter()
        .map(|r| r.summary.participation.states)
        .max()
        .unwrap_or(0);
    let mut counts = vec![0; (most / BIN + 1) as usize];
    for m in &outcome.reviews {
        counts[(dataset.reviews[m.review].summary.participation.states / BIN) as usize] += 1;
    }
    Histogram { counts, most }
}

/// A State's reviews side by side, in session order: how each was
/// answered, what each raised that the one before it had not (and the
/// reverse), and who recommended throughout.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub state: StateIndex,
    /// Every review of the State, earliest first; at least two.
    pub reviews: Vec<ComparedReview>,
    /// What the acceptance per option is given along: the facet that
    /// classifies the most of the reviews, themes on a tie; `None` where
    /// neither themes nor SDG goals classify any of them.
    pub facet: Option<Facet>,
    /// Per option (of [`facet`](Self::facet)) raised in any review: its
    /// split in each review, in [`reviews`](Self::reviews) order, `None`
    /// where that facet does not classify that review (session 27 has no
    /// themes: not "none raised").
    pub per_option: Vec<(usize, Vec<Option<Split>>)>,
    /// States that recommended in every review, by name.
    pub recommended_every_time: Vec<StateIndex>,
}

impl Comparison {
    /// The State's reviews as bars over time, one per review's session.
    pub fn over_time(&self) -> Vec<SessionBar> {
        self.reviews
            .iter()
            .map(|r| SessionBar {
                session: r.session,
                cycle: r.cycle,
                split: r.split.clone(),
            })
            .collect()
    }
}

/// One review of a [`Comparison`].
#[derive(Clone, Debug, PartialEq)]
pub struct ComparedReview {
    /// Index into [`Dataset::reviews`].
    pub review: usize,
    pub session: u8,
    pub cycle: u8,
    /// Its recommendations, accepted and noted.
    pub split: Split,
    /// The facets a comparison can go by (themes, SDG goals) that
    /// classify this review: none for session 27.
    pub classified_by: Vec<Facet>,
    /// Against the review before it; `None` for the first.
    pub change: Option<Change>,
}

/// What changed from one review of a State to the next.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The review before (index into [`Dataset::reviews`]).
    pub previous: usize,
    /// What the two are compared along: themes where both are classified
    /// by theme, else SDG goals where both are linked to them; `None`
    /// where either has neither (session 27), so that nothing is listed
    /// as gained or dropped that the source simply does not classify.
    pub facet: Option<Facet>,
    /// Options (of [`facet`](Self::facet)) raised in this review and not
    /// the one before.
    pub gained: Vec<usize>,
    /// Options raised in the review before and not in this one.
    pub dropped: Vec<usize>,
    /// States that recommended in both, by name.
    pub recommended_in_both: Vec<StateIndex>,
}

/// Why there is nothing to compare (the viewer's `Tr::compare_error` words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    UnknownState(String),
    /// The State was reviewed fewer than two times: once, or never (a
    /// State that only recommended, such as an observer).
    ReviewedOnce {
        state: StateIndex,
        reviews: usize,
    },
    TextsNotLoaded,
}

/// The facets a comparison can go by, in order of preference: UPR Info's
/// themes, then the Explorer's SDG goals.
const COMPARED_BY: [Facet; 2] = [Facet::Theme, Facet::SdgGoal];

/// One review's recommendations read once: per facet of [`COMPARED_BY`]
/// that classifies it, the split of each option; and the States that
/// recommended in it.
struct ReviewTally {
    /// Indexed as [`COMPARED_BY`]; `None` where that facet does not
    /// classify the review.
    per_facet: [Option<BTreeMap<usize, Split>>; COMPARED_BY.len()],
    from: BTreeSet<StateIndex>,
}

impl ReviewTally {
    fn of(dataset: &Dataset, review: usize) -> ReviewTally {
        let classified = COMPARED_BY.map(|f| f.classifies(&dataset.reviews[review]));
        let mut per_facet = classified.map(|c| c.then(BTreeMap::<usize, Split>::new));
        let mut from = BTreeSet::new();
        for row in dataset
            .recommendations
            .range(dataset.reviews[review].recommendations.clone())
        {
            for (facet, splits) in COMPARED_BY.iter().zip(&mut per_facet) {
                if let Some(splits) = splits {
                    for option in facet.indices(&row) {
                        splits.entry(option).or_default().add(row.response);
                    }
                }
            }
            from.extend(row.from);
        }
        ReviewTally { per_facet, from }
    }

    /// The split per option along `facet`, if it classifies the review.
    fn along(&self, facet: Facet) -> Option<&BTreeMap<usize, Split>> {
        let at = COMPARED_BY.iter().position(|f| *f == facet)?;
        self.per_facet[at].as_ref()
    }
}

fn by_name(dataset: &Dataset, states: impl IntoIterator<Item = StateIndex>) -> Vec<StateIndex> {
    let mut states: Vec<StateIndex> = states.into_iter().collect();
    sort::sort_by(&mut states, |a, b| {
        dataset.state_name(*a).cmp(dataset.state_name(*b))
    });
    states
}

/// Every review of the State called `state_name` (any of its names),
/// compared each with the one before.
pub fn compare(dataset: &Dataset, state_name: &str) -> Result<Comparison, CompareError> {
    let state = dataset
        .find_state(state_name)
        .ok_or_else(|| CompareError::UnknownState(state_name.to_owned()))?;
    let mut reviews: Vec<usize> = (0..dataset.reviews.len())
        .filter(|i| dataset.reviews[*i].state == state)
        .collect();
    sort::sort_by_key(&mut reviews, |i| dataset.reviews[*i].summary.session);
    if reviews.len() < 2 {
        return Err(CompareError::ReviewedOnce {
            state,
            reviews: reviews.len(),
        });
    }
    if !reviews.iter().all(|r| dataset.has_texts_of(*r)) {
        return Err(CompareError::TextsNotLoaded);
    }
    let classifies = |facet: Facet, review: usize| facet.classifies(&dataset.reviews[review]);
    // `max_by_key` keeps the last of equals: themes last, so they win a tie.
    let facet = COMPARED_BY
        .iter()
        .rev()
        .map(|f| (*f, reviews.iter().filter(|r| classifies(*f, **r)).count()))
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(f, _)| f);
    let table: Vec<ReviewTally> = reviews
        .iter()
        .map(|r| ReviewTally::of(dataset, *r))
        .collect();
    let options: BTreeSet<usize> = table
        .iter()
        .filter_map(|t| t.along(facet?))
        .flat_map(BTreeMap::keys)
        .copied()
        .collect();
    let per_option = options
        .into_iter()
        .map(|option| {
            let splits = table
                .iter()
                .map(|t| {
                    t.along(facet?)
                        .map(|splits| splits.get(&option).cloned().unwrap_or_default())
                })
                .collect();
            (option, splits)
        })
        .collect();
    let every_time = table.iter().skip(1).fold(table[0].from.clone(), |all, t| {
        all.intersection(&t.from).copied().collect()
    });
    let compared = reviews
        .iter()
        .enumerate()
        .map(|(i, &review)| {
            let summary = &dataset.reviews[review].summary;
            let change = i.checked_sub(1).map(|p| {
                let (before, this) = (&table[p], &table[i]);
                // The first facet that classifies both: each tally holds
                // its splits along a facet only where it does.
                let pair = COMPARED_BY
                    .into_iter()
                    .find_map(|f| Some((f, before.along(f)?, this.along(f)?)));
                let facet = pair.map(|(f, _, _)| f);
                let none = BTreeMap::new();
                let (then, now) = pair.map_or((&none, &none), |(_, then, now)| (then, now));
                let raised_only = |a: &BTreeMap<usize, Split>, b: &BTreeMap<usize, Split>| {
                    a.keys().filter(|o| !b.contains_key(o)).copied().collect()
                };
                Change {
                    previous: reviews[p],
                    facet,
                    gained: raised_only(now, then),
                    dropped: raised_only(then, now),
                    recommended_in_both: by_name(
                        dataset,
                        before.from.intersection(&this.from).copied(),
                    ),
                }
            });
            ComparedReview {
                review,
                session: summary.session,
                cycle: dataset.reviews[review].cycle,
                split: Split {
                    accepted: summary.accepted,
                    noted: summary.noted,
                },
                classified_by: COMPARED_BY
                    .into_iter()
                    .filter(|f| classifies(*f, review))
                    .collect(),
                change,
            }
        })
        .collect();
    Ok(Comparison {
        state,
        reviews: compared,
        facet,
        per_option,
        recommended_every_time: by_name(dataset, every_time),
    })
}

/// What one recommending State (the `from` filter) recommended in the
/// selection: how much, to whom, on what, and how it was answered.
#[derive(Clone, Debug, PartialEq)]
pub struct RecommenderProfile {
    pub state: StateIndex,
    /// Its recommendations, accepted and noted.
    pub split: Split,
    /// Reviews in which it recommended.
    pub reviews: u32,
    /// States under review, most recommendations first (then by name).
    pub recipients: Vec<(StateIndex, u32)>,
    /// Per facet (themes, SDG goals): its options, most first.
    pub facets: Vec<(Facet, Vec<(usize, Split)>)>,
}

/// The facets a profile lists: what the recommendations were about.
const PROFILE_FACETS: [Facet; 2] = [Facet::Theme, Facet::SdgGoal];

pub fn recommender_profile(
    dataset: &Dataset,
    outcome: &Outcome,
    state: StateIndex,
) -> RecommenderProfile {
    let mut split = Split::default();
    let mut reviews = 0;
    let mut recipients: BTreeMap<StateIndex, u32> = BTreeMap::new();
    let mut facets: Vec<Vec<Split>> = PROFILE_FACETS
        .iter()
        .map(|f| vec![Split::default(); dataset.option_count(*f)])
        .collect();
    for m in &outcome.reviews {
        let rows = m
            .passing
            .iter()
            .map(|i| dataset.recommendations.row(i))
            .filter(|r| r.from == Some(state));
        let mut any = false;
        for row in rows {
            any = true;
            split.add(row.response);
            *recipients
                .entry(dataset.reviews[m.review].state)
                .or_default() += 1;
            for (facet, splits) in PROFILE_FACETS.iter().zip(&mut facets) {
                for option in facet.indices(&row) {
                    splits[option].add(row.response);
                }
            }
        }
        reviews += u32::from(any);
    }
    let mut recipients: Vec<(StateIndex, u32)> = recipients.into_iter().collect();
    sort::sort_by(&mut recipients, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| dataset.state_name(a.0).cmp(dataset.state_name(b.0)))
    });
    let facets = PROFILE_FACETS
        .into_iter()
        .zip(facets)
        .map(|(facet, splits)| {
            let mut options: Vec<(usize, Split)> = splits
                .into_iter()
                .enumerate()
                .filter(|(_, s)| s.total() > 0)
                .collect();
            sort::most_first(&mut options, Split::total);
            (facet, options)
        })
        .collect();
    RecommenderProfile {
        state,
        split,
        reviews,
        recipients,
        facets,
    }
}
