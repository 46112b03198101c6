//! Writing a draft record without re-encoding what did not change: each section's JSON is
//! kept and reused until its text changes, so an autosave of a long review costs about as much
//! as encoding the one section being typed in, plus joining strings.

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;

use crate::bytes;
use crate::review::words::{count_words, recount_words};
use crate::review::{Metadata, Rating};

use crate::formats::draft::{ViewState, SCHEMA_VERSION};
use crate::formats::json_string::{push_json_string, with_room_for_escapes};

/// One section as the encoder sees it (borrowed, so the caller need not copy its text).
#[derive(Serialize)]
pub struct SectionRef<'a> {
    /// The section's id.
    pub id: u64,
    /// Its heading.
    pub heading: &'a str,
    /// Its Markdown body.
    pub body: &'a str,
    /// Whether it is a spoiler.
    pub spoiler: bool,
}

struct Cached {
    heading: String,
    /// The body as encoded, compared in full with the next one: a hash could let a real
    /// change through as "unchanged", and that change would never be saved.
    body: String,
    spoiler: bool,
    json: String,
    /// The body's words, kept apart so that an edit recounts only what it changed.
    body_words: usize,
}

/// Encodes draft records, caching each section's JSON between calls.
#[derive(Default)]
pub struct DraftEncoder {
    cache: FxHashMap<u64, Cached>,
    /// The sections added since the last record, in order.
    order: Vec<Part>,
    /// Their ids, to spot a repeated id (which must not share one cache entry).
    seen: FxHashSet<u64>,
    counting: usize,
    finished_words: usize,
}

/// A section of the record being encoded: its cached JSON, or (for a repeated id) its own.
enum Part {
    Cached(u64),
    Own(String),
}

/// The JSON of one section of the record.
fn part<'a>(cache: &'a FxHashMap<u64, Cached>, part: &'a Part) -> &'a str {
    match part {
        Part::Cached(id) => cache.get(id).map_or("null", |c| c.json.as_str()),
        Part::Own(json) => json,
    }
}

/// A section's JSON, as serde would write it (a test holds the two together), with its text
/// escaped eight bytes a step: this is the part of a save that grows with the section.
fn section_json(section: &SectionRef) -> String {
    let text = section.heading.len() + section.body.len();
    let mut out = String::with_capacity(with_room_for_escapes(text) + 64);
    out.push_str("{\"id\":");
    out.push_str(&section.id.to_string());
    out.push_str(",\"heading\":");
    push_json_string(&mut out, section.heading);
    out.push_str(",\"body\":");
    push_json_string(&mut out, section.body);
    out.push_str(",\"spoiler\":");
    out.push_str(if section.spoiler { "true" } else { "false" });
    out.push('}');
    out
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

impl DraftEncoder {
    /// A new encoder with nothing cached.
    pub fn new() -> DraftEncoder {
        DraftEncoder::default()
    }

    /// Adds the next section of the record being encoded.
    pub fn section(&mut self, section: SectionRef) {
        if !self.seen.insert(section.id) {
            // A repeated id (which the editor never makes, but a hand-edited file could):
            // its own JSON, leaving the cache entry to the first section with that id.
            self.counting += count_words(section.heading) + count_words(section.body);
            self.order.push(Part::Own(section_json(&section)));
            return;
        }
        let cached = self.cache.get(&section.id);
        let fresh = cached.is_some_and(|c| {
            c.spoiler == section.spoiler
                && c.heading == section.heading
                && bytes::same(c.body.as_bytes(), section.body.as_bytes())
        });
        if !fresh {
            let body_words = match cached {
                Some(c) => recount_words(&c.body, c.body_words, section.body),
                None => count_words(section.body),
            };
            let cached = Cached {
                heading: section.heading.to_string(),
                body: section.body.to_string(),
                spoiler: section.spoiler,
                json: section_json(&section),
                body_words,
            };
            self.cache.insert(section.id, cached);
        }
        if let Some(cached) = self.cache.get(&section.id) {
            self.counting += cached.body_words;
        }
        self.order.push(Part::Cached(section.id));
    }

    /// The words (bodies only, as [`crate::review::words::review_words`] counts) of the record finished last, counted once per change of
    /// a section, so that the summary beside each save costs nothing extra.
    pub fn words(&self) -> usize {
        self.finished_words
    }

    /// Finishes the record whose sections were added since the last call, and returns its JSON
    /// (the same record [`super::drafts::DraftRecord`] reads back).
    #[allow(clippy::too_many_arguments)]
    pub fn finish(
        &mut self,
        id: &str,
        revision: u64,
        saved_at: &str,
        created_at: &str,
        metadata: &Metadata,
        post_title: &str,
        rating: Option<Rating>,
        view: &ViewState,
    ) -> String {
        let order = std::mem::take(&mut self.order);
        let seen = std::mem::take(&mut self.seen);
        self.finished_words = std::mem::take(&mut self.counting);
        let head = format!(
            "{{\"schema\":{SCHEMA_VERSION},\"id\":{},\"revision\":{revision},\"saved_at\":{},\"created_at\":{},\"review\":{{\"metadata\":{},\"post_title\":{},\"sections\":[",
            json(id),
            json(saved_at),
            json(created_at),
            json(metadata),
            json(post_title),
        );
        let tail = format!("],\"rating\":{}}},\"view\":{}}}", json(&rating), json(view));
        // Written once into a string of the right size: in a long review, copying the
        // sections' JSON about is most of the work left (measured: docs/performance.md).
        let len = order
            .iter()
            .map(|p| part(&self.cache, p).len() + 1)
            .sum::<usize>();
        let mut out = String::with_capacity(head.len() + len + tail.len());
        out.push_str(&head);
        for (i, p) in order.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(part(&self.cache, p));
        }
        out.push_str(&tail);
        // Forget sections that are gone, so the cache never outgrows the review.
        self.cache.retain(|id, _| seen.contains(id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::draft::{parse_record, DraftRecord};
    use crate::review::Review;

    fn encode(encoder: &mut DraftEncoder, review: &Review) -> String {
        for s in &review.sections {
            encoder.section(SectionRef {
                id: s.id,
                heading: &s.heading,
                body: &s.body,
                spoiler: s.spoiler,
            });
        }
        encoder.finish(
            "d1",
            3,
            "2026-11-25T10:00:00Z",
            "2026-11-20T10:00:00Z",
            &review.metadata,
            &review.post_title,
            review.rating,
            &ViewState {
                show_spoilers: true,
            },
        )
    }

    #[test]
    fn encodes_the_same_record_serde_would_and_follows_changes() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Quote \" and \\ and \u{2028}".into();
        review.sections[0].body = "Some *text*\nwith ||spoilers||".into();
        review.rating = Rating::parse("3.5");
        let mut encoder = DraftEncoder::new();
        let expected = DraftRecord {
            schema: SCHEMA_VERSION,
            id: "d1".into(),
            revision: 3,
            saved_at: "2026-11-25T10:00:00Z".into(),
            created_at: "2026-11-20T10:00:00Z".into(),
            review: review.clone(),
            view: ViewState {
                show_spoilers: true,
            },
        };
        assert_eq!(
            parse_record("k", &encode(&mut encoder, &review)).unwrap(),
            expected
        );
        // A changed body is re-encoded; a removed section disappears.
        review.sections[0].body.push_str(" more");
        review.sections.remove(2);
        let json = encode(&mut encoder, &review);
        let record = parse_record("k", &json).unwrap();
        assert_eq!(record.review, review);
        assert_eq!(encoder.cache.len(), 3);
        assert_eq!(encoder.words(), crate::review::words::review_words(&review));
    }

    #[test]
    fn sections_sharing_an_id_keep_their_own_text() {
        let mut review = Review::new_book("2026-11-25");
        for (i, s) in review.sections.iter_mut().enumerate() {
            s.id = 7;
            s.body = format!("body {i}");
        }
        let mut encoder = DraftEncoder::new();
        for _ in 0..2 {
            let record = parse_record("k", &encode(&mut encoder, &review)).unwrap();
            assert_eq!(record.review, review);
        }
    }

    #[test]
    fn every_edit_is_saved() {
        // Among them the same-length edit across an eight-byte boundary ("Ruth" → "ryth")
        // that a hash of eight bytes a step once let pass as unchanged.
        let text = "Kathy, Ruth and Tommy grow up at Hailsham.";
        let mut encoder = DraftEncoder::new();
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = text.into();
        encode(&mut encoder, &review);
        for at in 0..text.len() {
            for edit in ["x", "y"] {
                let mut body = text.to_string();
                body.replace_range(at..at + 1, edit);
                review.sections[0].body = body.clone();
                let record = parse_record("k", &encode(&mut encoder, &review)).unwrap();
                assert_eq!(record.review.sections[0].body, body);
            }
        }
        review.sections[0].body = text.into();
        encode(&mut encoder, &review);
        let ryth = "Kathy, ryth and Tommy grow up at Hailsham.";
        review.sections[0].body = ryth.into();
        let record = parse_record("k", &encode(&mut encoder, &review)).unwrap();
        assert_eq!(record.review.sections[0].body, ryth);
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::review::words::review_words;
    use crate::review::Review;

    proptest::proptest! {
        /// A section's JSON is the JSON serde writes for it.
        #[test]
        fn a_section_is_written_as_serde_writes_it(
            id in proptest::num::u64::ANY,
            heading in "[a-z \"\\\\\n\u{1}é]{0,12}",
            body in "[a-z \"\\\\\n\t\u{0}-\u{1f}é🎉]{0,80}",
            spoiler in proptest::bool::ANY,
        ) {
            let section = SectionRef { id, heading: &heading, body: &body, spoiler };
            proptest::prop_assert_eq!(section_json(&section), serde_json::to_string(&section).unwrap());
        }

        /// Edit after edit, the words the encoder reports (counting only what changed) are
        /// those of the whole review.
        #[test]
        fn the_word_count_follows_every_edit(
            edits in proptest::collection::vec((0usize..3, 0usize..200, 0usize..6, "[ab '\\-\n]{0,6}"), 1..20),
        ) {
            let mut review = Review::new_book("2026-11-25");
            review.sections.truncate(3);
            let mut encoder = DraftEncoder::new();
            for (which, at, len, insert) in edits {
                let count = review.sections.len();
                let body = &mut review.sections[which % count].body;
                let at = at.min(body.len());
                let end = (at + len).min(body.len());
                body.replace_range(at..end, &insert);
                for s in &review.sections {
                    encoder.section(SectionRef { id: s.id, heading: &s.heading, body: &s.body, spoiler: s.spoiler });
                }
                encoder.finish("d", 1, "t", "t", &review.metadata, "", None, &ViewState { show_spoilers: false });
                proptest::prop_assert_eq!(encoder.words(), review_words(&review));
            }
        }
    }
}
