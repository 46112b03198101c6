//! Draft records: each review is its own record, with a schema version and a revision number
//! from day one, so that later versions can migrate old data and notice edits from other tabs.

use serde::Deserialize;

use crate::formats::draft::{
    parse_record, read_record, DraftRecord, Opened, RecordError, SCHEMA_VERSION,
};

use super::{KeyValueStore, StoreError};

/// Prefix of every key Verdict owns.
pub const KEY_PREFIX: &str = "verdict:";

/// The key holding the id of the draft opened last.
pub const CURRENT_KEY: &str = "verdict:current";

/// The longest draft id stored (the ids Verdict makes are about 17 characters).
pub const MAX_DRAFT_ID_LEN: usize = 64;

/// Whether `id` may name a stored draft: 1 to [`MAX_DRAFT_ID_LEN`] ASCII letters, digits, `-`
/// and `_`. An id becomes part of storage keys and file names, and it may come from a file (a
/// backup), so anything else gets a fresh id instead.
pub fn is_safe_draft_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_DRAFT_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The key of the draft with this id.
pub fn draft_key(id: &str) -> String {
    format!("{KEY_PREFIX}draft:{id}")
}

/// Why a stored draft could not be opened. Its record is left untouched in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Storage failed.
    Store(StoreError),
    /// The record cannot be read, or only by a newer version of Verdict.
    Record(RecordError),
}

impl From<RecordError> for LoadError {
    fn from(error: RecordError) -> LoadError {
        LoadError::Record(error)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Store(e) => e.fmt(f),
            LoadError::Record(e) => e.fmt(f),
        }
    }
}

/// Reads and writes draft records over a [`KeyValueStore`].
pub struct Drafts<S: KeyValueStore> {
    store: S,
}

impl<S: KeyValueStore> Drafts<S> {
    /// Drafts kept in `store`.
    pub fn new(store: S) -> Drafts<S> {
        Drafts { store }
    }

    /// Gives back the underlying store.
    pub fn into_store(self) -> S {
        self.store
    }

    /// The underlying store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The id of the draft opened last, if any.
    pub fn current_id(&self) -> Result<Option<String>, StoreError> {
        self.store.get(CURRENT_KEY)
    }

    /// Remembers `id` as the draft to open next time.
    pub fn set_current(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.set(CURRENT_KEY, id)
    }

    /// The underlying store, for writing.
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Reads the draft with this id; `Ok(None)` if there is none. Records of an older schema
    /// come back migrated (the stored copy is untouched until the next save replaces it);
    /// records of a newer one are refused (see [`Drafts::open`] to show them read-only).
    pub fn load(&self, id: &str) -> Result<Option<DraftRecord>, LoadError> {
        match self.open(id)? {
            Some(opened) if !opened.read_only => Ok(Some(opened.record)),
            Some(opened) => Err(LoadError::Record(RecordError::Newer {
                key: draft_key(id),
                schema: opened.record.schema,
            })),
            None => Ok(None),
        }
    }

    /// Reads the draft with this id for the editor: migrated from an older schema, or marked
    /// read-only when a newer version of Verdict wrote it.
    pub fn open(&self, id: &str) -> Result<Option<Opened>, LoadError> {
        let key = draft_key(id);
        let Some(raw) = self.store.get(&key).map_err(LoadError::Store)? else {
            return Ok(None);
        };
        // The key is the record's identity: a record whose `id` says otherwise (edited by
        // hand, or copied under another key) is opened, and saved again, under its key.
        let mut opened = read_record(&key, &raw)?;
        opened.record.id = id.to_string();
        Ok(Some(opened))
    }

    /// Saves `record` with its revision advanced by one; the stored copy is replaced whole or,
    /// on failure, left as it was. Returns the revision written.
    pub fn save(&mut self, record: &mut DraftRecord) -> Result<u64, StoreError> {
        let mut next = record.clone();
        next.schema = SCHEMA_VERSION;
        next.revision += 1;
        let json = serde_json::to_string(&next).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store.set(&draft_key(&record.id), &json)?;
        record.schema = SCHEMA_VERSION;
        record.revision = next.revision;
        Ok(record.revision)
    }

    /// Stores an already encoded record (see [`super::encoder::DraftEncoder`]) for draft `id`;
    /// as with [`Drafts::save`], it replaces the stored copy whole or not at all.
    pub fn save_encoded(&mut self, id: &str, json: &str) -> Result<(), StoreError> {
        self.store.set(&draft_key(id), json)
    }

    /// The raw text stored under `key`, for downloading a record that cannot be read.
    pub fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(key)
    }

    /// The revision of the record stored under `key`, if any. Only the record's first bytes
    /// are read where the revision is found there (as in every record this version writes):
    /// autosave asks before each write, and copying a long draft out of the browser for it
    /// would cost a keystroke's worth of time.
    pub fn stored_revision(&self, key: &str) -> Result<Option<u64>, StoreError> {
        // HEAD_LEN characters hold at least HEAD_LEN bytes.
        let Some(head) = self.store.head(key, HEAD_LEN)? else {
            return Ok(None);
        };
        if let Some(revision) = revision_in_head(&head) {
            return Ok(Some(revision));
        }
        Ok(self.store.get(key)?.as_deref().and_then(stored_revision))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::draft::ViewState;
    use crate::review::Review;
    use crate::storage::memory::MemoryStore;

    fn record(id: &str) -> DraftRecord {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "Some text".into();
        DraftRecord {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            saved_at: "2026-11-25T10:00:00Z".into(),
            created_at: "2026-11-20T09:00:00Z".into(),
            review,
            view: ViewState {
                show_spoilers: true,
            },
        }
    }

    #[test]
    fn a_schema_1_record_is_migrated_and_the_original_kept_until_saved() {
        let v1 = r#"{"schema":1,"id":"old","revision":7,"saved_at":"2026-10-01T08:00:00Z","review":{"metadata":{"title":"Gilead"},"post_title":"","sections":[{"id":1,"heading":"Synopsis","body":"Letters.","spoiler":false}],"rating":null},"view":{"show_spoilers":false}}"#;
        let mut store = MemoryStore::new();
        store.set(&draft_key("old"), v1).unwrap();
        let mut drafts = Drafts::new(store);
        let opened = drafts.open("old").unwrap().unwrap();
        assert_eq!(opened.migrated_from, Some(1));
        assert!(!opened.read_only);
        let mut record = opened.record;
        assert_eq!(record.schema, SCHEMA_VERSION);
        assert_eq!(record.created_at, "2026-10-01T08:00:00Z");
        assert_eq!(record.review.metadata.title, "Gilead");
        assert_eq!(record.revision, 7);
        // Reading changed nothing stored; the first save replaces the original whole.
        assert_eq!(drafts.raw(&draft_key("old")).unwrap().as_deref(), Some(v1));
        drafts.save(&mut record).unwrap();
        let stored = drafts.raw(&draft_key("old")).unwrap().unwrap();
        assert!(stored.starts_with(r#"{"schema":3,"#), "{stored}");
        assert_eq!(drafts.load("old").unwrap().unwrap(), record);
    }

    #[test]
    fn a_newer_record_opens_read_only_and_an_unreadable_newer_one_is_refused() {
        let v9 = r#"{"schema":9,"id":"n","revision":3,"saved_at":"t","created_at":"t","review":{"metadata":{"title":"Future"},"sections":[],"mood":"new field"},"view":{},"extra":[1,2]}"#;
        let mut store = MemoryStore::new();
        store.set(&draft_key("n"), v9).unwrap();
        store
            .set(&draft_key("m"), r#"{"schema":9,"layout":"unknown"}"#)
            .unwrap();
        let drafts = Drafts::new(store);
        let opened = drafts.open("n").unwrap().unwrap();
        assert!(opened.read_only);
        assert_eq!(opened.record.review.metadata.title, "Future");
        assert!(matches!(
            drafts.load("n"),
            Err(LoadError::Record(RecordError::Newer { schema: 9, .. }))
        ));
        assert!(matches!(
            drafts.open("m"),
            Err(LoadError::Record(RecordError::Newer { schema: 9, .. }))
        ));
    }

    #[test]
    fn saves_and_loads_exactly() {
        let mut drafts = Drafts::new(MemoryStore::new());
        let mut draft = record("a");
        assert_eq!(drafts.save(&mut draft).unwrap(), 1);
        assert_eq!(drafts.save(&mut draft).unwrap(), 2);
        drafts.set_current("a").unwrap();
        assert_eq!(drafts.current_id().unwrap().as_deref(), Some("a"));
        assert_eq!(drafts.load("a").unwrap().unwrap(), draft);
        assert_eq!(drafts.load("missing").unwrap(), None);
    }

    #[test]
    fn a_failed_save_keeps_the_previous_copy_and_revision() {
        let mut draft = record("a");
        let size = serde_json::to_string(&draft).unwrap().len() + draft_key("a").len();
        let mut drafts = Drafts::new(MemoryStore::with_quota(size + 50));
        drafts.save(&mut draft).unwrap();
        let saved = drafts.load("a").unwrap().unwrap();
        draft.review.sections[0].body = "x".repeat(10_000);
        assert_eq!(drafts.save(&mut draft), Err(StoreError::Full));
        assert_eq!(
            draft.revision, 1,
            "a failed save does not advance the revision"
        );
        assert_eq!(drafts.load("a").unwrap().unwrap(), saved);
    }

    #[test]
    fn corrupt_and_newer_records_are_refused_not_repaired() {
        let mut store = MemoryStore::new();
        store.set(&draft_key("bad"), "{not json").unwrap();
        store
            .set(&draft_key("new"), r#"{"schema":99,"anything":1}"#)
            .unwrap();
        let drafts = Drafts::new(store);
        assert!(matches!(
            drafts.load("bad"),
            Err(LoadError::Record(RecordError::Corrupt { .. }))
        ));
        assert!(matches!(
            drafts.load("new"),
            Err(LoadError::Record(RecordError::Newer { schema: 99, .. }))
        ));
        assert_eq!(
            drafts.raw(&draft_key("bad")).unwrap().as_deref(),
            Some("{not json")
        );
        let message = drafts.load("bad").unwrap_err().to_string();
        assert!(message.contains("kept untouched"), "{message}");
    }
}

/// What to do when another tab changed the open draft's record.
#[derive(Clone, Debug, PartialEq)]
pub enum ExternalChange {
    /// Nothing to do: not newer than what this tab knows, removed, or unreadable (a record this
    /// tab cannot read is never taken over its own copy).
    Ignore,
    /// Only the other tab changed it: take its version.
    Take(Box<DraftRecord>),
    /// Both changed it: the person chooses which to keep (or both).
    Conflict(Box<DraftRecord>),
}

/// Decides about a new value of this draft's record written by another tab. `known_revision`
/// is the revision this tab last wrote or read; `unsaved` whether it has changes not stored.
pub fn external_change(
    key: &str,
    new_value: Option<&str>,
    known_revision: u64,
    unsaved: bool,
) -> ExternalChange {
    let Some(raw) = new_value else {
        return ExternalChange::Ignore;
    };
    let Ok(record) = parse_record(key, raw) else {
        return ExternalChange::Ignore;
    };
    if record.revision <= known_revision {
        ExternalChange::Ignore
    } else if unsaved {
        ExternalChange::Conflict(Box::new(record))
    } else {
        ExternalChange::Take(Box::new(record))
    }
}

/// How much of a stored record [`revision_in_head`] reads.
pub const HEAD_LEN: usize = 256;

/// The revision in the first [`HEAD_LEN`] bytes of a stored record, where records are written
/// with it (after the schema and the short id); `None` when it is not there.
pub fn revision_in_head(raw: &str) -> Option<u64> {
    const FIELD: &str = "\"revision\":";
    // Cut back to a character boundary (a title in, say, Japanese may straddle the end).
    let mut end = raw.len().min(HEAD_LEN);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = &raw[..end];
    let at = head.find(FIELD)?;
    let digits: String = head[at + FIELD.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The revision of a stored record, read without decoding the review: records are written
/// with `revision` near the start, so a short scan finds it (a full parse is the fallback).
pub fn stored_revision(raw: &str) -> Option<u64> {
    if let Some(revision) = revision_in_head(raw) {
        return Some(revision);
    }
    #[derive(Deserialize)]
    struct Header {
        revision: u64,
    }
    serde_json::from_str::<Header>(raw).ok().map(|h| h.revision)
}

#[cfg(test)]
mod external_tests {
    use super::*;
    use crate::formats::draft::ViewState;
    use crate::review::Review;
    use crate::storage::memory::MemoryStore;

    fn raw(revision: u64, text: &str) -> String {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = text.into();
        serde_json::to_string(&DraftRecord {
            schema: SCHEMA_VERSION,
            id: "a".into(),
            revision,
            saved_at: "t".into(),
            created_at: "t".into(),
            review,
            view: ViewState::default(),
        })
        .unwrap()
    }

    #[test]
    fn newer_records_are_taken_or_put_to_the_person() {
        let newer = raw(5, "theirs");
        assert!(
            matches!(external_change("k", Some(&newer), 4, false), ExternalChange::Take(r) if r.review.sections[0].body == "theirs")
        );
        assert!(matches!(
            external_change("k", Some(&newer), 4, true),
            ExternalChange::Conflict(_)
        ));
        assert_eq!(
            external_change("k", Some(&newer), 5, true),
            ExternalChange::Ignore
        );
        assert_eq!(
            external_change("k", Some("{broken"), 1, false),
            ExternalChange::Ignore
        );
        assert_eq!(external_change("k", None, 1, false), ExternalChange::Ignore);
        assert_eq!(stored_revision(&newer), Some(5));
        // A multi-byte character across byte 256 is no problem.
        let padded = format!(
            "{{\"schema\":2,\"id\":\"a\",\"revision\":9,\"x\":\"{}\"}}",
            "日".repeat(200)
        );
        for cut in 0..4 {
            let text = format!("{}{padded}", " ".repeat(cut));
            assert_eq!(stored_revision(&text), Some(9));
        }
        assert_eq!(stored_revision("nope"), None);
    }

    #[test]
    fn the_stored_revision_is_read_from_the_head_or_the_whole_record() {
        let mut drafts = Drafts::new(MemoryStore::new());
        assert_eq!(drafts.stored_revision(&draft_key("a")).unwrap(), None);
        drafts
            .save_encoded("a", &raw(7, &"long text ".repeat(10_000)))
            .unwrap();
        assert_eq!(drafts.stored_revision(&draft_key("a")).unwrap(), Some(7));
        // A record whose revision comes late (written by hand, or by an older layout) is
        // still read, in full.
        let late = format!(
            "{{\"x\":\"{}\",\"schema\":3,\"id\":\"b\",\"revision\":12}}",
            "é".repeat(300)
        );
        drafts.save_encoded("b", &late).unwrap();
        assert_eq!(drafts.stored_revision(&draft_key("b")).unwrap(), Some(12));
        drafts.save_encoded("c", "{broken").unwrap();
        assert_eq!(drafts.stored_revision(&draft_key("c")).unwrap(), None);
    }
}
