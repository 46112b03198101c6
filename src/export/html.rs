//! The HTML export: a standalone document whose body is made by the same functions as the live
//! preview. No script anywhere: spoilers are `<details>` and checkbox toggles that work without
//! JavaScript, and a Content-Security-Policy forbids scripts and every request but images.

use crate::markup::images::{ImagePolicy, LOAD_ALL};
use crate::markup::spoilers::{pieces, prepare, Piece};
use crate::markup::{self, escape, SpoilerView};
use crate::review::{effective_post_title, Metadata, Rating, Review};

use super::{cover_alt, footer_lines, language, metadata_lines, spoiler_summary, Include};
use crate::review::validation::usable_cover;

/// The MIME type of the HTML download.
pub const MIME: &str = "text/html;charset=utf-8";

/// The post's stylesheet, shared with the app's preview.
pub const STYLE: &str = include_str!("../../style/review.css");

/// What the page's one style element holds before [`STYLE`] (build.rs hashes the two together).
pub const PAGE_STYLE_PREFIX: &str =
    "\nbody { max-width: 42em; margin: 2em auto; padding: 0 1em; }\n";

/// The policy of an exported page: no script at all, no request but images over `https:` (or
/// inline `data:`), no style but its own (named by its SHA-256, computed by build.rs), no
/// `<base>` and no form that could send anything anywhere.
pub const CONTENT_SECURITY_POLICY: &str = concat!(
    "default-src 'none'; img-src https: data:; style-src 'sha256-",
    env!("VERDICT_PAGE_STYLE_SHA256"),
    "'; base-uri 'none'; form-action 'none'"
);

/// The id prefix for inline spoilers of the section at `position`, unique within a post.
pub fn spoiler_id_prefix(position: usize) -> String {
    format!("spoiler-{}", position + 1)
}

/// The post title, byline and metadata list (`post_title` as typed: empty means the default).
pub fn header_html(metadata: &Metadata, post_title: &str) -> String {
    header_html_with(metadata, post_title, Include::ALL)
}

/// [`header_html`] holding what `include` says (the byline always, when filled).
pub fn header_html_with(metadata: &Metadata, post_title: &str, include: Include) -> String {
    header_html_drawn(metadata, post_title, include, &LOAD_ALL)
}

/// The preview's [`header_html`]: a cover from outside that `images` holds back is drawn as a
/// placeholder until the writer allows it (exports always carry the cover).
pub fn preview_header_html(metadata: &Metadata, post_title: &str, images: &ImagePolicy) -> String {
    header_html_drawn(metadata, post_title, Include::ALL, images)
}

fn header_html_drawn(
    metadata: &Metadata,
    post_title: &str,
    include: Include,
    images: &ImagePolicy,
) -> String {
    let mut out = String::from("<header>\n");
    if include.title {
        out.push_str("<h1>");
        escape::push_html(
            &mut out,
            &effective_post_title(post_title, &metadata.title, &metadata.author),
        );
        out.push_str("</h1>\n");
    }
    out.push_str(&byline_html(metadata));
    let cover = usable_cover(&metadata.cover_image).filter(|_| include.details);
    if let Some(url) = cover.filter(|url| !images.allows(url)) {
        out.push_str("<p class=\"cover\">");
        markup::images::push_placeholder(&mut out, url, &cover_alt(metadata));
        out.push_str("</p>\n");
    } else if let Some(url) = cover {
        out.push_str("<p class=\"cover\"><img referrerpolicy=\"no-referrer\" src=\"");
        escape::push_html(&mut out, url);
        out.push_str("\" alt=\"");
        escape::push_html(&mut out, &cover_alt(metadata));
        out.push_str("\"></p>\n");
    }
    let lines = if include.details {
        metadata_lines(metadata)
    } else {
        Vec::new()
    };
    if !lines.is_empty() {
        out.push_str("<ul class=\"book-details\">\n");
        for line in lines {
            out.push_str("<li>");
            escape::push_html(&mut out, &format!("{}: {}", line.label, line.value));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
    out
}

/// Who wrote the review and when, under the title: `By Mira · April 5, 2026`, each part only
/// when filled; a date that cannot be read is shown as typed, without a machine-readable form.
pub fn byline_html(metadata: &Metadata) -> String {
    let reviewer = escape::one_line(&metadata.reviewer);
    let typed_date = escape::one_line(&metadata.post_date);
    if reviewer.is_empty() && typed_date.is_empty() {
        return String::new();
    }
    let mut out = String::from("<p class=\"byline\">");
    if !reviewer.is_empty() {
        out.push_str("By <span class=\"reviewer\">");
        escape::push_html(&mut out, &reviewer);
        out.push_str("</span>");
    }
    if !typed_date.is_empty() {
        if !reviewer.is_empty() {
            out.push_str(" · ");
        }
        match crate::review::date::parse_date(&typed_date) {
            Some(date) => {
                out.push_str("<time datetime=\"");
                out.push_str(&date.iso());
                out.push_str("\">");
                escape::push_html(&mut out, &date.long());
                out.push_str("</time>");
            }
            None => escape::push_html(&mut out, &typed_date),
        }
    }
    out.push_str("</p>\n");
    out
}

/// One section's body, already parsed, as HTML in its wrapper `<div class="section-body">` (the
/// preview draws the same wrapper and fills it with [`markup::render`]), written to `out`.
fn write_body(out: &mut String, pieces: &[Piece], view: &SpoilerView) {
    out.push_str("<div class=\"section-body\">");
    markup::write_html(pieces, out, view, &mut 0);
    out.push_str("</div>\n");
}

/// One whole section: heading, then its body, wrapped in a closed disclosure if it is a spoiler.
pub fn section_html(review: &Review, position: usize) -> String {
    let mut out = String::new();
    write_section(&mut out, review, position);
    out
}

/// [`section_html`], written to `out`.
fn write_section(out: &mut String, review: &Review, position: usize) {
    let prepared = prepare(&review.sections[position].body);
    write_parsed_section(out, review, position, &pieces(&prepared));
}

/// [`section_html`] of a body already parsed, written to `out`.
fn write_parsed_section(out: &mut String, review: &Review, position: usize, pieces: &[Piece]) {
    let prefix = spoiler_id_prefix(position);
    write_around(out, review, position, |out| {
        write_body(out, pieces, &SpoilerView::closed(&prefix))
    });
}

/// A section's heading and disclosure around its body, which `body` writes (straight into the
/// one buffer of the whole article: no copy of each section on its way there).
fn write_around(
    out: &mut String,
    review: &Review,
    position: usize,
    body: impl FnOnce(&mut String),
) {
    let section = &review.sections[position];
    out.push_str("<section class=\"review-section\">\n");
    if !section.heading.trim().is_empty() {
        out.push_str("<h2>");
        escape::push_html(out, section.heading.trim());
        out.push_str("</h2>\n");
    }
    if section.spoiler {
        out.push_str("<details class=\"spoiler-section\">\n<summary>");
        escape::push_html(out, &spoiler_summary(review, position));
        out.push_str("</summary>\n");
        body(out);
        out.push_str("</details>\n");
    } else {
        body(out);
    }
    out.push_str("</section>\n");
}

/// The rating line and the `Posted in` / `Tagged` footer.
pub fn footer_html(metadata: &Metadata, rating: Option<Rating>) -> String {
    footer_html_with(metadata, rating, true)
}

/// [`footer_html`], with the `Posted in` / `Tagged` lines only if `lines`.
pub fn footer_html_with(metadata: &Metadata, rating: Option<Rating>, lines: bool) -> String {
    let mut out = String::new();
    if let Some(rating) = rating {
        out.push_str(&format!(
            "<p class=\"rating\">Rating: <span aria-hidden=\"true\">{}</span> {}</p>\n",
            rating.stars(),
            rating.label()
        ));
    }
    let lines = if lines {
        footer_lines(metadata)
    } else {
        Vec::new()
    };
    if !lines.is_empty() {
        out.push_str("<footer class=\"post-footer\">\n");
        for line in lines {
            out.push_str("<p>");
            escape::push_html(&mut out, &format!("{}: {}", line.label, line.value));
            out.push_str("</p>\n");
        }
        out.push_str("</footer>\n");
    }
    out
}

/// The post as an `<article>`: what the preview shows, with every spoiler closed.
pub fn article_html(review: &Review) -> String {
    let mut out = String::new();
    write_article(&mut out, review, Include::ALL, write_section);
    out
}

/// Header, each section as `section` writes it, and footer, in an `<article>`, written to `out`.
fn write_article(
    out: &mut String,
    review: &Review,
    include: Include,
    mut section: impl FnMut(&mut String, &Review, usize),
) {
    out.push_str("<article class=\"review\">\n");
    out.push_str(&header_html_with(
        &review.metadata,
        &review.post_title,
        include,
    ));
    for position in 0..review.sections.len() {
        section(out, review, position);
    }
    out.push_str(&footer_html_with(
        &review.metadata,
        review.rating,
        include.footer,
    ));
    out.push_str("</article>\n");
}

/// The complete standalone HTML document.
pub fn document(review: &Review) -> String {
    document_with(review, Include::ALL)
}

/// [`document`], its article holding what `include` says.
pub fn document_with(review: &Review, include: Include) -> String {
    document_from(review, review, include)
}

/// The document showing `shown` (the review, or its spoiler-free copy) with the text that
/// search engines and link previews take (description, Open Graph, structured data) derived
/// from `source`, the review as written: that text never holds a spoiler either way, and a
/// spoiler-free copy's notes ("This section is a spoiler and was left out.") are no summary.
pub fn document_from(shown: &Review, source: &Review, include: Include) -> String {
    let lang = language::code(&shown.metadata.language)
        .map(|code| format!(" lang=\"{}\"", escape::html(&code)))
        .unwrap_or_default();
    let mut out = format!("<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Verdict\">\n<title>");
    escape::push_html(&mut out, &shown.effective_post_title());
    out.push_str("</title>\n");
    // The description goes here once the article has been written (from its plain text).
    let summary_at = out.len();
    out.push_str(
        "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"",
    );
    escape::push_html(&mut out, &shown.effective_post_title());
    out.push_str("\">\n");
    out.push_str("<style>");
    out.push_str(PAGE_STYLE_PREFIX);
    out.push_str(STYLE);
    out.push_str("</style>\n");
    // Structured data for search engines: a data block, never run (and the policy above allows
    // no script anyway).
    out.push_str("<script type=\"application/ld+json\">");
    let data_at = out.len();
    out.push_str("</script>\n</head>\n<body>\n");
    // Each body is parsed once, for the article and for the derived text's plain parts. The
    // article goes straight into the document and what is made from the text gathered on the
    // way is put in before it: one large buffer rather than the article in a second one.
    let same = std::ptr::eq(shown, source);
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); source.sections.len()];
    write_article(&mut out, shown, include, |out, review, position| {
        let section = &review.sections[position];
        let prepared = prepare(&section.body);
        let pieces = pieces(&prepared);
        if same && !section.spoiler {
            parts[position] = super::structured::plain_parts_of(&pieces);
        }
        write_parsed_section(out, review, position, &pieces)
    });
    out.push_str("</body>\n</html>\n");
    if !same {
        for (part, section) in parts.iter_mut().zip(&source.sections) {
            if !section.spoiler {
                *part = super::structured::plain_parts(&section.body);
            }
        }
    }
    // What search engines and link previews show: written here from the spoiler-free text,
    // since left to themselves they take the page's first words, spoilers included.
    let summary = super::derived::summary_from(source, parts.iter().flatten());
    let data =
        super::structured::json_ld_with(source, |position| std::mem::take(&mut parts[position]));
    // The later position first, so that the earlier one still holds.
    out.insert_str(data_at, &data);
    if !summary.is_empty() {
        let mut meta = String::new();
        for (attribute, name) in [("name", "description"), ("property", "og:description")] {
            meta.push_str(&format!("<meta {attribute}=\"{name}\" content=\""));
            escape::push_html(&mut meta, &summary);
            meta.push_str("\">\n");
        }
        out.insert_str(summary_at, &meta);
    }
    out
}

/// The post as an HTML fragment to paste into WordPress, Ghost or any editor that takes HTML:
/// no page around it and no style sheet needed. Spoiler sections are `<details>`; inline
/// spoilers show as `[spoiler N]`, listed after their paragraph in a `<details>`, so they stay
/// hidden with no script and no CSS.
pub fn fragment(review: &Review, include: Include) -> String {
    let mut out = String::new();
    write_article(&mut out, review, include, |out, review, position| {
        write_around(out, review, position, |out| {
            out.push_str(&markup::render_listed(&review.sections[position].body))
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Review;

    #[test]
    fn a_cover_from_outside_waits_in_the_preview_and_is_exported() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Gilead".into();
        review.metadata.cover_image = "https://tracker.example/cover.png?reader=you".into();
        let held = ImagePolicy::holding(vec![review.metadata.cover_image.clone()]);
        let preview = preview_header_html(&review.metadata, "", &held);
        assert!(!preview.contains("<img"), "{preview}");
        assert!(
            preview.contains("Image from tracker.example (\u{201c}Cover of Gilead\u{201d})"),
            "{preview}"
        );
        let exported = header_html(&review.metadata, "");
        assert!(exported.contains("<img referrerpolicy=\"no-referrer\" src=\"https://tracker.example/cover.png?reader=you\""), "{exported}");
        assert_eq!(
            preview_header_html(&review.metadata, "", &LOAD_ALL),
            exported
        );
    }

    #[test]
    fn spoiler_section_is_a_closed_disclosure() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "They are clones.".into();
        review.sections[0].spoiler = true;
        let html = section_html(&review, 0);
        assert_eq!(
            html,
            "<section class=\"review-section\">\n<h2>Synopsis</h2>\n<details class=\"spoiler-section\">\n<summary>Spoiler: Synopsis</summary>\n<div class=\"section-body\"><p>They are clones.</p>\n</div>\n</details>\n</section>\n"
        );
    }

    #[test]
    fn the_document_holds_the_same_article_and_data_as_made_apart() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "A <b>title</b> & more".into();
        review.sections[0].body =
            "Plain *text*, a ||hidden|| word, an escaped \\| bar and [a link](https://example.com).\n\n- one\n- two".into();
        review.sections[1].body = "All of it hidden, with <script>x</script> typed.".into();
        review.sections[1].spoiler = true;
        review.sections[2].body = "Café, 日本, a noncharacter \u{FDD0} and a tab\there.".into();
        let html = document(&review);
        let json = crate::export::structured::json_ld(&review);
        assert!(
            html.contains(&format!(
                "<script type=\"application/ld+json\">{json}</script>"
            )),
            "{html}"
        );
        assert!(html.contains(&article_html(&review)), "{html}");
    }

    // sha2 and base64 are native dev-dependencies.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_page_policy_names_its_style() {
        use base64::Engine;
        use sha2::{Digest, Sha256};
        let html = document(&Review::new_book("2026-11-25"));
        let start = html.find("<style>").unwrap() + "<style>".len();
        let end = html.find("</style>").unwrap();
        let digest = Sha256::digest(&html.as_bytes()[start..end]);
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(
            CONTENT_SECURITY_POLICY.contains(&format!("style-src 'sha256-{hash}'")),
            "{CONTENT_SECURITY_POLICY}"
        );
        assert_eq!(html.matches("<style").count(), 1);
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
    }

    #[test]
    fn document_has_lang_policy_and_no_script() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.language = "English".into();
        review.metadata.title = "<script>alert(1)</script>".into();
        review.sections[1].body =
            "<script>alert(2)</script>\n\n[x](javascript:alert(3)) <img src=x onerror=alert(4)>"
                .into();
        let html = document(&review);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("default-src 'none'"));
        // The one script element is the JSON-LD data block, which never runs.
        assert_eq!(
            html.to_ascii_lowercase().matches("<script").count(),
            1,
            "{html}"
        );
        assert!(html.contains("<script type=\"application/ld+json\">{"));
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("javascript:alert(3)"), "{html}");
        assert!(!html.contains("<img"));
    }
}
