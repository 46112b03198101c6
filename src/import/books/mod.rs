//! A reading library brought in from where the writer keeps it: a Goodreads export
//! (`goodreads_library_export.csv`) or a StoryGraph export, read into [`LibraryBook`]s, and each
//! chosen book made into a draft ([`LibraryBook::to_review`]). Columns are found by name, since
//! both services add and drop columns over time. Nothing is stored here: see [`plan`] for which
//! rows to bring in and what to do with books the library already has.

pub mod goodreads;
pub mod lookup;
pub mod plan;
pub mod storygraph;

use crate::case::fold;
use crate::formats::admit::admit;
use crate::formats::csv::{rows, BrokenRow, Row};
use crate::review::date::parse_date;
use crate::review::identity::BookIdentity;
use crate::review::{CustomField, Format, Metadata, Rating, Review, Section};
use crate::sort::sort_by;

pub use plan::{plan, ImportPlan, OnDuplicate, Which};

/// Where a library file came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibrarySource {
    /// A Goodreads export.
    Goodreads,
    /// A StoryGraph export.
    StoryGraph,
}

impl LibrarySource {
    /// The service's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            LibrarySource::Goodreads => "Goodreads",
            LibrarySource::StoryGraph => "The StoryGraph",
        }
    }
}

/// One book of a library export, as Verdict keeps it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryBook {
    /// The file's line where its row starts.
    pub line: usize,
    /// The book's title.
    pub title: String,
    /// Its author (and any others, comma-separated).
    pub author: String,
    /// ISBN-13, digits only; empty when unknown or not a valid ISBN.
    pub isbn13: String,
    /// ISBN-10; empty when unknown.
    pub isbn10: String,
    /// The writer's rating, when they gave one.
    pub rating: Option<Rating>,
    /// The rating as the service had it, when it had to be rounded to a half star.
    pub rounded_from: Option<String>,
    /// The publisher.
    pub publisher: String,
    /// Paperback, e-book…
    pub format: Format,
    /// Number of pages, digits only.
    pub pages: String,
    /// When it was first published (a year, or an ISO date).
    pub published: String,
    /// When the writer finished it (ISO date), if known.
    pub date_read: String,
    /// Shelf or status: `read`, `currently-reading`, `to-read`, `did-not-finish`.
    pub status: String,
    /// The writer's own shelves and tags.
    pub shelves: Vec<String>,
    /// The review as a section body (Markdown with inline spoilers); empty for none.
    pub review: String,
    /// The whole review is a spoiler (Goodreads' `Spoiler` column).
    pub whole_review_is_spoiler: bool,
    /// Content warnings, as listed (StoryGraph).
    pub content_warnings: String,
}

impl LibraryBook {
    /// Whether the writer wrote a review of it.
    pub fn is_reviewed(&self) -> bool {
        !self.review.trim().is_empty()
    }

    /// The book's identity, to find it among the reviews already kept.
    pub fn identity(&self) -> BookIdentity {
        BookIdentity::new(&self.title, &self.author, &self.isbn13, &self.isbn10)
    }

    /// A draft of this book's review dated `today`: its details filled, its review as one
    /// section (a spoiler section when the whole review is one), or the template's empty
    /// sections when it has no review yet; passed through the checks every review from a file
    /// passes (control characters out, remote images held until allowed). [`read_library`]
    /// has already listed a row these checks refuse as broken and said what they changed.
    pub fn to_review(&self, today: &str) -> Review {
        let mut review = self.unchecked_review(today);
        let _ = admit(&mut review);
        review
    }

    fn unchecked_review(&self, today: &str) -> Review {
        let mut review = Review::new_book(today);
        let mut custom = Vec::new();
        let mut field = |label: &str, value: &str| {
            if !value.is_empty() {
                custom.push(CustomField {
                    label: label.into(),
                    value: value.into(),
                });
            }
        };
        field("Date read", &self.date_read);
        field("Content warnings", &self.content_warnings);
        review.metadata = Metadata {
            title: self.title.clone(),
            author: self.author.clone(),
            isbn13: self.isbn13.clone(),
            isbn10: self.isbn10.clone(),
            publisher: self.publisher.clone(),
            format: self.format,
            pages: self.pages.clone(),
            publication_date: self.published.clone(),
            tags: self.shelves.join(", "),
            custom,
            ..review.metadata
        };
        review.rating = self.rating;
        if self.is_reviewed() {
            review.sections = vec![Section {
                id: 1,
                heading: "Review".into(),
                body: self.review.clone(),
                spoiler: self.whole_review_is_spoiler,
            }];
        }
        review
    }
}

/// A library export, read.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryFile {
    /// Which service wrote it.
    pub source: LibrarySource,
    /// Every book that could be read, in file order.
    pub books: Vec<LibraryBook>,
    /// Rows that could not be read, with why.
    pub broken: Vec<BrokenRow>,
    /// What the writer should know about what was left out or changed.
    pub notes: Vec<String>,
}

/// What a library file holds, for the summary shown before anything is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    /// Books in the file.
    pub books: usize,
    /// Books with a review.
    pub reviews: usize,
    /// Each shelf or status with how many books are on it, most first.
    pub shelves: Vec<(String, usize)>,
}

impl LibraryFile {
    /// What the file holds.
    pub fn contents(&self) -> Contents {
        let mut shelves: Vec<(String, usize)> = Vec::new();
        for book in &self.books {
            let on = std::iter::once(&book.status)
                .chain(&book.shelves)
                .filter(|s| !s.is_empty());
            for shelf in on {
                match shelves.iter_mut().find(|(name, _)| name == shelf) {
                    Some((_, n)) => *n += 1,
                    None => shelves.push((shelf.clone(), 1)),
                }
            }
        }
        sort_by(&mut shelves, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        Contents {
            books: self.books.len(),
            reviews: self.books.iter().filter(|b| b.is_reviewed()).count(),
            shelves,
        }
    }
}

/// Whether `text` looks like a library export (by its first line), and whose.
pub fn detect(text: &str) -> Option<LibrarySource> {
    let first = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .next()
        .unwrap_or_default();
    if first.contains("Book Id") && first.contains("Exclusive Shelf") {
        Some(LibrarySource::Goodreads)
    } else if first.contains("Read Status") && first.contains("ISBN/UID") {
        Some(LibrarySource::StoryGraph)
    } else {
        None
    }
}

/// The largest library file read: far above a reading life's export (a 5,000-book Goodreads
/// export with reviews is a few megabytes), low enough to be read in memory at once.
pub const MAX_LIBRARY_BYTES: usize = 64 * 1024 * 1024;

/// Whether a chosen file is to be read as a library export: a CSV file, or one whose first
/// line names a library's columns (else it is a review to open). Only the file's head is read.
pub fn is_library(name: &str, bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    name.to_ascii_lowercase().ends_with(".csv") || detect(&String::from_utf8_lossy(head)).is_some()
}

/// Reads a chosen file as a library export when it is one: `None` when [`is_library`] says it
/// is not, else the library or why not.
pub fn open_library(name: &str, bytes: &[u8]) -> Option<Result<LibraryFile, String>> {
    if !is_library(name, bytes) {
        return None;
    }
    if bytes.len() > MAX_LIBRARY_BYTES {
        return Some(Err(format!(
            "\u{201c}{name}\u{201d} is larger than a library export can be here ({} MB). Nothing was opened.",
            MAX_LIBRARY_BYTES / (1024 * 1024)
        )));
    }
    Some(match std::str::from_utf8(bytes) {
        Ok(text) => read_library(name, text),
        Err(_) => Err(format!(
            "\u{201c}{name}\u{201d} is not a text file (a Goodreads or StoryGraph export is UTF-8 text). Nothing was opened."
        )),
    })
}

/// Reads a library export, or says why it is not one. Rows that cannot be read are listed in
/// [`LibraryFile::broken`]; the rest are read.
pub fn read_library(name: &str, text: &str) -> Result<LibraryFile, String> {
    let Some(source) = detect(text) else {
        return Err(format!(
            "\u{201c}{name}\u{201d} is not a Goodreads or StoryGraph library export (its first line names none of their columns). Nothing was opened."
        ));
    };
    let mut records = rows(text).into_iter();
    let header = match records.next() {
        Some(Ok(header)) => Columns::new(header),
        _ => {
            return Err(format!(
                "\u{201c}{name}\u{201d} has no header line. Nothing was opened."
            ))
        }
    };
    let mut file = LibraryFile {
        source,
        books: Vec::new(),
        broken: Vec::new(),
        notes: Vec::new(),
    };
    let mut private_notes = 0;
    let mut rounded = 0;
    let mut cleaned = 0;
    for record in records {
        let row = match record {
            Ok(row) => row,
            Err(broken) => {
                file.broken.push(broken);
                continue;
            }
        };
        let read = match source {
            LibrarySource::Goodreads => goodreads::book(&header, &row),
            LibrarySource::StoryGraph => storygraph::book(&header, &row),
        };
        // The checks every review from a file passes: a row they refuse is broken.
        let read = read.and_then(|book| {
            let notes = admit(&mut book.unchecked_review("2000-01-01"))?;
            cleaned += usize::from(!notes.is_empty());
            Ok(book)
        });
        match read {
            Ok(book) => {
                private_notes += usize::from(!header.get(&row, "Private Notes").trim().is_empty());
                rounded += usize::from(book.rounded_from.is_some());
                file.books.push(book);
            }
            Err(why) => file.broken.push(BrokenRow {
                line: row.line,
                why,
            }),
        }
    }
    if private_notes > 0 {
        file.notes.push(format!(
            "Private notes of {private_notes} book{} were left out: Verdict publishes what it keeps, and they are yours alone.",
            plural(private_notes)
        ));
    }
    if cleaned > 0 {
        file.notes.push(format!(
            "Control characters (invisible, and harmful in exports) were taken out of {cleaned} book{}.",
            plural(cleaned)
        ));
    }
    if rounded > 0 {
        file.notes.push(format!(
            "{rounded} rating{} in quarter stars {} rounded to the nearest half star.",
            plural(rounded),
            if rounded == 1 { "was" } else { "were" }
        ));
    }
    Ok(file)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A file's columns, found by name.
pub struct Columns {
    names: Vec<String>,
}

impl Columns {
    /// The columns a header row names.
    pub fn new(header: Row) -> Columns {
        Columns {
            names: header.fields.iter().map(|n| n.trim().to_string()).collect(),
        }
    }

    /// The field of `row` under the column `name`; empty when there is no such column.
    pub fn get<'a>(&self, row: &'a Row, name: &str) -> &'a str {
        self.names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
            .and_then(|i| row.fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// Whether the file has a column `name`.
    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// A date as the services write it (`2020/09/15`, `2020-09-15`) in ISO form; empty when it is
/// not a date.
fn iso_date(text: &str) -> String {
    parse_date(&text.trim().replace('/', "-"))
        .map(|d| d.iso())
        .unwrap_or_default()
}

/// A plain number of pages, or empty.
fn pages(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.trim_start_matches('0').is_empty() {
        String::new()
    } else {
        digits
    }
}

/// A format by the words the services use for it.
fn format(text: &str) -> Format {
    let text = fold(text);
    if text.is_empty() {
        Format::Unset
    } else if text.contains("audio") {
        Format::Audiobook
    } else if ["kindle", "ebook", "e-book", "digital", "nook", "kobo"]
        .iter()
        .any(|w| text.contains(w))
    {
        Format::Ebook
    } else if text.contains("hardcover") || text.contains("hardback") {
        Format::Hardcover
    } else if text.contains("paperback") {
        Format::Paperback
    } else {
        Format::Other
    }
}

/// A list separated by commas, each item trimmed, empty ones left out.
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_library_export_is_refused() {
        let why = read_library("notes.csv", "name,age\nA,3\n").unwrap_err();
        assert!(
            why.contains("not a Goodreads or StoryGraph library export"),
            "{why}"
        );
    }

    #[test]
    fn a_library_is_told_from_a_review_by_its_name_or_its_first_line() {
        let goodreads = b"Book Id,Title,Author,Exclusive Shelf\n1,Dune,Frank Herbert,read\n";
        let storygraph =
            b"\xEF\xBB\xBFTitle,Authors,ISBN/UID,Read Status\nDune,Frank Herbert,,read\n";
        // Exported under another name: told by the columns.
        assert!(is_library("export.txt", goodreads));
        assert!(is_library("books", storygraph));
        // Any CSV file is read as a library, and refused with a reason when it is none.
        assert!(is_library("People.CSV", b"name,age\n"));
        assert!(matches!(
            open_library("people.csv", b"name,age\n"),
            Some(Err(_))
        ));
        // A review: Markdown or JSON, even one that mentions the columns after its first line.
        assert!(!is_library(
            "review.md",
            b"# Dune\n\nBook Id, Exclusive Shelf\n"
        ));
        assert!(!is_library("review.json", b"{\"title\": \"Dune\"}"));
        assert!(open_library("review.md", b"# Dune\n").is_none());
        // Only the head (4 KB) is looked at: a longer first line is told by its start.
        let long = [b"Book Id,Exclusive Shelf,".as_slice(), &vec![b'x'; 1 << 20]].concat();
        assert!(is_library("long", &long));
    }

    #[test]
    fn dates_pages_and_formats_as_the_services_write_them() {
        assert_eq!(iso_date("2020/09/15"), "2020-09-15");
        assert_eq!(iso_date("2020/9/15"), "");
        assert_eq!(iso_date(""), "");
        assert_eq!(pages("304"), "304");
        assert_eq!(pages("0"), "");
        assert_eq!(format("Mass Market Paperback"), Format::Paperback);
        assert_eq!(format("Kindle Edition"), Format::Ebook);
        assert_eq!(format("Audible Audio"), Format::Audiobook);
        assert_eq!(format("digital"), Format::Ebook);
        assert_eq!(format("Board book"), Format::Other);
    }
}
