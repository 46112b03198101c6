//! The `Trash`: deleted reviews with `Restore`, and `Empty trash` behind a confirmation.

use leptos::prelude::*;

use crate::browser::clock;
use crate::review::words::word_count;
use crate::storage::library::Summary;
use crate::ui::schedule::focus_later;

use super::shared::{drafts, not_moved, Shared};

/// Puts a draft back in the list.
fn restore(shared: Shared, summary: Summary) {
    match drafts().and_then(|mut d| d.restore(&summary.id).map_err(not_moved)) {
        Ok(()) => {
            shared.say(format!(
                "Restored \u{201c}{}\u{201d} to the list.",
                summary.title
            ));
            shared.refresh();
            focus_later("new-review".into());
        }
        Err(e) => shared.fail(e),
    }
}

/// Deletes every draft in the trash for good (never the one open).
fn empty_trash(shared: Shared, confirm: RwSignal<bool>) {
    match drafts().and_then(|mut d| {
        d.empty_trash(Some(&shared.autosave.id()))
            .map_err(|e| e.to_string())
    }) {
        Ok(n) => shared.say(format!(
            "Deleted {n} review{} for good.",
            if n == 1 { "" } else { "s" }
        )),
        Err(e) => shared.fail(e),
    }
    confirm.set(false);
    shared.refresh();
    focus_later("new-review".into());
}

/// One deleted review.
fn trashed_row(shared: Shared, summary: Summary) -> impl IntoView {
    let s = summary.clone();
    view! {
        <li class="draft-row">
            <div class="draft-info">
                <span class="draft-title">{summary.title.clone()}</span>
                <span class="draft-meta">
                    {format!(
                        "Deleted {} · {}",
                        clock::local_time(summary.trashed_at.as_deref().unwrap_or_default()),
                        word_count(summary.words)
                    )}
                </span>
            </div>
            <button type="button" on:click=move |_| restore(shared, s.clone())>
                "Restore" <span class="visually-hidden">{format!(" {}", summary.title)}</span>
            </button>
        </li>
    }
}

/// The `Trash` heading, its list and `Empty trash`.
#[component]
pub fn Trash(
    /// The dialog's shared state.
    shared: Shared,
    /// Whether `Empty trash` asks for confirmation now (the dialog resets it when it opens).
    confirm: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <h3>"Trash"</h3>
        {move || {
            let trash = shared.library.with(|l| l.trash.clone());
            if trash.is_empty() {
                view! { <p class="quiet-text">"The trash is empty. Deleted reviews stay here until you empty it."</p> }.into_any()
            } else {
                let n = trash.len();
                view! {
                    <ul class="draft-list" aria-label="Trash">{trash.into_iter().map(move |s| trashed_row(shared, s)).collect_view()}</ul>
                    {move || if confirm.get() {
                        view! {
                            <div class="confirm" role="group" aria-label="Empty trash">
                                <p>{format!("Delete {n} review{} for good? This cannot be undone.", if n == 1 { "" } else { "s" })}</p>
                                <button type="button" class="danger" id="confirm-empty" on:click=move |_| empty_trash(shared, confirm)>"Delete for good"</button>
                                " "
                                <button type="button" on:click=move |_| { confirm.set(false); focus_later("empty-trash".into()); }>"Cancel"</button>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" id="empty-trash" class="danger" on:click=move |_| { confirm.set(true); focus_later("confirm-empty".into()); }>"Empty trash"</button>
                        }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
}
