//! The Index's spellings of States that `states.rs` does not know. They
//! are kept here, not there: `states.rs` lists every spelling it knows as
//! a State's alias in `overview.json`, and the bundled data must not change
//! for a source it does not use.

use upr_core::dataset::states::canonical_name;

/// `(spelling, canonical name)`.
const INDEX_SPELLINGS: &[(&str, &str)] = &[
    // The UN's short name of the Netherlands since 2023.
    ("Netherlands (Kingdom of the)", "Netherlands"),
    ("Kingdom of the Netherlands", "Netherlands"),
    // The reports' order of the UN's full names, met in the texts.
    ("Bolivarian Republic of Venezuela", "Venezuela"),
    ("Plurinational State of Bolivia", "Bolivia"),
    ("Islamic Republic of Iran", "Iran"),
    ("Federated States of Micronesia", "Micronesia"),
];

/// The canonical name of a State as the Index spells it.
pub fn index_name(spelling: &str) -> String {
    let spelling = spelling.trim();
    INDEX_SPELLINGS
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(spelling))
        .map_or_else(|| canonical_name(spelling), |(_, name)| (*name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uns_names_meet_the_canonical_ones() {
        assert_eq!(index_name("Netherlands (Kingdom of the)"), "Netherlands");
        assert_eq!(index_name("Bolivia (Plurinational State of)"), "Bolivia");
        assert_eq!(index_name("Türkiye"), "Turkey");
        assert_eq!(index_name(" Kazakhstan "), "Kazakhstan");
    }
}
