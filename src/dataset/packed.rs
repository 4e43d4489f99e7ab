//! The texts packed for the browser (`recommendations.bin`): the columns of
//! `Recommendations` as they are held in memory, little-endian, after a
//! short head (the per-review lists and the ids the columns' indices
//! refer to). The browser copies each column into place as the bytes
//! arrive and parses nothing: at 16 times today's data, reading the JSON
//! form took seconds (docs/benchmarks.md).
//!
//! The build writes it from `recommendations.json` (`pack`), read and
//! checked by the JSON reader. The reader here checks it again, against
//! the overview it is loaded with, as thoroughly: a packed file of another
//! build, a damaged one, or one cut short may reach the viewer, and is
//! refused with a message rather than shown wrong or read out of bounds.
//!
//! Layout: `UPRTEXTS`, the format (u32), the head's length (u32), the
//! head (LEB128 numbers and length-prefixed strings), then the columns of
//! `SECTIONS`, in that order, each exactly as long as the head says. The
//! file is shipped gzipped (`write_gzipped`); this reader reads it inflated.

use super::indices::StateIndex;
use super::load::{check_review, Dataset, LoadError, LoadedTexts, ParticipatingStates};
use super::schema::{Pledge, Totals, SCHEMA_VERSION};
use super::texts::{Recommendations, SearchText, StringColumn, HAS_PARAGRAPH, NONE_U16, NONE_U32, NOTED, SEPARATOR};
use super::varint::varint;
use std::collections::BTreeMap;

pub const PACKED_TEXTS_FILE: &str = "recommendations.bin";
const MAGIC: &[u8; 8] = b"UPRTEXTS";
/// Raised whenever the layout changes: an older viewer then refuses the
/// file by name instead of misreading it.
const FORMAT: u32 = 1;
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
    TextStarts,
    Texts,
    EditStarts,
    Edits,
}

const SECTIONS: [Section; 15] = [
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
    Section::TextStarts,
    Section::Texts,
    Section::EditStarts,
    Section::Edits,
];

/// The lengths the head declares: rows, and the bytes of the four buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Lengths {
    rows: usize,
    texts: usize,
    edits: usize,
    paragraphs: usize,
    targets: usize,
}

impl Lengths {
    /// The bytes of `section`; `None` when they overflow.
    fn of(&self, section: Section) -> Option<usize> {
        let rows = |width: usize| self.rows.checked_mul(width);
        match section {
            Section::Flags => rows(1),
            Section::Review | Section::From | Section::Persons => rows(2),
            Section::Goals | Section::Document | Section::ParagraphEnds | Section::TargetEnds | Section::TextStarts | Section::EditStarts => rows(4),
            Section::Themes => rows(8),
            Section::Paragraphs => Some(self.paragraphs),
            Section::Targets => Some(self.targets),
            Section::Texts => Some(self.texts),
            Section::Edits => Some(self.edits),
        }
    }
}

/// Writes texts read and checked for `dataset` in the packed form.
pub fn pack(dataset: &Dataset, texts: &LoadedTexts) -> Vec<u8> {
    let rows = &texts.recommendations;
    let mut head = Vec::new();
    let number = |n: usize, out: &mut Vec<u8>| varint(n, out);
    let string = |s: &str, out: &mut Vec<u8>| {
        varint(s.len(), out);
        out.extend_from_slice(s.as_bytes());
    };
    number(SCHEMA_VERSION as usize, &mut head);
    for n in [dataset.totals.reviews, dataset.totals.recommendations, dataset.totals.pledges] {
        number(n as usize, &mut head);
    }
    for ids in [
        dataset.states.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        dataset.themes.iter().map(|t| t.id.as_str()).collect(),
        dataset.persons.iter().map(|p| p.id.as_str()).collect(),
        rows.documents.iter().map(|d| &**d).collect(),
    ] {
        number(ids.len(), &mut head);
        ids.iter().for_each(|id| string(id, &mut head));
    }
    number(dataset.sdg_goals.len(), &mut head);
    dataset.sdg_goals.iter().for_each(|g| number(g.number.into(), &mut head));
    number(texts.state_names.len(), &mut head);
    for (iso, names) in &texts.state_names {
        string(iso, &mut head);
        number(names.len(), &mut head);
        names.iter().for_each(|name| string(name, &mut head));
    }
    number(texts.ranges.len(), &mut head);
    for (index, (participants, pledges)) in texts.participants.iter().zip(&texts.pledges).enumerate() {
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
    for n in [rows.len(), search.haystack.len(), search.edits.len(), rows.paragraphs.text.len(), rows.targets.text.len()] {
        number(n, &mut head);
    }

    let mut out = Vec::with_capacity(PREFIX + head.len() + search.haystack.len() + search.edits.len() + rows.len() * 40);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(head.len() as u32).to_le_bytes());
    out.extend_from_slice(&head);
    for section in SECTIONS {
        match section {
            Section::Review => rows.review.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::From => rows.from.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Flags => out.extend_from_slice(&rows.flags),
            Section::Themes => rows.themes.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Goals => rows.sdg_goals.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Persons => rows.persons.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Document => rows.document.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::ParagraphEnds => rows.paragraphs.ends.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Paragraphs => out.extend_from_slice(rows.paragraphs.text.as_bytes()),
            Section::TargetEnds => rows.targets.ends.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Targets => out.extend_from_slice(rows.targets.text.as_bytes()),
            Section::TextStarts => search.starts.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Texts => out.extend_from_slice(search.haystack.as_bytes()),
            Section::EditStarts => search.edit_starts.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Section::Edits => out.extend_from_slice(&search.edits),
        }
    }
    out
}

/// Writes the packed texts to `path` gzipped, as the build ships them:
/// many hosts compress only text types and would send a `.bin` as it is
/// (11.5 MB today instead of 2.7). The browser inflates it natively, off
/// the page's thread where it can (`DecompressionStream`); a host that
/// compresses it again costs nothing but its own time.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_gzipped(path: &std::path::Path, packed: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let failed = |e: std::io::Error| format!("could not write {}: {e}", path.display());
    let file = std::fs::File::create(path).map_err(failed)?;
    let mut gzip = flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::best());
    gzip.write_all(packed).map_err(failed)?;
    gzip.finish().map_err(failed)?.flush().map_err(failed)
}

/// What the head holds besides the lengths.
struct Head {
    /// Its own length in the file.
    length: usize,
    lengths: Lengths,
    documents: Vec<Box<str>>,
    state_names: BTreeMap<String, Vec<String>>,
    participants: Vec<ParticipatingStates>,
    pledges: Vec<Vec<Pledge>>,
}

/// Reads a packed file as its bytes arrive, each column straight into the
/// place it is held in: at no moment is the file held twice.
pub struct PackedReader<'d> {
    dataset: &'d Dataset,
    /// The prefix and the head, gathered until whole.
    head_bytes: Vec<u8>,
    head: Option<Head>,
    rows: Recommendations,
    /// The three texts' buffers, checked as UTF-8 once whole.
    texts: Vec<u8>,
    paragraphs: Vec<u8>,
    targets: Vec<u8>,
    /// The column being read, and how many of its bytes are still to come.
    section: usize,
    left: usize,
    /// The first bytes of a number cut between two pieces.
    carry: Vec<u8>,
}

impl<'d> PackedReader<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        PackedReader {
            dataset,
            head_bytes: Vec::new(),
            head: None,
            rows: Recommendations::default(),
            texts: Vec::new(),
            paragraphs: Vec::new(),
            targets: Vec::new(),
            section: 0,
            left: 0,
            carry: Vec::new(),
        }
    }

    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), LoadError> {
        while self.head.is_none() {
            let wanted = match self.head_bytes.len() < PREFIX {
                true => PREFIX,
                false => PREFIX + self.head_length()?,
            };
            let take = (wanted - self.head_bytes.len()).min(bytes.len());
            self.head_bytes.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.head_bytes.len() < wanted {
                return Ok(());
            }
            if wanted > PREFIX || self.head_length()? == 0 {
                let head = read_head(&self.head_bytes[PREFIX..], self.dataset)?;
                self.begin(head)?;
            }
        }
        while !bytes.is_empty() {
            let Some(section) = SECTIONS.get(self.section).copied() else {
                return Err(damaged("it goes on after its last column"));
            };
            let take = self.left.min(bytes.len());
            self.append(section, &bytes[..take]);
            bytes = &bytes[take..];
            self.left -= take;
            self.next_section()?;
        }
        Ok(())
    }

    /// The file's whole length, once its head is read: a download's
    /// progress against it (the server's length is the gzipped one).
    pub fn length(&self) -> Option<u64> {
        let head = self.head.as_ref()?;
        let sections = SECTIONS.iter().try_fold(0u64, |sum, section| Some(sum + head.lengths.of(*section)? as u64))?;
        Some((PREFIX + head.length) as u64 + sections)
    }

    /// The head's length, once the prefix is in (checking the prefix).
    fn head_length(&self) -> Result<usize, LoadError> {
        let prefix = &self.head_bytes[..PREFIX];
        if &prefix[..8] != MAGIC {
            return Err(damaged("it is not a packed texts file"));
        }
        let format = u32::from_le_bytes(prefix[8..12].try_into().unwrap_or_default());
        if format != FORMAT {
            return Err(damaged(&format!("it is packed in format {format}, but this viewer reads format {FORMAT}")));
        }
        let length = u32::from_le_bytes(prefix[12..16].try_into().unwrap_or_default()) as usize;
        if length > MAX_HEAD {
            return Err(damaged("its head is too long"));
        }
        Ok(length)
    }

    /// Reserves every column at the size the head declares, so that none
    /// grows (a doubling would hold two copies for a moment, and wasm
    /// memory never shrinks).
    fn begin(&mut self, head: Head) -> Result<(), LoadError> {
        let Lengths { rows, texts, edits, paragraphs, targets } = head.lengths;
        let too_large = |_| damaged("it declares more than this device can hold");
        let r = &mut self.rows;
        r.review.try_reserve_exact(rows).map_err(too_large)?;
        r.from.try_reserve_exact(rows).map_err(too_large)?;
        r.flags.try_reserve_exact(rows).map_err(too_large)?;
        r.themes.try_reserve_exact(rows).map_err(too_large)?;
        r.sdg_goals.try_reserve_exact(rows).map_err(too_large)?;
        r.persons.try_reserve_exact(rows).map_err(too_large)?;
        r.document.try_reserve_exact(rows).map_err(too_large)?;
        r.paragraphs.ends.try_reserve_exact(rows).map_err(too_large)?;
        r.targets.ends.try_reserve_exact(rows).map_err(too_large)?;
        r.search_text.starts.try_reserve_exact(rows).map_err(too_large)?;
        r.search_text.edit_starts.try_reserve_exact(rows).map_err(too_large)?;
        r.search_text.edits.try_reserve_exact(edits).map_err(too_large)?;
        self.texts.try_reserve_exact(texts).map_err(too_large)?;
        self.paragraphs.try_reserve_exact(paragraphs).map_err(too_large)?;
        self.targets.try_reserve_exact(targets).map_err(too_large)?;
        self.head = Some(head);
        self.head_bytes = Vec::new();
        self.section = 0;
        self.left = self.section_length(0)?;
        self.next_section()
    }

    fn section_length(&self, index: usize) -> Result<usize, LoadError> {
        match (SECTIONS.get(index), &self.head) {
            (Some(section), Some(head)) => head.lengths.of(*section).ok_or_else(|| damaged("a column's length overflows")),
            _ => Ok(0),
        }
    }

    /// Moves past the columns that are complete (or empty).
    fn next_section(&mut self) -> Result<(), LoadError> {
        while self.left == 0 && self.section < SECTIONS.len() {
            self.section += 1;
            self.left = self.section_length(self.section)?;
        }
        Ok(())
    }

    fn append(&mut self, section: Section, bytes: &[u8]) {
        let (rows, carry) = (&mut self.rows, &mut self.carry);
        match section {
            Section::Review => append_le(&mut rows.review, carry, bytes, u16::from_le_bytes),
            Section::From => append_le(&mut rows.from, carry, bytes, u16::from_le_bytes),
            Section::Flags => rows.flags.extend_from_slice(bytes),
            Section::Themes => append_le(&mut rows.themes, carry, bytes, u64::from_le_bytes),
            Section::Goals => append_le(&mut rows.sdg_goals, carry, bytes, u32::from_le_bytes),
            Section::Persons => append_le(&mut rows.persons, carry, bytes, u16::from_le_bytes),
            Section::Document => append_le(&mut rows.document, carry, bytes, u32::from_le_bytes),
            Section::ParagraphEnds => append_le(&mut rows.paragraphs.ends, carry, bytes, u32::from_le_bytes),
            Section::Paragraphs => self.paragraphs.extend_from_slice(bytes),
            Section::TargetEnds => append_le(&mut rows.targets.ends, carry, bytes, u32::from_le_bytes),
            Section::Targets => self.targets.extend_from_slice(bytes),
            Section::TextStarts => append_le(&mut rows.search_text.starts, carry, bytes, u32::from_le_bytes),
            Section::Texts => self.texts.extend_from_slice(bytes),
            Section::EditStarts => append_le(&mut rows.search_text.edit_starts, carry, bytes, u32::from_le_bytes),
            Section::Edits => rows.search_text.edits.extend_from_slice(bytes),
        }
    }

    /// The texts, once every byte is in and every column has been checked.
    pub fn finish(self) -> Result<LoadedTexts, LoadError> {
        let Some(head) = self.head else {
            return Err(damaged("it ends before its head does"));
        };
        if self.section < SECTIONS.len() {
            return Err(damaged("it ends before its last column does"));
        }
        let Head { length: _, lengths: _, documents, state_names, participants, pledges } = head;
        let mut rows = self.rows;
        let utf8 = |bytes: Vec<u8>, what: &str| String::from_utf8(bytes).map_err(|_| damaged(&format!("its {what} are not UTF-8 text")));
        rows.search_text.haystack = utf8(self.texts, "texts")?;
        rows.paragraphs.text = utf8(self.paragraphs, "paragraph numbers")?;
        rows.targets.text = utf8(self.targets, "SDG targets")?;
        rows.documents = documents;
        let ranges = check_rows(self.dataset, &rows)?;
        for (index, range) in ranges.iter().enumerate() {
            check_review(self.dataset, PACKED_TEXTS_FILE, index, &rows, range.clone(), pledges[index].len(), &participants[index])?;
        }
        Ok(LoadedTexts { recommendations: rows, ranges, pledges, participants, state_names })
    }
}

/// Appends the little-endian numbers of `bytes` to `column`; a number cut
/// at the end waits in `carry` for the rest of its bytes.
fn append_le<T, const N: usize>(column: &mut Vec<T>, carry: &mut Vec<u8>, mut bytes: &[u8], read: fn([u8; N]) -> T) {
    if !carry.is_empty() {
        let take = (N - carry.len()).min(bytes.len());
        carry.extend_from_slice(&bytes[..take]);
        bytes = &bytes[take..];
        if carry.len() < N {
            return;
        }
        column.push(read(carry.as_slice().try_into().unwrap_or([0; N])));
        carry.clear();
    }
    let (numbers, rest) = bytes.as_chunks::<N>();
    column.extend(numbers.iter().map(|number| read(*number)));
    carry.extend_from_slice(rest);
}

/// Checks every column against the others and against the dataset, and
/// gives each review's rows.
fn check_rows(dataset: &Dataset, rows: &Recommendations) -> Result<Vec<std::ops::Range<usize>>, LoadError> {
    let count = rows.review.len();
    let mut ranges = Vec::with_capacity(dataset.reviews.len());
    let mut row = 0;
    for index in 0..dataset.reviews.len() {
        let start = row;
        while rows.review.get(row).is_some_and(|review| *review as usize == index) {
            row += 1;
        }
        ranges.push(start..row);
    }
    if row != count {
        return Err(damaged("its rows are not in the order of the overview's reviews"));
    }
    let states = dataset.states.len();
    if rows.from.iter().any(|from| *from != NONE_U16 && *from as usize >= states) {
        return Err(damaged("a row names a State the overview does not have"));
    }
    if rows.flags.iter().any(|flags| flags & !KNOWN_FLAGS != 0 || flags & 7 > 5) {
        return Err(damaged("a row has an unknown action category or flag"));
    }
    let beyond = |count: usize| if count >= 64 { 0 } else { u64::MAX << count };
    let themes = beyond(dataset.themes.len());
    let persons = beyond(dataset.persons.len());
    let goals = dataset.sdg_goals.iter().fold(0u32, |mask, g| mask | u32::from(g.number).checked_sub(1).and_then(|bit| 1u32.checked_shl(bit)).unwrap_or(0));
    if rows.themes.iter().any(|t| t & themes != 0)
        || rows.persons.iter().any(|p| u64::from(*p) & persons != 0)
        || rows.sdg_goals.iter().any(|g| g & !goals != 0)
    {
        return Err(damaged("a row has a theme, SDG goal or group of persons the overview does not have"));
    }
    if rows.document.iter().any(|d| *d != NONE_U32 && *d as usize >= rows.documents.len()) {
        return Err(damaged("a row names a document the file does not list"));
    }
    check_ends(&rows.paragraphs, count, "paragraph numbers")?;
    check_ends(&rows.targets, count, "SDG targets")?;
    check_search_text(&rows.search_text, count)?;
    Ok(ranges)
}

/// Each entry of a string column ends after the one before, within the
/// text and between characters.
fn check_ends(column: &StringColumn, count: usize, what: &str) -> Result<(), LoadError> {
    let mut last = 0;
    for end in &column.ends {
        let end = *end as usize;
        if end < last || !column.text.is_char_boundary(end) {
            return Err(damaged(&format!("its {what} are cut out of order")));
        }
        last = end;
    }
    if column.ends.len() != count || last != column.text.len() {
        return Err(damaged(&format!("its {what} do not add up")));
    }
    Ok(())
}

/// Each text starts after the separator that ends the one before, and the
/// buffer holds no other separator: the searches' slices never fall
/// outside a text, nor across two. Each text's edits come in order.
fn check_search_text(search: &SearchText, count: usize) -> Result<(), LoadError> {
    let haystack = search.haystack.as_bytes();
    let separator = SEPARATOR as u8;
    let separators = memchr::memchr_iter(separator, haystack).count();
    let starts_ok = search.starts.iter().enumerate().all(|(row, start)| {
        let start = *start as usize;
        match row {
            0 => start == 0,
            _ => start <= haystack.len() && haystack.get(start.wrapping_sub(1)) == Some(&separator),
        }
    });
    let increasing = search.starts.windows(2).all(|pair| pair[0] < pair[1]);
    if separators != count || !starts_ok || !increasing || haystack.last().is_some_and(|b| *b != separator) {
        return Err(damaged("its texts are cut out of order"));
    }
    let edits_ok = search.edit_starts.first().is_none_or(|first| *first == 0)
        && search.edit_starts.windows(2).all(|pair| pair[0] <= pair[1])
        && search.edit_starts.last().is_none_or(|last| *last as usize <= search.edits.len());
    if !edits_ok {
        return Err(damaged("its texts' edits are cut out of order"));
    }
    Ok(())
}

/// Reads the head and checks that it was packed for `dataset`.
fn read_head(bytes: &[u8], dataset: &Dataset) -> Result<Head, LoadError> {
    let mut head = Cursor(bytes);
    let version = head.number()?;
    if version != SCHEMA_VERSION as usize {
        return Err(LoadError::Version { file: PACKED_TEXTS_FILE.into(), found: version.min(u32::MAX as usize) as u32 });
    }
    let totals = Totals { reviews: head.number_u32()?, recommendations: head.number_u32()?, pledges: head.number_u32()? };
    if totals != dataset.totals {
        return Err(LoadError::Count {
            file: PACKED_TEXTS_FILE.into(),
            what: format!("recommendations (the overview declares {:?})", dataset.totals),
            declared: totals.recommendations.into(),
            found: dataset.totals.recommendations.into(),
        });
    }
    let other = |what: &str| damaged(&format!("it was packed with another overview.json (its {what} differ): both files must come from the same build"));
    let mut same_ids = |ids: Vec<&str>, what: &str| -> Result<(), LoadError> {
        let count = head.count()?;
        let mut same = count == ids.len();
        for index in 0..count {
            same &= ids.get(index) == Some(&head.string()?);
        }
        if same { Ok(()) } else { Err(other(what)) }
    };
    same_ids(dataset.states.iter().map(|s| s.id.as_str()).collect(), "States")?;
    same_ids(dataset.themes.iter().map(|t| t.id.as_str()).collect(), "themes")?;
    same_ids(dataset.persons.iter().map(|p| p.id.as_str()).collect(), "groups of persons")?;
    let documents = (0..head.count()?).map(|_| head.string().map(Box::from)).collect::<Result<_, _>>()?;
    let goals = (0..head.count()?).map(|_| head.number()).collect::<Result<Vec<_>, _>>()?;
    if !goals.iter().copied().eq(dataset.sdg_goals.iter().map(|g| usize::from(g.number))) {
        return Err(other("SDG goals"));
    }
    let mut state_names = BTreeMap::new();
    for _ in 0..head.count()? {
        let iso = head.string()?.to_owned();
        let names = (0..head.count()?).map(|_| head.string().map(str::to_owned)).collect::<Result<_, _>>()?;
        state_names.insert(iso, names);
    }
    if head.count()? != dataset.reviews.len() {
        return Err(other("reviews"));
    }
    let mut participants = Vec::with_capacity(dataset.reviews.len());
    let mut pledges = Vec::with_capacity(dataset.reviews.len());
    for review in &dataset.reviews {
        if head.string()? != review.summary.id {
            return Err(other("reviews"));
        }
        let mut states = || -> Result<Vec<StateIndex>, LoadError> {
            (0..head.count()?)
                .map(|_| match head.number()? {
                    n if n < dataset.states.len() => Ok(n as StateIndex),
                    _ => Err(damaged("a review names a State the overview does not have")),
                })
                .collect()
        };
        participants.push(ParticipatingStates { members: states()?, observers: states()? });
        let mut made = Vec::new();
        for _ in 0..head.count()? {
            let text = head.string()?.to_owned();
            let action = u8::try_from(head.number()?).map_err(|_| damaged("a pledge has an unknown action category"))?;
            let themes = (0..head.count()?).map(|_| head.string().map(str::to_owned)).collect::<Result<_, _>>()?;
            made.push(Pledge { text, action, themes });
        }
        pledges.push(made);
    }
    let lengths = Lengths { rows: head.number()?, texts: head.number()?, edits: head.number()?, paragraphs: head.number()?, targets: head.number()? };
    if lengths.rows != dataset.totals.recommendations as usize {
        return Err(damaged("its rows are not the recommendations it declares"));
    }
    if !head.0.is_empty() {
        return Err(damaged("its head goes on after its end"));
    }
    Ok(Head { length: bytes.len(), lengths, documents, state_names, participants, pledges })
}

/// Reads the head's numbers and strings, refusing any that runs past it.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn number(&mut self) -> Result<usize, LoadError> {
        let mut value = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let Some((byte, rest)) = self.0.split_first() else { break };
            self.0 = rest;
            value |= usize::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(damaged("its head is cut short"))
    }

    fn number_u32(&mut self) -> Result<u32, LoadError> {
        u32::try_from(self.number()?).map_err(|_| damaged("its head holds a number out of range"))
    }

    /// A count of items that follow, each at least a byte long: no count
    /// larger than the bytes left is believed (nor reserved for).
    fn count(&mut self) -> Result<usize, LoadError> {
        let count = self.number()?;
        if count > self.0.len() {
            return Err(damaged("its head is cut short"));
        }
        Ok(count)
    }

    fn string(&mut self) -> Result<&'a str, LoadError> {
        let length = self.count()?;
        let (text, rest) = self.0.split_at(length);
        self.0 = rest;
        std::str::from_utf8(text).map_err(|_| damaged("its head holds text that is not UTF-8"))
    }
}

fn damaged(why: &str) -> LoadError {
    LoadError::Json { file: PACKED_TEXTS_FILE.into(), message: why.into() }
}
