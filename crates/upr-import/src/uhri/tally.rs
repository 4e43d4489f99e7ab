//! What each file's rows became, for the import's report: imported, or
//! skipped for a reason it names.

use super::UhriFile;
use std::collections::BTreeMap;
use upr_core::format::session_ranges;

/// What one file's rows became.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) rows: u64,
    pub(super) other_bodies: u64,
    pub(super) other_types: BTreeMap<String, u64>,
    pub(super) responses: u64,
    /// Holder -> session -> rows.
    pub(super) held: BTreeMap<&'static str, BTreeMap<u8, u64>>,
    /// Session -> rows without a position.
    pub(super) no_position: BTreeMap<u8, u64>,
    pub(super) repeated: u64,
    pub(super) imported: u64,
    pub(super) joint: u64,
    pub(super) recommendations: u64,
    pub(super) partly: u64,
    pub(super) split: u64,
    pub(super) kept_whole: u64,
    /// The latest `Date of publication on UHRI`: how fresh the export is.
    pub(super) latest_on_index: Option<String>,
}

impl Tally {
    pub(super) fn report(self, file: &UhriFile, sheet: Option<&str>, report: &mut Vec<String>) {
        report.push(format!(
            "read {} rows from {}{}",
            self.rows,
            file.name,
            sheet.map_or(String::new(), |s| format!(" (sheet {s})"))
        ));
        report.push(format!(
            "  imported {} UPR recommendation rows as {} recommendations, one per recommending State ({} rows joint, of several States)",
            self.imported, self.recommendations, self.joint
        ));
        let mut line = |count: u64, text: String| {
            if count > 0 {
                report.push(format!("  {text}"));
            }
        };
        line(
            self.partly,
            format!(
                "{} of them Supported/Noted (partly supported): imported as noted",
                self.partly
            ),
        );
        line(
            self.split,
            format!(
                "{} of them hold several wordings, each given to the States it names",
                self.split
            ),
        );
        line(
            self.kept_whole,
            format!(
                "{} of them do not end each wording with its States' names: kept whole",
                self.kept_whole
            ),
        );
        line(
            self.other_bodies,
            format!(
                "skipped {} rows of other bodies than the UPR",
                self.other_bodies
            ),
        );
        for (kind, count) in &self.other_types {
            line(
                *count,
                format!("skipped {count} UPR rows of type {kind:?}, not recommendations"),
            );
        }
        line(
            self.responses,
            format!(
                "skipped {} rows whose text begins \"Response of\" (a State's response, not a recommendation)",
                self.responses
            ),
        );
        for (holder, sessions) in &self.held {
            let count = sessions.values().sum();
            line(
                count,
                format!(
                    "skipped {count} rows of sessions {holder} ({})",
                    session_ranges(&sessions.keys().copied().collect::<Vec<_>>())
                ),
            );
        }
        let pending: u64 = self.no_position.values().sum();
        line(
            pending,
            format!(
                "skipped {pending} rows without a position yet (session {})",
                self.no_position
                    .iter()
                    .map(|(s, n)| format!("{s}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", session ")
            ),
        );
        line(
            self.repeated,
            format!(
                "skipped {} rows repeating an OHCHR Annotation Id read before",
                self.repeated
            ),
        );
        if let Some(latest) = self.latest_on_index {
            report.push(format!("  latest publication on the Index: {latest}"));
        }
    }
}
