//! Word counts, as a reader would count them: runs of letters and digits (apostrophes and
//! hyphens inside a word keep it whole), so Markdown markers such as `**` or `||` count for
//! nothing.

/// The number of words in `text`. Autosave counts a section's words each time the section
/// changed, so ASCII text (most reviews) is counted by a plain loop over its bytes: through the
/// iterator of [`word_ranges`] the size-optimised build made a call or two per byte, too slow
/// for a long section (measured: docs/performance.md). The rules are those of [`word_ranges`],
/// and a property test holds the two together.
pub fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return word_ranges(text).count();
    }
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            count += usize::from(!in_word);
            in_word = true;
        } else if !(in_word
            && matches!(b, b'\'' | b'-')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
        {
            // Anything but a joiner inside a word ends it.
            in_word = false;
        }
    }
    count
}

/// The number of words in `new`, given the text it was edited from (`old`) and that text's
/// count: only the part that changed is counted again, widened on each side to the nearest
/// ASCII whitespace, which no word crosses (so the counts of the parts add up). Autosave uses
/// it for the section being typed in, whose count would otherwise be redone in full.
pub fn recount_words(old: &str, old_words: usize, new: &str) -> usize {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let prefix = crate::bytes::common_prefix(o, n);
    let suffix = crate::bytes::common_suffix(o, n).min(o.len().min(n.len()) - prefix);
    // Just after the last whitespace of the common start (or the very start)…
    let start = o[..prefix]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    // …and at the first whitespace of the common end (or the very end): ASCII bytes, so both
    // cut the texts on character boundaries.
    let tail = &o[o.len() - suffix..];
    let into_tail = tail
        .iter()
        .position(u8::is_ascii_whitespace)
        .unwrap_or(suffix);
    let (old_end, new_end) = (o.len() - suffix + into_tail, n.len() - suffix + into_tail);
    (old_words + count_words(&new[start..new_end]))
        .saturating_sub(count_words(&old[start..old_end]))
}

/// Whether `c` may join two runs of letters into one word: an apostrophe or a hyphen.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}')
}

/// The byte ranges of the words of `text`, in order: runs of letters and digits, where a single
/// apostrophe or hyphen between two such characters keeps the word whole ("didn't",
/// "well-known") and a trailing one is not part of it. The one definition of a word, so that
/// the word count and the spoiler-leak check agree.
pub fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    // ASCII text (most reviews) is read a byte at a time, without decoding characters; the
    // rules are the same (the joiners outside ASCII cannot occur in it).
    let ascii = text.is_ascii();
    let bytes = text.as_bytes();
    let mut next = 0;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        if ascii {
            let start = next + bytes[next..].iter().position(u8::is_ascii_alphanumeric)?;
            let mut end = start;
            while end < bytes.len() {
                if bytes[end].is_ascii_alphanumeric()
                    || matches!(bytes[end], b'\'' | b'-')
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
                {
                    end += 1;
                } else {
                    break;
                }
            }
            next = end;
            return Some(start..end);
        }
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if c.is_alphanumeric() {
                chars.next();
            } else if is_joiner(c)
                && text[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                // A joiner followed by a letter or digit: the word goes on past it.
                chars.next();
            } else {
                end = at;
                break;
            }
        }
        Some(start..end)
    })
}

/// Reading speed used for reading times, in words a minute (a common average for adults).
pub const WORDS_PER_MINUTE: usize = 238;

/// Minutes to read `words` words, rounded up (0 for none).
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE)
}

/// "1 word", "1,234 words".
pub fn word_count(words: usize) -> String {
    let digits = words.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} {}", if words == 1 { "word" } else { "words" })
}

/// [`word_count`] with "· N min read" when there is anything to read.
pub fn words_and_time(words: usize) -> String {
    match reading_minutes(words) {
        0 => word_count(words),
        minutes => format!("{} · {minutes} min read", word_count(words)),
    }
}

/// The words of a whole review: what the writer wrote, every section's body. Headings are left
/// out: a new review's template headings ("Synopsis", "What I liked"…) are no writing, and an
/// untouched review must read 0 words.
pub fn review_words(review: &super::Review) -> usize {
    review.sections.iter().map(|s| count_words(&s.body)).sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_markup() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("   \n\t"), 0);
        assert_eq!(count_words("**Bold** and ||hidden|| text"), 4);
        assert_eq!(count_words("I didn't like the well-known ending."), 6);
        assert_eq!(count_words("ends-- with -- dashes ' here"), 4);
        assert_eq!(count_words("Ishiguro’s 2005 novel, 288 pages"), 5);
        assert_eq!(count_words("日本 語"), 2);
        assert_eq!(count_words("[link](https://example.com)"), 4);
    }

    #[test]
    fn word_ranges_leave_out_trailing_joiners() {
        let text = "Tommy's well-known -- end' x";
        let words: Vec<&str> = word_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(words, ["Tommy's", "well-known", "end", "x"]);
        assert_eq!(word_ranges("").count(), 0);
        assert_eq!(word_ranges("a--b").count(), 2);
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_path_agrees_with_the_general_one(text in "[a-c0-9 '\\-.\n*|]{0,60}") {
            // A non-ASCII word appended sends the same text down the general path.
            let mut general: Vec<_> = word_ranges(&format!("{text} é")).collect();
            general.pop();
            proptest::prop_assert_eq!(word_ranges(&text).collect::<Vec<_>>(), general);
        }

        /// Any edit anywhere: the recount equals a full count of the edited text.
        #[test]
        fn a_recount_equals_a_full_count(
            old in "[ab' \\-\n’é]{0,60}",
            at in 0usize..61,
            len in 0usize..10,
            insert in "[ab' \\-\n’é]{0,8}",
        ) {
            let mut at = at.min(old.len());
            while !old.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + len).min(old.len());
            while !old.is_char_boundary(end) {
                end -= 1;
            }
            let new = format!("{}{insert}{}", &old[..at], &old[end..]);
            proptest::prop_assert_eq!(recount_words(&old, count_words(&old), &new), count_words(&new));
        }

        #[test]
        fn the_count_agrees_with_the_ranges(text in "[a-c0-9 '\\-.\n*|]{0,80}") {
            proptest::prop_assert_eq!(count_words(&text), word_ranges(&text).count());
        }
    }

    #[test]
    fn a_review_counts_its_bodies_not_its_headings() {
        let mut review = crate::review::Review::new_book("2026-11-25");
        assert_eq!(
            review_words(&review),
            0,
            "an untouched template has no words"
        );
        review.sections[0].body = "Letters to a son.".into();
        review.sections[1].heading = "What I liked most of all".into();
        assert_eq!(review_words(&review), 4);
    }

    #[test]
    fn reading_times_round_up() {
        assert_eq!(words_and_time(0), "0 words");
        assert_eq!(words_and_time(1), "1 word · 1 min read");
        assert_eq!(words_and_time(238), "238 words · 1 min read");
        assert_eq!(words_and_time(1_239), "1,239 words · 6 min read");
    }
}
