//! The one place that decides what is an inline spoiler: `||like this||`.
//!
//! Rules: a spoiler opens and closes within one paragraph (or heading, or list item's text) and
//! at the same level of emphasis, is never recognised inside code or inside a link, must hold
//! something, and `\|\|` writes literal bars. Markdown is parsed first (so code spans win), then
//! the text events are split at the markers; unpaired markers stay as the text `||`.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};
use unicase::UniCase;

/// Stands in for an escaped bar (`\|`) while Markdown is parsed, so that it can never be taken
/// for half of a marker. A Unicode noncharacter: reserved for exactly this kind of internal use.
pub const ESCAPED_BAR: char = '\u{FDD0}';

/// The Markdown extensions Verdict supports in section bodies.
pub fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Replaces each backslash-escaped bar with [`ESCAPED_BAR`] (borrowing when there is none).
pub fn prepare(body: &str) -> Cow<'_, str> {
    if !needs_preparing(body) {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A noncharacter typed by the person cannot be told apart later; drop it.
            ESCAPED_BAR => {}
            '\\' => match chars.peek() {
                Some('|') => {
                    chars.next();
                    out.push(ESCAPED_BAR);
                }
                Some('\\') => {
                    chars.next();
                    out.push_str("\\\\");
                }
                _ => out.push('\\'),
            },
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`ESCAPED_BAR`] in UTF-8, for the byte scans below.
fn escaped_bar_utf8() -> [u8; 3] {
    let mut bytes = [0u8; 3];
    ESCAPED_BAR.encode_utf8(&mut bytes);
    bytes
}

/// Whether `body` holds an escaped bar (`\|`) or an [`ESCAPED_BAR`]: one pass over the bytes
/// (this runs on every keystroke over the whole section), stopping only at a backslash or at
/// the first byte of a three-byte character.
pub(crate) fn needs_preparing(body: &str) -> bool {
    let bytes = body.as_bytes();
    let escaped_bar = escaped_bar_utf8();
    let mut from = 0;
    while let Some(found) = memchr::memchr2(b'\\', escaped_bar[0], &bytes[from..]) {
        let at = from + found;
        if bytes[at] == b'\\' && bytes.get(at + 1) == Some(&b'|')
            || bytes[at..].starts_with(&escaped_bar)
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether `text` holds an [`ESCAPED_BAR`]: what `text.contains(ESCAPED_BAR)` says, but by a
/// byte search for the character's first byte (the standard search for a three-byte character
/// compares substrings, and, asked for every text event, it was a visible part of an HTML
/// export's time; measured: docs/performance.md).
fn has_escaped_bar(text: &str) -> bool {
    let bytes = text.as_bytes();
    let escaped_bar = escaped_bar_utf8();
    memchr::memchr_iter(escaped_bar[0], bytes).any(|at| bytes[at..].starts_with(&escaped_bar))
}

/// Text as it reads inside code or raw source: an escaped bar is still `\|` there.
pub fn restore_source(text: &str) -> Cow<'_, str> {
    if has_escaped_bar(text) {
        Cow::Owned(text.replace(ESCAPED_BAR, "\\|"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Text as a reader sees it: an escaped bar is a bar.
pub fn restore_text(text: &str) -> Cow<'_, str> {
    if has_escaped_bar(text) {
        Cow::Owned(text.replace(ESCAPED_BAR, "|"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One step of a parsed body: a Markdown event, or a spoiler boundary.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    /// A Markdown event and the source range it came from. Text inside code, code spans and raw
    /// HTML may still hold [`ESCAPED_BAR`] (see [`restore_source`]); plain text never does.
    Event(Event<'a>, Range<usize>),
    /// `||` that opens an inline spoiler.
    SpoilerStart,
    /// `||` that closes it.
    SpoilerEnd,
}

/// Whether a tag is inline (lives inside a paragraph) rather than a block.
pub(crate) fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether an end tag closes an inline tag (see [`is_inline`]).
pub(crate) fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// An unresolved `||` while pairing: where it sits in the output and in which inline container.
struct Marker {
    index: usize,
    container: usize,
}

/// Whether a line is blank as CommonMark counts it: nothing but spaces and tabs (other Unicode
/// white space, such as U+2028, is text).
pub fn is_blank_line(line: &str) -> bool {
    line.chars().all(|c| matches!(c, ' ' | '\t' | '\r'))
}

/// The source spans of link reference definitions whose URL is refused: such a definition is
/// not rendered in its own section, but in a whole exported document a `[label]` in another
/// section would pick it up.
pub fn refused_definitions(prepared: &str) -> Vec<Range<usize>> {
    if !prepared.contains("]:") {
        return Vec::new();
    }
    Parser::new_ext(prepared, parser_options())
        .reference_definitions()
        .iter()
        // A label that starts with `^` is a footnote to pandoc, kramdown and GitHub, whose text
        // is Markdown (raw HTML and all) there: such a definition is refused too.
        .filter(|(label, def)| !super::url::is_allowed(&def.dest) || label.starts_with('^'))
        .map(|(_, def)| def.span.clone())
        .collect()
}

/// Every definition of a label already defined earlier in a prepared body: the text of each such
/// definition, which pulldown-cmark (and so the preview) ignores but other engines do not
/// (kramdown takes the last one: a second `[r]: javascript:…` would turn every `[r]` into a live
/// link). A candidate counts only where the parse consumed it without a trace (no event covers
/// it), so that text that merely looks like a definition is never taken.
pub fn duplicate_definitions(prepared: &str) -> Vec<Range<usize>> {
    if !prepared.contains("]:") {
        return Vec::new();
    }
    let parser = Parser::new_ext(prepared, parser_options());
    let first: FxHashMap<UniCase<String>, usize> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label_key(label), def.span.start))
        .collect();
    let covered: Vec<Range<usize>> = parser
        .into_offset_iter()
        .filter(|(event, _)| !matches!(event, Event::Start(_) | Event::End(_)))
        .map(|(_, range)| range)
        .collect();
    let mut duplicates: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    for line in prepared.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 3 || !line[indent..].starts_with('[') || !line.contains("]:") {
            continue;
        }
        if duplicates.last().is_some_and(|d| d.end > at) {
            continue;
        }
        let alone = Parser::new_ext(&prepared[at..], parser_options());
        let Some((label, span)) = alone
            .reference_definitions()
            .iter()
            .find(|(_, def)| def.span.start <= indent)
            .map(|(label, def)| (label_key(label), at + def.span.start..at + def.span.end))
        else {
            continue;
        };
        let is_first = first.get(&label) == Some(&span.start);
        let silent = !covered
            .iter()
            .any(|r| r.start < span.end && span.start < r.end);
        if !is_first && silent {
            duplicates.push(span);
        }
    }
    duplicates
}

/// Link reference definitions (`[label]: url "title"`) by label, so that a part of a body
/// parsed on its own still resolves links defined elsewhere in it.
pub type RefLinks = FxHashMap<UniCase<String>, (String, String)>;

/// A reference label as pulldown-cmark matches it. The parser hands over both a definition's
/// label and a reference's with their white space already collapsed (ASCII white space only:
/// `[ref\u{3000}]` is not `[ref]`), and compares them with Unicode case folding (`ß` is `SS`),
/// which `UniCase` does too; folding or trimming them any other way would resolve a link the
/// whole-body parse leaves as text.
fn label_key(label: &str) -> UniCase<String> {
    UniCase::new(label.to_string())
}

/// Every link reference definition of a prepared body.
pub fn reference_links(prepared: &str) -> RefLinks {
    Parser::new_ext(prepared, parser_options())
        .reference_definitions()
        .iter()
        .map(|(label, def)| {
            (
                label_key(label),
                (
                    def.dest.to_string(),
                    def.title.as_deref().unwrap_or("").to_string(),
                ),
            )
        })
        .collect()
}

/// Parses a prepared body (see [`prepare`]) into pieces with inline spoilers resolved.
pub fn pieces(prepared: &str) -> Vec<Piece<'_>> {
    pieces_with(prepared, None)
}

/// [`pieces`], resolving references that the text itself does not define from `refs`.
pub fn pieces_with<'a>(prepared: &'a str, refs: Option<&RefLinks>) -> Vec<Piece<'a>> {
    let mut out: Vec<Piece> = Vec::new();
    // Inline containers currently open (ids), and a fresh id for every new run or container.
    let mut containers: Vec<usize> = Vec::new();
    let mut next_id = 1usize;
    let mut run_id = 0usize;
    let mut open: Option<Marker> = None;
    let mut in_code_block = false;
    let mut link_depth = 0usize;
    // Indices in `out` of markers that never found a partner: they become text at the end.
    let mut literal: Vec<usize> = Vec::new();

    let mut resolve = |link: BrokenLink<'a>| -> Option<(CowStr<'a>, CowStr<'a>)> {
        let (dest, title) = refs?.get(&label_key(&link.reference))?;
        Some((dest.clone().into(), title.clone().into()))
    };
    let parser =
        Parser::new_with_broken_link_callback(prepared, parser_options(), Some(&mut resolve));
    for (event, range) in parser.into_offset_iter() {
        let (bars, escaped) = match &event {
            Event::Text(text) => marks_in(text),
            _ => (false, false),
        };
        match &event {
            Event::Start(tag) if is_inline(tag) => {
                if matches!(tag, Tag::Link { .. } | Tag::Image { .. }) {
                    link_depth += 1;
                }
                containers.push(next_id);
                next_id += 1;
            }
            Event::End(tag) if is_inline_end(tag) => {
                if matches!(tag, TagEnd::Link | TagEnd::Image) {
                    link_depth = link_depth.saturating_sub(1);
                }
                let closed = containers.pop();
                if open.as_ref().is_some_and(|m| Some(m.container) == closed) {
                    literal.push(open.take().map(|m| m.index).unwrap_or_default());
                }
            }
            Event::Start(tag) => {
                in_code_block |= matches!(tag, Tag::CodeBlock(_));
                if let Some(m) = open.take() {
                    literal.push(m.index);
                }
                containers.clear();
                run_id = next_id;
                next_id += 1;
            }
            Event::End(tag) => {
                if matches!(tag, TagEnd::CodeBlock) {
                    in_code_block = false;
                }
                if let Some(m) = open.take() {
                    literal.push(m.index);
                }
                containers.clear();
                run_id = next_id;
                next_id += 1;
            }
            Event::Text(text) if !in_code_block && link_depth == 0 && bars => {
                let container = containers.last().copied().unwrap_or(run_id);
                // Text borrowed from the body is split into borrowed parts: no copy of each
                // part between markers (most text of a review with spoilers goes through here).
                let source = match text {
                    CowStr::Borrowed(source) => Some(*source),
                    _ => None,
                };
                let part = |span: Range<usize>| -> Event<'a> {
                    Event::Text(match source {
                        Some(source) => match restore_text(&source[span]) {
                            Cow::Borrowed(part) => CowStr::Borrowed(part),
                            Cow::Owned(part) => part.into(),
                        },
                        None => restore_text(&text[span]).into_owned().into(),
                    })
                };
                let mut from = 0;
                loop {
                    let Some(at) = find_marker(&text[from..]) else {
                        if from < text.len() {
                            out.push(Piece::Event(part(from..text.len()), range.clone()));
                        }
                        break;
                    };
                    if at > 0 {
                        out.push(Piece::Event(part(from..from + at), range.clone()));
                    }
                    from += at + 2;
                    match open.take() {
                        // A partner at the same level with something in between: a spoiler.
                        Some(m) if m.container == container && m.index + 1 < out.len() => {
                            out[m.index] = Piece::SpoilerStart;
                            out.push(Piece::SpoilerEnd);
                        }
                        other => {
                            if let Some(m) = other {
                                literal.push(m.index);
                            }
                            open = Some(Marker {
                                index: out.len(),
                                container,
                            });
                            out.push(Piece::SpoilerStart);
                        }
                    }
                }
                continue;
            }
            _ => {}
        }
        // Only text holding an escaped bar needs a new string; the rest stays borrowed.
        let event = match event {
            Event::Text(text) if !in_code_block && escaped => {
                Event::Text(restore_text(&text).into_owned().into())
            }
            other => other,
        };
        out.push(Piece::Event(event, range));
    }
    if let Some(m) = open {
        literal.push(m.index);
    }
    for index in literal {
        out[index] = Piece::Event(Event::Text("||".into()), 0..0);
    }
    out
}

/// Where the first spoiler marker (`||`) of `text` starts: `text.find("||")`, by a byte search
/// for `|` (the general substring search is set up afresh for every call).
fn find_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'|', bytes).find(|&at| bytes.get(at + 1) == Some(&b'|'))
}

/// Whether `text` holds a spoiler marker (`||`), and whether it holds an [`ESCAPED_BAR`]: one
/// pass over the bytes, for every text event of every render.
fn marks_in(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let escaped_bar = escaped_bar_utf8();
    let (mut bars, mut escaped) = (false, false);
    for at in memchr::memchr2_iter(b'|', escaped_bar[0], bytes) {
        if bytes[at] == b'|' {
            bars |= bytes.get(at + 1) == Some(&b'|');
        } else {
            escaped |= bytes[at..].starts_with(&escaped_bar);
        }
        if bars && escaped {
            break;
        }
    }
    (bars, escaped)
}

/// A body as a reader reads it, for checks that look at words rather than markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadableText {
    /// The text with the Markdown markers gone (raw HTML and code kept as typed, as they are
    /// shown), a line break for each line break and a blank line between blocks.
    pub text: String,
    /// The byte ranges of [`ReadableText::text`] that lie inside inline spoilers, in order and
    /// never overlapping.
    pub spoilers: Vec<Range<usize>>,
}

/// The readable text of a section body, with where its inline spoilers are; built on [`pieces`]
/// so that it finds exactly the spoilers the preview and the exports draw.
pub fn readable_text(body: &str) -> ReadableText {
    let prepared = prepare(body);
    let mut out = ReadableText::default();
    let mut spoiler_start = None;
    // A blank line between blocks keeps a heading, a list item and a paragraph from running
    // into one sentence; never doubled, never leading.
    let block_break = |text: &mut String| {
        if !text.is_empty() && !text.ends_with("\n\n") {
            text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
        }
    };
    for piece in pieces(&prepared) {
        match piece {
            Piece::SpoilerStart => spoiler_start = Some(out.text.len()),
            Piece::SpoilerEnd => {
                if let Some(start) = spoiler_start.take() {
                    out.spoilers.push(start..out.text.len());
                }
            }
            Piece::Event(event, _) => match event {
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    out.text.push_str(&restore_source(&t));
                }
                Event::SoftBreak | Event::HardBreak => out.text.push('\n'),
                Event::Start(tag) if !is_inline(&tag) => block_break(&mut out.text),
                Event::End(tag) if !is_inline_end(&tag) => block_break(&mut out.text),
                _ => {}
            },
        }
    }
    out
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod equivalence {
    use super::*;

    proptest::proptest! {
        #[test]
        fn byte_searches_find_what_substring_searches_find(
            text in "([a-z |\\\\\u{fdd0}\u{fdd1}\u{fdcf}\u{fffd}\u{efff}é日🙂]){0,40}"
        ) {
            proptest::prop_assert_eq!(find_marker(&text), text.find("||"));
            proptest::prop_assert_eq!(has_escaped_bar(&text), text.contains(ESCAPED_BAR));
            proptest::prop_assert_eq!(
                marks_in(&text),
                (text.contains("||"), text.contains(ESCAPED_BAR))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_as_substring_searches_find_them() {
        for text in [
            "",
            "|",
            "||",
            "a | b || c",
            "| |",
            "\u{FDD0}",
            "x\u{FDD1}||",
            "日本||\u{FDD0}",
            "\u{FFFD}|",
        ] {
            assert_eq!(
                marks_in(text),
                (text.contains("||"), text.contains(ESCAPED_BAR)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn needs_preparing_finds_escaped_bars_and_noncharacters_only() {
        let cases = [
            ("", false),
            ("plain ||spoiler|| text", false),
            ("a \\ backslash, é and 日本", false),
            ("\\", false),
            ("|\\", false),
            ("an escaped \\| bar", true),
            ("\\\\|", true),
            ("ends with \\|", true),
            ("\u{FDD0}", true),
            ("x\u{FDD1}y", false),
            ("\u{FFFD} and \u{FDCF}", false),
        ];
        for (text, expected) in cases {
            assert_eq!(needs_preparing(text), expected, "{text:?}");
            assert_eq!(
                text.contains("\\|") || text.contains(ESCAPED_BAR),
                expected,
                "{text:?}"
            );
        }
    }

    fn shape(body: &str) -> String {
        let prepared = prepare(body);
        pieces(&prepared)
            .into_iter()
            .map(|p| match p {
                Piece::SpoilerStart => "[".to_string(),
                Piece::SpoilerEnd => "]".to_string(),
                Piece::Event(Event::Text(t), _) => t.to_string(),
                Piece::Event(Event::Code(t), _) => format!("`{}`", restore_source(&t)),
                Piece::Event(Event::Start(Tag::Emphasis), _) => "<em>".into(),
                Piece::Event(Event::End(TagEnd::Emphasis), _) => "</em>".into(),
                Piece::Event(Event::SoftBreak, _) => "/".into(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn pairs_markers_within_a_paragraph() {
        assert_eq!(shape("a ||b|| c"), "a [b] c");
        assert_eq!(shape("||x|| and ||y||"), "[x] and [y]");
    }

    #[test]
    fn spoilers_may_hold_emphasis_and_span_lines() {
        assert_eq!(shape("||a *b* c||"), "[a <em>b</em> c]");
        assert_eq!(shape("||a\nb||"), "[a/b]");
    }

    #[test]
    fn never_crosses_paragraphs_or_emphasis_levels() {
        assert_eq!(shape("||a\n\nb||"), "||ab||");
        assert_eq!(shape("*a ||b* c||"), "<em>a ||b</em> c||");
    }

    #[test]
    fn not_inside_code_and_escaped_bars_are_literal() {
        assert_eq!(shape("`||x||`"), "`||x||`");
        assert_eq!(shape("`a\\|b`"), "`a\\|b`");
        assert_eq!(shape(r"\|\|x\|\|"), "||x||");
        assert_eq!(shape(r"\\||x||"), "\\[x]");
    }

    #[test]
    fn empty_and_unpaired_markers_stay_text() {
        assert_eq!(shape("||||"), "||||");
        assert_eq!(shape("a || b"), "a || b");
        assert_eq!(shape("||a|| ||b"), "[a] ||b");
    }

    #[test]
    fn readable_text_marks_where_the_spoilers_are() {
        let r = readable_text("# Ruth\n\nKathy *and* ||Tommy||'s\nend `a\\|b`");
        assert_eq!(r.text, "Ruth\n\nKathy and Tommy's\nend a\\|b\n\n");
        assert_eq!(r.spoilers.len(), 1);
        assert_eq!(&r.text[r.spoilers[0].clone()], "Tommy");
        assert_eq!(readable_text("").text, "");
        assert!(readable_text("a || b").spoilers.is_empty());
    }

    #[test]
    fn not_inside_links() {
        assert_eq!(shape("[||a||](http://x)"), "||a||");
    }
}
