//! Query × dataset -> the matching reviews, their passing recommendations,
//! and the counts shown beside every filter option. Pure: no DOM.
//!
//! `theme`, `response`, `from`, `from_region` and `q` select recommendations: one passes
//! when it has any selected theme and meets the others. A review matches
//! when its review-level filters hold and, if a recommendation-level filter
//! is set, one of its recommendations passes (`match=all`: every selected
//! theme is carried by some passing recommendation).

use crate::dataset::load::{theme_indices, Dataset, RecommendationRow, Review, StateIndex, ThemeIndex};
use crate::dataset::schema::{Region, Response};
use crate::query::{Bounds, Query, QueryWarning, SortKey};

/// The query with names resolved against the dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Criteria {
    pub themes: Vec<ThemeIndex>,
    theme_mask: u64,
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
    /// Lower-cased search text.
    text: Option<String>,
}

impl Criteria {
    /// Resolves names; what names nothing is ignored with a warning.
    pub fn compile(query: &Query, dataset: &Dataset) -> (Criteria, Vec<QueryWarning>) {
        let mut warnings = Vec::new();
        let mut warn = |parameter: &str, value: &str, reason: &str| {
            warnings.push(QueryWarning { parameter: parameter.into(), value: value.into(), reason: reason.into() })
        };
        let mut themes = Vec::new();
        for label in &query.themes {
            match dataset.find_theme(label) {
                Some(theme) if !themes.contains(&theme) => themes.push(theme),
                Some(_) => {}
                None => warn("theme", label, "not one of the 54 themes"),
            }
        }
        let mut state = |parameter: &str, name: &Option<String>| {
            let name = name.as_ref()?;
            let found = dataset.find_state(name);
            if found.is_none() {
                warn(parameter, name, "no State of that name in the data");
            }
            found
        };
        let sur = state("sur", &query.sur);
        let from = state("from", &query.from);
        if let Some(session) = query.session {
            if !dataset.sessions.iter().any(|s| s.number == session) {
                warn("session", &session.to_string(), "no such session in the data");
            }
        }
        let text = query.text.trim().to_lowercase();
        let criteria = Criteria {
            theme_mask: themes.iter().fold(0, |mask, t| mask | 1 << t),
            themes,
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
        self.theme_mask != 0
            || self.response.is_some()
            || self.from.is_some()
            || self.from_region.is_some()
            || self.text.is_some()
    }

    /// The review-level filters, leaving out `skip` (for facet counts).
    fn review_holds(&self, review: &Review, skip: Option<Facet>) -> bool {
        let p = &review.summary.participation;
        let unless = |facet: Facet, holds: bool| skip == Some(facet) || holds;
        self.states.contains(p.states)
            && self.members.contains(p.members)
            && self.observers.contains(p.observers)
            && self.sur.is_none_or(|s| s == review.state)
            && unless(Facet::Session, self.session.is_none_or(|s| s == review.summary.session))
            && unless(Facet::Cycle, self.cycle.is_none_or(|c| c == review.cycle))
            && unless(Facet::Region, self.region.is_none_or(|r| Some(r) == review.region))
    }

    /// The recommendation-level filters other than theme and response.
    fn meets_from_and_text(&self, index: usize, row: &RecommendationRow, review_named: bool, search: &TextSearch) -> bool {
        let from_ok = self.from.is_none_or(|f| Some(f) == row.from);
        let region_ok = self
            .from_region
            .is_none_or(|r| row.from.is_some_and(|f| search.regions[f as usize] == Some(r)));
        let text_ok = self.text.is_none()
            || review_named
            || row.from.is_some_and(|f| search.named[f as usize])
            || search.texts.get(index).copied().unwrap_or(false);
        from_ok && region_ok && text_ok
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Session,
    Cycle,
    Region,
}

/// Prepared once per filtering: which States' names and which
/// recommendation texts hold the search text, and each State's region.
struct TextSearch {
    named: Vec<bool>,
    regions: Vec<Option<Region>>,
    /// Per recommendation; empty when there is no search text.
    texts: Vec<bool>,
}

impl TextSearch {
    fn new(dataset: &Dataset, text: Option<&str>) -> Self {
        TextSearch {
            named: dataset
                .states
                .iter()
                .map(|s| text.is_some_and(|t| std::iter::once(&s.name).chain(s.former_names.iter().map(|f| &f.name)).any(|n| n.to_lowercase().contains(t))))
                .collect(),
            regions: dataset.states.iter().map(|s| s.region).collect(),
            texts: text.map(|t| dataset.search_text.hits(t)).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewMatch {
    pub review: usize,
    /// Indices into `Dataset::recommendations`: the passing ones, or all of
    /// the review's when no recommendation-level filter is set. Empty until
    /// the texts are loaded.
    pub passing: Vec<u32>,
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
    /// Per theme: recommendations that would pass if the theme were selected
    /// alone, given every other filter.
    pub theme_counts: Vec<u32>,
    /// Per response (accepted, noted): recommendations passing the others.
    pub response_counts: [u32; 2],
    /// Matching reviews per session (index session - 1), cycle (index
    /// cycle - 1) and region (in `Region::ALL` order), ignoring that filter.
    pub session_counts: Vec<u32>,
    pub cycle_counts: Vec<u32>,
    pub region_counts: Vec<u32>,
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
    let search = TextSearch::new(dataset, criteria.text.as_deref());
    let mut outcome = empty_outcome(dataset);
    // Per review: its passing recommendations, computed for every review so
    // that facet counts can ignore one review-level filter at a time.
    let mut candidates: Vec<Option<Vec<u32>>> = Vec::with_capacity(dataset.reviews.len());
    for review in &dataset.reviews {
        let counted = criteria.review_holds(review, None);
        let review_named = search.named[review.state as usize];
        let mut passing = Vec::new();
        let mut themes_seen = 0u64;
        for index in review.recommendations.clone() {
            let row = &dataset.recommendations[index];
            let theme_ok = criteria.theme_mask == 0 || row.themes & criteria.theme_mask != 0;
            if !criteria.meets_from_and_text(index, row, review_named, &search) {
                continue;
            }
            if counted && theme_ok {
                outcome.response_counts[(row.response == Response::Noted) as usize] += 1;
            }
            if criteria.response.is_some_and(|r| r != row.response) {
                continue;
            }
            if counted {
                for t in theme_indices(row.themes) {
                    outcome.theme_counts[t] += 1;
                }
            }
            if theme_ok {
                themes_seen |= row.themes & criteria.theme_mask;
                passing.push(index as u32);
            }
        }
        let matched = if !criteria.selects_recommendations() {
            true
        } else if criteria.match_all {
            !passing.is_empty() && themes_seen == criteria.theme_mask
        } else {
            !passing.is_empty()
        };
        candidates.push(matched.then_some(passing));
    }
    for (index, (review, passing)) in dataset.reviews.iter().zip(candidates).enumerate() {
        let Some(passing) = passing else { continue };
        count_facets(criteria, review, &mut outcome);
        if criteria.review_holds(review, None) {
            outcome.recommendations += passing.len() as u32;
            outcome.reviews.push(ReviewMatch { review: index, passing });
        }
    }
    outcome
}

/// Before the texts arrive: match on each review's theme counts, responses
/// and participants. Exact for a single recommendation-level filter.
fn from_summaries(dataset: &Dataset, criteria: &Criteria) -> Outcome {
    let mut outcome = empty_outcome(dataset);
    outcome.provisional = criteria.selects_recommendations();
    for (index, review) in dataset.reviews.iter().enumerate() {
        let summary = &review.summary;
        let themes_ok = if criteria.match_all {
            review.themes & criteria.theme_mask == criteria.theme_mask
        } else {
            criteria.theme_mask == 0 || review.themes & criteria.theme_mask != 0
        };
        let response_ok = match criteria.response {
            None => true,
            Some(Response::Accepted) => summary.accepted > 0,
            Some(Response::Noted) => summary.noted > 0,
        };
        let from_ok = criteria.from.is_none_or(|f| {
            let id = &dataset.states[f as usize].id;
            summary.participants.members.contains(id) || summary.participants.observers.contains(id)
        });
        let from_region_ok = criteria.from_region.is_none_or(|r| {
            summary.participants.members.iter().chain(&summary.participants.observers).any(|id| {
                dataset.state_index(id).is_some_and(|s| dataset.states[s as usize].region == Some(r))
            })
        });
        let text_ok = criteria.text.as_ref().is_none_or(|text| {
            dataset.state_names(review.state).any(|name| name.to_lowercase().contains(text.as_str()))
        });
        if !(themes_ok && response_ok && from_ok && from_region_ok && text_ok) {
            continue;
        }
        count_facets(criteria, review, &mut outcome);
        if criteria.review_holds(review, None) {
            for (theme, count) in &summary.themes {
                if let Some(t) = dataset.theme_index(theme) {
                    outcome.theme_counts[t as usize] += count;
                }
            }
            outcome.response_counts[0] += summary.accepted;
            outcome.response_counts[1] += summary.noted;
            outcome.recommendations += summary.recommendations;
            outcome.reviews.push(ReviewMatch { review: index, passing: Vec::new() });
        }
    }
    outcome
}

fn empty_outcome(dataset: &Dataset) -> Outcome {
    Outcome {
        theme_counts: vec![0; dataset.themes.len()],
        session_counts: vec![0; dataset.sessions.len()],
        cycle_counts: vec![0; dataset.sessions.iter().map(|s| s.cycle as usize).max().unwrap_or(0)],
        region_counts: vec![0; Region::ALL.len()],
        ..Outcome::default()
    }
}

fn count_facets(criteria: &Criteria, review: &Review, outcome: &mut Outcome) {
    if criteria.review_holds(review, Some(Facet::Session)) {
        if let Some(slot) = outcome.session_counts.get_mut(review.summary.session as usize - 1) {
            *slot += 1;
        }
    }
    if criteria.review_holds(review, Some(Facet::Cycle)) {
        if let Some(slot) = outcome.cycle_counts.get_mut(review.cycle as usize - 1) {
            *slot += 1;
        }
    }
    if criteria.review_holds(review, Some(Facet::Region)) {
        if let Some(i) = Region::ALL.iter().position(|r| Some(*r) == review.region) {
            outcome.region_counts[i] += 1;
        }
    }
}

fn sort(dataset: &Dataset, query: &Query, reviews: &mut [ReviewMatch]) {
    let date = |m: &ReviewMatch| {
        let r = &dataset.reviews[m.review];
        (r.summary.session, dataset.state_name(r.state).to_owned())
    };
    match query.sort.key {
        SortKey::Date => reviews.sort_by_cached_key(date),
        SortKey::State => reviews.sort_by_cached_key(|m| {
            let (session, name) = date(m);
            (name, session)
        }),
        SortKey::ParticipatingStates => reviews.sort_by_cached_key(|m| {
            (dataset.reviews[m.review].summary.participation.states, date(m))
        }),
        SortKey::Recommendations => reviews.sort_by_cached_key(|m| {
            let count = if dataset.texts_loaded {
                m.passing.len() as u32
            } else {
                dataset.reviews[m.review].summary.recommendations
            };
            (count, date(m))
        }),
    }
    if query.sort.descending {
        reviews.reverse();
    }
}
