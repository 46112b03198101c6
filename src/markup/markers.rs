//! The syntax of Verdict's own comment markers: an HTML comment, `<!-- verdict:… -->`, on a line
//! of its own. What a marker holds (the review's fields, a section's id and length) is a file
//! format and lives in `formats::markers`; markup only needs to recognise a marker, so that its
//! safety check lets Verdict's own lines through.

/// How every marker begins.
pub const PREFIX: &str = "<!-- verdict:";
/// How every marker ends (the line's end).
pub const SUFFIX: &str = " -->";

/// Whether `html` (one raw HTML line of an export, trimmed) is one of these markers.
pub fn is_marker(html: &str) -> bool {
    html.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        // A byte search: the three are ASCII, and a marker line (a whole body, at times) is
        // looked at for every export.
        .is_some_and(|inner| memchr::memchr3(b'>', b'\n', b'\r', inner.as_bytes()).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_one_comment_that_closes_only_at_its_end() {
        assert!(is_marker("<!-- verdict:end -->"));
        assert!(is_marker("<!-- verdict:section {\"id\":1} -->"));
        assert!(!is_marker("<!-- verdict:x --> <script> -->"));
        assert!(!is_marker("<!-- verdict:x\n -->"));
        assert!(!is_marker("<!-- other -->"));
    }
}
