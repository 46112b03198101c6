//! Autosave: at most one write every half second while typing, at once when the page is hidden
//! or closed, and every failure shown in words.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{clock, local_storage::LocalStore};
use crate::storage::drafts::{
    draft_key, external_change, stored_revision, DraftRecord, Drafts, ExternalChange, ViewState,
};
use crate::storage::encoder::{DraftEncoder, SectionRef};
use crate::storage::StoreError;

use super::state::EditorState;

/// How long after the first unsaved change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long to wait before trying again after a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// What the `role=status` element says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is stored.
    Saved,
    /// A save is due within half a second.
    Saving,
    /// The last save failed (the alert says why).
    Failed,
    /// Storage cannot be used at all.
    Unavailable,
}

impl SaveStatus {
    /// The words shown and announced.
    pub fn text(&self) -> &'static str {
        match self {
            SaveStatus::Saved => "All changes saved",
            SaveStatus::Saving => "Saving…",
            SaveStatus::Failed => "Changes not saved",
            SaveStatus::Unavailable => "Not saved: storage is unavailable",
        }
    }
}

/// The saver's private state (not reactive; lives in a local `StoredValue`).
pub struct Saver {
    drafts: Option<Drafts<LocalStore>>,
    id: String,
    revision: u64,
    pending: Option<TimeoutHandle>,
    dirty: bool,
    encoder: DraftEncoder,
    /// The next change notice comes from taking another tab's version: not an edit to save.
    replacing: bool,
}

/// The handles the UI needs: the status and alert signals and the saver.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// What the status element shows.
    pub status: RwSignal<SaveStatus>,
    /// A save failure in words, for the `role=alert` element.
    pub alert: RwSignal<Option<String>>,
    /// Another tab's version of this draft, while the person decides what to keep. No save
    /// happens meanwhile, so neither version is overwritten.
    pub conflict: RwSignal<Option<DraftRecord>>,
    saver: StoredValue<Saver, LocalStorage>,
    state: EditorState,
}

impl Autosave {
    /// An autosave for draft `id` (at `revision`) into `drafts` (`None`: storage unavailable).
    pub fn new(
        state: EditorState,
        drafts: Option<Drafts<LocalStore>>,
        id: String,
        revision: u64,
    ) -> Autosave {
        let available = drafts.is_some();
        Autosave {
            status: RwSignal::new(if available {
                SaveStatus::Saved
            } else {
                SaveStatus::Unavailable
            }),
            alert: RwSignal::new(None),
            conflict: RwSignal::new(None),
            saver: StoredValue::new_local(Saver {
                drafts,
                id,
                revision,
                pending: None,
                dirty: false,
                encoder: DraftEncoder::new(),
                replacing: false,
            }),
            state,
        }
    }

    /// Notes a change and makes sure a save happens within [`SAVE_DELAY`].
    pub fn changed(self) {
        if self
            .saver
            .try_update_value(|s| std::mem::take(&mut s.replacing))
            .unwrap_or(false)
        {
            return;
        }
        let available = self.saver.with_value(|s| s.drafts.is_some());
        self.saver.update_value(|s| s.dirty = true);
        if !available {
            return;
        }
        if self.status.get_untracked() != SaveStatus::Saving
            && self.status.get_untracked() != SaveStatus::Failed
        {
            self.status.set(SaveStatus::Saving);
        }
        self.schedule(SAVE_DELAY);
    }

    fn schedule(self, delay: Duration) {
        if self.saver.with_value(|s| s.pending.is_some()) {
            return;
        }
        let handle = set_timeout_with_handle(move || self.save_now(), delay).ok();
        self.saver.update_value(|s| s.pending = handle);
    }

    /// Saves now if anything is unsaved (used on `pagehide` and when the tab is hidden).
    pub fn flush(self) {
        if let Some(handle) = self.saver.try_update_value(|s| s.pending.take()).flatten() {
            handle.clear();
        }
        self.save_now();
    }

    /// Whether some change is not stored (leaving now would lose it).
    pub fn has_unsaved_changes(self) -> bool {
        self.saver.with_value(|s| s.dirty)
    }

    fn save_now(self) {
        self.saver.update_value(|s| s.pending = None);
        if !self.saver.with_value(|s| s.dirty && s.drafts.is_some())
            || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        // Another tab may have saved since this one last did (and its storage event may not
        // have arrived yet): never write over a newer revision unasked.
        let (key, known) = self.saver.with_value(|s| (draft_key(&s.id), s.revision));
        let stored = self
            .saver
            .with_value(|s| s.drafts.as_ref().and_then(|d| d.raw(&key).ok().flatten()));
        if stored
            .as_deref()
            .and_then(stored_revision)
            .is_some_and(|r| r > known)
        {
            self.on_external_change(&key, stored.as_deref());
            return;
        }
        let state = self.state;
        let view = ViewState {
            show_spoilers: state.show_spoilers.get_untracked(),
        };
        let result = self.saver.try_update_value(|s| {
            // Encoded straight from the signals, borrowing the text: nothing is copied but the
            // JSON of what changed since the last save.
            state.sections.with_untracked(|sections| {
                for section in sections {
                    section.heading.with_untracked(|heading| {
                        section.body.with_untracked(|body| {
                            let spoiler = section.spoiler.get_untracked();
                            s.encoder.section(SectionRef {
                                id: section.id,
                                heading,
                                body,
                                spoiler,
                            });
                        })
                    });
                }
            });
            let revision = s.revision + 1;
            let json = state.metadata.with_untracked(|metadata| {
                state.post_title.with_untracked(|post_title| {
                    let rating = state.rating.get_untracked();
                    s.encoder.finish(
                        &s.id,
                        revision,
                        &clock::now_iso(),
                        metadata,
                        post_title,
                        rating,
                        &view,
                    )
                })
            });
            let drafts = s.drafts.as_mut()?;
            let result = drafts.save_encoded(&s.id, &json);
            if result.is_ok() {
                s.revision = revision;
                s.dirty = false;
            }
            Some(result)
        });
        match result.flatten() {
            Some(Ok(_)) => {
                self.status.set(SaveStatus::Saved);
                if self.alert.get_untracked().is_some() {
                    self.alert.set(None);
                }
            }
            Some(Err(error)) => {
                self.status.set(SaveStatus::Failed);
                self.alert.set(Some(error.to_string()));
                // Storage may get room again (the person deletes something): keep trying.
                if !matches!(error, StoreError::Unavailable(_)) {
                    self.schedule(RETRY_DELAY);
                }
            }
            None => {}
        }
    }

    /// Reacts to another tab writing `key` (a `storage` event, or a newer record found before a
    /// save): takes its version if this tab has nothing unsaved, else asks the person.
    pub fn on_external_change(self, key: &str, new_value: Option<&str>) {
        let (own_key, known, unsaved) = self
            .saver
            .with_value(|s| (draft_key(&s.id), s.revision, s.dirty));
        if key != own_key {
            return;
        }
        match external_change(key, new_value, known, unsaved) {
            ExternalChange::Ignore => {}
            ExternalChange::Take(record) => self.take(*record),
            ExternalChange::Conflict(record) => {
                if let Some(handle) = self.saver.try_update_value(|s| s.pending.take()).flatten() {
                    handle.clear();
                }
                self.conflict.set(Some(*record));
            }
        }
    }

    /// Shows `record` (another tab's version) and makes it this tab's.
    fn take(self, record: DraftRecord) {
        self.saver.update_value(|s| {
            s.revision = record.revision;
            s.dirty = false;
            s.replacing = true;
        });
        self.state
            .replace(&record.review, record.view.show_spoilers);
        self.status.set(SaveStatus::Saved);
    }

    /// Resolves a conflict by keeping this tab's version (it is saved over the other).
    pub fn keep_mine(self) {
        if let Some(theirs) = self.conflict.get_untracked() {
            self.saver.update_value(|s| {
                s.revision = theirs.revision;
                s.dirty = true;
            });
            self.conflict.set(None);
            self.save_now();
        }
    }

    /// Resolves a conflict by taking the other tab's version (this tab's changes are dropped).
    pub fn take_theirs(self) {
        if let Some(theirs) = self.conflict.get_untracked() {
            self.conflict.set(None);
            self.take(theirs);
        }
    }

    /// Resolves a conflict by keeping both: this tab's version becomes a new draft (and the one
    /// opened next time); the other stays as it was under its own key.
    pub fn keep_both(self, new_id: String) {
        if self.conflict.get_untracked().is_none() {
            return;
        }
        self.saver.update_value(|s| {
            s.id = new_id.clone();
            s.revision = 0;
            s.dirty = true;
            if let Some(drafts) = s.drafts.as_mut() {
                let _ = drafts.set_current(&new_id);
            }
        });
        self.conflict.set(None);
        self.save_now();
    }
}
