//! The Markdown exports: one assembler, configured per platform ([`Flavour`]): front matter,
//! how a spoiler section is hidden, how inline spoilers are written, whether Verdict's markers
//! (which make the file readable back exactly) are included, and spoiler-free versions.

use crate::markup::escape;
use crate::markup::markdown::{
    escaped_text, is_safe_document, section_markdown_unchecked, section_markdown_with,
    InlineSpoilers, ListForm,
};
use crate::markup::spoilers::readable_text;
use crate::review::Review;

use super::front_matter::{front_matter_for, FrontMatter};
use super::{cover_alt, footer_lines, metadata_lines, spoiler_summary, Include};
use crate::formats::markers::{self, ReviewMarker, SectionMarkerRef};
use crate::review::validation::usable_cover;

/// The MIME type of the Markdown download.
pub const MIME: &str = "text/markdown;charset=utf-8";

/// The note left where a spoiler section was, in spoiler-free versions.
pub const REMOVED_SECTION: &str = "*(This section is a spoiler and was left out.)*";

/// How a spoiler section is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockForm {
    /// `<details>` with a `<summary>` (GitHub, CommonMark, pandoc).
    Details,
    /// `<details markdown="1">` (Jekyll's kramdown renders the Markdown inside only so).
    KramdownDetails,
    /// Hugo's `details` shortcode (its default renderer drops raw HTML).
    HugoShortcode,
    /// `:::spoiler Summary` … `:::` (HackMD, HedgeDoc).
    HackMd,
    /// A folded callout, `> [!spoiler]- Summary` (Obsidian).
    Obsidian,
    /// No block form: every line wrapped in these inline markers (Reddit `>!…!<`, Discord
    /// `||…||`).
    Lines(&'static str, &'static str),
}

/// Everything that differs between the Markdown exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flavour {
    /// The front matter block.
    pub front_matter: FrontMatter,
    /// How a spoiler section is hidden.
    pub block: BlockForm,
    /// How inline spoilers are written outside spoiler sections.
    pub inline: InlineSpoilers,
    /// Whether Verdict's markers are written (only where renderers hide HTML comments).
    pub markers: bool,
    /// Every spoiler left out, with a note where it was.
    pub spoiler_free: bool,
    /// Which framing parts the body holds.
    pub include: Include,
}

impl Flavour {
    /// GitHub / CommonMark with Verdict's front matter: the `Download Markdown (GitHub)` file.
    pub const GITHUB: Flavour = Flavour {
        front_matter: FrontMatter::Verdict,
        block: BlockForm::Details,
        inline: InlineSpoilers::Listed(ListForm::Details),
        markers: true,
        spoiler_free: false,
        include: Include::ALL,
    };

    /// The same flavour, spoiler-free.
    pub fn without_spoilers(self) -> Flavour {
        Flavour {
            spoiler_free: true,
            markers: false,
            inline: InlineSpoilers::Removed,
            ..self
        }
    }
}

/// The `Download Markdown (GitHub)` file (GitHub / CommonMark, with Verdict's front matter and markers).
pub fn document(review: &Review) -> String {
    document_as(review, &Flavour::GITHUB)
}

/// The Markdown file in `flavour`. Each section is made safe on its own; the assembled body is
/// then checked as a whole too (a construct could reach across sections), and if that check
/// ever failed, every section would be written as escaped plain text instead.
pub fn document_as(review: &Review, flavour: &Flavour) -> String {
    // Sections as rewritten, checked once as the whole they make; only if that check fails
    // are they checked one by one (a section that fails is written as escaped text), and if
    // the whole still fails, every section is.
    let mut out = assemble(review, flavour, Check::Whole);
    for fallback in [Check::EachSection, Check::Escaped] {
        if is_safe_document(body_of(&out, flavour.front_matter)) {
            break;
        }
        out = assemble(review, flavour, fallback);
    }
    without_templates(out, flavour)
}

/// How the sections of an assembled document are made safe.
#[derive(Clone, Copy)]
enum Check {
    /// Rewritten, for the whole document to be checked.
    Whole,
    /// Rewritten and checked one by one ([`section_markdown_with`]).
    EachSection,
    /// Every section as escaped plain text.
    Escaped,
}

/// Site generators run templates inside content: Jekyll's Liquid (`{{ }}`, `{% %}`) and Hugo's
/// shortcodes (`{{< >}}`, `{{% %}}`, even inside code). Typed text must stay text: for Jekyll
/// the body is one `{% raw %}` block (a typed `endraw` is split so it cannot close it); for
/// Hugo every shortcode opener but Verdict's own `details` lines gets a zero-width space.
fn without_templates(out: String, flavour: &Flavour) -> String {
    match flavour.front_matter {
        FrontMatter::Jekyll => {
            let (front, body) = match out
                .strip_prefix("---\n")
                .and_then(|r| r.find("\n---\n").map(|at| at + 4 + 5))
            {
                Some(end) => out.split_at(end),
                None => ("", out.as_str()),
            };
            let body = body.replace("endraw", "end{% endraw %}{% raw %}raw");
            // A blank line first: right after an HTML block (`</details>`) the closing tag
            // would otherwise become part of that block.
            format!("{front}{{% raw %}}{body}\n{{% endraw %}}\n")
        }
        FrontMatter::HugoYaml | FrontMatter::HugoToml => {
            let mut text = String::with_capacity(out.len());
            for line in out.split_inclusive('\n') {
                let own = line.starts_with("{{< details summary=\"")
                    && line.trim_end().ends_with("\" >}}")
                    || line.trim_end() == "{{< /details >}}";
                if own {
                    text.push_str(line);
                } else {
                    text.push_str(
                        &line
                            .replace("{{<", "{{\u{200B}<")
                            .replace("{{%", "{{\u{200B}%"),
                    );
                }
            }
            text
        }
        _ => out,
    }
}

/// `text` without the line breaks at its end. Only those: a trailing tab can keep a code
/// fence from closing (`~~~` + tab is text to pulldown-cmark), and `str::trim_end` would also
/// take a trailing U+2028, which Markdown reads as text (`*` + U+2028 would become an empty list
/// item).
fn trim_line_ends(text: &str) -> &str {
    text.trim_end_matches(['\n', '\r'])
}

/// The text after the front matter.
fn body_of(out: &str, front_matter: FrontMatter) -> &str {
    match front_matter {
        FrontMatter::None => out,
        FrontMatter::HugoToml => out.splitn(3, "+++\n").nth(2).unwrap_or(""),
        _ => out.splitn(3, "---\n").nth(2).unwrap_or(""),
    }
}

/// The longest run of `c` that starts a line of `text`.
fn longest_leading_run(text: &str, c: char) -> usize {
    text.lines()
        .map(|l| l.trim_start().chars().take_while(|x| *x == c).count())
        .max()
        .unwrap_or(0)
}

/// A summary made safe for each wrapper.
fn summary_for(block: BlockForm, summary: &str) -> String {
    let line = escape::one_line(summary);
    match block {
        // Braces as entities too: kramdown reads Markdown inside `<details markdown="1">`,
        // where `{: …}` would be an attribute list.
        BlockForm::Details | BlockForm::KramdownDetails => escape::html(&line)
            .replace('{', "&#123;")
            .replace('}', "&#125;"),
        // A quoted shortcode parameter that Hugo renders as Markdown: every character that
        // could be markup, a quote or an escape is a numeric entity, so the parameter can
        // neither end early (a `\\` before the closing quote would) nor hold a link.
        BlockForm::HugoShortcode => line
            .chars()
            .map(|c| match c {
                '"' | '\\' | '<' | '>' | '&' | '\'' | '*' | '_' | '[' | ']' | '(' | ')' | '`'
                | '|' | '~' | '#' | '!' | '{' | '}' | '%' => format!("&#{};", u32::from(c)),
                c => c.to_string(),
            })
            .collect(),
        _ => escape::markdown_inline(&line),
    }
}

/// Wraps every line of safe Markdown in inline spoiler markers, keeping list, quote and heading
/// markers outside; code fences go (their lines stay, wrapped), since no spoiler holds a block.
fn wrap_lines(markdown: &str, open: &str, close: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            // Out of its fence, code would be read as Markdown (raw HTML and all): every
            // character escaped, it reads as the text it was.
            let text = escape::markdown(trimmed);
            if !text.is_empty() {
                out.push(format!(
                    "{open}{}{close}",
                    text.replace(close, &escape_each(close))
                ));
            } else {
                out.push(String::new());
            }
            continue;
        }
        if trimmed.is_empty() {
            out.push(String::new());
            continue;
        }
        let mut prefix_len = line.len() - trimmed.len();
        let mut rest = trimmed;
        loop {
            let before = rest.len();
            if let Some(r) = rest.strip_prefix("> ").or_else(|| rest.strip_prefix('>')) {
                rest = r;
            } else if let Some(r) = ["- ", "* ", "+ "].iter().find_map(|m| rest.strip_prefix(m)) {
                rest = r;
            } else if let Some(digits) = rest
                .find(['.', ')'])
                .filter(|&at| at > 0 && at < 10 && rest[..at].bytes().all(|b| b.is_ascii_digit()))
            {
                match rest[digits + 1..].strip_prefix(' ') {
                    Some(r) => rest = r,
                    None => break,
                }
            } else if rest.starts_with('#') {
                let hashes = rest.chars().take_while(|c| *c == '#').count();
                match rest[hashes..].strip_prefix(' ') {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            if rest.len() == before {
                break;
            }
            prefix_len += before - rest.len();
        }
        let (prefix, content) = line.split_at(prefix_len);
        // At most three spaces of indentation: four would make the line a code block, which
        // shows the spoiler markers (and the text) as they are.
        let indent = prefix.len() - prefix.trim_start().len();
        let prefix = format!("{}{}", " ".repeat(indent.min(3)), prefix.trim_start());
        // The closing marker must not appear early inside the content.
        let content = content.trim().replace(close, &escape_each(close));
        if content.is_empty() {
            out.push(prefix.trim_end().to_string());
        } else {
            out.push(format!("{prefix}{open}{content}{close}"));
        }
    }
    out.join("\n")
}

/// Every character of `text` backslash-escaped.
fn escape_each(text: &str) -> String {
    text.chars().flat_map(|c| ['\\', c]).collect()
}

/// One spoiler section's text, hidden in `block` (or left out, spoiler-free).
fn spoiler_block(flavour: &Flavour, summary: &str, body: &str) -> String {
    if flavour.spoiler_free {
        return format!("{REMOVED_SECTION}\n\n");
    }
    let summary = summary_for(flavour.block, summary);
    let body = trim_line_ends(body);
    match flavour.block {
        // Blank lines so that the Markdown inside is rendered.
        BlockForm::Details => {
            format!("<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>\n\n")
        }
        BlockForm::KramdownDetails => format!(
            "<details markdown=\"1\">\n<summary>{summary}</summary>\n\n{body}\n\n</details>\n\n"
        ),
        BlockForm::HugoShortcode => format!(
            "{{{{< details summary=\"{summary}\" >}}}}\n\n{body}\n\n{{{{< /details >}}}}\n\n"
        ),
        BlockForm::HackMd => {
            // A longer fence than any colon run inside, so the body cannot close it.
            let fence = ":".repeat(3.max(longest_leading_run(body, ':') + 1));
            format!("{fence}spoiler {summary}\n{body}\n{fence}\n\n")
        }
        BlockForm::Obsidian => {
            let quoted: String = body
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">\n".to_string()
                    } else {
                        format!("> {l}\n")
                    }
                })
                .collect();
            format!("> [!spoiler]- {summary}\n{quoted}\n")
        }
        BlockForm::Lines(open, close) => {
            let title = format!(
                "{open}{}{close}",
                summary.replace(close, &escape_each(close))
            );
            format!("{title}\n\n{}\n\n", wrap_lines(body, open, close))
        }
    }
}

fn assemble(review: &Review, flavour: &Flavour, check: Check) -> String {
    let markers_on = flavour.markers && !flavour.spoiler_free;
    let mut out = front_matter_for(review, flavour.front_matter);
    if !out.is_empty() {
        out.push('\n');
    }
    let include = flavour.include;
    let mut head = String::new();
    if include.title {
        head = format!(
            "# {}\n\n",
            escape::markdown_inline(&review.effective_post_title())
        );
    }
    let cover = usable_cover(&review.metadata.cover_image).filter(|_| include.details);
    if let Some(url) = cover {
        // The angle-bracket form keeps parentheses in the address from ending it.
        head.push_str(&format!(
            "![{}](<{url}>)\n\n",
            escape::markdown_inline(&cover_alt(&review.metadata))
        ));
    }
    let lines = if include.details {
        metadata_lines(&review.metadata)
    } else {
        Vec::new()
    };
    if !lines.is_empty() {
        for line in lines {
            head.push_str(&format!(
                "- {}: {}\n",
                escape::markdown_inline(&line.label),
                escape::markdown_inline(&line.value)
            ));
        }
        head.push('\n');
    }
    if markers_on {
        out.push_str(&markers::line(
            "review",
            &ReviewMarker {
                v: markers::MARKER_VERSION,
                metadata: review.metadata.exported(),
                post_title: review.post_title.clone(),
                rating: review.rating,
                head_len: head.len(),
                sections: review.sections.len(),
            },
        ));
    }
    out.push_str(&head);
    let inline_in_spoilers = match flavour.block {
        // GitHub keeps its listed form inside spoiler sections too (the foundation's layout).
        BlockForm::Details => flavour.inline,
        _ => InlineSpoilers::Plain,
    };
    for (position, section) in review.sections.iter().enumerate() {
        let mut chunk = markers::heading_line(&section.heading);
        let style = if section.spoiler {
            inline_in_spoilers
        } else {
            flavour.inline
        };
        let body = match check {
            Check::Whole => section_markdown_unchecked(trim_line_ends(&section.body), style),
            Check::EachSection => section_markdown_with(trim_line_ends(&section.body), style),
            Check::Escaped => escaped_text(trim_line_ends(&section.body)),
        };
        if section.spoiler {
            chunk.push_str(&spoiler_block(
                flavour,
                &spoiler_summary(review, position),
                &body,
            ));
        } else if !body.trim().is_empty() {
            chunk.push_str(trim_line_ends(&body));
            chunk.push_str("\n\n");
        }
        if markers_on {
            // The marker carries the body itself only when the written text would not read
            // back as exactly what was typed, and never a body that holds a spoiler: a marker
            // is a comment, in the published page's source and its feeds for anyone to read.
            // (Such a section reads back from its visible text instead.)
            let read_back = markers::visible_body_in(&chunk, &section.heading, section.spoiler);
            let differs = read_back != section.body;
            let carried =
                differs && !section.spoiler && readable_text(&section.body).spoilers.is_empty();
            SectionMarkerRef {
                id: section.id,
                heading: &section.heading,
                spoiler: section.spoiler,
                len: chunk.len(),
                body: carried.then_some(section.body.as_str()),
                rewritten: differs && !carried,
            }
            .write_line(&mut out);
        }
        out.push_str(&chunk);
    }
    if markers_on {
        out.push_str(&markers::end_line());
        out.push('\n');
    }
    if let Some(rating) = review.rating {
        out.push_str(&format!(
            "Rating: {} {}\n\n",
            rating.stars(),
            rating.label()
        ));
    }
    let footer = footer_lines(&review.metadata);
    if include.footer && !footer.is_empty() {
        let lines: Vec<String> = footer
            .iter()
            .map(|l| format!("{}: {}", l.label, escape::markdown_inline(&l.value)))
            .collect();
        // Two trailing spaces: a hard line break between the two lines, as in the seed.
        out.push_str(&lines.join("  \n"));
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Rating, Review};

    /// The document as a reader sees it rendered: without the marker comments.
    fn without_markers(md: &str) -> String {
        md.lines()
            .filter(|l| !l.starts_with(crate::markup::markers::PREFIX))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    #[test]
    fn empty_review_is_a_valid_file() {
        let review = Review::new_book("2026-11-25");
        let md = without_markers(&document(&review));
        assert!(
            md.starts_with("---\ntitle: \"Untitled review\"\ndate: 2026-11-25\n"),
            "{md}"
        );
        assert!(md.contains("\n# Untitled review\n"));
        assert!(md.contains("## Synopsis\n\n## What I liked"));
    }

    #[test]
    fn spoiler_sections_are_details_with_blank_lines() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "They are *clones*.".into();
        review.sections[0].spoiler = true;
        review.rating = Rating::parse("2.5");
        let md = without_markers(&document(&review));
        assert!(
            md.contains("## Synopsis\n\n<details>\n<summary>Spoiler: Synopsis</summary>\n\nThey are *clones*.\n\n</details>\n\n## What I liked"),
            "{md}"
        );
        assert!(md.contains("Rating: ★★½☆☆ 2.5 out of 5"));
    }

    #[test]
    fn headings_and_summaries_cannot_inject() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].heading = "</summary><script>x</script>".into();
        review.sections[0].spoiler = true;
        let md = document(&review);
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains(
            "<summary>Spoiler: &lt;/summary&gt;&lt;script&gt;x&lt;/script&gt;</summary>"
        ));
    }
}
