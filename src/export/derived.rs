//! Text that a platform or a search engine shows *about* a post rather than in it: Hugo's
//! `summary`, Jekyll's `excerpt`, the standalone page's `description` and Open Graph text, the
//! structured data's `reviewBody`. Left to themselves, platforms cut these from the start of the
//! body, spoilers included, so Verdict writes them itself, from non-spoiler text only: spoiler
//! sections are skipped, and a sentence that held an inline spoiler is left out whole (cutting
//! just the spoiler out would leave "hauling a sledge, ." and still hint at it).

use crate::markup::escape;
use crate::review::Review;

/// Stands where an inline spoiler was in gathered plain text, so that its sentence can be
/// found and left out. A typed U+FFFC only makes its own sentence left out too: never a leak.
pub const SPOILER_MARK: char = '\u{FFFC}';

/// How many characters a derived summary holds at most (search engines show about 155–160 of a
/// description; Open Graph cards about 200).
pub const SUMMARY_CHARS: usize = 200;

/// The sentences of one line of plain text, each with its closing punctuation and without the
/// white space between them. A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes
/// or brackets) that white space or the end follows. An abbreviation ("Mr.") ends one too,
/// which only ever leaves out more, never less.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if matches!(
                next,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']'
            ) {
                end = next_at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if chars.peek().is_none_or(|&(_, next)| next.is_whitespace()) {
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// `text` without every sentence that holds a [`SPOILER_MARK`]; `None` if nothing is left.
pub fn without_spoiler_sentences(text: &str) -> Option<String> {
    if !text.contains(SPOILER_MARK) {
        return (!text.trim().is_empty()).then(|| text.to_string());
    }
    let kept: Vec<&str> = sentences(text)
        .into_iter()
        .filter(|s| !s.contains(SPOILER_MARK))
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The post's summary for every derived field: the writer's own (`Summary` in the form) when
/// filled, else the first sentences of the spoiler-free text, at most [`SUMMARY_CHARS`]
/// characters, ending at a sentence's end (or, for one longer sentence, at a word's end with
/// `…`). Empty when the review has no spoiler-free text.
pub fn summary(review: &Review) -> String {
    // Section by section, so that only as much text is parsed as the summary takes.
    summary_from(
        review,
        review
            .sections
            .iter()
            .filter(|s| !s.spoiler)
            .flat_map(|s| super::structured::plain_parts(&s.body)),
    )
}

/// [`summary`], with the spoiler-free plain text of the review's non-spoiler sections given
/// (the HTML page gathers it while it writes the article).
pub fn summary_from<S: AsRef<str>>(review: &Review, parts: impl IntoIterator<Item = S>) -> String {
    let own = escape::one_line(&review.metadata.summary);
    if !own.is_empty() {
        return own;
    }
    summary_of(parts)
}

/// Whether a part reads as prose (ends as a sentence does), rather than a list item, a
/// heading or a label, which a summary would string together into nonsense ("grace Iowa").
fn is_prose(part: &str) -> bool {
    part.trim_end()
        .ends_with(['.', '!', '?', '…', '"', '\'', '”', '’', ')'])
}

/// [`summary`] from spoiler-free parts, taken only as far as needed: prose only, or, when the
/// text holds none, whatever comes first.
pub fn summary_of<S: AsRef<str>>(parts: impl IntoIterator<Item = S>) -> String {
    let mut parts = parts.into_iter().peekable();
    let first = parts.peek().map(|part| part.as_ref().to_string());
    let summary = first_sentences(parts.filter(|part| is_prose(part.as_ref())));
    match first {
        Some(first) if summary.is_empty() => first_sentences(std::iter::once(first)),
        _ => summary,
    }
}

/// The first sentences of `parts` that fit in [`SUMMARY_CHARS`].
fn first_sentences<S: AsRef<str>>(parts: impl Iterator<Item = S>) -> String {
    let mut out = String::new();
    let mut count = 0;
    for part in parts {
        let part = part.as_ref();
        for sentence in sentences(part) {
            let len = sentence.chars().count();
            if count == 0 && len > SUMMARY_CHARS {
                return cut_at_word(sentence, SUMMARY_CHARS);
            }
            if count + 1 + len > SUMMARY_CHARS {
                return out;
            }
            if count > 0 {
                out.push(' ');
                count += 1;
            }
            out.push_str(sentence);
            count += len;
        }
    }
    out
}

/// The start of `text` cut at the end of a word so that it and `…` fit in `max` characters.
fn cut_at_word(text: &str, max: usize) -> String {
    let limit = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..limit];
    let cut = match head.rfind(char::is_whitespace) {
        Some(space) if space > 0 => head[..space].trim_end(),
        _ => head,
    };
    let cut = cut.trim_end_matches([',', ';', ':', '–', '—', '-']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_white_space() {
        assert_eq!(
            sentences("One. Two? “Three!” Four… e.g. five 3.5 stars"),
            [
                "One.",
                "Two?",
                "“Three!”",
                "Four…",
                "e.g.",
                "five 3.5 stars"
            ]
        );
        assert_eq!(sentences("  "), Vec::<&str>::new());
        assert_eq!(sentences("No stop"), ["No stop"]);
    }

    #[test]
    fn a_sentence_that_held_a_spoiler_goes_whole() {
        let text = format!("She set out. Hauling a sledge, {SPOILER_MARK}. It was cold.");
        assert_eq!(
            without_spoiler_sentences(&text).as_deref(),
            Some("She set out. It was cold.")
        );
        assert_eq!(without_spoiler_sentences(&format!("{SPOILER_MARK}!")), None);
        assert_eq!(without_spoiler_sentences("Plain."), Some("Plain.".into()));
    }

    #[test]
    fn the_summary_skips_spoilers_and_ends_at_a_sentence() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[0].body = "They are clones. SECRET sentence.".into();
        review.sections[0].spoiler = true;
        review.sections[1].body =
            "The prose is **quiet**. I loved how ||Ruth dies|| is told. A second paragraph follows here.\n\nMore.".into();
        assert_eq!(
            summary(&review),
            "The prose is quiet. A second paragraph follows here. More."
        );
        review.sections[1].body = "word ".repeat(100);
        let cut = summary(&review);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= SUMMARY_CHARS,
            "{cut}"
        );
        review.metadata.summary = "My own\nsummary.".into();
        assert_eq!(summary(&review), "My own summary.");
    }

    #[test]
    fn the_summary_stops_before_a_sentence_that_does_not_fit() {
        let long = "b".repeat(SUMMARY_CHARS);
        let parts = vec![format!("Short one. {long}.")];
        assert_eq!(summary_of(&parts), "Short one.");
        assert_eq!(summary_of(Vec::<String>::new()), "");
        // List items and headings are not strung into it; with no prose, the first part is.
        assert_eq!(
            summary_of(["Heading", "grace", "Iowa", "It moved me.", "Verdict"]),
            "It moved me."
        );
        assert_eq!(summary_of(["grace", "Iowa"]), "grace");
    }
}
