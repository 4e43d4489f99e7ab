//! The importer on the real raw data and on broken input.

mod common;

use common::shared_dir;
use upr_viewer::dataset::import::{import, read_rows, read_sessions, RowKind, Sources};
use upr_viewer::dataset::media_summary::parse;

fn imported() -> upr_viewer::dataset::import::Imported {
    import(&Sources::read(&shared_dir()).expect("shared/ is readable")).expect("the real data imports")
}

#[test]
fn counts_agree_with_the_source_readme() {
    let imported = imported();
    let overview = &imported.overview;
    assert_eq!(overview.totals.reviews, 305);
    assert_eq!(overview.totals.recommendations, 41_066);
    assert_eq!(overview.totals.pledges, 947);
    assert_eq!(overview.themes.len(), 54);
    let under_review: std::collections::BTreeSet<_> = overview.reviews.iter().map(|r| &r.state).collect();
    assert_eq!(under_review.len(), 193);
    // The source README says "169 recommending States plus Holy See and
    // Palestine", but its files hold 169 distinct `From` values in all:
    // 166 States, Holy See, Palestine and "(Unknown)", which is no State.
    let recommending: std::collections::BTreeSet<_> = imported
        .texts
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .filter_map(|r| r.from.as_ref())
        .collect();
    assert_eq!(recommending.len(), 168);
    let per_session = |n: u8| overview.reviews.iter().filter(|r| r.session == n).count();
    assert_eq!((per_session(8), per_session(12), per_session(15), per_session(17), per_session(11)), (15, 17, 13, 15, 17));
}

#[test]
fn kazakhstan_has_both_reviews_with_members_and_observers() {
    let overview = imported().overview;
    let review = |id: &str| overview.reviews.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id}"));
    let s7 = review("kazakhstan-s7");
    assert_eq!((s7.recommendations, s7.participation.states), (129, 45));
    assert_eq!((s7.participation.members, s7.participation.observers), (21, 24));
    let s20 = review("kazakhstan-s20");
    assert_eq!((s20.recommendations, s20.participation.states), (198, 71));
    let media = s7.media_summary.as_ref().expect("the seed is attached to session 7");
    let counted = media.states_taking_part.expect("its own counts are kept");
    assert_eq!((counted.members, counted.observers), (25, 29));
    assert_eq!(media.review_date, "2010-02-12");
    assert_eq!(media.adoption.as_ref().map(|a| a.date.as_str()), Some("2010-02-16"));
    assert!(s20.media_summary.is_none());
}

#[test]
fn unknown_recommenders_stay_unknown_and_do_not_participate() {
    let imported = imported();
    let unknown: u32 = imported.overview.reviews.iter().map(|r| r.unknown_recommender).sum();
    assert_eq!(unknown, 9);
    let nulls = imported.texts.reviews.iter().flat_map(|r| &r.recommendations).filter(|r| r.from.is_none()).count();
    assert_eq!(nulls, 9);
    assert!(imported.overview.states.iter().all(|s| !s.name.contains("Unknown") && !s.id.contains("40")));
}

#[test]
fn spellings_of_one_state_become_one_state() {
    let overview = imported().overview;
    let names: Vec<&str> = overview.states.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"Bosnia and Herzegovina"));
    assert!(!names.iter().any(|n| n.contains('&')));
    let holy_see = overview.states.iter().find(|s| s.name == "Holy See").expect("Holy See recommends");
    assert_eq!(holy_see.region, None);
}

#[test]
fn texts_lose_their_stray_spaces() {
    let texts = imported().texts;
    let all = texts.reviews.iter().flat_map(|r| &r.recommendations);
    for r in all {
        assert_eq!(r.text, r.text.trim());
        assert!(!r.text.contains("  "), "{:?}", r.text);
    }
}

const HEADER: &str = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n";
const GOOD: &str = "Kazakhstan,Asia,\"CIS, OIC\",Abolish the death penalty.,France,WEOG,\"EU, OIF\",Accepted,5,Death penalty,7\n";

fn read(content: &str) -> Result<usize, String> {
    read_rows("test.csv", content, RowKind::Recommendation, 6..=9).map(|r| r.len()).map_err(|e| e.to_string())
}

#[test]
fn a_good_row_reads() {
    assert_eq!(read(&format!("{HEADER}{GOOD}")), Ok(1));
}

#[test]
fn a_wrong_column_is_refused_at_the_header() {
    let err = read(&HEADER.replace("Response", "Answer")).unwrap_err();
    assert!(err.starts_with("test.csv:1:") && err.contains("Answer"), "{err}");
}

#[test]
fn a_bad_response_names_file_line_and_value() {
    let err = read(&format!("{HEADER}{GOOD}{}", GOOD.replace("Accepted", "Maybe"))).unwrap_err();
    assert!(err.starts_with("test.csv:3:") && err.contains("\"Maybe\""), "{err}");
}

#[test]
fn a_session_outside_the_file_is_refused() {
    let err = read(&format!("{HEADER}{}", GOOD.replace(",7\n", ",12\n"))).unwrap_err();
    assert!(err.starts_with("test.csv:2:") && err.contains("Session \"12\""), "{err}");
}

#[test]
fn broken_quoting_is_refused_with_its_line() {
    let broken = GOOD.replace("\"CIS, OIC\"", "\"CIS, OIC");
    let err = read(&format!("{HEADER}{GOOD}{broken}")).unwrap_err();
    assert!(err.starts_with("test.csv:3:"), "{err}");
}

#[test]
fn an_unknown_theme_is_refused() {
    let err = read(&format!("{HEADER}{}", GOOD.replace("Death penalty", "\"Death penalty,Space law\""))).unwrap_err();
    assert!(err.contains("\"Space law\"") && err.starts_with("test.csv:2:"), "{err}");
}

#[test]
fn a_bad_action_is_refused() {
    let err = read(&format!("{HEADER}{}", GOOD.replace(",5,", ",7,"))).unwrap_err();
    assert!(err.contains("Action \"7\""), "{err}");
}

#[test]
fn sessions_must_follow_the_cycle_rule() {
    let err = read_sessions("sessions.csv", "session,cycle,start,end\n1,2,2008-04-07,2008-04-18\n").unwrap_err();
    assert!(err.to_string().starts_with("sessions.csv:2:"), "{err}");
}

#[test]
fn the_seed_summary_parses_into_every_section() {
    let path = shared_dir().join("seed/000_84e8a6049c358d2b.txt");
    let summary = parse(&std::fs::read_to_string(path).unwrap()).expect("the seed parses");
    assert_eq!(summary.country, "KAZAKHSTAN");
    assert_eq!((summary.review_day.day, summary.review_day.month), (12, 2));
    assert_eq!(summary.review_time.as_deref(), Some("morning"));
    assert_eq!(summary.delegation.size, Some(24));
    assert_eq!(summary.delegation.head.as_deref(), Some("the Deputy Prime Minister, H.E. Mr. Yerbol Orynbayev"));
    assert_eq!(summary.delegation.presented_by.as_deref(), Some("H.E. Mr. Yerbol Orynbayev"));
    assert_eq!(summary.national_report.len(), 9);
    let counts = summary.states_taking_part.unwrap();
    assert_eq!((counts.members, counts.observers), (25, 29));
    assert_eq!(summary.positive_achievements.len(), 6);
    assert_eq!(summary.issues_raised.len(), 9);
    assert_eq!(summary.recommendations.len(), 10, "the headless list after the issues");
    assert_eq!(summary.recommendations[7], "Abolish death penalty.");
    assert_eq!(summary.response.len(), 4);
    let adoption = summary.adoption.unwrap();
    assert_eq!((adoption.day.day, adoption.day.month), (16, 2));
    assert_eq!((adoption.start.as_deref(), adoption.end.as_deref()), (Some("12:00"), Some("12:30")));
    assert!(summary.unrecognised.is_empty(), "{:?}", summary.unrecognised);
}

#[test]
fn navigation_text_is_not_data() {
    let text = "Date: Monday 3 May\nCountry under review: FRANCE\nPositive achievements\n  • One.\nMore information\n  • Not an achievement.\nFollow us\n";
    let summary = parse(text).unwrap();
    assert_eq!(summary.positive_achievements, vec!["One.".to_owned()]);
}

#[test]
fn a_summary_without_a_date_is_refused() {
    assert!(parse("Country under review: FRANCE\n").unwrap_err().to_string().contains("Date"));
}

/// Found by reading the parser after the property tests passed: positions
/// found in a Unicode-lower-cased copy were used to slice the original, and
/// `İ` lower-cases to three bytes from two, so this input panicked.
#[test]
fn letters_that_change_length_in_lower_case_do_not_break_the_parser() {
    let text = "Date: Monday 3 May\nCountry under review: TÜRKİYE\nConcerned country - national report\n  • İİİ Represented by a 12-person delegation and headed by H.E. Ms. İpek\nAdoption of the report scheduled on İİ Friday 7 May, 10:00 – 10:30\n";
    let summary = parse(text).expect("parses");
    assert_eq!(summary.delegation.size, Some(12));
    assert_eq!(summary.delegation.head.as_deref(), Some("H.E. Ms. İpek"));
    assert_eq!(summary.adoption.map(|a| (a.day.day, a.day.month)), Some((7, 5)));
}
