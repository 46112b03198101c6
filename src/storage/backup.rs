//! `Back up all` and `Restore from backup`: every draft, with its trash state and history, in
//! one JSON file; reading one back adds its drafts without overwriting any (a clash of ids
//! becomes a copy under a new id), and a malformed or foreign file changes nothing.

use serde::{Deserialize, Serialize};

use crate::formats::admit::admit;
use crate::formats::backup::{BACKUP_FORMAT, BACKUP_VERSION};
use crate::formats::draft::{read_record, DraftRecord};

use super::drafts::{draft_key, is_safe_draft_id, Drafts};
use super::history::{history_key, History};
use super::library::Summary;
use super::{KeyValueStore, StoreError};

/// The largest backup file read: localStorage holds far less than this anyway.
pub const MAX_BACKUP_BYTES: usize = 50 * 1024 * 1024;

/// A backup file.
#[derive(Debug, Serialize, Deserialize)]
struct BackupFile {
    format: String,
    version: u32,
    created_at: String,
    drafts: Vec<BackupDraft>,
    /// Records that could not be read when the backup was made, kept raw so nothing is lost.
    #[serde(default)]
    unreadable: Vec<RawRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BackupDraft {
    /// The draft record, as stored.
    record: serde_json::Value,
    #[serde(default)]
    trashed_at: Option<String>,
    #[serde(default)]
    history: Option<History>,
}

#[derive(Debug, Serialize, Deserialize)]
struct RawRecord {
    key: String,
    raw: String,
}

/// One draft a backup holds, read and ready to add.
#[derive(Clone, Debug, PartialEq)]
pub struct BackedUpDraft {
    /// The draft (migrated to this version's layout if it was older).
    pub record: DraftRecord,
    /// Its word count.
    pub words: usize,
    /// When it was put in the trash, if it was.
    pub trashed_at: Option<String>,
    /// Its history, if the backup carried one.
    pub history: Option<History>,
}

/// What a backup file holds, shown to the person before anything is added.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupContents {
    /// When the backup was made.
    pub created_at: String,
    /// The drafts it holds.
    pub drafts: Vec<BackedUpDraft>,
    /// Drafts in it that this version cannot read (newer or damaged), which will be skipped.
    pub skipped: Vec<String>,
    /// Drafts in it past a review's limits (the checks `Open file` makes), which will be
    /// skipped, each with why.
    pub too_large: Vec<String>,
    /// What [`admit`] took out of the drafts (control characters), one note per field, each
    /// naming its draft.
    pub changed: Vec<String>,
    /// How many of [`drafts`](Self::drafts) have an id that may not name a stored draft
    /// (see [`is_safe_draft_id`]); each is added under a fresh id.
    pub unsafe_ids: usize,
}

impl BackupContents {
    /// What the person should know before adding: what will be skipped and why, and what
    /// will be added differently from the file.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.skipped.is_empty() {
            notes.push(format!(
                "Skipped, as this version cannot read them: {}.",
                self.skipped.join("; ")
            ));
        }
        if !self.too_large.is_empty() {
            notes.push(format!(
                "Skipped, as a review cannot hold them: {}.",
                self.too_large.join("; ")
            ));
        }
        notes.extend(self.changed.iter().cloned());
        match self.unsafe_ids {
            0 => {}
            1 => notes.push("1 review has an id that cannot name a stored record; it is added under a new id, with its text kept.".into()),
            n => notes.push(format!("{n} reviews have an id that cannot name a stored record; each is added under a new id, with its text kept.")),
        }
        notes
    }
}

/// What adding a backup did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Drafts added under their own ids.
    pub added: usize,
    /// Drafts added under a new id because one with their id already existed.
    pub copies: usize,
    /// Drafts added under a new id because theirs could not name a stored record (counted in
    /// `added` too).
    pub new_ids: usize,
}

impl<S: KeyValueStore> Drafts<S> {
    /// Every draft (in the trash too) with its history, and any unreadable record raw, as
    /// one JSON document.
    pub fn backup(&self, created_at: &str) -> Result<String, StoreError> {
        let mut drafts = Vec::new();
        let mut unreadable = Vec::new();
        for key in self.store().keys()? {
            let Some(id) = key.strip_prefix(super::library::DRAFT_PREFIX) else {
                continue;
            };
            let raw = self.store().get(&key)?.unwrap_or_default();
            match serde_json::from_str::<serde_json::Value>(&raw) {
                Ok(record) => {
                    let trashed_at = self.summary(id).ok().and_then(|s| s.trashed_at);
                    let history = self
                        .store()
                        .get(&history_key(id))?
                        .and_then(|raw| History::parse(&raw));
                    drafts.push(BackupDraft {
                        record,
                        trashed_at,
                        history,
                    });
                }
                Err(_) => unreadable.push(RawRecord { key, raw }),
            }
        }
        let file = BackupFile {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            created_at: created_at.into(),
            drafts,
            unreadable,
        };
        serde_json::to_string_pretty(&file).map_err(|e| StoreError::Other(e.to_string()))
    }

    /// Adds every draft of `contents`; a draft whose id is taken gets `new_id()` instead, so
    /// nothing stored is overwritten. Stops at the first failed write (each draft is written
    /// whole or not at all) and says how far it got.
    pub fn add_backup(
        &mut self,
        contents: &BackupContents,
        mut new_id: impl FnMut() -> String,
    ) -> Result<RestoreReport, (StoreError, RestoreReport)> {
        let mut report = RestoreReport::default();
        for draft in &contents.drafts {
            let mut record = draft.record.clone();
            let mut copy = false;
            let unsafe_id = !is_safe_draft_id(&record.id);
            if unsafe_id {
                record.id = new_id();
            }
            while self
                .store()
                .get(&draft_key(&record.id))
                .map_err(|e| (e, report.clone()))?
                .is_some()
            {
                record.id = new_id();
                copy = true;
            }
            // Saved as it was (the revision goes up by one, as on any save).
            self.save(&mut record).map_err(|e| (e, report.clone()))?;
            let summary = Summary {
                trashed_at: draft.trashed_at.clone(),
                ..Summary::new(&record, draft.words)
            };
            self.write_summary(&summary)
                .map_err(|e| (e, report.clone()))?;
            if let Some(history) = &draft.history {
                let history = History {
                    id: record.id.clone(),
                    ..history.clone()
                };
                // History is a bonus: a full storage keeps the draft without it.
                let _ = self
                    .store_mut()
                    .set(&history_key(&record.id), &history.to_json());
            }
            if copy {
                report.copies += 1;
            } else {
                report.added += 1;
            }
            if unsafe_id {
                report.new_ids += 1;
            }
        }
        Ok(report)
    }
}

/// Reads a backup file, or says in words why it cannot be used. Nothing is stored here.
pub fn read_backup(bytes: &[u8]) -> Result<BackupContents, String> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(format!(
            "This file is {} MB, too large to be a Verdict backup (the limit is {} MB). Nothing was changed.",
            bytes.len() / (1024 * 1024),
            MAX_BACKUP_BYTES / (1024 * 1024)
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        "This file is not text, so it is not a Verdict backup. Nothing was changed.".to_string()
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "This file is not a Verdict backup: it is not valid JSON ({e}). Nothing was changed."
        )
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
        return Err(
            "This file is not a Verdict backup (it does not say \u{201c}verdict-backup\u{201d}). Use a file made with \u{201c}Back up all\u{201d}. Nothing was changed."
                .into(),
        );
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(BACKUP_VERSION) {
        return Err(format!(
            "This backup was made by a newer version of Verdict (format {version}). Open it there. Nothing was changed."
        ));
    }
    // Read from the text again rather than from the parsed value: one deserializer for every
    // type keeps the Wasm smaller.
    let file: BackupFile = serde_json::from_str(text)
        .map_err(|e| format!("This Verdict backup is damaged ({e}). Nothing was changed."))?;
    let mut contents = BackupContents {
        created_at: file.created_at,
        drafts: Vec::new(),
        skipped: file.unreadable.iter().map(|r| r.key.clone()).collect(),
        too_large: Vec::new(),
        changed: Vec::new(),
        unsafe_ids: 0,
    };
    for (n, draft) in file.drafts.into_iter().enumerate() {
        let raw = draft.record.to_string();
        match read_record(&format!("backup draft {}", n + 1), &raw) {
            Ok(mut opened) if !opened.read_only => {
                let review = &mut opened.record.review;
                // The checks `Open file` makes: a review past them could not be edited.
                match admit(review) {
                    Ok(notes) => {
                        let title = review.effective_post_title();
                        contents.changed.extend(
                            notes
                                .into_iter()
                                .map(|note| format!("\u{201c}{title}\u{201d}: {note}")),
                        );
                    }
                    Err(why) => {
                        contents.too_large.push(format!(
                            "\u{201c}{}\u{201d}: it {why}",
                            review.effective_post_title()
                        ));
                        continue;
                    }
                }
                let review = &opened.record.review;
                if !is_safe_draft_id(&opened.record.id) {
                    contents.unsafe_ids += 1;
                }
                contents.drafts.push(BackedUpDraft {
                    words: crate::review::words::review_words(review),
                    record: opened.record,
                    trashed_at: draft.trashed_at,
                    history: draft.history,
                })
            }
            Ok(opened) => contents.skipped.push(format!(
                "{} (made by a newer version)",
                opened.record.review.effective_post_title()
            )),
            Err(e) => contents.skipped.push(e.to_string()),
        }
    }
    Ok(contents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::draft::{ViewState, SCHEMA_VERSION};
    use crate::review::Review;
    use crate::storage::memory::MemoryStore;

    fn record(id: &str, title: &str) -> DraftRecord {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = title.into();
        review.sections[1].body = format!("About {title}: \u{201c}quoted\u{201d} 😀");
        DraftRecord {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            saved_at: "2026-11-25T10:00:00Z".into(),
            created_at: "2026-11-25T10:00:00Z".into(),
            review,
            view: ViewState::default(),
        }
    }

    fn library() -> Drafts<MemoryStore> {
        let mut drafts = Drafts::new(MemoryStore::new());
        drafts
            .save_with_summary(&mut record("a", "Gilead"))
            .unwrap();
        drafts
            .save_with_summary(&mut record("b", "Beloved"))
            .unwrap();
        drafts.trash("b", "2026-11-25T11:00:00Z").unwrap();
        let mut history = History::new("a");
        history.record("old text", "t0", 0.0, 2, usize::MAX);
        drafts
            .store_mut()
            .set(&history_key("a"), &history.to_json())
            .unwrap();
        drafts
            .store_mut()
            .set("verdict:draft:bad", "{damaged")
            .unwrap();
        drafts
    }

    #[test]
    fn a_backup_restores_into_an_empty_browser_exactly() {
        let source = library();
        let file = source.backup("2026-11-25T12:00:00Z").unwrap();
        let contents = read_backup(file.as_bytes()).unwrap();
        assert_eq!(contents.drafts.len(), 2);
        assert_eq!(contents.skipped, ["verdict:draft:bad"]);
        let mut target = Drafts::new(MemoryStore::new());
        let report = target.add_backup(&contents, || unreachable!()).unwrap();
        assert_eq!(
            report,
            RestoreReport {
                added: 2,
                copies: 0,
                new_ids: 0
            }
        );
        let library = target.library().unwrap();
        assert_eq!(library.drafts[0].title, "Review: Gilead");
        assert_eq!(library.trash[0].title, "Review: Beloved");
        for id in ["a", "b"] {
            assert_eq!(
                target.load(id).unwrap().unwrap().review,
                source.load(id).unwrap().unwrap().review
            );
        }
        let history = History::parse(&target.raw(&history_key("a")).unwrap().unwrap()).unwrap();
        assert_eq!(history.versions()[0].text, "old text");
    }

    #[test]
    fn restoring_over_existing_drafts_makes_copies_and_overwrites_nothing() {
        let mut drafts = library();
        let before_a = drafts.raw("verdict:draft:a").unwrap();
        let contents = read_backup(drafts.backup("t").unwrap().as_bytes()).unwrap();
        let mut n = 0;
        let report = drafts
            .add_backup(&contents, || {
                n += 1;
                format!("copy{n}")
            })
            .unwrap();
        assert_eq!(
            report,
            RestoreReport {
                added: 0,
                copies: 2,
                new_ids: 0
            }
        );
        assert_eq!(drafts.raw("verdict:draft:a").unwrap(), before_a);
        let copy = drafts.load("copy1").unwrap().unwrap();
        assert_eq!(copy.id, "copy1");
        assert_eq!(copy.review, drafts.load("a").unwrap().unwrap().review);
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len() + library.trash.len(), 4);
    }

    #[test]
    fn malformed_and_foreign_files_are_refused_in_words() {
        let cases: [(&[u8], &str); 6] = [
            (b"\xff\xfe\x00binary", "not text"),
            (b"{not json", "not valid JSON"),
            (b"[1,2,3]", "not a Verdict backup"),
            (
                br#"{"format":"something-else","drafts":[]}"#,
                "not a Verdict backup",
            ),
            (
                br#"{"format":"verdict-backup","version":99,"drafts":[]}"#,
                "newer version",
            ),
            (
                br#"{"format":"verdict-backup","version":1,"drafts":"no"}"#,
                "damaged",
            ),
        ];
        for (bytes, expected) in cases {
            let error = read_backup(bytes).unwrap_err();
            assert!(error.contains(expected), "{error}");
            assert!(error.contains("Nothing was changed"), "{error}");
        }
    }

    #[test]
    fn a_full_storage_stops_cleanly_and_reports_how_far_it_got() {
        let source = library();
        let contents = read_backup(source.backup("t").unwrap().as_bytes()).unwrap();
        let one = serde_json::to_string(&contents.drafts[0].record)
            .unwrap()
            .len();
        let mut target = Drafts::new(MemoryStore::with_quota(one + 600));
        let (error, report) = target.add_backup(&contents, || "x".into()).unwrap_err();
        assert_eq!(error, StoreError::Full);
        assert_eq!(report.added, 1);
        assert_eq!(target.library().unwrap().drafts.len(), 1);
    }

    #[test]
    fn a_backup_gets_the_checks_open_file_makes_and_safe_ids() {
        let mut big = record("big", "Big");
        big.review.sections[0].body = "words ".repeat(512 * 1024);
        let mut many = record("many", "Many");
        many.review.sections = (1..=1001)
            .map(|id| crate::review::Section::new(id, "S"))
            .collect();
        let long_id = "x".repeat(200_000);
        let odd_ids = ["", "../../x", "a\"b\nc", long_id.as_str()];
        let mut drafts: Vec<serde_json::Value> = [big, many]
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        for (n, id) in odd_ids.iter().enumerate() {
            drafts.push(serde_json::to_value(record(id, &format!("Odd {n}"))).unwrap());
        }
        drafts.push(serde_json::to_value(record("fine_id-2", "Fine")).unwrap());
        let file = serde_json::json!({
            "format": BACKUP_FORMAT, "version": 1, "created_at": "t",
            "drafts": drafts.into_iter().map(|record| serde_json::json!({"record": record})).collect::<Vec<_>>(),
        })
        .to_string();
        let contents = read_backup(file.as_bytes()).unwrap();
        assert_eq!(contents.drafts.len(), 5);
        assert_eq!(contents.unsafe_ids, 4);
        assert_eq!(
            contents.too_large,
            [
                "\u{201c}Review: Big\u{201d}: it holds 3.0 MB of text, more than a review can (at most 2.0 MB)",
                "\u{201c}Review: Many\u{201d}: it holds 1,001 sections, more than a review can (at most 1,000)",
            ]
        );
        let notes = contents.notes();
        assert!(notes[0].starts_with("Skipped, as a review cannot hold them: \u{201c}Review: Big"));
        assert!(notes[1].starts_with("4 reviews have an id that cannot name a stored record"));

        let mut target = Drafts::new(MemoryStore::new());
        let mut n = 0;
        let report = target
            .add_backup(&contents, || {
                n += 1;
                format!("new-{n}")
            })
            .unwrap();
        assert_eq!(
            report,
            RestoreReport {
                added: 5,
                copies: 0,
                new_ids: 4
            }
        );
        let keys = target.store().keys().unwrap();
        for key in &keys {
            let id = key.rsplit(':').next().unwrap();
            assert!(is_safe_draft_id(id) && key.len() < 100, "{key}");
        }
        let library = target.library().unwrap();
        let mut titles: Vec<&str> = library.drafts.iter().map(|s| s.title.as_str()).collect();
        titles.sort_unstable();
        assert_eq!(
            titles,
            [
                "Review: Fine",
                "Review: Odd 0",
                "Review: Odd 1",
                "Review: Odd 2",
                "Review: Odd 3"
            ]
        );
        assert!(target.load("fine_id-2").unwrap().is_some());
        // Each review is kept whole under its new id.
        let odd = target.load("new-2").unwrap().unwrap();
        assert_eq!(odd.review, record("x", "Odd 1").review);
    }

    #[test]
    fn a_restored_draft_loses_control_characters_and_waits_to_load_remote_images() {
        let mut hostile = record("h", "Gil\u{0}ead\u{202e}");
        hostile.review.metadata.cover_image = "https://tracker.example/cover.png?reader=you".into();
        hostile.review.sections[0].body =
            "||![](https://tracker.example/pixel.gif?opened=1)|| \u{8}".into();
        // A backup cannot clear the record by saying none came from outside.
        hostile.review.metadata.images_from_outside = vec!["https://x.example/a.png".into()];
        let file = serde_json::json!({
            "format": BACKUP_FORMAT, "version": 1, "created_at": "t",
            "drafts": [{"record": serde_json::to_value(&hostile).unwrap()}],
        })
        .to_string();
        let contents = read_backup(file.as_bytes()).unwrap();
        let review = &contents.drafts[0].record.review;
        assert_eq!(review.metadata.title, "Gilead");
        assert_eq!(
            review.sections[0].body,
            "||![](https://tracker.example/pixel.gif?opened=1)|| "
        );
        assert_eq!(
            review.metadata.images_from_outside,
            [
                "https://tracker.example/cover.png?reader=you",
                "https://tracker.example/pixel.gif?opened=1",
                "https://x.example/a.png",
            ]
        );
        let notes = contents.notes();
        // The helper writes the title into section 2 as well.
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].starts_with("\u{201c}Review: Gilead\u{201d}: The field \u{201c}Title\u{201d} lost 2 control characters"), "{notes:?}");
        assert!(notes[1].contains("The text of section 1"), "{notes:?}");
        let mut target = Drafts::new(MemoryStore::new());
        target.add_backup(&contents, || "new".into()).unwrap();
        let stored = target.load("h").unwrap().unwrap();
        assert_eq!(stored.review, *review);
    }

    #[test]
    fn draft_ids_are_checked_for_charset_and_length() {
        for id in ["a", "mfx3k2-9zq81c", "A_b-9", &"x".repeat(64)] {
            assert!(is_safe_draft_id(id), "{id}");
        }
        for id in ["", "../../x", "a\"b\nc", "a:b", "é", "a b", &"x".repeat(65)] {
            assert!(!is_safe_draft_id(id), "{id}");
        }
    }
}
