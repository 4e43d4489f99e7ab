//! Reading a packed file as it arrives ([`PackedReader`]): its head, then
//! each column into its place; the columns' checks are in [`check`](super::check).

use super::check::{check_rows, check_search_text};
use super::pieces::TextPieces;
use super::{
    damaged, Lengths, Section, FORMAT, MAGIC, MAX_HEAD, PACKED_TEXTS_FILE, PREFIX, SECTIONS,
};
use crate::dataset::indices::StateIndex;
use crate::dataset::load::{check_review, Dataset, LoadError, LoadedTexts, ParticipatingStates};
use crate::dataset::option_rows::OptionRows;
use crate::dataset::schema::{Pledge, Totals, SCHEMA_VERSION};
use crate::dataset::texts::Recommendations;
use std::collections::BTreeMap;

/// What the head holds besides the lengths.
pub(super) struct Head {
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
    /// The texts, checked as they arrive; the short strings' buffers,
    /// checked as UTF-8 once whole.
    texts: TextPieces,
    paragraphs: Vec<u8>,
    targets: Vec<u8>,
    index_themes: Vec<u8>,
    index_persons: Vec<u8>,
    /// The column being read, and how many of its bytes are still to come.
    section: usize,
    left: usize,
    /// The first bytes of a number cut between two pieces.
    carry: Vec<u8>,
    /// The rows' columns checked (each review's rows), and each option's
    /// rows: done as soon as every column before the texts is in
    /// ([`check_row_columns`](Self::check_row_columns)).
    checked: Option<(Vec<std::ops::Range<usize>>, OptionRows)>,
}

/// Where the texts' column is in [`SECTIONS`]: the columns before it hold
/// the rows' figures, what the texts are checked and indexed by.
const TEXTS_AT: usize = {
    let mut at = 0;
    while !matches!(SECTIONS[at], Section::Texts) {
        at += 1;
    }
    at
};

impl<'d> PackedReader<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        PackedReader {
            dataset,
            head_bytes: Vec::new(),
            head: None,
            rows: Recommendations::default(),
            texts: TextPieces::default(),
            paragraphs: Vec::new(),
            targets: Vec::new(),
            index_themes: Vec::new(),
            index_persons: Vec::new(),
            section: 0,
            left: 0,
            carry: Vec::new(),
            checked: None,
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
            if self.section >= TEXTS_AT && self.checked.is_none() {
                self.checked = Some(self.check_row_columns()?);
            }
        }
        Ok(())
    }

    /// Checks the rows' columns and indexes each option's rows, once they
    /// are in: the texts, four fifths of the file, arrive after them, and
    /// this is done while they do rather than after (at 16 times today's
    /// data, 100 ms of the wait for the texts).
    fn check_row_columns(
        &mut self,
    ) -> Result<(Vec<std::ops::Range<usize>>, OptionRows), LoadError> {
        let Some(head) = &mut self.head else {
            return Err(damaged("it ends before its head does"));
        };
        let utf8 = |bytes: Vec<u8>, what: &str| {
            String::from_utf8(bytes).map_err(|_| damaged(&format!("its {what} are not UTF-8 text")))
        };
        let rows = &mut self.rows;
        rows.paragraphs.text = utf8(std::mem::take(&mut self.paragraphs), "paragraph numbers")?;
        rows.targets.text = utf8(std::mem::take(&mut self.targets), "SDG targets")?;
        rows.index_themes.text = utf8(std::mem::take(&mut self.index_themes), "Index themes")?;
        rows.index_persons.text = utf8(
            std::mem::take(&mut self.index_persons),
            "Index groups of persons",
        )?;
        rows.documents = std::mem::take(&mut head.documents);
        let ranges = check_rows(self.dataset, rows)?;
        for (index, range) in ranges.iter().enumerate() {
            check_review(
                self.dataset,
                PACKED_TEXTS_FILE,
                index,
                rows,
                range.clone(),
                head.pledges[index].len(),
                &head.participants[index],
            )?;
        }
        Ok((ranges, OptionRows::new(rows, self.dataset.option_counts())))
    }

    /// The file's whole length, once its head is read: a download's
    /// progress against it (the server's length is the gzipped one).
    pub fn length(&self) -> Option<u64> {
        let head = self.head.as_ref()?;
        let sections = SECTIONS.iter().try_fold(0u64, |sum, section| {
            Some(sum + head.lengths.of(*section)? as u64)
        })?;
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
            return Err(damaged(&format!(
                "it is packed in format {format}, but this viewer reads format {FORMAT}"
            )));
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
        let Lengths {
            rows,
            texts,
            edits,
            paragraphs,
            targets,
            index_themes,
            index_persons,
        } = head.lengths;
        let too_large = |_| damaged("it declares more than this device can hold");
        let r = &mut self.rows;
        r.review.try_reserve_exact(rows).map_err(too_large)?;
        r.from.try_reserve_exact(rows).map_err(too_large)?;
        r.flags.try_reserve_exact(rows).map_err(too_large)?;
        r.themes.try_reserve_exact(rows).map_err(too_large)?;
        r.sdg_goals.try_reserve_exact(rows).map_err(too_large)?;
        r.persons.try_reserve_exact(rows).map_err(too_large)?;
        r.document.try_reserve_exact(rows).map_err(too_large)?;
        r.paragraphs
            .ends
            .try_reserve_exact(rows)
            .map_err(too_large)?;
        r.targets.ends.try_reserve_exact(rows).map_err(too_large)?;
        r.index_themes
            .ends
            .try_reserve_exact(rows)
            .map_err(too_large)?;
        r.index_persons
            .ends
            .try_reserve_exact(rows)
            .map_err(too_large)?;
        r.search_text
            .starts
            .try_reserve_exact(rows)
            .map_err(too_large)?;
        r.search_text
            .edit_starts
            .try_reserve_exact(rows)
            .map_err(too_large)?;
        r.search_text
            .edits
            .try_reserve_exact(edits)
            .map_err(too_large)?;
        self.texts.try_reserve_exact(texts).map_err(too_large)?;
        self.paragraphs
            .try_reserve_exact(paragraphs)
            .map_err(too_large)?;
        self.targets.try_reserve_exact(targets).map_err(too_large)?;
        self.index_themes
            .try_reserve_exact(index_themes)
            .map_err(too_large)?;
        self.index_persons
            .try_reserve_exact(index_persons)
            .map_err(too_large)?;
        self.head = Some(head);
        self.head_bytes = Vec::new();
        self.section = 0;
        self.left = self.section_length(0)?;
        self.next_section()
    }

    fn section_length(&self, index: usize) -> Result<usize, LoadError> {
        match (SECTIONS.get(index), &self.head) {
            (Some(section), Some(head)) => head
                .lengths
                .of(*section)
                .ok_or_else(|| damaged("a column's length overflows")),
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
            Section::ParagraphEnds => {
                append_le(&mut rows.paragraphs.ends, carry, bytes, u32::from_le_bytes)
            }
            Section::Paragraphs => self.paragraphs.extend_from_slice(bytes),
            Section::TargetEnds => {
                append_le(&mut rows.targets.ends, carry, bytes, u32::from_le_bytes)
            }
            Section::Targets => self.targets.extend_from_slice(bytes),
            Section::IndexThemeEnds => append_le(
                &mut rows.index_themes.ends,
                carry,
                bytes,
                u32::from_le_bytes,
            ),
            Section::IndexThemes => self.index_themes.extend_from_slice(bytes),
            Section::IndexPersonEnds => append_le(
                &mut rows.index_persons.ends,
                carry,
                bytes,
                u32::from_le_bytes,
            ),
            Section::IndexPersons => self.index_persons.extend_from_slice(bytes),
            Section::TextStarts => append_le(
                &mut rows.search_text.starts,
                carry,
                bytes,
                u32::from_le_bytes,
            ),
            Section::Texts => self.texts.push(bytes),
            Section::EditStarts => append_le(
                &mut rows.search_text.edit_starts,
                carry,
                bytes,
                u32::from_le_bytes,
            ),
            Section::Edits => rows.search_text.edits.extend_from_slice(bytes),
        }
    }

    /// The texts, once every byte is in and every column has been checked.
    pub fn finish(mut self) -> Result<LoadedTexts, LoadError> {
        if self.head.is_none() {
            return Err(damaged("it ends before its head does"));
        }
        if self.section < SECTIONS.len() {
            return Err(damaged("it ends before its last column does"));
        }
        let (ranges, option_rows) = match self.checked.take() {
            Some(checked) => checked,
            // A file without rows: no column before the texts was read.
            None => self.check_row_columns()?,
        };
        let Some(Head {
            state_names,
            participants,
            pledges,
            ..
        }) = self.head
        else {
            return Err(damaged("it ends before its head does"));
        };
        let mut rows = self.rows;
        let (haystack, separators) = self
            .texts
            .finish()
            .ok_or_else(|| damaged("its texts are not UTF-8 text"))?;
        rows.search_text.haystack = haystack;
        check_search_text(&rows.search_text, rows.len(), separators)?;
        Ok(LoadedTexts {
            recommendations: rows,
            ranges,
            pledges,
            participants,
            state_names,
            option_rows,
        })
    }
}

/// Appends the little-endian numbers of `bytes` to `column`; a number cut
/// at the end waits in `carry` for the rest of its bytes.
fn append_le<T, const N: usize>(
    column: &mut Vec<T>,
    carry: &mut Vec<u8>,
    mut bytes: &[u8],
    read: fn([u8; N]) -> T,
) {
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

/// Reads the head and checks that it was packed for `dataset`.
fn read_head(bytes: &[u8], dataset: &Dataset) -> Result<Head, LoadError> {
    let mut head = Cursor(bytes);
    let version = head.number()?;
    if version != SCHEMA_VERSION as usize {
        return Err(LoadError::Version {
            file: PACKED_TEXTS_FILE.into(),
            found: version.min(u32::MAX as usize) as u32,
        });
    }
    let totals = Totals {
        reviews: head.number_u32()?,
        recommendations: head.number_u32()?,
        pledges: head.number_u32()?,
    };
    if totals != dataset.totals {
        return Err(LoadError::Count {
            file: PACKED_TEXTS_FILE.into(),
            what: format!(
                "recommendations (the overview declares {:?})",
                dataset.totals
            ),
            declared: totals.recommendations.into(),
            found: dataset.totals.recommendations.into(),
        });
    }
    let other = |what: &str| {
        damaged(&format!("it was packed with another overview.json (its {what} differ): both files must come from the same build"))
    };
    let mut same_ids = |ids: Vec<&str>, what: &str| -> Result<(), LoadError> {
        let count = head.count()?;
        let mut same = count == ids.len();
        for index in 0..count {
            same &= ids.get(index) == Some(&head.string()?);
        }
        if same {
            Ok(())
        } else {
            Err(other(what))
        }
    };
    same_ids(
        dataset.states.iter().map(|s| s.id.as_str()).collect(),
        "States",
    )?;
    same_ids(
        dataset.themes.iter().map(|t| t.id.as_str()).collect(),
        "themes",
    )?;
    same_ids(
        dataset.persons.iter().map(|p| p.id.as_str()).collect(),
        "groups of persons",
    )?;
    let documents = (0..head.count()?)
        .map(|_| head.string().map(Box::from))
        .collect::<Result<_, _>>()?;
    let goals = (0..head.count()?)
        .map(|_| head.number())
        .collect::<Result<Vec<_>, _>>()?;
    if !goals
        .iter()
        .copied()
        .eq(dataset.sdg_goals.iter().map(|g| usize::from(g.number)))
    {
        return Err(other("SDG goals"));
    }
    let mut state_names = BTreeMap::new();
    for _ in 0..head.count()? {
        let iso = head.string()?.to_owned();
        let names = (0..head.count()?)
            .map(|_| head.string().map(str::to_owned))
            .collect::<Result<_, _>>()?;
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
        participants.push(ParticipatingStates {
            members: states()?,
            observers: states()?,
        });
        let mut made = Vec::new();
        for _ in 0..head.count()? {
            let text = head.string()?.to_owned();
            let action = u8::try_from(head.number()?)
                .map_err(|_| damaged("a pledge has an unknown action category"))?;
            let themes = (0..head.count()?)
                .map(|_| head.string().map(str::to_owned))
                .collect::<Result<_, _>>()?;
            made.push(Pledge {
                text,
                action,
                themes,
            });
        }
        pledges.push(made);
    }
    let lengths = Lengths {
        rows: head.number()?,
        texts: head.number()?,
        edits: head.number()?,
        paragraphs: head.number()?,
        targets: head.number()?,
        index_themes: head.number()?,
        index_persons: head.number()?,
    };
    if lengths.rows != dataset.totals.recommendations as usize {
        return Err(damaged("its rows are not the recommendations it declares"));
    }
    if !head.0.is_empty() {
        return Err(damaged("its head goes on after its end"));
    }
    Ok(Head {
        length: bytes.len(),
        lengths,
        documents,
        state_names,
        participants,
        pledges,
    })
}

/// Reads the head's numbers and strings, refusing any that runs past it.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn number(&mut self) -> Result<usize, LoadError> {
        let mut value = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let Some((byte, rest)) = self.0.split_first() else {
                break;
            };
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
