//! The dimensions a recommendation is classified along, as the dataset
//! stores them: which bits of a row's masks are its options. What a
//! facet is called, how it is asked for and drawn is [`crate::facet`], the
//! other half of `impl Facet`; this half is what the loader needs to
//! index the options when the texts arrive.

use super::indices::theme_indices;
use super::texts::{action_of_flags, RecommendationRow, Recommendations};
use crate::search::RowSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// UPR Info's 57 themes (sessions 1-26).
    Theme,
    /// The 17 Sustainable Development Goals (`sdg=5`), from the DIHR Explorer.
    SdgGoal,
    /// The Explorer's 12 groups of persons (`persons=Children`).
    Persons,
    /// UPR Info's action categories, 1 minimal to 5 specific (`action=5`;
    /// sessions 1-27).
    Action,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Theme, Facet::SdgGoal, Facet::Persons, Facet::Action];

    /// Bit `i` set when the recommendation has option `i`.
    pub fn row_mask(self, row: &RecommendationRow) -> u64 {
        match self {
            Facet::Theme => row.themes,
            Facet::SdgGoal => row.sdg_goals as u64,
            Facet::Persons => row.persons as u64,
            Facet::Action => action_mask(row.action),
        }
    }

    /// Per option `0..options`, the recommendations that have it: what
    /// [`row_mask`](Self::row_mask) gives for each row, read column by column.
    pub fn column_sets(self, rows: &Recommendations, options: usize) -> Vec<RowSet> {
        match self {
            Facet::Theme => RowSet::per_option(&rows.themes, options, |mask| mask),
            Facet::SdgGoal => RowSet::per_option(&rows.sdg_goals, options, u64::from),
            Facet::Persons => RowSet::per_option(&rows.persons, options, u64::from),
            Facet::Action => RowSet::per_option(&rows.flags, options, |flags| {
                action_mask(action_of_flags(flags))
            }),
        }
    }

    /// The options of one recommendation, lowest index first.
    pub fn indices(self, row: &RecommendationRow) -> impl Iterator<Item = usize> {
        theme_indices(self.row_mask(row))
    }
}

/// Action category `a` (1-5) is option `a - 1`.
fn action_mask(action: Option<u8>) -> u64 {
    action.map_or(0, |a| 1 << (a - 1))
}

/// Selected values per facet, in [`Facet::ALL`] order; or counts per facet.
pub type PerFacet<T> = [T; Facet::ALL.len()];
