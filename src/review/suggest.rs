//! Suggestions for the list fields (Genre, Tags): what the rest of the library already uses, most
//! used first, and the items just typed that look like a slip of the keyboard against one of
//! them (`sici-fi` when three other reviews say `sci-fi`).

use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

use super::split_list;
use crate::case::fold;

/// How many items of a field [`Vocabulary::likely_typos`] looks at.
pub const MAX_CHECKED: usize = 200;

/// The items the other reviews use in one list field, with how many reviews use each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Most used first, then alphabetically.
    items: Vec<Known>,
    /// What [`Vocabulary::likely_typo`] answered for each item already asked about (lower
    /// case): typing in a field of 200 tags asks again only about the one being typed.
    answers: RefCell<FxHashMap<String, Option<Typo>>>,
}

/// One item of a [`Vocabulary`], prepared once for comparisons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Known {
    /// As first seen.
    item: String,
    /// How many reviews use it.
    uses: usize,
    /// Lower case.
    lower: String,
    /// Its characters, lower case.
    chars: Vec<char>,
}

impl Vocabulary {
    /// The vocabulary of `lists`, one list per review; items compare case-insensitively.
    pub fn new<'a>(lists: impl IntoIterator<Item = &'a [String]>) -> Vocabulary {
        let mut counts: FxHashMap<String, (String, usize)> = FxHashMap::default();
        for list in lists {
            let mut seen = FxHashSet::default();
            for item in list {
                let key = fold(item.trim());
                if key.is_empty() || !seen.insert(key.clone()) {
                    continue;
                }
                counts
                    .entry(key)
                    .or_insert_with(|| (item.trim().to_string(), 0))
                    .1 += 1;
            }
        }
        let mut items: Vec<Known> = counts
            .into_iter()
            .map(|(lower, (item, uses))| Known {
                item,
                uses,
                chars: lower.chars().collect(),
                lower,
            })
            .collect();
        crate::sort::sort_by(&mut items, |a, b| {
            b.uses.cmp(&a.uses).then_with(|| a.item.cmp(&b.item))
        });
        Vocabulary {
            items,
            answers: RefCell::default(),
        }
    }

    /// Whether no other review uses anything.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Up to `limit` items not yet in `typed` (the field's text), most used first.
    pub fn suggestions(&self, typed: &str, limit: usize) -> Vec<&str> {
        let present: Vec<String> = split_list(typed).iter().map(|i| fold(i)).collect();
        self.items
            .iter()
            .filter(|k| !present.contains(&k.lower))
            .map(|k| k.item.as_str())
            .take(limit)
            .collect()
    }

    /// The items of `typed` that the library does not use but that are one slip away from an item
    /// it does (two for long words): pairs of (as typed, as the library has it). Only the first
    /// [`MAX_CHECKED`] items are looked at, so a field of 10,000 tags stays quick to type in.
    pub fn likely_typos(&self, typed: &str) -> Vec<Typo> {
        split_list(typed)
            .into_iter()
            .take(MAX_CHECKED)
            .filter_map(|item| {
                let lower = fold(&item);
                let answer = self.answers.borrow().get(&lower).cloned();
                let answer = answer.unwrap_or_else(|| {
                    let found = self.likely_typo(&lower);
                    self.answers.borrow_mut().insert(lower, found.clone());
                    found
                });
                answer.map(|typo| Typo {
                    typed: item.clone(),
                    ..typo
                })
            })
            .collect()
    }

    /// The known item that `lower` (one item, lower case) is likely a slip for.
    fn likely_typo(&self, lower: &str) -> Option<Typo> {
        if self.items.iter().any(|k| k.lower == lower) {
            return None;
        }
        let chars: Vec<char> = lower.chars().collect();
        // Very short items (`YA`, `UK`) are too close to everything to judge.
        if chars.len() < 4 {
            return None;
        }
        let allowed = if chars.len() >= 8 { 2 } else { 1 };
        let without_digits = |s: &str| {
            s.chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>()
        };
        let best = self
            .items
            .iter()
            .filter(|k| k.chars.len().abs_diff(chars.len()) <= allowed)
            // `read in 2025` is no slip for `read in 2024`: numbers differ on purpose.
            .filter(|k| without_digits(&k.lower) != without_digits(lower))
            .filter_map(|k| {
                let d = distance(&chars, &k.chars, allowed)?;
                Some((d, std::cmp::Reverse(k.uses), k))
            })
            .min_by(|a, b| {
                (a.0, a.1)
                    .cmp(&(b.0, b.1))
                    .then_with(|| a.2.item.cmp(&b.2.item))
            })?;
        let known = best.2;
        Some(Typo {
            typed: lower.to_string(),
            known: known.item.clone(),
            uses: known.uses,
        })
    }
}

/// `field` (a comma-separated list as typed) with `item` added at the end.
pub fn add_item(field: &str, item: &str) -> String {
    let kept = field.trim_end().trim_end_matches(',').trim_end();
    if kept.is_empty() {
        item.to_string()
    } else {
        format!("{kept}, {item}")
    }
}

/// `field` with every item equal to `from` (trimmed) replaced by `to`; the rest is kept as typed.
pub fn replace_item(field: &str, from: &str, to: &str) -> String {
    field
        .split(',')
        .map(|part| {
            if part.trim() == from {
                part.replacen(from, to, 1)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// An item that looks like a slip for one the library uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typo {
    /// The item as typed.
    pub typed: String,
    /// What the library has instead.
    pub known: String,
    /// How many other reviews use `known`.
    pub uses: usize,
}

impl Typo {
    /// The message shown beside the field.
    pub fn message(&self) -> String {
        let reviews = if self.uses == 1 { "review" } else { "reviews" };
        format!(
            "\u{201c}{}\u{201d} looks like \u{201c}{}\u{201d}, used in {} other {reviews}.",
            self.typed, self.known, self.uses
        )
    }
}

/// The edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of two
/// neighbours each count one), if it is at most `limit`; 0 (equal) gives `None` too, since an
/// equal item is no typo.
fn distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || a == b {
        return None;
    }
    // Optimal string alignment distance, three rows at a time.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= limit).then_some(d)
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vocab(lists: &[&[&str]]) -> Vocabulary {
        let owned: Vec<Vec<String>> = lists
            .iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect();
        Vocabulary::new(owned.iter().map(Vec::as_slice))
    }

    #[test]
    fn suggests_the_most_used_first_and_leaves_out_what_is_typed() {
        let v = vocab(&[&["sci-fi", "dystopia"], &["Sci-Fi", "romance"], &["sci-fi"]]);
        assert_eq!(v.suggestions("", 10), ["sci-fi", "dystopia", "romance"]);
        assert_eq!(v.suggestions("SCI-FI, romance", 10), ["dystopia"]);
        assert_eq!(v.suggestions("", 1), ["sci-fi"]);
    }

    #[test]
    fn flags_one_slip_away_from_a_known_item() {
        let v = vocab(&[&["sci-fi", "dystopia"], &["sci-fi"], &["literary fiction"]]);
        let typos = v.likely_typos("sici-fi, dystopai, literary fictoin, fantasy, YA");
        let pairs: Vec<(&str, &str)> = typos
            .iter()
            .map(|t| (t.typed.as_str(), t.known.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("sici-fi", "sci-fi"),
                ("dystopai", "dystopia"),
                ("literary fictoin", "literary fiction")
            ]
        );
        assert_eq!(
            typos[0].message(),
            "\u{201c}sici-fi\u{201d} looks like \u{201c}sci-fi\u{201d}, used in 2 other reviews."
        );
        assert!(v.likely_typos("sci-fi, Dystopia").is_empty());
    }

    #[test]
    fn adding_and_replacing_items_keeps_the_rest_as_typed() {
        assert_eq!(add_item("", "sci-fi"), "sci-fi");
        assert_eq!(add_item("dystopia, ", "sci-fi"), "dystopia, sci-fi");
        assert_eq!(add_item("dystopia", "sci-fi"), "dystopia, sci-fi");
        assert_eq!(
            replace_item("sici-fi,  dystopia", "sici-fi", "sci-fi"),
            "sci-fi,  dystopia"
        );
        assert_eq!(
            replace_item("a,  sici-fi ", "sici-fi", "sci-fi"),
            "a,  sci-fi "
        );
    }

    #[test]
    fn distances() {
        let d = |a: &str, b: &str, limit| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance(&a, &b, limit)
        };
        assert_eq!(d("abc", "abc", 2), None);
        assert_eq!(d("abc", "acb", 1), Some(1));
        assert_eq!(d("abc", "abcd", 1), Some(1));
        assert_eq!(d("abc", "xyz", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
    }

    #[test]
    fn numbers_that_differ_are_no_slip() {
        let v = vocab(&[&["read in 2024", "book club 3"]]);
        assert!(v.likely_typos("read in 2025, book club 4").is_empty());
        assert_eq!(v.likely_typos("raed in 2024").len(), 1);
        // Asked twice, answered the same (the second time from the cache).
        assert_eq!(
            v.likely_typos("raed in 2024"),
            v.likely_typos("raed in 2024")
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_never_flags_a_known_item(lists in prop::collection::vec(prop::collection::vec("\\PC{0,10}", 0..4), 0..5), typed in "\\PC{0,40}") {
            let v = Vocabulary::new(lists.iter().map(Vec::as_slice));
            for typo in v.likely_typos(&typed) {
                prop_assert!(v.suggestions("", usize::MAX).iter().all(|k| fold(k) != fold(&typo.typed)));
            }
            let _ = v.suggestions(&typed, 5);
        }
    }
}
