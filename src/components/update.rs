//! The notice that a newer version is available, with a button that
//! loads it. Two things announce one: the page's start-up script, when a
//! new build's service worker has installed beside the one serving this
//! page (it waits: the page keeps reading one build's files, never a mix),
//! and the loader, when the data on the server is not the data it holds
//! ([`announce`]). Both dispatch [`UPDATE_EVENT`] on the window and leave
//! [`ANNOUNCED`] set, for a viewer that starts after the event.
//!
//! Nothing is rendered until an announcement: a prerendered page holds no
//! notice, and the browser's first render must equal it.

use crate::components::use_tr;
use crate::i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The window event that announces a newer version.
pub const UPDATE_EVENT: &str = "upr-update-available";
/// The window property set (to `true`) with each announcement.
pub const ANNOUNCED: &str = "uprViewerUpdateAvailable";
/// The window function that loads the newer version, defined by the
/// page's start-up script (it hands over to the waiting service worker
/// first); where it is missing (an element, the single file), a reload.
const RELOAD: &str = "uprViewerReload";

/// Says a newer version is available to every viewer on the page: for the
/// loader, when it finds the data on the server changed.
pub fn announce() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let _ = js_sys::Reflect::set(&window, &ANNOUNCED.into(), &JsValue::TRUE);
    if let Ok(event) = web_sys::Event::new(UPDATE_EVENT) {
        let _ = window.dispatch_event(&event);
    }
}

fn announced() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &ANNOUNCED.into()).ok())
        .is_some_and(|v| v.is_truthy())
}

fn reload() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handover = js_sys::Reflect::get(&window, &RELOAD.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match handover {
        Some(handover) => {
            let _ = handover.call0(&JsValue::UNDEFINED);
        }
        None => {
            let _ = window.location().reload();
        }
    }
}

#[component]
pub fn UpdateNotice() -> Html {
    let t = use_tr();
    let available = use_state(|| false);
    {
        let available = available.setter();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                let available = available.clone();
                gloo::events::EventListener::new(&window, UPDATE_EVENT, move |_| {
                    available.set(true)
                })
            });
            if announced() {
                available.set(true);
            }
            move || drop(listener)
        });
    }
    if !*available {
        return html! {};
    }
    html! {
        <p class="update-notice" role="status" data-testid="update-available">
            { t.get(Msg::UpdateAvailable) }{ " " }
            <button type="button" data-testid="update-reload" onclick={Callback::from(|_| reload())}>
                { t.get(Msg::Reload) }
            </button>
        </p>
    }
}
