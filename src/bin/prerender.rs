//! Writes the prerendered pages into a built folder (run by Trunk's
//! post-build hook, scripts/post-build.mjs): `prerender DIST [DATA]`; and
//! the texts packed for the browser, `DATA/recommendations.bin`.
//! `UPR_SITE_URL` (e.g. `https://example.org/upr/`) makes the canonical and
//! preview addresses absolute and adds `sitemap.xml`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

// `cargo test --target wasm32-unknown-unknown` builds every binary for the
// wasm too, where this one has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Instant;
    use upr_core::dataset::load::{OVERVIEW_FILE, TEXTS_FILE};
    use upr_core::dataset::packed::{state_piece_file, PACKED_TEXTS_FILE};
    use upr_import::write_gzipped;
    use upr_viewer::i18n::Tr;
    use upr_viewer::prerender::install::write_app_files;
    use upr_viewer::prerender::read_languages;
    use upr_viewer::prerender::site::{write_site, Datasets};

    pub fn main() -> ExitCode {
        match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("prerender: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run() -> Result<(), String> {
        let started = Instant::now();
        let mut args = std::env::args_os().skip(1).map(PathBuf::from);
        let dist = args
            .next()
            .ok_or("usage: prerender DIST [DATA] (DIST: the built folder with its index.html)")?;
        let data = args.next().unwrap_or_else(|| dist.join("data"));
        let read = |path: PathBuf| {
            std::fs::read_to_string(&path)
                .map_err(|e| format!("could not read {}: {e}", path.display()))
        };
        let (overview_json, texts) = (
            read(data.join(OVERVIEW_FILE))?,
            read(data.join(TEXTS_FILE))?,
        );
        let load = || -> Result<Datasets, String> {
            // The build copies static/i18n/ into the built folder.
            let languages = read_languages(&dist.join("i18n"), &data)?;
            let (datasets, packed) = Datasets::read(&overview_json, &texts, languages)?;
            write_gzipped(&data.join(PACKED_TEXTS_FILE), &packed.whole)?;
            let pieces = data.join("texts");
            std::fs::create_dir_all(&pieces)
                .map_err(|e| format!("could not write {}: {e}", pieces.display()))?;
            for (id, piece) in &packed.states {
                write_gzipped(&data.join(state_piece_file(id)), piece)?;
            }
            Ok(datasets)
        };
        let site_url = std::env::var("UPR_SITE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .map(|u| {
                let u = u.trim().to_owned();
                if u.ends_with('/') {
                    u
                } else {
                    format!("{u}/")
                }
            });
        // The manifest, icons and offline pages of the installable site
        // (the service worker precaches them: scripts/post-build.mjs).
        let languages: Vec<Tr> = std::iter::once(Tr::english())
            .chain(read_languages(&dist.join("i18n"), &data)?)
            .collect();
        write_app_files(&dist, &languages)?;
        let template = read(dist.join("index.html"))?;
        let written =
            write_site(&template, &load, &dist, site_url.as_deref()).map_err(|e| e.to_string())?;
        println!(
            "prerender: wrote, in {} languages, the home page, {} review pages with previews, {} State pages; robots.txt{} in {:.1} s",
            written.languages,
            written.reviews,
            written.states,
            if written.sitemap { " and sitemap.xml" } else { " (no sitemap.xml: UPR_SITE_URL is not set)" },
            started.elapsed().as_secs_f64()
        );
        Ok(())
    }
}
