//! The Goodreads export: its review box takes a small HTML subset, not Markdown: `<b>`, `<i>`,
//! `<a href>`, `<blockquote>`, line breaks as typed, and `<spoiler>…</spoiler>`. Everything else
//! is written as the text it holds (headings bold, list items as `•` or `1.` lines, code as
//! text), and every text character is escaped.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::markup::escape;
use crate::markup::spoilers::{pieces, prepare, restore_source, Piece};
use crate::markup::url;
use crate::review::Review;

use super::{footer_lines, metadata_lines, Include};

/// Appends `text` with only `&`, `<` and `>` escaped: Goodreads shows an entity such as
/// `&#39;` as it is in places (e-mails, the app), and quotes are plain text outside tags.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The note where a spoiler was, in the spoiler-free version.
const REMOVED: &str = "[spoiler removed]";

/// One section body in Goodreads' subset. `hide` is false inside a section that is already one
/// `<spoiler>` (Goodreads' spoilers do not nest).
fn body(markdown: &str, hide: bool, spoiler_free: bool) -> String {
    let prepared = prepare(markdown);
    let mut out = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut links: Vec<bool> = Vec::new();
    let mut skipping = false;
    for piece in pieces(&prepared) {
        let event = match piece {
            Piece::SpoilerStart if spoiler_free => {
                out.push_str(REMOVED);
                skipping = true;
                continue;
            }
            Piece::SpoilerEnd if spoiler_free => {
                skipping = false;
                continue;
            }
            Piece::SpoilerStart => {
                if hide {
                    out.push_str("<spoiler>");
                }
                continue;
            }
            Piece::SpoilerEnd => {
                if hide {
                    out.push_str("</spoiler>");
                }
                continue;
            }
            Piece::Event(event, _) => event,
        };
        if skipping {
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } | Tag::Strong => out.push_str("<b>"),
                Tag::Emphasis => out.push_str("<i>"),
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::List(start) => lists.push(start),
                Tag::Item => {
                    let depth = lists.len().saturating_sub(1);
                    out.push_str(&"  ".repeat(depth));
                    match lists.last_mut() {
                        Some(Some(n)) => {
                            out.push_str(&format!("{n}. "));
                            *n += 1;
                        }
                        _ => out.push_str("• "),
                    }
                }
                Tag::Link { dest_url, .. } => {
                    let allowed = url::is_allowed(&dest_url) && !dest_url.trim().is_empty();
                    if allowed {
                        out.push_str("<a href=\"");
                        // In an attribute, so quotes are escaped too.
                        escape::push_html(&mut out, &dest_url);
                        out.push_str("\">");
                    }
                    links.push(allowed);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => out.push_str("</b>\n\n"),
                TagEnd::Strong => out.push_str("</b>"),
                TagEnd::Emphasis => out.push_str("</i>"),
                TagEnd::BlockQuote(_) => {
                    while out.ends_with('\n') {
                        out.pop();
                    }
                    out.push_str("</blockquote>\n\n");
                }
                TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                    out.push_str(if lists.is_empty() { "\n\n" } else { "\n" })
                }
                TagEnd::List(_) => {
                    lists.pop();
                    if lists.is_empty() {
                        out.push('\n');
                    }
                }
                TagEnd::Item if !out.ends_with('\n') => out.push('\n'),
                TagEnd::Link if links.pop().unwrap_or(false) => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => push_text(&mut out, &restore_source(&t)),
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut out, &restore_source(&t)),
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                push_text(&mut out, &restore_source(&t))
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Rule => out.push_str("* * *\n\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
        }
    }
    out.trim_end().to_string()
}

/// The whole review for Goodreads' review box, holding what `include` says (by default no
/// title and no details: the review sits on the book's own page, which shows them).
pub fn document(review: &Review, spoiler_free: bool, include: Include) -> String {
    let mut out = String::new();
    if include.title {
        out.push_str("<b>");
        push_text(&mut out, &review.effective_post_title());
        out.push_str("</b>\n\n");
    }
    let lines = if include.details {
        metadata_lines(&review.metadata)
    } else {
        Vec::new()
    };
    for line in &lines {
        push_text(&mut out, &format!("{}: {}", line.label, line.value));
        out.push('\n');
    }
    if !lines.is_empty() {
        out.push('\n');
    }
    for section in &review.sections {
        if !section.heading.trim().is_empty() {
            out.push_str("<b>");
            push_text(&mut out, &escape::one_line(&section.heading));
            out.push_str("</b>\n");
        }
        if section.spoiler {
            if spoiler_free {
                out.push_str("(This section is a spoiler and was left out.)\n\n");
            } else {
                // The heading above names it; Goodreads shows "(view spoiler)" in its place.
                out.push_str("<spoiler>");
                out.push_str(&body(&section.body, false, false));
                out.push_str("</spoiler>\n\n");
            }
        } else {
            let text = body(&section.body, true, spoiler_free);
            if !text.is_empty() {
                out.push_str(&text);
                out.push_str("\n\n");
            }
        }
    }
    if let Some(rating) = review.rating {
        out.push_str(&format!(
            "Rating: {} {}\n\n",
            rating.stars(),
            rating.label()
        ));
    }
    if include.footer {
        for line in footer_lines(&review.metadata) {
            push_text(&mut out, &format!("{}: {}", line.label, line.value));
            out.push('\n');
        }
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_and_its_spoilers() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "They are *clones*, ||Ruth dies||.\n\n- one\n- two".into();
        review.sections[1].body =
            "<script>x</script>\n\nSee [a](javascript:x) [b](https://b.org)".into();
        review.sections[2].spoiler = true;
        review.sections[2].body = "All ||of|| it.".into();
        let text = document(&review, false, Include::ALL);
        assert!(
            text.contains("They are <i>clones</i>, <spoiler>Ruth dies</spoiler>.\n\n• one\n• two"),
            "{text}"
        );
        assert!(text.contains("&lt;script&gt;x&lt;/script&gt;"), "{text}");
        assert!(
            text.contains("See a <a href=\"https://b.org\">b</a>"),
            "{text}"
        );
        assert!(
            text.contains("<b>What I didn't like</b>\n<spoiler>All of it.</spoiler>"),
            "{text}"
        );
        assert!(
            !text.contains("&#39;") && !text.contains("&quot;"),
            "{text}"
        );
        let free = document(&review, true, Include::ALL);
        assert!(
            !free.contains("Ruth") && !free.contains("All of it"),
            "{free}"
        );
        assert!(free.contains("[spoiler removed]"));
    }
}
