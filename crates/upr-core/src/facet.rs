//! The dimensions a recommendation is classified along (themes, SDG goals,
//! groups of persons), behind one mechanism: a parameter parsed into
//! labels, resolved to bits of a mask per recommendation and per review,
//! counted for the filter panel, listed as options, and drawn as a chart.
//! Adding a dimension is adding a variant (in [`dataset::classification`], with the
//! bits of the masks that are its options) and its names here; [`query`],
//! [`filter`], [`stats`] and the components loop over [`Facet::ALL`]. Pure: no
//! DOM.
//!
//! [`dataset::classification`]: crate::dataset::classification
//! [`query`]: crate::query
//! [`filter`]: crate::filter
//! [`stats`]: crate::stats

pub use crate::dataset::classification::{Facet, PerFacet};
use crate::dataset::load::{Dataset, Review};
use crate::format::action_label;
use crate::sort;

impl Facet {
    /// The address-bar parameter, also the `group` value and the prefix of
    /// the filter options' and chart bars' test ids.
    pub fn parameter(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::SdgGoal => "sdg",
            Facet::Persons => "persons",
            Facet::Action => "action",
        }
    }

    pub fn from_parameter(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.parameter() == name)
    }

    /// What one option is called, for headings and messages.
    pub fn noun(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::SdgGoal => "SDG goal",
            Facet::Persons => "group of persons",
            Facet::Action => "action category",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Facet::Theme => "themes",
            Facet::SdgGoal => "SDG goals",
            Facet::Persons => "groups of persons",
            Facet::Action => "action categories",
        }
    }

    /// Whether the parameter's values are numbers (`sdg=5`, `action=3`),
    /// kept in numeric order so that one selection has one link.
    pub fn numbered(self) -> bool {
        matches!(self, Facet::SdgGoal | Facet::Action)
    }

    /// Whether the options form a scale (action categories, 1 minimal to
    /// 5 specific), which a chart draws in its order rather than by size.
    pub fn is_scale(self) -> bool {
        self == Facet::Action
    }

    /// More values than this cannot all be meaningful.
    pub fn max_values(self) -> usize {
        match self {
            Facet::Theme => crate::dataset::themes::THEMES.len(),
            Facet::SdgGoal => crate::dataset::schema::SDG_GOALS,
            // As many as a recommendation's `u16` mask holds.
            Facet::Persons => 16,
            Facet::Action => crate::dataset::schema::ACTION_CATEGORIES,
        }
    }

    /// Who classified the recommendations along this facet.
    pub fn source(self) -> &'static str {
        match self {
            Facet::Theme | Facet::Action => "UPR Info",
            Facet::SdgGoal | Facet::Persons => "the DIHR SDG–Human Rights Data Explorer",
        }
    }

    /// Whether the review's recommendations are classified along this facet
    /// at all: UPR Info has no themes yet for session 27, and the DIHR
    /// Explorer no session 27.
    pub fn classifies(self, review: &Review) -> bool {
        match self {
            Facet::Theme => review.summary.themes_classified,
            // Every recommendation UPR Info holds has an action category,
            // even where it has no theme yet.
            Facet::Action => !review.summary.actions.is_empty(),
            Facet::SdgGoal | Facet::Persons => review.summary.sdg_classified,
        }
    }

    /// The heading of a review's recommendations that have no option of
    /// this facet, when grouped by it.
    pub fn none_label(self, review: &Review) -> &'static str {
        match self {
            Facet::Theme if !self.classifies(review) => "Not classified by theme in the source",
            Facet::Action if !self.classifies(review) => "No action category in the source",
            Facet::Action => "No action category",
            Facet::Theme => "No theme",
            Facet::SdgGoal => "No SDG goal linked",
            Facet::Persons => "No group of persons named",
        }
    }

    /// Sessions whose reviews are classified along this facet, and those
    /// whose reviews are not, each in order.
    pub fn coverage(self, dataset: &Dataset) -> (Vec<u8>, Vec<u8>) {
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        for review in &dataset.reviews {
            let list = if self.classifies(review) {
                &mut yes
            } else {
                &mut no
            };
            list.push(review.summary.session);
        }
        for list in [&mut yes, &mut no] {
            sort::sort_by_key(list, |session| *session);
            list.dedup();
        }
        (yes, no)
    }

    /// The option a parameter value names (case-insensitive).
    pub fn find(self, dataset: &Dataset, value: &str) -> Option<usize> {
        match self {
            Facet::Theme => dataset.find_theme(value).map(usize::from),
            Facet::SdgGoal => {
                let goal = value.trim().parse::<u8>().ok()?;
                dataset
                    .sdg_goals
                    .iter()
                    .any(|g| g.number == goal)
                    .then(|| goal as usize - 1)
            }
            Facet::Persons => dataset.find_person(value),
            Facet::Action => match value.trim().parse::<u8>() {
                Ok(action @ 1..=5) => Some(action as usize - 1),
                _ => None,
            },
        }
    }

    /// The parameter value that selects option `index`.
    pub fn value(self, dataset: &Dataset, index: usize) -> String {
        match self {
            Facet::Theme => dataset.themes[index].label.clone(),
            Facet::SdgGoal | Facet::Action => (index + 1).to_string(),
            Facet::Persons => dataset.persons[index].label.clone(),
        }
    }

    /// Option `index` as people read it.
    pub fn label(self, dataset: &Dataset, index: usize) -> String {
        match self {
            Facet::Theme => dataset.themes[index].label.clone(),
            Facet::SdgGoal => {
                let goal = index + 1;
                match dataset.sdg_goals.iter().find(|g| g.number as usize == goal) {
                    Some(g) => format!("{goal}. {}", g.name),
                    None => format!("Goal {goal}"),
                }
            }
            Facet::Persons => dataset.persons[index].label.clone(),
            Facet::Action => format!("{}. {}", index + 1, action_label(index as u8 + 1)),
        }
    }

    /// Bit `i` set when some recommendation of the review has option `i`
    /// (known before the texts arrive).
    pub fn review_mask(self, review: &Review) -> u64 {
        match self {
            Facet::Theme => review.themes,
            Facet::SdgGoal => review.sdg_goals as u64,
            Facet::Persons => review.persons as u64,
            Facet::Action => review.actions as u64,
        }
    }

    /// Per option with any: the review's recommendations that have it,
    /// from its summary (before the texts arrive).
    pub fn review_counts(self, review: &Review) -> impl Iterator<Item = (usize, u32)> + '_ {
        let summary = &review.summary;
        let counts = match self {
            Facet::Theme => &summary.themes,
            Facet::SdgGoal => &summary.sdg_goals,
            Facet::Persons => &summary.persons,
            Facet::Action => &summary.actions,
        };
        counts
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(option, count)| (option, *count))
    }
}
