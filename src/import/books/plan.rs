//! Which books of a library file to bring in, and what to do with those the writer's reviews
//! already hold: the writer's choices made into a plan before anything is written.

use super::LibraryFile;
use crate::review::identity::{BookIdentity, BookKey};

/// Which rows to bring in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Which {
    /// Only books with a review (the default).
    Reviewed,
    /// Every book on this shelf or with this status; those without a review become drafts with
    /// their details only.
    Shelf(String),
    /// Every book in the file.
    All,
}

/// What happens to a book the library already has (the same ISBN, or the same title and
/// author).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Leave the review already kept, and do not bring this one in.
    Skip,
    /// Bring this one in and move the one already kept to the trash (from where it can be
    /// restored; nothing is deleted).
    Replace,
    /// Bring this one in beside the one already kept.
    KeepBoth,
}

/// One book to bring in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Its index in [`LibraryFile::books`].
    pub book: usize,
    /// The ids of the reviews already kept of the same book, to move to the trash
    /// ([`OnDuplicate::Replace`] only).
    pub replaces: Vec<String>,
}

/// The plan: what will be added, and what was left out and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// The books to bring in, in file order.
    pub add: Vec<Planned>,
    /// Books left out because the library already has them.
    pub skipped_duplicates: usize,
    /// Books not chosen (no review, or not on the chosen shelf).
    pub not_chosen: usize,
    /// Books the library already has that will be brought in again anyway.
    pub duplicates: usize,
}

/// Plans the import of `file`'s books chosen by `which`, against the reviews already kept
/// (`existing`: each review's id and book). A book that appears twice in the file is the same
/// book too: with [`OnDuplicate::Skip`] only its first row comes in.
pub fn plan(
    file: &LibraryFile,
    which: &Which,
    existing: &[(String, BookIdentity)],
    on_duplicate: OnDuplicate,
) -> ImportPlan {
    let mut out = ImportPlan::default();
    let library: Vec<BookKey> = existing.iter().map(|(_, book)| BookKey::of(book)).collect();
    // The books of the file planned so far, for a book that appears twice in it.
    let mut added: Vec<BookKey> = Vec::new();
    for (index, book) in file.books.iter().enumerate() {
        let chosen = match which {
            Which::Reviewed => book.is_reviewed(),
            Which::Shelf(shelf) => book.status == *shelf || book.shelves.contains(shelf),
            Which::All => true,
        };
        if !chosen {
            out.not_chosen += 1;
            continue;
        }
        let key = BookKey::of(&book.identity());
        let kept: Vec<String> = existing
            .iter()
            .zip(&library)
            .filter(|(_, other)| key.same_book(other))
            .map(|((id, _), _)| id.clone())
            .collect();
        let again = added.iter().any(|other| key.same_book(other));
        if !kept.is_empty() || again {
            if on_duplicate == OnDuplicate::Skip {
                out.skipped_duplicates += 1;
                continue;
            }
            out.duplicates += 1;
        }
        added.push(key);
        out.add.push(Planned {
            book: index,
            replaces: if on_duplicate == OnDuplicate::Replace {
                kept
            } else {
                Vec::new()
            },
        });
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{LibraryBook, LibrarySource};
    use super::*;

    fn book(title: &str, isbn13: &str, review: &str, status: &str) -> LibraryBook {
        LibraryBook {
            title: title.into(),
            author: "A. Writer".into(),
            isbn13: isbn13.into(),
            review: review.into(),
            status: status.into(),
            ..LibraryBook::default()
        }
    }

    fn file() -> LibraryFile {
        LibraryFile {
            source: LibrarySource::Goodreads,
            books: vec![
                book("Kept already", "9780441478125", "Great.", "read"),
                book("New one", "", "Fine.", "read"),
                book("Unreviewed", "", "", "to-read"),
                book("new one", "", "Twice in the file.", "read"),
            ],
            broken: vec![],
            notes: vec![],
        }
    }

    fn existing() -> Vec<(String, BookIdentity)> {
        vec![(
            "d1".into(),
            BookIdentity::new("Another title", "", "", "0441478123"),
        )]
    }

    #[test]
    fn reviewed_books_by_default_and_duplicates_skipped() {
        let plan = plan(&file(), &Which::Reviewed, &existing(), OnDuplicate::Skip);
        let books: Vec<usize> = plan.add.iter().map(|p| p.book).collect();
        assert_eq!(books, vec![1]);
        assert_eq!((plan.skipped_duplicates, plan.not_chosen), (2, 1));
    }

    #[test]
    fn replace_names_the_reviews_to_move_to_the_trash() {
        let plan = plan(&file(), &Which::Reviewed, &existing(), OnDuplicate::Replace);
        assert_eq!(
            plan.add[0],
            Planned {
                book: 0,
                replaces: vec!["d1".into()]
            }
        );
        assert_eq!(plan.add.len(), 3);
        assert_eq!(plan.duplicates, 2);
    }

    #[test]
    fn keep_both_and_a_shelf() {
        let plan = plan(
            &file(),
            &Which::Shelf("to-read".into()),
            &existing(),
            OnDuplicate::KeepBoth,
        );
        assert_eq!(
            plan.add,
            vec![Planned {
                book: 2,
                replaces: vec![]
            }]
        );
        assert_eq!(plan.not_chosen, 3);
        let all = super::plan(&file(), &Which::All, &existing(), OnDuplicate::KeepBoth);
        assert_eq!(all.add.len(), 4);
        assert!(all.add.iter().all(|p| p.replaces.is_empty()));
    }
}
