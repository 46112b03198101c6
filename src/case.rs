//! Case-insensitive keys: how names, tags, headings and words are compared whatever their case.

/// `text` in a case-insensitive form: lower case for ASCII, Unicode case folding for the rest
/// (`Straße` and `STRASSE` fold alike).
///
/// This is `unicase`'s folding, which pulldown-cmark already brings in to match link labels; the
/// standard library's `to_lowercase` would add its own tables and code to the Wasm
/// (measured: docs/performance.md).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        unicase::UniCase::new(text).to_folded_case()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_lowered() {
        assert_eq!(fold("Never Let Me GO"), "never let me go");
    }

    #[test]
    fn other_scripts_fold() {
        assert_eq!(fold("ÉCOLE"), "école");
        // A final sigma folds like any other, so the word matches however it is cased.
        assert_eq!(fold("Ἀχιλλεύς"), "ἀχιλλεύσ");
        assert_eq!(fold("Straße"), fold("STRASSE"));
        assert_eq!(fold("ΚΌΣΜΟΣ"), fold("κόσμος"));
    }
}
