//! `Undo` and `Redo` for the review's structure and fields, as buttons and as Ctrl+Z /
//! Ctrl+Shift+Z (or Ctrl+Y); in a text field the browser's own text undo keeps what it should
//! (see [`crate::review::edits::browser_undoes`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::review::edits::{focus_after, touched, FocusAfter, FocusBefore, Touched};

use super::schedule::focus_later;
use super::state::EditorState;

/// The element id of the `Undo` button (focus goes there after a section is removed).
pub const UNDO_BUTTON_ID: &str = "undo";

/// Whether a key press in `target` belongs to a text field's own undo.
pub fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    if element.is_instance_of::<web_sys::HtmlTextAreaElement>() {
        return true;
    }
    match element.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        None => element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|e| e.is_content_editable()),
    }
}

/// Undoes or redoes, then keeps focus sensible: a section brought back gets it (from a button);
/// from a button, focus otherwise stays there, or moves to the other button when this one has
/// nothing left to do. From the keyboard, where it goes is decided by
/// [`crate::review::edits::focus_after`].
pub fn step(state: EditorState, undo: bool, from_button: bool) {
    let focused = document().active_element();
    let metadata_before = state.metadata.get_untracked();
    let applied = if undo { state.undo() } else { state.redo() };
    let Some(edit) = applied else {
        return;
    };
    let touched = touched(&edit, &metadata_before);
    if from_button {
        if let Touched::Restored(id) = touched {
            focus_later(format!("section-heading-{id}"));
            return;
        }
        let (can_undo, can_redo) = state.undo.can_undo_redo.get_untracked();
        let target = match (undo, can_undo, can_redo) {
            (true, false, true) => Some("redo"),
            (false, true, false) => Some(UNDO_BUTTON_ID),
            _ => None,
        };
        if let Some(target) = target {
            focus_later(target.to_string());
        }
        return;
    }
    // From the keyboard, once the edit is drawn (a moved section's node is re-inserted, which
    // drops focus, so a control still there gets it back).
    queue_microtask(move || {
        let focused = focused
            .filter(|el| !el.tag_name().eq_ignore_ascii_case("body"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        let before = match &focused {
            None => FocusBefore::Nowhere,
            Some(el) if el.is_connected() => FocusBefore::Kept,
            Some(_) => FocusBefore::Gone,
        };
        let on_screen = match &touched {
            Touched::Field(id) => on_screen(id),
            _ => false,
        };
        let first = state.sections.with_untracked(|s| s.first().map(|x| x.id));
        match focus_after(&touched, on_screen, before, first) {
            FocusAfter::Field(id) => focus_later(id),
            FocusAfter::Heading(id) => focus_later(format!("section-heading-{id}")),
            FocusAfter::Stay => {
                if let Some(el) = focused.filter(|el| el.is_connected()) {
                    let _ = el.focus();
                }
            }
        }
    });
}

/// Whether the element `id` is drawn and wholly inside the window (focusing it would not
/// scroll the page). Read through `Reflect`: web-sys's `DomRect` binding would cost more bundle
/// than these few calls.
fn on_screen(id: &str) -> bool {
    use js_sys::Reflect;
    let Some(el) = document().get_element_by_id(id) else {
        return false;
    };
    let Some(rect) = Reflect::get(&el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&el).ok())
    else {
        return false;
    };
    let read = |key: &str| {
        Reflect::get(&rect, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    read("height") > 0.0 && read("top") >= 0.0 && read("bottom") <= height
}

/// The `Undo` and `Redo` buttons (their shortcuts are dispatched by [`super::shortcuts`]).
#[component]
pub fn UndoControls() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let total = Memo::new(move |_| {
        state
            .sections
            .with(|s| s.iter().map(|x| x.words.get()).sum::<usize>())
    });
    view! {
        <p class="review-count">"This review: " {move || crate::review::words::words_and_time(total.get())}</p>
        <div class="toolbar undo-toolbar" role="toolbar" aria-label="Undo and redo">
            <button
                type="button"
                id=UNDO_BUTTON_ID
                title="Undo the last change to sections, details or rating (Ctrl+Z)"
                aria-keyshortcuts="Control+Z"
                disabled=move || !state.undo.can_undo_redo.get().0
                on:click=move |_| step(state, true, true)
            >
                "Undo"
            </button>
            <button
                type="button"
                id="redo"
                title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                aria-keyshortcuts="Control+Shift+Z"
                disabled=move || !state.undo.can_undo_redo.get().1
                on:click=move |_| step(state, false, true)
            >
                "Redo"
            </button>
        </div>
    }
}
