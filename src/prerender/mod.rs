//! Build-time prerendering (native only, never in the wasm): the viewer's
//! pages as HTML, rendered by the same components that the browser then
//! hydrates ([`crate::run_page`]). [`render_view`] renders one view; [`site`]
//! writes the pages around it (the home page, one per review and per
//! State, in each language), [`meta`] their titles, descriptions and
//! link-preview tags, [`preview`] their pictures.

pub mod meta;
pub mod preview;
pub mod site;

use crate::app::{Host, Viewer, ViewerProps};
use crate::i18n::{Catalog, Tr};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use upr_core::dataset::load::Dataset;
use upr_core::lang::Lang;
use upr_core::query::Query;
use upr_core::state::Shared;

/// A view as HTML: the viewer's markup, its style sheet inside, for inside
/// the page root.
pub struct Rendered {
    pub markup: String,
}

/// How a view is rendered: the whole page viewer, which the browser
/// hydrates, or its outline (no filters, no recommendation rows), which it
/// builds afresh: the lighter pages of the other languages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Whole,
    Outline,
}

/// Renders the page viewer showing `query` over `dataset` (the overview
/// alone, or with its texts: the browser hydrates with the same) in the
/// language of `t` (which [`query.lang`](Query::lang) names, but for English), the data
/// folder being `data_base` relative to the page.
pub fn render_view(
    dataset: &Rc<Dataset>,
    query: Query,
    data_base: &str,
    t: &Tr,
    form: Form,
) -> Rendered {
    // The viewer takes the messages it finds already loaded.
    crate::i18n::load::remember(t, data_base);
    let props = ViewerProps {
        data_base: data_base.to_owned().into(),
        query,
        warnings: Vec::new(),
        host: match form {
            Form::Whole => Host::Page,
            Form::Outline => Host::Outline,
        },
        preloaded: Some(Shared(dataset.clone())),
    };
    let markup =
        futures::executor::block_on(yew::LocalServerRenderer::<Viewer>::with_props(props).render());
    Rendered { markup }
}

/// The languages other than English, each with its messages
/// (`i18n_dir/<code>.json`) and its State names (`data_dir/names-<code>.json`).
pub fn read_languages(i18n_dir: &Path, data_dir: &Path) -> Result<Vec<Tr>, String> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path)
            .map_err(|e| format!("could not read {}: {e}", path.display()))
    };
    Lang::ALL
        .into_iter()
        .filter(|&lang| lang != Lang::En)
        .map(|lang| {
            let catalog = Catalog::parse(&read(i18n_dir.join(format!("{}.json", lang.code())))?)
                .map_err(|e| format!("{}.json: {e}", lang.code()))?;
            let names: HashMap<String, String> =
                serde_json::from_str(&read(data_dir.join(lang.state_names_file()))?)
                    .map_err(|e| format!("{}: {e}", lang.state_names_file()))?;
            Ok(Tr::new(lang, Rc::new(catalog)).with_states(Rc::new(names)))
        })
        .collect()
}

/// Text made safe for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
