//! `Open file`: reading a review back from a file. Verdict's own JSON and its Markdown (which
//! carries markers, see [`crate::formats::markers`]) come back exactly; Markdown from elsewhere
//! (or a flavour without markers) comes back as well as it can be read, its headings becoming
//! sections, and nothing that cannot be placed is dropped. Every failure is a message in words.

pub mod books;
pub mod markdown;
pub mod review_html;
pub mod yaml;

use serde::Deserialize;

use crate::formats::admit::admit;
use crate::formats::backup::BACKUP_FORMAT;
use crate::formats::draft::read_record;
use crate::formats::json::{ReviewFile, FORMAT, VERSION};
use crate::review::limits::MAX_REVIEW_BYTES;
use crate::review::Review;

/// The largest file read: a review holds at most [`MAX_REVIEW_BYTES`] of text, and a file
/// carries some markup around it.
pub const MAX_FILE_BYTES: usize = MAX_REVIEW_BYTES * 2;

/// How a file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A Verdict JSON file: exact.
    Json,
    /// Markdown written by Verdict, with its markers: exact.
    VerdictMarkdown,
    /// Other Markdown: headings became sections.
    Markdown,
}

/// A review read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The review.
    pub review: Review,
    /// How it was read.
    pub source: Source,
    /// What the person should know (e.g. what could not be placed and where it went).
    pub notes: Vec<String>,
}

/// Reads a chosen file (`name` only helps to tell JSON from Markdown). Nothing is stored here.
pub fn import(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "\u{201c}{name}\u{201d} is {}, more than a review can hold ({} MB of text). Nothing was opened.",
            crate::review::limits::megabytes(bytes.len()),
            MAX_REVIEW_BYTES / (1024 * 1024)
        ));
    }
    // Binary, as git decides it: not UTF-8, or a NUL byte near the start.
    let text = std::str::from_utf8(bytes)
        .ok()
        .filter(|_| !bytes[..bytes.len().min(8000)].contains(&0))
        .ok_or_else(|| {
            format!(
                "\u{201c}{name}\u{201d} is not a text file (Markdown or JSON). Nothing was opened."
            )
        })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // The name decides; without a telling extension, the content does.
    let lower = name.to_ascii_lowercase();
    let markdown_name = [".md", ".markdown", ".txt", ".mdown", ".mkd"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    let looks_json =
        lower.ends_with(".json") || (!markdown_name && text.trim_start().starts_with('{'));
    let mut imported = if looks_json {
        json(name, text)?
    } else {
        markdown::import(text)
    };
    // The checks Restore from backup makes too.
    let stripped = admit(&mut imported.review)
        .map_err(|why| format!("\u{201c}{name}\u{201d} {why}. Nothing was opened."))?;
    imported.notes.extend(stripped);
    Ok(imported)
}

/// Reads a Verdict JSON file (or a single draft record, as downloaded from storage).
fn json(name: &str, text: &str) -> Result<Imported, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!("\u{201c}{name}\u{201d} is not valid JSON ({e}). Nothing was opened.")
    })?;
    let format = value.get("format").and_then(|f| f.as_str());
    if format == Some(BACKUP_FORMAT) {
        return Err(format!(
            "\u{201c}{name}\u{201d} is a backup of all reviews: open Reviews and use \u{201c}Restore from backup\u{201d}. Nothing was opened."
        ));
    }
    if format == Some(FORMAT) {
        #[derive(Deserialize)]
        struct Head {
            version: u32,
        }
        // Read from the text again rather than from the parsed value: one deserializer for
        // every type keeps the Wasm smaller.
        let head: Head = serde_json::from_str(text).map_err(|e| {
            format!("\u{201c}{name}\u{201d} is a damaged Verdict file ({e}). Nothing was opened.")
        })?;
        if head.version > VERSION {
            return Err(format!(
                "\u{201c}{name}\u{201d} was made by a newer version of Verdict (format {}). Open it there. Nothing was opened.",
                head.version
            ));
        }
        let file: ReviewFile = serde_json::from_str(text).map_err(|e| {
            format!("\u{201c}{name}\u{201d} is a damaged Verdict file ({e}). Nothing was opened.")
        })?;
        return Ok(Imported {
            review: file.review,
            source: Source::Json,
            notes: Vec::new(),
        });
    }
    if value.get("schema").is_some() && value.get("review").is_some() {
        let opened = read_record(name, text).map_err(|e| format!("{e} Nothing was opened."))?;
        let mut notes = Vec::new();
        if opened.read_only {
            notes.push("This review was saved by a newer version of Verdict; fields this version does not know were left out of the copy.".to_string());
        }
        return Ok(Imported {
            review: opened.record.review,
            source: Source::Json,
            notes,
        });
    }
    Err(format!(
        "\u{201c}{name}\u{201d} is JSON, but not a Verdict review (it does not say \u{201c}{FORMAT}\u{201d}). Nothing was opened."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::json::document;

    #[test]
    fn json_round_trip_and_refusals() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Gilead".into();
        review.sections[0].body = "||spoiler|| and <b>".into();
        let file = document(&review);
        let back = import("r.json", file.as_bytes()).unwrap();
        assert_eq!(back.review, review);
        assert_eq!(back.source, Source::Json);

        for (bytes, expected) in [
            (&b"\xff\xfe"[..], "not a text file"),
            (b"{nope", "not valid JSON"),
            (br#"{"a":1}"#, "not a Verdict review"),
            (br#"{"format":"verdict-backup"}"#, "Restore from backup"),
            (
                br#"{"format":"verdict-review","version":9,"review":{}}"#,
                "newer version",
            ),
            (
                br#"{"format":"verdict-review","version":1,"review":7}"#,
                "damaged",
            ),
            (b"text with a \0 nul", "not a text file"),
        ] {
            let error = import("f.json", bytes).unwrap_err();
            assert!(error.contains(expected), "{error}");
            assert!(error.contains("Nothing was opened"), "{error}");
        }
        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(import("big.md", &huge)
            .unwrap_err()
            .contains("more than a review can hold"));
    }

    #[test]
    fn a_thousand_sections_open_and_more_are_refused() {
        let file = |n: usize| {
            let mut review = Review::new_book("2026-11-25");
            review.sections = (1..=n as u64)
                .map(|id| crate::review::Section::new(id, &format!("Section {id}")))
                .collect();
            review.sections[n - 1].body = "The last words.".into();
            (document(&review), markdown_of(&review))
        };
        let (json, markdown) = file(1000);
        for (name, text) in [("r.json", &json), ("r.md", &markdown)] {
            let review = import(name, text.as_bytes()).unwrap().review;
            assert_eq!(review.sections.len(), 1000, "{name}");
            assert_eq!(review.sections[999].body, "The last words.", "{name}");
        }
        let (json, markdown) = file(20_000);
        for (name, text) in [("r.json", &json), ("r.md", &markdown)] {
            let error = import(name, text.as_bytes()).unwrap_err();
            assert_eq!(
                error,
                format!("\u{201c}{name}\u{201d} holds 20,000 sections, more than a review can (at most 1,000). Nothing was opened.")
            );
        }
    }

    /// Markdown from elsewhere: one `##` heading a section.
    fn markdown_of(review: &Review) -> String {
        review
            .sections
            .iter()
            .map(|s| format!("## {}\n\n{}\n\n", s.heading, s.body))
            .collect()
    }

    #[test]
    fn duplicate_section_ids_are_renumbered() {
        let text = r#"{"format":"verdict-review","version":1,"review":{"sections":[{"id":1},{"id":1},{"id":0}]}}"#;
        let review = import("r.json", text.as_bytes()).unwrap().review;
        let ids: Vec<u64> = review.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn control_characters_are_taken_out_with_a_note_and_reach_no_export() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Gilead\u{202e}".into();
        review.metadata.isbn13 = "978-0-571-22413-0\u{0}".into();
        review.sections[0].body = "Back\u{8}space".into();
        let opened = import("r.json", document(&review).as_bytes()).unwrap();
        assert_eq!(opened.review.metadata.isbn13, "978-0-571-22413-0");
        assert_eq!(opened.review.metadata.title, "Gilead");
        assert_eq!(opened.review.sections[0].body, "Backspace");
        assert_eq!(opened.notes.len(), 3, "{:?}", opened.notes);
        assert!(opened.notes[1]
            .starts_with("The field \u{201c}ISBN-13\u{201d} lost 1 control character (U+0000)"));
        let markdown = import(
            "r.md",
            "---\ntitle: \"T\\0\\b\"\n---\n\n## Sec\u{202e}\n\nText\u{0}.\n".as_bytes(),
        );
        // A NUL near the start makes a file binary; further on it is text to clean.
        assert!(markdown.is_err());
        let text = format!(
            "---\ntitle: \"T\\0\\b\"\n---\n\n{}\n\n## Sec\u{202e}\n\nText\u{0}.\n",
            "Intro. ".repeat(2000)
        );
        let opened = import("r.md", text.as_bytes()).unwrap();
        let exported = crate::formats::json::document(&opened.review);
        for c in ['\u{0}', '\u{8}', '\u{202e}'] {
            assert!(!opened.review.post_title.contains(c));
            assert!(!opened
                .review
                .sections
                .iter()
                .any(|s| s.heading.contains(c) || s.body.contains(c)));
            assert!(!exported.contains(c));
        }
        assert!(!exported.contains("\\u0000"));
        assert_eq!(opened.notes.len(), 4, "{:?}", opened.notes);
    }
}
