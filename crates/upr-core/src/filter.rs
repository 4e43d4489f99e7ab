//! Query × dataset -> the matching reviews, their passing recommendations,
//! and the counts shown beside every filter option. Pure: no DOM.
//!
//! The facets (`theme`, `sdg`, `persons`), `response`, `from`, `from_region` and `q` select
//! recommendations: one passes when it has any selected value of each facet
//! and meets the others. A review matches when its review-level filters
//! hold and, if a recommendation-level filter is set, one of its
//! recommendations passes (`match=all`: every selected theme is carried by
//! some passing recommendation).

use crate::dataset::load::{theme_indices, Dataset, Review, StateIndex};
use crate::dataset::schema::{Region, Response};
use crate::facet::{Facet, PerFacet};
use crate::passing::Passing;
use crate::query::{Bounds, Query, QueryWarning, Reason, SortKey};
use crate::search::{RowSet, SearchQuery};
use std::rc::Rc;

/// The query with names resolved against the dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Criteria {
    /// Per facet, the bits of the selected options; 0 when none is selected.
    masks: PerFacet<u64>,
    match_all: bool,
    states: Bounds,
    members: Bounds,
    observers: Bounds,
    pub sur: Option<StateIndex>,
    session: Option<u8>,
    cycle: Option<u8>,
    region: Option<Region>,
    response: Option<Response>,
    pub from: Option<StateIndex>,
    from_region: Option<Region>,
    /// The parsed search (`q`); `None` when it has no term.
    text: Option<SearchQuery>,
}

impl Criteria {
    /// Resolves names; what names nothing is ignored with a warning.
    pub fn compile(query: &Query, dataset: &Dataset) -> (Criteria, Vec<QueryWarning>) {
        let mut warnings = Vec::new();
        let mut warn = |parameter: &str, value: &str, reason: Reason| {
            warnings.push(QueryWarning {
                parameter: parameter.into(),
                value: value.into(),
                reason,
            })
        };
        let mut masks = PerFacet::default();
        for (facet, mask) in Facet::ALL.into_iter().zip(&mut masks) {
            for value in query.selection(facet) {
                match facet.find(dataset, value) {
                    Some(index) => *mask |= 1 << index,
                    None => warn(
                        facet.parameter(),
                        value,
                        Reason::UnknownOption {
                            facet,
                            options: dataset.option_count(facet),
                        },
                    ),
                }
            }
        }
        let mut state = |parameter: &str, name: &Option<String>| {
            let name = name.as_ref()?;
            let found = dataset.find_state(name);
            if found.is_none() {
                warn(parameter, name, Reason::NoSuchState);
            }
            found
        };
        let sur = state("sur", &query.sur);
        let from = state("from", &query.from);
        if let Some(session) = query.session {
            if !dataset.sessions.iter().any(|s| s.number == session) {
                warn("session", &session.to_string(), Reason::NoSuchSession);
            }
        }
        let (text, parse_warnings) = SearchQuery::parse(&query.text);
        for warning in parse_warnings {
            warn("q", warning.part(), Reason::Search(warning));
        }
        let criteria = Criteria {
            masks,
            match_all: query.match_all,
            states: query.states,
            members: query.members,
            observers: query.observers,
            sur,
            session: query.session,
            cycle: query.cycle,
            region: query.region,
            response: query.response,
            from,
            from_region: query.from_region,
            text: Some(text).filter(|t| !t.is_empty()),
        };
        (criteria, warnings)
    }

    pub fn selects_recommendations(&self) -> bool {
        self.masks.iter().any(|m| *m != 0)
            || self.response.is_some()
            || self.from.is_some()
            || self.from_region.is_some()
            || self.text.is_some()
    }

    fn mask(&self, facet: Facet) -> u64 {
        self.masks[facet as usize]
    }

    /// The review-level filters, leaving out `skip` (for their counts).
    fn review_holds(&self, review: &Review, skip: Option<ReviewFilter>) -> bool {
        let p = &review.summary.participation;
        let unless = |filter: ReviewFilter, holds: bool| skip == Some(filter) || holds;
        self.states.contains(p.states)
            && self.members.contains(p.members)
            && self.observers.contains(p.observers)
            && self.sur.is_none_or(|s| s == review.state)
            && unless(
                ReviewFilter::Session,
                self.session.is_none_or(|s| s == review.summary.session),
            )
            && unless(
                ReviewFilter::Cycle,
                self.cycle.is_none_or(|c| c == review.cycle),
            )
            && unless(
                ReviewFilter::Region,
                self.region.is_none_or(|r| Some(r) == review.region),
            )
    }
}

/// The review-level filters whose options show counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReviewFilter {
    Session,
    Cycle,
    Region,
}

/// The recommendations that the search, `from` and `from_region` let
/// through; `None` when none of them is set.
fn from_and_text_rows(dataset: &Dataset, criteria: &Criteria) -> Option<RowSet> {
    let rows = dataset.recommendations.len();
    let mut set = criteria.text.as_ref().map(|search| {
        search.matching_rows(rows, |term, within| {
            term_rows(dataset, &term.folded, within)
        })
    });
    if criteria.from.is_some() || criteria.from_region.is_some() {
        let regions: Vec<Option<Region>> = dataset.states.iter().map(|s| s.region).collect();
        let region_of = |state: StateIndex| regions.get(state as usize).copied().flatten();
        let from_rows = dataset.recommendations.rows_from(|from| {
            criteria.from.is_none_or(|f| f == from)
                && criteria
                    .from_region
                    .is_none_or(|r| region_of(from) == Some(r))
        });
        match &mut set {
            Some(set) => set.and(&from_rows),
            None => set = Some(from_rows),
        }
    }
    set
}

/// The recommendations a term finds: in its text, or in a name (current or
/// former) of the State under review or of the recommending State. Only
/// those of `within` count (when given): where they are few, only their
/// texts are read.
fn term_rows(dataset: &Dataset, term: &str, within: Option<&RowSet>) -> RowSet {
    let text = dataset.recommendations.search_text();
    let mut rows = match within {
        Some(within) => text.word_prefix_hits_within(term, within),
        None => text.word_prefix_hits(term),
    };
    let named = named_states(dataset, term);
    if named.iter().any(|n| *n) {
        for review in dataset.reviews.iter().filter(|r| named[r.state as usize]) {
            rows.insert_range(review.recommendations.clone());
        }
        rows.or(&dataset
            .recommendations
            .rows_from(|from| named.get(from as usize).copied().unwrap_or(false)));
        if let Some(within) = within {
            rows.and(within);
        }
    }
    rows
}

/// Per State, whether one of its names holds the (folded) term as a word
/// prefix: `cote` names Côte d'Ivoire.
fn named_states(dataset: &Dataset, term: &str) -> Vec<bool> {
    (0..dataset.states.len())
        .map(|s| dataset.named_by(s as StateIndex, term))
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewMatch {
    pub review: usize,
    /// The passing recommendations, or all of the review's when no
    /// recommendation-level filter is set. Empty until the texts are loaded.
    pub passing: Passing,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub reviews: Vec<ReviewMatch>,
    /// Passing recommendations in matching reviews (all of theirs when no
    /// recommendation-level filter is set).
    pub recommendations: u32,
    /// A recommendation-level filter is set but the texts are not loaded:
    /// reviews were matched on their per-review summaries, and the
    /// recommendation count is that of the whole matching reviews.
    pub provisional: bool,
    /// The query needs the texts (who recommended what) and they have not
    /// arrived: nothing is matched yet.
    pub waiting_for_texts: bool,
    /// Per theme: recommendations that would pass if the theme were selected
    /// alone, given every other filter. Read through [`counts(Facet::Theme)`].
    ///
    /// [`counts(Facet::Theme)`]: Self::counts
    pub theme_counts: Vec<u32>,
    /// The same per SDG goal (index goal - 1) and per group of persons.
    pub sdg_counts: Vec<u32>,
    pub persons_counts: Vec<u32>,
    /// Per action category (index category - 1).
    pub action_counts: Vec<u32>,
    /// Per response (accepted, noted): recommendations passing the others.
    pub response_counts: [u32; 2],
    /// Matching reviews per session (index session - 1), cycle (index
    /// cycle - 1) and region (in [`Region::ALL`] order), ignoring that filter.
    pub session_counts: Vec<u32>,
    pub cycle_counts: Vec<u32>,
    pub region_counts: Vec<u32>,
}

impl Outcome {
    /// Per option of the facet: recommendations that would pass if it were
    /// selected alone, given every other filter.
    pub fn counts(&self, facet: Facet) -> &[u32] {
        match facet {
            Facet::Theme => &self.theme_counts,
            Facet::SdgGoal => &self.sdg_counts,
            Facet::Persons => &self.persons_counts,
            Facet::Action => &self.action_counts,
        }
    }

    fn counts_mut(&mut self, facet: Facet) -> &mut Vec<u32> {
        match facet {
            Facet::Theme => &mut self.theme_counts,
            Facet::SdgGoal => &mut self.sdg_counts,
            Facet::Persons => &mut self.persons_counts,
            Facet::Action => &mut self.action_counts,
        }
    }
}

pub fn apply(dataset: &Dataset, query: &Query) -> (Outcome, Vec<QueryWarning>) {
    let (criteria, warnings) = Criteria::compile(query, dataset);
    let mut outcome = if dataset.texts_loaded {
        with_texts(dataset, &criteria)
    } else {
        from_summaries(dataset, &criteria)
    };
    sort(dataset, query, &mut outcome.reviews);
    (outcome, warnings)
}

fn with_texts(dataset: &Dataset, criteria: &Criteria) -> Outcome {
    let rows = dataset.recommendations.len();
    let index = &dataset.option_rows;
    let mut outcome = empty_outcome(dataset);
    // Per recommendation-level filter, the recommendations it lets
    // through, as bit sets; `None` where it is not set.
    let facets: PerFacet<Option<RowSet>> = Facet::ALL.map(|facet| {
        let mask = criteria.mask(facet);
        (mask != 0).then(|| {
            let mut set = RowSet::empty(rows);
            theme_indices(mask)
                .filter_map(|option| index.of(facet, option))
                .for_each(|option| set.or(option));
            set
        })
    });
    let response = criteria.response.map(|response| match response {
        Response::Noted => index.noted.clone(),
        Response::Accepted => {
            let mut accepted = RowSet::full(rows);
            accepted.and_not(&index.noted);
            accepted
        }
    });
    let others = from_and_text_rows(dataset, criteria);
    // `skip`: the facet whose counts are wanted ignores its own selection.
    let passing = |from: &RowSet, skip: Option<Facet>, with_response: bool| {
        let mut set = from.clone();
        for (facet, rows) in Facet::ALL.into_iter().zip(&facets) {
            if let (false, Some(rows)) = (skip == Some(facet), rows) {
                set.and(rows);
            }
        }
        if let (true, Some(response)) = (with_response, &response) {
            set.and(response);
        }
        set
    };

    // The counts beside the options: among the recommendations of the
    // reviews that hold, those passing every other filter.
    let mut counted = RowSet::empty(rows);
    let mut every_review = true;
    for review in &dataset.reviews {
        if criteria.review_holds(review, None) {
            counted.insert_range(review.recommendations.clone());
        } else {
            every_review = false;
        }
    }
    if let Some(others) = &others {
        counted.and(others);
    }
    // Where nothing narrows a facet's counts (no review-level filter, no
    // search or recommending State, no other facet or response), they are
    // its options' totals: toggling the first theme then counts the other
    // facets alone, and clearing the last counts nothing.
    let unnarrowed = |facet: Facet| {
        every_review
            && others.is_none()
            && criteria.response.is_none()
            && Facet::ALL
                .into_iter()
                .zip(&facets)
                .all(|(other, rows)| other == facet || rows.is_none())
    };
    for facet in Facet::ALL {
        if unnarrowed(facet) {
            for (count, total) in outcome
                .counts_mut(facet)
                .iter_mut()
                .zip(index.totals(facet))
            {
                *count = *total;
            }
            continue;
        }
        let set = passing(&counted, Some(facet), true);
        for (count, option) in outcome
            .counts_mut(facet)
            .iter_mut()
            .zip(index.options(facet))
        {
            *count = set.count_and(option) as u32;
        }
    }
    let answered = passing(&counted, None, false);
    let noted = answered.count_and(&index.noted) as u32;
    outcome.response_counts = [answered.len() as u32 - noted, noted];

    // The passing recommendations of every review, so that the counts of
    // the review-level options can ignore one review-level filter at a time.
    let mut all = RowSet::full(rows);
    if let Some(others) = &others {
        all.and(others);
    }
    let all = Rc::new(passing(&all, None, true));
    for (review_index, review) in dataset.reviews.iter().enumerate() {
        let range = review.recommendations.clone();
        let passing = if criteria.selects_recommendations() {
            Passing::within(range, &all)
        } else {
            Passing::all(range)
        };
        let matched = if !criteria.selects_recommendations() {
            true
        } else if criteria.match_all {
            let themes_seen = passing
                .iter()
                .fold(0, |seen, i| seen | dataset.recommendations.row(i).themes);
            !passing.is_empty()
                && themes_seen & criteria.mask(Facet::Theme) == criteria.mask(Facet::Theme)
        } else {
            !passing.is_empty()
        };
        if !matched {
            continue;
        }
        count_facets(criteria, review, &mut outcome);
        if criteria.review_holds(review, None) {
            outcome.recommendations += passing.len() as u32;
            outcome.reviews.push(ReviewMatch {
                review: review_index,
                passing,
            });
        }
    }
    outcome
}

/// Before the texts arrive: match on each review's facet counts and
/// responses. Exact for a single recommendation-level filter other than
/// the search text; `from` and `from_region` wait for the texts.
fn from_summaries(dataset: &Dataset, criteria: &Criteria) -> Outcome {
    let mut outcome = empty_outcome(dataset);
    outcome.provisional = criteria.selects_recommendations();
    // Who recommended what is in the texts file only: rather than guess,
    // match nothing until it is there.
    if criteria.from.is_some() || criteria.from_region.is_some() {
        outcome.waiting_for_texts = true;
        return outcome;
    }
    for (index, review) in dataset.reviews.iter().enumerate() {
        let summary = &review.summary;
        let facet_ok: PerFacet<bool> = Facet::ALL.map(|f| {
            let (have, wanted) = (f.review_mask(review), criteria.mask(f));
            if criteria.match_all && f == Facet::Theme {
                have & wanted == wanted
            } else {
                wanted == 0 || have & wanted != 0
            }
        });
        let facets_ok = facet_ok.iter().all(|ok| *ok);
        let response_ok = match criteria.response {
            None => true,
            Some(Response::Accepted) => summary.accepted > 0,
            Some(Response::Noted) => summary.noted > 0,
        };
        // Only names are known before the texts: a term holds where it
        // names the State under review.
        let text_ok = criteria.text.as_ref().is_none_or(|search| {
            search.holds(|term| {
                let term = search.terms().nth(term).map_or("", |t| t.folded.as_str());
                dataset.named_by(review.state, term)
            })
        });
        if !text_ok {
            continue;
        }
        let holds = criteria.review_holds(review, None);
        // Each facet's counts ignore its own selection, and the responses'
        // theirs, as once the texts are in (`with_texts`): the counts
        // beside the themes do not change when the texts arrive with only
        // themes selected.
        if holds && response_ok {
            for facet in Facet::ALL {
                let others_ok = Facet::ALL
                    .iter()
                    .zip(&facet_ok)
                    .all(|(other, ok)| *ok || *other == facet);
                if others_ok {
                    for (option, count) in facet.review_counts(review) {
                        outcome.counts_mut(facet)[option] += count;
                    }
                }
            }
        }
        if holds && facets_ok {
            outcome.response_counts[0] += summary.accepted;
            outcome.response_counts[1] += summary.noted;
        }
        if !(facets_ok && response_ok) {
            continue;
        }
        count_facets(criteria, review, &mut outcome);
        if holds {
            outcome.recommendations += summary.recommendations;
            outcome.reviews.push(ReviewMatch {
                review: index,
                passing: Passing::default(),
            });
        }
    }
    outcome
}

fn empty_outcome(dataset: &Dataset) -> Outcome {
    let mut outcome = Outcome {
        session_counts: vec![0; dataset.sessions.len()],
        cycle_counts: vec![
            0;
            dataset
                .sessions
                .iter()
                .map(|s| s.cycle as usize)
                .max()
                .unwrap_or(0)
        ],
        region_counts: vec![0; Region::ALL.len()],
        ..Outcome::default()
    };
    for facet in Facet::ALL {
        *outcome.counts_mut(facet) = vec![0; dataset.option_count(facet)];
    }
    outcome
}

fn count_facets(criteria: &Criteria, review: &Review, outcome: &mut Outcome) {
    if criteria.review_holds(review, Some(ReviewFilter::Session)) {
        if let Some(slot) = outcome
            .session_counts
            .get_mut(review.summary.session as usize - 1)
        {
            *slot += 1;
        }
    }
    if criteria.review_holds(review, Some(ReviewFilter::Cycle)) {
        if let Some(slot) = outcome.cycle_counts.get_mut(review.cycle as usize - 1) {
            *slot += 1;
        }
    }
    if criteria.review_holds(review, Some(ReviewFilter::Region)) {
        if let Some(i) = Region::ALL.iter().position(|r| Some(*r) == review.region) {
            outcome.region_counts[i] += 1;
        }
    }
}

fn sort(dataset: &Dataset, query: &Query, reviews: &mut [ReviewMatch]) {
    // Every key is a few numbers, the State's name by its rank among the
    // names (`Dataset::name_rank`): a name per review, allocated at each
    // filter, cost milliseconds at 16 times the data.
    // The standard sort, not `sort::sort_by_key`: it runs at every filter
    // step, over every matching review, and the direct comparison is
    // faster. One key for every order, so that this copy of the sort is
    // the only one. Stable: ties keep the dataset's order.
    reviews.sort_by_key(|m| {
        let review = &dataset.reviews[m.review];
        let (session, name) = (
            review.summary.session as u32,
            dataset.name_rank(review.state),
        );
        match query.sort.key {
            SortKey::Date => (session, name, 0),
            SortKey::State => (name, session, 0),
            SortKey::ParticipatingStates => (review.summary.participation.states, session, name),
            SortKey::Recommendations => {
                let count = if dataset.texts_loaded {
                    m.passing.len() as u32
                } else {
                    review.summary.recommendations
                };
                (count, session, name)
            }
        }
    });
    if query.sort.descending {
        reviews.reverse();
    }
}
