//! The search syntax of `q`: words that must all match as word prefixes,
//! `"exact phrases"`, `OR` between two terms, `-word` / `-"phrase"` to
//! exclude; case and Latin accents folded. Pure: parsing, folding, matching
//! one text (for highlighting) and combining per-term row sets.

use crate::sort;
use std::ops::Range;

/// One searched term, already folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub folded: String,
    pub phrase: bool,
}

/// A parsed `q`: every group must match (a group matches when any of its
/// terms does), and no excluded term may. No nesting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub all: Vec<Vec<Term>>,
    pub none: Vec<Term>,
}

/// Something in `q` that is not the syntax; that part is searched as plain
/// words instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseWarning {
    UnbalancedQuote,
    LoneMinus,
    /// `OR` without a term on both sides (or beside an excluded term).
    DanglingOr,
    EmptyPhrase,
}

impl ParseWarning {
    /// The part of `q` that was not read as syntax.
    pub fn part(&self) -> &'static str {
        match self {
            ParseWarning::UnbalancedQuote => "\"",
            ParseWarning::LoneMinus => "-",
            ParseWarning::DanglingOr => "OR",
            ParseWarning::EmptyPhrase => "\"\"",
        }
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Term { term: Term, excluded: bool },
    Or,
}

impl SearchQuery {
    pub fn parse(input: &str) -> (SearchQuery, Vec<ParseWarning>) {
        let mut warnings = Vec::new();
        let tokens = tokenize(input, &mut warnings);
        let mut query = SearchQuery::default();
        let or_word = || Term {
            folded: "or".into(),
            phrase: false,
        };
        let positive = |t: Option<&Token>| {
            matches!(
                t,
                Some(Token::Term {
                    excluded: false,
                    ..
                })
            )
        };
        let mut joins_previous = false;
        for (i, token) in tokens.iter().enumerate() {
            let (term, excluded) = match token {
                Token::Or => {
                    let valid = i > 0 && positive(tokens.get(i - 1)) && positive(tokens.get(i + 1));
                    if valid {
                        joins_previous = true;
                        continue;
                    }
                    warnings.push(ParseWarning::DanglingOr);
                    (or_word(), false)
                }
                Token::Term { term, excluded } => (term.clone(), *excluded),
            };
            if excluded {
                query.none.push(term);
            } else if joins_previous {
                if let Some(group) = query.all.last_mut() {
                    group.push(term);
                }
            } else {
                query.all.push(vec![term]);
            }
            joins_previous = false;
        }
        warnings.dedup();
        (query, warnings)
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.none.is_empty()
    }

    /// Every term, in order: the groups' first, then the excluded ones.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.all.iter().flatten().chain(&self.none)
    }

    /// Whether a document matches, given for each term (in [`terms()`](Self::terms) order)
    /// whether the document holds it.
    pub fn holds(&self, mut has: impl FnMut(usize) -> bool) -> bool {
        let mut index = 0;
        let mut ok = true;
        for group in &self.all {
            let mut any = false;
            for _ in group {
                any |= has(index);
                index += 1;
            }
            ok &= any;
        }
        for _ in &self.none {
            ok &= !has(index);
            index += 1;
        }
        ok
    }

    /// The rows that match, given `term_rows(term, within)`: the rows that
    /// hold `term`, of which only those in `within` (when given) count.
    /// Every group after the first, and every excluded term, is asked
    /// only about the rows still in: a later term then need be looked for
    /// in the few texts that an earlier one let through, not in all.
    pub fn matching_rows(
        &self,
        rows: usize,
        mut term_rows: impl FnMut(&Term, Option<&RowSet>) -> RowSet,
    ) -> RowSet {
        let mut result: Option<RowSet> = None;
        for group in &self.all {
            let mut any = RowSet::empty(rows);
            for term in group {
                any.or(&term_rows(term, result.as_ref()));
            }
            match &mut result {
                Some(result) => result.and(&any),
                None => result = Some(any),
            }
        }
        let mut result = result.unwrap_or_else(|| RowSet::full(rows));
        for term in &self.none {
            let found = term_rows(term, Some(&result));
            result.and_not(&found);
        }
        result
    }

    /// The byte ranges of `text` to highlight: where the wanted (not the
    /// excluded) terms occur, merged, in order.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
        fold_each(text, &mut |from, piece| {
            folded.push_str(piece);
            origin.extend(std::iter::repeat_n(from.clone(), piece.len()));
        });
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in self.all.iter().flatten() {
            for at in word_prefix_matches(&folded, &term.folded) {
                let end = at + term.folded.len();
                if let (Some(first), Some(last)) = (origin.get(at), origin.get(end - 1)) {
                    ranges.push(first.start..last.end);
                }
            }
        }
        sort::sort_by_key(&mut ranges, |r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

fn tokenize(input: &str, warnings: &mut Vec<ParseWarning>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let excluded = first == '-';
        let body = if excluded { &rest[1..] } else { rest };
        if excluded && body.chars().next().is_none_or(char::is_whitespace) {
            warnings.push(ParseWarning::LoneMinus);
            rest = body;
            continue;
        }
        if let Some(inner) = body.strip_prefix('"') {
            match inner.find('"') {
                Some(close) => {
                    let folded = fold(&inner[..close]).trim().to_owned();
                    if folded.is_empty() {
                        warnings.push(ParseWarning::EmptyPhrase);
                    } else {
                        tokens.push(Token::Term {
                            term: Term {
                                folded,
                                phrase: true,
                            },
                            excluded,
                        });
                    }
                    rest = &inner[close + 1..];
                }
                None => {
                    warnings.push(ParseWarning::UnbalancedQuote);
                    rest = inner;
                }
            }
            continue;
        }
        let end = body
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(body.len());
        let word = &body[..end];
        rest = &body[end..];
        let folded = fold(word);
        if word == "OR" && !excluded {
            tokens.push(Token::Or);
        } else if !folded.is_empty() {
            tokens.push(Token::Term {
                term: Term {
                    folded,
                    phrase: false,
                },
                excluded,
            });
        }
    }
    tokens
}

/// Lower case without Latin diacritics (`Côte` -> `cote`, `ß` -> `ss`),
/// every run of white space one space. Other scripts are only lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, &mut |_, piece| out.push_str(piece));
    out
}

/// Folds `text`, handing each folded piece with the byte range of the
/// original character it comes from.
/// (`dyn`: one copy in the wasm for its three callers.)
pub fn fold_each(text: &str, emit: &mut dyn FnMut(Range<usize>, &str)) {
    let mut after_space = false;
    let mut buffer = [0u8; 4];
    for (at, c) in text.char_indices() {
        let from = at..at + c.len_utf8();
        if c.is_whitespace() {
            if !after_space {
                emit(from, " ");
            }
            after_space = true;
            continue;
        }
        after_space = false;
        if c.is_ascii() {
            emit(from, c.to_ascii_lowercase().encode_utf8(&mut buffer));
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(plain) = latin_base(lower) {
                emit(from.clone(), plain);
            } else if !('\u{300}'..='\u{36f}').contains(&lower) {
                emit(from.clone(), lower.encode_utf8(&mut buffer));
            }
        }
    }
}

/// Lower-case Latin letters with diacritics (and ligatures) and the plain
/// letters they fold to.
const LATIN: &[(&str, &str)] = &[
    ("àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ", "a"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęěȅȇȩẹẻẽếềểễệ", "e"),
    ("ĝğġģǧǵ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįıǐȉȋịỉ", "i"),
    ("ĵ", "j"),
    ("ķǩ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉǹ", "n"),
    ("òóôõöøōŏőơǒǿȍȏọỏốồổỗộớờởỡợ", "o"),
    ("ŕŗřȑȓ", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự", "u"),
    ("ŵẁẃẅ", "w"),
    ("ýÿŷỳỵỷỹ", "y"),
    ("źżž", "z"),
    ("ß", "ss"),
    ("œ", "oe"),
    ("æ", "ae"),
    ("þ", "th"),
    ("ĳ", "ij"),
    ("’‘ʼ", "'"),
];

fn latin_base(c: char) -> Option<&'static str> {
    LATIN
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, plain)| *plain)
}

/// Whether `at` in `folded` begins a word: the text starts there or the
/// character before is no letter or digit.
pub fn at_word_start(folded: &str, at: usize) -> bool {
    folded
        .get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !is_word_char(c))
}

/// Whether a term must begin a word: only when it begins with a letter or
/// digit (`(a)` or `-based` match anywhere).
pub fn needs_word_start(needle: &str) -> bool {
    needle.chars().next().is_some_and(is_word_char)
}

/// A letter or digit, for where words begin. Beyond ASCII every character
/// counts but Latin-1 and general punctuation and symbols: right for folded
/// Latin text and other scripts' letters, and it keeps Unicode's letter
/// tables (several KB) out of the wasm.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}')
    }
}

/// The words of `text`: its runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
}

/// Where `needle` (folded) occurs in `folded` as a word prefix.
pub fn word_prefix_matches<'a>(
    folded: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let anchored = needs_word_start(needle);
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        while let Some(found) = finder.find(&folded.as_bytes()[from..]) {
            let at = from + found;
            from = at + 1;
            if !anchored || at_word_start(folded, at) {
                from = at + needle.len();
                return Some(at);
            }
        }
        None
    })
}

/// A set of rows (recommendations) as bits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowSet(Vec<u64>);

impl RowSet {
    pub fn empty(rows: usize) -> Self {
        RowSet(vec![0; rows.div_ceil(64)])
    }

    pub fn full(rows: usize) -> Self {
        let mut set = RowSet(vec![u64::MAX; rows.div_ceil(64)]);
        if let Some(last) = set.0.last_mut() {
            if !rows.is_multiple_of(64) {
                *last = (1u64 << (rows % 64)) - 1;
            }
        }
        set
    }

    /// The rows whose value in `column` (one value per row, in order)
    /// passes `keep`: 64 rows to a word, a fixed count the compiler
    /// unrolls, rather than a flag at a time (a pass over 900,000 rows at
    /// 16 times the data).
    pub fn from_column<T: Copy>(column: &[T], keep: impl Fn(T) -> bool) -> Self {
        let mut words = Vec::with_capacity(column.len().div_ceil(64));
        for chunk in column.chunks(64) {
            let mut word = 0u64;
            for (bit, value) in chunk.iter().enumerate() {
                word |= (keep(*value) as u64) << bit;
            }
            words.push(word);
        }
        RowSet(words)
    }

    /// Per option `0..options`, the rows whose mask in `column` (bit `i`
    /// for option `i`) has it: 64 rows to a word, each option's word
    /// written once, rather than a bit at a time into each set.
    pub fn per_option<T: Copy>(
        column: &[T],
        options: usize,
        mask: impl Fn(T) -> u64,
    ) -> Vec<RowSet> {
        let words_each = column.len().div_ceil(64);
        let mut sets: Vec<RowSet> = (0..options)
            .map(|_| RowSet(Vec::with_capacity(words_each)))
            .collect();
        let mut words = vec![0u64; options];
        for chunk in column.chunks(64) {
            for (bit, value) in chunk.iter().enumerate() {
                let mut bits = mask(*value);
                while bits != 0 {
                    if let Some(word) = words.get_mut(bits.trailing_zeros() as usize) {
                        *word |= 1 << bit;
                    }
                    bits &= bits - 1;
                }
            }
            for (set, word) in sets.iter_mut().zip(&mut words) {
                set.0.push(std::mem::take(word));
            }
        }
        sets
    }

    pub fn insert(&mut self, row: usize) {
        if let Some(word) = self.0.get_mut(row / 64) {
            *word |= 1 << (row % 64);
        }
    }

    /// [`insert`](Self::insert), making room for `row` where the set is too short for it.
    pub fn insert_growing(&mut self, row: usize) {
        if self.0.len() <= row / 64 {
            self.0.resize(row / 64 + 1, 0);
        }
        self.insert(row);
    }

    /// The bytes its bits take.
    pub fn heap_bytes(&self) -> usize {
        self.0.capacity() * 8
    }

    pub fn contains(&self, row: usize) -> bool {
        self.0
            .get(row / 64)
            .is_some_and(|w| w & (1 << (row % 64)) != 0)
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    // The word-wise operations below are plain loops over slices of one
    // length: the release build optimises for size (opt-level "z"), which
    // leaves iterator adapters as calls, several times slower on the
    // hundreds of thousands of words a filter at 16 times the data reads.

    pub fn or(&mut self, other: &RowSet) {
        let n = self.0.len().min(other.0.len());
        let (a, b) = (&mut self.0[..n], &other.0[..n]);
        for i in 0..n {
            a[i] |= b[i];
        }
    }

    pub fn and(&mut self, other: &RowSet) {
        let n = self.0.len().min(other.0.len());
        let (a, b) = (&mut self.0[..n], &other.0[..n]);
        for i in 0..n {
            a[i] &= b[i];
        }
    }

    pub fn and_not(&mut self, other: &RowSet) {
        let n = self.0.len().min(other.0.len());
        let (a, b) = (&mut self.0[..n], &other.0[..n]);
        for i in 0..n {
            a[i] &= !b[i];
        }
    }

    /// How many rows are in both sets, without building the intersection.
    pub fn count_and(&self, other: &RowSet) -> usize {
        let n = self.0.len().min(other.0.len());
        count_and_words(&self.0[..n], &other.0[..n]) as usize
    }

    /// How many rows of `rows` are in the set.
    pub fn count_in(&self, rows: Range<usize>) -> usize {
        self.words_in(rows)
            .map(|(word, mask)| {
                self.0
                    .get(word)
                    .map_or(0, |w| (w & mask).count_ones() as usize)
            })
            .sum()
    }

    /// Adds every row of `rows`.
    pub fn insert_range(&mut self, rows: Range<usize>) {
        for (word, mask) in self.words_in(rows) {
            if let Some(w) = self.0.get_mut(word) {
                *w |= mask;
            }
        }
    }

    /// The rows of `rows` in the set, in order.
    pub fn iter_in(&self, rows: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.words_in(rows).flat_map(move |(word, mask)| {
            let mut bits = self.0.get(word).map_or(0, |w| w & mask);
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    word * 64 + bit
                })
            })
        })
    }

    /// Per word touched by `rows`: its index and the bits of `rows` in it.
    fn words_in(&self, rows: Range<usize>) -> impl Iterator<Item = (usize, u64)> {
        let (start, end) = (rows.start, rows.end.max(rows.start));
        let words = if start == end {
            0..0
        } else {
            start / 64..(end - 1) / 64 + 1
        };
        words.map(move |word| {
            let low = (word * 64).max(start) - word * 64;
            let high = ((word + 1) * 64).min(end) - word * 64;
            let mask = if high - low == 64 {
                u64::MAX
            } else {
                ((1u64 << (high - low)) - 1) << low
            };
            (word, mask)
        })
    }
}

/// The bits set in both `a` and `b` (of one length). The counts beside
/// the filter options take a hundred of these over every recommendation's
/// bit at each filter: in WebAssembly, two words at a time with SIMD (a
/// byte count per lane, summed every 31 pairs before a lane can overflow),
/// three times faster than a word at a time, which the size-optimised
/// build neither unrolls nor vectorises.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn count_and_words(a: &[u64], b: &[u64]) -> u64 {
    use core::arch::wasm32::{
        i8x16_popcnt, u16x8_extadd_pairwise_u8x16, u32x4_extadd_pairwise_u16x8, u32x4_extract_lane,
        u64x2, u8x16_add, u8x16_splat, v128_and,
    };
    let pairs = a.len() / 2;
    let mut total = 0u64;
    let mut pair = 0;
    while pair < pairs {
        let end = (pair + 31).min(pairs);
        let mut bytes = u8x16_splat(0);
        while pair < end {
            let (x, y) = (
                u64x2(a[2 * pair], a[2 * pair + 1]),
                u64x2(b[2 * pair], b[2 * pair + 1]),
            );
            bytes = u8x16_add(bytes, i8x16_popcnt(v128_and(x, y)));
            pair += 1;
        }
        let lanes = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(bytes));
        total += (u32x4_extract_lane::<0>(lanes)
            + u32x4_extract_lane::<1>(lanes)
            + u32x4_extract_lane::<2>(lanes)
            + u32x4_extract_lane::<3>(lanes)) as u64;
    }
    if a.len() % 2 == 1 {
        total += (a[a.len() - 1] & b[a.len() - 1]).count_ones() as u64;
    }
    total
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn count_and_words(a: &[u64], b: &[u64]) -> u64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x & y).count_ones() as u64)
        .sum()
}
