//! One canonical English name per State. The recommendation files use
//! UPR Info's short forms, the membership file and the Explorer the UN's;
//! all are mapped here to the name in use at the time of the reviews
//! (2008-2017), whose slug is the State's id. `RENAMES` then gives the
//! current name of the States renamed since, which the viewer shows.

use crate::dataset::schema::FormerName;

/// `(spelling met in a source or in current use, canonical name)`.
/// A spelling not listed here is already canonical.
const SPELLINGS: &[(&str, &str)] = &[
    ("Antigua & Barbuda", "Antigua and Barbuda"),
    // The Explorer's UN full forms.
    ("Bolivia (Plurinational State of)", "Bolivia"),
    ("Iran (Islamic Republic of)", "Iran"),
    ("Micronesia (Federated States of)", "Micronesia"),
    ("State of Palestine", "Palestine"),
    ("Syrian Arab Republic", "Syria"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        "United Kingdom",
    ),
    ("United Republic of Tanzania", "Tanzania"),
    ("Venezuela (Bolivarian Republic of)", "Venezuela"),
    ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
    ("Cabo Verde", "Cape Verde"),
    ("Congo", "Republic of the Congo"),
    ("Republic of Congo", "Republic of the Congo"),
    ("Cote d'Ivoire", "Côte d'Ivoire"),
    ("Czechia", "Czech Republic"),
    ("DPR Korea", "Democratic People's Republic of Korea"),
    ("North Korea", "Democratic People's Republic of Korea"),
    (
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
    ),
    ("Eswatini", "Swaziland"),
    ("Guinea Bissau", "Guinea-Bissau"),
    ("Laos", "Lao People's Democratic Republic"),
    ("Macedonia FYR", "the former Yugoslav Republic of Macedonia"),
    (
        "North Macedonia",
        "the former Yugoslav Republic of Macedonia",
    ),
    ("Libyan Arab Jamahiriya", "Libya"),
    ("Moldova", "Republic of Moldova"),
    ("Sao Tome & Principe", "Sao Tome and Principe"),
    ("St Kitts & Nevis", "Saint Kitts and Nevis"),
    ("St Lucia", "Saint Lucia"),
    (
        "St Vincent & the Grenadines",
        "Saint Vincent and the Grenadines",
    ),
    ("South Korea", "Republic of Korea"),
    ("Trinidad & Tobago", "Trinidad and Tobago"),
    ("Türkiye", "Turkey"),
    ("United States of America", "United States"),
];

/// `(canonical name, current name, former name, date of the change)`: the
/// date from which the United Nations use the new name (the State's
/// notification to the Secretary-General), so that a review held before it
/// shows the name it was held under. The canonical name is the sources'
/// and stays the State's id, even where the sources already write the
/// current name (UPR Info writes `Libya` for the 2010 review).
const RENAMES: &[(&str, &str, &str, &str)] = &[
    // The UN has written "Bolivia (Plurinational State of)" since 9 April
    // 2009, after the constitution of February 2009 renamed the State; the
    // recommendations Bolivia made before that date show "Bolivia".
    (
        "Bolivia",
        "Bolivia (Plurinational State of)",
        "Bolivia",
        "2009-04-09",
    ),
    // Cabo Verde asked the UN to use its Portuguese name on 24 October 2013.
    ("Cape Verde", "Cabo Verde", "Cape Verde", "2013-10-24"),
    // "Czechia" as the short name from 17 May 2016 (UNTERM).
    ("Czech Republic", "Czechia", "Czech Republic", "2016-05-17"),
    // The General Assembly accepted the credentials of the National
    // Transitional Council's delegation on 16 September 2011 (resolution
    // 66/1); the UN's "Libya" took effect on that day or just after it,
    // which the sources do not pin down, so that day is kept. The review of
    // November 2010 was of the "Libyan Arab Jamahiriya".
    ("Libya", "Libya", "Libyan Arab Jamahiriya", "2011-09-16"),
    // The King renamed Swaziland on 19 April 2018; the UN's records took up
    // "Eswatini" on a day between then and 6 June 2018 that the sources do
    // not pin down, so 19 April is kept (no bundled review falls between).
    ("Swaziland", "Eswatini", "Swaziland", "2018-04-19"),
    // After the Prespa agreement entered into force, UN notification of 14 February 2019.
    (
        "the former Yugoslav Republic of Macedonia",
        "North Macedonia",
        "the former Yugoslav Republic of Macedonia",
        "2019-02-14",
    ),
    // The UN accepted the request of 31 May 2022 with effect from 1 June 2022.
    ("Turkey", "Türkiye", "Turkey", "2022-06-01"),
];

/// The current name of a State known by `canonical`, and its former names,
/// with the date each stopped.
pub fn current_name(canonical: &str) -> (String, Vec<FormerName>) {
    match RENAMES.iter().find(|(name, ..)| *name == canonical) {
        Some((_, now, then, until)) => (
            (*now).to_owned(),
            vec![FormerName {
                name: (*then).to_owned(),
                until: (*until).to_owned(),
            }],
        ),
        None => (canonical.to_owned(), Vec::new()),
    }
}

/// `(State id, ISO 3166-1 alpha-2 code)`: the key of a State's name in other
/// languages (CLDR's territory names). The Holy See has the code of the
/// Vatican City State, which it governs; Palestine the code ISO gives it.
const ISO_CODES: &[(&str, &str)] = &[
    ("afghanistan", "AF"),
    ("albania", "AL"),
    ("algeria", "DZ"),
    ("andorra", "AD"),
    ("angola", "AO"),
    ("antigua-and-barbuda", "AG"),
    ("argentina", "AR"),
    ("armenia", "AM"),
    ("australia", "AU"),
    ("austria", "AT"),
    ("azerbaijan", "AZ"),
    ("bahamas", "BS"),
    ("bahrain", "BH"),
    ("bangladesh", "BD"),
    ("barbados", "BB"),
    ("belarus", "BY"),
    ("belgium", "BE"),
    ("belize", "BZ"),
    ("benin", "BJ"),
    ("bhutan", "BT"),
    ("bolivia", "BO"),
    ("bosnia-and-herzegovina", "BA"),
    ("botswana", "BW"),
    ("brazil", "BR"),
    ("brunei-darussalam", "BN"),
    ("bulgaria", "BG"),
    ("burkina-faso", "BF"),
    ("burundi", "BI"),
    ("cambodia", "KH"),
    ("cameroon", "CM"),
    ("canada", "CA"),
    ("cape-verde", "CV"),
    ("central-african-republic", "CF"),
    ("chad", "TD"),
    ("chile", "CL"),
    ("china", "CN"),
    ("colombia", "CO"),
    ("comoros", "KM"),
    ("costa-rica", "CR"),
    ("cote-d-ivoire", "CI"),
    ("croatia", "HR"),
    ("cuba", "CU"),
    ("cyprus", "CY"),
    ("czech-republic", "CZ"),
    ("democratic-people-s-republic-of-korea", "KP"),
    ("democratic-republic-of-the-congo", "CD"),
    ("denmark", "DK"),
    ("djibouti", "DJ"),
    ("dominica", "DM"),
    ("dominican-republic", "DO"),
    ("ecuador", "EC"),
    ("egypt", "EG"),
    ("el-salvador", "SV"),
    ("equatorial-guinea", "GQ"),
    ("eritrea", "ER"),
    ("estonia", "EE"),
    ("ethiopia", "ET"),
    ("fiji", "FJ"),
    ("finland", "FI"),
    ("france", "FR"),
    ("gabon", "GA"),
    ("gambia", "GM"),
    ("georgia", "GE"),
    ("germany", "DE"),
    ("ghana", "GH"),
    ("greece", "GR"),
    ("grenada", "GD"),
    ("guatemala", "GT"),
    ("guinea", "GN"),
    ("guinea-bissau", "GW"),
    ("guyana", "GY"),
    ("haiti", "HT"),
    ("holy-see", "VA"),
    ("honduras", "HN"),
    ("hungary", "HU"),
    ("iceland", "IS"),
    ("india", "IN"),
    ("indonesia", "ID"),
    ("iran", "IR"),
    ("iraq", "IQ"),
    ("ireland", "IE"),
    ("israel", "IL"),
    ("italy", "IT"),
    ("jamaica", "JM"),
    ("japan", "JP"),
    ("jordan", "JO"),
    ("kazakhstan", "KZ"),
    ("kenya", "KE"),
    ("kiribati", "KI"),
    ("kuwait", "KW"),
    ("kyrgyzstan", "KG"),
    ("lao-people-s-democratic-republic", "LA"),
    ("latvia", "LV"),
    ("lebanon", "LB"),
    ("lesotho", "LS"),
    ("liberia", "LR"),
    ("libya", "LY"),
    ("liechtenstein", "LI"),
    ("lithuania", "LT"),
    ("luxembourg", "LU"),
    ("madagascar", "MG"),
    ("malawi", "MW"),
    ("malaysia", "MY"),
    ("maldives", "MV"),
    ("mali", "ML"),
    ("malta", "MT"),
    ("marshall-islands", "MH"),
    ("mauritania", "MR"),
    ("mauritius", "MU"),
    ("mexico", "MX"),
    ("micronesia", "FM"),
    ("monaco", "MC"),
    ("mongolia", "MN"),
    ("montenegro", "ME"),
    ("morocco", "MA"),
    ("mozambique", "MZ"),
    ("myanmar", "MM"),
    ("namibia", "NA"),
    ("nauru", "NR"),
    ("nepal", "NP"),
    ("netherlands", "NL"),
    ("new-zealand", "NZ"),
    ("nicaragua", "NI"),
    ("niger", "NE"),
    ("nigeria", "NG"),
    ("norway", "NO"),
    ("oman", "OM"),
    ("pakistan", "PK"),
    ("palau", "PW"),
    ("palestine", "PS"),
    ("panama", "PA"),
    ("papua-new-guinea", "PG"),
    ("paraguay", "PY"),
    ("peru", "PE"),
    ("philippines", "PH"),
    ("poland", "PL"),
    ("portugal", "PT"),
    ("qatar", "QA"),
    ("republic-of-korea", "KR"),
    ("republic-of-moldova", "MD"),
    ("republic-of-the-congo", "CG"),
    ("romania", "RO"),
    ("russian-federation", "RU"),
    ("rwanda", "RW"),
    ("saint-kitts-and-nevis", "KN"),
    ("saint-lucia", "LC"),
    ("saint-vincent-and-the-grenadines", "VC"),
    ("samoa", "WS"),
    ("san-marino", "SM"),
    ("sao-tome-and-principe", "ST"),
    ("saudi-arabia", "SA"),
    ("senegal", "SN"),
    ("serbia", "RS"),
    ("seychelles", "SC"),
    ("sierra-leone", "SL"),
    ("singapore", "SG"),
    ("slovakia", "SK"),
    ("slovenia", "SI"),
    ("solomon-islands", "SB"),
    ("somalia", "SO"),
    ("south-africa", "ZA"),
    ("south-sudan", "SS"),
    ("spain", "ES"),
    ("sri-lanka", "LK"),
    ("sudan", "SD"),
    ("suriname", "SR"),
    ("swaziland", "SZ"),
    ("sweden", "SE"),
    ("switzerland", "CH"),
    ("syria", "SY"),
    ("tajikistan", "TJ"),
    ("tanzania", "TZ"),
    ("thailand", "TH"),
    ("the-former-yugoslav-republic-of-macedonia", "MK"),
    ("timor-leste", "TL"),
    ("togo", "TG"),
    ("tonga", "TO"),
    ("trinidad-and-tobago", "TT"),
    ("tunisia", "TN"),
    ("turkey", "TR"),
    ("turkmenistan", "TM"),
    ("tuvalu", "TV"),
    ("uganda", "UG"),
    ("ukraine", "UA"),
    ("united-arab-emirates", "AE"),
    ("united-kingdom", "GB"),
    ("united-states", "US"),
    ("uruguay", "UY"),
    ("uzbekistan", "UZ"),
    ("vanuatu", "VU"),
    ("venezuela", "VE"),
    ("viet-nam", "VN"),
    ("yemen", "YE"),
    ("zambia", "ZM"),
    ("zimbabwe", "ZW"),
];

/// The ISO 3166 code of the State with id `id`.
pub fn iso_code(id: &str) -> Option<&'static str> {
    ISO_CODES
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, code)| *code)
}

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

/// Every other spelling this module knows for a canonical name, except its
/// current and former names, which the State lists apart.
pub fn aliases_of(canonical: &str) -> Vec<String> {
    let (current, former) = current_name(canonical);
    SPELLINGS
        .iter()
        .filter(|(alias, name)| {
            *name == canonical
                && !alias.eq_ignore_ascii_case(canonical)
                && !alias.eq_ignore_ascii_case(&current)
                && !former.iter().any(|f| alias.eq_ignore_ascii_case(&f.name))
        })
        .map(|(alias, _)| (*alias).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sources_spellings_meet_in_one_name() {
        assert_eq!(
            canonical_name("Bosnia & Herzegovina"),
            canonical_name("Bosnia and Herzegovina")
        );
        assert_eq!(
            canonical_name("Macedonia FYR"),
            canonical_name("the former Yugoslav Republic of Macedonia")
        );
        assert_eq!(
            canonical_name("Cote d'Ivoire"),
            canonical_name("Côte d'Ivoire")
        );
        assert_eq!(canonical_name("Republic of Congo"), canonical_name("Congo"));
        assert_eq!(canonical_name(" Kazakhstan "), "Kazakhstan");
        assert_eq!(current_name("Swaziland").0, "Eswatini");
        assert!(!aliases_of("Swaziland").contains(&"Eswatini".to_owned()));
    }
}
