//! An index of the words in the search texts: for every distinct word (a
//! run of letters and digits of the folded text, [`search::words`]), the
//! recommendations whose text holds it. A word-prefix search reads the
//! lists of the words that begin with the term instead of scanning every
//! text: at 16 times today's data the scan alone takes longer than the
//! search's budget (docs/benchmarks.md, issue 15).
//!
//! A list is the gaps between its rows as LEB128 varints (a common word
//! costs a byte a row), or a bit set once that is smaller (a word in more
//! than about one text in eight: "the", "to"). The vocabulary (about
//! 11,000 words today, and no more when the texts repeat) is sorted once
//! the texts are in, so that the words beginning with a prefix are one run
//! of it.

use super::varint::{read_varint, varint};
use crate::search::{self, RowSet};
use rustc_hash::FxHashMap;
use std::ops::RangeInclusive;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordIndex {
    /// How many rows are expected, for the size of a bit set.
    expected_rows: usize,
    /// Per word key ([`word_key`]), in order, the rows with such a word;
    /// complete once [`finish`](Self::finish)ed.
    words: Vec<(Key, Postings)>,
    /// While rows are added: the same, by key.
    adding: FxHashMap<Key, Postings>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Postings {
    /// The last row added, plus one (0: none yet): a word twice in one
    /// text is listed once, and the next gap is counted from here.
    after: u32,
    rows: PostingRows,
}

#[derive(Clone, Debug, PartialEq)]
enum PostingRows {
    Gaps(Vec<u8>),
    Set(RowSet),
}

impl Default for PostingRows {
    fn default() -> Self {
        PostingRows::Gaps(Vec::new())
    }
}

impl Postings {
    fn add(&mut self, row: usize, rows: usize) {
        let row = row as u32;
        if self.after > row {
            return;
        }
        match &mut self.rows {
            PostingRows::Gaps(gaps) => {
                varint((row - self.after) as usize, gaps);
                // A bit set costs `rows / 8` bytes, whatever it holds.
                if gaps.len() > rows / 8 {
                    let mut set = RowSet::empty(rows);
                    for_each_gap_row(gaps, |r| set.insert_growing(r));
                    self.rows = PostingRows::Set(set);
                }
            }
            PostingRows::Set(set) => set.insert_growing(row as usize),
        }
        self.after = row + 1;
    }

    fn add_to(&self, into: &mut RowSet) {
        match &self.rows {
            PostingRows::Gaps(gaps) => for_each_gap_row(gaps, |r| into.insert(r)),
            PostingRows::Set(set) => into.or(set),
        }
    }
}

fn for_each_gap_row(mut gaps: &[u8], mut each: impl FnMut(usize)) {
    let mut after = 0usize;
    while !gaps.is_empty() {
        let row = after + read_varint(&mut gaps);
        each(row);
        after = row + 1;
    }
}

impl WordIndex {
    /// An empty index for about `expected_rows` texts.
    pub fn new(expected_rows: usize) -> WordIndex {
        WordIndex {
            expected_rows,
            ..WordIndex::default()
        }
    }

    /// Adds the words of `row`'s folded `text`; rows come in order, all
    /// before [`finish`] ([`SearchText::index_some`] builds a new index for
    /// new texts).
    ///
    /// [`finish`]: Self::finish
    /// [`SearchText::index_some`]: super::texts::SearchText::index_some
    pub fn add(&mut self, row: usize, text: &str) {
        let rows = self.expected_rows;
        for_each_word_key(text, |key| {
            self.adding.entry(key).or_default().add(row, rows)
        });
    }

    /// Sorts the words, once every row is in: a search reads them then.
    pub fn finish(&mut self) {
        self.words
            .extend(self.adding.drain().map(|(key, mut postings)| {
                if let PostingRows::Gaps(gaps) = &mut postings.rows {
                    gaps.shrink_to_fit();
                }
                (key, postings)
            }));
        self.adding = FxHashMap::default();
        self.words.sort_unstable_by_key(|(key, _)| *key);
        self.words.shrink_to_fit();
    }

    /// Whether every row added is in the sorted words.
    pub fn is_finished(&self) -> bool {
        self.adding.is_empty()
    }

    /// The words whose key lies in `keys`.
    fn lists(&self, keys: RangeInclusive<Key>) -> &[(Key, Postings)] {
        let first = self.words.partition_point(|(key, _)| key < keys.start());
        let after = self.words.partition_point(|(key, _)| key <= keys.end());
        &self.words[first..after.max(first)]
    }

    /// The rows that may hold `needle` (folded, beginning with a letter or
    /// digit) at a word start, and whether they certainly do. Each word of
    /// the needle must begin a word of the text (the same word, where the
    /// needle goes on past it). The rows are exact when the needle is one
    /// word of at most `KEY_BYTES` bytes; otherwise the caller looks in
    /// the texts.
    /// `rows` is the number of rows; the index must be [`finish`](Self::finish)ed.
    pub fn candidates(&self, needle: &str, rows: usize) -> (RowSet, bool) {
        let words: Vec<&str> = search::words(needle).collect();
        let ends_in_word = needle.chars().next_back().is_some_and(search::is_word_char);
        let all_rows = rows;
        let mut rows = RowSet::full(all_rows);
        for (i, word) in words.iter().enumerate() {
            let key = word_key(word);
            // The keys of the words it begins: its own bytes, then any.
            // (A word of a key's length or more shares its key with the
            // longer words it begins, whole or not.)
            let keys = if i + 1 == words.len() && ends_in_word {
                key..=key | Key::MAX.checked_shr(8 * word.len() as u32).unwrap_or(0)
            } else {
                key..=key
            };
            let mut with_word = RowSet::empty(all_rows);
            for (_, postings) in self.lists(keys) {
                postings.add_to(&mut with_word);
            }
            rows.and(&with_word);
        }
        let exact = words.len() == 1 && words[0].len() == needle.len() && needle.len() <= KEY_BYTES;
        (rows, exact)
    }

    /// The bytes it holds on the heap (the allocator's own headers left
    /// out), for the memory figures.
    pub fn heap_bytes(&self) -> usize {
        let list = |p: &Postings| match &p.rows {
            PostingRows::Gaps(gaps) => gaps.capacity(),
            PostingRows::Set(set) => set.heap_bytes(),
        };
        self.words.capacity() * std::mem::size_of::<(Key, Postings)>()
            + self.words.iter().map(|(_, p)| list(p)).sum::<usize>()
    }
}

/// A word is indexed by its first bytes, as a number rather than a string
/// to hash and compare: 16 bytes tell nearly all words apart, and make a
/// search for most words exact from the index alone (with 8, `detention`
/// had to be looked for in the 20,000 texts with a `detentio` word at 16
/// times the data: 3.5 ms).
const KEY_BYTES: usize = 16;
type Key = u128;

/// The first [`KEY_BYTES`] bytes of `word`, big-endian, zeros after a
/// shorter word (no word holds a zero byte): keys sort as their words do.
fn word_key(word: &str) -> Key {
    let mut key = 0;
    for_each_word_key(word, |first| key = first);
    key
}

/// Calls `each` with the key of every word of `text` ([`search::words`]).
/// A word at a time, and byte by byte where the text is ASCII (nearly
/// all of it): the build reads every byte of the texts once.
fn for_each_word_key(text: &str, mut each: impl FnMut(Key)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte.is_ascii_alphanumeric() {
                at += 1;
            } else if byte.is_ascii() {
                break;
            } else {
                match text.get(at..).and_then(|rest| rest.chars().next()) {
                    Some(c) if search::is_word_char(c) => at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        if at > start {
            let length = (at - start).min(KEY_BYTES);
            // The key's bytes read at once where the text goes on that far,
            // those past the word cleared: no copy of a varying length.
            let key = match bytes
                .get(start..start + KEY_BYTES)
                .and_then(|all| <[u8; KEY_BYTES]>::try_from(all).ok())
            {
                Some(all) => {
                    Key::from_be_bytes(all) & !Key::MAX.checked_shr(8 * length as u32).unwrap_or(0)
                }
                None => {
                    let mut key = [0u8; KEY_BYTES];
                    key[..length].copy_from_slice(&bytes[start..start + length]);
                    Key::from_be_bytes(key)
                }
            };
            each(key);
        } else if bytes[at].is_ascii() {
            at += 1;
        } else {
            // Not a word character: one character on.
            at += text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
        }
    }
}
