//! Places the Explorer's rows in reviews: drops exact duplicates, and finds
//! each review's session, which the export does not state.
//!
//! The export names the review by State and cycle, and the report by its
//! symbol (`A/HRC/<Council session>/<number>`). Where UPR Info holds the
//! State's review of that cycle, its session is the one. Otherwise the
//! session comes from the symbol: each Working Group session's reports are
//! adopted at one Council session, one after the other, so within a cycle
//! the k-th Council session met in the export is the cycle's k-th Working
//! Group session in `sessions.csv` (in cycle 2: Council sessions 21-34,
//! sessions 13-26, the source README's "Council session minus 8"). Cycle 1
//! breaks this (A/HRC/8/.. holds sessions 1 and 2), which is why UPR Info,
//! which covers all of it, comes first. No cycle or session is named here,
//! so a newer export places its cycles 3 and 4 the same way once
//! `sessions.csv` lists their sessions.

use super::error::ImportError;
use super::explorer::{ExplorerRow, SHEET};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use upr_core::dataset::schema::Session;

/// The rows that are not exact copies of an earlier row, and a report line
/// per copy dropped.
pub fn drop_duplicates(rows: Vec<ExplorerRow>) -> (Vec<ExplorerRow>, Vec<String>) {
    let mut kept: Vec<ExplorerRow> = Vec::with_capacity(rows.len());
    let mut seen: HashMap<(String, String, Option<String>, String), Vec<usize>> = HashMap::new();
    let mut dropped = Vec::new();
    for row in rows {
        let key = (
            row.document.clone(),
            row.from.clone(),
            row.paragraph.clone(),
            row.text.clone(),
        );
        let earlier = seen.entry(key).or_default();
        if let Some(first) = earlier.iter().map(|i| &kept[*i]).find(|k| k.same_as(&row)) {
            dropped.push(format!(
                "dropped an exact duplicate: {}, sheet {SHEET}, row {} repeats row {} ({}, {} para. {}, by {})",
                row.file,
                row.row,
                first.row,
                row.state_under_review,
                row.document,
                row.paragraph.as_deref().unwrap_or("?"),
                row.from
            ));
        } else {
            earlier.push(kept.len());
            kept.push(row);
        }
    }
    (kept, dropped)
}

/// `(State under review, session)` -> its Explorer rows, in file order.
pub type ExplorerReviews = BTreeMap<(String, u8), Vec<ExplorerRow>>;

/// Groups the rows by review. `upr_info_reviews` holds the (State,
/// session) pairs UPR Info reviews.
pub fn place(
    rows: Vec<ExplorerRow>,
    sessions: &[Session],
    upr_info_reviews: &BTreeSet<(String, u8)>,
) -> Result<ExplorerReviews, ImportError> {
    let cycle_of_session: HashMap<u8, u8> = sessions.iter().map(|s| (s.number, s.cycle)).collect();
    let mut upr_info_session: HashMap<(&str, u8), u8> = HashMap::new();
    for (state, session) in upr_info_reviews {
        if let Some(cycle) = cycle_of_session.get(session) {
            upr_info_session.insert((state.as_str(), *cycle), *session);
        }
    }
    let mut council_sessions: BTreeMap<u8, BTreeSet<u16>> = BTreeMap::new();
    for row in &rows {
        council_sessions
            .entry(row.cycle)
            .or_default()
            .insert(row.council_session);
    }
    // Council session -> Working Group session, per cycle where the counts agree.
    let mut by_symbol: HashMap<(u8, u16), u8> = HashMap::new();
    let mut unplaceable: BTreeMap<u8, String> = BTreeMap::new();
    for (cycle, councils) in &council_sessions {
        let in_cycle: Vec<u8> = sessions
            .iter()
            .filter(|s| s.cycle == *cycle)
            .map(|s| s.number)
            .collect();
        if in_cycle.len() == councils.len() {
            by_symbol.extend(
                councils
                    .iter()
                    .zip(&in_cycle)
                    .map(|(c, s)| ((*cycle, *c), *s)),
            );
        } else {
            unplaceable.insert(
                *cycle,
                format!(
                    "its reports come from {} Council sessions ({}) but sessions.csv lists {} sessions of cycle {cycle}",
                    councils.len(),
                    councils.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", "),
                    in_cycle.len()
                ),
            );
        }
    }

    let mut reviews = ExplorerReviews::new();
    for row in rows {
        let fail = |column: &str, reason: String| ImportError::Cell {
            file: row.file.clone(),
            sheet: SHEET.to_owned(),
            row: row.row,
            column: column.to_owned(),
            reason,
        };
        if !cycle_of_session.values().any(|c| *c == row.cycle) {
            return Err(fail(
                "field_year",
                format!(
                    "cycle {} has no session in sessions.csv: add its sessions there",
                    row.cycle
                ),
            ));
        }
        let from_upr_info = upr_info_session
            .get(&(row.state_under_review.as_str(), row.cycle))
            .copied();
        let from_symbol = by_symbol.get(&(row.cycle, row.council_session)).copied();
        let session = match (from_upr_info, from_symbol) {
            (Some(a), Some(b)) if a != b => {
                return Err(fail(
                    "Document",
                    format!(
                        "{} of {} places this review in session {b}, but UPR Info reviews {} in session {a} of cycle {}",
                        row.document, row.state_under_review, row.state_under_review, row.cycle
                    ),
                ))
            }
            (Some(session), _) | (None, Some(session)) => session,
            (None, None) => {
                return Err(fail(
                    "Document",
                    format!(
                        "cannot tell the session of the review of {} in cycle {}: UPR Info has no review of it, and {}",
                        row.state_under_review,
                        row.cycle,
                        unplaceable.get(&row.cycle).map_or("its report's symbol is unknown", String::as_str)
                    ),
                ))
            }
        };
        reviews
            .entry((row.state_under_review.clone(), session))
            .or_default()
            .push(row);
    }
    Ok(reviews)
}
