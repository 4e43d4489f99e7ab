//! UPR Info's issues ("themes"), one list for both of its exports. The list
//! is fixed here, not taken from the data, so that a misspelt or unknown
//! theme in a source row is caught instead of becoming a new theme.
//!
//! UPR Info changed its list between the export of sessions 1-20
//! (`upr-info/`, 54 labels) and its export of July 2018 (`upr-info-2018/`,
//! 56 labels): it renamed two themes, dropped one and added three. Each
//! theme has one label here, UPR Info's current one; a renamed theme keeps
//! its earlier label as a former label, which old links still find, and
//! keeps the id of its first label, so that ids never change.

use super::schema::Theme;
use super::slug::slug;

/// Which of UPR Info's two lists of themes a source row's labels come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ThemeList {
    /// The export of sessions 1-20 (`upr-info/`): 54 labels.
    Earlier,
    /// The export of 25 July 2018 (`upr-info-2018/`): 56 labels.
    Of2018,
}

/// One theme, with the label each list spells it with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownTheme {
    /// UPR Info's current label, or, for a theme its current list no longer
    /// has, its last label.
    pub label: &'static str,
    /// The earlier list's label, where UPR Info renamed the theme since.
    pub earlier_label: Option<&'static str>,
    pub in_earlier_list: bool,
    pub in_2018_list: bool,
}

impl KnownTheme {
    const fn both(label: &'static str) -> KnownTheme {
        KnownTheme {
            label,
            earlier_label: None,
            in_earlier_list: true,
            in_2018_list: true,
        }
    }

    const fn renamed(earlier: &'static str, label: &'static str) -> KnownTheme {
        KnownTheme {
            label,
            earlier_label: Some(earlier),
            in_earlier_list: true,
            in_2018_list: true,
        }
    }

    const fn earlier_only(label: &'static str) -> KnownTheme {
        KnownTheme {
            label,
            earlier_label: None,
            in_earlier_list: true,
            in_2018_list: false,
        }
    }

    const fn new_in_2018(label: &'static str) -> KnownTheme {
        KnownTheme {
            label,
            earlier_label: None,
            in_earlier_list: false,
            in_2018_list: true,
        }
    }

    /// The slug of its first label: `nhri` for `National Human Rights
    /// Institution`, as a State keeps the id of the name it was reviewed under.
    pub fn id(&self) -> String {
        slug(self.earlier_label.unwrap_or(self.label))
    }

    /// How `list` spells it, if `list` has it.
    pub fn label_in(&self, list: ThemeList) -> Option<&'static str> {
        match list {
            ThemeList::Earlier => self
                .in_earlier_list
                .then(|| self.earlier_label.unwrap_or(self.label)),
            ThemeList::Of2018 => self.in_2018_list.then_some(self.label),
        }
    }

    pub fn is_in(&self, list: ThemeList) -> bool {
        self.label_in(list).is_some()
    }
}

/// The 57 themes, in the order of their labels.
pub const THEMES: [KnownTheme; 57] = [
    KnownTheme::both("Asylum-seekers - refugees"),
    KnownTheme::new_in_2018("Business and human rights"),
    KnownTheme::both("CP rights - general"),
    KnownTheme::both("Civil society"),
    KnownTheme::both("Corruption"),
    KnownTheme::both("Counter-terrorism"),
    KnownTheme::both("Death penalty"),
    KnownTheme::both("Detention"),
    KnownTheme::both("Development"),
    KnownTheme::both("Disabilities"),
    KnownTheme::both("ESC rights - general"),
    KnownTheme::both("Elections"),
    KnownTheme::both("Enforced disappearances"),
    KnownTheme::both("Environment"),
    KnownTheme::both("Extrajudicial executions"),
    KnownTheme::both("Freedom of association and peaceful assembly"),
    KnownTheme::both("Freedom of movement"),
    KnownTheme::both("Freedom of opinion and expression"),
    KnownTheme::both("Freedom of religion and belief"),
    KnownTheme::both("Freedom of the press"),
    KnownTheme::both("General"),
    KnownTheme::both("HIV - Aids"),
    KnownTheme::both("Human rights defenders"),
    KnownTheme::both("Human rights education and training"),
    KnownTheme::both("Human rights violations by state agents"),
    KnownTheme::both("Impunity"),
    KnownTheme::both("Indigenous peoples"),
    KnownTheme::both("Internally displaced persons"),
    KnownTheme::both("International humanitarian law"),
    KnownTheme::both("International instruments"),
    KnownTheme::both("Justice"),
    KnownTheme::both("Labour"),
    KnownTheme::both("Migrants"),
    KnownTheme::both("Minorities"),
    KnownTheme::renamed("NHRI", "National Human Rights Institution"),
    KnownTheme::earlier_only("National plan of action"),
    KnownTheme::both("Other"),
    KnownTheme::both("Poverty"),
    KnownTheme::new_in_2018("Privacy"),
    KnownTheme::both("Public security"),
    KnownTheme::both("Racial discrimination"),
    KnownTheme::both("Right to education"),
    KnownTheme::both("Right to food"),
    KnownTheme::both("Right to health"),
    KnownTheme::both("Right to housing"),
    KnownTheme::both("Right to land"),
    KnownTheme::renamed("Right to water", "Right to water and sanitation"),
    KnownTheme::both("Rights of the Child"),
    KnownTheme::both("Sexual Orientation and Gender Identity"),
    KnownTheme::both("Special procedures"),
    KnownTheme::new_in_2018("Statelessness and the right to nationality"),
    KnownTheme::both("Technical assistance and cooperation"),
    KnownTheme::both("Torture and other CID treatment"),
    KnownTheme::both("Trafficking"),
    KnownTheme::both("Treaty bodies"),
    KnownTheme::both("UPR process"),
    KnownTheme::both("Women's rights"),
];

/// Every theme as the overview lists it; which sessions a theme is
/// limited to depends on the sources read, and the importer adds it.
pub fn all_themes() -> Vec<Theme> {
    THEMES
        .iter()
        .map(|theme| Theme {
            id: theme.id(),
            label: theme.label.to_owned(),
            former_labels: theme.earlier_label.map(str::to_owned).into_iter().collect(),
            sessions: Vec::new(),
        })
        .collect()
}

/// The theme `list` spells `label` (case and surrounding spaces ignored).
pub fn theme_by_label(list: ThemeList, label: &str) -> Option<&'static KnownTheme> {
    let label = label.trim();
    THEMES.iter().find(|theme| {
        theme
            .label_in(list)
            .is_some_and(|known| known.eq_ignore_ascii_case(label))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_has_the_labels_of_its_export() {
        let count = |list| THEMES.iter().filter(|t| t.is_in(list)).count();
        assert_eq!(count(ThemeList::Earlier), 54);
        assert_eq!(count(ThemeList::Of2018), 56);
        let mut labels: Vec<&str> = THEMES.iter().map(|t| t.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), THEMES.len(), "one label per theme");
        assert_eq!(
            labels,
            THEMES.map(|t| t.label),
            "in the order of their labels"
        );
    }

    #[test]
    fn a_renamed_theme_is_one_theme_under_either_label_with_its_first_id() {
        let earlier = theme_by_label(ThemeList::Earlier, "NHRI").unwrap();
        let of_2018 =
            theme_by_label(ThemeList::Of2018, "National Human Rights Institution").unwrap();
        assert_eq!(earlier, of_2018);
        assert_eq!(earlier.id(), "nhri");
        assert!(theme_by_label(ThemeList::Of2018, "NHRI").is_none());
        assert!(theme_by_label(ThemeList::Earlier, "Privacy").is_none());
        assert!(theme_by_label(ThemeList::Of2018, "National plan of action").is_none());
        assert_eq!(
            theme_by_label(ThemeList::Of2018, " right to water and sanitation ").map(|t| t.id()),
            Some("right-to-water".to_owned())
        );
    }
}
