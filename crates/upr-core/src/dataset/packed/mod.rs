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

use super::load::{Dataset, LoadError, LoadedTexts, TextsReader};
use super::schema::SCHEMA_VERSION;
use super::texts::{HAS_PARAGRAPH, NOTED};
use super::varint::varint;
pub use read::PackedReader;

pub const PACKED_TEXTS_FILE: &str = "recommendations.bin";
const MAGIC: &[u8; 8] = b"UPRTEXTS";
/// Raised whenever the layout changes: an older viewer then refuses the
/// file by name instead of misreading it. 2: the OHCHR Index's themes and
/// groups of persons, two list columns after the targets.
const FORMAT: u32 = 2;
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

/// Writes texts read and checked for `dataset` in the packed form.
pub fn pack(dataset: &Dataset, texts: &LoadedTexts) -> Vec<u8> {
    let rows = &texts.recommendations;
    let mut head = Vec::new();
    let number = varint;
    let string = |s: &str, out: &mut Vec<u8>| {
        varint(s.len(), out);
        out.extend_from_slice(s.as_bytes());
    };
    number(SCHEMA_VERSION as usize, &mut head);
    for n in [
        dataset.totals.reviews,
        dataset.totals.recommendations,
        dataset.totals.pledges,
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
    number(texts.state_names.len(), &mut head);
    for (iso, names) in &texts.state_names {
        string(iso, &mut head);
        number(names.len(), &mut head);
        names.iter().for_each(|name| string(name, &mut head));
    }
    number(texts.ranges.len(), &mut head);
    for (index, (participants, pledges)) in
        texts.participants.iter().zip(&texts.pledges).enumerate()
    {
        string(&dataset.reviews[index].summary.id, &mut head);
        for states in [&participants.members, &participants.observers] {
            number(states.len(), &mut head);
            states.iter().for_each(|s| number((*s).into(), &mut head));
        }
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
    /// overview, for the browser.
    pub fn pack_texts_json(&self, json: &str) -> Result<Vec<u8>, LoadError> {
        let mut reader = TextsReader::new(self);
        reader.push(json.as_bytes())?;
        Ok(pack(self, &reader.finish()?))
    }
}

/// A packed file that cannot be read, and why.
fn damaged(why: &str) -> LoadError {
    LoadError::Json {
        file: PACKED_TEXTS_FILE.into(),
        message: why.into(),
    }
}
