//! Autosave's signals and timers. Every decision (when a save is due, what it writes, conflicts
//! with other tabs, history snapshots, opening drafts) is the draft session's
//! (`storage::session`, tested natively); this file binds it to the status, alert and conflict
//! signals, sets the timers it asks for, and reads the review from the editor's signals.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{clock::BrowserClock, local_storage::LocalStore};
use crate::formats::draft::{DraftRecord, Opened, ViewState};
use crate::storage::encoder::{DraftEncoder, SectionRef};
use crate::storage::history::Version;
use crate::storage::session::{
    version_record, DraftSource, External, Kept, RecordHead, SaveOutcome, Session, SummaryFields,
};

pub use crate::storage::session::{SaveStatus, READ_ONLY_MESSAGE};

use super::schedule::{when_idle, Debounce};
use super::state::EditorState;

/// The session as the app keeps it.
pub type AppSession = Session<LocalStore, BrowserClock>;

/// The handles the UI needs: the status, alert and conflict signals and the session.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// What the status element shows.
    pub status: RwSignal<SaveStatus>,
    /// A save failure in words, for the `role=alert` element.
    pub alert: RwSignal<Option<String>>,
    /// Another tab's version of this draft, while the person decides what to keep. No save
    /// happens meanwhile, so neither version is overwritten.
    pub conflict: RwSignal<Option<DraftRecord>>,
    session: StoredValue<AppSession, LocalStorage>,
    /// The next save, once scheduled.
    pending: Debounce,
    state: EditorState,
}

/// The editor's signals as the record they hold, encoded without copying any text.
impl DraftSource for EditorState {
    fn encode(&self, encoder: &mut DraftEncoder, head: &RecordHead) -> String {
        let view = ViewState {
            show_spoilers: self.show_spoilers.get_untracked(),
        };
        // Encoded straight from the signals, borrowing the text: nothing is copied but the
        // JSON of what changed since the last save.
        self.sections.with_untracked(|sections| {
            for section in sections {
                section.heading.with_untracked(|heading| {
                    section.body.with_untracked(|body| {
                        encoder.section(SectionRef {
                            id: section.id,
                            heading,
                            body,
                            spoiler: section.spoiler.get_untracked(),
                        });
                    })
                });
            }
        });
        self.metadata.with_untracked(|metadata| {
            self.post_title.with_untracked(|post_title| {
                encoder.finish(
                    head.id,
                    head.revision,
                    head.saved_at,
                    head.created_at,
                    metadata,
                    post_title,
                    self.rating.get_untracked(),
                    &view,
                )
            })
        })
    }

    fn summary_fields(&self) -> SummaryFields {
        self.metadata
            .with_untracked(|m| self.post_title.with_untracked(|p| SummaryFields::of(m, p)))
    }
}

impl Autosave {
    /// Autosave for the session start-up made.
    pub fn new(state: EditorState, session: AppSession) -> Autosave {
        let autosave = Autosave {
            status: RwSignal::new(session.status()),
            alert: RwSignal::new(None),
            conflict: RwSignal::new(None),
            session: StoredValue::new_local(session),
            pending: Debounce::new(),
            state,
        };
        autosave
            .state
            .read_only
            .set(autosave.with(|s| s.read_only()));
        autosave
    }

    fn with<T>(self, f: impl FnOnce(&AppSession) -> T) -> T {
        self.session.with_value(f)
    }

    /// Runs `f` on the session, then shows what it says now (`None` once the app is gone).
    fn update<T>(self, f: impl FnOnce(&mut AppSession, &EditorState) -> T) -> Option<T> {
        let state = self.state;
        let out = self.session.try_update_value(|s| f(s, &state));
        self.sync();
        out
    }

    /// Copies the session's status, alert and conflict to their signals where they changed.
    fn sync(self) {
        let Some((status, alert, conflict)) = self
            .session
            .try_update_value(|s| (s.status(), s.take_alert(), s.conflict().cloned()))
        else {
            return;
        };
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
        if let Some(alert) = alert {
            self.alert.set(alert);
        }
        if self.conflict.with_untracked(Option::is_some) != conflict.is_some() {
            self.conflict.set(conflict);
        }
    }

    /// Notes a change and makes sure a save happens within the session's delay.
    pub fn changed(self) {
        if let Some(delay) = self.update(|s, _| s.changed()).flatten() {
            self.schedule(delay);
        }
    }

    fn schedule(self, delay: Duration) {
        // A save already waiting keeps its time: typing does not put it off.
        if self.pending.is_pending() {
            return;
        }
        self.pending.schedule(delay, move || self.save_now());
    }

    fn cancel(self) {
        self.pending.cancel();
    }

    /// Saves now if anything is unsaved (used on `pagehide` and when the tab is hidden).
    pub fn flush(self) {
        self.cancel();
        self.save_now();
    }

    /// Whether some change is not stored (leaving now would lose it).
    pub fn has_unsaved_changes(self) -> bool {
        self.with(|s| s.has_unsaved_changes())
    }

    fn save_now(self) {
        // This save writes what a waiting one would have.
        self.pending.cancel();
        let SaveOutcome {
            saved,
            show,
            retry,
            snapshot_soon,
        } = self.update(|s, state| s.save(state)).unwrap_or_default();
        // A save clears any alert (one set by the UI too, such as a failed download).
        if saved && self.alert.get_untracked().is_some() {
            self.alert.set(None);
        }
        if let Some(record) = show {
            self.show(&record);
        }
        if self.conflict.with_untracked(Option::is_some) {
            self.cancel();
        }
        if let Some(delay) = retry {
            self.schedule(delay);
        }
        // Reading and writing the history of a long review costs more than a keystroke may
        // wait (measured: docs/performance.md), so it must not land on one.
        if snapshot_soon {
            when_idle(move || {
                self.update(|s, _| s.snapshot_if_due());
            });
        }
    }

    fn show(self, record: &DraftRecord) {
        self.state
            .replace(&record.review, record.view.show_spoilers);
    }

    /// Encodes the open draft once, without writing it, when the browser is idle: the first
    /// save then re-encodes only what changed (a full encoding of a long review costs more than
    /// a keystroke may wait, measured: docs/performance.md).
    pub fn warm_up_when_idle(self) {
        when_idle(move || {
            self.update(|s, state| s.warm_up(state));
        });
    }

    /// Reacts to another tab writing `key` (a `storage` event): takes its version if this tab
    /// has nothing unsaved, else asks the person.
    pub fn on_external_change(self, key: &str, new_value: Option<&str>) {
        match self.update(|s, _| s.on_external_change(key, new_value)) {
            None | Some(External::Nothing) => {}
            Some(External::Show(record)) => self.show(&record),
            Some(External::Conflict) => self.cancel(),
        }
    }

    /// Resolves a conflict by keeping this tab's version (it is saved over the other).
    pub fn keep_mine(self) {
        if self.update(|s, _| s.keep_mine()) == Some(true) {
            self.save_now();
        }
    }

    /// Resolves a conflict by taking the other tab's version (this tab's changes are dropped).
    pub fn take_theirs(self) {
        if let Some(record) = self.update(|s, _| s.take_theirs()).flatten() {
            self.show(&record);
        }
    }

    /// Resolves a conflict by keeping both: this tab's version becomes a new draft (and the one
    /// opened next time); the other stays as it was under its own key.
    pub fn keep_both(self, new_id: String) {
        if self.update(|s, _| s.keep_both(new_id)) == Some(true) {
            self.save_now();
        }
    }

    /// The id of the open draft.
    pub fn id(self) -> String {
        self.with(|s| s.id().to_string())
    }

    /// Whether storage can be used at all.
    pub fn storage_available(self) -> bool {
        self.with(|s| s.storage_available())
    }

    /// Saves what is unsaved before this tab moves to another review; says why it cannot when
    /// the save fails (storage full or unavailable, or a conflict with another tab waiting for
    /// a choice), so that nothing typed is ever dropped by opening something else.
    pub fn before_leaving(self) -> Result<(), String> {
        self.with(|s| s.may_leave())?;
        self.flush();
        self.with(|s| s.saved_before_leaving())
    }

    /// Opens another draft in this tab (call [`Autosave::before_leaving`] first): it becomes
    /// the one opened on the next start. A draft from an older schema is saved at once in the
    /// new layout; one from a newer version opens read-only.
    pub fn open(self, opened: Opened) {
        self.flush();
        let Some((record, save)) = self.update(|s, _| s.open(opened)) else {
            return;
        };
        let read_only = self.with(|s| s.read_only());
        self.state.read_only.set(read_only);
        self.show(&record);
        if let Some(delay) = save {
            self.schedule(delay);
        }
        self.warm_up_when_idle();
    }

    /// Opens `record` as a new draft and saves it at once, so it shows in the list.
    pub fn open_new(self, record: DraftRecord) {
        self.open(Opened {
            record,
            migrated_from: None,
            read_only: false,
        });
        self.save_soon();
        self.flush();
    }

    /// Marks the open draft as changed, so the next save writes it (a migrated draft, a
    /// restored version).
    pub fn save_soon(self) {
        if let Some(delay) = self.update(|s, _| s.save_soon()).flatten() {
            self.schedule(delay);
        }
    }

    /// Every kept version of the open draft, newest first, read fresh from storage (another
    /// tab may have added some).
    pub fn versions(self) -> Vec<Version> {
        self.with(|s| s.versions())
    }

    /// Saves what is unsaved and keeps the open draft as it is now as a version, due or not;
    /// says what happened, or why it could not be done.
    pub fn snapshot_now(self) -> Result<Kept, String> {
        self.flush();
        self.update(|s, state| s.keep_version(state))
            .unwrap_or_else(|| Err("This version was not kept.".into()))
    }

    /// Forgets every snapshot but the newest (to make room); returns how many went.
    pub fn delete_older_versions(self) -> usize {
        self.update(|s, _| s.delete_older_versions()).unwrap_or(0)
    }

    /// Brings back a kept version: the review as it is now becomes a version first, so the
    /// restore can itself be taken back from the history.
    pub fn restore_version(self, text: &str) -> Result<(), String> {
        let record = version_record(text)?;
        // The text as it is now must be kept first: that needs it saved.
        self.before_leaving()?;
        let _ = self.snapshot_now();
        self.show(&record);
        self.save_soon();
        Ok(())
    }
}
