//! `Backups`: `Back up all`, `Download Goodreads CSV`, and `Restore from backup`, which shows
//! what a backup holds before adding it beside the reviews already here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{clock, download::download_text, files};
use crate::review::words::word_count;
use crate::storage::backup::{read_backup, BackupContents};
use crate::ui::schedule::focus_later;

use super::shared::{drafts, Shared};

/// Downloads every review, its trash state and its history as one file.
fn back_up(shared: Shared) {
    shared.autosave.flush();
    let now = clock::now_iso();
    match drafts().and_then(|d| d.backup(&now).map_err(|e| e.to_string())) {
        Ok(json) => download(
            shared,
            format!("verdict-backup-{}.json", clock::today()),
            "application/json",
            &json,
            "every review, its trash state and its history.",
        ),
        Err(e) => shared.fail(e),
    }
}

/// Downloads `text` as `name` and says what it holds (`what`), or why it could not.
fn download(shared: Shared, name: String, mime: &str, text: &str, what: &str) {
    match download_text(&name, mime, text) {
        Ok(()) => shared.say(format!("Downloaded {name}: {what}")),
        Err(e) => shared.fail(format!("The download could not be started ({e:?}).")),
    }
}

/// Downloads the reviews in the columns Goodreads imports; the writer is done in the module
/// loaded on demand (`src/extras.rs`).
fn goodreads_csv(shared: Shared) {
    shared.autosave.flush();
    spawn_local(async move {
        match crate::browser::extras::goodreads_csv().await {
            Ok(said) => shared.say(said),
            Err(e) => shared.fail(e),
        }
    });
}

/// Reads the chosen backup file and shows what it holds (nothing is added yet).
fn choose_backup(shared: Shared, chosen: RwSignal<Option<BackupContents>>, ev: leptos::ev::Event) {
    let input: web_sys::HtmlInputElement = event_target(&ev);
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    shared.error.set(None);
    shared.message.set(None);
    chosen.set(None);
    spawn_local(async move {
        let read = files::read_bytes(&file)
            .await
            .map_err(|e| format!("This file could not be read: {e}. Nothing was changed."))
            .and_then(|bytes| read_backup(&bytes));
        match read {
            Ok(contents) if contents.drafts.is_empty() => {
                let mut text = "This backup holds no review this version can add.".to_string();
                for note in contents.notes() {
                    text.push(' ');
                    text.push_str(&note);
                }
                shared.fail(format!("{text} Nothing was changed."))
            }
            Ok(contents) => {
                chosen.set(Some(contents));
                focus_later("add-backup".into());
            }
            Err(e) => shared.fail(e),
        }
    });
}

/// Adds the reviews of the chosen backup beside those here (copies where they match).
fn add_backup(shared: Shared, chosen: RwSignal<Option<BackupContents>>) {
    let Some(contents) = chosen.get_untracked() else {
        return;
    };
    let result = drafts().and_then(|mut d| {
        d.add_backup(&contents, clock::new_draft_id)
            .map_err(|(e, report)| {
                format!(
                    "{} reviews were added before storage failed: {e}",
                    report.added + report.copies
                )
            })
    });
    match result {
        Ok(report) => {
            let mut text = format!(
                "Added {} review{} from the backup.",
                report.added + report.copies,
                if report.added + report.copies == 1 {
                    ""
                } else {
                    "s"
                }
            );
            if report.new_ids > 0 {
                text.push_str(&format!(
                    " {} of them got a new id, as theirs could not name a stored record.",
                    report.new_ids
                ));
            }
            if report.copies > 0 {
                text.push_str(&format!(
                    " {} of them matched reviews already here and were added as copies; nothing was overwritten.",
                    report.copies
                ));
            }
            shared.say(text);
        }
        Err(e) => shared.fail(e),
    }
    chosen.set(None);
    shared.refresh();
    focus_later("new-review".into());
}

/// The `Backups` heading, its buttons, and the contents of a chosen backup.
#[component]
pub fn Backups(
    /// The dialog's shared state.
    shared: Shared,
    /// The backup read and waiting to be added (the dialog clears it when it opens).
    chosen: RwSignal<Option<BackupContents>>,
) -> impl IntoView {
    view! {
        <h3>"Backups"</h3>
        <div class="dialog-actions">
            <button type="button" on:click=move |_| back_up(shared)>"Back up all"</button>
            <button type="button" on:click=move |_| goodreads_csv(shared)>"Download Goodreads CSV"</button>
            <label class="file-button">
                "Restore from backup"
                <input type="file" class="visually-hidden-file" accept=".json,application/json" on:change=move |ev| choose_backup(shared, chosen, ev) />
            </label>
        </div>
        {move || chosen.get().map(|contents| {
            let n = contents.drafts.len();
            view! {
                <div class="confirm" role="group" aria-label="Backup contents">
                    <p>{format!(
                        "This backup from {} holds {n} review{}:",
                        clock::local_time(&contents.created_at),
                        if n == 1 { "" } else { "s" }
                    )}</p>
                    <ul>
                        {contents.drafts.iter().map(|d| view! {
                            <li>{format!(
                                "{} ({}{})",
                                d.record.review.effective_post_title(),
                                word_count(d.words),
                                if d.trashed_at.is_some() { ", in the trash" } else { "" }
                            )}</li>
                        }).collect_view()}
                    </ul>
                    {contents.notes().into_iter().map(|note| view! { <p>{note}</p> }).collect_view()}
                    <p>"They are added beside your reviews; nothing here is overwritten."</p>
                    <button type="button" id="add-backup" on:click=move |_| add_backup(shared, chosen)>
                        {format!("Add {n} review{}", if n == 1 { "" } else { "s" })}
                    </button>
                    " "
                    <button type="button" on:click=move |_| chosen.set(None)>"Cancel"</button>
                </div>
            }
        })}
    }
}
