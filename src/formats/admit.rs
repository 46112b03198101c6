//! The checks every review from a file passes before Verdict keeps it: `Open file` and
//! `Restore from backup` run this one function, so that neither lets in what the other would
//! refuse (a review past the caps could not be edited; a control character would reach every
//! export; a remote image would report back before the writer asked for it).

use crate::markup::images::mark_from_outside;
use crate::review::limits::check_review;
use crate::review::Review;

use super::controls::strip_controls;

/// Makes `review` (read from a file) fit for the editor: section ids unique and non-zero,
/// control characters taken out (one note per field that lost any), every remote image address
/// recorded as from outside; or, when it is past a review's size or section cap, why not (the
/// caller says what was left unchanged).
pub fn admit(review: &mut Review) -> Result<Vec<String>, String> {
    tidy_ids(review);
    let notes = strip_controls(review);
    check_review(review.text_len(), review.sections.len())?;
    mark_from_outside(review);
    Ok(notes)
}

/// Makes section ids unique and non-zero (the editor follows sections by id).
fn tidy_ids(review: &mut Review) {
    let mut seen = rustc_hash::FxHashSet::default();
    // Ids near the top of the range are renumbered from 1 (the next id must not overflow).
    if review.sections.iter().any(|s| s.id > u64::from(u32::MAX)) {
        for (i, section) in review.sections.iter_mut().enumerate() {
            section.id = i as u64 + 1;
        }
    }
    let mut next = review.sections.iter().map(|s| s.id).max().unwrap_or(0) + 1;
    for section in &mut review.sections {
        if section.id == 0 || !seen.insert(section.id) {
            section.id = next;
            seen.insert(next);
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::limits::{MAX_REVIEW_BYTES, MAX_SECTIONS};
    use crate::review::Section;

    #[test]
    fn ids_controls_and_images_are_made_safe_with_notes() {
        let mut review = Review::new_book("2026-12-04");
        review.metadata.title = "Gil\u{0}ead".into();
        review.sections = vec![
            Section::new(0, "A"),
            Section::new(7, "B"),
            Section::new(7, "C"),
        ];
        review.sections[1].body = "![](https://tracker.example/p.gif)".into();
        let notes = admit(&mut review).unwrap();
        assert_eq!(review.metadata.title, "Gilead");
        assert_eq!(notes.len(), 1, "{notes:?}");
        let ids: Vec<u64> = review.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, [8, 7, 9]);
        assert_eq!(
            review.metadata.images_from_outside,
            ["https://tracker.example/p.gif"]
        );
    }

    #[test]
    fn a_review_past_the_caps_is_refused() {
        let mut big = Review::new_book("2026-12-04");
        big.sections[0].body = "a".repeat(MAX_REVIEW_BYTES + 1);
        assert!(admit(&mut big).unwrap_err().contains("MB"));
        let mut many = Review::new_book("2026-12-04");
        many.sections = (1..=MAX_SECTIONS as u64 + 1)
            .map(|id| Section::new(id, ""))
            .collect();
        assert!(admit(&mut many).is_err());
    }
}
