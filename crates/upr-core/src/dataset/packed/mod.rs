//! The texts packed for the browser (`recommendations.bin`): the columns of
//! [`Recommendations`] as they are held in memory, little-endian, after a
//! short head (the per-review lists and the ids the columns' indices
//! refer to). The browser copies each column into place as the bytes
//! arrive and parses nothing: at 16 times today's data, reading the JSON
//! form took seconds (docs/benchmarks.md).
//!
//! The build writes it from `recommendations.json` ([`pack`]), read and
//! checked by the JSON reader. The reader here checks it again, against
//! the overview it is loaded with, as thoroughly: a packed file of another
//! build, a damaged one, or one cut short may reach the viewer, and is
//! refused with a message rather than shown wrong or read out of bounds.
//!
//! A file holds the texts of every review (`recommendations.bin`, for a
//! search, the filters, the table and the charts) or of one State's
//! reviews (`texts/<state>.bin`, [`state_piece_file`]: what a card or a
//! comparison of that State needs, a few kilobytes). Either is made for
//! one build of the overview ([`Overview::build`](crate::dataset::schema::Overview::build)), which its head names: with another it is
//! refused ([`LoadError::OtherBuild`]), never shown.
//!
//! Layout: `UPRTEXTS`, the format (u32), the head's length (u32), the
//! head (LEB128 numbers and length-prefixed strings), then the columns of
//! `SECTIONS`, in that order, each exactly as long as the head says. The
//! file is shipped gzipped (`upr_import::write_gzipped`); this reader reads it
//! inflated.
//!
//! [`Recommendations`]: crate::dataset::texts::Recommendations
mod check;
mod pieces;
mod read;

use super::indices::StateIndex;
use super::load::{Dataset, LoadError, LoadedTexts, TextsReader};
use super::schema::SCHEMA_VERSION;
use super::texts::{NewRecommendation, Recommendations, RowFields, HAS_PARAGRAPH, NOTED};
use super::varint::varint;
pub use read::PackedReader;

pub const PACKED_TEXTS_FILE: &str = "recommendations.bin";

/// The file of one State's texts, in the data folder: `texts/<id>.bin`.
pub fn state_piece_file(state_id: &str) -> String {
    format!("texts/{state_id}.bin")
}
const MAGIC: &[u8; 8] = b"UPRTEXTS";
/// Raised whenever the layout changes: an older viewer then refuses the
/// file by name instead of misreading it. 2: the OHCHR Index's themes and
/// groups of persons, two list columns after the targets. 3: a head naming
/// the data's build, read in pieces (one per State) as well as whole.
const FORMAT: u32 = 3;
/// The magic, the format and the head's length.
const PREFIX: usize = 16;
/// Far above any head (6,000 reviews' lists at 16 times the data take
/// under a megabyte); a larger claim is damage, not data to reserve for.
const MAX_HEAD: usize = 256 << 20;
/// The flag bits a row may have: the action category and the two flags.
const KNOWN_FLAGS: u8 = 7 | NOTED | HAS_PARAGRAPH;

/// The columns in the file's order.
#[derive(Clone, Copy, Debug)]
enum Section {
    Review,
    From,
    Flags,
    Themes,
    Goals,
    Persons,
    Document,
    ParagraphEnds,
    Paragraphs,
    TargetEnds,
    Targets,
    IndexThemeEnds,
    IndexThemes,
    IndexPersonEnds,
    IndexPersons,
    TextStarts,
    Texts,
    EditStarts,
    Edits,
}

const SECTIONS: [Section; 19] = [
    Section::Review,
    Section::From,
    Section::Flags,
    Section::Themes,
    Section::Goals,
    Section::Persons,
    Section::Document,
    Section::ParagraphEnds,
    Section::Paragraphs,
    Section::TargetEnds,
    Section::Targets,
    Section::IndexThemeEnds,
    Section::IndexThemes,
    Section::IndexPersonEnds,
    Section::IndexPersons,
    Section::TextStarts,
    Section::Texts,
    Section::EditStarts,
    Section::Edits,
];

/// The lengths the head declares: rows, and the bytes of the six buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Lengths {
    rows: usize,
    texts: usize,
    edits: usize,
    paragraphs: usize,
    targets: usize,
    index_themes: usize,
    index_persons: usize,
}

impl Lengths {
    /// The bytes of `section`; `None` when they overflow.
    fn of(&self, section: Section) -> Option<usize> {
        let rows = |width: usize| self.rows.checked_mul(width);
        match section {
            Section::Flags => rows(1),
            Section::Review | Section::From | Section::Persons => rows(2),
            Section::Goals
            | Section::Document
            | Section::ParagraphEnds
            | Section::TargetEnds
            | Section::IndexThemeEnds
            | Section::IndexPersonEnds
            | Section::TextStarts
            | Section::EditStarts => rows(4),
            Section::Themes => rows(8),
            Section::Paragraphs => Some(self.paragraphs),
            Section::Targets => Some(self.targets),
            Section::IndexThemes => Some(self.index_themes),
            Section::IndexPersons => Some(self.index_persons),
            Section::Texts => Some(self.texts),
            Section::Edits => Some(self.edits),
        }
    }
}

/// Writes texts read and checked for `dataset` (every review's) in the
/// packed form: of every review, or of `reviews` alone (one State's, in
/// index order).
pub fn pack(dataset: &Dataset, texts: &LoadedTexts, reviews: &[usize]) -> Vec<u8> {
    let whole = reviews.len() == dataset.reviews.len();
    let part;
    let rows = if whole {
        &texts.recommendations
    } else {
        part = rows_of(&texts.recommendations, &texts.ranges, reviews);
        &part
    };
    let mut head = Vec::new();
    let number = varint;
    let string = |s: &str, out: &mut Vec<u8>| {
        varint(s.len(), out);
        out.extend_from_slice(s.as_bytes());
    };
    number(SCHEMA_VERSION as usize, &mut head);
    string(&dataset.build, &mut head);
    let summaries = || reviews.iter().map(|r| &dataset.reviews[*r].summary);
    for n in [
        reviews.len() as u32,
        summaries().map(|s| s.recommendations).sum(),
        summaries().map(|s| s.pledges).sum(),
    ] {
        number(n as usize, &mut head);
    }
    for ids in [
        dataset
            .states
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        dataset.themes.iter().map(|t| t.id.as_str()).collect(),
        dataset.persons.iter().map(|p| p.id.as_str()).collect(),
        rows.documents.iter().map(|d| &**d).collect(),
    ] {
        number(ids.len(), &mut head);
        ids.iter().for_each(|id| string(id, &mut head));
    }
    number(dataset.sdg_goals.len(), &mut head);
    dataset
        .sdg_goals
        .iter()
        .for_each(|g| number(g.number.into(), &mut head));
    // The States' names in other languages serve the search, which needs
    // every review's texts: only the whole file carries them.
    let state_names = if whole {
        texts.state_names.iter().collect()
    } else {
        Vec::new()
    };
    number(state_names.len(), &mut head);
    for (iso, names) in state_names {
        string(iso, &mut head);
        number(names.len(), &mut head);
        names.iter().for_each(|name| string(name, &mut head));
    }
    number(reviews.len(), &mut head);
    for index in reviews {
        number(*index, &mut head);
        string(&dataset.reviews[*index].summary.id, &mut head);
        let participants = &texts.participants[*index];
        for states in [&participants.members, &participants.observers] {
            number(states.len(), &mut head);
            states.iter().for_each(|s| number((*s).into(), &mut head));
        }
        let pledges = &texts.pledges[*index];
        number(pledges.len(), &mut head);
        for pledge in pledges {
            string(&pledge.text, &mut head);
            number(pledge.action.into(), &mut head);
            number(pledge.themes.len(), &mut head);
            pledge.themes.iter().for_each(|t| string(t, &mut head));
        }
    }
    let search = &rows.search_text;
    for n in [
        rows.len(),
        search.haystack.len(),
        search.edits.len(),
        rows.paragraphs.text.len(),
        rows.targets.text.len(),
        rows.index_themes.text.len(),
        rows.index_persons.text.len(),
    ] {
        number(n, &mut head);
    }

    let mut out = Vec::with_capacity(
        PREFIX + head.len() + search.haystack.len() + search.edits.len() + rows.len() * 40,
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(head.len() as u32).to_le_bytes());
    out.extend_from_slice(&head);
    for section in SECTIONS {
        let out = &mut out;
        match section {
            Section::Review => put_le(out, &rows.review, u16::to_le_bytes),
            Section::From => put_le(out, &rows.from, u16::to_le_bytes),
            Section::Flags => out.extend_from_slice(&rows.flags),
            Section::Themes => put_le(out, &rows.themes, u64::to_le_bytes),
            Section::Goals => put_le(out, &rows.sdg_goals, u32::to_le_bytes),
            Section::Persons => put_le(out, &rows.persons, u16::to_le_bytes),
            Section::Document => put_le(out, &rows.document, u32::to_le_bytes),
            Section::ParagraphEnds => put_le(out, &rows.paragraphs.ends, u32::to_le_bytes),
            Section::Paragraphs => out.extend_from_slice(rows.paragraphs.text.as_bytes()),
            Section::TargetEnds => put_le(out, &rows.targets.ends, u32::to_le_bytes),
            Section::Targets => out.extend_from_slice(rows.targets.text.as_bytes()),
            Section::IndexThemeEnds => put_le(out, &rows.index_themes.ends, u32::to_le_bytes),
            Section::IndexThemes => out.extend_from_slice(rows.index_themes.text.as_bytes()),
            Section::IndexPersonEnds => put_le(out, &rows.index_persons.ends, u32::to_le_bytes),
            Section::IndexPersons => out.extend_from_slice(rows.index_persons.text.as_bytes()),
            Section::TextStarts => put_le(out, &search.starts, u32::to_le_bytes),
            Section::Texts => out.extend_from_slice(search.haystack.as_bytes()),
            Section::EditStarts => put_le(out, &search.edit_starts, u32::to_le_bytes),
            Section::Edits => out.extend_from_slice(&search.edits),
        }
    }
    out
}

/// The rows of `reviews`, copied out of every review's (`ranges`: each
/// review's rows in `all`).
fn rows_of(
    all: &Recommendations,
    ranges: &[std::ops::Range<usize>],
    reviews: &[usize],
) -> Recommendations {
    let mut part = Recommendations::default();
    for review in reviews {
        for row in all.range(ranges[*review].clone()) {
            let fields: RowFields = *row;
            let targets: Vec<&str> = row.sdg_targets().collect();
            let index_themes: Vec<&str> = row.index_themes().collect();
            let index_persons: Vec<&str> = row.index_persons().collect();
            part.push(NewRecommendation {
                fields,
                text: &row.text(),
                sdg_targets: &targets,
                document: row.document(),
                paragraph: row.paragraph(),
                index_themes: &index_themes,
                index_persons: &index_persons,
            });
        }
    }
    part.shrink_to_fit();
    part
}

/// Appends `values` little-endian: the reader's `append_le` backwards.
fn put_le<T: Copy, const N: usize>(out: &mut Vec<u8>, values: &[T], bytes: fn(T) -> [u8; N]) {
    out.extend(values.iter().flat_map(|value| bytes(*value)));
}

impl Dataset {
    /// Reads `recommendations.bin` whole, inflated (tests, the prerender).
    pub fn attach_packed(&mut self, bytes: &[u8]) -> Result<(), LoadError> {
        let mut reader = PackedReader::new(self);
        reader.push(bytes)?;
        let texts = reader.finish()?;
        self.attach(texts);
        self.index_words_if_wanted();
        Ok(())
    }

    /// Packs `recommendations.json`, read and checked against this
    /// overview, for the browser: every review's texts, then each State's
    /// apart, by State id.
    pub fn pack_texts_json(&self, json: &str) -> Result<PackedTexts, LoadError> {
        let mut reader = TextsReader::new(self);
        reader.push(json.as_bytes())?;
        let texts = reader.finish()?;
        let all: Vec<usize> = (0..self.reviews.len()).collect();
        let whole = pack(self, &texts, &all);
        let states = (0..self.states.len())
            .map(|state| (state, self.reviews_of(state as StateIndex)))
            .filter(|(_, reviews)| !reviews.is_empty())
            .map(|(state, reviews)| {
                let piece = pack(self, &texts, &reviews);
                (self.states[state].id.clone(), piece)
            })
            .collect();
        Ok(PackedTexts { whole, states })
    }
}

/// The packed texts of a dataset: every review's, and each State's.
pub struct PackedTexts {
    pub whole: Vec<u8>,
    /// (State id, its reviews' texts), for the States under review.
    pub states: Vec<(String, Vec<u8>)>,
}

/// A packed file that cannot be read, and why.
fn damaged(why: &str) -> LoadError {
    LoadError::Json {
        file: PACKED_TEXTS_FILE.into(),
        message: why.into(),
    }
}
