//! The address-bar contract: parameters in, warnings for what is ignored,
//! and the same link out.

mod common;

use upr_core::dataset::schema::{Region, Response};
use upr_core::query::{Bounds, Grouping, Query, QueryWarning, SortKey};
use upr_viewer::i18n::Tr;

/// The warning as the English notice says it.
fn english(warning: &QueryWarning) -> String {
    Tr::english().query_warning(warning)
}

#[test]
fn every_documented_parameter_is_read() {
    let (query, warnings) = Query::from_search(
        "?theme=Death+penalty&theme=Torture%20and%20other%20CID%20treatment&match=all&states_min=40&states_max=80\
         &members_min=10&members_max=30&observers_min=5&observers_max=50&sur=Kazakhstan&session=7&cycle=1\
         &region=asia&response=noted&from=France&q=torture&review=kazakhstan-s7&sort=-states&group=state&page=2",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        query.themes,
        vec!["Death penalty", "Torture and other CID treatment"]
    );
    assert!(query.match_all);
    assert_eq!(
        query.states,
        Bounds {
            min: Some(40),
            max: Some(80)
        }
    );
    assert_eq!(
        query.members,
        Bounds {
            min: Some(10),
            max: Some(30)
        }
    );
    assert_eq!(
        query.observers,
        Bounds {
            min: Some(5),
            max: Some(50)
        }
    );
    assert_eq!(query.sur.as_deref(), Some("Kazakhstan"));
    assert_eq!(
        (query.session, query.cycle, query.region),
        (Some(7), Some(1), Some(Region::Asia))
    );
    assert_eq!(query.response, Some(Response::Noted));
    assert_eq!(query.from.as_deref(), Some("France"));
    assert_eq!(query.text, "torture");
    assert_eq!(query.review.as_deref(), Some("kazakhstan-s7"));
    assert_eq!(
        (query.sort.key, query.sort.descending),
        (SortKey::ParticipatingStates, true)
    );
    assert_eq!((query.group, query.page), (Grouping::State, 2));
}

#[test]
fn a_link_survives_a_round_trip() {
    let (query, _) = Query::from_search(
        "?theme=Women%27s+rights&states_min=40&q=a%26b+%C3%A9&review=cote-d-ivoire-s4",
    );
    let (again, warnings) = Query::from_search(&query.to_search());
    assert!(warnings.is_empty());
    assert_eq!(again, query);
    assert_eq!(query.text, "a&b é");
    assert_eq!(Query::default().to_search(), "");
}

#[test]
fn bad_parameters_are_ignored_and_named() {
    let (query, warnings) = Query::from_search(
        "?states_min=-3&match=some&colour=red&states_max=50&response=maybe&session=x&page=0",
    );
    assert_eq!(
        query.states,
        Bounds {
            min: None,
            max: Some(50)
        }
    );
    assert!(!query.match_all);
    let named: Vec<&str> = warnings.iter().map(|w| w.parameter.as_str()).collect();
    assert_eq!(
        named,
        [
            "states_min",
            "match",
            "colour",
            "response",
            "session",
            "page"
        ]
    );
    assert!(english(&warnings[2]).contains("not a parameter"));
}

#[test]
fn reversed_ranges_are_swapped_and_said() {
    let (query, warnings) = Query::from_search("?states_min=80&states_max=40");
    assert_eq!(
        query.states,
        Bounds {
            min: Some(40),
            max: Some(80)
        }
    );
    assert_eq!(warnings.len(), 1);
    assert!(english(&warnings[0]).contains("swapped"));
}

#[test]
fn huge_and_broken_values_do_not_get_in() {
    let huge = "a".repeat(1_000_000);
    let (query, warnings) = Query::from_search(&format!("?q={huge}&sur=%E0%A4&theme=%3Cscript%3E"));
    assert_eq!(query.text, "");
    assert_eq!(query.sur, None);
    assert_eq!(warnings.len(), 2);
    assert!(
        english(&warnings[0]).len() < 200,
        "messages quote only the start of a value"
    );
    // Markup is just an (unknown) theme label: kept as text, resolved later.
    assert_eq!(query.themes, vec!["<script>"]);
}

#[test]
fn a_repeated_single_parameter_keeps_the_last_and_themes_do_not_repeat() {
    let (query, _) = Query::from_search("?session=3&session=9&theme=Detention&theme=detention");
    assert_eq!(query.session, Some(9));
    assert_eq!(query.themes, vec!["Detention"]);
}

#[test]
fn element_attributes_mirror_the_parameters() {
    let attributes = [
        ("theme", "Death penalty,Torture and other CID treatment"),
        ("states-min", "40"),
        ("sur", "Kazakhstan"),
        ("review", "kazakhstan-s7"),
        ("src", "https://cdn.example.org/upr/v1/data/"),
        ("class", "wide"),
        ("observers-max", "many"),
    ]
    .map(|(n, v)| (n.to_owned(), v.to_owned()));
    let (query, warnings) = upr_core::query::from_attributes(&attributes);
    assert_eq!(
        query.themes,
        vec!["Death penalty", "Torture and other CID treatment"]
    );
    assert_eq!(query.states.min, Some(40));
    assert_eq!(query.sur.as_deref(), Some("Kazakhstan"));
    assert_eq!(query.review.as_deref(), Some("kazakhstan-s7"));
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].parameter, "observers-max",
        "the warning names the attribute as written"
    );
}

#[test]
fn every_listed_parameter_is_read_and_nothing_else_is() {
    for name in upr_core::query::PARAMETERS {
        let (_, warnings) = Query::from_pairs([(name.to_owned(), "x".to_owned())]);
        assert!(
            warnings
                .iter()
                .all(|w| !english(w).contains("not a parameter")),
            "{name}"
        );
    }
    let (_, warnings) = Query::from_pairs([("colour".to_owned(), "red".to_owned())]);
    assert!(english(&warnings[0]).contains("not a parameter"));
}

/// An attribute the element does not observe is read once and never
/// again: changing `sdg` on a live element would do nothing.
#[test]
fn the_element_observes_every_parameter_as_an_attribute() {
    let embed = include_str!("../static/embed.js");
    let start = embed
        .find("static get observedAttributes")
        .expect("embed.js lists its attributes");
    let list = &embed[start..start + embed[start..].find("];").expect("a closed list")];
    for name in upr_core::query::PARAMETERS {
        let attribute = name.replace('_', "-");
        assert!(
            list.contains(&format!("'{attribute}'")),
            "embed.js does not observe the attribute {attribute}"
        );
    }
}

#[test]
fn a_typed_link_is_rewritten_as_the_viewer_writes_it() {
    let (query, warnings) = Query::from_search("?theme=death+penalty&theme=DEATH-PENALTY&theme=Atlantis&sur=kazakhstan&compare=Kazakhstan&states_min=040&bogus=1");
    assert_eq!(warnings.len(), 1, "only bogus is unknown: {warnings:?}");
    // Known names as the data spells them; an unknown one stays as given
    // (the page says it is ignored); unknown parameters and leading zeros go.
    assert_eq!(
        query.canonical(common::dataset()).to_search(),
        "?theme=Death+penalty&theme=Atlantis&states_min=40&sur=Kazakhstan&compare=kazakhstan"
    );
}

/// The filter panel sends back filters alone: laid over the query of the
/// moment, they keep the open card, the view, the table's options and the
/// language, take every filter from the panel, and go back to page 1.
#[test]
fn changed_filters_keep_how_the_matches_are_shown() {
    let (shown, _) = Query::from_search("?theme=Torture&review=kazakhstan-s7&view=table&by=state&sort=-states&group=state&lang=fr&page=3&compare=kazakhstan");
    let (filters, _) =
        Query::from_search("?theme=Death+penalty&q=prison&response=noted&states_min=40");
    let merged = shown.with_filters_of(&filters);
    assert_eq!(
        merged.filters_only(),
        filters.filters_only(),
        "the filters are the panel's"
    );
    assert_eq!(merged.review.as_deref(), Some("kazakhstan-s7"));
    assert_eq!(
        (merged.view, merged.by, merged.group, merged.lang),
        (shown.view, shown.by, shown.group, shown.lang)
    );
    assert_eq!(
        (merged.column_sort, merged.compare.as_deref()),
        (shown.column_sort, Some("kazakhstan"))
    );
    assert_eq!(merged.page, 1);
    // The panel's own view of a query changes nothing when sent back.
    assert_eq!(
        shown.with_filters_of(&shown.filters_only()),
        Query {
            page: 1,
            ..shown.clone()
        }
    );
}
