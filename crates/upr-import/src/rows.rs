//! UPR Info's recommendation files: one recommendation (or voluntary
//! pledge) a row, in either of the two layouts the sources come in.

use super::csv_util::{field, records_separated_by, ParsedRecord};
use super::error::ImportError;
use std::ops::RangeInclusive;
use upr_core::dataset::schema::{Region, Response};
use upr_core::dataset::states::{canonical_name, UNKNOWN_STATE};
use upr_core::dataset::themes::{theme_by_label, KnownTheme, ThemeList};

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

/// The header of UPR Info's export of 2018, which names the regional group
/// and organisations columns twice: first the State under review's, then
/// the recommending State's.
pub const HEADER_2018: [&str; 11] = [
    "SuR",
    "Rgrp",
    "Org",
    "Recommendation",
    "RS",
    "Rgrp",
    "Org",
    "Response",
    "Action",
    "Issue",
    "Session",
];

/// The two layouts UPR Info's recommendations come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `upr-info/` (sessions 1-20, as the research repository
    /// rochelleterman/uprs keeps them): comma-separated, `Accepted` or
    /// `Noted`, the earlier list of themes, a theme on every row.
    Uprs,
    /// `upr-info-2018/`, UPR Info's own export of 25 July 2018: a
    /// byte-order mark, `;`-separated, CRLF line ends, `Supported` for
    /// accepted, the 2018 list of themes; no theme on the rows UPR Info had
    /// not classified yet (session 27), and one row without a session.
    Export2018,
}

impl Layout {
    pub fn header(self) -> &'static [&'static str; 11] {
        match self {
            Layout::Uprs => &HEADER,
            Layout::Export2018 => &HEADER_2018,
        }
    }

    fn delimiter(self) -> u8 {
        match self {
            Layout::Uprs => b',',
            Layout::Export2018 => b';',
        }
    }

    /// Column `index` as a message names it: the header's name, told apart
    /// where the header repeats it.
    fn column(self, index: usize) -> &'static str {
        match (self, index) {
            (Layout::Export2018, 1) => "Rgrp (of the SuR)",
            (Layout::Export2018, 2) => "Org (of the SuR)",
            (Layout::Export2018, 5) => "Rgrp (of the RS)",
            (Layout::Export2018, 6) => "Org (of the RS)",
            _ => self.header()[index],
        }
    }

    /// How the file says a recommendation was accepted.
    fn accepted(self) -> &'static str {
        match self {
            Layout::Uprs => "Accepted",
            Layout::Export2018 => "Supported",
        }
    }

    pub fn theme_list(self) -> ThemeList {
        match self {
            Layout::Uprs => ThemeList::Earlier,
            Layout::Export2018 => ThemeList::Of2018,
        }
    }
}

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

#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    pub line: u64,
    pub to: StateInRow,
    pub text: String,
    /// `None` where the source does not know who recommended it.
    pub from: Option<StateInRow>,
    /// `None` for a voluntary pledge.
    pub response: Option<Response>,
    pub action: u8,
    /// Empty where the source has not classified the row by theme (UPR
    /// Info's export of 2018 in session 27).
    pub themes: Vec<&'static KnownTheme>,
    pub session: u8,
}

impl SourceRow {
    /// Everything the row says, its line apart: to find exact duplicates.
    pub fn same_as(&self, other: &SourceRow) -> bool {
        SourceRow {
            line: 0,
            ..self.clone()
        } == SourceRow {
            line: 0,
            ..other.clone()
        }
    }
}

/// What a file's rows gave: the rows, and the rows whose Session is empty,
/// which the importer places or reports (it knows which sessions it takes
/// from the file).
#[derive(Clone, Debug, Default)]
pub struct ReadRows {
    pub rows: Vec<SourceRow>,
    /// Read in full, each with session 0.
    pub without_session: Vec<SourceRow>,
}

/// The rows of a file in the layout of `upr-info/`, where every row must
/// name its session.
pub fn read_rows(
    file: &str,
    content: &str,
    kind: RowKind,
    sessions: RangeInclusive<u8>,
) -> Result<Vec<SourceRow>, ImportError> {
    Ok(read_rows_in(Layout::Uprs, file, content, kind, sessions)?.rows)
}

/// The rows of a file in `layout`; a row outside `sessions` (the file's,
/// from its name), or that says anything the layout does not allow, stops
/// the reading with its file, line, column and value.
pub fn read_rows_in(
    layout: Layout,
    file: &str,
    content: &str,
    kind: RowKind,
    sessions: RangeInclusive<u8>,
) -> Result<ReadRows, ImportError> {
    let mut read = ReadRows::default();
    for record in records_separated_by(file, content, layout.header(), layout.delimiter())? {
        let (row, has_session) = read_row(layout, file, &record?, kind, &sessions)?;
        if has_session {
            read.rows.push(row);
        } else {
            read.without_session.push(row);
        }
    }
    Ok(read)
}

/// The row, and whether it names its session.
fn read_row(
    layout: Layout,
    file: &str,
    record: &ParsedRecord,
    kind: RowKind,
    sessions: &RangeInclusive<u8>,
) -> Result<(SourceRow, bool), ImportError> {
    let line = record.line;
    let fail = |reason: String| ImportError::row(file, line, reason);
    let column = |index: usize| layout.column(index);

    let to = state(layout, record, 0, 1, 2)
        .map_err(&fail)?
        .ok_or_else(|| fail(format!("{} is unknown", column(0))))?;
    let text = clean_text(field(record, 3));
    if text.is_empty() {
        return Err(fail(format!("{} is empty", column(3))));
    }
    let from = state(layout, record, 4, 5, 6).map_err(&fail)?;
    let response = match (kind, field(record, 7)) {
        (RowKind::Recommendation, accepted) if accepted == layout.accepted() => {
            Some(Response::Accepted)
        }
        (RowKind::Recommendation, "Noted") => Some(Response::Noted),
        (RowKind::Pledge, "Voluntary Pledge") => None,
        (RowKind::Recommendation, other) => {
            return Err(fail(format!(
                "Response {other:?} is neither {:?} nor \"Noted\"",
                layout.accepted()
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
    let list = layout.theme_list();
    let mut themes = Vec::new();
    for label in field(record, 9)
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let theme = theme_by_label(list, label).ok_or_else(|| {
            fail(format!(
                "Issue {label:?} is none of the {} themes of this file's list (upr-core's themes.rs)",
                upr_core::dataset::themes::THEMES
                    .iter()
                    .filter(|t| t.is_in(list))
                    .count()
            ))
        })?;
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    if themes.is_empty() && layout == Layout::Uprs {
        return Err(fail("Issue is empty".into()));
    }
    let session = field(record, 10);
    let has_session = !(session.is_empty() && layout == Layout::Export2018);
    let session: u8 = if has_session {
        session
            .parse()
            .ok()
            .filter(|s| sessions.contains(s))
            .ok_or_else(|| {
                fail(format!(
                    "Session {session:?} is outside sessions {}-{} of this file",
                    sessions.start(),
                    sessions.end()
                ))
            })?
    } else {
        0
    };
    Ok((
        SourceRow {
            line,
            to,
            text,
            from,
            response,
            action,
            themes,
            session,
        },
        has_session,
    ))
}

/// The State in three columns (name, regional group, organisations);
/// `None` for the source's "(Unknown)".
/// Line breaks inside a name's cell (`Bosnia and Herzegovina` followed by
/// one in the 2018 export) are spaces, as in the texts.
fn state(
    layout: Layout,
    record: &ParsedRecord,
    name: usize,
    region: usize,
    orgs: usize,
) -> Result<Option<StateInRow>, String> {
    let raw = clean_text(field(record, name));
    if raw == UNKNOWN_STATE || raw.eq_ignore_ascii_case("(Unknown)") {
        return Ok(None);
    }
    if raw.is_empty() {
        return Err(format!("{} is empty", layout.column(name)));
    }
    let region_code = field(record, region);
    let region = match Region::from_code(region_code) {
        Some(r) => Some(r),
        None if region_code == "Observer" => None,
        None => {
            return Err(format!(
                "{} {region_code:?} is not a regional group (Africa, Asia, EEG, GRULAC, WEOG, Observer)",
                layout.column(region)
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
        name: canonical_name(&raw),
        region,
        organisations,
    }))
}

/// Collapses the stray spaces the source carries, inside and around texts.
pub fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `recommendations-sessions-06-09.csv` -> 6..=9; in UPR Info's own names,
/// `25-27-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_24_58.csv` -> 25..=27.
pub fn sessions_in_file_name(name: &str) -> Option<RangeInclusive<u8>> {
    let stem = match name.strip_prefix("recommendations-sessions-") {
        Some(rest) => rest.strip_suffix(".csv")?,
        None => name.strip_suffix(".csv")?,
    };
    let mut numbers = stem.splitn(3, '-');
    let first = numbers.next()?.parse().ok()?;
    let last = numbers.next()?.parse().ok()?;
    Some(first..=last)
}
