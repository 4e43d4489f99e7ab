//! Exactly what is selected, as files: recommendations as CSV (RFC 4180,
//! UTF-8, CRLF line ends, one header row) and as JSON. Pure: no DOM.

use crate::dataset::load::{theme_indices, Dataset, RecommendationRow};
use crate::facet::Facet;
use crate::filter::Outcome;
use crate::format::action_label;
use serde::Serialize;

pub const CSV_HEADER: [&str; 17] = [
    "review",
    "state_under_review",
    "session",
    "cycle",
    "region",
    "recommending_state",
    "response",
    "action",
    "action_label",
    "themes",
    "text",
    "sdg_goals",
    "sdg_targets",
    "persons",
    "document",
    "index_themes",
    "index_persons",
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
    /// `None` where the source has no action category (a review only the
    /// DIHR Explorer holds).
    pub action: Option<u8>,
    pub action_label: Option<&'static str>,
    pub themes: Vec<&'a str>,
    pub text: String,
    /// Goal numbers.
    pub sdg_goals: Vec<u8>,
    /// As in the data: `16.1|16.10` where the source cannot tell which.
    pub sdg_targets: Vec<&'a str>,
    /// Group-of-persons labels.
    pub persons: Vec<&'a str>,
    /// The report and paragraph (`A/HRC/33/13, para. 135.61`), where known.
    pub document: Option<String>,
    /// The OHCHR Index's own themes and groups of persons, as it labels
    /// them: lists of their own, not UPR Info's themes nor the Explorer's
    /// groups. Empty where the recommendation does not come from the Index.
    pub index_themes: Vec<&'a str>,
    pub index_persons: Vec<&'a str>,
}

pub fn rows<'a>(dataset: &'a Dataset, outcome: &'a Outcome) -> Vec<ExportedRecommendation<'a>> {
    outcome
        .reviews
        .iter()
        .flat_map(|m| {
            m.passing
                .iter()
                .map(move |i| (m.review, dataset.recommendations.row(i)))
        })
        .map(|(review, row)| exported(dataset, review, &row))
        .collect()
}

fn exported<'a>(
    dataset: &'a Dataset,
    review: usize,
    row: &RecommendationRow<'a>,
) -> ExportedRecommendation<'a> {
    let r = &dataset.reviews[review];
    ExportedRecommendation {
        review: &r.summary.id,
        state_under_review: dataset.state_name(r.state),
        session: r.summary.session,
        cycle: r.cycle,
        region: r.region.map(|g| g.code()),
        // The name it recommended under (`Turkey` in 2015), as the card shows it.
        recommending_state: row.from.map(|f| match dataset.review_date(review) {
            Some(date) => dataset.state_name_at(f, date),
            None => dataset.state_name(f),
        }),
        response: row.response.code(),
        action: row.action,
        action_label: row.action.map(action_label),
        themes: theme_indices(row.themes)
            .map(|t| dataset.themes[t].label.as_str())
            .collect(),
        sdg_goals: Facet::SdgGoal.indices(row).map(|g| g as u8 + 1).collect(),
        sdg_targets: row.sdg_targets().collect(),
        persons: Facet::Persons
            .indices(row)
            .map(|p| dataset.persons[p].label.as_str())
            .collect(),
        text: row.text(),
        document: document(row),
        index_themes: row.index_themes().collect(),
        index_persons: row.index_persons().collect(),
    }
}

/// `A/HRC/33/13, para. 135.61`, or the symbol alone.
pub fn document(row: &RecommendationRow) -> Option<String> {
    let symbol = row.document()?;
    Some(match row.paragraph() {
        Some(paragraph) => format!("{symbol}, para. {paragraph}"),
        None => symbol.to_owned(),
    })
}

/// Where the official document can be read: the UN's document resolver.
pub fn document_url(symbol: &str) -> String {
    format!("https://undocs.org/{}", symbol.trim().replace(' ', "%20"))
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
                r.text.clone(),
                r.sdg_goals
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                r.sdg_targets.join(", "),
                r.persons.join(", "),
                r.document.clone().unwrap_or_default(),
                // `; `, not `, `: the Index's labels hold commas
                // (`Economic, social & cultural rights`).
                r.index_themes.join("; "),
                r.index_persons.join("; "),
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
pub fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ')
        {
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
