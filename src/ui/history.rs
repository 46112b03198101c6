//! The `History` dialog: the open review's kept versions (one every few minutes of editing,
//! within a byte budget), each of which can be restored; restoring first keeps the review as
//! it is now, so a restore can itself be taken back.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::clock;
use crate::review::words::word_count;
use crate::storage::history::{Version, HISTORY_BUDGET, SNAPSHOT_INTERVAL_MS};

use crate::storage::session::Kept;

use super::autosave::Autosave;
use super::state::EditorState;

/// The element id of the hidden `History` trigger, which the menu item clicks.
pub const HISTORY_BUTTON_ID: &str = "history-button";

/// The `History` button and its dialog.
#[component]
pub fn HistoryDialog() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let dialog = NodeRef::<Dialog>::new();
    let versions = RwSignal::new(Vec::<Version>::new());
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let close = move || super::dialog::close(dialog);
    let open_dialog = move |_| {
        autosave.flush();
        message.set(None);
        error.set(None);
        versions.set(autosave.versions());
        super::dialog::open_modal(dialog);
    };
    let take_snapshot = move |_| {
        let kept = autosave.snapshot_now();
        versions.set(autosave.versions());
        match kept {
            Ok(Kept::Kept | Kept::AlreadyKept) => {
                message.set(Some("Kept this version of the review.".into()))
            }
            Ok(Kept::NewHistory { aside }) => message.set(Some(format!(
                "Kept this version of the review. The versions kept before could not be read: they are set aside, untouched, under \u{201c}{aside}\u{201d} in this browser's storage, and a new history starts with this version."
            ))),
            Err(why) => {
                message.set(None);
                error.set(Some(why));
            }
        }
    };
    let delete_older = move |_| {
        let gone = autosave.delete_older_versions();
        versions.set(autosave.versions());
        message.set(Some(format!(
            "Deleted {gone} older version{}; the newest is kept.",
            if gone == 1 { "" } else { "s" }
        )));
    };
    let restore = move |version: Version| match autosave.restore_version(&version.text) {
        Ok(()) => {
            close();
            state.messages.notice.set(Some(format!(
                "Restored the version of {}. The review as it was before is kept in History.",
                clock::local_time(&version.at)
            )));
        }
        Err(e) => error.set(Some(e)),
    };
    // Nothing is written for a read-only review (made by a newer version of Verdict).
    let storage_off = move || !autosave.storage_available() || state.read_only.get();

    view! {
        // Opened from the app bar's `Menu` (its `History` item clicks this hidden trigger).
        <button type="button" id=HISTORY_BUTTON_ID hidden on:click=open_dialog>"History"</button>
        <dialog node_ref=dialog class="history" aria-labelledby="history-heading">
            <div class="dialog-head">
                <h2 id="history-heading">"History"</h2>
                <button type="button" class="quiet" on:click=move |_| close()>"Close"</button>
            </div>
            <p>{format!(
                "A version of this review is kept every {} minutes of editing, up to {} KB per review; when that fills, the oldest versions go first.",
                (SNAPSHOT_INTERVAL_MS / 60_000.0) as u32,
                HISTORY_BUDGET / 1024
            )}</p>
            <p class="dialog-message" aria-live="polite">{move || message.get()}</p>
            {move || error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <div class="dialog-actions">
                <button type="button" disabled=storage_off on:click=take_snapshot>"Keep this version"</button>
                <button type="button" class="danger" disabled=move || storage_off() || versions.with(|v| v.len() < 2) on:click=delete_older>
                    "Delete older versions"
                </button>
            </div>
            {move || {
                let list = versions.get();
                if list.is_empty() {
                    view! { <p class="quiet-text">"No versions kept yet: the first is kept at the first save."</p> }.into_any()
                } else {
                    view! {
                        <ul class="draft-list" aria-label="Versions">
                            {list.into_iter().map(|version| {
                                let when = clock::local_time(&version.at);
                                let words = version.words;
                                let v = version.clone();
                                view! {
                                    <li class="draft-row">
                                        <div class="draft-info">
                                            <span class="draft-title">{when.clone()}</span>
                                            <span class="draft-meta">{word_count(words)}</span>
                                        </div>
                                        <button type="button" disabled=storage_off on:click=move |_| restore(v.clone())>
                                            "Restore" <span class="visually-hidden">{format!(" the version of {when}")}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </dialog>
    }
}
