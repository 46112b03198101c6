//! Untrusted text through every output (random hostile input is in tests/fuzz.rs): raw HTML
//! stays text, only allowed URLs become links or images, and the Markdown export cannot be
//! made to carry markup or a bad link either.
//! The "kitchen sink" review is kept as golden files; its HTML also goes through the Nu HTML
//! Checker in the test command, so every construct Verdict writes is checked for validity.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
mod golden;

use verdict::export::{html, markdown};
use verdict::markup;
use verdict::review::{Format, Rating, Review, Section};

fn kitchen_sink() -> Review {
    let mut review = Review::new_book("2026-11-25");
    let m = &mut review.metadata;
    m.title = "Crème \"Brûlée\" <script>alert(1)</script>".into();
    m.author = "A. N. Other & Co".into();
    m.format = Format::Paperback;
    m.pages = "about 300".into();
    m.publication_date = "5 April 2005".into();
    m.language = "fr".into();
    m.isbn10 = "0-8044-2957-X".into();
    m.genre = "mystery, *bold*, [link](javascript:x)".into();
    m.tags = "a: b, #hash, \"quoted\"".into();
    m.reviewer = "Me\nand: you".into();
    review.rating = Rating::parse("4.5");
    review.sections = vec![
        Section {
            id: 1,
            heading: "Plot".into(),
            body: "It was ||the *butler* with a [knife](https://example.com/k)|| all along.\n\n\
                   - list item with ||a spoiler||\n- `code ||not a spoiler||`\n\n\
                   > quoted ||secret||\n\n\
                   1. one\n2. two\n\n\
                   ```\nfenced <b>code</b>\n```\n\n\
                   # A heading\n\n\
                   ![cover](https://example.com/c.jpg \"Cover\") and ![bad](javascript:alert(2))\n\n\
                   Escaped \\|\\|bars\\|\\| and <b onclick=\"alert(3)\">raw</b> and <https://example.com/auto>.\n\n\
                   <div>\n[hidden link](javascript:alert(4))\n</div>"
                .into(),
            spoiler: false,
        },
        Section { id: 2, heading: "Twist".into(), body: "The ending, with ||nested **bold**||.".into(), spoiler: true },
        Section { id: 3, heading: "".into(), body: "Untitled, and a spoiler too.".into(), spoiler: true },
        Section { id: 4, heading: "Unclosed".into(), body: "```\nnever closed".into(), spoiler: false },
    ];
    review
}

/// Markup that would run script or load something if it reached a page.
fn assert_no_active_markup(output: &str) {
    // Browsers match tag and attribute names ignoring ASCII case only.
    let lower = output.to_ascii_lowercase();
    for bad in [
        "<script",
        "href=\"javascript",
        "src=\"javascript",
        "<b onclick",
        "<img src=x",
        "<div>",
        "<b>",
    ] {
        assert!(!lower.contains(bad), "{bad} reached the output:\n{output}");
    }
}

#[test]
fn kitchen_sink_html_is_safe_and_stable() {
    let doc = html::document(&kitchen_sink());
    assert_no_active_markup(&doc[doc.find("<body>").unwrap()..]);
    assert!(doc.contains("<html lang=\"fr\">"));
    assert!(doc.contains("<img loading=\"lazy\" referrerpolicy=\"no-referrer\" src=\"https://example.com/c.jpg\" title=\"Cover\" alt=\"cover\">"));
    assert!(doc.contains("<summary>Spoiler: Untitled section 3</summary>"));
    golden::check_golden("kitchen-sink.html", &doc);
}

#[test]
fn kitchen_sink_markdown_is_safe_and_stable() {
    let md = markdown::document(&kitchen_sink());
    let body = md.splitn(3, "---\n").nth(2).unwrap();
    assert!(body.contains("It was [spoiler 1] all along."), "{body}");
    assert!(
        body.contains("1. the *butler* with a [knife](<https://example.com/k>)"),
        "{body}"
    );
    // A name typed across lines is one name.
    assert!(md.contains("author: \"Me and: you\""), "{md}");
    golden::check_golden("kitchen-sink.md", &md);
    // Read back by a CommonMark parser, the Markdown export yields no raw HTML but Verdict's own
    // disclosures and marker comments, and no link or image outside the allow-list.
    for event in pulldown_cmark::Parser::new(body) {
        match event {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                let tag = h.trim();
                assert!(
                    ["<details>", "</details>"].contains(&tag)
                        || tag.starts_with("<summary>")
                        || verdict::markup::markers::is_marker(tag),
                    "unexpected HTML {tag:?}"
                );
            }
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. })
            | pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
                assert!(markup::url::is_allowed(&dest_url), "{dest_url}");
            }
            _ => {}
        }
    }
}
