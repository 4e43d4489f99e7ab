//! Per facet option, the recommendations that have it, as bit sets.

use super::classification::{Facet, PerFacet};
use super::texts::Recommendations;
use crate::search::RowSet;

/// Per facet and option, the recommendations that have it; and those that
/// were noted. Built once when the texts arrive: a facet's counts are then
/// intersections of bit sets, a few thousand words per option even at
/// sixteen times today's data, instead of a pass over every recommendation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionRows {
    sets: PerFacet<Vec<RowSet>>,
    /// Per facet and option, its recommendations in all: the counts when
    /// nothing else narrows them, without a pass over the sets.
    totals: PerFacet<Vec<u32>>,
    pub noted: RowSet,
}

impl OptionRows {
    /// `options`: per facet, how many options the dataset has. Read
    /// column by column ([`Facet::column_sets`]): at 16 times today's data,
    /// 900,000 recommendations, this is part of the wait for the texts.
    pub fn new(recommendations: &Recommendations, options: PerFacet<usize>) -> Self {
        let sets =
            Facet::ALL.map(|facet| facet.column_sets(recommendations, options[facet as usize]));
        let noted = recommendations.noted();
        let totals = sets
            .each_ref()
            .map(|sets| sets.iter().map(|set| set.len() as u32).collect());
        OptionRows {
            sets,
            totals,
            noted,
        }
    }

    /// The recommendations that have `option` of `facet` (none if it is
    /// not an option).
    pub fn of(&self, facet: Facet, option: usize) -> Option<&RowSet> {
        self.sets[facet as usize].get(option)
    }

    /// Per option of `facet`, how many recommendations have it.
    pub fn totals(&self, facet: Facet) -> &[u32] {
        &self.totals[facet as usize]
    }

    /// The options of `facet` with their recommendations.
    pub fn options(&self, facet: Facet) -> &[RowSet] {
        &self.sets[facet as usize]
    }
}
