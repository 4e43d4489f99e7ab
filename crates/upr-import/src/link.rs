//! Adds the Explorer's SDG links and citations to UPR Info's
//! recommendations of one review, counting per UPR Info export (so per
//! range of sessions) how many rows matched and keeping those that did
//! not, for the report that is not shipped.

use super::build::Draft;
use super::error::ImportError;
use super::explorer::{ExplorerRow, SHEET};
use super::matching::{match_review, Match, Text};
use std::collections::BTreeMap;

#[derive(Default)]
struct MatchCount {
    rows: usize,
    exact: usize,
    close: usize,
    /// The sessions of the rows counted.
    sessions: std::collections::BTreeSet<u8>,
    /// UPR Info's recommendations of the same reviews, and how many of them
    /// some Explorer row matched.
    recommendations: usize,
    linked: usize,
}

pub struct Linker {
    /// Per UPR Info export, by its index.
    counts: BTreeMap<usize, MatchCount>,
    unmatched: csv::Writer<Vec<u8>>,
}

fn csv_error(e: csv::Error) -> ImportError {
    ImportError::Io {
        file: "the report of unmatched rows".into(),
        message: e.to_string(),
    }
}

impl Linker {
    pub fn new() -> Result<Linker, ImportError> {
        let mut unmatched = csv::Writer::from_writer(Vec::new());
        unmatched
            .write_record([
                "file",
                "sheet",
                "row",
                "state_under_review",
                "session",
                "recommending_state",
                "document",
                "paragraph",
                "text",
            ])
            .map_err(csv_error)?;
        Ok(Linker {
            counts: BTreeMap::new(),
            unmatched,
        })
    }

    /// Matches the Explorer's rows of the review of `state` in `session`
    /// onto its UPR Info recommendations (from the export numbered
    /// `export`) and adds their links.
    pub fn link(
        &mut self,
        state: &str,
        session: u8,
        export: usize,
        drafts: &mut [Draft],
        explorer: &[ExplorerRow],
    ) -> Result<(), ImportError> {
        let matches = {
            let upr_info: Vec<Text> = drafts
                .iter()
                .map(|d| Text {
                    from: d.from.as_deref(),
                    text: &d.text,
                })
                .collect();
            let theirs: Vec<Text> = explorer
                .iter()
                .map(|r| Text {
                    from: Some(&r.from),
                    text: &r.text,
                })
                .collect();
            match_review(&upr_info, &theirs)
        };
        let count = self.counts.entry(export).or_default();
        count.sessions.insert(session);
        count.recommendations += drafts.len();
        count.linked += matches
            .iter()
            .flatten()
            .map(|m| m.target())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        for (row, found) in explorer.iter().zip(matches) {
            count.rows += 1;
            match found {
                Some(found) => {
                    match found {
                        Match::Exact(_) => count.exact += 1,
                        Match::Fuzzy(..) => count.close += 1,
                    }
                    drafts[found.target()].add_links(row);
                }
                None => self
                    .unmatched
                    .write_record([
                        row.file.as_str(),
                        SHEET,
                        &row.row.to_string(),
                        state,
                        &session.to_string(),
                        &row.from,
                        &row.document,
                        row.paragraph.as_deref().unwrap_or(""),
                        &row.text,
                    ])
                    .map_err(csv_error)?,
            }
        }
        Ok(())
    }

    /// Rows matched in all, for the importer's own accounting.
    pub fn rows(&self) -> usize {
        self.counts.values().map(|c| c.rows).sum()
    }

    /// One report line per UPR Info export, named by the sessions of the
    /// rows matched, and the unmatched rows as CSV.
    pub fn finish(self) -> Result<(Vec<String>, String), ImportError> {
        let lines = self
            .counts
            .values()
            .map(|count| {
                let first = count.sessions.first().copied().unwrap_or(0);
                let last = count.sessions.last().copied().unwrap_or(0);
                format!(
                    "sessions {first}-{last}: {} of {} Explorer rows matched a UPR Info recommendation of the same review ({:.1}%: {} same text, {} close text); {} of UPR Info's {} recommendations of these reviews have an Explorer row ({:.1}%)",
                    count.exact + count.close,
                    count.rows,
                    100.0 * (count.exact + count.close) as f64 / count.rows.max(1) as f64,
                    count.exact,
                    count.close,
                    count.linked,
                    count.recommendations,
                    100.0 * count.linked as f64 / count.recommendations.max(1) as f64
                )
            })
            .collect();
        let bytes = self
            .unmatched
            .into_inner()
            .map_err(|e| csv_error(e.into_error().into()))?;
        Ok((
            lines,
            String::from_utf8(bytes).expect("the rows written are UTF-8"),
        ))
    }
}
