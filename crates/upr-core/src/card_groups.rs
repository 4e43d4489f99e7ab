//! An open card's recommendations grouped by a facet's options, each
//! written out once. A recommendation with several options (three themes)
//! is written out in one group: that of the first of its options the query
//! selects, or else of its first option; the groups of the selected
//! options come first. Its other groups, further down, count it and say
//! where it is written out. (Drawn again under each of its themes, a
//! review's rows made its page nearly twice the size for the same texts.)

use crate::dataset::load::Dataset;
use crate::facet::Facet;
use crate::sort::sort_by_key;

/// One group of an open card: those of the options the query selects, then
/// the others, each in the order of the facet's options; then the
/// recommendations with none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptionGroup {
    /// The option; `None` for the recommendations with no option.
    pub option: Option<usize>,
    /// The recommendations written out in this group.
    pub rows: Vec<u32>,
    /// How many of the group's recommendations are written out in another.
    pub elsewhere: usize,
    /// The options of the groups those are written out in, in their order.
    pub written_under: Vec<usize>,
}

impl OptionGroup {
    /// Every recommendation of the group, written out here or not.
    pub fn total(&self) -> usize {
        self.rows.len() + self.elsewhere
    }
}

/// The recommendations `passing` (indices into the dataset's rows), grouped
/// by `facet`'s options, each written out in one group only. `selected`:
/// the query's values of `facet` ([`Query::selection`]).
///
/// [`Query::selection`]: crate::query::Query::selection
pub fn group_by_option(
    dataset: &Dataset,
    facet: Facet,
    selected: &[String],
    passing: &[u32],
) -> Vec<OptionGroup> {
    let selected = selected
        .iter()
        .filter_map(|value| facet.find(dataset, value))
        .fold(0u64, |mask, option| mask | 1 << option);
    let mut groups: Vec<OptionGroup> = (0..dataset.option_count(facet))
        .map(|option| OptionGroup {
            option: Some(option),
            ..OptionGroup::default()
        })
        .collect();
    let mut none = OptionGroup::default();
    for &index in passing {
        let row = dataset.recommendations.row(index as usize);
        let options: Vec<usize> = facet.indices(&row).collect();
        let Some(&first) = options.first() else {
            none.rows.push(index);
            continue;
        };
        let home = options
            .iter()
            .copied()
            .find(|&o| selected & (1 << o) != 0)
            .unwrap_or(first);
        // The loader keeps every option below the dataset's count.
        for &option in &options {
            let Some(group) = groups.get_mut(option) else {
                continue;
            };
            if option == home {
                group.rows.push(index);
            } else {
                group.elsewhere += 1;
                if let Err(at) = group.written_under.binary_search(&home) {
                    group.written_under.insert(at, home);
                }
            }
        }
    }
    // The selected options' groups first: they hold the rows written out.
    groups.retain(|g| g.total() > 0);
    sort_by_key(&mut groups, |g| {
        g.option.is_some_and(|o| selected & (1 << o) == 0)
    });
    groups.extend(Some(none).filter(|g| !g.rows.is_empty()));
    groups
}
