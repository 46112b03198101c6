//! The session's history policy: a snapshot at the first save and then every few minutes of
//! editing (a bonus that never costs the draft anything), "Keep this version" on demand, and
//! what becomes of a damaged stored history (set aside, never lost, never claimed as kept).

use super::super::drafts::KEY_PREFIX;
use super::super::history::{history_key, History, Version, HISTORY_BUDGET};
use super::super::KeyValueStore;
use super::{Clock, DraftSource, HistoryState, Session};
use crate::formats::draft::{read_record, DraftRecord};

/// How "Keep this version" went.
#[derive(Debug, PartialEq, Eq)]
pub enum Kept {
    /// Kept as the newest version.
    Kept,
    /// The newest version kept already holds exactly this.
    AlreadyKept,
    /// Kept, in a new history: the old one could not be read and is kept aside, untouched,
    /// under this key.
    NewHistory {
        /// Where the damaged history now is.
        aside: String,
    },
}

/// The key a damaged history of draft `id` is kept aside under, at `ms`.
pub fn damaged_history_key(id: &str, ms: f64) -> String {
    format!("{KEY_PREFIX}damaged-history:{id}:{}", ms.max(0.0) as u64)
}

impl<S: KeyValueStore, C: Clock> Session<S, C> {
    fn read_history(&mut self) {
        let Some(drafts) = self.drafts.as_ref() else {
            return;
        };
        if matches!(self.history, HistoryState::Unread) {
            self.history = match drafts.raw(&history_key(&self.id)) {
                Ok(None) => HistoryState::Ready(History::new(&self.id)),
                Ok(Some(raw)) => History::parse(&raw)
                    .map(HistoryState::Ready)
                    .unwrap_or(HistoryState::Damaged),
                Err(_) => HistoryState::Damaged,
            };
        }
    }

    /// Adds the record just saved to the history when a snapshot is due (every few minutes of
    /// editing). History is a bonus: when storage is too full for it, or the stored history is
    /// damaged, nothing else changes. Returns whether a snapshot was stored.
    pub fn snapshot_if_due(&mut self) -> bool {
        self.read_history();
        let now_ms = self.clock.now_ms();
        let now = self.clock.now_iso();
        let words = self.encoder.words();
        let (Some(drafts), HistoryState::Ready(history)) =
            (self.drafts.as_mut(), &mut self.history)
        else {
            return false;
        };
        if !history.is_due(now_ms) || self.last_json.is_empty() {
            return false;
        }
        history.record(&self.last_json, &now, now_ms, words, HISTORY_BUDGET)
            && drafts
                .store_mut()
                .set(&history_key(&self.id), &history.to_json())
                .is_ok()
    }

    /// Keeps the open draft as it is now as a version, due or not ("Keep this version"; flush
    /// first). A damaged stored history is kept aside, untouched, and a new one started; when
    /// that or the write cannot be done, the error says so and nothing is claimed.
    pub fn keep_version(&mut self, source: &impl DraftSource) -> Result<Kept, String> {
        let Some(drafts) = self.drafts.as_mut() else {
            return Err(
                "Versions cannot be kept: this browser is not letting Verdict keep anything."
                    .into(),
            );
        };
        let key = history_key(&self.id);
        // Read again, in case another tab added versions since.
        let raw = drafts.raw(&key).map_err(|e| e.to_string())?;
        let now_ms = self.clock.now_ms();
        let mut aside = None;
        let mut history = match raw {
            None => History::new(&self.id),
            Some(raw) => match History::parse(&raw) {
                Some(history) => history,
                None => {
                    let aside_key = damaged_history_key(&self.id, now_ms);
                    drafts.store_mut().set(&aside_key, &raw).map_err(|e| {
                        format!("This version was not kept: the versions kept before could not be read, and they could not be set aside to start a new history ({e}). They are left untouched.")
                    })?;
                    aside = Some(aside_key);
                    History::new(&self.id)
                }
            },
        };
        if self.last_json.is_empty() {
            let now = self.clock.now_iso();
            self.last_json = self.encode(source, self.revision, &now);
        }
        let now = self.clock.now_iso();
        let words = self.encoder.words();
        let drafts = self.drafts.as_mut().expect("checked above");
        let added = history.record(&self.last_json, &now, now_ms, words, HISTORY_BUDGET);
        if !added
            && history
                .latest
                .as_ref()
                .is_some_and(|l| l.text == self.last_json)
        {
            self.history = HistoryState::Ready(history);
            return Ok(Kept::AlreadyKept);
        }
        if !added {
            return Err("This version was not kept: the review is longer than the room History has for one draft.".into());
        }
        drafts
            .store_mut()
            .set(&key, &history.to_json())
            .map_err(|e| format!("This version was not kept. {e}"))?;
        self.history = HistoryState::Ready(history);
        Ok(match aside {
            Some(aside) => Kept::NewHistory { aside },
            None => Kept::Kept,
        })
    }

    /// Every kept version of the open draft, newest first, read fresh from storage (another
    /// tab may have added some).
    pub fn versions(&self) -> Vec<Version> {
        self.drafts
            .as_ref()
            .and_then(|d| d.raw(&history_key(&self.id)).ok().flatten())
            .and_then(|raw| History::parse(&raw))
            .map(|h| h.versions())
            .unwrap_or_default()
    }

    /// Forgets every version but the newest (to make room); returns how many went.
    pub fn delete_older_versions(&mut self) -> usize {
        let Some(drafts) = self.drafts.as_mut() else {
            return 0;
        };
        let key = history_key(&self.id);
        let Some(mut history) = drafts
            .raw(&key)
            .ok()
            .flatten()
            .and_then(|r| History::parse(&r))
        else {
            return 0;
        };
        let gone = history.older.len();
        history.older.clear();
        if drafts.store_mut().set(&key, &history.to_json()).is_err() {
            return 0;
        }
        self.history = HistoryState::Unread;
        gone
    }
}

/// The record inside a kept version, for restoring it.
pub fn version_record(text: &str) -> Result<DraftRecord, String> {
    read_record("history", text)
        .map(|opened| opened.record)
        .map_err(|e| format!("This version cannot be restored: {e}"))
}
