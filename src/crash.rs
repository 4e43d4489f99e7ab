//! What a person sees if the viewer itself fails: a panic cannot be undone
//! inside WebAssembly, so the hook puts a plain message, with a way to
//! start again, in place of every viewer on the page. The rest of the host
//! page keeps working.

use wasm_bindgen::prelude::*;

const MESSAGE: &str = "The UPR viewer stopped because of an internal error. Nothing you entered caused harm; reload the page to start it again.";

/// Installs the hook once; later calls do nothing.
pub fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!("UPR viewer: {info}"));
            show_notice();
        }));
    });
}

fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut roots: Vec<web_sys::Node> = Vec::new();
    if let Some(page) = document.get_element_by_id(crate::PAGE_ROOT_ID) {
        roots.push(page.into());
    }
    if let Ok(elements) = document.query_selector_all("upr-viewer") {
        roots.extend((0..elements.length()).filter_map(|i| {
            let element: web_sys::Element = elements.item(i)?.dyn_into().ok()?;
            element.shadow_root().map(Into::into)
        }));
    }
    for root in roots {
        let Ok(notice) = document.create_element("div") else {
            continue;
        };
        let _ = notice.set_attribute("role", "alert");
        let _ = notice.set_attribute("data-testid", "crash");
        let _ = notice.set_attribute("style", "padding: 1em; border: 2px solid #b3260b; background: #fde2e1; color: #1b1f24; font: 16px/1.5 system-ui, sans-serif;");
        notice.set_text_content(Some(MESSAGE));
        if let Ok(reload) = document.create_element("a") {
            let _ = reload.set_attribute("href", "");
            reload.set_text_content(Some(" Reload"));
            let _ = notice.append_child(&reload);
        }
        // Replace whatever the broken viewer left.
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        let _ = root.append_child(&notice);
    }
}
