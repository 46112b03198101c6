//! When two reviews are of the same book: the same ISBN, or the same title and author read
//! loosely (case, punctuation, accents on ASCII letters and spacing aside), as an import asks
//! before it adds a book the library already has.

use serde::{Deserialize, Serialize};

use crate::case::fold;

use super::isbn::{isbn10_to_13, parse_isbn10, parse_isbn13};
use super::Metadata;

/// What tells one book from another.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BookIdentity {
    /// The book's title, as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Its author, as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Its ISBN-13 (from the ISBN-10 when only that is known), digits only; empty when unknown.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub isbn13: String,
}

impl BookIdentity {
    /// The identity of the book `metadata` describes.
    pub fn of(metadata: &Metadata) -> BookIdentity {
        BookIdentity::new(
            &metadata.title,
            &metadata.author,
            &metadata.isbn13,
            &metadata.isbn10,
        )
    }

    /// An identity from its parts; ISBNs that do not check out are left out.
    pub fn new(title: &str, author: &str, isbn13: &str, isbn10: &str) -> BookIdentity {
        let isbn13 = parse_isbn13(isbn13)
            .ok()
            .or_else(|| parse_isbn10(isbn10).ok().map(|ten| isbn10_to_13(&ten)))
            .unwrap_or_default();
        BookIdentity {
            title: title.trim().to_string(),
            author: author.trim().to_string(),
            isbn13,
        }
    }

    /// Whether this is the same book as `other`: the same ISBN where both have one, else the
    /// same title and author (both needed; a title alone names too many books).
    pub fn same_book(&self, other: &BookIdentity) -> bool {
        BookKey::of(self).same_book(&BookKey::of(other))
    }
}

/// A book's identity read once for many comparisons: a library import compares every row of a
/// file of thousands with the library and with the rows before it, and reading the title and
/// author loosely again for each pair took 23 s for 5,000 rows (docs/performance.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookKey {
    /// The ISBN-13, or empty.
    isbn13: String,
    /// The title and author read loosely, as one key; `None` unless both are given.
    name: Option<String>,
}

impl BookKey {
    /// The key of `book`.
    pub fn of(book: &BookIdentity) -> BookKey {
        let (title, author) = (loose(&book.title), loose(&book.author));
        BookKey {
            isbn13: book.isbn13.clone(),
            name: (!title.is_empty() && !author.is_empty()).then(|| title + "\n" + &author),
        }
    }

    /// [`BookIdentity::same_book`], over keys.
    pub fn same_book(&self, other: &BookKey) -> bool {
        if !self.isbn13.is_empty() && !other.isbn13.is_empty() {
            return self.isbn13 == other.isbn13;
        }
        self.name.is_some() && self.name == other.name
    }
}

/// Letters and digits only, lower case, words separated by one space.
fn loose(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_same_isbn_is_the_same_book_whatever_the_title() {
        let a = BookIdentity::new(
            "The Left Hand of Darkness",
            "Le Guin",
            "978-0-441-47812-5",
            "",
        );
        let b = BookIdentity::new("Left Hand", "", "", "0441478123");
        assert!(a.same_book(&b));
        let c = BookIdentity::new("The Left Hand of Darkness", "Le Guin", "9780441007318", "");
        assert!(
            !a.same_book(&c),
            "two editions with their own ISBNs are two books"
        );
    }

    #[test]
    fn title_and_author_are_read_loosely_and_both_are_needed() {
        let a = BookIdentity::new("The Left Hand of Darkness", "Ursula K. Le Guin", "", "");
        let b = BookIdentity::new("the left hand of darkness ", "Ursula K Le Guin", "", "");
        assert!(a.same_book(&b));
        let no_author = BookIdentity::new("The Left Hand of Darkness", "", "", "");
        assert!(!a.same_book(&no_author) && !no_author.same_book(&no_author));
        let other = BookIdentity::new("The Dispossessed", "Ursula K. Le Guin", "", "");
        assert!(!a.same_book(&other));
    }
}
