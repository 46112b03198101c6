//! Escaping text for the two languages Verdict writes: HTML and Markdown.

use crate::bytes::{clean_blocks, for_each_special, BLOCK};

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

/// Whether [`push_html`] must look at a byte: anything but printable ASCII other than the
/// five markup characters.
#[inline(always)]
fn html_special(b: u8) -> bool {
    !(0x20..0x7F).contains(&b)
        | (b == b'&')
        | (b == b'<')
        | (b == b'>')
        | (b == b'"')
        | (b == b'\'')
}

/// Appends `text` to `out`, escaped as by [`html`]; characters HTML forbids become U+FFFD.
pub fn push_html(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut last = 0;
    let mut at = 0;
    // The end of the block being looked at a byte at a time.
    let mut block_end = 0;
    while at < bytes.len() {
        if at >= block_end {
            at += clean_blocks(&bytes[at..], html_special);
            block_end = at + BLOCK;
            continue;
        }
        // Printable ASCII other than the five markup characters, by far the most common case,
        // is passed over a byte at a time without decoding characters. (`at` only ever stops
        // on a character boundary: it moves by one over ASCII, by a character otherwise, and
        // by whole blocks of ASCII.)
        let b = bytes[at];
        if !html_special(b) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if forbidden_in_html(c) => "\u{FFFD}",
            c => {
                at += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[last..at]);
        out.push_str(replacement);
        at += c.len_utf8();
        last = at;
    }
    out.push_str(&text[last..]);
}

/// Escapes text so that Markdown reads it back as exactly this text: every ASCII punctuation
/// character gets a backslash (CommonMark allows that for all of them), so no syntax survives.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_markdown(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as by [`markdown`]. Byte by byte, since no byte of a
/// character beyond ASCII is an ASCII punctuation mark (see [`for_each_special`]).
pub fn push_markdown(out: &mut String, text: &str) {
    // The start of the text not yet copied.
    let mut last = 0;
    for_each_special(text.as_bytes(), is_punctuation, |at| {
        // An ASCII byte: a character boundary, copied with what follows.
        out.push_str(&text[last..at]);
        out.push('\\');
        last = at;
    });
    out.push_str(&text[last..]);
}

/// Appends `text` to `out` escaped for Markdown with as few backslashes as keep it text in every
/// engine an export may meet (CommonMark and GFM renderers, kramdown, pandoc, snudown, Discord),
/// the one policy of `docs/publishing.md`: a character is escaped only where some engine would
/// act on it. Anywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `~` `|` `{` `}` (emphasis,
/// code, links and footnotes, raw HTML and autolinks, entities, strikethrough, tables and
/// Discord spoilers, Reddit's `>!`, kramdown's and pandoc's attribute lists, Liquid and Hugo
/// templates). At `line_start` also what opens a block there: `#` `-` `+` `=` `:` and the `.` or
/// `)` after a leading number. The colon of a bare address whose scheme Verdict refuses
/// (`javascript\:x`, which pandoc would link). Control characters are left out. Ordinary prose
/// (`,` `.` `;` `'` `"` `!` `?` `: ` `/` `(` …) stays as it is, since old Reddit shows a
/// needless `\,` as it is.
pub fn push_markdown_text(out: &mut String, text: &str, line_start: bool) {
    let mut rest = text;
    if line_start {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits) && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
            out.push_str(&rest[..digits]);
            out.push('\\');
            out.push_str(&rest[digits..=digits]);
            rest = &rest[digits + 1..];
        } else if let Some(&b) = rest.as_bytes().first() {
            if matches!(b, b'#' | b'-' | b'+' | b'=' | b':') {
                out.push('\\');
                out.push(char::from(b));
                rest = &rest[1..];
            }
        }
    }
    let mut last = 0;
    let bytes = rest.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        // Control characters show as nothing, or as U+FFFD, and some engines take a link's
        // address with one before its scheme (`␁javascript:`): they are left out.
        if b < 0x20 || b == 0x7F {
            out.push_str(&rest[last..at]);
            last = at + 1;
            continue;
        }
        // The same for C1 controls and the bidirectional embeddings, overrides and isolates
        // (U+202E would show the text around it reversed): two or three bytes, from a lead byte.
        if matches!(b, 0xC2 | 0xE2) && rest.is_char_boundary(at) {
            if let Some(c) = rest[at..]
                .chars()
                .next()
                .filter(|c| is_invisible_control(*c))
            {
                out.push_str(&rest[last..at]);
                last = at + c.len_utf8();
                continue;
            }
        }
        if at < last {
            continue;
        }
        // `word:rest` could be a bare address that pandoc links (`javascript:x` included); a
        // colon before a space, as in prose, cannot, nor one of an allowed scheme.
        let scheme_colon = b == b':' && refused_scheme_before(bytes, at);
        if scheme_colon
            || matches!(
                b,
                b'\\'
                    | b'`'
                    | b'*'
                    | b'_'
                    | b'['
                    | b']'
                    | b'<'
                    | b'>'
                    | b'&'
                    | b'~'
                    | b'|'
                    | b'{'
                    | b'}'
            )
        {
            out.push_str(&rest[last..at]);
            out.push('\\');
            last = at;
        }
    }
    out.push_str(&rest[last..]);
}

/// A control character beyond ASCII, or a bidirectional control: what opened files lose too.
pub fn is_invisible_control(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Whether the colon at `colon` ends a scheme that Verdict refuses (anything but `http`, `https`
/// and `mailto`), with something other than white space after it: `javascript:x`, not `Note: x`.
fn refused_scheme_before(bytes: &[u8], colon: usize) -> bool {
    if bytes.get(colon + 1).is_none_or(u8::is_ascii_whitespace) {
        return false;
    }
    let start = bytes[..colon]
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-')))
        .map_or(0, |at| at + 1);
    let scheme = &bytes[start..colon];
    if !scheme.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    !["http", "https", "mailto"]
        .iter()
        .any(|allowed| scheme.eq_ignore_ascii_case(allowed.as_bytes()))
}

/// Whether `text` holds a bare address whose scheme Verdict refuses (see
/// [`push_markdown_text`]).
pub fn has_refused_bare_scheme(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(at, &b)| b == b':' && refused_scheme_before(bytes, at))
}

/// `u8::is_ascii_punctuation`, written without branches (its four ranges tested with `|`), so
/// that [`for_each_special`]'s block test becomes vector code.
#[inline(always)]
fn is_punctuation(b: u8) -> bool {
    (b.wrapping_sub(b'!') < 15)
        | (b.wrapping_sub(b':') < 7)
        | (b.wrapping_sub(b'[') < 6)
        | (b.wrapping_sub(b'{') < 4)
}

/// Escapes a metadata value or heading for Markdown, on one line, by the one policy of
/// [`push_markdown_text`] (in the middle of a line: after `# `, `- Label: ` or a spoiler's
/// opening marker), so `978-1400043392` stays readable. A run of `#` at its end is escaped too:
/// at the end of a heading it would be its closing sequence, and dropped.
pub fn markdown_inline(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    push_markdown_text(&mut out, &line, false);
    if out.ends_with('#') {
        let run = out.trim_end_matches('#').len();
        out.insert(run, '\\');
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod equivalence {
    use super::*;

    /// The definition `push_html` must keep: a character at a time.
    fn by_characters(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c if forbidden_in_html(c) => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
        out
    }

    /// The definition `push_markdown` must keep: a character at a time.
    fn markdown_by_characters(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn push_markdown_escapes_as_each_character_would(
            // Long runs too, so that whole blocks are masked as well as the last bytes.
            text in "([a-z ]{0,40}|[!-/:-@\\[-`{-~a-z é日\u{ff01}\u{2028}🙂\t\n]){0,24}"
        ) {
            let mut out = String::from("kept ");
            push_markdown(&mut out, &text);
            proptest::prop_assert_eq!(out, format!("kept {}", markdown_by_characters(&text)));
        }

        #[test]
        fn push_html_escapes_as_each_character_would(
            // Long plain runs too, so that whole blocks are passed over between the rest.
            text in "([a-z ]{0,40}|[a-z <>&\"'\t\n\r\u{0}-\u{1f}\u{7f}-\u{a0}é日\u{fdd0}-\u{fdef}\u{fffe}\u{ffff}\u{1fffe}🙂]){0,24}"
        ) {
            let mut out = String::new();
            push_html(&mut out, &text);
            proptest::prop_assert_eq!(out, by_characters(&text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_its_punctuation_and_markup_is_escaped() {
        let text = |t: &str, start: bool| {
            let mut out = String::new();
            push_markdown_text(&mut out, t, start);
            out
        };
        assert_eq!(
            text(
                "Small, cold details. Don't; \"he\" said: fine! (Really?) 12:30",
                true
            ),
            "Small, cold details. Don't; \"he\" said: fine! (Really?) 12:30"
        );
        assert_eq!(text("1. not a list", true), "1\\. not a list");
        assert_eq!(text("1. mid-line", false), "1. mid-line");
        assert_eq!(text("# no heading", true), "\\# no heading");
        assert_eq!(
            text("*a* [b] {: x} <c> a|b ~d~ `e` &f \\", false),
            "\\*a\\* \\[b\\] \\{: x\\} \\<c\\> a\\|b \\~d\\~ \\`e\\` \\&f \\\\"
        );
        assert_eq!(
            text("javascript:alert(1) and https://x.org and \u{1}x", false),
            "javascript\\:alert(1) and https://x.org and x"
        );
        assert!(has_refused_bare_scheme("see vbscript:x"));
        assert!(!has_refused_bare_scheme(
            "Note: this, https://example.org and mailto:a@b.c"
        ));
    }

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
    fn punctuation_is_ascii_punctuation() {
        for b in 0..=u8::MAX {
            assert_eq!(is_punctuation(b), b.is_ascii_punctuation(), "{b}");
        }
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
