//! Wrapping a selection in Markdown markers: what the toolbar's `Bold`, `Italic`, `Link` and
//! `Spoiler` buttons (and their shortcuts) do to a section's text; and the line formats
//! (`Heading`, `Quote`, `List`), which mark or unmark whole lines.

use std::ops::Range;

/// Which markers to wrap a selection in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrap {
    /// `**bold**`.
    Bold,
    /// `*italic*`.
    Italic,
    /// `[text](https://)`, with the address selected so that it can be typed over.
    Link,
    /// `||spoiler||`.
    Spoiler,
    /// `# heading` at the start of the line (a body's `#` is drawn one level below the
    /// section's own heading); toggled.
    Heading,
    /// `> quote` at the start of each selected line; toggled.
    Quote,
    /// `- item` at the start of each selected line; toggled.
    List,
}

impl Wrap {
    /// The opening and closing markers, and the text inserted when nothing is selected.
    fn parts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Wrap::Bold => ("**", "**", "bold text"),
            Wrap::Italic => ("*", "*", "italic text"),
            Wrap::Link => ("[", "](https://)", "link text"),
            Wrap::Spoiler => ("||", "||", "spoiler"),
            Wrap::Heading | Wrap::Quote | Wrap::List => ("", "", ""),
        }
    }

    /// The marker a line format puts at the start of each line; `None` for the inline ones.
    fn line_marker(self) -> Option<&'static str> {
        match self {
            Wrap::Heading => Some("# "),
            Wrap::Quote => Some("> "),
            Wrap::List => Some("- "),
            _ => None,
        }
    }
}

/// The result of wrapping a selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrapped {
    /// The whole new text.
    pub text: String,
    /// The replacement for the selected range (what to insert in its place).
    pub insert: String,
    /// The range of the original text that `insert` replaces (byte offsets).
    pub replaced: Range<usize>,
    /// The new selection (byte offsets in `text`): the wrapped content, or for a link with
    /// content the `https://` placeholder, ready to be typed over.
    pub selection: Range<usize>,
}

/// Wraps `text[start..end]` in the markers of `wrap`. Whitespace at the edges of the selection
/// stays outside the markers (a double-click selects a trailing space); an empty selection
/// inserts a placeholder (`||spoiler||`) with the placeholder selected. Offsets past the end or
/// inside a character are clamped to the nearest character boundary.
///
/// A line format (`Heading`, `Quote`, `List`) works on the whole lines the selection touches
/// instead: see [`toggle_lines`].
pub fn wrap_selection(text: &str, start: usize, end: usize, wrap: Wrap) -> Wrapped {
    let (start, end) = clamp(text, start, end);
    if let Some(marker) = wrap.line_marker() {
        return toggle_lines(text, start, end, marker);
    }
    let (open, close, placeholder) = wrap.parts();
    let selected = &text[start..end];
    let inner_start = start + (selected.len() - selected.trim_start().len());
    let inner_end = end - (selected.len() - selected.trim_end().len());
    let empty = inner_start >= inner_end;
    let (content, from, to) = if empty {
        (placeholder, start, end)
    } else {
        (&text[inner_start..inner_end], inner_start, inner_end)
    };
    let insert = format!("{open}{content}{close}");
    let new_text = format!("{}{}{}", &text[..from], insert, &text[to..]);
    let content_at = from + open.len();
    let selection = if wrap == Wrap::Link && !empty {
        // The text is there already: what is missing is the address.
        let url_at = content_at + content.len() + 2;
        url_at..url_at + "https://".len()
    } else {
        content_at..content_at + content.len()
    };
    Wrapped {
        text: new_text,
        insert,
        replaced: from..to,
        selection,
    }
}

/// `start..end` in order, within `text` and on character boundaries.
fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (mut start, mut end) = (
        start.min(end).min(text.len()),
        end.max(start).min(text.len()),
    );
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// Whether `line` already carries `marker` (a quote's `>` needs no space after it; a heading of
/// any level counts as a heading).
fn has_marker(line: &str, marker: &str) -> bool {
    match marker {
        "> " => line.starts_with('>'),
        "# " => heading_marker_len(line) > 0,
        _ => line.starts_with(marker),
    }
}

/// The length of the `#…# ` that opens a heading line, or 0.
fn heading_marker_len(line: &str) -> usize {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let rest = &line[hashes..];
    if (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')) {
        hashes + usize::from(rest.starts_with(' '))
    } else {
        0
    }
}

/// The length of the marker to take off `line` when unmarking it.
fn marker_len(line: &str, marker: &str) -> usize {
    match marker {
        "> " => 1 + usize::from(line[1..].starts_with(' ')),
        "# " => heading_marker_len(line),
        _ => marker.len(),
    }
}

/// Marks each line the selection `start..end` touches with `marker`, or, when every non-blank one
/// has it already, unmarks them all: pressed twice, a line format takes itself back. Blank lines
/// among several are left alone (a list keeps its gaps); a single blank line is marked, ready to
/// be typed in. The new selection covers the changed lines; a caret stays where it was in its
/// line's text.
fn toggle_lines(text: &str, start: usize, end: usize, marker: &str) -> Wrapped {
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A selection ending just after a line break (a triple click, Shift+↓) does not take in the
    // next line. (A blank one is left alone among several lines anyway.)
    let next_line_blank = text[end..]
        .split('\n')
        .next()
        .unwrap_or("")
        .trim()
        .is_empty();
    let last = if end > start && text[..end].ends_with('\n') && !next_line_blank {
        end - 1
    } else {
        end
    };
    let to = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let block = &text[from..to.max(from)];
    let lines: Vec<&str> = block.split('\n').collect();
    let single = lines.len() == 1;
    let unmark = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .all(|line| has_marker(line, marker))
        && lines.iter().any(|line| !line.trim().is_empty());
    let mut insert = String::with_capacity(block.len() + lines.len() * marker.len());
    // How far the caret's line moved: for a caret, which stays in its text.
    let mut caret_shift: isize = 0;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            insert.push('\n');
        }
        if unmark && has_marker(line, marker) {
            let cut = marker_len(line, marker);
            insert.push_str(&line[cut..]);
            caret_shift = -(cut as isize);
        } else if !unmark
            && (single || !line.trim().is_empty())
            && (marker == "# " || !has_marker(line, marker))
        {
            // A heading of another level becomes this one, rather than `# ## …`.
            let cut = if marker == "# " {
                heading_marker_len(line)
            } else {
                0
            };
            insert.push_str(marker);
            insert.push_str(&line[cut..]);
            caret_shift = marker.len() as isize - cut as isize;
        } else {
            insert.push_str(line);
        }
    }
    let new_text = format!("{}{}{}", &text[..from], insert, &text[to.max(from)..]);
    let selection = if start == end && single {
        let line_text_at = (start - from) as isize + caret_shift;
        let caret = from + line_text_at.clamp(0, insert.len() as isize) as usize;
        caret..caret
    } else {
        from..from + insert.len()
    };
    Wrapped {
        text: new_text,
        insert,
        replaced: from..to.max(from),
        selection,
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wrapping_a_selection_in_spoiler_markers() {
        let w = wrap_selection("It was the butler.", 7, 17, Wrap::Spoiler);
        assert_eq!(w.text, "It was ||the butler||.");
        assert_eq!(&w.text[w.selection.clone()], "the butler");
        let w = wrap_selection("a word b", 2, 7, Wrap::Spoiler);
        assert_eq!(w.text, "a ||word|| b");
        let w = wrap_selection("ab", 1, 1, Wrap::Spoiler);
        assert_eq!(w.text, "a||spoiler||b");
        assert_eq!(&w.text[w.selection.clone()], "spoiler");
        assert_eq!(w.replaced, 1..1);
        let w = wrap_selection("é", 2, 2, Wrap::Spoiler);
        assert_eq!(w.text, "é||spoiler||");
    }

    #[test]
    fn bold_italic_and_links() {
        let w = wrap_selection("so good", 3, 7, Wrap::Bold);
        assert_eq!(w.text, "so **good**");
        assert_eq!(&w.text[w.selection.clone()], "good");
        let w = wrap_selection("so good", 3, 7, Wrap::Italic);
        assert_eq!(w.text, "so *good*");
        let w = wrap_selection("see the site", 8, 12, Wrap::Link);
        assert_eq!(w.text, "see the [site](https://)");
        assert_eq!(&w.text[w.selection.clone()], "https://");
        let w = wrap_selection("", 0, 0, Wrap::Link);
        assert_eq!(w.text, "[link text](https://)");
        assert_eq!(&w.text[w.selection.clone()], "link text");
    }

    #[test]
    fn line_formats_toggle_whole_lines() {
        let w = wrap_selection("one\ntwo\nthree", 5, 5, Wrap::Quote);
        assert_eq!(w.text, "one\n> two\nthree");
        assert_eq!(w.selection, 7..7, "the caret stays after the t");
        let back = wrap_selection(&w.text, 7, 7, Wrap::Quote);
        assert_eq!(back.text, "one\ntwo\nthree");
        let w = wrap_selection("a\n\nb\nc", 0, 6, Wrap::List);
        assert_eq!(w.text, "- a\n\n- b\n- c");
        assert_eq!(&w.text[w.selection.clone()], "- a\n\n- b\n- c");
        // A selection ending after a line break leaves the next line alone.
        let w = wrap_selection("a\nb", 0, 2, Wrap::List);
        assert_eq!(w.text, "- a\nb");
        // Some lines marked: all of them are, then pressed again none is.
        let w = wrap_selection("- a\nb", 0, 5, Wrap::List);
        assert_eq!(w.text, "- a\n- b");
        assert_eq!(wrap_selection(&w.text, 0, 7, Wrap::List).text, "a\nb");
        let w = wrap_selection("", 0, 0, Wrap::Heading);
        assert_eq!(w.text, "# ");
        assert_eq!(w.selection, 2..2);
        assert_eq!(wrap_selection("### Old", 3, 3, Wrap::Heading).text, "Old");
        assert_eq!(
            wrap_selection("#hashtag", 0, 0, Wrap::Heading).text,
            "# #hashtag"
        );
        assert_eq!(wrap_selection(">quoted", 0, 0, Wrap::Quote).text, "quoted");
    }

    proptest! {
        #[test]
        fn line_formats_change_only_the_touched_lines(
            text in "[a-z \n]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            for wrap in [Wrap::Heading, Wrap::Quote, Wrap::List] {
                let w = wrap_selection(&text, a, b, wrap);
                prop_assert_eq!(&w.text[..w.replaced.start], &text[..w.replaced.start]);
                prop_assert_eq!(
                    &w.text[w.replaced.start + w.insert.len()..],
                    &text[w.replaced.end..]
                );
                prop_assert!(w.selection.start <= w.selection.end && w.selection.end <= w.text.len());
                // Pressed twice, over what the first press selected, it takes itself back
                // (these texts carry no markers of their own).
                let again = wrap_selection(&w.text, w.selection.start, w.selection.end, wrap);
                prop_assert_eq!(again.text, text.clone());
            }
        }


        #[test]
        fn only_the_selection_changes(text in "\\PC{0,40}", a in 0usize..60, b in 0usize..60) {
            for wrap in [Wrap::Bold, Wrap::Italic, Wrap::Link, Wrap::Spoiler, Wrap::Heading, Wrap::Quote, Wrap::List] {
                let w = wrap_selection(&text, a, b, wrap);
                prop_assert_eq!(&w.text[..w.replaced.start], &text[..w.replaced.start]);
                prop_assert_eq!(
                    &w.text[w.replaced.start + w.insert.len()..],
                    &text[w.replaced.end..]
                );
                prop_assert!(w.text.is_char_boundary(w.selection.start));
                prop_assert!(w.text.is_char_boundary(w.selection.end));
            }
        }
    }
}
