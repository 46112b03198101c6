//! The list of sections: heading, Markdown body and spoiler flag for each; add, remove (with
//! undo), move; and the formatting toolbar whose `Spoiler` button wraps the selection.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use crate::browser::text::TextAreaReader;
use crate::markup::text_offsets::{byte_to_utf16, utf16_to_byte};
use crate::markup::wrap::{wrap_selection, Wrap};
use crate::review::display_heading;
use crate::review::words::{count_words, words_and_time};

use super::schedule::focus_later;
use super::state::{EditorState, SectionState};

/// The element id of a section's body text area.
fn body_id(id: u64) -> String {
    format!("section-body-{id}")
}

/// Wraps the selection of the last focused section body (or the first section's) in the
/// markers of `wrap`: the toolbar's buttons and their shortcuts.
pub fn format_selection(state: EditorState, wrap: Wrap) {
    let Some(id) = state
        .last_body
        .get_untracked()
        .filter(|id| state.position(*id).is_some())
        .or_else(|| state.sections.with_untracked(|s| s.first().map(|s| s.id)))
    else {
        return;
    };
    let Some(textarea) = document()
        .get_element_by_id(&body_id(id))
        .and_then(|el| el.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = textarea.value();
    let start = utf16_to_byte(
        &text,
        textarea.selection_start().ok().flatten().unwrap_or(0),
    );
    let end = utf16_to_byte(&text, textarea.selection_end().ok().flatten().unwrap_or(0));
    let wrapped = wrap_selection(&text, start, end, wrap);
    let _ = textarea.focus();
    // Insert through the editing command where the browser has it, so that its own undo (Ctrl+Z)
    // can take the change back; otherwise set the value directly.
    let _ = textarea.set_selection_range(
        byte_to_utf16(&text, wrapped.replaced.start),
        byte_to_utf16(&text, wrapped.replaced.end),
    );
    let inserted = document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|doc| {
            doc.exec_command_with_show_ui_and_value("insertText", false, &wrapped.insert)
                .ok()
        })
        .unwrap_or(false);
    if !inserted || textarea.value() != wrapped.text {
        textarea.set_value(&wrapped.text);
    }
    if let Some(section) = state
        .sections
        .with_untracked(|s| s.iter().find(|s| s.id == id).copied())
    {
        section.body.set(wrapped.text.clone());
    }
    let _ = textarea.set_selection_range(
        byte_to_utf16(&wrapped.text, wrapped.selection.start),
        byte_to_utf16(&wrapped.text, wrapped.selection.end),
    );
}

/// Takes a typed value into `signal` if the review stays within its size cap; if not, the edit
/// is refused whole and `revert` puts the field back to what the review holds.
fn take_edit(
    state: EditorState,
    signal: RwSignal<String>,
    value: String,
    revert: impl FnOnce(&str),
) {
    if state.accept_edit(signal.with_untracked(String::len), value.len()) {
        signal.set(value);
    } else {
        signal.with_untracked(|kept| revert(kept));
    }
}

/// The formatting toolbar's buttons: what each wraps the selection in, its label, its title
/// and its shortcut (as `aria-keyshortcuts` writes it; see [`crate::shortcuts::SHORTCUTS`]).
const FORMAT_BUTTONS: [(Wrap, &str, &str, &str); 4] = [
    (
        Wrap::Spoiler,
        "Spoiler",
        "Wrap the selected text in ||spoiler|| markers (Ctrl+Alt+S)",
        "Control+Alt+S",
    ),
    (Wrap::Bold, "Bold", "Bold (Ctrl+B)", "Control+B"),
    (Wrap::Italic, "Italic", "Italic (Ctrl+I)", "Control+I"),
    (Wrap::Link, "Link", "Link (Ctrl+K)", "Control+K"),
];

/// The sections, the toolbar above them, and the `Add section` button.
#[component]
pub fn SectionList() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let add = move |_| {
        if let Some(id) = state.add_section() {
            focus_later(format!("section-heading-{id}"));
        }
    };
    view! {
        <div class="sections">
            <div class="toolbar" role="toolbar" aria-label="Formatting">
                {FORMAT_BUTTONS
                    .into_iter()
                    .map(|(wrap, label, title, keys)| view! {
                        // mousedown is cancelled so that the text area keeps its selection.
                        <button
                            type="button"
                            class=format!("format-{}", label.to_ascii_lowercase())
                            title=title
                            aria-keyshortcuts=keys
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| format_selection(state, wrap)
                        >
                            {label}
                        </button>
                    })
                    .collect_view()}
                <span class="toolbar-hint">"Markdown: **bold**, *italic*, [link](https://…), ||spoiler||"</span>
            </div>
            <RemovedNotice />
            <For each=move || state.drawn_sections() key=|section| (section.generation, section.id) let(section)>
                <SectionEditor section=section />
            </For>
            <button type="button" id="add-section" class="add-section" aria-keyshortcuts="Control+Alt+N" on:click=add>
                "Add section"
            </button>
        </div>
    }
}

/// The notice naming the section just removed; `Undo` (which has focus) brings it back.
#[component]
fn RemovedNotice() -> impl IntoView {
    let state = expect_context::<EditorState>();
    view! {
        {move || {
            state
                .removed
                .get()
                .map(|removed| {
                    let name = display_heading(&removed.section.heading, removed.position);
                    view! {
                        <div class="notice" role="group" aria-label="Removed section">
                            <span>{format!("Removed \u{201c}{name}\u{201d}. Undo (Ctrl+Z) brings it back.")}</span>
                            <button type="button" class="quiet" on:click=move |_| state.removed.set(None)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
        }}
    }
}

/// One section's editor.
#[component]
fn SectionEditor(
    /// The section's signals.
    section: SectionState,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let id = section.id;
    let position = state.position_memo(id);
    let count = Memo::new(move |_| state.sections.with(Vec::len));
    let name = Memo::new(move |_| section.heading.with(|h| display_heading(h, position.get())));
    let heading_id = format!("section-heading-{id}");
    let spoiler_id = format!("section-spoiler-{id}");
    let up_id = format!("move-up-{id}");
    let down_id = format!("move-down-{id}");

    let move_by = move |delta: isize| {
        if state.move_section(id, delta) {
            // Moving a node loses focus; keep it on the same button, or its twin at the ends.
            let last = state.sections.with_untracked(Vec::len) - 1;
            let at = state.position(id).unwrap_or(0);
            let target = match (delta < 0, at) {
                (true, 0) => format!("move-down-{id}"),
                (false, at) if at == last => format!("move-up-{id}"),
                (true, _) => format!("move-up-{id}"),
                (false, _) => format!("move-down-{id}"),
            };
            focus_later(target);
        }
    };
    // The count follows the text once typing pauses: counting a long body on every keystroke
    // would show in the typing time.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        section.body.track();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // The body only (see `review_words`): headings are no writing.
                let words = section
                    .body
                    .try_with_untracked(|b| count_words(b))
                    .unwrap_or(0);
                if section.words.try_get_untracked() != Some(words) {
                    section.words.try_set(words);
                }
            },
            std::time::Duration::from_millis(300),
        )
        .ok();
        pending.set_value(handle);
    });
    // Reads the text area on each keystroke, copying into Rust only what the keystroke changed.
    let reader = StoredValue::new_local(TextAreaReader::new());
    let remove = move |_| {
        state.remove_section(id);
        // The section's own controls are gone: focus goes to `Undo`, one key press from
        // taking the removal back.
        focus_later(super::undo::UNDO_BUTTON_ID.to_string());
    };

    view! {
        <div class="section-editor" class:is-spoiler=move || section.spoiler.get()>
            <div class="section-head">
                <div class="field heading-field">
                    <label for=heading_id.clone()>
                        "Heading" <span class="visually-hidden">{move || format!(" of {}", name.get())}</span>
                    </label>
                    <input
                        type="text"
                        id=heading_id.clone()
                        prop:value=move || section.heading.get()
                        on:input=move |ev| {
                            take_edit(state, section.heading, event_target_value(&ev), |kept| {
                                event_target::<web_sys::HtmlInputElement>(&ev).set_value(kept)
                            })
                        }
                    />
                </div>
                <label class="spoiler-flag" for=spoiler_id.clone()>
                    <input
                        type="checkbox"
                        id=spoiler_id.clone()
                        prop:checked=move || section.spoiler.get()
                        on:change=move |ev| state.set_spoiler(id, event_target_checked(&ev))
                    />
                    " Mark " <span class="visually-hidden">{move || name.get()}</span> " as spoiler"
                </label>
            </div>
            <textarea
                id=body_id(id)
                class="section-body-input"
                aria-label=move || name.get()
                rows="6"
                prop:value=section.body.get_untracked()
                on:input=move |ev| {
                    let textarea = event_target::<web_sys::HtmlTextAreaElement>(&ev);
                    let Some(text) = reader.try_update_value(|r| r.read(&textarea)) else {
                        return;
                    };
                    take_edit(state, section.body, text, |kept| textarea.set_value(kept))
                }
                on:paste=move |ev: web_sys::ClipboardEvent| {
                    let pasted = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                    if !state.accept_edit(0, pasted.len()) {
                        ev.prevent_default();
                    }
                }
                on:focus=move |_| state.last_body.set(Some(id))
                // Its copy of the text is only worth keeping while this section is typed in.
                on:blur=move |_| reader.update_value(TextAreaReader::forget)
            ></textarea>
            <p class="section-count">{move || words_and_time(section.words.get())}</p>
            <div class="section-actions">
                <button type="button" id=up_id disabled=move || position.get() == 0 on:click=move |_| move_by(-1)>
                    "Move " <span class="visually-hidden">{move || name.get()}</span> " up"
                </button>
                <button
                    type="button"
                    id=down_id
                    disabled=move || { position.get() + 1 >= count.get() }
                    on:click=move |_| move_by(1)
                >
                    "Move " <span class="visually-hidden">{move || name.get()}</span> " down"
                </button>
                <button type="button" class="danger" on:click=remove>
                    "Remove " <span class="visually-hidden">{move || name.get()}</span>
                </button>
            </div>
        </div>
    }
}
