//! What can go wrong while importing, with what a person needs to fix it.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// A file could not be read at all.
    Io { file: String, message: String },
    /// The header row is not the one the README documents.
    Header {
        file: String,
        expected: String,
        found: String,
    },
    /// One row is malformed; `line` is 1-based in the file.
    Row {
        file: String,
        line: u64,
        reason: String,
    },
    /// One cell of a spreadsheet is malformed; `row` is 1-based as the
    /// spreadsheet shows it, `column` the header's name.
    Cell {
        file: String,
        sheet: String,
        row: u32,
        column: String,
        reason: String,
    },
    /// One value of a JSON export's record (the OHCHR Index's .json):
    /// `record` is the object's place in the array, 1-based, `field` its key.
    Record {
        file: String,
        record: u64,
        field: String,
        reason: String,
    },
    /// A media summary could not be read or placed.
    Summary { file: String, reason: String },
    /// Numbers that must agree do not.
    Mismatch {
        what: String,
        expected: u64,
        found: u64,
    },
}

impl ImportError {
    pub fn row(file: &str, line: u64, reason: impl Into<String>) -> Self {
        ImportError::Row {
            file: file.to_owned(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io { file, message } => write!(f, "{file}: {message}"),
            ImportError::Header {
                file,
                expected,
                found,
            } => {
                write!(f, "{file}:1: header is {found:?}, expected {expected:?}")
            }
            ImportError::Row { file, line, reason } => write!(f, "{file}:{line}: {reason}"),
            ImportError::Cell {
                file,
                sheet,
                row,
                column,
                reason,
            } => {
                write!(
                    f,
                    "{file}, sheet {sheet}, row {row}, column {column}: {reason}"
                )
            }
            ImportError::Record {
                file,
                record,
                field,
                reason,
            } => {
                write!(
                    f,
                    "{file}, object {record} of the array, key {field}: {reason}"
                )
            }
            ImportError::Summary { file, reason } => write!(f, "{file}: {reason}"),
            ImportError::Mismatch {
                what,
                expected,
                found,
            } => {
                write!(f, "{what}: expected {expected}, found {found}")
            }
        }
    }
}

impl std::error::Error for ImportError {}
