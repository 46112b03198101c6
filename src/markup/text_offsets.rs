//! Converting between the browser's text offsets (UTF-16 code units) and Rust's (UTF-8 bytes).

/// The byte offset in `text` of the UTF-16 offset `units` (clamped to the text's end).
pub fn utf16_to_byte(text: &str, units: u32) -> usize {
    let mut count = 0u32;
    for (byte, c) in text.char_indices() {
        if count >= units {
            return byte;
        }
        count += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 offset of the byte offset `byte` in `text`.
pub fn byte_to_utf16(text: &str, byte: usize) -> u32 {
    text[..byte.min(text.len())]
        .chars()
        .map(|c| c.len_utf16() as u32)
        .sum()
}

/// The byte offset in `text` where its last `units` UTF-16 units begin (0 if it has fewer).
fn byte_from_end(text: &str, units: u32) -> usize {
    let mut count = 0u32;
    for (byte, c) in text.char_indices().rev() {
        if count >= units {
            return byte + c.len_utf8();
        }
        count += c.len_utf16() as u32;
    }
    // The whole text (or fewer units than asked for, which the callers never ask).
    0
}

/// The byte range in `text` of the UTF-16 range `start..end`, where `units` is the length of
/// `text` in UTF-16 units. Counted from whichever end of the text is nearer, so that an edit
/// near the end of a long section costs as little as one near its start; in ASCII text (as many
/// bytes as units) the offsets are the same.
pub fn utf16_range_to_bytes(text: &str, units: u32, start: u32, end: u32) -> (usize, usize) {
    if text.len() == units as usize {
        return (start as usize, end as usize);
    }
    if start <= units.saturating_sub(end) {
        let from = utf16_to_byte(text, start);
        (from, from + utf16_to_byte(&text[from..], end - start))
    } else {
        let to = byte_from_end(text, units - end);
        (byte_from_end(&text[..to], end - start), to)
    }
}

/// Where an edit of a text area most likely happened, from its length in UTF-16 units before
/// and after the edit and the caret after it: how many units at the start, and how many at the
/// end, it left as they were. Typing or pasting puts the caret after what was inserted, and
/// deleting puts it where the text was taken out, so the text after the caret is untouched and
/// so is the text before the insertion. A guess, for the caller to check against the texts: an
/// edit that replaced a selection, for one, changes more than it says.
pub fn likely_edit(old_units: u32, new_units: u32, caret: u32) -> (u32, u32) {
    let caret = caret.min(new_units);
    let grown = new_units.saturating_sub(old_units);
    let prefix = caret.saturating_sub(grown).min(old_units);
    let suffix = (new_units - caret).min(old_units - prefix);
    (prefix, suffix)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn round_trips_across_wide_characters() {
        let text = "a😀é b";
        assert_eq!(utf16_to_byte(text, 0), 0);
        assert_eq!(utf16_to_byte(text, 1), 1);
        assert_eq!(utf16_to_byte(text, 3), 5);
        assert_eq!(utf16_to_byte(text, 4), 7);
        assert_eq!(utf16_to_byte(text, 99), text.len());
        for (byte, _) in text.char_indices() {
            assert_eq!(utf16_to_byte(text, byte_to_utf16(text, byte)), byte);
        }
    }

    fn units(text: &str) -> u32 {
        text.encode_utf16().count() as u32
    }

    #[test]
    fn a_range_is_found_from_either_end() {
        for text in ["", "plain ascii", "a😀é b", "日本語 and 🙂👍🏽 text é", "ééé"]
        {
            let n = units(text);
            let boundaries: Vec<u32> = text
                .char_indices()
                .map(|(b, _)| byte_to_utf16(text, b))
                .chain([n])
                .collect();
            for &start in &boundaries {
                for &end in boundaries.iter().filter(|&&e| e >= start) {
                    assert_eq!(
                        utf16_range_to_bytes(text, n, start, end),
                        (utf16_to_byte(text, start), utf16_to_byte(text, end)),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_likely_edit_of_typing_deleting_and_pasting() {
        // Typed "x" at 5 of 10 units: the caret is at 6.
        assert_eq!(likely_edit(10, 11, 6), (5, 5));
        // Backspace at 5: the caret is at 4.
        assert_eq!(likely_edit(10, 9, 4), (4, 5));
        // Delete at 5: the caret stays at 5.
        assert_eq!(likely_edit(10, 9, 5), (5, 4));
        // A paste of 100 units at the end.
        assert_eq!(likely_edit(10, 110, 110), (10, 0));
        // A caret the browser reports past the end, or a text emptied.
        assert_eq!(likely_edit(10, 11, 99), (10, 0));
        assert_eq!(likely_edit(10, 0, 0), (0, 0));
    }

    proptest::proptest! {
        /// Whatever the lengths and caret, the guess stays within both texts.
        #[test]
        fn the_likely_edit_lies_within_both_texts(old in 0u32..1000, new in 0u32..1000, caret in 0u32..1200) {
            let (prefix, suffix) = likely_edit(old, new, caret);
            proptest::prop_assert!(prefix + suffix <= old);
            proptest::prop_assert!(prefix + suffix <= new);
        }
    }
}
