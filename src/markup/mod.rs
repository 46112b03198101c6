//! Markdown of one section → safe HTML, shared by the live preview and the HTML export.
//!
//! Safety is by construction, not by filtering output: every piece of text is escaped, raw HTML
//! typed by the person is shown as text, and a link or image is written only when its URL passes
//! [`url::is_allowed`]. Spoilers are decided in [`spoilers`] and drawn here.

pub mod chunks;
pub mod escape;
pub mod images;
pub mod incremental;
pub mod markdown;
pub mod markers;
pub mod spoilers;
pub mod text_offsets;
pub mod url;
pub mod wrap;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use spoilers::{pieces, prepare, restore_source, Piece};

/// How inline spoilers are drawn.
#[derive(Clone, Copy, Debug)]
pub struct SpoilerView<'a> {
    /// Prefix of the ids that tie each spoiler's toggle to its label; unique per section.
    pub id_prefix: &'a str,
    /// Show every spoiler's text, marked as a spoiler, instead of a closed toggle.
    pub reveal: bool,
    /// Numbers (from 1) of the spoilers that start open (the preview remembers what was opened).
    pub opened: &'a [usize],
    /// Which remote images wait for the writer's leave (a placeholder is drawn instead).
    pub images: &'a images::ImagePolicy,
}

impl<'a> SpoilerView<'a> {
    /// All spoilers closed, as in an export.
    pub fn closed(id_prefix: &'a str) -> SpoilerView<'a> {
        SpoilerView {
            id_prefix,
            reveal: false,
            opened: &[],
            images: &images::LOAD_ALL,
        }
    }
}

fn heading_tag(level: HeadingLevel) -> &'static str {
    // Section bodies sit under the post's h1 and the section's h2, so their headings start at h3.
    match level {
        HeadingLevel::H1 => "h3",
        HeadingLevel::H2 => "h4",
        HeadingLevel::H3 => "h5",
        _ => "h6",
    }
}

/// Renders one section body (Markdown with inline spoilers) to an HTML fragment.
pub fn render(body: &str, view: &SpoilerView) -> String {
    let prepared = prepare(body);
    let mut out = String::with_capacity(body.len() + body.len() / 4 + 16);
    write_html(&pieces(&prepared), &mut out, view, &mut 0);
    out
}

/// Writes parsed pieces as HTML. `spoiler_count` is the number of inline spoilers before these
/// pieces (they are numbered on from it) and is advanced past the ones written.
pub fn write_html(
    pieces: &[Piece],
    out: &mut String,
    view: &SpoilerView,
    spoiler_count: &mut usize,
) {
    // For each open link: whether it was written (an allowed URL) and so needs closing.
    let mut links: Vec<bool> = Vec::new();
    // While inside an allowed image, its alt text is collected here instead of being written.
    let mut image_alt: Option<String> = None;
    // The address of the image being collected, when it waits for the writer's leave.
    let mut held_image: Option<&str> = None;
    let mut headings: Vec<&'static str> = Vec::new();

    for piece in pieces {
        let event = match piece {
            Piece::SpoilerStart => {
                *spoiler_count += 1;
                open_spoiler(out, view, *spoiler_count);
                continue;
            }
            Piece::SpoilerEnd => {
                out.push_str(if view.reveal {
                    "</span>"
                } else {
                    "</span></span>"
                });
                continue;
            }
            Piece::Event(event, _) => event,
        };
        if let Some(alt) = image_alt.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                Event::End(TagEnd::Image) => {
                    if let Some(address) = held_image.take() {
                        images::push_placeholder(out, address, alt);
                    } else {
                        out.push_str(" alt=\"");
                        escape::push_html(out, alt);
                        out.push_str("\">");
                    }
                    image_alt = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    let tag = heading_tag(*level);
                    headings.push(tag);
                    out.push('<');
                    out.push_str(tag);
                    out.push('>');
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
                Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                    let lang = info.split_whitespace().next().unwrap_or("");
                    if lang.is_empty() {
                        out.push_str("<pre><code>");
                    } else {
                        out.push_str("<pre><code class=\"language-");
                        escape::push_html(out, &restore_source(lang));
                        out.push_str("\">");
                    }
                }
                Tag::CodeBlock(CodeBlockKind::Indented) => out.push_str("<pre><code>"),
                Tag::HtmlBlock => out.push_str("<p class=\"raw-html\">"),
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str("<li>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link {
                    dest_url, title, ..
                } => {
                    let allowed = url::is_allowed(dest_url);
                    if allowed {
                        out.push_str("<a href=\"");
                        escape::push_html(out, dest_url);
                        if !title.is_empty() {
                            out.push_str("\" title=\"");
                            escape::push_html(out, title);
                        }
                        out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
                    }
                    links.push(allowed);
                }
                Tag::Image {
                    dest_url, title, ..
                }
                    // A refused image is replaced by its alt text, written as ordinary text.
                    // No `Referer` goes with it, and it loads only once shown (an image in a
                    // closed spoiler waits until the spoiler is opened).
                    if url::is_allowed_image(dest_url) => {
                        image_alt = Some(String::new());
                        if !view.images.allows(dest_url) {
                            held_image = Some(dest_url);
                            continue;
                        }
                        out.push_str("<img loading=\"lazy\" referrerpolicy=\"no-referrer\" src=\"");
                        escape::push_html(out, dest_url);
                        if !title.is_empty() {
                            out.push_str("\" title=\"");
                            escape::push_html(out, title);
                        }
                        out.push('"');
                    }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("</p>\n"),
                TagEnd::Heading(_) => {
                    out.push_str("</");
                    out.push_str(headings.pop().unwrap_or("h6"));
                    out.push_str(">\n");
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link if links.pop().unwrap_or(false) => {
                    out.push_str("</a>");
                }
                _ => {}
            },
            Event::Text(text) => escape::push_html(out, &restore_source(text)),
            Event::Code(code) => {
                out.push_str("<code>");
                escape::push_html(out, &restore_source(code));
                out.push_str("</code>");
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                escape::push_html(out, &restore_source(raw))
            }
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                escape::push_html(out, &restore_source(text))
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => out.push_str(if *done {
                "<input type=\"checkbox\" disabled checked> "
            } else {
                "<input type=\"checkbox\" disabled> "
            }),
        }
    }
}

/// Renders one section body for pages without Verdict's style sheet (an HTML fragment pasted
/// into a blog): each inline spoiler shows as `[spoiler N]`, and the spoilers of a block are
/// listed after it in a `<details>` disclosure, which hides them with no script and no CSS.
pub fn render_listed(body: &str) -> String {
    let prepared = prepare(body);
    let all = pieces(&prepared);
    let mut out = String::with_capacity(body.len() + body.len() / 4 + 16);
    let mut depth = 0usize;
    let mut block: Vec<Piece> = Vec::new();
    let mut listed: Vec<(usize, String)> = Vec::new();
    let mut count = 0usize;
    let mut i = 0;
    while i < all.len() {
        match &all[i] {
            Piece::SpoilerStart => {
                let end = (i..all.len())
                    .find(|&j| matches!(all[j], Piece::SpoilerEnd))
                    .unwrap_or(all.len());
                count += 1;
                let mut inner = String::new();
                write_html(
                    &all[i + 1..end],
                    &mut inner,
                    &SpoilerView::closed(""),
                    &mut 0,
                );
                listed.push((count, inner));
                block.push(Piece::Event(
                    Event::Text(format!("[spoiler {count}]").into()),
                    0..0,
                ));
                i = end + 1;
                continue;
            }
            Piece::SpoilerEnd => {}
            Piece::Event(event, _) => {
                match event {
                    Event::Start(tag) if !spoilers::is_inline(tag) => depth += 1,
                    Event::End(tag) if !spoilers::is_inline_end(tag) => {
                        depth = depth.saturating_sub(1)
                    }
                    _ => {}
                }
                block.push(all[i].clone());
                if depth == 0 {
                    write_html(&block, &mut out, &SpoilerView::closed(""), &mut 0);
                    block.clear();
                    if !listed.is_empty() {
                        out.push_str(
                            "<details class=\"spoiler-list\">\n<summary>Spoilers</summary>\n<ol>\n",
                        );
                        for (n, html) in listed.drain(..) {
                            out.push_str(&format!("<li value=\"{n}\">{html}</li>\n"));
                        }
                        out.push_str("</ol>\n</details>\n");
                    }
                }
            }
        }
        i += 1;
    }
    write_html(&block, &mut out, &SpoilerView::closed(""), &mut 0);
    out
}

/// Writes the opening of inline spoiler number `n` (from 1).
fn open_spoiler(out: &mut String, view: &SpoilerView, n: usize) {
    if view.reveal {
        out.push_str("<span class=\"spoiler spoiler-revealed\"><span class=\"visually-hidden\">Spoiler: </span>");
        return;
    }
    out.push_str("<span class=\"spoiler\"><input type=\"checkbox\" class=\"spoiler-toggle\" id=\"");
    push_spoiler_id(out, view.id_prefix, n);
    out.push('"');
    if view.opened.contains(&n) {
        out.push_str(" checked");
    }
    out.push_str("><label class=\"spoiler-label\" for=\"");
    push_spoiler_id(out, view.id_prefix, n);
    out.push_str("\">spoiler</label><span class=\"spoiler-text\">");
}

/// Writes the id `<prefix>-<n>`, escaped, without building it first (once per spoiler, twice).
/// The hyphen and the digits need no escaping, so this is `escape::html` of the whole id.
fn push_spoiler_id(out: &mut String, prefix: &str, n: usize) {
    use std::fmt::Write;
    escape::push_html(out, prefix);
    // Writing to a String cannot fail.
    let _ = write!(out, "-{n}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(body: &str) -> String {
        render(body, &SpoilerView::closed("s1"))
    }

    #[test]
    fn listed_spoilers_need_no_style_sheet() {
        let html = render_listed("It was ||the *butler*|| and ||Ruth||.\n\nNext.");
        assert_eq!(
            html,
            "<p>It was [spoiler 1] and [spoiler 2].</p>\n<details class=\"spoiler-list\">\n<summary>Spoilers</summary>\n<ol>\n<li value=\"1\">the <em>butler</em></li>\n<li value=\"2\">Ruth</li>\n</ol>\n</details>\n<p>Next.</p>\n"
        );
    }

    #[test]
    fn renders_common_markdown() {
        assert_eq!(html("Hello *you*"), "<p>Hello <em>you</em></p>\n");
        assert_eq!(html("# Part"), "<h3>Part</h3>\n");
        assert_eq!(html("- a\n- b"), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
        assert_eq!(
            html("```rust\nfn x() {}\n```"),
            "<pre><code class=\"language-rust\">fn x() {}\n</code></pre>\n"
        );
    }

    #[test]
    fn raw_html_is_text() {
        let out = html("<script>alert(1)</script>\n\nHi <b onmouseover=x>there</b>");
        assert!(!out.contains("<script") && !out.contains("<b "), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
    }

    #[test]
    fn links_open_in_a_new_tab_and_bad_schemes_are_dropped() {
        assert_eq!(
            html("[site](https://example.com \"T\")"),
            "<p><a href=\"https://example.com\" title=\"T\" target=\"_blank\" rel=\"noopener noreferrer\">site</a></p>\n"
        );
        assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(html("[x](&#106;avascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(
            html("<javascript:alert(1)>"),
            "<p>javascript:alert(1)</p>\n"
        );
        assert_eq!(
            html("![alt *t*](data:image/png;base64,AA)"),
            "<p>alt <em>t</em></p>\n"
        );
        assert_eq!(
            html("![a \"q\"](/c.png)"),
            "<p><img loading=\"lazy\" referrerpolicy=\"no-referrer\" src=\"/c.png\" alt=\"a &quot;q&quot;\"></p>\n"
        );
        assert_eq!(html("[r]: vbscript:x\n\n[r]"), "<p>r</p>\n");
    }

    #[test]
    fn an_image_that_waits_is_a_placeholder_with_its_alt_text() {
        let held = images::ImagePolicy::holding(vec!["https://t.example/p.gif".into()]);
        let view = SpoilerView {
            images: &held,
            ..SpoilerView::closed("s1")
        };
        let out = render(
            "See ![the *map*](https://t.example/p.gif) and ![own](https://me.example/c.png).",
            &view,
        );
        assert!(
            out.starts_with("<p>See <span class=\"image-held\">Image from t.example (\u{201c}the map\u{201d}) \u{2014} <button"),
            "{out}"
        );
        assert!(!out.contains("src=\"https://t.example"), "{out}");
        assert!(
            out.ends_with(" and <img loading=\"lazy\" referrerpolicy=\"no-referrer\" src=\"https://me.example/c.png\" alt=\"own\">.</p>\n"),
            "{out}"
        );
        // Exports draw every image.
        assert!(html("![x](https://t.example/p.gif)").contains("<img"));
    }

    #[test]
    fn inline_spoilers_are_closed_toggles() {
        let out = html("It was ||the butler|| all along.");
        assert_eq!(
            out,
            "<p>It was <span class=\"spoiler\"><input type=\"checkbox\" class=\"spoiler-toggle\" id=\"s1-1\"><label class=\"spoiler-label\" for=\"s1-1\">spoiler</label><span class=\"spoiler-text\">the butler</span></span> all along.</p>\n"
        );
        let opened = render(
            "||a|| ||b||",
            &SpoilerView {
                id_prefix: "p",
                reveal: false,
                opened: &[2],
                images: &images::LOAD_ALL,
            },
        );
        assert!(
            opened.contains("id=\"p-1\">") && opened.contains("id=\"p-2\" checked>"),
            "{opened}"
        );
        let revealed = render(
            "||a||",
            &SpoilerView {
                id_prefix: "p",
                reveal: true,
                opened: &[],
                images: &images::LOAD_ALL,
            },
        );
        assert_eq!(revealed, "<p><span class=\"spoiler spoiler-revealed\"><span class=\"visually-hidden\">Spoiler: </span>a</span></p>\n");
    }
}
