//! The keyboard shortcuts, dispatched from one window listener, and the `Keyboard shortcuts`
//! dialog that lists them (also opened with Ctrl+/). Which press does what is decided by the
//! pure [`crate::shortcuts::action_for`]; this module only reads the event and acts.

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::markup::wrap::Wrap;
use crate::shortcuts::{action_for, Action, Press, MOVE_SECTION_KEYS, SHORTCUTS};

use super::export_panel::EXPORT_BUTTON_ID;
use super::sections::format_selection;
use super::state::EditorState;
use super::undo::{in_text_field, step};
use crate::review::edits::browser_undoes;

/// Clicks the control with this id, so that a shortcut does exactly what the button does.
fn click(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}

/// Whether a modal dialog is open: it has its own focus, so editing shortcuts stay out of it.
fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

/// The key as the shortcut table names it. With Alt held a Mac reports the character Option
/// makes (`ß` for S, `¡` for 1), so letters and digits are read from the physical key instead.
fn key_name(ev: &web_sys::KeyboardEvent) -> String {
    let code = ev.code();
    match code
        .strip_prefix("Key")
        .or_else(|| code.strip_prefix("Digit"))
    {
        Some(letter) if ev.alt_key() => letter.to_ascii_lowercase(),
        _ => ev.key(),
    }
}

/// Whether this press types a character rather than asking for a shortcut (see
/// [`crate::shortcuts::types_character`]).
fn types_character(ev: &web_sys::KeyboardEvent) -> bool {
    crate::shortcuts::types_character(
        &ev.key(),
        &ev.code(),
        ev.get_modifier_state("AltGraph"),
        is_mac(),
    )
}

/// Whether this is a Mac (where Option, reported as AltGraph by some browsers, is the Alt key).
fn is_mac() -> bool {
    window()
        .navigator()
        .platform()
        .is_ok_and(|p| p.starts_with("Mac"))
}

/// The element id of the hidden `Keyboard shortcuts` trigger, which the menu item clicks.
pub const SHORTCUTS_BUTTON_ID: &str = "shortcuts-button";

/// The `Keyboard shortcuts` button and dialog, and the listener for every shortcut.
#[component]
pub fn KeyboardShortcuts() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let dialog = NodeRef::<Dialog>::new();
    let open = move || super::dialog::open_modal(dialog);
    let keys = window_event_listener(ev::keydown, move |ev: web_sys::KeyboardEvent| {
        // Every shortcut needs Ctrl or ⌘ (see `action_for`), so a plain keystroke (nearly every
        // one while typing) returns here, before the costlier reads below.
        if !(ev.ctrl_key() || ev.meta_key()) || ev.default_prevented() || types_character(&ev) {
            return;
        }
        let target = ev.target();
        let target_id = target
            .as_ref()
            .and_then(|t| t.dyn_ref::<web_sys::Element>())
            .map(web_sys::Element::id)
            .unwrap_or_default();
        let in_section_text = target_id.starts_with("section-body-");
        // Whether the browser's own text undo takes Ctrl+Z here (typing not yet recorded).
        let browser_undo =
            in_text_field(target) && browser_undoes(&target_id, state.has_uncommitted_fields());
        let key = key_name(&ev);
        let press = Press {
            key: &key,
            primary: ev.ctrl_key() || ev.meta_key(),
            alt: ev.alt_key(),
            shift: ev.shift_key(),
            in_text_field: browser_undo,
            in_section_text,
        };
        let Some(action) = action_for(press) else {
            return;
        };
        if action == Action::Help {
            ev.prevent_default();
            open();
            return;
        }
        if dialog_open() {
            return;
        }
        let editing = !state.read_only.get_untracked();
        ev.prevent_default();
        match action {
            Action::Bold if editing => format_selection(state, Wrap::Bold),
            Action::Italic if editing => format_selection(state, Wrap::Italic),
            Action::Link if editing => format_selection(state, Wrap::Link),
            Action::Spoiler if editing => format_selection(state, Wrap::Spoiler),
            Action::Heading if editing => format_selection(state, Wrap::Heading),
            Action::Quote if editing => format_selection(state, Wrap::Quote),
            Action::List if editing => format_selection(state, Wrap::List),
            Action::AddSection if editing => click("add-section"),
            Action::Undo if editing => step(state, true, false),
            Action::Redo if editing => step(state, false, false),
            Action::ToggleSpoilers => click("show-spoilers"),
            Action::Export => click(EXPORT_BUTTON_ID),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let close = move |_| super::dialog::close(dialog);
    view! {
        // Opened from the app bar's `Menu` (its `Keyboard shortcuts` item clicks this hidden trigger).
        <button type="button" id=SHORTCUTS_BUTTON_ID hidden on:click=move |_| open()>"Keyboard shortcuts"</button>
        <dialog node_ref=dialog class="shortcuts-dialog" aria-labelledby="shortcuts-heading">
            <div class="dialog-head">
                <h2 id="shortcuts-heading">"Keyboard shortcuts"</h2>
                <button type="button" class="quiet" on:click=close>"Close"</button>
            </div>
            <p class="quiet-text">"On a Mac, ⌘ works wherever Ctrl is shown. Every shortcut needs Ctrl, so none fires while you type."</p>
            <dl class="shortcut-list">
                {SHORTCUTS
                    .iter()
                    .map(|s| view! { <dt><kbd>{s.keys}</kbd></dt><dd>{s.description}</dd> })
                    .collect_view()}
                <dt><kbd>{MOVE_SECTION_KEYS.0}</kbd></dt>
                <dd>{MOVE_SECTION_KEYS.1}</dd>
            </dl>
        </dialog>
    }
}
