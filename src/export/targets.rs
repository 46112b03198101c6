//! Every export target of the `Export` panel: what it is called, its file name and MIME type,
//! its text (optionally spoiler-free), and platform limits (Discord's 2,000 characters a
//! message, Reddit's 10,000 a comment), where the text is split into parts.

use crate::markup::markdown::{section_markdown_with, unclosed_fence, InlineSpoilers, ListForm};
use crate::review::Review;

use super::filename::slug;
use super::front_matter::FrontMatter;
use super::markdown::{document_as, BlockForm, Flavour, REMOVED_SECTION};
use super::{goodreads, html, Include};
use crate::formats::json;

/// One export target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// GitHub / CommonMark with Verdict's front matter (the `Download Markdown (GitHub)` file).
    GitHub,
    /// CommonMark with no front matter (pandoc, forums, anything plain).
    CommonMark,
    /// Hugo, YAML front matter, spoilers in its `details` shortcode.
    HugoYaml,
    /// Hugo, TOML front matter.
    HugoToml,
    /// Jekyll, YAML front matter, spoilers in `<details markdown="1">`.
    Jekyll,
    /// HackMD / HedgeDoc: `:::spoiler`.
    HackMd,
    /// Obsidian: a folded `[!spoiler]` callout.
    Obsidian,
    /// Reddit: `>!…!<`.
    Reddit,
    /// Discord: `||…||`.
    Discord,
    /// Goodreads' HTML subset with `<spoiler>`.
    Goodreads,
    /// The standalone HTML page (the `Download HTML` file).
    HtmlDocument,
    /// An HTML fragment for WordPress or Ghost.
    HtmlFragment,
    /// Verdict's JSON (read back exactly by `Open file`).
    Json,
}

/// A target's text, ready to copy or download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// The whole text (parts joined with a separator line, where split).
    pub text: String,
    /// The parts to post one by one, where the platform limits length (else one part).
    pub parts: Vec<String>,
    /// What the person should know about this output.
    pub notes: Vec<String>,
}

impl Target {
    /// Every target, in the order the panel lists them.
    pub const ALL: [Target; 13] = [
        Target::GitHub,
        Target::CommonMark,
        Target::HugoYaml,
        Target::HugoToml,
        Target::Jekyll,
        Target::HackMd,
        Target::Obsidian,
        Target::Reddit,
        Target::Discord,
        Target::Goodreads,
        Target::HtmlDocument,
        Target::HtmlFragment,
        Target::Json,
    ];

    /// A stable key (form values, file names).
    pub fn key(self) -> &'static str {
        match self {
            Target::GitHub => "github",
            Target::CommonMark => "commonmark",
            Target::HugoYaml => "hugo-yaml",
            Target::HugoToml => "hugo-toml",
            Target::Jekyll => "jekyll",
            Target::HackMd => "hackmd",
            Target::Obsidian => "obsidian",
            Target::Reddit => "reddit",
            Target::Discord => "discord",
            Target::Goodreads => "goodreads",
            Target::HtmlDocument => "html",
            Target::HtmlFragment => "html-fragment",
            Target::Json => "json",
        }
    }

    /// The target with this key.
    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }

    /// What the panel calls it.
    pub fn label(self) -> &'static str {
        match self {
            Target::GitHub => "Markdown: GitHub / CommonMark, with front matter",
            Target::CommonMark => "Markdown: plain, no front matter",
            Target::HugoYaml => "Markdown: Hugo (YAML front matter)",
            Target::HugoToml => "Markdown: Hugo (TOML front matter)",
            Target::Jekyll => "Markdown: Jekyll",
            Target::HackMd => "Markdown: HackMD / HedgeDoc",
            Target::Obsidian => "Markdown: Obsidian",
            Target::Reddit => "Reddit",
            Target::Discord => "Discord",
            Target::Goodreads => "Goodreads (its HTML subset)",
            Target::HtmlDocument => "HTML: standalone page",
            Target::HtmlFragment => "HTML: fragment for WordPress or Ghost",
            Target::Json => "JSON: Verdict file",
        }
    }

    /// The MIME type of its download.
    pub fn mime(self) -> &'static str {
        match self {
            Target::HtmlDocument | Target::HtmlFragment => html::MIME,
            Target::Json => json::MIME,
            Target::Reddit | Target::Discord | Target::Goodreads => "text/plain;charset=utf-8",
            _ => super::markdown::MIME,
        }
    }

    /// The download's file name for a post titled `title`. The foundation's two downloads keep
    /// their names; the others say what they are for.
    pub fn file_name(self, title: &str, spoiler_free: bool) -> String {
        let base = slug(title);
        let free = if spoiler_free { "-spoiler-free" } else { "" };
        match self {
            Target::GitHub => format!("{base}{free}.md"),
            Target::HtmlDocument => format!("{base}{free}.html"),
            Target::HtmlFragment => format!("{base}-fragment{free}.html"),
            Target::Json => format!("{base}.json"),
            Target::Reddit | Target::Discord | Target::Goodreads => {
                format!("{base}-{}{free}.txt", self.key())
            }
            _ => format!("{base}-{}{free}.md", self.key()),
        }
    }

    /// The most characters one post may hold on the platform, if it limits length.
    pub fn limit(self) -> Option<usize> {
        match self {
            Target::Discord => Some(2_000),
            Target::Reddit => Some(10_000),
            _ => None,
        }
    }

    /// The inline spoiler markers of a platform that limits length (a part must not cut one).
    fn spoiler_markers(self) -> Option<(&'static str, &'static str)> {
        match self {
            Target::Discord => Some(("||", "||")),
            Target::Reddit => Some((">!", "!<")),
            _ => None,
        }
    }

    /// What the body holds by default: each fact once where the platform shows it. Themes of
    /// Hugo, Jekyll, WordPress and Ghost print the title and list categories and tags; Reddit
    /// has a title field; Goodreads shows the book's own page; categories mean nothing on
    /// Reddit or Discord. The GitHub, plain, HackMD and Obsidian files and the standalone page
    /// go where nothing is printed for them, so they keep the seed's whole shape.
    pub fn default_include(self) -> Include {
        let only_details = Include {
            title: false,
            details: true,
            footer: false,
        };
        match self {
            Target::HugoYaml
            | Target::HugoToml
            | Target::Jekyll
            | Target::HtmlFragment
            | Target::Reddit => only_details,
            Target::Discord => Include {
                footer: false,
                ..Include::ALL
            },
            Target::Goodreads => Include {
                title: false,
                details: false,
                footer: false,
            },
            Target::GitHub
            | Target::CommonMark
            | Target::HackMd
            | Target::Obsidian
            | Target::HtmlDocument
            | Target::Json => Include::ALL,
        }
    }

    /// Whether the writer may choose what the body holds (JSON is the review itself).
    pub fn has_include_choice(self) -> bool {
        self != Target::Json
    }

    /// Whether the spoiler-free version is the better default: a plain Markdown file goes to
    /// forums and renderers that show raw HTML as text or drop it (cmark-gfm and markdown-it
    /// by default, remark), where `<details>` would leave the spoilers open.
    pub fn spoiler_free_by_default(self) -> bool {
        self == Target::CommonMark
    }

    /// Whether its text is HTML (a visual editor takes it pasted as HTML).
    pub fn is_html(self) -> bool {
        matches!(self, Target::HtmlDocument | Target::HtmlFragment)
    }

    /// Whether a spoiler-free version makes sense (JSON is the review itself).
    pub fn has_spoiler_free(self) -> bool {
        self != Target::Json
    }

    fn flavour(self) -> Option<Flavour> {
        // Only Verdict's own file carries the markers that make it readable back exactly: they
        // may hold a body's text (inline spoilers too) in an HTML comment, which publishing
        // tools such as kramdown pass through into the page's source.
        let base = Flavour {
            markers: false,
            ..Flavour::GITHUB
        };
        let listed = |form| InlineSpoilers::Listed(form);
        Some(match self {
            Target::GitHub => Flavour::GITHUB,
            Target::CommonMark => Flavour {
                front_matter: FrontMatter::None,
                ..base
            },
            Target::HugoYaml | Target::HugoToml => Flavour {
                front_matter: if self == Target::HugoYaml {
                    FrontMatter::HugoYaml
                } else {
                    FrontMatter::HugoToml
                },
                block: BlockForm::HugoShortcode,
                inline: listed(ListForm::HugoShortcode),
                ..base
            },
            Target::Jekyll => Flavour {
                front_matter: FrontMatter::Jekyll,
                block: BlockForm::KramdownDetails,
                inline: listed(ListForm::KramdownDetails),
                ..base
            },
            Target::HackMd => Flavour {
                front_matter: FrontMatter::None,
                block: BlockForm::HackMd,
                inline: listed(ListForm::HackMd),
                ..base
            },
            Target::Obsidian => Flavour {
                front_matter: FrontMatter::None,
                block: BlockForm::Obsidian,
                inline: listed(ListForm::Obsidian),
                ..base
            },
            Target::Reddit => Flavour {
                front_matter: FrontMatter::None,
                block: BlockForm::Lines(">!", "!<"),
                inline: InlineSpoilers::Wrapped(">!", "!<"),
                markers: false,
                spoiler_free: false,
                include: Include::ALL,
            },
            Target::Discord => Flavour {
                front_matter: FrontMatter::None,
                block: BlockForm::Lines("||", "||"),
                inline: InlineSpoilers::Wrapped("||", "||"),
                markers: false,
                spoiler_free: false,
                include: Include::ALL,
            },
            _ => return None,
        })
    }

    /// The target's text for `review`, holding what [`Target::default_include`] says;
    /// `spoiler_free` leaves every spoiler out, with a note.
    pub fn render(self, review: &Review, spoiler_free: bool) -> Output {
        self.render_with(review, spoiler_free, self.default_include())
    }

    /// [`Target::render`], with the body holding what `include` says.
    pub fn render_with(self, review: &Review, spoiler_free: bool, include: Include) -> Output {
        let spoiler_free = spoiler_free && self.has_spoiler_free();
        let mut notes = Vec::new();
        let text = match self {
            Target::Goodreads => goodreads::document(review, spoiler_free, include),
            Target::HtmlDocument if spoiler_free => {
                html::document_from(&without_spoilers(review), review, include)
            }
            Target::HtmlDocument => html::document_with(review, include),
            Target::HtmlFragment if spoiler_free => {
                html::fragment(&without_spoilers(review), include)
            }
            Target::HtmlFragment => html::fragment(review, include),
            Target::Json => json::document(review),
            _ => {
                let mut flavour = self.flavour().unwrap_or(Flavour::GITHUB);
                flavour.include = include;
                if spoiler_free {
                    flavour = flavour.without_spoilers();
                }
                document_as(review, &flavour)
            }
        };
        match self {
            Target::Reddit => notes.push("Reddit has no block spoiler: each line of a spoiler section is hidden on its own, and code blocks inside one become lines.".into()),
            Target::Discord => notes.push("Discord has no block spoiler: each line of a spoiler section is hidden on its own.".into()),
            Target::Obsidian => notes.push("Obsidian has no spoiler syntax: spoiler sections are folded callouts, and inline spoilers are listed in one after their paragraph.".into()),
            Target::HackMd => notes.push("HackMD has no inline spoiler: inline spoilers are listed in a :::spoiler block after their paragraph.".into()),
            Target::HugoYaml | Target::HugoToml => notes.push(format!("Spoilers use Hugo's details shortcode, built into Hugo 0.140 and newer. On an older Hugo (Debian's is 0.111), save this as layouts/shortcodes/details.html in your site first:\n{}", super::hugo::DETAILS_SHORTCODE)),
            Target::CommonMark => notes.push("For forums and renderers that drop raw HTML or show it as text (cmark-gfm and markdown-it by default, remark): there, <details> would leave the spoilers open, so the spoiler-free version is the default here.".into()),
            _ => {}
        }
        let parts = match self.limit() {
            Some(limit) => split(&text, limit, self.spoiler_markers()),
            None => vec![text.clone()],
        };
        if parts.len() > 1 {
            let what = if self == Target::Discord {
                "messages"
            } else {
                "comments"
            };
            notes.push(format!(
                "Longer than {} allows in one post ({} characters): split into {} {what}, to post in order.",
                if self == Target::Discord { "Discord" } else { "Reddit" },
                self.limit().unwrap_or(0),
                parts.len()
            ));
            let joined = parts
                .iter()
                .enumerate()
                .map(|(i, p)| format!("----- {} of {} -----\n\n{p}", i + 1, parts.len()))
                .collect::<Vec<_>>()
                .join("\n\n");
            return Output {
                text: joined,
                parts,
                notes,
            };
        }
        Output { text, parts, notes }
    }
}

/// The review with every spoiler left out: a spoiler section keeps its heading and says it was
/// left out; an inline spoiler becomes `[spoiler removed]`.
pub fn without_spoilers(review: &Review) -> Review {
    let mut out = review.clone();
    for section in &mut out.sections {
        if section.spoiler {
            section.body = REMOVED_SECTION.to_string();
            section.spoiler = false;
        } else {
            section.body = section_markdown_with(&section.body, InlineSpoilers::Removed);
        }
    }
    out
}

/// Splits `text` into parts of at most `limit` characters: at blank lines where it can, else at
/// line ends, else inside a line. A part that ends inside a code block closes it and the next
/// reopens it; the room those fences take is made by splitting a little shorter.
pub fn split(text: &str, limit: usize, spoiler: Option<(&str, &str)>) -> Vec<String> {
    let count = |s: &String| s.chars().count();
    let mut room = limit;
    loop {
        let parts = split_within(text, room, spoiler);
        let longest = parts.iter().map(count).max().unwrap_or(0);
        if longest <= limit || room <= 16 {
            return parts;
        }
        room = room.saturating_sub((longest - limit).max(8)).max(16);
    }
}

/// Whether `text` ends inside an inline spoiler opened by `open` and closed by `close`.
fn inside_spoiler(text: &str, open: &str, close: &str) -> bool {
    let mut inside = false;
    let mut rest = text;
    loop {
        let marker = if inside { close } else { open };
        match rest.find(marker) {
            // An escaped marker (`\|\|`) is text.
            Some(at) if rest[..at].ends_with('\\') => rest = &rest[at + marker.len()..],
            Some(at) => {
                inside = !inside;
                rest = &rest[at + marker.len()..];
            }
            None => return inside,
        }
    }
}

fn split_within(text: &str, limit: usize, spoiler: Option<(&str, &str)>) -> Vec<String> {
    let count = |s: &str| s.chars().count();
    if count(text) <= limit {
        return vec![text.to_string()];
    }
    let mut parts = Vec::new();
    let mut current = String::new();
    let push_piece = |piece: &str, current: &mut String, parts: &mut Vec<String>, sep: &str| {
        let extra = if current.is_empty() { 0 } else { count(sep) };
        if count(current) + extra + count(piece) <= limit {
            if !current.is_empty() {
                current.push_str(sep);
            }
            current.push_str(piece);
            true
        } else {
            if !current.is_empty() {
                parts.push(std::mem::take(current));
            }
            false
        }
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    for (at, paragraph) in paragraphs.iter().copied().enumerate() {
        // A section starts a new part when it would fit whole in one but not in what is left of
        // this one: a reader gets each section in one message where the limit allows.
        if is_heading(paragraph) && !current.is_empty() {
            let section_end = paragraphs[at + 1..]
                .iter()
                .position(|p| is_heading(p))
                .map_or(paragraphs.len(), |n| at + 1 + n);
            let section = paragraphs[at..section_end]
                .iter()
                .map(|p| count(p) + 2)
                .sum::<usize>();
            if section <= limit && count(&current) + section > limit {
                parts.push(std::mem::take(&mut current));
            }
        }
        if push_piece(paragraph, &mut current, &mut parts, "\n\n") {
            continue;
        }
        if count(paragraph) <= limit {
            current.push_str(paragraph);
            continue;
        }
        for line in paragraph.split('\n') {
            if push_piece(line, &mut current, &mut parts, "\n") {
                continue;
            }
            let mut owned = line.to_string();
            while count(&owned) > limit {
                // Room for a spoiler's markers, closed here and reopened in the next part.
                let cut = hard_cut(&owned, limit.saturating_sub(8).max(1));
                let (head, tail) = owned.split_at(cut);
                let mut head = head.to_string();
                let mut tail = tail.to_string();
                if let Some((open, close)) = spoiler {
                    if inside_spoiler(&head, open, close) {
                        head.push_str(close);
                        tail.insert_str(0, open);
                    }
                }
                parts.push(head);
                owned = tail;
            }
            current.push_str(&owned);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    close_fences(carry_headings(parts, limit))
}

/// Whether a paragraph is a section heading (`## …`).
fn is_heading(paragraph: &str) -> bool {
    paragraph.starts_with("## ")
}

/// A part must not end with a heading (a message that ends "## What I liked" leaves its
/// section in the next one): trailing heading lines move to the start of the next part, where
/// it has room for them.
fn carry_headings(mut parts: Vec<String>, limit: usize) -> Vec<String> {
    let count = |s: &str| s.chars().count();
    for i in 0..parts.len().saturating_sub(1) {
        let trimmed = parts[i].trim_end();
        let Some(start) = trailing_headings_start(trimmed) else {
            continue;
        };
        let moved = trimmed[start..].to_string();
        if start == 0 || count(&moved) + 2 + count(&parts[i + 1]) > limit {
            continue;
        }
        parts[i] = trimmed[..start].trim_end().to_string();
        parts[i + 1] = format!("{moved}\n\n{}", parts[i + 1]);
    }
    parts
}

/// Where the heading lines (and blank lines between them) at the end of `text` begin.
fn trailing_headings_start(text: &str) -> Option<usize> {
    let mut start = None;
    let mut end = text.len();
    while end > 0 {
        let line_start = text[..end].rfind('\n').map_or(0, |at| at + 1);
        let line = text[line_start..end].trim();
        let heading = line.starts_with('#')
            && line.trim_start_matches('#').starts_with(' ')
            && line.chars().take_while(|c| *c == '#').count() <= 6;
        if heading {
            start = Some(line_start);
        } else if !line.is_empty() {
            break;
        }
        end = line_start.saturating_sub(1);
        if line_start == 0 {
            break;
        }
    }
    start
}

/// Where to cut a line longer than `limit` characters: at its last space within the limit if
/// there is one, and never just after a backslash (which would split an escape in two).
fn hard_cut(line: &str, limit: usize) -> usize {
    let max = line
        .char_indices()
        .nth(limit)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let mut cut = match line[..max].rfind(' ') {
        Some(space) if space > max / 2 => space + 1,
        _ => max,
    };
    while cut > 1 && line[..cut].ends_with('\\') {
        cut -= 1;
    }
    cut
}

/// A part that ends inside a fenced code block gets a closing fence, and the next part opens
/// it again, so each part reads on its own as it was meant. Whether a part ends inside one is
/// markup's fence reader's answer ([`unclosed_fence`]), so a fence is closed exactly as
/// pulldown-cmark reads the part: an indented opener, a longer closing fence, or a fence-like
/// line inside the code are all read as the preview reads them.
fn close_fences(parts: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(parts.len());
    // The fence that reopens the code block the last part ended in.
    let mut open: Option<String> = None;
    for part in parts {
        let mut text = String::new();
        if let Some(fence) = &open {
            text.push_str(fence);
            text.push('\n');
        }
        text.push_str(&part);
        open = unclosed_fence(&text).map(|fence| fence.trim_end().to_string());
        if let Some(fence) = &open {
            text.push('\n');
            text.push_str(fence);
        }
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_http_cover_is_left_out_of_every_published_export() {
        let mut review = Review::new_book("2026-12-04");
        review.metadata.title = "Gilead".into();
        review.metadata.cover_image = "http://plain.example/cover.jpg".into();
        for target in Target::ALL {
            // Verdict's own file keeps the field as typed (it is the draft, not a post).
            if target == Target::Json {
                continue;
            }
            for include in [target.default_include(), Include::ALL] {
                let out = target.render_with(&review, false, include);
                // Verdict's own Markdown keeps the field in its review marker, a comment that
                // loads nothing, so that `Open file` gives it back as typed.
                let shown = out
                    .text
                    .lines()
                    .filter(|line| !line.starts_with("<!-- verdict:review "))
                    .any(|line| line.contains("plain.example"));
                assert!(!shown, "{target:?}: {}", out.text);
            }
        }
        let mut https = review.clone();
        https.metadata.cover_image = "https://secure.example/cover.jpg".into();
        let html = Target::HtmlDocument.render(&https, false).text;
        assert!(html.contains("https://secure.example/cover.jpg"));
    }

    #[test]
    fn a_part_inside_an_indented_longer_fence_is_closed_as_the_parser_reads_it() {
        // An opener indented two spaces and four backticks long: the three-backtick line inside
        // is code, not a closing fence, and the block runs on past every cut.
        let code = "code line\n".repeat(60);
        let text = format!("Intro\n\n  ````text\n```\n{code}````\n\nAfter\n");
        let parts = split(&text, 300, None);
        assert!(parts.len() > 2, "{parts:?}");
        for (n, part) in parts.iter().enumerate() {
            assert!(part.chars().count() <= 300, "part {n}: {part:?}");
            assert!(
                !crate::markup::markdown::has_unclosed_fence(part),
                "part {n}: {part:?}"
            );
            // Each part reads as code where the review has code.
            let html = crate::markup::render(part, &crate::markup::SpoilerView::closed("s"));
            assert!(!html.contains("<p>code line"), "part {n}: {html}");
        }
        let inner = parts.iter().position(|p| p.contains("\n```\n")).unwrap();
        assert!(parts[inner].ends_with("\n````"), "{:?}", parts[inner]);
        assert!(
            parts[inner + 1].starts_with("````\n"),
            "{:?}",
            parts[inner + 1]
        );
        assert!(parts.last().unwrap().contains("After"));
    }

    #[test]
    fn split_respects_the_limit_and_keeps_every_character() {
        let text = format!(
            "{}\n\n{}\n\n{}",
            "a".repeat(1500),
            "b".repeat(800),
            "c\n".repeat(1500)
        );
        let parts = split(&text, 2000, None);
        assert!(parts.iter().all(|p| p.chars().count() <= 2000));
        let kept: String = parts
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(kept, all);
        assert_eq!(split("short", 2000, None), ["short"]);
        // A spoiler longer than a message is closed at the cut and reopened in the next part.
        let long = format!("||{}||", "secret ".repeat(600));
        let parts = split(&long, 2000, Some(("||", "||")));
        assert!(parts.len() > 1);
        for part in &parts {
            assert!(part.starts_with("||") && part.ends_with("||"), "{part}");
            assert!(part.chars().count() <= 2000);
        }
    }

    #[test]
    fn a_section_that_fits_in_one_part_is_not_split() {
        let text = format!(
            "## One\n\n{}\n\n## Two\n\n{}\n\n{}",
            "a".repeat(900),
            "b".repeat(700),
            "c".repeat(700)
        );
        let parts = split(&text, 2000, Some(("||", "||")));
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[1].starts_with("## Two"), "{}", parts[1]);
        assert!(parts[1].ends_with('c'));
    }

    #[test]
    fn no_part_ends_with_a_heading() {
        let text = format!(
            "{}\n\n## What I liked\n\n{}",
            "a".repeat(1900),
            "b".repeat(1500)
        );
        let parts = split(&text, 2000, Some(("||", "||")));
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[0].ends_with('a'), "{}", parts[0]);
        assert!(parts[1].starts_with("## What I liked\n\nb"), "{}", parts[1]);
        assert_eq!(trailing_headings_start("x\n\n# A\n\n## B"), Some(3));
        assert_eq!(trailing_headings_start("x\n#nope"), None);
    }

    #[test]
    fn every_target_renders_and_spoiler_free_leaks_nothing() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Gilead".into();
        review.sections[0].body = "The secret is TOPSECRET.".into();
        review.sections[0].spoiler = true;
        review.sections[1].body = "I loved ||HIDDENWORD|| and *this*.".into();
        for target in Target::ALL {
            let full = target.render(&review, false);
            assert!(
                full.text.contains("TOPSECRET") || full.text.contains("HIDDENWORD"),
                "{target:?}"
            );
            if target.has_spoiler_free() {
                let free = target.render(&review, true);
                assert!(
                    !free.text.contains("TOPSECRET") && !free.text.contains("HIDDENWORD"),
                    "{target:?}: {}",
                    free.text
                );
            }
            assert!(!target.file_name("Review: Gilead", false).is_empty());
        }
    }

    #[test]
    fn no_flavour_falls_back_to_escaped_text_for_ordinary_markdown() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "A **bold** claim, with ||a secret||.\n\n- one\n- two".into();
        review.sections[0].spoiler = true;
        review.sections[1].body = "Plain *words*, and ||more||.".into();
        for target in Target::ALL {
            let text = target.render(&review, false).text;
            // The escaped-text fallback would write `\*\*bold\*\*`.
            assert!(
                !text.contains("\\*\\*bold"),
                "{target:?} fell back to escaped text:\n{text}"
            );
        }
    }

    #[test]
    fn a_hugo_summary_holds_no_quote_backslash_or_markup() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].heading =
            "Ends with \\ and \"quotes\" [a](javascript:x) {{< x >}}".into();
        review.sections[0].spoiler = true;
        let text = Target::HugoYaml.render(&review, false).text;
        let line = text
            .lines()
            .find(|l| l.starts_with("{{< details summary="))
            .unwrap();
        let inner = &line["{{< details summary=\"".len()..line.len() - "\" >}}".len()];
        assert!(!inner.contains(['"', '\\', '<', '[', '{']), "{line}");
        assert!(
            inner.contains("&#92;") && inner.contains("&#34;quotes&#34;"),
            "{line}"
        );
    }

    #[test]
    fn the_jekyll_raw_block_closes_outside_a_final_disclosure() {
        let mut review = Review::new_book("2026-11-25");
        review.sections.truncate(1);
        review.sections[0].body = "All of it.".into();
        review.sections[0].spoiler = true;
        let text = Target::Jekyll.render(&review, false).text;
        assert!(text.ends_with("</details>\n\n{% endraw %}\n"), "{text}");
    }

    #[test]
    fn each_flavour_uses_its_own_spoiler_syntax() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "Hidden part.".into();
        review.sections[0].spoiler = true;
        review.sections[1].body = "See ||this bit|| now.".into();
        let text = |t: Target| t.render(&review, false).text;
        assert!(text(Target::Reddit).contains("See >!this bit!< now."));
        assert!(text(Target::Reddit).contains(">!Hidden part.!<"));
        assert!(text(Target::Discord).contains("See ||this bit|| now."));
        assert!(text(Target::HackMd).contains(":::spoiler Spoiler: Synopsis\nHidden part.\n:::"));
        assert!(
            text(Target::Obsidian).contains("> [!spoiler]- Spoiler: Synopsis\n> Hidden part.\n")
        );
        assert!(text(Target::HugoYaml).contains(
            "{{< details summary=\"Spoiler: Synopsis\" >}}\n\nHidden part.\n\n{{< /details >}}"
        ));
        assert!(text(Target::HugoToml).starts_with("+++\ntitle = "));
        assert!(text(Target::Jekyll)
            .contains("<details markdown=\"1\">\n<summary>Spoiler: Synopsis</summary>"));
        assert!(text(Target::Goodreads).contains("See <spoiler>this bit</spoiler> now."));
        assert!(text(Target::HtmlFragment).contains("See [spoiler 1] now."));
    }
}
