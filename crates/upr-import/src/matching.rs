//! Finds, for each Explorer row of a review that UPR Info also holds, the
//! UPR Info recommendation it is: same review, same recommending State, same
//! text once case, spacing, punctuation and letters outside ASCII are set
//! aside; failing that, the closest text above `FUZZY_THRESHOLD`.
//!
//! Why letters outside ASCII go: the Explorer lost them (`Hissène Habré` is
//! `Hiss�ne Habr�` there, U+FFFD), so both sides drop them. With that, every
//! Explorer row of sessions 1-20 in the bundled sources matches exactly.

use std::collections::{BTreeSet, HashMap};

/// Token-set (Jaccard) similarity a text must reach to be matched when no
/// text is the same. Measured on the bundled sources, two *different*
/// recommendations by one State in one review reach up to 0.88 ("accede to
/// the ICESCR and bring national legislation in compliance ..." against the
/// same with "ICCPR", Cuba session 16, Czech Republic; "speed up the process
/// of ratification of the ICCPR OP2" against "... of the ICCPR", 0.875),
/// while one recommendation whose accented words were damaged in one source
/// scores 0.90 to 0.98 ("... vis-à-vis ..." against "... vis vis ...": 0.94
/// to 0.98; "Defensoría de los Habitantes" against "Defensor a de ...":
/// 0.89-0.93). 0.9 keeps the former apart and matches most of the latter;
/// and a fuzzy match is only sought among rows that found no exact partner
/// on either side, so "ICESCR" cannot take the place of an "ICCPR" that is
/// there.
pub const FUZZY_THRESHOLD: f64 = 0.9;

/// Lower-case ASCII letters and digits only: what both sources agree on.
pub fn match_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The words of a text, as for `match_key` but kept apart.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .map(match_key)
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// How an Explorer row was matched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Match {
    /// Index into the UPR Info rows of the review.
    Exact(usize),
    Fuzzy(usize, f64),
}

impl Match {
    pub fn target(self) -> usize {
        match self {
            Match::Exact(i) | Match::Fuzzy(i, _) => i,
        }
    }
}

/// One recommendation as the matcher sees it: who made it, what it says.
pub struct Text<'a> {
    pub from: Option<&'a str>,
    pub text: &'a str,
}

/// For each Explorer row of one review, the UPR Info row it is, if any.
/// Exact partners are taken one to one in order where the texts repeat,
/// then shared (the sources split some recommendations differently).
pub fn match_review(upr_info: &[Text], explorer: &[Text]) -> Vec<Option<Match>> {
    let mut by_key: HashMap<(Option<&str>, String), Vec<usize>> = HashMap::new();
    for (i, row) in upr_info.iter().enumerate() {
        by_key
            .entry((row.from, match_key(row.text)))
            .or_default()
            .push(i);
    }
    let mut taken = vec![false; upr_info.len()];
    let mut matches: Vec<Option<Match>> = explorer
        .iter()
        .map(|row| {
            let candidates = by_key.get(&(row.from, match_key(row.text)))?;
            let index = candidates
                .iter()
                .copied()
                .find(|i| !taken[*i])
                .unwrap_or(candidates[0]);
            taken[index] = true;
            Some(Match::Exact(index))
        })
        .collect();
    for (e, row) in explorer.iter().enumerate() {
        if matches[e].is_some() {
            continue;
        }
        let mut scored: Vec<(f64, usize)> = upr_info
            .iter()
            .enumerate()
            .filter(|(i, u)| !taken[*i] && u.from == row.from)
            .map(|(i, u)| (similarity(u.text, row.text), i))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some(&(score, index)) = scored.first() {
            let unique = scored.get(1).is_none_or(|second| second.0 < score);
            if score >= FUZZY_THRESHOLD && unique {
                taken[index] = true;
                matches[e] = Some(Match::Fuzzy(index, score));
            }
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t<'a>(from: &'a str, text: &'a str) -> Text<'a> {
        Text {
            from: Some(from),
            text,
        }
    }

    #[test]
    fn damaged_accents_and_punctuation_still_match_exactly() {
        let upr = [
            t("France", "Complete the trial of Hissène Habré."),
            t("France", "Ratify the CRPD"),
        ];
        let explorer = [
            t(
                "France",
                "complete the trial of Hiss\u{fffd}ne Habr\u{fffd}",
            ),
            t("Chad", "Ratify the CRPD"),
        ];
        assert_eq!(
            match_review(&upr, &explorer),
            vec![Some(Match::Exact(0)), None]
        );
    }

    #[test]
    fn a_close_text_matches_only_an_unclaimed_row_above_the_threshold() {
        let upr = [
            t("Cuba", "Accede to the ICESCR and bring national legislation in compliance with relevant provisions of this covenant"),
            t("Cuba", "Accede to the ICCPR and bring national legislation in compliance with relevant provisions of this covenant"),
            t("Cuba", "Continue its efforts to change the perception of the general public and government officials vis à vis minorities"),
        ];
        let explorer = [
            t("Cuba", "Accede to the ICCPR and bring national legislation in compliance with relevant provisions of this covenant"),
            t("Cuba", "Accede to the CAT and bring national legislation in compliance with relevant provisions of this covenant"),
            t("Cuba", "Continue its efforts to change the perception of the general public and government officials vis-a-vis minorities"),
        ];
        let matches = match_review(&upr, &explorer);
        assert_eq!(matches[0], Some(Match::Exact(1)));
        assert_eq!(matches[1], None, "0.88 similar, a different treaty");
        assert!(matches!(matches[2], Some(Match::Fuzzy(2, _))));
    }
}
