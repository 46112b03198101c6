//! Autosave: at most one write every half second while typing, at once when the page is hidden
//! or closed, and every failure shown in words.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{clock, local_storage::LocalStore};
use crate::storage::drafts::{Drafts, ViewState};
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
}

/// The handles the UI needs: the status and alert signals and the saver.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// What the status element shows.
    pub status: RwSignal<SaveStatus>,
    /// A save failure in words, for the `role=alert` element.
    pub alert: RwSignal<Option<String>>,
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
            saver: StoredValue::new_local(Saver {
                drafts,
                id,
                revision,
                pending: None,
                dirty: false,
                encoder: DraftEncoder::new(),
            }),
            state,
        }
    }

    /// Notes a change and makes sure a save happens within [`SAVE_DELAY`].
    pub fn changed(self) {
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
        if !self.saver.with_value(|s| s.dirty && s.drafts.is_some()) {
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
}
