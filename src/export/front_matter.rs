//! YAML front matter for the Markdown export: just the subset Verdict writes, quoted so that any
//! typed text survives (colons, quotes, `#`, line breaks, control characters, any Unicode).

use crate::review::{isbn::digits_only, split_list, Review};

use super::iso_date;

/// A YAML double-quoted scalar holding exactly `text`. `<` and `>` are written as escapes too:
/// the value is the same to a YAML reader, and a Markdown renderer that does not know front
/// matter (and shows it as text) finds no HTML tag in it.
pub fn quote(text: &str) -> String {
    quoted(text, true)
}

/// A double-quoted string holding exactly `text`, for YAML (`yaml`) or TOML: the two share every
/// escape but YAML's for NEL and the line and paragraph separators.
fn quoted(text: &str, yaml: bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' if yaml => out.push_str("\\N"),
            '\u{2028}' if yaml => out.push_str("\\L"),
            '\u{2029}' if yaml => out.push_str("\\P"),
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

/// The front matter a Markdown export starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatter {
    /// Verdict's own YAML (the `Download Markdown` file): post fields, then `book:`.
    Verdict,
    /// Hugo, YAML (`---`): `title`, `date`, `draft`, `tags`, `categories`, and the book's own
    /// fields under `params:` (where Hugo keeps custom fields).
    HugoYaml,
    /// Hugo, TOML (`+++`), the same fields.
    HugoToml,
    /// Jekyll, YAML: `title`, `date`, `author`, `categories`, `tags`, and `book:`.
    Jekyll,
    /// No front matter at all.
    None,
}

/// A front matter value.
enum Field {
    /// Text, always quoted.
    Text(String),
    /// A value written bare: a full ISO date, a whole number, a boolean.
    Bare(String),
    /// A list of texts.
    List(Vec<String>),
}

/// A date bare when it is a full ISO date, else quoted text as typed.
fn date_field(typed: &str) -> Field {
    match iso_date(typed) {
        Some(iso) if iso.len() == 10 => Field::Bare(iso),
        _ => Field::Text(typed.trim().to_string()),
    }
}

/// The post's fields, in order: title, date, author, categories, tags (and `draft` for Hugo).
fn post_fields(review: &Review, hugo: bool) -> Vec<(&'static str, Field)> {
    let m = &review.metadata;
    let mut fields = vec![("title", Field::Text(review.effective_post_title()))];
    if !m.post_date.trim().is_empty() {
        fields.push(("date", date_field(&m.post_date)));
    }
    if hugo {
        fields.push(("draft", Field::Bare("false".into())));
    }
    if !m.reviewer.trim().is_empty() {
        fields.push(("author", Field::Text(m.reviewer.trim().to_string())));
    }
    fields.push(("categories", Field::List(split_list(&m.categories))));
    fields.push(("tags", Field::List(split_list(&m.tags))));
    fields
}

/// The book's own fields (never `date`: its publication date is `published`).
fn book_fields(review: &Review) -> Vec<(&'static str, Field)> {
    let m = &review.metadata;
    let mut fields = Vec::new();
    let text_fields = [
        ("title", m.title.as_str()),
        ("author", m.author.as_str()),
        ("format", m.format.label()),
    ];
    for (key, value) in text_fields {
        if !value.trim().is_empty() {
            fields.push((key, Field::Text(value.trim().to_string())));
        }
    }
    let pages = m.pages.trim();
    if !pages.is_empty() {
        let value = match pages.parse::<u64>() {
            Ok(n) if n > 0 && pages.chars().all(|c| c.is_ascii_digit()) => {
                Field::Bare(n.to_string())
            }
            _ => Field::Text(pages.to_string()),
        };
        fields.push(("pages", value));
    }
    if !m.publisher.trim().is_empty() {
        fields.push(("publisher", Field::Text(m.publisher.trim().to_string())));
    }
    if !m.publication_date.trim().is_empty() {
        fields.push(("published", date_field(&m.publication_date)));
    }
    if !m.language.trim().is_empty() {
        fields.push(("language", Field::Text(m.language.trim().to_string())));
    }
    for (key, typed) in [("isbn10", &m.isbn10), ("isbn13", &m.isbn13)] {
        let digits = digits_only(typed);
        if !digits.is_empty() {
            fields.push((key, Field::Text(digits)));
        }
    }
    fields.push(("genres", Field::List(split_list(&m.genre))));
    if !m.audience.trim().is_empty() {
        fields.push(("audience", Field::Text(m.audience.trim().to_string())));
    }
    fields
}

fn rating_field(review: &Review) -> Option<(&'static str, Field)> {
    review
        .rating
        .map(|r| ("rating", Field::Bare(r.value_text())))
}

fn yaml(out: &mut String, indent: &str, fields: &[(&str, Field)]) {
    for (key, field) in fields {
        match field {
            Field::Text(t) => out.push_str(&format!("{indent}{key}: {}\n", quote(t))),
            Field::Bare(b) => out.push_str(&format!("{indent}{key}: {b}\n")),
            Field::List(items) if items.is_empty() => out.push_str(&format!("{indent}{key}: []\n")),
            Field::List(items) => {
                out.push_str(&format!("{indent}{key}:\n"));
                for item in items {
                    out.push_str(&format!("{indent}  - {}\n", quote(item)));
                }
            }
        }
    }
}

/// A TOML basic string holding exactly `text` (`<` and `>` escaped too, as in [`quote`]).
pub fn toml_quote(text: &str) -> String {
    quoted(text, false)
}

fn toml(out: &mut String, fields: &[(&str, Field)]) {
    for (key, field) in fields {
        match field {
            Field::Text(t) => out.push_str(&format!("{key} = {}\n", toml_quote(t))),
            Field::Bare(b) => out.push_str(&format!("{key} = {b}\n")),
            Field::List(items) => {
                let items: Vec<String> = items.iter().map(|i| toml_quote(i)).collect();
                out.push_str(&format!("{key} = [{}]\n", items.join(", ")));
            }
        }
    }
}

/// Verdict's own front matter block, `---` lines included.
pub fn front_matter(review: &Review) -> String {
    front_matter_for(review, FrontMatter::Verdict)
}

/// The front matter block of `kind`, fences included (empty for [`FrontMatter::None`]).
pub fn front_matter_for(review: &Review, kind: FrontMatter) -> String {
    let hugo = matches!(kind, FrontMatter::HugoYaml | FrontMatter::HugoToml);
    let mut post = post_fields(review, hugo);
    let book = book_fields(review);
    match kind {
        FrontMatter::None => String::new(),
        FrontMatter::Verdict | FrontMatter::Jekyll => {
            post.extend(rating_field(review));
            let mut out = String::from("---\n");
            yaml(&mut out, "", &post);
            out.push_str("book:\n");
            yaml(&mut out, "  ", &book);
            out.push_str("---\n");
            out
        }
        FrontMatter::HugoYaml => {
            let mut out = String::from("---\n");
            yaml(&mut out, "", &post);
            out.push_str("params:\n");
            yaml(
                &mut out,
                "  ",
                &rating_field(review).into_iter().collect::<Vec<_>>(),
            );
            out.push_str("  book:\n");
            yaml(&mut out, "    ", &book);
            out.push_str("---\n");
            out
        }
        FrontMatter::HugoToml => {
            let mut out = String::from("+++\n");
            toml(&mut out, &post);
            out.push_str("\n[params]\n");
            toml(
                &mut out,
                &rating_field(review).into_iter().collect::<Vec<_>>(),
            );
            out.push_str("\n[params.book]\n");
            toml(&mut out, &book);
            out.push_str("+++\n");
            out
        }
    }
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
        let text = |f: Field| match f {
            Field::Bare(b) => b,
            Field::Text(t) => quote(&t),
            Field::List(_) => unreachable!(),
        };
        assert_eq!(text(date_field("April 5, 2005")), "2005-04-05");
        assert_eq!(text(date_field("2005")), "\"2005\"");
        assert_eq!(text(date_field("soon")), "\"soon\"");
    }

    #[test]
    fn toml_quoting_keeps_anything() {
        assert_eq!(
            toml_quote("a \"b\" \\ <c>\n"),
            r#""a \"b\" \\ \u003Cc\u003E\n""#
        );
        assert_eq!(toml_quote("\u{7}é"), "\"\\u0007é\"");
    }
}
