//! Writing a draft record without re-encoding what did not change: each section's JSON is
//! kept and reused until its text changes, so an autosave of a long review costs about as much
//! as encoding the one section being typed in, plus joining strings.

use std::collections::HashMap;

use serde::Serialize;

use crate::review::words::count_words;
use crate::review::{Metadata, Rating};

use super::drafts::{ViewState, SCHEMA_VERSION};

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
    body_len: usize,
    body_hash: u64,
    spoiler: bool,
    json: String,
    words: usize,
}

/// Encodes draft records, caching each section's JSON between calls.
#[derive(Default)]
pub struct DraftEncoder {
    cache: HashMap<u64, Cached>,
    sections: Vec<String>,
    seen: Vec<u64>,
    counting: usize,
    finished_words: usize,
}

/// FNV-1a over the bytes: cheap, and a changed body is caught with overwhelming likelihood
/// (the length is compared too).
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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
        let body_hash = hash(section.body);
        let fresh = match self.cache.get(&section.id) {
            Some(c) => {
                c.body_len == section.body.len()
                    && c.body_hash == body_hash
                    && c.spoiler == section.spoiler
                    && c.heading == section.heading
            }
            None => false,
        };
        if !fresh {
            let cached = Cached {
                heading: section.heading.to_string(),
                body_len: section.body.len(),
                body_hash,
                spoiler: section.spoiler,
                json: json(&section),
                words: count_words(section.heading) + count_words(section.body),
            };
            self.cache.insert(section.id, cached);
        }
        self.seen.push(section.id);
        if let Some(cached) = self.cache.get(&section.id) {
            self.counting += cached.words;
            self.sections.push(cached.json.clone());
        }
    }

    /// The words (headings and bodies) of the record finished last, counted once per change of
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
        let sections = std::mem::take(&mut self.sections).join(",");
        let seen = std::mem::take(&mut self.seen);
        self.finished_words = std::mem::take(&mut self.counting);
        // Forget sections that are gone, so the cache never outgrows the review.
        self.cache.retain(|id, _| seen.contains(id));
        format!(
            "{{\"schema\":{SCHEMA_VERSION},\"id\":{},\"revision\":{revision},\"saved_at\":{},\"created_at\":{},\"review\":{{\"metadata\":{},\"post_title\":{},\"sections\":[{sections}],\"rating\":{}}},\"view\":{}}}",
            json(id),
            json(saved_at),
            json(created_at),
            json(metadata),
            json(post_title),
            json(&rating),
            json(view),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Review;
    use crate::storage::drafts::{parse_record, DraftRecord};

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
}
