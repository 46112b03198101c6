//! The draft record: one review as Verdict keeps it, with a schema version and a revision
//! number, and the reader that migrates an older layout and marks a newer one read-only. Storage
//! writes and reads these records; `Open file` reads one (a record downloaded from History or
//! from the records that cannot be read), which is why the format lives below both.

use serde::{Deserialize, Serialize};

use crate::review::Review;

/// The record layout this version writes. Version 1 (the first release) had no `created_at`
/// and no summary record beside the draft; version 2 had no templates, custom fields, cover or
/// ignored words. [`read_record`] migrates both. Version 3 exists so that an older Verdict (a
/// tab left open across an update) opens a record with those fields read-only instead of
/// reading it without them and saving it back.
pub const SCHEMA_VERSION: u32 = 3;

/// How the preview was left, restored with the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The preview's `Show spoilers` toggle.
    pub show_spoilers: bool,
}

/// One stored draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The layout version of this record.
    pub schema: u32,
    /// The draft's id (also in its key).
    pub id: String,
    /// Incremented on every save, so that a reader can tell a newer copy from an older one.
    pub revision: u64,
    /// When it was saved (ISO 8601, as the browser's clock says).
    pub saved_at: String,
    /// When the draft was first made (ISO 8601); records of schema 1 take their `saved_at`.
    #[serde(default)]
    pub created_at: String,
    /// The review itself.
    pub review: Review,
    /// How the preview was left.
    #[serde(default)]
    pub view: ViewState,
}

impl DraftRecord {
    /// A new draft `id` holding `review`, made and saved `now` (not stored yet).
    pub fn fresh(id: String, now: &str, review: Review) -> DraftRecord {
        DraftRecord {
            schema: SCHEMA_VERSION,
            id,
            revision: 0,
            saved_at: now.to_string(),
            created_at: now.to_string(),
            review,
            view: ViewState::default(),
        }
    }
}

/// Why a stored record could not be read. The record is left untouched in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The record is not a draft this version can read (corrupt JSON, wrong shape).
    Corrupt {
        /// The record's key.
        key: String,
        /// What the parser said.
        why: String,
    },
    /// The record was written by a newer version of Verdict and cannot even be shown.
    Newer {
        /// The record's key.
        key: String,
        /// Its schema version.
        schema: u32,
    },
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Corrupt { key, why } => write!(
                f,
                "A saved review could not be read ({why}). It is kept untouched under \u{201c}{key}\u{201d} in this browser's storage, and a new review was started."
            ),
            RecordError::Newer { key, schema } => write!(
                f,
                "The saved review under \u{201c}{key}\u{201d} was written by a newer version of Verdict (format {schema}) and cannot be shown here; it is left untouched, and a new review was started."
            ),
        }
    }
}

/// A record as read for the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The draft, in this version's layout.
    pub record: DraftRecord,
    /// The schema it was stored with, when that was older (it has been migrated in memory).
    pub migrated_from: Option<u32>,
    /// Written by a newer version of Verdict: shown, never saved over.
    pub read_only: bool,
}

/// Parses a stored record, migrating an older layout and refusing (never repairing) what this
/// version cannot read, including any newer layout.
pub fn parse_record(key: &str, raw: &str) -> Result<DraftRecord, RecordError> {
    let opened = read_record(key, raw)?;
    if opened.read_only {
        return Err(RecordError::Newer {
            key: key.to_string(),
            schema: opened.record.schema,
        });
    }
    Ok(opened.record)
}

/// Reads a stored record of any schema. An older one is migrated step by step; a newer one is
/// read leniently (fields this version does not know are ignored) and marked read-only, so that
/// it can be shown and downloaded but never saved over; one that cannot be read at all is an
/// error that names its key.
pub fn read_record(key: &str, raw: &str) -> Result<Opened, RecordError> {
    #[derive(Deserialize)]
    struct Header {
        schema: u32,
    }
    let corrupt = |e: serde_json::Error| RecordError::Corrupt {
        key: key.to_string(),
        why: e.to_string(),
    };
    let header: Header = serde_json::from_str(raw).map_err(corrupt)?;
    let mut record: DraftRecord = match serde_json::from_str(raw) {
        Ok(record) => record,
        Err(_) if header.schema > SCHEMA_VERSION => {
            return Err(RecordError::Newer {
                key: key.to_string(),
                schema: header.schema,
            })
        }
        Err(e) => return Err(corrupt(e)),
    };
    if header.schema > SCHEMA_VERSION {
        return Ok(Opened {
            record,
            migrated_from: None,
            read_only: true,
        });
    }
    let migrated_from = (header.schema < SCHEMA_VERSION).then_some(header.schema);
    if header.schema < 2 {
        // 1 → 2: the draft learns when it was made; the first save also writes its summary.
        if record.created_at.is_empty() {
            record.created_at = record.saved_at.clone();
        }
        record.schema = 2;
    }
    // 2 → 3: only new fields, each with a default that means "as before".
    record.schema = SCHEMA_VERSION;
    Ok(Opened {
        record,
        migrated_from,
        read_only: false,
    })
}
