//! The list of sections as writing blocks: a heading edited in place, the Markdown body and the
//! spoiler flag for each; a small menu per section to move or remove it (with undo), and Alt+↑ /
//! Alt+↓ to move it; and the formatting toolbar above them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use crate::browser::text::TextAreaReader;
use crate::markup::text_offsets::{byte_to_utf16, utf16_to_byte};
use crate::markup::wrap::{wrap_selection, Wrap};
use crate::review::display_heading;
use crate::review::words::{count_words, words_and_time};

use super::menu::{Menu, MenuControl};
use super::schedule::{focus_later, Debounce};
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
const FORMAT_BUTTONS: [(Wrap, &str, &str, &str); 7] = [
    (
        Wrap::Heading,
        "Heading",
        "Heading: # at the start of the line (Ctrl+Alt+1)",
        "Control+Alt+1",
    ),
    (Wrap::Bold, "Bold", "Bold (Ctrl+B)", "Control+B"),
    (Wrap::Italic, "Italic", "Italic (Ctrl+I)", "Control+I"),
    (Wrap::Link, "Link", "Link (Ctrl+K)", "Control+K"),
    (
        Wrap::Quote,
        "Quote",
        "Quote: > at the start of each line (Ctrl+Alt+Q)",
        "Control+Alt+Q",
    ),
    (
        Wrap::List,
        "List",
        "List: - at the start of each line (Ctrl+Alt+8)",
        "Control+Alt+8",
    ),
    (
        Wrap::Spoiler,
        "Spoiler",
        "Wrap the selected text in ||spoiler|| markers (Ctrl+Alt+S)",
        "Control+Alt+S",
    ),
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
                <span class="toolbar-hint">"Markdown: # heading, **bold**, *italic*, [link](https://…), > quote, - list, ||spoiler||"</span>
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

/// The items of a section's `Actions for …` menu: move up, move down, remove.
#[component]
fn SectionActions(
    /// The section's id.
    id: u64,
    /// The section's name as the writer sees it.
    name: Memo<String>,
    /// Where it stands among the sections.
    position: Memo<usize>,
    /// How many sections there are.
    count: Memo<usize>,
    /// Moves it by a step, then focuses the element of the given id.
    move_by: impl Fn(isize, String) + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let menu = expect_context::<MenuControl>();
    let blocked = move |delta: isize| {
        if delta < 0 {
            position.get() == 0
        } else {
            position.get() + 1 >= count.get()
        }
    };
    // Moving takes the section's node, and the focus in it, elsewhere in the page: focus comes
    // back to the menu's button once the page has moved.
    let shift = move |delta: isize| {
        if !blocked(delta) {
            menu.close();
            move_by(delta, format!("section-menu-{id}"));
        }
    };
    let remove = move || {
        menu.close();
        state.remove_section(id);
        // The section's own controls are gone: focus goes to `Undo`, one key press from
        // taking the removal back.
        focus_later(super::undo::UNDO_BUTTON_ID.to_string());
    };
    view! {
        <button
            type="button"
            role="menuitem"
            tabindex="-1"
            aria-disabled=move || blocked(-1).to_string()
            on:click=move |_| shift(-1)
        >
            "Move " <span class="visually-hidden">{move || name.get()}</span> " up"
            <kbd aria-hidden="true">"Alt+↑"</kbd>
        </button>
        <button
            type="button"
            role="menuitem"
            tabindex="-1"
            aria-disabled=move || blocked(1).to_string()
            on:click=move |_| shift(1)
        >
            "Move " <span class="visually-hidden">{move || name.get()}</span> " down"
            <kbd aria-hidden="true">"Alt+↓"</kbd>
        </button>
        <button type="button" role="menuitem" tabindex="-1" class="danger" on:click=move |_| remove()>
            "Remove " <span class="visually-hidden">{move || name.get()}</span>
        </button>
    }
}

/// One section's editor: a writing block.
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
    let menu_name = Memo::new(move |_| format!("Actions for {}", name.get()));

    // Moving a node loses focus: `refocus` (an element id) gets it back once the DOM has moved.
    let move_by = move |delta: isize, refocus: String| {
        if state.move_section(id, delta) {
            focus_later(refocus);
        }
    };
    // Alt+↑ / Alt+↓ anywhere in the section moves it, and whatever had focus keeps it.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        if ev.default_prevented()
            || !ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
        {
            return;
        }
        ev.prevent_default();
        let focused = document()
            .active_element()
            .map(|el| el.id())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| body_id(id));
        move_by(delta, focused);
    };
    // The count follows the text once typing pauses: counting a long body on every keystroke
    // would show in the typing time.
    let pending = Debounce::new();
    Effect::new(move |_| {
        section.body.track();
        pending.schedule(std::time::Duration::from_millis(300), move || {
            // The body only (see `review_words`): headings are no writing.
            let words = section
                .body
                .try_with_untracked(|b| count_words(b))
                .unwrap_or(0);
            if section.words.try_get_untracked() != Some(words) {
                section.words.try_set(words);
            }
        });
    });
    // Reads the text area on each keystroke, copying into Rust only what the keystroke changed.
    let reader = StoredValue::new_local(TextAreaReader::new());
    view! {
        // A form of its own, never submitted: Chromium's autofill sends every field of the
        // form being typed in to the browser process on each keystroke, and fields outside any
        // form all count as one form, so a long section or title elsewhere made every keystroke
        // copy it (docs/performance.md).
        <form
            class="section-editor"
            class:is-spoiler=move || section.spoiler.get()
            on:keydown=on_keydown
            on:submit=|ev| ev.prevent_default()
        >
            <div class="section-head">
                // The heading is written where it will stand, in the heading's own type; its
                // name says what it is, as a visible "Heading" label above each would repeat.
                <input
                    type="text"
                    id=heading_id
                    class="section-heading-input"
                    aria-label=move || format!("Heading of {}", name.get())
                    placeholder=move || name.get()
                    prop:value=move || section.heading.get()
                    on:input=move |ev| {
                        take_edit(state, section.heading, event_target_value(&ev), |kept| {
                            event_target::<web_sys::HtmlInputElement>(&ev).set_value(kept)
                        })
                    }
                />
                <Menu
                    label=menu_name
                    id=format!("section-menu-items-{id}")
                    face="⋯"
                    button_id=format!("section-menu-{id}")
                    title="Move or remove this section (Alt+↑ / Alt+↓ move it)"
                    class="section-menu"
                >
                    <SectionActions id name position count move_by />
                </Menu>
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
                    take_edit(state, section.body, text, |kept| textarea.set_value(kept));
                    super::preview::follow(id, &textarea);
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
            <div class="section-foot">
                <p class="section-count">{move || words_and_time(section.words.get())}</p>
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
        </form>
    }
}
