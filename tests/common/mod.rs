//! Shared by the native tests: where the raw data is, the bundled dataset,
//! and an independent reading of the raw recommendation files.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;
use upr_core::dataset::Dataset;

/// The raw data beside the project (or where `UPR_SHARED` points). A test
/// that needs it and does not find it stops the whole run at once with
/// one line, rather than fail deep inside a reader.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("UPR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if !dir.join("data").is_dir() {
        // Straight to stderr: the test harness captures `eprintln!`, and
        // the process ends before it would show it.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "the raw data is not at {} (expected ../shared beside the project, with data/ and seed/): set UPR_SHARED to its folder",
            dir.display()
        );
        std::process::exit(2);
    }
    dir
}

pub fn data_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bundled dataset with its texts, loaded once for all tests.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let mut dataset =
            Dataset::from_overview_json(&data_file("overview.json")).expect("overview loads");
        dataset
            .attach_texts_json(&data_file("recommendations.json"))
            .expect("texts load");
        dataset
    })
}

/// A recommendation as the raw files have it (UPR Info's export of
/// sessions 1-20, and for sessions 21-27 its export of 2018), read without
/// the importer. Names and texts as the cells have them, surrounding
/// spaces and line breaks aside.
#[derive(Clone, Debug)]
pub struct RawRow {
    pub to: String,
    pub from: String,
    pub text: String,
    /// `Accepted` or `Noted` (the 2018 export's `Supported` is `Accepted`).
    pub response: String,
    /// The 2018 export's labels for sessions 21-27 (`National Human Rights
    /// Institution`), the older export's before; empty in session 27.
    pub themes: Vec<String>,
    pub action: u8,
    pub session: u8,
}

impl RawRow {
    pub fn review(&self) -> (String, u8) {
        (self.to.clone(), self.session)
    }
}

pub const UNKNOWN: &str = "&#40;Unknown&#41;";

pub fn raw_rows() -> &'static [RawRow] {
    static ROWS: OnceLock<Vec<RawRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let dir = shared_dir().join("data/upr-info");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("shared/data/upr-info exists")
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("recommendations-"))
            .collect();
        names.sort();
        let mut rows = Vec::new();
        for name in names {
            let mut reader = csv::Reader::from_path(dir.join(&name)).unwrap();
            for record in reader.records() {
                let r = record.unwrap();
                rows.push(RawRow {
                    to: r[0].to_owned(),
                    text: r[3].to_owned(),
                    from: r[4].to_owned(),
                    response: r[7].to_owned(),
                    themes: r[9].split(',').map(|t| t.trim().to_owned()).collect(),
                    action: r[8].parse().unwrap(),
                    session: r[10].parse().unwrap(),
                });
            }
        }
        // Sessions 21-27 come from UPR Info's export of 2018 (the README's
        // rule: where both exports hold a session, `upr-info/` gives it),
        // without its one exact duplicate.
        let mut seen = std::collections::BTreeSet::new();
        for row in export_2018_rows() {
            let Some(session) = row.session().filter(|s| *s >= 21) else {
                continue;
            };
            if !seen.insert(row.normalised()) {
                continue;
            }
            rows.push(RawRow {
                to: row.cell("SuR").to_owned(),
                from: row.cell("RS").to_owned(),
                text: row.cell("Recommendation").to_owned(),
                response: match row.cell("Response") {
                    "Supported" => "Accepted".to_owned(),
                    other => other.to_owned(),
                },
                themes: row
                    .cell("Issue")
                    .split(',')
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect(),
                action: row.cell("Action").parse().unwrap(),
                session,
            });
        }
        rows
    })
}

/// The header of UPR Info's export of 2018: the regional group and
/// organisations first of the State under review, then of the
/// recommending State.
pub const EXPORT_2018_HEADER: [&str; 11] = [
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

/// A row of UPR Info's export of 2018 as its file has it, split here by
/// hand (not by the csv crate the importer uses): every cell as written,
/// line breaks included.
#[derive(Clone, Debug, PartialEq)]
pub struct RawExportRow {
    pub file: String,
    /// The line the row starts on, 1-based (the header is line 1).
    pub line: u64,
    pub cells: Vec<String>,
}

impl RawExportRow {
    /// The cell of the first column called `column`, without surrounding
    /// spaces and line breaks.
    pub fn cell(&self, column: &str) -> &str {
        let index = EXPORT_2018_HEADER
            .iter()
            .position(|c| *c == column)
            .unwrap_or_else(|| panic!("no column {column}"));
        self.cells[index].trim()
    }

    /// The recommending State's regional group (the second `Rgrp`).
    pub fn recommending_region(&self) -> &str {
        self.cells[5].trim()
    }

    /// Every cell without its stray spaces and line breaks (runs of them
    /// as one space): what an exact duplicate has the same. The README's
    /// duplicate differs from its original by a trailing space.
    pub fn normalised(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// `None` where the cell is empty.
    pub fn session(&self) -> Option<u8> {
        let cell = self.cell("Session");
        (!cell.is_empty()).then(|| cell.parse().unwrap())
    }
}

/// The files of `upr-info-2018/`, in name order, as bytes.
pub fn export_2018_files() -> Vec<(String, Vec<u8>)> {
    let dir = shared_dir().join("data/upr-info-2018");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("shared/data/upr-info-2018 exists")
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

/// One file of the 2018 export split into rows: a byte-order mark, then
/// `;`-separated fields, double quotes around a field that holds `;`, a
/// quote or a line break (a quote doubled inside), rows ending in CRLF.
pub fn split_export_2018(file: &str, bytes: &[u8]) -> Vec<RawExportRow> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let (mut rows, mut cells, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut line, mut start, mut quoted) = (1u64, 1u64, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ';') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                cells.push(std::mem::take(&mut cell));
                rows.push(RawExportRow {
                    file: file.to_owned(),
                    line: start,
                    cells: std::mem::take(&mut cells),
                });
                line += 1;
                start = line;
            }
            (false, '\n') => panic!("{file}:{line}: a bare LF ends no row of this export"),
            (_, c) => {
                line += u64::from(c == '\n');
                cell.push(c);
            }
        }
    }
    // The last row has no line end.
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        rows.push(RawExportRow {
            file: file.to_owned(),
            line: start,
            cells,
        });
    }
    let header = rows.remove(0);
    assert_eq!(
        header.cells, EXPORT_2018_HEADER,
        "{file}: the README's header"
    );
    for row in &rows {
        assert_eq!(row.cells.len(), 11, "{file}:{}", row.line);
    }
    rows
}

/// Every row of the 2018 export, sessions 1-27, the row without a session
/// and the exact duplicate included.
pub fn export_2018_rows() -> &'static [RawExportRow] {
    static ROWS: OnceLock<Vec<RawExportRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        export_2018_files()
            .iter()
            .flat_map(|(name, bytes)| split_export_2018(name, bytes))
            .collect()
    })
}

/// A row of the Explorer's export as the .xlsx has it, read without the
/// importer: every cell as text, the Targets cell also as the number the
/// spreadsheet stored where it did.
#[derive(Clone, Debug, PartialEq)]
pub struct RawExplorerRow {
    pub file: String,
    /// 1-based, as the spreadsheet shows it.
    pub row: u32,
    pub cells: Vec<String>,
    pub numeric_target: Option<f64>,
}

impl RawExplorerRow {
    /// The cell under the header `column`.
    pub fn get(&self, column: &str) -> &str {
        let index = EXPLORER_HEADER
            .iter()
            .position(|c| *c == column)
            .unwrap_or_else(|| panic!("no column {column}"));
        self.cells[index].trim()
    }

    /// `Source:A/HRC/33/13|135.61|` -> 33.
    pub fn council_session(&self) -> u16 {
        self.get("Document")
            .trim_start_matches("Source:A/HRC/")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }

    /// `2016 Cycle 2` -> 2.
    pub fn cycle(&self) -> u8 {
        self.get("field_year")
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }
}

pub const EXPLORER_HEADER: [&str; 13] = [
    "Goals",
    "Recommendation",
    "Tekst",
    "Targets",
    "Keywords",
    "Response",
    "Recommending state",
    "Mechanism",
    "Procedures",
    "Treaties",
    "Type",
    "field_year",
    "Document",
];

pub fn explorer_rows() -> &'static [RawExplorerRow] {
    use calamine::{Data, Reader, Xlsx};
    static ROWS: OnceLock<Vec<RawExplorerRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows = Vec::new();
        for name in ["upr-cycle-1.xlsx", "upr-cycle-2.xlsx"] {
            let path = shared_dir().join("data/dihr").join(name);
            let mut workbook: Xlsx<_> = calamine::open_workbook(&path).unwrap();
            let range = workbook.worksheet_range("Explorer").unwrap();
            let mut sheet = range.rows();
            let header: Vec<String> = sheet
                .next()
                .unwrap()
                .iter()
                .map(|c| c.to_string())
                .collect();
            assert_eq!(
                header, EXPLORER_HEADER,
                "{name}: the layout the README documents"
            );
            for (i, cells) in sheet.enumerate() {
                let numeric_target = match &cells[3] {
                    Data::Float(f) => Some(*f),
                    _ => None,
                };
                rows.push(RawExplorerRow {
                    file: name.to_owned(),
                    row: i as u32 + 2,
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                    numeric_target,
                });
            }
        }
        rows
    })
}
