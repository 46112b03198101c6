//! The `Reviews` dialog: every draft (title, last edited, words) with `Open`, `Duplicate` and
//! `Delete`; `New review`; the `Trash` with `Restore` and `Empty trash`; records that cannot be
//! read, offered as downloads; `Back up all` and `Restore from backup`; and how much storage
//! Verdict uses and whether the browser keeps it for good. This file is the dialog's frame;
//! each part is a module of its own, sharing [`shared::Shared`].

mod backups;
mod list;
mod shared;
mod storage_use;
mod trash;
mod unreadable;

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::storage::backup::BackupContents;
use crate::ui::autosave::Autosave;

use backups::Backups;
use list::ReviewList;
use shared::Shared;
use storage_use::StorageUse;
use trash::Trash;
use unreadable::UnreadableRecords;

/// The element id of the hidden `Reviews` trigger, which the menu item clicks.
pub const REVIEWS_BUTTON_ID: &str = "reviews-button";

/// The `Reviews` button and its dialog.
#[component]
pub fn ReviewsDialog(
    /// Whether the browser agreed to keep this site's storage (`None`: not known).
    persisted: RwSignal<Option<bool>>,
) -> impl IntoView {
    let autosave = expect_context::<Autosave>();
    let dialog = NodeRef::<Dialog>::new();
    let shared = Shared::new(autosave, dialog);
    let Shared { message, error, .. } = shared;
    let confirm_empty = RwSignal::new(false);
    let backup = RwSignal::new(None::<BackupContents>);

    let open_dialog = move |_| {
        autosave.flush();
        message.set(None);
        error.set(None);
        confirm_empty.set(false);
        backup.set(None);
        shared.refresh();
        super::dialog::open_modal(dialog);
    };
    // Another tab saved, trashed or added a draft: keep the list true while it is open.
    let storage = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let ours = ev.key().is_none_or(|k| k.starts_with("verdict:"));
        if ours && dialog.get_untracked().is_some_and(|d| d.open()) {
            shared.refresh();
        }
    });
    on_cleanup(move || storage.remove());

    view! {
        // Opened from the app bar's `Menu` (its `Reviews` item clicks this hidden trigger).
        <button type="button" id=REVIEWS_BUTTON_ID hidden on:click=open_dialog>"Reviews"</button>
        <dialog node_ref=dialog class="library" aria-labelledby="reviews-heading">
            <div class="dialog-head">
                <h2 id="reviews-heading">"Reviews"</h2>
                <button type="button" class="quiet" on:click=move |_| shared.close()>"Close"</button>
            </div>
            <p class="dialog-message" aria-live="polite">{move || message.get()}</p>
            {move || error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <ReviewList shared />
            <UnreadableRecords shared />
            <Trash shared confirm=confirm_empty />
            <Backups shared chosen=backup />
            <StorageUse usage=shared.usage persisted />
        </dialog>
    }
}
