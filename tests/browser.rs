//! Components rendered in headless Chromium (wasm-bindgen-test). Each test
//! mounts one component on a small dataset built here and reads the DOM as
//! a person would see it.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use upr_core::dataset::schema::*;
use upr_core::dataset::Dataset;
use upr_core::filter::apply;
use upr_core::query::Query;
use upr_core::state::{QueryOrigin, Shared};
use upr_viewer::app::{Host, Viewer, ViewerProps};
use upr_viewer::components::card::{ReviewCard, ReviewCardProps};
use upr_viewer::components::filters::{FilterPanel, FilterPanelProps};
use upr_viewer::components::review::{ReviewDetail, ReviewDetailProps};
use upr_viewer::components::OnQuery;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn state(id: &str, name: &str) -> State {
    State {
        id: id.into(),
        name: name.into(),
        iso: String::new(),
        former_names: vec![],
        aliases: vec![],
        region: Some(Region::Asia),
        organisations: vec![],
    }
}

fn recommendation(text: &str, from: &str, response: Response, themes: &[&str]) -> Recommendation {
    Recommendation {
        text: text.into(),
        from: Some(from.into()),
        response,
        action: Some(5),
        themes: themes.iter().map(|t| t.to_string()).collect(),
        sdg_goals: vec![],
        sdg_targets: vec![],
        persons: vec![],
        document: None,
        paragraph: None,
        index_themes: vec![],
        index_persons: vec![],
    }
}

/// Two reviews: Kazakhstan (3 recommendations, one noted, with a media
/// summary) and Mongolia (1 recommendation).
fn dataset() -> Dataset {
    let kazakhstan = vec![
        recommendation(
            "Abolish the death penalty.",
            "france",
            Response::Accepted,
            &["death-penalty"],
        ),
        recommendation(
            "Prevent <b>torture</b> in detention.",
            "mongolia",
            Response::Noted,
            &["torture", "death-penalty"],
        ),
        recommendation(
            "Ratify the OP-CAT.",
            "france",
            Response::Accepted,
            &["torture"],
        ),
    ];
    let mongolia = vec![recommendation(
        "Protect journalists.",
        "kazakhstan",
        Response::Accepted,
        &["torture"],
    )];
    const THEMES: [&str; 2] = ["death-penalty", "torture"];
    let summary = |id: &str, state: &str, recs: &[Recommendation], participants: &Participants| {
        let (members, observers) = (&participants.members, &participants.observers);
        // Counted by position: the themes' order below, categories 1 to 5.
        let mut themes = vec![0; THEMES.len()];
        for r in recs {
            for t in &r.themes {
                themes[THEMES.iter().position(|id| id == t).unwrap()] += 1;
            }
        }
        let mut actions = vec![0; 5];
        for action in recs.iter().filter_map(|r| r.action) {
            actions[usize::from(action) - 1] += 1;
        }
        let accepted = recs
            .iter()
            .filter(|r| r.response == Response::Accepted)
            .count() as u32;
        ReviewSummary {
            id: id.into(),
            state: state.into(),
            session: 7,
            recommendations: recs.len() as u32,
            accepted,
            noted: recs.len() as u32 - accepted,
            unknown_recommender: 0,
            pledges: 0,
            themes,
            themes_classified: true,
            sdg_classified: true,
            sdg_goals: vec![],
            persons: vec![],
            actions,
            participation: Participation {
                states: (members.len() + observers.len()) as u32,
                members: members.len() as u32,
                observers: observers.len() as u32,
            },
            media_summary: None,
        }
    };
    let kazakhstan_participants = Participants {
        members: vec!["france".into()],
        observers: vec!["mongolia".into()],
    };
    let mongolia_participants = Participants {
        members: vec![],
        observers: vec!["kazakhstan".into()],
    };
    let mut kazakhstan_summary = summary(
        "kazakhstan-s7",
        "kazakhstan",
        &kazakhstan,
        &kazakhstan_participants,
    );
    kazakhstan_summary.media_summary = Some(MediaSummary {
        source_file: "seed/test.txt".into(),
        review_date: "2010-02-12".into(),
        review_time: Some("morning".into()),
        delegation: Delegation {
            size: Some(24),
            head: Some("the Deputy Prime Minister".into()),
            presented_by: None,
            lines: vec!["Represented by a 24-person delegation".into()],
        },
        national_report: vec!["Action Plan to eradicate torture.".into()],
        states_taking_part: Some(StatesTakingPart {
            members: 25,
            observers: 29,
        }),
        positive_achievements: vec![],
        issues_raised: vec!["Child labour.".into()],
        recommendations: vec![],
        response: vec![],
        adoption: Some(Adoption {
            date: "2010-02-16".into(),
            start: Some("12:00".into()),
            end: Some("12:30".into()),
        }),
    });
    let overview = Overview {
        schema_version: SCHEMA_VERSION,
        source: "test".into(),
        build: String::new(),
        totals: Totals {
            reviews: 2,
            recommendations: 4,
            pledges: 0,
        },
        themes: THEMES
            .iter()
            .zip(["Death penalty", "Torture"])
            .map(|(id, label)| Theme {
                id: (*id).into(),
                label: label.into(),
                former_labels: vec![],
                sessions: vec![],
            })
            .collect(),
        sdg_goals: vec![],
        persons: vec![],
        states: vec![
            state("france", "France"),
            state("kazakhstan", "Kazakhstan"),
            state("mongolia", "Mongolia"),
        ],
        sessions: vec![Session {
            number: 7,
            cycle: 1,
            start: "2010-02-08".into(),
            end: "2010-02-19".into(),
        }],
        reviews: vec![
            kazakhstan_summary,
            summary("mongolia-s7", "mongolia", &mongolia, &mongolia_participants),
        ],
    };
    let texts = Texts {
        schema_version: SCHEMA_VERSION,
        totals: overview.totals,
        reviews: vec![
            ReviewTexts {
                id: "kazakhstan-s7".into(),
                participants: kazakhstan_participants,
                recommendations: kazakhstan,
                pledges: vec![],
            },
            ReviewTexts {
                id: "mongolia-s7".into(),
                participants: mongolia_participants,
                recommendations: mongolia,
                pledges: vec![],
            },
        ],
        state_names: Default::default(),
    };
    let mut dataset = Dataset::from_overview(overview).expect("the fixture is consistent");
    dataset
        .attach_texts(texts)
        .expect("the fixture's texts are consistent");
    dataset
}

fn mount_point() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// Records the queries a component sends.
fn recorder() -> (OnQuery, Rc<std::cell::RefCell<Vec<Query>>>) {
    let sent = Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = sent.clone();
    (
        Callback::from(move |(q, _): (Query, QueryOrigin)| sink.borrow_mut().push(q)),
        sent,
    )
}

#[wasm_bindgen_test]
async fn a_card_shows_who_when_participation_and_responses() {
    let dataset = Shared(Rc::new(dataset()));
    let root = mount_point();
    let (onquery, sent) = recorder();
    let props = ReviewCardProps {
        dataset,
        review: 0,
        passing: None,
        query: Query::default(),
        onquery,
    };
    Renderer::<ReviewCard>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let card = root
        .query_selector("[data-review=kazakhstan-s7]")
        .unwrap()
        .expect("the card carries its id");
    let text = card.text_content().unwrap();
    assert!(text.contains("Kazakhstan"));
    assert!(text.contains("Session 7 · 8–19 February 2010 · Cycle 1"));
    assert!(
        text.contains("2 participating States · 1 members, 1 observers"),
        "{text}"
    );
    assert!(text.contains("3 recommendations"));
    assert!(
        text.contains("2 accepted (67%)") && text.contains("1 noted"),
        "{text}"
    );

    let link = card.query_selector("h3 a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("?review=kazakhstan-s7")
    );
    link.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(
        sent.borrow()
            .last()
            .and_then(|q| q.review.clone())
            .as_deref(),
        Some("kazakhstan-s7")
    );
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn theme_options_show_counts_and_toggle_the_query() {
    let dataset = dataset();
    let (query, _) = Query::from_search("?response=accepted");
    let (outcome, _) = apply(&dataset, &query);
    let root = mount_point();
    let (onquery, sent) = recorder();
    let props = FilterPanelProps {
        dataset: Shared(Rc::new(dataset)),
        outcome: Shared(Rc::new(outcome)),
        query,
        onquery,
    };
    Renderer::<FilterPanel>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let option = |label: &str| {
        root.query_selector(&format!("[data-testid=theme-option][data-theme='{label}']"))
            .unwrap()
            .unwrap()
    };
    // Accepted only: death penalty once (Kazakhstan), torture twice.
    assert_eq!(
        option("Death penalty")
            .get_attribute("data-count")
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        option("Torture").get_attribute("data-count").as_deref(),
        Some("2")
    );

    let checkbox: HtmlInputElement = option("Torture")
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    checkbox.click();
    let last = sent
        .borrow()
        .last()
        .cloned()
        .expect("a click sends a query");
    assert_eq!(last.themes, vec!["Torture".to_owned()]);
    assert_eq!(
        last.response,
        Some(Response::Accepted),
        "other filters stay"
    );
}

#[wasm_bindgen_test]
async fn the_open_card_follows_the_media_summary_and_renders_markup_as_text() {
    let dataset = dataset();
    let passing: Vec<u32> = (0..3).collect();
    let root = mount_point();
    let (onquery, _) = recorder();
    let (query, _) = Query::from_search("?review=kazakhstan-s7&group=state");
    let props = ReviewDetailProps {
        dataset: Shared(Rc::new(dataset)),
        review: 0,
        passing,
        query,
        onquery,
        outline: false,
        progressive: false,
    };
    Renderer::<ReviewDetail>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let order: Vec<String> = texts(&root, "section > h3");
    assert_eq!(
        order,
        [
            "Delegation",
            "National report",
            "Participation",
            "Issues and questions raised",
            "Recommendations",
            "Response of the State under review",
            "Adoption of the report"
        ]
    );
    let participation = texts(&root, "[data-testid=media-summary-count]").join("");
    assert!(
        participation.contains("25 member and 29 observer States"),
        "{participation}"
    );
    let groups = texts(&root, "section.group > h4");
    assert_eq!(groups, ["France (2)", "Mongolia (1)"]);
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "markup in a text is never rendered"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Prevent <b>torture</b> in detention."));
}

#[wasm_bindgen_test]
async fn the_viewer_says_what_went_wrong_when_the_data_is_missing() {
    let root = mount_point();
    let props = ViewerProps {
        data_base: "no-such-folder/".into(),
        query: Query::default(),
        warnings: vec![],
        host: Host::Element {
            compact: false,
            address_bar: false,
        },
        preloaded: None,
        published: None,
    };
    Renderer::<Viewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("[data-testid=loading]")
            .unwrap()
            .is_some(),
        "loading is shown first"
    );
    let error = wait_for(&root, "[data-testid=load-error]").await;
    let message = error.text_content().unwrap();
    assert!(
        message.contains("overview.json") && message.contains("404"),
        "{message}"
    );
}

/// Waits for the network, not for a guess: polls until `selector` shows,
/// for at most five seconds.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
        yew::scheduler::flush().await;
    }
    panic!("{selector} never appeared");
}

/// The bit counting behind every option's count runs in WebAssembly with
/// SIMD, two words at a time: it must count exactly what a row-by-row
/// count of the intersection gives, for odd lengths and long runs alike
/// (a byte lane holds at most 31 pairs before it is summed).
#[wasm_bindgen_test]
fn set_intersections_are_counted_exactly_in_webassembly() {
    use upr_core::search::RowSet;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for rows in [0usize, 1, 63, 64, 65, 127, 128, 3_967, 3_968, 4_000, 10_001] {
        for density in [1u64, 3, 7, 64] {
            let a: Vec<u64> = (0..rows).map(|_| next() % density).collect();
            let b: Vec<u64> = (0..rows).map(|_| next() % density).collect();
            let (left, right) = (
                RowSet::from_column(&a, |v| v == 0),
                RowSet::from_column(&b, |v| v == 0),
            );
            let expected = a
                .iter()
                .zip(&b)
                .filter(|(x, y)| **x == 0 && **y == 0)
                .count();
            assert_eq!(
                left.count_and(&right),
                expected,
                "{rows} rows, 1 in {density}"
            );
            assert_eq!(
                left.count_in(0..rows),
                a.iter().filter(|x| **x == 0).count()
            );
        }
    }
}

/// Before the texts, a search can only match the States it names: the
/// results line says so, rather than a bare "0 reviews" that would read as
/// "nothing mentions torture" (and a screen reader announces the line).
#[wasm_bindgen_test]
async fn the_results_line_says_what_a_search_matches_before_the_texts() {
    use upr_viewer::components::summary::result_summary;
    use upr_viewer::i18n::Tr;
    #[derive(yew::Properties, PartialEq)]
    struct LineProps {
        search: &'static str,
    }
    #[yew::component]
    fn Line(props: &LineProps) -> yew::Html {
        let (query, _) = Query::from_search(props.search);
        let (mut outcome, _) = apply(&dataset(), &query);
        // As before the texts: matched on the reviews' summaries.
        outcome.provisional = true;
        result_summary(&Tr::english(), &outcome, 2, &query, &recorder().0)
    }
    for (search, says, not) in [
        (
            "?q=torture",
            "only the States the search names",
            "whole reviews",
        ),
        ("?theme=Torture", "whole reviews", "the search names"),
    ] {
        let root = mount_point();
        Renderer::<Line>::with_root_and_props(root.clone(), LineProps { search }).render();
        yew::scheduler::flush().await;
        let line = texts(&root, "[data-testid=result-summary]").join(" ");
        assert!(line.contains(says), "{search}: {line}");
        assert!(!line.contains(not), "{search}: {line}");
    }
}
