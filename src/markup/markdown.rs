//! Markdown of one section → Markdown that is safe to publish anywhere CommonMark/GFM is read.
//!
//! The person's Markdown is kept as typed wherever it is already safe. Three things are
//! rewritten: raw HTML (escaped so it reads as text), links and images whose URL is refused
//! (replaced by their text), and paragraphs with inline spoilers. GitHub has no inline spoiler,
//! so such a paragraph shows `[spoiler N]` where each was and is followed by a `<details>` block
//! that holds them. A code fence left open is closed, so it cannot swallow what follows.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::escape;
use super::spoilers::{
    duplicate_definitions, is_inline, is_inline_end, pieces, prepare, refused_definitions,
    restore_source, Piece,
};
use super::url;

/// How inline `||spoilers||` are written: each platform has its own syntax, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineSpoilers {
    /// `[spoiler N]` in place, and the spoilers listed after the block they sit in, inside a
    /// disclosure of this form (for platforms with no inline spoiler).
    Listed(ListForm),
    /// In place between these markers: Reddit's `>!…!<`, Discord's `||…||`.
    Wrapped(&'static str, &'static str),
    /// In place as plain content (inside a section that is hidden whole).
    Plain,
    /// Left out, with `[spoiler removed]` in their place (spoiler-free versions).
    Removed,
}

/// The disclosure that lists a block's inline spoilers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListForm {
    /// `<details>` with blank lines around the Markdown (GitHub, CommonMark).
    Details,
    /// `<details markdown="1">` (Jekyll's kramdown renders Markdown inside only when asked).
    KramdownDetails,
    /// `:::spoiler Spoilers` … `:::` (HackMD, HedgeDoc).
    HackMd,
    /// `> [!spoiler]- Spoilers` callout (Obsidian).
    Obsidian,
    /// `{{< details summary="Spoilers" >}}` … `{{< /details >}}` (Hugo's built-in shortcode,
    /// since its default renderer drops raw HTML).
    HugoShortcode,
}

/// A replacement of `range` of the prepared source by `text`.
struct Edit {
    range: Range<usize>,
    text: String,
}

/// Converts one section body to safe Markdown. Spoilers are numbered from 1 within the body.
///
/// A run of inline content (a paragraph, a heading, a list item's text) is kept exactly as typed
/// unless it needs a change; then the whole run is written afresh from the parsed events with
/// every text character escaped, so that nothing left around a change can combine with it into
/// new syntax (patching only a link's source could make its neighbours a link again).
pub fn section_markdown(body: &str) -> String {
    section_markdown_with(body, InlineSpoilers::Listed(ListForm::Details))
}

/// [`section_markdown`] with inline spoilers written in `style`.
pub fn section_markdown_with(body: &str, style: InlineSpoilers) -> String {
    let out = rewrite(body, style);
    // The rewriting keeps the person's Markdown; this check makes its safety a fact rather than
    // a hope. Should any raw HTML or refused link ever get through, the section is written as
    // plain escaped text instead: formatting is lost, nothing unsafe is published.
    if is_safe(&out) {
        out
    } else {
        escaped_text(body)
    }
}

/// A body as plain text that Markdown reads back letter for letter: every line escaped, as its
/// own line (the last resort when its Markdown cannot be kept safely).
pub fn escaped_text(body: &str) -> String {
    body.lines()
        .map(|line| escape::markdown(line.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rewriting of [`section_markdown_with`], without its own safety check: for a caller
/// that checks the whole document it goes into (and falls back to the checked form when that
/// check fails), so that each section is not parsed once more for a check of its own.
pub fn section_markdown_unchecked(body: &str, style: InlineSpoilers) -> String {
    rewrite(body, style)
}

/// The rewriting of [`section_markdown`], without its final safety net.
fn rewrite(body: &str, style: InlineSpoilers) -> String {
    let prepared = prepare(body);
    let pieces = pieces(&prepared);
    let mut edits: Vec<Edit> = Vec::new();
    let mut spoiler_number = 0usize;
    // Spoilers waiting to be listed after the current top-level block ends.
    let mut pending: Vec<(usize, String)> = Vec::new();
    let mut depth = 0usize;
    let mut in_code_block = false;
    // Where the HTML block being read began.
    let mut html_block_start = None;
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            // Headings in a body sit under the post's title and the section's heading, so they
            // are written two levels down (as the HTML does), always in the ATX form.
            Piece::Event(Event::Start(Tag::Heading { level, .. }), range) => {
                depth += 1;
                let end = run_end(&pieces, i + 1);
                let mut text = "#".repeat((*level as usize + 2).min(6));
                text.push(' ');
                inline_markdown(
                    &pieces[i + 1..end],
                    &mut text,
                    &mut pending,
                    &mut spoiler_number,
                    style,
                );
                // A heading's source may end with its line break (a lone CR is one too, in a
                // file from elsewhere); the rewritten heading needs one there as well, or the
                // next line would join it.
                if prepared[range.clone()].ends_with(['\n', '\r']) {
                    text.push('\n');
                }
                edits.push(Edit {
                    range: range.clone(),
                    text,
                });
                i = end;
                continue;
            }
            Piece::Event(Event::Start(tag), range) if !is_inline(tag) => {
                depth += 1;
                in_code_block |= matches!(tag, Tag::CodeBlock(_));
                if let Tag::CodeBlock(CodeBlockKind::Fenced(info)) = tag {
                    edits.extend(plain_info_string(&prepared, range.start, info));
                }
                if matches!(tag, Tag::HtmlBlock) {
                    html_block_start = Some(range.start);
                }
            }
            // Escaped, an HTML block becomes a paragraph, and a paragraph would absorb the next
            // line (an indented code block, say) as its own text: a blank line keeps them apart.
            Piece::Event(Event::End(TagEnd::HtmlBlock), range) => {
                depth = depth.saturating_sub(1);
                // The block's range may or may not take its final line break with it.
                let rest = &prepared[range.end..];
                let (at, next_line) = match rest.strip_prefix('\n') {
                    Some(after) => (range.end + 1, after),
                    None => (range.end, rest),
                };
                let line = next_line.split('\n').next().unwrap_or("");
                if !next_line.is_empty() && !super::spoilers::is_blank_line(line) {
                    let text = if at == range.end { "\n\n" } else { "\n" };
                    edits.push(Edit {
                        range: at..at,
                        text: text.to_string(),
                    });
                }
            }
            Piece::Event(Event::End(tag), range) if !is_inline_end(tag) => {
                depth = depth.saturating_sub(1);
                in_code_block &= !matches!(tag, TagEnd::CodeBlock);
                if depth == 0 && !pending.is_empty() {
                    let before = &prepared[..range.end];
                    let gap = if before.ends_with("\n\n") {
                        ""
                    } else if before.ends_with('\n') {
                        "\n"
                    } else {
                        "\n\n"
                    };
                    let mut text = String::with_capacity(details_len(&pending));
                    text.push_str(gap);
                    push_spoiler_details(&mut text, &pending, style);
                    edits.push(Edit {
                        range: range.end..range.end,
                        text,
                    });
                    pending.clear();
                }
            }
            // Raw HTML blocks: every line escaped, so it reads as the text that was typed.
            Piece::Event(Event::Html(_), range) => {
                let mut text = String::new();
                // An HTML block may interrupt a paragraph; escaped, it would become that
                // paragraph's next line, and a backtick or bracket left open there could pair
                // with one of its own (a code span the preview never showed). At the top level a
                // blank line keeps them apart, as they were.
                let before = &prepared[..range.start];
                let last_line = before
                    .strip_suffix('\n')
                    .map(|b| b.rsplit('\n').next().unwrap_or(""));
                if depth == 1
                    && html_block_start == Some(range.start)
                    && last_line.is_some_and(|line| !super::spoilers::is_blank_line(line))
                {
                    text.push('\n');
                }
                text.push_str(&escape::markdown(&restore_source(&prepared[range.clone()])));
                edits.push(Edit {
                    range: range.clone(),
                    text,
                });
            }
            _ if in_code_block => {}
            _ => {
                let end = run_end(&pieces, i);
                if let Some(mut edit) =
                    rewrite_run(&pieces[i..end], &mut spoiler_number, &mut pending, style)
                {
                    // A run that starts with an escaped character (`\```…`): its text's range
                    // begins after the backslash, which must go with what it escaped, or it
                    // would be left to escape the rewrite's own first character.
                    let start = edit.range.start;
                    if start > 0
                        && prepared.as_bytes()[start - 1] == b'\\'
                        && prepared.as_bytes()[start].is_ascii_punctuation()
                    {
                        edit.range.start -= 1;
                    }
                    edits.push(edit);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if !pending.is_empty() {
        let mut text = String::with_capacity(details_len(&pending));
        text.push_str("\n\n");
        push_spoiler_details(&mut text, &pending, style);
        edits.push(Edit {
            range: prepared.len()..prepared.len(),
            text,
        });
    }
    // A second definition of a label shows nowhere in the preview (the first one wins there):
    // it is left out, so that no engine that takes the last one links it.
    for span in duplicate_definitions(&prepared) {
        edits.push(Edit {
            range: span,
            text: String::new(),
        });
    }
    // A definition with a refused URL is written as text, so no other section can use it.
    for span in refused_definitions(&prepared) {
        let text = escape::markdown(&restore_source(&prepared[span.clone()]));
        edits.push(Edit { range: span, text });
    }
    let mut out = apply(&prepared, edits);
    // Only a body that held escaped bars needs them written back (a copy of the whole).
    if let Cow::Owned(restored) = restore_source(&out) {
        out = restored;
    }
    // Only a fenced code block at the top level can run on into what follows the body: one
    // inside a list or quote ends with it, and a closing fence added after it would instead
    // open a new block that swallows the rest of the document (and turns code after it into
    // markup). Found in the same pass, without parsing the body again.
    let mut depth = 0usize;
    let mut last_fence = None;
    for piece in &pieces {
        match piece {
            Piece::Event(Event::Start(tag), range) if !is_inline(tag) => {
                if depth == 0 && matches!(tag, Tag::CodeBlock(CodeBlockKind::Fenced(_))) {
                    last_fence = Some(range.clone());
                }
                depth += 1;
            }
            Piece::Event(Event::End(tag), _) if !is_inline_end(tag) => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
    }
    if let Some(fence) = last_fence.and_then(|range| closing_fence(&prepared[range])) {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&fence);
    }
    out
}

/// Whether Markdown read back by a CommonMark parser holds no raw HTML but Verdict's own
/// spoiler disclosures, and no link or image outside the allow-list.
pub fn is_safe(markdown: &str) -> bool {
    is_safe_with(markdown, is_own_disclosure)
}

/// The raw HTML lines a body's own disclosures are made of (the spoiler lists).
fn is_own_disclosure(html: &str) -> bool {
    matches!(
        html,
        "<details>" | "<details markdown=\"1\">" | "</details>" | "<summary>Spoilers</summary>"
    )
}

/// [`is_safe`] for a whole exported document, whose spoiler sections also carry a one-line
/// `<summary>` of escaped text, and whose markers are HTML comments.
///
/// Most documents are told safe by a look at their bytes ([`is_plainly_safe_document`]), which
/// is several times quicker than parsing them; only when that look cannot tell are they parsed
/// ([`parsed_is_safe_document`]). The look never says safe where the parse would not (a
/// property test holds it to that), so the answer is the parse's either way.
pub fn is_safe_document(markdown: &str) -> bool {
    is_plainly_safe_document(markdown) || parsed_is_safe_document(markdown)
}

/// The definition of [`is_safe_document`]: the document read back by a CommonMark parser.
fn parsed_is_safe_document(markdown: &str) -> bool {
    is_safe_with(markdown, |html| {
        let summary = html
            .strip_prefix("<summary>")
            .and_then(|l| l.strip_suffix("</summary>"));
        is_own_disclosure(html)
            || summary.is_some_and(|s| !s.contains('<'))
            || super::markers::is_marker(html)
    })
}

/// A line of Verdict's own that a document may hold whole, as [`is_plainly_safe_document`] sees
/// it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OwnLine {
    /// `<details>` or `<details markdown="1">`: starts (or goes on with) an HTML block that
    /// only a blank line ends.
    Details,
    /// `</details>` or a `<summary>` line right after a `<details>` one: the same kind of block.
    Disclosure,
    /// A marker: an HTML comment, a block that ends on its own line.
    Marker,
}

/// Whether `markdown` holds plainly nothing a CommonMark parser could read as raw HTML other
/// than Verdict's own lines, or as a link or image outside the allow-list: a conservative look
/// at its bytes. `true` means [`parsed_is_safe_document`] would say `true` too; `false` only
/// that the look cannot tell (then the document is parsed).
///
/// Why the look is enough, with pulldown-cmark's rules (only strikethrough enabled):
/// - Raw HTML, inline or block, and autolinks begin at a `<` that is not backslash-escaped.
///   A `<` followed by anything but an ASCII letter, `/`, `!` or `?` can begin neither a tag,
///   a comment, a declaration nor a URI autolink, only an email autolink, whose address (no
///   scheme, no control character) the allow-list takes; `<http://`, `<https://` and
///   `<mailto:` cannot begin a tag (a tag name is followed by white space, `/` or `>`, not
///   `:`), and as an autolink or a link destination they are allowed. Any other `<` is left to
///   the parse. A backslash escapes a `<` wherever escapes work; where they do not (code,
///   raw HTML, autolinks) the `<` is no markup either, or sits inside markup that began at an
///   earlier `<`, itself looked at.
/// - A link or image takes its destination from `](` (inline) or from a definition, which
///   needs `]:`. Each `](` must be followed by `http://`, `https://` or `mailto:` (or `<` and
///   one of them): a destination starting so has that scheme once unescaped. Any `]:` is left
///   to the parse.
/// - Verdict's own lines (the disclosures' `<details>`, `<summary>` and `</details>`, and the
///   markers) are taken whole, at the start of a line. Such a line is read as an HTML block
///   (those tags and comments may interrupt a paragraph, and a line with no indentation
///   belongs to no list or quote), or as a line of an HTML block already open, or as code; in
///   every case each line of raw HTML it yields is one of Verdict's own. A `<details>`-kind
///   block runs until a blank line, so the line after one must be empty or another own line;
///   a `<summary>` line is taken only right after a `<details>` one, so that it is always a
///   line of that block (read inline it would not be a whole line of HTML). A marker's comment
///   ends on its own line (its JSON holds no `>`).
fn is_plainly_safe_document(markdown: &str) -> bool {
    // Whether the lines before are an HTML block that only a blank line ends, and whether the
    // last one was a `<details>` line.
    let mut in_block = false;
    let mut after_details = false;
    // The lines, found with the vectorised byte search (`split('\n')` cost as much as the rest).
    let bytes = markdown.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]);
    let mut start = 0;
    for end in ends {
        // `\n` is ASCII: both ends are character boundaries.
        let line = &markdown[start..end];
        start = end + 1;
        match own_line(line, after_details) {
            Some(kind) => {
                in_block |= kind != OwnLine::Marker;
                after_details = kind == OwnLine::Details;
            }
            None => {
                if in_block && !line.is_empty() || !is_plain_line(line) {
                    return false;
                }
                in_block = false;
                after_details = false;
            }
        }
    }
    true
}

/// Which of Verdict's own lines `line` is, if any (`after_details`: the line before was a
/// `<details>` one).
fn own_line(line: &str, after_details: bool) -> Option<OwnLine> {
    if !line.starts_with('<') {
        return None;
    }
    match line {
        "<details>" | "<details markdown=\"1\">" => return Some(OwnLine::Details),
        "</details>" => return Some(OwnLine::Disclosure),
        _ => {}
    }
    let summary = line
        .strip_prefix("<summary>")
        .and_then(|l| l.strip_suffix("</summary>"));
    if after_details && summary.is_some_and(|s| !s.contains('<')) {
        return Some(OwnLine::Disclosure);
    }
    super::markers::is_marker(line).then_some(OwnLine::Marker)
}

/// Whether a line that is not one of Verdict's own plainly holds no `<` that could begin raw
/// HTML or an autolink outside the allow-list, no `](` whose destination is not plainly
/// allowed, and no `]:` (see [`is_plainly_safe_document`]).
fn is_plain_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    let allowed_start = |rest: &[u8]| {
        [&b"http://"[..], b"https://", b"mailto:"]
            .iter()
            .any(|scheme| rest.starts_with(scheme))
    };
    memchr::memchr2_iter(b'<', b']', bytes).all(|at| {
        let next = bytes.get(at + 1).copied();
        if bytes[at] == b']' {
            return match next {
                Some(b':') => false,
                Some(b'(') => {
                    let dest = &bytes[at + 2..];
                    allowed_start(dest.strip_prefix(b"<").unwrap_or(dest))
                }
                _ => true,
            };
        }
        let backslashes = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| **b == b'\\')
            .count();
        backslashes % 2 == 1
            || !next.is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
            || allowed_start(&bytes[at + 1..])
    })
}

fn is_safe_with(markdown: &str, own_html: impl Fn(&str) -> bool) -> bool {
    pulldown_cmark::Parser::new_ext(markdown, super::spoilers::parser_options())
        .into_offset_iter()
        .all(|(event, range)| match event {
            Event::Html(html) | Event::InlineHtml(html) => own_html(html.trim()),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                url::is_allowed(&dest_url)
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                !ends_early_elsewhere(&markdown[range])
            }
            _ => true,
        })
}

/// Whether a fenced code block (its source, as pulldown-cmark reads it) holds a line that
/// another CommonMark renderer could take as its closing fence. They differ on what may follow
/// the fence characters (pulldown-cmark allows spaces, the specification spaces or tabs), and a
/// block that ends early elsewhere would have the rest of its text read as Markdown there, raw
/// HTML included. Cautious: any line of enough fence characters, after any indentation or
/// quote marks, with only whitespace after them, some of it not a plain space (where both read
/// the line alike, the block either ended there for both or is the code's text for both).
fn ends_early_elsewhere(block: &str) -> bool {
    let Some((fence, len)) = opening_fence(block) else {
        return false;
    };
    let lines: Vec<&str> = block.lines().collect();
    // Between the opening fence and the closing one pulldown-cmark saw (the block's own end).
    let end = closing_line(&lines, fence, len).unwrap_or(lines.len());
    lines[1..end].iter().any(|line| {
        let rest = line.trim_start_matches([' ', '\t', '>']);
        let run = rest.chars().take_while(|&c| c == fence).count();
        let after = &rest[run * fence.len_utf8()..];
        run >= len && after.chars().all(char::is_whitespace) && after.chars().any(|c| c != ' ')
    })
}

/// The index just past the inline run that starts at `start`.
fn run_end(pieces: &[Piece], start: usize) -> usize {
    let mut end = start;
    while end < pieces.len() {
        match &pieces[end] {
            Piece::Event(Event::Start(tag), _) if !is_inline(tag) => break,
            Piece::Event(Event::End(tag), _) if !is_inline_end(tag) => break,
            Piece::Event(Event::Html(_), _) => break,
            _ => end += 1,
        }
    }
    end
}

/// Whether an inline run must be written afresh: it holds a spoiler, raw HTML, or a link or
/// image whose URL is refused.
fn needs_rewrite(run: &[Piece]) -> bool {
    run.iter().any(|piece| match piece {
        Piece::SpoilerStart => true,
        Piece::Event(Event::InlineHtml(_), _) => true,
        Piece::Event(Event::Start(Tag::Link { dest_url, .. }), _) => !url::is_allowed(dest_url),
        Piece::Event(Event::Start(Tag::Image { dest_url, .. }), _) => {
            !url::is_allowed_image(dest_url)
        }
        Piece::Event(Event::Text(text), _) => other_engines_would_act_on(text),
        _ => false,
    })
}

/// Whether text that pulldown-cmark (and so the preview) reads as plain text holds what another
/// engine an export meets would turn into markup: brackets it did not take as a link (kramdown
/// and pandoc read links CommonMark refuses: a control character before the scheme, two titles;
/// `[^1]` footnotes), braces (kramdown's `{: …}` attribute lists and `{::nomarkdown}`, pandoc's
/// `{…}` attributes and `{=html}` raw blocks), `<`, a control character, or a bare address with
/// a scheme Verdict refuses (pandoc links bare `javascript:` addresses). Such a run is written
/// again with [`escape::push_markdown_text`]; anything else is kept exactly as typed.
fn other_engines_would_act_on(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'[' | b']' | b'{' | b'}' | b'<') || b < 0x20 || b == 0x7F)
        || escape::has_refused_bare_scheme(text)
        || (!text.is_ascii() && text.chars().any(escape::is_invisible_control))
}

/// A fence's info string names a language for every engine but pandoc and kramdown, which also
/// read attributes there (```` ```{=html} ```` is a raw HTML block, `{.x onclick=…}` an
/// attribute): an info string that is not one plain word is written as that word, or left
/// out. The edit of the opening line's info, if it needs one.
fn plain_info_string(prepared: &str, start: usize, info: &str) -> Option<Edit> {
    let plain = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b'#'))
    };
    if plain(info.trim()) || info.trim().is_empty() {
        return None;
    }
    let line = &prepared[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let indent = line.len() - line.trim_start().len();
    let fence = line.as_bytes().get(indent).copied()?;
    let run = line[indent..].bytes().take_while(|b| *b == fence).count();
    let info_start = start + indent + run;
    let word = info
        .split_whitespace()
        .next()
        .filter(|w| plain(w))
        .unwrap_or("");
    Some(Edit {
        range: info_start..start + line.len(),
        text: word.to_string(),
    })
}

/// The edit that rewrites an inline run, if it needs one; its spoilers go to `pending`.
fn rewrite_run(
    run: &[Piece],
    number: &mut usize,
    pending: &mut Vec<(usize, String)>,
    style: InlineSpoilers,
) -> Option<Edit> {
    if !needs_rewrite(run) {
        return None;
    }
    let range = run
        .iter()
        .fold(None::<Range<usize>>, |acc, piece| match piece {
            Piece::Event(_, r) if r.end > r.start => Some(match acc {
                Some(old) => old.start.min(r.start)..old.end.max(r.end),
                None => r.clone(),
            }),
            _ => acc,
        })?;
    // Room for the run as typed and some escapes, so that it is not grown step by step.
    let mut text = String::with_capacity(range.len() + range.len() / 4 + 16);
    inline_markdown(run, &mut text, pending, number, style);
    Some(Edit { range, text })
}

/// The index of the `End` that closes the `Start` at `start`.
fn matching_end(pieces: &[Piece], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, piece) in pieces.iter().enumerate().skip(start) {
        match piece {
            Piece::Event(Event::Start(_), _) => depth += 1,
            Piece::Event(Event::End(_), _) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    pieces.len().saturating_sub(1)
}

/// Writes inline pieces as one line of Markdown. Spoilers become `[spoiler N]` and their
/// content is pushed to `spoilers`.
fn inline_markdown(
    pieces: &[Piece],
    out: &mut String,
    spoilers: &mut Vec<(usize, String)>,
    number: &mut usize,
    style: InlineSpoilers,
) {
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::SpoilerStart => {
                let end = (i..pieces.len())
                    .find(|&j| matches!(pieces[j], Piece::SpoilerEnd))
                    .unwrap_or(pieces.len());
                let inner = &pieces[i + 1..end.min(pieces.len())];
                match style {
                    InlineSpoilers::Listed(_) => {
                        *number += 1;
                        let n = *number;
                        out.push_str("[spoiler ");
                        push_number(out, n);
                        out.push(']');
                        let mut content = String::new();
                        let plain = InlineSpoilers::Plain;
                        inline_markdown(inner, &mut content, &mut Vec::new(), &mut 0, plain);
                        spoilers.push((n, content));
                    }
                    InlineSpoilers::Wrapped(open, close) => {
                        let mut content = String::new();
                        let plain = InlineSpoilers::Plain;
                        inline_markdown(inner, &mut content, &mut Vec::new(), &mut 0, plain);
                        // No space just inside the markers (Reddit then shows them as text).
                        let trimmed = content.trim();
                        let lead = &content[..content.len() - content.trim_start().len()];
                        let trail = &content[content.trim_end().len()..];
                        if trimmed.is_empty() {
                            out.push_str(&content);
                        } else {
                            for part in [lead, open, trimmed, close, trail] {
                                out.push_str(part);
                            }
                        }
                    }
                    InlineSpoilers::Plain => {
                        inline_markdown(inner, out, spoilers, number, style);
                    }
                    InlineSpoilers::Removed => out.push_str("\\[spoiler removed\\]"),
                }
                i = end + 1;
                continue;
            }
            Piece::SpoilerEnd => {}
            // Everything is written straight into `out`: this runs over every paragraph that
            // holds a spoiler, so a string built per event and then copied showed.
            Piece::Event(event, _) => match event {
                // The start of `out` is the start of a line (a paragraph's or a list item's
                // text, a listed spoiler): there a number, `#` or `-` would open a block.
                Event::Text(t) => escape::push_markdown_text(out, t, out.is_empty()),
                Event::Code(code) => push_code_span(out, &restore_source(code)),
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    escape::push_markdown(out, &restore_source(raw))
                }
                Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                    escape::push_markdown(out, &restore_source(t))
                }
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push('*'),
                Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push_str("**"),
                Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {
                    out.push_str("~~")
                }
                Event::Start(Tag::Link {
                    dest_url, title, ..
                })
                | Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                    let end = matching_end(pieces, i);
                    // A refused link or image leaves its text alone.
                    let allowed = if is_image {
                        url::is_allowed_image(dest_url)
                    } else {
                        url::is_allowed(dest_url)
                    };
                    if allowed {
                        out.push_str(if is_image { "![" } else { "[" });
                    }
                    inline_markdown(&pieces[i + 1..end], out, spoilers, number, style);
                    if allowed {
                        out.push_str("](");
                        push_link_destination(out, dest_url);
                        push_link_title(out, title);
                        out.push(')');
                    }
                    i = end + 1;
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
}

/// Writes a link destination in angle brackets, so spaces and parentheses need no further care.
pub fn push_link_destination(out: &mut String, dest: &str) {
    out.push('<');
    for c in dest.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out.push('>');
}

/// Writes a link title (after a space, in quotes), if there is one.
fn push_link_title(out: &mut String, title: &str) {
    if title.is_empty() {
        return;
    }
    out.push_str(" \"");
    for c in title.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

/// Writes a code span that holds `code` exactly, whatever backticks it contains.
fn push_code_span(out: &mut String, code: &str) {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let pad = if code.starts_with('`') || code.ends_with('`') || code.starts_with(' ') {
        " "
    } else {
        ""
    };
    let fence = |out: &mut String| (0..=longest).for_each(|_| out.push('`'));
    fence(out);
    out.push_str(pad);
    out.push_str(code);
    out.push_str(pad);
    fence(out);
}

/// Writes a number in decimal.
fn push_number(out: &mut String, n: usize) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "{n}");
}

/// About the length of the text [`push_spoiler_details`] writes for `spoilers` (with the blank
/// lines before it), to make room for it at once.
fn details_len(spoilers: &[(usize, String)]) -> usize {
    128 + spoilers
        .iter()
        .map(|(_, content)| content.len() + 16)
        .sum::<usize>()
}

/// Writes the `<details>` block (to be put after a blank line) listing a paragraph's spoilers;
/// GitHub needs the blank lines to render Markdown inside it.
fn push_spoiler_details(out: &mut String, spoilers: &[(usize, String)], style: InlineSpoilers) {
    let InlineSpoilers::Listed(form) = style else {
        return;
    };
    let items = |out: &mut String| {
        for (n, content) in spoilers {
            push_number(out, *n);
            out.push_str(". ");
            out.push_str(content);
            out.push('\n');
        }
    };
    match form {
        // A blank line after: the HTML block that `<details>` opens ends only at one.
        ListForm::Details => {
            out.push_str("<details>\n<summary>Spoilers</summary>\n\n");
            items(out);
            out.push_str("\n</details>\n\n");
        }
        ListForm::KramdownDetails => {
            out.push_str("<details markdown=\"1\">\n<summary>Spoilers</summary>\n\n");
            items(out);
            out.push_str("\n</details>\n\n");
        }
        ListForm::HackMd => {
            out.push_str(":::spoiler Spoilers\n");
            items(out);
            out.push_str(":::\n\n");
        }
        ListForm::Obsidian => {
            // Every line quoted (raw HTML typed across lines stays on its lines, escaped).
            let mut list = String::new();
            items(&mut list);
            out.push_str("> [!spoiler]- Spoilers\n");
            for line in list.lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        ListForm::HugoShortcode => {
            out.push_str("{{< details summary=\"Spoilers\" >}}\n\n");
            items(out);
            out.push_str("\n{{< /details >}}\n\n");
        }
    }
}

fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    crate::sort::sort_by_key(&mut edits, |e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for edit in edits {
        if edit.range.start < at {
            continue; // inside something already rewritten
        }
        out.push_str(&source[at..edit.range.start]);
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Whether a fenced code block in `text` runs to its end without a closing fence.
pub fn has_unclosed_fence(text: &str) -> bool {
    unclosed_fence(text).is_some()
}

/// The closing fence (with its newline) that a fenced code block running to the end of
/// `prepared` needs, if one does: the opener's character, as many of them as it has, read as
/// pulldown-cmark reads it (indentation, longer closing fences, blank lines and all). The one
/// fence reader: the export's split closes and reopens a part's code block with it.
pub fn unclosed_fence(prepared: &str) -> Option<String> {
    let last = pulldown_cmark::Parser::new_ext(prepared, super::spoilers::parser_options())
        .into_offset_iter()
        .filter(|(event, _)| {
            matches!(
                event,
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)))
            )
        })
        .map(|(_, range)| range)
        .last();
    closing_fence(&prepared[last?])
}

/// The fence character and length that open a fenced code block's source.
fn opening_fence(block: &str) -> Option<(char, usize)> {
    let opener = block.trim_start();
    let fence = opener.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    Some((fence, opener.chars().take_while(|&c| c == fence).count()))
}

/// Which of a fenced code block's source `lines` (the opening fence's first) is its closing
/// fence, if it has one: its last line, trailing blank lines aside (blank as the parser sees
/// it: a line of another kind of space, U+3000 say, is the code's text).
fn closing_line(lines: &[&str], fence: char, len: usize) -> Option<usize> {
    lines
        .iter()
        .rposition(|l| !super::spoilers::is_blank_line(l))
        .filter(|&last| last > 0 && is_closing_fence(lines[last], fence, len))
}

/// The closing fence a fenced code block's source needs, if it has none.
fn closing_fence(block: &str) -> Option<String> {
    let (fence, len) = opening_fence(block)?;
    let lines: Vec<&str> = block.lines().collect();
    closing_line(&lines, fence, len)
        .is_none()
        .then(|| format!("{}\n", fence.to_string().repeat(len)))
}

/// Whether `line` closes a fence of `len` `fence` characters as pulldown-cmark reads it:
/// indented less than four columns (a tab reaching to the next multiple of four), at least
/// `len` fence characters, then only spaces. A line indented further, or with a tab or another
/// kind of space after the fence, is the code's own text (see [`ends_early_elsewhere`] for the
/// renderers that read a tab otherwise).
fn is_closing_fence(line: &str, fence: char, len: usize) -> bool {
    let mut column = 0;
    let start = line.find(|c| c != ' ' && c != '\t').unwrap_or(line.len());
    for c in line[..start].chars() {
        column += if c == '\t' { 4 - column % 4 } else { 1 };
    }
    let rest = &line[start..];
    let run = rest.chars().take_while(|&c| c == fence).count();
    column < 4 && run >= len && rest[run * fence.len_utf8()..].bytes().all(|b| b == b' ')
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod equivalence {
    use super::*;
    use crate::markup::markers::{PREFIX, SUFFIX};
    use proptest::prelude::*;

    /// Lines and pieces of lines near every edge of [`is_plainly_safe_document`]: Verdict's own
    /// lines (and near misses), markers, links and autolinks with allowed and refused
    /// destinations, escapes, raw HTML, definitions, containers, code and line endings.
    fn fragment() -> impl Strategy<Value = String> {
        // A section marker as `formats::markers` writes one: JSON with `<`, `>` and `&` as `\u`
        // escapes, on a line of its own.
        let marker = "\\PC{0,12}".prop_map(|text| {
            let json = serde_json::to_string(&text)
                .unwrap()
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            format!(
                "{PREFIX}section {{\"id\":1,\"heading\":{json},\"spoiler\":true,\"len\":3,\"body\":{json}}}{SUFFIX}\n"
            )
        });
        prop_oneof![
            4 => prop::sample::select(vec![
                "<details>\n",
                "<details markdown=\"1\">\n",
                "</details>\n",
                "<summary>Spoilers</summary>\n",
                "<summary>Spoiler: a &lt;b&gt; [x](javascript:y) --> </summary>\n",
                "<summary><b></summary>\n",
                "<summary>x</summary>",
                "<details>",
                " <details>\n",
                "<details>\r\n",
                "<DETAILS>\n",
                "<!-- verdict:end -->\n",
                "<!-- verdict:x --> <b> -->\n",
                "<!-- x -->\n",
                "\n",
                "\n\n",
                "\r",
                "\r\n",
                " \n",
            ])
            .prop_map(str::to_string),
            1 => marker,
            6 => prop::sample::select(vec![
                "[a](https://example.com/a)",
                "[a](<https://example.com/a b>)",
                "![i](http://x/i.png \"t\")",
                "[m](mailto:me@example.com)",
                "](https://",
                "](<http://",
                "](javascript:alert(1))",
                "](<javascript:alert(1)>)",
                "](data:x)",
                "]( https://x)",
                "](\nhttps://x)",
                "](/relative)",
                "](#top)",
                "](&#106;avascript:x)",
                "](https&#58;x)",
                "](HTTPS://x)",
                "[r]: javascript:x\n",
                "[r]:\n",
                "[r]",
                "\\]: x",
                "<https://example.com>",
                "<http://a b>",
                "<mailto:a@b.c>",
                "<1@x.y>",
                "<a@b.c>",
                "<javascript:alert(1)>",
                "<b>",
                "</b>",
                "<b onclick=x>",
                "<img src=x onerror=alert(1)>",
                "<script>",
                "<!--",
                "-->",
                "<?php",
                "<!DOCTYPE",
                "<![CDATA[",
                "< b>",
                "<\\b>",
                "<",
                "\\<b>",
                "\\\\<b>",
                "\\\\\\<b>",
                "`<b>`",
                "```\n",
                "    ",
                "\t",
                "> ",
                "- ",
                "1. ",
                "# ",
                "===\n",
                "[",
                "]",
                "(",
                ")",
                "![",
                "\\",
                "*",
                "_",
                "||",
                "&lt;",
                "&#60;b>",
                "https://x",
                "\u{2028}",
                "é",
            ])
            .prop_map(str::to_string),
            3 => "[a-z ]{1,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The look at the bytes never says safe where the parse says unsafe.
        #[test]
        fn plainly_safe_documents_are_safe_when_parsed(
            parts in prop::collection::vec(fragment(), 0..40)
        ) {
            let document = parts.concat();
            prop_assert!(
                !is_plainly_safe_document(&document) || parsed_is_safe_document(&document),
                "{:?}",
                document
            );
        }
    }

    /// The look answers for the documents Verdict writes (else it would only add work), and
    /// refuses what it must leave to the parse.
    #[test]
    fn the_look_tells_exported_documents_and_refuses_what_it_cannot_tell() {
        let body = "It was ||the *butler* with a [knife](https://example.com/k)|| all along.\n\n\
                    - a [link](https://example.com) and `code`\n\n> quoted ||secret||\n\n\
                    Escaped \\<b\\> and a <https://example.com/auto> link.";
        let mut document = String::from("<!-- verdict:end -->\n## Heading\n\n");
        document.push_str(&section_markdown(body));
        document.push_str("\n\n<details>\n<summary>Spoiler: a &lt;b&gt;</summary>\n\n");
        document.push_str(&section_markdown(body));
        document.push_str("\n\n</details>\n\nRating: ★★★½☆ 3.5 out of 5\n");
        assert!(is_plainly_safe_document(&document), "{document}");
        assert!(parsed_is_safe_document(&document));
        for unclear in [
            "<b>",
            "[a](javascript:x)",
            "[a](/relative)",
            "[r]: https://x",
            "<details>\ntext",
            "<summary>x</summary>",
            "\\\\<b>",
        ] {
            assert!(!is_plainly_safe_document(unclear), "{unclear}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fence_indented_four_columns_does_not_close_a_code_block() {
        assert!(!has_unclosed_fence("```\ncode\n```\n"));
        assert!(!has_unclosed_fence("```\ncode\n   ```  \n"));
        assert!(!has_unclosed_fence("~~~~\ncode\n~~~~~\n"));
        for open in [
            "```\ncode\n\t```\n",
            "```\ncode\n    ```\n",
            "  ```\ncode\n \t```\n",
            "````\ncode\n```\n",
            "```\ncode\n``` x\n",
            "```\n",
        ] {
            assert!(has_unclosed_fence(open), "{open:?}");
        }
    }

    #[test]
    fn a_fence_closes_as_pulldown_cmark_reads_it() {
        // Only spaces may follow a closing fence; trailing blank lines are spaces and tabs.
        assert!(!has_unclosed_fence("```\ncode\n```   \n \t\n"));
        for open in [
            "```\ncode\n```\t\n",
            "```\ncode\n```\u{3000}\n",
            "```\ncode\n```\u{a0}",
        ] {
            assert!(has_unclosed_fence(open), "{open:?}");
        }
        // The parser agrees: what follows such a line is still code.
        let html = crate::markup::render(
            "```\ncode\n```\t\nafter",
            &crate::markup::SpoilerView::closed("s"),
        );
        assert!(html.contains("after</code>"), "{html}");
    }

    #[test]
    fn a_block_another_renderer_would_end_early_is_not_safe() {
        // CommonMark allows a tab after a closing fence; pulldown-cmark reads the line as code.
        let payload = "```\nx\n```\t\n<img src=x onerror=alert(1)>";
        assert!(!is_safe(payload));
        assert!(!parsed_is_safe_document(payload));
        assert!(!is_safe("~~~\nx\n~~~\u{3000}\n\n<b>x</b>"));
        // The exports fall back to escaped text for such a section: the tag stays text.
        let md = section_markdown(payload);
        assert!(is_safe(&md), "{md}");
        assert!(md.contains("\\<img") && !md.contains("\n<img"), "{md}");
        // Blocks every renderer reads alike stay as they are.
        assert!(is_safe("```\n<b>code</b>\n```\n"));
        assert!(is_safe("```\n<b>code</b>\n```  \n\nText."));
        assert!(is_safe("````\n```\n<b>code</b>\n````\n"));
    }

    #[test]
    fn a_heading_ended_by_a_lone_carriage_return_keeps_its_line_break() {
        // A file from elsewhere may end lines with CR alone; the next line stays its own.
        let view = crate::markup::SpoilerView::closed("s");
        for body in [
            "Title\n-\rNext line",
            "# Title\rNext line",
            "`\n- \r`````````",
        ] {
            let md = section_markdown(body);
            // The same blocks as the body, its headings two levels down.
            let mut expected = crate::markup::render(body, &view);
            for level in (1..=6).rev() {
                let to = (level + 2).min(6);
                expected = expected
                    .replace(&format!("<h{level}>"), &format!("<h{to}>"))
                    .replace(&format!("</h{level}>"), &format!("</h{to}>"));
            }
            assert_eq!(
                crate::markup::render(&md, &view),
                expected,
                "{body:?} → {md:?}"
            );
        }
    }

    #[test]
    fn plain_markdown_is_kept_as_typed() {
        let body = "Some *text* with a [link](https://example.com).\n\n- a\n- b\n";
        assert_eq!(section_markdown(body), body);
    }

    #[test]
    fn raw_html_and_bad_links_are_neutralised() {
        assert_eq!(
            section_markdown("<script>alert(1)</script>"),
            "\\<script\\>alert\\(1\\)\\<\\/script\\>"
        );
        assert_eq!(section_markdown("Hi <b>x</b>"), "Hi \\<b\\>x\\<\\/b\\>");
        assert_eq!(
            section_markdown("[click *me*](javascript:alert(1)) now"),
            "click *me* now"
        );
        assert_eq!(section_markdown("![a](data:x) b"), "a b");
        // Neighbours of a removed link cannot turn into a link themselves.
        assert_eq!(
            section_markdown(r"[[a](javascript:x)\[a](javascript:y)"),
            r"\[a\[a\](javascript\:y)"
        );
    }

    #[test]
    fn inline_spoilers_move_into_details() {
        let out = section_markdown("It was ||the *butler*|| and ||me||.\n\nNext.");
        assert_eq!(
            out,
            "It was [spoiler 1] and [spoiler 2].\n\n<details>\n<summary>Spoilers</summary>\n\n1. the *butler*\n2. me\n\n</details>\n\n\nNext."
        );
    }

    #[test]
    fn body_headings_go_two_levels_down() {
        assert_eq!(
            section_markdown("# Part *one*\n\ntext"),
            "### Part *one*\n\ntext"
        );
        assert_eq!(section_markdown("Part\n===\n"), "### Part\n");
        assert_eq!(section_markdown("##### Deep"), "###### Deep");
    }

    #[test]
    fn escaped_html_blocks_do_not_swallow_what_follows() {
        let out = section_markdown("<script>alert(1)</script>\n\t<script>alert(2)</script>");
        assert!(is_safe(&out), "{out}");
        assert_eq!(
            out,
            "\\<script\\>alert\\(1\\)\\<\\/script\\>\n\n\n\t<script>alert(2)</script>"
        );
    }

    #[test]
    fn refused_definitions_cannot_serve_other_sections() {
        let out = section_markdown("[x]: javascript:alert(1)\n\ntext");
        assert!(!out.contains("[x]: javascript"), "{out}");
        // In a document where another section says [x], it stays text.
        let doc = format!("{out}\n\n[x]");
        assert!(is_safe(&doc), "{doc}");
        assert_eq!(
            section_markdown("[y]: https://ok.example\n\n[y]"),
            "[y]: https://ok.example\n\n[y]"
        );
    }

    #[test]
    fn escaped_bars_and_code_stay() {
        assert_eq!(
            section_markdown(r"a \|\|b\|\| `||c||`"),
            r"a \|\|b\|\| `||c||`"
        );
    }

    #[test]
    fn unclosed_fences_are_closed() {
        assert_eq!(section_markdown("```\ncode"), "```\ncode\n```\n");
        assert_eq!(section_markdown("~~~~\ncode\n~~~~\n"), "~~~~\ncode\n~~~~\n");
        assert_eq!(section_markdown("```"), "```\n```\n");
        assert_eq!(section_markdown("```\n\n"), "```\n\n```\n");
        // A fence left open inside a quote or a list ends with it: nothing is added, since a
        // fence at the top level would open a block that swallows the rest of the document.
        assert_eq!(section_markdown("> ```\n> code"), "> ```\n> code");
        assert_eq!(section_markdown("- ```\n  code"), "- ```\n  code");
    }
}
