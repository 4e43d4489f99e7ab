//! State names in the five other UN languages, from the Unicode CLDR's
//! territory names (the npm package `cldr-localenames-full`, pinned in
//! tools/package.json), keyed by the ISO 3166 code the importer gives each
//! State. Written per language (`data/names-<code>.json`, fetched only with
//! that language) and all together into the texts file, so that a search
//! finds a State under its name in any of the six languages.

use super::ImportError;
use std::collections::BTreeMap;
use std::path::Path;
use upr_core::dataset::schema::State;
use upr_core::lang::Lang;

/// Where `scripts/setup.sh` installs CLDR's names (npm ci in tools/).
pub const CLDR_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tools/node_modules/cldr-localenames-full"
);

/// ISO code -> name, per language other than English.
pub type LocalisedNames = BTreeMap<Lang, BTreeMap<String, String>>;

/// The names of `states` in each language but English, from CLDR under `cldr`.
pub fn localised_names(states: &[State], cldr: &Path) -> Result<LocalisedNames, ImportError> {
    let mut all = LocalisedNames::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let path = cldr.join("main").join(lang.code()).join("territories.json");
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            ImportError::row(
                &file,
                0,
                format!("{e} (CLDR's names come from tools/package.json: run scripts/setup.sh)"),
            )
        })?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| ImportError::row(&file, e.line() as u64, e.to_string()))?;
        let territories = &json["main"][lang.code()]["localeDisplayNames"]["territories"];
        let mut names = BTreeMap::new();
        for state in states {
            let name = territories[state.iso.as_str()].as_str().ok_or_else(|| {
                ImportError::row(
                    &file,
                    0,
                    format!("no name for {} ({})", state.name, state.iso),
                )
            })?;
            names.insert(state.iso.clone(), name.to_owned());
        }
        all.insert(lang, names);
    }
    Ok(all)
}

/// Per ISO code, the State's names in the other languages (for search).
pub fn search_names(names: &LocalisedNames) -> BTreeMap<String, Vec<String>> {
    let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for per_language in names.values() {
        for (code, name) in per_language {
            let list = by_code.entry(code.clone()).or_default();
            if !list.contains(name) {
                list.push(name.clone());
            }
        }
    }
    by_code
}
