//! The search syntax of `q`: parsing, folding, highlighting, and what each
//! form finds in the real data, counted here from the bundled JSON files
//! with a plain scan of their own (no `search` module).

mod common;

use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;
use upr_core::filter::apply;
use upr_core::query::Query;
use upr_core::search::{fold, ParseWarning, SearchQuery, Term};

fn word(text: &str) -> Term {
    Term {
        folded: text.into(),
        phrase: false,
    }
}

fn phrase(text: &str) -> Term {
    Term {
        folded: text.into(),
        phrase: true,
    }
}

#[test]
fn words_must_all_match_and_phrases_or_and_minus_are_read() {
    let (q, warnings) = SearchQuery::parse("Torture  prison");
    assert_eq!(
        q,
        SearchQuery {
            all: vec![vec![word("torture")], vec![word("prison")]],
            none: vec![]
        }
    );
    assert!(warnings.is_empty());

    let (q, _) = SearchQuery::parse("\"Death   Penalty\" abolition");
    assert_eq!(
        q.all,
        vec![vec![phrase("death penalty")], vec![word("abolition")]]
    );

    let (q, _) = SearchQuery::parse("torture OR detention OR \"ill treatment\" women");
    assert_eq!(
        q.all,
        vec![
            vec![word("torture"), word("detention"), phrase("ill treatment")],
            vec![word("women")]
        ]
    );

    let (q, warnings) = SearchQuery::parse("torture -prison -\"death penalty\" self-determination");
    assert_eq!(
        q.all,
        vec![vec![word("torture")], vec![word("self-determination")]]
    );
    assert_eq!(q.none, vec![word("prison"), phrase("death penalty")]);
    assert!(warnings.is_empty());
    // Lower-case `or` is a word like any other.
    assert_eq!(SearchQuery::parse("torture or").0.all.len(), 2);
}

#[test]
fn what_cannot_be_parsed_is_searched_as_plain_words_with_a_warning() {
    let (q, warnings) = SearchQuery::parse("\"death penalty");
    assert_eq!(q.all, vec![vec![word("death")], vec![word("penalty")]]);
    assert_eq!(warnings, vec![ParseWarning::UnbalancedQuote]);

    let (q, warnings) = SearchQuery::parse("torture - prison");
    assert_eq!(q.all, vec![vec![word("torture")], vec![word("prison")]]);
    assert_eq!(warnings, vec![ParseWarning::LoneMinus]);

    for dangling in [
        "torture OR",
        "OR torture",
        "torture OR OR prison",
        "torture OR -prison",
    ] {
        let (q, warnings) = SearchQuery::parse(dangling);
        assert!(
            q.all.iter().flatten().any(|t| t.folded == "or"),
            "{dangling}: {q:?}"
        );
        assert!(warnings.contains(&ParseWarning::DanglingOr), "{dangling}");
    }

    let (q, warnings) = SearchQuery::parse("torture \"\"");
    assert_eq!(q.all, vec![vec![word("torture")]]);
    assert_eq!(warnings, vec![ParseWarning::EmptyPhrase]);

    // The notice names the part and says what happened.
    let (_, warnings) = Query::from_search("?q=%22death+penalty");
    assert!(warnings.is_empty());
    let (query, _) = Query::from_search("?q=%22death+penalty");
    let (_, warnings) = apply(common::dataset(), &query);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].parameter, "q");
    let said = upr_viewer::i18n::Tr::english().query_warning(&warnings[0]);
    assert!(said.contains("plain words"), "{said}");
}

#[test]
fn folding_removes_case_and_latin_accents_only() {
    assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
    assert_eq!(fold("STRAẞE Straße"), "strasse strasse");
    assert_eq!(
        fold("Łódź Øresund Đakovo Æsir Œuvre"),
        "lodz oresund dakovo aesir oeuvre"
    );
    assert_eq!(fold("İstanbul Diyarbakır"), "istanbul diyarbakir");
    assert_eq!(
        fold("Türkiye São Tomé e Príncipe"),
        "turkiye sao tome e principe"
    );
    // Decomposed accents fold too.
    assert_eq!(fold("Co\u{302}te"), "cote");
    assert_eq!(fold("ΑΘΗΝΑ Москва 北京"), "αθηνα москва 北京");
    assert_eq!(fold("a \t\n b"), "a b");
}

#[test]
fn highlights_cover_the_wanted_terms_in_the_original_text() {
    let text =
        "Côte d'Ivoire should investigate those TORTURED; torture is banned. Stop detention.";
    let (q, _) = SearchQuery::parse("cote tortur -detention");
    let marked: Vec<&str> = q.highlights(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(marked, vec!["Côte", "TORTUR", "tortur"]);
    // Not inside a word.
    let (q, _) = SearchQuery::parse("ban");
    assert!(q.highlights("an urban ban").iter().all(|r| r.start == 9));
    let (q, _) = SearchQuery::parse("\"strasse 3\"");
    let text = "Straße  3";
    assert_eq!(
        q.highlights(text)
            .into_iter()
            .map(|r| &text[r])
            .collect::<Vec<_>>(),
        vec![text]
    );
}

/// Lower case, a few accents the test needs, white space runs as one space.
fn plain_fold(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ô' | 'ó' | 'ö' => 'o',
            'é' | 'è' | 'ê' => 'e',
            'í' => 'i',
            'ã' | 'á' => 'a',
            'ç' => 'c',
            '’' => '\'',
            _ => c,
        })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `needle` occurs in `hay` where a word begins.
fn has_word_prefix(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

struct Recommendation {
    /// Its text, and the names of the State under review and the
    /// recommending State, each folded.
    fields: Vec<String>,
}

fn recommendations() -> &'static [Recommendation] {
    static ALL: OnceLock<Vec<Recommendation>> = OnceLock::new();
    ALL.get_or_init(|| {
        let overview: Value = serde_json::from_str(&common::data_file("overview.json")).unwrap();
        let texts: Value =
            serde_json::from_str(&common::data_file("recommendations.json")).unwrap();
        let names: HashMap<&str, Vec<String>> = overview["states"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut names = vec![plain_fold(s["name"].as_str().unwrap())];
                for former in s["former_names"].as_array().into_iter().flatten() {
                    names.push(plain_fold(former["name"].as_str().unwrap()));
                }
                (s["id"].as_str().unwrap(), names)
            })
            .collect();
        let state_of: HashMap<&str, &str> = overview["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["id"].as_str().unwrap(), r["state"].as_str().unwrap()))
            .collect();
        let mut all = Vec::new();
        for review in texts["reviews"].as_array().unwrap() {
            let under_review = &names[state_of[review["id"].as_str().unwrap()]];
            for r in review["recommendations"].as_array().unwrap() {
                let mut fields = vec![plain_fold(r["text"].as_str().unwrap())];
                fields.extend(under_review.iter().cloned());
                if let Some(from) = r["from"].as_str() {
                    fields.extend(names[from].iter().cloned());
                }
                all.push(Recommendation { fields });
            }
        }
        all
    })
}

fn count(pred: impl Fn(&dyn Fn(&str) -> bool) -> bool) -> u32 {
    recommendations()
        .iter()
        .filter(|r| pred(&|needle: &str| r.fields.iter().any(|f| has_word_prefix(f, needle))))
        .count() as u32
}

fn found(q: &str) -> u32 {
    let search = format!("?q={}", form_encode(q));
    let (query, warnings) = Query::from_search(&search);
    let (outcome, warnings2) = apply(common::dataset(), &query);
    assert!(
        warnings.is_empty() && warnings2.is_empty(),
        "{q}: {warnings:?} {warnings2:?}"
    );
    outcome.recommendations
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn a_word_finds_its_word_prefixes_in_texts_and_names() {
    let want = count(|has| has("torture"));
    assert!(want > 1000);
    assert_eq!(found("Torture"), want);
    // `torture` finds `tortured`, which holds no `torture ` on its own.
    let tortured = recommendations()
        .iter()
        .filter(|r| r.fields[0].contains("tortured"))
        .count();
    assert!(tortured > 0);
    assert_eq!(found("tortur"), count(|has| has("tortur")));
    // Not inside a word: `penal` is no prefix of `nonpenal`, `abolish` is.
    assert_eq!(found("olish"), count(|has| has("olish")));
    assert!(found("olish") < found("abolish"));
}

#[test]
fn all_words_match_in_any_order() {
    let want = count(|has| has("torture") && has("detention"));
    assert!(want > 0);
    assert_eq!(found("torture detention"), want);
    assert_eq!(found("DETENTION Torture"), want);
}

#[test]
fn a_phrase_matches_as_written_with_spacing_normalised() {
    let want = count(|has| has("death penalty"));
    assert!(want > 0 && want < count(|has| has("death") && has("penalty")));
    assert_eq!(found("\"death penalty\""), want);
    assert_eq!(found("\"Death    Penalty\""), want);
}

#[test]
fn or_matches_either_term() {
    let want = count(|has| has("torture") || has("death penalty"));
    assert!(want > count(|has| has("torture")));
    assert_eq!(found("torture OR \"death penalty\""), want);
}

#[test]
fn minus_excludes_a_word_or_a_phrase() {
    let want = count(|has| has("torture") && !has("detention"));
    assert!(want > 0 && want < count(|has| has("torture")));
    assert_eq!(found("torture -detention"), want);
    let want = count(|has| has("women") && !has("domestic violence"));
    assert_eq!(found("women -\"domestic violence\""), want);
}

#[test]
fn cote_finds_cote_d_ivoire_and_its_reviews() {
    let dataset = common::dataset();
    let (query, _) = Query::from_search("?q=cote");
    let (outcome, _) = apply(dataset, &query);
    assert_eq!(outcome.recommendations, count(|has| has("cote")));
    let ivoire = dataset.state_index("cote-d-ivoire").unwrap();
    let reviews: Vec<_> = outcome
        .reviews
        .iter()
        .filter(|m| dataset.reviews[m.review].state == ivoire)
        .collect();
    assert_eq!(
        reviews.len(),
        dataset.reviews.iter().filter(|r| r.state == ivoire).count()
    );
    for m in reviews {
        assert_eq!(
            m.passing.len(),
            dataset.reviews[m.review].recommendations.len()
        );
    }
}

/// Text rich in what the parser and the folding treat specially.
fn search_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\"".to_owned()),
            Just("-".to_owned()),
            Just("OR".to_owned()),
            Just(" ".to_owned()),
            Just("İ".to_owned()),
            Just("ı".to_owned()),
            Just("ẞ".to_owned()),
            Just("ß".to_owned()),
            Just("\u{301}".to_owned()),
            Just("Ł".to_owned()),
            Just("Ø".to_owned()),
            Just("’".to_owned()),
            "[a-zA-Z ]{0,6}",
            any::<char>().prop_map(String::from),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_input_parses_folds_and_highlights_without_panic(q in search_text(), text in search_text()) {
        let (search, _) = SearchQuery::parse(&q);
        let _ = fold(&text);
        let mut previous_end = 0;
        for range in search.highlights(&text) {
            prop_assert!(range.start >= previous_end && range.start < range.end);
            prop_assert!(text.get(range.clone()).is_some(), "not on a character boundary: {:?}", range);
            previous_end = range.end;
        }
    }
}

/// At 16 times today's data the texts get a word index (`WordIndex`); on
/// the real data, indexed here, every form of the search must select the
/// same recommendations with the same counts as the scan: the benchmark's
/// forms, and words, prefixes, phrases, OR and NOT taken from the texts.
#[test]
fn the_word_index_finds_what_the_scan_finds_in_the_real_data() {
    let scanned = common::dataset();
    assert!(
        scanned.recommendations.search_text().word_index().is_none(),
        "the real data is scanned"
    );
    let mut indexed = scanned.clone();
    indexed.recommendations.index_words();
    let mut queries: Vec<String> = [
        "t",
        "tor",
        "detentio",
        "tortur",
        "\"death penalty\"",
        "torture OR detention",
        "torture -detention",
        "cote",
        "self-determination",
        "16.3",
        "(a)",
        "Côte d’Ivoire",
        "\"the right to\"",
    ]
    .map(String::from)
    .into();
    let words: Vec<Vec<String>> = (0..scanned.recommendations.len())
        .step_by(997)
        .map(|i| {
            scanned
                .recommendations
                .row(i)
                .text()
                .split_whitespace()
                .map(String::from)
                .collect()
        })
        .collect();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.len() >= 4) {
        let (a, b, c) = (
            &w[i % (w.len() - 3)],
            &w[i % (w.len() - 3) + 1],
            &w[i % (w.len() - 3) + 2],
        );
        let prefix: String = b.chars().take(1 + i % 3).collect();
        queries.extend([
            a.clone(),
            prefix,
            format!("\"{a} {b}\""),
            format!("{b} OR {c}"),
            format!("{a} -{c}"),
            format!("\"{a} {b} {c}\" -\"{c}\""),
        ]);
    }
    for q in &queries {
        let (query, _) = Query::from_search(&format!("?q={}", form_encode(q)));
        let (by_scan, _) = apply(scanned, &query);
        let (by_index, _) = apply(&indexed, &query);
        assert_eq!(by_index, by_scan, "{q}");
    }
    assert!(queries.len() > 300);
}
