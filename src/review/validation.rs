//! Rules that mark a field as doubtful without ever blocking typing, saving or export.
//!
//! Each function returns the message to show beside the field, or `None` when all is well.
//! Empty fields are always fine: every field is optional.

use super::date::{parse_date_in, DateOrder};
use super::isbn::{isbn10_to_13, parse_isbn10, parse_isbn13};

/// Pages must be a positive whole number.
pub fn pages(typed: &str) -> Option<String> {
    let text = typed.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<u64>() {
        Ok(n) if n > 0 && text.chars().all(|c| c.is_ascii_digit()) => None,
        _ => Some(format!(
            "Pages should be a positive whole number, such as 304; \u{201c}{text}\u{201d} is not."
        )),
    }
}

/// A date that cannot be read.
pub fn date(typed: &str, order: DateOrder) -> Option<String> {
    let text = typed.trim();
    if text.is_empty() || parse_date_in(text, Some(order)).is_some() {
        return None;
    }
    Some(format!(
        "\u{201c}{text}\u{201d} is not a date Verdict can read: write it like 2005-04-05, 15/09/2020, April 5, 2005 or 5 April 2005."
    ))
}

/// An ISBN-10 that is malformed or has a wrong check digit.
pub fn isbn10(typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    parse_isbn10(typed).err().map(|e| e.to_string())
}

/// An ISBN-13 that is malformed, has a wrong check digit, or names another book than the ISBN-10.
pub fn isbn13(typed: &str, isbn10_typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    let isbn13 = match parse_isbn13(typed) {
        Ok(digits) => digits,
        Err(e) => return Some(e.to_string()),
    };
    let isbn10 = parse_isbn10(isbn10_typed).ok()?;
    let expected = isbn10_to_13(&isbn10);
    (expected != isbn13).then(|| {
        format!("This ISBN-13 and the ISBN-10 name different books: ISBN-10 {isbn10} is ISBN-13 {expected}.")
    })
}

/// The cover image address exports use: the typed one when it is an absolute `https://` or
/// `http://` address with nothing a browser would misread in it; `None` otherwise (or empty).
pub fn usable_cover(typed: &str) -> Option<&str> {
    let url = typed.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    // Only https: an image loads by itself, and over plain http anyone on the way sees who
    // reads the post (and the app's policy allows no other).
    let web = lower.starts_with("https://");
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'));
    (web && clean && url.len() > "https://".len()).then_some(url)
}

/// A cover image address that exports would leave out, and why.
pub fn cover_image(typed: &str) -> Option<String> {
    let url = typed.trim();
    if url.is_empty() || usable_cover(url).is_some() {
        return None;
    }
    Some(
        "A cover image needs a full web address starting with https:// (no spaces, quotes or angle brackets); until then the exports leave it out."
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_images_must_be_web_addresses() {
        assert!(validation_ok("https://example.com/cover.jpg"));
        assert!(validation_ok(" HTTPS://example.com/c.png "));
        assert!(!validation_ok("http://example.com/c.png"));
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "//example.com/c.jpg",
            "cover.jpg",
            "https://",
            "https://a b",
            "https://a\"onerror=\"x",
            "https://a<script>",
        ] {
            assert!(usable_cover(bad).is_none(), "{bad}");
            assert!(cover_image(bad).is_some(), "{bad}");
        }
        assert!(cover_image("").is_none());
    }

    fn validation_ok(url: &str) -> bool {
        usable_cover(url).is_some() && cover_image(url).is_none()
    }

    #[test]
    fn empty_is_always_fine() {
        assert_eq!(pages(""), None);
        assert_eq!(date(" ", DateOrder::DayFirst), None);
        assert_eq!(isbn10(""), None);
        assert_eq!(isbn13("", "123"), None);
    }

    #[test]
    fn pages_must_be_positive_whole_numbers() {
        assert_eq!(pages("304"), None);
        assert_eq!(pages(" 304 "), None);
        for bad in ["0", "-3", "3.5", "304 pages", "many", "+4", "1e3"] {
            let message = pages(bad).unwrap_or_else(|| panic!("{bad}"));
            assert!(message.contains("positive whole number"), "{message}");
        }
    }

    #[test]
    fn dates_explain_the_accepted_forms() {
        assert_eq!(date("April 5, 2005", DateOrder::DayFirst), None);
        assert_eq!(date("09/15/2020", DateOrder::DayFirst), None);
        assert_eq!(date("1969", DateOrder::DayFirst), None);
        let message = date("5/4/05", DateOrder::MonthFirst).unwrap();
        assert!(
            message.contains("2005-04-05") && message.contains("5/4/05"),
            "{message}"
        );
    }

    #[test]
    fn isbn_pair_must_name_the_same_book() {
        assert_eq!(isbn13("978-1400043392", "1400043395"), None);
        let message = isbn13("9780306406157", "1400043395").unwrap();
        assert!(
            message.contains("different books") && message.contains("9781400043392"),
            "{message}"
        );
        // A bad ISBN-10 is reported on its own field, not as a mismatch.
        assert_eq!(isbn13("9780306406157", "1400043394"), None);
        assert!(isbn10("1400043394").unwrap().contains("should be 5"));
    }
}
