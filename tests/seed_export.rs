//! The seed review (`tests/fixtures/never-let-me-go-review.txt`, a copy of the shared seed)
//! exported to Markdown and HTML: every fact of it, in the seed's order, and byte-for-byte the
//! golden files that the end-to-end test also compares the app's downloads with.
//!
//! To accept a deliberate change of output: `UPDATE_GOLDEN=1 cargo test --test seed_export`,
//! then read the diff of `tests/golden/` by eye before committing it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/golden.rs"]
mod golden;

use verdict::export::targets::Target;
use verdict::export::{filename::file_name, html, hugo, markdown};
use verdict::review::{Format, Rating, Review};

/// The seed's review part as the end-to-end test types it: metadata, the four default
/// sections with their paragraphs, the Synopsis marked as a spoiler.
fn seed_review() -> (Review, Vec<Vec<String>>) {
    let text =
        std::fs::read_to_string("tests/fixtures/never-let-me-go-review.txt").expect("seed fixture");
    let markers = [
        "Synopsis (with some spoilers):",
        "What I liked:",
        "What I didn\u{2019}t like:",
        "Final verdict",
    ];
    let end = text
        .find("This entry was posted in")
        .expect("end of review");
    let mut sections: Vec<Vec<String>> = Vec::new();
    let mut current: Option<usize> = None;
    for line in text[..end].lines() {
        let line = line.trim();
        if let Some(i) = markers.iter().position(|m| *m == line) {
            current = Some(i);
            sections.push(Vec::new());
            continue;
        }
        if let (Some(_), false) = (current, line.is_empty()) {
            sections.last_mut().unwrap().push(line.to_string());
        }
    }
    assert_eq!(sections.len(), 4, "the seed has four sections");
    let mut review = Review::new_book("2011-01-15");
    let m = &mut review.metadata;
    m.title = "Never Let Me Go".into();
    m.author = "Kazuo Ishiguro".into();
    m.format = Format::Hardcover;
    m.pages = "304".into();
    m.publisher = "Knopf".into();
    m.publication_date = "April 5, 2005".into();
    m.language = "English".into();
    m.isbn10 = "1400043395".into();
    m.isbn13 = "978-1400043392".into();
    m.genre = "sici-fi, dystopia".into();
    m.audience = "adult".into();
    m.categories = "book review, dystopia".into();
    for (section, paragraphs) in review.sections.iter_mut().zip(&sections) {
        section.body = paragraphs.join("\n\n");
    }
    review.sections[0].spoiler = true;
    (review, sections)
}

/// Checks that `needles` occur in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut at = 0;
    for needle in needles {
        match haystack[at..].find(needle) {
            Some(found) => at += found + needle.len(),
            None => panic!("{needle:?} missing (or out of order) after byte {at}"),
        }
    }
}

fn facts(sections: &[Vec<String>]) -> Vec<&str> {
    let mut facts = vec![
        "Review: Never Let Me Go by Kazuo Ishiguro",
        "Hardcover: 304 pages",
        "Publisher: Knopf (April 5, 2005)",
        "Language: English",
        "ISBN-10: 1400043395",
        "ISBN-13: 978-1400043392",
        "Genre: sici-fi, dystopia",
        "Target group: adult",
    ];
    let headings = [
        "Synopsis",
        "What I liked",
        "What I didn&#39;t like",
        "Final verdict",
    ];
    for (heading, paragraphs) in headings.iter().zip(sections) {
        facts.push(heading);
        // The first words of each paragraph: enough to show each is there, in order.
        facts.extend(
            paragraphs
                .iter()
                .map(|p| &p[..p.char_indices().nth(40).map_or(p.len(), |(i, _)| i)]),
        );
    }
    facts.push("Posted in: book review, dystopia");
    facts
}

#[test]
fn markdown_export_carries_every_fact_in_order() {
    let (review, sections) = seed_review();
    let md = markdown::document(&review);
    let body = md.splitn(3, "---\n").nth(2).expect("front matter closes");
    let facts: Vec<String> = facts(&sections)
        .iter()
        .map(|f| f.replace("&#39;", "'"))
        .collect();
    let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
    assert_in_order(body, &facts);
    assert!(body.contains(
        "<details>\n<summary>Spoiler: Synopsis</summary>\n\nNever Let Me Go is the third book"
    ));
    assert!(md.starts_with(
        "---\ntitle: \"Review: Never Let Me Go by Kazuo Ishiguro\"\ndate: 2011-01-15\n"
    ));
    assert!(md.contains("  published: 2005-04-05\n  language: \"English\"\n  isbn10: \"1400043395\"\n  isbn13: \"9781400043392\"\n"));
    golden::check_golden("targets/seed.md", &md);
}

#[test]
fn html_export_carries_every_fact_in_order_and_hides_the_synopsis() {
    let (review, sections) = seed_review();
    let doc = html::document(&review);
    let body = &doc[doc.find("<body>").expect("body")..];
    // Typographic quotes and dashes in the seed are kept as typed; only &, <, >, quotes are escaped.
    let facts: Vec<String> = facts(&sections)
        .iter()
        .map(|f| f.replace('\'', "&#39;"))
        .collect();
    let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
    assert_in_order(body, &facts);
    assert!(doc.contains("<html lang=\"en\">"));
    assert!(
        body.contains("<details class=\"spoiler-section\">\n<summary>Spoiler: Synopsis</summary>")
    );
    assert!(!body.contains("<details class=\"spoiler-section\" open"));
    golden::check_golden("targets/seed.html", &doc);
}

#[test]
fn download_names_come_from_the_post_title() {
    let (review, _) = seed_review();
    let title = review.effective_post_title();
    assert_eq!(
        file_name(&title, "md"),
        "review-never-let-me-go-by-kazuo-ishiguro.md"
    );
    assert_eq!(
        file_name(&title, "html"),
        "review-never-let-me-go-by-kazuo-ishiguro.html"
    );
}

/// The seed in every export target, full and spoiler-free, as golden files under
/// `tests/golden/targets/` (read by eye once; the HTML ones also go through the Nu HTML
/// Checker in the test command).
#[test]
fn the_seed_in_every_target_matches_its_golden_file() {
    let (review, sections) = seed_review();
    let synopsis_fact = sections[0][1].clone();
    for target in Target::ALL {
        for spoiler_free in [false, true] {
            if spoiler_free && !target.has_spoiler_free() {
                continue;
            }
            let output = target.render(&review, spoiler_free);
            let name = format!("targets/{}", target.file_name("seed", spoiler_free));
            golden::check_golden(&name, &output.text);
            // The synopsis is the seed's spoiler: gone from every spoiler-free version.
            let words: String = synopsis_fact.chars().take(40).collect();
            let words = words.split_whitespace().last().unwrap_or("").to_string();
            if spoiler_free && words.len() > 6 {
                assert!(
                    !output
                        .text
                        .contains(&synopsis_fact[..40.min(synopsis_fact.len())]),
                    "{name}"
                );
            }
            for part in &output.parts {
                if let Some(limit) = target.limit() {
                    assert!(part.chars().count() <= limit, "{name}: a part over {limit}");
                }
            }
        }
    }
}

/// The spoiler-leak check on the seed: the Synopsis is the spoiler; "What I liked" names the
/// three friends and the organ donations (the very twist), "Final verdict" the film "The
/// Island". No rating is typed in the seed.
#[test]
fn the_seed_names_its_characters_and_the_donations_outside_the_synopsis() {
    use verdict::checks::leaks::check;
    let (review, _) = seed_review();
    let messages: Vec<String> = check(&review).iter().map(|f| f.message(&review)).collect();
    let liked = "in \u{201c}What I liked\u{201d}";
    assert_eq!(
        messages,
        [
            "\u{201c}Island\u{201d} appears in a spoiler and also in \u{201c}Final verdict\u{201d}.".to_string(),
            format!("\u{201c}Kathy\u{201d} appears in a spoiler and also {liked}."),
            format!("\u{201c}Ruth\u{201d} appears in a spoiler and also {liked}."),
            format!("\u{201c}Tommy\u{201d} appears in a spoiler and also {liked}."),
            format!("\u{201c}donation\u{201d} appears in a spoiler and also {liked}."),
            // A long word used twice: the rare-word rule cannot tell it from a plot detail.
            "\u{201c}relationship\u{201d} appears in a spoiler and also in \u{201c}What I didn't like\u{201d}.".to_string(),
            "The review has no rating yet.".to_string(),
        ]
    );
}

/// A second review for the publishing checks (`scripts/check-publishing` builds its golden
/// files with each platform's own software): inline spoilers mid-sentence, a spoiler section,
/// a list, a link, a rating, a reviewer, and text that site generators' templates would run.
fn sample_review() -> Review {
    let mut review = Review::new_book("2026-11-25");
    let m = &mut review.metadata;
    m.title = "Gilead".into();
    m.author = "Marilynne Robinson".into();
    m.publication_date = "2004-11-04".into();
    m.reviewer = "Mira: \"a reader\" #1".into();
    m.tags = "faith, letters".into();
    m.categories = "book review".into();
    review.rating = Rating::parse("4.5");
    review.sections[0].body = "John Ames is **dying**, and the son he writes to will read this SECTIONSECRET only as a man.\n\nThe letter ends SECTIONSECRET in a blessing.".into();
    review.sections[0].spoiler = true;
    review.sections[1].body = "The prose didn't hurry, and how ||INLINESECRET and more|| is told moved me. It is quiet, patient and kind.\n\n- grace\n- [Iowa](https://en.wikipedia.org/wiki/Iowa)".into();
    review.sections[2].body =
        "Slow in places, and the \"middle\" drags; ||the INLINESECRET brother|| helps.".into();
    review.sections[3].body = "Read it. TEMPLATES: {{ site.title }} {% include nothing.html %} {{< gist u 1 >}} {{% gist u 1 %}} {% endraw %} end.".into();
    review
}

/// The sample in every target, as golden files `tests/golden/targets/sample*`, and the `details`
/// shortcode that Hugo older than 0.140 needs beside the Hugo exports.
#[test]
fn the_sample_in_every_target_matches_its_golden_file() {
    let review = sample_review();
    for target in Target::ALL {
        for spoiler_free in [false, true] {
            if spoiler_free && !target.has_spoiler_free() {
                continue;
            }
            let output = target.render(&review, spoiler_free);
            let name = format!("targets/{}", target.file_name("sample", spoiler_free));
            golden::check_golden(&name, &output.text);
        }
    }
    golden::check_golden(
        "targets/hugo-details-shortcode.html",
        hugo::DETAILS_SHORTCODE,
    );
}

/// Every sentence of `review` that holds spoiler text: each sentence of a spoiler section, and
/// each sentence of other sections that holds an inline spoiler, as plain words.
fn spoiler_sentences(review: &Review) -> Vec<String> {
    use verdict::export::derived::sentences;
    use verdict::markup::spoilers::readable_text;
    let mut out = Vec::new();
    for section in &review.sections {
        let readable = readable_text(&section.body);
        for block in readable.text.split("\n\n") {
            let offset = block.as_ptr() as usize - readable.text.as_ptr() as usize;
            for sentence in sentences(block) {
                let at = offset + (sentence.as_ptr() as usize - block.as_ptr() as usize);
                let range = at..at + sentence.len();
                let holds = section.spoiler
                    || readable
                        .spoilers
                        .iter()
                        .any(|s| s.start < range.end && range.start < s.end);
                if holds {
                    out.push(sentence.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
        }
    }
    out
}

/// The text a platform derives from a file: front matter `summary`, `excerpt` and
/// `description`, the page's `description` and Open Graph text, and the JSON-LD body.
fn derived_fields(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        for key in ["summary", "excerpt", "description"] {
            for sep in [": ", " = "] {
                if let Some(value) = line.strip_prefix(&format!("{key}{sep}")) {
                    out.push(value.to_string());
                }
            }
        }
        for name in ["name=\"description\"", "property=\"og:description\""] {
            if let Some(at) = line.find(name) {
                out.push(line[at..].to_string());
            }
        }
    }
    if let Some(at) = text.find("<script type=\"application/ld+json\">") {
        let rest = &text[at..];
        out.push(rest[..rest.find("</script>").unwrap_or(rest.len())].to_string());
    }
    out
}

/// The promise: no spoiler in any text a platform derives, in any target, for the seed
/// and the sample. Every spoiler sentence is looked for, whole, in every derived field, and
/// each field must hold some text (a platform would otherwise derive its own).
#[test]
fn no_spoiler_sentence_reaches_a_derived_field_of_any_target() {
    for review in [seed_review().0, sample_review()] {
        let spoilers = spoiler_sentences(&review);
        assert!(spoilers.len() >= 2, "{spoilers:?}");
        for (target, spoiler_free) in Target::ALL
            .into_iter()
            .flat_map(|t| [(t, false), (t, true)])
        {
            let text = target.render(&review, spoiler_free).text;
            let fields = derived_fields(&text);
            // A spoiler-free copy's notes are no summary: derived text is the same either way.
            for field in &fields {
                for note in ["left out", "spoiler removed"] {
                    assert!(!field.contains(note), "{target:?} (spoiler-free): {field}");
                }
            }
            let expects_fields = matches!(
                target,
                Target::HugoYaml | Target::HugoToml | Target::Jekyll | Target::HtmlDocument
            );
            assert!(
                !expects_fields || fields.len() >= 2,
                "{target:?}: {fields:?}"
            );
            for field in &fields {
                let plain = field.split_whitespace().collect::<Vec<_>>().join(" ");
                for sentence in &spoilers {
                    // JSON and HTML escape quotes and apostrophes; compare on the words before.
                    let words: String = sentence.chars().take(30).collect();
                    assert!(
                        !plain.contains(&words),
                        "{target:?}: a spoiler sentence in a derived field: {sentence}\n{field}"
                    );
                }
                for secret in ["SECTIONSECRET", "INLINESECRET"] {
                    assert!(!field.contains(secret), "{target:?}: {field}");
                }
            }
        }
    }
}

/// A Markdown export holds no spoiler outside its disclosure, not even in the comments that
/// make Verdict's own file readable back.
#[test]
fn no_marker_comment_holds_spoiler_text() {
    let review = sample_review();
    let md = markdown::document(&review);
    for line in md.lines().filter(|l| l.starts_with("<!-- verdict:")) {
        assert!(
            !line.contains("SECRET"),
            "a marker holds spoiler text: {line}"
        );
    }
}
