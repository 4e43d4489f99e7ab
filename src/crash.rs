//! What a person sees if the viewer itself fails: a panic cannot be undone
//! inside WebAssembly, so the viewer puts a plain message, with a way to
//! start again, in place of every viewer on the page. The rest of the host
//! page keeps working.
//!
//! A panic reaches the message one of two ways, depending on how the wasm
//! was built. On the stable toolchain (`panic = "abort"`), the panic hook
//! runs first and then the wasm traps. The release is built with
//! `-Cpanic=immediate-abort` (`scripts/build.sh`), where no hook runs: the
//! panic is at once an `unreachable` trap, a `WebAssembly.RuntimeError`
//! thrown into whatever JavaScript called the wasm (an event handler, a
//! microtask, a promise), which the browser reports to the window as an
//! `error` or an `unhandledrejection` event. The listeners below are
//! installed from here rather than by each start-up script (the page's,
//! `embed.js`, the single file's), so every way of starting has them.

use wasm_bindgen::prelude::*;

const MESSAGE: &str = "The UPR viewer stopped because of an internal error. Nothing you entered caused harm; reload the page to start it again.";

/// Installs the hook and the listeners once; later calls do nothing.
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!("UPR viewer: {info}"));
            show_notice();
        }));
        let Some(window) = web_sys::window() else {
            return;
        };
        // The trap's error is the event's `error` (an uncaught exception)
        // or `reason` (a rejected promise nobody handled). These listeners
        // are wasm too: a trap leaves the instance's memory as it was, so
        // the little they do (read a property, replace some DOM) still
        // runs, as the hook did after a panic.
        for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
            gloo::events::EventListener::new(&window, event, move |event| {
                if is_trap(event, field) {
                    show_notice();
                }
            })
            .forget();
        }
    });
}

/// Whether the event carries a WebAssembly trap. Any trap counts (a
/// panic is `unreachable`; the others are as fatal), and only traps: a
/// script error of the host page is not the viewer's. (A trap of another
/// wasm module on the host page counts too: browsers do not say alike
/// which module trapped.)
fn is_trap(event: &web_sys::Event, field: &str) -> bool {
    js_sys::Reflect::get(event, &JsValue::from_str(field))
        .is_ok_and(|thrown| thrown.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
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
