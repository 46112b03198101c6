//! Whole-review outputs: the post body's parts (shared by the preview and both exports), the
//! Markdown file with front matter, the standalone HTML document, and file names.

pub mod choices;
pub mod derived;
pub mod filename;
pub mod front_matter;
pub mod goodreads;
pub mod html;
pub mod hugo;
pub mod language;
pub mod library_csv;
pub mod markdown;
pub mod structured;
pub mod targets;

use crate::review::template::{Optional, Template};
use crate::review::{
    date::{for_readers, parse_date},
    split_list, Format, Metadata, Review,
};

/// Which of the post's framing parts an export writes into the body. A platform that prints a
/// part by itself (a theme's title, its category and tag lists, Goodreads' book page) gets an
/// export without it by default, so that each fact shows once; the writer may still ask for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Include {
    /// The post title as the body's first heading.
    pub title: bool,
    /// The cover and the book-details list.
    pub details: bool,
    /// The `Posted in` / `Tagged` lines.
    pub footer: bool,
}

impl Include {
    /// Everything: the seed's full shape, for places that print nothing themselves.
    pub const ALL: Include = Include {
        title: true,
        details: true,
        footer: true,
    };
}

/// One line of the metadata list, e.g. label `Hardcover`, value `304 pages`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaLine {
    /// What comes before the colon.
    pub label: String,
    /// What comes after it, as typed (trimmed).
    pub value: String,
}

fn line(label: &str, value: impl Into<String>) -> MetaLine {
    MetaLine {
        label: label.to_string(),
        value: value.into(),
    }
}

/// The metadata list in the seed's shape and order; lines for empty fields, and for fields the
/// review's template does not use, are left out. The person's own fields come last.
pub fn metadata_lines(m: &Metadata) -> Vec<MetaLine> {
    let t = m.template;
    let mut lines = Vec::new();
    let push = |lines: &mut Vec<MetaLine>, label: &str, value: &str| {
        if !value.trim().is_empty() {
            lines.push(line(label, value.trim()));
        }
    };
    // A book's author is in its title line; other works name their maker here.
    if t != Template::Book {
        push(&mut lines, t.creator_label(), &m.author);
    }
    let pages = if t.uses(Optional::Pages) {
        m.pages.trim()
    } else {
        ""
    };
    let format = if t.uses(Optional::Format) {
        m.format
    } else {
        Format::Unset
    };
    let pages_text = if !pages.is_empty() && pages.chars().all(|c| c.is_ascii_digit()) {
        format!("{pages} pages")
    } else {
        pages.to_string()
    };
    match (format, pages.is_empty()) {
        (Format::Unset, true) => {}
        (Format::Unset, false) => lines.push(line("Pages", pages)),
        (format, true) => lines.push(line("Format", format.label())),
        (format, false) => lines.push(line(format.label(), pages_text)),
    }
    if t.uses(Optional::Platform) {
        push(&mut lines, "Platform", &m.platform);
    }
    let publisher = m.publisher.trim();
    // For readers: "11 November 2016", not "2016-11-11" (front matter and structured data keep
    // the ISO form).
    let published = for_readers(&m.publication_date);
    let published = published.as_str();
    match (publisher.is_empty(), published.is_empty()) {
        (true, true) => {}
        (false, true) => lines.push(line(t.publisher_label(), publisher)),
        (true, false) => lines.push(line(t.date_line_label(), published)),
        (false, false) => lines.push(line(
            t.publisher_label(),
            format!("{publisher} ({published})"),
        )),
    }
    if t.uses(Optional::Runtime) {
        push(&mut lines, t.runtime_label(), &m.runtime);
    }
    if t.uses(Optional::Tracks) {
        push(&mut lines, "Tracks", &m.tracks);
    }
    push(&mut lines, "Language", &m.language);
    if t.uses(Optional::Isbn) {
        push(&mut lines, "ISBN-10", &m.isbn10);
        push(&mut lines, "ISBN-13", &m.isbn13);
    }
    let genres = split_list(&m.genre);
    if !genres.is_empty() {
        lines.push(line("Genre", genres.join(", ")));
    }
    if t.uses(Optional::Audience) {
        push(&mut lines, "Target group", &m.audience);
    }
    for (label, value) in m.filled_custom() {
        lines.push(line(label, value));
    }
    lines
}

/// The text alternative of the cover image: `Cover of <title>`.
pub fn cover_alt(m: &Metadata) -> String {
    match m.title.trim() {
        "" => "Cover".to_string(),
        title => format!("Cover of {title}"),
    }
}

/// The closing lines: `Posted in: …` and `Tagged: …`, each only when there is something to list.
pub fn footer_lines(m: &Metadata) -> Vec<MetaLine> {
    let mut lines = Vec::new();
    let categories = split_list(&m.categories);
    if !categories.is_empty() {
        lines.push(line("Posted in", categories.join(", ")));
    }
    let tags = split_list(&m.tags);
    if !tags.is_empty() {
        lines.push(line("Tagged", tags.join(", ")));
    }
    lines
}

/// The ISO form of a typed date if it can be read, for machine-readable outputs.
pub fn iso_date(typed: &str) -> Option<String> {
    parse_date(typed).map(|d| d.iso())
}

/// The summary shown on a closed spoiler section: `Spoiler: <heading>`.
pub fn spoiler_summary(review: &Review, position: usize) -> String {
    format!(
        "Spoiler: {}",
        review.sections[position].display_heading(position)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: Vec<MetaLine>) -> Vec<String> {
        lines
            .into_iter()
            .map(|l| format!("{}: {}", l.label, l.value))
            .collect()
    }

    #[test]
    fn other_templates_name_their_fields_and_keep_book_fields_out() {
        let mut m = Metadata {
            template: Template::Film,
            title: "Alien".into(),
            author: "Ridley Scott".into(),
            format: Format::Hardcover,
            pages: "304".into(),
            isbn13: "978-1400043392".into(),
            publisher: "20th Century Fox".into(),
            publication_date: "1979".into(),
            runtime: "117 min".into(),
            genre: "horror, sci-fi".into(),
            audience: "R".into(),
            custom: vec![
                crate::review::CustomField {
                    label: "Seen at".into(),
                    value: "The Prince Charles".into(),
                },
                crate::review::CustomField {
                    label: "  ".into(),
                    value: "a value with no name is left out".into(),
                },
            ],
            ..Metadata::default()
        };
        assert_eq!(
            texts(metadata_lines(&m)),
            [
                "Director: Ridley Scott",
                "Studio: 20th Century Fox (1979)",
                "Runtime: 117 min",
                "Genre: horror, sci-fi",
                "Target group: R",
                "Seen at: The Prince Charles"
            ]
        );
        m.template = Template::Album;
        m.tracks = "12".into();
        assert_eq!(
            texts(metadata_lines(&m))[..4],
            [
                "Artist: Ridley Scott",
                "Label: 20th Century Fox (1979)",
                "Length: 117 min",
                "Tracks: 12"
            ]
        );
    }

    #[test]
    fn seed_shape() {
        let m = Metadata {
            format: Format::Hardcover,
            pages: "304".into(),
            publisher: "Knopf".into(),
            publication_date: "April 5, 2005".into(),
            language: "English".into(),
            isbn10: "1400043395".into(),
            isbn13: "978-1400043392".into(),
            genre: "sici-fi, dystopia".into(),
            audience: "adult".into(),
            categories: "book review, dystopia".into(),
            ..Metadata::default()
        };
        assert_eq!(
            texts(metadata_lines(&m)),
            [
                "Hardcover: 304 pages",
                "Publisher: Knopf (April 5, 2005)",
                "Language: English",
                "ISBN-10: 1400043395",
                "ISBN-13: 978-1400043392",
                "Genre: sici-fi, dystopia",
                "Target group: adult"
            ]
        );
        assert_eq!(
            texts(footer_lines(&m)),
            ["Posted in: book review, dystopia"]
        );
    }

    #[test]
    fn partial_metadata_leaves_lines_out() {
        assert!(metadata_lines(&Metadata::default()).is_empty());
        let m = Metadata {
            pages: "about 300".into(),
            publication_date: "2005".into(),
            ..Metadata::default()
        };
        assert_eq!(
            texts(metadata_lines(&m)),
            ["Pages: about 300", "Published: 2005"]
        );
        let m = Metadata {
            format: Format::Ebook,
            ..Metadata::default()
        };
        assert_eq!(texts(metadata_lines(&m)), ["Format: E-book"]);
    }
}
