//! UPR viewer: the Universal Periodic Review's recommendations as review
//! cards in the browser. The core (`dataset`, `query`, `filter`, `format`,
//! `state`) is plain Rust, tested natively; `app`, `components` and
//! `services` render it with Yew in the browser.

pub mod app;
pub mod components;
pub mod dataset;
pub mod filter;
pub mod format;
pub mod palette;
pub mod query;
pub mod services;
pub mod state;

/// Mounts the viewer on the page's `#app` element (or the body), reading
/// the query from the address bar and the dataset from `data/`.
pub fn run_page() {
    let (query, warnings) = services::address_bar::read();
    let props = app::ViewerProps {
        data_base: "data/".into(),
        query,
        warnings,
        address_bar: true,
        show_filters: true,
    };
    let document = web_sys::window().and_then(|w| w.document());
    match document.as_ref().and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<app::Viewer>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::Viewer>::with_props(props).render();
        }
    }
}
