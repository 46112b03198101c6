//! The Markdown export: YAML front matter, then the post body in CommonMark/GFM.

use crate::markup::escape;
use crate::markup::markdown::{escaped_text, is_safe_document, section_markdown};
use crate::review::Review;

use super::markers::{self, ReviewMarker, SectionMarker};
use super::{footer_lines, front_matter::front_matter, metadata_lines, spoiler_summary};

/// The MIME type of the Markdown download.
pub const MIME: &str = "text/markdown;charset=utf-8";

/// The whole Markdown file. Each section is made safe on its own; the assembled body is then
/// checked as a whole too (a construct could reach across sections), and if that check ever
/// failed, every section would be written as escaped plain text instead.
pub fn document(review: &Review) -> String {
    let out = assemble(review, section_markdown);
    let body = out.splitn(3, "---\n").nth(2).unwrap_or("");
    if is_safe_document(body) {
        out
    } else {
        assemble(review, escaped_text)
    }
}

fn assemble(review: &Review, section_markdown: fn(&str) -> String) -> String {
    let mut out = front_matter(review);
    out.push('\n');
    let mut head = format!(
        "# {}\n\n",
        escape::markdown_inline(&review.effective_post_title())
    );
    let lines = metadata_lines(&review.metadata);
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
    out.push_str(&markers::line(
        "review",
        &ReviewMarker {
            v: markers::MARKER_VERSION,
            metadata: review.metadata.clone(),
            post_title: review.post_title.clone(),
            rating: review.rating,
            head_len: head.len(),
            sections: review.sections.len(),
        },
    ));
    out.push_str(&head);
    for (position, section) in review.sections.iter().enumerate() {
        let mut chunk = markers::heading_line(&section.heading);
        let body = section_markdown(section.body.trim_end());
        if section.spoiler {
            // A plain-text summary, and blank lines so that GitHub renders the Markdown inside.
            chunk.push_str(&format!(
                "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n",
                escape::html(&escape::one_line(&spoiler_summary(review, position))),
                body.trim_end()
            ));
        } else if !body.trim().is_empty() {
            chunk.push_str(body.trim_end());
            chunk.push_str("\n\n");
        }
        // The marker carries the body itself only when the written text would not read back
        // as exactly what was typed.
        let read_back = markers::visible_body(&chunk, &section.heading, section.spoiler);
        out.push_str(&markers::line(
            "section",
            &SectionMarker {
                id: section.id,
                heading: section.heading.clone(),
                spoiler: section.spoiler,
                len: chunk.len(),
                body: (read_back != section.body).then(|| section.body.clone()),
            },
        ));
        out.push_str(&chunk);
    }
    out.push_str(&markers::end_line());
    out.push('\n');
    if let Some(rating) = review.rating {
        out.push_str(&format!(
            "Rating: {} {}\n\n",
            rating.stars(),
            rating.label()
        ));
    }
    let footer = footer_lines(&review.metadata);
    if !footer.is_empty() {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Rating, Review};

    /// The document as a reader sees it rendered: without the marker comments.
    fn without_markers(md: &str) -> String {
        md.lines()
            .filter(|l| !l.starts_with(markers::PREFIX))
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
