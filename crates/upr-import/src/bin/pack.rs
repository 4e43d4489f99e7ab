//! Packs a data folder's texts for the browser: `pack DIR` reads
//! `DIR/overview.json` and `DIR/recommendations.json`, checks them against
//! each other as the viewer would, and writes `DIR/recommendations.bin`
//! and each State's `DIR/texts/<id>.bin` ([`upr_core::dataset::packed`]),
//! gzipped. The build packs its own data
//! through the prerender; the benchmark and the tests pack the datasets
//! they make.

use std::path::PathBuf;
use upr_core::dataset::load::{Dataset, OVERVIEW_FILE, TEXTS_FILE};
use upr_core::dataset::packed::{state_piece_file, PACKED_TEXTS_FILE};
use upr_import::write_gzipped;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("pack: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: pack DIR (a folder with overview.json and recommendations.json)")?;
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map_err(|e| format!("could not read {}: {e}", path.display()))
    };
    let overview = Dataset::from_overview_json(&read(OVERVIEW_FILE)?).map_err(|e| e.to_string())?;
    let packed = overview
        .pack_texts_json(&read(TEXTS_FILE)?)
        .map_err(|e| e.to_string())?;
    write_gzipped(&dir.join(PACKED_TEXTS_FILE), &packed.whole)?;
    let pieces = dir.join("texts");
    std::fs::create_dir_all(&pieces)
        .map_err(|e| format!("could not write {}: {e}", pieces.display()))?;
    for (id, piece) in &packed.states {
        write_gzipped(&dir.join(state_piece_file(id)), piece)?;
    }
    Ok(())
}
