//! The Index's .xlsx export, read cell by cell with calamine's streaming
//! reader (`worksheet_cells_reader`): the sheet's XML is inflated and
//! parsed as it is read from the file, one row at a time, and never held
//! whole. What calamine does hold while reading is the workbook's shared
//! strings table, which it reads whole when it opens the file: every
//! distinct string of the sheet once (an export that writes its cells
//! inline, as the tests' files do, has none).

use super::{headers_of, Column, Place, Row, Sink, UhriFile, Value, COLUMNS};
use crate::error::ImportError;
use calamine::{DataRef, DataType, Reader, Xlsx};
use std::fs::File;
use std::io::BufReader;

/// Days between Excel's 1900 and 1904 epochs: a workbook of the 1904
/// system counts its serial dates from the later one.
const EPOCH_1904: f64 = 1_462.0;

/// Reads the first sheet, row by row, into `sink`; gives the sheet's name.
pub(super) fn read(file: &UhriFile, sink: &mut Sink) -> Result<String, ImportError> {
    let io = |message: String| ImportError::Io {
        file: file.name.clone(),
        message,
    };
    let opened = File::open(&file.path).map_err(|e| io(e.to_string()))?;
    let mut workbook: Xlsx<_> = Xlsx::new(BufReader::with_capacity(1 << 16, opened))
        .map_err(|e| io(format!("not a readable .xlsx file: {e}")))?;
    // The export has one sheet; its name is not documented.
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| io("has no sheet".into()))?;
    let is_1904 = workbook.has_1904_epoch();
    let date_offset = |column: Column| match column {
        Column::Published | Column::OnIndex if is_1904 => EPOCH_1904,
        _ => 0.0,
    };
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|e| io(format!("sheet {sheet:?}: {e}")))?;
    let cell_error = |row: u32, column: String, reason: String| ImportError::Cell {
        file: file.name.clone(),
        sheet: sheet.clone(),
        row,
        column,
        reason,
    };

    // The header: the first row with a cell; then the columns it maps.
    let mut by_column: Vec<Option<Column>> = Vec::new();
    let mut headers: Option<[String; COLUMNS.len()]> = None;
    let mut header_cells: Vec<(u32, String)> = Vec::new();
    let mut header_row: Option<u32> = None;
    let mut current: Option<(u32, Row)> = None;

    loop {
        let next = cells
            .next_cell()
            .map_err(|e| io(format!("sheet {sheet:?}: {e}")))?;
        let at_row = next.as_ref().map(|c| c.get_position().0);
        // A row ends where the next begins (or the sheet does).
        if current
            .as_ref()
            .is_some_and(|(row, _)| Some(*row) != at_row)
        {
            if let (Some((row, values)), Some(headers)) = (current.take(), &headers) {
                if values.iter().any(|v| *v != Value::Empty) {
                    let place = Place {
                        file: &file.name,
                        sheet: Some(&sheet),
                        row: u64::from(row) + 1,
                        headers,
                    };
                    sink(&place, values)?;
                }
            }
        }
        if header_row.is_some_and(|h| Some(h) != at_row) && headers.is_none() {
            let row = header_row.unwrap_or(0) + 1;
            let found: Vec<String> = header_cells.iter().map(|(_, h)| h.clone()).collect();
            headers = Some(headers_of(&found, |column| {
                cell_error(
                    row,
                    column.wanted(),
                    format!("missing: the header is {}", found.join(", ")),
                )
            })?);
            for (at, header) in &header_cells {
                let at = *at as usize;
                if by_column.len() <= at {
                    by_column.resize(at + 1, None);
                }
                by_column[at] = Column::of_header(header);
            }
        }
        let Some(cell) = next else {
            break;
        };
        let (row, at) = cell.get_position();
        let value = cell.get_value();
        if headers.is_none() {
            if matches!(value, DataRef::Empty) {
                continue;
            }
            header_row.get_or_insert(row);
            let header = value.as_string().unwrap_or_default();
            header_cells.push((at, header.trim().to_owned()));
            continue;
        }
        let Some(column) = by_column.get(at as usize).copied().flatten() else {
            continue;
        };
        let value = match value {
            DataRef::Empty => Value::Empty,
            DataRef::SharedString(s) => Value::Text((*s).to_owned()),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Value::Text(s.clone())
            }
            // A date's serial, whether styled as a date or not, counts
            // from the workbook's epoch.
            DataRef::Float(f) => Value::Number(*f + date_offset(column)),
            DataRef::Int(i) => Value::Number(*i as f64 + date_offset(column)),
            DataRef::DateTime(d) => Value::Number(d.as_f64() + date_offset(column)),
            DataRef::Bool(b) => Value::Text(b.to_string()),
            DataRef::Error(e) => {
                let header = headers
                    .as_ref()
                    .map_or(String::new(), |h| h[column.index()].clone());
                return Err(cell_error(row + 1, header, format!("holds the error {e}")));
            }
        };
        let (_, values) = current.get_or_insert_with(|| (row, Row::default()));
        values[column.index()] = value;
    }
    if headers.is_none() {
        return Err(io(format!("sheet {sheet:?} is empty")));
    }
    Ok(sheet)
}
