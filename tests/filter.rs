//! Filter semantics on the real dataset. Each expected count is worked out
//! here from the raw CSV files, without the importer or the filter.

mod common;

use common::{dataset, raw_rows, RawRow, UNKNOWN};
use std::collections::{BTreeMap, BTreeSet};
use upr_core::filter::apply;
use upr_core::query::Query;

type ReviewKey = (String, u8);

/// Distinct recommending States per review, from the raw rows.
fn participants() -> BTreeMap<ReviewKey, BTreeSet<String>> {
    let mut map: BTreeMap<ReviewKey, BTreeSet<String>> = BTreeMap::new();
    for row in raw_rows() {
        let entry = map.entry(row.review()).or_default();
        if row.from != UNKNOWN {
            entry.insert(row.from.clone());
        }
    }
    map
}

/// Expected (reviews, recommendations) for a recommendation predicate and
/// a review predicate, with "any" semantics.
fn expected(
    passes: impl Fn(&RawRow) -> bool,
    review_ok: impl Fn(&ReviewKey) -> bool,
) -> (usize, usize) {
    let mut per_review: BTreeMap<ReviewKey, usize> = BTreeMap::new();
    for row in raw_rows()
        .iter()
        .filter(|r| review_ok(&r.review()) && passes(r))
    {
        *per_review.entry(row.review()).or_default() += 1;
    }
    (per_review.len(), per_review.values().sum())
}

fn actual(search: &str) -> (usize, usize) {
    let (query, warnings) = Query::from_search(search);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (outcome, warnings) = apply(dataset(), &query);
    assert!(warnings.is_empty(), "{warnings:?}");
    (outcome.reviews.len(), outcome.recommendations as usize)
}

fn has(row: &RawRow, theme: &str) -> bool {
    row.themes.iter().any(|t| t == theme)
}

#[test]
fn no_filter_shows_everything() {
    // UPR Info's sessions 1-20, and its export of 2018 for sessions 21-27
    // (source README).
    assert_eq!(actual(""), (305 + 81 + 14, 41_066 + 16_620 + 3_328));
}

#[test]
fn one_theme() {
    let want = expected(|r| has(r, "Death penalty"), |_| true);
    assert_eq!(actual("?theme=death+penalty"), want);
}

#[test]
fn two_themes_any_and_all() {
    let either = |r: &RawRow| has(r, "Death penalty") || has(r, "Torture and other CID treatment");
    assert_eq!(
        actual("?theme=Death+penalty&theme=Torture+and+other+CID+treatment"),
        expected(either, |_| true)
    );

    // match=all: the review must have both themes among its recommendations.
    let mut themes_of: BTreeMap<ReviewKey, BTreeSet<&str>> = BTreeMap::new();
    for row in raw_rows() {
        themes_of
            .entry(row.review())
            .or_default()
            .extend(row.themes.iter().map(String::as_str));
    }
    let both = |k: &ReviewKey| {
        themes_of[k].contains("Death penalty")
            && themes_of[k].contains("Torture and other CID treatment")
    };
    let want = expected(either, both);
    assert!(want.0 < expected(either, |_| true).0);
    assert_eq!(
        actual("?theme=Death+penalty&theme=Torture+and+other+CID+treatment&match=all"),
        want
    );
}

#[test]
fn participating_states_range() {
    let participants = participants();
    let want = expected(|_| true, |k| participants[k].len() >= 40);
    assert_eq!(actual("?states_min=40"), want);
    let want = expected(|_| true, |k| (20..=30).contains(&participants[k].len()));
    assert_eq!(actual("?states_min=20&states_max=30"), want);
}

#[test]
fn theme_response_and_range_together() {
    let participants = participants();
    let want = expected(
        |r| has(r, "Women's rights") && r.response == "Noted",
        |k| (30..=60).contains(&participants[k].len()),
    );
    assert_eq!(
        actual("?theme=Women%27s+rights&response=noted&states_min=30&states_max=60"),
        want
    );
}

#[test]
fn text_search_covers_texts_and_state_names() {
    let want = expected(
        |r| r.text.to_lowercase().contains("torture") || r.from.to_lowercase().contains("torture"),
        |_| true,
    );
    assert_eq!(actual("?q=Torture"), want);
    // A State's name finds the recommendations it made, those made to it,
    // and those that name it.
    let want = expected(
        |r| {
            r.from == "Kazakhstan"
                || r.to == "Kazakhstan"
                || r.text.to_lowercase().contains("kazakh")
        },
        |_| true,
    );
    assert_eq!(actual("?q=kazakh"), want);
}

#[test]
fn recommending_state_and_cycle() {
    let want = expected(|r| r.from == "France", |k| (13..=26).contains(&k.1));
    assert_eq!(actual("?from=France&cycle=2"), want);
}

#[test]
fn session_27_and_cycle_3_are_the_fourteen_reviews_of_the_2018_export() {
    let want = expected(|_| true, |k| k.1 == 27);
    // The source README: 14 reviews, 3,328 recommendations.
    assert_eq!(want, (14, 3_328));
    assert_eq!(actual("?session=27"), want);
    assert_eq!(actual("?cycle=3"), want);
    let want = expected(|_| true, |k| k.0 == "Brazil");
    assert_eq!(want.0, 3, "Brazil in sessions 1, 13 and 27");
    assert_eq!(actual("?sur=Brazil"), want);
}

#[test]
fn an_old_theme_label_finds_what_its_new_label_finds() {
    // `upr-info/` (sessions 1-20) says `NHRI`, the 2018 export (21-26)
    // `National Human Rights Institution`: one theme.
    let nhri = expected(
        |r| has(r, "NHRI") || has(r, "National Human Rights Institution"),
        |_| true,
    );
    assert!(
        nhri.0 > expected(|r| has(r, "NHRI"), |_| true).0,
        "both exports add reviews"
    );
    for link in [
        "?theme=NHRI",
        "?theme=nhri",
        "?theme=National+Human+Rights+Institution",
    ] {
        assert_eq!(actual(link), nhri, "{link}");
    }
    let water = expected(
        |r| has(r, "Right to water") || has(r, "Right to water and sanitation"),
        |_| true,
    );
    for link in [
        "?theme=Right+to+water",
        "?theme=right-to-water",
        "?theme=Right+to+water+and+sanitation",
    ] {
        assert_eq!(actual(link), water, "{link}");
    }
    // A theme of one list only: its recommendations come from those sessions.
    let plan = expected(|r| has(r, "National plan of action"), |_| true);
    assert!(plan.1 > 0);
    assert_eq!(actual("?theme=National+plan+of+action"), plan);
    assert_eq!(actual("?theme=National+plan+of+action&session=21"), (0, 0));
    let privacy = expected(|r| has(r, "Privacy"), |_| true);
    assert!(privacy.1 > 0);
    assert_eq!(actual("?theme=Privacy"), privacy);
    assert_eq!(actual("?theme=Privacy&cycle=1"), (0, 0));
}

#[test]
fn held_out_queries_over_sessions_21_to_27_count_what_the_raw_rows_count() {
    assert_eq!(
        actual("?theme=Women%27s+rights&session=23&response=noted"),
        expected(
            |r| has(r, "Women's rights") && r.response == "Noted",
            |k| k.1 == 23
        )
    );
    assert_eq!(
        actual("?action=3&session=27"),
        expected(|r| r.action == 3, |k| k.1 == 27)
    );
    assert_eq!(
        actual("?theme=Death+penalty&theme=Statelessness+and+the+right+to+nationality&cycle=2&response=accepted"),
        expected(
            |r| (has(r, "Death penalty")
                || has(r, "Statelessness and the right to nationality"))
                && r.response == "Accepted",
            |k| (13..=26).contains(&k.1)
        )
    );
    assert_eq!(
        actual("?from=France&session=25&action=5"),
        expected(|r| r.from == "France" && r.action == 5, |k| k.1 == 25)
    );
}

#[test]
fn state_under_review_in_either_spelling() {
    let want = expected(|_| true, |k| k.0 == "Bosnia & Herzegovina");
    assert_eq!(want.0, 2);
    assert_eq!(actual("?sur=Bosnia+%26+Herzegovina"), want);
    assert_eq!(actual("?sur=bosnia+and+herzegovina"), want);
}

#[test]
fn theme_counts_ignore_the_theme_selection_but_not_the_rest() {
    let (query, _) = Query::from_search("?theme=Detention&response=noted");
    let (outcome, _) = apply(dataset(), &query);
    let index = dataset().find_theme("Death penalty").unwrap() as usize;
    let want = raw_rows()
        .iter()
        .filter(|r| has(r, "Death penalty") && r.response == "Noted")
        .count();
    assert_eq!(outcome.theme_counts[index] as usize, want);
}

#[test]
fn unknown_names_are_ignored_with_a_warning() {
    let (query, _) = Query::from_search("?theme=Space+law&sur=Atlantis");
    let (outcome, warnings) = apply(dataset(), &query);
    assert_eq!(outcome.reviews.len(), 305 + 81 + 14);
    let named: Vec<&str> = warnings.iter().map(|w| w.parameter.as_str()).collect();
    assert_eq!(named, ["theme", "sur"]);
}

#[test]
fn before_the_texts_a_single_theme_already_matches_exactly() {
    let with_texts = dataset();
    let without_texts =
        upr_core::dataset::Dataset::from_overview_json(&common::data_file("overview.json"))
            .unwrap();
    assert!(!without_texts.texts_loaded);
    let (query, _) = Query::from_search("?theme=Death+penalty");
    let (early, _) = apply(&without_texts, &query);
    let (late, _) = apply(with_texts, &query);
    assert!(early.provisional);
    let ids =
        |o: &upr_core::filter::Outcome| o.reviews.iter().map(|m| m.review).collect::<Vec<_>>();
    assert_eq!(ids(&early), ids(&late));
}

#[test]
fn sort_by_participating_states_descending() {
    let (query, _) = Query::from_search("?sort=-states");
    let (outcome, _) = apply(dataset(), &query);
    let counts: Vec<u32> = outcome
        .reviews
        .iter()
        .map(|m| dataset().reviews[m.review].summary.participation.states)
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        counts[0],
        participants().values().map(BTreeSet::len).max().unwrap() as u32
    );
}

/// The orders a person can pick, each against its definition: by session
/// then State name (the default), by name then session, and by the number
/// of matching recommendations with ties by session and name.
#[test]
fn each_order_lists_the_reviews_by_its_key() {
    let data = dataset();
    let key = |m: &upr_core::filter::ReviewMatch| {
        let review = &data.reviews[m.review];
        (
            review.summary.session,
            data.state_name(review.state).to_owned(),
            m.passing.len(),
        )
    };
    let (outcome, _) = apply(data, &Query::default());
    let listed: Vec<_> = outcome.reviews.iter().map(key).collect();
    assert!(
        listed
            .windows(2)
            .all(|w| (w[0].0, &w[0].1) <= (w[1].0, &w[1].1)),
        "by session, then name"
    );
    let (by_name, _) = Query::from_search("?sort=state");
    let listed: Vec<_> = apply(data, &by_name).0.reviews.iter().map(key).collect();
    assert!(
        listed
            .windows(2)
            .all(|w| (&w[0].1, w[0].0) <= (&w[1].1, w[1].0)),
        "by name, then session"
    );
    let (by_count, _) = Query::from_search("?sort=-recommendations&theme=Torture");
    let listed: Vec<_> = apply(data, &by_count).0.reviews.iter().map(key).collect();
    // Descending reverses the whole order, ties included.
    assert!(
        listed
            .windows(2)
            .all(|w| (w[0].2, w[0].0, &w[0].1) >= (w[1].2, w[1].0, &w[1].1)),
        "most matching first"
    );
    assert!(listed[0].2 > listed[listed.len() - 1].2);
}

#[test]
fn the_overview_carries_counts_of_participants_and_the_texts_their_lists() {
    let overview: serde_json::Value =
        serde_json::from_str(&common::data_file("overview.json")).unwrap();
    let texts: serde_json::Value =
        serde_json::from_str(&common::data_file("recommendations.json")).unwrap();
    let summaries = overview["reviews"].as_array().unwrap();
    assert!(
        summaries.iter().all(|r| r.get("participants").is_none()),
        "the first screen's file holds no lists of States"
    );
    // Per session, the sizes of the lists in the texts are the raw files'
    // distinct recommending States of each review.
    let mut listed: Vec<(u64, usize)> = summaries
        .iter()
        .zip(texts["reviews"].as_array().unwrap())
        .map(|(summary, full)| {
            let p = &full["participants"];
            (
                summary["session"].as_u64().unwrap(),
                p["members"].as_array().unwrap().len() + p["observers"].as_array().unwrap().len(),
            )
        })
        .collect();
    let mut raw: Vec<(u64, usize)> = participants()
        .iter()
        .map(|((_, session), states)| (*session as u64, states.len()))
        .collect();
    listed.sort();
    raw.sort();
    assert_eq!(listed, raw);
}

#[test]
fn before_the_texts_a_recommending_state_waits_and_after_them_is_exact() {
    let without_texts =
        upr_core::dataset::Dataset::from_overview_json(&common::data_file("overview.json"))
            .unwrap();
    for search in [
        "?from=France",
        "?from=France&theme=Torture",
        "?from_region=GRULAC",
    ] {
        let (query, warnings) = Query::from_search(search);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (early, _) = apply(&without_texts, &query);
        assert!(early.waiting_for_texts, "{search}");
        assert_eq!(
            (early.reviews.len(), early.recommendations),
            (0, 0),
            "{search}: nothing is guessed before the texts"
        );
    }
    let (query, _) = Query::from_search("?theme=Torture");
    assert!(!apply(&without_texts, &query).0.waiting_for_texts);

    let from_france = expected(|r| r.from == "France", |_| true);
    assert!(
        from_france.0 > 300,
        "France recommends in nearly every review: {from_france:?}"
    );
    assert_eq!(actual("?from=France"), from_france);
    let (query, _) = Query::from_search("?from=France");
    assert!(!apply(dataset(), &query).0.waiting_for_texts);
}

#[test]
fn each_option_holds_the_recommendations_whose_row_has_it() {
    use upr_core::dataset::schema::Response;
    use upr_core::facet::Facet;
    use upr_core::search::RowSet;
    let dataset = dataset();
    let rows = &dataset.recommendations;
    for facet in Facet::ALL {
        let options = dataset.option_rows.options(facet);
        assert!(!options.is_empty(), "{facet:?} has options");
        let mut expected = vec![RowSet::empty(rows.len()); options.len()];
        for row in rows.iter() {
            for option in facet.indices(&row) {
                expected[option].insert(row.index());
            }
        }
        assert_eq!(options, expected.as_slice(), "{facet:?}");
        assert!(
            expected.iter().all(|set| !set.is_empty()),
            "every {facet:?} option has recommendations"
        );
    }
    let mut noted = RowSet::empty(rows.len());
    rows.iter()
        .filter(|row| row.response == Response::Noted)
        .for_each(|row| noted.insert(row.index()));
    assert_eq!(dataset.option_rows.noted, noted);
    assert!(!noted.is_empty());
}

#[test]
fn before_the_texts_every_option_counts_what_the_texts_count() {
    use upr_core::facet::Facet;
    let with_texts = dataset();
    let without_texts =
        upr_core::dataset::Dataset::from_overview_json(&common::data_file("overview.json"))
            .unwrap();
    // With no filter, and narrowed to reviews: the counts the summaries
    // add up are those the rows give once the texts are in (session 27
    // has action categories, but no themes, goals or groups of persons).
    for search in ["", "?session=7", "?session=21", "?session=27", "?cycle=1"] {
        let (query, _) = Query::from_search(search);
        let (early, _) = apply(&without_texts, &query);
        let (late, _) = apply(with_texts, &query);
        for facet in Facet::ALL {
            assert_eq!(
                early.counts(facet),
                late.counts(facet),
                "{facet:?} counts, {search:?}"
            );
            if search != "?session=27" || facet == Facet::Action {
                assert!(
                    late.counts(facet).iter().any(|n| *n > 0),
                    "{facet:?} has counts, {search:?}"
                );
            }
        }
    }
    // Options selected in one facet: that facet's counts ignore its own
    // selection, before the texts as after, so the numbers beside the
    // themes a reader is ticking do not jump when the texts arrive.
    for (search, facet) in [
        ("?theme=Death+penalty", Facet::Theme),
        (
            "?theme=Death+penalty&theme=Torture+and+other+CID&session=7",
            Facet::Theme,
        ),
        (
            "?theme=Death+penalty&theme=Women%27s+rights&match=all",
            Facet::Theme,
        ),
        ("?sdg=5&cycle=2", Facet::SdgGoal),
        ("?persons=Children", Facet::Persons),
        // Categories 4 and 5 occur in every review since sessions 21-27
        // have categories: 1 and 2 narrow the cards.
        ("?action=1&action=2", Facet::Action),
    ] {
        let (query, warnings) = Query::from_search(search);
        assert!(warnings.is_empty(), "{search}: {warnings:?}");
        let (early, _) = apply(&without_texts, &query);
        let (late, _) = apply(with_texts, &query);
        assert!(early.provisional && !late.provisional, "{search}");
        assert_eq!(
            early.counts(facet),
            late.counts(facet),
            "{facet:?} counts, {search:?}"
        );
        // And the selection narrows the cards all the same.
        assert!(
            early.reviews.len() < without_texts.reviews.len(),
            "{search}"
        );
    }
    // A response selected: the responses' counts ignore it alike.
    let (query, _) = Query::from_search("?response=noted&session=7");
    let (early, _) = apply(&without_texts, &query);
    let (late, _) = apply(with_texts, &query);
    assert_eq!(early.response_counts, late.response_counts);
    assert!(
        early.response_counts.iter().all(|n| *n > 0),
        "{:?}",
        early.response_counts
    );
}
