//! YAML front matter for the Markdown export: just the subset Verdict writes, quoted so that any
//! typed text survives (colons, quotes, `#`, line breaks, control characters, any Unicode).

use crate::review::template::Optional;
use crate::review::validation::usable_cover;
use crate::review::{isbn::digits_only, split_list, Review};

use super::filename::slug;
use super::iso_date;
use crate::markup::escape;

/// A YAML double-quoted scalar holding exactly `text`. `<`, `>`, `[` and `]` are written as
/// escapes too: the value is the same to a YAML reader, and a Markdown renderer that does not
/// know front matter (and shows it as text) finds no HTML tag or link in it.
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
            // Brackets too: a renderer that does not know front matter (cmark-gfm, pandoc's
            // commonmark) reads it as Markdown, where `[p](javascript:…)` would be a link.
            '[' => out.push_str("\\u005B"),
            ']' => out.push_str("\\u005D"),
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
    /// Verdict's own YAML (the `Download Markdown (GitHub)` file): post fields, then `book:`.
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

/// A date as its ISO form: bare when it is a full date (`2005-04-05`), quoted when partial
/// (`"2005"`); `None` when it cannot be read, since a date a site generator cannot parse
/// stops the whole site's build (the form already marks it).
fn date_field(typed: &str) -> Option<Field> {
    match iso_date(typed)? {
        iso if iso.len() == 10 => Some(Field::Bare(iso)),
        iso => Some(Field::Text(iso)),
    }
}

/// The post's fields, in order: title, date, (`draft` for Hugo), author, slug, the summary the
/// platform would otherwise cut from the body, spoilers and all (see [`super::derived`]),
/// categories, tags; then `layout` for Jekyll.
fn post_fields(review: &Review, kind: FrontMatter) -> Vec<(&'static str, Field)> {
    let m = &review.metadata;
    let hugo = matches!(kind, FrontMatter::HugoYaml | FrontMatter::HugoToml);
    let jekyll = kind == FrontMatter::Jekyll;
    let mut fields = vec![("title", Field::Text(review.effective_post_title()))];
    if jekyll {
        // A `jekyll new` site's theme (minima) lays a post out only when it names a layout.
        fields.push(("layout", Field::Bare("post".into())));
    }
    if let Some(date) = date_field(&m.post_date) {
        fields.push(("date", date));
    }
    if hugo {
        fields.push(("draft", Field::Bare(m.draft.to_string())));
    } else if jekyll && m.draft {
        fields.push(("published", Field::Bare("false".into())));
    }
    let mut author = escape::one_line(&m.reviewer);
    if jekyll {
        // jekyll-seo-tag, which a `jekyll new` site's theme uses, writes the author into an
        // attribute without escaping it: a straight double quote would end the attribute (and
        // what follows would be markup), so it is written as a typographic one.
        author = typographic_quotes(&author);
    }
    if !author.is_empty() {
        fields.push(("author", Field::Text(author)));
    }
    let slug = slug(&m.slug);
    if !m.slug.trim().is_empty() && !slug.is_empty() {
        fields.push(("slug", Field::Text(slug)));
    }
    let summary = super::derived::summary(review);
    if !summary.is_empty() {
        match kind {
            FrontMatter::HugoYaml | FrontMatter::HugoToml => {
                fields.push(("summary", Field::Text(summary.clone())));
            }
            FrontMatter::Jekyll => fields.push(("excerpt", Field::Text(summary.clone()))),
            _ => {}
        }
        fields.push(("description", Field::Text(summary)));
    }
    let categories = split_list(&m.categories);
    // Jekyll puts categories into the post's address: `book review` would become
    // `/book%20review/`, so spaces become hyphens there (letters of any script stay).
    let categories = if jekyll {
        categories
            .iter()
            .map(|c| address_safe(c))
            .filter(|c| !c.is_empty())
            .collect()
    } else {
        categories
    };
    fields.push(("categories", Field::List(categories)));
    fields.push(("tags", Field::List(split_list(&m.tags))));
    fields
}

/// `text` with each straight double quote as an opening or closing typographic one.
fn typographic_quotes(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '"' => {
                let q = if open { '\u{201C}' } else { '\u{201D}' };
                open = !open;
                q
            }
            c => c,
        })
        .collect()
}

/// `text` as one piece of a web address: lower case, white space runs as one hyphen, and none of
/// the characters that end or break a path segment.
fn address_safe(text: &str) -> String {
    crate::case::fold(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | '?' | '#' | '%' | '"' | '<' | '>' | '.'))
        .collect()
}

/// The work's own fields, named for its template (`author` or `director`, `published` or
/// `released`…; never `date`, which is the post's). The person's own fields follow as a list of
/// `Name: value` texts, and the cover image's address as `cover`.
fn work_fields(review: &Review) -> Vec<(&'static str, Field)> {
    let m = &review.metadata;
    let t = m.template;
    let mut fields = Vec::new();
    let text = |fields: &mut Vec<(&'static str, Field)>, key: &'static str, value: &str| {
        if !value.trim().is_empty() {
            fields.push((key, Field::Text(value.trim().to_string())));
        }
    };
    text(&mut fields, "title", &m.title);
    text(&mut fields, t.creator_key(), &m.author);
    if t.uses(Optional::Format) {
        text(&mut fields, "format", m.format.label());
    }
    let pages = m.pages.trim();
    if t.uses(Optional::Pages) && !pages.is_empty() {
        let value = match pages.parse::<u64>() {
            Ok(n) if n > 0 && pages.chars().all(|c| c.is_ascii_digit()) => {
                Field::Bare(n.to_string())
            }
            _ => Field::Text(pages.to_string()),
        };
        fields.push(("pages", value));
    }
    if t.uses(Optional::Platform) {
        text(&mut fields, "platform", &m.platform);
    }
    text(&mut fields, t.publisher_key(), &m.publisher);
    if let Some(date) = date_field(&m.publication_date) {
        fields.push((t.date_key(), date));
    }
    if t.uses(Optional::Runtime) {
        text(&mut fields, "runtime", &m.runtime);
    }
    if t.uses(Optional::Tracks) {
        text(&mut fields, "tracks", &m.tracks);
    }
    text(&mut fields, "language", &m.language);
    if t.uses(Optional::Isbn) {
        for (key, typed) in [("isbn10", &m.isbn10), ("isbn13", &m.isbn13)] {
            let digits = digits_only(typed);
            if !digits.is_empty() {
                fields.push((key, Field::Text(digits)));
            }
        }
    }
    fields.push(("genres", Field::List(split_list(&m.genre))));
    if t.uses(Optional::Audience) {
        text(&mut fields, "audience", &m.audience);
    }
    if let Some(url) = usable_cover(&m.cover_image) {
        fields.push(("cover", Field::Text(url.to_string())));
    }
    let custom: Vec<String> = m
        .filled_custom()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect();
    if !custom.is_empty() {
        fields.push(("fields", Field::List(custom)));
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
    let mut post = post_fields(review, kind);
    let book = work_fields(review);
    let work = review.metadata.template.key();
    match kind {
        FrontMatter::None => String::new(),
        FrontMatter::Verdict | FrontMatter::Jekyll => {
            post.extend(rating_field(review));
            let mut out = String::from("---\n");
            yaml(&mut out, "", &post);
            out.push_str(&format!("{work}:\n"));
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
            out.push_str(&format!("  {work}:\n"));
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
            out.push_str(&format!("\n[params.{work}]\n"));
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
        let text = |f: Option<Field>| f.map(text);
        assert_eq!(text(date_field("April 5, 2005")).unwrap(), "2005-04-05");
        assert_eq!(text(date_field("2005")).unwrap(), "\"2005\"");
        // A date no site generator could read is left out (it would stop the build).
        assert!(text(date_field("next Tuesday")).is_none());
    }

    #[test]
    fn a_jekyll_author_holds_no_straight_double_quote() {
        assert_eq!(
            typographic_quotes("Mira: \"a reader\" #1"),
            "Mira: \u{201C}a reader\u{201D} #1"
        );
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
