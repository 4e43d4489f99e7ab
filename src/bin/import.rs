//! `cargo run --bin import -- [SHARED_DIR] [OUT_DIR]`: writes the bundled
//! dataset (`data/overview.json`, `data/recommendations.json`) from the raw
//! files under `../shared`, printing what it read, merged and wrote.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use upr_viewer::dataset::import::{import, Sources};
    use upr_viewer::dataset::load::{OVERVIEW_FILE, TEXTS_FILE};

    let mut args = std::env::args().skip(1);
    let shared = PathBuf::from(args.next().unwrap_or_else(|| "../shared".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "data".into()));
    let run = || -> Result<(), String> {
        let sources = Sources::read(&shared).map_err(|e| e.to_string())?;
        let imported = import(&sources).map_err(|e| e.to_string())?;
        for line in &imported.report {
            println!("{line}");
        }
        let files = [
            (OVERVIEW_FILE, serde_json::to_string(&imported.overview)),
            (TEXTS_FILE, serde_json::to_string(&imported.texts)),
        ];
        for (name, json) in files {
            let json = json.map_err(|e| format!("cannot serialise {name}: {e}"))? + "\n";
            let path = out.join(name);
            std::fs::write(&path, &json).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {} ({} bytes)", path.display(), json.len());
        }
        Ok(())
    };
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("import failed: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
