//! Comparing byte strings eight bytes at a time. The incremental preview compares a whole
//! section's old and new text on every keystroke, and autosave compares every section with
//! what it saved last; the size-optimised build would otherwise call `memcmp` a chunk at a time.

/// The length of the common start of two byte strings.
pub fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let words = a
        .chunks_exact(8)
        .zip(b.chunks_exact(8))
        .take_while(|(x, y)| word(x) == word(y))
        .count();
    let mut i = words * 8;
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the common end of two byte strings.
pub fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let words = a
        .rchunks_exact(8)
        .zip(b.rchunks_exact(8))
        .take_while(|(x, y)| word(x) == word(y))
        .count();
    let mut i = words * 8;
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// Eight bytes as one number. (Comparing the slices instead calls `memcmp` for each eight
/// bytes in the size-optimised build.)
fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes([
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
    ])
}

/// Whether two byte strings are the same.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && common_prefix(a, b) == a.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ends() {
        assert_eq!(common_prefix(b"abcdefghijkl", b"abcdefghijXl"), 10);
        assert_eq!(common_suffix(b"abcdefghijkl", b"aXcdefghijkl"), 10);
        assert_eq!(common_prefix(b"", b"abc"), 0);
        assert_eq!(common_suffix(b"abc", b"abc"), 3);
        assert!(same(b"", b"") && same(b"abcdefghij", b"abcdefghij"));
        assert!(!same(b"ab", b"abc") && !same(b"abcdefghij", b"abcdefghiJ"));
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        /// The word-at-a-time prefix and suffix agree with a byte-at-a-time count.
        #[test]
        fn common_ends_are_counted_exactly(a in "[ab]{0,40}", b in "[ab]{0,40}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
            proptest::prop_assert_eq!(common_prefix(a, b), prefix);
            proptest::prop_assert_eq!(common_suffix(a, b), suffix);
            proptest::prop_assert_eq!(same(a, b), a == b);
        }
    }
}
