//! The draft session: every decision about keeping the open draft, with no DOM and no timers.
//! When a save is due, what a save writes and in what order, what happens when it fails, when
//! another tab's version is taken or put to the person (keep mine, take theirs, keep both), when
//! a history snapshot is kept, and what opening or switching drafts does. The UI
//! (`ui/autosave.rs`) owns only the signals, the timers and the browser calls: it asks the
//! session, then shows what the session says ([`Session::status`], [`Session::take_alert`],
//! [`Session::conflict`]) and sets the timer it asks for.
//!
//! Generic over the [`KeyValueStore`] and a [`Clock`], so that every branch is tested natively
//! over [`super::memory::MemoryStore`] (see `tests.rs`). Opening the draft at start-up is in
//! [`startup`].

mod history;
mod source;
pub mod startup;
#[cfg(test)]
mod tests;

pub use history::{damaged_history_key, version_record, Kept};
pub use source::{iso_from_ms, Clock, DraftSource, RecordHead, SummaryFields};

use std::time::Duration;

use super::drafts::{draft_key, external_change, Drafts, ExternalChange};
use super::encoder::DraftEncoder;
use super::history::History;
use super::library::{Summary, SUMMARY_SCHEMA};
use super::{KeyValueStore, StoreError};
use crate::formats::draft::{DraftRecord, Opened};

/// How long after the first unsaved change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long to wait before trying again after a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Why a review opened read-only.
pub const READ_ONLY_MESSAGE: &str = "This review was saved by a newer version of Verdict, so it is open read-only here: nothing you see is changed or saved over. Download it from the Menu, or open it in the newer version (reload once this copy of Verdict is updated).";

/// Why this tab stopped saving: another tab stored a record this version cannot read.
pub const NEWER_ELSEWHERE_MESSAGE: &str = "This review was saved in another tab by a newer version of Verdict, so this tab stopped saving it, to overwrite nothing. Download your review from the Menu to keep the changes made here.";

/// Why another review cannot be opened while a conflict waits for a choice.
pub const CONFLICT_BLOCKS_LEAVING: &str = "This review was changed in another tab: first choose which version to keep (in the notice above), then open another review.";

/// Why another review cannot be opened while the last save failed.
pub const UNSAVED_BLOCKS_LEAVING: &str = "Your latest changes to this review are not saved (see the notice above), so another review was not opened: that would lose them. Download this review first (Menu, Download Markdown (GitHub) or Download JSON), or make room, then try again.";

/// What the `role=status` element says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// Another tab changed the review while this one had unsaved changes: nothing is saved
    /// until the person chooses which version to keep.
    Conflict,
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
            SaveStatus::Conflict => "Not saved: choose which version to keep",
        }
    }
}

/// Where the open draft's history stands.
#[derive(Debug)]
enum HistoryState {
    /// Not read yet.
    Unread,
    /// Read (or new).
    Ready(History),
    /// The stored history is damaged: periodic snapshots leave it untouched.
    Damaged,
}

/// What a save did, for the UI to act on.
#[derive(Debug, Default, PartialEq)]
pub struct SaveOutcome {
    /// The record was written.
    pub saved: bool,
    /// Another tab's version was taken: show it.
    pub show: Option<DraftRecord>,
    /// Try again after this long (the save failed, and storage may get room).
    pub retry: Option<Duration>,
    /// A history snapshot may be due: ask for one when the browser is idle.
    pub snapshot_soon: bool,
}

/// What another tab's write means here.
#[derive(Debug, PartialEq)]
pub enum External {
    /// Nothing to do.
    Nothing,
    /// Show this record (taken from the other tab).
    Show(Box<DraftRecord>),
    /// Both tabs changed it: the person chooses (see [`Session::conflict`]).
    Conflict,
}

/// The state of the open draft's keeping: which draft, at which revision, what is unsaved,
/// and what the person is told.
pub struct Session<S: KeyValueStore, C: Clock> {
    drafts: Option<Drafts<S>>,
    clock: C,
    id: String,
    revision: u64,
    created_at: String,
    read_only: bool,
    dirty: bool,
    /// The next change notice comes from showing another version: not an edit to save.
    replacing: bool,
    encoder: DraftEncoder,
    history: HistoryState,
    /// The record written by the last save (for the next snapshot).
    last_json: String,
    conflict: Option<DraftRecord>,
    status: SaveStatus,
    alert: Option<String>,
    alert_changed: bool,
    /// Whether `verdict:current` names this draft (a write of it may have failed).
    pointer_written: bool,
}

impl<S: KeyValueStore, C: Clock> Session<S, C> {
    /// A session for draft `id` (at `revision`, made at `created_at`) kept in `drafts` (`None`:
    /// storage unavailable). `verdict:current` is taken to name it already.
    pub fn new(
        drafts: Option<Drafts<S>>,
        clock: C,
        id: String,
        revision: u64,
        created_at: String,
    ) -> Session<S, C> {
        let status = if drafts.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::Unavailable
        };
        Session {
            drafts,
            clock,
            id,
            revision,
            created_at,
            read_only: false,
            dirty: false,
            replacing: false,
            encoder: DraftEncoder::new(),
            history: HistoryState::Unread,
            last_json: String::new(),
            conflict: None,
            status,
            alert: None,
            alert_changed: false,
            pointer_written: true,
        }
    }

    /// The id of the open draft.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The revision this tab last wrote or read.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether storage can be used at all.
    pub fn storage_available(&self) -> bool {
        self.drafts.is_some()
    }

    /// Whether the open draft is read-only (a newer version of Verdict wrote it).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Whether some change is not stored (leaving now would lose it).
    pub fn has_unsaved_changes(&self) -> bool {
        self.dirty
    }

    /// What the status element says.
    pub fn status(&self) -> SaveStatus {
        self.status
    }

    /// The alert to show, when it changed since last asked: `Some(None)` clears it.
    pub fn take_alert(&mut self) -> Option<Option<String>> {
        std::mem::take(&mut self.alert_changed).then(|| self.alert.clone())
    }

    /// Another tab's version, while the person decides what to keep.
    pub fn conflict(&self) -> Option<&DraftRecord> {
        self.conflict.as_ref()
    }

    /// The drafts, for what the UI reads itself (the library).
    pub fn drafts(&self) -> Option<&Drafts<S>> {
        self.drafts.as_ref()
    }

    /// The drafts, for a test to change the store under the session.
    #[cfg(test)]
    fn drafts_mut(&mut self) -> &mut Drafts<S> {
        self.drafts.as_mut().expect("a test session has storage")
    }

    fn set_alert(&mut self, alert: Option<String>) {
        if self.alert != alert || alert.is_some() {
            self.alert = alert;
            self.alert_changed = true;
        }
    }

    /// Points `verdict:current` at the open draft, remembering whether that worked.
    fn write_pointer(&mut self) {
        if let Some(drafts) = self.drafts.as_mut() {
            self.pointer_written = drafts.set_current(&self.id).is_ok();
        }
    }

    /// Notes an edit; returns how long until a save is due, when a timer is wanted.
    pub fn changed(&mut self) -> Option<Duration> {
        if std::mem::take(&mut self.replacing) || self.read_only {
            return None;
        }
        self.dirty = true;
        self.drafts.as_ref()?;
        if self.conflict.is_some() {
            // Nothing is saved until the person chooses: say so, not "Saving…".
            self.status = SaveStatus::Conflict;
            return None;
        }
        if self.status != SaveStatus::Failed {
            self.status = SaveStatus::Saving;
        }
        Some(SAVE_DELAY)
    }

    /// Marks the open draft as changed so the next save writes it (a migrated draft, a
    /// restored version); returns the delay of the save wanted.
    pub fn save_soon(&mut self) -> Option<Duration> {
        self.replacing = false;
        if !self.read_only {
            self.dirty = true;
        }
        self.drafts.as_ref()?;
        self.status = SaveStatus::Saving;
        Some(SAVE_DELAY)
    }

    /// Saves the open draft from `source` if anything is unsaved: first checks that no other
    /// tab stored a newer revision (taking it, or putting it to the person, instead of writing),
    /// then writes the record, then its summary (and `verdict:current`, if it could not be
    /// written before).
    pub fn save(&mut self, source: &impl DraftSource) -> SaveOutcome {
        if !self.dirty || self.drafts.is_none() || self.read_only || self.conflict.is_some() {
            return SaveOutcome::default();
        }
        let key = draft_key(&self.id);
        // Another tab may have saved since this one last did (and its storage event may not
        // have arrived yet): never write over a newer revision unasked.
        let drafts = self.drafts.as_ref().expect("checked above");
        if drafts
            .stored_revision(&key)
            .ok()
            .flatten()
            .is_some_and(|r| r > self.revision)
        {
            let stored = drafts.raw(&key).ok().flatten();
            let show = match self.on_external_change(&key, stored.as_deref()) {
                External::Show(record) => Some(*record),
                External::Nothing | External::Conflict => None,
            };
            if self.dirty && self.conflict.is_none() {
                // A newer record this version cannot read: never written over.
                self.status = SaveStatus::Failed;
                self.set_alert(Some(NEWER_ELSEWHERE_MESSAGE.into()));
            }
            return SaveOutcome {
                show,
                ..SaveOutcome::default()
            };
        }
        let revision = self.revision + 1;
        let now = self.clock.now_iso();
        let json = self.encode(source, revision, &now);
        let fields = source.summary_fields();
        let summary = Summary {
            schema: SUMMARY_SCHEMA,
            id: self.id.clone(),
            title: fields.title,
            saved_at: now,
            words: self.encoder.words(),
            trashed_at: None,
            read_only: false,
            genres: fields.genres,
            tags: fields.tags,
            book: fields.book,
        };
        let drafts = self.drafts.as_mut().expect("checked above");
        match drafts.save_encoded(&self.id, &json) {
            Ok(()) => {
                // The summary beside the draft, for the `Reviews` list: small, and written
                // after the draft, so a failure here costs an out-of-date line, not text.
                let _ = drafts.write_summary(&summary);
                self.revision = revision;
                self.dirty = false;
                self.last_json = json;
                if !self.pointer_written {
                    // Storage was full when this draft was opened: point at it now, or the
                    // next start would not find it.
                    self.write_pointer();
                }
                self.status = SaveStatus::Saved;
                if self.alert.is_some() {
                    self.set_alert(None);
                }
                SaveOutcome {
                    saved: true,
                    snapshot_soon: self.snapshot_may_be_due(),
                    ..SaveOutcome::default()
                }
            }
            Err(error) => {
                self.status = SaveStatus::Failed;
                self.set_alert(Some(error.to_string()));
                // Storage may get room again (the person deletes something): keep trying.
                SaveOutcome {
                    retry: (!matches!(error, StoreError::Unavailable(_))).then_some(RETRY_DELAY),
                    ..SaveOutcome::default()
                }
            }
        }
    }

    /// Whether a snapshot may be due after a save. Most saves fall between two snapshots: no
    /// idle callback is asked for then.
    fn snapshot_may_be_due(&self) -> bool {
        match &self.history {
            HistoryState::Unread => true,
            HistoryState::Ready(history) => history.is_due(self.clock.now_ms()),
            HistoryState::Damaged => false,
        }
    }

    /// Encodes the open draft once without writing it, so the first save re-encodes only what
    /// changed.
    pub fn warm_up(&mut self, source: &impl DraftSource) {
        if self.drafts.is_some() && !self.read_only {
            let now = self.clock.now_iso();
            let _ = self.encode(source, self.revision, &now);
        }
    }

    fn encode(&mut self, source: &impl DraftSource, revision: u64, now: &str) -> String {
        let head = RecordHead {
            id: &self.id,
            revision,
            saved_at: now,
            created_at: &self.created_at,
        };
        source.encode(&mut self.encoder, &head)
    }

    /// Reacts to another tab writing `key` (a `storage` event, or a newer record found before
    /// a save): takes its version if this tab has nothing unsaved, else asks the person.
    pub fn on_external_change(&mut self, key: &str, new_value: Option<&str>) -> External {
        if key != draft_key(&self.id) {
            return External::Nothing;
        }
        match external_change(key, new_value, self.revision, self.dirty) {
            ExternalChange::Ignore => External::Nothing,
            ExternalChange::Take(record) => External::Show(Box::new(self.take(*record))),
            ExternalChange::Conflict(record) => {
                self.conflict = Some(*record);
                self.status = SaveStatus::Conflict;
                External::Conflict
            }
        }
    }

    /// Makes `record` (another tab's version) this tab's; returns it, to show.
    fn take(&mut self, mut record: DraftRecord) -> DraftRecord {
        record.id = self.id.clone();
        self.revision = record.revision;
        self.dirty = false;
        self.replacing = true;
        self.status = SaveStatus::Saved;
        record
    }

    /// Resolves a conflict by keeping this tab's version; returns whether a save is now due
    /// (at once: it is written over the other version).
    pub fn keep_mine(&mut self) -> bool {
        let Some(theirs) = self.conflict.take() else {
            return false;
        };
        self.revision = theirs.revision;
        self.dirty = true;
        self.status = SaveStatus::Saving;
        true
    }

    /// Resolves a conflict by taking the other tab's version; returns it, to show.
    pub fn take_theirs(&mut self) -> Option<DraftRecord> {
        let theirs = self.conflict.take()?;
        Some(self.take(theirs))
    }

    /// Resolves a conflict by keeping both: this tab's version becomes draft `new_id` (and the
    /// one opened next time); the other stays under its own key. Returns whether a save is now
    /// due (at once).
    pub fn keep_both(&mut self, new_id: String) -> bool {
        if self.conflict.take().is_none() {
            return false;
        }
        self.id = new_id;
        self.revision = 0;
        self.dirty = true;
        self.history = HistoryState::Unread;
        self.last_json.clear();
        self.status = SaveStatus::Saving;
        self.write_pointer();
        true
    }

    /// Whether this tab may move to another review now, before a flush: not while a conflict
    /// waits for a choice.
    pub fn may_leave(&self) -> Result<(), String> {
        if self.conflict.is_some() {
            return Err(CONFLICT_BLOCKS_LEAVING.into());
        }
        Ok(())
    }

    /// Whether this tab may move to another review after a flush: not while a change is
    /// unsaved, which leaving would lose.
    pub fn saved_before_leaving(&self) -> Result<(), String> {
        if self.dirty {
            return Err(UNSAVED_BLOCKS_LEAVING.into());
        }
        Ok(())
    }

    /// Opens another draft (save what is unsaved first): it becomes the one opened on the next
    /// start. Returns the record to show and, when it was migrated from an older layout, the
    /// delay of the save that stores it in the new one.
    pub fn open(&mut self, opened: Opened) -> (DraftRecord, Option<Duration>) {
        let Opened {
            record,
            migrated_from,
            read_only,
        } = opened;
        self.id = record.id.clone();
        self.revision = record.revision;
        self.created_at = record.created_at.clone();
        self.read_only = read_only;
        self.encoder = DraftEncoder::new();
        self.history = HistoryState::Unread;
        self.last_json.clear();
        self.dirty = false;
        self.replacing = true;
        self.write_pointer();
        self.conflict = None;
        // Whatever the alert said was about the review left: replaced, or cleared.
        self.alert = read_only.then(|| READ_ONLY_MESSAGE.to_string());
        self.alert_changed = true;
        self.status = if read_only {
            SaveStatus::ReadOnly
        } else if self.drafts.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::Unavailable
        };
        let save = if migrated_from.is_some() {
            self.save_soon()
        } else {
            None
        };
        (record, save)
    }

    /// Marks the draft opened at start as read-only (a newer version of Verdict wrote it).
    pub fn open_read_only_at_start(&mut self) {
        self.read_only = true;
        self.status = SaveStatus::ReadOnly;
    }

    /// Gives a session made without storage (at start-up, before it is known) its drafts.
    fn attach(&mut self, drafts: Drafts<S>) {
        self.drafts = Some(drafts);
        if self.status == SaveStatus::Unavailable {
            self.status = SaveStatus::Saved;
        }
    }

    /// Notes whether `verdict:current` could be pointed at the open draft at start.
    pub fn pointer_written_at_start(&mut self, written: bool) {
        self.pointer_written = written;
    }
}
