//! What the parts of the `Reviews` dialog share: the drafts as listed, the line that says what
//! happened, the alert, and the few actions every part needs (read the list again, close).

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::{clock, local_storage::LocalStore};
use crate::formats::draft::{DraftRecord, RecordError};
use crate::review::Review;
use crate::storage::drafts::{Drafts, LoadError};
use crate::storage::library::Library;
use crate::ui::autosave::Autosave;

/// A handle on the drafts in localStorage, if it can be used.
pub fn drafts() -> Result<Drafts<LocalStore>, String> {
    LocalStore::open()
        .map(Drafts::new)
        .map_err(|e| e.to_string())
}

/// Why a draft could not be moved to or from the trash, in words.
pub fn not_moved(error: LoadError) -> String {
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

/// The dialog's state that every part reads or writes. Copy, like the signals it holds.
#[derive(Clone, Copy)]
pub struct Shared {
    /// The open draft's session.
    pub autosave: Autosave,
    /// The dialog element.
    pub dialog: NodeRef<Dialog>,
    /// The drafts, the trash and the unreadable records, as last read.
    pub library: RwSignal<Library>,
    /// The id of the draft open in this tab.
    pub current: RwSignal<String>,
    /// The bytes Verdict's records use (`None`: storage cannot be used, or not measured yet).
    pub usage: RwSignal<Option<usize>>,
    /// What the last action did, for the polite live line.
    pub message: RwSignal<Option<String>>,
    /// Why the last action failed, for the `role=alert` element.
    pub error: RwSignal<Option<String>>,
}

impl Shared {
    /// Empty state for the dialog `dialog`, owned by the current reactive owner.
    pub fn new(autosave: Autosave, dialog: NodeRef<Dialog>) -> Shared {
        Shared {
            autosave,
            dialog,
            library: RwSignal::new(Library::default()),
            current: RwSignal::new(String::new()),
            usage: RwSignal::new(None),
            message: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    /// Reads the list again (and, a moment later, how much storage it takes).
    pub fn refresh(self) {
        match drafts().and_then(|d| d.library().map_err(|e| e.to_string())) {
            Ok(listed) => {
                self.library.set(listed);
                self.current.set(self.autosave.id());
                // Measuring means reading every record: after the list is on screen.
                let usage = self.usage;
                set_timeout(
                    move || usage.set(drafts().ok().and_then(|d| d.usage().ok())),
                    std::time::Duration::from_millis(30),
                );
            }
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// Shows `why` in the alert.
    pub fn fail(self, why: String) {
        self.error.set(Some(why));
    }

    /// Shows `text` in the live line.
    pub fn say(self, text: String) {
        self.message.set(Some(text));
    }

    /// Closes the dialog.
    pub fn close(self) {
        crate::ui::dialog::close(self.dialog);
    }
}
