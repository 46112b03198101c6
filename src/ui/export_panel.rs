//! The `Export` dialog: every target (Markdown flavours, Goodreads, HTML page and fragment,
//! JSON), a spoiler-free switch, the exact text in a read-only box, `Copy` (each part, where a
//! platform limits length) and `Download`, and which fields a search engine's review snippet
//! still needs.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::local_storage::LocalStore;
use crate::browser::{download::download_text, files};
use crate::export::choices::{ExportChoices, CHOICES_KEY};
use crate::export::structured::missing_for_snippet;
use crate::export::targets::{Output, Target};
use crate::export::Include;
use crate::storage::KeyValueStore;

use super::autosave::Autosave;
use super::state::EditorState;

/// The element id of the `Export` button (its shortcut clicks it).
pub const EXPORT_BUTTON_ID: &str = "export-open";

/// The `Export` button and its dialog.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let dialog = NodeRef::<Dialog>::new();
    // The choices are the app's, not the review's: read when the dialog opens, written when
    // one changes (a storage failure only means they last until the page closes).
    let choices = RwSignal::new(ExportChoices::default());
    let target = RwSignal::new(Target::GitHub);
    let spoiler_free = RwSignal::new(false);
    let include = RwSignal::new(Target::GitHub.default_include());
    let output = RwSignal::new(None::<Output>);
    let missing = RwSignal::new(Vec::<&'static str>::new());
    let message = RwSignal::new(None::<String>);

    // Rendered when the dialog opens or a choice changes, never per keystroke.
    let refresh = move || {
        let review = state.snapshot();
        missing.set(missing_for_snippet(&review));
        output.set(Some(target.get_untracked().render_with(
            &review,
            spoiler_free.get_untracked(),
            include.get_untracked(),
        )));
    };
    // The target's remembered (or default) choices into the dialog.
    let load = move |t: Target| {
        target.set(t);
        choices.with_untracked(|c| {
            include.set(c.include(t));
            spoiler_free.set(c.spoiler_free(t) && t.has_spoiler_free());
        });
    };
    let remember = move || {
        let t = target.get_untracked();
        choices.update(|c| {
            c.set_last_target(t);
            c.set(t, include.get_untracked(), spoiler_free.get_untracked());
        });
        if let Ok(mut store) = LocalStore::open() {
            let _ = store.set(CHOICES_KEY, &choices.with_untracked(|c| c.record()));
        }
    };
    let open_dialog = move |_| {
        message.set(None);
        let stored = LocalStore::open()
            .ok()
            .and_then(|store| store.get(CHOICES_KEY).ok().flatten());
        choices.set(ExportChoices::read(stored.as_deref()));
        load(choices.with_untracked(|c| c.last_target()));
        refresh();
        super::dialog::open_modal(dialog);
    };
    let close = move |_| super::dialog::close(dialog);
    let copy = move |text: String, what: String| {
        // An HTML target goes on the clipboard as HTML too, so that a paste into a visual
        // editor (WordPress's, Ghost's, Medium's) keeps headings, lists and links. Others stay
        // text only: a rich editor would drop their spoiler markers and show the spoilers.
        let html = target.get_untracked().is_html().then(|| text.clone());
        spawn_local(async move {
            let copied = match html {
                Some(html) => files::copy_html(&html, &text).await,
                None => files::copy_text(&text).await,
            };
            match copied {
                Ok(()) => message.set(Some(format!("Copied {what} to the clipboard."))),
                Err(e) => message.set(Some(format!(
                    "The browser did not allow copying ({e}). Select the text in the box and copy it by hand."
                ))),
            }
        });
    };
    let download = move |_| {
        let review = state.snapshot();
        let t = target.get_untracked();
        let free = spoiler_free.get_untracked();
        remember();
        let text = output
            .with_untracked(|o| o.as_ref().map(|o| o.text.clone()))
            .unwrap_or_default();
        let name = t.file_name(&review.effective_post_title(), free);
        match download_text(&name, t.mime(), &text) {
            Ok(()) => message.set(Some(format!("Downloaded {name}."))),
            Err(e) => autosave.alert.set(Some(format!(
                "The download could not be started ({e:?}). Your review is unchanged."
            ))),
        }
    };

    view! {
        <button type="button" class="primary" id=EXPORT_BUTTON_ID aria-keyshortcuts="Control+Alt+E" title="Export (Ctrl+Alt+E)" on:click=open_dialog>"Export"</button>
        <dialog node_ref=dialog class="export-dialog" aria-labelledby="export-heading">
            <div class="dialog-head">
                <h2 id="export-heading">"Export"</h2>
                <button type="button" class="quiet" on:click=close>"Close"</button>
            </div>
            <div class="export-choices">
                <div class="field">
                    <label for="export-target">"Export to"</label>
                    <select
                        id="export-target"
                        on:change=move |ev| {
                            if let Some(t) = Target::from_key(&event_target_value(&ev)) {
                                load(t);
                                remember();
                                message.set(None);
                                refresh();
                            }
                        }
                    >
                        {Target::ALL
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.key() selected=move || target.get() == t>{t.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <label class="spoiler-flag">
                    <input
                        type="checkbox"
                        prop:checked=move || spoiler_free.get()
                        disabled=move || !target.get().has_spoiler_free()
                        on:change=move |ev| {
                            spoiler_free.set(event_target_checked(&ev));
                            remember();
                            refresh();
                        }
                    />
                    " Spoiler-free (every spoiler left out, with a note where it was)"
                </label>
                <fieldset class="export-include" disabled=move || !target.get().has_include_choice()>
                    <legend>"The post holds"</legend>
                    {[
                        ("Include the title", "The post title as its first heading (most blog themes print it already)", 0usize),
                        ("Include the book details", "The cover and the list of facts about the work", 1),
                        ("Include categories and tags", "The Posted in and Tagged lines (blog themes list them already)", 2),
                    ]
                        .into_iter()
                        .map(|(label, hint, which)| {
                            let get = move |i: Include| [i.title, i.details, i.footer][which];
                            view! {
                                <label class="spoiler-flag" title=hint>
                                    <input
                                        type="checkbox"
                                        prop:checked=move || get(include.get())
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            include.update(|i| match which {
                                                0 => i.title = on,
                                                1 => i.details = on,
                                                _ => i.footer = on,
                                            });
                                            remember();
                                            refresh();
                                        }
                                    />
                                    {format!(" {label}")}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </div>
            {move || {
                let gaps = missing.get();
                (!gaps.is_empty()).then(|| view! {
                    <p class="quiet-text">{format!(
                        "For a review snippet in search results (the HTML page's structured data), still missing: {}.",
                        gaps.join(", ")
                    )}</p>
                })
            }}
            {move || output.with(|o| o.as_ref().map(|o| o.notes.clone())).unwrap_or_default().into_iter().map(|note| view! {
                <p class="quiet-text">{note}</p>
            }).collect_view()}
            <p class="dialog-message" aria-live="polite">{move || message.get()}</p>
            <div class="dialog-actions">
                {move || {
                    let parts = output.with(|o| o.as_ref().map(|o| o.parts.clone())).unwrap_or_default();
                    if parts.len() > 1 {
                        let n = parts.len();
                        parts.into_iter().enumerate().map(|(i, part)| {
                            let what = format!("part {} of {n}", i + 1);
                            view! {
                                <button type="button" on:click=move |_| copy(part.clone(), what.clone())>
                                    {format!("Copy part {}", i + 1)}
                                </button>
                            }
                        }).collect_view().into_any()
                    } else {
                        view! {
                            <button type="button" on:click=move |_| {
                                let text = output.with_untracked(|o| o.as_ref().map(|o| o.text.clone())).unwrap_or_default();
                                copy(text, "the text".into());
                            }>"Copy"</button>
                        }.into_any()
                    }
                }}
                <button type="button" on:click=download>"Download"</button>
            </div>
            <div class="field">
                <label for="export-text">"Exported text"</label>
                <textarea id="export-text" class="export-text" readonly rows="16">
                    {move || output.with(|o| o.as_ref().map(|o| o.text.clone())).unwrap_or_default()}
                </textarea>
            </div>
        </dialog>
    }
}
