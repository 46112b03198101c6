//! Export then import gives the same review back, for the JSON file and for Verdict's own
//! Markdown, over generated reviews: any text a text area can hold (every Unicode scalar but
//! NUL and CR, which a text area turns into LF), empty and long fields, spoilers everywhere,
//! and bodies full of what could confuse a reader of the file (headings, `---`, `||`,
//! `<details>`, code fences, marker look-alikes). Control characters are the one exception:
//! `Open file` takes them out (tab, line feed and CR only from one-line fields), with a note
//! for each field that lost any, so the review read back is the one written less those.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use verdict::export::markdown;
use verdict::formats::controls::strip_controls;
use verdict::formats::json;
use verdict::import::{import, Source};
use verdict::markup::spoilers::readable_text;
use verdict::review::{CustomField, Format, Metadata, Rating, Review, Section, Template};

/// Fragments that look like structure to a Markdown reader or to Verdict's own markers.
const TRICKY: &[&str] = &[
    "## Heading in a body\n",
    "# Title\n",
    "\n---\n",
    "---\n",
    "+++\n",
    "||spoiler||",
    "\\||",
    "<details>\n<summary>x</summary>\n\n",
    "</details>",
    "```\n",
    "~~~",
    "<!-- verdict:section {\"id\":1,\"heading\":\"x\",\"spoiler\":false,\"len\":3} -->\n",
    "<!-- verdict:end -->\n",
    "<!-- verdict:review {} -->",
    ":::spoiler A\n",
    ":::\n",
    "> [!spoiler]- x\n",
    ">!reddit!<",
    "Rating: ★★☆☆☆ 2 out of 5\n",
    "Posted in: x  \n",
    "- Hardcover: 3 pages\n",
    "[a](javascript:alert(1))",
    "<script>alert(1)</script>",
    "  \n",
    "\t",
    "\u{2028}",
    "\u{FEFF}",
    "\u{FDD0}",
    "😀",
    "é",
    "\n\n",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>().prop_filter("a text area holds no NUL or CR", |c| *c != '\0' && *c != '\r').prop_map(String::from),
            3 => "[a-zA-Z ]{1,12}",
            3 => prop::sample::select(TRICKY).prop_map(String::from),
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

fn review() -> impl Strategy<Value = Review> {
    let metadata = (
        prop::collection::vec(text(6), 20),
        prop::sample::select(Format::ALL.to_vec()),
        prop::sample::select(Template::ALL.to_vec()),
        prop::collection::vec((text(4), text(6)), 0..3),
        prop::collection::vec("[A-Za-z]{1,8}", 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(f, format, template, custom, leaks_ignored, draft)| Metadata {
                template,
                leaks_ignored,
                images_from_outside: Vec::new(),
                summary: f[18].clone(),
                slug: f[19].clone(),
                draft,
                runtime: f[14].clone(),
                platform: f[15].clone(),
                tracks: f[16].clone(),
                cover_image: f[17].clone(),
                custom: custom
                    .into_iter()
                    .map(|(label, value)| CustomField { label, value })
                    .collect(),
                title: f[0].clone(),
                author: f[1].clone(),
                format,
                pages: f[2].clone(),
                publisher: f[3].clone(),
                publication_date: f[4].clone(),
                language: f[5].clone(),
                isbn10: f[6].clone(),
                isbn13: f[7].clone(),
                genre: f[8].clone(),
                audience: f[9].clone(),
                categories: f[10].clone(),
                tags: f[11].clone(),
                reviewer: f[12].clone(),
                post_date: f[13].clone(),
            },
        );
    let sections = prop::collection::vec((text(6), text(30), any::<bool>()), 0..6);
    (metadata, text(6), sections, prop::option::of(1u8..=10)).prop_map(
        |(metadata, post_title, sections, halves)| Review {
            metadata,
            post_title,
            sections: sections
                .into_iter()
                .enumerate()
                .map(|(i, (heading, body, spoiler))| Section {
                    id: i as u64 + 1,
                    heading,
                    body,
                    spoiler,
                })
                .collect(),
            rating: halves.and_then(Rating::from_halves),
        },
    )
}

/// The letters, digits and other characters beyond ASCII punctuation of a text, in order: what a
/// reader reads, without the white space and the ASCII marks that Markdown may write
/// differently (escapes, emphasis that a refused link's removal left unpaired, spoiler bars),
/// and without control characters, which the exports leave out.
fn words(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_ascii_punctuation()
                // Control characters and bidirectional controls, which opened files lose.
                && !c.is_control()
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                // Noncharacters: the reader uses some as its own marks.
                && !('\u{FDD0}'..='\u{FDEF}').contains(c)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn json_export_then_import_is_exact(review in review()) {
        let file = json::document(&review);
        let back = import("review.json", file.as_bytes()).expect("reads back");
        prop_assert_eq!(back.source, Source::Json);
        let mut review = review;
        let notes = strip_controls(&mut review);
        // Its remote images are marked as from outside, as any opened file's are.
        verdict::markup::images::mark_from_outside(&mut review);
        prop_assert_eq!(back.review, review);
        prop_assert_eq!(back.notes, notes);
    }

    #[test]
    fn markdown_export_then_import_is_exact(review in review()) {
        let file = markdown::document(&review);
        let back = import("review.md", file.as_bytes()).expect("reads back");
        prop_assert_eq!(back.source, Source::VerdictMarkdown, "{}", file);
        // Notes name only the fields the file carries (see `published` below).
        let mut review = Review { metadata: review.metadata.exported(), ..review };
        // The bodies as exported: what a reader of the file reads is compared with these.
        let exported = review.sections.clone();
        let notes = strip_controls(&mut review);
        // Besides, a note says when sections holding spoilers were read from their visible text.
        let control_notes: Vec<String> = back
            .notes
            .iter()
            .filter(|n| !n.contains("holding spoilers"))
            .cloned()
            .collect();
        // (A section rewritten for the export has already lost some of its control characters
        // there, so its note may name fewer or not come: every field named is one expected.)
        let field = |note: &String| note.split(" lost ").next().unwrap_or("").to_string();
        let expected: Vec<String> = notes.iter().map(field).collect();
        for note in &control_notes {
            prop_assert!(expected.contains(&field(note)), "{}", note);
        }
        // Exact for everything published: fields the template does not use stay in the draft
        // (and the JSON backup) but are not carried by a file meant for publishing. A body that
        // holds a spoiler reads back from its visible text (its marker may not carry it: a
        // comment is public), so it comes back as the Markdown written for it, which reads
        // the same words. What is lost: the Markdown as typed (escapes, heading levels 5 and 6,
        // typed HTML comes back escaped, a spoiler's or an emphasis's exact extent in edge
        // cases).
        let published = Review {
            metadata: review.metadata.exported(),
            ..review
        };
        // (Besides, its remote images are marked as from outside, as any opened file's are.)
        let mut back = back;
        back.review.metadata.images_from_outside.clear();
        prop_assert_eq!(&back.review.metadata, &published.metadata);
        prop_assert_eq!(&back.review.post_title, &published.post_title);
        prop_assert_eq!(back.review.rating, published.rating);
        prop_assert_eq!(back.review.sections.len(), published.sections.len());
        for ((back, typed), exported) in back.review.sections.iter().zip(&published.sections).zip(&exported) {
            prop_assert_eq!((back.id, &back.heading, back.spoiler), (typed.id, &typed.heading, typed.spoiler));
            let read = readable_text(&exported.body);
            if !typed.spoiler && read.spoilers.is_empty() {
                prop_assert_eq!(&back.body, &typed.body);
            } else {
                let again = readable_text(&back.body);
                // Or, where the exports could not keep the Markdown safely and wrote the
                // section as escaped text, it reads as what was typed, letter for letter.
                let as_typed = words(&again.text) == words(&exported.body);
                if !as_typed {
                    prop_assert_eq!(words(&again.text), words(&read.text), "{}", file);
                }
            }
        }
    }
}

#[test]
fn the_seed_review_round_trips_through_markdown() {
    let text = std::fs::read_to_string("tests/golden/targets/seed.md").unwrap();
    let imported = import("seed.md", text.as_bytes()).unwrap();
    assert_eq!(imported.source, Source::VerdictMarkdown);
    assert_eq!(imported.review.metadata.title, "Never Let Me Go");
    let again = markdown::document(&imported.review);
    assert_eq!(
        again, text,
        "the golden file is a fixed point of import then export"
    );
}

#[test]
fn a_hand_edited_export_is_read_as_plain_markdown_and_says_so() {
    let mut review = Review::new_book("2026-11-25");
    review.sections[0].body = "Original text.".into();
    let file = markdown::document(&review).replace("Original text.", "Edited by hand, longer.");
    let back = import("review.md", file.as_bytes()).unwrap();
    assert_eq!(back.source, Source::Markdown);
    assert!(back.notes.iter().any(|n| n.contains("changed since")));
    assert_eq!(back.review.sections[0].body, "Edited by hand, longer.");
}

/// Every Markdown flavour reads back with its sections, their spoiler flags and the book's
/// title (exact only for Verdict's own file; the others through their headings and wrappers).
#[test]
fn every_markdown_flavour_reads_back_its_sections_and_spoilers() {
    use verdict::export::targets::Target;
    let mut review = Review::new_book("2026-11-25");
    review.metadata.title = "Gilead".into();
    review.metadata.author = "Marilynne Robinson".into();
    review.sections[0].body = "A dying pastor.\n\n::: not a fence\n\nMore.".into();
    review.sections[0].spoiler = true;
    review.sections[1].body = "The *prose*.".into();
    review.sections[3].spoiler = true;
    review.sections[3].body = "Read it.".into();
    for target in [
        Target::GitHub,
        Target::CommonMark,
        Target::HugoYaml,
        Target::HugoToml,
        Target::Jekyll,
        Target::HackMd,
        Target::Obsidian,
    ] {
        let text = target.render(&review, false).text;
        let back = import(&target.file_name("r", false), text.as_bytes())
            .expect("reads")
            .review;
        let shape = |r: &Review| -> Vec<(String, bool)> {
            r.sections
                .iter()
                .filter(|s| !s.heading.is_empty())
                .map(|s| (s.heading.clone(), s.spoiler))
                .collect()
        };
        assert_eq!(shape(&back), shape(&review), "{target:?}:\n{text}");
        let synopsis = back
            .sections
            .iter()
            .find(|s| s.heading == "Synopsis")
            .unwrap();
        assert!(
            synopsis.body.contains("A dying pastor."),
            "{target:?}: {}",
            synopsis.body
        );
        if !matches!(
            target,
            Target::CommonMark | Target::HackMd | Target::Obsidian
        ) {
            assert_eq!(back.metadata.title, "Gilead", "{target:?}");
        }
    }
}

/// A film review's template, its own fields, custom fields and cover come back from every
/// flavour with front matter (read from the `film:` mapping), and from plain Markdown through
/// its `- Director:` lines; the cover line and the details list never become a section.
#[test]
fn other_templates_read_back_from_front_matter_and_detail_lines() {
    use verdict::export::targets::Target;
    let mut review = Review::new_book("2026-11-25");
    let m = &mut review.metadata;
    m.template = Template::Film;
    m.title = "Alien".into();
    m.author = "Ridley Scott".into();
    m.publisher = "20th Century Fox".into();
    m.publication_date = "1979-05-25".into();
    m.runtime = "117 min".into();
    m.cover_image = "https://example.com/alien.jpg".into();
    m.custom = vec![CustomField {
        label: "Seen at".into(),
        value: "The Prince Charles".into(),
    }];
    let headings =
        |r: &Review| -> Vec<String> { r.sections.iter().map(|s| s.heading.clone()).collect() };
    for target in [
        Target::HugoYaml,
        Target::HugoToml,
        Target::Jekyll,
        Target::CommonMark,
    ] {
        let text = target.render(&review, false).text;
        let back = import(&target.file_name("r", false), text.as_bytes())
            .expect("reads")
            .review;
        assert_eq!(headings(&back), headings(&review), "{target:?}:\n{text}");
        let m = &back.metadata;
        assert_eq!(m.template, Template::Film, "{target:?}:\n{text}");
        assert_eq!(m.author, "Ridley Scott", "{target:?}");
        assert_eq!(m.publisher, "20th Century Fox", "{target:?}");
        // The details line spells the date out for readers ("25 May 1979"): the same day.
        assert_eq!(
            verdict::review::date::parse_date(&m.publication_date).map(|d| d.iso()),
            Some("1979-05-25".into()),
            "{target:?}"
        );
        assert_eq!(m.runtime, "117 min", "{target:?}");
        assert_eq!(m.cover_image, "https://example.com/alien.jpg", "{target:?}");
        assert_eq!(m.custom, review.metadata.custom, "{target:?}");
    }
    // Without a director, the studio and runtime still say it is a film.
    review.metadata.author.clear();
    let text = Target::CommonMark.render(&review, false).text;
    let back = import("r.md", text.as_bytes()).expect("reads").review;
    assert_eq!(back.metadata.template, Template::Film, "{text}");
    assert_eq!(back.metadata.runtime, "117 min");
    assert_eq!(headings(&back), headings(&review));
}

/// Front matter's quoting (export) reads back exactly with the front matter reader (import):
/// the two are peers and do not see each other, so their agreement is held here.
#[test]
fn quoted_front_matter_values_read_back_exactly() {
    use verdict::export::front_matter::quote;
    use verdict::import::yaml::parse_yaml;
    for text in ["a: \"b\" #c\nd\\", "\u{7}é<b>\u{2028}\t", "", "😀 \u{FEFF}"] {
        let yaml = format!("k: {}\n", quote(text));
        assert_eq!(parse_yaml(&yaml).text_of("k").unwrap(), text, "{yaml}");
    }
}
