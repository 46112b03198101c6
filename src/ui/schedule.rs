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

/// A timer that runs only the last thing scheduled on it: scheduling again before the delay has
/// passed drops what was waiting. Components use it to let work follow typing once it pauses
/// (a word count, the checks, a redraw) and to hold the next save. Copy, like a signal; it is
/// not cleared when its owner is cleaned up, so what it runs must read signals with `try_`.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Debounce {
    /// A debounce with nothing waiting, owned by the current reactive owner.
    pub fn new() -> Debounce {
        Debounce {
            pending: StoredValue::new(None),
        }
    }

    /// Runs `run` after `delay`, dropping whatever was waiting.
    pub fn schedule(self, delay: Duration, run: impl FnOnce() + 'static) {
        // One timer callback for every caller: each `run` only adds its own box.
        self.schedule_boxed(delay, Box::new(run));
    }

    fn schedule_boxed(self, delay: Duration, run: Box<dyn FnOnce()>) {
        self.cancel();
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                // Spent: nothing waits any more, and `run` may schedule the next one.
                pending.try_set_value(None);
                run();
            },
            delay,
        )
        .ok();
        self.pending.try_set_value(handle);
    }

    /// Whether something is waiting to run.
    pub fn is_pending(self) -> bool {
        self.pending
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// Drops whatever is waiting, if anything.
    pub fn cancel(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

impl Default for Debounce {
    fn default() -> Debounce {
        Debounce::new()
    }
}
