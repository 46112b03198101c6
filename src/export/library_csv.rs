//! The whole library as a Goodreads-compatible CSV: the columns Goodreads' own export has (its
//! importer reads them), one row per review, the review in Goodreads' HTML subset with its
//! `<spoiler>`s and `<br/>` line breaks, as Goodreads writes them.

use crate::formats::csv::push_row;
use crate::formats::goodreads::{quoted_isbn, COLUMNS};
use crate::review::date::parse_date;
use crate::review::isbn::{parse_isbn10, parse_isbn13};
use crate::review::{Format, Review};

use super::goodreads;
use super::Include;

/// The CSV of `reviews`. Goodreads rates in whole stars: a half star is rounded up. A review
/// without a book title has no row (Goodreads could not place it).
pub fn goodreads_csv(reviews: &[Review]) -> String {
    let mut out = String::new();
    push_row(&mut out, &COLUMNS);
    for review in reviews
        .iter()
        .filter(|r| !r.metadata.title.trim().is_empty())
    {
        let row = row(review);
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        push_row(&mut out, &fields);
    }
    out
}

/// One review's fields, in [`COLUMNS`] order.
fn row(review: &Review) -> Vec<String> {
    let m = &review.metadata;
    let year = |typed: &str| {
        parse_date(typed)
            .map(|d| d.year.to_string())
            .unwrap_or_default()
    };
    let slashed = |typed: &str| {
        parse_date(typed)
            .filter(|d| d.is_full())
            .map(|d| d.iso().replace('-', "/"))
            .unwrap_or_default()
    };
    let custom = |label: &str| {
        m.custom
            .iter()
            .find(|f| f.label.eq_ignore_ascii_case(label))
            .map_or("", |f| f.value.as_str())
    };
    // The rating has a column of its own, so the review text does not repeat it.
    let text = Review {
        rating: None,
        ..review.clone()
    };
    let whole_spoiler = !review.sections.is_empty()
        && review
            .sections
            .iter()
            .all(|s| s.spoiler || s.body.trim().is_empty());
    // A review not written yet (its template's headings only) has no review text.
    let written = review.sections.iter().any(|s| !s.body.trim().is_empty());
    let html = if !written {
        String::new()
    } else {
        goodreads::document(
            &text,
            false,
            Include {
                title: false,
                details: false,
                footer: false,
            },
        )
    };
    let stars = review
        .rating
        .map_or(0, |r| r.halves().div_ceil(2))
        .to_string();
    let binding = match m.format {
        Format::Unset => "",
        Format::Ebook => "Kindle Edition",
        other => other.label(),
    };
    vec![
        String::new(),
        m.title.clone(),
        m.author.clone(),
        String::new(),
        String::new(),
        parse_isbn10(&m.isbn10)
            .map(|d| quoted_isbn(&d))
            .unwrap_or_default(),
        parse_isbn13(&m.isbn13)
            .map(|d| quoted_isbn(&d))
            .unwrap_or_default(),
        stars,
        String::new(),
        m.publisher.clone(),
        binding.to_string(),
        m.pages.chars().filter(char::is_ascii_digit).collect(),
        year(&m.publication_date),
        year(&m.publication_date),
        slashed(custom("Date read")),
        slashed(&m.post_date),
        m.tags.clone(),
        String::new(),
        "read".to_string(),
        html.trim_end().replace('\n', "<br/>"),
        whole_spoiler.to_string(),
        String::new(),
        "1".to_string(),
        "0".to_string(),
    ]
}
