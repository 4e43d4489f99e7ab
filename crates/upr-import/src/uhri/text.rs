//! The Index's text of a recommendation as it reads in the report:
//! `140.7 Ratify the Optional Protocol ... (Maldives) (Portugal);`. What
//! is stored reads as UPR Info's and the Explorer's texts do: without the
//! paragraph number in front, the recommending States' names in
//! parentheses at the end, and the final `;` (or the `.` that ends a
//! report's last recommendation). Other parentheses stay
//! (`... Convention, 1930 (No. 29) (United Kingdom ...)` keeps `(No. 29)`,
//! `... Punishment (CAT)` keeps `(CAT)`).
//!
//! A paragraph can hold the wordings of several States, each followed by
//! its names: `121.2 Complete the process of ratification ... (Ukraine);
//! Increase efforts towards ratification ... (Slovakia);` (OHCHR's
//! thematic list of Slovenia's third review, as published in the public
//! repository Tony33344/slovenia-human-rights-tracker,
//! `docs/cycle3/Thematic_List_of_Recommendations.md`). Each State then
//! gets its own wording, as in UPR Info's and the Explorer's files.

use super::names::index_name;
use crate::rows::clean_text;
use upr_core::dataset::states::canonical_name;

/// A recommending State of the row: its canonical name and the spelling
/// of its cell, which its name in the text may follow.
pub struct RowState<'a> {
    pub canonical: &'a str,
    pub spelling: &'a str,
}

impl RowState<'_> {
    /// Whether `name`, read between parentheses in the text, is this State:
    /// its cell's spelling, that spelling turned around as the reports
    /// write it (`Venezuela (Bolivarian Republic of)` is `(Bolivarian
    /// Republic of Venezuela)` in the text), or another spelling of it.
    fn is(&self, name: &str) -> bool {
        let name = name.trim();
        name.eq_ignore_ascii_case(self.spelling)
            || turned(self.spelling).is_some_and(|t| t.eq_ignore_ascii_case(name))
            || canonical_name(name) == self.canonical
            || index_name(name) == self.canonical
    }
}

/// `Venezuela (Bolivarian Republic of)` -> `Bolivarian Republic of
/// Venezuela`; `Netherlands (Kingdom of the)` -> `Kingdom of the
/// Netherlands`.
fn turned(spelling: &str) -> Option<String> {
    let (name, rest) = spelling.trim().split_once(" (")?;
    let qualifier = rest.strip_suffix(')')?;
    Some(format!("{qualifier} {name}"))
}

/// A text cleaned: its paragraph, and the wording of each of the row's
/// States (by index into the row's States, in their order).
#[derive(Debug, PartialEq)]
pub struct Cleaned {
    pub paragraph: Option<String>,
    pub texts: Vec<String>,
    /// The paragraph holds several wordings, each given to the States it names.
    pub split: bool,
    /// The text does not name each of its States after its wording: kept
    /// as written (but for the paragraph, and the names that do end it),
    /// the same for every State.
    pub kept_whole: bool,
}

pub fn clean(text: &str, states: &[RowState]) -> Cleaned {
    let text = clean_text(text);
    let (paragraph, body) = split_paragraph(&text);
    // A final `;` is never part of the wording; a final `.` is only where
    // the States' names come before it.
    let body = body.strip_suffix(';').unwrap_or(body).trim_end();
    let names_end = body
        .strip_suffix('.')
        .map(str::trim_end)
        .filter(|b| !trailing_states(b, states).1.is_empty());
    let body = names_end.unwrap_or(body);

    // Wordings end at a `;` outside parentheses, after their States' names.
    let mut wordings: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut start = 0;
    let mut leftover = false;
    let ends = semicolons(body).into_iter().chain([body.len()]);
    for end in ends {
        let piece = body[start..end].trim();
        let (wording, named) = trailing_states(piece, states);
        if !named.is_empty() {
            wordings.push((wording, named));
            start = end + 1;
        } else if end == body.len() {
            leftover = !piece.is_empty();
        }
    }
    let mut per_state: Vec<Vec<&str>> = vec![Vec::new(); states.len()];
    for (wording, named) in &wordings {
        for state in named {
            if !per_state[*state].contains(wording) {
                per_state[*state].push(wording);
            }
        }
    }
    let every_state_named = per_state.iter().all(|w| !w.is_empty());
    if !leftover && every_state_named && !wordings.is_empty() {
        return Cleaned {
            paragraph,
            split: wordings.len() > 1,
            kept_whole: false,
            texts: per_state.into_iter().map(|w| w.join("; ")).collect(),
        };
    }
    // Not understood: one text for all, without the names that end it.
    let (whole, _) = trailing_states(body, states);
    Cleaned {
        paragraph,
        split: false,
        kept_whole: true,
        texts: vec![whole.to_owned(); states.len()],
    }
}

/// `140.7 Ratify ...` -> (`140.7`, `Ratify ...`); also `128.26. Endeavour`.
/// A number without a dot (`5 States`) is no paragraph.
fn split_paragraph(text: &str) -> (Option<String>, &str) {
    let digits_and_dots = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let candidate = text[..digits_and_dots].trim_end_matches('.');
    let rest = &text[digits_and_dots..];
    let shaped = candidate.split('.').count() >= 2
        && candidate
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    if shaped && (rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        (Some(candidate.to_owned()), rest.trim_start())
    } else {
        (None, text)
    }
}

/// The byte offsets of the `;` outside parentheses.
fn semicolons(text: &str) -> Vec<usize> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => found.push(at),
            _ => {}
        }
    }
    found
}

/// The text without the parenthesised names of `states` that end it, and
/// those States (by index), last first. Stops at the first group that is
/// not one of them.
fn trailing_states<'t>(text: &'t str, states: &[RowState]) -> (&'t str, Vec<usize>) {
    let mut rest = text.trim_end();
    let mut named = Vec::new();
    while let Some(inside) = rest.strip_suffix(')') {
        let Some(open) = matching_open(inside) else {
            break;
        };
        let name = &inside[open + 1..];
        let Some(state) = states.iter().position(|s| s.is(name)) else {
            break;
        };
        if !named.contains(&state) {
            named.push(state);
        }
        rest = inside[..open].trim_end();
    }
    (rest, named)
}

/// Where the `(` is that the `)` just after `inside` closes.
fn matching_open(inside: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in inside.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(at),
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states<'a>(list: &'a [(&'a str, &'a str)]) -> Vec<RowState<'a>> {
        list.iter()
            .map(|(canonical, spelling)| RowState {
                canonical,
                spelling,
            })
            .collect()
    }

    // The texts below are OHCHR's, from the thematic lists of Slovenia's
    // third and fourth reviews (see the module's comment).

    #[test]
    fn the_paragraph_the_names_and_the_semicolon_go() {
        let row = states(&[("Maldives", "Maldives"), ("Portugal", "Portugal")]);
        let cleaned = clean(
            "140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);",
            &row,
        );
        assert_eq!(cleaned.paragraph.as_deref(), Some("140.7"));
        let want = "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights";
        assert_eq!(cleaned.texts, vec![want, want]);
        assert!(!cleaned.split && !cleaned.kept_whole);
    }

    #[test]
    fn parentheses_that_are_not_the_rows_states_stay() {
        let row = states(&[(
            "United Kingdom",
            "United Kingdom of Great Britain and Northern Ireland",
        )]);
        let cleaned = clean(
            "121.3 Ratify and implement the International Labour Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);",
            &row,
        );
        assert_eq!(
            cleaned.texts,
            vec!["Ratify and implement the International Labour Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29)"]
        );
        // A State that is not the row's stays too.
        let cleaned = clean("3.1 Do this (France);", &states(&[("Spain", "Spain")]));
        assert_eq!(cleaned.texts, vec!["Do this (France)"]);
        assert!(cleaned.kept_whole);
    }

    #[test]
    fn each_state_gets_its_own_wording() {
        let row = states(&[("Ukraine", "Ukraine"), ("Slovakia", "Slovakia")]);
        let cleaned = clean(
            "121.2 Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance (Ukraine); Increase efforts towards ratification of the International Convention for the Protection of All Persons from Enforced Disappearance (Slovakia);",
            &row,
        );
        assert!(cleaned.split);
        assert_eq!(
            cleaned.texts,
            vec![
                "Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance",
                "Increase efforts towards ratification of the International Convention for the Protection of All Persons from Enforced Disappearance",
            ]
        );
    }

    #[test]
    fn a_semicolon_inside_one_wording_stays() {
        let row = states(&[("Venezuela", "Venezuela (Bolivarian Republic of)")]);
        let cleaned = clean(
            "122.22 Strengthen, through a comprehensive strategy, the fight against discrimination in all its forms, including on the grounds of the status of migrant, refugee, asylum seeker, and of disability, or any other condition; and strengthen its policies to combat racism and hate speech (Bolivarian Republic of Venezuela);",
            &row,
        );
        assert_eq!(cleaned.texts, vec!["Strengthen, through a comprehensive strategy, the fight against discrimination in all its forms, including on the grounds of the status of migrant, refugee, asylum seeker, and of disability, or any other condition; and strengthen its policies to combat racism and hate speech"]);
        assert!(!cleaned.split && !cleaned.kept_whole);
    }

    #[test]
    fn a_final_full_stop_goes_only_after_the_names() {
        let row = states(&[("France", "France")]);
        assert_eq!(
            clean("93.1 Abolish it (France).", &row).texts,
            vec!["Abolish it"]
        );
        let kept = clean("93.2 Abolish it.", &row);
        assert_eq!(kept.texts, vec!["Abolish it."]);
        assert!(kept.kept_whole);
        assert_eq!(
            split_paragraph("128.26. Endeavour").0.as_deref(),
            Some("128.26")
        );
        assert_eq!(split_paragraph("5 States").0, None);
    }
}
