//! The `<upr-viewer>` element's Rust side. `embed.js` defines the element
//! and gives each instance a shadow root; this renders a viewer into an
//! element that `embed.js` puts in that root, the viewer's style sheet
//! inside it (`crate::style`), so the host page's CSS cannot reach in and
//! ours cannot leak out.
//!
//! A Yew app never gives back the event listeners it registers on the
//! element it is rendered into (it expects to live as long as the page),
//! so an app made for each `<upr-viewer>` and destroyed with it would leak
//! them and what they hold. Instead, `embed.js` keeps the app of a removed
//! element, with nothing shown in it, for the next element: a page holds
//! at most as many apps as it ever showed elements at once.

use crate::app::{Host, Viewer, ViewerProps};
use upr_core::query::from_attributes;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedProps {
    /// None while the app waits for its next element.
    pub viewer: Option<ViewerProps>,
    /// A new one for each element shown, so that it starts afresh.
    pub generation: u32,
}

#[component]
pub fn Embedded(props: &EmbedProps) -> Html {
    let Some(viewer) = &props.viewer else {
        return html! {};
    };
    html! {
        <Viewer key={props.generation} ..viewer.clone() />
    }
}

/// Styles for the shadow root itself: the host's inherited styles stop at
/// `:host`, whatever the page sets on its elements.
const HOST_STYLE: &str = ":host { all: initial; display: block; contain: content; } [hidden] { display: none !important; }";

#[wasm_bindgen]
pub struct EmbeddedViewer {
    app: AppHandle<Embedded>,
    /// What goes into the shadow root: the host's styles and the viewer.
    element: Element,
    default_base: String,
    generation: u32,
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// An app with nothing shown yet; `default_base` is where the dataset
    /// is when `src` is not given (next to `embed.js`).
    #[wasm_bindgen(constructor)]
    pub fn new(default_base: String) -> Result<EmbeddedViewer, JsValue> {
        crate::crash::install_panic_hook();
        // The language files are beside the data folder, next to embed.js.
        let messages_base = default_base.strip_suffix("data/").map_or_else(
            || format!("{default_base}../i18n/"),
            |root| format!("{root}i18n/"),
        );
        crate::i18n::load::set_base(messages_base);
        let document = gloo::utils::document();
        let element = document.create_element("div")?;
        let style = document.create_element("style")?;
        style.set_text_content(Some(HOST_STYLE));
        element.append_child(&style)?;
        let mount = document.create_element("div")?;
        element.append_child(&mount)?;
        let props = EmbedProps {
            viewer: None,
            generation: 0,
        };
        let app = yew::Renderer::<Embedded>::with_root_and_props(mount, props).render();
        Ok(EmbeddedViewer {
            app,
            element,
            default_base,
            generation: 0,
        })
    }

    /// The element to put into the shadow root.
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Element {
        self.element.clone()
    }

    /// Shows a new viewer for an element with these attributes (an array
    /// of `[name, value]` pairs).
    pub fn show(&mut self, attributes: js_sys::Array) {
        self.generation = self.generation.wrapping_add(1);
        self.update(attributes);
    }

    /// Called when an attribute changes: the viewer shows the new query.
    pub fn update(&mut self, attributes: js_sys::Array) {
        let props = self.props(Some(&attributes));
        self.app.update(props);
    }

    /// Removes the viewer (and all it holds) until the next `show`.
    pub fn hide(&mut self) {
        let props = self.props(None);
        self.app.update(props);
    }

    fn props(&self, attributes: Option<&js_sys::Array>) -> EmbedProps {
        let generation = self.generation;
        let Some(attributes) = attributes else {
            return EmbedProps {
                viewer: None,
                generation,
            };
        };
        let pairs: Vec<(String, String)> = attributes
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((
                    pair.get(0).as_string()?,
                    pair.get(1).as_string().unwrap_or_default(),
                ))
            })
            .collect();
        let attribute = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let address_bar = attribute("address-bar").is_some();
        let (query, warnings) = if address_bar {
            crate::services::address_bar::read()
        } else {
            from_attributes(&pairs)
        };
        EmbedProps {
            viewer: Some(ViewerProps {
                data_base: data_base(attribute("src"), &self.default_base).into(),
                query,
                warnings,
                host: Host::Element {
                    compact: attribute("compact").is_some(),
                    address_bar,
                },
                preloaded: None,
            }),
            generation,
        }
    }
}

/// `src` may name the data folder or one of its files; either way the
/// viewer needs the folder, ending in `/`.
fn data_base(src: Option<String>, default_base: &str) -> String {
    match src.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) {
        None => default_base.to_owned(),
        Some(src) if src.ends_with('/') => src,
        Some(src) if src.ends_with(".json") => src
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| format!("{dir}/")),
        Some(src) => format!("{src}/"),
    }
}
