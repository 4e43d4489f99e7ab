//! One canonical English name per State. The recommendation files use
//! UPR Info's short forms, the membership file the UN's; both are mapped
//! here. Names are those in use at the time of the reviews (2008-2014),
//! with today's names kept as aliases so that searches find them.

/// `(spelling met in a source or in current use, canonical name)`.
/// A spelling not listed here is already canonical.
const SPELLINGS: &[(&str, &str)] = &[
    ("Antigua & Barbuda", "Antigua and Barbuda"),
    ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
    ("Cabo Verde", "Cape Verde"),
    ("Congo", "Republic of the Congo"),
    ("Republic of Congo", "Republic of the Congo"),
    ("Cote d'Ivoire", "Côte d'Ivoire"),
    ("Czechia", "Czech Republic"),
    ("DPR Korea", "Democratic People's Republic of Korea"),
    ("North Korea", "Democratic People's Republic of Korea"),
    ("Democratic Republic of Congo", "Democratic Republic of the Congo"),
    ("Eswatini", "Swaziland"),
    ("Guinea Bissau", "Guinea-Bissau"),
    ("Laos", "Lao People's Democratic Republic"),
    ("Macedonia FYR", "The former Yugoslav Republic of Macedonia"),
    ("the former Yugoslav Republic of Macedonia", "The former Yugoslav Republic of Macedonia"),
    ("North Macedonia", "The former Yugoslav Republic of Macedonia"),
    ("Moldova", "Republic of Moldova"),
    ("Sao Tome & Principe", "Sao Tome and Principe"),
    ("St Kitts & Nevis", "Saint Kitts and Nevis"),
    ("St Lucia", "Saint Lucia"),
    ("St Vincent & the Grenadines", "Saint Vincent and the Grenadines"),
    ("South Korea", "Republic of Korea"),
    ("Trinidad & Tobago", "Trinidad and Tobago"),
    ("Türkiye", "Turkey"),
    ("United States of America", "United States"),
];

/// What the source writes where it does not know the recommending State.
pub const UNKNOWN_STATE: &str = "&#40;Unknown&#41;";

/// The canonical name for a spelling (case and spaces ignored).
pub fn canonical_name(spelling: &str) -> String {
    let spelling = spelling.trim();
    SPELLINGS
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(spelling))
        .map(|(_, canonical)| (*canonical).to_owned())
        .unwrap_or_else(|| spelling.to_owned())
}

/// Every other spelling this module knows for a canonical name.
pub fn aliases_of(canonical: &str) -> Vec<String> {
    SPELLINGS
        .iter()
        .filter(|(alias, name)| *name == canonical && !alias.eq_ignore_ascii_case(canonical))
        .map(|(alias, _)| (*alias).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sources_spellings_meet_in_one_name() {
        assert_eq!(canonical_name("Bosnia & Herzegovina"), canonical_name("Bosnia and Herzegovina"));
        assert_eq!(canonical_name("Macedonia FYR"), canonical_name("the former Yugoslav Republic of Macedonia"));
        assert_eq!(canonical_name("Cote d'Ivoire"), canonical_name("Côte d'Ivoire"));
        assert_eq!(canonical_name("Republic of Congo"), canonical_name("Congo"));
        assert_eq!(canonical_name(" Kazakhstan "), "Kazakhstan");
        assert!(aliases_of("Swaziland").contains(&"Eswatini".to_owned()));
    }
}
