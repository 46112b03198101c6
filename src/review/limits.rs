//! How much one review may hold. localStorage gives a site about 5 MB (counted in UTF-16), and a
//! review must fit there with room to spare, so an edit that would take a review past the cap
//! is refused whole, with a message; nothing is ever cut short silently.

/// The most text one review may hold, in bytes of UTF-8 (all fields and sections together).
pub const MAX_REVIEW_BYTES: usize = 2 * 1024 * 1024;

/// Megabytes, for messages: `1.2 MB`.
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
