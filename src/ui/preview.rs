//! The live preview: the post as it will be published, drawn by the same code as the HTML
//! export. Each section re-renders on its own, so a keystroke re-renders one section only.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::html::{footer_html, preview_header_html};
use crate::markup::chunks::{ChunkOp, Chunks, CHUNK_CLASS};
use crate::markup::incremental::IncrementalRender;
use crate::review::display_heading;

use super::schedule::Debounce;
use super::state::{EditorState, SectionState};

/// The `Preview` region with its `Show spoilers` toggle.
#[component]
pub fn Preview() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let images = super::images::ImageChoices::new(state);
    provide_context(images);
    let header = Memo::new(move |_| {
        state.metadata.with(|m| {
            state
                .post_title
                .with(|t| images.policy.with(|p| preview_header_html(m, t, p)))
        })
    });
    let footer = Memo::new(move |_| state.metadata.with(|m| footer_html(m, state.rating.get())));
    let toggle = move |ev| {
        // Turning the toggle either way starts from a clean slate: every spoiler shown, or all closed.
        state
            .sections
            .with_untracked(|s| s.iter().for_each(|s| s.opened.set(Vec::new())));
        state.show_spoilers.set(event_target_checked(&ev));
    };
    view! {
        // The checks sit above the post, outside the Preview region: they are not published.
        <div class="pane preview-pane">
        <super::checks::Checks />
        // Focusable from script only: where focus goes when the control it was on leaves the
        // preview (the last image placeholder's button).
        <section class="preview-region" aria-label="Preview" tabindex="-1">
            <div class="pane-bar">
                <p class="pane-title" aria-hidden="true">"Preview"</p>
                <label class="switch" for="show-spoilers">
                    <input
                        type="checkbox"
                        id="show-spoilers"
                        prop:checked=move || state.show_spoilers.get()
                        on:change=toggle
                    />
                    <span class="switch-track" aria-hidden="true"></span>
                    " Show spoilers"
                </label>
            </div>
            <article class="review" class:spoilers-shown=move || state.show_spoilers.get()>
                <div class="post-header" inner_html=header on:click=move |ev| images.on_click(ev)></div>
                <For each=move || state.drawn_sections() key=|section| (section.generation, section.id) let(section)>
                    <PreviewSection section=section />
                </For>
                <div class="post-footer-wrap" inner_html=footer></div>
            </article>
        </section>
        </div>
    }
}

/// The element id of a section's part of the preview.
fn preview_part_id(id: u64) -> String {
    format!("preview-section-{id}")
}

/// Scrolls the preview so that the part of section `id` where the writer is typing in `textarea`
/// is in view, on the next frame (once the preview has drawn the keystroke). Only the preview
/// pane scrolls, never the page, and focus stays in the text area. Where the preview is not a
/// scrolling pane of its own (a narrow screen, where it follows the editor down the page),
/// nothing moves.
pub fn follow(id: u64, textarea: &web_sys::HtmlTextAreaElement) {
    // Where in the text the caret is, as a share of its length: in a long section, the same share
    // of the way down its part.
    let length = textarea.text_length().max(1) as f64;
    let caret = textarea.selection_end().ok().flatten().unwrap_or(0) as f64;
    let share = (caret / length).clamp(0.0, 1.0);
    request_animation_frame(move || {
        let Some(part) = document().get_element_by_id(&preview_part_id(id)) else {
            return;
        };
        let Some(pane) = part.closest(".preview-pane").ok().flatten() else {
            return;
        };
        let view = f64::from(pane.client_height());
        if pane.scroll_height() <= pane.client_height() {
            return;
        }
        let pane_top = pane.get_bounding_client_rect().top();
        let rect = part.get_bounding_client_rect();
        let (top, bottom) = (rect.top() - pane_top, rect.bottom() - pane_top);
        // A margin keeps the part clear of the pane's edges (and its sticky bar).
        let margin = view * 0.1;
        let scroll_by = if rect.height() <= view - 2.0 * margin {
            // The whole part fits: show it whole, moving as little as possible.
            if top < margin {
                top - margin
            } else if bottom > view - margin {
                bottom - (view - margin)
            } else {
                return;
            }
        } else {
            // A long part: bring the place being typed to a third of the way down.
            let at = top + rect.height() * share;
            if at >= margin && at <= view - margin {
                return;
            }
            at - view / 3.0
        };
        pane.set_scroll_top(pane.scroll_top() + scroll_by.round() as i32);
    });
}

/// Records which inline spoiler the reader opened or closed, so a re-render keeps it that way.
fn remember_toggle(section: SectionState, ev: web_sys::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if !input.class_list().contains("spoiler-toggle") {
        return;
    }
    let Some(n) = input
        .id()
        .rsplit('-')
        .next()
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return;
    };
    let checked = input.checked();
    // Updated without notifying: the DOM already shows the new state, and a re-render would
    // move keyboard focus away from the toggle.
    section.opened.update_untracked(|opened| {
        opened.retain(|&x| x != n);
        if checked {
            opened.push(n);
        }
    });
}

/// One section of the preview.
#[component]
fn PreviewSection(
    /// The section's signals.
    section: SectionState,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let id = section.id;
    let position = state.position_memo(id);
    let heading = move || {
        section.heading.with(|h| {
            let h = h.trim();
            (!h.is_empty()).then(|| view! { <h2>{h.to_string()}</h2> })
        })
    };
    let body = move || view! { <SectionBodyPreview section=section /> };
    // A click on the part takes the writer to the section's text, unless it works something of
    // the post's own (a link, a spoiler, an image button) or selects text to copy.
    let go_to_text = move |ev: web_sys::MouseEvent| {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| {
                el.closest("a, button, input, label, summary")
                    .ok()
                    .flatten()
            })
            .is_some();
        let selecting = window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|s| !s.is_collapsed());
        if on_control || selecting {
            return;
        }
        if let Some(body) = document()
            .get_element_by_id(&format!("section-body-{id}"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = body.focus();
        }
    };
    view! {
        <section class="review-section" id=preview_part_id(id) on:click=go_to_text>
            {heading}
            {move || {
                if section.spoiler.get() {
                    view! {
                        <details class="spoiler-section" prop:open=move || state.show_spoilers.get()>
                            <summary>{move || format!("Spoiler: {}", section.heading.with(|h| display_heading(h, position.get())))}</summary>
                            {body()}
                        </details>
                    }
                        .into_any()
                } else {
                    body().into_any()
                }
            }}
        </section>
    }
}

/// Applies chunk operations (see [`crate::markup::chunks`]) to the chunks of `container`.
fn apply_ops(container: &web_sys::Element, ops: Vec<ChunkOp>) {
    let chunk = |i: usize| container.children().item(i as u32);
    let insert = |before: Option<web_sys::Element>, parent: &web_sys::Element, html: &str| {
        let _ = match before {
            Some(next) => next.insert_adjacent_html("beforebegin", html),
            None => parent.insert_adjacent_html("beforeend", html),
        };
    };
    for op in ops {
        match op {
            ChunkOp::ReplaceAll(html) => container.set_inner_html(&html),
            ChunkOp::InsertBlocks { chunk: c, at, html } => {
                if let Some(parent) = chunk(c) {
                    insert(parent.children().item(at as u32), &parent, &html);
                }
            }
            ChunkOp::InsertChunks { before, html } => insert(chunk(before), container, &html),
            ChunkOp::Split { chunk: c, at } => {
                let Some(parent) = chunk(c) else { continue };
                let Ok(fresh) = document().create_element("div") else {
                    continue;
                };
                fresh.set_class_name(CHUNK_CLASS);
                // Moved, not re-created: an opened spoiler stays open.
                let blocks = parent.children();
                while let Some(block) = blocks.item(at as u32) {
                    let _ = fresh.append_child(&block);
                }
                let _ = parent.after_with_node_1(&fresh);
            }
            ChunkOp::RemoveBlocks {
                chunk: c,
                at,
                count,
            } => {
                if let Some(parent) = chunk(c) {
                    let blocks = parent.children();
                    for _ in 0..count {
                        if let Some(block) = blocks.item(at as u32) {
                            block.remove();
                        }
                    }
                }
            }
            ChunkOp::RemoveChunk { chunk: c } => {
                if let Some(gone) = chunk(c) {
                    gone.remove();
                }
            }
        }
    }
}

/// A change of more bytes than this (a large paste) is drawn in a task of its own.
const LARGE_CHANGE: usize = 64 * 1024;

/// A block whose HTML is longer than this (one paragraph of tens of kilobytes, as a paste with
/// no blank line makes) is drawn again only once typing pauses for [`HUGE_BLOCK_PAUSE`], not on
/// every key: drawing and laying out such a block costs far more than the keystroke itself
/// (measured: docs/performance.md).
const HUGE_BLOCK: usize = 32 * 1024;

/// How long typing in a huge block must pause before the preview follows.
const HUGE_BLOCK_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// One section body in the preview. A keystroke re-renders only the blocks it touched (see
/// [`IncrementalRender`]) and patches only their elements, in their chunk (see [`Chunks`]); the
/// rest of the DOM stays as it is.
#[component]
fn SectionBodyPreview(
    /// The section's signals.
    section: SectionState,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let images = expect_context::<super::images::ImageChoices>();
    let container = NodeRef::<leptos::html::Div>::new();
    let renderer = StoredValue::new_local(IncrementalRender::new(&format!(
        "preview-spoiler-{}",
        section.id
    )));
    let chunks = StoredValue::new_local(Chunks::new());
    // Whether the last redraw replaced a huge block: then the next ones wait for a pause.
    let huge = StoredValue::new(false);
    let pending = Debounce::new();
    // The one effect that writes this body's DOM: it follows the body and the spoiler toggle,
    // and reads which spoilers are open without following them (the DOM already shows that).
    // (Run later for a large paste, by when the section may be gone: hence the `try_` reads.)
    let render = move || {
        let Some(element) = container.try_get_untracked().flatten() else {
            return;
        };
        let Some(reveal) = state.show_spoilers.try_get_untracked() else {
            return;
        };
        let opened = section.opened.try_get_untracked().unwrap_or_default();
        let patch = images
            .policy
            .try_with_untracked(|policy| {
                section.body.try_with_untracked(|body| {
                    renderer
                        .try_update_value(|r| r.update_with_images(body, reveal, &opened, policy))
                })
            })
            .flatten()
            .flatten();
        if let Some(patch) = &patch {
            let largest = patch.insert.iter().map(String::len).max().unwrap_or(0);
            huge.try_set_value(largest > HUGE_BLOCK);
        }
        let Some(ops) = patch.and_then(|patch| chunks.try_update_value(|c| c.apply(&patch))) else {
            return;
        };
        apply_ops(&element, ops);
        // The DOM must hold what the chunks say; should anything else have changed it, it is
        // drawn again whole rather than patched wrongly from then on.
        let expected = chunks.try_with_value(|c| c.sizes().len()).unwrap_or(0);
        if element.child_element_count() as usize != expected {
            let blocks = renderer
                .try_with_value(|r| r.blocks_html())
                .unwrap_or_default();
            if let Some(op) = chunks.try_update_value(|c| c.replace_all(&blocks)) {
                apply_ops(&element, vec![op]);
            }
        }
    };
    // The length drawn last: a paste of a large text is drawn in a task of its own, after the
    // browser has laid out the text area, so neither makes one long task with the other.
    let drawn_len = StoredValue::new(0usize);
    Effect::new(move |_| {
        state.show_spoilers.track();
        images.policy.track();
        let len = section.body.with(String::len);
        if container.get().is_none() {
            return;
        }
        let before = drawn_len.get_value();
        drawn_len.set_value(len);
        pending.cancel();
        if huge.get_value() {
            pending.schedule(HUGE_BLOCK_PAUSE, render);
        } else if len.abs_diff(before) > LARGE_CHANGE && before != 0 {
            set_timeout(render, std::time::Duration::ZERO);
        } else {
            render();
        }
    });
    view! { <div class="section-body" node_ref=container on:change=move |ev| remember_toggle(section, ev) on:click=move |ev| images.on_click(ev)></div> }
}
