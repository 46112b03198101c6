//! Snapshots of a draft over time, kept compactly: the newest whole, each older one as the
//! difference from the next newer (one replaced span), within a byte budget per draft; when the
//! budget is passed, the oldest snapshots go first.

use serde::{Deserialize, Serialize};

use super::drafts::KEY_PREFIX;

/// The layout of history records this version writes.
pub const HISTORY_SCHEMA: u32 = 1;

/// The most bytes one draft's history record may take. A review larger than this has no
/// history (a snapshot would double what it takes of the storage).
pub const HISTORY_BUDGET: usize = 256 * 1024;

/// How long editing goes on before a new snapshot is taken.
pub const SNAPSHOT_INTERVAL_MS: f64 = 5.0 * 60.0 * 1000.0;

/// The key of the history of draft `id`.
pub fn history_key(id: &str) -> String {
    format!("{KEY_PREFIX}history:{id}")
}

/// The newest snapshot, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken (ISO 8601).
    pub at: String,
    /// The same instant in milliseconds since the epoch (for the interval).
    pub at_ms: f64,
    /// Its word count, for the list.
    pub words: usize,
    /// The draft record's JSON at that time.
    pub text: String,
}

/// An older snapshot, as the change that turns the next newer snapshot's text into its own:
/// keep the first `keep_start` bytes and the last `keep_end` bytes, and put `insert` between.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// When it was taken (ISO 8601).
    pub at: String,
    /// The same instant in milliseconds since the epoch.
    pub at_ms: f64,
    /// Its word count.
    pub words: usize,
    /// Bytes kept from the start of the newer text.
    pub keep_start: usize,
    /// Bytes kept from the end of the newer text.
    pub keep_end: usize,
    /// What replaces the rest.
    pub insert: String,
}

/// One version, whole, as the `History` view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// When it was taken (ISO 8601).
    pub at: String,
    /// Its word count.
    pub words: usize,
    /// The draft record's JSON at that time.
    pub text: String,
}

/// The history of one draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The layout of this record.
    pub schema: u32,
    /// The draft's id.
    pub id: String,
    /// The newest snapshot.
    pub latest: Option<Snapshot>,
    /// Older snapshots, newest first.
    pub older: Vec<Delta>,
}

impl History {
    /// An empty history for draft `id`.
    pub fn new(id: &str) -> History {
        History {
            schema: HISTORY_SCHEMA,
            id: id.to_string(),
            latest: None,
            older: Vec::new(),
        }
    }

    /// Reads a stored history; a damaged one reads as `None` (the caller keeps it untouched
    /// and starts no new one over it).
    pub fn parse(raw: &str) -> Option<History> {
        serde_json::from_str::<History>(raw)
            .ok()
            .filter(|h| h.schema <= HISTORY_SCHEMA)
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// How many snapshots it holds.
    pub fn len(&self) -> usize {
        self.latest.iter().count() + self.older.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.latest.is_none()
    }

    /// Whether enough editing time has passed since the newest snapshot for another.
    pub fn is_due(&self, now_ms: f64) -> bool {
        self.latest
            .as_ref()
            .is_none_or(|l| now_ms - l.at_ms >= SNAPSHOT_INTERVAL_MS || now_ms < l.at_ms)
    }

    /// Adds `text` as the newest snapshot (unless it equals the newest already kept), then
    /// drops the oldest snapshots until the record fits `budget` bytes. Returns whether a
    /// snapshot was added.
    pub fn record(
        &mut self,
        text: &str,
        at: &str,
        at_ms: f64,
        words: usize,
        budget: usize,
    ) -> bool {
        // A snapshot that alone passes the budget is not kept: it would take the room the
        // draft itself needs.
        if self.latest.as_ref().is_some_and(|l| l.text == text) || text.len() > budget {
            return false;
        }
        let fresh = Snapshot {
            at: at.to_string(),
            at_ms,
            words,
            text: text.to_string(),
        };
        if let Some(previous) = self.latest.replace(fresh) {
            let (keep_start, keep_end, insert) = splice(text, &previous.text);
            self.older.insert(
                0,
                Delta {
                    at: previous.at,
                    at_ms: previous.at_ms,
                    words: previous.words,
                    keep_start,
                    keep_end,
                    insert: insert.to_string(),
                },
            );
        }
        self.fit(budget);
        true
    }

    /// Drops the oldest snapshots until the stored record is at most `budget` bytes (the newest
    /// is always kept).
    pub fn fit(&mut self, budget: usize) {
        let mut size = self.to_json().len();
        while size > budget {
            let Some(oldest) = self.older.pop() else {
                break;
            };
            // The JSON of a delta is at least its insert plus a little; recompute exactly only
            // when the estimate says it may fit, so trimming a long history stays linear.
            size = size.saturating_sub(oldest.insert.len());
            if size <= budget {
                size = self.to_json().len();
            }
        }
    }

    /// Every version, newest first, made whole.
    pub fn versions(&self) -> Vec<Version> {
        let Some(latest) = &self.latest else {
            return Vec::new();
        };
        let mut out = vec![Version {
            at: latest.at.clone(),
            words: latest.words,
            text: latest.text.clone(),
        }];
        let mut text = latest.text.clone();
        for delta in &self.older {
            let Some(older) = apply(&text, delta) else {
                // A damaged delta: the versions before it cannot be rebuilt.
                break;
            };
            out.push(Version {
                at: delta.at.clone(),
                words: delta.words,
                text: older.clone(),
            });
            text = older;
        }
        out
    }
}

/// The one span of `newer` to replace to get `older`: `(keep_start, keep_end, insert)`.
fn splice<'a>(newer: &str, older: &'a str) -> (usize, usize, &'a str) {
    let mut start = newer
        .bytes()
        .zip(older.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !newer.is_char_boundary(start) || !older.is_char_boundary(start) {
        start -= 1;
    }
    let max_end = newer.len().min(older.len()) - start;
    let mut end = newer
        .bytes()
        .rev()
        .zip(older.bytes().rev())
        .take(max_end)
        .take_while(|(a, b)| a == b)
        .count();
    while !newer.is_char_boundary(newer.len() - end) || !older.is_char_boundary(older.len() - end) {
        end -= 1;
    }
    (start, end, &older[start..older.len() - end])
}

/// `newer` changed by `delta`, or `None` if the delta does not fit it.
fn apply(newer: &str, delta: &Delta) -> Option<String> {
    let tail = newer.len().checked_sub(delta.keep_end)?;
    if delta.keep_start > tail {
        return None;
    }
    let head = newer.get(..delta.keep_start)?;
    let end = newer.get(tail..)?;
    Some(format!("{head}{}{end}", delta.insert))
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn versions_come_back_newest_first() {
        let mut history = History::new("a");
        assert!(history.is_due(0.0));
        assert!(history.record("one two", "t1", 0.0, 2, HISTORY_BUDGET));
        assert!(!history.is_due(1000.0));
        assert!(history.is_due(SNAPSHOT_INTERVAL_MS));
        assert!(
            !history.record("one two", "t1b", 1.0, 2, HISTORY_BUDGET),
            "same text"
        );
        assert!(history.record("one, two, three", "t2", 2.0, 3, HISTORY_BUDGET));
        assert!(history.record("two, three", "t3", 3.0, 2, HISTORY_BUDGET));
        let versions = history.versions();
        let texts: Vec<_> = versions.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(texts, ["two, three", "one, two, three", "one two"]);
        assert_eq!(versions[2].at, "t1");
        let parsed = History::parse(&history.to_json()).unwrap();
        assert_eq!(parsed, history);
    }

    #[test]
    fn small_edits_to_a_long_text_take_little_room() {
        let mut history = History::new("a");
        let mut text = "word ".repeat(20_000);
        history.record(&text, "t0", 0.0, 20_000, HISTORY_BUDGET);
        for i in 1..=20 {
            text.insert_str(50 * i, "new ");
            history.record(&text, &format!("t{i}"), i as f64, 0, HISTORY_BUDGET);
        }
        assert_eq!(history.len(), 21);
        assert!(history.to_json().len() < text.len() + 21 * 120);
    }

    #[test]
    fn the_budget_drops_the_oldest_first_and_keeps_the_newest() {
        let mut history = History::new("a");
        for i in 0..10 {
            let text = format!("{i}").repeat(1000);
            history.record(&text, &format!("t{i}"), i as f64, 1, 5_000);
            assert!(history.to_json().len() <= 5_000);
        }
        let versions = history.versions();
        assert_eq!(versions[0].text, "9".repeat(1000));
        assert!(versions.len() < 10);
        let ats: Vec<_> = versions.iter().map(|v| v.at.clone()).collect();
        let expected: Vec<_> = (10 - versions.len()..10)
            .rev()
            .map(|i| format!("t{i}"))
            .collect();
        assert_eq!(ats, expected, "what remains is the newest, in order");
        // A single snapshot bigger than the budget is not kept; what was kept stays.
        let before = history.len();
        assert!(!history.record(&"x".repeat(10_000), "big", 11.0, 1, 5_000));
        assert_eq!(history.len(), before);
    }

    #[test]
    fn a_damaged_delta_stops_the_list_instead_of_inventing_text() {
        let mut history = History::new("a");
        history.record("abc", "t1", 0.0, 1, HISTORY_BUDGET);
        history.record("abcdef", "t2", 1.0, 1, HISTORY_BUDGET);
        history.older[0].keep_start = 99;
        assert_eq!(history.versions().len(), 1);
        assert_eq!(History::parse("{nope"), None);
    }

    proptest! {
        #[test]
        fn any_sequence_of_texts_comes_back_exactly(texts in proptest::collection::vec("[a-cé😀 ]{0,12}", 1..12)) {
            let mut history = History::new("p");
            let mut kept: Vec<String> = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                if history.record(text, &format!("t{i}"), i as f64, 0, usize::MAX) {
                    kept.push(text.clone());
                }
            }
            kept.reverse();
            let versions: Vec<String> = history.versions().into_iter().map(|v| v.text).collect();
            prop_assert_eq!(versions, kept);
        }
    }
}
