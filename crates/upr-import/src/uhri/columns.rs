//! The Index export's columns as read: the headers' spellings, a row's
//! cells, and where a row is, to name it in messages.

use crate::error::ImportError;

/// The columns read, each with the header's spellings (the export's own
/// first). `Regions Concerned` and `Recommending Regions` are not read:
/// the regional groups come from UPR Info's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
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

pub(super) const COLUMNS: [(Column, &[&str]); 14] = [
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
    pub(super) fn index(self) -> usize {
        self as usize
    }

    /// The column a header names, if it is one read.
    pub(super) fn of_header(header: &str) -> Option<Column> {
        let header = header.trim();
        COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(header)))
            .map(|(column, _)| *column)
    }

    /// How an error names a column the file lacks.
    pub(super) fn wanted(self) -> String {
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
pub(super) enum Value {
    #[default]
    Empty,
    Text(String),
    Number(f64),
}

pub(super) type Row = [Value; COLUMNS.len()];

/// Where a row is, to name it in messages: the file, the sheet (for an
/// .xlsx), the row (1-based as a spreadsheet shows it; for a .json, the
/// record's place in the array), and the headers as the file spells them.
pub(super) struct Place<'a> {
    pub(super) file: &'a str,
    pub(super) sheet: Option<&'a str>,
    pub(super) row: u64,
    pub(super) headers: &'a [String; COLUMNS.len()],
}

impl Place<'_> {
    pub(super) fn error(&self, column: Column, reason: impl Into<String>) -> ImportError {
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
    pub(super) fn describe(&self) -> String {
        match self.sheet {
            Some(sheet) => format!("{}, sheet {sheet}, row {}", self.file, self.row),
            None => format!("{}, object {} of the array", self.file, self.row),
        }
    }
}

/// The headers the file spells for the columns read, or the error naming
/// the first it lacks.
pub(super) fn headers_of(
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
pub(super) type Sink<'s> = dyn FnMut(&Place, Row) -> Result<(), ImportError> + 's;
