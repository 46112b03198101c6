//! Reading Markdown: Verdict's own (with markers) exactly; any other as well as it can be read.
//!
//! For Markdown without markers: front matter (YAML `---` or TOML `+++`) fills the fields it
//! names; the first `#` heading is the post title; a list of `Label: value` lines under it fills
//! the book details the way Verdict writes them; each top-level `##` heading starts a section;
//! a section wrapped whole in `<details>`, a HackMD `:::spoiler` block or an Obsidian
//! `[!spoiler]` callout becomes a spoiler section; Reddit's `>!…!<` becomes `||…||`; a closing
//! `Rating:` line and `Posted in:` / `Tagged:` lines fill the rating and lists. Text that fits
//! nowhere is kept in a section of its own.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::formats::markers::{self, ReviewMarker, SectionMarker};
use crate::markup::markers::{is_marker, PREFIX};
use crate::review::{
    default_post_title, CustomField, Format, Metadata, Rating, Review, Section, Template,
};

use super::yaml::{parse_toml, parse_yaml, Value};
use super::{Imported, Source};

/// Reads Markdown text.
pub fn import(text: &str) -> Imported {
    // Verdict's own file first, exactly as it is (a review may hold carriage returns).
    if let Some((review, visible)) = exact(split_front_matter(text, &mut Vec::new()).1) {
        return verdict_markdown(review, visible);
    }
    let text = text.replace("\r\n", "\n");
    let mut notes = Vec::new();
    let (front, body) = split_front_matter(&text, &mut notes);
    if let Some((review, visible)) = exact(body) {
        return verdict_markdown(review, visible);
    }
    let unmarked;
    let body = if body.contains(PREFIX) {
        notes.push("This file was written by Verdict but changed since, so it was read as plain Markdown: check the sections and spoilers.".to_string());
        // The markers no longer fit the text: read it without them.
        unmarked = body
            .split_inclusive('\n')
            .filter(|line| !is_marker(line.trim()))
            .collect::<String>();
        unmarked.as_str()
    } else {
        body
    };
    // Verdict's Jekyll export keeps Liquid away from the text with one `{% raw %}` block.
    let unraw;
    let body = match body
        .trim_start_matches('\n')
        .strip_prefix("{% raw %}")
        .and_then(|b| b.trim_end().strip_suffix("{% endraw %}"))
    {
        Some(inner) => {
            unraw = inner.replace("end{% endraw %}{% raw %}raw", "endraw");
            unraw.as_str()
        }
        None => body,
    };
    let review = plain(front.as_ref(), body, &mut notes);
    Imported {
        review,
        source: Source::Markdown,
        notes,
    }
}

/// The front matter (if any) and the text after it; what could not be read in the front
/// matter is named in `notes`.
fn split_front_matter<'a>(text: &'a str, notes: &mut Vec<String>) -> (Option<Value>, &'a str) {
    for (fence, parse) in [
        (
            "---",
            (|text, _| parse_yaml(text)) as fn(&str, &mut Vec<String>) -> Value,
        ),
        ("+++", parse_toml),
    ] {
        let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n')) else {
            continue;
        };
        let close = format!("\n{fence}\n");
        if let Some(end) = rest.find(&close).or_else(|| {
            rest.strip_suffix(&format!("\n{fence}"))
                .map(|r| r.len())
                .or_else(|| rest.starts_with(&format!("{fence}\n")).then_some(0))
        }) {
            let inner = &rest[..end];
            let after = rest[end..]
                .strip_prefix(&close)
                .or_else(|| rest[end..].strip_prefix(&format!("{fence}\n")))
                .unwrap_or("");
            return (Some(parse(inner, notes)), after);
        }
    }
    (None, text)
}

/// Verdict's own Markdown, read back; `visible` sections of it came from their visible text.
fn verdict_markdown(review: Review, visible: usize) -> Imported {
    let notes = if visible == 0 {
        Vec::new()
    } else {
        vec![format!(
            "{visible} section{s} holding spoilers {verb} read from the text as published, since a file's comments never keep a spoiler: {it} the same, but {its} Markdown may be written differently from how it was typed. Verdict's JSON file keeps a review exactly.",
            s = if visible == 1 { "" } else { "s" },
            verb = if visible == 1 { "was" } else { "were" },
            it = if visible == 1 { "it reads" } else { "they read" },
            its = if visible == 1 { "its" } else { "their" },
        )]
    };
    Imported {
        review,
        source: Source::VerdictMarkdown,
        notes,
    }
}

/// Verdict's own Markdown, read back through its markers, with how many sections came from
/// their visible text; `None` if the markers are missing or do not fit the text (the file was
/// edited).
fn exact(body: &str) -> Option<(Review, usize)> {
    let body = body.trim_start_matches('\n');
    let (head, rest): (ReviewMarker, _) = markers::read("review", body)?;
    if head.v > markers::MARKER_VERSION {
        return None;
    }
    let mut rest = rest.get(head.head_len..)?;
    let mut sections = Vec::with_capacity(head.sections);
    let mut from_visible = 0;
    for _ in 0..head.sections {
        let (marker, after): (SectionMarker, _) = markers::read("section", rest)?;
        let chunk = after.get(..marker.len)?;
        // A body that held a spoiler is never in its marker (a comment is public): it reads
        // back from its visible text, with listed inline spoilers put back in their places.
        from_visible += usize::from(marker.rewritten);
        let body = marker.body.unwrap_or_else(|| {
            let visible = markers::visible_body(chunk, &marker.heading, marker.spoiler);
            relist_inline_spoilers(&promote_headings(&visible))
        });
        sections.push(Section {
            id: marker.id,
            heading: marker.heading,
            body,
            spoiler: marker.spoiler,
        });
        rest = &after[marker.len..];
    }
    markers::read_end(rest)?;
    Some((
        Review {
            metadata: head.metadata,
            post_title: head.post_title,
            sections,
            rating: head.rating,
        },
        from_visible,
    ))
}

/// The exports write a body's headings two levels down (under the title and the section's
/// heading): a body read back from its visible text has them put back up (`####` → `##`; a
/// heading written at level 6 comes back at 4, whatever it was typed at).
pub fn promote_headings(text: &str) -> String {
    let mut starts = Vec::new();
    let parser = Parser::new_ext(text, crate::markup::spoilers::parser_options());
    for (event, range) in parser.into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let hashes = text[range.start..]
                .chars()
                .take_while(|c| *c == '#')
                .count();
            if hashes >= 3 && hashes == level as usize {
                starts.push(range.start);
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for start in starts {
        out.push_str(&text[last..start]);
        last = start + 2;
    }
    out.push_str(&text[last..]);
    out
}

/// The opening of the block that lists a paragraph's inline spoilers in the GitHub export.
const SPOILER_LIST: &str = "<details>\n<summary>Spoilers</summary>\n\n";

/// Text written with inline spoilers listed (`[spoiler 1]` in the paragraph, `1. …` in a
/// `<details>` block after it) with each spoiler back in its place as `||…||`. A placeholder
/// with no item, or a block that is not such a list, is left as it is.
pub fn relist_inline_spoilers(text: &str) -> String {
    if !text.contains(SPOILER_LIST) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(SPOILER_LIST) {
        let before = &rest[..at];
        let after = &rest[at + SPOILER_LIST.len()..];
        let Some(end) = after.find("\n\n</details>") else {
            break;
        };
        // Numbered on from the body's earlier lists: `2. …` may open one.
        let mut items: Vec<(usize, &str)> = Vec::new();
        for line in after[..end].lines() {
            let Some((n, content)) = line.split_once(". ") else {
                items.clear();
                break;
            };
            match n.parse::<usize>() {
                Ok(n) if items.last().is_none_or(|(last, _)| n == last + 1) => {
                    items.push((n, content))
                }
                _ => {
                    items.clear();
                    break;
                }
            }
        }
        if items.is_empty() {
            out.push_str(&rest[..at + SPOILER_LIST.len()]);
            rest = after;
            continue;
        }
        let mut paragraph = before.to_string();
        for (n, content) in &items {
            paragraph = paragraph.replace(&format!("[spoiler {n}]"), &format!("||{content}||"));
        }
        out.push_str(paragraph.trim_end_matches('\n'));
        rest = &after[end + "\n\n</details>".len()..];
        if !rest.is_empty() {
            out.push_str("\n\n");
            rest = rest.trim_start_matches('\n');
        }
    }
    out.push_str(rest);
    out
}

/// Top-level headings of level 1 or 2: (level, byte range of the whole heading, its text).
fn top_headings(body: &str) -> Vec<(HeadingLevel, std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(HeadingLevel, usize, String)> = None;
    for (event, range) in
        Parser::new_ext(body, crate::markup::spoilers::parser_options()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                current = Some((level, range.start, String::new()));
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) if depth == 1 && current.is_some() => {
                depth -= 1;
                if let Some((level, start, text)) = current.take() {
                    if matches!(level, HeadingLevel::H1 | HeadingLevel::H2) {
                        out.push((level, start..range.end, text.trim().to_string()));
                    }
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            // Raw HTML in a heading is kept as the text it is (the editor shows it, and the
            // preview and exports escape it).
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

fn plain(front: Option<&Value>, body: &str, notes: &mut Vec<String>) -> Review {
    let mut review = Review::default();
    if let Some(front) = front {
        fill_from_front_matter(&mut review, front);
    }
    let headings = top_headings(body);
    let mut cursor = 0;
    let mut sections: Vec<Section> = Vec::new();
    let mut intro = String::new();
    let mut h1_seen = false;
    // Where each section's text starts and its heading, in order.
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (level, range, text) in &headings {
        if *level == HeadingLevel::H1 && !h1_seen && starts.is_empty() {
            h1_seen = true;
            intro.push_str(&body[cursor..range.start]);
            if review.post_title.is_empty() && front.and_then(|f| f.text_of("title")).is_none() {
                review.post_title = text.clone();
            }
            cursor = range.end;
        } else if *level == HeadingLevel::H2 {
            if starts.is_empty() {
                intro.push_str(&body[cursor..range.start]);
            }
            starts.push((range.end, text.clone()));
        }
    }
    let mut chunks: Vec<(String, String)> = Vec::new();
    // Each section ends where the next `##` heading starts (looked up by index: a file may
    // hold thousands of headings).
    let ends: Vec<usize> = headings
        .iter()
        .filter(|(level, _, _)| *level == HeadingLevel::H2)
        .skip(1)
        .map(|(_, r, _)| r.start)
        .collect();
    for (i, (start, heading)) in starts.iter().enumerate() {
        let end = ends.get(i).copied().unwrap_or(body.len());
        chunks.push((heading.clone(), body[*start..end].to_string()));
    }
    if starts.is_empty() {
        intro.push_str(&body[cursor..]);
    }
    // The closing rating and list lines, as Verdict writes them, end the last text.
    match chunks.last_mut() {
        Some((_, last)) => *last = take_closing_lines(&mut review, last),
        None => intro = take_closing_lines(&mut review, &intro),
    }
    for (heading, text) in &chunks {
        sections.push(section_from(heading, text, 0));
    }
    // The book details list under the title, as Verdict writes it.
    // Without front matter, the list's labels are the only sign of the kind of work.
    let intro = take_detail_lines(&mut review.metadata, &intro, front.is_none());
    if !intro.trim().is_empty() {
        let section = section_from("", intro.trim(), 0);
        sections.insert(0, section);
        if !starts.is_empty() {
            notes.push(
                "The text before the first heading was kept in an untitled first section."
                    .to_string(),
            );
        }
    }
    for (i, section) in sections.iter_mut().enumerate() {
        section.id = i as u64 + 1;
    }
    if sections.is_empty() {
        sections.push(Section::new(1, ""));
    }
    review.sections = sections;
    // A post title equal to the default stays empty, so it keeps following the book's title.
    if review.post_title == default_post_title(&review.metadata.title, &review.metadata.author) {
        review.post_title.clear();
    }
    review
}

/// A section from its heading and the Markdown under it, unwrapping a whole-section spoiler.
fn section_from(heading: &str, text: &str, id: u64) -> Section {
    let text = text.trim_matches('\n');
    let (body, spoiler) = unwrap_spoiler(text);
    Section {
        id,
        heading: heading.to_string(),
        body: reddit_spoilers(&body),
        spoiler,
    }
}

/// `<details>` (also kramdown's), Hugo's `details` shortcode, `:::spoiler` and `> [!spoiler]`
/// wrappers around a whole section.
fn unwrap_spoiler(text: &str) -> (String, bool) {
    let trimmed = text.trim();
    // Hugo's shortcode (Verdict's Hugo export).
    if let Some(rest) = trimmed.strip_prefix("{{< details summary=") {
        if let (Some(open_end), Some(inner)) =
            (rest.find(">}}"), rest.strip_suffix("{{< /details >}}"))
        {
            if open_end + 3 <= inner.len() {
                return (inner[open_end + 3..].trim_matches('\n').to_string(), true);
            }
        }
    }
    let details = trimmed
        .strip_prefix("<details>")
        .or_else(|| trimmed.strip_prefix("<details markdown=\"1\">"));
    if let Some(inner) = details.and_then(|t| t.strip_suffix("</details>")) {
        let inner = inner.trim_start();
        let inner = match inner.strip_prefix("<summary>") {
            Some(rest) => rest
                .find("</summary>")
                .map(|at| &rest[at + 10..])
                .unwrap_or(rest),
            None => inner,
        };
        return (inner.trim_matches('\n').to_string(), true);
    }
    // HackMD: a fence of three or more colons (longer when the body holds one).
    let colons = trimmed.chars().take_while(|c| *c == ':').count();
    if colons >= 3 {
        let fence = &trimmed[..colons];
        if let Some(inner) = trimmed[colons..]
            .strip_prefix("spoiler")
            .and_then(|rest| rest.strip_suffix(fence))
        {
            let inner = inner.split_once('\n').map(|(_, body)| body).unwrap_or("");
            return (inner.trim_matches('\n').to_string(), true);
        }
    }
    let mut lines = trimmed.lines();
    if let Some(first) = lines.next() {
        let callout = first
            .trim_start_matches('>')
            .trim_start()
            .to_ascii_lowercase();
        if first.starts_with('>') && callout.starts_with("[!spoiler]") {
            let rest: Vec<&str> = lines.collect();
            if rest.iter().all(|l| l.starts_with('>')) {
                let body: Vec<&str> = rest
                    .iter()
                    .map(|l| {
                        let l = &l[1..];
                        l.strip_prefix(' ').unwrap_or(l)
                    })
                    .collect();
                return (body.join("\n").trim_matches('\n').to_string(), true);
            }
        }
    }
    (text.to_string(), false)
}

/// Reddit's `>!spoiler!<` as Verdict's `||spoiler||`.
fn reddit_spoilers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(">!") {
        let Some(len) = rest[start + 2..].find("!<") else {
            break;
        };
        let inner = &rest[start + 2..start + 2 + len];
        if inner.contains('\n') || inner.is_empty() {
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            continue;
        }
        out.push_str(&rest[..start]);
        out.push_str("||");
        out.push_str(inner);
        out.push_str("||");
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

fn fill_from_front_matter(review: &mut Review, front: &Value) {
    let m = &mut review.metadata;
    // The work's mapping is named for its template: `book:`, `film:`, `game:` or `album:`.
    let (template, book) = Template::ALL
        .into_iter()
        .find_map(|t| {
            let key = t.key();
            front
                .get(key)
                .or_else(|| front.get("params").and_then(|p| p.get(key)))
                .or_else(|| front.get(&format!("params.{key}")))
                .map(|v| (t, Some(v)))
        })
        .unwrap_or((Template::Book, None));
    m.template = template;
    let text = |v: Option<&Value>, key: &str| v.and_then(|v| v.text_of(key)).unwrap_or_default();
    m.title = text(book, "title");
    m.author = text(book, template.creator_key());
    m.runtime = text(book, "runtime");
    m.platform = text(book, "platform");
    m.tracks = text(book, "tracks");
    m.cover_image = text(book, "cover");
    m.custom = book
        .and_then(|b| b.get("fields"))
        .map(|fields| {
            fields
                .list_items()
                .iter()
                .filter_map(|item| {
                    let (label, value) = item.split_once(": ")?;
                    Some(CustomField {
                        label: label.to_string(),
                        value: value.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    m.format = Format::ALL
        .into_iter()
        .find(|f| {
            let typed = text(book, "format");
            !typed.is_empty() && (f.label().eq_ignore_ascii_case(&typed) || f.key() == typed)
        })
        .unwrap_or_default();
    m.pages = text(book, "pages");
    m.publisher = text(book, template.publisher_key());
    m.publication_date = text(book, template.date_key());
    m.language = text(book, "language");
    m.isbn10 = text(book, "isbn10");
    m.isbn13 = text(book, "isbn13");
    m.genre = text(book, "genres");
    m.audience = text(book, "audience");
    m.categories = text(Some(front), "categories");
    m.tags = text(Some(front), "tags");
    m.reviewer = text(Some(front), "author");
    m.post_date = text(Some(front), "date");
    review.post_title = text(Some(front), "title");
    review.rating = front.text_of("rating").and_then(|r| Rating::parse(&r));
}

/// Takes a cover image line (`![Cover of …](<https://…>)`, as exports write it) that opens
/// `text` into an empty `cover_image`; returns what is left.
fn take_cover_line(m: &mut Metadata, text: &str) -> String {
    let trimmed = text.trim_start_matches('\n');
    let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let url = first
        .strip_prefix("![Cover")
        .and_then(|l| l.split_once("](<"))
        .and_then(|(_, l)| l.strip_suffix(">)"))
        .filter(|url| crate::review::validation::usable_cover(url).is_some());
    match url {
        Some(url) => {
            // Front matter may have given the cover already; the line is taken either way.
            if m.cover_image.is_empty() {
                m.cover_image = url.to_string();
            }
            rest.to_string()
        }
        None => text.to_string(),
    }
}

/// Takes the `- Label: value` lines that open `text` into the metadata (only into empty
/// fields); returns what is left.
fn take_detail_lines(m: &mut Metadata, text: &str, infer_template: bool) -> String {
    let text = take_cover_line(m, text);
    let text = text.as_str();
    let mut rest = Vec::new();
    let mut in_list = true;
    for line in text.trim_start_matches('\n').lines() {
        let item = line.strip_prefix("- ").map(unescape_inline);
        let taken = in_list
            && item
                .as_deref()
                .and_then(|i| i.split_once(": "))
                .is_some_and(|(label, value)| take_detail(m, label, value, infer_template));
        if !taken {
            in_list = in_list && line.trim().is_empty() && rest.is_empty();
            if !(rest.is_empty() && line.trim().is_empty()) {
                rest.push(line);
            }
        }
    }
    rest.join("\n")
}

/// Takes one `Label: value` line of the details list: a template's field, or else one of the
/// person's own fields. With `infer_template`, a label only another template writes also sets
/// the template (front matter, when there is some, has already said which it is).
fn take_detail(m: &mut Metadata, label: &str, value: &str, infer_template: bool) -> bool {
    fn set(field: &mut String, value: &str) -> bool {
        if field.is_empty() {
            *field = value.to_string();
        }
        true
    }
    if let Some(format) = Format::ALL
        .into_iter()
        .find(|f| *f != Format::Unset && f.label() == label)
    {
        if m.format == Format::Unset {
            m.format = format;
        }
        let pages = value.strip_suffix(" pages").unwrap_or(value);
        return set(&mut m.pages, pages);
    }
    let kind = match label {
        "Director" | "Studio" | "Runtime" => Some(Template::Film),
        "Developer" | "Platform" => Some(Template::Game),
        "Artist" | "Label" | "Length" | "Tracks" => Some(Template::Album),
        _ => None,
    };
    if let Some(kind) = kind.filter(|_| infer_template && m.template == Template::Book) {
        m.template = kind;
    }
    match label {
        "Format" => {
            if let Some(f) = Format::ALL.into_iter().find(|f| f.label() == value) {
                m.format = f;
            }
            true
        }
        "Pages" => set(&mut m.pages, value),
        // The publisher's line is named for the template: a studio, a label.
        "Publisher" | "Studio" | "Label" => match value
            .rsplit_once(" (")
            .and_then(|(p, d)| Some((p, d.strip_suffix(')')?)))
        {
            Some((publisher, date)) => {
                set(&mut m.publisher, publisher);
                set(&mut m.publication_date, date)
            }
            None => set(&mut m.publisher, value),
        },
        "Published" | "Released" => set(&mut m.publication_date, value),
        "Director" | "Developer" | "Artist" => set(&mut m.author, value),
        "Runtime" | "Length" => set(&mut m.runtime, value),
        "Platform" => set(&mut m.platform, value),
        "Tracks" => set(&mut m.tracks, value),
        "Language" => set(&mut m.language, value),
        "ISBN-10" => set(&mut m.isbn10, value),
        "ISBN-13" => set(&mut m.isbn13, value),
        "Genre" => set(&mut m.genre, value),
        "Target group" | "Audience" => set(&mut m.audience, value),
        // Anything else in the list is one of the person's own fields (front matter may have
        // brought it already).
        _ => {
            let known = m
                .custom
                .iter()
                .any(|f| f.label.trim() == label && f.value.trim() == value);
            if !known {
                m.custom.push(CustomField {
                    label: label.to_string(),
                    value: value.to_string(),
                });
            }
            true
        }
    }
}

/// Takes the closing `Rating:`, `Posted in:` and `Tagged:` lines off the end of `text`.
fn take_closing_lines(review: &mut Review, text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    while let Some(last) = lines.last() {
        let line = unescape_inline(last.trim_end_matches(' '));
        if let Some(value) = line.strip_prefix("Posted in: ") {
            if review.metadata.categories.is_empty() {
                review.metadata.categories = value.to_string();
            }
        } else if let Some(value) = line.strip_prefix("Tagged: ") {
            if review.metadata.tags.is_empty() {
                review.metadata.tags = value.to_string();
            }
        } else if let Some(value) = line.strip_prefix("Rating: ") {
            let number = value
                .split_whitespace()
                .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
            if review.rating.is_none() {
                review.rating = number.and_then(Rating::parse);
            }
        } else if !line.trim().is_empty() {
            break;
        }
        lines.pop();
    }
    lines.join("\n").trim_end().to_string()
}

/// Backslash escapes of punctuation removed (Verdict escapes inline text that way).
fn unescape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_headings_go_back_up_two_levels() {
        assert_eq!(
            promote_headings(
                "#### Not a section\n\ntext ### not\n\n```\n### code\n```\n###### Six"
            ),
            "## Not a section\n\ntext ### not\n\n```\n### code\n```\n#### Six"
        );
        assert_eq!(promote_headings("# One\n## Two"), "# One\n## Two");
    }

    #[test]
    fn listed_inline_spoilers_go_back_in_their_places() {
        let text = "It was [spoiler 1] and [spoiler 2]\\.\n\n<details>\n<summary>Spoilers</summary>\n\n1. the *butler*\n2. me\n\n</details>\n\n\nNext.";
        assert_eq!(
            relist_inline_spoilers(text),
            "It was ||the *butler*|| and ||me||\\.\n\nNext."
        );
        let not_a_list = "A\n\n<details>\n<summary>Spoilers</summary>\n\nfree text\n\n</details>";
        assert_eq!(relist_inline_spoilers(not_a_list), not_a_list);
    }

    #[test]
    fn plain_markdown_becomes_sections_and_keeps_everything() {
        let text = "---\ntitle: \"My post\"\ndate: 2026-11-20\ntags: [a, b]\n---\n\nIntro words.\n\n## First\n\nBody *one*.\n\n```\n## not a heading\n```\n\n## Second\n\n<details>\n<summary>Spoiler</summary>\n\nHidden >!bit!<.\n\n</details>\n\nRating: ★★★★☆ 4 out of 5\n\nPosted in: books  \nTagged: x\n";
        let imported = import(text);
        assert_eq!(imported.source, Source::Markdown);
        let r = imported.review;
        assert_eq!(r.post_title, "My post");
        assert_eq!(r.metadata.post_date, "2026-11-20");
        assert_eq!(r.metadata.tags, "a, b");
        assert_eq!(r.metadata.categories, "books");
        assert_eq!(r.rating, Rating::parse("4"));
        let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["", "First", "Second"]);
        assert_eq!(r.sections[0].body, "Intro words.");
        assert!(r.sections[1].body.contains("## not a heading"));
        assert!(r.sections[2].spoiler);
        assert_eq!(r.sections[2].body, "Hidden ||bit||.");
        assert_eq!(imported.notes.len(), 1);
    }

    #[test]
    fn flavour_wrappers_become_spoiler_sections() {
        let hackmd = import("## A\n\n:::spoiler Spoiler: A\nSecret *text*\n:::\n");
        assert!(hackmd.review.sections[0].spoiler);
        assert_eq!(hackmd.review.sections[0].body, "Secret *text*");
        let obsidian = import("## B\n\n> [!spoiler]- Spoiler: B\n> Line one\n>\n> Line two\n");
        assert!(obsidian.review.sections[0].spoiler);
        assert_eq!(obsidian.review.sections[0].body, "Line one\n\nLine two");
    }

    #[test]
    fn an_empty_file_is_one_empty_section() {
        let r = import("").review;
        assert_eq!(r.sections.len(), 1);
        assert_eq!(r.sections[0].body, "");
    }

    #[test]
    fn raw_html_in_a_heading_is_kept_as_text() {
        let r =
            import("## Sec <img src=x onerror=alert(1)>\n\nBody.\n\n## <b>Bold</b> one\n").review;
        let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            ["Sec <img src=x onerror=alert(1)>", "<b>Bold</b> one"]
        );
        assert_eq!(r.sections[0].body, "Body.");
    }

    #[test]
    fn toml_multi_line_titles_are_read_whole() {
        let text = "+++\ntitle = '''My\n'post' title'''\n[book]\ntitle = \"\"\"\nGilead\"\"\"\n+++\n\n## One\n\nText.\n";
        let imported = import(text);
        assert_eq!(imported.review.post_title, "My\n'post' title");
        assert_eq!(imported.review.metadata.title, "Gilead");
        let unclosed = import("+++\ntitle = '''never closed\n+++\n\n## One\n");
        assert!(
            unclosed.notes[0].contains("\u{201c}title\u{201d} opens a multi-line string"),
            "{:?}",
            unclosed.notes
        );
    }
}
