//! The `Reviews` dialog: every draft (title, last edited, words) with `Open`, `Duplicate` and
//! `Delete`; `New review`; the `Trash` with `Restore` and `Empty trash`; records that cannot be
//! read, offered as downloads; `Back up all` and `Restore from backup`; and how much storage
//! Verdict uses and whether the browser keeps it for good.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{clock, download::download_text, files, local_storage::LocalStore};
use crate::formats::draft::{DraftRecord, RecordError};
use crate::review::words::word_count;
use crate::review::Review;
use crate::storage::backup::{read_backup, BackupContents};
use crate::storage::drafts::{Drafts, LoadError};
use crate::storage::library::{Library, Summary, Unreadable};

use super::autosave::Autosave;
use super::schedule::focus_later;

/// A handle on the drafts in localStorage, if it can be used.
fn drafts() -> Result<Drafts<LocalStore>, String> {
    LocalStore::open()
        .map(Drafts::new)
        .map_err(|e| e.to_string())
}

/// Kilobytes or megabytes, for the storage line.
fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        crate::review::limits::megabytes(bytes)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Why a draft could not be moved to or from the trash, in words.
fn not_moved(error: LoadError) -> String {
    match error {
        LoadError::Record(RecordError::Newer { .. }) => "This review was saved by a newer version of Verdict, so this version leaves it exactly as it is: move it there.".to_string(),
        other => format!("This review could not be moved: {other}"),
    }
}

/// Starts a new, empty book review in this tab (saved at once, so it shows in the list).
pub fn new_review(autosave: Autosave) {
    autosave.open_new(DraftRecord::fresh(
        clock::new_draft_id(),
        &clock::now_iso(),
        Review::new_book(&clock::today()),
    ));
}

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
    let library = RwSignal::new(Library::default());
    let usage = RwSignal::new(None::<usize>);
    let current = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let confirm_empty = RwSignal::new(false);
    let backup = RwSignal::new(None::<BackupContents>);

    let refresh = move || match drafts().and_then(|d| d.library().map_err(|e| e.to_string())) {
        Ok(listed) => {
            library.set(listed);
            current.set(autosave.id());
            // Measuring means reading every record: after the list is on screen.
            set_timeout(
                move || usage.set(drafts().ok().and_then(|d| d.usage().ok())),
                std::time::Duration::from_millis(30),
            );
        }
        Err(e) => error.set(Some(e)),
    };
    let close = move || super::dialog::close(dialog);
    let open_dialog = move |_| {
        autosave.flush();
        message.set(None);
        error.set(None);
        confirm_empty.set(false);
        backup.set(None);
        refresh();
        super::dialog::open_modal(dialog);
    };
    // Another tab saved, trashed or added a draft: keep the list true while it is open.
    let storage = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let ours = ev.key().is_none_or(|k| k.starts_with("verdict:"));
        if ours && dialog.get_untracked().is_some_and(|d| d.open()) {
            refresh();
        }
    });
    on_cleanup(move || storage.remove());

    let fail = move |e: String| error.set(Some(e));
    let open_draft = move |id: String| {
        let opened = match drafts() {
            Ok(d) => d.open(&id),
            Err(e) => return fail(e),
        };
        match opened {
            Ok(Some(opened)) => {
                if let Err(why) = autosave.before_leaving() {
                    return fail(why);
                }
                autosave.open(opened);
                close();
                focus_later("book-title".into());
            }
            Ok(None) => {
                fail("That review is no longer stored (another tab may have deleted it).".into())
            }
            // The list is read from summaries, so a record damaged after its summary was
            // written shows up only now: it moves to the unreadable records, kept untouched.
            Err(LoadError::Store(e)) => fail(e.to_string()),
            Err(error) => {
                let (key, why) = match error {
                    LoadError::Record(RecordError::Corrupt { key, why }) => (key, why),
                    LoadError::Record(RecordError::Newer { key, schema }) => (
                        key,
                        format!("made by a newer version of Verdict, format {schema}"),
                    ),
                    LoadError::Store(_) => return,
                };
                fail(format!(
                    "This review could not be opened: its record cannot be read ({why}). It is kept untouched under \u{201c}{key}\u{201d}; download it from the records that cannot be read, below. The review you had open stays open."
                ));
                library.update(|l| {
                    l.drafts.retain(|s| s.id != id);
                    if !l.unreadable.iter().any(|u| u.key == key) {
                        l.unreadable.push(Unreadable { key, why });
                    }
                });
            }
        }
    };
    let new = move |_| {
        if let Err(why) = autosave.before_leaving() {
            return fail(why);
        }
        new_review(autosave);
        close();
        focus_later("book-title".into());
    };
    let duplicate = move |summary: Summary| {
        autosave.flush();
        let result = drafts()
            .and_then(|mut d| d.duplicate(&summary.id, &clock::new_draft_id(), &clock::now_iso()));
        match result {
            Ok(_) => {
                message.set(Some(format!(
                    "Made a copy of \u{201c}{}\u{201d}: it is at the top of the list.",
                    summary.title
                )));
                refresh();
            }
            Err(e) => fail(e),
        }
    };
    let delete = move |summary: Summary| {
        let open_now = summary.id == autosave.id();
        if open_now {
            if let Err(why) = autosave.before_leaving() {
                return fail(why);
            }
        }
        match drafts().and_then(|mut d| d.trash(&summary.id, &clock::now_iso()).map_err(not_moved))
        {
            Ok(()) => {
                refresh();
                if open_now {
                    // The editor moves on to the newest other review, or a new one.
                    let next = library.with_untracked(|l| l.drafts.first().map(|s| s.id.clone()));
                    match next.and_then(|id| drafts().ok()?.open(&id).ok().flatten()) {
                        Some(opened) => autosave.open(opened),
                        None => new_review(autosave),
                    }
                    refresh();
                }
                message.set(Some(format!(
                    "Moved \u{201c}{}\u{201d} to the trash. Restore it from the trash below.",
                    summary.title
                )));
                focus_later("new-review".into());
            }
            Err(e) => fail(e),
        }
    };
    let restore = move |summary: Summary| match drafts()
        .and_then(|mut d| d.restore(&summary.id).map_err(not_moved))
    {
        Ok(()) => {
            message.set(Some(format!(
                "Restored \u{201c}{}\u{201d} to the list.",
                summary.title
            )));
            refresh();
            focus_later("new-review".into());
        }
        Err(e) => fail(e),
    };
    let empty_trash = move |_| {
        match drafts().and_then(|mut d| {
            d.empty_trash(Some(&autosave.id()))
                .map_err(|e| e.to_string())
        }) {
            Ok(n) => message.set(Some(format!(
                "Deleted {n} review{} for good.",
                if n == 1 { "" } else { "s" }
            ))),
            Err(e) => fail(e),
        }
        confirm_empty.set(false);
        refresh();
        focus_later("new-review".into());
    };
    let download_raw = move |key: String| {
        if let Ok(Some(raw)) = drafts().and_then(|d| d.raw(&key).map_err(|e| e.to_string())) {
            let name = format!("{}.json", key.replace(':', "-"));
            if let Err(e) = download_text(&name, "application/json", &raw) {
                fail(format!("The download could not be started ({e:?})."));
            }
        }
    };
    let back_up = move |_| {
        autosave.flush();
        let now = clock::now_iso();
        match drafts().and_then(|d| d.backup(&now).map_err(|e| e.to_string())) {
            Ok(json) => {
                let name = format!("verdict-backup-{}.json", clock::today());
                match download_text(&name, "application/json", &json) {
                    Ok(()) => message.set(Some(format!(
                        "Downloaded {name}: every review, its trash state and its history."
                    ))),
                    Err(e) => fail(format!("The download could not be started ({e:?}).")),
                }
            }
            Err(e) => fail(e),
        }
    };
    let goodreads_csv = move |_| {
        autosave.flush();
        match drafts().and_then(|d| d.listed_reviews().map_err(|e| e.to_string())) {
            Ok(reviews) => {
                let csv = crate::export::library_csv::goodreads_csv(&reviews);
                let name = format!("verdict-library-goodreads-{}.csv", clock::today());
                match download_text(&name, "text/csv", &csv) {
                    Ok(()) => message.set(Some(format!(
                        "Downloaded {name}: every review with a book title, in the columns Goodreads imports (My Books, Import and export)."
                    ))),
                    Err(e) => fail(format!("The download could not be started ({e:?}).")),
                }
            }
            Err(e) => fail(e),
        }
    };
    let choose_backup = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        error.set(None);
        message.set(None);
        backup.set(None);
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
                    fail(format!("{text} Nothing was changed."))
                }
                Ok(contents) => {
                    backup.set(Some(contents));
                    focus_later("add-backup".into());
                }
                Err(e) => fail(e),
            }
        });
    };
    let add_backup = move |_| {
        let Some(contents) = backup.get_untracked() else {
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
                message.set(Some(text));
            }
            Err(e) => fail(e),
        }
        backup.set(None);
        refresh();
        focus_later("new-review".into());
    };

    let row = move |summary: Summary| {
        let id = summary.id.clone();
        let is_current = Memo::new(move |_| current.with(|c| *c == id));
        let (s1, s2, s3) = (summary.clone(), summary.clone(), summary.clone());
        let title = summary.title.clone();
        view! {
            <li class="draft-row" aria-current=move || is_current.get().then_some("true")>
                <div class="draft-info">
                    <span class="draft-title">{summary.title.clone()}</span>
                    {move || is_current.get().then(|| view! { <span class="draft-badge">" (open now)"</span> })}
                    {summary.read_only.then(|| view! { <span class="draft-badge">" (newer version: read-only)"</span> })}
                    <span class="draft-meta">
                        {format!("Edited {} · {}", clock::local_time(&summary.saved_at), word_count(summary.words))}
                    </span>
                </div>
                <div class="draft-actions">
                    <button type="button" on:click=move |_| open_draft(s1.id.clone())>
                        "Open" <span class="visually-hidden">{format!(" {title}")}</span>
                    </button>
                    <button type="button" on:click=move |_| duplicate(s2.clone())>
                        "Duplicate" <span class="visually-hidden">{format!(" {}", summary.title)}</span>
                    </button>
                    <button type="button" class="danger" on:click=move |_| delete(s3.clone())>
                        "Delete" <span class="visually-hidden">{format!(" {}", s3.title)}</span>
                    </button>
                </div>
            </li>
        }
    };
    let trashed_row = move |summary: Summary| {
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
                <button type="button" on:click=move |_| restore(s.clone())>
                    "Restore" <span class="visually-hidden">{format!(" {}", summary.title)}</span>
                </button>
            </li>
        }
    };
    let persisted_text = move || {
        match persisted.get() {
        Some(true) => "The browser keeps this storage for good (persistent storage granted).".to_string(),
        Some(false) => "The browser has not granted persistent storage: it may clear this site's data when the disk runs low. Back up now and then to be safe.".to_string(),
        None => "This browser does not say whether it keeps this storage for good: back up now and then to be safe.".to_string(),
    }
    };

    view! {
        // Opened from the app bar's `Menu` (its `Reviews` item clicks this hidden trigger).
        <button type="button" id=REVIEWS_BUTTON_ID hidden on:click=open_dialog>"Reviews"</button>
        <dialog node_ref=dialog class="library" aria-labelledby="reviews-heading">
            <div class="dialog-head">
                <h2 id="reviews-heading">"Reviews"</h2>
                <button type="button" class="quiet" on:click=move |_| close()>"Close"</button>
            </div>
            <p class="dialog-message" aria-live="polite">{move || message.get()}</p>
            {move || error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <div class="dialog-actions">
                <button type="button" id="new-review" on:click=new>"New review"</button>
            </div>
            <h3>"Your reviews"</h3>
            <ul class="draft-list" aria-label="Your reviews">
                {move || library.with(|l| l.drafts.clone()).into_iter().map(row).collect_view()}
            </ul>
            {move || library.with(|l| l.unreadable.clone()).into_iter().next().is_some().then(|| view! {
                <h3>"Records that cannot be read"</h3>
                <p>"These are kept untouched in this browser's storage. Download one to keep it or to ask for help."</p>
                <ul class="draft-list" aria-label="Records that cannot be read">
                    {library.with(|l| l.unreadable.clone()).into_iter().map(|u| {
                        let key = u.key.clone();
                        view! {
                            <li class="draft-row">
                                <div class="draft-info">
                                    <span class="draft-title">{u.key.clone()}</span>
                                    <span class="draft-meta">{u.why.clone()}</span>
                                </div>
                                <button type="button" on:click=move |_| download_raw(key.clone())>
                                    "Download" <span class="visually-hidden">{format!(" {}", u.key)}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <h3>"Trash"</h3>
            {move || {
                let trash = library.with(|l| l.trash.clone());
                if trash.is_empty() {
                    view! { <p class="quiet-text">"The trash is empty. Deleted reviews stay here until you empty it."</p> }.into_any()
                } else {
                    let n = trash.len();
                    view! {
                        <ul class="draft-list" aria-label="Trash">{trash.into_iter().map(trashed_row).collect_view()}</ul>
                        {move || if confirm_empty.get() {
                            view! {
                                <div class="confirm" role="group" aria-label="Empty trash">
                                    <p>{format!("Delete {n} review{} for good? This cannot be undone.", if n == 1 { "" } else { "s" })}</p>
                                    <button type="button" class="danger" id="confirm-empty" on:click=empty_trash>"Delete for good"</button>
                                    " "
                                    <button type="button" on:click=move |_| { confirm_empty.set(false); focus_later("empty-trash".into()); }>"Cancel"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" id="empty-trash" class="danger" on:click=move |_| { confirm_empty.set(true); focus_later("confirm-empty".into()); }>"Empty trash"</button>
                            }.into_any()
                        }}
                    }.into_any()
                }
            }}
            <h3>"Backups"</h3>
            <div class="dialog-actions">
                <button type="button" on:click=back_up>"Back up all"</button>
                <button type="button" on:click=goodreads_csv>"Download Goodreads CSV"</button>
                <label class="file-button">
                    "Restore from backup"
                    <input type="file" class="visually-hidden-file" accept=".json,application/json" on:change=choose_backup />
                </label>
            </div>
            {move || backup.get().map(|contents| {
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
                        <button type="button" id="add-backup" on:click=add_backup>
                            {format!("Add {n} review{}", if n == 1 { "" } else { "s" })}
                        </button>
                        " "
                        <button type="button" on:click=move |_| backup.set(None)>"Cancel"</button>
                    </div>
                }
            })}
            <h3>"Storage"</h3>
            <p class="storage-line">{move || match usage.get() {
                Some(used) => format!("Verdict's records use {} of this browser's local storage for this site (about 5 MB in all).", size(used * 2)),
                None => "This browser is not letting Verdict keep anything.".to_string(),
            }}</p>
            <p class="storage-line">{persisted_text}</p>
        </dialog>
    }
}
