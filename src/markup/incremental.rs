//! Re-rendering a long section as the person types: only the top-level blocks an edit touched
//! are parsed and rendered again, so a keystroke's work does not grow with the section's
//! length. The result is always exactly what [`super::render`] gives for the whole body (a
//! property test holds it to that); where an edit could change how far a block reaches (an
//! unclosed code fence, a reference definition), everything is rendered again.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::Event;

use super::images::{ImagePolicy, LOAD_ALL};
use super::spoilers::{
    is_inline, is_inline_end, needs_preparing, pieces_with, prepare, reference_links, Piece,
    RefLinks,
};
use super::{write_html, SpoilerView};
use crate::bytes::{common_prefix, common_suffix};

/// One top-level block of the body: where it is and what it renders to.
#[derive(Clone, Debug, PartialEq)]
struct Block {
    /// Its source, in the prepared text.
    range: Range<usize>,
    /// How many inline spoilers come before it in the body.
    first_spoiler: usize,
    /// How many it holds.
    spoilers: usize,
    /// Its HTML (one element, no trailing line break).
    html: String,
}

/// What changed in the rendered blocks: replace `remove` blocks from `start` with `insert`.
/// Each block is one HTML element, so the preview patches its DOM children the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Patch {
    /// Index of the first replaced block.
    pub start: usize,
    /// How many blocks are removed there.
    pub remove: usize,
    /// The HTML of each block put in their place.
    pub insert: Vec<String>,
}

/// The last rendering of one body, kept to render the next version incrementally.
#[derive(Default)]
pub struct IncrementalRender {
    prepared: String,
    /// Whether `prepared` is the body itself (it held no escaped bar): then the next body needs
    /// preparing only if its change brought one, which is found without scanning it all.
    verbatim: bool,
    refs: RefLinks,
    blocks: Vec<Block>,
    view: Option<(bool, Vec<usize>)>,
    /// Which remote images wait (see [`ImagePolicy`]); a change draws everything again.
    images: ImagePolicy,
    id_prefix: String,
}

/// Splits pieces into top-level blocks: (range of pieces, source range).
fn top_level_blocks(pieces: &[Piece]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = (0, 0..0);
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Event(Event::Start(tag), range) if !is_inline(tag) => {
                if depth == 0 {
                    start = (i, range.clone());
                }
                depth += 1;
            }
            Piece::Event(Event::End(tag), _) if !is_inline_end(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    blocks.push((start.0..i + 1, start.1.clone()));
                }
            }
            Piece::Event(Event::Rule, range) if depth == 0 => {
                blocks.push((i..i + 1, range.clone()))
            }
            _ => {}
        }
    }
    blocks
}

/// Whether text could open a block that runs on past blank lines until some end marker (an
/// HTML comment, `<script>`…): such a window cannot be parsed apart from what follows it.
fn may_run_on(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["<!", "<?", "<script", "<pre", "<style", "<textarea"]
        .iter()
        .any(|m| lower.contains(m))
        || super::markdown::has_unclosed_fence(text)
}

/// Whether the line before the one holding byte `at` is blank (or `at` is on the first line):
/// then a block starting there cannot continue the block before it.
fn blank_line_before(text: &str, at: usize) -> bool {
    let start = line_start(text, at);
    if start == 0 {
        return true;
    }
    let previous = &text[line_start(text, start - 1)..start - 1];
    super::spoilers::is_blank_line(previous)
}

/// Whether a block starting at `at` can only be a fresh top-level block after a blank line:
/// not indented (a list item's continuation) and not a list item (a list could join it).
fn starts_fresh(text: &str, at: usize) -> bool {
    match text[line_start(text, at)..].chars().next() {
        None => true,
        Some(c) => !(c.is_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '+' | '*')),
    }
}

impl IncrementalRender {
    /// A renderer whose inline spoilers get ids `<id_prefix>-<n>`.
    pub fn new(id_prefix: &str) -> IncrementalRender {
        IncrementalRender {
            id_prefix: id_prefix.to_string(),
            ..IncrementalRender::default()
        }
    }

    /// The whole current HTML (what [`super::render`] gives, one block per line).
    pub fn html(&self) -> String {
        self.blocks
            .iter()
            .map(|b| format!("{}\n", b.html))
            .collect()
    }

    /// Each block's HTML, in order (to draw them all again).
    pub fn blocks_html(&self) -> Vec<String> {
        self.blocks.iter().map(|b| b.html.clone()).collect()
    }

    /// Renders `body` as it is now and says which blocks changed since the last call.
    pub fn update(&mut self, body: &str, reveal: bool, opened: &[usize]) -> Patch {
        self.update_with_images(body, reveal, opened, &LOAD_ALL)
    }

    /// [`IncrementalRender::update`], holding back the remote images `images` names.
    pub fn update_with_images(
        &mut self,
        body: &str,
        reveal: bool,
        opened: &[usize],
        images: &ImagePolicy,
    ) -> Patch {
        let same_view = self
            .view
            .as_ref()
            .is_some_and(|(r, o)| *r == reveal && o == opened);
        if !same_view || self.images != *images || self.blocks.is_empty() {
            self.view = Some((reveal, opened.to_vec()));
            if self.images != *images {
                self.images = images.clone();
            }
            return self.render_all(prepare(body));
        }
        let (prepared, span) = self.prepare_edited(body);
        let (prefix, suffix) = span.unwrap_or_else(|| changed_span(&self.prepared, &prepared));
        match self.window(&prepared, prefix, suffix) {
            Some((lo, hi, start, end)) => {
                let patch = self.render_window(&prepared, lo, hi, start..end);
                self.keep(prepared, prefix, suffix);
                patch
            }
            None => self.render_all(prepared),
        }
    }

    /// `body` prepared for parsing ([`prepare`]), and, when that is `body` itself and was
    /// found so by comparing it with the last text, how they differ ([`changed_span`]). In a
    /// long section a keystroke then neither scans nor copies the whole text.
    fn prepare_edited<'b>(&self, body: &'b str) -> (Cow<'b, str>, Option<(usize, usize)>) {
        if self.verbatim {
            // The last text held no escaped bar, so a new one can only be in the change or
            // reach into it from a byte on either side.
            let (prefix, suffix) = changed_span(&self.prepared, body);
            let from = floor(body, floor(body, prefix).saturating_sub(1));
            let to = ceil(body, (ceil(body, body.len() - suffix) + 1).min(body.len()));
            if !needs_preparing(&body[from..to]) {
                return (Cow::Borrowed(body), Some((prefix, suffix)));
            }
        }
        (prepare(body), None)
    }

    /// Keeps `prepared` as the last text: a borrowed body (which differs from the last text
    /// only in the span between `prefix` and `suffix`) by changing just that span in place.
    fn keep(&mut self, prepared: Cow<str>, prefix: usize, suffix: usize) {
        match prepared {
            Cow::Borrowed(new) if self.verbatim => {
                let old = &self.prepared;
                // Widened to whole characters; the bytes outside the span are the same in
                // both texts, so the widened ends are too.
                let from = floor(old, prefix);
                let old_to = ceil(old, old.len() - suffix);
                let new_to = old_to + new.len() - old.len();
                self.prepared
                    .replace_range(from..old_to, &new[from..new_to]);
            }
            prepared => {
                self.verbatim = matches!(prepared, Cow::Borrowed(_));
                self.prepared = prepared.into_owned();
            }
        }
    }

    fn spoiler_view(&self) -> (bool, Vec<usize>) {
        self.view.clone().unwrap_or_default()
    }

    /// Parses and renders `prepared[range]` as blocks, spoilers numbered on from `first_spoiler`.
    fn render_range(
        &self,
        prepared: &str,
        range: Range<usize>,
        first_spoiler: usize,
    ) -> Vec<Block> {
        let (reveal, opened) = self.spoiler_view();
        let view = SpoilerView {
            id_prefix: &self.id_prefix,
            reveal,
            opened: &opened,
            images: &self.images,
        };
        let text = &prepared[range.clone()];
        let pieces = pieces_with(text, Some(&self.refs));
        let mut count = first_spoiler;
        top_level_blocks(&pieces)
            .into_iter()
            .map(|(piece_range, source)| {
                let before = count;
                let mut html = String::new();
                write_html(&pieces[piece_range], &mut html, &view, &mut count);
                if html.ends_with('\n') {
                    html.pop();
                }
                Block {
                    range: source.start + range.start..source.end + range.start,
                    first_spoiler: before,
                    spoilers: count - before,
                    html,
                }
            })
            .collect()
    }

    fn render_all(&mut self, prepared: Cow<str>) -> Patch {
        self.verbatim = matches!(prepared, Cow::Borrowed(_));
        let prepared = prepared.into_owned();
        self.refs = reference_links(&prepared);
        let blocks = self.render_range(&prepared, 0..prepared.len(), 0);
        let patch = Patch {
            start: 0,
            remove: self.blocks.len(),
            insert: blocks.iter().map(|b| b.html.clone()).collect(),
        };
        self.blocks = blocks;
        self.prepared = prepared;
        patch
    }

    /// The blocks (old indices `lo..=hi`) and the new source range to parse again, or `None`
    /// when only a full render is safe.
    /// `prefix` and `suffix` are how `new` differs from the last text ([`changed_span`]).
    fn window(
        &self,
        new: &str,
        prefix: usize,
        suffix: usize,
    ) -> Option<(usize, usize, usize, usize)> {
        let old = &self.prepared;
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        // A reference definition anywhere in the change can alter links in any block.
        let changed_old = &old[floor(old, prefix)..ceil(old, old_end)];
        let changed_new = &new[floor(new, prefix)..ceil(new, new_end)];
        if changed_old.contains("]:")
            || changed_new.contains("]:")
            || changed_old.contains(']') && changed_new.contains(':')
        {
            return None;
        }
        let blocks = &self.blocks;
        let last = blocks.len().checked_sub(1)?;
        let a = blocks
            .iter()
            .position(|b| b.range.end >= prefix)
            .unwrap_or(last);
        let b = blocks
            .iter()
            .rposition(|b| line_start(old, b.range.start) <= old_end)
            .unwrap_or(0)
            .max(a);
        let delta = new.len() as isize - old.len() as isize;
        let shift = |at: usize| (at as isize + delta) as usize;
        // Whether block `i` can open the window: its line is untouched, follows a blank line and
        // cannot continue the block before (indented code or a list item could).
        let opens = |i: usize| {
            let at = line_start(old, blocks[i].range.start);
            at <= prefix && blank_line_before(new, at) && starts_fresh(new, at)
        };
        let mut lo = a;
        while lo > 0 && !opens(lo) {
            lo -= 1;
        }
        let mut hi = b;
        // End where the next block, untouched, follows a blank line in the new text and can
        // only start afresh.
        while hi < last {
            let next = line_start(old, blocks[hi + 1].range.start);
            if next >= old_end
                && blank_line_before(new, shift(next))
                && starts_fresh(new, shift(next))
            {
                break;
            }
            hi += 1;
        }
        // From the start of the line: a block's range may begin after its indentation.
        let start = if lo == 0 {
            0
        } else {
            line_start(old, blocks[lo].range.start)
        };
        let mut end = if hi == last {
            new.len()
        } else {
            shift(line_start(old, blocks[hi + 1].range.start))
        };
        if end < new_end || start > prefix {
            return None;
        }
        if hi < last && may_run_on(&new[start..end]) {
            hi = last;
            end = new.len();
        }
        // A reference definition in the window may have stopped (or started) being one; the
        // links elsewhere that use it are then only right after a full render.
        let old_window_end = if hi == last {
            old.len()
        } else {
            line_start(old, blocks[hi + 1].range.start)
        };
        if new[start..end].contains("]:") || old[start..old_window_end].contains("]:") {
            return None;
        }
        Some((lo, hi, start, end))
    }

    /// Renders the window again; the caller keeps `prepared` as the last text afterwards.
    fn render_window(
        &mut self,
        prepared: &str,
        lo: usize,
        hi: usize,
        range: Range<usize>,
    ) -> Patch {
        let first = self.blocks[lo].first_spoiler;
        let old_len = self.prepared.len();
        let fresh = self.render_range(prepared, range, first);
        let delta = prepared.len() as isize - old_len as isize;
        let fresh_spoilers: usize = fresh.iter().map(|b| b.spoilers).sum();
        let old_spoilers: usize = self.blocks[lo..=hi].iter().map(|b| b.spoilers).sum();
        let spoiler_shift = fresh_spoilers as isize - old_spoilers as isize;
        let mut insert: Vec<String> = fresh.iter().map(|b| b.html.clone()).collect();
        let mut replaced_to = hi + 1;
        let mut tail: Vec<Block> = Vec::with_capacity(self.blocks.len() - hi - 1);
        let mut later_count = first + fresh_spoilers;
        let later: Vec<Block> = self.blocks.drain(hi + 1..).collect();
        for (i, block) in later.into_iter().enumerate() {
            let mut block = Block {
                range: (block.range.start as isize + delta) as usize
                    ..(block.range.end as isize + delta) as usize,
                ..block
            };
            // Spoilers after the change are numbered on; if their numbers moved, they are
            // rendered again (and the patch reaches to the last of them).
            if spoiler_shift != 0 && block.spoilers > 0 {
                let again = self.render_range(prepared, block.range.clone(), later_count);
                block = again.into_iter().next().unwrap_or(block);
                replaced_to = hi + 1 + i + 1;
            }
            block.first_spoiler = later_count;
            later_count += block.spoilers;
            tail.push(block);
        }
        // Everything from the window to the last re-rendered block goes into the patch.
        let extra = replaced_to - (hi + 1);
        insert.extend(tail[..extra].iter().map(|b| b.html.clone()));
        let patch = Patch {
            start: lo,
            remove: replaced_to - lo,
            insert,
        };
        self.blocks.truncate(lo);
        self.blocks.extend(fresh);
        self.blocks.extend(tail);
        patch
    }
}

/// How `new` differs from `old`: the lengths of their common start and of their common end
/// (which never overlap the common start).
fn changed_span(old: &str, new: &str) -> (usize, usize) {
    let prefix = common_prefix(old.as_bytes(), new.as_bytes());
    let suffix = common_suffix(&old.as_bytes()[prefix..], &new.as_bytes()[prefix..]);
    (prefix, suffix)
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::markup::render;
    use proptest::prelude::*;

    fn full(body: &str, reveal: bool, opened: &[usize]) -> String {
        render(
            body,
            &SpoilerView {
                id_prefix: "p",
                reveal,
                opened,
                images: &LOAD_ALL,
            },
        )
    }

    /// Applies a patch to a list of block HTML, as the preview does to its DOM.
    fn apply(dom: &mut Vec<String>, patch: Patch) {
        dom.splice(patch.start..patch.start + patch.remove, patch.insert);
    }

    fn check_sequence(versions: &[String]) -> Result<(), TestCaseError> {
        let mut inc = IncrementalRender::new("p");
        let mut dom: Vec<String> = Vec::new();
        for body in versions {
            let patch = inc.update(body, false, &[]);
            apply(&mut dom, patch);
            let expected = full(body, false, &[]);
            prop_assert_eq!(
                inc.html(),
                expected.clone(),
                "incremental render of {:?}",
                body
            );
            let patched: String = dom.iter().map(|h| format!("{h}\n")).collect();
            prop_assert_eq!(patched, expected, "patched DOM of {:?}", body);
        }
        Ok(())
    }

    #[test]
    fn typing_at_the_end_touches_one_block() {
        let mut inc = IncrementalRender::new("p");
        let base = "First para.\n\nSecond *para*.\n\n- a\n- b\n\nLast para";
        inc.update(base, false, &[]);
        let patch = inc.update(&format!("{base}x"), false, &[]);
        assert_eq!(patch.start, 3);
        assert_eq!(patch.remove, 1);
        assert_eq!(patch.insert, vec!["<p>Last parax</p>".to_string()]);
        let patch = inc.update(
            "First para!\n\nSecond *para*.\n\n- a\n- b\n\nLast parax",
            false,
            &[],
        );
        assert_eq!((patch.start, patch.remove, patch.insert.len()), (0, 1, 1));
        // Deleting the blank line between two paragraphs joins them: both are redone.
        let patch = inc.update(
            "First para!\nSecond *para*.\n\n- a\n- b\n\nLast parax",
            false,
            &[],
        );
        assert_eq!((patch.start, patch.remove, patch.insert.len()), (0, 3, 2));
    }

    #[test]
    fn spoiler_numbers_follow_an_added_spoiler() {
        let v = [
            "||a||\n\nb\n\n||c||".to_string(),
            "||a|| ||x||\n\nb\n\n||c||".to_string(),
        ];
        check_sequence(&v).unwrap();
    }

    #[test]
    fn a_fence_opened_by_an_edit_swallows_the_rest() {
        let v = [
            "a\n\nb\n\nc\n\nd".to_string(),
            "a\n\n```\nb\n\nc\n\nd".to_string(),
            "a\n\n```\nb\n```\n\nc\n\nd".to_string(),
        ];
        check_sequence(&v).unwrap();
    }

    #[test]
    fn view_changes_render_everything() {
        let mut inc = IncrementalRender::new("p");
        inc.update("||a||\n\nb", false, &[]);
        let patch = inc.update("||a||\n\nb", true, &[]);
        assert_eq!((patch.start, patch.remove, patch.insert.len()), (0, 2, 2));
        assert_eq!(inc.html(), full("||a||\n\nb", true, &[]));
    }

    #[test]
    fn allowing_an_image_draws_it_in_place_of_its_placeholder() {
        let body = "a\n\n![x](https://t.example/p.gif)\n\nb";
        let held = ImagePolicy::holding(vec!["https://t.example/p.gif".into()]);
        let mut inc = IncrementalRender::new("p");
        inc.update_with_images(body, false, &[], &held);
        assert!(inc.html().contains("image-held") && !inc.html().contains("<img"));
        // Typing elsewhere keeps it held.
        inc.update_with_images(&format!("{body}c"), false, &[], &held);
        assert!(inc.html().contains("image-held"));
        let patch = inc.update_with_images(&format!("{body}c"), false, &[], &LOAD_ALL);
        assert_eq!((patch.start, patch.remove, patch.insert.len()), (0, 3, 3));
        assert!(inc.html().contains("<img") && !inc.html().contains("image-held"));
    }

    fn document() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "para one",
            "||spoiler||",
            "*em*",
            "`code`",
            "\n",
            "\n\n",
            "- item",
            "1. item",
            "> quote",
            "# head",
            "```",
            "~~~",
            "    indented",
            "[link](https://x)",
            "[ref]",
            "[ref]: https://r",
            "[REF]",
            "[ß]: https://s",
            "[SS]",
            "<!-- c -->",
            "<b>",
            "---",
            "===",
            "text",
            " ",
            "||",
            "\\|",
            "é",
            "  - nested",
            "\t",
            "<div>",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    /// An edit: replace a range (by char index fractions) with a snippet.
    fn edits() -> impl Strategy<Value = Vec<(f64, f64, String)>> {
        let snippet = prop::sample::select(vec![
            "", "x", "\n", "\n\n", "||", "- ", "```", "*", "`", "# ", "> ", "[ref]", "]: h", "  ",
            "1. ", "<!--", "-->", "\\", "|", "\\|", "\u{FDD0}", "é", "\t", "```\t", "\u{3000}",
        ]);
        prop::collection::vec(
            (0.0..1.0f64, 0.0..0.2f64, snippet.prop_map(str::to_string)),
            1..8,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
        ))]

        /// After any sequence of edits, the incremental rendering (and the DOM patched with its
        /// patches) is exactly the full rendering.
        #[test]
        fn incremental_equals_full(doc in document(), edits in edits()) {
            let mut versions = vec![doc.clone()];
            let mut text: Vec<char> = doc.chars().collect();
            for (at, len, snippet) in edits {
                let start = ((text.len() as f64) * at) as usize;
                let end = (start + ((text.len() as f64) * len) as usize).min(text.len());
                text.splice(start..end, snippet.chars());
                versions.push(text.iter().collect());
            }
            check_sequence(&versions)?;
        }
    }
}
