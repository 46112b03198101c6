//! When the app panics. With `panic = "abort"` nothing can be caught and the instance is
//! unusable afterwards, so the hook only tells `public/boot.js`, which replaces the page with a
//! message and a "Download my review" link built from the last saved copy, without calling into
//! WebAssembly again.

use wasm_bindgen::{JsCast, JsValue};

/// Hands panics to the page's safety net (`window.verdictCrashed`), which also logs them to the
/// console with the stack (console_error_panic_hook did that in the Wasm, 632 bytes of the first
/// load, measured: docs/performance.md).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(handler) = js_sys::Reflect::get(&window, &JsValue::from_str("verdictCrashed")) {
            if let Some(handler) = handler.dyn_ref::<js_sys::Function>() {
                let _ = handler.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        }
    }));
}

/// The name of a window event that makes the app panic on purpose, so that an end-to-end test
/// can check the safety net in the release build. Only script running in the page can send it,
/// and the Content-Security-Policy lets no script but the app's own run.
pub const TEST_PANIC_EVENT: &str = "verdict-test-panic";
