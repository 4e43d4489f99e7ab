//! The loader refuses damaged files with a message that names the problem.

mod common;

use common::data_file;
use upr_core::dataset::load::Dataset;
use upr_core::dataset::schema::{Overview, Texts};

fn overview() -> Overview {
    serde_json::from_str(&data_file("overview.json")).unwrap()
}

fn texts() -> Texts {
    serde_json::from_str(&data_file("recommendations.json")).unwrap()
}

fn refusal(overview: Overview) -> String {
    Dataset::from_overview(overview)
        .expect_err("a damaged overview is refused")
        .to_string()
}

#[test]
fn the_bundled_files_load_with_every_count() {
    let dataset = common::dataset();
    // UPR Info's 305 reviews and 41,066 recommendations (sessions 1-20), and
    // from its export of 2018 the 81 reviews and 16,620 of sessions 21-26
    // and the 14 and 3,328 of session 27, as the source README counts them.
    assert_eq!(dataset.reviews.len(), 305 + 81 + 14);
    assert_eq!(dataset.recommendations.len(), 41_066 + 16_620 + 3_328);
    assert!(dataset.texts_loaded);
}

#[test]
fn a_truncated_file_is_refused_as_invalid() {
    let json = data_file("overview.json");
    let err = Dataset::from_overview_json(&json[..json.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("overview.json is not a valid dataset file"),
        "{err}"
    );
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
    assert!(
        err.starts_with("this data is damaged")
            && err.contains(&(41_066 + 16_620 + 3_328 + 1).to_string()),
        "{err}"
    );
}

#[test]
fn a_review_whose_responses_do_not_add_up_is_damage() {
    let mut damaged = overview();
    damaged.reviews[3].accepted += 1;
    assert!(refusal(damaged).contains(&format!("review {}", overview().reviews[3].id)));
}

#[test]
fn participation_counts_must_match_the_participants_in_the_texts() {
    let mut dataset = Dataset::from_overview(overview()).unwrap();
    let before = dataset.clone();
    let mut damaged = texts();
    damaged.reviews[0].participants.members.pop();
    let err = dataset.attach_texts(damaged).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "member States in review {}",
            before.reviews[0].summary.id
        )),
        "{err}"
    );
    assert_eq!(dataset, before);

    let mut unknown = texts();
    unknown.reviews[0].participants.observers[0] = "atlantis".into();
    assert!(dataset
        .attach_texts(unknown)
        .unwrap_err()
        .to_string()
        .contains("\"atlantis\""));

    let mut miscounted = overview();
    miscounted.reviews[0].participation.states += 1;
    assert!(refusal(miscounted).contains("participating States"));
}

/// A review counts its recommendations per theme, goal, group and
/// category by position in the overview's lists: one count more or less
/// than the list has options would shift every count after it.
#[test]
fn counts_per_option_that_do_not_fit_the_lists_are_damage() {
    let with_themes = |o: &Overview| o.reviews.iter().position(|r| !r.themes.is_empty()).unwrap();
    let mut longer = overview();
    let review = with_themes(&longer);
    let id = longer.reviews[review].id.clone();
    longer.reviews[review].themes.push(1);
    let err = refusal(longer);
    assert!(
        err.contains(&format!("themes counted in review {id}")),
        "{err}"
    );

    let mut shorter = overview();
    let review = shorter
        .reviews
        .iter()
        .position(|r| !r.actions.is_empty())
        .unwrap();
    shorter.reviews[review].actions.pop();
    assert!(refusal(shorter).contains("action categories counted"));

    let mut unlisted = overview();
    unlisted.sdg_goals.retain(|g| g.number != 16);
    assert!(unlisted
        .reviews
        .iter()
        .any(|r| r.sdg_goals.get(15) > Some(&0)));
    assert!(refusal(unlisted).contains("SDG goal \"16\""));
}

#[test]
fn theme_counts_the_texts_do_not_bear_out_are_damage() {
    let mut dataset = Dataset::from_overview(overview()).unwrap();
    let before = dataset.clone();
    let mut damaged = texts();
    let (review, recommendation) = damaged
        .reviews
        .iter()
        .enumerate()
        .find_map(|(i, r)| {
            r.recommendations
                .iter()
                .position(|r| !r.themes.is_empty())
                .map(|n| (i, n))
        })
        .unwrap();
    let theme = damaged.reviews[review].recommendations[recommendation]
        .themes
        .remove(0);
    let err = dataset.attach_texts(damaged).unwrap_err().to_string();
    assert!(
        err.contains(&format!("carrying the theme {theme}")),
        "{err}"
    );
    assert_eq!(dataset, before);
}

#[test]
fn texts_that_disagree_with_the_overview_are_refused_and_change_nothing() {
    let mut dataset = Dataset::from_overview(overview()).unwrap();
    let before = dataset.clone();
    let mut damaged = texts();
    damaged.reviews[5].recommendations.pop();
    let err = dataset.attach_texts(damaged).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "recommendations in review {}",
            before.reviews[5].summary.id
        )),
        "{err}"
    );
    assert_eq!(dataset, before);

    let mut swapped = texts();
    swapped.reviews.swap(0, 1);
    assert!(dataset
        .attach_texts(swapped)
        .unwrap_err()
        .to_string()
        .contains("out of order"));

    let mut unknown_state = texts();
    unknown_state.reviews[0].recommendations[0].from = Some("atlantis".into());
    assert!(dataset
        .attach_texts(unknown_state)
        .unwrap_err()
        .to_string()
        .contains("\"atlantis\""));
}

#[test]
fn sdg_links_that_disagree_with_the_overview_are_damage() {
    let mut dataset = Dataset::from_overview(overview()).unwrap();
    let linked = |t: &Texts| {
        t.reviews
            .iter()
            .position(|r| r.recommendations.iter().any(|r| r.sdg_goals.contains(&16)))
            .unwrap()
    };
    let mut damaged = texts();
    let review = linked(&damaged);
    let recommendation = damaged.reviews[review]
        .recommendations
        .iter_mut()
        .find(|r| r.sdg_goals.contains(&16))
        .unwrap();
    recommendation.sdg_goals.retain(|g| *g != 16);
    let err = dataset.attach_texts(damaged).unwrap_err().to_string();
    assert!(err.contains("SDG 16"), "{err}");

    let mut unknown = texts();
    unknown.reviews[0].recommendations[0]
        .persons
        .push("giants".into());
    assert!(dataset
        .attach_texts(unknown)
        .unwrap_err()
        .to_string()
        .contains("\"giants\""));
}

/// Item 11 of issue 12: a renamed State is shown under its current name,
/// with the name a review was held under, and found by both.
#[test]
fn renamed_states_carry_current_and_former_names() {
    let dataset = common::dataset();
    let renamed = [
        ("swaziland", "Eswatini", "Swaziland", "2018-04-19"),
        (
            "the-former-yugoslav-republic-of-macedonia",
            "North Macedonia",
            "the former Yugoslav Republic of Macedonia",
            "2019-02-14",
        ),
        ("turkey", "Türkiye", "Turkey", "2022-06-01"),
        ("czech-republic", "Czechia", "Czech Republic", "2016-05-17"),
        ("cape-verde", "Cabo Verde", "Cape Verde", "2013-10-24"),
    ];
    for (id, now, then, until) in renamed {
        let index = dataset
            .state_index(id)
            .unwrap_or_else(|| panic!("{id} keeps its id"));
        assert_eq!(dataset.find_state(now), Some(index), "{now}");
        assert_eq!(
            dataset.find_state(&then.to_uppercase()),
            Some(index),
            "{then}"
        );
        assert_eq!(dataset.state_name(index), now);
        assert_eq!(
            dataset.state_name_on(index, "2008-04-07"),
            (now, Some(then))
        );
        assert_eq!(
            dataset.state_name_on(index, until),
            (now, None),
            "from {until} on, the new name"
        );
    }
    let macedonia = dataset
        .reviews
        .iter()
        .position(|r| r.summary.id == "the-former-yugoslav-republic-of-macedonia-s5")
        .expect("its first review");
    assert_eq!(
        dataset.review_state_name(macedonia),
        "North Macedonia (then: the former Yugoslav Republic of Macedonia)"
    );
    let france = dataset
        .reviews
        .iter()
        .position(|r| r.summary.id == "france-s2")
        .unwrap();
    assert_eq!(dataset.review_state_name(france), "France");
}

#[test]
fn a_search_by_either_name_finds_a_renamed_states_reviews() {
    let dataset = common::dataset();
    let eswatini = dataset.state_index("swaziland").unwrap();
    // Named in few texts (10 hold "Swaziland"), so it is the State's name
    // that brings in every recommendation of both its reviews.
    for name in ["Eswatini", "Swaziland", "eswa", "swazi"] {
        let (query, _) = upr_core::query::Query::from_search(&format!("?q={name}"));
        let (outcome, _) = upr_core::filter::apply(dataset, &query);
        let found: Vec<_> = outcome
            .reviews
            .iter()
            .filter(|m| dataset.reviews[m.review].state == eswatini)
            .collect();
        assert_eq!(found.len(), 2, "{name}");
        for m in found {
            assert_eq!(
                m.passing.len(),
                dataset.reviews[m.review].recommendations.len(),
                "{name}: all of {}",
                dataset.reviews[m.review].summary.id
            );
        }
    }
}

#[test]
fn every_recommendation_reads_back_exactly_as_in_the_file() {
    // The texts are held folded, with the edits that give back the
    // original: what a person reads must be what the file says.
    let dataset = common::dataset();
    let file = texts();
    let rows = file.reviews.iter().flat_map(|r| &r.recommendations);
    let mut compared = 0;
    for (stored, original) in dataset.recommendations.iter().zip(rows) {
        assert_eq!(stored.text(), original.text);
        assert_eq!(stored.document(), original.document.as_deref());
        assert_eq!(stored.paragraph(), original.paragraph.as_deref());
        assert_eq!(
            stored.sdg_targets().collect::<Vec<_>>(),
            original.sdg_targets
        );
        compared += 1;
    }
    assert_eq!(compared, dataset.recommendations.len());
}

#[test]
fn a_texts_file_cut_short_is_refused_as_invalid() {
    let json = data_file("recommendations.json");
    let mut dataset = Dataset::from_overview_json(&data_file("overview.json")).unwrap();
    let err = dataset
        .attach_texts_json(&json[..json.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("recommendations.json is not a valid dataset file"),
        "{err}"
    );
    assert!(!dataset.texts_loaded);
}

/// `json` with the first character of the string after each of
/// `openings` written as a JSON escape (`"cuba"` -> `"\u0063uba"`).
fn escape_strings_after(json: &str, openings: &[&str]) -> String {
    let mut out = json.to_owned();
    for opening in openings {
        let mut parts = out.split(*opening);
        let mut escaped = parts.next().unwrap_or_default().to_owned();
        for part in parts {
            escaped.push_str(opening);
            match part.chars().next() {
                Some(c) if c.is_ascii_alphanumeric() => {
                    escaped.push_str(&format!("\\u{:04x}{}", c as u32, &part[1..]))
                }
                _ => escaped.push_str(part),
            }
        }
        out = escaped;
    }
    out
}

#[test]
fn strings_written_with_json_escapes_read_as_the_same_texts_and_references() {
    // The loader borrows each string from the file where it holds no
    // escape; an escaped one is undone into a copy, and must read the same.
    let openings = [
        "\"text\":\"",
        "\"from\":\"",
        "\"document\":\"",
        "\"paragraph\":\"",
        "\"id\":\"",
        "\"themes\":[\"",
        "\"members\":[\"",
        "\"observers\":[\"",
        "\"sdg_targets\":[\"",
        "\"persons\":[\"",
    ];
    let json = escape_strings_after(&data_file("recommendations.json"), &openings);
    assert!(json.contains("\"text\":\"\\u"), "the test escapes texts");
    assert!(
        json.contains("\"from\":\"\\u"),
        "the test escapes recommending States"
    );
    assert!(
        json.contains("\"themes\":[\"\\u"),
        "the test escapes theme ids"
    );
    let mut escaped = Dataset::from_overview_json(&data_file("overview.json")).unwrap();
    escaped
        .attach_texts_json(&json)
        .expect("escaped strings are read");
    let plain = common::dataset();
    assert_eq!(escaped.recommendations.len(), plain.recommendations.len());
    for (a, b) in escaped
        .recommendations
        .iter()
        .zip(plain.recommendations.iter())
    {
        assert_eq!(
            (
                a.text(),
                a.from,
                a.themes,
                a.persons,
                a.document(),
                a.paragraph()
            ),
            (
                b.text(),
                b.from,
                b.themes,
                b.persons,
                b.document(),
                b.paragraph()
            )
        );
        assert!(a.sdg_targets().eq(b.sdg_targets()));
    }
    assert_eq!(escaped.reviews, plain.reviews);
}
