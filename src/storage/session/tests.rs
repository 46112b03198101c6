//! Every branch of the draft session, natively over the in-memory store: saves and each way a
//! save fails, other tabs, conflicts, switching drafts, history, and opening at start-up.

use std::cell::Cell;
use std::rc::Rc;

use super::startup::{start, Started};
use super::*;
use crate::formats::draft::{ViewState, SCHEMA_VERSION};
use crate::review::Review;
use crate::storage::drafts::CURRENT_KEY;
use crate::storage::history::{history_key, HISTORY_BUDGET, SNAPSHOT_INTERVAL_MS};
use crate::storage::library::summary_key;
use crate::storage::memory::MemoryStore;

/// A clock the test moves by hand.
#[derive(Clone, Default)]
struct TestClock(Rc<Cell<f64>>);

impl TestClock {
    fn at(ms: f64) -> TestClock {
        TestClock(Rc::new(Cell::new(ms)))
    }
    fn advance(&self, ms: f64) {
        self.0.set(self.0.get() + ms);
    }
}

impl Clock for TestClock {
    fn now_ms(&self) -> f64 {
        self.0.get()
    }
}

/// A store that refuses everything, as a browser with site data disabled does.
struct Refusing;

impl KeyValueStore for Refusing {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable("blocked".into()))
    }
    fn remove(&mut self, _: &str) -> Result<(), StoreError> {
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }
}

const T0: f64 = 1_764_000_000_000.0;

fn record(id: &str, revision: u64, body: &str) -> DraftRecord {
    let mut review = Review::new_book("2026-11-25");
    review.metadata.title = "Gilead".into();
    review.sections[0].body = body.into();
    DraftRecord {
        schema: SCHEMA_VERSION,
        id: id.into(),
        revision,
        saved_at: "2026-11-25T10:00:00.000Z".into(),
        created_at: "2026-11-20T09:00:00.000Z".into(),
        review,
        view: ViewState::default(),
    }
}

fn json(record: &DraftRecord) -> String {
    serde_json::to_string(record).unwrap()
}

type TestSession = Session<MemoryStore, TestClock>;

fn session_in(store: MemoryStore, id: &str, revision: u64) -> (TestSession, TestClock) {
    let clock = TestClock::at(T0);
    let session = Session::new(
        Some(Drafts::new(store)),
        clock.clone(),
        id.into(),
        revision,
        "2026-11-20T09:00:00.000Z".into(),
    );
    (session, clock)
}

fn stored(session: &TestSession, key: &str) -> Option<String> {
    session.drafts().unwrap().raw(key).unwrap()
}

fn stored_record(session: &TestSession, id: &str) -> DraftRecord {
    serde_json::from_str(&stored(session, &draft_key(id)).unwrap()).unwrap()
}

fn body(record: &DraftRecord) -> &str {
    &record.review.sections[0].body
}

#[test]
fn an_edit_asks_for_a_save_and_the_save_writes_the_record_then_its_summary() {
    let (mut session, _) = session_in(MemoryStore::new(), "a", 0);
    assert_eq!(session.status(), SaveStatus::Saved);
    assert_eq!(session.changed(), Some(SAVE_DELAY));
    assert_eq!(session.status(), SaveStatus::Saving);
    assert!(session.has_unsaved_changes());
    let outcome = session.save(&record("a", 0, "First words."));
    assert_eq!(
        outcome,
        SaveOutcome {
            saved: true,
            show: None,
            retry: None,
            snapshot_soon: true
        }
    );
    assert_eq!(session.status(), SaveStatus::Saved);
    assert!(!session.has_unsaved_changes());
    let saved = stored_record(&session, "a");
    assert_eq!((saved.revision, body(&saved)), (1, "First words."));
    assert_eq!(saved.saved_at, iso_from_ms(T0));
    let summary = stored(&session, &summary_key("a")).unwrap();
    // "First words.": the headings are not counted.
    assert!(summary.contains("\"words\":2"), "{summary}");
    // Nothing unsaved: a second save writes nothing.
    assert_eq!(
        session.save(&record("a", 0, "Other.")),
        SaveOutcome::default()
    );
    assert_eq!(stored_record(&session, "a").revision, 1);
}

#[test]
fn a_failed_save_keeps_the_status_failed_while_typing_goes_on() {
    let (mut session, _) = session_in(MemoryStore::new(), "a", 0);
    session.changed();
    session.drafts_mut().store_mut().fail_write(1);
    session.save(&record("a", 0, "x"));
    assert_eq!(session.status(), SaveStatus::Failed);
    assert_eq!(session.changed(), Some(SAVE_DELAY));
    assert_eq!(
        session.status(),
        SaveStatus::Failed,
        "not 'Saving…' over a failure"
    );
}

#[test]
fn a_full_store_at_each_write_of_a_save() {
    // Write 1 is the draft: nothing changes, the person is told, and a retry is asked for.
    let (mut session, _) = session_in(MemoryStore::new(), "a", 0);
    session.changed();
    session.save(&record("a", 0, "Kept."));
    session.changed();
    session.drafts_mut().store_mut().fail_write(1);
    let outcome = session.save(&record("a", 0, "Lost?"));
    assert_eq!(outcome.retry, Some(RETRY_DELAY));
    assert!(!outcome.saved && !outcome.snapshot_soon);
    assert_eq!(session.status(), SaveStatus::Failed);
    assert_eq!(
        session.take_alert(),
        Some(Some(StoreError::Full.to_string()))
    );
    assert_eq!(session.take_alert(), None, "told once");
    assert!(session.has_unsaved_changes());
    assert_eq!(session.revision(), 1);
    assert_eq!(body(&stored_record(&session, "a")), "Kept.");
    // The retry, once there is room: saved, and the alert goes.
    assert!(session.save(&record("a", 0, "Lost?")).saved);
    assert_eq!(session.status(), SaveStatus::Saved);
    assert_eq!(session.take_alert(), Some(None));
    assert_eq!(body(&stored_record(&session, "a")), "Lost?");

    // Write 2 is the summary: the draft is saved; the list shows an older line until the next.
    session.changed();
    session.drafts_mut().store_mut().fail_write(2);
    let summary_before = stored(&session, &summary_key("a"));
    session.save(&record("a", 0, "Third."));
    assert_eq!(session.status(), SaveStatus::Saved);
    assert_eq!(stored_record(&session, "a").revision, 3);
    assert_eq!(stored(&session, &summary_key("a")), summary_before);
}

#[test]
fn storage_full_on_the_first_visit_writes_the_pointer_once_room_returns() {
    let started = start(
        Ok(MemoryStore::with_quota(0)),
        TestClock::at(T0),
        "first".into(),
        "2026-12-04",
    );
    let mut session = started.session;
    assert_eq!(stored(&session, CURRENT_KEY), None);
    session.changed();
    assert_eq!(
        session.save(&record("first", 0, "Words.")).retry,
        Some(RETRY_DELAY)
    );
    session.drafts_mut().store_mut().quota = None;
    // Write 3 (the pointer) fails too: the next save tries again.
    session.drafts_mut().store_mut().fail_write(3);
    session.save(&record("first", 0, "Words."));
    assert_eq!(session.status(), SaveStatus::Saved);
    assert_eq!(stored(&session, CURRENT_KEY), None);
    session.changed();
    session.save(&record("first", 0, "More words."));
    assert_eq!(stored(&session, CURRENT_KEY).as_deref(), Some("first"));
    // And the next start opens it.
    let store = session.drafts.take().unwrap().into_store();
    let again = start(Ok(store), TestClock::at(T0), "other".into(), "2026-12-04");
    assert_eq!(again.session.id(), "first");
    assert_eq!(again.review.sections[0].body, "More words.");
}

#[test]
fn storage_that_refuses_everything_is_not_retried() {
    let clock = TestClock::at(T0);
    let mut session = Session::new(
        Some(Drafts::new(Refusing)),
        clock,
        "a".into(),
        0,
        String::new(),
    );
    session.changed();
    let outcome = session.save(&record("a", 0, "x"));
    assert_eq!(outcome.retry, None);
    assert_eq!(session.status(), SaveStatus::Failed);
}

#[test]
fn without_storage_edits_are_noted_but_no_save_is_scheduled() {
    let mut session: TestSession =
        Session::new(None, TestClock::at(T0), "a".into(), 0, String::new());
    assert_eq!(session.status(), SaveStatus::Unavailable);
    assert_eq!(session.changed(), None);
    assert!(session.has_unsaved_changes());
    assert_eq!(session.save_soon(), None);
    assert_eq!(session.save(&record("a", 0, "x")), SaveOutcome::default());
    assert!(session.keep_version(&record("a", 0, "x")).is_err());
    assert_eq!(session.delete_older_versions(), 0);
    assert_eq!(session.status(), SaveStatus::Unavailable);
}

/// A store where another tab saved revision `theirs` of draft "a" after this tab read revision 1.
fn other_tab_saved(theirs: u64, text: &str, mine_unsaved: bool) -> TestSession {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), &json(&record("a", 1, "Both.")))
        .unwrap();
    let (mut session, _) = session_in(store, "a", 1);
    if mine_unsaved {
        session.changed();
    }
    session
        .drafts_mut()
        .save_encoded("a", &json(&record("a", theirs, text)))
        .unwrap();
    session
}

#[test]
fn a_record_changed_by_another_tab_between_read_and_write_is_never_written_over() {
    let mut session = other_tab_saved(5, "Theirs.", true);
    let outcome = session.save(&record("a", 1, "Mine."));
    assert_eq!(outcome, SaveOutcome::default());
    assert_eq!(body(&stored_record(&session, "a")), "Theirs.");
    assert_eq!(session.status(), SaveStatus::Conflict);
    assert_eq!(body(session.conflict().unwrap()), "Theirs.");
    // Typing on during the conflict: the status says what is true, and no save is scheduled.
    assert_eq!(session.changed(), None);
    assert_eq!(session.status(), SaveStatus::Conflict);
    assert_eq!(
        session.status().text(),
        "Not saved: choose which version to keep"
    );
    assert_eq!(
        session.save(&record("a", 1, "Mine.")),
        SaveOutcome::default()
    );
    assert_eq!(
        session.may_leave(),
        Err(CONFLICT_BLOCKS_LEAVING.to_string())
    );
}

#[test]
fn keep_mine_writes_over_the_other_version_at_the_next_revision() {
    let mut session = other_tab_saved(5, "Theirs.", true);
    session.save(&record("a", 1, "Mine."));
    assert!(session.keep_mine());
    assert!(!session.keep_mine(), "only once");
    session.save(&record("a", 1, "Mine."));
    let saved = stored_record(&session, "a");
    assert_eq!((saved.revision, body(&saved)), (6, "Mine."));
    assert_eq!(session.status(), SaveStatus::Saved);
    assert_eq!(session.may_leave(), Ok(()));
}

#[test]
fn take_theirs_shows_the_other_version_and_does_not_write_it_back() {
    let mut session = other_tab_saved(5, "Theirs.", true);
    session.save(&record("a", 1, "Mine."));
    let shown = session.take_theirs().unwrap();
    assert_eq!(body(&shown), "Theirs.");
    assert_eq!(session.take_theirs(), None);
    assert_eq!(
        (session.revision(), session.has_unsaved_changes()),
        (5, false)
    );
    assert_eq!(session.status(), SaveStatus::Saved);
    // Showing it is not an edit.
    assert_eq!(session.changed(), None);
    assert_eq!(session.save(&shown), SaveOutcome::default());
    assert_eq!(stored_record(&session, "a").revision, 5);
}

#[test]
fn keep_both_saves_this_version_as_a_new_draft_and_opens_it_next_time() {
    let mut session = other_tab_saved(5, "Theirs.", true);
    session.save(&record("a", 1, "Mine."));
    assert!(session.keep_both("b".into()));
    assert!(!session.keep_both("c".into()));
    session.save(&record("b", 0, "Mine."));
    assert_eq!(body(&stored_record(&session, "a")), "Theirs.");
    let mine = stored_record(&session, "b");
    assert_eq!(
        (mine.id.as_str(), mine.revision, body(&mine)),
        ("b", 1, "Mine.")
    );
    assert_eq!(stored(&session, CURRENT_KEY).as_deref(), Some("b"));
}

#[test]
fn another_tabs_version_is_taken_when_nothing_here_is_unsaved() {
    let mut session = other_tab_saved(5, "Theirs.", false);
    let raw = stored(&session, &draft_key("a"));
    let External::Show(shown) = session.on_external_change(&draft_key("a"), raw.as_deref()) else {
        panic!("taken");
    };
    assert_eq!(body(&shown), "Theirs.");
    assert_eq!(session.revision(), 5);
    assert_eq!(session.changed(), None, "showing it is not an edit");
    // Other keys, older revisions, removals and unreadable values change nothing.
    let older = json(&record("a", 4, "Old."));
    for (key, value) in [
        (draft_key("z"), raw.clone()),
        (draft_key("a"), Some(older)),
        (draft_key("a"), None),
        (draft_key("a"), Some("{broken".to_string())),
    ] {
        assert_eq!(
            session.on_external_change(&key, value.as_deref()),
            External::Nothing
        );
    }
}

#[test]
fn a_save_asked_for_without_an_edit_meets_a_newer_revision_as_a_conflict() {
    // A save asked for (a migration, a restore) without a keystroke is still unsaved work.
    let mut session = other_tab_saved(5, "Theirs.", false);
    session.save_soon();
    // save_soon marks it unsaved, so this is a conflict, not a silent take.
    session.save(&record("a", 1, "Mine."));
    assert!(session.conflict().is_some());
}

#[test]
fn a_newer_schema_saved_by_another_tab_stops_this_tab_saving() {
    let mut session = other_tab_saved(5, "x", true);
    let newer = r#"{"schema":99,"id":"a","revision":9,"layout":"unknown"}"#;
    session.drafts_mut().save_encoded("a", newer).unwrap();
    let outcome = session.save(&record("a", 1, "Mine."));
    assert_eq!(outcome.retry, None);
    assert_eq!(session.status(), SaveStatus::Failed);
    assert_eq!(
        session.take_alert(),
        Some(Some(NEWER_ELSEWHERE_MESSAGE.into()))
    );
    assert_eq!(stored(&session, &draft_key("a")).as_deref(), Some(newer));
    assert!(session.saved_before_leaving().is_err());
}

#[test]
fn a_corrupt_record_from_another_tab_is_never_taken() {
    let mut session = other_tab_saved(5, "x", false);
    session.drafts_mut().save_encoded("a", "{broken").unwrap();
    assert_eq!(
        session.on_external_change(&draft_key("a"), Some("{broken")),
        External::Nothing
    );
    assert_eq!(session.revision(), 1);
}

#[test]
fn switching_drafts_saves_nothing_of_the_draft_shown_and_points_at_it() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("b"), &json(&record("b", 4, "B's text.")))
        .unwrap();
    let (mut session, _) = session_in(store, "a", 0);
    session.changed();
    session.save(&record("a", 0, "A's text."));
    // Unsaved at the switch: leaving is refused until it is stored.
    session.changed();
    assert!(session.saved_before_leaving().is_err());
    session.save(&record("a", 0, "A's last words."));
    assert_eq!(session.saved_before_leaving(), Ok(()));
    let opened = session.drafts().unwrap().open("b").unwrap().unwrap();
    let (shown, save) = session.open(opened);
    assert_eq!((body(&shown), save), ("B's text.", None));
    assert_eq!((session.id(), session.revision()), ("b", 4));
    assert_eq!(stored(&session, CURRENT_KEY).as_deref(), Some("b"));
    // The change notice of showing B is not an edit; a save due from before writes nothing.
    assert_eq!(session.changed(), None);
    assert_eq!(
        session.save(&record("a", 0, "stale")),
        SaveOutcome::default()
    );
    assert_eq!(body(&stored_record(&session, "a")), "A's last words.");
    assert_eq!(stored_record(&session, "b").revision, 4);
    // The next edit goes to B.
    session.changed();
    session.save(&record("b", 4, "B, edited."));
    assert_eq!(stored_record(&session, "b").revision, 5);
    assert_eq!(body(&stored_record(&session, "a")), "A's last words.");
}

#[test]
fn opening_a_migrated_draft_saves_it_soon_and_a_newer_one_opens_read_only() {
    let (mut session, _) = session_in(MemoryStore::new(), "a", 0);
    session.take_alert();
    let (_, save) = session.open(Opened {
        record: record("old", 2, "Old layout."),
        migrated_from: Some(1),
        read_only: false,
    });
    assert_eq!(save, Some(SAVE_DELAY));
    assert_eq!(session.status(), SaveStatus::Saving);
    session.save(&record("old", 2, "Old layout."));
    assert_eq!(stored_record(&session, "old").revision, 3);

    let (_, save) = session.open(Opened {
        record: record("new", 7, "Future."),
        migrated_from: None,
        read_only: true,
    });
    assert_eq!(save, None);
    assert_eq!(session.status(), SaveStatus::ReadOnly);
    assert_eq!(session.take_alert(), Some(Some(READ_ONLY_MESSAGE.into())));
    assert_eq!(session.changed(), None, "the change notice of showing it");
    assert_eq!(session.changed(), None, "read-only");
    assert_eq!(session.save_soon(), Some(SAVE_DELAY));
    assert_eq!(
        session.save(&record("new", 7, "Changed?")),
        SaveOutcome::default()
    );
    assert_eq!(stored(&session, &draft_key("new")), None);
    // Opening an editable one again clears the read-only alert.
    session.open(Opened {
        record: record("old", 3, "x"),
        migrated_from: None,
        read_only: false,
    });
    assert_eq!(session.take_alert(), Some(None));
    assert!(!session.read_only());
}

#[test]
fn a_snapshot_is_kept_at_the_first_save_and_then_every_five_minutes() {
    let (mut session, clock) = session_in(MemoryStore::new(), "a", 0);
    session.changed();
    assert!(session.save(&record("a", 0, "One.")).snapshot_soon);
    assert!(session.snapshot_if_due());
    assert_eq!(session.versions().len(), 1);
    clock.advance(60_000.0);
    session.changed();
    assert!(!session.save(&record("a", 0, "Two.")).snapshot_soon);
    assert!(!session.snapshot_if_due());
    clock.advance(SNAPSHOT_INTERVAL_MS);
    session.changed();
    assert!(session.save(&record("a", 0, "Three.")).snapshot_soon);
    assert!(session.snapshot_if_due());
    let versions = session.versions();
    assert_eq!(versions.len(), 2);
    assert!(versions[0].text.contains("Three."));
    assert_eq!(session.delete_older_versions(), 1);
    assert_eq!(session.versions().len(), 1);
}

#[test]
fn a_periodic_snapshot_leaves_a_damaged_history_alone() {
    let mut store = MemoryStore::new();
    store
        .set(&history_key("a"), "{\"schema\":1,\"id\":\"a\",\"lat")
        .unwrap();
    let (mut session, _) = session_in(store, "a", 0);
    session.changed();
    assert!(session.save(&record("a", 0, "One.")).snapshot_soon);
    assert!(!session.snapshot_if_due());
    session.changed();
    assert!(!session.save(&record("a", 0, "Two.")).snapshot_soon);
    assert_eq!(
        stored(&session, &history_key("a")).as_deref(),
        Some("{\"schema\":1,\"id\":\"a\",\"lat")
    );
    assert!(session.versions().is_empty());
    assert_eq!(session.delete_older_versions(), 0);
}

#[test]
fn keeping_a_version_over_a_damaged_history_sets_it_aside_and_starts_afresh() {
    let damaged = "{\"schema\":1,\"id\":\"a\",\"lat";
    let mut store = MemoryStore::new();
    store.set(&history_key("a"), damaged).unwrap();
    let (mut session, _) = session_in(store, "a", 0);
    session.changed();
    session.save(&record("a", 0, "One."));
    let aside = damaged_history_key("a", T0);
    assert_eq!(
        session.keep_version(&record("a", 0, "One.")),
        Ok(Kept::NewHistory {
            aside: aside.clone()
        })
    );
    assert_eq!(stored(&session, &aside).as_deref(), Some(damaged));
    assert_eq!(session.versions().len(), 1);
    assert_eq!(
        session.keep_version(&record("a", 0, "One.")),
        Ok(Kept::AlreadyKept)
    );
}

#[test]
fn keeping_a_version_says_so_when_it_cannot_and_loses_nothing() {
    let damaged = "{\"schema\":1,\"id\":\"a\",\"lat";
    let mut store = MemoryStore::new();
    store.set(&history_key("a"), damaged).unwrap();
    let (mut session, _) = session_in(store, "a", 0);
    session.changed();
    session.save(&record("a", 0, "One."));
    // No room to set the damaged history aside: not kept, and the damaged record stays.
    session.drafts_mut().store_mut().fail_write(1);
    let why = session.keep_version(&record("a", 0, "One.")).unwrap_err();
    assert!(why.contains("not kept"), "{why}");
    assert_eq!(
        stored(&session, &history_key("a")).as_deref(),
        Some(damaged)
    );
    // Set aside, but no room for the new history.
    session.drafts_mut().store_mut().fail_write(2);
    let why = session.keep_version(&record("a", 0, "One.")).unwrap_err();
    assert!(why.contains("storage for this site is full"), "{why}");
}

#[test]
fn history_at_its_byte_budget_drops_the_oldest_and_refuses_a_review_too_long_for_it() {
    let (mut session, clock) = session_in(MemoryStore::new(), "a", 0);
    let chunk = "word ".repeat(12_000);
    for i in 0..8 {
        session.changed();
        session.save(&record("a", 0, &format!("{i}{chunk}{i}")));
        clock.advance(SNAPSHOT_INTERVAL_MS);
        assert!(session.snapshot_if_due());
        let size = stored(&session, &history_key("a")).unwrap().len();
        assert!(size <= HISTORY_BUDGET, "{size}");
    }
    let versions = session.versions();
    assert!(
        versions.len() < 8 && versions.len() > 1,
        "{}",
        versions.len()
    );
    assert!(versions[0].text.contains("7word"));
    // A review longer than the budget: no snapshot, and "Keep this version" says so.
    session.changed();
    session.save(&record("a", 0, &"long ".repeat(60_000)));
    clock.advance(SNAPSHOT_INTERVAL_MS);
    assert!(!session.snapshot_if_due());
    let why = session.keep_version(&record("a", 0, "")).unwrap_err();
    assert!(why.contains("longer than"), "{why}");
    assert_eq!(session.versions().len(), versions.len());
}

#[test]
fn keeping_a_version_before_any_save_encodes_the_review_as_it_is() {
    let (mut session, _) = session_in(MemoryStore::new(), "a", 3);
    session.warm_up(&record("a", 3, "Unsaved yet."));
    assert_eq!(
        session.keep_version(&record("a", 3, "Unsaved yet.")),
        Ok(Kept::Kept)
    );
    let versions = session.versions();
    assert!(versions[0].text.contains("Unsaved yet."));
    let restored = version_record(&versions[0].text).unwrap();
    assert_eq!(body(&restored), "Unsaved yet.");
    assert!(version_record("{nope")
        .unwrap_err()
        .contains("cannot be restored"));
}

#[test]
fn iso_timestamps_are_written_as_javascript_writes_them() {
    assert_eq!(iso_from_ms(0.0), "1970-01-01T00:00:00.000Z");
    assert_eq!(iso_from_ms(951_782_400_123.0), "2000-02-29T00:00:00.123Z");
    assert_eq!(iso_from_ms(1_764_855_421_007.0), "2025-12-04T13:37:01.007Z");
}

// Start-up.

fn started(store: MemoryStore) -> Started<MemoryStore, TestClock> {
    start(Ok(store), TestClock::at(T0), "new-id".into(), "2026-12-04")
}

fn dated(id: &str, saved_at: &str, body: &str) -> String {
    let mut r = record(id, 1, body);
    r.saved_at = saved_at.into();
    json(&r)
}

#[test]
fn start_opens_the_draft_opened_last() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), &dated("a", "2026-01-01", "A."))
        .unwrap();
    store
        .set(&draft_key("b"), &dated("b", "2026-02-01", "B."))
        .unwrap();
    store.set(CURRENT_KEY, "a").unwrap();
    let s = started(store);
    assert_eq!(
        (s.session.id(), s.review.sections[0].body.as_str()),
        ("a", "A.")
    );
    assert_eq!((s.alert, s.unreadable), (None, None));
    assert_eq!(s.session.status(), SaveStatus::Saved);
}

#[test]
fn start_without_storage_is_a_new_review_that_says_why() {
    let s: Started<MemoryStore, _> = start(
        Err(StoreError::Unavailable("blocked".into())),
        TestClock::at(T0),
        "new-id".into(),
        "2026-12-04",
    );
    assert_eq!(s.session.status(), SaveStatus::Unavailable);
    assert!(s.alert.unwrap().contains("blocked"));
    assert_eq!(s.session.id(), "new-id");
}

#[test]
fn start_with_a_pointer_to_a_missing_draft_opens_the_most_recent_readable_one() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), &dated("a", "2026-01-01", "A."))
        .unwrap();
    store
        .set(&draft_key("b"), &dated("b", "2026-02-01", "B."))
        .unwrap();
    store.set(CURRENT_KEY, "gone").unwrap();
    let s = started(store.clone());
    assert_eq!(s.session.id(), "b");
    assert_eq!(s.alert, None);
    assert_eq!(stored(&s.session, CURRENT_KEY).as_deref(), Some("b"));
    // No pointer at all: the same.
    store.remove(CURRENT_KEY).unwrap();
    assert_eq!(started(store).session.id(), "b");
}

#[test]
fn start_with_a_pointer_to_a_draft_not_yet_saved_and_nothing_else_keeps_its_id() {
    // Another tab opened a new review and has not typed yet.
    let mut store = MemoryStore::new();
    store.set(CURRENT_KEY, "m1-abc").unwrap();
    let s = started(store);
    assert_eq!(s.session.id(), "m1-abc");
    assert_eq!(s.alert, None);
    assert_eq!(started(MemoryStore::new()).session.id(), "new-id");
}

#[test]
fn start_with_every_record_corrupt_says_so_and_offers_one_for_download() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), "{\"schema\":3,\"id\":\"a\",\"revi")
        .unwrap();
    store.set(&draft_key("b"), "garbage").unwrap();
    store.set(&summary_key("a"), "{bad").unwrap();
    store.set(CURRENT_KEY, "\u{fffd}\u{fffd}").unwrap();
    let s = started(store);
    assert_eq!(
        s.session.id(),
        "new-id",
        "a damaged pointer's text is no id"
    );
    let alert = s.alert.unwrap();
    assert!(
        alert.starts_with("2 saved reviews could not be read."),
        "{alert}"
    );
    assert!(alert.contains("a new review was started"), "{alert}");
    let (key, raw) = s.unreadable.unwrap();
    assert_eq!(key, draft_key("a"));
    assert_eq!(raw, "{\"schema\":3,\"id\":\"a\",\"revi");
    // Nothing stored was changed but the pointer.
    assert_eq!(
        stored(&s.session, &draft_key("b")).as_deref(),
        Some("garbage")
    );
    assert_eq!(stored(&s.session, CURRENT_KEY).as_deref(), Some("new-id"));
}

#[test]
fn start_with_a_corrupt_current_record_starts_anew_and_names_the_others() {
    let mut store = MemoryStore::new();
    store.set(&draft_key("bad"), "{broken").unwrap();
    store.set(&draft_key("worse"), "{broken too").unwrap();
    store
        .set(&draft_key("good"), &dated("good", "2026-01-01", "G."))
        .unwrap();
    store.set(CURRENT_KEY, "bad").unwrap();
    let s = started(store);
    assert_eq!(s.session.id(), "new-id");
    let alert = s.alert.unwrap();
    assert!(
        alert.contains("\u{201c}verdict:draft:bad\u{201d}"),
        "{alert}"
    );
    assert!(
        alert.contains("A saved review could not be read."),
        "{alert}"
    );
    assert_eq!(s.unreadable.unwrap(), (draft_key("bad"), "{broken".into()));
    assert_eq!(
        stored(&s.session, &draft_key("bad")).as_deref(),
        Some("{broken")
    );
}

#[test]
fn start_with_a_good_draft_and_another_unreadable_one_says_so() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), &dated("a", "2026-01-01", "A."))
        .unwrap();
    store.set(&draft_key("bad"), "{broken").unwrap();
    store.set(CURRENT_KEY, "a").unwrap();
    let s = started(store);
    assert_eq!(s.session.id(), "a");
    assert!(s
        .alert
        .unwrap()
        .contains("your most recent other review is open"));
    assert_eq!(s.unreadable.unwrap().0, draft_key("bad"));
}

#[test]
fn start_opens_a_record_whose_id_differs_from_its_key_under_its_key() {
    let mut store = MemoryStore::new();
    store
        .set(&draft_key("a"), &json(&record("b", 4, "Under a.")))
        .unwrap();
    store.set(CURRENT_KEY, "a").unwrap();
    let s = started(store);
    let mut session = s.session;
    assert_eq!(session.id(), "a");
    session.changed();
    session.save(&record("ignored", 0, "Edited under a."));
    assert_eq!(body(&stored_record(&session, "a")), "Edited under a.");
    assert_eq!(stored_record(&session, "a").id, "a");
    assert_eq!(stored(&session, &draft_key("b")), None);
}

#[test]
fn start_opens_a_newer_record_read_only_and_a_migrated_one_for_saving() {
    let mut store = MemoryStore::new();
    let newer = r#"{"schema":9,"id":"n","revision":3,"saved_at":"t","created_at":"t","review":{"metadata":{"title":"Future"},"sections":[]},"view":{}}"#;
    store.set(&draft_key("n"), newer).unwrap();
    store.set(CURRENT_KEY, "n").unwrap();
    let s = started(store);
    assert!(s.read_only);
    assert_eq!(s.session.status(), SaveStatus::ReadOnly);
    assert_eq!(s.alert.as_deref(), Some(READ_ONLY_MESSAGE));

    let v1 = r#"{"schema":1,"id":"old","revision":7,"saved_at":"2026-10-01T08:00:00Z","review":{"metadata":{"title":"Gilead"},"post_title":"","sections":[],"rating":null},"view":{"show_spoilers":true}}"#;
    let mut store = MemoryStore::new();
    store.set(&draft_key("old"), v1).unwrap();
    store.set(CURRENT_KEY, "old").unwrap();
    let s = started(store);
    assert!(s.migrated && s.show_spoilers && !s.read_only);
}
