//! The recommendations held column by column (struct of arrays): a few
//! bytes of flags and bit masks per recommendation, and every text once, in
//! one buffer, in the folded form the search reads. The original text is
//! given back from the folded one and a short list of edits (mostly "this
//! letter was a capital"), so a text costs about its own size once instead
//! of twice (original and folded) plus a `String` per recommendation.

use super::indices::StateIndex;
use super::schema::Response;
use super::varint::{read_varint, varint};
use super::word_index::WordIndex;
use crate::search::{self, RowSet};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// No recommending State (the source says "(Unknown)"), no document.
pub(super) const NONE_U16: u16 = u16::MAX;
pub(super) const NONE_U32: u32 = u32::MAX;
/// [`flags`](Recommendations::flags): bits 0-2 the action category (0 none), then these.
pub(super) const NOTED: u8 = 1 << 3;
pub(super) const HAS_PARAGRAPH: u8 = 1 << 4;
/// Between two entries of one recommendation in a list column
/// ([`targets`](Recommendations::targets), `index_themes`,
/// `index_persons`); no entry holds it.
const TARGET_SEPARATOR: char = '\n';

/// From this many recommendations on (1.7 times today's 57,600), the
/// texts' words are indexed for the search ([`WordIndex`]), once the texts
/// are in ([`Recommendations::wants_word_index`]); below, a search scans the
/// texts. Where the two costs cross: the index takes a fifth of
/// the texts' size on today's data (1.7 MB), an eighth at 16 times (17.3
/// MB), and the memory budget (twice the texts, docs/benchmarks.md) has
/// 0.3 MB left on today's data, where the app's fixed part (about 2.4 MB)
/// weighs most; at 100,000 recommendations the index fits. The scan,
/// linear in the texts, answers today's data well within the search's 33
/// ms (the benchmark's "filter alone" in wasm: 1.9-3.9 ms), and 16 times
/// the data in 33-67 ms, beyond it.
const WORD_INDEX_FROM_ROWS: usize = 100_000;

/// From this length (in bytes) a word-prefix search scans the texts once,
/// checking each occurrence for a word start; below it, a first pass
/// looks for the needle after a space, since a short needle (`t`, `tor`)
/// occurs inside words throughout the texts.
const ONE_PASS_FROM_BYTES: usize = 5;

/// The action category a row's [`flags`] hold (bits 0-2, 0 for none).
///
/// [`flags`]: Recommendations::flags
pub(super) fn action_of_flags(flags: u8) -> Option<u8> {
    Some(flags & 7).filter(|a| *a != 0)
}

/// A recommendation's small fields, copied out of the columns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowFields {
    pub review: u16,
    pub from: Option<StateIndex>,
    pub response: Response,
    /// `None` where the source has no action category (a review only the
    /// DIHR Explorer holds).
    pub action: Option<u8>,
    /// Bit `i` set when the recommendation carries theme `i`.
    pub themes: u64,
    /// Bit `g - 1` set when the recommendation is linked to SDG goal `g`.
    pub sdg_goals: u32,
    /// Bit `i` set when it concerns [`Dataset::persons[i]`].
    ///
    /// [`Dataset::persons[i]`]: crate::dataset::Dataset::persons
    pub persons: u16,
}

/// One recommendation as the filter and the components read it: its
/// [`RowFields`] ([`row.from`], [`row.themes`], ...), and its strings borrowed
/// from the columns through methods.
///
/// [`row.from`]: RowFields::from
/// [`row.themes`]: RowFields::themes
#[derive(Clone, Copy, Debug)]
pub struct RecommendationRow<'a> {
    fields: RowFields,
    index: usize,
    columns: &'a Recommendations,
}

impl std::ops::Deref for RecommendationRow<'_> {
    type Target = RowFields;
    fn deref(&self) -> &RowFields {
        &self.fields
    }
}

impl<'a> RecommendationRow<'a> {
    /// Its index in [`Dataset::recommendations`](crate::dataset::Dataset::recommendations).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The text as in the data.
    pub fn text(&self) -> String {
        self.columns.search_text.original(self.index)
    }

    /// The Working Group report's symbol (`A/HRC/33/13`) ...
    pub fn document(&self) -> Option<&'a str> {
        let index = self.columns.document[self.index];
        (index != NONE_U32).then(|| self.columns.documents[index as usize].as_ref())
    }

    /// ... and the recommendation's paragraph in it (`135.61`).
    pub fn paragraph(&self) -> Option<&'a str> {
        let has = self.columns.flags[self.index] & HAS_PARAGRAPH != 0;
        has.then(|| self.columns.paragraphs.get(self.index))
    }

    /// SDG targets (`16.3`); `16.1|16.10` where the source cannot tell
    /// which of the two it means.
    pub fn sdg_targets(&self) -> impl Iterator<Item = &'a str> + 'a {
        let joined = self.columns.targets.get(self.index);
        joined.split(TARGET_SEPARATOR).filter(|t| !t.is_empty())
    }

    /// The OHCHR Universal Human Rights Index's themes, as it labels them;
    /// none where the recommendation does not come from the Index.
    pub fn index_themes(&self) -> impl Iterator<Item = &'a str> + 'a {
        let joined = self.columns.index_themes.get(self.index);
        joined.split(TARGET_SEPARATOR).filter(|t| !t.is_empty())
    }

    /// The Index's groups of persons ("Affected Persons"), as it labels them.
    pub fn index_persons(&self) -> impl Iterator<Item = &'a str> + 'a {
        let joined = self.columns.index_persons.get(self.index);
        joined.split(TARGET_SEPARATOR).filter(|t| !t.is_empty())
    }
}

impl PartialEq for RecommendationRow<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.columns, other.columns) && self.index == other.index
    }
}

/// One recommendation's fields as read from the file, before they are
/// stored in columns.
pub struct NewRecommendation<'a> {
    pub fields: RowFields,
    pub text: &'a str,
    pub sdg_targets: &'a [&'a str],
    pub document: Option<&'a str>,
    pub paragraph: Option<&'a str>,
    pub index_themes: &'a [&'a str],
    pub index_persons: &'a [&'a str],
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recommendations {
    pub(super) review: Vec<u16>,
    pub(super) from: Vec<u16>,
    pub(super) flags: Vec<u8>,
    pub(super) themes: Vec<u64>,
    pub(super) sdg_goals: Vec<u32>,
    pub(super) persons: Vec<u16>,
    /// Index into [`documents`](Self::documents): a few hundred reports cited by all.
    pub(super) document: Vec<u32>,
    pub(super) documents: Vec<Box<str>>,
    pub(super) document_index: FxHashMap<Box<str>, u32>,
    pub(super) paragraphs: StringColumn,
    pub(super) targets: StringColumn,
    /// The OHCHR Index's own labels, kept as written: lists of their own,
    /// never bits of `themes` or `persons`.
    pub(super) index_themes: StringColumn,
    pub(super) index_persons: StringColumn,
    pub(super) search_text: SearchText,
}

impl Recommendations {
    /// Room for `rows` recommendations whose texts take about `text_bytes`.
    pub fn with_capacity(rows: usize, text_bytes: usize) -> Self {
        Recommendations {
            review: Vec::with_capacity(rows),
            from: Vec::with_capacity(rows),
            flags: Vec::with_capacity(rows),
            themes: Vec::with_capacity(rows),
            sdg_goals: Vec::with_capacity(rows),
            persons: Vec::with_capacity(rows),
            document: Vec::with_capacity(rows),
            paragraphs: StringColumn::with_capacity(rows, rows * 6),
            targets: StringColumn::with_capacity(rows, 0),
            index_themes: StringColumn::with_capacity(rows, 0),
            index_persons: StringColumn::with_capacity(rows, 0),
            search_text: SearchText::with_capacity(rows, text_bytes),
            ..Recommendations::default()
        }
    }

    pub fn push(&mut self, new: NewRecommendation) {
        let fields = new.fields;
        self.review.push(fields.review);
        self.from.push(fields.from.unwrap_or(NONE_U16));
        let noted = if fields.response == Response::Noted {
            NOTED
        } else {
            0
        };
        let paragraph = if new.paragraph.is_some() {
            HAS_PARAGRAPH
        } else {
            0
        };
        self.flags
            .push(fields.action.unwrap_or(0) & 7 | noted | paragraph);
        self.themes.push(fields.themes);
        self.sdg_goals.push(fields.sdg_goals);
        self.persons.push(fields.persons);
        let document = new.document.map_or(NONE_U32, |symbol| {
            if let Some(index) = self.document_index.get(symbol) {
                return *index;
            }
            let index = self.documents.len() as u32;
            self.documents.push(symbol.into());
            self.document_index.insert(symbol.into(), index);
            index
        });
        self.document.push(document);
        self.paragraphs.push([new.paragraph.unwrap_or_default()]);
        self.targets.push(new.sdg_targets.iter().copied());
        self.index_themes.push(new.index_themes.iter().copied());
        self.index_persons.push(new.index_persons.iter().copied());
        self.search_text.push(new.text);
    }

    /// Frees what was reserved but not used, and the loading's lookup table.
    pub fn shrink_to_fit(&mut self) {
        self.document_index = FxHashMap::default();
        self.paragraphs.text.shrink_to_fit();
        self.targets.text.shrink_to_fit();
        self.index_themes.text.shrink_to_fit();
        self.index_persons.text.shrink_to_fit();
        self.search_text.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.review.len()
    }

    pub fn is_empty(&self) -> bool {
        self.review.is_empty()
    }

    /// The recommendation at `index`; `index` must be below [`len()`](Self::len).
    pub fn row(&self, index: usize) -> RecommendationRow<'_> {
        let flags = self.flags[index];
        let from = self.from[index];
        RecommendationRow {
            fields: RowFields {
                review: self.review[index],
                from: (from != NONE_U16).then_some(from),
                response: if flags & NOTED != 0 {
                    Response::Noted
                } else {
                    Response::Accepted
                },
                action: action_of_flags(flags),
                themes: self.themes[index],
                sdg_goals: self.sdg_goals[index],
                persons: self.persons[index],
            },
            index,
            columns: self,
        }
    }

    /// The recommendations the State under review noted.
    pub fn noted(&self) -> RowSet {
        RowSet::from_column(&self.flags, |flags| flags & NOTED != 0)
    }

    pub fn get(&self, index: usize) -> Option<RecommendationRow<'_>> {
        (index < self.len()).then(|| self.row(index))
    }

    pub fn iter(&self) -> impl Iterator<Item = RecommendationRow<'_>> {
        (0..self.len()).map(|i| self.row(i))
    }

    pub fn range(&self, range: Range<usize>) -> impl Iterator<Item = RecommendationRow<'_>> {
        range.filter(|i| *i < self.len()).map(|i| self.row(i))
    }

    /// The recommendations whose recommending State passes `keep` (never
    /// those whose State is unknown).
    pub fn rows_from(&self, keep: impl Fn(StateIndex) -> bool) -> RowSet {
        RowSet::from_column(&self.from, |f| f != NONE_U16 && keep(f))
    }

    /// Whether there are enough texts for a word index to pay
    /// (`WORD_INDEX_FROM_ROWS`). Nothing builds it while the texts are
    /// read: the browser's loader builds it in slices once they are shown
    /// (a search scans until then), the native loaders at once.
    pub fn wants_word_index(&self) -> bool {
        self.len() >= WORD_INDEX_FROM_ROWS
    }

    /// Indexes the words of the texts for the search ([`WordIndex`]), at once.
    pub fn index_words(&mut self) {
        self.search_text.index_words();
    }

    pub fn search_text(&self) -> &SearchText {
        &self.search_text
    }
}

/// Short strings end to end, one (or one list) per recommendation.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct StringColumn {
    pub(super) text: String,
    pub(super) ends: Vec<u32>,
}

impl StringColumn {
    fn with_capacity(rows: usize, bytes: usize) -> Self {
        StringColumn {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(rows),
        }
    }

    /// Adds one entry: `parts` joined by [`TARGET_SEPARATOR`].
    fn push<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                self.text.push(TARGET_SEPARATOR);
            }
            self.text.push_str(part);
        }
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        self.text
            .get(start..self.ends[index] as usize)
            .unwrap_or_default()
    }
}

/// Every recommendation's text, folded ([`crate::search::fold`]: lower case,
/// Latin accents removed), end to end in one buffer: a search streams
/// through it at memory speed instead of visiting separate allocations.
/// Beside it, per text, the edits that turn the folded text back into the
/// original (`Edits`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchText {
    pub(super) haystack: String,
    /// Where each recommendation's text starts in [`haystack`](Self::haystack).
    pub(super) starts: Vec<u32>,
    pub(super) edits: Vec<u8>,
    /// Where each recommendation's edits start in [`edits`](Self::edits).
    pub(super) edit_starts: Vec<u32>,
    /// Built once the texts are in, where the data is large enough to
    /// need it ([`Recommendations::wants_word_index`]). Set through a shared
    /// reference: the browser builds it after the dataset has been handed
    /// to the viewers, who search by scanning until it is there. A lock,
    /// not a cell, so that a dataset can be shared between threads (the
    /// native tests share one).
    pub(super) index: OnceLock<WordIndex>,
}

/// A word index being built over texts already held, some rows at a time
/// ([`SearchText::index_some`]).
pub struct WordIndexing {
    index: WordIndex,
    next_row: usize,
}

/// Between two texts; no folded text holds it (folding turns white space
/// into spaces).
pub(super) const SEPARATOR: char = '\n';

/// Whether a text can hold `needle`: not when it is empty, nor when it
/// holds the separator, which would reach across two texts.
fn can_hold(needle: &str) -> bool {
    !needle.is_empty() && !needle.contains(SEPARATOR)
}

impl SearchText {
    fn with_capacity(rows: usize, text_bytes: usize) -> Self {
        SearchText {
            haystack: String::with_capacity(text_bytes),
            starts: Vec::with_capacity(rows),
            edits: Vec::with_capacity(text_bytes / 16),
            edit_starts: Vec::with_capacity(rows),
            index: OnceLock::new(),
        }
    }

    fn push(&mut self, text: &str) {
        // Grown by an eighth rather than doubled: a doubling of a buffer
        // of a hundred megabytes would hold both copies for a moment, and
        // WebAssembly memory never shrinks.
        if self.haystack.capacity() - self.haystack.len() < text.len() + 1 {
            self.haystack
                .reserve_exact(text.len() + 1 + self.haystack.capacity() / 8);
        }
        let start = self.haystack.len();
        self.starts.push(start as u32);
        self.edit_starts.push(self.edits.len() as u32);
        Edits::encode(text, &mut self.haystack, &mut self.edits);
        self.haystack.push(SEPARATOR);
        // An index of fewer texts would miss this one.
        self.index.take();
    }

    /// The haystack keeps its room: its reservation is close to the need
    /// ([`Recommendations::with_capacity`]), and a smaller copy of a hundred
    /// megabytes would cost more than the room it frees.
    fn shrink_to_fit(&mut self) {
        self.edits.shrink_to_fit();
    }

    /// Indexes the words of the texts held, at once.
    fn index_words(&mut self) {
        let mut indexing = self.start_indexing();
        while !self.index_some(&mut indexing, usize::MAX) {}
    }

    /// Begins a word index of the texts held, to be built by [`index_some`].
    ///
    /// [`index_some`]: Self::index_some
    pub fn start_indexing(&self) -> WordIndexing {
        WordIndexing {
            index: WordIndex::new(self.starts.len()),
            next_row: 0,
        }
    }

    /// Indexes up to `rows` more texts; once every text is in, the index
    /// is finished and searches read it. Returns whether it is.
    pub fn index_some(&self, indexing: &mut WordIndexing, rows: usize) -> bool {
        let end = indexing
            .next_row
            .saturating_add(rows)
            .min(self.starts.len());
        for row in indexing.next_row..end {
            indexing.index.add(row, self.folded(row));
        }
        indexing.next_row = end;
        if end < self.starts.len() {
            return false;
        }
        let mut index = std::mem::take(&mut indexing.index);
        index.finish();
        // Already set: an index of the same texts, built by another caller.
        let _ = self.index.set(index);
        true
    }

    fn folded(&self, row: usize) -> &str {
        let start = self.starts[row] as usize;
        let end = self
            .starts
            .get(row + 1)
            .map_or(self.haystack.len(), |next| *next as usize)
            - 1;
        self.haystack.get(start..end).unwrap_or_default()
    }

    fn original(&self, row: usize) -> String {
        let start = self.edit_starts[row] as usize;
        let end = self
            .edit_starts
            .get(row + 1)
            .map_or(self.edits.len(), |next| *next as usize);
        Edits::decode(self.folded(row), &self.edits[start..end])
    }

    /// The recommendations whose text holds `needle` (folded) at the start
    /// of a word (anywhere when it does not begin with a letter or digit).
    pub fn word_prefix_hits(&self, needle: &str) -> RowSet {
        let mut hits = RowSet::empty(self.starts.len());
        if !can_hold(needle) {
            return hits;
        }
        if !search::needs_word_start(needle) {
            self.scan(needle, &mut hits, |_| true);
            return hits;
        }
        let at_word_start = |at: usize| search::at_word_start(&self.haystack, at);
        if let Some(index) = self.index.get() {
            let (candidates, exact) = index.candidates(needle, self.starts.len());
            if exact {
                return candidates;
            }
            self.scan_rows(
                needle,
                candidates.iter_in(0..self.starts.len()),
                &mut hits,
                at_word_start,
            );
            return hits;
        }
        // A longer needle rarely occurs inside a word: one pass, each
        // occurrence checked for a word start.
        if needle.len() >= ONE_PASS_FROM_BYTES {
            self.scan(needle, &mut hits, at_word_start);
            return hits;
        }
        // A short needle occurs inside words everywhere. Most words begin
        // after a space: that pass finds most texts with few false starts.
        // The second pass looks only in the texts still without a hit.
        self.scan(&format!(" {needle}"), &mut hits, |_| true);
        // Where most texts have a hit already (a short, common needle),
        // look into the others only, rather than through every text.
        if hits.len() * 2 > self.starts.len() {
            let without_hit: Vec<usize> = (0..self.starts.len())
                .filter(|row| !hits.contains(*row))
                .collect();
            self.scan_rows(needle, without_hit, &mut hits, at_word_start);
        } else {
            self.scan(needle, &mut hits, at_word_start);
        }
        hits
    }

    /// [`word_prefix_hits`] among the texts of `within` only: a search's
    /// later terms, once an earlier one has narrowed the rows. Where
    /// `within` holds more than a quarter of the texts, reading them one by
    /// one costs more than one pass over all, which is taken instead.
    ///
    /// [`word_prefix_hits`]: Self::word_prefix_hits
    pub fn word_prefix_hits_within(&self, needle: &str, within: &RowSet) -> RowSet {
        let rows = self.starts.len();
        if self.index.get().is_some() || within.len() * 4 > rows {
            let mut hits = self.word_prefix_hits(needle);
            hits.and(within);
            return hits;
        }
        let mut hits = RowSet::empty(rows);
        if !can_hold(needle) {
            return hits;
        }
        let word_start = search::needs_word_start(needle);
        let accept = |at: usize| !word_start || search::at_word_start(&self.haystack, at);
        self.scan_rows(needle, within.iter_in(0..rows), &mut hits, accept);
        hits
    }

    /// Adds to `hits` each of `rows` whose text has an occurrence of
    /// `needle` that `accept`s, text by text.
    fn scan_rows(
        &self,
        needle: &str,
        rows: impl IntoIterator<Item = usize>,
        hits: &mut RowSet,
        accept: impl Fn(usize) -> bool,
    ) {
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let bytes = self.haystack.as_bytes();
        for row in rows {
            let start = self.starts[row] as usize;
            let end = self
                .starts
                .get(row + 1)
                .map_or(bytes.len(), |next| *next as usize);
            // Occurrences may overlap (`a-a` in `xa-a-a`): one that is not
            // accepted must not hide the next.
            let mut from = start;
            while let Some(found) = finder.find(&bytes[from..end]) {
                if accept(from + found) {
                    hits.insert(row);
                    break;
                }
                from += found + 1;
            }
        }
    }

    /// Adds to `hits` each text with an occurrence of `needle` that
    /// `accept`s, skipping the texts already in `hits`.
    fn scan(&self, needle: &str, hits: &mut RowSet, accept: impl Fn(usize) -> bool) {
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let bytes = self.haystack.as_bytes();
        let next_start = |row: usize| {
            self.starts
                .get(row + 1)
                .map_or(bytes.len(), |next| *next as usize)
        };
        let (mut from, mut row) = (0, 0);
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            // Hits come in order, so the row only ever moves forward.
            while self
                .starts
                .get(row + 1)
                .is_some_and(|next| *next as usize <= at)
            {
                row += 1;
            }
            if hits.contains(row) {
                from = next_start(row);
            } else if accept(at) {
                hits.insert(row);
                from = next_start(row);
            } else {
                from = at + 1;
            }
        }
    }

    /// The index of the words, where the texts have one.
    pub fn word_index(&self) -> Option<&WordIndex> {
        self.index.get()
    }

    /// For each recommendation, whether its text holds `needle` (already
    /// folded) anywhere: the benchmark's bare scan.
    pub fn hits(&self, needle: &str) -> RowSet {
        let mut hits = RowSet::empty(self.starts.len());
        if can_hold(needle) {
            self.scan(needle, &mut hits, |_| true);
        }
        hits
    }
}

/// How a folded text differs from its original, as a list of edits read
/// left to right, each `gap` (folded bytes kept as they are) then `code`:
/// an even code `2n` upper-cases the next `n` (ASCII) bytes; an odd code
/// `2n + 1` replaces the next `n` folded bytes by the original bytes that
/// follow (their length, then the bytes). Numbers are LEB128 varints, so a
/// capital letter costs two bytes.
struct Edits;

impl Edits {
    /// Appends the folded `text` to `folded` and its edits to `edits`.
    fn encode(text: &str, folded: &mut String, edits: &mut Vec<u8>) {
        // Almost every text is ASCII with single spaces: lower-cased in
        // one go, with an edit per run of capitals.
        let bytes = text.as_bytes();
        let plain = |b: &u8| b.is_ascii() && (*b == b' ' || !(*b as char).is_whitespace());
        let single_spaces = memchr::memmem::find(bytes, b"  ").is_none();
        if bytes.iter().all(plain) && single_spaces {
            folded.push_str(&text.to_ascii_lowercase());
            let mut kept = 0;
            let mut at = 0;
            while let Some(found) = bytes[at..].iter().position(u8::is_ascii_uppercase) {
                let start = at + found;
                let run = bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_uppercase())
                    .count();
                varint(start - kept, edits);
                varint(2 * run, edits);
                at = start + run;
                kept = at;
            }
            return;
        }
        let mut gap = 0usize;
        let mut capitals = 0usize;
        let mut after_space = false;
        let mut buffer = String::new();
        for (at, c) in text.char_indices() {
            // The common case first: ASCII other than white space folds to
            // its lower case.
            if c.is_ascii() && !c.is_whitespace() {
                after_space = false;
                if c.is_ascii_uppercase() {
                    folded.push(c.to_ascii_lowercase());
                    capitals += 1;
                } else {
                    Self::flush_capitals(&mut gap, &mut capitals, edits);
                    folded.push(c);
                    gap += 1;
                }
                continue;
            }
            let original = &text[at..at + c.len_utf8()];
            buffer.clear();
            // Folding is per character but for runs of white space, which
            // become one space (`search::fold_each`).
            if c.is_whitespace() {
                if !after_space {
                    buffer.push(' ');
                }
                after_space = true;
            } else {
                after_space = false;
                search::fold_each(original, &mut |_, piece| buffer.push_str(piece));
            }
            folded.push_str(&buffer);
            if buffer == original {
                Self::flush_capitals(&mut gap, &mut capitals, edits);
                gap += buffer.len();
            } else if c.is_ascii_uppercase() {
                capitals += 1;
            } else {
                Self::flush_capitals(&mut gap, &mut capitals, edits);
                varint(gap, edits);
                varint(2 * buffer.len() + 1, edits);
                varint(original.len(), edits);
                edits.extend_from_slice(original.as_bytes());
                gap = 0;
            }
        }
        Self::flush_capitals(&mut gap, &mut capitals, edits);
    }

    fn flush_capitals(gap: &mut usize, capitals: &mut usize, edits: &mut Vec<u8>) {
        if *capitals > 0 {
            varint(*gap, edits);
            varint(2 * *capitals, edits);
            *gap = 0;
            *capitals = 0;
        }
    }

    fn decode(folded: &str, mut edits: &[u8]) -> String {
        let folded = folded.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(folded.len() + 8);
        let mut at = 0usize;
        // Saturating: edits from a damaged packed file may hold any numbers.
        let take = |at: usize, n: usize| folded.get(at..at.saturating_add(n)).unwrap_or_default();
        while !edits.is_empty() {
            let gap = read_varint(&mut edits);
            out.extend_from_slice(take(at, gap));
            at = at.saturating_add(gap);
            let code = read_varint(&mut edits);
            let n = code / 2;
            if code.is_multiple_of(2) {
                out.extend(take(at, n).iter().map(u8::to_ascii_uppercase));
            } else {
                let length = read_varint(&mut edits).min(edits.len());
                out.extend_from_slice(&edits[..length]);
                edits = &edits[length..];
            }
            at = at.saturating_add(n);
        }
        out.extend_from_slice(folded.get(at..).unwrap_or_default());
        // Both parts come from valid text cut at character boundaries.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> (String, String) {
        let mut store = SearchText::default();
        store.push("first");
        store.push(text);
        (store.folded(1).to_owned(), store.original(1))
    }

    #[test]
    fn a_text_comes_back_exactly_from_its_folded_form() {
        for text in [
            "",
            "Abolish the death penalty.",
            "UPR  and\tICCPR\nratify",
            "Côte d’Ivoire: ÉDUCATION, Straße, œuvre",
            "日本 Ünïcödé ΣΑΣ İstanbul",
            "ABC",
            " leading and trailing ",
        ] {
            let (folded, original) = round_trip(text);
            assert_eq!(original, text);
            assert_eq!(folded, search::fold(text));
        }
    }
}

/// The word index against the scan: the same rows for any texts and any
/// term, the index built a random number of rows at a time (as the
/// browser builds it, between frames).
#[cfg(test)]
mod index_tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that make word starts, overlaps (`a-a` in `xa-a-a`), words
    /// longer than an index key, characters of two and three bytes across
    /// the key's end, and what folding changes.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a",
            "b",
            "ab",
            "aab",
            "abab",
            "abababab",
            "bbaabbaab",
            " ",
            " ",
            "-",
            "'",
            "’",
            "é",
            "É",
            "ß",
            "A",
            "1",
            "日",
            "\t",
            "  ",
            "(",
            ".",
            "x",
        ])
    }

    fn text(pieces: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), pieces).prop_map(|p| p.concat())
    }

    fn stores(texts: &[String], rows_per_step: usize) -> (SearchText, SearchText) {
        let mut indexed = SearchText::with_capacity(texts.len(), 0);
        let mut scanned = SearchText::with_capacity(texts.len(), 0);
        for text in texts {
            indexed.push(text);
            scanned.push(text);
        }
        let mut indexing = indexed.start_indexing();
        while !indexed.index_some(&mut indexing, rows_per_step) {
            assert!(
                indexed.word_index().is_none(),
                "read before every text is in"
            );
        }
        (indexed, scanned)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn the_index_finds_the_rows_the_scan_finds(
            texts in prop::collection::vec(text(0..30), 1..130),
            needles in prop::collection::vec(text(1..6), 1..8),
            // Also pieces of the texts, whose last letter may be changed:
            // terms that begin a word of the texts and go past a key's
            // length, or stop one letter short of a match.
            cuts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..30, 1usize..30, any::<bool>()), 0..8),
            rows_per_step in 1usize..60,
            // The rows a search's earlier terms let through: mostly few,
            // so that the later terms read those texts one by one.
            kept in prop::collection::vec(prop::bool::weighted(0.15), 130),
        ) {
            let (indexed, scanned) = stores(&texts, rows_per_step);
            let mut within = RowSet::empty(texts.len());
            for row in (0..texts.len()).filter(|row| kept[*row]) {
                within.insert(row);
            }
            prop_assert!(indexed.word_index().is_some_and(|index| index.is_finished()));
            let pieces = cuts.iter().map(|(text, start, length, change)| {
                let chars: Vec<char> = search::fold(&texts[text.index(texts.len())]).chars().skip(*start).take(*length).collect();
                let mut piece: String = chars.iter().collect();
                if *change && piece.pop().is_some() {
                    piece.push('b');
                }
                piece
            });
            for needle in needles.iter().map(|n| search::fold(n)).chain(pieces).map(|n| n.trim().to_owned()) {
                let by_index = indexed.word_prefix_hits(&needle);
                prop_assert_eq!(&by_index, &scanned.word_prefix_hits(&needle), "{:?}", needle);
                let (index_within, scan_within) = (indexed.word_prefix_hits_within(&needle, &within), scanned.word_prefix_hits_within(&needle, &within));
                // And all are what the definition says, text by text.
                for (row, text) in texts.iter().enumerate() {
                    let holds = search::word_prefix_matches(&search::fold(text), &needle).next().is_some();
                    prop_assert_eq!(by_index.contains(row), holds, "{:?} in {:?}", needle, text);
                    prop_assert_eq!(index_within.contains(row), holds && kept[row], "{:?} in {:?}, within", needle, text);
                    prop_assert_eq!(scan_within.contains(row), holds && kept[row], "{:?} in {:?}, within", needle, text);
                }
            }
        }
    }

    #[test]
    fn texts_pushed_after_the_index_is_finished_are_found() {
        let (mut indexed, _) = stores(&["torture".to_owned()], 1);
        indexed.push("Tortured detainees");
        indexed.shrink_to_fit();
        let hits = indexed.word_prefix_hits("tortur");
        assert_eq!(
            (hits.contains(0), hits.contains(1), hits.len()),
            (true, true, 2)
        );
    }
}
