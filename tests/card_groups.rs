//! An open card's groups by theme: every recommendation written out once,
//! every group counting all of its own, against the raw CSV files.

mod common;

use common::{dataset, raw_rows};
use std::collections::BTreeMap;
use upr_core::card_groups::{group_by_option, OptionGroup};
use upr_core::facet::Facet;
use upr_core::filter::apply;
use upr_core::query::Query;

/// The open card of `search`'s review, grouped by theme.
fn theme_groups(search: &str) -> (Vec<OptionGroup>, Vec<u32>) {
    let query = Query::from_search(search).0;
    let outcome = apply(dataset(), &query).0;
    let id = query.review.as_deref().unwrap();
    let review = dataset().review_by_id(id).unwrap();
    let passing = outcome
        .reviews
        .iter()
        .find(|m| m.review == review)
        .unwrap()
        .passing
        .to_vec();
    (
        group_by_option(dataset(), Facet::Theme, &query.themes, &passing),
        passing,
    )
}

fn label(group: &OptionGroup) -> &str {
    &dataset().themes[group.option.unwrap()].label
}

/// Per theme, the raw recommendations to Kazakhstan in session 7.
fn raw_kazakhstan_themes() -> BTreeMap<usize, usize> {
    let mut per_theme = BTreeMap::new();
    for row in raw_rows()
        .iter()
        .filter(|r| r.to == "Kazakhstan" && r.session == 7)
    {
        for theme in &row.themes {
            let option = dataset().find_theme(theme).unwrap() as usize;
            *per_theme.entry(option).or_default() += 1;
        }
    }
    per_theme
}

#[test]
fn each_recommendation_is_written_out_once_and_each_theme_counts_all_its_own() {
    let (groups, passing) = theme_groups("?review=kazakhstan-s7");
    let mut written: Vec<u32> = groups.iter().flat_map(|g| g.rows.clone()).collect();
    written.sort_unstable();
    assert_eq!(written, passing, "every recommendation, once");
    assert_eq!(passing.len(), 129);
    let totals: BTreeMap<usize, usize> = groups
        .iter()
        .map(|g| (g.option.unwrap(), g.total()))
        .collect();
    assert_eq!(totals, raw_kazakhstan_themes());
    let repeated = groups.iter().map(|g| g.elsewhere).sum::<usize>();
    assert!(repeated > 0, "some recommendations have several themes");
    // Each is written out under the first of its themes: a group sends
    // the reader back up, never on down.
    for (at, group) in groups.iter().enumerate() {
        for &home in &group.written_under {
            let home_at = groups.iter().position(|g| g.option == Some(home)).unwrap();
            assert!(
                home_at < at,
                "{} is written under a later theme",
                label(group)
            );
        }
    }
}

#[test]
fn a_selected_theme_has_its_recommendations_written_out_under_it() {
    let torture = "Torture and other CID treatment";
    let (groups, passing) = theme_groups(&format!(
        "?review=kazakhstan-s7&theme={}",
        torture.replace(' ', "+")
    ));
    let group = &groups[0];
    assert_eq!(label(group), torture, "the selected theme comes first");
    assert_eq!(group.elsewhere, 0, "none sent elsewhere");
    assert_eq!(group.rows, passing, "all of them, under the selected theme");
    assert_eq!(
        group.total(),
        raw_kazakhstan_themes()[&group.option.unwrap()]
    );
    assert!(groups.len() > 1);
    for other in &groups[1..] {
        assert!(other.rows.is_empty(), "{}: no row twice", label(other));
        assert_eq!(
            other.written_under,
            [group.option.unwrap()],
            "{}",
            label(other)
        );
    }
}
