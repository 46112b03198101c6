//! YAML front matter for the Markdown export: just the subset Verdict writes, quoted so that any
//! typed text survives (colons, quotes, `#`, line breaks, control characters, any Unicode).

use crate::review::{isbn::digits_only, split_list, Review};

use super::iso_date;

/// A YAML double-quoted scalar holding exactly `text`. `<` and `>` are written as escapes too:
/// the value is the same to a YAML reader, and a Markdown renderer that does not know front
/// matter (and shows it as text) finds no HTML tag in it.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            c if c.is_control() || c == '\u{FEFF}' || ('\u{FDD0}'..='\u{FDEF}').contains(&c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A date as a bare YAML date when it is a full ISO date, else a quoted string as typed.
fn date_value(typed: &str) -> String {
    match iso_date(typed) {
        Some(iso) if iso.len() == 10 => iso,
        _ => quote(typed.trim()),
    }
}

fn list(out: &mut String, key: &str, indent: &str, items: &[String]) {
    if items.is_empty() {
        out.push_str(&format!("{indent}{key}: []\n"));
    } else {
        out.push_str(&format!("{indent}{key}:\n"));
        for item in items {
            out.push_str(&format!("{indent}  - {}\n", quote(item)));
        }
    }
}

/// The whole front matter block, `---` lines included.
pub fn front_matter(review: &Review) -> String {
    let m = &review.metadata;
    let mut out = String::from("---\n");
    out.push_str(&format!(
        "title: {}\n",
        quote(&review.effective_post_title())
    ));
    if !m.post_date.trim().is_empty() {
        out.push_str(&format!("date: {}\n", date_value(&m.post_date)));
    }
    if !m.reviewer.trim().is_empty() {
        out.push_str(&format!("author: {}\n", quote(m.reviewer.trim())));
    }
    list(&mut out, "categories", "", &split_list(&m.categories));
    list(&mut out, "tags", "", &split_list(&m.tags));
    if let Some(rating) = review.rating {
        out.push_str(&format!("rating: {}\n", rating.value_text()));
    }
    out.push_str("book:\n");
    let text_fields = [
        ("title", m.title.as_str()),
        ("author", m.author.as_str()),
        ("format", m.format.label()),
    ];
    for (key, value) in text_fields {
        if !value.trim().is_empty() {
            out.push_str(&format!("  {key}: {}\n", quote(value.trim())));
        }
    }
    let pages = m.pages.trim();
    if !pages.is_empty() {
        let value = match pages.parse::<u64>() {
            Ok(n) if n > 0 && pages.chars().all(|c| c.is_ascii_digit()) => n.to_string(),
            _ => quote(pages),
        };
        out.push_str(&format!("  pages: {value}\n"));
    }
    if !m.publisher.trim().is_empty() {
        out.push_str(&format!("  publisher: {}\n", quote(m.publisher.trim())));
    }
    if !m.publication_date.trim().is_empty() {
        out.push_str(&format!(
            "  published: {}\n",
            date_value(&m.publication_date)
        ));
    }
    if !m.language.trim().is_empty() {
        out.push_str(&format!("  language: {}\n", quote(m.language.trim())));
    }
    for (key, typed) in [("isbn10", &m.isbn10), ("isbn13", &m.isbn13)] {
        let digits = digits_only(typed);
        if !digits.is_empty() {
            out.push_str(&format!("  {key}: {}\n", quote(&digits)));
        }
    }
    list(&mut out, "genres", "  ", &split_list(&m.genre));
    if !m.audience.trim().is_empty() {
        out.push_str(&format!("  audience: {}\n", quote(m.audience.trim())));
    }
    out.push_str("---\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_anything() {
        assert_eq!(quote("a: \"b\" #c\nd\\"), r#""a: \"b\" #c\nd\\""#);
        assert_eq!(quote("\u{7}é"), "\"\\u0007é\"");
        assert_eq!(quote("<b>"), "\"\\u003Cb\\u003E\"");
    }

    #[test]
    fn dates_are_bare_only_when_full_iso() {
        assert_eq!(date_value("April 5, 2005"), "2005-04-05");
        assert_eq!(date_value("2005"), "\"2005\"");
        assert_eq!(date_value("soon"), "\"soon\"");
    }
}
