//! One stable sort for the whole app.
//!
//! The standard library's stable sort is fast but large, and it is copied out whole for every
//! element type and comparison it is used with, which adds up in the Wasm (measured:
//! docs/performance.md). The lists sorted here are short (the drafts in the Reviews list,
//! a section's spoiler findings, a Markdown rewrite's edits), so one small merge sort of
//! positions, compiled once, does the work; only a few lines per call site remain generic.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items (as `slice::sort_by` does).
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items = &*items;
        merge_sort(&mut order, &mut Vec::new(), &mut |a, b| {
            compare(&items[a], &items[b])
        });
    }
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by the key `key` gives each, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// A top-down merge sort of positions; `spare` holds the left half while it is merged. Not
/// generic, so that it is compiled once.
fn merge_sort(
    positions: &mut [usize],
    spare: &mut Vec<usize>,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let len = positions.len();
    if len < 2 {
        return;
    }
    let mid = len / 2;
    merge_sort(&mut positions[..mid], spare, compare);
    merge_sort(&mut positions[mid..], spare, compare);
    if compare(positions[mid - 1], positions[mid]) != Ordering::Greater {
        return; // the halves are already in order
    }
    spare.clear();
    spare.extend_from_slice(&positions[..mid]);
    let (mut left, mut right, mut out) = (0, mid, 0);
    while left < spare.len() && right < len {
        // The right item goes first only when strictly smaller: equal items keep their order.
        if compare(positions[right], spare[left]) == Ordering::Less {
            positions[out] = positions[right];
            right += 1;
        } else {
            positions[out] = spare[left];
            left += 1;
        }
        out += 1;
    }
    // What is left of the right half is already in place.
    while left < spare.len() {
        positions[out] = spare[left];
        left += 1;
        out += 1;
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::disallowed_methods)] // the standard sort is what these tests compare with
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_lists_are_left_alone_or_sorted() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
        let mut one = vec![3];
        sort_by(&mut one, u8::cmp);
        assert_eq!(one, [3]);
        let mut many = vec![5, 1, 4, 1, 3];
        sort_by(&mut many, u8::cmp);
        assert_eq!(many, [1, 1, 3, 4, 5]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |&(key, _)| key);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest! {
        /// Exactly what the standard library's stable sort gives, equal keys included (the
        /// second field tells equal keys apart).
        #[test]
        fn matches_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_descending_comparisons_too(keys in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut ours = keys.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut theirs = keys;
            theirs.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, theirs);
        }
    }
}
