//! The table view's figures against the raw data file read independently
//! (serde_json::Value, not the loader or the filter), its sorting, its CSV,
//! and its address-bar parameters.

mod common;

use common::{data_file, dataset};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use upr_core::columns::{By, Column, ColumnSort};
use upr_core::filter::apply;
use upr_core::query::{Query, View};
use upr_core::table::{build, Table};

fn table(search: &str) -> Table {
    let (query, warnings) = Query::from_search(search);
    assert!(warnings.is_empty(), "{search}: {warnings:?}");
    let (outcome, _) = apply(dataset(), &query);
    build(dataset(), &outcome, query.by, Some(query.table_sort()))
}

fn raw_reviews() -> Vec<Value> {
    let json: Value = serde_json::from_str(&data_file("recommendations.json")).expect("valid JSON");
    json["reviews"]
        .as_array()
        .expect("a list of reviews")
        .clone()
}

/// `kazakhstan-s7` -> `kazakhstan`.
fn state_of_review(id: &str) -> &str {
    id.rsplit_once("-s").map_or(id, |(state, _)| state)
}

fn column(table: &Table, column: Column) -> usize {
    table
        .columns
        .iter()
        .position(|c| *c == column)
        .expect("the table has the column")
}

/// The cells of one column as shown.
fn shown(table: &Table, col: Column) -> Vec<String> {
    let at = column(table, col);
    table.rows.iter().map(|r| r.cells[at].text()).collect()
}

/// A row's State as a data id, through its shown name.
fn state_id(name: &str) -> String {
    let name = name.split(" (then:").next().unwrap_or(name);
    let index = dataset()
        .find_state(name)
        .unwrap_or_else(|| panic!("{name} is a State"));
    dataset().states[usize::from(index)].id.clone()
}

fn percent(part: u32, whole: u32) -> String {
    format!("{:.1}", f64::from(part) * 100.0 / f64::from(whole))
}

#[derive(Default)]
struct Expected {
    made: u32,
    accepted: u32,
    to: BTreeSet<String>,
}

#[test]
fn each_recommending_state_row_counts_what_it_recommended_to_whom_and_how_much_was_accepted() {
    let mut expected: BTreeMap<String, Expected> = BTreeMap::new();
    for review in raw_reviews() {
        let under_review = state_of_review(review["id"].as_str().expect("an id")).to_owned();
        for rec in review["recommendations"]
            .as_array()
            .expect("recommendations")
        {
            let Some(from) = rec["from"].as_str() else {
                continue;
            };
            let e = expected.entry(from.to_owned()).or_default();
            e.made += 1;
            e.accepted += u32::from(rec["response"] == "accepted");
            e.to.insert(under_review.clone());
        }
    }
    let table = table("?view=table&by=from");
    assert_eq!(
        table.rows.len(),
        expected.len(),
        "one row per recommending State"
    );
    let (made, to, accepted) = (
        column(&table, Column::Recommendations),
        column(&table, Column::Recipients),
        column(&table, Column::Accepted),
    );
    for row in &table.rows {
        let id = state_id(&row.cells[column(&table, Column::From)].text());
        let e = &expected[&id];
        assert_eq!(
            row.cells[made].text(),
            e.made.to_string(),
            "{id}: recommendations made"
        );
        assert_eq!(
            row.cells[to].text(),
            e.to.len().to_string(),
            "{id}: States recommended to"
        );
        assert_eq!(
            row.cells[accepted].text(),
            percent(e.accepted, e.made),
            "{id}: share accepted"
        );
    }
}

#[test]
fn review_and_state_rows_count_only_the_recommendations_that_pass_the_filters() {
    // Death penalty recommendations per review, and per State over its reviews.
    let mut per_review: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut per_state: BTreeMap<String, (BTreeSet<String>, u32)> = BTreeMap::new();
    for review in raw_reviews() {
        let id = review["id"].as_str().expect("an id").to_owned();
        for rec in review["recommendations"]
            .as_array()
            .expect("recommendations")
        {
            let themes = rec["themes"].as_array().cloned().unwrap_or_default();
            if themes.iter().any(|t| t == "death-penalty") {
                let e = per_review.entry(id.clone()).or_default();
                e.0 += 1;
                e.1 += u32::from(rec["response"] == "noted");
                let s = per_state
                    .entry(state_of_review(&id).to_owned())
                    .or_default();
                s.0.insert(id.clone());
                s.1 += 1;
            }
        }
    }
    let reviews = table("?theme=Death+penalty&view=table");
    assert_eq!(reviews.rows.len(), per_review.len());
    let (made, noted) = (
        column(&reviews, Column::Recommendations),
        column(&reviews, Column::Noted),
    );
    for row in &reviews.rows {
        let id = row.review.clone().expect("a review row names its review");
        let (count, noted_count) = per_review[&id];
        assert_eq!(row.cells[made].text(), count.to_string(), "{id}");
        assert_eq!(row.cells[noted].text(), percent(noted_count, count), "{id}");
        let themes = row.cells[column(&reviews, Column::Themes)].text();
        assert!(
            themes.split("; ").any(|t| t == "Death penalty"),
            "{id}: main themes {themes:?} name the selected theme"
        );
    }
    let states = table("?theme=Death+penalty&view=table&by=state");
    assert_eq!(states.rows.len(), per_state.len());
    for row in &states.rows {
        let id = state_id(&row.cells[column(&states, Column::State)].text());
        let (reviewed, count) = &per_state[&id];
        assert_eq!(
            row.cells[column(&states, Column::Reviews)].text(),
            reviewed.len().to_string(),
            "{id}"
        );
        assert_eq!(
            row.cells[column(&states, Column::Recommendations)].text(),
            count.to_string(),
            "{id}"
        );
    }
}

#[test]
fn main_themes_are_the_three_most_frequent_and_none_where_a_review_has_no_classification() {
    let label = |id: &str| {
        dataset()
            .themes
            .iter()
            .find(|t| t.id == id)
            .expect("a theme")
            .label
            .clone()
    };
    let raw = raw_reviews();
    let table = table("?view=table");
    let themes = column(&table, Column::Themes);
    for id in [
        "kazakhstan-s7",
        "algeria-s1",
        "kazakhstan-s20",
        "australia-s23",
    ] {
        let review = raw
            .iter()
            .find(|r| r["id"] == id)
            .expect("the review is in the data");
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for rec in review["recommendations"]
            .as_array()
            .expect("recommendations")
        {
            for theme in rec["themes"].as_array().cloned().unwrap_or_default() {
                *counts
                    .entry(theme.as_str().expect("a theme id").to_owned())
                    .or_default() += 1;
            }
        }
        let most = counts
            .values()
            .max()
            .copied()
            .expect("the review has themes");
        let row = table
            .rows
            .iter()
            .find(|r| r.review.as_deref() == Some(id))
            .expect("a row per review");
        let shown = row.cells[themes].text();
        let named: Vec<&str> = shown.split("; ").collect();
        assert_eq!(named.len(), 3, "{id}: {shown}");
        let first_count = counts
            .iter()
            .find(|(t, _)| label(t) == named[0])
            .map(|(_, n)| *n);
        assert_eq!(
            first_count,
            Some(most),
            "{id}: {shown} starts with a most frequent theme"
        );
    }
    // Session 22 has UPR Info's themes (from its export of 2018); session
    // 27 neither themes nor SDG goals, and its cell is empty.
    let review_of = |session: &str| {
        table
            .rows
            .iter()
            .find(|r| r.review.as_deref().is_some_and(|id| id.ends_with(session)))
            .unwrap_or_else(|| panic!("a review of session{session}"))
    };
    let of_22 = review_of("-s22").cells[themes].text();
    assert!(
        !of_22.starts_with("SDG goals: ") && of_22.split("; ").count() == 3,
        "{of_22:?}"
    );
    assert_eq!(review_of("-s27").cells[themes].text(), "");
}

#[test]
fn a_recommending_state_is_named_as_it_was_when_it_recommended() {
    let name = |search: &str, id: &str| {
        let table = table(search);
        let at = column(&table, Column::From);
        table
            .rows
            .iter()
            .map(|r| r.cells[at].text())
            .find(|n| state_id(n) == id)
            .unwrap_or_else(|| panic!("{search}: no row of {id}"))
    };
    // The data's dates, not the importer's: Czechia from 17 May 2016
    // (session 25 sat 2-13 May 2016; session 27 in May 2017).
    let start = |session: u8| {
        dataset()
            .sessions
            .iter()
            .find(|s| s.number == session)
            .map(|s| s.start.clone())
            .expect("a session")
    };
    assert!(start(25).as_str() < "2016-05-17" && start(27).as_str() > "2016-05-17");
    assert_eq!(
        name("?view=table&by=from&session=25", "czech-republic"),
        "Czech Republic"
    );
    assert_eq!(
        name("?view=table&by=from&session=27", "czech-republic"),
        "Czechia"
    );
    // Across the rename, the current name.
    assert_eq!(name("?view=table&by=from", "czech-republic"), "Czechia");
    // Türkiye since June 2022: none of the data's reviews.
    assert_eq!(name("?view=table&by=from", "turkey"), "Turkey");
    // "Bolivia (Plurinational State of)" from 9 April 2009: sessions 4
    // (February 2009) and 5 (May 2009).
    assert_eq!(name("?view=table&by=from&session=4", "bolivia"), "Bolivia");
    assert_eq!(
        name("?view=table&by=from&session=5", "bolivia"),
        "Bolivia (Plurinational State of)"
    );
}

/// The order a column should have, compared as the person reads it.
fn in_order(table: &Table, col: Column, descending: bool) -> bool {
    let cells = shown(table, col);
    let key = |s: &str| -> (f64, String) {
        if col.numeric() {
            (s.parse::<f64>().unwrap_or(-1.0), String::new())
        } else {
            (0.0, s.to_lowercase())
        }
    };
    cells.windows(2).all(|w| {
        let (a, b) = (key(&w[0]), key(&w[1]));
        let ordered = a.partial_cmp(&b).expect("comparable");
        if descending {
            ordered.is_ge()
        } else {
            ordered.is_le()
        }
    })
}

/// What a row stands for: its review, or its State.
fn identities(table: &Table) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|r| r.review.clone().unwrap_or_else(|| r.cells[0].text()))
        .collect()
}

#[test]
fn every_column_sorts_both_ways_and_ties_keep_one_order() {
    for by in By::ALL {
        let natural = table(&format!(
            "?view=table&by={}&sort={}",
            by.as_param(),
            by.columns()[0].key()
        ));
        for col in by.columns() {
            let mut orders = Vec::new();
            for descending in [false, true] {
                let sort = ColumnSort {
                    column: *col,
                    descending,
                };
                let table = table(&format!(
                    "?view=table&by={}&sort={}",
                    by.as_param(),
                    sort.as_param()
                ));
                assert_eq!(table.sort, sort);
                assert_eq!(table.rows.len(), natural.rows.len());
                assert!(
                    in_order(&table, *col, descending),
                    "by={} sort={}",
                    by.as_param(),
                    sort.as_param()
                );
                orders.push(table);
            }
            // Rows equal in the column come in the same order either way.
            let first = identities(&natural);
            let rank = |name: &String| first.iter().position(|f| f == name).expect("same rows");
            for table in &orders {
                let names = identities(table);
                let values = shown(table, *col);
                for i in 1..names.len() {
                    if values[i] == values[i - 1]
                        && table.rows[i].cells[column(table, *col)]
                            == table.rows[i - 1].cells[column(table, *col)]
                    {
                        assert!(
                            rank(&names[i - 1]) < rank(&names[i]),
                            "by={} {}: tie order",
                            by.as_param(),
                            col.key()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_csv_is_the_table_as_shown() {
    for search in [
        "?view=table&sort=-accepted",
        "?view=table&by=state&sort=themes",
        "?view=table&by=from&q=torture",
    ] {
        let table = table(search);
        let csv = table.to_csv();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes());
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
            .collect();
        let headings: Vec<String> = table
            .columns
            .iter()
            .map(|c| c.heading().to_owned())
            .collect();
        assert_eq!(records[0], headings, "{search}");
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text()).collect())
            .collect();
        assert_eq!(records[1..], rows[..], "{search}");
    }
}

#[test]
fn the_address_bar_keeps_view_by_and_sort_and_the_cards_keep_their_sort_keys() {
    let (query, warnings) = Query::from_search("?sort=-accepted&by=from&view=table");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!((query.view, query.by), (View::Table, By::From));
    assert_eq!(query.to_search(), "?sort=-accepted&view=table&by=from");
    // The default by is left out, and the default sort of a by too.
    assert_eq!(
        Query::from_search("?view=table&by=review&sort=date")
            .0
            .to_search(),
        "?view=table"
    );
    // The cards' keys still sort the cards.
    for key in ["date", "state", "states", "recommendations"] {
        let (query, warnings) = Query::from_search(&format!("?sort=-{key}"));
        assert!(warnings.is_empty(), "{key}: {warnings:?}");
        assert_eq!(query.to_search(), format!("?sort=-{key}"));
    }
    // A table-only key or a by on the cards is ignored, and said so.
    let (query, warnings) = Query::from_search("?sort=accepted&by=state");
    assert_eq!(query.to_search(), "");
    let named: Vec<&str> = warnings.iter().map(|w| w.parameter.as_str()).collect();
    assert_eq!(named, ["by", "sort"], "{warnings:?}");
    // A column the table of that by does not have, too.
    let (query, warnings) = Query::from_search("?view=table&by=from&sort=date");
    assert_eq!(query.table_sort(), By::From.default_sort());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // The sort carries over between views where the other has that column.
    let table = Query::from_search("?sort=-states").0.in_view(View::Table);
    assert_eq!(table.to_search(), "?sort=-states&view=table");
    let sorted = table.sorted_table(ColumnSort {
        column: Column::Recommendations,
        descending: true,
    });
    assert_eq!(
        sorted.in_view(View::Cards).to_search(),
        "?sort=-recommendations"
    );
}
