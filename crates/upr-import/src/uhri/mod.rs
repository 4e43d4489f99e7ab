//! The OHCHR Universal Human Rights Index's export (uhri.ohchr.org,
//! "Export": `export-full-en.xlsx` and its `.json` twin): one annotation a
//! row, of every UN human rights body. Only the UPR's recommendations are
//! taken, and only of the sessions no other export holds: where UPR Info's
//! exports (or the Explorer's) hold a session, they stay its reference.
//!
//! The full export is about 250,000 rows (360 MB): it is read as a stream,
//! row by row (`xlsx.rs`, `json.rs`), each row becoming its drafts at once,
//! and never held whole. Every row is counted: imported, or skipped for a
//! reason the report names.
//!
//! The export's quirks, all handled here: values carry a `- ` prefix and a
//! cell of several values separates them by line breaks; dates are Excel
//! serial numbers; a position may be `Supported/Noted` (partly supported,
//! imported as noted); rows whose text begins `Response of` are a State's
//! response, not a recommendation; the header spells `Reccomending` (some
//! exports spell it right). A recommendation of several States is one row
//! (their names one per line): it becomes one recommendation per State, as
//! UPR Info and the Explorer count a joint recommendation. The Index's
//! themes and groups of persons are its own lists, stored as labelled
//! there (`index_themes`, `index_persons`), never mapped onto UPR Info's
//! themes or the Explorer's twelve groups; its SDGs (`- 16 - PEACE,
//! JUSTICE AND STRONG INSTITUTIONS`, or a target, `- 16.3 - Promote the
//! rule of law`) are the same 17 UN goals the dataset has.

mod json;
mod names;
mod text;
mod xlsx;

use super::build::Draft;
use super::error::ImportError;
use names::index_name;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use text::{clean, RowState};
use upr_core::dataset::schema::{Response, Session};

/// Added to the dataset's `source` where the Index brings recommendations.
pub const SOURCE_NOTE: &str = "; the OHCHR Universal Human Rights Index's export (uhri.ohchr.org) for the sessions no other source holds: recommendations, positions (Supported/Noted counted as noted), SDG goals and targets, report and paragraph, and the Index's own themes and groups of persons";

/// One Index export, read from its path as a stream; `.xlsx` or `.json`.
#[derive(Clone, Debug)]
pub struct UhriFile {
    /// As it appears in messages.
    pub name: String,
    pub path: PathBuf,
}

impl UhriFile {
    pub fn new(path: &Path) -> UhriFile {
        UhriFile {
            name: path.display().to_string(),
            path: path.to_owned(),
        }
    }
}

/// `(session, canonical name of the State under review)` -> its drafts.
pub type IndexReviews = BTreeMap<(u8, String), Vec<Draft>>;

/// The columns read, each with the header's spellings (the export's own
/// first). `Regions Concerned` and `Recommending Regions` are not read:
/// the regional groups come from UPR Info's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Text,
    Countries,
    Body,
    Symbol,
    Themes,
    Persons,
    Sdgs,
    Published,
    Recommending,
    Position,
    Type,
    AnnotationId,
    Session,
    OnIndex,
}

const COLUMNS: [(Column, &[&str]); 14] = [
    (Column::Text, &["Text"]),
    (Column::Countries, &["Countries Concerned"]),
    (Column::Body, &["Reccomending Body", "Recommending Body"]),
    (Column::Symbol, &["Document Symbol"]),
    (Column::Themes, &["Themes"]),
    (Column::Persons, &["Affected Persons"]),
    (Column::Sdgs, &["Sdgs"]),
    (Column::Published, &["Document Publication Date"]),
    (
        Column::Recommending,
        &["UPR Reccomending States", "UPR Recommending States"],
    ),
    (Column::Position, &["UPR Position"]),
    (Column::Type, &["Type"]),
    (Column::AnnotationId, &["OHCHR Annotation Id"]),
    (Column::Session, &["UPR Session"]),
    (Column::OnIndex, &["Date of publication on UHRI"]),
];

impl Column {
    fn index(self) -> usize {
        self as usize
    }

    /// The column a header names, if it is one read.
    fn of_header(header: &str) -> Option<Column> {
        let header = header.trim();
        COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(header)))
            .map(|(column, _)| *column)
    }

    /// How an error names a column the file lacks.
    fn wanted(self) -> String {
        let names = COLUMNS[self.index()].1;
        match names {
            [one] => (*one).to_owned(),
            [first, rest @ ..] => format!("{first} (or {})", rest.join(", ")),
            [] => String::new(),
        }
    }
}

/// One cell as read: the xlsx and the JSON give text or numbers.
#[derive(Clone, Debug, Default, PartialEq)]
enum Value {
    #[default]
    Empty,
    Text(String),
    Number(f64),
}

type Row = [Value; COLUMNS.len()];

/// Where a row is, to name it in messages: the file, the sheet (for an
/// .xlsx), the row (1-based as a spreadsheet shows it; for a .json, the
/// record's place in the array), and the headers as the file spells them.
struct Place<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    row: u64,
    headers: &'a [String; COLUMNS.len()],
}

impl Place<'_> {
    fn error(&self, column: Column, reason: impl Into<String>) -> ImportError {
        let column = self.headers[column.index()].clone();
        match self.sheet {
            Some(sheet) => ImportError::Cell {
                file: self.file.to_owned(),
                sheet: sheet.to_owned(),
                row: self.row.min(u32::MAX as u64) as u32,
                column,
                reason: reason.into(),
            },
            None => ImportError::Record {
                file: self.file.to_owned(),
                record: self.row,
                field: column,
                reason: reason.into(),
            },
        }
    }

    /// Where the row is, in a warning.
    fn describe(&self) -> String {
        match self.sheet {
            Some(sheet) => format!("{}, sheet {sheet}, row {}", self.file, self.row),
            None => format!("{}, object {} of the array", self.file, self.row),
        }
    }
}

/// The headers the file spells for the columns read, or the error naming
/// the first it lacks.
fn headers_of(
    found: &[String],
    missing: impl Fn(Column) -> ImportError,
) -> Result<[String; COLUMNS.len()], ImportError> {
    let mut headers: [String; COLUMNS.len()] = Default::default();
    for (column, _) in COLUMNS {
        headers[column.index()] = found
            .iter()
            .find(|h| Column::of_header(h) == Some(column))
            .cloned()
            .ok_or_else(|| missing(column))?;
    }
    Ok(headers)
}

/// What reads the rows: called once per row, in file order.
type Sink<'s> = dyn FnMut(&Place, Row) -> Result<(), ImportError> + 's;

/// Reads every file in turn into the reviews of the sessions no other
/// source holds. `held`: session -> the source that holds it, as the
/// report names it. `known`: whether a canonical name is a State of the
/// dataset (UPR Info's files give every State its regional group).
pub fn read_all(
    files: &[UhriFile],
    sessions: &[Session],
    held: &BTreeMap<u8, &'static str>,
    known: &dyn Fn(&str) -> bool,
    report: &mut Vec<String>,
) -> Result<IndexReviews, ImportError> {
    let mut collector = Collector {
        sessions: sessions.iter().map(|s| (s.number, s)).collect(),
        held,
        known,
        seen: HashSet::new(),
        reviews: IndexReviews::new(),
        per_session: BTreeMap::new(),
        tally: Tally::default(),
        warnings: Vec::new(),
    };
    for file in files {
        let extension = file
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        let mut sink = |place: &Place, row: Row| collector.take(place, row);
        let sheet = match extension.as_deref() {
            Some("xlsx") => Some(xlsx::read(file, &mut sink)?),
            Some("json") => {
                json::read(file, &mut sink)?;
                None
            }
            _ => {
                return Err(ImportError::Io {
                    file: file.name.clone(),
                    message: "is neither .xlsx nor .json: the Index exports one or the other"
                        .into(),
                })
            }
        };
        let tally = std::mem::take(&mut collector.tally);
        tally.report(file, sheet.as_deref(), report);
    }
    let Collector {
        reviews,
        per_session,
        warnings,
        ..
    } = collector;
    if !warnings.is_empty() {
        report.push(format!(
            "warning: {} rows were published before their session began; the first: {}",
            warnings.len(),
            warnings[..warnings.len().min(3)].join("; ")
        ));
    }
    for (session, counts) in &per_session {
        report.push(format!(
            "from the OHCHR Index: session {session}: {} reviews, {} recommendations{}",
            counts.reviews.len(),
            counts.recommendations,
            match &counts.published {
                Some((first, last)) if first == last => format!(" (reports published {first})"),
                Some((first, last)) => format!(" (reports published {first} to {last})"),
                None => String::new(),
            }
        ));
    }
    Ok(reviews)
}

/// The sessions another source holds, and which: UPR Info's exports where
/// they hold a session, else the Explorer's.
pub fn held_sessions(
    upr_info: impl IntoIterator<Item = u8>,
    explorer: impl IntoIterator<Item = u8>,
) -> BTreeMap<u8, &'static str> {
    let mut held = BTreeMap::new();
    for session in explorer {
        held.insert(session, "the Explorer holds");
    }
    for session in upr_info {
        held.insert(session, "UPR Info's exports hold");
    }
    held
}

/// What one file's rows became.
#[derive(Default)]
struct Tally {
    rows: u64,
    other_bodies: u64,
    other_types: BTreeMap<String, u64>,
    responses: u64,
    /// Holder -> session -> rows.
    held: BTreeMap<&'static str, BTreeMap<u8, u64>>,
    /// Session -> rows without a position.
    no_position: BTreeMap<u8, u64>,
    repeated: u64,
    imported: u64,
    joint: u64,
    recommendations: u64,
    partly: u64,
    split: u64,
    kept_whole: u64,
    /// The latest `Date of publication on UHRI`: how fresh the export is.
    latest_on_index: Option<String>,
}

impl Tally {
    fn report(self, file: &UhriFile, sheet: Option<&str>, report: &mut Vec<String>) {
        report.push(format!(
            "read {} rows from {}{}",
            self.rows,
            file.name,
            sheet.map_or(String::new(), |s| format!(" (sheet {s})"))
        ));
        report.push(format!(
            "  imported {} UPR recommendation rows as {} recommendations, one per recommending State ({} rows joint, of several States)",
            self.imported, self.recommendations, self.joint
        ));
        let mut line = |count: u64, text: String| {
            if count > 0 {
                report.push(format!("  {text}"));
            }
        };
        line(
            self.partly,
            format!(
                "{} of them Supported/Noted (partly supported): imported as noted",
                self.partly
            ),
        );
        line(
            self.split,
            format!(
                "{} of them hold several wordings, each given to the States it names",
                self.split
            ),
        );
        line(
            self.kept_whole,
            format!(
                "{} of them do not end each wording with its States' names: kept whole",
                self.kept_whole
            ),
        );
        line(
            self.other_bodies,
            format!(
                "skipped {} rows of other bodies than the UPR",
                self.other_bodies
            ),
        );
        for (kind, count) in &self.other_types {
            line(
                *count,
                format!("skipped {count} UPR rows of type {kind:?}, not recommendations"),
            );
        }
        line(
            self.responses,
            format!(
                "skipped {} rows whose text begins \"Response of\" (a State's response, not a recommendation)",
                self.responses
            ),
        );
        for (holder, sessions) in &self.held {
            let count = sessions.values().sum();
            line(
                count,
                format!(
                    "skipped {count} rows of sessions {holder} ({})",
                    ranges(sessions.keys().copied())
                ),
            );
        }
        let pending: u64 = self.no_position.values().sum();
        line(
            pending,
            format!(
                "skipped {pending} rows without a position yet (session {})",
                self.no_position
                    .iter()
                    .map(|(s, n)| format!("{s}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", session ")
            ),
        );
        line(
            self.repeated,
            format!(
                "skipped {} rows repeating an OHCHR Annotation Id read before",
                self.repeated
            ),
        );
        if let Some(latest) = self.latest_on_index {
            report.push(format!("  latest publication on the Index: {latest}"));
        }
    }
}

/// `1, 2, 3, 5` -> `1-3, 5`.
fn ranges(numbers: impl Iterator<Item = u8>) -> String {
    let mut spans: Vec<(u8, u8)> = Vec::new();
    for n in numbers {
        match spans.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => spans.push((n, n)),
        }
    }
    spans
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Default)]
struct SessionCounts {
    reviews: BTreeSet<String>,
    recommendations: u64,
    /// The earliest and latest publication of its reports.
    published: Option<(String, String)>,
}

struct Collector<'a> {
    sessions: HashMap<u8, &'a Session>,
    held: &'a BTreeMap<u8, &'static str>,
    known: &'a dyn Fn(&str) -> bool,
    /// The annotation ids of the rows taken, across files: the same export
    /// as .xlsx and .json, or two overlapping exports, count once.
    seen: HashSet<String>,
    reviews: IndexReviews,
    per_session: BTreeMap<u8, SessionCounts>,
    tally: Tally,
    warnings: Vec<String>,
}

impl Collector<'_> {
    /// One row: skipped with its reason counted, or made drafts of.
    fn take(&mut self, place: &Place, mut row: Row) -> Result<(), ImportError> {
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

/// A cell's values: one a line, each without its `- ` prefix, each once.
fn values(value: &Value) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    match value {
        Value::Empty => {}
        Value::Number(n) => list.push(n.to_string()),
        Value::Text(text) => {
            for line in text.lines() {
                let line = line.trim();
                let line = line.strip_prefix('-').unwrap_or(line).trim();
                if !line.is_empty() && !list.iter().any(|l| l == line) {
                    list.push(line.to_owned());
                }
            }
        }
    }
    list
}

/// A cell that holds one value at most.
fn single(value: &Value) -> Result<Option<String>, String> {
    let mut list = values(value);
    match list.len() {
        0 | 1 => Ok(list.pop()),
        n => Err(format!(
            "holds {n} values ({}); expected one",
            list.join(", ")
        )),
    }
}

/// `- 41st session`, `41st Session`, `Session 41`, `41` -> 41.
fn session_number(value: &Value) -> Result<u8, String> {
    let shape = |v: &str| format!("{v:?} is not a session (`41st session`)");
    let text = match value {
        Value::Number(n) if n.fract() == 0.0 && (1.0..=255.0).contains(n) => return Ok(*n as u8),
        Value::Number(n) => return Err(shape(&n.to_string())),
        Value::Empty => return Err("is empty".into()),
        Value::Text(text) => text,
    };
    let one = single(value)?.unwrap_or_default();
    let lower = one.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| *w != "session" && *w != "upr")
        .collect();
    let [word] = words[..] else {
        return Err(shape(text));
    };
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    digits
        .parse::<u8>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| shape(text))
}

/// An Excel serial date (`46078`, or `46125.4996` with a time) as an ISO
/// date; also such a number as text, or an ISO date. `None` where empty.
fn date(value: &Value) -> Result<Option<String>, String> {
    let serial = match value {
        Value::Empty => return Ok(None),
        Value::Number(n) => *n,
        Value::Text(text) => {
            let text = text.trim().trim_start_matches('-').trim();
            if text.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = text.parse::<f64>() {
                n
            } else if is_iso_date(text.get(..10).unwrap_or("")) {
                return Ok(Some(text[..10].to_owned()));
            } else {
                return Err(format!(
                    "{text:?} is neither an Excel serial date nor an ISO date"
                ));
            }
        }
    };
    // 2000-01-01 to 2099-12-31: the Index's documents are of this century.
    if !(36_526.0..73_051.0).contains(&serial) {
        return Err(format!(
            "{serial} is not an Excel serial date of this century"
        ));
    }
    Ok(Some(serial_to_iso(serial)))
}

fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Days since 1899-12-30 (Excel's 1900 epoch, past its false 1900-02-29)
/// as a civil date (Howard Hinnant's `civil_from_days`).
fn serial_to_iso(serial: f64) -> String {
    let days = serial.floor() as i64 - 25_569; // 1970-01-01
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + (month <= 2) as i64;
    format!("{year:04}-{month:02}-{day:02}")
}

/// `16 - PEACE, JUSTICE AND STRONG INSTITUTIONS` -> goal 16;
/// `16.3 - Promote the rule of law` -> goal 16 and target `16.3`.
fn sdgs(list: &[String]) -> Result<(BTreeSet<u8>, Vec<String>), String> {
    let mut goals = BTreeSet::new();
    let mut targets = Vec::new();
    for item in list {
        let number = item
            .split_once(" - ")
            .map_or(item.as_str(), |(n, _)| n)
            .trim();
        let unknown = || {
            format!("{item:?} is no SDG goal or target (`16 - PEACE, JUSTICE AND STRONG INSTITUTIONS`, `16.3 - ...`)")
        };
        let (goal, target) = match number.split_once('.') {
            None => (number, None),
            Some((goal, target)) => (goal, Some(target)),
        };
        let goal: u8 = goal
            .parse()
            .ok()
            .filter(|g| (1..=17).contains(g))
            .ok_or_else(unknown)?;
        goals.insert(goal);
        if let Some(target) = target {
            let target = target.to_lowercase();
            let shaped = (target.len() <= 2 && target.bytes().all(|b| b.is_ascii_digit()))
                || (target.len() == 1 && target.bytes().all(|b| b.is_ascii_lowercase()));
            if !shaped {
                return Err(unknown());
            }
            let target = format!("{goal}.{target}");
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
    }
    Ok((goals, targets))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn values_lose_their_prefix_and_split_on_line_breaks() {
        assert_eq!(
            values(&text("- Women & girls\n- Children\r\n- Women & girls")),
            vec!["Women & girls", "Children"]
        );
        assert_eq!(values(&text("")), Vec::<String>::new());
    }

    #[test]
    fn sessions_are_read_in_their_spellings() {
        for (cell, want) in [
            (text("- 41st session"), Ok(41)),
            (text("41st Session"), Ok(41)),
            (text("- 22nd session"), Ok(22)),
            (text("Session 3"), Ok(3)),
            (Value::Number(50.0), Ok(50)),
        ] {
            assert_eq!(session_number(&cell), want, "{cell:?}");
        }
        assert!(session_number(&text("- 41st session\n- 42nd session")).is_err());
        assert!(session_number(&text("spring")).is_err());
    }

    #[test]
    fn excel_serials_are_dates() {
        // 46078 is 2026-02-25 (tests of other UHRI readers agree).
        assert_eq!(
            date(&Value::Number(46_078.0)),
            Ok(Some("2026-02-25".into()))
        );
        assert_eq!(
            date(&text("46125.4996282407")),
            Ok(Some("2026-04-13".into()))
        );
        assert_eq!(
            date(&Value::Number(39_448.0)),
            Ok(Some("2008-01-01".into()))
        );
        assert_eq!(
            date(&text("2019-11-05T00:00:00")),
            Ok(Some("2019-11-05".into()))
        );
        assert!(date(&text("soon")).is_err());
        assert!(date(&Value::Number(5.0)).is_err());
    }

    #[test]
    fn goals_and_targets() {
        let (goals, targets) = sdgs(&[
            "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS".into(),
            "5.c - Adopt and strengthen policies".into(),
            "16.10 - Public access to information".into(),
        ])
        .unwrap();
        assert_eq!(goals.into_iter().collect::<Vec<_>>(), vec![5, 16]);
        assert_eq!(targets, vec!["5.c", "16.10"]);
        assert!(sdgs(&["18 - NONE".into()]).is_err());
        assert!(sdgs(&["PEACE".into()]).is_err());
    }

    #[test]
    fn session_lists_are_ranges() {
        assert_eq!(ranges([1, 2, 3, 5, 7, 8].into_iter()), "1-3, 5, 7-8");
    }
}
