//! The Verdict JSON export: the review exactly as stored, in a small envelope that says what it
//! is, for moving a review between browsers or keeping it as a file.

use serde::{Deserialize, Serialize};

use crate::review::Review;

/// The MIME type of the JSON download.
pub const MIME: &str = "application/json";

/// What a Verdict review file says it is.
pub const FORMAT: &str = "verdict-review";

/// The layout of review files this version writes (and the newest it reads). Version 2 may hold
/// templates, custom fields, a cover and ignored words, which version 1 readers would drop.
pub const VERSION: u32 = 2;

/// A review file.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReviewFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The layout version.
    pub version: u32,
    /// The review.
    pub review: Review,
}

/// The whole JSON file, pretty-printed.
pub fn document(review: &Review) -> String {
    serde_json::to_string_pretty(&ReviewFile {
        format: FORMAT.into(),
        version: VERSION,
        review: review.clone(),
    })
    .unwrap_or_default()
}
