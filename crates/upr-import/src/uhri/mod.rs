//! The OHCHR Universal Human Rights Index's export (uhri.ohchr.org,
//! "Export": `export-full-en.xlsx` and its `.json` twin): one annotation a
//! row, of every UN human rights body. Only the UPR's recommendations are
//! taken, and only of the sessions no other export holds: where UPR Info's
//! exports (or the Explorer's) hold a session, they stay its reference.
//!
//! The full export is about 250,000 rows (360 MB): it is read as a stream,
//! row by row (`xlsx.rs`, `json.rs`), each row becoming its drafts at once,
//! and never held whole. Every row is counted: imported, or skipped for a
//! reason the report names.
//!
//! The export's quirks, all handled here: values carry a `- ` prefix and a
//! cell of several values separates them by line breaks; dates are Excel
//! serial numbers; a position may be `Supported/Noted` (partly supported,
//! imported as noted); rows whose text begins `Response of` are a State's
//! response, not a recommendation; the header spells `Reccomending` (some
//! exports spell it right). A recommendation of several States is one row
//! (their names one per line): it becomes one recommendation per State, as
//! UPR Info and the Explorer count a joint recommendation. The Index's
//! themes and groups of persons are its own lists, stored as labelled
//! there (`index_themes`, `index_persons`), never mapped onto UPR Info's
//! themes or the Explorer's twelve groups; its SDGs (`- 16 - PEACE,
//! JUSTICE AND STRONG INSTITUTIONS`, or a target, `- 16.3 - Promote the
//! rule of law`) are the same 17 UN goals the dataset has.

mod cells;
mod collector;
mod columns;
mod json;
mod names;
mod tally;
mod text;
mod xlsx;

use super::build::Draft;
use super::error::ImportError;
use collector::Collector;
// What the readers of each format (`xlsx.rs`, `json.rs`) take from here.
use columns::{headers_of, Column, Place, Row, Sink, Value, COLUMNS};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use tally::Tally;
use upr_core::dataset::schema::Session;

/// Added to the dataset's `source` where the Index brings recommendations.
pub const SOURCE_NOTE: &str = "; the OHCHR Universal Human Rights Index's export (uhri.ohchr.org) for the sessions no other source holds: recommendations, positions (Supported/Noted counted as noted), SDG goals and targets, report and paragraph, and the Index's own themes and groups of persons";

/// One Index export, read from its path as a stream; `.xlsx` or `.json`.
#[derive(Clone, Debug)]
pub struct UhriFile {
    /// As it appears in messages.
    pub name: String,
    pub path: PathBuf,
}

impl UhriFile {
    pub fn new(path: &Path) -> UhriFile {
        UhriFile {
            name: path.display().to_string(),
            path: path.to_owned(),
        }
    }
}

/// `(session, canonical name of the State under review)` -> its drafts.
pub type IndexReviews = BTreeMap<(u8, String), Vec<Draft>>;

/// Reads every file in turn into the reviews of the sessions no other
/// source holds. `held`: session -> the source that holds it, as the
/// report names it. `known`: whether a canonical name is a State of the
/// dataset (UPR Info's files give every State its regional group).
pub fn read_all(
    files: &[UhriFile],
    sessions: &[Session],
    held: &BTreeMap<u8, &'static str>,
    known: &dyn Fn(&str) -> bool,
    report: &mut Vec<String>,
) -> Result<IndexReviews, ImportError> {
    let mut collector = Collector {
        sessions: sessions.iter().map(|s| (s.number, s)).collect(),
        held,
        known,
        seen: HashSet::new(),
        reviews: IndexReviews::new(),
        per_session: BTreeMap::new(),
        tally: Tally::default(),
        warnings: Vec::new(),
    };
    for file in files {
        let extension = file
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase());
        let mut sink = |place: &Place, row: Row| collector.take(place, row);
        let sheet = match extension.as_deref() {
            Some("xlsx") => Some(xlsx::read(file, &mut sink)?),
            Some("json") => {
                json::read(file, &mut sink)?;
                None
            }
            _ => {
                return Err(ImportError::Io {
                    file: file.name.clone(),
                    message: "is neither .xlsx nor .json: the Index exports one or the other"
                        .into(),
                })
            }
        };
        let tally = std::mem::take(&mut collector.tally);
        tally.report(file, sheet.as_deref(), report);
    }
    let Collector {
        reviews,
        per_session,
        warnings,
        ..
    } = collector;
    if !warnings.is_empty() {
        report.push(format!(
            "warning: {} rows were published before their session began; the first: {}",
            warnings.len(),
            warnings[..warnings.len().min(3)].join("; ")
        ));
    }
    for (session, counts) in &per_session {
        report.push(format!(
            "from the OHCHR Index: session {session}: {} reviews, {} recommendations{}",
            counts.reviews.len(),
            counts.recommendations,
            match &counts.published {
                Some((first, last)) if first == last => format!(" (reports published {first})"),
                Some((first, last)) => format!(" (reports published {first} to {last})"),
                None => String::new(),
            }
        ));
    }
    Ok(reviews)
}

/// The sessions another source holds, and which: UPR Info's exports where
/// they hold a session, else the Explorer's.
pub fn held_sessions(
    upr_info: impl IntoIterator<Item = u8>,
    explorer: impl IntoIterator<Item = u8>,
) -> BTreeMap<u8, &'static str> {
    let mut held = BTreeMap::new();
    for session in explorer {
        held.insert(session, "the Explorer holds");
    }
    for session in upr_info {
        held.insert(session, "UPR Info's exports hold");
    }
    held
}
