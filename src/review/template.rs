//! Templates: what kind of work a review is about (a book, a film, a video game, an album). A
//! template decides which metadata fields are shown and exported, what they are called, the
//! sections a new review starts with, and the structured data's type. Changing template never
//! drops text: fields the new template does not use are kept, and come back when switching back.

use serde::{Deserialize, Serialize};

/// The kind of work reviewed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Template {
    /// A book (the default, and what every review made before templates is).
    #[default]
    Book,
    /// A film.
    Film,
    /// A video game.
    Game,
    /// A music album.
    Album,
}

/// A metadata field that only some templates use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Optional {
    /// Hardcover, paperback… (books).
    Format,
    /// Number of pages (books).
    Pages,
    /// ISBN-10 and ISBN-13 (books).
    Isbn,
    /// Running time (films, albums).
    Runtime,
    /// Platforms (games).
    Platform,
    /// Number of tracks (albums).
    Tracks,
    /// The reader group (books, films, games).
    Audience,
}

impl Template {
    /// Every template, in the order the `Template` select lists them.
    pub const ALL: [Template; 4] = [
        Template::Book,
        Template::Film,
        Template::Game,
        Template::Album,
    ];

    /// A stable key for form values, storage and front matter (`book`, `film`, `game`, `album`).
    pub fn key(self) -> &'static str {
        match self {
            Template::Book => "book",
            Template::Film => "film",
            Template::Game => "game",
            Template::Album => "album",
        }
    }

    /// The template whose [`Template::key`] is `key`.
    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    /// What the person sees: `Book`, `Film`, `Video game`, `Album`.
    pub fn label(self) -> &'static str {
        match self {
            Template::Book => "Book",
            Template::Film => "Film",
            Template::Game => "Video game",
            Template::Album => "Album",
        }
    }

    /// Whether this template uses `field`.
    pub fn uses(self, field: Optional) -> bool {
        use Optional::*;
        match self {
            Template::Book => matches!(field, Format | Pages | Isbn | Audience),
            Template::Film => matches!(field, Runtime | Audience),
            Template::Game => matches!(field, Platform | Audience),
            Template::Album => matches!(field, Runtime | Tracks),
        }
    }

    /// The label of the person or group who made the work (stored in `author`).
    pub fn creator_label(self) -> &'static str {
        match self {
            Template::Book => "Author",
            Template::Film => "Director",
            Template::Game => "Developer",
            Template::Album => "Artist",
        }
    }

    /// The front matter key of the creator.
    pub fn creator_key(self) -> &'static str {
        match self {
            Template::Book => "author",
            Template::Film => "director",
            Template::Game => "developer",
            Template::Album => "artist",
        }
    }

    /// The label of the company that brought the work out (stored in `publisher`).
    pub fn publisher_label(self) -> &'static str {
        match self {
            Template::Book | Template::Game => "Publisher",
            Template::Film => "Studio",
            Template::Album => "Label",
        }
    }

    /// The front matter key of the publisher.
    pub fn publisher_key(self) -> &'static str {
        match self {
            Template::Book | Template::Game => "publisher",
            Template::Film => "studio",
            Template::Album => "label",
        }
    }

    /// The label of the date the work came out, in the form (stored in `publication_date`).
    pub fn date_label(self) -> &'static str {
        match self {
            Template::Book => "Publication date",
            _ => "Release date",
        }
    }

    /// The same date's label in the metadata list (`Published`, `Released`).
    pub fn date_line_label(self) -> &'static str {
        match self {
            Template::Book => "Published",
            _ => "Released",
        }
    }

    /// The front matter key of that date.
    pub fn date_key(self) -> &'static str {
        match self {
            Template::Book => "published",
            _ => "released",
        }
    }

    /// The label of the running time (films: `Runtime`, albums: `Length`).
    pub fn runtime_label(self) -> &'static str {
        match self {
            Template::Album => "Length",
            _ => "Runtime",
        }
    }

    /// The headings a new review of this kind starts with.
    pub fn default_headings(self) -> [&'static str; 4] {
        match self {
            Template::Book => super::DEFAULT_HEADINGS,
            Template::Film => [
                "Synopsis",
                "What worked",
                "What didn't work",
                "Final verdict",
            ],
            Template::Game => [
                "Overview",
                "Gameplay and story",
                "What I didn't like",
                "Final verdict",
            ],
            Template::Album => [
                "Overview",
                "Highlights",
                "What I didn't like",
                "Final verdict",
            ],
        }
    }

    /// The schema.org type of the reviewed item.
    pub fn schema_type(self) -> &'static str {
        match self {
            Template::Book => "Book",
            Template::Film => "Movie",
            Template::Game => "VideoGame",
            Template::Album => "MusicAlbum",
        }
    }

    /// Whether this is the default template (serialisation leaves it out, so that a book
    /// review's record reads exactly as before templates existed).
    pub fn is_book(&self) -> bool {
        *self == Template::Book
    }
}

/// The headings sections should take when a review changes from template `from` to `to`: the
/// new template's defaults, but only while the review is untouched (its sections are exactly
/// the old defaults, with nothing written in them). A review someone has started keeps its own.
pub fn new_headings(
    sections: &[super::Section],
    from: Template,
    to: Template,
) -> Option<[&'static str; 4]> {
    let old = from.default_headings();
    let untouched = sections.len() == old.len()
        && sections
            .iter()
            .zip(old)
            .all(|(s, h)| s.heading == h && s.body.trim().is_empty());
    (untouched && from != to).then(|| to.default_headings())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Review;

    #[test]
    fn an_untouched_review_takes_the_new_headings() {
        let mut review = Review::new_book("2026-11-25");
        assert_eq!(
            new_headings(&review.sections, Template::Book, Template::Film),
            Some(Template::Film.default_headings())
        );
        review.sections[1].body = "Loved it.".into();
        assert_eq!(
            new_headings(&review.sections, Template::Book, Template::Film),
            None
        );
        review.sections[1].body.clear();
        review.sections[0].heading = "Plot".into();
        assert_eq!(
            new_headings(&review.sections, Template::Book, Template::Film),
            None
        );
    }

    #[test]
    fn keys_round_trip_and_labels_differ() {
        for t in Template::ALL {
            assert_eq!(Template::from_key(t.key()), Some(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.key())
            );
        }
        assert_eq!(Template::from_key("poem"), None);
        assert_eq!(Template::Film.creator_label(), "Director");
        assert_eq!(Template::Album.publisher_label(), "Label");
    }

    #[test]
    fn only_books_have_isbns_and_pages() {
        for t in Template::ALL {
            assert_eq!(t.uses(Optional::Isbn), t == Template::Book);
            assert_eq!(t.uses(Optional::Pages), t == Template::Book);
        }
        assert!(Template::Album.uses(Optional::Tracks));
        assert!(Template::Game.uses(Optional::Platform));
        assert!(Template::Film.uses(Optional::Runtime));
    }

    #[test]
    fn every_template_ends_with_a_verdict() {
        for t in Template::ALL {
            assert_eq!(t.default_headings()[3], "Final verdict");
        }
    }
}
