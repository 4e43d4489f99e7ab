//! The dimensions a recommendation is classified along, behind one
//! mechanism: a parameter parsed into labels, resolved to bits of a mask
//! per recommendation and per review, counted for the filter panel, listed
//! as options, and drawn as a chart. Adding a dimension is adding a variant
//! here; `query`, `filter`, `stats` and the components loop over
//! `Facet::ALL`. Pure: no DOM.

use crate::dataset::load::{theme_indices, Dataset, RecommendationRow, Review};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// UPR Info's 54 themes.
    Theme,
}

impl Facet {
    pub const ALL: [Facet; 1] = [Facet::Theme];

    /// The address-bar parameter, also the `group` value and the prefix of
    /// the filter options' and chart bars' test ids.
    pub fn parameter(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
        }
    }

    pub fn from_parameter(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.parameter() == name)
    }

    /// What one option is called, for headings and messages.
    pub fn noun(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Facet::Theme => "Themes",
        }
    }

    /// More values than this cannot all be meaningful.
    pub fn max_values(self) -> usize {
        match self {
            Facet::Theme => 54,
        }
    }

    /// Checks a value before the dataset is known, and gives the form kept
    /// in the query (and so in the canonical address).
    pub fn parse(self, value: &str) -> Result<String, String> {
        if value.is_empty() {
            return Err("empty".into());
        }
        Ok(value.to_owned())
    }

    /// Why a well-formed value names no option of the dataset.
    pub fn unknown(self, dataset: &Dataset) -> String {
        format!("not one of the {} {}s", self.len(dataset), self.noun())
    }

    /// How many options the dataset has.
    pub fn len(self, dataset: &Dataset) -> usize {
        match self {
            Facet::Theme => dataset.themes.len(),
        }
    }

    /// The option a parameter value names (case-insensitive).
    pub fn find(self, dataset: &Dataset, value: &str) -> Option<usize> {
        match self {
            Facet::Theme => dataset.find_theme(value).map(usize::from),
        }
    }

    /// The parameter value that selects option `index`.
    pub fn value(self, dataset: &Dataset, index: usize) -> String {
        match self {
            Facet::Theme => dataset.themes[index].label.clone(),
        }
    }

    /// Option `index` as people read it.
    pub fn label(self, dataset: &Dataset, index: usize) -> String {
        match self {
            Facet::Theme => dataset.themes[index].label.clone(),
        }
    }

    /// Bit `i` set when the recommendation has option `i`.
    pub fn row_mask(self, row: &RecommendationRow) -> u64 {
        match self {
            Facet::Theme => row.themes,
        }
    }

    /// Bit `i` set when some recommendation of the review has option `i`
    /// (known before the texts arrive).
    pub fn review_mask(self, review: &Review) -> u64 {
        match self {
            Facet::Theme => review.themes,
        }
    }

    /// Per option: the review's recommendations that have it, from its
    /// summary (before the texts arrive).
    pub fn review_counts(self, dataset: &Dataset, review: &Review) -> Vec<(usize, u32)> {
        match self {
            Facet::Theme => review
                .summary
                .themes
                .iter()
                .filter_map(|(id, n)| dataset.theme_index(id).map(|t| (t as usize, *n)))
                .collect(),
        }
    }

    /// The options of one recommendation, lowest index first.
    pub fn indices(self, row: &RecommendationRow) -> impl Iterator<Item = usize> {
        theme_indices(self.row_mask(row))
    }
}

/// Selected values per facet, in `Facet::ALL` order; or counts per facet.
pub type PerFacet<T> = [T; Facet::ALL.len()];
