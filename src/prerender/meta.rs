//! What a page says of itself to a search engine and to the bots that draw
//! link previews: title, description, canonical address, Open Graph and
//! Twitter card tags. Plain text here; `site` escapes it.

use crate::dataset::load::Dataset;
use crate::format::{count, month_year, percent};

pub const SITE_TITLE: &str = "Universal Periodic Review viewer";

pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// The page's path from the site's root (`reviews/kazakhstan-s7.html`).
    pub path: String,
    /// Its preview image, from the site's root, if it has one.
    pub image: Option<String>,
}

/// The month the review's session began, `February 2010`.
pub fn review_month(dataset: &Dataset, review: usize) -> Option<String> {
    let session = dataset.reviews[review].summary.session;
    dataset.sessions.iter().find(|s| s.number == session).map(|s| month_year(&s.start))
}

/// `Kazakhstan — Universal Periodic Review, session 7, February 2010`.
pub fn review_title(dataset: &Dataset, review: usize) -> String {
    let summary = &dataset.reviews[review].summary;
    let month = review_month(dataset, review).map(|m| format!(", {m}")).unwrap_or_default();
    format!("{} — Universal Periodic Review, session {}{month}", dataset.state_name(dataset.reviews[review].state), summary.session)
}

/// The review's figures in a sentence: recommendations, from how many
/// States, and how they were answered.
pub fn review_figures(dataset: &Dataset, review: usize) -> String {
    let summary = &dataset.reviews[review].summary;
    format!(
        "{} from {}; {}% accepted, {}% noted.",
        count(summary.recommendations, "recommendation", "recommendations"),
        count(summary.participation.states, "State", "States"),
        percent(summary.accepted, summary.recommendations),
        percent(summary.noted, summary.recommendations),
    )
}

pub fn review_meta(dataset: &Dataset, review: usize) -> PageMeta {
    let summary = &dataset.reviews[review].summary;
    PageMeta {
        title: review_title(dataset, review),
        description: format!(
            "{}'s Universal Periodic Review in session {} of the Human Rights Council's Working Group: {}",
            dataset.state_name(dataset.reviews[review].state),
            summary.session,
            review_figures(dataset, review)
        ),
        path: review_path(&summary.id),
        image: Some(preview_path(&summary.id)),
    }
}

/// The reviews of the State `state` (an index into `dataset.states`).
pub fn reviews_of(dataset: &Dataset, state: usize) -> Vec<usize> {
    (0..dataset.reviews.len()).filter(|&r| dataset.reviews[r].state as usize == state).collect()
}

pub fn state_meta(dataset: &Dataset, state: usize) -> PageMeta {
    let name = dataset.state_name(state as _);
    let reviews = reviews_of(dataset, state);
    let sessions: Vec<String> = reviews.iter().map(|&r| dataset.reviews[r].summary.session.to_string()).collect();
    let figures: Vec<String> = reviews
        .iter()
        .map(|&r| format!("session {}: {}", dataset.reviews[r].summary.session, review_figures(dataset, r)))
        .collect();
    PageMeta {
        title: format!("{name} — Universal Periodic Review, sessions {}", sessions.join(" and ")),
        description: format!("{name}'s Universal Periodic Reviews side by side. {}", figures.join(" ")),
        path: state_path(&dataset.states[state].id),
        image: None,
    }
}

pub fn home_meta(dataset: &Dataset) -> PageMeta {
    PageMeta {
        title: SITE_TITLE.to_owned(),
        description: format!(
            "Every recommendation of the UN Human Rights Council's Universal Periodic Review, sessions 1-26 (2008-2016): {} in {} reviews, as interactive review cards.",
            count(dataset.totals.recommendations, "recommendation", "recommendations"),
            dataset.reviews.len()
        ),
        path: "index.html".to_owned(),
        image: None,
    }
}

pub fn review_path(id: &str) -> String {
    format!("reviews/{id}.html")
}

pub fn preview_path(id: &str) -> String {
    format!("reviews/{id}.png")
}

pub fn state_path(id: &str) -> String {
    format!("states/{id}.html")
}
