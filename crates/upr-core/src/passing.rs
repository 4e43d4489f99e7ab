//! The passing recommendations of one matching review, as the filter
//! leaves them: held cheaply, listed only when read.

use crate::search::RowSet;
use std::ops::Range;
use std::rc::Rc;

/// The passing recommendations of one review (indices into
/// [`Dataset::recommendations`]): its whole range, or the rows of its range
/// in a set that every review of the outcome shares. Listed only when
/// read: a filter at 16 times the data passes 900,000 recommendations, and
/// writing each review's list cost more than the rest of the filter,
/// while only the open card, the charts, the table and the export read it.
///
/// [`Dataset::recommendations`]: crate::dataset::Dataset::recommendations
#[derive(Clone, Debug, Default)]
pub struct Passing {
    rows: Range<usize>,
    set: Option<Rc<RowSet>>,
    len: usize,
}

impl Passing {
    /// Every recommendation of `rows`.
    pub fn all(rows: Range<usize>) -> Self {
        Passing {
            len: rows.len(),
            rows,
            set: None,
        }
    }

    /// The recommendations of `rows` in `set`.
    pub fn within(rows: Range<usize>, set: &Rc<RowSet>) -> Self {
        Passing {
            len: set.count_in(rows.clone()),
            rows,
            set: Some(set.clone()),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The indices, in order.
    pub fn iter(&self) -> PassingRows<'_> {
        PassingRows {
            set: self.set.as_deref(),
            rows: self.rows.clone(),
        }
    }

    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().map(|i| i as u32).collect()
    }
}

/// The indices of a [`Passing`], in order: one small iterator type rather
/// than a chain of adapters, which the wasm would hold a copy of for each
/// place that reads it.
pub struct PassingRows<'a> {
    set: Option<&'a RowSet>,
    rows: Range<usize>,
}

impl Iterator for PassingRows<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let set = self.set;
        self.rows
            .find(|row| set.is_none_or(|set| set.contains(*row)))
    }
}

/// The same recommendations, however they are held.
impl PartialEq for Passing {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}
