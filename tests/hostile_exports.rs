//! Hostile text in every Markdown export, as golden files for the engines check: the XSS corpus
//! (`tests/xss-payloads.json`) and the constructs that one engine or another would make live
//! (`tests/hostile-markdown.json`), typed into a review's title, fields, headings, bodies, a
//! spoiler section and inline spoilers, then exported for every Markdown target.
//! `scripts/check-publishing` builds these with Jekyll, Hugo, pandoc, cmark-gfm and markdown-it
//! and opens each page in Chromium: nothing may run.
//!
//! The natively checked promise here (a cheap guard; the engines are the proof): no export
//! writes a kramdown attribute list, a footnote definition or a control character.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
mod golden;

use verdict::export::targets::Target;
use verdict::review::{Rating, Review};

fn corpus(file: &str, list: &str, field: &str) -> Vec<String> {
    let text = std::fs::read_to_string(file).expect("corpus file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("corpus JSON");
    value[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|entry| entry[field].as_str().expect("text").to_string())
        .collect()
}

/// The hostile review: the constructs in the title and fields, the corpus in the bodies.
fn hostile_review() -> Review {
    let payloads = corpus("tests/xss-payloads.json", "payloads", "payload");
    let constructs = corpus("tests/hostile-markdown.json", "constructs", "markdown");
    let mut review = Review::new_book("2026-11-25");
    let m = &mut review.metadata;
    m.title = "{::nomarkdown}<img src=x onerror=alert(101)//>{:/}".into();
    m.author = "<img src=x onerror=alert(102)> {: onclick=\"alert(103)\"}".into();
    m.publisher = "[p](javascript:alert(104)){: onmouseover=\"alert(105)\"}".into();
    m.reviewer = "Eve\" onmouseover=\"alert(106)".into();
    m.categories = "book review, {{ site.x }}, <b>bold</b>".into();
    m.tags = "a\"b, c{:d}".into();
    m.cover_image = "https://example.org/c.png\" onerror=\"alert(107)".into();
    review.rating = Rating::parse("3");
    review.sections[0].heading = "Synopsis {onclick=\"alert(108)\"}".into();
    review.sections[0].body = constructs.join("\n\n");
    review.sections[0].spoiler = true;
    review.sections[1].heading = "Chapter one {: onclick=\"alert(109)\"}".into();
    review.sections[1].body = constructs.join("\n\n");
    review.sections[2].body = payloads.join("\n\n");
    review.sections[3].body = constructs
        .iter()
        .map(|c| format!("Before ||{}|| after.", c.replace('\n', " ")))
        .collect::<Vec<_>>()
        .join("\n\n");
    review
}

/// Every Markdown target (and Reddit's and Discord's text) of the hostile review, as golden
/// files `tests/golden/hostile/hostile*`.
#[test]
fn the_hostile_review_in_every_markdown_target_matches_its_golden_file() {
    let review = hostile_review();
    for target in Target::ALL {
        if target.is_html() || target == Target::Json || target == Target::Goodreads {
            continue;
        }
        let text = target.render(&review, false).text;
        let name = format!("hostile/{}", target.file_name("hostile", false));
        golden::check_golden(&name, &text);
        // The body: after the front matter (quoted values that no engine parses as Markdown),
        // without Verdict's marker comments (passed through as comments).
        let body = match text
            .strip_prefix("---\n")
            .or_else(|| text.strip_prefix("+++\n"))
        {
            Some(rest) => rest.split_once(&text[..4]).map_or(rest, |(_, body)| body),
            None => text.as_str(),
        };
        for line in body.lines().filter(|l| !l.starts_with("<!-- verdict:")) {
            // No kramdown attribute list or extension, no pandoc raw attribute, no footnote
            // definition: each would be read as markup by its engine.
            // No kramdown attribute list after a link or image, or opening a line (an escaped
            // brace, `\{`, is text to every engine). The engines themselves are run on these
            // files by scripts/check-publishing; this is the cheap guard.
            let unescaped = line.replace("\\{", "");
            assert!(
                !unescaped.contains("){:"),
                "{target:?}: an attribute list in {line:?}"
            );
            assert!(
                !unescaped.trim_start().starts_with("{:"),
                "{target:?}: {line:?}"
            );
            assert!(
                !line.trim_start().starts_with("[^"),
                "{target:?}: a footnote: {line:?}"
            );
            assert!(
                !line.contains('\u{1}'),
                "{target:?}: a control character: {line:?}"
            );
        }
    }
}
