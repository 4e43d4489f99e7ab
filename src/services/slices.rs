//! Long work cut into slices that give the browser its turn in between, so
//! that reading the texts (seconds on a phone) never keeps a tap or a
//! scroll waiting for more than a slice.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long the work may hold the browser before it yields. A task over
/// 50 ms is what browsers and Lighthouse count as blocking; on a phone
/// about four times slower than a desktop a slice must stay under 12 ms,
/// with the piece that runs past the mark (a 64 KB piece of texts takes
/// 2-3 ms here). At 10 ms, Lighthouse found slices of 51-55 ms.
const SLICE_MS: f64 = 7.0;

/// Times the work since it last yielded.
pub struct Slices {
    since: f64,
}

impl Slices {
    pub fn new() -> Self {
        Slices { since: now() }
    }

    /// Yields to the browser if the current slice is used up.
    pub async fn breathe(&mut self) {
        if now() - self.since >= SLICE_MS {
            yield_to_browser().await;
            self.since = now();
        }
    }
}

impl Default for Slices {
    fn default() -> Self {
        Self::new()
    }
}

/// The page's clock in milliseconds (0 where there is none).
pub(crate) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resumes in a new task, after the browser has handled what waits
/// (input, rendering). A message to itself, not a timeout: nested
/// timeouts are held back to 4 ms each, which over hundreds of slices
/// would add seconds. The channel is held until its message arrives.
pub async fn yield_to_browser() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let port = channel.port1();
    let arrived = js_sys::Promise::new(&mut |resolve, _reject| {
        port.set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::UNDEFINED).is_err() {
        return;
    }
    let _ = JsFuture::from(arrived).await;
    port.set_onmessage(None);
    drop(channel);
}
