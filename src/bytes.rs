//! Comparing and scanning byte strings many bytes a step. The incremental preview compares a
//! whole section's old and new text on every keystroke, and autosave compares every section
//! with what it saved last; the size-optimised build would otherwise call `memcmp` a chunk at
//! a time. The escapers pass over the long plain runs of a review's text with
//! [`clean_blocks`]. (The JSON string writer keeps its own word test: in the Wasm build it was
//! faster than `clean_blocks`, see `formats/json_string.rs`.)

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

/// The bytes of a block tested at once by [`clean_blocks`].
pub const BLOCK: usize = 16;

/// Whether any byte of `block` is special, tested without an early exit (a loop the compiler
/// turns into vector code).
#[inline(always)]
fn block_has(block: &[u8], special: &impl Fn(u8) -> bool) -> bool {
    block.iter().fold(false, |any, &b| any | special(b))
}

/// How many bytes at the start of `bytes` lie in whole blocks of [`BLOCK`] bytes with no byte
/// for which `special` holds: a multiple of the block size, at most the offset of the first
/// special byte. Each block is tested without an early exit, which the compiler turns into
/// vector code, so the long plain runs of a review's text are passed over many bytes a step.
#[inline(always)]
pub fn clean_blocks(bytes: &[u8], special: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks_exact(BLOCK)
        .take_while(|block| !block_has(block, &special))
        .count()
        * BLOCK
}

/// Calls `found` with the offset of each byte of `bytes` for which `special` holds, in order.
/// Each block of [`BLOCK`] bytes is first tested whole, without an early exit (a loop the
/// compiler turns into vector code), and looked at byte by byte only if it holds a special
/// byte, so that long runs of ordinary text cost little.
#[inline(always)]
pub fn for_each_special(bytes: &[u8], special: impl Fn(u8) -> bool, mut found: impl FnMut(usize)) {
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder().len();
    for (n, block) in blocks.enumerate() {
        if block_has(block, &special) {
            for (i, &b) in block.iter().enumerate() {
                if special(b) {
                    found(n * BLOCK + i);
                }
            }
        }
    }
    let start = bytes.len() - tail;
    for (i, &b) in bytes[start..].iter().enumerate() {
        if special(b) {
            found(start + i);
        }
    }
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
    }

    #[test]
    fn clean_blocks_stop_at_the_block_with_a_special_byte() {
        let lt = |b: u8| b == b'<';
        let text = [b'a'; 40];
        assert_eq!(clean_blocks(&text, lt), 32, "only whole blocks count");
        let mut marked = text;
        marked[20] = b'<';
        assert_eq!(clean_blocks(&marked, lt), 16);
        marked[3] = b'<';
        assert_eq!(clean_blocks(&marked, lt), 0);
        assert_eq!(clean_blocks(b"", lt), 0);
    }

    #[test]
    fn for_each_special_finds_every_one_in_order() {
        let mut text = [b'a'; 37];
        for at in [0, 15, 16, 31, 36] {
            text[at] = b'<';
        }
        let mut found = Vec::new();
        for_each_special(&text, |b| b == b'<', |at| found.push(at));
        assert_eq!(found, [0, 15, 16, 31, 36]);
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
