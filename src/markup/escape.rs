//! Escaping text for the two languages Verdict writes: HTML and Markdown.

/// Escapes text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as by [`html`].
pub fn push_html(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        last = i + 1;
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

/// Markdown-escaped text on one line: line breaks become spaces (for headings and list items).
pub fn markdown_line(text: &str) -> String {
    markdown(&one_line(text))
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
    }

    #[test]
    fn markdown_escapes_every_punctuation_mark() {
        assert_eq!(
            markdown("*a* [b](c) <d> #1."),
            r"\*a\* \[b\]\(c\) \<d\> \#1\."
        );
        assert_eq!(markdown_line("a\n b\r\n\tc"), "a b c");
        assert_eq!(
            markdown_inline("978-1400043392 (x) <b> *y*"),
            "978-1400043392 (x) \\<b\\> \\*y\\*"
        );
    }
}
