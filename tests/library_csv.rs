//! The library's Goodreads CSV read back by the library import: the book, the rating and the
//! review come back, and every spoiler stays a spoiler.

use verdict::export::library_csv::goodreads_csv;
use verdict::import::books::{read_library, LibrarySource};
use verdict::markup::spoilers::readable_text;
use verdict::review::{Format, Rating, Review};

fn review() -> Review {
    let mut review = Review::new_book("2026-12-04");
    let m = &mut review.metadata;
    m.title = "The Left Hand of Darkness".into();
    m.author = "Ursula K. Le Guin".into();
    m.isbn13 = "9780441478125".into();
    m.isbn10 = "0441478123".into();
    m.publisher = "Ace, \"Books\"".into();
    m.format = Format::Paperback;
    m.pages = "304".into();
    m.publication_date = "1969".into();
    m.tags = "sf, favourites".into();
    review.rating = Rating::parse("4.5");
    review.sections[0].body =
        "Genly comes to Gethen.\n\nHe crosses *the Ice* with ||Estraven, who dies||.".into();
    review.sections[1].body = "The ending, with its <b>tags</b> as text.".into();
    review.sections[2].spoiler = true;
    review.sections[2].body = "Estraven is shot at the border.".into();
    review
}

#[test]
fn what_goes_out_to_goodreads_comes_back_with_its_spoilers() {
    let mut unreviewed = Review::new_book("2026-12-04");
    unreviewed.metadata.title = "Dune".into();
    let untitled = Review::new_book("2026-12-04");
    let csv = goodreads_csv(&[review(), untitled, unreviewed]);
    let file = read_library("library.csv", &csv).unwrap();
    assert_eq!(file.source, LibrarySource::Goodreads);
    assert!(file.broken.is_empty(), "{:?}", file.broken);
    let book = &file.books[0];
    assert_eq!(book.title, "The Left Hand of Darkness");
    assert_eq!(book.author, "Ursula K. Le Guin");
    assert_eq!(
        (book.isbn13.as_str(), book.isbn10.as_str()),
        ("9780441478125", "0441478123")
    );
    assert_eq!(book.publisher, "Ace, \"Books\"");
    assert_eq!(book.format, Format::Paperback);
    assert_eq!(book.pages, "304");
    assert_eq!(book.published, "1969");
    // Goodreads rates in whole stars: 4.5 goes out as 5.
    assert_eq!(book.rating, Rating::parse("5"));
    assert_eq!(book.shelves, vec!["sf", "favourites"]);
    let read = readable_text(&book.review);
    let mut outside = read.text.clone();
    for range in read.spoilers.iter().rev() {
        outside.replace_range(range.clone(), "");
    }
    assert!(
        read.text.contains("Genly comes to Gethen."),
        "{}",
        book.review
    );
    assert!(read.text.contains("<b>tags</b> as text"), "{}", book.review);
    for secret in ["who dies", "shot at the border"] {
        assert!(read.text.contains(secret), "{secret} lost: {}", book.review);
        assert!(
            !outside.contains(secret),
            "{secret} outside a spoiler: {}",
            book.review
        );
    }
    assert_eq!(file.books.len(), 2, "the untitled review has no row");
    assert!(!file.books[1].is_reviewed());
}
