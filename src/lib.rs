//! UPR viewer: the Universal Periodic Review's recommendations as review
//! cards in the browser. The core (`upr_core`: dataset, query, filter,
//! statistics, state) is plain Rust in a crate of its own; here `app`,
//! `components`, `services`, `i18n`, `embed` and `crash` render it with
//! Yew in the browser, and `prerender` (native only) renders the same
//! components into the build's pages. `bench` and `test_hooks` exist only
//! in the builds that the benchmark and the end-to-end tests make.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod components;
pub mod crash;
pub mod embed;
pub mod extras;
pub mod i18n;
pub mod palette;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod services;
pub mod style;
#[cfg(feature = "test-hooks")]
mod test_hooks;

use upr_core::dataset::load::Dataset;
use upr_core::dataset::packed::state_piece_file;
use upr_core::lang::Lang;
use upr_core::query::{Query, QueryWarning};
use upr_core::state::Shared;

/// The element the page build mounts on. A page without it (a host page
/// that loads `embed.js`) gets no page viewer, only its elements.
pub const PAGE_ROOT_ID: &str = "upr-viewer-page";

/// Mounts the viewer on the page's `#upr-viewer-page` element, reading the
/// query from the address bar and the dataset from `data/` (or where the
/// root's `data-base` says). A prerendered page (`crate::prerender`) is
/// hydrated instead, once the data it was rendered with is in.
pub fn run_page() {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(root) = document.and_then(|d| d.get_element_by_id(PAGE_ROOT_ID)) else {
        return;
    };
    crash::install();
    let base = root
        .get_attribute(DATA_BASE_ATTRIBUTE)
        .unwrap_or_else(|| "data/".into());
    // The build puts i18n/ and the texts' worker beside data/: a page one
    // folder down (`reviews/…`, data in `../data/`) finds its languages in
    // `../i18n/`.
    if let Some(up) = base.strip_suffix("data/") {
        i18n::load::set_base(format!("{up}i18n/"));
        services::worker_fetch::set_script(format!("{up}{}", services::worker_fetch::SCRIPT_FILE));
    }
    match root.get_attribute(PRERENDERED_ATTRIBUTE) {
        Some(stage) => {
            wasm_bindgen_futures::spawn_local(hydrate(root, base, stage == PRERENDERED_WITH_TEXTS))
        }
        None => {
            let (query, warnings) = services::address_bar::read();
            let props = page_props(&root, base, query, warnings, None);
            yew::Renderer::<app::Viewer>::with_root_and_props(root, props).render();
        }
    }
}

/// On the page root: where the data folder is, relative to the page.
pub const DATA_BASE_ATTRIBUTE: &str = "data-base";
/// On a prerendered page root: what it was rendered with, the overview or
/// (this value) the dataset with its texts.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";
pub const PRERENDERED_WITH_TEXTS: &str = "texts";
/// On a prerendered page root: the query it was rendered with (`?review=…`).
pub const PAGE_QUERY_ATTRIBUTE: &str = "data-query";
/// On a prerendered page root: the fingerprint of the data files it was
/// rendered from ([`upr_core::fingerprint::of_page`] of each file's).
pub const FINGERPRINT_ATTRIBUTE: &str = "data-fingerprint";
/// On a lighter prerendered page (another language than English: the
/// view without the filters and without the recommendations' rows): the
/// browser builds its view afresh rather than hydrate it.
pub const OUTLINE_ATTRIBUTE: &str = "data-outline";

/// On the page root: the date the build was made (`2026-12-07`), set by
/// the page's start-up script (`scripts/post-build.mjs`) before the code
/// starts, or written by the single file.
pub const PUBLISHED_ATTRIBUTE: &str = "data-published";

fn page_props(
    root: &web_sys::Element,
    base: String,
    query: Query,
    warnings: Vec<QueryWarning>,
    preloaded: Option<Shared<Dataset>>,
) -> app::ViewerProps {
    app::ViewerProps {
        data_base: base.into(),
        query,
        warnings,
        host: app::Host::Page,
        preloaded,
        published: root.get_attribute(PUBLISHED_ATTRIBUTE).map(Into::into),
    }
}

/// Hydrates the prerendered page with the dataset it was rendered from (so
/// the first render equals it). A page whose address asks for another view
/// (`index.html?theme=Torture`), or that was made from other data than
/// loaded, is built afresh with what is loaded; a failed load is built
/// afresh too, and the viewer says what failed, with Try again. So is a
/// lighter page (`OUTLINE_ATTRIBUTE`). A page in another language than
/// English starts once that language's messages are in, so that it is
/// never drawn in English (without them it says why, in English).
async fn hydrate(root: web_sys::Element, base: String, with_texts: bool) {
    let (page_query, _) =
        Query::from_search(&root.get_attribute(PAGE_QUERY_ATTRIBUTE).unwrap_or_default());
    // A page drawn with a comparison (a State's page) is taken over with
    // the code that draws it (crate::extras): asked for beside the data.
    if page_query.needs_extras() {
        extras::prefetch();
    }
    let overview = services::loader::overview(&base).await;
    // A page of a review or a State was made with that State's texts.
    let state_id = match (&overview, with_texts) {
        (Ok(dataset), true) => page_state(dataset, &page_query),
        _ => None,
    };
    let (loaded, piece) = match state_id {
        Some(id) => (
            services::loader::state_texts(&base, &id).await,
            Some(state_piece_file(&id)),
        ),
        None => (overview, None),
    };
    // Reading the data and taking over the page are two long pieces of
    // work: the browser gets its turn between them.
    services::slices::yield_to_browser().await;
    let typed = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (mut query, warnings) = if typed.trim_start_matches('?').is_empty() {
        (page_query.clone(), Vec::new())
    } else {
        services::address_bar::read()
    };
    // The page's own language, unless the address names another.
    query.lang = query.lang.or(page_query.lang);
    let in_language = match query.lang.filter(|lang| *lang != Lang::En) {
        Some(lang) => i18n::load::messages(lang, &base).await.is_ok(),
        None => true,
    };
    let with_extras = !page_query.needs_extras() || extras::load().await.is_ok();
    let rendered_from = root.get_attribute(FINGERPRINT_ATTRIBUTE);
    let same_data = rendered_from.is_some()
        && rendered_from == services::loader::fingerprint(&base, piece.as_deref());
    let preloaded = loaded.ok().map(Shared);
    let props = page_props(&root, base, query.clone(), warnings, preloaded.clone());
    // The page's own results, hidden while a link to another view waited
    // (static/pending.js), are taken over or replaced now.
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.remove_attribute("data-upr-pending");
    }
    if same_data
        && preloaded.is_some()
        && query == page_query
        && in_language
        && with_extras
        && !root.has_attribute(OUTLINE_ATTRIBUTE)
    {
        components::deferred::hydrate_in_turns();
        yew::Renderer::<app::Viewer>::with_root_and_props(root, props).hydrate();
    } else {
        root.set_inner_html("");
        yew::Renderer::<app::Viewer>::with_root_and_props(root, props).render();
    }
}

/// The State whose texts a page of a review (`?review=…`) or of a State
/// (`?compare=…`) was rendered with, by id.
fn page_state(dataset: &Dataset, query: &Query) -> Option<String> {
    let state = match (&query.review, &query.compare) {
        (Some(review), _) => dataset.reviews[dataset.review_by_id(review)?].state,
        (None, Some(name)) => dataset.find_state(name)?,
        (None, None) => return None,
    };
    Some(dataset.states[state as usize].id.clone())
}
