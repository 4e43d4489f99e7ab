//! The loader refuses damaged files with a message that names the problem.

mod common;

use common::data_file;
use upr_viewer::dataset::load::Dataset;
use upr_viewer::dataset::schema::{Overview, Texts};

fn overview() -> Overview {
    serde_json::from_str(&data_file("overview.json")).unwrap()
}

fn texts() -> Texts {
    serde_json::from_str(&data_file("recommendations.json")).unwrap()
}

fn refusal(overview: Overview) -> String {
    Dataset::from_overview(overview).expect_err("a damaged overview is refused").to_string()
}

#[test]
fn the_bundled_files_load_with_every_count() {
    let dataset = common::dataset();
    assert_eq!(dataset.reviews.len(), 305);
    assert_eq!(dataset.recommendations.len(), 41_066);
    assert!(dataset.texts_loaded);
}

#[test]
fn a_truncated_file_is_refused_as_invalid() {
    let json = data_file("overview.json");
    let err = Dataset::from_overview_json(&json[..json.len() / 2]).unwrap_err().to_string();
    assert!(err.starts_with("overview.json is not a valid dataset file"), "{err}");
}

#[test]
fn another_schema_version_is_refused() {
    let mut damaged = overview();
    damaged.schema_version = 1;
    assert!(refusal(damaged).contains("schema version 1"));
}

#[test]
fn totals_that_do_not_add_up_are_damage() {
    let mut damaged = overview();
    damaged.totals.recommendations += 1;
    let err = refusal(damaged);
    assert!(err.starts_with("this data is damaged") && err.contains("41067"), "{err}");
}

#[test]
fn a_review_whose_responses_do_not_add_up_is_damage() {
    let mut damaged = overview();
    damaged.reviews[3].accepted += 1;
    assert!(refusal(damaged).contains(&format!("review {}", overview().reviews[3].id)));
}

#[test]
fn participation_counts_must_match_the_participants() {
    let mut damaged = overview();
    damaged.reviews[0].participants.members.pop();
    assert!(refusal(damaged).contains("member States"));
}

#[test]
fn an_unknown_theme_reference_is_damage() {
    let mut damaged = overview();
    damaged.reviews[0].themes.insert("space-law".into(), 1);
    assert!(refusal(damaged).contains("\"space-law\""));
}

#[test]
fn texts_that_disagree_with_the_overview_are_refused_and_change_nothing() {
    let mut dataset = Dataset::from_overview(overview()).unwrap();
    let before = dataset.clone();
    let mut damaged = texts();
    damaged.reviews[5].recommendations.pop();
    let err = dataset.attach_texts(damaged).unwrap_err().to_string();
    assert!(err.contains(&format!("recommendations in review {}", before.reviews[5].summary.id)), "{err}");
    assert_eq!(dataset, before);

    let mut swapped = texts();
    swapped.reviews.swap(0, 1);
    assert!(dataset.attach_texts(swapped).unwrap_err().to_string().contains("out of order"));

    let mut unknown_state = texts();
    unknown_state.reviews[0].recommendations[0].from = Some("atlantis".into());
    assert!(dataset.attach_texts(unknown_state).unwrap_err().to_string().contains("\"atlantis\""));
}
