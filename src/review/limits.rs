//! How much one review may hold. localStorage gives a site about 5 MB (counted in UTF-16), and a
//! review must fit there with room to spare, so an edit that would take a review past the cap
//! is refused whole, with a message; nothing is ever cut short silently.

/// The most text one review may hold, in bytes of UTF-8 (all fields and sections together).
pub const MAX_REVIEW_BYTES: usize = 2 * 1024 * 1024;

/// The most sections one review may hold. Each section is a heading field, a text area and a
/// preview block, drawn and kept in signals of their own, so their number (not only their
/// text) bounds how long a review takes to open and how fast it answers keys.
pub const MAX_SECTIONS: usize = 1000;

/// Sections drawn in the first task when a review opens: more than a screen shows (the book
/// details come first, and a section's row is taller than a few lines), so that what is on
/// screen comes at once and the rest follows.
pub const DRAW_FIRST: usize = 12;

/// Sections the editor and preview draw in one later task at most while a review opens:
/// fewer, larger tasks spend less on the frames between them (each lays out the whole page).
pub const DRAW_BATCH: usize = 100;

/// Bytes of text drawn in one task at most while a review opens (at least one section is):
/// text areas and preview blocks cost layout in proportion to their text, so a few long
/// sections weigh as much as many short ones.
pub const DRAW_BATCH_BYTES: usize = 24 * 1024;

/// Where the batch of sections that starts at `from` ends (exclusive), given each section's
/// text length: after [`DRAW_FIRST`] sections for the first batch and [`DRAW_BATCH`] for the
/// others, or once [`DRAW_BATCH_BYTES`] are reached, and never before `from + 1` (or past the
/// end).
pub fn draw_batch_end(lengths: &[usize], from: usize) -> usize {
    let most = if from == 0 { DRAW_FIRST } else { DRAW_BATCH };
    let mut bytes = 0;
    let mut end = from;
    while end < lengths.len() && end - from < most {
        if end > from && bytes + lengths[end] > DRAW_BATCH_BYTES {
            break;
        }
        bytes += lengths[end];
        end += 1;
    }
    end
}

/// Megabytes to one decimal, for messages: `1.2 MB`. Integer arithmetic on purpose: formatting
/// a float would link the standard library's float printing into the download (measured:
/// docs/performance.md).
pub fn megabytes(bytes: usize) -> String {
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes as u64 * 10 + MB / 2) / MB;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Checks an edit that replaces `old_len` bytes of a review holding `total` bytes with
/// `new_len` bytes; the error says what was refused and why.
pub fn check_edit(total: usize, old_len: usize, new_len: usize) -> Result<(), String> {
    let after = total.saturating_sub(old_len) + new_len;
    if new_len <= old_len || after <= MAX_REVIEW_BYTES {
        return Ok(());
    }
    let added = new_len - old_len;
    Err(format!(
        "That change ({} of text) was not made: a review can hold at most {}, and this one already holds {}. Nothing was changed. Put the text in another review, or shorten it first.",
        megabytes(added),
        megabytes(MAX_REVIEW_BYTES),
        megabytes(total)
    ))
}

/// A count with thousands separated by commas, for messages: `20,000`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Checks adding `added` sections to a review that holds `sections`; the error says what was
/// refused and why.
pub fn check_add_sections(sections: usize, added: usize) -> Result<(), String> {
    if sections + added <= MAX_SECTIONS {
        return Ok(());
    }
    Err(format!(
        "No section was added: a review can hold at most {} sections, and this one has {}. Nothing was changed. Put the rest in another review, or remove a section first.",
        count(MAX_SECTIONS),
        count(sections)
    ))
}

/// Checks a whole review that is to be opened, restored or copied, from its text length and
/// its number of sections. The error is the end of a sentence whose subject is the file or
/// review: `holds 20,000 sections, more than a review can (at most 1,000)`.
pub fn check_review(text_len: usize, sections: usize) -> Result<(), String> {
    if text_len > MAX_REVIEW_BYTES {
        return Err(format!(
            "holds {} of text, more than a review can (at most {})",
            megabytes(text_len),
            megabytes(MAX_REVIEW_BYTES)
        ));
    }
    if sections > MAX_SECTIONS {
        return Err(format!(
            "holds {} sections, more than a review can (at most {})",
            count(sections),
            count(MAX_SECTIONS)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawing_batches_are_bounded_by_sections_and_by_text() {
        assert_eq!(draw_batch_end(&[], 0), 0);
        assert_eq!(draw_batch_end(&[10; 1000], 0), DRAW_FIRST);
        assert_eq!(draw_batch_end(&[10; 1000], 12), 12 + DRAW_BATCH);
        assert_eq!(draw_batch_end(&[10; 100], 90), 100);
        // 5 KB sections: four fit in 24 KB, the fifth would not.
        assert_eq!(draw_batch_end(&[5 * 1024; 20], 0), 4);
        assert_eq!(draw_batch_end(&[5 * 1024; 20], 4), 8);
        // A section larger than the budget is still drawn, alone.
        assert_eq!(draw_batch_end(&[1024 * 1024, 10], 0), 1);
        assert_eq!(draw_batch_end(&[10, 1024 * 1024], 0), 1);
    }

    #[test]
    fn a_megabyte_is_taken_and_five_are_refused() {
        assert!(check_edit(10_000, 0, 1024 * 1024).is_ok());
        let message = check_edit(10_000, 0, 5 * 1024 * 1024).unwrap_err();
        assert!(
            message.contains("5.0 MB")
                && message.contains("at most 2.0 MB")
                && message.contains("Nothing was changed"),
            "{message}"
        );
    }

    #[test]
    fn shrinking_is_always_allowed() {
        assert!(check_edit(MAX_REVIEW_BYTES + 10, 100, 50).is_ok());
        assert!(check_edit(MAX_REVIEW_BYTES, 0, 1).is_err());
        assert!(check_edit(MAX_REVIEW_BYTES - 1, 0, 1).is_ok());
    }

    #[test]
    fn megabytes_round_to_one_decimal() {
        const MB: usize = 1024 * 1024;
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(2 * MB), "2.0 MB");
        assert_eq!(megabytes(MB + MB / 5), "1.2 MB");
        assert_eq!(megabytes(MB + MB * 96 / 100), "2.0 MB");
        assert_eq!(megabytes(MB * 3 / 100), "0.0 MB");
        assert_eq!(megabytes(MB * 6 / 100), "0.1 MB");
    }

    #[test]
    fn a_thousand_sections_are_taken_and_one_more_is_refused() {
        assert!(check_add_sections(MAX_SECTIONS - 1, 1).is_ok());
        let message = check_add_sections(MAX_SECTIONS, 1).unwrap_err();
        assert!(
            message.contains("at most 1,000 sections")
                && message.contains("this one has 1,000")
                && message.contains("Nothing was changed"),
            "{message}"
        );
        assert!(check_add_sections(0, MAX_SECTIONS + 1).is_err());
        assert!(check_review(10, MAX_SECTIONS).is_ok());
        assert_eq!(
            check_review(10, 20_000).unwrap_err(),
            "holds 20,000 sections, more than a review can (at most 1,000)"
        );
        let text = check_review(3 * 1024 * 1024, 1).unwrap_err();
        assert!(
            text.contains("3.0 MB of text") && text.contains("at most 2.0 MB"),
            "{text}"
        );
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(20_000), "20,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
