//! The link-scheme allow-list: what a link or image may point at.

use std::borrow::Cow;

/// Whether `dest` (as the Markdown parser decoded it) is safe to publish as a link or image:
/// `http`, `https`, `mailto`, or a relative URL (no scheme at all).
pub fn is_allowed(dest: &str) -> bool {
    allowed(&as_browsers_read(dest))
}

/// Whether `dest` may be shown as an image: as [`is_allowed`], but only over `https:` or
/// relative to the page. An image loads by itself, so plain `http:` (and `//host/…`, which is
/// plain `http:` on such a page) would tell anyone on the way who is reading; `mailto:` is
/// no image.
pub fn is_allowed_image(dest: &str) -> bool {
    let dest = as_browsers_read(dest);
    // Browsers read a backslash in an address as a slash: `\\host` is `//host`.
    let other_host = dest.len() >= 2
        && dest.as_bytes()[..2]
            .iter()
            .all(|b| matches!(b, b'/' | b'\\'));
    allowed(&dest)
        && match scheme(&dest) {
            None => !other_host,
            Some(scheme) => scheme.eq_ignore_ascii_case("https"),
        }
}

/// `dest` as browsers read it when they look for a scheme: they ignore ASCII tabs, newlines and
/// leading control characters or spaces (`java\tscript:`). Copied only when there is something
/// to take out (every link of every render asks).
fn as_browsers_read(dest: &str) -> Cow<'_, str> {
    let trimmed = dest.trim_start_matches(|c: char| c <= ' ');
    if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        Cow::Owned(
            trimmed
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// [`is_allowed`] of an address as browsers read it.
fn allowed(cleaned: &str) -> bool {
    match scheme(cleaned) {
        None => !cleaned.chars().any(|c| c.is_control()),
        Some(scheme) => ["http", "https", "mailto"]
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed)),
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
            "/\\host/x.png",
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
