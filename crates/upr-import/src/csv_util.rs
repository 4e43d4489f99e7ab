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
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(content.as_bytes());
    let found = reader
        .headers()
        .map_err(|e| ImportError::row(file, 1, format!("cannot read the header: {e}")))?
        .clone();
    if found.iter().map(str::trim).ne(header.iter().copied()) {
        return Err(ImportError::Header {
            file: file.to_owned(),
            expected: header.join(","),
            found: found.iter().collect::<Vec<_>>().join(","),
        });
    }
    Ok(reader.into_records().map(move |result| {
        result
            .map(|fields| ParsedRecord {
                line: fields.position().map_or(0, |p| p.line()),
                fields,
            })
            .map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                let reason = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
                        "{len} fields where the header has {expected_len} (a broken quote joins or splits fields)"
                    ),
                    _ => e.to_string(),
                };
                ImportError::row(file, line, reason)
            })
    }))
}
