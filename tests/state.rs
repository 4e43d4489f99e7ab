//! The viewer's state as the person changes the query: opening a card or
//! turning a page keeps the matches (and the notices) as they were, while
//! any change of a filter, or the texts' arrival, filters again.

mod common;

use std::rc::Rc;
use upr_core::dataset::load::Dataset;
use upr_core::filter::apply;
use upr_core::query::Query;
use upr_core::state::{Action, Extras, ViewerState};

fn state_at(search: &str, dataset: Rc<Dataset>) -> ViewerState {
    let (query, warnings) = Query::from_search(search);
    ViewerState::with_dataset(query, warnings, Some(dataset), Some(Extras::ALL))
}

/// The state after the person asks for `search`; the same state where
/// that changes nothing.
fn change(state: &ViewerState, search: &str) -> ViewerState {
    let (query, _) = Query::from_search(search);
    state
        .reduce(Action::Change(query))
        .unwrap_or_else(|| state.clone())
}

fn complete() -> Rc<Dataset> {
    Rc::new(common::dataset().clone())
}

#[test]
fn opening_a_card_turning_a_page_or_showing_the_table_keeps_the_matches_and_the_notices() {
    let listed = state_at("?q=torture&theme=No+such+theme", complete());
    assert!(
        listed.outcome.0.reviews.len() > 24,
        "more than a page of reviews match"
    );
    assert_eq!(listed.warnings.len(), 1, "the unknown theme is reported");
    for next in [
        "?q=torture&theme=No+such+theme&review=kazakhstan-s7",
        "?q=torture&theme=No+such+theme&page=2",
        "?q=torture&theme=No+such+theme&view=table&by=state",
    ] {
        let shown = change(&listed, next);
        assert!(
            Rc::ptr_eq(&listed.outcome.0, &shown.outcome.0),
            "{next}: the matches are kept, not filtered again"
        );
        assert_eq!(
            shown.warnings, listed.warnings,
            "{next}: the notice of the unknown theme stays"
        );
        assert_eq!(
            *shown.outcome.0,
            apply(common::dataset(), &shown.query).0,
            "{next}: and they are what a fresh filter finds"
        );
    }
}

#[test]
fn a_filter_changed_while_a_card_is_open_filters_again() {
    let open = state_at("?q=torture&review=kazakhstan-s7", complete());
    for next in [
        "?q=torture+-detention&review=kazakhstan-s7",
        "?q=torture&review=kazakhstan-s7&theme=Women%27s+rights",
        "?q=torture&review=kazakhstan-s7&sort=state",
    ] {
        let changed = change(&open, next);
        assert_eq!(
            *changed.outcome.0,
            apply(common::dataset(), &changed.query).0,
            "{next}"
        );
        assert_ne!(
            *changed.outcome.0, *open.outcome.0,
            "{next}: the matches changed"
        );
    }
}

#[test]
fn the_texts_arriving_filter_again_with_the_same_query() {
    let overview = Rc::new(
        Dataset::from_overview_json(&common::data_file("overview.json")).expect("overview loads"),
    );
    let waiting = state_at("?from=france", overview);
    assert!(
        waiting.outcome.0.waiting_for_texts,
        "who recommended what waits for the texts"
    );
    let loaded = waiting
        .reduce(Action::TextsLoaded(Ok(complete())))
        .expect("the texts change the state");
    assert!(!loaded.outcome.0.waiting_for_texts);
    assert_eq!(*loaded.outcome.0, apply(common::dataset(), &loaded.query).0);
}

#[test]
fn the_texts_come_as_the_view_needs_them() {
    use upr_core::state::{Phase, TextsWanted};
    let overview = || {
        Rc::new(
            Dataset::from_overview_json(&common::data_file("overview.json"))
                .expect("overview loads"),
        )
    };
    let kazakhstan = common::dataset()
        .find_state("Kazakhstan")
        .expect("reviewed");
    for (search, wanted) in [
        // The cards, from the overview: nothing more.
        ("", TextsWanted::Nothing),
        (
            "?sur=Kazakhstan&states_min=40&session=7",
            TextsWanted::Nothing,
        ),
        // An open card, a comparison: their State's.
        ("?review=kazakhstan-s7", TextsWanted::State(kazakhstan)),
        ("?compare=Kazakhstan", TextsWanted::State(kazakhstan)),
        // What single recommendations say, carry or count: every review's.
        ("?q=torture", TextsWanted::All),
        ("?theme=Death+penalty", TextsWanted::All),
        ("?response=noted&review=kazakhstan-s7", TextsWanted::All),
        ("?from=France", TextsWanted::All),
        ("?view=table", TextsWanted::All),
        ("?view=charts", TextsWanted::All),
    ] {
        let state = state_at(search, overview());
        assert_eq!(state.texts_wanted(), wanted, "{search}");
        assert_eq!(
            state.texts,
            Phase::Idle,
            "{search}: nothing fetched unasked"
        );
    }
    // Once in, nothing more is wanted; a download asks for every review's.
    assert_eq!(
        state_at("?q=torture", complete()).texts_wanted(),
        TextsWanted::Nothing
    );
    let asked = state_at("", overview())
        .reduce(Action::TextsRequested)
        .expect("asked");
    assert_eq!(
        (asked.texts.clone(), asked.texts_wanted()),
        (Phase::Loading, TextsWanted::All)
    );
}

#[test]
fn the_overview_arriving_after_a_states_texts_keeps_them() {
    // A prerendered review page starts with its State's texts; the
    // overview's load then ends too, and must not take them away.
    let json = common::data_file("overview.json");
    let overview = Rc::new(Dataset::from_overview_json(&json).expect("loads"));
    let mut with_texts = (*overview).clone();
    let all = common::dataset();
    let kazakhstan = all.find_state("Kazakhstan").expect("reviewed");
    let packed = with_texts
        .pack_texts_json(&common::data_file("recommendations.json"))
        .expect("packs");
    let id = &all.states[kazakhstan as usize].id;
    let (_, piece) = packed
        .states
        .iter()
        .find(|(s, _)| s == id)
        .expect("its texts");
    with_texts.attach_packed(piece).expect("attaches");
    let review = with_texts.review_by_id("kazakhstan-s7").expect("a review");
    let state = state_at("?review=kazakhstan-s7", Rc::new(with_texts));
    let after = state
        .reduce(Action::OverviewLoaded(Ok(overview)))
        .unwrap_or_else(|| state.clone());
    let dataset = after.dataset.as_ref().expect("a dataset");
    assert!(dataset.has_texts_of(review), "the card keeps its texts");
}

#[test]
fn the_charts_the_table_and_a_comparison_wait_for_the_code_that_works_them_out() {
    let (query, warnings) = Query::from_search("?compare=Kazakhstan");
    let without = ViewerState::with_dataset(query, warnings, Some(complete()), None);
    assert!(without.query.needs_extras());
    assert!(
        without.comparison.is_none(),
        "no comparison before the split-off code is in"
    );
    let with = without
        .reduce(Action::ExtrasLoaded(Extras::ALL))
        .expect("the code's arrival changes the state");
    assert!(
        matches!(with.comparison, Some(Ok(_))),
        "its arrival works the comparison out"
    );
    assert_eq!(
        with.reduce(Action::ExtrasLoaded(Extras::ALL)),
        None,
        "a second arrival changes nothing"
    );
    for (search, field) in [("?view=charts", "charts"), ("?view=table", "table")] {
        let waiting = change(&with, search);
        let cold = {
            let (query, warnings) = Query::from_search(search);
            ViewerState::with_dataset(query, warnings, Some(complete()), None)
        };
        let worked_out = |state: &ViewerState| match field {
            "charts" => state.charts.is_some(),
            _ => state.table.is_some(),
        };
        assert!(
            worked_out(&waiting),
            "{search}: worked out once the code is in"
        );
        assert!(!worked_out(&cold), "{search}: not before");
    }
}

#[test]
fn only_the_views_that_draw_the_split_off_work_ask_for_its_code() {
    for (search, needs) in [
        ("", false),
        ("?q=torture&theme=Torture+and+other+CID+treatment", false),
        ("?review=kazakhstan-s7", false),
        ("?view=charts", true),
        ("?view=table", true),
        ("?compare=Kazakhstan", true),
        ("?from=France", true),
    ] {
        let (query, _) = Query::from_search(search);
        assert_eq!(query.needs_extras(), needs, "{search}");
    }
}
