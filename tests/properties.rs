//! Property tests: whatever a link, an element's attributes, a data file or
//! a media summary holds, parsing returns a value or a message and never
//! panics. Bounded: a fixed number of cases per property (PROPTEST_CASES
//! overrides it), so CI time stays fixed.

mod common;

use proptest::prelude::*;
use upr_core::dataset::load::Dataset;
use upr_core::query::{from_attributes, Query};
use upr_import::media_summary::parse;

/// Text with the characters that matter to these parsers over-represented.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("&".to_owned()),
            Just("=".to_owned()),
            Just("%".to_owned()),
            Just("+".to_owned()),
            Just("%E0%A4".to_owned()),
            Just("theme".to_owned()),
            Just("states_min".to_owned()),
            Just("<script>".to_owned()),
            Just("•".to_owned()),
            Just("\n".to_owned()),
            Just(":".to_owned()),
            Just("Date:".to_owned()),
            Just("Country under review:".to_owned()),
            Just("Member States: ".to_owned()),
            Just("-".to_owned()),
            Just("99999999999999999999".to_owned()),
            Just("İ".to_owned()),
            Just("headed by ".to_owned()),
            Just("Adoption of the report".to_owned()),
            Just(" on ".to_owned()),
            "[a-zA-Z0-9 ]{0,8}",
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_address_bar_text_parses_without_panic(search in hostile_text()) {
        let (query, _) = Query::from_search(&search);
        // What the viewer writes back reads as the same query.
        let (again, warnings) = Query::from_search(&query.to_search());
        prop_assert_eq!(again, query);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
    }

    #[test]
    fn any_attributes_parse_without_panic(pairs in prop::collection::vec(("[a-z_-]{1,14}", hostile_text()), 0..12)) {
        let (query, _) = from_attributes(&pairs);
        let (again, _) = Query::from_search(&query.to_search());
        prop_assert_eq!(again, query);
    }

    #[test]
    fn any_filtering_of_a_parsed_link_holds(search in hostile_text()) {
        let (query, _) = Query::from_search(&search);
        let (outcome, _) = upr_core::filter::apply(common::dataset(), &query);
        prop_assert!(outcome.reviews.len() <= common::dataset().reviews.len());
    }

    #[test]
    fn any_text_as_a_media_summary_parses_or_says_why(text in hostile_text()) {
        let _ = parse(&text);
    }

    #[test]
    fn a_damaged_overview_is_refused_or_consistent(cut in 0usize..100_000, flip in 0usize..500_000, byte in any::<u8>()) {
        let mut bytes = overview_bytes().to_vec();
        let at = flip % bytes.len();
        bytes[at] = byte;
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(dataset) = Dataset::from_overview_json(&text) {
                // Accepted only if every count still adds up.
                let total: u32 = dataset.reviews.iter().map(|r| r.summary.recommendations).sum();
                prop_assert_eq!(total, dataset.totals.recommendations);
            }
        }
    }
}

fn overview_bytes() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| common::data_file("overview.json").into_bytes())
}
