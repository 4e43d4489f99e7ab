//! The selection as a table (`view=table`): one row per review, per State
//! under review or per recommending State (`by`), sorted by any column,
//! and the CSV of exactly the table shown. Counts come from the passing
//! recommendations, as on the cards, so every filter applies. Pure: no DOM.

use crate::dataset::load::{Dataset, RecommendationRow, StateIndex};
use crate::dataset::schema::Response;
use crate::export::push_record;
use crate::facet::Facet;
use crate::filter::Outcome;
use crate::passing::Passing;
use crate::sort;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use crate::columns::{By, Column, ColumnSort};

/// One cell; numbers keep their value so that they sort as numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Count(u32),
    /// `part` of `whole`, shown as a percentage with one decimal; empty
    /// where `whole` is 0.
    Share {
        part: u32,
        whole: u32,
    },
}

impl Cell {
    /// The text shown, and written to the CSV.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share { part, whole } => crate::format::percent_tenths(*part, *whole),
        }
    }

    fn compare(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Count(a), Cell::Count(b)) => a.cmp(b),
            // No share sorts below every share.
            (Cell::Share { whole: 0, .. }, Cell::Share { whole: 0, .. }) => Ordering::Equal,
            (Cell::Share { whole: 0, .. }, Cell::Share { .. }) => Ordering::Less,
            (Cell::Share { .. }, Cell::Share { whole: 0, .. }) => Ordering::Greater,
            // Exactly, without rounding: a/b against c/d.
            (Cell::Share { part: a, whole: b }, Cell::Share { part: c, whole: d }) => {
                (u64::from(*a) * u64::from(*d)).cmp(&(u64::from(*c) * u64::from(*b)))
            }
            (a, b) => a.text().to_lowercase().cmp(&b.text().to_lowercase()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The review's id, on review rows: the row links to its card.
    pub review: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub by: By,
    /// The sort in effect (the requested one where this table has that
    /// column, else [`by`](Self::by)'s default).
    pub sort: ColumnSort,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table exactly as shown: the headings, then the rows in order.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        push_record(
            &mut out,
            self.columns.iter().map(|c| c.heading().to_owned()),
        );
        for row in &self.rows {
            push_record(&mut out, row.cells.iter().map(Cell::text));
        }
        out
    }
}

/// How many themes (or goals) the "Main themes" cell names.
const MAIN_THEMES: usize = 3;

/// The facets "Main themes" is drawn from, in order: the first that
/// classifies any of a row's recommendations (a review only the DIHR
/// Explorer holds has SDG goals but no themes).
const MAIN_FACETS: [Facet; 2] = [Facet::Theme, Facet::SdgGoal];

/// What a row adds up over its passing recommendations.
struct Tally {
    reviews: u32,
    accepted: u32,
    noted: u32,
    recipients: BTreeSet<StateIndex>,
    options: Vec<Vec<u32>>,
}

impl Tally {
    fn new(dataset: &Dataset) -> Tally {
        Tally {
            reviews: 0,
            accepted: 0,
            noted: 0,
            recipients: BTreeSet::new(),
            options: MAIN_FACETS
                .iter()
                .map(|f| vec![0; dataset.option_count(*f)])
                .collect(),
        }
    }

    fn add(&mut self, row: &RecommendationRow) {
        match row.response {
            Response::Accepted => self.accepted += 1,
            Response::Noted => self.noted += 1,
        }
        for (facet, counts) in MAIN_FACETS.iter().zip(&mut self.options) {
            for option in facet.indices(row) {
                if let Some(count) = counts.get_mut(option) {
                    *count += 1;
                }
            }
        }
    }

    fn total(&self) -> u32 {
        self.accepted + self.noted
    }

    /// The top options by count (ties by option order), named; options of
    /// a facet other than themes say which facet they are.
    fn main_themes(&self, dataset: &Dataset) -> String {
        let Some((facet, counts)) = MAIN_FACETS
            .iter()
            .zip(&self.options)
            .find(|(_, c)| c.iter().any(|n| *n > 0))
        else {
            return String::new();
        };
        let mut ranked: Vec<(usize, u32)> = counts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .collect();
        sort::most_first(&mut ranked, |count| *count);
        let names: Vec<String> = ranked
            .iter()
            .take(MAIN_THEMES)
            .map(|(i, _)| facet.label(dataset, *i))
            .collect();
        if *facet == Facet::Theme {
            names.join("; ")
        } else {
            format!(
                "{}: {}",
                crate::format::capitalised(facet.plural()),
                names.join("; ")
            )
        }
    }

    fn share(&self, response: Response) -> Cell {
        let part = if response == Response::Accepted {
            self.accepted
        } else {
            self.noted
        };
        Cell::Share {
            part,
            whole: self.total(),
        }
    }
}

/// The table of the selection, sorted by `requested` where it names one of
/// its columns.
pub fn build(dataset: &Dataset, outcome: &Outcome, by: By, requested: Option<ColumnSort>) -> Table {
    let sort = requested
        .filter(|s| by.columns().contains(&s.column))
        .unwrap_or(by.default_sort());
    let rows = match by {
        By::Review => review_rows(dataset, outcome),
        By::State => state_rows(dataset, outcome),
        By::From => from_rows(dataset, outcome),
    };
    let mut table = Table {
        by,
        sort,
        columns: by.columns().to_vec(),
        rows,
    };
    sort_rows(&mut table);
    table
}

/// Stable: rows equal in the sorted column keep their natural order (the
/// State's name, then the session), whichever the direction.
fn sort_rows(table: &mut Table) {
    let Some(at) = table.columns.iter().position(|c| *c == table.sort.column) else {
        return;
    };
    let descending = table.sort.descending;
    table.rows.sort_by(|a, b| {
        let order = a.cells[at].compare(&b.cells[at]);
        if descending {
            order.reverse()
        } else {
            order
        }
    });
}

fn passing<'a>(
    dataset: &'a Dataset,
    passing: &'a Passing,
) -> impl Iterator<Item = RecommendationRow<'a>> + 'a {
    passing
        .iter()
        .filter_map(|i| dataset.recommendations.get(i))
}

fn region(region: Option<crate::dataset::schema::Region>) -> Cell {
    Cell::Text(region.map_or("", |r| r.code()).to_owned())
}

/// The review's date: that of its media summary where known, else the
/// session's first day (ISO, so that it sorts as text).
fn review_date(dataset: &Dataset, review: usize) -> String {
    let review = &dataset.reviews[review];
    let session = dataset
        .sessions
        .iter()
        .find(|s| s.number == review.summary.session);
    match (&review.summary.media_summary, session) {
        (Some(media), _) => media.review_date.clone(),
        (None, Some(session)) => session.start.clone(),
        (None, None) => String::new(),
    }
}

fn review_rows(dataset: &Dataset, outcome: &Outcome) -> Vec<Row> {
    let mut matches: Vec<_> = outcome.reviews.iter().collect();
    sort::sort_by_cached_key(&mut matches, |m| {
        (
            dataset.review_state_name(m.review).to_lowercase(),
            dataset.reviews[m.review].summary.session,
        )
    });
    matches
        .into_iter()
        .map(|m| {
            let review = &dataset.reviews[m.review];
            let mut tally = Tally::new(dataset);
            passing(dataset, &m.passing).for_each(|row| tally.add(&row));
            let p = review.summary.participation;
            Row {
                review: Some(review.summary.id.clone()),
                cells: vec![
                    Cell::Text(dataset.review_state_name(m.review)),
                    Cell::Count(u32::from(review.summary.session)),
                    Cell::Text(review_date(dataset, m.review)),
                    region(review.region),
                    Cell::Count(p.states),
                    Cell::Count(p.members),
                    Cell::Count(p.observers),
                    Cell::Count(tally.total()),
                    tally.share(Response::Accepted),
                    tally.share(Response::Noted),
                    Cell::Text(tally.main_themes(dataset)),
                ],
            }
        })
        .collect()
}

fn state_rows(dataset: &Dataset, outcome: &Outcome) -> Vec<Row> {
    let mut tallies: BTreeMap<StateIndex, Tally> = BTreeMap::new();
    for m in &outcome.reviews {
        let tally = tallies
            .entry(dataset.reviews[m.review].state)
            .or_insert_with(|| Tally::new(dataset));
        tally.reviews += 1;
        passing(dataset, &m.passing).for_each(|row| tally.add(&row));
    }
    rows_per_state(
        dataset,
        tallies,
        |state| dataset.state_name(state).to_owned(),
        |tally| [Cell::Count(tally.reviews), Cell::Count(tally.total())],
    )
}

/// Recommendations whose recommending State the source does not know have
/// no row. A State is named as it was when it made the row's
/// recommendations (`Turkey` before June 2022), as in the card; where they
/// span a change of name, by its current name.
fn from_rows(dataset: &Dataset, outcome: &Outcome) -> Vec<Row> {
    let mut tallies: BTreeMap<StateIndex, Tally> = BTreeMap::new();
    let mut names: BTreeMap<StateIndex, BTreeSet<&str>> = BTreeMap::new();
    for m in &outcome.reviews {
        let state_under_review = dataset.reviews[m.review].state;
        let date = dataset.review_date(m.review);
        for row in passing(dataset, &m.passing) {
            let Some(from) = row.from else { continue };
            let tally = tallies.entry(from).or_insert_with(|| Tally::new(dataset));
            tally.recipients.insert(state_under_review);
            tally.add(&row);
            names.entry(from).or_default().insert(match date {
                Some(date) => dataset.state_name_at(from, date),
                None => dataset.state_name(from),
            });
        }
    }
    rows_per_state(
        dataset,
        tallies,
        |state| match names.get(&state) {
            Some(one) if one.len() == 1 => one.iter().map(|n| (*n).to_owned()).collect(),
            _ => dataset.state_name(state).to_owned(),
        },
        |tally| {
            [
                Cell::Count(tally.total()),
                Cell::Count(tally.recipients.len() as u32),
            ]
        },
    )
}

/// One row per State, by name: name, region, the two counts of its kind of
/// table, the shares accepted and noted, and its main themes.
fn rows_per_state(
    dataset: &Dataset,
    tallies: BTreeMap<StateIndex, Tally>,
    name: impl Fn(StateIndex) -> String,
    counts: impl Fn(&Tally) -> [Cell; 2],
) -> Vec<Row> {
    let mut rows: Vec<(String, Row)> = tallies
        .into_iter()
        .map(|(state, tally)| {
            let name = name(state);
            let [first, second] = counts(&tally);
            let cells = vec![
                Cell::Text(name.clone()),
                region(dataset.states[usize::from(state)].region),
                first,
                second,
                tally.share(Response::Accepted),
                tally.share(Response::Noted),
                Cell::Text(tally.main_themes(dataset)),
            ];
            (
                name.to_lowercase(),
                Row {
                    review: None,
                    cells,
                },
            )
        })
        .collect();
    sort::sort_by(&mut rows, |a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, row)| row).collect()
}
