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

/// The raw rows of the reviews of the State `name` (as the raw files spell
/// it), per session.
fn raw_reviews_of(name: &str) -> BTreeMap<u8, Vec<&'static RawRow>> {
    let mut sessions: BTreeMap<u8, Vec<&RawRow>> = BTreeMap::new();
    for row in raw_rows().iter().filter(|r| r.to == name) {
        sessions.entry(row.session).or_default().push(row);
    }
    sessions
}

/// Theme labels as the raw files have them (the older export's `NHRI`,
/// the 2018 export's `National Human Rights Institution`), each looked up
/// by name or former label.
fn raw_themes(rows: &[&RawRow]) -> BTreeSet<usize> {
    rows.iter()
        .flat_map(|r| r.themes.iter().filter(|t| !t.is_empty()))
        .map(|t| {
            dataset()
                .find_theme(t)
                .unwrap_or_else(|| panic!("a theme: {t}")) as usize
        })
        .collect()
}

/// Recommending States of raw rows, each looked up by name or alias.
fn raw_from(rows: &[&RawRow]) -> BTreeSet<u16> {
    rows.iter()
        .filter(|r| r.from != UNKNOWN)
        .map(|r| dataset().find_state(&r.from).expect("known"))
        .collect()
}

/// The States the raw files list as recommending in both reviews.
fn raw_recommended_in_both(before: &[&RawRow], now: &[&RawRow]) -> BTreeSet<u16> {
    raw_from(before)
        .intersection(&raw_from(now))
        .copied()
        .collect()
}

fn responses(rows: &[&RawRow]) -> (u32, u32) {
    let count = |response: &str| rows.iter().filter(|r| r.response == response).count() as u32;
    (count("Accepted"), count("Noted"))
}

#[test]
fn kazakhstan_compared_across_its_two_reviews() {
    let comparison = stats::compare(dataset(), "kazakhstan").expect("reviewed twice");
    let raw = raw_reviews_of("Kazakhstan");
    let sessions: Vec<u8> = comparison.reviews.iter().map(|r| r.session).collect();
    assert_eq!(sessions, [7, 20]);
    let change = comparison.reviews[1]
        .change
        .as_ref()
        .expect("the second against the first");
    assert!(comparison.reviews[0].change.is_none());
    assert_eq!(
        change.gained.iter().copied().collect::<BTreeSet<usize>>(),
        raw_themes(&raw[&20])
            .difference(&raw_themes(&raw[&7]))
            .copied()
            .collect()
    );
    assert_eq!(
        change.dropped.iter().copied().collect::<BTreeSet<usize>>(),
        raw_themes(&raw[&7])
            .difference(&raw_themes(&raw[&20]))
            .copied()
            .collect()
    );
    let both = raw_recommended_in_both(&raw[&7], &raw[&20]);
    assert_eq!(
        change
            .recommended_in_both
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        both
    );
    // Two reviews: every time is both times.
    assert_eq!(
        comparison
            .recommended_every_time
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        both
    );
    let women = dataset().find_theme("Women's rights").unwrap() as usize;
    let (_, splits) = comparison
        .per_option
        .iter()
        .find(|(t, _)| *t == women)
        .unwrap();
    assert_eq!(
        splits[0].as_ref().expect("classified by theme").noted as usize,
        raw[&7]
            .iter()
            .filter(|r| r.response == "Noted" && r.themes.iter().any(|t| t == "Women's rights"))
            .count()
    );

    // South Sudan, reviewed in session 11 as the South of Sudan, has its
    // own review in session 26: every State of cycles 1 and 2 has two.
    let south_sudan = stats::compare(dataset(), "South Sudan").expect("reviewed twice");
    let sessions: Vec<u8> = south_sudan.reviews.iter().map(|r| r.session).collect();
    assert_eq!(sessions, [11, 26]);
    assert!(matches!(
        stats::compare(dataset(), "Atlantis"),
        Err(stats::CompareError::UnknownState(_))
    ));
}

#[test]
fn brazil_compared_across_its_three_reviews() {
    let comparison = stats::compare(dataset(), "Brazil").expect("reviewed three times");
    let raw = raw_reviews_of("Brazil");
    assert_eq!(raw.len(), 3, "the raw files hold three reviews of Brazil");
    // Every review, in session order, with the raw files' counts.
    let sessions: Vec<u8> = comparison.reviews.iter().map(|r| r.session).collect();
    assert_eq!(sessions, raw.keys().copied().collect::<Vec<u8>>());
    for review in &comparison.reviews {
        let rows = &raw[&review.session];
        assert_eq!(
            (review.split.accepted, review.split.noted),
            responses(rows),
            "session {}",
            review.session
        );
        assert_eq!(
            dataset().reviews[review.review].summary.session,
            review.session
        );
    }
    assert!(
        comparison.reviews[0].change.is_none(),
        "the first has none before it"
    );
    for review in &comparison.reviews {
        let by_theme = review
            .classified_by
            .contains(&upr_core::facet::Facet::Theme);
        assert_eq!(
            by_theme,
            raw[&review.session]
                .iter()
                .any(|r| r.themes.iter().any(|t| !t.is_empty())),
            "session {}: classified by theme where the raw rows have themes",
            review.session
        );
    }
    // Each review against the one before: themes where the raw files
    // have themes for both, otherwise nothing listed (session 27's theme
    // column is empty throughout, and the Explorer has no session 27).
    for pair in comparison.reviews.windows(2) {
        let (before, now) = (&pair[0], &pair[1]);
        let change = now.change.as_ref().expect("against the one before");
        assert_eq!(change.previous, before.review);
        let (themes_then, themes_now) = (
            raw_themes(&raw[&before.session]),
            raw_themes(&raw[&now.session]),
        );
        if themes_then.is_empty() || themes_now.is_empty() {
            assert!(
                raw[&now.session].iter().all(|r| r.themes.is_empty()),
                "only session 27 has no themes"
            );
            assert_eq!(
                change.facet, None,
                "session {}: classified by neither",
                now.session
            );
            assert!(change.gained.is_empty() && change.dropped.is_empty());
        } else {
            assert_eq!(change.facet, Some(upr_core::facet::Facet::Theme));
            let gained: BTreeSet<usize> = change.gained.iter().copied().collect();
            let dropped: BTreeSet<usize> = change.dropped.iter().copied().collect();
            assert_eq!(
                gained,
                themes_now.difference(&themes_then).copied().collect()
            );
            assert_eq!(
                dropped,
                themes_then.difference(&themes_now).copied().collect()
            );
            assert!(
                !gained.is_empty() || !dropped.is_empty(),
                "something changed"
            );
        }
        let both = raw_recommended_in_both(&raw[&before.session], &raw[&now.session]);
        assert_eq!(
            change
                .recommended_in_both
                .iter()
                .copied()
                .collect::<BTreeSet<_>>(),
            both
        );
    }
    assert_eq!(
        comparison.facet,
        Some(upr_core::facet::Facet::Theme),
        "two of three by theme"
    );
    let every_time = raw
        .values()
        .map(|rows| raw_from(rows))
        .reduce(|all, from| all.intersection(&from).copied().collect())
        .unwrap();
    assert_eq!(
        comparison
            .recommended_every_time
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        every_time
    );
    assert!(!every_time.is_empty());
    // Acceptance per theme per review: the raw files' counts, and no
    // figure for session 27, which has no themes.
    let women = dataset().find_theme("Women's rights").unwrap() as usize;
    let (_, splits) = comparison
        .per_option
        .iter()
        .find(|(t, _)| *t == women)
        .expect("raised");
    assert_eq!(splits.len(), 3);
    for (review, split) in comparison.reviews.iter().zip(splits) {
        let rows: Vec<&RawRow> = raw[&review.session]
            .iter()
            .filter(|r| r.themes.iter().any(|t| t == "Women's rights"))
            .copied()
            .collect();
        if raw[&review.session].iter().all(|r| r.themes.is_empty()) {
            assert_eq!(split, &None, "session {}", review.session);
        } else {
            let split = split.as_ref().expect("classified by theme");
            assert_eq!((split.accepted, split.noted), responses(&rows));
        }
    }
    // The reviews over time: one bar per review, with its cycle.
    let bars = comparison.over_time();
    assert_eq!(
        bars.iter().map(|b| b.session).collect::<Vec<u8>>(),
        sessions
    );
    assert_eq!(
        stats::cycle_spans(&bars)
            .iter()
            .map(|(cycle, _)| *cycle)
            .collect::<Vec<u8>>(),
        [1, 2, 3]
    );
}

#[test]
fn a_state_reviewed_once_or_never_has_nothing_to_compare() {
    // A State that only recommended: the Holy See is an observer.
    let holy_see = dataset()
        .find_state("Holy See")
        .expect("a recommending State");
    assert_eq!(
        stats::compare(dataset(), "Holy See"),
        Err(stats::CompareError::ReviewedOnce {
            state: holy_see,
            reviews: 0
        })
    );
}

/// The cycle of each session, from `sessions.csv`, read here.
fn raw_cycles() -> BTreeMap<u8, u8> {
    let mut reader =
        csv::Reader::from_path(common::shared_dir().join("data/sessions.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (session, cycle) = (column("session"), column("cycle"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[session].parse().unwrap(), r[cycle].parse().unwrap())
        })
        .collect()
}

#[test]
fn death_penalty_over_time_is_the_raw_files_per_session() {
    let bars = stats::over_time(dataset(), &outcome("?theme=Death+penalty"));
    let reviewed: BTreeSet<u8> = raw_rows().iter().map(|r| r.session).collect();
    // Every session that holds a review, in order, and no later one.
    assert_eq!(
        bars.iter().map(|b| b.session).collect::<Vec<u8>>(),
        reviewed.iter().copied().collect::<Vec<u8>>()
    );
    let cycles = raw_cycles();
    for bar in &bars {
        let rows: Vec<&RawRow> = raw_rows()
            .iter()
            .filter(|r| r.session == bar.session && r.themes.iter().any(|t| t == "Death penalty"))
            .collect();
        assert_eq!(
            (bar.split.accepted, bar.split.noted),
            responses(&rows),
            "session {}",
            bar.session
        );
        assert_eq!(bar.cycle, cycles[&bar.session], "session {}", bar.session);
    }
    assert!(bars
        .iter()
        .filter(|b| b.session < 27)
        .all(|b| b.split.total() > 0));
    assert_eq!(
        bars.last().unwrap().split.total(),
        0,
        "session 27 has no themes"
    );
    // The sessions whose raw rows have no theme at all are the ones the
    // chart says a theme filter cannot find anything in.
    let themeless: Vec<u8> = reviewed
        .iter()
        .copied()
        .filter(|s| {
            raw_rows()
                .iter()
                .filter(|r| r.session == *s)
                .all(|r| r.themes.iter().all(|t| t.is_empty()))
        })
        .collect();
    assert_eq!(themeless, [27]);
    let query = Query::from_search("?theme=Death+penalty").0;
    assert_eq!(
        stats::unclassified_over_time(dataset(), &query, &bars),
        [(upr_core::facet::Facet::Theme, themeless)]
    );
    assert_eq!(
        stats::unclassified_over_time(dataset(), &Query::default(), &bars),
        [],
        "no facet filter, nothing to say"
    );
    // The cycles, each a run of sessions, as the chart marks them.
    let spans = stats::cycle_spans(&bars);
    for (cycle, range) in &spans {
        assert!(bars[range.clone()].iter().all(|b| b.cycle == *cycle));
    }
    assert_eq!(
        spans.iter().map(|(c, _)| *c).collect::<Vec<u8>>(),
        cycles
            .iter()
            .filter(|(s, _)| reviewed.contains(s))
            .map(|(_, c)| *c)
            .collect::<BTreeSet<u8>>()
            .into_iter()
            .collect::<Vec<u8>>()
    );
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
