//! `Undo` and `Redo` for the review's structure and fields, as buttons and as Ctrl+Z /
//! Ctrl+Shift+Z (or Ctrl+Y) outside text fields, where the browser's own text undo stays in
//! charge.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::review::edits::Edit;

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
/// otherwise it stays where it was, or moves to the other button when this one has nothing
/// left to do, or (when the focused control went away with its section) to the nearest
/// section's heading.
pub fn step(state: EditorState, undo: bool, from_button: bool) {
    let focused = document().active_element();
    let applied = if undo { state.undo() } else { state.redo() };
    let Some(edit) = applied else {
        return;
    };
    let restored = match edit {
        Edit::Insert { section, .. } => Some(section.id),
        _ => None,
    };
    if let Some(id) = restored.filter(|_| from_button) {
        focus_later(format!("section-heading-{id}"));
        return;
    }
    if from_button {
        let (can_undo, can_redo) = state.can_undo_redo.get_untracked();
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
    // From the keyboard: focus stays on the control it was on (a moved section's node is
    // re-inserted, which drops focus, so it is put back); if that control left with its
    // section, it goes to the nearest heading.
    queue_microtask(move || {
        let focused = focused
            .filter(|el| !el.tag_name().eq_ignore_ascii_case("body"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        match focused {
            Some(el) if el.is_connected() => {
                let _ = el.focus();
            }
            _ => {
                let id =
                    restored.or_else(|| state.sections.with_untracked(|s| s.first().map(|x| x.id)));
                if let Some(id) = id {
                    focus_later(format!("section-heading-{id}"));
                }
            }
        }
    });
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
                title="Undo the last change to sections, details or rating (Ctrl+Z outside text fields)"
                aria-keyshortcuts="Control+Z"
                disabled=move || !state.can_undo_redo.get().0
                on:click=move |_| step(state, true, true)
            >
                "Undo"
            </button>
            <button
                type="button"
                id="redo"
                title="Redo (Ctrl+Shift+Z outside text fields)"
                aria-keyshortcuts="Control+Shift+Z"
                disabled=move || !state.can_undo_redo.get().1
                on:click=move |_| step(state, false, true)
            >
                "Redo"
            </button>
        </div>
    }
}
