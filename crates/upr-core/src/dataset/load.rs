//! Reads the two bundled files into an indexed, checked [`Dataset`]. Every
//! reference (theme, State, review) and every declared count is verified,
//! so a damaged file is refused with a message that names the problem
//! instead of showing wrong numbers.

use super::borrowed::{ReviewIn, Str};
use super::classification::{Facet, PerFacet};
use super::option_rows::OptionRows;
use super::schema::*;
use super::stream::{ObjectStream, Piece};
use super::texts::{NewRecommendation, RowFields};
pub use super::texts::{RecommendationRow, Recommendations, SearchText};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::fmt;

pub const OVERVIEW_FILE: &str = "overview.json";
pub const TEXTS_FILE: &str = "recommendations.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The file could not be fetched.
    Fetch {
        file: String,
        message: String,
    },
    /// Not JSON, or JSON not of the documented shape.
    Json {
        file: String,
        message: String,
    },
    Version {
        file: String,
        found: u32,
    },
    /// A declared count disagrees with what the file holds.
    Count {
        file: String,
        what: String,
        declared: u64,
        found: u64,
    },
    /// An id that names nothing.
    Reference {
        file: String,
        what: String,
        id: String,
    },
    /// Texts made for another build's overview: the host has published a
    /// new build since the overview was read. Never shown with it.
    OtherBuild {
        file: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Fetch { file, message } => write!(f, "could not load {file}: {message}"),
            LoadError::Json { file, message } => {
                write!(f, "{file} is not a valid dataset file: {message}")
            }
            LoadError::Version { file, found } => write!(
                f,
                "{file} has schema version {found}, but this viewer reads version {SCHEMA_VERSION}"
            ),
            LoadError::Count {
                file,
                what,
                declared,
                found,
            } => write!(
                f,
                "this data is damaged: {file} declares {declared} {what} but holds {found}"
            ),
            LoadError::Reference { file, what, id } => {
                write!(
                    f,
                    "this data is damaged: {file} refers to an unknown {what} {}",
                    crate::format::quoted(id)
                )
            }
            LoadError::OtherBuild { file } => write!(
                f,
                "{file} belongs to a newer version of the data than the page: reload the page"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The same error, of the file named `file` (one State's texts are
    /// read by the reader of the whole file, which names that one).
    pub fn of_file(mut self, name: &str) -> LoadError {
        let (LoadError::Fetch { file, .. }
        | LoadError::Json { file, .. }
        | LoadError::Version { file, .. }
        | LoadError::Count { file, .. }
        | LoadError::Reference { file, .. }
        | LoadError::OtherBuild { file }) = &mut self;
        *file = name.to_owned();
        self
    }
}

pub use super::indices::{theme_indices, PersonIndex, StateIndex, ThemeIndex};

/// At most this many groups of persons fit the `u16` masks.
const MAX_PERSON_GROUPS: usize = 16;
/// Goal `g` is bit `g - 1` of a `u32` mask.
const MAX_GOAL: u8 = 32;

/// The States that made recommendations in a review ([`Participants`]),
/// by index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParticipatingStates {
    pub members: Vec<StateIndex>,
    pub observers: Vec<StateIndex>,
}

/// A review with its references resolved to indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// Shared with the overview's copy of the dataset, which stays in use
    /// while the texts load: the full dataset does not hold it twice.
    pub summary: std::sync::Arc<ReviewSummary>,
    pub state: StateIndex,
    pub cycle: u8,
    pub region: Option<Region>,
    pub themes: u64,
    /// Goals (bit `g - 1`) and groups of persons linked to at least one of
    /// its recommendations.
    pub sdg_goals: u32,
    pub persons: u16,
    /// Action categories (bit `a - 1`) of at least one of its recommendations.
    pub actions: u8,
    /// Indices into [`Dataset::recommendations`], once the texts are loaded.
    pub recommendations: std::ops::Range<usize>,
    pub pledges: Vec<Pledge>,
    /// The recommending States, members and observers; empty until the
    /// texts are loaded (the overview carries only their counts).
    pub participants: ParticipatingStates,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub source: String,
    pub totals: Totals,
    pub themes: Vec<Theme>,
    pub sdg_goals: Vec<SdgGoal>,
    pub persons: Vec<PersonGroup>,
    pub states: Vec<State>,
    pub sessions: Vec<Session>,
    pub reviews: Vec<Review>,
    /// Empty until the texts are attached.
    pub recommendations: Recommendations,
    /// The recommendations per facet option, for counting.
    pub option_rows: OptionRows,
    /// Whether the texts of every review are in.
    pub texts_loaded: bool,
    /// Short of every review's texts, the reviews whose texts are in (one
    /// State's, for its card and its comparison), in index order.
    pub texts_held: Vec<usize>,
    /// The build of the data ([`Overview::build`]): texts are packed for
    /// one, and refused with another ([`LoadError::OtherBuild`]).
    pub build: String,
    state_by_id: FxHashMap<String, StateIndex>,
    theme_by_id: FxHashMap<String, ThemeIndex>,
    person_by_id: FxHashMap<String, PersonIndex>,
    /// Per State, its names ([`state_names`]) folded for the search, one a
    /// line: folded once rather than for every term searched (the names
    /// in six languages took milliseconds to fold).
    ///
    /// [`state_names`]: Dataset::state_names
    folded_names: Vec<String>,
    /// Per State, its place when the States are ordered by name (equal
    /// names share one): the result list's sort key, ranked once rather
    /// than at every filter step.
    name_rank: Vec<u32>,
}

impl Dataset {
    pub fn from_overview_json(json: &str) -> Result<Dataset, LoadError> {
        let overview: Overview = parse_json(OVERVIEW_FILE, json)?;
        Dataset::from_overview(overview)
    }

    pub fn from_overview(overview: Overview) -> Result<Dataset, LoadError> {
        let file = OVERVIEW_FILE;
        check_version(file, overview.schema_version)?;
        count(
            file,
            "reviews",
            overview.totals.reviews,
            overview.reviews.len(),
        )?;
        if overview.themes.len() > 64 {
            return Err(LoadError::Count {
                file: file.into(),
                what: "themes (at most 64)".into(),
                declared: 64,
                found: overview.themes.len() as u64,
            });
        }
        let theme_by_id: FxHashMap<String, ThemeIndex> = overview
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i as ThemeIndex))
            .collect();
        let state_by_id: FxHashMap<String, StateIndex> = overview
            .states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as StateIndex))
            .collect();
        let reference = |what: &str, id: &str| LoadError::Reference {
            file: file.into(),
            what: what.into(),
            id: id.into(),
        };
        if overview.persons.len() > MAX_PERSON_GROUPS {
            return Err(LoadError::Count {
                file: file.into(),
                what: format!("groups of persons (at most {MAX_PERSON_GROUPS})"),
                declared: MAX_PERSON_GROUPS as u64,
                found: overview.persons.len() as u64,
            });
        }
        if let Some(goal) = overview
            .sdg_goals
            .iter()
            .find(|g| !(1..=MAX_GOAL).contains(&g.number))
        {
            return Err(reference("SDG goal", &goal.number.to_string()));
        }
        let person_by_id: FxHashMap<String, PersonIndex> = overview
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i as PersonIndex))
            .collect();
        // Goal `g` is option `g - 1`, counted at `g - 1` and bit `g - 1`.
        let goal_options = overview
            .sdg_goals
            .iter()
            .map(|g| g.number)
            .max()
            .unwrap_or(0);
        let listed_goals = overview
            .sdg_goals
            .iter()
            .fold(0u32, |mask, g| mask | 1 << (g.number - 1));
        if let Some(session) = overview
            .themes
            .iter()
            .flat_map(|t| &t.sessions)
            .find(|n| !overview.sessions.iter().any(|s| s.number == **n))
        {
            return Err(reference("session", &session.to_string()));
        }

        let mut reviews = Vec::with_capacity(overview.reviews.len());
        let mut recommendations_total = 0u64;
        let mut pledges_total = 0u64;
        for summary in overview.reviews {
            let state = *state_by_id
                .get(&summary.state)
                .ok_or_else(|| reference("State", &summary.state))?;
            let session = overview
                .sessions
                .iter()
                .find(|s| s.number == summary.session)
                .ok_or_else(|| reference("session", &summary.session.to_string()))?;
            let in_review = |what: &str| format!("{what} in review {}", summary.id);
            let themes = counts_mask(&summary.themes, overview.themes.len(), file, &|| {
                in_review("themes counted")
            })?;
            let sdg_goals = counts_mask(&summary.sdg_goals, goal_options.into(), file, &|| {
                in_review("SDG goals counted")
            })? as u32;
            if sdg_goals & !listed_goals != 0 {
                let goal = (sdg_goals & !listed_goals).trailing_zeros() + 1;
                return Err(reference("SDG goal", &goal.to_string()));
            }
            let persons = counts_mask(&summary.persons, overview.persons.len(), file, &|| {
                in_review("groups of persons counted")
            })? as u16;
            let actions = counts_mask(&summary.actions, ACTION_CATEGORIES, file, &|| {
                in_review("action categories counted")
            })? as u8;
            count(
                file,
                &in_review("accepted and noted recommendations"),
                summary.recommendations,
                (summary.accepted + summary.noted) as usize,
            )?;
            count(
                file,
                &in_review("participating States"),
                summary.participation.states,
                (summary.participation.members + summary.participation.observers) as usize,
            )?;
            recommendations_total += summary.recommendations as u64;
            pledges_total += summary.pledges as u64;
            reviews.push(Review {
                region: overview.states[state as usize].region,
                state,
                cycle: session.cycle,
                themes,
                sdg_goals,
                persons,
                actions,
                recommendations: 0..0,
                pledges: Vec::new(),
                participants: ParticipatingStates::default(),
                summary: std::sync::Arc::new(summary),
            });
        }
        count(
            file,
            "recommendations",
            overview.totals.recommendations,
            recommendations_total as usize,
        )?;
        count(
            file,
            "pledges",
            overview.totals.pledges,
            pledges_total as usize,
        )?;
        let mut dataset = Dataset {
            source: overview.source,
            totals: overview.totals,
            themes: overview.themes,
            sdg_goals: overview.sdg_goals,
            persons: overview.persons,
            states: overview.states,
            sessions: overview.sessions,
            reviews,
            recommendations: Recommendations::default(),
            option_rows: Default::default(),
            texts_loaded: false,
            texts_held: Vec::new(),
            build: overview.build,
            state_by_id,
            theme_by_id,
            person_by_id,
            folded_names: Vec::new(),
            name_rank: Vec::new(),
        };
        dataset.fold_names();
        dataset.rank_names();
        Ok(dataset)
    }

    /// Ranks the States by their current name, for [`name_rank`]. The texts
    /// add other names, never a current one, so once is enough.
    ///
    /// [`name_rank`]: Self::name_rank()
    fn rank_names(&mut self) {
        let mut by_name: Vec<StateIndex> = (0..self.states.len() as StateIndex).collect();
        crate::sort::sort_by(&mut by_name, |a, b| {
            self.state_name(*a).cmp(self.state_name(*b))
        });
        let mut rank = vec![0u32; by_name.len()];
        for (place, state) in by_name.iter().enumerate() {
            let tied = place > 0 && self.state_name(by_name[place - 1]) == self.state_name(*state);
            rank[*state as usize] = if tied {
                rank[by_name[place - 1] as usize]
            } else {
                place as u32
            };
        }
        self.name_rank = rank;
    }

    /// The State's place in the order of the States' names; equal names
    /// have the same place.
    pub fn name_rank(&self, state: StateIndex) -> u32 {
        self.name_rank
            .get(state as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Folds the States' names for [`named_by`](Self::named_by), after they change.
    fn fold_names(&mut self) {
        self.folded_names = (0..self.states.len())
            .map(|s| {
                self.state_names(s as StateIndex)
                    .map(crate::search::fold)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
    }

    /// Whether one of the State's names (current, former, or in another
    /// language) holds the folded search term as a word prefix.
    pub fn named_by(&self, state: StateIndex, term: &str) -> bool {
        self.folded_names.get(state as usize).is_some_and(|names| {
            crate::search::word_prefix_matches(names, term)
                .next()
                .is_some()
        })
    }

    /// Reads `recommendations.json` whole (tests, the single-file build).
    pub fn attach_texts_json(&mut self, json: &str) -> Result<(), LoadError> {
        let mut reader = TextsReader::new(self);
        reader.push(json.as_bytes())?;
        let texts = reader.finish()?;
        self.attach(texts);
        self.index_words_if_wanted();
        Ok(())
    }

    /// Adds the full texts; on any error the dataset is left as it was.
    pub fn attach_texts(&mut self, texts: Texts) -> Result<(), LoadError> {
        let mut builder = TextsBuilder::new(self);
        builder.version(texts.schema_version)?;
        builder.totals(texts.totals)?;
        for review in &texts.reviews {
            builder.add_review(ReviewIn::of(review))?;
        }
        builder.texts.state_names = texts.state_names;
        let texts = builder.finish()?;
        self.attach(texts);
        self.index_words_if_wanted();
        Ok(())
    }

    /// Builds the word index at once where the texts want one (the
    /// browser's loader builds it in slices instead).
    pub(super) fn index_words_if_wanted(&mut self) {
        if self.recommendations.wants_word_index() {
            self.recommendations.index_words();
        }
    }

    /// Adds texts read and checked by a [`TextsReader`] for this dataset,
    /// without the word index ([`Recommendations::wants_word_index`]):
    /// every review's, or some reviews' ([`texts_held`](Self::texts_held)),
    /// whose texts then replace any held before.
    pub fn attach(&mut self, texts: LoadedTexts) {
        let LoadedTexts {
            reviews,
            recommendations,
            ranges,
            pledges,
            participants,
            state_names,
            option_rows,
        } = texts;
        for review in &self.texts_held {
            let review = &mut self.reviews[*review];
            review.recommendations = 0..0;
            review.pledges.clear();
            review.participants = ParticipatingStates::default();
        }
        for (((index, range), pledges), participants) in
            reviews.iter().zip(ranges).zip(pledges).zip(participants)
        {
            let review = &mut self.reviews[*index];
            review.recommendations = range;
            review.pledges = pledges;
            review.participants = participants;
        }
        self.recommendations = recommendations;
        if reviews.len() < self.reviews.len() {
            self.texts_held = reviews;
            return;
        }
        self.texts_held = Vec::new();
        self.option_rows = option_rows;
        // The State's names in the other UN languages: a search finds them
        // as it finds its other spellings.
        for state in &mut self.states {
            for name in state_names.get(&state.iso).into_iter().flatten() {
                if !state.aliases.contains(name) {
                    state.aliases.push(name.clone());
                }
            }
        }
        self.fold_names();
        self.texts_loaded = true;
    }

    /// Whether `review`'s texts are in (all of them, or its State's).
    pub fn has_texts_of(&self, review: usize) -> bool {
        self.texts_loaded || self.texts_held.binary_search(&review).is_ok()
    }

    /// The reviews of `state`, in index order: the texts of one State
    /// come as one piece ([`packed`](crate::dataset::packed)).
    pub fn reviews_of(&self, state: StateIndex) -> Vec<usize> {
        (0..self.reviews.len())
            .filter(|index| self.reviews[*index].state == state)
            .collect()
    }

    pub fn state_index(&self, id: &str) -> Option<StateIndex> {
        self.state_by_id.get(id).copied()
    }

    /// How many options the dataset has along each facet.
    pub fn option_counts(&self) -> PerFacet<usize> {
        Facet::ALL.map(|facet| self.option_count(facet))
    }

    /// How many options the dataset has along `facet`.
    pub fn option_count(&self, facet: Facet) -> usize {
        match facet {
            Facet::Theme => self.themes.len(),
            // Goal `g` is option `g - 1`, as in the masks.
            Facet::SdgGoal => self
                .sdg_goals
                .iter()
                .map(|g| g.number as usize)
                .max()
                .unwrap_or(0),
            Facet::Persons => self.persons.len(),
            Facet::Action => ACTION_CATEGORIES,
        }
    }

    pub fn theme_index(&self, id: &str) -> Option<ThemeIndex> {
        self.theme_by_id.get(id).copied()
    }

    /// The State's current name.
    pub fn state_name(&self, index: StateIndex) -> &str {
        &self.states[index as usize].name
    }

    /// The State's current name, its former names, then its other spellings
    /// and (once the texts are in) its names in the other UN languages: what
    /// a search by name should find.
    pub fn state_names(&self, index: StateIndex) -> impl Iterator<Item = &str> {
        let state = &self.states[index as usize];
        std::iter::once(state.name.as_str())
            .chain(state.former_names.iter().map(|f| f.name.as_str()))
            .chain(state.aliases.iter().map(String::as_str))
    }

    /// The State's current name, and the name it had on the ISO `date`
    /// where that was another (`("Eswatini", Some("Swaziland"))`).
    pub fn state_name_on(&self, index: StateIndex, date: &str) -> (&str, Option<&str>) {
        let state = &self.states[index as usize];
        let then = state
            .former_names
            .iter()
            .filter(|f| date < f.until.as_str())
            .min_by(|a, b| a.until.cmp(&b.until))
            .map(|f| f.name.as_str());
        (&state.name, then)
    }

    /// The State's name on the ISO `date`: the one it had then (`Turkey`
    /// in 2015), else its current name.
    pub fn state_name_at(&self, index: StateIndex, date: &str) -> &str {
        let (now, then) = self.state_name_on(index, date);
        then.unwrap_or(now)
    }

    /// The ISO date of a review: that of its media summary where one is
    /// known, else the session's first day.
    pub fn review_date(&self, review: usize) -> Option<&str> {
        let review = &self.reviews[review];
        review
            .summary
            .media_summary
            .as_ref()
            .map(|m| m.review_date.as_str())
            .or_else(|| {
                self.sessions
                    .iter()
                    .find(|s| s.number == review.summary.session)
                    .map(|s| s.start.as_str())
            })
    }

    /// The name of a review's State as the viewer shows it: the current
    /// name, and the name the review was held under where that differs
    /// (`North Macedonia (then: the former Yugoslav Republic of Macedonia)`).
    pub fn review_state_name(&self, review: usize) -> String {
        let date = self.review_date(review);
        let review = &self.reviews[review];
        match date.map(|d| self.state_name_on(review.state, d)) {
            Some((now, Some(then))) => format!("{now} (then: {then})"),
            _ => self.state_name(review.state).to_owned(),
        }
    }

    pub fn person_index(&self, id: &str) -> Option<PersonIndex> {
        self.person_by_id.get(id).copied()
    }

    /// The group of persons whose label or id matches, ignoring case.
    pub fn find_person(&self, label_or_id: &str) -> Option<usize> {
        let wanted = label_or_id.trim().to_lowercase();
        self.persons
            .iter()
            .position(|p| p.id == wanted || p.label.to_lowercase() == wanted)
    }

    pub fn review_by_id(&self, id: &str) -> Option<usize> {
        self.reviews.iter().position(|r| r.summary.id == id)
    }

    /// The State whose id, current name, former name or alias matches,
    /// ignoring case.
    pub fn find_state(&self, name: &str) -> Option<StateIndex> {
        let wanted = name.trim().to_lowercase();
        self.states
            .iter()
            .position(|s| {
                s.id == wanted
                    || s.name.to_lowercase() == wanted
                    || s.former_names
                        .iter()
                        .any(|f| f.name.to_lowercase() == wanted)
                    || s.aliases.iter().any(|a| a.to_lowercase() == wanted)
            })
            .map(|i| i as StateIndex)
    }

    /// The theme whose label, id or former label (`NHRI`, which old links
    /// carry) matches, ignoring case.
    pub fn find_theme(&self, label: &str) -> Option<ThemeIndex> {
        let wanted = label.trim().to_lowercase();
        self.themes
            .iter()
            .position(|t| {
                t.label.to_lowercase() == wanted
                    || t.id == wanted
                    || t.former_labels.iter().any(|f| f.to_lowercase() == wanted)
            })
            .map(|i| i as ThemeIndex)
    }
}

/// The texts read and checked against a dataset, ready for [`Dataset::attach`].
pub struct LoadedTexts {
    /// The reviews they are of (every review, or one State's), in order;
    /// `ranges`, `pledges` and `participants` are theirs.
    pub(super) reviews: Vec<usize>,
    pub(super) recommendations: Recommendations,
    pub(super) ranges: Vec<std::ops::Range<usize>>,
    pub(super) pledges: Vec<Vec<Pledge>>,
    pub(super) participants: Vec<ParticipatingStates>,
    /// ISO 3166 code -> the State's names in the other UN languages.
    pub(super) state_names: BTreeMap<String, Vec<String>>,
    pub(super) option_rows: OptionRows,
}

/// What one review's recommendations hold, counted as they are read.
struct FoundInReview {
    /// A bit per State of the dataset.
    recommending: Vec<u64>,
    accepted: usize,
    /// Per theme, per SDG goal (goal `g` at `g - 1`), per group of
    /// persons, per action category (category `a` at `a - 1`): the
    /// recommendations that have it, as the overview counts them.
    themes: [usize; 64],
    goals: [usize; MAX_GOAL as usize],
    persons: [usize; MAX_PERSON_GROUPS],
    actions: [usize; ACTION_CATEGORIES],
}

impl FoundInReview {
    fn new(states: usize) -> Self {
        FoundInReview {
            recommending: vec![0; states.div_ceil(64)],
            accepted: 0,
            themes: [0; 64],
            goals: [0; MAX_GOAL as usize],
            persons: [0; MAX_PERSON_GROUPS],
            actions: [0; ACTION_CATEGORIES],
        }
    }

    fn add(&mut self, row: &RowFields) {
        if let Some(from) = row.from {
            if let Some(word) = self.recommending.get_mut(from as usize / 64) {
                *word |= 1 << (from % 64);
            }
        }
        self.accepted += usize::from(row.response == Response::Accepted);
        for theme in theme_indices(row.themes) {
            self.themes[theme] += 1;
        }
        for goal in theme_indices(u64::from(row.sdg_goals)) {
            self.goals[goal] += 1;
        }
        for group in theme_indices(u64::from(row.persons)) {
            self.persons[group] += 1;
        }
        // A row's category is 1 to 5: both readers refuse any other.
        let slot = row.action.and_then(|a| usize::from(a).checked_sub(1));
        if let Some(slot) = slot.and_then(|i| self.actions.get_mut(i)) {
            *slot += 1;
        }
    }
}

/// Checks one review's texts, once read (`rows`, its pledges and the
/// States that took part), against the figures the overview declares for
/// it: the JSON reader and the packed one refuse the same damage alike.
pub(super) fn check_review(
    dataset: &Dataset,
    file: &str,
    index: usize,
    recommendations: &Recommendations,
    rows: std::ops::Range<usize>,
    pledges: usize,
    participants: &ParticipatingStates,
) -> Result<(), LoadError> {
    let review = &dataset.reviews[index];
    let id = &review.summary.id;
    // The message is written only for a count that is wrong: a review
    // has dozens of counts, and a load at 16 times the data 6,000 reviews.
    let check = |what: &dyn Fn() -> String, declared: u32, found: usize| {
        if declared as usize == found {
            Ok(())
        } else {
            count(file, &format!("{} in review {id}", what()), declared, found)
        }
    };
    check(
        &|| "recommendations".into(),
        review.summary.recommendations,
        rows.len(),
    )?;
    check(&|| "pledges".into(), review.summary.pledges, pledges)?;
    let declared = review.summary.participation;
    check(
        &|| "member States".into(),
        declared.members,
        participants.members.len(),
    )?;
    check(
        &|| "observer States".into(),
        declared.observers,
        participants.observers.len(),
    )?;
    // What the review's rows hold, to check against the overview's figures.
    let mut found = FoundInReview::new(dataset.states.len());
    for row in rows {
        found.add(&recommendations.row(row));
    }
    let recommending = found
        .recommending
        .iter()
        .map(|w| w.count_ones() as usize)
        .sum();
    check(
        &|| "participating States".into(),
        declared.states,
        recommending,
    )?;
    check(
        &|| "accepted recommendations".into(),
        review.summary.accepted,
        found.accepted,
    )?;
    // Every option: one found in the texts that the overview does not
    // count is as wrong as a count the texts do not bear out.
    let summary = &review.summary;
    let per_option = |declared: &[u32], found: &[usize], what: &dyn Fn(usize) -> String| {
        found.iter().enumerate().try_for_each(|(i, found)| {
            let declared = declared.get(i).copied().unwrap_or(0);
            check(&|| what(i), declared, *found)
        })
    };
    per_option(&summary.themes, &found.themes, &|i| {
        let theme = dataset.themes.get(i).map_or("?", |t| t.id.as_str());
        format!("recommendations carrying the theme {theme}")
    })?;
    per_option(&summary.sdg_goals, &found.goals, &|i| {
        format!("recommendations linked to SDG {}", i + 1)
    })?;
    per_option(&summary.persons, &found.persons, &|i| {
        let group = dataset.persons.get(i).map_or("?", |p| p.id.as_str());
        format!("recommendations concerning {group}")
    })?;
    per_option(&summary.actions, &found.actions, &|i| {
        format!("recommendations of action category {}", i + 1)
    })
}

/// Checks the texts review by review against the overview already loaded
/// and stores them in columns as they come.
struct TextsBuilder<'d> {
    dataset: &'d Dataset,
    goals: Vec<u8>,
    texts: LoadedTexts,
    version_seen: bool,
    totals_seen: bool,
}

impl<'d> TextsBuilder<'d> {
    fn new(dataset: &'d Dataset) -> Self {
        let rows = dataset.totals.recommendations as usize;
        // A text is 142 bytes long on average today: the guess is kept
        // close (its slack stays reserved; the file's size is not known
        // before it has arrived, gzipped), and grows by small steps if it
        // is short.
        let text_bytes = rows * 145;
        let reviews = dataset.reviews.len();
        TextsBuilder {
            dataset,
            goals: dataset.sdg_goals.iter().map(|g| g.number).collect(),
            texts: LoadedTexts {
                reviews: (0..reviews).collect(),
                recommendations: Recommendations::with_capacity(rows, text_bytes),
                ranges: Vec::with_capacity(reviews),
                pledges: Vec::with_capacity(reviews),
                participants: Vec::with_capacity(reviews),
                state_names: BTreeMap::new(),
                option_rows: OptionRows::default(),
            },
            version_seen: false,
            totals_seen: false,
        }
    }

    fn version(&mut self, found: u32) -> Result<(), LoadError> {
        self.version_seen = true;
        check_version(TEXTS_FILE, found)
    }

    fn totals(&mut self, totals: Totals) -> Result<(), LoadError> {
        self.totals_seen = true;
        let declared = self.dataset.totals;
        if totals == declared {
            return Ok(());
        }
        Err(LoadError::Count {
            file: TEXTS_FILE.into(),
            // Spelt out: the nightly build prints no `Debug`.
            what: format!(
                "recommendations (the overview declares {} reviews, {} recommendations, {} pledges)",
                declared.reviews, declared.recommendations, declared.pledges
            ),
            declared: totals.recommendations as u64,
            found: declared.recommendations as u64,
        })
    }

    fn add_review(&mut self, full: ReviewIn) -> Result<(), LoadError> {
        let file = TEXTS_FILE;
        let dataset = self.dataset;
        let reference = |what: &str, id: &str| LoadError::Reference {
            file: file.into(),
            what: what.into(),
            id: id.into(),
        };
        let index = self.texts.ranges.len();
        let Some(review) = dataset.reviews.get(index) else {
            return Err(LoadError::Count {
                file: file.into(),
                what: "reviews".into(),
                declared: dataset.totals.reviews as u64,
                found: index as u64 + 1,
            });
        };
        if review.summary.id != *full.id {
            return Err(reference("review (out of order or missing)", &full.id));
        }
        for id in full
            .participants
            .members
            .iter()
            .chain(&full.participants.observers)
        {
            dataset
                .state_by_id
                .get(&**id)
                .ok_or_else(|| reference("participating State", id))?;
        }
        let indices = |ids: &[Str]| {
            ids.iter()
                .filter_map(|id| dataset.state_index(id))
                .collect()
        };
        let participants = ParticipatingStates {
            members: indices(&full.participants.members),
            observers: indices(&full.participants.observers),
        };
        let rows = &mut self.texts.recommendations;
        let start = rows.len();
        for recommendation in &full.recommendations {
            let from = match &recommendation.from {
                Some(id) => Some(
                    *dataset
                        .state_by_id
                        .get(&**id)
                        .ok_or_else(|| reference("State", id))?,
                ),
                None => None,
            };
            if let Some(action) = recommendation.action.filter(|a| !(1..=5).contains(a)) {
                return Err(reference("action category", &action.to_string()));
            }
            let fields = RowFields {
                review: index as u16,
                from,
                response: recommendation.response,
                action: recommendation.action,
                themes: theme_mask(
                    &dataset.theme_by_id,
                    recommendation.themes.iter().map(|t| &**t),
                    file,
                )?,
                sdg_goals: goal_mask(&self.goals, &recommendation.sdg_goals, file)?,
                persons: person_mask(
                    &dataset.person_by_id,
                    recommendation.persons.iter().map(|p| &**p),
                    file,
                )?,
            };
            let targets: Vec<&str> = recommendation.sdg_targets.iter().map(|t| &**t).collect();
            let (index_themes, index_persons) = (
                index_labels(&recommendation.index_themes)
                    .map_err(|l| reference("OHCHR Index label", l))?,
                index_labels(&recommendation.index_persons)
                    .map_err(|l| reference("OHCHR Index label", l))?,
            );
            rows.push(NewRecommendation {
                fields,
                text: &recommendation.text,
                sdg_targets: &targets,
                document: recommendation.document.as_deref(),
                paragraph: recommendation.paragraph.as_deref(),
                index_themes: &index_themes,
                index_persons: &index_persons,
            });
        }
        check_review(
            dataset,
            file,
            index,
            rows,
            start..rows.len(),
            full.pledges.len(),
            &participants,
        )?;
        self.texts.ranges.push(start..rows.len());
        self.texts.pledges.push(full.pledges);
        self.texts.participants.push(participants);
        Ok(())
    }

    fn finish(mut self) -> Result<LoadedTexts, LoadError> {
        let file = TEXTS_FILE;
        let missing = |field: &str| LoadError::Json {
            file: file.into(),
            message: format!("missing field `{field}`"),
        };
        if !self.version_seen {
            return Err(missing("schema_version"));
        }
        if !self.totals_seen {
            return Err(missing("totals"));
        }
        count(
            file,
            "reviews",
            self.dataset.totals.reviews,
            self.texts.ranges.len(),
        )?;
        self.texts.recommendations.shrink_to_fit();
        self.texts.option_rows =
            OptionRows::new(&self.texts.recommendations, self.dataset.option_counts());
        Ok(self.texts)
    }
}

/// The OHCHR Index's labels of a recommendation, or the first that cannot
/// be one: empty, or holding the line break that separates the entries of
/// a list column.
fn index_labels<'a>(list: &'a [Str]) -> Result<Vec<&'a str>, &'a str> {
    list.iter()
        .map(|label| match &**label {
            l if l.trim().is_empty() || l.contains('\n') => Err(l),
            l => Ok(l),
        })
        .collect()
}

/// Reads `recommendations.json` as its bytes arrive, one review at a time,
/// straight into the columns of [`LoadedTexts`]: neither the file nor a
/// `String` per recommendation is kept.
pub struct TextsReader<'d> {
    stream: ObjectStream,
    builder: TextsBuilder<'d>,
    reviews_seen: bool,
}

impl<'d> TextsReader<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        TextsReader {
            stream: ObjectStream::new("reviews"),
            builder: TextsBuilder::new(dataset),
            reviews_seen: false,
        }
    }

    pub fn push(&mut self, bytes: &[u8]) -> Result<(), LoadError> {
        let Self {
            stream,
            builder,
            reviews_seen,
        } = self;
        stream.push(bytes, |piece| Self::read(builder, reviews_seen, piece))
    }

    pub fn finish(mut self) -> Result<LoadedTexts, LoadError> {
        let Self {
            stream,
            builder,
            reviews_seen,
        } = &mut self;
        stream.finish(|piece| Self::read(builder, reviews_seen, piece))?;
        if !self.reviews_seen && self.builder.dataset.totals.reviews > 0 {
            return Err(LoadError::Json {
                file: TEXTS_FILE.into(),
                message: "missing field `reviews`".into(),
            });
        }
        self.builder.finish()
    }

    fn read(
        builder: &mut TextsBuilder,
        reviews_seen: &mut bool,
        piece: Piece,
    ) -> Result<(), LoadError> {
        match piece {
            Piece::Field {
                key: "schema_version",
                value,
            } => builder.version(parse_json_bytes(value)?),
            Piece::Field {
                key: "totals",
                value,
            } => builder.totals(parse_json_bytes(value)?),
            Piece::Field {
                key: "state_names",
                value,
            } => {
                builder.texts.state_names = parse_json_bytes(value)?;
                Ok(())
            }
            Piece::Field { .. } => Ok(()),
            Piece::Element(value) => {
                *reviews_seen = true;
                let review = serde_json::from_slice(value).map_err(|e| LoadError::Json {
                    file: TEXTS_FILE.into(),
                    message: e.to_string(),
                })?;
                builder.add_review(review)
            }
        }
    }
}

impl From<String> for LoadError {
    /// A syntax error met while streaming the texts file.
    fn from(message: String) -> Self {
        LoadError::Json {
            file: TEXTS_FILE.into(),
            message,
        }
    }
}

fn parse_json_bytes<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<T, LoadError> {
    serde_json::from_slice(json).map_err(|e| LoadError::Json {
        file: TEXTS_FILE.into(),
        message: e.to_string(),
    })
}

/// The bit mask of ids (themes, groups of persons) resolved through
/// `by_id`; an id that names nothing is damage, reported as a `what`.
fn id_mask<'a>(
    by_id: &FxHashMap<String, u8>,
    ids: impl IntoIterator<Item = &'a str>,
    what: &str,
    file: &str,
) -> Result<u64, LoadError> {
    ids.into_iter()
        .try_fold(0u64, |mask, id| match by_id.get(id) {
            Some(index) => Ok(mask | 1 << index),
            None => Err(LoadError::Reference {
                file: file.into(),
                what: what.into(),
                id: id.into(),
            }),
        })
}

fn theme_mask<'a>(
    theme_by_id: &FxHashMap<String, ThemeIndex>,
    ids: impl IntoIterator<Item = &'a str>,
    file: &str,
) -> Result<u64, LoadError> {
    id_mask(theme_by_id, ids, "theme", file)
}

/// At most [`MAX_PERSON_GROUPS`] (16) groups are loaded, so the mask fits.
fn person_mask<'a>(
    person_by_id: &FxHashMap<String, PersonIndex>,
    ids: impl IntoIterator<Item = &'a str>,
    file: &str,
) -> Result<u16, LoadError> {
    id_mask(person_by_id, ids, "group of persons", file).map(|mask| mask as u16)
}

/// The bit mask of goal numbers (bit `g - 1`); a goal not in the overview's
/// list is damage.
fn goal_mask<'a>(
    goals: &[u8],
    numbers: impl IntoIterator<Item = &'a u8>,
    file: &str,
) -> Result<u32, LoadError> {
    numbers.into_iter().try_fold(0u32, |mask, goal| {
        if goals.contains(goal) {
            Ok(mask | 1 << (goal - 1))
        } else {
            Err(LoadError::Reference {
                file: file.into(),
                what: "SDG goal".into(),
                id: goal.to_string(),
            })
        }
    })
}

/// The bit mask of the options a review's `counts` (one per option, or none
/// at all) give a recommendation to: bit `i` for option `i`. Counts of
/// another length than the `options` listed are damage, reported as `what`.
fn counts_mask(
    counts: &[u32],
    options: usize,
    file: &str,
    what: &dyn Fn() -> String,
) -> Result<u64, LoadError> {
    if !counts.is_empty() && counts.len() != options {
        return Err(LoadError::Count {
            file: file.into(),
            what: what(),
            declared: options as u64,
            found: counts.len() as u64,
        });
    }
    Ok(counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .fold(0, |mask, (i, _)| mask | 1 << i))
}

fn parse_json<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, LoadError> {
    serde_json::from_str(json).map_err(|e| LoadError::Json {
        file: file.into(),
        message: e.to_string(),
    })
}

fn check_version(file: &str, found: u32) -> Result<(), LoadError> {
    if found == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(LoadError::Version {
            file: file.into(),
            found,
        })
    }
}

fn count(file: &str, what: &str, declared: u32, found: usize) -> Result<(), LoadError> {
    if declared as usize == found {
        Ok(())
    } else {
        Err(LoadError::Count {
            file: file.into(),
            what: what.into(),
            declared: declared as u64,
            found: found as u64,
        })
    }
}
