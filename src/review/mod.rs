//! The review model: what a person writes, as plain data with no DOM.
//!
//! Everything here is serialisable (it is what autosave stores) and every field keeps exactly
//! what was typed: rules live in [`validation`] and only ever produce messages.

pub mod date;
pub mod details_line;
pub mod edits;
pub mod identity;
pub mod images;
pub mod isbn;
pub mod limits;
pub mod rating;
pub mod suggest;
pub mod template;
pub mod validation;
pub mod words;

use serde::{Deserialize, Serialize};

pub use rating::Rating;
pub use template::Template;

/// The headings a new book review starts with, in order.
pub const DEFAULT_HEADINGS: [&str; 4] = [
    "Synopsis",
    "What I liked",
    "What I didn't like",
    "Final verdict",
];

/// The physical or digital form of the book, as offered by the `Format` select.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// Nothing chosen yet: the export leaves the format out.
    #[default]
    Unset,
    /// A hardcover edition.
    Hardcover,
    /// A paperback edition.
    Paperback,
    /// An e-book.
    Ebook,
    /// An audiobook.
    Audiobook,
    /// Any other form.
    Other,
}

impl Format {
    /// Every format, in the order the select lists them.
    pub const ALL: [Format; 6] = [
        Format::Unset,
        Format::Hardcover,
        Format::Paperback,
        Format::Ebook,
        Format::Audiobook,
        Format::Other,
    ];

    /// What a reader sees: `Hardcover`, `E-book`; empty for [`Format::Unset`].
    pub fn label(self) -> &'static str {
        match self {
            Format::Unset => "",
            Format::Hardcover => "Hardcover",
            Format::Paperback => "Paperback",
            Format::Ebook => "E-book",
            Format::Audiobook => "Audiobook",
            Format::Other => "Other",
        }
    }

    /// A stable key for form values and storage (`hardcover`, `ebook`, empty for unset).
    pub fn key(self) -> &'static str {
        match self {
            Format::Unset => "",
            Format::Hardcover => "hardcover",
            Format::Paperback => "paperback",
            Format::Ebook => "ebook",
            Format::Audiobook => "audiobook",
            Format::Other => "other",
        }
    }

    /// The format whose [`Format::key`] is `key`; unknown keys mean "not set".
    pub fn from_key(key: &str) -> Format {
        Format::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .unwrap_or_default()
    }
}

/// A field the person added and named themselves (`Series`, `Translator`…).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomField {
    /// The field's name, as typed.
    pub label: String,
    /// Its value, as typed.
    pub value: String,
}

/// Facts about the work and the post, each kept as typed. Fields a template does not use are
/// kept (never cleared on a template change) but neither shown nor exported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// What kind of work this is (left out of the record for a book, the default).
    #[serde(skip_serializing_if = "Template::is_book")]
    pub template: Template,
    /// The work's title.
    pub title: String,
    /// The book's author (a film's director, a game's developer, an album's artist).
    pub author: String,
    /// Hardcover, paperback…
    pub format: Format,
    /// Number of pages, as typed (validated, never rewritten).
    pub pages: String,
    /// The publisher's name.
    pub publisher: String,
    /// The book's publication date, as typed.
    pub publication_date: String,
    /// The book's language, e.g. `English`.
    pub language: String,
    /// ISBN-10 as typed, hyphens and all.
    pub isbn10: String,
    /// ISBN-13 as typed, hyphens and all.
    pub isbn13: String,
    /// Comma-separated genres, as typed.
    pub genre: String,
    /// The target group, e.g. `adult`.
    pub audience: String,
    /// Comma-separated blog categories, as typed.
    pub categories: String,
    /// Comma-separated blog tags, as typed.
    pub tags: String,
    /// Who wrote the review.
    pub reviewer: String,
    /// The post's date, as typed (a new review starts with today's date).
    pub post_date: String,
    /// Running time, as typed (films, albums).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub runtime: String,
    /// Platforms, as typed (games).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub platform: String,
    /// Number of tracks, as typed (albums).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tracks: String,
    /// The address of a cover image (`https://…`), as typed; exports leave out any other kind.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cover_image: String,
    /// Fields the person added, in their order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomField>,
    /// Words the person told the spoiler-leak check to stop reporting for this review (kept
    /// with the draft, never published).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leaks_ignored: Vec<String>,
    /// Image addresses that arrived in a file (opened, imported, restored) rather than typed
    /// here: the preview shows each as a placeholder until the writer allows it (see
    /// [`images`]). Kept with the draft, never published.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub images_from_outside: Vec<String>,
    /// The post's summary as the writer wrote it (Hugo's `summary`, Jekyll's `excerpt`, the
    /// page's description); empty means Verdict writes one from the spoiler-free text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The post's address slug as typed (Hugo's and Jekyll's `slug`); empty means the
    /// platform's own choice.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub slug: String,
    /// Whether the post is a draft that static sites leave unpublished (`draft: true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

impl Metadata {
    /// Bytes of text in every field, for the review's size cap.
    pub fn text_len(&self) -> usize {
        [
            &self.title,
            &self.author,
            &self.pages,
            &self.publisher,
            &self.publication_date,
            &self.language,
            &self.isbn10,
            &self.isbn13,
            &self.genre,
            &self.audience,
            &self.categories,
            &self.tags,
            &self.reviewer,
            &self.post_date,
            &self.runtime,
            &self.platform,
            &self.tracks,
            &self.cover_image,
            &self.summary,
            &self.slug,
        ]
        .iter()
        .map(|s| s.len())
        .sum::<usize>()
            + self
                .custom
                .iter()
                .map(|f| f.label.len() + f.value.len())
                .sum::<usize>()
    }

    /// A copy with the fields this template does not use emptied: what an export may carry
    /// (the draft itself keeps them for a switch back, but they are not published).
    pub fn exported(&self) -> Metadata {
        use template::Optional;
        let t = self.template;
        let keep = |field: Optional, value: &String| {
            if t.uses(field) {
                value.clone()
            } else {
                String::new()
            }
        };
        Metadata {
            format: if t.uses(Optional::Format) {
                self.format
            } else {
                Format::Unset
            },
            pages: keep(Optional::Pages, &self.pages),
            isbn10: keep(Optional::Isbn, &self.isbn10),
            isbn13: keep(Optional::Isbn, &self.isbn13),
            runtime: keep(Optional::Runtime, &self.runtime),
            platform: keep(Optional::Platform, &self.platform),
            tracks: keep(Optional::Tracks, &self.tracks),
            audience: keep(Optional::Audience, &self.audience),
            leaks_ignored: Vec::new(),
            images_from_outside: Vec::new(),
            ..self.clone()
        }
    }

    /// The custom fields with both a name and a value, trimmed: what exports list.
    pub fn filled_custom(&self) -> impl Iterator<Item = (&str, &str)> {
        self.custom
            .iter()
            .map(|f| (f.label.trim(), f.value.trim()))
            .filter(|(label, value)| !label.is_empty() && !value.is_empty())
    }
}

/// One titled part of the review, with a Markdown body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// Stable identity within its review, so that the UI can follow a section as it moves.
    pub id: u64,
    /// The heading, plain text.
    pub heading: String,
    /// The body, Markdown with `||inline spoilers||`.
    pub body: String,
    /// Whether the whole section is a spoiler.
    pub spoiler: bool,
}

impl Section {
    /// A new section with this id and heading and an empty body.
    pub fn new(id: u64, heading: &str) -> Section {
        Section {
            id,
            heading: heading.to_string(),
            body: String::new(),
            spoiler: false,
        }
    }

    /// The heading as a reader or a screen reader should hear it: the typed heading, trimmed, or
    /// `Untitled section N` (N counted from 1) when it is empty.
    pub fn display_heading(&self, position: usize) -> String {
        display_heading(&self.heading, position)
    }
}

/// See [`Section::display_heading`]; usable on a bare heading string.
pub fn display_heading(heading: &str, position: usize) -> String {
    let trimmed = heading.trim();
    if trimmed.is_empty() {
        format!("Untitled section {}", position + 1)
    } else {
        trimmed.to_string()
    }
}

/// A whole review: metadata, post title, sections and rating.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// Book and post facts.
    pub metadata: Metadata,
    /// The person's own post title; empty means "use [`Review::default_post_title`]".
    pub post_title: String,
    /// The sections, in reading order.
    pub sections: Vec<Section>,
    /// The rating, if any.
    pub rating: Option<Rating>,
}

impl Review {
    /// A new, empty book review dated `today` (an ISO date), with the default headings.
    pub fn new_book(today: &str) -> Review {
        Review {
            metadata: Metadata {
                post_date: today.to_string(),
                ..Metadata::default()
            },
            post_title: String::new(),
            sections: DEFAULT_HEADINGS
                .iter()
                .zip(1..)
                .map(|(heading, id)| Section::new(id, heading))
                .collect(),
            rating: None,
        }
    }

    /// Whether nothing has been written in the review yet: no words in any body, no rating, no
    /// post title and no detail filled in. The template, the headings it brings, the post date
    /// and the reviewer's name (both filled in for the writer) are no writing. An untouched
    /// review has nothing to check before publishing.
    pub fn is_untouched(&self) -> bool {
        let blank = Metadata {
            template: self.metadata.template,
            post_date: self.metadata.post_date.clone(),
            reviewer: self.metadata.reviewer.clone(),
            leaks_ignored: self.metadata.leaks_ignored.clone(),
            images_from_outside: self.metadata.images_from_outside.clone(),
            ..Metadata::default()
        };
        self.rating.is_none()
            && self.post_title.trim().is_empty()
            && self.metadata == blank
            && self
                .sections
                .iter()
                .all(|s| words::count_words(&s.body) == 0)
    }

    /// "Review: <Title> by <Author>", "Review: <Title>", or "Untitled review".
    pub fn default_post_title(&self) -> String {
        default_post_title(&self.metadata.title, &self.metadata.author)
    }

    /// The title the post is published under: the typed one, or the default when it is blank.
    pub fn effective_post_title(&self) -> String {
        effective_post_title(
            &self.post_title,
            &self.metadata.title,
            &self.metadata.author,
        )
    }

    /// An id no section of this review has yet.
    pub fn next_section_id(&self) -> u64 {
        next_section_id(self.sections.iter().map(|s| s.id))
    }

    /// Total characters of text the person typed, used for size limits and summaries.
    pub fn text_len(&self) -> usize {
        self.post_title.len()
            + self.metadata.text_len()
            + self
                .sections
                .iter()
                .map(|s| s.heading.len() + s.body.len())
                .sum::<usize>()
    }
}

/// The default post title for a book `title` by `author` (see [`Review::default_post_title`]).
pub fn default_post_title(title: &str, author: &str) -> String {
    match (title.trim(), author.trim()) {
        ("", _) => "Untitled review".to_string(),
        (t, "") => format!("Review: {t}"),
        (t, a) => format!("Review: {t} by {a}"),
    }
}

/// The typed post title if it is not blank, else the default (see [`Review::effective_post_title`]).
pub fn effective_post_title(post_title: &str, title: &str, author: &str) -> String {
    if post_title.trim().is_empty() {
        default_post_title(title, author)
    } else {
        post_title.trim().to_string()
    }
}

/// One more than the largest of `ids` (1 when there are none).
pub fn next_section_id(ids: impl Iterator<Item = u64>) -> u64 {
    ids.max().unwrap_or(0) + 1
}

/// Splits a comma-separated field (`Genre`, `Categories`, `Tags`) into trimmed, non-empty items.
pub fn split_list(field: &str) -> Vec<String> {
    field
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_review_has_default_headings_and_today() {
        let review = Review::new_book("2026-11-25");
        let headings: Vec<_> = review.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, DEFAULT_HEADINGS);
        assert_eq!(review.metadata.post_date, "2026-11-25");
        assert_eq!(review.next_section_id(), 5);
        assert!(review.rating.is_none());
    }

    #[test]
    fn post_title_defaults_until_typed_and_returns_when_cleared() {
        let mut review = Review::new_book("2026-11-25");
        assert_eq!(review.effective_post_title(), "Untitled review");
        review.metadata.title = "Never Let Me Go".into();
        assert_eq!(review.effective_post_title(), "Review: Never Let Me Go");
        review.metadata.author = "Kazuo Ishiguro".into();
        assert_eq!(
            review.effective_post_title(),
            "Review: Never Let Me Go by Kazuo Ishiguro"
        );
        review.post_title = "My take".into();
        assert_eq!(review.effective_post_title(), "My take");
        review.post_title = "  ".into();
        assert_eq!(
            review.effective_post_title(),
            "Review: Never Let Me Go by Kazuo Ishiguro"
        );
    }

    #[test]
    fn lists_split_on_commas_and_drop_blanks() {
        assert_eq!(split_list("sici-fi, dystopia"), vec!["sici-fi", "dystopia"]);
        assert_eq!(split_list(" a ,, b ,"), vec!["a", "b"]);
        assert!(split_list("  ").is_empty());
    }

    #[test]
    fn untitled_sections_are_numbered_from_one() {
        let section = Section::new(7, "  ");
        assert_eq!(section.display_heading(2), "Untitled section 3");
        assert_eq!(Section::new(1, " Synopsis ").display_heading(0), "Synopsis");
    }

    #[test]
    fn format_keys_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_key(format.key()), format);
        }
        assert_eq!(Format::from_key("nonsense"), Format::Unset);
    }

    #[test]
    fn old_records_missing_fields_still_load() {
        let review: Review = serde_json::from_str(r#"{"metadata":{"title":"X"}}"#).unwrap();
        assert_eq!(review.metadata.title, "X");
        assert!(review.sections.is_empty());
    }
}
