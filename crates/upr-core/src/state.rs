//! The viewer's state and the actions that change it. Pure: loading and
//! the address bar live in the viewer, which dispatches what they bring
//! and wraps [`ViewerState::reduce`] in Yew's `Reducible`.

use crate::dataset::indices::StateIndex;
use crate::dataset::load::Dataset;
use crate::dataset::schema::Region;
use crate::dataset::LoadError;
use crate::facet::Facet;
use crate::filter::{apply, Outcome};
use crate::query::{Query, QueryWarning, Reason, View};
use crate::stats::{self, CompareError, Comparison, Histogram, SessionBar, Split};
use std::rc::Rc;

/// Shared, cheaply compared by identity: a new value means a new dataset
/// or outcome, so props compare in O(1) instead of walking 41,000 rows.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What the charts draw, for the current selection.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// Per facet, in [`Facet::ALL`] order: its options' bars.
    pub facets: Vec<(Facet, Vec<(usize, Split)>)>,
    pub regions: Vec<(Option<Region>, Split)>,
    /// Per session that holds a review, in session order, with its cycle:
    /// the selection over time.
    pub over_time: Vec<SessionBar>,
    /// Per facet filtered by, the sessions of `over_time` it does not
    /// classify ([`stats::unclassified_over_time`]).
    pub over_time_unclassified: Vec<(Facet, Vec<u8>)>,
    pub participation: Histogram,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Not asked for (yet): the texts come when the view needs them.
    Idle,
    Loading,
    Ready,
    Failed(LoadError),
}

/// Which texts the view needs ([`ViewerState::texts_wanted`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsWanted {
    Nothing,
    /// One State's reviews' (its cards, its comparison): a few kilobytes.
    State(crate::dataset::indices::StateIndex),
    /// Every review's: a search, a filter on recommendations, the table,
    /// the charts, a download.
    All,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewerState {
    pub overview: Phase,
    /// Every review's texts.
    pub texts: Phase,
    /// One State's texts, for its cards and comparison, until every
    /// review's are in.
    pub state_texts: Phase,
    pub dataset: Option<Shared<Dataset>>,
    pub query: Query,
    /// What the address bar or attributes asked for that could not be read.
    pub parse_warnings: Vec<QueryWarning>,
    /// Those, and what names nothing in the dataset: all that was ignored.
    pub warnings: Vec<QueryWarning>,
    pub outcome: Shared<Outcome>,
    /// What [`outcome`](Self::outcome) was filtered from: the dataset, the query's filters
    /// ([`Query::filters_only`]) and what they named that does not exist.
    filtered: Option<(Shared<Dataset>, Query, Vec<QueryWarning>)>,
    /// Worked out only while the charts are shown.
    pub charts: Option<Shared<ChartData>>,
    /// Worked out only while the table is shown.
    pub table: Option<Shared<crate::table::Table>>,
    /// Worked out only while the cards are shown with `from` set.
    pub profile: Option<Shared<stats::RecommenderProfile>>,
    /// Worked out only while a comparison is asked for.
    pub comparison: Option<Result<Shared<Comparison>, CompareError>>,
    /// The work behind the four views above, once the viewer has it.
    pub extras: Option<Extras>,
}

/// The work behind the views only some visits open: the charts, the
/// table, the profile of a recommending State and a comparison. The state
/// reaches it through this table, not by name, so that the viewer's wasm
/// can hold it in a piece of its own, fetched when such a view is asked
/// for (the viewer's `extras` module): until it is in, the views' data
/// stays unset. Native code (the tests, the prerender) hands it over at
/// once: [`Extras::ALL`].
#[derive(Clone, Copy)]
pub struct Extras {
    pub charts: fn(&Dataset, &Outcome, &Query) -> ChartData,
    pub table: fn(&Dataset, &Outcome, &Query) -> crate::table::Table,
    pub profile: fn(&Dataset, &Outcome, StateIndex) -> stats::RecommenderProfile,
    pub compare: fn(&Dataset, &str) -> Result<Comparison, CompareError>,
}

impl Extras {
    pub const ALL: Extras = Extras {
        charts: chart_data,
        table: |dataset, outcome, query| {
            crate::table::build(dataset, outcome, query.by, Some(query.table_sort()))
        },
        profile: stats::recommender_profile,
        compare: stats::compare,
    };
}

/// A program has one set of extras: any two are the same (comparing the
/// functions' addresses would say nothing more, and is unreliable).
impl PartialEq for Extras {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Extras {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Extras")
    }
}

/// What the charts draw for the selection `outcome` of `query`.
fn chart_data(dataset: &Dataset, outcome: &Outcome, query: &Query) -> ChartData {
    let over_time = stats::over_time(dataset, outcome);
    ChartData {
        facets: Facet::ALL
            .iter()
            .map(|f| (*f, stats::by_facet(dataset, outcome, *f)))
            .collect(),
        regions: stats::by_recommending_region(dataset, outcome),
        over_time_unclassified: stats::unclassified_over_time(dataset, query, &over_time),
        over_time,
        participation: stats::participation_histogram(dataset, query),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryOrigin {
    /// The address bar or the element's attributes: do not write it back.
    Outside,
    /// A discrete choice: a new history entry, so Back undoes it.
    Choice,
    /// Typing: replaces the current entry instead of one per key.
    Typing,
}

pub enum Action {
    OverviewLoaded(Result<Rc<Dataset>, LoadError>),
    /// Every review's texts are being fetched.
    TextsRequested,
    /// The dataset again, now with every review's texts.
    TextsLoaded(Result<Rc<Dataset>, LoadError>),
    /// The dataset with one State's texts, while every review's are not in.
    StateTextsLoaded(Result<Rc<Dataset>, LoadError>),
    /// A query read from the address bar or attributes, with its warnings.
    External(Query, Vec<QueryWarning>),
    /// A query the person chose (the address bar has it already).
    Change(Query),
    /// The person asked to load again what failed to load.
    Retry,
    /// The work behind the charts, the table, a profile and a comparison.
    ExtrasLoaded(Extras),
}

impl ViewerState {
    pub fn new(query: Query, warnings: Vec<QueryWarning>) -> Self {
        ViewerState {
            overview: Phase::Loading,
            texts: Phase::Idle,
            state_texts: Phase::Idle,
            dataset: None,
            query,
            warnings: warnings.clone(),
            parse_warnings: warnings,
            outcome: Shared(Rc::new(Outcome::default())),
            filtered: None,
            charts: None,
            table: None,
            profile: None,
            comparison: None,
            extras: None,
        }
    }

    /// A viewer that starts with its dataset already loaded (the overview,
    /// or with the texts): a prerendered page, at build time and as the
    /// browser hydrates it, must start from the same state.
    pub fn with_dataset(
        query: Query,
        warnings: Vec<QueryWarning>,
        dataset: Option<Rc<Dataset>>,
        extras: Option<Extras>,
    ) -> Self {
        let mut state = Self::new(query, warnings);
        state.extras = extras;
        if let Some(dataset) = dataset {
            // As `OverviewLoaded` (and `TextsLoaded`) would leave it, filtered once.
            state.overview = Phase::Ready;
            if dataset.texts_loaded {
                state.texts = Phase::Ready;
            }
            if !dataset.texts_held.is_empty() {
                state.state_texts = Phase::Ready;
            }
            state.dataset = Some(Shared(dataset));
            state.refilter();
        }
        state
    }

    /// Which texts the view needs and the dataset does not hold: every
    /// review's ([`Query::needs_every_text`]), or the State's of the open
    /// card or of the comparison.
    pub fn texts_wanted(&self) -> TextsWanted {
        let Some(dataset) = &self.dataset else {
            return TextsWanted::Nothing;
        };
        if dataset.texts_loaded {
            return TextsWanted::Nothing;
        }
        // Asked for (a download), or asked for by the view.
        if self.texts == Phase::Loading || self.query.needs_every_text() {
            return TextsWanted::All;
        }
        let open = self
            .query
            .review
            .as_deref()
            .and_then(|id| dataset.review_by_id(id));
        let state = match open {
            Some(review) if dataset.has_texts_of(review) => return TextsWanted::Nothing,
            Some(review) => Some(dataset.reviews[review].state),
            None => self
                .query
                .compare
                .as_deref()
                .and_then(|name| dataset.find_state(name)),
        };
        match state {
            Some(state)
                if !dataset
                    .reviews_of(state)
                    .iter()
                    .all(|r| dataset.has_texts_of(*r)) =>
            {
                TextsWanted::State(state)
            }
            _ => TextsWanted::Nothing,
        }
    }

    /// Filters again; warnings are the parse warnings plus those only the
    /// dataset can tell (an unknown theme, State or review).
    fn refilter(&mut self) {
        self.warnings = self.parse_warnings.clone();
        let Some(dataset) = self.dataset.clone() else {
            return;
        };
        // Opening a card, turning a page or changing the view leaves the
        // matches as they were: the same outcome is kept, so that nothing is
        // filtered again (with a search, tens of milliseconds on a large
        // dataset) and the components showing it see the same value and
        // are not rendered again.
        let filters = self.query.filters_only();
        match &self.filtered {
            Some((from, same, warnings)) if *from == dataset && *same == filters => {
                self.warnings.extend(warnings.iter().cloned())
            }
            _ => {
                let (outcome, warnings) = apply(&dataset, &self.query);
                self.warnings.extend(warnings.iter().cloned());
                self.outcome = Shared(Rc::new(outcome));
                self.filtered = Some((dataset.clone(), filters, warnings));
            }
        }
        let outcome = &*self.outcome.0;
        if let Some(review) = &self.query.review {
            if dataset.review_by_id(review).is_none() {
                self.warnings.push(QueryWarning {
                    parameter: "review".into(),
                    value: review.clone(),
                    reason: Reason::NoSuchReview,
                });
            }
        }
        let Some(extras) = self.extras else {
            return;
        };
        let query = &self.query;
        self.charts = (query.view == View::Charts && dataset.texts_loaded)
            .then(|| Shared(Rc::new((extras.charts)(&dataset, outcome, query))));
        self.table = (query.view == View::Table && dataset.texts_loaded)
            .then(|| Shared(Rc::new((extras.table)(&dataset, outcome, query))));
        let cards_shown =
            query.view == View::Cards && query.review.is_none() && query.compare.is_none();
        self.profile = match (&query.from, cards_shown && dataset.texts_loaded) {
            (Some(from), true) => dataset
                .find_state(from)
                .map(|state| Shared(Rc::new((extras.profile)(&dataset, outcome, state)))),
            _ => None,
        };
        self.comparison = query
            .compare
            .as_ref()
            .map(|state| (extras.compare)(&dataset, state).map(|c| Shared(Rc::new(c))));
    }
}

impl ViewerState {
    /// The state after `action`, or `None` where the action changes
    /// nothing (so that nothing is drawn again).
    pub fn reduce(&self, action: Action) -> Option<ViewerState> {
        let mut next = self.clone();
        match action {
            Action::OverviewLoaded(Ok(dataset)) => {
                // A dataset with texts may have come first (a prerendered
                // page's, a second viewer joining a finished load): never
                // go back to the overview alone.
                if next.dataset.is_none() {
                    next.dataset = Some(Shared(dataset));
                }
                next.overview = Phase::Ready;
                next.refilter();
            }
            Action::OverviewLoaded(Err(error)) => {
                // The texts are not read without the overview: its error is theirs.
                next.texts = Phase::Failed(error.clone());
                next.overview = Phase::Failed(error);
            }
            Action::TextsRequested => {
                if matches!(next.texts, Phase::Loading | Phase::Ready) {
                    return None;
                }
                next.texts = Phase::Loading;
            }
            Action::StateTextsLoaded(result) => {
                // Every review's texts hold the State's already.
                if next.texts == Phase::Ready {
                    return None;
                }
                match result {
                    Ok(dataset) => {
                        next.dataset = Some(Shared(dataset));
                        next.state_texts = Phase::Ready;
                    }
                    Err(error) => next.state_texts = Phase::Failed(error),
                }
                next.refilter();
            }
            Action::TextsLoaded(result) => {
                match result {
                    Ok(dataset) => {
                        next.dataset = Some(Shared(dataset));
                        next.texts = Phase::Ready;
                    }
                    Err(error) => next.texts = Phase::Failed(error),
                }
                next.refilter();
            }
            Action::External(query, warnings) => {
                next.query = query;
                next.parse_warnings = warnings;
                next.refilter();
            }
            Action::Retry => {
                if matches!(next.overview, Phase::Failed(_)) {
                    next.overview = Phase::Loading;
                    next.texts = Phase::Idle;
                    next.state_texts = Phase::Idle;
                } else if matches!(next.texts, Phase::Failed(_)) {
                    next.texts = Phase::Loading;
                } else if matches!(next.state_texts, Phase::Failed(_)) {
                    next.state_texts = Phase::Idle;
                } else {
                    return None;
                }
            }
            Action::ExtrasLoaded(extras) => {
                if next.extras.is_some() {
                    return None;
                }
                next.extras = Some(extras);
                next.refilter();
            }
            Action::Change(query) => {
                if query == self.query {
                    return None;
                }
                next.query = query;
                next.parse_warnings.clear();
                next.refilter();
            }
        }
        Some(next)
    }
}
