//! The DIHR SDG–Human Rights Data Explorer's export (.xlsx, sheet
//! `Explorer`): one recommendation by one recommending State a row, with its
//! SDG goals, targets and groups of persons, and the report it comes from.

use super::error::ImportError;
use super::rows::clean_text;
use super::sdg::{numeric_target, split_goals, split_keywords, text_targets};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;
use upr_core::dataset::schema::Response;
use upr_core::dataset::states::canonical_name;

pub const SHEET: &str = "Explorer";

/// The columns read, by their header; the others (Mechanism, Procedures,
/// Treaties, Type) are the same on every row of a UPR export.
const COLUMNS: [&str; 9] = [
    "Goals",
    "Recommendation",
    "Tekst",
    "Targets",
    "Keywords",
    "Response",
    "Recommending state",
    "field_year",
    "Document",
];

#[derive(Clone, Debug, PartialEq)]
pub struct ExplorerRow {
    pub file: String,
    /// 1-based, as a spreadsheet shows it.
    pub row: u32,
    /// Canonical names, as in `states.rs`.
    pub state_under_review: String,
    pub from: String,
    pub text: String,
    pub response: Response,
    pub goals: Vec<(u8, String)>,
    pub targets: Vec<String>,
    /// Indices into `sdg::PERSON_GROUPS`.
    pub persons: Vec<usize>,
    pub cycle: u8,
    /// `A/HRC/33/13`.
    pub document: String,
    /// The Council session of the report's symbol (33 in `A/HRC/33/13`).
    pub council_session: u16,
    /// `135.61`; `None` where the export names the report only.
    pub paragraph: Option<String>,
}

impl ExplorerRow {
    /// Everything the export says of the recommendation, to find exact
    /// duplicates (`file` and `row` excepted).
    pub fn same_as(&self, other: &ExplorerRow) -> bool {
        ExplorerRow {
            file: String::new(),
            row: 0,
            ..self.clone()
        } == ExplorerRow {
            file: String::new(),
            row: 0,
            ..other.clone()
        }
    }
}

/// Reads every row of the sheet `Explorer` of one export.
pub fn read_explorer(file: &str, bytes: &[u8]) -> Result<Vec<ExplorerRow>, ImportError> {
    let cell_error = |row: u32, column: &str, reason: String| ImportError::Cell {
        file: file.to_owned(),
        sheet: SHEET.to_owned(),
        row,
        column: column.to_owned(),
        reason,
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Io {
        file: file.to_owned(),
        message: format!("not a readable .xlsx file: {e}"),
    })?;
    if !workbook.sheet_names().iter().any(|s| s == SHEET) {
        return Err(ImportError::Io {
            file: file.to_owned(),
            message: format!(
                "has no sheet {SHEET:?} (sheets: {})",
                workbook.sheet_names().join(", ")
            ),
        });
    }
    let range = workbook
        .worksheet_range(SHEET)
        .map_err(|e| ImportError::Io {
            file: file.to_owned(),
            message: format!("sheet {SHEET:?}: {e}"),
        })?;
    let first_row = range.start().map_or(0, |(row, _)| row) + 1;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|cells| {
            cells
                .iter()
                .map(|c| c.to_string().trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let mut index = [0usize; COLUMNS.len()];
    for (slot, name) in index.iter_mut().zip(COLUMNS) {
        *slot = header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| ImportError::Header {
                file: format!("{file}, sheet {SHEET}"),
                expected: format!("the columns {}", COLUMNS.join(", ")),
                found: header.join(", "),
            })?;
    }
    let [goals, state, text, targets, keywords, response, from, year, document] = index;

    let mut read = Vec::new();
    for (offset, cells) in rows.enumerate() {
        let row = first_row + 1 + offset as u32;
        if cells.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let cell = |i: usize| cells.get(i).unwrap_or(&Data::Empty);
        let string = |i: usize| -> Result<String, ImportError> {
            match cell(i) {
                Data::String(s) => Ok(s.trim().to_owned()),
                Data::Empty => Ok(String::new()),
                other => Err(cell_error(
                    row,
                    COLUMNS[column_of(&index, i)],
                    format!("{other:?} is not text"),
                )),
            }
        };
        let required = |i: usize| -> Result<String, ImportError> {
            let value = string(i)?;
            if value.is_empty() {
                Err(cell_error(
                    row,
                    COLUMNS[column_of(&index, i)],
                    "is empty".into(),
                ))
            } else {
                Ok(value)
            }
        };
        let fail = |column: &str, reason: String| cell_error(row, column, reason);

        let goal_list = split_goals(&string(goals)?).map_err(|r| fail("Goals", r))?;
        let target_list = match cell(targets) {
            Data::Float(value) => vec![numeric_target(*value).map_err(|r| fail("Targets", r))?],
            Data::Int(value) => {
                return Err(fail("Targets", format!("{value} is a goal, not a target")))
            }
            _ => text_targets(&string(targets)?).map_err(|r| fail("Targets", r))?,
        };
        let person_list = split_keywords(&string(keywords)?).map_err(|r| fail("Keywords", r))?;
        let response = match required(response)?.as_str() {
            "Supported" => Response::Accepted,
            "Noted" => Response::Noted,
            other => {
                return Err(fail(
                    "Response",
                    format!("{other:?} is neither \"Supported\" nor \"Noted\""),
                ))
            }
        };
        let cycle = cycle_of(&required(year)?).map_err(|r| fail("field_year", r))?;
        let (symbol, council_session, paragraph) =
            citation(&required(document)?).map_err(|r| fail("Document", r))?;
        read.push(ExplorerRow {
            file: file.to_owned(),
            row,
            state_under_review: canonical_name(&required(state)?),
            from: canonical_name(&required(from)?),
            text: clean_text(&required(text)?),
            response,
            goals: goal_list,
            targets: target_list,
            persons: person_list,
            cycle,
            document: symbol,
            council_session,
            paragraph,
        });
    }
    Ok(read)
}

fn column_of(index: &[usize], column: usize) -> usize {
    index.iter().position(|i| *i == column).unwrap_or(0)
}

/// `2016 Cycle 2` -> 2.
fn cycle_of(field_year: &str) -> Result<u8, String> {
    field_year
        .split_once("Cycle")
        .and_then(|(_, n)| n.trim().parse().ok())
        .filter(|c| *c >= 1)
        .ok_or_else(|| format!("{field_year:?} does not name a cycle (`2016 Cycle 2`)"))
}

/// `Source:A/HRC/33/13|135.61|` -> (`A/HRC/33/13`, 33, Some(`135.61`)).
/// Four rows of cycle 2 carry `OLD` after the symbol (an earlier version of
/// the report): the symbol is the same report's.
pub fn citation(cell: &str) -> Result<(String, u16, Option<String>), String> {
    let shape = || format!("{cell:?} is not `Source:A/HRC/<session>/<number>|<paragraph>|`");
    let rest = cell.trim().strip_prefix("Source:").ok_or_else(shape)?;
    let mut parts = rest.split('|');
    let symbol = parts.next().unwrap_or("").trim();
    let symbol = symbol.strip_suffix("OLD").unwrap_or(symbol);
    let paragraph = parts
        .next()
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
        .map(str::to_owned);
    let numbers: Vec<&str> = symbol
        .strip_prefix("A/HRC/")
        .ok_or_else(shape)?
        .split('/')
        .collect();
    let [session, number] = numbers[..] else {
        return Err(shape());
    };
    let council_session: u16 = session.parse().map_err(|_| shape())?;
    number.parse::<u32>().map_err(|_| shape())?;
    Ok((symbol.to_owned(), council_session, paragraph))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_name_report_session_and_paragraph() {
        assert_eq!(
            citation("Source:A/HRC/33/13|135.61|").unwrap(),
            ("A/HRC/33/13".into(), 33, Some("135.61".into()))
        );
        assert_eq!(
            citation("Source:A/HRC/8/19").unwrap(),
            ("A/HRC/8/19".into(), 8, None)
        );
        assert_eq!(
            citation("Source:A/HRC/25/3OLD|138.34|").unwrap(),
            ("A/HRC/25/3".into(), 25, Some("138.34".into()))
        );
        assert_eq!(
            citation("Source:A/HRC/21/5|90.|").unwrap().2,
            Some("90".into())
        );
        assert!(citation("A/HRC/8/19|1|").is_err());
    }

    #[test]
    fn the_cycle_is_read_from_field_year() {
        assert_eq!(cycle_of("2016 Cycle 2"), Ok(2));
        assert!(cycle_of("2016").is_err());
    }
}
