//! What a page says of itself to a search engine and to the bots that draw
//! link previews: title, description, canonical address, Open Graph and
//! Twitter card tags, in the page's language. Plain text here; [`site`](super::site)
//! escapes it.

use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::format::{month_year_in, percent};
use upr_core::lang::Lang;

pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// The page's path from the site's root (`reviews/kazakhstan-s7.html`).
    pub path: String,
    /// Its preview image, from the site's root, if it has one.
    pub image: Option<String>,
}

/// The month the review's session began, `February 2010`, `février 2010`.
pub fn review_month(t: &Tr, dataset: &Dataset, review: usize) -> Option<String> {
    let session = dataset.reviews[review].summary.session;
    dataset
        .sessions
        .iter()
        .find(|s| s.number == session)
        .map(|s| month_year_in(t.lang(), &s.start))
}

/// `Kazakhstan — Universal Periodic Review, session 7, February 2010`.
pub fn review_title(t: &Tr, dataset: &Dataset, review: usize) -> String {
    let name = t.state_name(dataset, dataset.reviews[review].state);
    let session = dataset.reviews[review].summary.session.to_string();
    match review_month(t, dataset, review) {
        Some(month) => t.fmt(
            Msg::SiteReviewTitle,
            &[("name", &name), ("session", &session), ("month", &month)],
        ),
        None => t.fmt(
            Msg::SiteReviewTitleUndated,
            &[("name", &name), ("session", &session)],
        ),
    }
}

/// `121 recommendations from 50 States`: what the preview shows.
pub fn review_reach(t: &Tr, dataset: &Dataset, review: usize) -> String {
    let summary = &dataset.reviews[review].summary;
    t.fmt(
        Msg::SiteFrom,
        &[
            (
                "recommendations",
                &t.count(Msg::RecommendationsCount, summary.recommendations, &[]),
            ),
            (
                "states",
                &t.count(Msg::StatesCount, summary.participation.states, &[]),
            ),
        ],
    )
}

/// The review's figures in a sentence: recommendations, from how many
/// States, and how they were answered.
pub fn review_figures(t: &Tr, dataset: &Dataset, review: usize) -> String {
    let summary = &dataset.reviews[review].summary;
    t.fmt(
        Msg::SiteFigures,
        &[
            ("from", &review_reach(t, dataset, review)),
            (
                "accepted",
                &t.pct(percent(summary.accepted, summary.recommendations)),
            ),
            (
                "noted",
                &t.pct(percent(summary.noted, summary.recommendations)),
            ),
        ],
    )
}

pub fn review_meta(t: &Tr, dataset: &Dataset, review: usize) -> PageMeta {
    let summary = &dataset.reviews[review].summary;
    let name = t.state_name(dataset, dataset.reviews[review].state);
    PageMeta {
        title: review_title(t, dataset, review),
        description: t.fmt(
            Msg::SiteReviewDescription,
            &[
                ("name", &name),
                ("session", &summary.session.to_string()),
                ("figures", &review_figures(t, dataset, review)),
            ],
        ),
        path: review_path(&summary.id, t.lang()),
        image: Some(preview_path(&summary.id, t.lang())),
    }
}

/// `items` as a sentence lists them: `1, 13 and 27`.
fn spoken_list(t: &Tr, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [most @ .., last] => format!(
            "{}{}{last}",
            most.join(&t.get(Msg::SiteListSeparator)),
            t.get(Msg::SiteAnd)
        ),
    }
}

/// The reviews of the State `state` (an index into [`dataset.states`](Dataset::states)).
pub fn reviews_of(dataset: &Dataset, state: usize) -> Vec<usize> {
    (0..dataset.reviews.len())
        .filter(|&r| dataset.reviews[r].state as usize == state)
        .collect()
}

pub fn state_meta(t: &Tr, dataset: &Dataset, state: usize) -> PageMeta {
    let name = t.state_name(dataset, state as _);
    let reviews = reviews_of(dataset, state);
    let sessions: Vec<String> = reviews
        .iter()
        .map(|&r| dataset.reviews[r].summary.session.to_string())
        .collect();
    let figures: Vec<String> = reviews
        .iter()
        .map(|&r| {
            t.fmt(
                Msg::SiteSessionFigures,
                &[
                    ("session", &dataset.reviews[r].summary.session.to_string()),
                    ("figures", &review_figures(t, dataset, r)),
                ],
            )
        })
        .collect();
    PageMeta {
        title: t.count(
            Msg::SiteStateTitle,
            sessions.len() as u32,
            &[("name", &name), ("sessions", &spoken_list(t, &sessions))],
        ),
        description: t.fmt(
            Msg::SiteStateDescription,
            &[("name", &name), ("figures", &figures.join(" "))],
        ),
        path: state_path(&dataset.states[state].id, t.lang()),
        image: None,
    }
}

pub fn home_meta(t: &Tr, dataset: &Dataset) -> PageMeta {
    PageMeta {
        title: t.get(Msg::PageTitle),
        description: t.fmt(
            Msg::SiteHomeDescription,
            &[
                (
                    "recommendations",
                    &t.count(
                        Msg::RecommendationsCount,
                        dataset.totals.recommendations,
                        &[],
                    ),
                ),
                ("reviews", &t.num(dataset.reviews.len() as u32)),
            ],
        ),
        path: home_path(t.lang()),
        image: None,
    }
}

/// A page's file in a language: English's has no code (`kazakhstan-s7.html`,
/// the address that was there first), the others' beside it in the same
/// folder (`kazakhstan-s7.fr.html`), so that its links to the code and
/// data are those of the English page.
fn in_language(stem: &str, lang: Lang, extension: &str) -> String {
    match lang {
        Lang::En => format!("{stem}.{extension}"),
        _ => format!("{stem}.{}.{extension}", lang.code()),
    }
}

pub fn home_path(lang: Lang) -> String {
    in_language("index", lang, "html")
}

pub fn review_path(id: &str, lang: Lang) -> String {
    in_language(&format!("reviews/{id}"), lang, "html")
}

pub fn preview_path(id: &str, lang: Lang) -> String {
    in_language(&format!("reviews/{id}"), lang, "png")
}

pub fn state_path(id: &str, lang: Lang) -> String {
    in_language(&format!("states/{id}"), lang, "html")
}

/// Open Graph's `og:locale`, a language with a territory as Facebook
/// lists them (a language alone is not accepted).
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar_AR",
        Lang::Zh => "zh_CN",
        Lang::En => "en_US",
        Lang::Fr => "fr_FR",
        Lang::Ru => "ru_RU",
        Lang::Es => "es_ES",
    }
}
