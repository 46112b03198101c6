//! The link-scheme allow-list: what a link or image may point at.

use std::borrow::Cow;

/// Whether `dest` (as the Markdown parser decoded it) is safe to publish as a link or image:
/// `http`, `https`, `mailto`, or a relative URL (no scheme at all).
///
/// Browsers ignore ASCII tabs, newlines and leading control characters or spaces when they read
/// a scheme (`java\tscript:`), so those are dropped before looking for one.
pub fn is_allowed(dest: &str) -> bool {
    let trimmed = dest.trim_start_matches(|c: char| c <= ' ');
    // Copied only when there is something to take out (every link of every render asks).
    let cleaned: Cow<str> = if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        Cow::Owned(
            trimmed
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(trimmed)
    };
    match scheme(&cleaned) {
        None => !cleaned.chars().any(|c| c.is_control()),
        Some(scheme) => ["http", "https", "mailto"]
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed)),
    }
}

/// Whether `dest` may be shown as an image: as [`is_allowed`], but only over `https:` or
/// relative to the page. An image loads by itself, so plain `http:` (and `//host/…`, which is
/// plain `http:` on such a page) would tell anyone on the way who is reading; `mailto:` is
/// no image.
pub fn is_allowed_image(dest: &str) -> bool {
    if !is_allowed(dest) {
        return false;
    }
    let cleaned: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match scheme(&cleaned) {
        None => !cleaned.starts_with("//") && !cleaned.starts_with("\\\\"),
        Some(scheme) => scheme.eq_ignore_ascii_case("https"),
    }
}

/// The scheme of a URL: what precedes the first `:` when no `/`, `?` or `#` comes before it.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_load_only_over_https_or_from_the_page() {
        for good in [
            "https://example.org/c.png",
            "HTTPS://x/y",
            "cover.png",
            "/c.png",
            "#x",
        ] {
            assert!(is_allowed_image(good), "{good}");
        }
        for bad in [
            "http://example.org/c.png",
            "//tracker.example/p.gif",
            " //x/y",
            "mailto:a@b.c",
            "javascript:alert(1)",
            "\\\\host\\x.png",
        ] {
            assert!(!is_allowed_image(bad), "{bad}");
        }
    }

    #[test]
    fn allows_web_mail_and_relative() {
        for ok in [
            "https://example.com/a?b#c",
            "http://x",
            "MAILTO:me@example.com",
            "/path",
            "page.html",
            "#top",
            "?q=1",
            "a/b:c",
            "",
        ] {
            assert!(is_allowed(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_script_and_data_in_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://x",
        ] {
            assert!(!is_allowed(bad), "{bad:?}");
        }
    }
}
