//! `Look up`: a book's facts from Open Library's search (`/search.json`), by its ISBN or by its
//! title and author. This side builds the request, reads the answer into [`Found`] books
//! (untrusted text, cleaned like anything typed) and says which of the writer's fields a chosen
//! book would change ([`changes`], [`with_changes`]); the dialog that sends the request and
//! lets the writer choose is `ui::lookup`, loaded on demand.

use serde::Deserialize;

use crate::formats::controls::is_stripped;
use crate::review::isbn::{isbn10_to_13, isbn13_to_10, parse_isbn10, parse_isbn13};
use crate::review::Metadata;

/// The service asked, unless the build names another (`VERDICT_BOOKS_API`, for a mirror or a
/// local stand-in; the page's Content-Security-Policy follows it, see scripts/precache.mjs).
pub const API: &str = match option_env!("VERDICT_BOOKS_API") {
    Some(address) => address,
    None => "https://openlibrary.org",
};

/// Where covers come from (`VERDICT_BOOKS_COVERS` names another).
pub const COVERS: &str = match option_env!("VERDICT_BOOKS_COVERS") {
    Some(address) => address,
    None => "https://covers.openlibrary.org",
};

/// The matches asked for: enough to find an edition, few enough to read at a glance.
pub const LIMIT: usize = 10;

/// Longest text kept from an answer for one field (a title, a publisher); longer is cut.
const MAX_TEXT: usize = 300;

/// What the writer asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// A valid ISBN, its ten or thirteen characters.
    Isbn(String),
    /// Words to search for (title and author).
    Words(String),
}

impl Query {
    /// The query for the writer's book: its ISBN-13 or ISBN-10 when one is valid, else its
    /// title and author; `None` when there is nothing to look up by.
    pub fn of(metadata: &Metadata) -> Option<Query> {
        if let Ok(isbn) = parse_isbn13(&metadata.isbn13) {
            return Some(Query::Isbn(isbn));
        }
        if let Ok(isbn) = parse_isbn10(&metadata.isbn10) {
            return Some(Query::Isbn(isbn));
        }
        Query::typed(&format!("{} {}", metadata.title, metadata.author))
    }

    /// The query for what the writer typed into the search box: an ISBN when it is one.
    pub fn typed(text: &str) -> Option<Query> {
        let text = clean(text);
        if let Ok(isbn) = parse_isbn13(&text).or_else(|_| parse_isbn10(&text)) {
            return Some(Query::Isbn(isbn));
        }
        (!text.is_empty()).then_some(Query::Words(text))
    }

    /// The query as the search box shows it.
    pub fn text(&self) -> &str {
        match self {
            Query::Isbn(text) | Query::Words(text) => text,
        }
    }

    /// The request's address under `api` (no trailing slash).
    pub fn url(&self, api: &str) -> String {
        let q = match self {
            Query::Isbn(isbn) => format!("isbn:{isbn}"),
            Query::Words(words) => words.clone(),
        };
        format!(
            "{api}/search.json?q={}&fields=title,author_name,first_publish_year,number_of_pages_median,cover_i,editions,editions.title,editions.publisher,editions.publish_date,editions.isbn,editions.language,editions.cover_i,editions.number_of_pages_median&limit={LIMIT}",
            encode(&q)
        )
    }
}

/// `text` percent-encoded for a query string: letters, digits and `-._~` stay.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// One book in an answer: the edition that matched best, with its work's facts where the
/// edition has none. Every field is cleaned text; empty when the answer has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The title.
    pub title: String,
    /// The authors, joined with commas.
    pub author: String,
    /// The edition's publisher.
    pub publisher: String,
    /// The edition's publication date as Open Library writes it, else the work's first year.
    pub publication_date: String,
    /// The number of pages.
    pub pages: String,
    /// The ISBN-10, if the edition has one.
    pub isbn10: String,
    /// The ISBN-13, if the edition has one.
    pub isbn13: String,
    /// The language's English name, for the languages Verdict knows by code.
    pub language: String,
    /// The cover's number at the covers service, if there is one.
    pub cover: Option<u64>,
}

impl Found {
    /// The address of the cover at `size` (`S`, `M` or `L`) under `covers`, if there is one.
    pub fn cover_url(&self, covers: &str, size: char) -> Option<String> {
        self.cover
            .map(|id| format!("{covers}/b/id/{id}-{size}.jpg"))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Answer {
    docs: Vec<Work>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Work {
    title: String,
    author_name: Vec<String>,
    first_publish_year: Option<u32>,
    number_of_pages_median: Option<u32>,
    cover_i: Option<u64>,
    editions: Editions,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Editions {
    docs: Vec<Edition>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Edition {
    title: String,
    publisher: Vec<String>,
    publish_date: Vec<String>,
    isbn: Vec<String>,
    language: Vec<String>,
    cover_i: Option<u64>,
    number_of_pages_median: Option<u32>,
}

/// Reads a search answer. `asked` is the ISBN searched for, if any: its edition's ISBNs are the
/// ones kept. Fails only when the answer is not the search's JSON at all.
pub fn read_answer(json: &str, asked: Option<&str>) -> Result<Vec<Found>, String> {
    let answer: Answer = serde_json::from_str(json)
        .map_err(|_| "Open Library's answer could not be read.".to_string())?;
    Ok(answer
        .docs
        .into_iter()
        .take(LIMIT)
        .map(|work| found(work, asked))
        .filter(|f| !f.title.is_empty())
        .collect())
}

fn found(work: Work, asked: Option<&str>) -> Found {
    let edition = work.editions.docs.into_iter().next().unwrap_or_default();
    let (isbn10, isbn13) = isbns(&edition.isbn, asked);
    let title = if edition.title.trim().is_empty() {
        &work.title
    } else {
        &edition.title
    };
    Found {
        title: clean(title),
        author: clean(&work.author_name.join(", ")),
        publisher: edition
            .publisher
            .first()
            .map(|p| clean(p))
            .unwrap_or_default(),
        publication_date: edition
            .publish_date
            .first()
            .map(|d| clean(d))
            .or_else(|| work.first_publish_year.map(|y| y.to_string()))
            .unwrap_or_default(),
        pages: edition
            .number_of_pages_median
            .or(work.number_of_pages_median)
            .filter(|&n| n > 0)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        isbn10,
        isbn13,
        language: edition
            .language
            .first()
            .map(|code| language_name(code).to_string())
            .unwrap_or_default(),
        cover: edition.cover_i.or(work.cover_i).filter(|&id| id > 0),
    }
}

/// The edition's ISBN-10 and ISBN-13: the ISBN asked for (in both forms) when the edition has
/// it, else the first valid of each.
fn isbns(list: &[String], asked: Option<&str>) -> (String, String) {
    let valid10 = |s: &String| parse_isbn10(s).ok();
    let valid13 = |s: &String| parse_isbn13(s).ok();
    if let Some(isbn) = asked.filter(|a| list.iter().any(|s| s == a)) {
        return if isbn.len() == 10 {
            (isbn.to_string(), isbn10_to_13(isbn))
        } else {
            (isbn13_to_10(isbn).unwrap_or_default(), isbn.to_string())
        };
    }
    (
        list.iter().find_map(valid10).unwrap_or_default(),
        list.iter().find_map(valid13).unwrap_or_default(),
    )
}

/// The English name of a MARC language code, for the languages reviews are most often written
/// in; others are left for the writer to type.
fn language_name(code: &str) -> &'static str {
    match code {
        "eng" => "English",
        "fre" | "fra" => "French",
        "ger" | "deu" => "German",
        "spa" => "Spanish",
        "ita" => "Italian",
        "por" => "Portuguese",
        "dut" | "nld" => "Dutch",
        "swe" => "Swedish",
        "pol" => "Polish",
        "rus" => "Russian",
        "jpn" => "Japanese",
        "chi" | "zho" => "Chinese",
        "kor" => "Korean",
        _ => "",
    }
}

/// Untrusted text made plain, as a file's one-line field is: what the project takes out of
/// imported text (controls and bidirectional overrides, `formats::controls`) taken out, runs of
/// white space made one space, trimmed, and cut at [`MAX_TEXT`] characters.
fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| c.is_whitespace() || !is_stripped(c, false))
        .collect();
    let out = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    match out.char_indices().nth(MAX_TEXT) {
        Some((at, _)) => out[..at].to_string(),
        None => out,
    }
}

/// A field `Look up` can fill, in the order the dialog shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookField {
    /// The title.
    Title,
    /// The author.
    Author,
    /// The publisher.
    Publisher,
    /// The publication date.
    PublicationDate,
    /// The number of pages.
    Pages,
    /// The ISBN-10.
    Isbn10,
    /// The ISBN-13.
    Isbn13,
    /// The language.
    Language,
    /// The cover image's address.
    Cover,
}

impl BookField {
    /// Every field, in order.
    pub const ALL: [BookField; 9] = [
        BookField::Title,
        BookField::Author,
        BookField::Publisher,
        BookField::PublicationDate,
        BookField::Pages,
        BookField::Isbn10,
        BookField::Isbn13,
        BookField::Language,
        BookField::Cover,
    ];

    /// The field's label in the book details form.
    pub fn label(self) -> &'static str {
        match self {
            BookField::Title => "Title",
            BookField::Author => "Author",
            BookField::Publisher => "Publisher",
            BookField::PublicationDate => "Publication date",
            BookField::Pages => "Pages",
            BookField::Isbn10 => "ISBN-10",
            BookField::Isbn13 => "ISBN-13",
            BookField::Language => "Language",
            BookField::Cover => "Cover image",
        }
    }

    fn of(self, metadata: &mut Metadata) -> &mut String {
        match self {
            BookField::Title => &mut metadata.title,
            BookField::Author => &mut metadata.author,
            BookField::Publisher => &mut metadata.publisher,
            BookField::PublicationDate => &mut metadata.publication_date,
            BookField::Pages => &mut metadata.pages,
            BookField::Isbn10 => &mut metadata.isbn10,
            BookField::Isbn13 => &mut metadata.isbn13,
            BookField::Language => &mut metadata.language,
            BookField::Cover => &mut metadata.cover_image,
        }
    }

    fn found(self, found: &Found) -> String {
        match self {
            BookField::Title => found.title.clone(),
            BookField::Author => found.author.clone(),
            BookField::Publisher => found.publisher.clone(),
            BookField::PublicationDate => found.publication_date.clone(),
            BookField::Pages => found.pages.clone(),
            BookField::Isbn10 => found.isbn10.clone(),
            BookField::Isbn13 => found.isbn13.clone(),
            BookField::Language => found.language.clone(),
            BookField::Cover => found.cover_url(COVERS, 'L').unwrap_or_default(),
        }
    }
}

/// A field a chosen book would change: what the writer has, and what the book has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field.
    pub field: BookField,
    /// The writer's value (maybe empty).
    pub yours: String,
    /// The book's value (never empty).
    pub theirs: String,
}

impl Change {
    /// Whether the change is taken unless the writer says otherwise: only into an empty field,
    /// so that nothing typed is overwritten without the writer's choice.
    pub fn taken_by_default(&self) -> bool {
        self.yours.trim().is_empty()
    }
}

/// The fields `found` would change in `metadata`: those where it has a value that differs from
/// the writer's (an ISBN compared by its digits).
pub fn changes(metadata: &Metadata, found: &Found) -> Vec<Change> {
    let mut copy = metadata.clone();
    BookField::ALL
        .into_iter()
        .filter_map(|field| {
            let theirs = field.found(found);
            let yours = field.of(&mut copy).clone();
            let same = match field {
                BookField::Isbn10 | BookField::Isbn13 => {
                    crate::review::isbn::digits_only(&yours) == theirs
                }
                _ => yours.trim() == theirs,
            };
            (!theirs.is_empty() && !same).then_some(Change {
                field,
                yours,
                theirs,
            })
        })
        .collect()
}

/// `metadata` with the `chosen` changes made; every other field as it was.
pub fn with_changes(metadata: &Metadata, chosen: &[Change]) -> Metadata {
    let mut out = metadata.clone();
    for change in chosen {
        *change.field.of(&mut out) = change.theirs.clone();
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// An answer shaped as Open Library's search writes it (2026), trimmed to two works.
    const ANSWER: &str = r#"{
      "numFound": 2, "start": 0, "numFoundExact": true, "num_found": 2,
      "q": "isbn:9780441478125", "offset": null,
      "docs": [
        {
          "title": "The Left Hand of Darkness",
          "author_name": ["Ursula K. Le Guin"],
          "first_publish_year": 1969,
          "number_of_pages_median": 304,
          "cover_i": 8739163,
          "editions": {
            "numFound": 1, "start": 0, "numFoundExact": true,
            "docs": [{
              "key": "/books/OL7933283M",
              "title": "The Left Hand of\nDarkness ",
              "publisher": ["Ace", "Ace Books"],
              "publish_date": ["March 15, 1987"],
              "isbn": ["0441478123", "9780441478125"],
              "language": ["eng"],
              "cover_i": 283860
            }]
          }
        },
        {
          "title": "<script>alert(1)</script> Companion",
          "author_name": ["Someone", "Else"],
          "first_publish_year": 2001,
          "editions": {"numFound": 0, "start": 0, "numFoundExact": true, "docs": []}
        }
      ]
    }"#;

    #[test]
    fn an_answer_is_read_into_its_editions_facts() {
        let found = read_answer(ANSWER, Some("9780441478125")).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0],
            Found {
                title: "The Left Hand of Darkness".into(),
                author: "Ursula K. Le Guin".into(),
                publisher: "Ace".into(),
                publication_date: "March 15, 1987".into(),
                pages: "304".into(),
                isbn10: "0441478123".into(),
                isbn13: "9780441478125".into(),
                language: "English".into(),
                cover: Some(283860),
            }
        );
        assert_eq!(
            found[0]
                .cover_url("https://covers.openlibrary.org", 'M')
                .as_deref(),
            Some("https://covers.openlibrary.org/b/id/283860-M.jpg")
        );
        // A work without an edition: its own facts; its text stays text (the UI escapes it).
        assert_eq!(found[1].title, "<script>alert(1)</script> Companion");
        assert_eq!(found[1].author, "Someone, Else");
        assert_eq!(found[1].publication_date, "2001");
        assert_eq!((found[1].isbn13.as_str(), found[1].cover), ("", None));
    }

    #[test]
    fn empty_odd_and_broken_answers() {
        assert_eq!(read_answer(r#"{"docs": []}"#, None), Ok(vec![]));
        assert_eq!(read_answer("{}", None), Ok(vec![]));
        // Fields it does not know are ignored; a work with no title is left out.
        assert_eq!(
            read_answer(r#"{"docs": [{"key": "/works/OL1W", "ratings": 5}]}"#, None),
            Ok(vec![])
        );
        for broken in [
            "",
            "<html>Too many requests</html>",
            r#"{"docs": "#,
            r#"{"docs": [{"title": 5}]}"#,
        ] {
            assert_eq!(
                read_answer(broken, None),
                Err("Open Library's answer could not be read.".into()),
                "{broken:?}"
            );
        }
        // Text is cleaned and cut; a zero page count or cover number is none.
        let long = format!(
            r#"{{"docs": [{{"title": "A\u0000\u0007b\t\tc \u202e{}", "number_of_pages_median": 0, "cover_i": 0}}]}}"#,
            "x".repeat(1000)
        );
        let found = &read_answer(&long, None).unwrap()[0];
        // Controls and a right-to-left override are taken out; a tab is a space.
        assert!(found.title.starts_with("Ab c xxx"), "{:?}", found.title);
        assert_eq!(found.title.chars().count(), MAX_TEXT);
        assert_eq!((found.pages.as_str(), found.cover), ("", None));
    }

    #[test]
    fn the_query_is_the_isbn_when_one_is_valid_else_title_and_author() {
        let mut m = Metadata {
            title: "The Left Hand of Darkness".into(),
            author: "Ursula K. Le Guin".into(),
            isbn13: "978-0-441-47812-4".into(), // a wrong check digit
            isbn10: "0-441-47812-3".into(),
            ..Metadata::default()
        };
        assert_eq!(Query::of(&m), Some(Query::Isbn("0441478123".into())));
        m.isbn13 = "978-0-441-47812-5".into();
        assert_eq!(Query::of(&m), Some(Query::Isbn("9780441478125".into())));
        m.isbn13.clear();
        m.isbn10.clear();
        let words = Query::of(&m).unwrap();
        assert_eq!(words.text(), "The Left Hand of Darkness Ursula K. Le Guin");
        assert_eq!(
            words.url("https://openlibrary.org").split("&fields").next(),
            Some("https://openlibrary.org/search.json?q=The%20Left%20Hand%20of%20Darkness%20Ursula%20K.%20Le%20Guin")
        );
        assert!(Query::Isbn("9780441478125".into())
            .url("http://127.0.0.1:9")
            .starts_with("http://127.0.0.1:9/search.json?q=isbn%3A9780441478125&fields="));
        assert_eq!(Query::of(&Metadata::default()), None);
        assert_eq!(Query::typed("  "), None);
        assert_eq!(
            Query::typed(" 0-441-47812-3 "),
            Some(Query::Isbn("0441478123".into()))
        );
        // Hostile text is only ever a value in the query string.
        assert!(Query::typed("a&limit=1000#x")
            .unwrap()
            .url("")
            .contains("q=a%26limit%3D1000%23x&"));
    }

    #[test]
    fn only_empty_fields_are_taken_by_default_and_nothing_else_changes() {
        let found = read_answer(ANSWER, Some("9780441478125"))
            .unwrap()
            .remove(0);
        let mine = Metadata {
            title: "Left Hand of Darkness".into(),
            isbn13: "978-0-441-47812-5".into(),
            language: "English".into(),
            genre: "Science fiction".into(),
            ..Metadata::default()
        };
        let changes = changes(&mine, &found);
        let fields: Vec<_> = changes.iter().map(|c| c.field).collect();
        // The ISBN-13 is the same digits, the language the same: not offered.
        assert_eq!(
            fields,
            [
                BookField::Title,
                BookField::Author,
                BookField::Publisher,
                BookField::PublicationDate,
                BookField::Pages,
                BookField::Isbn10,
                BookField::Cover
            ]
        );
        let title = &changes[0];
        assert_eq!(
            (title.yours.as_str(), title.theirs.as_str()),
            ("Left Hand of Darkness", "The Left Hand of Darkness")
        );
        assert!(!title.taken_by_default());
        assert!(changes[1..].iter().all(Change::taken_by_default));
        let taken: Vec<_> = changes
            .iter()
            .filter(|c| c.taken_by_default())
            .cloned()
            .collect();
        let after = with_changes(&mine, &taken);
        assert_eq!(after.title, "Left Hand of Darkness");
        assert_eq!(after.author, "Ursula K. Le Guin");
        assert_eq!(after.pages, "304");
        assert_eq!(after.isbn13, "978-0-441-47812-5");
        assert_eq!(after.genre, "Science fiction");
        assert_eq!(after.cover_image, format!("{COVERS}/b/id/283860-L.jpg"));
        // Chosen or not, applying nothing changes nothing.
        assert_eq!(with_changes(&mine, &[]), mine);
    }
}
