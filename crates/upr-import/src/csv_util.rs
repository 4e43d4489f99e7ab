//! Reading a CSV file's records with their line numbers, after checking the
//! header, so that every later error can say where it is.

use super::error::ImportError;

pub struct ParsedRecord {
    pub line: u64,
    pub fields: csv::StringRecord,
}

pub fn field(record: &ParsedRecord, index: usize) -> &str {
    record.fields.get(index).unwrap_or("").trim()
}

pub fn records<'a>(
    file: &'a str,
    content: &'a str,
    header: &'a [&'a str],
) -> Result<impl Iterator<Item = Result<ParsedRecord, ImportError>> + 'a, ImportError> {
    records_separated_by(file, content, header, b',')
}

/// As `records`, for a file whose fields are separated by `delimiter`. A
/// byte-order mark before the header (UPR Info's 2018 export has one) is
/// not part of the first column's name.
pub fn records_separated_by<'a>(
    file: &'a str,
    content: &'a str,
    header: &'a [&'a str],
    delimiter: u8,
) -> Result<impl Iterator<Item = Result<ParsedRecord, ImportError>> + 'a, ImportError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
        .from_reader(content.as_bytes());
    let found = reader
        .headers()
        .map_err(|e| ImportError::row(file, 1, format!("cannot read the header: {e}")))?
        .clone();
    if found.iter().map(str::trim).ne(header.iter().copied()) {
        return Err(ImportError::Header {
            file: file.to_owned(),
            expected: header.join(&char::from(delimiter).to_string()),
            found: found
                .iter()
                .collect::<Vec<_>>()
                .join(&char::from(delimiter).to_string()),
        });
    }
    // The csv crate's own line numbers miss or add lines where a quoted
    // field holds a line break (the 2018 export's texts and State names),
    // so a record's line is counted here from its byte offset: the line a
    // text editor shows it starting on.
    let bytes = content.as_bytes();
    let mut counted = (0usize, 1u64);
    let mut line_at = move |position: Option<&csv::Position>| {
        let Some(offset) = position.map(|p| p.byte() as usize) else {
            return 0;
        };
        let (from, line) = counted;
        let mut offset = offset.clamp(from, bytes.len());
        // After a CRLF the crate places the next record at the LF.
        while bytes
            .get(offset)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            offset += 1;
        }
        let line = line + bytes[from..offset].iter().filter(|b| **b == b'\n').count() as u64;
        counted = (offset, line);
        line
    };
    Ok(reader.into_records().map(move |result| match result {
        Ok(fields) => Ok(ParsedRecord {
            line: line_at(fields.position()),
            fields,
        }),
        Err(e) => {
            let line = line_at(e.position());
            let reason = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
                    "{len} fields where the header has {expected_len} (a broken quote joins or splits fields)"
                ),
                _ => e.to_string(),
            };
            Err(ImportError::row(file, line, reason))
        }
    }))
}
