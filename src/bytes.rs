//! Comparing byte strings 32 bytes at a time. The incremental preview compares a whole
//! section's old and new text on every keystroke, and autosave compares every section with
//! what it saved last; the size-optimised build would otherwise call `memcmp` a chunk at a time.

/// How many bytes a step of the loops below compares: four words, folded into one test, so
/// that a long equal run costs one branch per 32 bytes.
const STEP: usize = 32;

/// The length of the common start of two byte strings.
pub fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (blocks_a, _) = a[..n].as_chunks::<STEP>();
    let (blocks_b, _) = b[..n].as_chunks::<STEP>();
    // Plain loops, not iterator adapters: the size-optimised build leaves those as calls.
    let mut i = 0;
    while i < blocks_a.len() && same_block(&blocks_a[i], &blocks_b[i]) {
        i += 1;
    }
    let mut i = i * STEP;
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the common end of two byte strings.
pub fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (_, blocks_a) = a[a.len() - n..].as_rchunks::<STEP>();
    let (_, blocks_b) = b[b.len() - n..].as_rchunks::<STEP>();
    let blocks = blocks_a.len();
    let mut i = 0;
    while i < blocks && same_block(&blocks_a[blocks - 1 - i], &blocks_b[blocks - 1 - i]) {
        i += 1;
    }
    let mut i = i * STEP;
    while i < n && a[a.len() - i - 1] == b[b.len() - i - 1] {
        i += 1;
    }
    i
}

/// Whether two blocks of [`STEP`] bytes are equal, compared as four words with no branch in
/// between. (Comparing the slices instead calls `memcmp`, a byte at a time, in the
/// size-optimised build.) Always inlined, with its words read at fixed offsets: left to the
/// size-optimised build, each word was a call, which made a long comparison slow
/// (measured: docs/performance.md).
#[inline(always)]
fn same_block(x: &[u8; STEP], y: &[u8; STEP]) -> bool {
    (word(x, 0) ^ word(y, 0))
        | (word(x, 8) ^ word(y, 8))
        | (word(x, 16) ^ word(y, 16))
        | (word(x, 24) ^ word(y, 24))
        == 0
}

/// The eight bytes of `block` at `at`, as one word.
#[inline(always)]
fn word(block: &[u8; STEP], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&block[at..at + 8]);
    u64::from_ne_bytes(w)
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
        fn common_ends_are_counted_exactly(a in "[ab]{0,150}", b in "[ab]{0,150}") {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
            proptest::prop_assert_eq!(common_prefix(a, b), prefix);
            proptest::prop_assert_eq!(common_suffix(a, b), suffix);
            proptest::prop_assert_eq!(same(a, b), a == b);
        }

        /// Long equal runs with one byte changed anywhere (the case of a keystroke): every
        /// block boundary and every position within a block.
        #[test]
        fn one_changed_byte_is_found(base in "[a-c]{0,300}", at in 0usize..300, grow in 0usize..3) {
            let a = base.as_bytes();
            let mut b = a.to_vec();
            if !b.is_empty() {
                let at = at % b.len();
                b[at] = b'x';
            }
            b.extend(std::iter::repeat_n(b'y', grow));
            let b = b.as_slice();
            let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
            proptest::prop_assert_eq!(common_prefix(a, b), prefix);
            proptest::prop_assert_eq!(common_suffix(a, b), suffix);
            proptest::prop_assert_eq!(same(a, b), a == b);
        }
    }
}
