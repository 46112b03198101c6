//! Adding many drafts at once (a library import) a few at a time, so that the page can show
//! progress and the writer can cancel: [`BatchAdd`] writes each draft whole, stops at the first
//! write that fails (localStorage has no quota API; the failed write is the only sure sign of a
//! full store), never overwrites a stored draft, and can be undone: what it added goes to the
//! trash, what it replaced comes back out of it.

use crate::formats::draft::DraftRecord;
use crate::review::identity::BookIdentity;

use super::drafts::{draft_key, Drafts, LoadError};
use super::library::Summary;
use super::{KeyValueStore, StoreError};

/// About how many UTF-16 code units of keys and values browsers let one site keep in
/// localStorage (5 MiB in Chromium and Firefox); an estimate, since no browser says.
pub const LOCAL_STORAGE_UNITS: usize = 5 * 1024 * 1024;

/// One draft to add, and the drafts it replaces (moved to the trash first).
pub struct ToAdd {
    /// The new draft; its id is made fresh if a stored draft has it already.
    pub record: DraftRecord,
    /// Ids of drafts it replaces.
    pub replaces: Vec<String>,
}

/// Where a batch stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchAdd {
    /// How many drafts the batch has in all.
    pub total: usize,
    /// How many have been tried (added or failed).
    pub done: usize,
    /// Ids of the drafts added, in order.
    pub added: Vec<String>,
    /// Ids of the drafts moved to the trash because an added one replaced them.
    pub trashed: Vec<String>,
    /// Why the batch stopped before its end: storage failed (the draft at `done` was not
    /// added), or the writer cancelled.
    pub stopped: Option<String>,
}

impl BatchAdd {
    /// A batch of `total` drafts, none added yet.
    pub fn new(total: usize) -> BatchAdd {
        BatchAdd {
            total,
            ..BatchAdd::default()
        }
    }

    /// Whether nothing more will be added.
    pub fn is_finished(&self) -> bool {
        self.stopped.is_some() || self.done >= self.total
    }

    /// Stops the batch where it is; what was added stays (and can be undone).
    pub fn cancel(&mut self) {
        if !self.is_finished() {
            self.stopped = Some(format!(
                "Cancelled: {} of {} came in.",
                self.added.len(),
                self.total
            ));
        }
    }

    /// Adds up to `count` more drafts, each made by `make(index)` only when its turn comes (so
    /// that a long batch never holds every draft at once). `now` dates the trash moves.
    pub fn step<S: KeyValueStore>(
        &mut self,
        drafts: &mut Drafts<S>,
        count: usize,
        now: &str,
        mut make: impl FnMut(usize) -> ToAdd,
        mut new_id: impl FnMut() -> String,
    ) {
        let end = (self.done + count).min(self.total);
        while self.done < end && self.stopped.is_none() {
            let ToAdd {
                mut record,
                replaces,
            } = make(self.done);
            if let Err(e) = self.add_one(drafts, &mut record, &replaces, now, &mut new_id) {
                self.stopped = Some(format!(
                    "Stopped at book {} of {}: {}. {} came in; the rest did not, and nothing already saved was changed.",
                    self.done + 1,
                    self.total,
                    match e {
                        StoreError::Full => "the browser's storage for this site is full".to_string(),
                        other => format!("storage failed ({other})"),
                    },
                    self.added.len()
                ));
                return;
            }
            self.done += 1;
        }
    }

    fn add_one<S: KeyValueStore>(
        &mut self,
        drafts: &mut Drafts<S>,
        record: &mut DraftRecord,
        replaces: &[String],
        now: &str,
        new_id: &mut impl FnMut() -> String,
    ) -> Result<(), StoreError> {
        while drafts.store().get(&draft_key(&record.id))?.is_some() {
            record.id = new_id();
        }
        // The new draft first: if storage fails here, nothing was moved to the trash.
        drafts.save_with_summary(record)?;
        self.added.push(record.id.clone());
        for id in replaces {
            match drafts.trash(id, now) {
                Ok(()) => self.trashed.push(id.clone()),
                Err(LoadError::Store(e)) => return Err(e),
                // Read-only or unreadable: it stays where it is, beside the new one.
                Err(_) => {}
            }
        }
        Ok(())
    }

    /// Undoes the batch: moves every draft it added to the trash and takes the drafts it
    /// replaced back out. Returns how many were moved back, or the first failure.
    pub fn undo<S: KeyValueStore>(
        &self,
        drafts: &mut Drafts<S>,
        now: &str,
    ) -> Result<usize, String> {
        for id in &self.added {
            drafts.trash(id, now).map_err(|e| e.to_string())?;
        }
        for id in &self.trashed {
            drafts.restore(id).map_err(|e| e.to_string())?;
        }
        Ok(self.added.len())
    }
}

impl<S: KeyValueStore> Drafts<S> {
    /// The id and book of every draft in the list (not the trash), for telling which books of
    /// an import are already here. Summaries written before they named the book are filled
    /// from the draft itself.
    pub fn books(&self) -> Result<Vec<(String, BookIdentity)>, StoreError> {
        let mut out = Vec::new();
        for summary in self.library()?.drafts {
            let book = if summary.book == BookIdentity::default() {
                match self.load(&summary.id) {
                    Ok(Some(record)) => BookIdentity::of(&record.review.metadata),
                    Err(LoadError::Store(e)) => return Err(e),
                    _ => continue,
                }
            } else {
                summary.book
            };
            out.push((summary.id, book));
        }
        Ok(out)
    }
}

impl<S: KeyValueStore> Drafts<S> {
    /// Every review in the list (not the trash), newest first; a draft that cannot be read is
    /// left out (the Reviews dialog lists it on its own).
    pub fn listed_reviews(&self) -> Result<Vec<crate::review::Review>, StoreError> {
        let mut out = Vec::new();
        for summary in self.library()?.drafts {
            match self.load(&summary.id) {
                Ok(Some(record)) => out.push(record.review),
                Err(LoadError::Store(e)) => return Err(e),
                _ => {}
            }
        }
        Ok(out)
    }
}

/// About how many of `sizes` (each draft's size in UTF-16 code units, summary included) still
/// fit beside `used` units already stored: an estimate to show before an import starts.
pub fn estimate_fit(used: usize, sizes: impl IntoIterator<Item = usize>) -> usize {
    let mut room = LOCAL_STORAGE_UNITS.saturating_sub(used);
    let mut fit = 0;
    for size in sizes {
        if size > room {
            break;
        }
        room -= size;
        fit += 1;
    }
    fit
}

/// The size a draft takes in storage, in UTF-16 code units: its record and its summary.
pub fn stored_size(record: &DraftRecord) -> usize {
    let units = |s: &str| s.encode_utf16().count();
    let record_json = serde_json::to_string(record).unwrap_or_default();
    let summary_json = serde_json::to_string(&Summary::of_record(record)).unwrap_or_default();
    units(&record_json) + units(&summary_json) + 2 * (draft_key(&record.id).len() + 8)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::review::Review;
    use crate::storage::memory::MemoryStore;

    fn record(id: &str, title: &str) -> DraftRecord {
        let mut review = Review::new_book("2026-12-04");
        review.metadata.title = title.into();
        review.metadata.author = "A. Writer".into();
        DraftRecord::fresh(id.into(), "2026-12-04T10:00:00Z", review)
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    #[test]
    fn adds_in_steps_replaces_through_the_trash_and_undoes() {
        let mut drafts = Drafts::new(MemoryStore::new());
        drafts
            .save_with_summary(&mut record("old", "Dune"))
            .unwrap();
        let mut batch = BatchAdd::new(3);
        let make = |i: usize| ToAdd {
            // The second takes the id of a stored draft: it gets a new one.
            record: record(
                if i == 1 { "old" } else { ["a", "b", "c"][i] },
                ["Dune", "X", "Y"][i],
            ),
            replaces: if i == 0 { vec!["old".into()] } else { vec![] },
        };
        batch.step(&mut drafts, 2, "t1", make, ids());
        assert_eq!((batch.done, batch.is_finished()), (2, false));
        batch.step(&mut drafts, 2, "t1", make, ids());
        assert!(batch.is_finished() && batch.stopped.is_none());
        assert_eq!(batch.added, vec!["a", "new1", "c"]);
        assert_eq!(batch.trashed, vec!["old"]);
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len(), 3);
        assert_eq!(library.trash[0].id, "old");
        // The stored draft "old" was never overwritten.
        assert_eq!(
            drafts.load("old").unwrap().unwrap().review.metadata.title,
            "Dune"
        );
        assert_eq!(batch.undo(&mut drafts, "t2"), Ok(3));
        let library = drafts.library().unwrap();
        assert_eq!(
            library
                .drafts
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            vec!["old"]
        );
        assert_eq!(library.trash.len(), 3);
    }

    #[test]
    fn stops_at_the_first_failed_write_and_says_how_many_came_in() {
        let mut store = MemoryStore::new();
        // Each draft is two writes (record, summary): the fifth write is the third draft's.
        store.fail_write(5);
        let mut drafts = Drafts::new(store);
        let mut batch = BatchAdd::new(4);
        batch.step(
            &mut drafts,
            10,
            "t",
            |i| ToAdd {
                record: record(&format!("d{i}"), "B"),
                replaces: vec![],
            },
            ids(),
        );
        assert_eq!(batch.added, vec!["d0", "d1"]);
        let why = batch.stopped.clone().unwrap();
        assert!(
            why.contains("Stopped at book 3 of 4")
                && why.contains("full")
                && why.contains("2 came in"),
            "{why}"
        );
        assert!(batch.is_finished());
        assert_eq!(drafts.library().unwrap().drafts.len(), 2);
    }

    #[test]
    fn cancel_keeps_what_came_in() {
        let mut drafts = Drafts::new(MemoryStore::new());
        let mut batch = BatchAdd::new(5);
        let book = |i: usize| ToAdd {
            record: record(&format!("d{i}"), "B"),
            replaces: vec![],
        };
        batch.step(&mut drafts, 2, "t", book, ids());
        batch.cancel();
        batch.step(&mut drafts, 2, "t", book, ids());
        assert_eq!(batch.added.len(), 2);
        assert_eq!(batch.stopped.as_deref(), Some("Cancelled: 2 of 5 came in."));
    }

    #[test]
    fn books_come_from_summaries_or_the_drafts_themselves() {
        let mut drafts = Drafts::new(MemoryStore::new());
        drafts.save_with_summary(&mut record("a", "Dune")).unwrap();
        // A summary from before summaries named the book.
        let mut old = record("b", "Emma");
        drafts.save(&mut old).unwrap();
        let books = drafts.books().unwrap();
        assert_eq!(books.len(), 2);
        assert!(books.iter().any(|(id, b)| id == "b" && b.title == "Emma"));
        assert!(books.iter().any(|(id, b)| id == "a" && b.title == "Dune"));
    }

    #[test]
    fn the_estimate_counts_what_fits() {
        assert_eq!(estimate_fit(LOCAL_STORAGE_UNITS - 250, [100, 100, 100]), 2);
        assert_eq!(estimate_fit(0, [10; 4]), 4);
        assert!(stored_size(&record("a", "Dune")) > 100);
    }
}
