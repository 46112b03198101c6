//! One row of a Goodreads library export. Its quirks: ISBNs written as `="9781250313195"` (so
//! that spreadsheets keep the digits), dates as `YYYY/MM/DD`, `My Rating` 0 for "not rated",
//! reviews as HTML with `<spoiler>`, `Spoiler` `true` when the whole review is one.

use super::{format, iso_date, list, pages, Columns, LibraryBook};
use crate::formats::csv::Row;
use crate::formats::goodreads::unquoted_isbn;
use crate::import::review_html;
use crate::review::isbn::{parse_isbn10, parse_isbn13};
use crate::review::Rating;

/// The shelves every book is on exactly one of; the others are the writer's own.
const EXCLUSIVE: [&str; 3] = ["read", "currently-reading", "to-read"];

/// The book in `row`, or why it cannot be read.
pub fn book(columns: &Columns, row: &Row) -> Result<LibraryBook, String> {
    let get = |name: &str| columns.get(row, name);
    let title = get("Title");
    if title.is_empty() {
        return Err("this row has no title".into());
    }
    let rating = match get("My Rating") {
        "" | "0" => None,
        stars => Some(
            stars
                .parse::<u8>()
                .ok()
                .and_then(|n| Rating::from_halves(n.saturating_mul(2)))
                .ok_or_else(|| format!("its rating \u{201c}{stars}\u{201d} is not 0 to 5 stars"))?,
        ),
    };
    let mut author = get("Author").to_string();
    for other in list(get("Additional Authors")) {
        author.push_str(", ");
        author.push_str(&other);
    }
    let status = get("Exclusive Shelf").to_string();
    let shelves = list(get("Bookshelves"))
        .into_iter()
        .filter(|s| !EXCLUSIVE.contains(&s.as_str()) && *s != status)
        .collect();
    let published = match get("Original Publication Year") {
        "" => get("Year Published"),
        year => year,
    };
    Ok(LibraryBook {
        line: row.line,
        title: title.to_string(),
        author,
        isbn13: parse_isbn13(unquoted_isbn(get("ISBN13"))).unwrap_or_default(),
        isbn10: parse_isbn10(unquoted_isbn(get("ISBN"))).unwrap_or_default(),
        rating,
        rounded_from: None,
        publisher: get("Publisher").to_string(),
        format: format(get("Binding")),
        pages: pages(get("Number of Pages")),
        published: published.to_string(),
        date_read: iso_date(get("Date Read")),
        status,
        shelves,
        review: review_html::to_markdown(get("My Review")),
        whole_review_is_spoiler: get("Spoiler").eq_ignore_ascii_case("true"),
        content_warnings: String::new(),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{read_library, LibrarySource};
    use crate::markup::spoilers::readable_text;
    use crate::review::Format;

    /// The header of a full Goodreads export, as it is today.
    const HEADER: &str = "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies";

    #[test]
    fn the_header_is_the_one_the_export_writes() {
        assert_eq!(HEADER, crate::formats::goodreads::COLUMNS.join(","));
    }

    #[test]
    fn every_quirk_of_a_goodreads_row() {
        let text = format!(
            "{HEADER}\r\n\
             18423,The Left Hand of Darkness,Ursula K. Le Guin,\"Le Guin, Ursula K.\",,\"=\"\"0441478123\"\"\",\"=\"\"9780441478125\"\"\",5,4.09,Ace Books,Mass Market Paperback,304,1987,1969,2020/09/15,2020/08/01,\"sf, favourites\",\"sf (#3), favourites (#1)\",read,\"A slow start.<br /><br /><spoiler>Estraven dies on the Ice.</spoiler> I cried.\",false,my own note,1,0\r\n\
             999,Unrated,Someone,\"Someone\",,\"=\"\"\"\"\",\"=\"\"\"\"\",0,3.5,,Kindle Edition,,,,,2021/01/01,to-read,to-read (#4),to-read,,,,0,0\r\n\
             1000,All Spoiler,A. Writer,\"Writer, A.\",B. Other,,,3,3.1,,Hardcover,200,2001,,2019/02/03,2019/01/01,,,read,The twist is the butler.,true,,1,0\r\n"
        );
        let file = read_library("goodreads_library_export.csv", &text).unwrap();
        assert_eq!(file.source, LibrarySource::Goodreads);
        assert!(file.broken.is_empty(), "{:?}", file.broken);
        let [left, unrated, spoiler] = &file.books[..] else {
            panic!("{:?}", file.books)
        };
        assert_eq!(left.isbn13, "9780441478125");
        assert_eq!(left.isbn10, "0441478123");
        assert_eq!(left.rating.map(|r| r.value_text()), Some("5".into()));
        assert_eq!(left.date_read, "2020-09-15");
        assert_eq!(left.published, "1969");
        assert_eq!(left.pages, "304");
        assert_eq!(left.format, Format::Paperback);
        assert_eq!(left.status, "read");
        assert_eq!(left.shelves, vec!["sf", "favourites"]);
        assert_eq!(
            left.review,
            "A slow start.\n\n||Estraven dies on the Ice.|| I cried."
        );
        let read = readable_text(&left.review);
        assert_eq!(read.spoilers.len(), 1);
        assert_eq!(unrated.rating, None);
        assert_eq!(unrated.isbn13, "");
        assert!(!unrated.is_reviewed());
        assert_eq!(unrated.format, Format::Ebook);
        assert!(spoiler.whole_review_is_spoiler);
        assert_eq!(spoiler.author, "A. Writer, B. Other");
        assert!(
            file.notes
                .iter()
                .any(|n| n.contains("Private notes of 1 book")),
            "{:?}",
            file.notes
        );
        // The whole-review spoiler becomes a spoiler section; private notes go nowhere.
        let review = spoiler.to_review("2026-12-04");
        assert!(review.sections[0].spoiler);
        assert!(!format!("{:?}", left.to_review("2026-12-04")).contains("my own note"));
    }

    #[test]
    fn an_older_export_with_fewer_columns_is_read_by_name() {
        let text = "Book Id,Title,Author,ISBN13,My Rating,Exclusive Shelf,My Review\n1,Dune,Frank Herbert,=\"9780441013593\",4,read,Spice.\n";
        let file = read_library("old.csv", text).unwrap();
        assert_eq!(file.books[0].title, "Dune");
        assert_eq!(file.books[0].isbn13, "9780441013593");
        assert_eq!(file.books[0].review, "Spice.");
    }

    #[test]
    fn a_broken_row_is_listed_and_the_rest_are_read() {
        let text = format!(
            "{HEADER}\n1,Good,A,,,,,4,,,,,,,,,,,read,,,,,\n2,Bad rating,A,,,,,9,,,,,,,,,,,read,,,,,\n3,\"Unclosed,A,,,,,4,,,,,,,,,,,read,,,,,\n4,Also good,B,,,,,0,,,,,,,,,,,to-read,,,,,\n"
        );
        let file = read_library("goodreads_library_export.csv", &text).unwrap();
        let titles: Vec<&str> = file.books.iter().map(|b| b.title.as_str()).collect();
        assert_eq!(titles, vec!["Good", "Also good"]);
        let lines: Vec<usize> = file.broken.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(file.broken[0].why.contains("not 0 to 5 stars"));
    }

    #[test]
    fn control_characters_are_taken_out_and_said_and_remote_images_held() {
        let text =
            format!("{HEADER}\n1,Evil\u{202e}Title,A,,,,,4,,,,,,,,,,,read,\"x\u{0}y\",,,,\n");
        let file = read_library("goodreads_library_export.csv", &text).unwrap();
        assert!(
            file.notes.iter().any(|n| n.contains("taken out of 1 book")),
            "{:?}",
            file.notes
        );
        let review = file.books[0].to_review("2026-12-04");
        assert_eq!(review.metadata.title, "EvilTitle");
        assert_eq!(review.sections[0].body, "xy");
    }

    #[test]
    fn five_thousand_rows_are_read() {
        let mut text = format!("{HEADER}\n");
        for i in 0..5000 {
            text.push_str(&format!(
                "{i},Book {i},Author {i},,,,,{},,,Paperback,{},2000,,2020/01/02,2020/01/01,,,read,\"Review {i}<br/><br/><spoiler>secret {i}</spoiler>\",false,,1,0\n",
                i % 6,
                100 + i
            ));
        }
        let file = read_library("goodreads_library_export.csv", &text).unwrap();
        assert_eq!(file.books.len(), 5000);
        assert!(file.broken.is_empty());
        let contents = file.contents();
        assert_eq!((contents.books, contents.reviews), (5000, 5000));
        assert_eq!(contents.shelves, vec![("read".to_string(), 5000)]);
    }
}
