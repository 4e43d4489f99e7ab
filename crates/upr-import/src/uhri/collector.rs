//! One row at a time: skipped with its reason counted, or made the drafts
//! of its recommendations, one per recommending State.

use super::cells::{date, sdgs, session_number, single, values};
use super::columns::{Column, Place, Row, Value};
use super::names::index_name;
use super::tally::Tally;
use super::text::{clean, RowState};
use super::IndexReviews;
use crate::build::Draft;
use crate::error::ImportError;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use upr_core::dataset::schema::{Response, Session};

#[derive(Default)]
pub(super) struct SessionCounts {
    pub(super) reviews: BTreeSet<String>,
    pub(super) recommendations: u64,
    /// The earliest and latest publication of its reports.
    pub(super) published: Option<(String, String)>,
}

pub(super) struct Collector<'a> {
    pub(super) sessions: HashMap<u8, &'a Session>,
    pub(super) held: &'a BTreeMap<u8, &'static str>,
    pub(super) known: &'a dyn Fn(&str) -> bool,
    /// The annotation ids of the rows taken, across files: the same export
    /// as .xlsx and .json, or two overlapping exports, count once.
    pub(super) seen: HashSet<String>,
    pub(super) reviews: IndexReviews,
    pub(super) per_session: BTreeMap<u8, SessionCounts>,
    pub(super) tally: Tally,
    pub(super) warnings: Vec<String>,
}

impl Collector<'_> {
    /// One row: skipped with its reason counted, or made drafts of.
    pub(super) fn take(&mut self, place: &Place, mut row: Row) -> Result<(), ImportError> {
        self.tally.rows += 1;
        let text = std::mem::take(&mut row[Column::Text.index()]);
        let cell = |column: Column| &row[column.index()];
        let bodies = values(cell(Column::Body));
        if !bodies.iter().any(|b| b.eq_ignore_ascii_case("UPR")) {
            if bodies.is_empty() {
                return Err(place.error(Column::Body, "is empty"));
            }
            self.tally.other_bodies += 1;
            return Ok(());
        }
        let types = values(cell(Column::Type));
        let recommendation = types.iter().any(|t| {
            t.eq_ignore_ascii_case("Recommendation") || t.eq_ignore_ascii_case("Recommendations")
        });
        if !recommendation {
            let kind = if types.is_empty() {
                "(none)".to_owned()
            } else {
                types.join(", ")
            };
            *self.tally.other_types.entry(kind).or_default() += 1;
            return Ok(());
        }
        let text = match text {
            Value::Text(text) if !text.trim().is_empty() => text,
            Value::Empty | Value::Text(_) => return Err(place.error(Column::Text, "is empty")),
            Value::Number(n) => {
                return Err(place.error(Column::Text, format!("{n} is no recommendation")))
            }
        };
        if text.trim_start().starts_with("Response of") {
            self.tally.responses += 1;
            return Ok(());
        }
        let number = session_number(cell(Column::Session))
            .map_err(|reason| place.error(Column::Session, reason))?;
        let Some(session) = self.sessions.get(&number).copied() else {
            return Err(place.error(
                Column::Session,
                format!("session {number} is not in sessions.csv: add its dates and cycle there"),
            ));
        };
        if let Some(holder) = self.held.get(&number) {
            *self
                .tally
                .held
                .entry(holder)
                .or_default()
                .entry(number)
                .or_default() += 1;
            return Ok(());
        }
        let position = single(cell(Column::Position))
            .map_err(|reason| place.error(Column::Position, reason))?;
        let (response, partly) = match position
            .as_deref()
            .map(|p| p.replace(' ', "").to_lowercase())
        {
            None => {
                *self.tally.no_position.entry(number).or_default() += 1;
                return Ok(());
            }
            Some(p) if p == "supported" => (Response::Accepted, false),
            Some(p) if p == "noted" => (Response::Noted, false),
            // Partly supported: not supported in full.
            Some(p) if p == "supported/noted" => (Response::Noted, true),
            Some(_) => {
                return Err(place.error(
                    Column::Position,
                    format!(
                        "{:?} is none of Supported, Noted, Supported/Noted",
                        position.unwrap_or_default()
                    ),
                ))
            }
        };
        if let Some(id) = single(cell(Column::AnnotationId))
            .map_err(|reason| place.error(Column::AnnotationId, reason))?
        {
            if !self.seen.insert(id) {
                self.tally.repeated += 1;
                return Ok(());
            }
        }

        let state_of = |spelling: &str, column: Column| -> Result<String, ImportError> {
            let name = index_name(spelling);
            if (self.known)(&name) {
                Ok(name)
            } else {
                Err(place.error(
                    column,
                    format!(
                        "{spelling:?} is none of the States of UPR Info's files (which give its regional group): \
                         if it is another spelling of one, add it to crates/upr-import/src/uhri/names.rs"
                    ),
                ))
            }
        };
        let countries = values(cell(Column::Countries));
        let under_review = match &countries[..] {
            [one] => state_of(one, Column::Countries)?,
            [] => return Err(place.error(Column::Countries, "is empty")),
            _ => {
                return Err(place.error(
                    Column::Countries,
                    format!(
                        "names {} States; a UPR recommendation is made to one",
                        countries.len()
                    ),
                ))
            }
        };
        let spellings = values(cell(Column::Recommending));
        if spellings.is_empty() {
            return Err(place.error(Column::Recommending, "is empty"));
        }
        let mut from: Vec<(String, &str)> = Vec::new();
        for spelling in &spellings {
            let name = state_of(spelling, Column::Recommending)?;
            if !from.iter().any(|(known, _)| *known == name) {
                from.push((name, spelling));
            }
        }
        let symbol = single(cell(Column::Symbol))
            .map_err(|reason| place.error(Column::Symbol, reason))?
            .ok_or_else(|| place.error(Column::Symbol, "is empty"))?;
        if !symbol.starts_with("A/HRC/") {
            return Err(place.error(
                Column::Symbol,
                format!("{symbol:?} is not the symbol of a Working Group report (A/HRC/...)"),
            ));
        }
        let published = date(cell(Column::Published))
            .map_err(|reason| place.error(Column::Published, reason))?;
        let on_index =
            date(cell(Column::OnIndex)).map_err(|reason| place.error(Column::OnIndex, reason))?;
        let (goals, targets) = sdgs(&values(cell(Column::Sdgs)))
            .map_err(|reason| place.error(Column::Sdgs, reason))?;
        let index_themes = values(cell(Column::Themes));
        let index_persons = values(cell(Column::Persons));

        let row_states: Vec<RowState> = from
            .iter()
            .map(|(canonical, spelling)| RowState {
                canonical,
                spelling,
            })
            .collect();
        let cleaned = clean(&text, &row_states);
        if cleaned.texts.iter().any(|t| t.is_empty()) {
            return Err(place.error(
                Column::Text,
                "holds no wording once its paragraph and its States' names are set aside",
            ));
        }

        if let Some(date) = &published {
            if *date < session.start {
                self.warnings.push(format!(
                    "{}: {} is dated {date}, before session {number} began ({})",
                    place.describe(),
                    symbol,
                    session.start
                ));
            }
        }
        let tally = &mut self.tally;
        tally.imported += 1;
        tally.joint += (from.len() > 1) as u64;
        tally.partly += partly as u64;
        tally.split += cleaned.split as u64;
        tally.kept_whole += cleaned.kept_whole as u64;
        tally.recommendations += from.len() as u64;
        if on_index > tally.latest_on_index {
            tally.latest_on_index = on_index;
        }
        let counts = self.per_session.entry(number).or_default();
        counts.reviews.insert(under_review.clone());
        counts.recommendations += from.len() as u64;
        if let Some(date) = published {
            counts.published = Some(match counts.published.take() {
                None => (date.clone(), date),
                Some((first, last)) => (first.min(date.clone()), last.max(date)),
            });
        }
        let drafts = self.reviews.entry((number, under_review)).or_default();
        for ((name, _), text) in from.into_iter().zip(cleaned.texts) {
            drafts.push(Draft {
                text,
                from: Some(name),
                response,
                action: None,
                themes: Vec::new(),
                goals: goals.clone(),
                targets: targets.clone(),
                persons: BTreeSet::new(),
                document: Some(symbol.clone()),
                paragraph: cleaned.paragraph.clone(),
                index_themes: index_themes.clone(),
                index_persons: index_persons.clone(),
            });
        }
        Ok(())
    }
}
