//! Chart data, comparison and export against counts worked out here from
//! the raw CSV files.

mod common;

use common::{dataset, raw_rows, RawRow, UNKNOWN};
use std::collections::{BTreeMap, BTreeSet};
use upr_core::dataset::schema::Region;
use upr_core::export::{rows, to_csv, to_json, CSV_HEADER};
use upr_core::filter::apply;
use upr_core::query::Query;
use upr_core::stats;

fn outcome(search: &str) -> upr_core::filter::Outcome {
    apply(dataset(), &Query::from_search(search).0).0
}

#[test]
fn theme_bars_split_accepted_and_noted() {
    let bars = stats::by_theme(dataset(), &outcome("?cycle=2"));
    let theme = dataset().find_theme("Women's rights").unwrap() as usize;
    let (_, split) = bars.iter().find(|(t, _)| *t == theme).unwrap();
    let rows: Vec<&RawRow> = raw_rows()
        .iter()
        .filter(|r| r.session >= 13 && r.themes.iter().any(|t| t == "Women's rights"))
        .collect();
    assert_eq!(
        split.accepted as usize,
        rows.iter().filter(|r| r.response == "Accepted").count()
    );
    assert_eq!(
        split.noted as usize,
        rows.iter().filter(|r| r.response == "Noted").count()
    );
    assert!(
        bars.windows(2).all(|w| w[0].1.total() >= w[1].1.total()),
        "sorted, most first"
    );
}

#[test]
fn region_bars_group_by_the_recommending_state() {
    let shared = common::shared_dir();
    // From-Rgrp in the raw files, independent of the importer's States.
    let mut by_region: BTreeMap<String, usize> = BTreeMap::new();
    for name in std::fs::read_dir(shared.join("data/upr-info")).unwrap() {
        let name = name.unwrap().file_name().into_string().unwrap();
        if !name.starts_with("recommendations-") {
            continue;
        }
        let mut reader = csv::Reader::from_path(shared.join("data/upr-info").join(name)).unwrap();
        for record in reader.records() {
            *by_region.entry(record.unwrap()[5].to_owned()).or_default() += 1;
        }
    }
    // Sessions 21-27 come from UPR Info's export of 2018, which names the
    // recommending State's regional group too (the second `Rgrp`).
    let mut seen = BTreeSet::new();
    for row in common::export_2018_rows() {
        if row.session().is_some_and(|s| s >= 21) && seen.insert(row.normalised()) {
            *by_region
                .entry(row.recommending_region().to_owned())
                .or_default() += 1;
        }
    }
    let bars = stats::by_recommending_region(dataset(), &outcome(""));
    let count = |region: Option<Region>| {
        bars.iter().find(|(r, _)| *r == region).unwrap().1.total() as usize
    };
    assert_eq!(count(Some(Region::WesternEuropeOthers)), by_region["WEOG"]);
    assert_eq!(count(Some(Region::Africa)), by_region["Africa"]);
    assert_eq!(count(None), by_region["Observer"] + by_region[UNKNOWN]);
}

#[test]
fn session_bars_and_histogram() {
    let sessions = stats::by_session(dataset(), &outcome("?theme=Death+penalty"));
    let want = raw_rows()
        .iter()
        .filter(|r| r.session == 9 && r.themes.iter().any(|t| t == "Death penalty"))
        .count();
    assert_eq!(
        sessions.iter().find(|(s, _)| *s == 9).unwrap().1.total() as usize,
        want
    );

    // The histogram ignores the selection's own range.
    let (query, _) = Query::from_search("?states_min=60&region=Africa");
    let histogram = stats::participation_histogram(dataset(), &query);
    let mut participants: BTreeMap<(String, u8), BTreeSet<&str>> = BTreeMap::new();
    for row in raw_rows() {
        let entry = participants.entry(row.review()).or_default();
        if row.from != UNKNOWN {
            entry.insert(&row.from);
        }
    }
    let african: BTreeSet<String> = dataset()
        .reviews
        .iter()
        .filter(|r| r.region == Some(Region::Africa))
        .map(|r| dataset().states[r.state as usize].name.clone())
        .collect();
    assert_eq!(
        histogram.counts.iter().sum::<u32>() as usize,
        dataset()
            .reviews
            .iter()
            .filter(|r| r.region == Some(Region::Africa))
            .count()
    );
    let in_bin_8 = dataset()
        .reviews
        .iter()
        .filter(|r| {
            r.region == Some(Region::Africa) && r.summary.participation.states / stats::BIN == 8
        })
        .count();
    assert_eq!(histogram.counts[8] as usize, in_bin_8);
    assert!(!african.is_empty());
}

#[test]
fn kazakhstan_compared_across_its_two_reviews() {
    let comparison = stats::compare(dataset(), "kazakhstan").expect("reviewed twice");
    let raw = |session: u8| {
        raw_rows()
            .iter()
            .filter(move |r| r.to == "Kazakhstan" && r.session == session)
    };
    let themes = |session: u8| {
        raw(session)
            .flat_map(|r| r.themes.clone())
            .collect::<BTreeSet<String>>()
    };
    let label = |t: &usize| dataset().themes[*t].label.clone();
    let gained: BTreeSet<String> = comparison.gained.iter().map(label).collect();
    assert_eq!(gained, themes(20).difference(&themes(7)).cloned().collect());
    let dropped: BTreeSet<String> = comparison.dropped.iter().map(label).collect();
    assert_eq!(
        dropped,
        themes(7).difference(&themes(20)).cloned().collect()
    );
    // Raw spellings, each looked up by name or alias.
    let from = |session: u8| {
        raw(session)
            .filter(|r| r.from != UNKNOWN)
            .map(|r| dataset().find_state(&r.from).expect("known"))
            .collect::<BTreeSet<_>>()
    };
    let both: BTreeSet<u16> = comparison.recommended_both_times.iter().copied().collect();
    assert_eq!(both, from(7).intersection(&from(20)).copied().collect());
    let women = dataset().find_theme("Women's rights").unwrap() as usize;
    let (_, then, _) = comparison
        .per_option
        .iter()
        .find(|(t, _, _)| *t == women)
        .unwrap();
    assert_eq!(
        then.noted as usize,
        raw(7)
            .filter(|r| r.response == "Noted" && r.themes.iter().any(|t| t == "Women's rights"))
            .count()
    );

    // South Sudan, reviewed in session 11 as the South of Sudan, has its
    // own review in session 26: every State of cycles 1 and 2 has two.
    let south_sudan = stats::compare(dataset(), "South Sudan").expect("reviewed twice");
    let session = |review: usize| dataset().reviews[review].summary.session;
    assert_eq!(
        (session(south_sudan.earlier), session(south_sudan.later)),
        (11, 26)
    );
    assert!(stats::compare(dataset(), "Atlantis").is_err());
}

/// A minimal RFC 4180 reader, to read the export back without trusting
/// the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn the_csv_export_holds_exactly_the_selection() {
    let outcome = outcome("?theme=Death+penalty&response=noted&cycle=1");
    let exported = rows(dataset(), &outcome);
    let csv = to_csv(&exported);
    assert!(csv.ends_with("\r\n"));
    let records = parse_csv(&csv);
    assert_eq!(records[0], CSV_HEADER);
    let want: Vec<&RawRow> = raw_rows()
        .iter()
        .filter(|r| {
            r.session <= 12
                && r.response == "Noted"
                && r.themes.iter().any(|t| t == "Death penalty")
        })
        .collect();
    assert_eq!(records.len() - 1, want.len());
    assert!(records[1..]
        .iter()
        .all(|r| r.len() == CSV_HEADER.len() && r[6] == "noted" && r[9].contains("Death penalty")));
    let texts: BTreeSet<String> = records[1..].iter().map(|r| r[10].clone()).collect();
    let raw_texts: BTreeSet<String> = want
        .iter()
        .map(|r| r.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(texts, raw_texts);
    let quoted = to_csv(&[upr_core::export::ExportedRecommendation {
        text: "He said \"no\", twice\nthen yes".into(),
        ..exported[0].clone()
    }]);
    assert_eq!(parse_csv(&quoted)[1][10], "He said \"no\", twice\nthen yes");
}

#[test]
fn the_json_export_is_the_same_selection() {
    let outcome = outcome("?sur=Kazakhstan&session=7");
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&rows(dataset(), &outcome))).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 129);
    assert!(items.iter().all(|i| i["review"] == "kazakhstan-s7"));
}

#[test]
fn the_export_names_a_recommending_state_as_it_was_at_the_review() {
    let named = |search: &str| {
        rows(dataset(), &outcome(search))
            .iter()
            .map(|r| r.recommending_state.unwrap_or("").to_owned())
            .collect::<BTreeSet<String>>()
    };
    assert_eq!(
        named("?from=Czechia&session=25"),
        BTreeSet::from(["Czech Republic".to_owned()])
    );
    assert_eq!(
        named("?from=Czechia&session=27"),
        BTreeSet::from(["Czechia".to_owned()])
    );
    assert_eq!(
        named("?from=Turkey&cycle=2"),
        BTreeSet::from(["Turkey".to_owned()])
    );
}
