//! Wrapping a selection in Markdown markers: what the toolbar's `Bold`, `Italic`, `Link` and
//! `Spoiler` buttons (and their shortcuts) do to a section's text.

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
}

impl Wrap {
    /// The opening and closing markers, and the text inserted when nothing is selected.
    fn parts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Wrap::Bold => ("**", "**", "bold text"),
            Wrap::Italic => ("*", "*", "italic text"),
            Wrap::Link => ("[", "](https://)", "link text"),
            Wrap::Spoiler => ("||", "||", "spoiler"),
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
pub fn wrap_selection(text: &str, start: usize, end: usize, wrap: Wrap) -> Wrapped {
    let (open, close, placeholder) = wrap.parts();
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

    proptest! {
        #[test]
        fn only_the_selection_changes(text in "\\PC{0,40}", a in 0usize..60, b in 0usize..60) {
            for wrap in [Wrap::Bold, Wrap::Italic, Wrap::Link, Wrap::Spoiler] {
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
