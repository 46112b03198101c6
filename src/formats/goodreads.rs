//! The columns of a Goodreads library export, which its importer also reads: written by the
//! library export ([`crate::export::library_csv`]) and found by name by the library import.

/// Every column of a Goodreads export, in its order.
pub const COLUMNS: [&str; 24] = [
    "Book Id",
    "Title",
    "Author",
    "Author l-f",
    "Additional Authors",
    "ISBN",
    "ISBN13",
    "My Rating",
    "Average Rating",
    "Publisher",
    "Binding",
    "Number of Pages",
    "Year Published",
    "Original Publication Year",
    "Date Read",
    "Date Added",
    "Bookshelves",
    "Bookshelves with positions",
    "Exclusive Shelf",
    "My Review",
    "Spoiler",
    "Private Notes",
    "Read Count",
    "Owned Copies",
];

/// An ISBN as Goodreads writes it, so that a spreadsheet keeps its leading zero and all its
/// digits: `="0441478123"`.
pub fn quoted_isbn(digits: &str) -> String {
    format!("=\"{digits}\"")
}

/// The digits of an ISBN written by [`quoted_isbn`] (or plainly).
pub fn unquoted_isbn(text: &str) -> &str {
    text.strip_prefix("=\"")
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}
