//! Writes the bundled dataset (`data/overview.json`,
//! `data/recommendations.json`) from the raw files, printing what it read,
//! matched, merged and wrote.
//!
//! ```text
//! cargo run --release --bin import -- [SHARED_DIR] [OUT_DIR]
//!     [--upr-info FILE.csv...] [--upr-info-2018 FILE.csv...]
//!     [--explorer FILE.xlsx...] [--unmatched FILE.csv]
//!     [--uhri FILE.xlsx|FILE.json]...
//! ```
//! SHARED_DIR (default `../shared`) holds everything; `--upr-info`,
//! `--upr-info-2018` and `--explorer` read these UPR Info CSV exports (in
//! the layout of `upr-info/`, or of UPR Info's export of 2018) or DIHR
//! Explorer exports instead of those under SHARED_DIR (sessions,
//! membership, pledges and media summaries still come from SHARED_DIR). The Explorer rows that
//! match no UPR Info recommendation go to `--unmatched` (default
//! `.tmp/import-unmatched.csv`), never to OUT_DIR. `--uhri` adds an OHCHR
//! Universal Human Rights Index export to what SHARED_DIR holds: it brings
//! the sessions the other exports do not hold. It takes one file (the
//! format by its extension) and may be given again; the positional
//! arguments may follow it (`--uhri FILE SHARED_DIR OUT_DIR`).

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("import failed: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    use std::path::PathBuf;
    use upr_core::dataset::load::{OVERVIEW_FILE, TEXTS_FILE};
    use upr_import::names::{localised_names, search_names, CLDR_DIR};
    use upr_import::{import, read_binary, read_text_file, Sources, UhriFile};

    let mut positional = Vec::new();
    let (mut upr_info, mut upr_info_2018, mut explorer, mut unmatched_path) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        PathBuf::from(".tmp/import-unmatched.csv"),
    );
    let mut uhri: Vec<PathBuf> = Vec::new();
    let mut list: Option<&mut Vec<PathBuf>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--upr-info" => list = Some(&mut upr_info),
            "--upr-info-2018" => list = Some(&mut upr_info_2018),
            "--explorer" => list = Some(&mut explorer),
            // One file each time, so that positional arguments may follow.
            "--uhri" => {
                uhri.push(
                    args.next()
                        .filter(|a| !a.starts_with("--"))
                        .map(PathBuf::from)
                        .ok_or("--uhri needs a file name (.xlsx or .json)")?,
                );
                list = None;
            }
            "--unmatched" => {
                unmatched_path = args
                    .next()
                    .map(PathBuf::from)
                    .ok_or("--unmatched needs a file name")?;
                list = None;
            }
            flag if flag.starts_with("--") => {
                return Err(format!(
                    "unknown option {flag} (known: --upr-info, --upr-info-2018, --explorer, --uhri, --unmatched)"
                ))
            }
            _ => match list.as_mut() {
                Some(files) => files.push(PathBuf::from(arg)),
                None => positional.push(PathBuf::from(arg)),
            },
        }
    }
    if positional.len() > 2 {
        return Err(format!("expected at most SHARED_DIR and OUT_DIR, got {} paths; files go after --upr-info, --upr-info-2018 or --explorer", positional.len()));
    }
    let mut positional = positional.into_iter();
    let shared = positional
        .next()
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let out = positional.next().unwrap_or_else(|| PathBuf::from("data"));

    let mut sources = Sources::read(&shared).map_err(|e| e.to_string())?;
    if !upr_info.is_empty() {
        sources.recommendations = upr_info
            .iter()
            .map(|p| read_text_file(p))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
    }
    if !upr_info_2018.is_empty() {
        sources.upr_info_2018 = upr_info_2018
            .iter()
            .map(|p| read_text_file(p))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
    }
    if !explorer.is_empty() {
        sources.explorer = explorer
            .iter()
            .map(|p| read_binary(p, &p.display().to_string()))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
    }
    sources.uhri.extend(uhri.iter().map(|p| UhriFile::new(p)));
    let mut imported = import(&sources).map_err(|e| e.to_string())?;
    let names = localised_names(&imported.overview.states, std::path::Path::new(CLDR_DIR))
        .map_err(|e| e.to_string())?;
    imported.texts.state_names = search_names(&names);
    for line in &imported.report {
        println!("{line}");
    }
    let mut files = vec![
        (
            OVERVIEW_FILE.to_owned(),
            serde_json::to_string(&imported.overview),
        ),
        (
            TEXTS_FILE.to_owned(),
            serde_json::to_string(&imported.texts),
        ),
    ];
    files.extend(
        names
            .iter()
            .map(|(lang, names)| (lang.state_names_file(), serde_json::to_string(names))),
    );
    for (name, json) in files {
        let json = json.map_err(|e| format!("cannot serialise {name}: {e}"))? + "\n";
        let path = out.join(&name);
        std::fs::write(&path, &json).map_err(|e| format!("{}: {e}", path.display()))?;
        let note = match name.as_str() {
            OVERVIEW_FILE => ", loaded for the first screen",
            TEXTS_FILE => ", loaded after it",
            _ => ", State names loaded with that language",
        };
        println!("wrote {} ({} bytes{note})", path.display(), json.len());
    }
    if let Some(dir) = unmatched_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&unmatched_path, &imported.unmatched)
        .map_err(|e| format!("{}: {e}", unmatched_path.display()))?;
    let rows = imported.unmatched.lines().count().saturating_sub(1);
    println!(
        "wrote {} ({rows} unmatched Explorer rows; for checking, not shipped)",
        unmatched_path.display()
    );
    Ok(())
}
