//! Entry points only tests call, compiled only into the test build
//! (`--features test-hooks`, see `scripts/test.sh`): what people download
//! has no way to break the viewer on purpose or to look inside it.

use wasm_bindgen::prelude::*;

/// Forces a panic, so that tests can prove a panic shows its notice in a
/// real build (a trap, in a build made the release's way: `crate::crash`).
#[wasm_bindgen(js_name = forcePanicForTests)]
pub fn force_panic_for_tests() {
    panic!("forced by a test");
}

/// Traps without panicking, as a panic does in the release (built with
/// `-Cpanic=immediate-abort`), whatever the toolchain this build was made
/// with: tests prove the trap alone brings the notice.
#[wasm_bindgen(js_name = trapForTests)]
pub fn trap_for_tests() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}

/// How many viewers listen to the download progress: a viewer that was
/// removed must not be among them.
#[wasm_bindgen(js_name = progressListenersForTests)]
pub fn progress_listeners_for_tests() -> usize {
    crate::services::loader::listener_count()
}
