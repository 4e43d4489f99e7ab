//! UPR viewer: the Universal Periodic Review's recommendations as review
//! cards in the browser. The core (`dataset`, `facet`, `query`, `filter`, `stats`,
//! `export`, `format`, `state`) is plain Rust, tested natively; `app`,
//! `components`, `services`, `embed` and `crash` render it with Yew in the
//! browser; `bench` serves the benchmark; `test_hooks`, only in the test
//! build, lets end-to-end tests reach inside.

pub mod app;
pub mod bench;
pub mod components;
pub mod crash;
pub mod dataset;
pub mod embed;
pub mod export;
pub mod facet;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod palette;
pub mod query;
pub mod search;
pub mod services;
pub mod state;
pub mod stats;
pub mod table;
pub mod style;
#[cfg(feature = "test-hooks")]
mod test_hooks;

/// The element the page build mounts on. A page without it (a host page
/// that loads `embed.js`) gets no page viewer, only its elements.
pub const PAGE_ROOT_ID: &str = "upr-viewer-page";

/// Mounts the viewer on the page's `#upr-viewer-page` element, reading the
/// query from the address bar and the dataset from `data/`.
pub fn run_page() {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(root) = document.and_then(|d| d.get_element_by_id(PAGE_ROOT_ID)) else { return };
    crash::install_panic_hook();
    let (query, warnings) = services::address_bar::read();
    let props = app::ViewerProps {
        data_base: "data/".into(),
        query,
        warnings,
        address_bar: true,
        show_filters: true,
        masthead: true,
    };
    yew::Renderer::<app::Viewer>::with_root_and_props(root, props).render();
}
