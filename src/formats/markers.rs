//! The markers that make Verdict's own Markdown readable back exactly: HTML comments (which
//! renderers hide) holding a little JSON. The review marker after the front matter carries the
//! fields; each section's marker carries its id, heading, spoiler flag and the byte length of
//! the text that follows it, so that an importer never has to guess where a section ends (a
//! body may hold headings, `---`, code blocks or anything else). A section's body is carried in
//! its marker only when the text written for it would not read back as exactly what was typed
//! (inline spoilers, escaped HTML, refused links, trailing spaces…).
//!
//! The comment syntax itself (the prefix, the suffix, and telling a marker line from other HTML)
//! is [`crate::markup::markers`]'s, so that markup's safety check can recognise these lines.

use serde::{Deserialize, Serialize};

use super::json_string::push_json_string_in_markup;
use crate::markup::escape;
use crate::markup::markers::{PREFIX, SUFFIX};
use crate::review::{Metadata, Rating};

/// The layout of the markers this version writes.
pub const MARKER_VERSION: u32 = 1;

/// The review marker's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewMarker {
    /// The marker layout.
    pub v: u32,
    /// Every metadata field, as typed.
    pub metadata: Metadata,
    /// The post title as typed.
    pub post_title: String,
    /// The rating.
    pub rating: Option<Rating>,
    /// Bytes between the end of this marker's line and the first section marker.
    pub head_len: usize,
    /// How many sections follow.
    pub sections: usize,
}

/// A section marker's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionMarker {
    /// The section's id.
    pub id: u64,
    /// Its heading as typed.
    pub heading: String,
    /// Whether it is a spoiler.
    pub spoiler: bool,
    /// Bytes of text written for it after this marker's line.
    pub len: usize,
    /// The body as typed, when the written text does not read back as it (and holds no
    /// spoiler: a comment is in the published page's source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The written text does not read back as typed, and the body holds a spoiler, so it is
    /// not carried: reading the file back takes the visible text and says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rewritten: bool,
}

/// A section marker's content, borrowed from the section (what the export writes: the same
/// JSON as [`SectionMarker`], without copying the heading and body to make one).
/// (`Serialize` only for the tests that hold [`Self::write_line`] to serde's line.)
#[derive(Clone, Copy, Debug)]
#[cfg_attr(test, derive(Serialize))]
pub(crate) struct SectionMarkerRef<'a> {
    /// The section's id.
    pub id: u64,
    /// Its heading as typed.
    pub heading: &'a str,
    /// Whether it is a spoiler.
    pub spoiler: bool,
    /// Bytes of text written for it after this marker's line.
    pub len: usize,
    /// The body as typed, when the written text does not read back as it.
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub body: Option<&'a str>,
    /// See [`SectionMarker::rewritten`].
    #[cfg_attr(test, serde(skip_serializing_if = "std::ops::Not::not"))]
    pub rewritten: bool,
}

impl SectionMarkerRef<'_> {
    /// Appends this marker's line to `out`: exactly what [`line`] writes for it (a property test
    /// holds it to that), but with the JSON written here in one pass, its own escapes and the
    /// markup escapes together, instead of by serde_json and then a second pass and copy (a
    /// marker may carry a whole body, so this is a pass over most of a review).
    pub(crate) fn write_line(&self, out: &mut String) {
        use std::fmt::Write;
        out.push_str(PREFIX);
        // Writing to a String cannot fail. The fields in their declared order, as serde writes
        // them.
        let _ = write!(out, "section {{\"id\":{},\"heading\":", self.id);
        push_json_string_in_markup(out, self.heading);
        let _ = write!(out, ",\"spoiler\":{},\"len\":{}", self.spoiler, self.len);
        if let Some(body) = self.body {
            out.push_str(",\"body\":");
            push_json_string_in_markup(out, body);
        }
        if self.rewritten {
            out.push_str(",\"rewritten\":true");
        }
        out.push('}');
        out.push_str(SUFFIX);
        out.push('\n');
    }
}

/// One marker line (with its newline): `<!-- verdict:<kind> <json> -->`. `<`, `>` and `&` in
/// the JSON are written as `\u` escapes (the same string to a JSON reader), so the comment can
/// never end early and holds nothing a browser could take for markup.
pub fn line<T: Serialize>(kind: &str, content: &T) -> String {
    let json = serde_json::to_string(content).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(PREFIX.len() + kind.len() + json.len() + 16);
    out.push_str(PREFIX);
    out.push_str(kind);
    out.push(' ');
    // One pass for the three (a marker may carry a whole body).
    let mut last = 0;
    for at in memchr::memchr3_iter(b'<', b'>', b'&', json.as_bytes()) {
        out.push_str(&json[last..at]);
        out.push_str(match json.as_bytes()[at] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        last = at + 1;
    }
    out.push_str(&json[last..]);
    out.push_str(SUFFIX);
    out.push('\n');
    out
}

/// The end marker, after the last section.
pub fn end_line() -> String {
    format!("{PREFIX}end{SUFFIX}\n")
}

/// Reads the marker of `kind` at the start of `text`: its content and the text after its line.
pub fn read<'a, T: for<'de> Deserialize<'de>>(kind: &str, text: &'a str) -> Option<(T, &'a str)> {
    let rest = text
        .strip_prefix(PREFIX)?
        .strip_prefix(kind)?
        .strip_prefix(' ')?;
    let end = rest.find('\n')?;
    let json = rest[..end].strip_suffix(SUFFIX)?;
    let content = serde_json::from_str(json).ok()?;
    Some((content, &rest[end + 1..]))
}

/// Whether `text` starts with the end marker; the text after it.
pub fn read_end(text: &str) -> Option<&str> {
    text.strip_prefix(&end_line())
}

/// The heading line written for a section heading (nothing for an empty one).
pub fn heading_line(heading: &str) -> String {
    let heading = heading.trim();
    if heading.is_empty() {
        String::new()
    } else {
        format!("## {}\n\n", escape::markdown_inline(heading))
    }
}

/// The body a reader gets back from the text written for a section (the `len` bytes after its
/// marker), without the marker's own copy.
pub fn visible_body(chunk: &str, heading: &str, spoiler: bool) -> String {
    visible_body_in(chunk, heading, spoiler).to_string()
}

/// [`visible_body`], as the part of `chunk` it is (the export compares it with the body as
/// typed, with no copy).
pub(crate) fn visible_body_in<'a>(chunk: &'a str, heading: &str, spoiler: bool) -> &'a str {
    let heading_line = heading_line(heading);
    let mut rest = chunk.strip_prefix(heading_line.as_str()).unwrap_or(chunk);
    if spoiler {
        if let Some(inner) = rest.strip_prefix("<details>\n<summary>").and_then(|r| {
            r.find("</summary>\n\n")
                .map(|at| &r[at + "</summary>\n\n".len()..])
        }) {
            rest = inner;
        }
        rest = rest.strip_suffix("\n\n</details>\n\n").unwrap_or(rest);
    } else {
        rest = rest.strip_suffix("\n\n").unwrap_or(rest);
    }
    rest
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod equivalence {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_section_marker_writes_the_line_serde_writes(
            id in proptest::prelude::any::<u64>(),
            heading in "([a-z ]{0,40}|[\\u{0}-\\u{1f}\"\\\\/<>&'\\u{7f}-\\u{a0}é日\\u{2028}\\u{fdd0}🙂]){0,12}",
            spoiler in proptest::prelude::any::<bool>(),
            len in proptest::prelude::any::<usize>(),
            body in proptest::option::of(
                "([a-z ]{0,40}|[\\u{0}-\\u{1f}\"\\\\/<>&'\\u{7f}-\\u{a0}é日\\u{2028}\\u{fdd0}🙂]){0,24}"
            ),
            rewritten in proptest::prelude::any::<bool>(),
        ) {
            let marker = SectionMarkerRef {
                id,
                heading: &heading,
                spoiler,
                len,
                body: body.as_deref(),
                rewritten,
            };
            let mut written = String::from("before\n");
            marker.write_line(&mut written);
            proptest::prop_assert_eq!(written, format!("before\n{}", line("section", &marker)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::markers::is_marker;

    #[test]
    fn markers_hide_markup_and_read_back() {
        let section = SectionMarker {
            id: 3,
            heading: "<b>--> & \"q\"".into(),
            spoiler: true,
            len: 12,
            body: Some("x -->\n<script>".into()),
            rewritten: true,
        };
        let line = line("section", &section);
        assert!(
            !line[PREFIX.len()..line.len() - SUFFIX.len() - 1].contains('>'),
            "{line}"
        );
        assert!(is_marker(line.trim()));
        let text = line.clone() + "after";
        let (read_back, rest): (SectionMarker, _) = read("section", &text).unwrap();
        assert_eq!(read_back, section);
        assert_eq!(rest, "after");
        assert!(!is_marker("<!-- verdict:x --> <script> -->"));
    }

    #[test]
    fn the_borrowed_section_marker_writes_the_same_line() {
        for body in [None, Some("x -->\n<script> & \"q\"")] {
            let owned = SectionMarker {
                id: 7,
                heading: "<b>H</b> & co".into(),
                spoiler: false,
                len: 40,
                body: body.map(str::to_string),
                rewritten: false,
            };
            let borrowed = SectionMarkerRef {
                id: 7,
                heading: "<b>H</b> & co",
                spoiler: false,
                len: 40,
                body,
                rewritten: false,
            };
            assert_eq!(line("section", &borrowed), line("section", &owned));
        }
    }
}
