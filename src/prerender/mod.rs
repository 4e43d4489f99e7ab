//! Build-time prerendering (native only, never in the wasm): the viewer's
//! pages as HTML, rendered by the same components that the browser then
//! hydrates ([`crate::run_page`]). [`render_view`] renders one view; [`site`]
//! writes the pages around it (the home page, one per review and per
//! State, in each language), [`meta`] their titles, descriptions and
//! link-preview tags, [`preview`] their pictures; [`install`] the web app
//! manifest, its icons and the offline page.

pub mod install;
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
        published: published().map(Into::into),
    };
    let markup =
        futures::executor::block_on(yew::LocalServerRenderer::<Viewer>::with_props(props).render());
    let up = data_base.strip_suffix("data/").unwrap_or_default();
    Rendered {
        markup: link_sheet(&markup, up),
    }
}

/// The viewer's style sheet as the prerendered pages share it: one file,
/// named by its content, rather than 15.5 kB inline in each of the 3,480
/// pages (54 MB of the site).
pub struct SheetFile {
    /// The file's name, at the site's root (`viewer-<fingerprint>.css`).
    pub name: String,
    pub content: String,
}

pub fn sheet_file() -> SheetFile {
    let content = crate::style::sheet();
    SheetFile {
        name: format!("viewer-{}.css", upr_core::fingerprint::of_file(&content)),
        content,
    }
}

/// The rendered view with its `<style>` element (the viewer's raw node,
/// [`crate::style::style_element`]) a link to [`sheet_file`] instead, from
/// a page `up` folders below the site's root. The browser hydrates the raw
/// node without reading it, and keeps it while the sheet is unchanged: the
/// page keeps its link, and the DOM after hydration is the page's.
fn link_sheet(markup: &str, up: &str) -> String {
    let inline = format!("<style>{}</style>", crate::style::sheet());
    assert_eq!(
        markup.matches(&inline).count(),
        1,
        "the viewer renders its style sheet once, as crate::style makes it"
    );
    let link = format!(
        "<link rel=\"stylesheet\" href=\"{up}{}\">",
        escape(&sheet_file().name)
    );
    markup.replacen(&inline, &link, 1)
}

/// When the build was made (`2026-12-07`): `UPR_PUBLISHED`, which
/// `scripts/post-build.mjs` sets, and gives the browser's first render too.
/// None when it is not set (the prerender run alone): the footer then has
/// no such line.
pub fn published() -> Option<&'static str> {
    static PUBLISHED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    PUBLISHED
        .get_or_init(|| {
            std::env::var(PUBLISHED_VARIABLE)
                .ok()
                // A date the footer can write (`date` returns anything else as it is).
                .filter(|date| upr_core::format::date(date) != *date)
        })
        .as_deref()
}

/// The variable [`published`] reads.
pub const PUBLISHED_VARIABLE: &str = "UPR_PUBLISHED";

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
