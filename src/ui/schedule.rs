//! Running something later: focusing an element once the DOM has caught up, and work that waits
//! for the browser to be idle. General helpers that any component may use; they use no other ui
//! module, so that no two components need each other for them.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id once the DOM has been updated: in a microtask (after the
/// render effects that the change scheduled), so that a key pressed right after a move still
/// reaches the same button; and again on the next frame, in case the element came later.
pub fn focus_later(element_id: String) {
    fn focus(element_id: &str) -> bool {
        let Some(el) = document().get_element_by_id(element_id) else {
            return false;
        };
        let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
            return false;
        };
        let _ = el.focus();
        document()
            .active_element()
            .is_some_and(|active| active.id() == element_id)
    }
    queue_microtask(move || {
        if !focus(&element_id) {
            request_animation_frame(move || {
                focus(&element_id);
            });
        }
    });
}

/// Runs `run` when the browser is idle (or soon, where it cannot say).
pub fn when_idle(run: impl FnOnce() + Copy + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(run);
    let scheduled = window()
        .request_idle_callback(callback.unchecked_ref())
        .is_ok();
    if !scheduled {
        set_timeout(run, Duration::from_millis(50));
    }
}
