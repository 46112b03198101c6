//! Opening a draft at start-up: the one named by `verdict:current`, else the most recent
//! readable one, else a new review; and telling the person about every stored draft that
//! could not be read (each is left untouched, and the first is offered as a download).

use crate::review::Review;

use super::super::drafts::{draft_key, Drafts, LoadError};
use super::super::{KeyValueStore, StoreError};
use super::{Clock, Session, READ_ONLY_MESSAGE};
use crate::formats::draft::Opened;

/// What start-up found, and the session that keeps it.
pub struct Started<S: KeyValueStore, C: Clock> {
    /// The session, for the draft opened.
    pub session: Session<S, C>,
    /// The review to show.
    pub review: Review,
    /// The preview's `Show spoilers` as it was left.
    pub show_spoilers: bool,
    /// Written by a newer version of Verdict: shown, never saved over.
    pub read_only: bool,
    /// Stored in an older layout: to be saved in the new one at once.
    pub migrated: bool,
    /// What to tell the person at once.
    pub alert: Option<String>,
    /// A record that could not be read: its key and raw text, offered as a download.
    pub unreadable: Option<(String, String)>,
}

/// How many other stored drafts could not be read, in words (`None` for none).
fn others_unreadable(count: usize, opened_instead: bool) -> Option<String> {
    let what = match count {
        0 => return None,
        1 => "A saved review could not be read".to_string(),
        n => format!("{n} saved reviews could not be read"),
    };
    let then = if opened_instead {
        "your most recent other review is open"
    } else {
        "a new review was started"
    };
    Some(format!(
        "{what}. Each is kept untouched in this browser's storage (Reviews lists it under \u{201c}Records that cannot be read\u{201d}), and {then}."
    ))
}

/// Opens `store` and the draft to work on: the one opened last (`verdict:current`); when that
/// names no stored draft (missing, or never written because storage was full), the most
/// recent readable draft; else a new review `new_id` made `today`. A record that cannot be read
/// is never written over, and start-up says when any could not be read.
pub fn start<S: KeyValueStore, C: Clock>(
    store: Result<S, StoreError>,
    clock: C,
    new_id: String,
    today: &str,
) -> Started<S, C> {
    let created_at = clock.now_iso();
    let fresh = |drafts, clock, id, alert| Started {
        session: Session::new(drafts, clock, id, 0, created_at.clone()),
        review: Review::new_book(today),
        show_spoilers: false,
        read_only: false,
        migrated: false,
        alert,
        unreadable: None,
    };
    let mut drafts = match store {
        Ok(store) => Drafts::new(store),
        Err(e) => return fresh(None, clock, new_id, Some(e.to_string())),
    };
    let current = match drafts.current_id() {
        Ok(id) => id,
        Err(e) => return fresh(None, clock, new_id, Some(e.to_string())),
    };
    let mut unreadable = Vec::new();
    let mut opened = None;
    let mut alert = None;
    match current.as_deref().map(|id| drafts.open(id)) {
        Some(Ok(Some(found))) => opened = Some(found),
        Some(Err(LoadError::Store(e))) => {
            return fresh(None, clock, new_id, Some(e.to_string()));
        }
        Some(Err(error)) => {
            // The draft opened last cannot be read: it stays as it is, a new review starts
            // (under a new id), and the record is offered as a download.
            let key = draft_key(current.as_deref().unwrap_or_default());
            alert = Some(error.to_string());
            unreadable.push(key);
        }
        Some(Ok(None)) | None => {
            // No pointer, or it names nothing stored: the most recent draft that opens.
            for summary in drafts.library().map(|l| l.drafts).unwrap_or_default() {
                match drafts.open(&summary.id) {
                    Ok(Some(found)) => {
                        opened = Some(found);
                        break;
                    }
                    Ok(None) | Err(LoadError::Store(_)) => {}
                    Err(_) => unreadable.push(draft_key(&summary.id)),
                }
            }
        }
    }
    // Every other record that cannot be read, so that none goes unmentioned.
    let library = drafts.library().unwrap_or_default();
    for u in &library.unreadable {
        if !unreadable.contains(&u.key) {
            unreadable.push(u.key.clone());
        }
    }
    // The record opened last, when unreadable, is named by its own message.
    let others = unreadable.len() - usize::from(alert.is_some());
    let mut started = match opened {
        Some(Opened {
            record,
            migrated_from,
            read_only,
        }) => {
            let mut session = Session::new(
                None,
                clock,
                record.id.clone(),
                record.revision,
                record.created_at.clone(),
            );
            if read_only {
                session.open_read_only_at_start();
            }
            let others = others_unreadable(others, true);
            Started {
                session,
                review: record.review,
                show_spoilers: record.view.show_spoilers,
                read_only,
                migrated: migrated_from.is_some(),
                alert: join(read_only.then(|| READ_ONLY_MESSAGE.to_string()), others),
                unreadable: None,
            }
        }
        // Opened last but never saved (another tab that has not typed yet): the same draft.
        None if alert.is_none() && others == 0 && current.as_deref().is_some_and(plausible_id) => {
            fresh(
                None,
                clock,
                current.clone().unwrap_or_default(),
                others_unreadable(others, false),
            )
        }
        None => {
            let alert = join(alert, others_unreadable(others, false));
            fresh(None, clock, new_id, alert)
        }
    };
    // The first unreadable record, offered as a download.
    if started.alert.is_some() {
        started.unreadable = unreadable
            .first()
            .and_then(|key| Some((key.clone(), drafts.raw(key).ok()??)));
    }
    // Point "the draft opened last" at the one open now (an unreadable record stays as it is);
    // if storage is full, the first save that succeeds writes it.
    let pointer = current.as_deref() == Some(started.session.id())
        || drafts.set_current(started.session.id()).is_ok();
    started.session.attach(drafts);
    started.session.pointer_written_at_start(pointer);
    started
}

fn join(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    }
}

/// Whether `id` could be a draft id this app made (not a damaged pointer's text).
fn plausible_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
