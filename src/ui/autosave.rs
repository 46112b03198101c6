//! Autosave: at most one write every half second while typing, at once when the page is hidden
//! or closed, and every failure shown in words.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{clock, local_storage::LocalStore};
use crate::formats::draft::{read_record, DraftRecord, Opened, ViewState};
use crate::review::{effective_post_title, split_list};
use crate::storage::drafts::{draft_key, external_change, Drafts, ExternalChange};
use crate::storage::encoder::{DraftEncoder, SectionRef};
use crate::storage::history::{history_key, History, Version, HISTORY_BUDGET};
use crate::storage::library::{Summary, SUMMARY_SCHEMA};
use crate::storage::{KeyValueStore, StoreError};

use super::schedule::when_idle;
use super::state::EditorState;

/// How long after the first unsaved change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long to wait before trying again after a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Why a review opened read-only.
pub const READ_ONLY_MESSAGE: &str = "This review was saved by a newer version of Verdict, so it is open read-only here: nothing you see is changed or saved over. Download it, or open it in the newer version (reload once this copy of Verdict is updated).";

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
    /// The open review was written by a newer version of Verdict: it is never saved over.
    ReadOnly,
}

impl SaveStatus {
    /// The words shown and announced.
    pub fn text(&self) -> &'static str {
        match self {
            SaveStatus::Saved => "All changes saved",
            SaveStatus::Saving => "Saving…",
            SaveStatus::Failed => "Changes not saved",
            SaveStatus::Unavailable => "Not saved: storage is unavailable",
            SaveStatus::ReadOnly => "Read-only: not saved",
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
    /// When the draft was first made.
    created_at: String,
    /// Opened read-only: never saved.
    read_only: bool,
    /// The draft's history, read from storage at the first save that needs it.
    history: HistoryState,
    /// The record written by the last save (kept, not copied, for the next snapshot).
    last_json: String,
}

/// Where the open draft's history stands.
enum HistoryState {
    /// Not read yet.
    Unread,
    /// Read (or new).
    Ready(History),
    /// The stored history is damaged: it is left untouched and no snapshot is written over it.
    Damaged,
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
    /// An autosave for draft `id` (at `revision`, made at `created_at`) into `drafts` (`None`:
    /// storage unavailable).
    pub fn new(
        state: EditorState,
        drafts: Option<Drafts<LocalStore>>,
        id: String,
        revision: u64,
        created_at: String,
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
                created_at,
                read_only: false,
                history: HistoryState::Unread,
                last_json: String::new(),
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
        let (available, read_only) = self.saver.with_value(|s| (s.drafts.is_some(), s.read_only));
        if read_only {
            return;
        }
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
        if !self
            .saver
            .with_value(|s| s.dirty && s.drafts.is_some() && !s.read_only)
            || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        // Another tab may have saved since this one last did (and its storage event may not
        // have arrived yet): never write over a newer revision unasked.
        let (key, known) = self.saver.with_value(|s| (draft_key(&s.id), s.revision));
        let stored_revision = self.saver.with_value(|s| {
            s.drafts
                .as_ref()
                .and_then(|d| d.stored_revision(&key).ok().flatten())
        });
        if stored_revision.is_some_and(|r| r > known) {
            let stored = self
                .saver
                .with_value(|s| s.drafts.as_ref().and_then(|d| d.raw(&key).ok().flatten()));
            self.on_external_change(&key, stored.as_deref());
            if self.has_unsaved_changes() && self.conflict.with_untracked(Option::is_none) {
                // A newer record this version cannot read (a newer version of Verdict in
                // another tab): never written over.
                self.status.set(SaveStatus::Failed);
                self.alert.set(Some("This review was saved in another tab by a newer version of Verdict, so this tab stopped saving it, to overwrite nothing. Download your review to keep the changes made here.".into()));
            }
            return;
        }
        let result = self.saver.try_update_value(|s| {
            let revision = s.revision + 1;
            let now = clock::now_iso();
            let json = self.encode(s, revision, &now);
            let summary = self.summary(s, &now);
            let drafts = s.drafts.as_mut()?;
            let result = drafts.save_encoded(&s.id, &json);
            if result.is_ok() {
                // The summary beside the draft, for the `Reviews` list: small, and written
                // after the draft, so a failure here costs an out-of-date line, not text.
                let _ = drafts.write_summary(&summary);
                s.revision = revision;
                s.dirty = false;
                s.last_json = json;
            }
            Some(result)
        });
        // Most saves fall between two snapshots: no idle callback is asked for then (a CPU
        // profile put about 0.1 ms a save in `requestIdleCallback` itself).
        let snapshot_may_be_due = self.saver.with_value(|s| match &s.history {
            HistoryState::Unread => true,
            HistoryState::Ready(history) => history.is_due(js_sys::Date::now()),
            HistoryState::Damaged => false,
        });
        if matches!(result, Some(Some(Ok(())))) && snapshot_may_be_due {
            self.snapshot_when_idle();
        }
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

    /// Encodes the open draft once, without writing it, when the browser is idle: the first
    /// save then re-encodes only what changed (at 100 KB a full encoding costs a few
    /// milliseconds, which must not land on a keystroke).
    pub fn warm_up_when_idle(self) {
        when_idle(move || {
            let _ = self.saver.try_update_value(|s| {
                if s.drafts.is_some() && !s.read_only {
                    let now = clock::now_iso();
                    let _ = self.encode(s, s.revision, &now);
                }
            });
        });
    }

    /// Keeps a history snapshot, if one is due, once the browser is idle: reading and writing
    /// the history costs a few milliseconds at 100 KB, which must not land on a keystroke.
    fn snapshot_when_idle(self) {
        when_idle(move || {
            let _ = self.saver.try_update_value(|s| {
                let now = clock::now_iso();
                self.snapshot_if_due(s, &now, false);
            });
        });
    }

    /// The open draft's summary as of a save at `now`.
    fn summary(self, s: &Saver, now: &str) -> Summary {
        let (title, genres, tags) = self.state.metadata.with_untracked(|m| {
            let title = self
                .state
                .post_title
                .with_untracked(|p| effective_post_title(p, &m.title, &m.author));
            (title, split_list(&m.genre), split_list(&m.tags))
        });
        Summary {
            schema: SUMMARY_SCHEMA,
            id: s.id.clone(),
            title,
            saved_at: now.to_string(),
            words: s.encoder.words(),
            trashed_at: None,
            read_only: false,
            genres,
            tags,
        }
    }

    /// Adds the record just saved to the draft's history when a snapshot is due (or `force`d).
    /// History is a bonus: when storage is too full for it, the draft itself is what counts.
    fn snapshot_if_due(self, s: &mut Saver, now: &str, force: bool) {
        let now_ms = js_sys::Date::now();
        let Some(drafts) = s.drafts.as_mut() else {
            return;
        };
        if matches!(s.history, HistoryState::Unread) {
            s.history = match drafts.raw(&history_key(&s.id)) {
                Ok(None) => HistoryState::Ready(History::new(&s.id)),
                Ok(Some(raw)) => History::parse(&raw)
                    .map(HistoryState::Ready)
                    .unwrap_or(HistoryState::Damaged),
                Err(_) => HistoryState::Damaged,
            };
        }
        let HistoryState::Ready(history) = &mut s.history else {
            return;
        };
        if !(force || history.is_due(now_ms)) || s.last_json.is_empty() {
            return;
        }
        if history.record(&s.last_json, now, now_ms, s.encoder.words(), HISTORY_BUDGET) {
            let _ = drafts
                .store_mut()
                .set(&history_key(&s.id), &history.to_json());
        }
    }

    /// Encodes the open draft as a record at `revision`, saved at `now`.
    fn encode(self, s: &mut Saver, revision: u64, now: &str) -> String {
        let state = self.state;
        let view = ViewState {
            show_spoilers: state.show_spoilers.get_untracked(),
        };
        {
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
            state.metadata.with_untracked(|metadata| {
                state.post_title.with_untracked(|post_title| {
                    let rating = state.rating.get_untracked();
                    s.encoder.finish(
                        &s.id,
                        revision,
                        now,
                        &s.created_at,
                        metadata,
                        post_title,
                        rating,
                        &view,
                    )
                })
            })
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

    /// The id of the open draft.
    pub fn id(self) -> String {
        self.saver.with_value(|s| s.id.clone())
    }

    /// Whether storage can be used at all.
    pub fn storage_available(self) -> bool {
        self.saver.with_value(|s| s.drafts.is_some())
    }

    /// Opens another draft in this tab: what is unsaved here is saved first, and the draft
    /// opened becomes the one that opens on the next start. A draft from an older schema is
    /// saved at once in the new layout; one from a newer version opens read-only.
    /// Saves what is unsaved before this tab moves to another review; says why it cannot when
    /// the save fails (storage full or unavailable, or a conflict with another tab waiting for
    /// a choice), so that nothing typed is ever dropped by opening something else.
    pub fn before_leaving(self) -> Result<(), String> {
        if self.conflict.with_untracked(Option::is_some) {
            return Err("This review was changed in another tab: first choose which version to keep (in the notice above), then open another review.".into());
        }
        self.flush();
        if self.has_unsaved_changes() {
            return Err("Your latest changes to this review are not saved (see the notice above), so another review was not opened: that would lose them. Download this review first (Download Markdown or JSON), or make room, then try again.".into());
        }
        Ok(())
    }

    /// Opens another draft in this tab (call [`Autosave::before_leaving`] first).
    pub fn open(self, opened: Opened) {
        self.flush();
        let Opened {
            record,
            migrated_from,
            read_only,
        } = opened;
        self.saver.update_value(|s| {
            s.id = record.id.clone();
            s.revision = record.revision;
            s.created_at = record.created_at.clone();
            s.read_only = read_only;
            s.encoder = DraftEncoder::new();
            s.history = HistoryState::Unread;
            s.last_json = String::new();
            s.dirty = false;
            s.replacing = true;
            if let Some(drafts) = s.drafts.as_mut() {
                let _ = drafts.set_current(&record.id);
            }
        });
        self.conflict.set(None);
        self.alert
            .set(read_only.then(|| READ_ONLY_MESSAGE.to_string()));
        self.state.read_only.set(read_only);
        self.state
            .replace(&record.review, record.view.show_spoilers);
        self.status.set(if read_only {
            SaveStatus::ReadOnly
        } else if self.storage_available() {
            SaveStatus::Saved
        } else {
            SaveStatus::Unavailable
        });
        if migrated_from.is_some() {
            self.save_soon();
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
        self.saver.update_value(|s| {
            s.replacing = false;
            if !s.read_only {
                s.dirty = true;
            }
        });
        if self.storage_available() {
            self.status.set(SaveStatus::Saving);
            self.schedule(SAVE_DELAY);
        }
    }

    /// Every kept version of the open draft, newest first, read fresh from storage (another
    /// tab may have added some).
    pub fn versions(self) -> Vec<Version> {
        self.saver.with_value(|s| {
            s.drafts
                .as_ref()
                .and_then(|d| d.raw(&history_key(&s.id)).ok().flatten())
                .and_then(|raw| History::parse(&raw))
                .map(|h| h.versions())
                .unwrap_or_default()
        })
    }

    /// Saves what is unsaved and keeps the open draft as it is now as a snapshot, due or not.
    pub fn snapshot_now(self) {
        self.flush();
        self.saver.update_value(|s| {
            // Re-read, in case another tab added snapshots since.
            s.history = HistoryState::Unread;
            if s.last_json.is_empty() {
                let now = clock::now_iso();
                s.last_json = self.encode(s, s.revision, &now);
            }
            let now = clock::now_iso();
            self.snapshot_if_due(s, &now, true);
        });
    }

    /// Forgets every snapshot but the newest (to make room); returns how many went.
    pub fn delete_older_versions(self) -> usize {
        self.saver
            .try_update_value(|s| {
                let drafts = s.drafts.as_mut()?;
                let key = history_key(&s.id);
                let mut history = History::parse(&drafts.raw(&key).ok()??)?;
                let gone = history.older.len();
                history.older.clear();
                drafts.store_mut().set(&key, &history.to_json()).ok()?;
                s.history = HistoryState::Unread;
                Some(gone)
            })
            .flatten()
            .unwrap_or(0)
    }

    /// Brings back a kept version: the review as it is now becomes a snapshot first, so the
    /// restore can itself be taken back from the history.
    pub fn restore_version(self, text: &str) -> Result<(), String> {
        let record = read_record("history", text)
            .map_err(|e| format!("This version cannot be restored: {e}"))?
            .record;
        // The text as it is now must be kept first: that needs it saved.
        self.before_leaving()?;
        self.snapshot_now();
        self.state
            .replace(&record.review, record.view.show_spoilers);
        self.save_soon();
        Ok(())
    }

    /// Marks the draft opened at start as read-only (a newer version of Verdict wrote it).
    pub fn open_read_only_at_start(self) {
        self.saver.update_value(|s| s.read_only = true);
        self.state.read_only.set(true);
        self.status.set(SaveStatus::ReadOnly);
    }
}
