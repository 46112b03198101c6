//! Control characters in an opened file. A NUL, a backspace or a bidirectional override is
//! invisible in the editor yet reaches every export (a raw NUL on the ISBN-13 line, a U+202E
//! that turns the text after it around), so they are taken out of what a file brings in; and
//! since text is never changed silently, each field that lost any gets a note naming the field
//! and the characters.

use crate::review::Review;

/// Whether `c` is taken out of imported text: C0 and C1 controls and DEL, and the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Tab, line feed and
/// carriage return are text in a section's body (`multi_line`); in a one-line field they are
/// taken out too.
pub fn is_stripped(c: char, multi_line: bool) -> bool {
    match c {
        '\t' | '\n' | '\r' => !multi_line,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// The most distinct characters a note names one by one.
const NAMED: usize = 5;

/// Takes the stripped characters out of `text`; if there were any, adds a note that says
/// that `field` lost them.
fn strip(
    field: impl FnOnce() -> String,
    text: &mut String,
    multi_line: bool,
    notes: &mut Vec<String>,
) {
    if !text.chars().any(|c| is_stripped(c, multi_line)) {
        return;
    }
    let mut found: Vec<char> = Vec::new();
    let mut count = 0;
    text.retain(|c| {
        if !is_stripped(c, multi_line) {
            return true;
        }
        count += 1;
        if !found.contains(&c) {
            found.push(c);
        }
        false
    });
    let mut names: Vec<String> = found
        .iter()
        .take(NAMED)
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    if found.len() > NAMED {
        names.push(format!("{} more kinds", found.len() - NAMED));
    }
    notes.push(format!(
        "{} lost {count} control character{} ({}), taken out so that no export carries {}.",
        field(),
        if count == 1 { "" } else { "s" },
        names.join(", "),
        if count == 1 { "it" } else { "them" }
    ));
}

/// Takes control characters out of every field of an opened review (see [`is_stripped`]) and
/// returns one note per field that lost any.
pub fn strip_controls(review: &mut Review) -> Vec<String> {
    let mut notes = Vec::new();
    let template = review.metadata.template;
    let m = &mut review.metadata;
    let one_line: [(&str, &mut String); 20] = [
        ("Title", &mut m.title),
        (template.creator_label(), &mut m.author),
        ("Pages", &mut m.pages),
        (template.publisher_label(), &mut m.publisher),
        (template.date_label(), &mut m.publication_date),
        ("Language", &mut m.language),
        ("ISBN-10", &mut m.isbn10),
        ("ISBN-13", &mut m.isbn13),
        ("Genre", &mut m.genre),
        ("Target group", &mut m.audience),
        ("Categories", &mut m.categories),
        ("Tags", &mut m.tags),
        ("Reviewer", &mut m.reviewer),
        ("Post date", &mut m.post_date),
        (template.runtime_label(), &mut m.runtime),
        ("Platform", &mut m.platform),
        ("Tracks", &mut m.tracks),
        ("Cover image", &mut m.cover_image),
        ("Summary", &mut m.summary),
        ("Slug", &mut m.slug),
    ];
    for (label, text) in one_line {
        strip(
            || format!("The field \u{201c}{label}\u{201d}"),
            text,
            false,
            &mut notes,
        );
    }
    for field in &mut m.custom {
        strip(
            || "A custom field's name".into(),
            &mut field.label,
            false,
            &mut notes,
        );
        let label = field.label.clone();
        strip(
            || format!("The custom field \u{201c}{label}\u{201d}"),
            &mut field.value,
            false,
            &mut notes,
        );
    }
    for word in &mut m.leaks_ignored {
        strip(
            || "A word the spoiler check ignores".into(),
            word,
            false,
            &mut notes,
        );
    }
    strip(
        || "The field \u{201c}Post title\u{201d}".into(),
        &mut review.post_title,
        false,
        &mut notes,
    );
    for (i, section) in review.sections.iter_mut().enumerate() {
        let n = i + 1;
        strip(
            || format!("The heading of section {n}"),
            &mut section.heading,
            false,
            &mut notes,
        );
        let heading = section.heading.clone();
        strip(
            || format!("The text of section {n} (\u{201c}{heading}\u{201d})"),
            &mut section.body,
            true,
            &mut notes,
        );
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{CustomField, Section};

    #[test]
    fn controls_are_taken_out_of_every_field_with_a_note_each() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.isbn13 = "978-0\u{0}-571-22413-0".into();
        review.metadata.title = "Gil\u{8}ead \u{202e}evil\u{202c}".into();
        review.metadata.custom = vec![CustomField {
            label: "Mood".into(),
            value: "calm\u{7}".into(),
        }];
        review.post_title = "Line\none".into();
        review.sections = vec![Section {
            id: 1,
            heading: "Sec\u{1b}".into(),
            body: "Tabs\tand\nlines\r\nstay; \u{0}NUL and \u{2066}isolates\u{2069} go.".into(),
            spoiler: false,
        }];
        let notes = strip_controls(&mut review);
        assert_eq!(review.metadata.isbn13, "978-0-571-22413-0");
        assert_eq!(review.metadata.title, "Gilead evil");
        assert_eq!(review.metadata.custom[0].value, "calm");
        assert_eq!(review.post_title, "Lineone");
        assert_eq!(review.sections[0].heading, "Sec");
        assert_eq!(
            review.sections[0].body,
            "Tabs\tand\nlines\r\nstay; NUL and isolates go."
        );
        assert_eq!(
            notes,
            [
                "The field \u{201c}Title\u{201d} lost 3 control characters (U+0008, U+202E, U+202C), taken out so that no export carries them.",
                "The field \u{201c}ISBN-13\u{201d} lost 1 control character (U+0000), taken out so that no export carries it.",
                "The custom field \u{201c}Mood\u{201d} lost 1 control character (U+0007), taken out so that no export carries it.",
                "The field \u{201c}Post title\u{201d} lost 1 control character (U+000A), taken out so that no export carries it.",
                "The heading of section 1 lost 1 control character (U+001B), taken out so that no export carries it.",
                "The text of section 1 (\u{201c}Sec\u{201d}) lost 3 control characters (U+0000, U+2066, U+2069), taken out so that no export carries them.",
            ]
        );
    }

    #[test]
    fn clean_text_is_left_alone_and_many_kinds_are_summed_up() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Ünïcode \u{200f}RLM and emoji 😀 stay".into();
        let before = review.clone();
        assert!(strip_controls(&mut review).is_empty());
        assert_eq!(review, before);
        review.metadata.tags = "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}a".into();
        let notes = strip_controls(&mut review);
        assert_eq!(review.metadata.tags, "a");
        assert!(
            notes[0].contains("(U+0001, U+0002, U+0003, U+0004, U+0005, 2 more kinds)"),
            "{notes:?}"
        );
    }
}
