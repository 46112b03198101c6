//! The library of drafts: each draft has a small summary record of its own beside it (title,
//! time, words, whether it is in the trash), so the `Reviews` list loads without parsing any
//! draft body, saving one review writes only that review and its summary, and no shared index
//! exists for two tabs to rewrite at once.

use serde::{Deserialize, Serialize};

use crate::review::identity::BookIdentity;
use crate::review::limits::check_review;
use crate::review::split_list;
use crate::review::words::review_words;
use crate::sort::sort_by;

use crate::formats::draft::{read_record, DraftRecord, RecordError};

use super::drafts::{draft_key, Drafts, LoadError, KEY_PREFIX};
use super::history::history_key;
use super::{KeyValueStore, StoreError};

/// The layout of summary records this version writes.
pub const SUMMARY_SCHEMA: u32 = 1;

/// Prefix of draft keys (`verdict:draft:<id>`).
pub const DRAFT_PREFIX: &str = "verdict:draft:";

/// Prefix of summary keys (`verdict:summary:<id>`).
pub const SUMMARY_PREFIX: &str = "verdict:summary:";

/// The key of the summary of draft `id`.
pub fn summary_key(id: &str) -> String {
    format!("{SUMMARY_PREFIX}{id}")
}

/// What the `Reviews` list shows of one draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The layout of this summary.
    pub schema: u32,
    /// The draft's id.
    pub id: String,
    /// The post title, or the default one ("Untitled review" when there is nothing to go by).
    pub title: String,
    /// When the draft was last saved (ISO 8601).
    pub saved_at: String,
    /// Words in its headings and bodies.
    pub words: usize,
    /// When it was moved to the trash; `None` while it is in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trashed_at: Option<String>,
    /// Written by a newer version of Verdict: it opens read-only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// Its genres, as listed (for the Genre field's suggestions in other reviews).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genres: Vec<String>,
    /// Its tags, as listed (for the Tags field's suggestions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The book it reviews (title, author, ISBN), so that an import can tell a book already
    /// here without reading every draft. Empty in summaries written before it existed.
    #[serde(default, skip_serializing_if = "is_unknown_book")]
    pub book: BookIdentity,
}

fn is_unknown_book(book: &BookIdentity) -> bool {
    *book == BookIdentity::default()
}

impl Summary {
    /// The summary of `record`, with `words` already counted (autosave counts them as it
    /// encodes; see [`Summary::of_record`] to count them here).
    pub fn new(record: &DraftRecord, words: usize) -> Summary {
        Summary {
            schema: SUMMARY_SCHEMA,
            id: record.id.clone(),
            title: record.review.effective_post_title(),
            saved_at: record.saved_at.clone(),
            words,
            trashed_at: None,
            read_only: false,
            genres: split_list(&record.review.metadata.genre),
            tags: split_list(&record.review.metadata.tags),
            book: BookIdentity::of(&record.review.metadata),
        }
    }

    /// The summary of `record`, counting its words.
    pub fn of_record(record: &DraftRecord) -> Summary {
        Summary::new(record, review_words(&record.review))
    }
}

/// A stored draft that cannot be read, listed so the person can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Its key, under which it stays untouched.
    pub key: String,
    /// What is wrong, in words.
    pub why: String,
}

/// The summaries of `drafts` that `query` finds, in their order: case-insensitive, in the title,
/// the book's title and author, the tags or the genres; all of them when it is blank.
pub fn matching(drafts: &[Summary], query: &str) -> Vec<Summary> {
    let query = crate::case::fold(query.trim());
    let has = |text: &str| crate::case::fold(text).contains(&query);
    drafts
        .iter()
        .filter(|s| {
            query.is_empty()
                || has(&s.title)
                || has(&s.book.title)
                || has(&s.book.author)
                || s.tags.iter().chain(&s.genres).any(|t| has(t))
        })
        .cloned()
        .collect()
}

/// Every draft in storage, sorted newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    /// Drafts in the list.
    pub drafts: Vec<Summary>,
    /// Drafts in the trash.
    pub trash: Vec<Summary>,
    /// Records that cannot be read.
    pub unreadable: Vec<Unreadable>,
}

impl<S: KeyValueStore> Drafts<S> {
    /// Saves `record` (its revision advanced by one) and then its summary. The draft is written
    /// first: if the summary cannot be written, the list shows the older summary until the next
    /// save, but no text is lost.
    pub fn save_with_summary(&mut self, record: &mut DraftRecord) -> Result<u64, StoreError> {
        let revision = self.save(record)?;
        self.write_summary(&Summary::of_record(record))?;
        Ok(revision)
    }

    /// Stores a summary record.
    pub fn write_summary(&mut self, summary: &Summary) -> Result<(), StoreError> {
        let json = serde_json::to_string(summary).map_err(|e| StoreError::Other(e.to_string()))?;
        self.store_mut().set(&summary_key(&summary.id), &json)
    }

    /// The summary of draft `id`: its summary record, or (for drafts saved before summaries
    /// existed, or whose summary is damaged) one made from the draft itself.
    pub fn summary(&self, id: &str) -> Result<Summary, LoadError> {
        if let Some(raw) = self
            .store()
            .get(&summary_key(id))
            .map_err(LoadError::Store)?
        {
            if let Ok(summary) = serde_json::from_str::<Summary>(&raw) {
                if summary.id == id {
                    return Ok(summary);
                }
            }
        }
        let key = draft_key(id);
        let raw = self
            .store()
            .get(&key)
            .map_err(LoadError::Store)?
            .ok_or_else(|| {
                LoadError::Record(RecordError::Corrupt {
                    key: key.clone(),
                    why: "the record is missing".into(),
                })
            })?;
        let mut opened = read_record(&key, &raw)?;
        opened.record.id = id.to_string();
        Ok(Summary {
            read_only: opened.read_only,
            ..Summary::of_record(&opened.record)
        })
    }

    /// Every draft, read from the summaries (a draft body is parsed only when its summary is
    /// missing or damaged). One bad record never hides the others.
    pub fn library(&self) -> Result<Library, StoreError> {
        let mut library = Library::default();
        for key in self.store().keys()? {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            match self.summary(id) {
                Ok(summary) if summary.trashed_at.is_some() => library.trash.push(summary),
                Ok(summary) => library.drafts.push(summary),
                Err(LoadError::Store(e)) => return Err(e),
                Err(e) => library.unreadable.push(Unreadable {
                    key,
                    why: e.to_string(),
                }),
            }
        }
        let newest_first =
            |a: &Summary, b: &Summary| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id));
        sort_by(&mut library.drafts, newest_first);
        sort_by(&mut library.trash, |a, b| {
            b.trashed_at
                .cmp(&a.trashed_at)
                .then_with(|| newest_first(a, b))
        });
        sort_by(&mut library.unreadable, |a, b| a.key.cmp(&b.key));
        Ok(library)
    }

    /// A summary this version may rewrite: not one of a draft made by a newer version, nor one
    /// in a newer layout (rewriting would drop what this version does not know).
    fn writable_summary(&self, id: &str) -> Result<Summary, LoadError> {
        let summary = self.summary(id)?;
        if summary.read_only || summary.schema > SUMMARY_SCHEMA {
            return Err(LoadError::Record(RecordError::Newer {
                key: summary_key(id),
                schema: summary.schema,
            }));
        }
        Ok(summary)
    }

    /// Moves draft `id` to the trash (only its summary changes; the draft stays as it was).
    pub fn trash(&mut self, id: &str, at: &str) -> Result<(), LoadError> {
        let mut summary = self.writable_summary(id)?;
        summary.trashed_at = Some(at.to_string());
        self.write_summary(&summary).map_err(LoadError::Store)
    }

    /// Takes draft `id` out of the trash.
    pub fn restore(&mut self, id: &str) -> Result<(), LoadError> {
        let mut summary = self.writable_summary(id)?;
        summary.trashed_at = None;
        self.write_summary(&summary).map_err(LoadError::Store)
    }

    /// Deletes every draft in the trash for good (draft, summary and history), except `keep`
    /// (the draft open in this tab, which another tab may have trashed); returns how many went.
    /// This is the only way a draft is ever removed.
    pub fn empty_trash(&mut self, keep: Option<&str>) -> Result<usize, StoreError> {
        let mut trash = self.library()?.trash;
        trash.retain(|s| Some(s.id.as_str()) != keep);
        for summary in &trash {
            self.store_mut().remove(&draft_key(&summary.id))?;
            self.store_mut().remove(&summary_key(&summary.id))?;
            self.store_mut().remove(&history_key(&summary.id))?;
        }
        Ok(trash.len())
    }

    /// Copies draft `id` to a new draft `new_id`, made and saved at `now`, and returns it; the
    /// error says in words why not. A draft past a review's limits (kept from before they
    /// were enforced) is not copied: the copy could not be edited.
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: &str) -> Result<DraftRecord, String> {
        let original = self.load(id).map_err(|e| e.to_string())?.ok_or_else(|| {
            LoadError::Record(RecordError::Corrupt {
                key: draft_key(id),
                why: "the record is missing".into(),
            })
            .to_string()
        })?;
        let review = &original.review;
        check_review(review.text_len(), review.sections.len()).map_err(|why| {
            format!(
                "\u{201c}{}\u{201d} was not copied: it {why}. Nothing was changed.",
                review.effective_post_title()
            )
        })?;
        let mut copy = DraftRecord {
            id: new_id.to_string(),
            revision: 0,
            saved_at: now.to_string(),
            created_at: now.to_string(),
            ..original
        };
        self.save_with_summary(&mut copy)
            .map_err(|e| e.to_string())?;
        Ok(copy)
    }

    /// How much of localStorage Verdict's own records take, in UTF-16 code units of keys and
    /// values (what the browser's quota counts); the browser's storage estimate leaves
    /// localStorage out, so this is the only figure there is.
    pub fn usage(&self) -> Result<usize, StoreError> {
        self.usage_of(KEY_PREFIX)
    }

    /// The same for every key of this site, Verdict's or not: what the browser's quota counts
    /// against what an import is about to add.
    pub fn site_usage(&self) -> Result<usize, StoreError> {
        self.usage_of("")
    }

    fn usage_of(&self, prefix: &str) -> Result<usize, StoreError> {
        let mut units = 0;
        for key in self.store().keys()? {
            if !key.starts_with(prefix) {
                continue;
            }
            let value = self.store().get(&key)?.unwrap_or_default();
            units += key.encode_utf16().count() + value.encode_utf16().count();
        }
        Ok(units)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_is_searched_by_title_author_and_tags() {
        use super::{matching, Summary};
        let summary = |id: &str, title: &str, author: &str, tags: &[&str]| Summary {
            schema: 1,
            id: id.into(),
            title: title.into(),
            saved_at: String::new(),
            words: 0,
            trashed_at: None,
            read_only: false,
            genres: vec![],
            tags: tags.iter().map(|t| t.to_string()).collect(),
            book: crate::review::identity::BookIdentity {
                author: author.into(),
                ..Default::default()
            },
        };
        // As read: newest first.
        let drafts = [
            summary("a", "Review: Piranesi", "Susanna Clarke", &["fantasy"]),
            summary("b", "Untitled review", "", &[]),
            summary("c", "Review: Dune", "Frank Herbert", &["SF", "classic"]),
            summary("d", "Review: Émile", "Jean-Jacques Rousseau", &[]),
        ];
        let ids = |list: Vec<Summary>| list.into_iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(matching(&drafts, "")), ["a", "b", "c", "d"]);
        assert_eq!(ids(matching(&drafts, "  ")), ["a", "b", "c", "d"]);
        // Title, author and tags, whatever their case (accented letters too); the order kept.
        assert_eq!(ids(matching(&drafts, "dune")), ["c"]);
        assert_eq!(ids(matching(&drafts, " CLARKE ")), ["a"]);
        assert_eq!(ids(matching(&drafts, "sf")), ["c"]);
        assert_eq!(ids(matching(&drafts, "ÉMILE")), ["d"]);
        assert_eq!(ids(matching(&drafts, "review")), ["a", "b", "c", "d"]);
        assert_eq!(ids(matching(&drafts, "review:")), ["a", "c", "d"]);
        assert!(matching(&drafts, "nothing like it").is_empty());
    }

    use super::*;
    use crate::formats::draft::{ViewState, SCHEMA_VERSION};
    use crate::review::Review;
    use crate::storage::memory::MemoryStore;

    fn record(id: &str, title: &str, body: &str, at: &str) -> DraftRecord {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = title.into();
        review.sections[0].body = body.into();
        DraftRecord {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            saved_at: at.into(),
            created_at: at.into(),
            review,
            view: ViewState::default(),
        }
    }

    fn library_with_three() -> Drafts<MemoryStore> {
        let mut drafts = Drafts::new(MemoryStore::new());
        for (id, title, at) in [
            ("a", "Gilead", "2026-11-20T10:00:00Z"),
            ("b", "", "2026-11-24T10:00:00Z"),
            ("c", "Beloved", "2026-11-22T10:00:00Z"),
        ] {
            let mut r = record(id, title, "Three words here", at);
            drafts.save_with_summary(&mut r).unwrap();
        }
        drafts
    }

    #[test]
    fn lists_newest_first_from_summaries_with_titles_and_words() {
        let drafts = library_with_three();
        let library = drafts.library().unwrap();
        let titles: Vec<_> = library.drafts.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Untitled review", "Review: Beloved", "Review: Gilead"]
        );
        // The body's three words; the four headings are not counted.
        assert_eq!(library.drafts[0].words, 3);
        assert!(library.trash.is_empty() && library.unreadable.is_empty());
    }

    #[test]
    fn the_list_does_not_parse_bodies_when_summaries_exist() {
        let mut drafts = library_with_three();
        // A body that would not parse: the list still shows its summary.
        drafts
            .store_mut()
            .set(&draft_key("a"), "{damaged after its summary")
            .unwrap();
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len(), 3);
        assert!(library.unreadable.is_empty());
    }

    #[test]
    fn a_corrupt_record_without_summary_is_listed_apart_and_kept() {
        let mut drafts = library_with_three();
        drafts.store_mut().set(&draft_key("x"), "{broken").unwrap();
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len(), 3, "the others still load");
        assert_eq!(library.unreadable.len(), 1);
        assert_eq!(library.unreadable[0].key, "verdict:draft:x");
        assert_eq!(
            drafts.raw("verdict:draft:x").unwrap().as_deref(),
            Some("{broken")
        );
    }

    #[test]
    fn a_draft_from_before_summaries_is_listed_from_its_body() {
        let mut drafts = Drafts::new(MemoryStore::new());
        let mut r = record("old", "Old Book", "text", "2026-01-01T00:00:00Z");
        drafts.save(&mut r).unwrap();
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts[0].title, "Review: Old Book");
    }

    #[test]
    fn trash_restore_and_empty_trash() {
        let mut drafts = library_with_three();
        drafts.trash("c", "2026-11-25T09:00:00Z").unwrap();
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len(), 2);
        assert_eq!(library.trash[0].id, "c");
        // The draft itself is untouched by trashing.
        assert!(drafts.load("c").unwrap().is_some());
        drafts.restore("c").unwrap();
        assert_eq!(drafts.library().unwrap().drafts.len(), 3);
        drafts.trash("c", "2026-11-25T09:00:00Z").unwrap();
        drafts.trash("a", "2026-11-25T09:30:00Z").unwrap();
        assert_eq!(
            drafts.empty_trash(Some("c")).unwrap(),
            1,
            "the open draft is kept"
        );
        assert!(drafts.load("c").unwrap().is_some());
        assert_eq!(drafts.empty_trash(None).unwrap(), 1);
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts.len(), 1);
        assert!(library.trash.is_empty());
        assert!(drafts
            .store()
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.ends_with(":a") && !k.ends_with(":c")));
    }

    #[test]
    fn drafts_and_summaries_of_a_newer_version_are_never_rewritten() {
        let mut drafts = library_with_three();
        let newer = r#"{"schema":7,"id":"a","title":"T","saved_at":"t","words":1,"future":true}"#;
        drafts.store_mut().set(&summary_key("a"), newer).unwrap();
        assert!(drafts.trash("a", "t").is_err());
        assert_eq!(
            drafts.raw(&summary_key("a")).unwrap().as_deref(),
            Some(newer)
        );
        let record = r#"{"schema":9,"id":"n","revision":1,"saved_at":"t","review":{"sections":[]},"view":{}}"#;
        drafts.store_mut().set(&draft_key("n"), record).unwrap();
        assert!(drafts.trash("n", "t").is_err());
        assert_eq!(drafts.raw(&summary_key("n")).unwrap(), None);
    }

    #[test]
    fn a_save_after_trashing_elsewhere_is_not_lost() {
        let mut drafts = library_with_three();
        drafts.trash("a", "2026-11-25T09:00:00Z").unwrap();
        let mut a = drafts.load("a").unwrap().unwrap();
        a.review.sections[0].body = "edited in another tab".into();
        drafts.save_with_summary(&mut a).unwrap();
        // A tab still editing it brings it back to the list rather than losing the edit.
        assert!(drafts.library().unwrap().drafts.iter().any(|s| s.id == "a"));
    }

    #[test]
    fn duplicate_makes_an_independent_copy() {
        let mut drafts = library_with_three();
        let copy = drafts.duplicate("a", "a2", "2026-11-25T11:00:00Z").unwrap();
        assert_eq!(copy.revision, 1);
        assert_eq!(copy.review, drafts.load("a").unwrap().unwrap().review);
        let library = drafts.library().unwrap();
        assert_eq!(library.drafts[0].id, "a2");
        assert_eq!(library.drafts[0].title, "Review: Gilead");
        assert!(drafts.duplicate("nope", "n2", "t").is_err());
    }

    #[test]
    fn a_draft_past_the_section_cap_is_not_copied() {
        let mut drafts = library_with_three();
        let mut record = drafts.load("a").unwrap().unwrap();
        record.review.sections = (1..=1001)
            .map(|id| crate::review::Section::new(id, "S"))
            .collect();
        drafts.save_with_summary(&mut record).unwrap();
        let before = drafts.library().unwrap();
        let error = drafts.duplicate("a", "a2", "t").unwrap_err();
        assert!(
            error.contains("was not copied: it holds 1,001 sections")
                && error.contains("Nothing was changed"),
            "{error}"
        );
        assert_eq!(drafts.library().unwrap(), before);
        assert!(drafts.load("a2").unwrap().is_none());
    }

    #[test]
    fn usage_counts_only_verdicts_records_in_utf16_units() {
        let mut store = MemoryStore::new();
        store.set("other-app", "x".repeat(1000).as_str()).unwrap();
        store.set("verdict:current", "é😀").unwrap();
        let drafts = Drafts::new(store);
        assert_eq!(drafts.usage().unwrap(), "verdict:current".len() + 3);
        assert_eq!(
            drafts.site_usage().unwrap(),
            "verdict:current".len() + 3 + "other-app".len() + 1000
        );
    }
}
