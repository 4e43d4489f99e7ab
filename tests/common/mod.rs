//! Shared by the native tests: where the raw data is, the bundled dataset,
//! and an independent reading of the raw recommendation files.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;
use upr_viewer::dataset::Dataset;

pub fn shared_dir() -> PathBuf {
    std::env::var_os("UPR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

pub fn data_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bundled dataset with its texts, loaded once for all tests.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let mut dataset = Dataset::from_overview_json(&data_file("overview.json")).expect("overview loads");
        dataset.attach_texts_json(&data_file("recommendations.json")).expect("texts load");
        dataset
    })
}

/// A recommendation as the raw CSV has it, read without the importer.
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
        rows
    })
}
