//! The importer on the real raw data and on broken input. Expected values
//! come from the source README or are worked out here from the raw files
//! (read with `common`, not with the importer).

mod common;

use common::{explorer_rows, export_2018_rows, raw_rows, shared_dir, RawExplorerRow, RawExportRow};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use upr_core::dataset::schema::Recommendation;
use upr_core::dataset::slug::slug;
use upr_core::dataset::states::canonical_name;
use upr_import::media_summary::parse;
use upr_import::{
    import, read_explorer, read_rows, read_rows_in, read_sessions, Imported, Layout, RowKind,
    SourceFile, Sources,
};

fn imported() -> &'static Imported {
    static IMPORTED: OnceLock<Imported> = OnceLock::new();
    IMPORTED.get_or_init(|| {
        import(&Sources::read(&shared_dir()).expect("shared/ is readable"))
            .expect("the real data imports")
    })
}

#[test]
fn counts_agree_with_the_source_readme() {
    let imported = imported();
    let overview = &imported.overview;
    // UPR Info's 305 reviews and 41,066 recommendations of sessions 1-20;
    // from its export of 2018, the 81 reviews of sessions 21-26 (16,621
    // rows, one an exact duplicate) and session 27's 14 reviews and 3,328.
    assert_eq!(overview.totals.reviews, 305 + 81 + 14);
    assert_eq!(overview.totals.recommendations, 41_066 + 16_620 + 3_328);
    assert_eq!(overview.totals.pledges, 947);
    // The older list's 54 themes and the 3 the 2018 export adds.
    assert_eq!(overview.themes.len(), 54 + 3);
    assert_eq!(overview.sdg_goals.len(), 17);
    assert_eq!(overview.persons.len(), 12);
    let under_review: BTreeSet<_> = overview.reviews.iter().map(|r| &r.state).collect();
    assert_eq!(under_review.len(), 193);
    // The source README says "169 recommending States plus Holy See and
    // Palestine", but its files hold 169 distinct `From` values in all:
    // 166 States, Holy See, Palestine and "(Unknown)", which is no State.
    let recommending: BTreeSet<_> = imported
        .texts
        .reviews
        .iter()
        .zip(&overview.reviews)
        .filter(|(_, summary)| summary.session <= 20)
        .flat_map(|(r, _)| &r.recommendations)
        .filter_map(|r| r.from.as_ref())
        .collect();
    assert_eq!(recommending.len(), 168);
    let per_session = |n: u8| overview.reviews.iter().filter(|r| r.session == n).count();
    assert_eq!(
        (
            per_session(8),
            per_session(12),
            per_session(15),
            per_session(17),
            per_session(11)
        ),
        (15, 17, 13, 15, 17)
    );
    assert_eq!(
        per_session(26),
        11,
        "session 26 closed the second cycle with 11 States"
    );
    assert_eq!(per_session(27), 14, "the first session of the third cycle");
}

#[test]
fn every_state_has_one_review_in_each_of_the_first_two_cycles_and_session_27s_a_third() {
    let overview = &imported().overview;
    let cycle = |session: u8| {
        overview
            .sessions
            .iter()
            .find(|s| s.number == session)
            .unwrap()
            .cycle
    };
    let mut cycles: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for review in &overview.reviews {
        cycles
            .entry(&review.state)
            .or_default()
            .push(cycle(review.session));
    }
    // The States under review in session 27, from the raw export.
    let third: BTreeSet<String> = export_2018_rows()
        .iter()
        .filter(|r| r.session() == Some(27))
        .map(|r| slug(&canonical_name(r.cell("SuR"))))
        .collect();
    assert_eq!(third.len(), 14);
    assert_eq!(cycles.len(), 193);
    for (state, mut found) in cycles {
        found.sort();
        let want = if third.contains(state) {
            vec![1, 2, 3]
        } else {
            vec![1, 2]
        };
        assert_eq!(found, want, "{state}");
    }
}

/// The Explorer rows without exact copies (every cell the same).
fn distinct_explorer_rows() -> Vec<&'static RawExplorerRow> {
    let mut seen = BTreeSet::new();
    explorer_rows()
        .iter()
        .filter(|r| seen.insert(r.cells.clone()))
        .collect()
}

/// The README's rule: from session 13 on, the report of a review is in the
/// Council session 8 after it.
fn readme_session(row: &RawExplorerRow) -> Option<u8> {
    (row.cycle() == 2).then(|| (row.council_session() - 8) as u8)
}

/// The 2018 export's rows of sessions 21-27, without exact copies (every
/// cell the same).
fn distinct_2018_rows() -> Vec<&'static RawExportRow> {
    let mut seen = BTreeSet::new();
    export_2018_rows()
        .iter()
        .filter(|r| r.session().is_some_and(|s| s >= 21) && seen.insert(r.normalised()))
        .collect()
}

#[test]
fn sessions_21_to_27_have_the_2018_exports_reviews_rows_themes_and_categories() {
    let overview = &imported().overview;
    #[derive(Default)]
    struct Session<'a> {
        states: BTreeSet<&'a str>,
        rows: usize,
        supported: usize,
        /// Theme label -> rows.
        themes: BTreeMap<&'a str, usize>,
        /// Category -> rows.
        actions: BTreeMap<u8, u32>,
        without_theme: usize,
    }
    let mut sessions: BTreeMap<u8, Session> = BTreeMap::new();
    for row in distinct_2018_rows() {
        let session = sessions.entry(row.session().unwrap()).or_default();
        session.states.insert(row.cell("SuR"));
        session.rows += 1;
        session.supported += (row.cell("Response") == "Supported") as usize;
        let labels: BTreeSet<&str> = row
            .cell("Issue")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        session.without_theme += labels.is_empty() as usize;
        for label in labels {
            *session.themes.entry(label).or_default() += 1;
        }
        *session
            .actions
            .entry(row.cell("Action").parse().unwrap())
            .or_default() += 1;
    }
    assert_eq!(
        sessions.keys().copied().collect::<Vec<_>>(),
        (21..=27).collect::<Vec<_>>()
    );
    for (number, raw) in &sessions {
        let reviews: Vec<_> = overview
            .reviews
            .iter()
            .filter(|r| r.session == *number)
            .collect();
        assert_eq!(
            reviews.len(),
            raw.states.len(),
            "reviews in session {number}"
        );
        let sum = |count: &dyn Fn(&upr_core::dataset::schema::ReviewSummary) -> u32| {
            reviews.iter().map(|r| count(r) as usize).sum::<usize>()
        };
        assert_eq!(sum(&|r| r.recommendations), raw.rows, "session {number}");
        assert_eq!(
            sum(&|r| r.accepted),
            raw.supported,
            "accepted in session {number}"
        );
        let mut themes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut actions: BTreeMap<u8, u32> = BTreeMap::new();
        for review in &reviews {
            // Counted by position in the overview's lists.
            for (theme, n) in overview.themes.iter().zip(&review.themes) {
                if *n > 0 {
                    *themes.entry(theme.label.as_str()).or_default() += *n as usize;
                }
            }
            for (action, n) in (1..=5).zip(&review.actions) {
                if *n > 0 {
                    *actions.entry(action).or_default() += n;
                }
            }
        }
        assert_eq!(
            themes, raw.themes,
            "themes in session {number}, by the 2018 labels"
        );
        assert_eq!(
            actions, raw.actions,
            "action categories in session {number}"
        );
        if *number == 27 {
            assert_eq!(
                raw.without_theme, raw.rows,
                "the source has no themes for session 27"
            );
            assert!(reviews
                .iter()
                .all(|r| !r.themes_classified && !r.sdg_classified));
        } else {
            assert_eq!(
                raw.without_theme, 0,
                "session {number} has a theme on every row"
            );
            assert!(reviews
                .iter()
                .all(|r| r.themes_classified && r.sdg_classified));
        }
    }
    assert_eq!(
        sessions.values().map(|s| s.states.len()).sum::<usize>(),
        81 + 14
    );
    assert!(overview
        .reviews
        .iter()
        .filter(|r| r.session <= 20)
        .all(|r| r.themes_classified && r.sdg_classified));
}

#[test]
fn the_exact_duplicates_are_dropped_and_reported() {
    let mut seen: BTreeMap<&Vec<String>, u32> = BTreeMap::new();
    let mut copies = Vec::new();
    for row in explorer_rows() {
        if let Some(first) = seen.insert(&row.cells, row.row) {
            copies.push((
                row.get("Recommendation"),
                row.get("Document"),
                first,
                row.row,
            ));
        }
    }
    assert_eq!(copies.len(), 1, "{copies:?}");
    let (state, document, first, copy) = copies[0];
    assert_eq!(
        (state, document),
        ("Montenegro", "Source:A/HRC/23/12|117.42|")
    );
    let dropped: Vec<&String> = imported()
        .report
        .iter()
        .filter(|l| l.contains("exact duplicate"))
        .collect();
    assert_eq!(dropped.len(), 2, "{dropped:?}");
    assert!(
        dropped.iter().any(|l| l.contains(&format!("row {copy} repeats row {first}"))
            && l.contains("117.42")),
        "{dropped:?}"
    );

    // The 2018 export's copy in the sessions it gives (21-27), which the
    // Explorer holds once.
    let mut seen: BTreeMap<Vec<String>, &RawExportRow> = BTreeMap::new();
    let mut copies = Vec::new();
    for row in export_2018_rows()
        .iter()
        .filter(|r| r.session().is_some_and(|s| s >= 21))
    {
        if let Some(first) = seen.insert(row.normalised(), row) {
            copies.push((first, row));
        }
    }
    assert_eq!(copies.len(), 1);
    let (first, copy) = copies[0];
    assert_eq!(
        (copy.cell("SuR"), copy.cell("RS"), copy.session()),
        ("Tajikistan", "Paraguay", Some(25))
    );
    assert!(copy
        .cell("Recommendation")
        .contains("Optional Protocol to the Convention against Torture"));
    assert!(
        dropped.iter().any(|l| l.contains(&format!(
            "{}:{} repeats data/upr-info-2018/{}:{}",
            copy.file, copy.line, first.file, first.line
        ))),
        "{dropped:?}"
    );
    // The card shows it once.
    let review = imported()
        .texts
        .reviews
        .iter()
        .find(|r| r.id == "tajikistan-s25")
        .expect("Tajikistan's review of session 25");
    let text = copy
        .cell("Recommendation")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        review
            .recommendations
            .iter()
            .filter(|r| r.text == text && r.from.as_deref() == Some("paraguay"))
            .count(),
        1
    );
}

/// Each recommendation with the session of its review.
fn recommendations() -> impl Iterator<Item = (u8, &'static str, &'static Recommendation)> {
    let imported = imported();
    imported
        .overview
        .reviews
        .iter()
        .zip(&imported.texts.reviews)
        .flat_map(|(summary, texts)| {
            texts
                .recommendations
                .iter()
                .map(move |r| (summary.session, summary.state.as_str(), r))
        })
}

#[test]
fn sessions_follow_the_report_symbols() {
    let mut checked = 0;
    for (session, state, r) in recommendations() {
        let Some(document) = &r.document else {
            continue;
        };
        let council: u8 = document
            .trim_start_matches("A/HRC/")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        if session >= 13 {
            assert_eq!(session, council - 8, "{state} {document}");
        } else if council == 8 {
            assert!(
                session <= 2,
                "A/HRC/8 holds sessions 1 and 2, not {session} ({state})"
            );
        }
        checked += 1;
    }
    assert!(checked > 50_000, "{checked}");
}

#[test]
fn the_explorer_rows_match_97_percent_in_sessions_1_to_20_and_99_in_21_to_26() {
    // Unmatched rows per session, from the report of them.
    let mut unmatched: BTreeMap<u8, usize> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(imported().unmatched.as_bytes());
    assert_eq!(&reader.headers().unwrap()[4], "session");
    for record in reader.records() {
        *unmatched
            .entry(record.unwrap()[4].parse().unwrap())
            .or_default() += 1;
    }
    for (range, at_least) in [(1..=20u8, 0.97), (21..=26, 0.99)] {
        let rows = distinct_explorer_rows()
            .into_iter()
            .filter(|r| match readme_session(r) {
                Some(s) => range.contains(&s),
                None => *range.start() == 1,
            })
            .count();
        let missed: usize = range.clone().filter_map(|s| unmatched.get(&s)).sum();
        let rate = (rows - missed) as f64 / rows as f64;
        assert!(rate >= at_least, "sessions {range:?}: {rate}");
        // The importer prints it per range of sessions.
        let line = format!(
            "sessions {}-{}: {} of {rows} Explorer rows matched",
            range.start(),
            range.end(),
            rows - missed
        );
        assert!(
            imported().report.iter().any(|l| l.starts_with(&line)),
            "{line:?} in {:#?}",
            imported().report
        );
    }
    // And the match carries the links: the README's count of cycle-2 rows
    // with no SDG link leaves the rest linked, in both sessions 13-20 and 21-26.
    let linked_rows = explorer_rows()
        .iter()
        .filter(|r| r.get("Goals") != "No SDG link identified" && !r.get("Goals").is_empty())
        .count();
    let linked: usize = recommendations()
        .filter(|(_, _, r)| !r.sdg_goals.is_empty())
        .count();
    assert!(
        linked as f64 >= 0.97 * linked_rows as f64 - 1.0 && linked <= linked_rows,
        "{linked} of {linked_rows}"
    );
}

/// Goal numbers the independent way: every comma-separated piece that
/// starts with digits and ". " starts a goal; other pieces are the rest of
/// a name.
fn goal_numbers(cell: &str) -> BTreeSet<u8> {
    cell.split(',')
        .filter_map(|piece| {
            let (number, rest) = piece.split_once(". ")?;
            number.parse().ok().filter(|_| !rest.is_empty())
        })
        .collect()
}

const GROUPS: [&str; 12] = [
    "Women and girls",
    "Children",
    "Youth",
    "Older persons",
    "Persons with disabilities",
    "Members of minorities",
    "Indigenous peoples",
    "Migrants",
    "Refugees and asylum-seekers",
    "Internally displaced persons",
    "Human rights defenders",
    "LGBTI",
];

/// Lower-case ASCII letters and digits: what the Explorer's texts, which
/// lost their accented letters, and UPR Info's have in common.
fn letters_and_digits(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The Explorer's rows of sessions 21-26, each with the UPR Info
/// recommendation that carries its links: same review's report, same
/// recommending State, same letters and digits. In this data every row
/// has one, and no recommendation has two rows.
fn explorer_rows_21_to_26() -> Vec<(&'static RawExplorerRow, &'static Recommendation)> {
    type Key = (String, Option<String>, Option<String>, String);
    let mut by_citation: BTreeMap<Key, Vec<&Recommendation>> = BTreeMap::new();
    for (_, _, r) in recommendations().filter(|(s, _, _)| (21..=26).contains(s)) {
        if let Some(document) = &r.document {
            by_citation
                .entry((
                    document.clone(),
                    r.paragraph.clone(),
                    r.from.clone(),
                    letters_and_digits(&r.text),
                ))
                .or_default()
                .push(r);
        }
    }
    let mut pairs = Vec::new();
    for row in distinct_explorer_rows()
        .into_iter()
        .filter(|r| readme_session(r).is_some_and(|s| s >= 21))
    {
        let cell = row.get("Document").trim_start_matches("Source:");
        let mut parts = cell.split('|');
        let document = parts.next().unwrap().to_owned();
        let paragraph = parts
            .next()
            .filter(|p| !p.is_empty())
            .map(|p| p.trim_end_matches('.').to_owned());
        // The recommending State's id: the importer's spelling table is
        // not what these tests check.
        let from = slug(&canonical_name(row.get("Recommending state")));
        let found = by_citation
            .get(&(
                document.clone(),
                paragraph.clone(),
                Some(from),
                letters_and_digits(row.get("Tekst")),
            ))
            .unwrap_or_else(|| {
                panic!(
                    "{}:{} {document} {paragraph:?} has no recommendation",
                    row.file, row.row
                )
            });
        assert_eq!(found.len(), 1, "{}:{}", row.file, row.row);
        pairs.push((row, found[0]));
    }
    pairs
}

#[test]
fn goals_split_before_each_number_and_keep_commas_in_names() {
    let goals = &imported().overview.sdg_goals;
    assert_eq!(
        goals
            .iter()
            .find(|g| g.number == 16)
            .map(|g| g.name.as_str()),
        Some("Peace, justice and strong institutions")
    );
    assert_eq!(
        goals
            .iter()
            .find(|g| g.number == 9)
            .map(|g| g.name.as_str()),
        Some("Industry, innovation and infrastructure")
    );
    let mut several = 0;
    for (row, r) in explorer_rows_21_to_26() {
        let want = goal_numbers(row.get("Goals"));
        several += (want.len() > 1) as usize;
        assert_eq!(
            r.sdg_goals.iter().copied().collect::<BTreeSet<u8>>(),
            want,
            "{}:{} {:?}",
            row.file,
            row.row,
            row.get("Goals")
        );
    }
    assert!(several > 100, "rows with several goals: {several}");
}

#[test]
fn run_together_groups_of_persons_are_split() {
    let mut run_together = 0;
    for (row, r) in explorer_rows_21_to_26() {
        let cell = row.get("Keywords");
        let want: BTreeSet<String> = GROUPS
            .iter()
            .filter(|g| cell.contains(*g))
            .map(|g| g.to_lowercase().replace(' ', "-"))
            .collect();
        run_together += (want.len() > 1) as usize;
        assert_eq!(
            r.persons.iter().cloned().collect::<BTreeSet<_>>(),
            want,
            "{}:{} {cell:?}",
            row.file,
            row.row
        );
    }
    assert!(
        run_together > 100,
        "cells with several groups: {run_together}"
    );
}

#[test]
fn a_lone_numeric_target_that_may_be_a_tenth_is_ambiguous() {
    let (mut ambiguous, mut exact_tenths) = (0, 0);
    for (row, r) in explorer_rows_21_to_26() {
        match row.numeric_target {
            Some(value) => {
                let shortest = value.to_string();
                let tenth_exists = ["8.1", "16.1", "17.1"].contains(&shortest.as_str());
                let want = if tenth_exists {
                    format!("{shortest}|{shortest}0")
                } else {
                    shortest
                };
                ambiguous += tenth_exists as usize;
                assert_eq!(r.sdg_targets, vec![want], "{}:{}", row.file, row.row);
            }
            None => {
                let listed: Vec<String> = row
                    .get("Targets")
                    .split(',')
                    .map(|t| t.trim().to_lowercase())
                    .filter(|t| !t.is_empty())
                    .collect();
                exact_tenths += listed.iter().filter(|t| t.ends_with(".10")).count();
                assert_eq!(r.sdg_targets, listed, "{}:{}", row.file, row.row);
            }
        }
    }
    assert!(
        ambiguous > 100 && exact_tenths > 0,
        "{ambiguous} ambiguous, {exact_tenths} written out"
    );
    // Anywhere, 16.1 (8.1, 17.1) is certain only where a list wrote it as text.
    let tenth_ones = ["8.1", "16.1", "17.1"];
    let certain: BTreeSet<&str> = recommendations()
        .flat_map(|(_, _, r)| &r.sdg_targets)
        .map(String::as_str)
        .filter(|t| tenth_ones.contains(t))
        .collect();
    let written: BTreeSet<&str> = explorer_rows()
        .iter()
        .filter(|r| r.numeric_target.is_none())
        .flat_map(|r| r.get("Targets").split(',').map(str::trim))
        .filter(|t| tenth_ones.contains(t))
        .collect();
    assert_eq!(certain, written);
}

#[test]
fn explorer_rows_add_report_and_paragraph_to_upr_infos_classified_recommendations() {
    for (row, r) in explorer_rows_21_to_26() {
        assert!(r
            .document
            .as_deref()
            .is_some_and(|d| row.get("Document").contains(d)));
        // UPR Info is the reference: its themes and category stay.
        assert!(
            r.action.is_some() && !r.themes.is_empty(),
            "{}:{}: UPR Info's category and themes",
            row.file,
            row.row
        );
    }
    let cited = |range: std::ops::RangeInclusive<u8>| {
        let all = recommendations()
            .filter(|(s, _, _)| range.contains(s))
            .count();
        let cited = recommendations()
            .filter(|(s, _, r)| range.contains(s) && r.document.is_some())
            .count();
        cited as f64 / all as f64
    };
    assert!(cited(1..=20) >= 0.9, "{}", cited(1..=20));
    assert!(cited(21..=26) >= 0.99, "{}", cited(21..=26));
    assert_eq!(cited(27..=27), 0.0, "the Explorer has no session 27");
    let example = recommendations().find(|(_, _, r)| {
        r.document.as_deref() == Some("A/HRC/33/13") && r.paragraph.as_deref() == Some("135.61")
    });
    assert!(example.is_some(), "the README's example citation");
}

#[test]
fn kazakhstan_has_both_reviews_with_members_and_observers() {
    let overview = &imported().overview;
    let review = |id: &str| {
        overview
            .reviews
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let s7 = review("kazakhstan-s7");
    assert_eq!((s7.recommendations, s7.participation.states), (129, 45));
    assert_eq!(
        (s7.participation.members, s7.participation.observers),
        (21, 24)
    );
    let s20 = review("kazakhstan-s20");
    assert_eq!((s20.recommendations, s20.participation.states), (198, 71));
    let media = s7
        .media_summary
        .as_ref()
        .expect("the seed is attached to session 7");
    let counted = media.states_taking_part.expect("its own counts are kept");
    assert_eq!((counted.members, counted.observers), (25, 29));
    assert_eq!(media.review_date, "2010-02-12");
    assert_eq!(
        media.adoption.as_ref().map(|a| a.date.as_str()),
        Some("2010-02-16")
    );
    assert!(s20.media_summary.is_none());
}

#[test]
fn unknown_recommenders_stay_unknown_and_do_not_participate() {
    let imported = imported();
    let unknown: u32 = imported
        .overview
        .reviews
        .iter()
        .map(|r| r.unknown_recommender)
        .sum();
    assert_eq!(unknown, 9);
    let nulls = imported
        .texts
        .reviews
        .iter()
        .flat_map(|r| &r.recommendations)
        .filter(|r| r.from.is_none())
        .count();
    assert_eq!(nulls, 9);
    assert!(imported
        .overview
        .states
        .iter()
        .all(|s| !s.name.contains("Unknown") && !s.id.contains("40")));
}

#[test]
fn spellings_of_one_state_become_one_state() {
    let overview = &imported().overview;
    let names: Vec<&str> = overview.states.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"Bosnia and Herzegovina"));
    assert!(!names.iter().any(|n| n.contains('&')));
    let holy_see = overview
        .states
        .iter()
        .find(|s| s.name == "Holy See")
        .expect("Holy See recommends");
    assert_eq!(holy_see.region, None);
}

#[test]
fn texts_lose_their_stray_spaces() {
    let texts = &imported().texts;
    let all = texts.reviews.iter().flat_map(|r| &r.recommendations);
    for r in all {
        assert_eq!(r.text, r.text.trim());
        assert!(!r.text.contains("  "), "{:?}", r.text);
    }
}

#[test]
fn the_2018_exports_quirks_are_read_as_the_readme_says() {
    let rows = export_2018_rows();
    // 56 theme labels, each a theme of the data under its current label.
    let labels: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.cell("Issue").split(','))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(labels.len(), 56);
    let data_labels: BTreeSet<&str> = imported()
        .overview
        .themes
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert!(
        labels.is_subset(&data_labels),
        "{:?}",
        labels.difference(&data_labels)
    );

    // State names with a line break inside their cell.
    let broken: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| [&r.cells[0], &r.cells[4]])
        .filter(|c| c.contains('\n'))
        .map(|c| c.trim())
        .collect();
    assert_eq!(
        broken,
        BTreeSet::from(["Bosnia and Herzegovina", "Trinidad and Tobago"])
    );
    // One State per id, whichever way each export spells it (`&` spelt
    // `and`, `Czechia`): its recommendations, made and received, are those
    // of the raw rows under either spelling.
    let older = common::raw_rows().iter().filter(|r| r.session <= 20);
    let newer = distinct_2018_rows();
    let mut raw: BTreeMap<&str, usize> = BTreeMap::new();
    for (to, from) in older
        .map(|r| (r.to.trim(), r.from.trim()))
        .chain(newer.iter().map(|r| (r.cell("SuR"), r.cell("RS"))))
    {
        *raw.entry(to).or_default() += 1;
        *raw.entry(from).or_default() += 1;
    }
    let mut written: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, state, r) in recommendations() {
        *written.entry(state).or_default() += 1;
        if let Some(from) = &r.from {
            *written.entry(from.as_str()).or_default() += 1;
        }
    }
    for (id, spellings) in [
        ("czech-republic", ["Czech Republic", "Czechia"]),
        (
            "antigua-and-barbuda",
            ["Antigua & Barbuda", "Antigua and Barbuda"],
        ),
        (
            "bosnia-and-herzegovina",
            ["Bosnia & Herzegovina", "Bosnia and Herzegovina"],
        ),
        (
            "trinidad-and-tobago",
            ["Trinidad & Tobago", "Trinidad and Tobago"],
        ),
    ] {
        assert!(
            spellings.iter().all(|s| raw.contains_key(s)),
            "{spellings:?} both met"
        );
        assert_eq!(
            written[id],
            spellings.iter().map(|s| raw[s]).sum::<usize>(),
            "{id}"
        );
    }
    assert!(imported()
        .overview
        .states
        .iter()
        .all(|s| !s.name.contains('\n') && !s.name.contains('&')));

    // Rows end in CRLF (`split_export_2018` checks it); the line breaks
    // inside quoted cells are in the names alone, LF or CRLF, hundreds of
    // them, each of which the card shows as the one State above.
    let mut breaks: BTreeMap<(usize, bool), usize> = BTreeMap::new();
    for row in rows {
        for (column, cell) in row.cells.iter().enumerate() {
            if cell.contains('\n') {
                *breaks.entry((column, cell.contains("\r\n"))).or_default() += 1;
            }
        }
    }
    assert_eq!(
        breaks
            .keys()
            .map(|(column, _)| *column)
            .collect::<BTreeSet<_>>(),
        BTreeSet::from([0, 4]),
        "SuR and RS"
    );
    assert!(breaks.contains_key(&(4, true)) && breaks.contains_key(&(4, false)));
    assert!(breaks.values().sum::<usize>() > 100, "{breaks:?}");

    // The row without a session: session 5 in `upr-info/`, reported with
    // its place, not imported twice.
    let without: Vec<&RawExportRow> = rows.iter().filter(|r| r.session().is_none()).collect();
    assert_eq!(without.len(), 1);
    let row = without[0];
    assert_eq!(
        (row.cell("SuR"), row.cell("RS")),
        ("Afghanistan", "United Kingdom")
    );
    assert!(row
        .cell("Recommendation")
        .starts_with("Enact, with immediate effect, the new Media Law"));
    let place = format!("data/upr-info-2018/{}:{}", row.file, row.line);
    assert!(
        imported()
            .report
            .iter()
            .any(|l| l.contains("without a session") && l.contains(&place)),
        "{place} in {:#?}",
        imported().report
    );
    let key = letters_and_digits(row.cell("Recommendation"));
    let in_session_5 = recommendations()
        .filter(|(session, state, r)| {
            *session == 5
                && *state == "afghanistan"
                && r.from.as_deref() == Some("united-kingdom")
                && letters_and_digits(&r.text) == key
        })
        .count();
    assert_eq!(in_session_5, 1, "once, from upr-info/");
}

#[test]
fn sessions_1_to_20_of_the_two_exports_agree_per_session_but_for_two_rows() {
    let older: Vec<&common::RawRow> = raw_rows().iter().filter(|r| r.session <= 20).collect();
    let per_session = |sessions: Vec<u8>| {
        let mut counts: BTreeMap<u8, usize> = BTreeMap::new();
        for s in sessions {
            *counts.entry(s).or_default() += 1;
        }
        counts
    };
    let older_counts = per_session(older.iter().map(|r| r.session).collect());
    let newer_counts = per_session(
        export_2018_rows()
            .iter()
            .filter_map(|r| r.session())
            .filter(|s| *s <= 20)
            .collect(),
    );
    let differing: Vec<u8> = (1..=20)
        .filter(|s| older_counts.get(s) != newer_counts.get(s))
        .collect();
    assert_eq!(differing, [5, 8]);
    for session in [5, 8] {
        assert_eq!(
            older_counts[&session],
            newer_counts[&session] + 1,
            "session {session}"
        );
    }
    // Session 5's is the 2018 export's row without a session; session 8's a
    // Lesotho recommendation `upr-info/` has once more than the 2018 export.
    let lesotho = |text: &str| {
        text.starts_with(
            "Integrate the various regional and international human rights instruments",
        )
    };
    let in_older = older
        .iter()
        .filter(|r| r.session == 8 && r.to == "Lesotho" && lesotho(&r.text))
        .count();
    let in_newer = export_2018_rows()
        .iter()
        .filter(|r| {
            r.session() == Some(8)
                && r.cell("SuR") == "Lesotho"
                && lesotho(r.cell("Recommendation"))
        })
        .count();
    assert_eq!(in_older, in_newer + 1);
    // The importer says the same.
    let line = format!(
        "except session 5: {} here, {} there; session 8: {} here, {} there",
        newer_counts[&5], older_counts[&5], newer_counts[&8], older_counts[&8]
    );
    assert!(
        imported().report.iter().any(|l| l.ends_with(&line)),
        "{line:?} in {:#?}",
        imported().report
    );
}

/// A file of UPR Info's 2018 layout: a byte-order mark, `;`, CRLF.
fn export_2018(rows: &[&str]) -> String {
    let mut text = String::from(
        "\u{feff}SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session\r\n",
    );
    for row in rows {
        text.push_str(row);
        text.push_str("\r\n");
    }
    text
}

const ROW_2018: &str = "\"Bosnia and Herzegovina\n\";EEG;;\"Ratify the OP-CAT;\nand report\";Czechia;EEG;EU;Supported;5;\"National Human Rights Institution,Torture and other CID treatment\";25";

#[test]
fn the_2018_layout_reads_and_a_row_it_does_not_understand_names_file_line_and_value() {
    let read = |rows: &[&str]| {
        read_rows_in(
            Layout::Export2018,
            "25-27.csv",
            &export_2018(rows),
            RowKind::Recommendation,
            25..=27,
        )
        .map_err(|e| e.to_string())
    };
    let good = read(&[ROW_2018, &ROW_2018.replace(";25", ";")]).expect("reads");
    assert_eq!(good.rows.len(), 1);
    let row = &good.rows[0];
    assert_eq!(row.to.name, "Bosnia and Herzegovina");
    assert_eq!(
        row.from.as_ref().map(|f| f.name.as_str()),
        Some("Czech Republic")
    );
    assert_eq!(row.text, "Ratify the OP-CAT; and report");
    assert_eq!(
        row.response,
        Some(upr_core::dataset::schema::Response::Accepted)
    );
    assert_eq!(
        row.themes.iter().map(|t| t.id()).collect::<Vec<_>>(),
        ["nhri", "torture-and-other-cid-treatment"]
    );
    // The row after one with line breaks in two cells is on line 5.
    assert_eq!(good.without_session.len(), 1);
    assert_eq!(good.without_session[0].line, 5);

    for (bad, says) in [
        (
            ROW_2018.replace("Supported", "Accepted"),
            "Response \"Accepted\"",
        ),
        (
            ROW_2018.replace("National Human Rights Institution", "NHRI"),
            "Issue \"NHRI\"",
        ),
        (ROW_2018.replace(";5;", ";6;"), "Action \"6\""),
        (ROW_2018.replace(";25", ";24"), "Session \"24\""),
        (
            ROW_2018.replace(";EEG;EU;", ";Europe;EU;"),
            "Rgrp (of the RS) \"Europe\"",
        ),
    ] {
        let err = read(&[ROW_2018, &bad]).unwrap_err();
        assert!(
            err.starts_with("25-27.csv:5:") && err.contains(says),
            "{err}"
        );
    }
    let err = read(&[&ROW_2018.replacen(';', ",", 1)]).unwrap_err();
    assert!(err.starts_with("25-27.csv:2:"), "{err}");

    // A row without a session in a file whose sessions are imported stops
    // the import: its review cannot be told.
    let mut sources = Sources::read(&shared_dir()).expect("shared/ is readable");
    sources.upr_info_2018 = vec![SourceFile {
        name: "made/25-27-export.csv".into(),
        content: export_2018(&[ROW_2018, &ROW_2018.replace(";25", ";")]),
    }];
    let err = match import(&sources) {
        Ok(_) => panic!("a row without a session of session 25-27 imports"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.starts_with("made/25-27-export.csv:5:") && err.contains("Session is empty"),
        "{err}"
    );
}

const HEADER: &str =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n";
const GOOD: &str = "Kazakhstan,Asia,\"CIS, OIC\",Abolish the death penalty.,France,WEOG,\"EU, OIF\",Accepted,5,Death penalty,7\n";

fn read(content: &str) -> Result<usize, String> {
    read_rows("test.csv", content, RowKind::Recommendation, 6..=9)
        .map(|r| r.len())
        .map_err(|e| e.to_string())
}

#[test]
fn a_good_row_reads() {
    assert_eq!(read(&format!("{HEADER}{GOOD}")), Ok(1));
}

#[test]
fn a_wrong_column_is_refused_at_the_header() {
    let err = read(&HEADER.replace("Response", "Answer")).unwrap_err();
    assert!(
        err.starts_with("test.csv:1:") && err.contains("Answer"),
        "{err}"
    );
}

#[test]
fn a_bad_response_names_file_line_and_value() {
    let err = read(&format!(
        "{HEADER}{GOOD}{}",
        GOOD.replace("Accepted", "Maybe")
    ))
    .unwrap_err();
    assert!(
        err.starts_with("test.csv:3:") && err.contains("\"Maybe\""),
        "{err}"
    );
}

#[test]
fn a_session_outside_the_file_is_refused() {
    let err = read(&format!("{HEADER}{}", GOOD.replace(",7\n", ",12\n"))).unwrap_err();
    assert!(
        err.starts_with("test.csv:2:") && err.contains("Session \"12\""),
        "{err}"
    );
}

#[test]
fn broken_quoting_is_refused_with_its_line() {
    let broken = GOOD.replace("\"CIS, OIC\"", "\"CIS, OIC");
    let err = read(&format!("{HEADER}{GOOD}{broken}")).unwrap_err();
    assert!(err.starts_with("test.csv:3:"), "{err}");
}

#[test]
fn an_unknown_theme_is_refused() {
    let err = read(&format!(
        "{HEADER}{}",
        GOOD.replace("Death penalty", "\"Death penalty,Space law\"")
    ))
    .unwrap_err();
    assert!(
        err.contains("\"Space law\"") && err.starts_with("test.csv:2:"),
        "{err}"
    );
}

#[test]
fn a_bad_action_is_refused() {
    let err = read(&format!("{HEADER}{}", GOOD.replace(",5,", ",7,"))).unwrap_err();
    assert!(err.contains("Action \"7\""), "{err}");
}

#[test]
fn sessions_must_follow_the_cycle_rule() {
    let err = read_sessions(
        "sessions.csv",
        "session,cycle,start,end\n1,2,2008-04-07,2008-04-18\n",
    )
    .unwrap_err();
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
    assert_eq!(
        summary.delegation.head.as_deref(),
        Some("the Deputy Prime Minister, H.E. Mr. Yerbol Orynbayev")
    );
    assert_eq!(
        summary.delegation.presented_by.as_deref(),
        Some("H.E. Mr. Yerbol Orynbayev")
    );
    assert_eq!(summary.national_report.len(), 9);
    let counts = summary.states_taking_part.unwrap();
    assert_eq!((counts.members, counts.observers), (25, 29));
    assert_eq!(summary.positive_achievements.len(), 6);
    assert_eq!(summary.issues_raised.len(), 9);
    assert_eq!(
        summary.recommendations.len(),
        10,
        "the headless list after the issues"
    );
    assert_eq!(summary.recommendations[7], "Abolish death penalty.");
    assert_eq!(summary.response.len(), 4);
    let adoption = summary.adoption.unwrap();
    assert_eq!((adoption.day.day, adoption.day.month), (16, 2));
    assert_eq!(
        (adoption.start.as_deref(), adoption.end.as_deref()),
        (Some("12:00"), Some("12:30"))
    );
    assert!(
        summary.unrecognised.is_empty(),
        "{:?}",
        summary.unrecognised
    );
}

#[test]
fn navigation_text_is_not_data() {
    let text = "Date: Monday 3 May\nCountry under review: FRANCE\nPositive achievements\n  • One.\nMore information\n  • Not an achievement.\nFollow us\n";
    let summary = parse(text).unwrap();
    assert_eq!(summary.positive_achievements, vec!["One.".to_owned()]);
}

#[test]
fn a_summary_without_a_date_is_refused() {
    assert!(parse("Country under review: FRANCE\n")
        .unwrap_err()
        .to_string()
        .contains("Date"));
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
    assert_eq!(
        summary.adoption.map(|a| (a.day.day, a.day.month)),
        Some((7, 5))
    );
}

/// A minimal .xlsx (a zip of stored entries, cells as inline strings), so
/// that the reader's errors can be checked on a spreadsheet made to fail.
fn xlsx(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= *byte as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let cells: String = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    format!(
                        r#"<c r="{}{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        (b'A' + c as u8) as char,
                        r + 1,
                        escape(v)
                    )
                })
                .collect();
            format!(r#"<row r="{}">{cells}</row>"#, r + 1)
        })
        .collect();
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files = [
        (
            "[Content_Types].xml".to_owned(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>"#
            ),
        ),
    ];
    let (mut zip, mut central) = (Vec::new(), Vec::new());
    for (name, content) in &files {
        let (name, data) = (name.as_bytes(), content.as_bytes());
        let offset = zip.len() as u32;
        let sizes = [crc32(data), data.len() as u32, data.len() as u32];
        zip.extend(0x0403_4b50u32.to_le_bytes());
        zip.extend([20u16, 0, 0, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        zip.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        zip.extend([name.len() as u16, 0].iter().flat_map(|v| v.to_le_bytes()));
        zip.extend(name);
        zip.extend(data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend([20u16, 20, 0, 0, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        central.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        central.extend(
            [name.len() as u16, 0, 0, 0, 0]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        central.extend([0u32, offset].iter().flat_map(|v| v.to_le_bytes()));
        central.extend(name);
    }
    let (central_offset, central_size) = (zip.len() as u32, central.len() as u32);
    zip.extend(central);
    zip.extend(0x0605_4b50u32.to_le_bytes());
    zip.extend(
        [0u16, 0, files.len() as u16, files.len() as u16]
            .iter()
            .flat_map(|v| v.to_le_bytes()),
    );
    zip.extend(
        [central_size, central_offset]
            .iter()
            .flat_map(|v| v.to_le_bytes()),
    );
    zip.extend(0u16.to_le_bytes());
    zip
}

const EXPLORER_ROW: [&str; 13] = [
    "16. Peace, justice and strong institutions,5. Gender equality",
    "Kazakhstan",
    "Abolish the death penalty.",
    "16.3, 5.2",
    "Women and girlsChildren",
    "Supported",
    "France",
    "(Universal Periodic Review)",
    "",
    "",
    "Recommendation",
    "2010 Cycle 1",
    "Source:A/HRC/14/10|93.28|",
];

#[test]
fn an_explorer_export_reads_and_a_bad_cell_names_file_sheet_row_and_column() {
    let good = read_explorer(
        "made.xlsx",
        &xlsx("Explorer", &[&common::EXPLORER_HEADER, &EXPLORER_ROW]),
    )
    .expect("reads");
    assert_eq!(good.len(), 1);
    assert_eq!(
        good[0].goals.iter().map(|g| g.0).collect::<Vec<_>>(),
        vec![16, 5]
    );
    assert_eq!(
        (good[0].document.as_str(), good[0].paragraph.as_deref()),
        ("A/HRC/14/10", Some("93.28"))
    );

    let mut bad = EXPLORER_ROW;
    bad[4] = "Women and girlsFarmers";
    let err = read_explorer(
        "made.xlsx",
        &xlsx("Explorer", &[&common::EXPLORER_HEADER, &EXPLORER_ROW, &bad]),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("made.xlsx, sheet Explorer, row 3, column Keywords:")
            && err.contains("\"Farmers\""),
        "{err}"
    );

    bad = EXPLORER_ROW;
    bad[5] = "Maybe";
    let err = read_explorer(
        "made.xlsx",
        &xlsx("Explorer", &[&common::EXPLORER_HEADER, &bad]),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("made.xlsx, sheet Explorer, row 2, column Response:"),
        "{err}"
    );

    let err = read_explorer("made.xlsx", &xlsx("Sheet1", &[&common::EXPLORER_HEADER]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("made.xlsx")
            && err.contains("no sheet \"Explorer\"")
            && err.contains("Sheet1"),
        "{err}"
    );

    let mut header = common::EXPLORER_HEADER;
    header[2] = "Text";
    let err = read_explorer("made.xlsx", &xlsx("Explorer", &[&header]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("made.xlsx, sheet Explorer") && err.contains("Tekst"),
        "{err}"
    );

    let err = read_explorer("made.xlsx", b"not a spreadsheet")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("made.xlsx:"), "{err}");
}
