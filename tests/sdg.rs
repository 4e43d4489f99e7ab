//! The SDG goals and groups of persons (issue 13): filters, their live
//! counts, the address bar, the exports and the colours. Every expected
//! number is worked out here from the bundled JSON files read as plain
//! `serde_json::Value`s, without the loader, the filter or the facets.

mod common;

use common::{data_file, dataset};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use upr_core::export::{rows, to_csv, to_json, CSV_HEADER};
use upr_core::facet::Facet;
use upr_core::filter::apply;
use upr_core::query::{Grouping, Query};

/// One recommendation as the files have it.
struct Raw {
    review: String,
    session: u64,
    response: String,
    themes: BTreeSet<String>,
    goals: BTreeSet<u64>,
    targets: Vec<String>,
    /// Person-group labels (the files hold ids; the overview names them).
    persons: BTreeSet<String>,
    document: Option<String>,
    paragraph: Option<String>,
}

fn overview() -> &'static Value {
    static OVERVIEW: OnceLock<Value> = OnceLock::new();
    OVERVIEW.get_or_init(|| {
        serde_json::from_str(&data_file("overview.json")).expect("overview.json is JSON")
    })
}

fn raw() -> &'static [Raw] {
    static RAW: OnceLock<Vec<Raw>> = OnceLock::new();
    RAW.get_or_init(|| {
        let texts: Value = serde_json::from_str(&data_file("recommendations.json"))
            .expect("recommendations.json is JSON");
        let labels: BTreeMap<&str, &str> = overview()["persons"]
            .as_array()
            .expect("persons")
            .iter()
            .map(|p| (p["id"].as_str().unwrap(), p["label"].as_str().unwrap()))
            .collect();
        let theme_labels: BTreeMap<&str, &str> = overview()["themes"]
            .as_array()
            .expect("themes")
            .iter()
            .map(|t| (t["id"].as_str().unwrap(), t["label"].as_str().unwrap()))
            .collect();
        let sessions: BTreeMap<&str, u64> = overview()["reviews"]
            .as_array()
            .expect("reviews")
            .iter()
            .map(|r| (r["id"].as_str().unwrap(), r["session"].as_u64().unwrap()))
            .collect();
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for review in texts["reviews"].as_array().expect("reviews") {
            let id = review["id"].as_str().unwrap();
            for r in review["recommendations"]
                .as_array()
                .expect("recommendations")
            {
                out.push(Raw {
                    review: id.to_owned(),
                    session: sessions[id],
                    response: r["response"].as_str().unwrap().to_owned(),
                    themes: strings(&r["themes"])
                        .iter()
                        .map(|t| theme_labels[t.as_str()].to_owned())
                        .collect(),
                    goals: r["sdg_goals"]
                        .as_array()
                        .map(|a| a.iter().map(|g| g.as_u64().unwrap()).collect())
                        .unwrap_or_default(),
                    targets: strings(&r["sdg_targets"]),
                    persons: strings(&r["persons"])
                        .iter()
                        .map(|p| labels[p.as_str()].to_owned())
                        .collect(),
                    document: r["document"].as_str().map(str::to_owned),
                    paragraph: r["paragraph"].as_str().map(str::to_owned),
                });
            }
        }
        out
    })
}

/// (matching reviews, passing recommendations) for a predicate.
fn expected(passes: impl Fn(&Raw) -> bool) -> (usize, usize) {
    let passing: Vec<&Raw> = raw().iter().filter(|r| passes(r)).collect();
    let reviews: BTreeSet<&str> = passing.iter().map(|r| r.review.as_str()).collect();
    (reviews.len(), passing.len())
}

fn outcome(search: &str) -> upr_core::filter::Outcome {
    let (query, warnings) = Query::from_search(search);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (outcome, warnings) = apply(dataset(), &query);
    assert!(warnings.is_empty(), "{warnings:?}");
    outcome
}

fn actual(search: &str) -> (usize, usize) {
    let outcome = outcome(search);
    (outcome.reviews.len(), outcome.recommendations as usize)
}

#[test]
fn goal_and_group_of_persons_select_recommendations() {
    let want = expected(|r| {
        r.goals.contains(&5)
            && r.persons.contains("Persons with disabilities")
            && r.response == "accepted"
    });
    assert!(want.1 > 0, "the data has such recommendations");
    assert_eq!(
        actual("?sdg=5&persons=persons+with+DISABILITIES&response=accepted"),
        want
    );
}

#[test]
fn several_goals_or_groups_mean_any_of_them() {
    let want = expected(|r| r.goals.contains(&5) || r.goals.contains(&16));
    assert_eq!(actual("?sdg=5&sdg=16"), want);
    let want = expected(|r| r.persons.contains("Children") || r.persons.contains("Migrants"));
    assert_eq!(actual("?persons=Children&persons=Migrants"), want);
}

#[test]
fn goals_combine_with_themes_and_review_filters() {
    let want = expected(|r| {
        r.goals.contains(&5) && r.themes.contains("Women's rights") && r.session <= 12
    });
    assert_eq!(actual("?sdg=5&theme=Women%27s+rights&cycle=1"), want);
    // Sessions 21-26 have UPR Info's themes and the Explorer's goals.
    let want = expected(|r| r.goals.contains(&16) && r.session == 26);
    assert!(want.0 > 0);
    assert_eq!(actual("?sdg=16&session=26"), want);
    let want =
        expected(|r| r.goals.contains(&16) && r.themes.contains("Justice") && r.session == 23);
    assert!(want.0 > 0);
    assert_eq!(actual("?sdg=16&theme=Justice&session=23"), want);
    // Session 27 has neither goals nor groups of persons: the Explorer has
    // no session 27.
    assert_eq!(actual("?sdg=16&session=27"), (0, 0));
    assert!(expected(|r| r.session == 27).1 > 0);
    assert_eq!(expected(|r| r.session == 27 && !r.goals.is_empty()).1, 0);
}

#[test]
fn option_counts_ignore_their_own_selection_but_not_the_others() {
    let outcome = outcome("?sdg=16&persons=Children&response=noted");
    // Per goal: noted recommendations concerning children, whatever their goal.
    for goal in 1..=17u64 {
        let want = raw()
            .iter()
            .filter(|r| {
                r.goals.contains(&goal) && r.persons.contains("Children") && r.response == "noted"
            })
            .count();
        assert_eq!(
            outcome.counts(Facet::SdgGoal)[goal as usize - 1] as usize,
            want,
            "goal {goal}"
        );
    }
    for (index, group) in dataset().persons.iter().enumerate() {
        let want = raw()
            .iter()
            .filter(|r| {
                r.goals.contains(&16) && r.persons.contains(&group.label) && r.response == "noted"
            })
            .count();
        assert_eq!(
            outcome.counts(Facet::Persons)[index] as usize,
            want,
            "{}",
            group.label
        );
    }
}

#[test]
fn goals_and_groups_are_read_from_the_address_bar_in_canonical_order() {
    let (query, warnings) = Query::from_search("?persons=Children&sdg=16&sdg=05&sdg=16&group=sdg");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(query.sdg_goals, ["5", "16"]);
    assert_eq!(query.persons, ["Children"]);
    assert_eq!(query.group, Grouping::Facet(Facet::SdgGoal));
    assert_eq!(
        query.to_search(),
        "?sdg=5&sdg=16&persons=Children&group=sdg"
    );
    assert_eq!(Query::from_search(&query.to_search()).0, query);
}

#[test]
fn bad_goals_and_unknown_groups_are_ignored_with_a_warning_naming_them() {
    let (query, warnings) = Query::from_search("?sdg=18&sdg=x&sdg=0&sdg=3&persons=Aliens");
    assert_eq!(query.sdg_goals, ["3"]);
    let named: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w.parameter.as_str(), w.value.as_str()))
        .collect();
    assert_eq!(named, [("sdg", "18"), ("sdg", "x"), ("sdg", "0")]);
    let (outcome, warnings) = apply(dataset(), &query);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].parameter.as_str(), warnings[0].value.as_str()),
        ("persons", "Aliens")
    );
    let said = upr_viewer::i18n::Tr::english().query_warning(&warnings[0]);
    assert!(said.contains("groups of persons"), "{said}");
    // The unknown group is ignored, not treated as "none".
    assert_eq!(
        (outcome.reviews.len(), outcome.recommendations as usize),
        expected(|r| r.goals.contains(&3))
    );
}

#[test]
fn attributes_take_goals_and_groups_separated_by_commas() {
    let attributes = [("sdg", "5,16"), ("persons", "Children,Women and girls")]
        .map(|(n, v)| (n.to_owned(), v.to_owned()));
    let (query, warnings) = upr_core::query::from_attributes(&attributes);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(query.sdg_goals, ["5", "16"]);
    assert_eq!(query.persons, ["Children", "Women and girls"]);
}

#[test]
fn exports_carry_goals_targets_groups_and_the_document() {
    let outcome = outcome("?session=26&sdg=16");
    let exported = rows(dataset(), &outcome);
    let want: Vec<&Raw> = raw()
        .iter()
        .filter(|r| r.session == 26 && r.goals.contains(&16))
        .collect();
    assert_eq!(exported.len(), want.len());
    let csv = to_csv(&exported);
    let mut reader = csv_records(&csv);
    let header = reader.remove(0);
    assert_eq!(header, CSV_HEADER);
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let columns = ["review", "sdg_goals", "sdg_targets", "persons", "document"].map(column);
    let mut got: Vec<Vec<String>> = reader
        .iter()
        .map(|r| columns.iter().map(|c| r[*c].clone()).collect())
        .collect();
    let mut wanted: Vec<Vec<String>> = want
        .iter()
        .map(|raw| {
            let mut persons: Vec<&String> = raw.persons.iter().collect();
            persons.sort_by_key(|p| dataset().persons.iter().position(|g| &&g.label == p));
            let document = match (&raw.document, &raw.paragraph) {
                (Some(d), Some(p)) => format!("{d}, para. {p}"),
                (Some(d), None) => d.clone(),
                _ => String::new(),
            };
            vec![
                raw.review.clone(),
                raw.goals
                    .iter()
                    .map(|g| g.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                raw.targets.join(", "),
                persons
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                document,
            ]
        })
        .collect();
    got.sort();
    wanted.sort();
    assert_eq!(got, wanted);
    assert!(
        reader.iter().any(|r| !r[column("document")].is_empty()),
        "session 26 recommendations name their document"
    );
    let json: Value = serde_json::from_str(&to_json(&exported)).expect("JSON export is JSON");
    let first = &json[0];
    for field in ["sdg_goals", "sdg_targets", "persons", "document"] {
        assert!(first.get(field).is_some(), "JSON export has {field}");
    }
    assert!(first["sdg_goals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == 16));
}

/// RFC 4180 records, read here rather than by the exporter's own code.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
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
fn an_ambiguous_target_reads_as_uncertain() {
    assert_eq!(upr_core::format::sdg_target("16.1|16.10"), "16.1 or 16.10?");
    assert_eq!(upr_core::format::sdg_target("16.3"), "16.3");
    assert!(
        raw()
            .iter()
            .any(|r| r.targets.iter().any(|t| t.contains('|'))),
        "the data has ambiguous targets"
    );
}

#[test]
fn themes_cover_the_sessions_whose_reviews_are_classified() {
    let unclassified: BTreeSet<u8> = overview()["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["themes_classified"] == Value::Bool(false))
        .map(|r| r["session"].as_u64().unwrap() as u8)
        .collect();
    let (_, not) = Facet::Theme.coverage(dataset());
    assert_eq!(not, unclassified.into_iter().collect::<Vec<_>>());
    assert_eq!(
        upr_core::format::session_ranges(&[1, 2, 3, 5, 21, 22]),
        "1–3, 5, 21–22"
    );
}

#[test]
fn every_goal_colour_has_text_that_passes_wcag_aa() {
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("hex colour") as f64
                / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }
    for goal in 1..=17u8 {
        let (background, text) = upr_viewer::palette::sdg_colours(goal).expect("17 goals");
        let (a, b) = (luminance(background), luminance(text));
        let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
        assert!(
            ratio >= 4.5,
            "goal {goal}: {text} on {background} is {ratio:.2}:1"
        );
    }
    assert_eq!(
        upr_viewer::palette::sdg_colours(5).map(|c| c.0),
        Some("#FF3A21"),
        "the UN's colour of goal 5"
    );
    assert_eq!(upr_viewer::palette::sdg_colours(18), None);
}

#[test]
fn charts_count_per_goal_and_per_group() {
    let outcome = outcome("?session=25");
    let bars = upr_core::stats::by_facet(dataset(), &outcome, Facet::SdgGoal);
    for (option, split) in &bars {
        let goal = *option as u64 + 1;
        let want = raw()
            .iter()
            .filter(|r| r.session == 25 && r.goals.contains(&goal));
        assert_eq!(split.total() as usize, want.count(), "goal {goal}");
    }
    let goals: BTreeSet<u64> = raw()
        .iter()
        .filter(|r| r.session == 25)
        .flat_map(|r| r.goals.clone())
        .collect();
    assert_eq!(bars.len(), goals.len());
    let bars = upr_core::stats::by_facet(dataset(), &outcome, Facet::Persons);
    let groups: BTreeSet<&String> = raw()
        .iter()
        .filter(|r| r.session == 25)
        .flat_map(|r| r.persons.iter())
        .collect();
    assert_eq!(bars.len(), groups.len());
}

#[test]
fn before_the_texts_arrive_reviews_are_matched_on_their_summaries() {
    let overview_only = upr_core::dataset::Dataset::from_overview_json(&data_file("overview.json"))
        .expect("overview loads");
    let (query, _) = Query::from_search("?persons=Children");
    let (outcome, warnings) = apply(&overview_only, &query);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(outcome.provisional);
    assert_eq!(
        outcome.reviews.len(),
        expected(|r| r.persons.contains("Children")).0
    );
    // Counts come from the reviews' summaries: every recommendation on the goal in those reviews.
    let children: BTreeSet<&str> = raw()
        .iter()
        .filter(|r| r.persons.contains("Children"))
        .map(|r| r.review.as_str())
        .collect();
    let want = raw()
        .iter()
        .filter(|r| r.goals.contains(&4) && children.contains(r.review.as_str()))
        .count();
    assert!(want > 0);
    assert_eq!(outcome.counts(Facet::SdgGoal)[3] as usize, want);
}

#[test]
fn a_typed_link_becomes_the_canonical_one_with_labels_as_the_data_spells_them() {
    let (query, _) = Query::from_search(
        "?persons=children&persons=CHILDREN&persons=women-and-girls&sdg=16&sdg=5",
    );
    let canonical = query.canonical(dataset());
    assert_eq!(
        canonical.to_search(),
        "?sdg=5&sdg=16&persons=Children&persons=Women+and+girls"
    );
}

#[test]
fn a_state_whose_second_review_is_in_sessions_21_to_26_is_compared_by_theme() {
    let reviews = overview()["reviews"].as_array().expect("reviews");
    let session_of = |id: &str| {
        reviews
            .iter()
            .find(|r| r["id"] == id)
            .and_then(|r| r["session"].as_u64())
            .expect("known review")
    };
    let armenia: Vec<&str> = reviews
        .iter()
        .filter(|r| r["state"] == "armenia")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let (first, second) = match armenia[..] {
        [a, b] if session_of(a) < session_of(b) => (a, b),
        [a, b] => (b, a),
        _ => panic!("Armenia is reviewed twice"),
    };
    assert!(
        session_of(second) >= 21,
        "Armenia's second review is one of UPR Info's export of 2018"
    );
    let themes = |review: &str| {
        raw()
            .iter()
            .filter(|r| r.review == review)
            .flat_map(|r| r.themes.iter().cloned())
            .collect::<BTreeSet<String>>()
    };
    let comparison = upr_core::stats::compare(dataset(), "Armenia").expect("reviewed twice");
    assert_eq!(comparison.facet, Some(Facet::Theme));
    let change = comparison.reviews[1]
        .change
        .as_ref()
        .expect("against the first");
    assert_eq!(change.facet, Some(Facet::Theme));
    let labels = |options: &[usize]| {
        options
            .iter()
            .map(|o| dataset().themes[*o].label.clone())
            .collect::<BTreeSet<String>>()
    };
    assert_eq!(
        labels(&change.gained),
        themes(second).difference(&themes(first)).cloned().collect()
    );
    assert_eq!(
        labels(&change.dropped),
        themes(first).difference(&themes(second)).cloned().collect()
    );
    // A theme both lists have, under the old label then and the new now.
    let nhri = dataset().find_theme("NHRI").expect("a theme") as usize;
    let noted = |review: &str| {
        raw()
            .iter()
            .filter(|r| {
                r.review == review
                    && r.themes.contains("National Human Rights Institution")
                    && r.response == "noted"
            })
            .count()
    };
    if let Some((_, splits)) = comparison.per_option.iter().find(|(o, _)| *o == nhri) {
        let noted_in = |i: usize| splits[i].as_ref().expect("classified by theme").noted as usize;
        assert_eq!((noted_in(0), noted_in(1)), (noted(first), noted(second)));
    }
}

#[test]
fn an_open_card_groups_by_the_first_facet_that_classifies_its_review() {
    let review_of = |session: u8| {
        dataset()
            .reviews
            .iter()
            .find(|r| r.summary.session == session)
            .unwrap_or_else(|| panic!("a review of session {session}"))
    };
    for session in [7, 25] {
        assert_eq!(
            Grouping::default().for_review(review_of(session)),
            Grouping::Facet(Facet::Theme),
            "session {session}"
        );
    }
    // Session 27 has no themes and no goals: by action category.
    assert_eq!(
        Grouping::default().for_review(review_of(27)),
        Grouping::Facet(Facet::Action)
    );
    assert_eq!(Grouping::State.for_review(review_of(27)), Grouping::State);
}
