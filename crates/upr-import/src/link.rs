//! Adds the Explorer's SDG links and citations to UPR Info's
//! recommendations of one review, counting per cycle how many rows matched
//! and keeping those that did not, for the report that is not shipped.

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
}

pub struct Linker {
    counts: BTreeMap<u8, MatchCount>,
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
    /// onto its UPR Info recommendations and adds their links.
    pub fn link(
        &mut self,
        state: &str,
        session: u8,
        cycle: u8,
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
        let count = self.counts.entry(cycle).or_default();
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

    /// One report line per cycle, and the unmatched rows as CSV.
    pub fn finish(self) -> Result<(Vec<String>, String), ImportError> {
        let lines = self
            .counts
            .iter()
            .map(|(cycle, count)| {
                format!(
                    "cycle {cycle}: {} of {} Explorer rows of reviews UPR Info also holds matched a UPR Info recommendation ({:.1}%: {} same text, {} close text)",
                    count.exact + count.close,
                    count.rows,
                    100.0 * (count.exact + count.close) as f64 / count.rows.max(1) as f64,
                    count.exact,
                    count.close
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
