//! One row of a StoryGraph export. Its quirks: ratings in quarter stars (`3.75`), rounded here
//! to the nearest half star (and the writer told); `ISBN/UID` that is sometimes not an ISBN;
//! reviews as plain text; content warnings in a column of their own.

use super::{format, iso_date, list, Columns, LibraryBook};
use crate::formats::csv::Row;
use crate::markup::escape::push_markdown_text;
use crate::review::isbn::{isbn10_to_13, parse_isbn10, parse_isbn13};
use crate::review::Rating;

/// The book in `row`, or why it cannot be read.
pub fn book(columns: &Columns, row: &Row) -> Result<LibraryBook, String> {
    let get = |name: &str| columns.get(row, name);
    let title = get("Title");
    if title.is_empty() {
        return Err("this row has no title".into());
    }
    let (rating, rounded_from) = match get("Star Rating") {
        "" | "0" | "0.0" => (None, None),
        stars => {
            let halves = nearest_half(stars)
                .ok_or_else(|| format!("its rating \u{201c}{stars}\u{201d} is not 0 to 5 stars"))?;
            let rating = Rating::from_halves(halves);
            let exact = rating.is_some_and(|r| Rating::parse(stars) == Some(r));
            (
                rating,
                (!exact && rating.is_some()).then(|| stars.to_string()),
            )
        }
    };
    let uid = get("ISBN/UID");
    let (isbn13, isbn10) = match (parse_isbn13(uid), parse_isbn10(uid)) {
        (Ok(thirteen), _) => (thirteen, String::new()),
        (_, Ok(ten)) => (isbn10_to_13(&ten), ten),
        _ => (String::new(), String::new()),
    };
    let mut author = get("Authors").to_string();
    if !get("Contributors").is_empty() {
        author.push_str(", ");
        author.push_str(get("Contributors"));
    }
    let mut warnings = get("Content Warnings").to_string();
    let described = get("Content Warning Description");
    if !described.is_empty() {
        if !warnings.is_empty() {
            warnings.push_str(". ");
        }
        warnings.push_str(described);
    }
    Ok(LibraryBook {
        line: row.line,
        title: title.to_string(),
        author,
        isbn13,
        isbn10,
        rating,
        rounded_from,
        format: format(get("Format")),
        date_read: iso_date(get("Last Date Read")),
        status: get("Read Status").to_string(),
        shelves: list(get("Tags")),
        review: plain_text_review(get("Review")),
        content_warnings: warnings,
        ..LibraryBook::default()
    })
}

/// Stars with up to two decimals (`3.75`) as the nearest number of half stars, halves rounded
/// up; `None` when it is not a number from 0 to 5.
fn nearest_half(text: &str) -> Option<u8> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || whole.len() > 1 || fraction.len() > 2 {
        return None;
    }
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hundredths = u32::from(whole.as_bytes()[0] - b'0') * 100
        + format!("{fraction:0<2}").parse::<u32>().ok()?;
    if hundredths > 500 {
        return None;
    }
    u8::try_from((hundredths + 25) / 50).ok()
}

/// A plain-text review as a body: its lines kept, blank lines as paragraph breaks, every
/// character text (nothing in it becomes markup).
fn plain_text_review(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, paragraph) in text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if n > 0 {
            out.push_str("\n\n");
        }
        for (m, line) in paragraph.lines().enumerate() {
            if m > 0 {
                out.push('\n');
            }
            push_markdown_text(&mut out, line.trim(), true);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{read_library, LibrarySource};
    use super::*;
    use crate::review::Format;

    const HEADER: &str = "Title,Authors,Contributors,ISBN/UID,Format,Read Status,Date Added,Last Date Read,Dates Read,Read Count,Moods,Pace,Character- or Plot-Driven?,Strong Character Development?,Loveable Characters?,Diverse Characters?,Flawed Characters?,Star Rating,Review,Content Warnings,Content Warning Description,Tags,Owned?";

    #[test]
    fn quarter_stars_round_to_the_nearest_half_and_say_so() {
        assert_eq!(nearest_half("3.75"), Some(8));
        assert_eq!(nearest_half("3.25"), Some(7));
        assert_eq!(nearest_half("4.5"), Some(9));
        assert_eq!(nearest_half("5"), Some(10));
        assert_eq!(nearest_half("0.25"), Some(1));
        for bad in ["5.25", "6", "-1", "a", "3.125", ""] {
            assert_eq!(nearest_half(bad), None, "{bad}");
        }
        let text = format!(
            "{HEADER}\n\
             Piranesi,Susanna Clarke,,9781635575637,hardcover,read,2021/01/01,2021/02/03,2021/01/20-2021/02/03,1,mysterious,medium,Plot,,,,,3.75,\"The House is *vast*.\n\nI loved it <3\",Death: minor,Captivity,\"fantasy, 2021\",Yes\n\
             Dune,Frank Herbert,,0441013597,paperback,to-read,2021/01/01,,,0,,,,,,,,,,,,,No\n"
        );
        let file = read_library("storygraph.csv", &text).unwrap();
        assert_eq!(file.source, LibrarySource::StoryGraph);
        let piranesi = &file.books[0];
        assert_eq!(piranesi.rating.map(|r| r.value_text()), Some("4".into()));
        assert_eq!(piranesi.rounded_from.as_deref(), Some("3.75"));
        assert_eq!(piranesi.format, Format::Hardcover);
        assert_eq!(piranesi.date_read, "2021-02-03");
        assert_eq!(piranesi.shelves, vec!["fantasy", "2021"]);
        assert_eq!(
            piranesi.review,
            "The House is \\*vast\\*.\n\nI loved it \\<3"
        );
        assert_eq!(piranesi.content_warnings, "Death: minor. Captivity");
        assert!(file
            .notes
            .iter()
            .any(|n| n.contains("1 rating in quarter stars was rounded")));
        let dune = &file.books[1];
        assert_eq!(dune.isbn13, "9780441013593");
        assert_eq!(dune.isbn10, "0441013597");
        assert_eq!(dune.status, "to-read");
        assert!(dune.rating.is_none() && dune.rounded_from.is_none());
    }
}
