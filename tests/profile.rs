//! A recommending State's profile (issue 16, item 4), against figures worked
//! out here from data/*.json read as plain `serde_json::Value`s.

mod common;

use common::{data_file, dataset};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use upr_core::facet::Facet;
use upr_core::filter::apply;
use upr_core::query::Query;
use upr_core::stats::recommender_profile;

#[test]
fn a_recommending_state_profile_counts_what_it_recommended_to_whom_and_the_answers() {
    let overview: Value = serde_json::from_str(&data_file("overview.json")).expect("JSON");
    let texts: Value = serde_json::from_str(&data_file("recommendations.json")).expect("JSON");
    let state_of: BTreeMap<&str, &str> = overview["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["state"].as_str().unwrap()))
        .collect();
    let session_of: BTreeMap<&str, u64> = overview["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["session"].as_u64().unwrap()))
        .collect();
    // France's recommendations in cycle 2 (sessions 13-26).
    let mut made = 0;
    let mut accepted = 0;
    let mut reviews = BTreeSet::new();
    let mut to: BTreeMap<&str, u32> = BTreeMap::new();
    let mut on_16 = 0;
    for review in texts["reviews"].as_array().unwrap() {
        let id = review["id"].as_str().unwrap();
        if !(13..=26).contains(&session_of[id]) {
            continue;
        }
        for r in review["recommendations"].as_array().unwrap() {
            if r["from"].as_str() != Some("france") {
                continue;
            }
            made += 1;
            accepted += u32::from(r["response"] == "accepted");
            reviews.insert(id);
            *to.entry(state_of[id]).or_default() += 1;
            on_16 += u32::from(
                r["sdg_goals"]
                    .as_array()
                    .is_some_and(|g| g.iter().any(|g| g == 16)),
            );
        }
    }
    let (query, warnings) = Query::from_search("?from=France&cycle=2");
    assert!(warnings.is_empty(), "{warnings:?}");
    let (outcome, _) = apply(dataset(), &query);
    let france = dataset().find_state("France").expect("France");
    let profile = recommender_profile(dataset(), &outcome, france);
    assert_eq!(
        (
            profile.split.total(),
            profile.split.accepted,
            profile.reviews
        ),
        (made, accepted, reviews.len() as u32)
    );
    assert_eq!(profile.recipients.len(), to.len());
    let most = to.values().max().copied().expect("France recommended");
    assert_eq!(
        profile.recipients[0].1, most,
        "the first State under review is the one it recommended to most"
    );
    assert!(profile.recipients.windows(2).all(|w| w[0].1 >= w[1].1));
    let (_, goals) = profile
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::SdgGoal)
        .expect("goals listed");
    assert_eq!(
        goals.iter().find(|(g, _)| *g == 15).map(|(_, s)| s.total()),
        Some(on_16)
    );
}
