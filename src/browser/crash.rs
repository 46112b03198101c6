//! When the app panics. With `panic = "abort"` nothing can be caught and the instance is
//! unusable afterwards, so the hook only tells `public/boot.js`, which replaces the page with a
//! message and a "Download my review" link built from the last saved copy, without calling into
//! WebAssembly again.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `public/boot.js`'s safety net; it also logs the message to the console, with the stack.
    #[wasm_bindgen(catch, js_namespace = window, js_name = verdictCrashed)]
    fn crashed(message: &str) -> Result<(), JsValue>;
}

/// Hands panics to the page's safety net (`window.verdictCrashed`), which also logs them to the
/// console with the stack (console_error_panic_hook did that in the Wasm, 632 bytes of the first
/// load, measured: docs/performance.md). Without the boot script (the browser-seam tests) the
/// call fails and the panic goes on as usual.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let _ = crashed(&info.to_string());
    }));
}

/// The name of a window event that makes the app panic on purpose, so that an end-to-end test
/// can check the safety net in the release build. Only script running in the page can send it,
/// and the Content-Security-Policy lets no script but the app's own run.
pub const TEST_PANIC_EVENT: &str = "verdict-test-panic";
