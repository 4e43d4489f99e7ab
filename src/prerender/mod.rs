//! Build-time prerendering (native only, never in the wasm): the viewer's
//! pages as HTML, rendered by the same components that the browser then
//! hydrates (`crate::run_page`). `render_view` renders one view; `site`
//! writes the pages around it (the home page, one per review and per
//! State), `meta` their titles, descriptions and link-preview tags.

pub mod meta;
pub mod preview;
pub mod site;

use crate::app::{Page, PageProps, ViewerProps};
use crate::dataset::load::Dataset;
use crate::query::Query;
use crate::state::Shared;
use std::rc::Rc;
use stylist::manager::{render_static, StyleManager};

/// A view as HTML: the viewer's markup (for inside the page root) and the
/// style sheets it uses (for the head).
pub struct Rendered {
    pub markup: String,
    pub styles: String,
}

/// Renders the page viewer showing `query` over `dataset` (the overview
/// alone, or with its texts: the browser hydrates with the same), the data
/// folder being `data_base` relative to the page. English only for now: a
/// language would be one more field of the query or the props.
pub fn render_view(dataset: &Rc<Dataset>, query: Query, data_base: &str) -> Rendered {
    let (writer, reader) = render_static();
    let manager = StyleManager::builder()
        .writer(writer)
        .build()
        .expect("a style manager that only records its styles has nothing to fail on");
    let props = PageProps {
        manager,
        viewer: ViewerProps {
            data_base: data_base.to_owned().into(),
            query,
            warnings: Vec::new(),
            address_bar: true,
            show_filters: true,
            masthead: true,
            preloaded: Some(Shared(dataset.clone())),
        },
    };
    let markup = futures::executor::block_on(yew::LocalServerRenderer::<Page>::with_props(props).render());
    let mut styles = String::new();
    reader
        .read_style_data()
        .write_static_markup(&mut styles)
        .expect("writing into a String cannot fail");
    Rendered { markup, styles }
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
