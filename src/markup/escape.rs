//! Escaping text for the two languages Verdict writes: HTML and Markdown.

/// Escapes text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

/// Whether HTML forbids this character in a document (the Nu HTML Checker rejects it): NUL
/// and other control characters but tab, line feed, form feed and carriage return, and the
/// Unicode noncharacters.
fn forbidden_in_html(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

/// Appends `text` to `out`, escaped as by [`html`]; characters HTML forbids become U+FFFD.
pub fn push_html(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if c.is_ascii() && !c.is_ascii_control() => continue,
            c if forbidden_in_html(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
}

/// Escapes text so that Markdown reads it back as exactly this text: every ASCII punctuation
/// character gets a backslash (CommonMark allows that for all of them), so no syntax survives.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a metadata value or heading for Markdown with as few backslashes as keep it safe:
/// only the characters that can start inline syntax (emphasis, code, links, raw HTML,
/// entities, strikethrough, tables, closing `#`s) are escaped, so `978-1400043392` stays readable.
/// The text is put on one line.
pub fn markdown_inline(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Collapses line breaks and tabs into single spaces and trims the ends.
pub fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(html("plain ünïcode"), "plain ünïcode");
        assert_eq!(
            html("a\0b\u{7}c\u{85}d\u{FDD0}e\u{FFFF}f\u{1FFFE}\tg\n"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}\tg\n"
        );
    }

    #[test]
    fn markdown_escapes_every_punctuation_mark() {
        assert_eq!(
            markdown("*a* [b](c) <d> #1."),
            r"\*a\* \[b\]\(c\) \<d\> \#1\."
        );
        assert_eq!(
            markdown_inline("978-1400043392 (x) <b> *y*"),
            "978-1400043392 (x) \\<b\\> \\*y\\*"
        );
    }
}
