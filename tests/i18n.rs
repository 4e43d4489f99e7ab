//! Every message and every option name in every language: a missing or
//! extra message, a plural without a form the language needs, or a
//! placeholder the English does not have fails here, not on screen.

mod common;

use std::collections::{BTreeSet, HashMap};
use upr_core::dataset::schema::Region;
use upr_core::dataset::themes::THEMES;
use upr_viewer::i18n::{categories, placeholders, plural_key, Catalog, English, Lang, Msg};

fn catalog(lang: Lang) -> Catalog {
    let path = format!(
        "{}/static/i18n/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Catalog::parse(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn translated() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| *l != Lang::En)
}

fn keys<V>(map: &std::collections::HashMap<String, V>) -> BTreeSet<String> {
    map.keys().cloned().collect()
}

#[test]
fn every_message_is_translated_with_the_placeholders_of_its_english() {
    let mut problems = Vec::new();
    for lang in translated() {
        let catalog = catalog(lang);
        let code = lang.code();
        let mut known = BTreeSet::new();
        for msg in Msg::ALL {
            let english = msg.english();
            let allowed: BTreeSet<String> = english
                .texts()
                .iter()
                .flat_map(|t| placeholders(t))
                .collect();
            let keys: Vec<String> = match english {
                English::One(_) => vec![msg.key().to_owned()],
                English::Plural(..) => categories(lang)
                    .iter()
                    .map(|c| plural_key(*msg, c))
                    .collect(),
            };
            for key in keys {
                let Some(text) = catalog.messages.get(&key) else {
                    problems.push(format!("{code}: {key} is missing"));
                    continue;
                };
                if text.trim().is_empty() {
                    problems.push(format!("{code}: {key} is empty"));
                }
                for name in placeholders(text) {
                    if !allowed.contains(&name) {
                        problems.push(format!(
                            "{code}: {key} uses {{{name}}}, which its English does not"
                        ));
                    }
                }
                known.insert(key);
            }
        }
        for extra in keys(&catalog.messages).difference(&known) {
            problems.push(format!(
                "{code}: {extra} is no message of the viewer (or no plural form of {code})"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_theme_goal_group_and_region_has_its_name_in_every_language() {
    let overview: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/overview.json"))
            .expect("data/overview.json"),
    )
    .expect("overview.json is JSON");
    let labels = |field: &str, key: &str| -> BTreeSet<String> {
        overview[field]
            .as_array()
            .expect("a list")
            .iter()
            .map(|o| o[key].to_string().trim_matches('"').to_owned())
            .collect()
    };
    let themes: BTreeSet<String> = THEMES.iter().map(|t| t.label.to_owned()).collect();
    assert_eq!(
        themes,
        labels("themes", "label"),
        "the data's themes are the list's"
    );
    let goals = labels("sdg_goals", "number");
    let persons = labels("persons", "label");
    let regions: BTreeSet<String> = Region::ALL.iter().map(|r| r.code().to_owned()).collect();
    assert_eq!(goals.len(), 17);
    for lang in translated() {
        let catalog = catalog(lang);
        for (what, wanted, got) in [
            ("themes", &themes, keys(&catalog.themes)),
            ("sdg", &goals, keys(&catalog.sdg)),
            ("persons", &persons, keys(&catalog.persons)),
            ("regions", &regions, keys(&catalog.regions)),
        ] {
            assert_eq!(
                &got,
                wanted,
                "{}: the {what} named differ from the data's",
                lang.code()
            );
        }
    }
}

#[test]
fn a_count_takes_the_form_of_its_language() {
    use std::rc::Rc;
    use upr_viewer::i18n::Tr;
    let tr = |lang| Tr::new(lang, Rc::new(catalog(lang)));
    assert_eq!(tr(Lang::Ru).count(Msg::ReviewsCount, 2, &[]), "2 обзора");
    assert_eq!(tr(Lang::Ru).count(Msg::ReviewsCount, 5, &[]), "5 обзоров");
    assert_eq!(
        tr(Lang::Fr).count(Msg::RecommendationsCount, 41066, &[]),
        "41\u{202F}066 recommandations"
    );
    assert_eq!(Tr::english().count(Msg::ReviewsCount, 1, &[]), "1 review");
    // A file without a message leaves that message in English.
    let partial = Tr::new(Lang::Fr, Rc::new(Catalog::default()));
    assert_eq!(partial.get(Msg::Filters), "Filters");
}

#[test]
fn a_note_about_sessions_takes_the_number_of_the_sessions() {
    use std::rc::Rc;
    use upr_viewer::i18n::Tr;
    let english = Tr::english();
    let theme = [("option", "theme")];
    assert_eq!(
        english.about_sessions(Msg::ChartUncovered, &[27], &theme),
        " (the source does not classify session 27 by theme)"
    );
    assert_eq!(
        english.about_sessions(Msg::ChartUncovered, &[1, 2, 3, 27], &theme),
        " (the source does not classify sessions 1–3, 27 by theme)"
    );
    let french = Tr::new(Lang::Fr, Rc::new(catalog(Lang::Fr)));
    assert!(french
        .about_sessions(Msg::OverTimeUncovered, &[27], &[("option", "thème")])
        .contains("la session 27"));
    // Arabic has a dual: two sessions are neither one nor many.
    let arabic = Tr::new(Lang::Ar, Rc::new(catalog(Lang::Ar)));
    assert!(arabic
        .about_sessions(Msg::ComparedBySdg, &[21, 22], &[])
        .contains("الدورتين 21–22"));
}

/// A facet option shows its count's number alone and hides the words
/// around it: read together, they must be the whole phrase, in every
/// language and every plural form.
#[test]
fn a_count_cut_around_its_number_reads_as_the_whole_count() {
    use std::rc::Rc;
    use upr_viewer::i18n::Tr;
    for lang in Lang::ALL {
        let tr = if lang == Lang::En {
            Tr::english()
        } else {
            Tr::new(lang, Rc::new(catalog(lang)))
        };
        for n in [0, 1, 2, 3, 5, 11, 21, 102, 1_000, 41_066] {
            let (before, after) = tr.count_around(Msg::RecommendationsCount, n);
            let whole = tr.count(Msg::RecommendationsCount, n, &[]);
            assert_eq!(
                format!("{before}{}{after}", tr.num(n)),
                whole,
                "{} {n}",
                lang.code()
            );
        }
    }
    assert_eq!(
        Tr::english().count_around(Msg::RecommendationsCount, 1),
        ("", " recommendation")
    );
}

#[test]
fn every_state_has_a_name_from_cldr_in_every_language() {
    let states = &common::dataset().states;
    for lang in translated() {
        let names: HashMap<String, String> =
            serde_json::from_str(&common::data_file(&lang.state_names_file()))
                .expect("a names file is JSON");
        for state in states {
            let name = names.get(&state.iso).unwrap_or_else(|| {
                panic!(
                    "{}: no name for {} ({:?})",
                    lang.code(),
                    state.name,
                    state.iso
                )
            });
            assert!(
                !name.trim().is_empty(),
                "{}: {} has an empty name",
                lang.code(),
                state.name
            );
        }
        assert_eq!(
            names.len(),
            states.len(),
            "{}: names of States the data does not have",
            lang.code()
        );
    }
    assert_eq!(
        states
            .iter()
            .find(|s| s.id == "kazakhstan")
            .map(|s| s.iso.as_str()),
        Some("KZ")
    );
}

#[test]
fn a_search_finds_a_state_under_its_name_in_any_language() {
    use upr_core::filter::apply;
    use upr_core::query::Query;
    let dataset = common::dataset();
    let reviews_of = |text: &str| -> BTreeSet<String> {
        let query = Query {
            text: text.into(),
            sur: None,
            ..Query::default()
        };
        apply(dataset, &query)
            .0
            .reviews
            .iter()
            .map(|m| dataset.reviews[m.review].summary.id.clone())
            .filter(|id| id.starts_with("kazakhstan"))
            .collect()
    };
    let english = reviews_of("Kazakhstan");
    assert_eq!(english.len(), 2);
    for name in ["Казахстан", "哈萨克斯坦", "كازاخستان", "Kazajistán"] {
        assert_eq!(reviews_of(name), english, "a search for {name}");
    }
    assert_eq!(
        dataset
            .find_state("Казахстан")
            .map(|s| dataset.state_name(s)),
        Some("Kazakhstan")
    );
}
