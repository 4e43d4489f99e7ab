//! Entry points only tests call, compiled only into the test build
//! (`--features test-hooks`, see `scripts/test.sh`): what people download
//! has no way to break the viewer on purpose or to look inside it.

use wasm_bindgen::prelude::*;

/// Forces a panic, so that tests can prove the panic hook works in a real
/// build.
#[wasm_bindgen(js_name = forcePanicForTests)]
pub fn force_panic_for_tests() {
    panic!("forced by a test");
}

/// How many viewers listen to the download progress: a viewer that was
/// removed must not be among them.
#[wasm_bindgen(js_name = progressListenersForTests)]
pub fn progress_listeners_for_tests() -> usize {
    crate::services::loader::listener_count()
}
