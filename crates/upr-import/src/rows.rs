//! The UPR Info exports: one recommendation (or voluntary pledge) a row.

use super::csv_util::{field, records, ParsedRecord};
use super::error::ImportError;
use std::ops::RangeInclusive;
use upr_core::dataset::schema::{Region, Response};
use upr_core::dataset::states::{canonical_name, UNKNOWN_STATE};
use upr_core::dataset::themes::theme_by_label;

pub const HEADER: [&str; 11] = [
    "To",
    "To-Rgrp",
    "To-Org",
    "Text",
    "From",
    "From-Rgrp",
    "From-Org",
    "Response",
    "Action",
    "Issue",
    "Session",
];

/// Which kind of file is read: the two differ only in the Response column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Recommendation,
    Pledge,
}

/// A State as a row describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateInRow {
    pub name: String,
    pub region: Option<Region>,
    pub organisations: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct SourceRow {
    pub line: u64,
    pub to: StateInRow,
    pub text: String,
    /// `None` where the source does not know who recommended it.
    pub from: Option<StateInRow>,
    /// `None` for a voluntary pledge.
    pub response: Option<Response>,
    pub action: u8,
    pub themes: Vec<&'static str>,
    pub session: u8,
}

pub fn read_rows(
    file: &str,
    content: &str,
    kind: RowKind,
    sessions: RangeInclusive<u8>,
) -> Result<Vec<SourceRow>, ImportError> {
    let mut rows = Vec::new();
    for record in records(file, content, &HEADER)? {
        rows.push(read_row(file, &record?, kind, &sessions)?);
    }
    Ok(rows)
}

fn read_row(
    file: &str,
    record: &ParsedRecord,
    kind: RowKind,
    sessions: &RangeInclusive<u8>,
) -> Result<SourceRow, ImportError> {
    let line = record.line;
    let fail = |reason: String| ImportError::row(file, line, reason);

    let to = state(record, 0, 1, 2)
        .map_err(&fail)?
        .ok_or_else(|| fail("To is unknown".into()))?;
    let text = clean_text(field(record, 3));
    if text.is_empty() {
        return Err(fail("Text is empty".into()));
    }
    let from = state(record, 4, 5, 6).map_err(&fail)?;
    let response = match (kind, field(record, 7)) {
        (RowKind::Recommendation, "Accepted") => Some(Response::Accepted),
        (RowKind::Recommendation, "Noted") => Some(Response::Noted),
        (RowKind::Pledge, "Voluntary Pledge") => None,
        (RowKind::Recommendation, other) => {
            return Err(fail(format!(
                "Response {other:?} is neither \"Accepted\" nor \"Noted\""
            )))
        }
        (RowKind::Pledge, other) => {
            return Err(fail(format!(
                "Response {other:?} is not \"Voluntary Pledge\""
            )))
        }
    };
    let action = field(record, 8);
    let action: u8 = action
        .parse()
        .ok()
        .filter(|a| (1..=5).contains(a))
        .ok_or_else(|| fail(format!("Action {action:?} is not a category from 1 to 5")))?;
    let mut themes = Vec::new();
    for label in field(record, 9)
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let theme = theme_by_label(label).ok_or_else(|| {
            fail(format!(
                "Issue {label:?} is not one of the 54 UPR Info themes"
            ))
        })?;
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    if themes.is_empty() {
        return Err(fail("Issue is empty".into()));
    }
    let session = field(record, 10);
    let session: u8 = session
        .parse()
        .ok()
        .filter(|s| sessions.contains(s))
        .ok_or_else(|| {
            fail(format!(
                "Session {session:?} is outside sessions {}-{} of this file",
                sessions.start(),
                sessions.end()
            ))
        })?;
    Ok(SourceRow {
        line,
        to,
        text,
        from,
        response,
        action,
        themes,
        session,
    })
}

/// The State in three columns (name, regional group, organisations);
/// `None` for the source's "(Unknown)".
fn state(
    record: &ParsedRecord,
    name: usize,
    region: usize,
    orgs: usize,
) -> Result<Option<StateInRow>, String> {
    let raw = field(record, name);
    if raw == UNKNOWN_STATE || raw.eq_ignore_ascii_case("(Unknown)") {
        return Ok(None);
    }
    if raw.is_empty() {
        return Err(format!("{} is empty", HEADER[name]));
    }
    let region_code = field(record, region);
    let region = match Region::from_code(region_code) {
        Some(r) => Some(r),
        None if region_code == "Observer" => None,
        None => {
            return Err(format!(
                "{} {region_code:?} is not a regional group (Africa, Asia, EEG, GRULAC, WEOG, Observer)",
                HEADER[region]
            ))
        }
    };
    let organisations = field(record, orgs)
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Some(StateInRow {
        name: canonical_name(raw),
        region,
        organisations,
    }))
}

/// Collapses the stray spaces the source carries, inside and around texts.
pub fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `recommendations-sessions-06-09.csv` -> 6..=9.
pub fn sessions_in_file_name(name: &str) -> Option<RangeInclusive<u8>> {
    let stem = name
        .strip_prefix("recommendations-sessions-")?
        .strip_suffix(".csv")?;
    let (first, last) = stem.split_once('-')?;
    Some(first.parse().ok()?..=last.parse().ok()?)
}
