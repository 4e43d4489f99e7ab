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

/// A recommendation as the raw files have it (UPR Info's CSV, and for
/// sessions 21-26 the Explorer's export), read without the importer.
#[derive(Clone, Debug)]
pub struct RawRow {
    pub to: String,
    pub from: String,
    pub text: String,
    pub response: String,
    pub themes: Vec<String>,
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
                    session: r[10].parse().unwrap(),
                });
            }
        }
        // Sessions 21-26 come from the Explorer alone (the README's rule:
        // the Council session of the report minus 8), without its one exact
        // duplicate; it has no themes, and says `Supported` for accepted.
        let mut seen = std::collections::BTreeSet::new();
        for row in explorer_rows() {
            let session = row.council_session() as i32 - 8;
            if row.cycle() != 2 || session < 21 || !seen.insert(row.cells.clone()) {
                continue;
            }
            rows.push(RawRow {
                to: row.get("Recommendation").to_owned(),
                from: row.get("Recommending state").to_owned(),
                text: row.get("Tekst").to_owned(),
                response: if row.get("Response") == "Supported" {
                    "Accepted".into()
                } else {
                    row.get("Response").to_owned()
                },
                themes: Vec::new(),
                session: session as u8,
            });
        }
        rows
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
