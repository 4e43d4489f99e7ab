//! The 54 UPR Info issues ("themes"), spelt as in the source. The list is
//! fixed here, not taken from the data, so that a misspelt or unknown theme
//! in a source row is caught instead of becoming a 55th theme.

use super::schema::Theme;
use super::slug::slug;

pub const THEME_LABELS: [&str; 54] = [
    "Asylum-seekers - refugees",
    "CP rights - general",
    "Civil society",
    "Corruption",
    "Counter-terrorism",
    "Death penalty",
    "Detention",
    "Development",
    "Disabilities",
    "ESC rights - general",
    "Elections",
    "Enforced disappearances",
    "Environment",
    "Extrajudicial executions",
    "Freedom of association and peaceful assembly",
    "Freedom of movement",
    "Freedom of opinion and expression",
    "Freedom of religion and belief",
    "Freedom of the press",
    "General",
    "HIV - Aids",
    "Human rights defenders",
    "Human rights education and training",
    "Human rights violations by state agents",
    "Impunity",
    "Indigenous peoples",
    "Internally displaced persons",
    "International humanitarian law",
    "International instruments",
    "Justice",
    "Labour",
    "Migrants",
    "Minorities",
    "NHRI",
    "National plan of action",
    "Other",
    "Poverty",
    "Public security",
    "Racial discrimination",
    "Right to education",
    "Right to food",
    "Right to health",
    "Right to housing",
    "Right to land",
    "Right to water",
    "Rights of the Child",
    "Sexual Orientation and Gender Identity",
    "Special procedures",
    "Technical assistance and cooperation",
    "Torture and other CID treatment",
    "Trafficking",
    "Treaty bodies",
    "UPR process",
    "Women's rights",
];

pub fn all_themes() -> Vec<Theme> {
    THEME_LABELS
        .iter()
        .map(|label| Theme {
            id: slug(label),
            label: (*label).to_owned(),
        })
        .collect()
}

/// The theme whose label matches, ignoring case and surrounding spaces.
pub fn theme_by_label(label: &str) -> Option<&'static str> {
    let label = label.trim();
    THEME_LABELS
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(label))
}
