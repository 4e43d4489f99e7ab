//! UPR Info's action categories as a filter, a grouping and a chart
//! (issue 16, item 2). Expected numbers are worked out here from
//! data/recommendations.json read as plain `serde_json::Value`s, without the
//! loader, the filter or the facets.

mod common;

use common::{data_file, dataset};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use upr_core::facet::Facet;
use upr_core::filter::apply;
use upr_core::query::{Grouping, Query};

/// (review id, action category, response) of every recommendation.
fn raw() -> &'static [(String, Option<u64>, String)] {
    static RAW: OnceLock<Vec<(String, Option<u64>, String)>> = OnceLock::new();
    RAW.get_or_init(|| {
        let texts: Value = serde_json::from_str(&data_file("recommendations.json"))
            .expect("recommendations.json is JSON");
        let mut out = Vec::new();
        for review in texts["reviews"].as_array().expect("reviews") {
            for r in review["recommendations"]
                .as_array()
                .expect("recommendations")
            {
                out.push((
                    review["id"].as_str().expect("id").to_owned(),
                    r["action"].as_u64(),
                    r["response"].as_str().expect("response").to_owned(),
                ));
            }
        }
        out
    })
}

/// (matching reviews, passing recommendations) for a predicate.
fn expected(passes: impl Fn(Option<u64>, &str) -> bool) -> (usize, usize) {
    let passing: Vec<_> = raw()
        .iter()
        .filter(|(_, action, response)| passes(*action, response))
        .collect();
    (
        passing
            .iter()
            .map(|(review, _, _)| review.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        passing.len(),
    )
}

fn actual(search: &str) -> (usize, usize) {
    let (query, warnings) = Query::from_search(search);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (outcome, _) = apply(dataset(), &query);
    (outcome.reviews.len(), outcome.recommendations as usize)
}

#[test]
fn an_action_category_selects_its_recommendations() {
    assert_eq!(actual("?action=5"), expected(|a, _| a == Some(5)));
    assert_eq!(
        actual("?action=1&response=noted"),
        expected(|a, r| a == Some(1) && r == "noted")
    );
    // Several categories: any of them.
    assert_eq!(
        actual("?action=4&action=5"),
        expected(|a, _| matches!(a, Some(4 | 5)))
    );
}

#[test]
fn each_category_counts_what_choosing_it_would_give() {
    let (query, _) = Query::from_search("?action=3&response=accepted");
    let (outcome, _) = apply(dataset(), &query);
    for category in 1..=5u64 {
        let want = expected(|a, r| a == Some(category) && r == "accepted").1;
        assert_eq!(
            outcome.counts(Facet::Action)[category as usize - 1] as usize,
            want,
            "category {category}"
        );
    }
}

#[test]
fn categories_are_read_in_numeric_order_and_bad_ones_are_named() {
    let (query, warnings) = Query::from_search("?action=5&action=2&action=6&action=x");
    assert_eq!(query.selection(Facet::Action), ["2", "5"]);
    assert_eq!(query.to_search(), "?action=2&action=5");
    let named: Vec<&str> = warnings.iter().map(|w| w.value.as_str()).collect();
    assert_eq!(named, ["6", "x"], "{warnings:?}");
    let (query, _) = Query::from_search("?group=action");
    assert_eq!(query.group, Grouping::Facet(Facet::Action));
}

#[test]
fn the_chart_draws_the_categories_in_their_order() {
    let (query, _) = Query::from_search("?session=7");
    let (outcome, _) = apply(dataset(), &query);
    let bars = upr_core::stats::by_facet(dataset(), &outcome, Facet::Action);
    let order: Vec<usize> = bars.iter().map(|(option, _)| *option).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(
        order, sorted,
        "a scale reads from 1 minimal to 5 specific, not by size"
    );
    let in_session_7: BTreeSet<&str> = dataset()
        .reviews
        .iter()
        .filter(|r| r.summary.session == 7)
        .map(|r| r.summary.id.as_str())
        .collect();
    for (option, split) in bars {
        let want = raw()
            .iter()
            .filter(|(review, a, _)| {
                in_session_7.contains(review.as_str()) && *a == Some(option as u64 + 1)
            })
            .count();
        assert_eq!(split.total() as usize, want);
    }
}

#[test]
fn session_27_has_categories_but_no_themes_and_session_23_both() {
    let in_session = |session: u8| {
        dataset()
            .reviews
            .iter()
            .find(|r| r.summary.session == session)
            .unwrap_or_else(|| panic!("a review of session {session}"))
    };
    // Session 23: UPR Info's themes and categories, the Explorer's goals.
    let s23 = in_session(23);
    assert!(Facet::ALL.iter().all(|f| f.classifies(s23)));
    assert_eq!(
        Grouping::Facet(Facet::Theme).for_review(s23),
        Grouping::Facet(Facet::Theme)
    );
    assert!(!s23.summary.actions.is_empty() && !s23.summary.themes.is_empty());
    // Session 27: categories only. Its card groups by category rather than
    // put every recommendation under "not classified".
    let s27 = in_session(27);
    assert!(Facet::Action.classifies(s27));
    assert!(!Facet::Theme.classifies(s27) && !Facet::SdgGoal.classifies(s27));
    assert_eq!(
        Grouping::Facet(Facet::Theme).for_review(s27),
        Grouping::Facet(Facet::Action)
    );
    assert_eq!(
        Grouping::Facet(Facet::SdgGoal).for_review(s27),
        Grouping::Facet(Facet::Action)
    );
    // Every session has categories; themes stop at 26, as do the goals.
    let (covered, uncovered) = Facet::Action.coverage(dataset());
    assert_eq!((covered.first(), covered.last()), (Some(&1), Some(&27)));
    assert!(uncovered.is_empty());
    for facet in [Facet::Theme, Facet::SdgGoal, Facet::Persons] {
        assert_eq!(facet.coverage(dataset()).1, [27], "{facet:?}");
    }
    // And the raw data agrees: no recommendation without a category.
    assert!(raw().iter().all(|(_, action, _)| action.is_some()));
}
