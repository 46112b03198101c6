//! schema.org structured data for the HTML export: a `Review` of a `Book`, as JSON-LD. Its
//! `reviewBody` and notes come from the spoiler-free text, so that no spoiler reaches a search
//! result snippet.

use crate::formats::json_string::push_json_string;
use crate::markup::escape;
use crate::markup::spoilers::{pieces, prepare, restore_source, Piece};
use crate::review::template::{Optional, Template};
use crate::review::validation::usable_cover;
use crate::review::{isbn::digits_only, split_list, Format, Review};

use super::derived::{without_spoiler_sentences, SPOILER_MARK};
use super::{iso_date, language};

/// Every schema.org type the structured data may name.
pub const TYPES: &[&str] = &[
    "Review",
    "Book",
    "Person",
    "Organization",
    "Rating",
    "ItemList",
    "ListItem",
    "PeopleAudience",
    "Movie",
    "VideoGame",
    "MusicAlbum",
    "MusicRelease",
    "MusicGroup",
];

/// Every schema.org property the structured data may use.
pub const PROPERTIES: &[&str] = &[
    "name",
    "itemReviewed",
    "author",
    "isbn",
    "numberOfPages",
    "bookFormat",
    "inLanguage",
    "publisher",
    "datePublished",
    "genre",
    "audience",
    "audienceType",
    "reviewRating",
    "ratingValue",
    "bestRating",
    "worstRating",
    "reviewBody",
    "positiveNotes",
    "negativeNotes",
    "itemListElement",
    "position",
    "director",
    "productionCompany",
    "duration",
    "gamePlatform",
    "byArtist",
    "albumRelease",
    "recordLabel",
    "numTracks",
    "image",
];

/// The schema.org `BookFormatType` of a format.
fn book_format(format: Format) -> Option<&'static str> {
    match format {
        Format::Hardcover => Some("https://schema.org/Hardcover"),
        Format::Paperback => Some("https://schema.org/Paperback"),
        Format::Ebook => Some("https://schema.org/EBook"),
        Format::Audiobook => Some("https://schema.org/AudiobookFormat"),
        Format::Unset | Format::Other => None,
    }
}

/// The plain text of a body, spoilers left out; one string per paragraph or list item.
pub fn plain_parts(body: &str) -> Vec<String> {
    plain_parts_of(&pieces(&prepare(body)))
}

/// [`plain_parts`] of a body already parsed (the HTML export parses each body once, for its
/// article and for this). A sentence that held an inline spoiler is left out whole (see
/// [`super::derived`]).
pub fn plain_parts_of(pieces: &[Piece]) -> Vec<String> {
    let mut parts = Vec::new();
    let take = |words: &mut Words, parts: &mut Vec<String>| {
        if let Some(text) = words.take() {
            parts.extend(without_spoiler_sentences(&text));
        }
    };
    // The words of the current part, one space between each, as they arrive.
    let mut words = Words::default();
    let mut in_spoiler = false;
    for piece in pieces {
        match piece {
            Piece::SpoilerStart => {
                in_spoiler = true;
                words.push(SPOILER_MARK.encode_utf8(&mut [0; 3]));
            }
            Piece::SpoilerEnd => in_spoiler = false,
            Piece::Event(_, _) if in_spoiler => {}
            Piece::Event(event, _) => {
                use pulldown_cmark::{Event, TagEnd};
                match event {
                    Event::Text(t) | Event::Code(t) => words.push(&restore_source(t)),
                    Event::SoftBreak | Event::HardBreak => words.push(" "),
                    Event::End(
                        TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
                    ) => take(&mut words, &mut parts),
                    _ => {}
                }
            }
        }
    }
    take(&mut words, &mut parts);
    parts
}

/// The length of the white space character at byte `at` of `text` (0 if there is none). ASCII
/// is told apart a byte at a time; anything else is decoded to ask Unicode. `at` may fall inside
/// a character: its continuation bytes are never white space (and never the start of one).
fn white_space_at(text: &str, at: usize) -> usize {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        usize::from(matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
    } else if text.is_char_boundary(at) {
        text[at..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8)
    } else {
        0
    }
}

/// Text gathered as its words with one space between each: what
/// `text.split_whitespace().collect::<Vec<_>>().join(" ")` makes of all the text pushed, built
/// as it comes instead of from a copy of the whole (the plain text of every section of an HTML
/// export goes through here).
#[derive(Default)]
struct Words {
    text: String,
    /// White space came after the last word written.
    gap: bool,
}

impl Words {
    /// Adds `text` (which may start or end inside a word).
    fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let white = white_space_at(text, at);
            if white > 0 {
                self.gap = true;
                at += white;
                continue;
            }
            // A run of words with one ASCII space between each is already as it must be
            // written: it is copied whole rather than word by word.
            let start = at;
            loop {
                // Printable ASCII (by far the most common) is passed over without asking more.
                while at < bytes.len()
                    && ((b'!'..0x80).contains(&bytes[at]) || white_space_at(text, at) == 0)
                {
                    at += 1;
                }
                let single_space = bytes.get(at) == Some(&b' ')
                    && at + 1 < bytes.len()
                    && white_space_at(text, at + 1) == 0;
                if !single_space {
                    break;
                }
                at += 1;
            }
            self.word(&text[start..at]);
        }
    }

    /// Writes (part of) a word, after a space if white space came before it.
    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if self.gap && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.gap = false;
        self.text.push_str(word);
    }

    /// The text gathered, if any, and a fresh start. The buffer is kept for the next part and
    /// the text copied out at its size: growing a new buffer for every part cost more.
    fn take(&mut self) -> Option<String> {
        self.gap = false;
        let text = (!self.text.is_empty()).then(|| self.text.as_str().to_owned());
        self.text.clear();
        text
    }
}

/// Whether a heading names what the reviewer liked (`Some(true)`) or did not (`Some(false)`).
fn notes_kind(heading: &str) -> Option<bool> {
    let h = crate::case::fold(heading).replace('\u{2019}', "'");
    if [
        "didn't like",
        "did not like",
        "disliked",
        "cons",
        "not so good",
    ]
    .iter()
    .any(|k| h.contains(k))
    {
        Some(false)
    } else if ["liked", "loved", "pros", "highlights"]
        .iter()
        .any(|k| h.contains(k))
    {
        Some(true)
    } else {
        None
    }
}

/// A JSON object written as it is built, its keys in the order given. The structured data is
/// only ever written, never read: writing it straight out keeps serde_json's `Value` (its map,
/// its serialiser, its drop glue) out of the Wasm (measured: docs/performance.md).
struct Object {
    text: String,
    fields: usize,
}

impl Object {
    /// An object whose `@type` is `kind`.
    fn typed(kind: &str) -> Self {
        let mut object = Object {
            text: String::from("{"),
            fields: 0,
        };
        object.str("@type", kind);
        object
    }

    /// Starts the member `key`.
    fn key(&mut self, key: &str) -> &mut String {
        if self.fields > 0 {
            self.text.push(',');
        }
        self.fields += 1;
        push_json_string(&mut self.text, key);
        self.text.push(':');
        &mut self.text
    }

    /// Adds the string member `key`.
    fn str(&mut self, key: &str, value: &str) {
        push_json_string(self.key(key), value);
    }

    /// Adds the number member `key`, written as given (`4.5`, `304`). (Written by hand: the
    /// standard library's float formatting is large in Wasm; measured in docs/performance.md.)
    fn number(&mut self, key: &str, value: &str) {
        self.key(key).push_str(value);
    }

    /// Adds the object member `key`.
    fn object(&mut self, key: &str, value: Object) {
        self.key(key).push_str(&value.end());
    }

    /// Adds the member `key`: an array of strings.
    fn strings(&mut self, key: &str, values: &[String]) {
        let out = self.key(key);
        out.push('[');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(out, value);
        }
        out.push(']');
    }

    /// The object's JSON text.
    fn end(mut self) -> String {
        self.text.push('}');
        self.text
    }
}

/// A `Person` or `Organization` (or other `kind`) with a name.
fn named(kind: &str, name: &str) -> Object {
    let mut object = Object::typed(kind);
    object.str("name", name);
    object
}

fn item_list(items: &[String]) -> Object {
    let mut list = Object::typed("ItemList");
    let out = list.key("itemListElement");
    out.push('[');
    for (i, name) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut item = Object::typed("ListItem");
        item.number("position", &(i + 1).to_string());
        item.str("name", name);
        out.push_str(&item.end());
    }
    out.push(']');
    list
}

/// The JSON-LD object, as JSON text.
pub fn review_json(review: &Review) -> String {
    review_json_with(review, |position| {
        plain_parts(&review.sections[position].body)
    })
}

/// [`review_json`], with the plain text of the section at each position from `parts_of`.
fn review_json_with(review: &Review, mut parts_of: impl FnMut(usize) -> Vec<String>) -> String {
    let m = &review.metadata;
    let t = m.template;
    let mut book = Object::typed(t.schema_type());
    // One line each: a name typed with a line break is still one name.
    let text = |s: &str| escape::one_line(s);
    if !m.title.trim().is_empty() {
        book.str("name", &text(&m.title));
    }
    if !m.author.trim().is_empty() {
        let (property, kind) = match t {
            Template::Book => ("author", "Person"),
            Template::Film => ("director", "Person"),
            Template::Game => ("author", "Organization"),
            Template::Album => ("byArtist", "MusicGroup"),
        };
        book.object(property, named(kind, &text(&m.author)));
    }
    if t.uses(Optional::Isbn) {
        let isbn = [digits_only(&m.isbn13), digits_only(&m.isbn10)]
            .into_iter()
            .find(|d| !d.is_empty());
        if let Some(isbn) = isbn {
            book.str("isbn", &isbn);
        }
    }
    if let Ok(pages) = m.pages.trim().parse::<u64>() {
        if pages > 0 && t.uses(Optional::Pages) {
            book.number("numberOfPages", &pages.to_string());
        }
    }
    if let Some(format) = book_format(m.format).filter(|_| t.uses(Optional::Format)) {
        book.str("bookFormat", format);
    }
    // A running time in whole minutes (`117` or `117 min`) becomes an ISO 8601 duration.
    let minutes = m
        .runtime
        .trim()
        .trim_end_matches("minutes")
        .trim_end_matches("min")
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0 && t.uses(Optional::Runtime));
    // An album's label and length belong to its release (MusicRelease), not to MusicAlbum.
    let mut release = Object::typed("MusicRelease");
    if let Some(minutes) = minutes {
        let target = if t == Template::Album {
            &mut release
        } else {
            &mut book
        };
        target.str("duration", &format!("PT{minutes}M"));
    }
    if t.uses(Optional::Platform) && !m.platform.trim().is_empty() {
        book.strings("gamePlatform", &split_list(&m.platform));
    }
    if let Ok(tracks) = m.tracks.trim().parse::<u32>() {
        if tracks > 0 && t.uses(Optional::Tracks) {
            book.number("numTracks", &tracks.to_string());
        }
    }
    if let Some(url) = usable_cover(&m.cover_image) {
        book.str("image", url);
    }
    if !m.language.trim().is_empty() {
        let lang = language::code(&m.language).unwrap_or_else(|| text(&m.language));
        book.str("inLanguage", &lang);
    }
    if !m.publisher.trim().is_empty() {
        let (target, property) = match t {
            Template::Film => (&mut book, "productionCompany"),
            Template::Album => (&mut release, "recordLabel"),
            Template::Book | Template::Game => (&mut book, "publisher"),
        };
        target.object(property, named("Organization", &text(&m.publisher)));
    }
    if let Some(date) = iso_date(&m.publication_date) {
        book.str("datePublished", &date);
    }
    let genres = split_list(&m.genre);
    if !genres.is_empty() {
        book.strings("genre", &genres);
    }
    if !m.audience.trim().is_empty() && t.uses(Optional::Audience) {
        let mut audience = Object::typed("PeopleAudience");
        audience.str("audienceType", &text(&m.audience));
        book.object("audience", audience);
    }
    // More than its type: the release has something to say.
    if release.fields > 1 {
        book.object("albumRelease", release);
    }
    let mut out = Object {
        text: String::from("{"),
        fields: 0,
    };
    out.str("@context", "https://schema.org");
    out.str("@type", "Review");
    out.str("name", &review.effective_post_title());
    out.object("itemReviewed", book);
    if !m.reviewer.trim().is_empty() {
        out.object("author", named("Person", &text(&m.reviewer)));
    }
    if let Some(date) = iso_date(&m.post_date) {
        out.str("datePublished", &date);
    }
    if let Some(rating) = review.rating {
        let mut value = Object::typed("Rating");
        let halves = rating.halves();
        let whole = halves / 2;
        let value_text = if halves % 2 == 1 {
            format!("{whole}.5")
        } else {
            whole.to_string()
        };
        value.number("ratingValue", &value_text);
        value.number("bestRating", "5");
        value.number("worstRating", "0.5");
        out.object("reviewRating", value);
    }
    let mut body = Vec::new();
    let (mut positive, mut negative) = (Vec::new(), Vec::new());
    for (position, section) in review.sections.iter().enumerate() {
        if section.spoiler {
            continue;
        }
        let parts = parts_of(position);
        match notes_kind(&section.heading) {
            Some(true) => positive.extend(parts.iter().cloned()),
            Some(false) => negative.extend(parts.iter().cloned()),
            None => {}
        }
        body.extend(parts);
    }
    if !body.is_empty() {
        out.str("reviewBody", &body.join("\n\n"));
    }
    if !positive.is_empty() {
        out.object("positiveNotes", item_list(&positive));
    }
    if !negative.is_empty() {
        out.object("negativeNotes", item_list(&negative));
    }
    out.end()
}

/// The JSON-LD as text that is safe inside `<script type="application/ld+json">`: `<`, `>` and
/// `&` are `\u` escapes, so no `</script>` can end it early.
pub fn json_ld(review: &Review) -> String {
    script_safe(&review_json(review))
}

/// [`json_ld`], with the plain text of the non-spoiler section at each position from
/// `parts_of` (see [`plain_parts_of`]).
pub fn json_ld_with(review: &Review, parts_of: impl FnMut(usize) -> Vec<String>) -> String {
    script_safe(&review_json_with(review, parts_of))
}

/// The JSON text of `value`, safe inside a script element.
fn script_safe(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let (mut last, mut at) = (0, 0);
    // Whether a byte needs a look: anything but printable ASCII other than the three markup
    // characters.
    let special = |b: u8| !(0x20..0x7F).contains(&b) | (b == b'<') | (b == b'>') | (b == b'&');
    // The end of the block being looked at a byte at a time.
    let mut block_end = 0;
    while at < bytes.len() {
        if at >= block_end {
            at += crate::bytes::clean_blocks(&bytes[at..], special);
            block_end = at + crate::bytes::BLOCK;
            continue;
        }
        // Printable ASCII but the three markup characters, by far the most common case, is
        // passed over (whole blocks of it at once) and copied in runs. (`at` only ever stops on
        // a character boundary: it moves by one over ASCII, by a character otherwise.)
        if !special(bytes[at]) {
            at += 1;
            continue;
        }
        let Some(c) = json[at..].chars().next() else {
            break;
        };
        if needs_json_escape(c) {
            out.push_str(&json[last..at]);
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
            last = at + c.len_utf8();
        }
        at += c.len_utf8();
    }
    out.push_str(&json[last..]);
    out
}

/// Whether a character of the JSON is written as a `\u` escape: markup characters, and what
/// HTML forbids in a document (control characters and noncharacters). They can only occur
/// inside strings, where escapes are allowed, and are the same string to a JSON reader.
fn needs_json_escape(c: char) -> bool {
    let n = u32::from(c);
    matches!(c, '<' | '>' | '&')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// The fields that search engines require for a review snippet and that are still empty.
pub fn missing_for_snippet(review: &Review) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if review.metadata.title.trim().is_empty() {
        missing.push("Title");
    }
    if review.metadata.reviewer.trim().is_empty() {
        missing.push("Reviewer");
    }
    if review.rating.is_none() {
        missing.push("Rating");
    }
    missing
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod equivalence {
    use super::*;
    use proptest::prelude::*;

    /// The definition [`script_safe`] must keep: the JSON a character at a time (as it was
    /// written before the byte scan).
    fn by_characters(json: &str) -> String {
        let mut out = String::new();
        for c in json.chars() {
            let n = u32::from(c);
            let forbidden = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || (0xFDD0..=0xFDEF).contains(&n)
                || n & 0xFFFE == 0xFFFE;
            if matches!(c, '<' | '>' | '&') || forbidden {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    proptest! {
        #[test]
        fn words_are_the_text_split_at_white_space_and_joined(
            chunks in prop::collection::vec(
                "[a-z <>\t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{1680}\u{2028}\u{3000}\u{200b}\u{feff}é日🙂]{0,12}",
                0..6,
            )
        ) {
            let mut words = Words::default();
            for chunk in &chunks {
                words.push(chunk);
            }
            let whole = chunks.concat();
            let expected = whole.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(words.take().unwrap_or_default(), expected);
            prop_assert_eq!(words.take(), None);
        }

        #[test]
        fn script_safe_escapes_as_each_character_would(
            // Long plain runs too, so that whole blocks are passed over between the rest.
            text in "([a-z ]{0,40}|[a-z <>&\"'\\/\t\n\r\u{0}-\u{1f}\u{7f}-\u{a0}é日\u{2028}\u{fdd0}-\u{fdef}\u{fffe}\u{ffff}\u{1fffe}\u{10ffff}🙂]){0,24}"
        ) {
            let value = serde_json::json!({ "name": text, "list": [text.clone(), "plain"] });
            let json = serde_json::to_string(&value).unwrap();
            prop_assert_eq!(script_safe(&json), by_characters(&json));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Rating;
    use serde_json::Value;

    /// The structured data read back.
    fn parsed(review: &Review) -> Value {
        serde_json::from_str(&review_json(review)).expect("the structured data is JSON")
    }

    fn walk(value: &Value, problems: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match key.as_str() {
                        "@context" => assert_eq!(v, "https://schema.org"),
                        "@type" if !TYPES.contains(&v.as_str().unwrap_or("")) => {
                            problems.push(format!("type {v}"))
                        }
                        "@type" => {}
                        key if !PROPERTIES.contains(&key) => {
                            problems.push(format!("property {key}"))
                        }
                        _ => {}
                    }
                    walk(v, problems);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, problems)),
            _ => {}
        }
    }

    #[test]
    fn the_item_reviewed_follows_the_template() {
        let mut review = Review::new_book("2026-11-25");
        let m = &mut review.metadata;
        m.template = crate::review::Template::Film;
        m.title = "Alien".into();
        m.author = "Ridley Scott".into();
        m.runtime = "117 min".into();
        m.isbn13 = "978-1400043392".into();
        m.cover_image = "https://example.com/alien.jpg".into();
        let item = &parsed(&review)["itemReviewed"];
        assert_eq!(item["@type"], "Movie");
        assert_eq!(item["director"]["name"], "Ridley Scott");
        assert_eq!(item["duration"], "PT117M");
        assert_eq!(item["image"], "https://example.com/alien.jpg");
        assert!(item.get("isbn").is_none());
        review.metadata.template = crate::review::Template::Album;
        review.metadata.cover_image = "javascript:alert(1)".into();
        let item = &parsed(&review)["itemReviewed"];
        assert_eq!(item["@type"], "MusicAlbum");
        assert_eq!(item["byArtist"]["@type"], "MusicGroup");
        assert_eq!(item["albumRelease"]["@type"], "MusicRelease");
        assert_eq!(item["albumRelease"]["duration"], "PT117M");
        assert!(item.get("duration").is_none());
        // Only known terms, for every template.
        for t in crate::review::Template::ALL {
            review.metadata.template = t;
            review.metadata.publisher = "Label".into();
            let mut problems = Vec::new();
            walk(&parsed(&review), &mut problems);
            assert!(problems.is_empty(), "{t:?}: {problems:?}");
        }
        assert!(item.get("image").is_none());
    }

    #[test]
    fn a_full_review_names_only_known_schema_org_terms_and_no_spoiler() {
        let mut review = Review::new_book("2026-11-25");
        let m = &mut review.metadata;
        m.title = "Never Let Me Go".into();
        m.author = "Kazuo Ishiguro".into();
        m.format = Format::Hardcover;
        m.pages = "304".into();
        m.publisher = "Knopf".into();
        m.publication_date = "April 5, 2005".into();
        m.language = "English".into();
        m.isbn13 = "978-1400043392".into();
        m.genre = "sci-fi, dystopia".into();
        m.audience = "adult".into();
        m.reviewer = "Mira".into();
        review.rating = Rating::parse("4.5");
        review.sections[0].body = "They are clones.".into();
        review.sections[0].spoiler = true;
        review.sections[1].body = "- The narration\n- The ||twist||".into();
        review.sections[2].body = "The cover.".into();
        let value = parsed(&review);
        let mut problems = Vec::new();
        walk(&value, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(value["itemReviewed"]["isbn"], "9781400043392");
        assert_eq!(
            value["itemReviewed"]["bookFormat"],
            "https://schema.org/Hardcover"
        );
        assert_eq!(value["itemReviewed"]["inLanguage"], "en");
        assert_eq!(value["itemReviewed"]["datePublished"], "2005-04-05");
        assert_eq!(value["datePublished"], "2026-11-25");
        assert_eq!(value["reviewRating"]["ratingValue"], 4.5);
        // The item that held a spoiler is left out whole, not cut to "The".
        assert_eq!(
            value["positiveNotes"]["itemListElement"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        assert_eq!(
            value["negativeNotes"]["itemListElement"][0]["name"],
            "The cover."
        );
        let text = json_ld(&review);
        assert!(
            !text.contains("clones") && !text.contains("twist"),
            "{text}"
        );
        assert!(serde_json::from_str::<Value>(&text).is_ok());
        assert!(missing_for_snippet(&review).is_empty());
        assert_eq!(
            missing_for_snippet(&Review::new_book("x")),
            ["Title", "Reviewer", "Rating"]
        );
    }

    #[test]
    fn markup_in_fields_cannot_end_the_script() {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "</script><script>alert(1)</script>".into();
        let text = json_ld(&review);
        assert!(!text.contains('<') && !text.contains('>'));
        // Noncharacters and C1 controls, which HTML forbids, are escapes too.
        review.metadata.author = "a\u{FDD0}b\u{85}c\u{10FFFF}".into();
        let text = json_ld(&review);
        assert!(
            !text.contains('\u{FDD0}') && !text.contains('\u{85}') && !text.contains('\u{10FFFF}')
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["itemReviewed"]["author"]["name"],
            "a\u{FDD0}b\u{85}c\u{10FFFF}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["itemReviewed"]["name"],
            "</script><script>alert(1)</script>"
        );
    }
}
