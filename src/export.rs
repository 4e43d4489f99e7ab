//! Exactly what is selected, as files: recommendations as CSV (RFC 4180,
//! UTF-8, CRLF line ends, one header row) and as JSON. Pure: no DOM.

use crate::dataset::load::{theme_indices, Dataset, RecommendationRow};
use crate::filter::Outcome;
use crate::format::action_label;
use serde::Serialize;

pub const CSV_HEADER: [&str; 11] = [
    "review", "state_under_review", "session", "cycle", "region", "recommending_state", "response",
    "action", "action_label", "themes", "text",
];

/// One exported recommendation; also the JSON export's element.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportedRecommendation<'a> {
    pub review: &'a str,
    pub state_under_review: &'a str,
    pub session: u8,
    pub cycle: u8,
    pub region: Option<&'static str>,
    /// `None` where the source does not know the recommending State.
    pub recommending_state: Option<&'a str>,
    pub response: &'static str,
    /// `None` where the source has no action category (sessions 21-26).
    pub action: Option<u8>,
    pub action_label: Option<&'static str>,
    pub themes: Vec<&'a str>,
    pub text: &'a str,
}

pub fn rows<'a>(dataset: &'a Dataset, outcome: &'a Outcome) -> Vec<ExportedRecommendation<'a>> {
    outcome
        .reviews
        .iter()
        .flat_map(|m| m.passing.iter().map(move |i| (m.review, &dataset.recommendations[*i as usize])))
        .map(|(review, row)| exported(dataset, review, row))
        .collect()
}

fn exported<'a>(dataset: &'a Dataset, review: usize, row: &'a RecommendationRow) -> ExportedRecommendation<'a> {
    let r = &dataset.reviews[review];
    ExportedRecommendation {
        review: &r.summary.id,
        state_under_review: dataset.state_name(r.state),
        session: r.summary.session,
        cycle: r.cycle,
        region: r.region.map(|g| g.code()),
        recommending_state: row.from.map(|f| dataset.state_name(f)),
        response: row.response.code(),
        action: row.action,
        action_label: row.action.map(action_label),
        themes: theme_indices(row.themes).map(|t| dataset.themes[t].label.as_str()).collect(),
        text: &row.text,
    }
}

pub fn to_csv(rows: &[ExportedRecommendation]) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_HEADER.iter().map(|h| h.to_string()));
    for r in rows {
        push_record(
            &mut out,
            [
                r.review.to_owned(),
                r.state_under_review.to_owned(),
                r.session.to_string(),
                r.cycle.to_string(),
                r.region.unwrap_or("").to_owned(),
                r.recommending_state.unwrap_or("").to_owned(),
                r.response.to_owned(),
                r.action.map_or(String::new(), |a| a.to_string()),
                r.action_label.unwrap_or("").to_owned(),
                r.themes.join(", "),
                r.text.to_owned(),
            ]
            .into_iter(),
        );
    }
    out
}

/// RFC 4180 by hand, on purpose: the `csv` crate's writer adds 20.9 KB to
/// the gzipped wasm (`csv-core`'s alone 17.7 KB), some 8% of the app, for
/// what these fifteen lines do; the importer, which runs natively, reads
/// with `csv`.
fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ') {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

pub fn to_json(rows: &[ExportedRecommendation]) -> String {
    serde_json::to_string_pretty(rows).expect("exported rows are plain data")
}
