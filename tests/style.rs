//! The viewer's one style sheet (`src/style.rs`): every rule parses, and
//! every colour in it comes from the palette, as a variable.

use std::str::FromStr;
use stylist::ast::Sheet;
use upr_viewer::palette::{DARK, LIGHT};
use upr_viewer::style::sheet;

#[test]
fn the_whole_sheet_parses_as_css() {
    // A browser drops a rule it cannot read without a word; this does not.
    let sheet = sheet();
    Sheet::from_str(&sheet).unwrap_or_else(|e| panic!("the viewer's sheet does not parse: {e}"));
}

#[test]
fn colours_appear_only_as_the_palettes_variables() {
    let sheet = sheet();
    // The variables block and the SDG goals' classes are written from the
    // palette; past them, the rules name no colour of their own.
    let rules_start = sheet.find(".upr-viewer-root {").expect("the root's rule");
    let rules = &sheet[rules_start..];
    let stray: Vec<&str> = rules
        .match_indices('#')
        .map(|(at, _)| &rules[at..(at + 8).min(rules.len())])
        .filter(|hex| hex[1..].chars().take(3).all(|c| c.is_ascii_hexdigit()))
        .collect();
    assert!(stray.is_empty(), "colours outside the palette: {stray:?}");
    for (name, value) in LIGHT.named().iter().chain(DARK.named().iter()) {
        assert!(
            sheet.contains(&format!("--upr-{name}: {value};")),
            "--upr-{name} is {value}"
        );
    }
    let page = include_str!("../static/page.css");
    for (name, _) in LIGHT.named() {
        let used = format!("var(--upr-{name})");
        assert!(
            rules.contains(&used) || page.contains(&used),
            "--upr-{name} is defined but nothing uses it"
        );
    }
}

#[test]
fn the_sheet_keeps_every_rule_of_style_css_without_its_comments() {
    let source = include_str!("../src/style.css");
    let mut uncommented = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("/*") {
        uncommented.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("every comment ends");
        rest = &rest[start + end + 2..];
    }
    uncommented.push_str(rest);
    let squash = |text: &str| text.split_whitespace().collect::<String>();
    let sheet = sheet();
    assert!(
        squash(&sheet).ends_with(&squash(&uncommented)),
        "the rules shipped are style.css's, white space aside"
    );
    assert!(!sheet.contains("/*"), "no comment is shipped");
    assert!(
        !sheet
            .lines()
            .any(|line| line.starts_with(' ') || line.trim().is_empty()),
        "no indentation, no empty line"
    );
}
