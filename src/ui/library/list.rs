//! `New review` and the list of reviews, each with `Open`, `Duplicate` and `Delete`.

use leptos::prelude::*;

use crate::browser::clock;
use crate::formats::draft::RecordError;
use crate::review::words::word_count;
use crate::storage::drafts::LoadError;
use crate::storage::library::{matching, Summary, Unreadable};
use crate::ui::schedule::focus_later;

use super::shared::{drafts, new_review, not_moved, Shared};

/// Opens the draft `id` in this tab, once what is open is saved, and closes the dialog.
fn open_draft(shared: Shared, id: String) {
    let Shared {
        autosave, library, ..
    } = shared;
    let opened = match drafts() {
        Ok(d) => d.open(&id),
        Err(e) => return shared.fail(e),
    };
    match opened {
        Ok(Some(opened)) => {
            if let Err(why) = autosave.before_leaving() {
                return shared.fail(why);
            }
            autosave.open(opened);
            shared.close();
            focus_later("book-title".into());
        }
        Ok(None) => {
            shared.fail("That review is no longer stored (another tab may have deleted it).".into())
        }
        // The list is read from summaries, so a record damaged after its summary was
        // written shows up only now: it moves to the unreadable records, kept untouched.
        Err(LoadError::Store(e)) => shared.fail(e.to_string()),
        Err(error) => {
            let (key, why) = match error {
                LoadError::Record(RecordError::Corrupt { key, why }) => (key, why),
                LoadError::Record(RecordError::Newer { key, schema }) => (
                    key,
                    format!("made by a newer version of Verdict, format {schema}"),
                ),
                LoadError::Store(_) => return,
            };
            shared.fail(format!(
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
}

/// Copies a draft; the copy comes first in the list.
fn duplicate(shared: Shared, summary: Summary) {
    shared.autosave.flush();
    let result = drafts()
        .and_then(|mut d| d.duplicate(&summary.id, &clock::new_draft_id(), &clock::now_iso()));
    match result {
        Ok(_) => {
            shared.say(format!(
                "Made a copy of \u{201c}{}\u{201d}: it is at the top of the list.",
                summary.title
            ));
            shared.refresh();
        }
        Err(e) => shared.fail(e),
    }
}

/// Moves a draft to the trash; if it is the one open, the editor moves on to another.
fn delete(shared: Shared, summary: Summary) {
    let Shared {
        autosave, library, ..
    } = shared;
    let open_now = summary.id == autosave.id();
    if open_now {
        if let Err(why) = autosave.before_leaving() {
            return shared.fail(why);
        }
    }
    match drafts().and_then(|mut d| d.trash(&summary.id, &clock::now_iso()).map_err(not_moved)) {
        Ok(()) => {
            shared.refresh();
            if open_now {
                // The editor moves on to the newest other review, or a new one.
                let next = library.with_untracked(|l| l.drafts.first().map(|s| s.id.clone()));
                match next.and_then(|id| drafts().ok()?.open(&id).ok().flatten()) {
                    Some(opened) => autosave.open(opened),
                    None => new_review(autosave),
                }
                shared.refresh();
            }
            shared.say(format!(
                "Moved \u{201c}{}\u{201d} to the trash. Restore it from the trash below.",
                summary.title
            ));
            focus_later("new-review".into());
        }
        Err(e) => shared.fail(e),
    }
}

/// One review in the list.
fn row(shared: Shared, summary: Summary) -> impl IntoView {
    let id = summary.id.clone();
    let is_current = Memo::new(move |_| shared.current.with(|c| *c == id));
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
                <button type="button" on:click=move |_| open_draft(shared, s1.id.clone())>
                    "Open" <span class="visually-hidden">{format!(" {title}")}</span>
                </button>
                <button type="button" on:click=move |_| duplicate(shared, s2.clone())>
                    "Duplicate" <span class="visually-hidden">{format!(" {}", summary.title)}</span>
                </button>
                <button type="button" class="danger" on:click=move |_| delete(shared, s3.clone())>
                    "Delete" <span class="visually-hidden">{format!(" {}", s3.title)}</span>
                </button>
            </div>
        </li>
    }
}

/// `New review` and `Your reviews`.
#[component]
pub fn ReviewList(
    /// The dialog's shared state.
    shared: Shared,
) -> impl IntoView {
    let new = move |_| {
        if let Err(why) = shared.autosave.before_leaving() {
            return shared.fail(why);
        }
        new_review(shared.autosave);
        shared.close();
        focus_later("book-title".into());
    };
    // The search is kept while the dialog is open, as the writer left it.
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        shared
            .library
            .with(|l| query.with(|q| matching(&l.drafts, q)))
    });
    view! {
        <div class="dialog-actions">
            <button type="button" id="new-review" on:click=new>"New review"</button>
        </div>
        <h3>"Your reviews"</h3>
        <div class="dialog-actions">
            <label>"Search your reviews " <input type="search" prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev)) /></label>
        </div>
        {move || query.with(|q| !q.trim().is_empty()).then(|| {
            let n = shown.with(Vec::len);
            let of = shared.library.with(|l| l.drafts.len());
            view! { <p role="status">{format!("{n} of {of} match \u{201c}{}\u{201d}.", query.get().trim())}</p> }
        })}
        <ul class="draft-list" aria-label="Your reviews">
            {move || shown.get().into_iter().map(move |s| row(shared, s)).collect_view()}
        </ul>
    }
}
