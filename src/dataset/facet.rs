//! The dimensions a recommendation is classified along, as the dataset
//! stores them: which bits of a row's masks are its options. What a
//! facet is called, how it is asked for and drawn is `crate::facet`, the
//! other half of `impl Facet`; this half is what the loader needs to
//! index the options when the texts arrive.

use super::indices::theme_indices;
use super::texts::RecommendationRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// UPR Info's 54 themes (sessions 1-20).
    Theme,
    /// The 17 Sustainable Development Goals (`sdg=5`), from the DIHR Explorer.
    SdgGoal,
    /// The Explorer's 12 groups of persons (`persons=Children`).
    Persons,
    /// UPR Info's action categories, 1 minimal to 5 specific (`action=5`;
    /// sessions 1-20).
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
            Facet::Action => row.action.map_or(0, |a| 1 << (a - 1)),
        }
    }

    /// The options of one recommendation, lowest index first.
    pub fn indices(self, row: &RecommendationRow) -> impl Iterator<Item = usize> {
        theme_indices(self.row_mask(row))
    }
}

/// Selected values per facet, in `Facet::ALL` order; or counts per facet.
pub type PerFacet<T> = [T; Facet::ALL.len()];
