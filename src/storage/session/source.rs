//! What the session reads the time and the review from: a [`Clock`], and a [`DraftSource`]
//! (the editor's signals in the app, a plain [`DraftRecord`] in tests).

use crate::review::identity::BookIdentity;
use crate::review::{effective_post_title, split_list, Metadata};

use super::super::encoder::{DraftEncoder, SectionRef};
use crate::formats::draft::DraftRecord;

/// The time, for the session: milliseconds since the Unix epoch.
pub trait Clock {
    /// Now, in milliseconds since the Unix epoch.
    fn now_ms(&self) -> f64;

    /// Now as an ISO 8601 UTC timestamp (as JavaScript's `toISOString` writes it).
    fn now_iso(&self) -> String {
        iso_from_ms(self.now_ms())
    }
}

/// `ms` (since the Unix epoch) as `YYYY-MM-DDTHH:MM:SS.sssZ`.
pub fn iso_from_ms(ms: f64) -> String {
    let ms = ms.max(0.0) as i64;
    let (days, rest) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000
    )
}

/// The head of a record being written.
#[derive(Clone, Copy, Debug)]
pub struct RecordHead<'a> {
    /// The draft's id.
    pub id: &'a str,
    /// The revision the record is written at.
    pub revision: u64,
    /// When it is saved (ISO 8601).
    pub saved_at: &'a str,
    /// When the draft was first made (ISO 8601).
    pub created_at: &'a str,
}

/// Where the open review's content comes from: the editor's signals in the app, a plain
/// [`DraftRecord`] in tests.
pub trait DraftSource {
    /// Feeds every section to `encoder` and finishes the record with `head`.
    fn encode(&self, encoder: &mut DraftEncoder, head: &RecordHead) -> String;
    /// What the summary beside the draft shows of it.
    fn summary_fields(&self) -> SummaryFields;
}

/// What a draft's summary takes from the review (besides its id, time and word count).
pub struct SummaryFields {
    /// The post title, or the default one.
    pub title: String,
    /// Its genres, as listed.
    pub genres: Vec<String>,
    /// Its tags, as listed.
    pub tags: Vec<String>,
    /// The book it reviews.
    pub book: BookIdentity,
}

impl SummaryFields {
    /// The fields of a review with these book facts and this typed post title.
    pub fn of(metadata: &Metadata, post_title: &str) -> SummaryFields {
        SummaryFields {
            title: effective_post_title(post_title, &metadata.title, &metadata.author),
            genres: split_list(&metadata.genre),
            tags: split_list(&metadata.tags),
            book: BookIdentity::of(metadata),
        }
    }
}

impl DraftSource for DraftRecord {
    fn encode(&self, encoder: &mut DraftEncoder, head: &RecordHead) -> String {
        for section in &self.review.sections {
            encoder.section(SectionRef {
                id: section.id,
                heading: &section.heading,
                body: &section.body,
                spoiler: section.spoiler,
            });
        }
        let review = &self.review;
        encoder.finish(
            head.id,
            head.revision,
            head.saved_at,
            head.created_at,
            &review.metadata,
            &review.post_title,
            review.rating,
            &self.view,
        )
    }

    fn summary_fields(&self) -> SummaryFields {
        SummaryFields::of(&self.review.metadata, &self.review.post_title)
    }
}
