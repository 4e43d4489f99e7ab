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

/// A State reviewed twice: what changed between its two reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub state: StateIndex,
    /// Review indices, earlier first.
    pub earlier: usize,
    pub later: usize,
    /// What the two reviews are compared along: themes where both are
    /// classified by theme, otherwise SDG goals (the Explorer links both
    /// cycles, UPR Info's themes stop at session 20).
    pub facet: Facet,
    /// Options (of [`facet`](Self::facet)) raised only later, only earlier.
    pub gained: Vec<usize>,
    pub dropped: Vec<usize>,
    /// Per option raised in either: (option, then, now).
    pub per_option: Vec<(usize, Split, Split)>,
    /// States that recommended in both reviews, by name.
    pub recommended_both_times: Vec<StateIndex>,
}

/// Why there is nothing to compare (the viewer's `Tr::compare_error` words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    UnknownState(String),
    /// The State was reviewed this many times, not twice.
    NotTwice {
        state: StateIndex,
        reviews: usize,
    },
    TextsNotLoaded,
}

pub fn compare(dataset: &Dataset, state_name: &str) -> Result<Comparison, CompareError> {
    let state = dataset
        .find_state(state_name)
        .ok_or_else(|| CompareError::UnknownState(state_name.to_owned()))?;
    let mut reviews: Vec<usize> = (0..dataset.reviews.len())
        .filter(|i| dataset.reviews[*i].state == state)
        .collect();
    sort::sort_by_key(&mut reviews, |i| dataset.reviews[*i].summary.session);
    let [earlier, later] = reviews[..] else {
        return Err(CompareError::NotTwice {
            state,
            reviews: reviews.len(),
        });
    };
    if ![earlier, later].iter().all(|r| dataset.has_texts_of(*r)) {
        return Err(CompareError::TextsNotLoaded);
    }
    let facet = if [earlier, later]
        .iter()
        .all(|r| Facet::Theme.classifies(&dataset.reviews[*r]))
    {
        Facet::Theme
    } else {
        Facet::SdgGoal
    };
    let splits = |review: usize| {
        let mut per_option: BTreeMap<usize, Split> = BTreeMap::new();
        let mut from = BTreeSet::new();
        for row in dataset
            .recommendations
            .range(dataset.reviews[review].recommendations.clone())
        {
            for option in facet.indices(&row) {
                per_option.entry(option).or_default().add(row.response);
            }
            from.extend(row.from);
        }
        (per_option, from)
    };
    let (then, from_then) = splits(earlier);
    let (now, from_now) = splits(later);
    let options: BTreeSet<usize> = then.keys().chain(now.keys()).copied().collect();
    let mut recommended_both_times: Vec<StateIndex> =
        from_then.intersection(&from_now).copied().collect();
    sort::sort_by(&mut recommended_both_times, |a, b| {
        dataset.state_name(*a).cmp(dataset.state_name(*b))
    });
    Ok(Comparison {
        state,
        earlier,
        later,
        facet,
        gained: now
            .keys()
            .filter(|t| !then.contains_key(t))
            .copied()
            .collect(),
        dropped: then
            .keys()
            .filter(|t| !now.contains_key(t))
            .copied()
            .collect(),
        per_option: options
            .into_iter()
            .map(|t| {
                (
                    t,
                    then.get(&t).cloned().unwrap_or_default(),
                    now.get(&t).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        recommended_both_times,
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
