//! The `<upr-viewer>` element's Rust side. `embed.js` defines the element
//! and gives each instance a shadow root; this mounts a viewer inside it,
//! with stylist writing the styles into that root, so the host page's CSS
//! cannot reach in and ours cannot leak out.

use crate::app::{Viewer, ViewerProps};
use crate::query::from_attributes;
use stylist::manager::StyleManager;
use stylist::yew::ManagerProvider;
use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;
use yew::prelude::*;
use yew::AppHandle;

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedProps {
    pub manager: StyleManager,
    pub viewer: ViewerProps,
}

#[component]
pub fn Embedded(props: &EmbedProps) -> Html {
    html! {
        <ManagerProvider manager={props.manager.clone()}>
            <Viewer ..props.viewer.clone() />
        </ManagerProvider>
    }
}

/// Styles for the shadow root itself: the host's inherited styles stop at
/// `:host`, whatever the page sets on its elements.
const HOST_STYLE: &str = ":host { all: initial; display: block; contain: content; } [hidden] { display: none !important; }";

#[wasm_bindgen]
pub struct EmbeddedViewer {
    app: Option<AppHandle<Embedded>>,
    manager: StyleManager,
    default_base: String,
}

#[wasm_bindgen]
impl EmbeddedViewer {
    /// `attributes` is an array of `[name, value]` pairs; `default_base` is
    /// where the dataset is when `src` is not given (next to `embed.js`).
    #[wasm_bindgen(constructor)]
    pub fn new(root: ShadowRoot, attributes: js_sys::Array, default_base: String) -> Result<EmbeddedViewer, JsValue> {
        crate::crash::install_panic_hook();
        let document = gloo::utils::document();
        let style = document.create_element("style")?;
        style.set_text_content(Some(HOST_STYLE));
        root.append_child(&style)?;
        let mount = document.create_element("div")?;
        root.append_child(&mount)?;
        let manager = StyleManager::builder()
            .container(root.clone().into())
            .build()
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let mut viewer = EmbeddedViewer { app: None, manager, default_base };
        let props = viewer.props(&attributes);
        viewer.app = Some(yew::Renderer::<Embedded>::with_root_and_props(mount, props).render());
        Ok(viewer)
    }

    /// Called when an attribute changes: the viewer shows the new query.
    pub fn update(&mut self, attributes: js_sys::Array) {
        let props = self.props(&attributes);
        if let Some(app) = &mut self.app {
            app.update(props);
        }
    }

    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    fn props(&self, attributes: &js_sys::Array) -> EmbedProps {
        let pairs: Vec<(String, String)> = attributes
            .iter()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string().unwrap_or_default()))
            })
            .collect();
        let attribute = |name: &str| pairs.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone());
        let address_bar = attribute("address-bar").is_some();
        let (query, warnings) = if address_bar {
            crate::services::address_bar::read()
        } else {
            from_attributes(&pairs)
        };
        EmbedProps {
            manager: self.manager.clone(),
            viewer: ViewerProps {
                data_base: data_base(attribute("src"), &self.default_base).into(),
                query,
                warnings,
                address_bar,
                show_filters: attribute("compact").is_none(),
                masthead: false,
            },
        }
    }
}

/// `src` may name the data folder or one of its files; either way the
/// viewer needs the folder, ending in `/`.
fn data_base(src: Option<String>, default_base: &str) -> String {
    match src.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) {
        None => default_base.to_owned(),
        Some(src) if src.ends_with('/') => src,
        Some(src) if src.ends_with(".json") => src.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/")),
        Some(src) => format!("{src}/"),
    }
}
