//! The address bar (and `<upr-viewer>` attributes) <-> a typed [`Query`].
//! The parameter names are a public contract: people bookmark and embed
//! them. Parsing never fails; what cannot be used is ignored and reported
//! as a [`QueryWarning`] that says which parameter and why.

use crate::columns::{By, Column, ColumnSort};
use crate::dataset::load::{Dataset, Review, StateIndex};
use crate::dataset::schema::{Region, Response};
use crate::facet::Facet;
use crate::lang::Lang;
use crate::search::ParseWarning;
use crate::sort;

/// Every address-bar parameter this viewer reads; `Query::set` handles
/// each of them (a test holds the two together).
pub const PARAMETERS: [&str; 27] = [
    "theme",
    "sdg",
    "persons",
    "action",
    "match",
    "states_min",
    "states_max",
    "members_min",
    "members_max",
    "observers_min",
    "observers_max",
    "sur",
    "session",
    "cycle",
    "region",
    "response",
    "from",
    "from_region",
    "q",
    "review",
    "sort",
    "group",
    "page",
    "view",
    "compare",
    "by",
    "lang",
];

/// A value longer than this is ignored: no real parameter comes close, and
/// a megabyte of text in a link must not slow the page down.
pub const MAX_VALUE_LEN: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Theme labels as given; matched to the dataset case-insensitively.
    pub themes: Vec<String>,
    /// SDG goal numbers (`"5"`), checked and normalised.
    pub sdg_goals: Vec<String>,
    /// Group-of-persons labels as given; matched case-insensitively.
    pub persons: Vec<String>,
    /// UPR Info action categories (`"5"`), checked and normalised.
    pub actions: Vec<String>,
    pub match_all: bool,
    pub states: Bounds,
    pub members: Bounds,
    pub observers: Bounds,
    /// State under review, as given.
    pub sur: Option<String>,
    pub session: Option<u8>,
    pub cycle: Option<u8>,
    pub region: Option<Region>,
    pub response: Option<Response>,
    /// Recommending State, as given.
    pub from: Option<String>,
    pub text: String,
    /// Id of the open card.
    pub review: Option<String>,
    pub sort: Sort,
    pub group: Grouping,
    /// 1-based page of the card list.
    pub page: u32,
    /// Regional group of the recommending State.
    pub from_region: Option<Region>,
    /// Cards, or charts of the same selection.
    pub view: View,
    /// A State whose reviews (two or more) are shown side by side, as given.
    pub compare: Option<String>,
    /// What a row of the table stands for (`view=table` only).
    pub by: By,
    /// The table's sort, from the same `sort` parameter as the cards';
    /// `None` for the default of `by`.
    pub column_sort: Option<ColumnSort>,
    /// The interface's language; `None`: the browser's preference.
    pub lang: Option<Lang>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Cards,
    Charts,
    Table,
}

/// Inclusive bounds; either side may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bounds {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl Bounds {
    pub fn contains(&self, value: u32) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    pub fn is_set(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Date,
    State,
    ParticipatingStates,
    Recommendations,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub const KEYS: [(SortKey, &'static str, &'static str); 4] = [
        (SortKey::Date, "date", "Date"),
        (SortKey::State, "state", "State under review"),
        (
            SortKey::ParticipatingStates,
            "states",
            "Participating States",
        ),
        (
            SortKey::Recommendations,
            "recommendations",
            "Recommendations",
        ),
    ];

    pub fn as_param(self) -> String {
        let name = Self::KEYS
            .iter()
            .find(|(k, _, _)| *k == self.key)
            .map_or("date", |(_, n, _)| n);
        if self.descending {
            format!("-{name}")
        } else {
            name.to_owned()
        }
    }

    fn parse(value: &str) -> Option<Sort> {
        let (descending, name) = match value.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, value),
        };
        let key = Self::KEYS
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))?
            .0;
        Some(Sort { key, descending })
    }
}

/// How the open card groups its recommendations: by the options of a
/// facet (`group=theme`, the default), or by recommending State.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Facet(Facet),
    State,
}

impl Default for Grouping {
    fn default() -> Self {
        Grouping::Facet(Facet::Theme)
    }
}

impl Grouping {
    /// The grouping an open card uses: a facet that does not classify the
    /// review (themes in session 27) would put every recommendation in one
    /// "not classified" group, so such a card groups by SDG goal, or where
    /// the review has no SDG links either (session 27) by action category.
    pub fn for_review(self, review: &Review) -> Grouping {
        match self {
            Grouping::Facet(facet) if !facet.classifies(review) => [Facet::SdgGoal, Facet::Action]
                .into_iter()
                .find(|f| f.classifies(review))
                .map_or(Grouping::State, Grouping::Facet),
            other => other,
        }
    }

    pub fn as_param(self) -> &'static str {
        match self {
            Grouping::Facet(facet) => facet.parameter(),
            Grouping::State => "state",
        }
    }

    fn parse(value: &str) -> Option<Grouping> {
        let value = value.to_ascii_lowercase();
        if value == "state" {
            return Some(Grouping::State);
        }
        Facet::from_parameter(&value).map(Grouping::Facet)
    }

    fn expected() -> Reason {
        Reason::MustBe(
            Facet::ALL
                .iter()
                .map(|f| f.parameter())
                .chain(["state"])
                .collect(),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWarning {
    pub parameter: String,
    pub value: String,
    pub reason: Reason,
}

impl QueryWarning {
    /// The value as a notice quotes it: its start only, in quotes.
    pub fn quoted_value(&self) -> String {
        crate::format::quoted(&shorten(&self.value))
    }
}

/// Why a parameter was ignored, typed: the interface words it in the
/// viewer's language (the viewer's `Tr::reason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    NotUtf8,
    /// Longer than this many characters.
    TooLong(usize),
    Empty,
    NotWholeNumber,
    NotSession,
    NotCycle,
    NotGoal,
    NotActionCategory,
    PagesStartAtOne,
    /// Not one of these values (as the link writes them).
    MustBe(Vec<&'static str>),
    /// Not a sort key (these are the columns'), with or without `-`.
    NotSortKey(Vec<&'static str>),
    /// The facet already holds this many values.
    TooManyValues(usize),
    NotParameter,
    /// Greater than the range's maximum (`states_max`, 40): the two were swapped.
    Swapped {
        max_parameter: String,
        max: u32,
    },
    /// `by` or a table-only `sort` outside `view=table`.
    TableOnly,
    /// The table by `by` has only these columns.
    NotColumn {
        by: &'static str,
        columns: Vec<&'static str>,
    },
    /// Well formed, but none of the dataset's options of the facet.
    UnknownOption {
        facet: Facet,
        options: usize,
    },
    NoSuchState,
    NoSuchSession,
    NoSuchReview,
    /// Part of `q` read as plain words, not as syntax.
    Search(ParseWarning),
}

/// Checks a value before the dataset is known, and gives the form kept
/// in the query (and so in the canonical address).
fn facet_value(facet: Facet, value: &str) -> Result<String, Reason> {
    if value.is_empty() {
        return Err(Reason::Empty);
    }
    match facet {
        Facet::SdgGoal => match value.parse::<u8>() {
            Ok(goal) if (1..=17).contains(&goal) => Ok(goal.to_string()),
            _ => Err(Reason::NotGoal),
        },
        Facet::Action => match value.parse::<u8>() {
            Ok(action) if (1..=5).contains(&action) => Ok(action.to_string()),
            _ => Err(Reason::NotActionCategory),
        },
        Facet::Theme | Facet::Persons => Ok(value.to_owned()),
    }
}

/// At most 60 characters of a value, for messages.
fn shorten(value: &str) -> String {
    match value.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

impl Query {
    /// From `?theme=Death+penalty&states_min=40` (leading `?` optional).
    pub fn from_search(search: &str) -> (Query, Vec<QueryWarning>) {
        let pairs = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(key), percent_decode(value))
            });
        let mut warnings = Vec::new();
        let pairs: Vec<(String, String)> = pairs
            .filter_map(|(key, value)| match (key, value) {
                (Ok(k), Ok(v)) => Some((k, v)),
                (k, v) => {
                    warnings.push(QueryWarning {
                        parameter: k.unwrap_or_else(|raw| raw),
                        value: v.unwrap_or_else(|raw| raw),
                        reason: Reason::NotUtf8,
                    });
                    None
                }
            })
            .collect();
        let (query, more) = Query::from_pairs(pairs);
        warnings.extend(more);
        (query, warnings)
    }

    /// From already decoded `(name, value)` pairs, in order. A repeated
    /// single-valued parameter keeps its last value, as a browser form would.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (String, String)>,
    ) -> (Query, Vec<QueryWarning>) {
        let mut query = Query::default();
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            let warn = |reason: Reason| QueryWarning {
                parameter: name.clone(),
                value: value.clone(),
                reason,
            };
            if value.chars().count() > MAX_VALUE_LEN {
                warnings.push(warn(Reason::TooLong(MAX_VALUE_LEN)));
                continue;
            }
            let value = value.trim().to_owned();
            if let Err(reason) = query.set(&name, &value) {
                warnings.push(warn(reason));
            }
        }
        // Ranges given upside down are more likely a slip than a wish for
        // nothing: swap them, and say so.
        for (name, bounds) in [
            ("states", &mut query.states),
            ("members", &mut query.members),
            ("observers", &mut query.observers),
        ] {
            if let (Some(min), Some(max)) = (bounds.min, bounds.max) {
                if min > max {
                    *bounds = Bounds {
                        min: Some(max),
                        max: Some(min),
                    };
                    warnings.push(QueryWarning {
                        parameter: format!("{name}_min"),
                        value: min.to_string(),
                        reason: Reason::Swapped {
                            max_parameter: format!("{name}_max"),
                            max,
                        },
                    });
                }
            }
        }
        query.check_table_parameters(&mut warnings);
        (query, warnings)
    }

    /// `by` and the table-only `sort` keys mean nothing outside the table:
    /// there they are ignored, and said so; a `sort` column the table of
    /// this `by` does not have is ignored the same way.
    fn check_table_parameters(&mut self, warnings: &mut Vec<QueryWarning>) {
        let warn = |parameter: &str, value: String, reason: Reason| QueryWarning {
            parameter: parameter.into(),
            value,
            reason,
        };
        if self.view != View::Table {
            if self.by != By::default() {
                warnings.push(warn("by", self.by.as_param().into(), Reason::TableOnly));
                self.by = By::default();
            }
            if let Some(sort) = self
                .column_sort
                .filter(|s| Sort::parse(&s.as_param()).is_none())
            {
                warnings.push(warn("sort", sort.as_param(), Reason::TableOnly));
            }
            // The cards' sort alone holds it.
            self.column_sort = None;
        } else if let Some(sort) = self
            .column_sort
            .filter(|s| !self.by.columns().contains(&s.column))
        {
            let columns = self.by.columns().iter().map(|c| c.key()).collect();
            warnings.push(warn(
                "sort",
                sort.as_param(),
                Reason::NotColumn {
                    by: self.by.as_param(),
                    columns,
                },
            ));
            self.column_sort = None;
        }
    }

    /// The table's sort in effect.
    pub fn table_sort(&self) -> ColumnSort {
        self.column_sort
            .filter(|s| self.by.columns().contains(&s.column))
            .unwrap_or(self.by.default_sort())
    }

    /// The table sorted by `sort`; the cards' sort follows where they have
    /// that column, so that the query holds nothing the address bar does not.
    pub fn sorted_table(&self, sort: ColumnSort) -> Query {
        Query {
            column_sort: Some(sort),
            sort: Sort::parse(&sort.as_param()).unwrap_or_default(),
            ..self.clone()
        }
    }

    /// The same selection in another view. One `sort` parameter serves the
    /// cards and the table, so the sort carries over where the other view
    /// has that column, and `by` is the table's alone.
    pub fn in_view(&self, view: View) -> Query {
        let mut query = Query {
            view,
            review: None,
            compare: None,
            ..self.clone()
        };
        match view {
            View::Table => {
                if query.column_sort.is_none() && query.sort != Sort::default() {
                    query.column_sort = ColumnSort::parse(&query.sort.as_param());
                }
            }
            _ => {
                if self.view == View::Table {
                    query.sort = query
                        .column_sort
                        .and_then(|s| Sort::parse(&s.as_param()))
                        .unwrap_or_default();
                }
                query.column_sort = None;
                query.by = By::default();
            }
        }
        query
    }

    fn set(&mut self, name: &str, value: &str) -> Result<(), Reason> {
        let number = |value: &str| -> Result<u32, Reason> {
            value.parse::<u32>().map_err(|_| Reason::NotWholeNumber)
        };
        match name {
            _ if Facet::from_parameter(name).is_some() => {
                let facet = Facet::from_parameter(name).expect("just checked");
                let value = facet_value(facet, value)?;
                let selected = self.selection_mut(facet);
                if selected.len() >= facet.max_values() {
                    return Err(Reason::TooManyValues(facet.max_values()));
                }
                self.select(facet, &value);
            }
            "match" => {
                self.match_all = match value.to_ascii_lowercase().as_str() {
                    "any" => false,
                    "all" => true,
                    _ => return Err(Reason::MustBe(vec!["any", "all"])),
                }
            }
            "states_min" => self.states.min = Some(number(value)?),
            "states_max" => self.states.max = Some(number(value)?),
            "members_min" => self.members.min = Some(number(value)?),
            "members_max" => self.members.max = Some(number(value)?),
            "observers_min" => self.observers.min = Some(number(value)?),
            "observers_max" => self.observers.max = Some(number(value)?),
            "sur" => self.sur = Some(non_empty(value)?),
            "from" => self.from = Some(non_empty(value)?),
            "session" => {
                let session = number(value)?;
                if !(1..=99).contains(&session) {
                    return Err(Reason::NotSession);
                }
                self.session = Some(session as u8);
            }
            "cycle" => {
                let cycle = number(value)?;
                if !(1..=9).contains(&cycle) {
                    return Err(Reason::NotCycle);
                }
                self.cycle = Some(cycle as u8);
            }
            "region" => self.region = Some(Region::from_code(value).ok_or_else(regions_expected)?),
            "response" => {
                self.response = Some(
                    Response::from_code(value).ok_or(Reason::MustBe(vec!["accepted", "noted"]))?,
                )
            }
            "q" => self.text = value.to_owned(),
            "review" => self.review = Some(non_empty(value)?),
            "sort" => {
                let card = Sort::parse(value);
                self.column_sort = ColumnSort::parse(value);
                if card.is_none() && self.column_sort.is_none() {
                    return Err(Reason::NotSortKey(
                        Column::ALL.iter().map(|c| c.key()).collect(),
                    ));
                }
                self.sort = card.unwrap_or_default();
            }
            "by" => {
                self.by = By::parse(value).ok_or(Reason::MustBe(vec!["review", "state", "from"]))?
            }
            "group" => self.group = Grouping::parse(value).ok_or_else(Grouping::expected)?,
            "from_region" => {
                self.from_region = Some(Region::from_code(value).ok_or_else(regions_expected)?)
            }
            "view" => {
                self.view = match value.to_ascii_lowercase().as_str() {
                    "cards" => View::Cards,
                    "charts" => View::Charts,
                    "table" => View::Table,
                    _ => return Err(Reason::MustBe(vec!["cards", "charts", "table"])),
                }
            }
            "compare" => self.compare = Some(non_empty(value)?),
            "lang" => {
                self.lang =
                    Some(Lang::from_code(value).ok_or_else(|| {
                        Reason::MustBe(Lang::ALL.iter().map(|l| l.code()).collect())
                    })?)
            }
            "page" => {
                let page = number(value)?;
                if page == 0 {
                    return Err(Reason::PagesStartAtOne);
                }
                self.page = page;
            }
            _ => return Err(Reason::NotParameter),
        }
        Ok(())
    }

    /// The canonical address-bar form, parameters in a fixed order and
    /// defaults left out, so that equal queries give equal links.
    pub fn to_search(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for facet in Facet::ALL {
            pairs.extend(
                self.selection(facet)
                    .iter()
                    .map(|v| (facet.parameter(), v.clone())),
            );
        }
        if self.match_all {
            pairs.push(("match", "all".into()));
        }
        let ranges = [
            ("states_min", "states_max", self.states),
            ("members_min", "members_max", self.members),
            ("observers_min", "observers_max", self.observers),
        ];
        for (min_name, max_name, bounds) in ranges {
            pairs.extend(bounds.min.map(|min| (min_name, min.to_string())));
            pairs.extend(bounds.max.map(|max| (max_name, max.to_string())));
        }
        let optional: [(&str, Option<String>); 8] = [
            ("sur", self.sur.clone()),
            ("session", self.session.map(|s| s.to_string())),
            ("cycle", self.cycle.map(|c| c.to_string())),
            ("region", self.region.map(|r| r.code().to_owned())),
            ("response", self.response.map(|r| r.code().to_owned())),
            ("from", self.from.clone()),
            ("from_region", self.from_region.map(|r| r.code().to_owned())),
            ("q", Some(self.text.clone()).filter(|t| !t.is_empty())),
        ];
        pairs.extend(optional.into_iter().filter_map(|(n, v)| v.map(|v| (n, v))));
        if self.view == View::Table {
            if self.table_sort() != self.by.default_sort() {
                pairs.push(("sort", self.table_sort().as_param()));
            }
        } else if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.as_param()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if let Some(review) = &self.review {
            pairs.push(("review", review.clone()));
        }
        if self.group != Grouping::default() {
            pairs.push(("group", self.group.as_param().into()));
        }
        match self.view {
            View::Cards => {}
            View::Charts => pairs.push(("view", "charts".into())),
            View::Table => {
                pairs.push(("view", "table".into()));
                if self.by != By::default() {
                    pairs.push(("by", self.by.as_param().into()));
                }
            }
        }
        if let Some(compare) = &self.compare {
            pairs.push(("compare", compare.clone()));
        }
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.code().into()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(n, v)| format!("{n}={}", percent_encode(v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }

    /// The same query in the form the viewer writes itself: facet values
    /// (theme and group-of-persons labels, goal numbers) and State names as
    /// the data spells them, the compared State by its id. A name the data
    /// does not know is kept as given: it is ignored, and the page says so.
    pub fn canonical(&self, dataset: &Dataset) -> Query {
        let mut canonical = self.clone();
        for facet in Facet::ALL {
            let selected = canonical.selection_mut(facet);
            for value in selected.iter_mut() {
                if let Some(option) = facet.find(dataset, value) {
                    *value = facet.value(dataset, option);
                }
            }
            // Two spellings of one option become one.
            let mut seen = Vec::new();
            selected.retain(|v| {
                if seen.contains(v) {
                    false
                } else {
                    seen.push(v.clone());
                    true
                }
            });
        }
        let state = |given: &Option<String>, spelt: fn(&Dataset, StateIndex) -> String| {
            given.as_ref().map(|name| {
                dataset
                    .find_state(name)
                    .map_or_else(|| name.clone(), |s| spelt(dataset, s))
            })
        };
        let name: fn(&Dataset, StateIndex) -> String = |d, s| d.state_name(s).to_owned();
        let id: fn(&Dataset, StateIndex) -> String = |d, s| d.states[usize::from(s)].id.clone();
        Query {
            sur: state(&self.sur, name),
            from: state(&self.from, name),
            compare: state(&self.compare, id),
            ..canonical
        }
    }

    /// Whether a filter that selects recommendations (rather than whole
    /// reviews) is set.
    pub fn selects_recommendations(&self) -> bool {
        Facet::ALL.iter().any(|f| !self.selection(*f).is_empty())
            || self.response.is_some()
            || self.from.is_some()
            || self.from_region.is_some()
            || !self.text.trim().is_empty()
    }

    /// Whether the view asks for every review's texts: a filter on what
    /// single recommendations say or carry (the search, themes, goals,
    /// groups of persons, action categories, the response, who made
    /// them), or the charts or the table, which count recommendations.
    /// Cards, an open card and a comparison do with their State's texts.
    pub fn needs_every_text(&self) -> bool {
        let listed = [&self.themes, &self.sdg_goals, &self.persons, &self.actions];
        self.view != View::Cards
            || !self.text.trim().is_empty()
            || self.response.is_some()
            || self.from.is_some()
            || self.from_region.is_some()
            || listed.iter().any(|values| !values.is_empty())
    }

    /// Whether the view draws what [`crate::state::Extras`] works out: the
    /// charts, the table, a comparison, or the profile of the State named
    /// by `from` above the cards.
    pub fn needs_extras(&self) -> bool {
        self.view != View::Cards || self.compare.is_some() || self.from.is_some()
    }

    /// The query without what only changes how its matches are shown: the
    /// open card, the page, the view and the table's options, the
    /// comparison, the grouping within a card, the language. Two queries
    /// with the same filters find the same reviews in the same order. A
    /// field not named here counts as a filter: a new one is safe.
    pub fn filters_only(&self) -> Query {
        self.shown_as(&Query {
            page: 1,
            ..Query::default()
        })
    }

    /// This query with the filters of `filters` (what [`filters_only`] keeps)
    /// and its own way of showing them, back on the first page.
    ///
    /// [`filters_only`]: Self::filters_only
    pub fn with_filters_of(&self, filters: &Query) -> Query {
        filters.shown_as(&Query {
            page: 1,
            ..self.clone()
        })
    }

    /// This query's filters, shown as `shown` shows its own: the one list
    /// of what is not a filter, for [`filters_only`] and [`with_filters_of`].
    ///
    /// [`filters_only`]: Self::filters_only
    /// [`with_filters_of`]: Self::with_filters_of
    fn shown_as(&self, shown: &Query) -> Query {
        Query {
            review: shown.review.clone(),
            page: shown.page,
            view: shown.view,
            compare: shown.compare.clone(),
            by: shown.by,
            column_sort: shown.column_sort,
            lang: shown.lang,
            group: shown.group,
            ..self.clone()
        }
    }

    /// The values selected of a facet, as given.
    pub fn selection(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Theme => &self.themes,
            Facet::SdgGoal => &self.sdg_goals,
            Facet::Persons => &self.persons,
            Facet::Action => &self.actions,
        }
    }

    pub fn selection_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Theme => &mut self.themes,
            Facet::SdgGoal => &mut self.sdg_goals,
            Facet::Persons => &mut self.persons,
            Facet::Action => &mut self.actions,
        }
    }

    /// Selects `value` of `facet`, or unselects it if it was selected.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let selected = self.selection_mut(facet);
        match selected.iter().position(|v| v.eq_ignore_ascii_case(value)) {
            Some(at) => {
                selected.remove(at);
            }
            None => self.select(facet, value),
        }
    }

    /// Selects `value` of `facet` if it is not already.
    /// Numbers (goals, action categories) are kept in numeric order, so
    /// that one selection has one link.
    pub fn select(&mut self, facet: Facet, value: &str) {
        let selected = self.selection_mut(facet);
        if !selected.iter().any(|v| v.eq_ignore_ascii_case(value)) {
            selected.push(value.to_owned());
            if facet.numbered() {
                sort::sort_by_key(selected, |number| number.parse::<u8>().unwrap_or(u8::MAX));
            }
        }
    }

    /// The same selection with the list back on its first page: any change
    /// of filter or sort starts the list again from the top.
    pub fn first_page(mut self) -> Query {
        self.page = 1;
        self
    }
}

fn regions_expected() -> Reason {
    Reason::MustBe(Region::ALL.iter().map(|r| r.code()).collect())
}

fn non_empty(value: &str) -> Result<String, Reason> {
    if value.is_empty() {
        Err(Reason::Empty)
    } else {
        Ok(value.to_owned())
    }
}

/// `+` is a space in a query string; `%XX` is a byte (a `%` that starts no
/// escape stays as it is, as browsers read it). `Err` holds the raw text
/// where the bytes are not UTF-8.
pub fn percent_decode(raw: &str) -> Result<String, String> {
    let spaced = raw.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| raw.to_owned())
}

/// `application/x-www-form-urlencoded`, as a browser's form writes it.
pub fn percent_encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The query an element's attributes ask for. Attribute names are the
/// parameter names with `-` for `_` (`states-min`), repeated values are
/// separated by commas (`theme="Death penalty,Torture and other CID
/// treatment"`), and warnings name the attribute as written.
pub fn from_attributes(attributes: &[(String, String)]) -> (Query, Vec<QueryWarning>) {
    let mut pairs = Vec::new();
    for (name, value) in attributes {
        let name = name.to_ascii_lowercase();
        let parameter = name.replace('-', "_");
        // Attributes an element carries for other reasons (`id`, `class`,
        // `src`, `compact`, `data-*`) are not the query's to read.
        if !PARAMETERS.contains(&parameter.as_str()) {
            continue;
        }
        if Facet::from_parameter(&parameter).is_some() {
            pairs.extend(
                value
                    .split(',')
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (parameter.clone(), v.to_owned())),
            );
        } else {
            pairs.push((parameter, value.clone()));
        }
    }
    let (query, mut warnings) = Query::from_pairs(pairs);
    for warning in &mut warnings {
        warning.parameter = warning.parameter.replace('_', "-");
    }
    (query, warnings)
}
