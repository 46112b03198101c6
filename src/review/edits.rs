//! Undo and redo for the review's structure and fields: added, removed and moved sections,
//! spoiler flags, headings, metadata, the post title and the rating. Text typed inside a text
//! area is left to the browser's own undo, so these edits never carry a body's keystrokes.
//!
//! Each edit knows how to apply itself to an [`EditTarget`] and returns its own inverse,
//! computed from the target at that moment (an undone "add" keeps whatever was typed into the
//! section since, so that redo brings that back too).

use super::{Metadata, Rating, Review, Section};

/// The most edits kept for undo.
pub const UNDO_LIMIT: usize = 200;

/// One undoable change.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Put `section` at `position`.
    Insert {
        /// Where it goes.
        position: usize,
        /// What it holds.
        section: Section,
    },
    /// Take out the section with this id.
    Remove {
        /// The section's id.
        id: u64,
    },
    /// Move the section with this id to `to`.
    Move {
        /// The section's id.
        id: u64,
        /// Its new position.
        to: usize,
    },
    /// Set a section's spoiler flag.
    Spoiler {
        /// The section's id.
        id: u64,
        /// The flag's new value.
        value: bool,
    },
    /// Set a section's heading.
    Heading {
        /// The section's id.
        id: u64,
        /// The new heading.
        value: String,
    },
    /// Set every metadata field.
    Metadata(Box<Metadata>),
    /// Set the post title.
    PostTitle(String),
    /// Set the rating.
    Rating(Option<Rating>),
    /// Several edits that make one step (a template switch renames headings too).
    Batch(Vec<Edit>),
}

/// What edits act on: the editor's signals in the app, a plain [`Review`] in tests.
pub trait EditTarget {
    /// The sections' ids, in order.
    fn section_ids(&self) -> Vec<u64>;
    /// A copy of the section with this id.
    fn section(&self, id: u64) -> Option<Section>;
    /// Inserts `section` at `position` (clamped to the end).
    fn insert_section(&mut self, position: usize, section: Section);
    /// Removes the section with this id.
    fn remove_section(&mut self, id: u64);
    /// Moves the section with this id to `to` (clamped).
    fn move_section(&mut self, id: u64, to: usize);
    /// Sets a section's spoiler flag.
    fn set_spoiler(&mut self, id: u64, value: bool);
    /// Sets a section's heading.
    fn set_heading(&mut self, id: u64, value: String);
    /// The metadata now.
    fn metadata(&self) -> Metadata;
    /// Sets the metadata.
    fn set_metadata(&mut self, value: Metadata);
    /// The post title now.
    fn post_title(&self) -> String;
    /// Sets the post title.
    fn set_post_title(&mut self, value: String);
    /// The rating now.
    fn rating(&self) -> Option<Rating>;
    /// Sets the rating.
    fn set_rating(&mut self, value: Option<Rating>);
}

impl Edit {
    /// Applies the edit and returns the edit that takes it back, or `None` if it no longer
    /// applies (its section is gone) and nothing was changed.
    pub fn apply(self, target: &mut impl EditTarget) -> Option<Edit> {
        let position =
            |target: &dyn Fn() -> Vec<u64>, id: u64| target().iter().position(|&x| x == id);
        match self {
            Edit::Insert {
                position: at,
                section,
            } => {
                let id = section.id;
                if target.section(id).is_some() {
                    return None;
                }
                target.insert_section(at, section);
                Some(Edit::Remove { id })
            }
            Edit::Remove { id } => {
                let at = position(&|| target.section_ids(), id)?;
                let section = target.section(id)?;
                target.remove_section(id);
                Some(Edit::Insert {
                    position: at,
                    section,
                })
            }
            Edit::Move { id, to } => {
                let from = position(&|| target.section_ids(), id)?;
                target.move_section(id, to);
                Some(Edit::Move { id, to: from })
            }
            Edit::Spoiler { id, value } => {
                let before = target.section(id)?.spoiler;
                target.set_spoiler(id, value);
                Some(Edit::Spoiler { id, value: before })
            }
            Edit::Heading { id, value } => {
                let before = target.section(id)?.heading;
                target.set_heading(id, value);
                Some(Edit::Heading { id, value: before })
            }
            Edit::Metadata(value) => {
                let before = target.metadata();
                target.set_metadata(*value);
                Some(Edit::Metadata(Box::new(before)))
            }
            Edit::PostTitle(value) => {
                let before = target.post_title();
                target.set_post_title(value);
                Some(Edit::PostTitle(before))
            }
            Edit::Rating(value) => {
                let before = target.rating();
                target.set_rating(value);
                Some(Edit::Rating(before))
            }
            Edit::Batch(edits) => {
                // Taken back in the opposite order; parts that no longer apply are skipped.
                let mut inverses: Vec<Edit> =
                    edits.into_iter().filter_map(|e| e.apply(target)).collect();
                inverses.reverse();
                (!inverses.is_empty()).then_some(Edit::Batch(inverses))
            }
        }
    }
}

/// The undo and redo stacks. Each holds the edits that take a change back (or forward).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UndoStack {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl UndoStack {
    /// Empty stacks.
    pub fn new() -> UndoStack {
        UndoStack::default()
    }

    /// Records a change just made, given the edit that takes it back. A new change ends what
    /// could be redone.
    pub fn record(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes back the last change; returns the edit applied. Edits that no longer apply are
    /// skipped.
    pub fn undo(&mut self, target: &mut impl EditTarget) -> Option<Edit> {
        while let Some(edit) = self.undo.pop() {
            if let Some(inverse) = edit.clone().apply(target) {
                self.redo.push(inverse);
                return Some(edit);
            }
        }
        None
    }

    /// Brings back the last change undone; returns the edit applied.
    pub fn redo(&mut self, target: &mut impl EditTarget) -> Option<Edit> {
        while let Some(edit) = self.redo.pop() {
            if let Some(inverse) = edit.clone().apply(target) {
                self.undo.push(inverse);
                return Some(edit);
            }
        }
        None
    }

    /// Forgets everything (another review was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Reads one text of [`Metadata`].
pub type MetadataText = fn(&Metadata) -> &String;

/// The single-line fields of the details form, by the element id the form gives each, with the
/// metadata string each edits: what tells which field an undone [`Edit::Metadata`] changed.
pub const METADATA_FIELDS: [(&str, MetadataText); 20] = [
    ("book-title", |m| &m.title),
    ("book-author", |m| &m.author),
    ("book-pages", |m| &m.pages),
    ("work-platform", |m| &m.platform),
    ("book-publisher", |m| &m.publisher),
    ("book-published", |m| &m.publication_date),
    ("work-runtime", |m| &m.runtime),
    ("work-tracks", |m| &m.tracks),
    ("book-language", |m| &m.language),
    ("book-isbn10", |m| &m.isbn10),
    ("book-isbn13", |m| &m.isbn13),
    ("book-genre", |m| &m.genre),
    ("book-audience", |m| &m.audience),
    ("work-cover", |m| &m.cover_image),
    ("post-reviewer", |m| &m.reviewer),
    ("post-date", |m| &m.post_date),
    ("post-categories", |m| &m.categories),
    ("post-tags", |m| &m.tags),
    ("post-summary", |m| &m.summary),
    ("post-slug", |m| &m.slug),
];

/// What an undo or redo changed, as far as focus is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// One text field, by its element id: a detail, the post title or a section heading.
    Field(String),
    /// A section put back (its removal undone, or its addition redone).
    Restored(u64),
    /// Something that is no single text field: a move, a removal, a spoiler flag, the rating,
    /// the format, or several fields at once.
    Other,
}

/// What `applied` (an edit just applied by undo or redo) changed, given the metadata as it
/// was just before.
pub fn touched(applied: &Edit, metadata_before: &Metadata) -> Touched {
    match applied {
        Edit::Metadata(after) => {
            let mut changed = METADATA_FIELDS
                .iter()
                .filter(|(_, get)| get(metadata_before) != get(after));
            match (changed.next(), changed.next()) {
                (Some((id, _)), None) if metadata_before.format == after.format => {
                    Touched::Field((*id).to_string())
                }
                _ => Touched::Other,
            }
        }
        Edit::PostTitle(_) => Touched::Field("post-title".into()),
        Edit::Heading { id, .. } => Touched::Field(format!("section-heading-{id}")),
        Edit::Insert { section, .. } => Touched::Restored(section.id),
        _ => Touched::Other,
    }
}

/// Where focus was when Ctrl+Z (or redo) was pressed, once the edit is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusBefore {
    /// Nowhere in particular (the page itself: the person clicked empty space).
    Nowhere,
    /// On a control that is still there.
    Kept,
    /// On a control that went away with its section.
    Gone,
}

/// Where focus goes after an undo or redo made from the keyboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusAfter {
    /// To this element (the text field whose value came back).
    Field(String),
    /// Where it was (or nowhere, if it was nowhere).
    Stay,
    /// To this section's heading (focus was on a control that left with its section).
    Heading(u64),
}

/// Decides where focus goes after a keyboard undo or redo: to the text field whose value
/// changed when that field is on screen (`field_on_screen`), so that the person sees what came
/// back and the next Ctrl+Z goes on walking back; otherwise it stays where it was, never into an
/// unrelated field (which would scroll the page and take the next Ctrl+Z for the field's own
/// undo). Only if the focused control left with its section does focus move, to the section
/// put back or else to `first_section`'s heading.
pub fn focus_after(
    touched: &Touched,
    field_on_screen: bool,
    before: FocusBefore,
    first_section: Option<u64>,
) -> FocusAfter {
    match (touched, before) {
        (Touched::Field(id), _) if field_on_screen => FocusAfter::Field(id.clone()),
        (_, FocusBefore::Nowhere | FocusBefore::Kept) => FocusAfter::Stay,
        (Touched::Restored(id), FocusBefore::Gone) => FocusAfter::Heading(*id),
        (_, FocusBefore::Gone) => first_section.map_or(FocusAfter::Stay, FocusAfter::Heading),
    }
}

/// Whether Ctrl+Z (or redo) pressed in the text field with element id `field_id` belongs to the
/// browser's own text undo rather than to the review's. A section's text is always the
/// browser's (its keystrokes are never app edits). A field whose changes the app records (a
/// detail, the post title, a heading) is the browser's only while it holds typing not yet
/// recorded (`uncommitted`): once that is taken back, or when nothing was typed, the key walks
/// back the review's own edits, so that repeated Ctrl+Z never stalls in a field. Any other text
/// field (a search box) keeps its own undo.
pub fn browser_undoes(field_id: &str, uncommitted: bool) -> bool {
    if field_id.starts_with("section-body-") {
        return true;
    }
    let recorded = field_id == "post-title"
        || field_id.starts_with("section-heading-")
        || METADATA_FIELDS.iter().any(|(id, _)| *id == field_id);
    !recorded || uncommitted
}

impl EditTarget for Review {
    fn section_ids(&self) -> Vec<u64> {
        self.sections.iter().map(|s| s.id).collect()
    }
    fn section(&self, id: u64) -> Option<Section> {
        self.sections.iter().find(|s| s.id == id).cloned()
    }
    fn insert_section(&mut self, position: usize, section: Section) {
        let at = position.min(self.sections.len());
        self.sections.insert(at, section);
    }
    fn remove_section(&mut self, id: u64) {
        self.sections.retain(|s| s.id != id);
    }
    fn move_section(&mut self, id: u64, to: usize) {
        if let Some(from) = self.sections.iter().position(|s| s.id == id) {
            let section = self.sections.remove(from);
            let to = to.min(self.sections.len());
            self.sections.insert(to, section);
        }
    }
    fn set_spoiler(&mut self, id: u64, value: bool) {
        if let Some(s) = self.sections.iter_mut().find(|s| s.id == id) {
            s.spoiler = value;
        }
    }
    fn set_heading(&mut self, id: u64, value: String) {
        if let Some(s) = self.sections.iter_mut().find(|s| s.id == id) {
            s.heading = value;
        }
    }
    fn metadata(&self) -> Metadata {
        self.metadata.clone()
    }
    fn set_metadata(&mut self, value: Metadata) {
        self.metadata = value;
    }
    fn post_title(&self) -> String {
        self.post_title.clone()
    }
    fn set_post_title(&mut self, value: String) {
        self.post_title = value;
    }
    fn rating(&self) -> Option<Rating> {
        self.rating
    }
    fn set_rating(&mut self, value: Option<Rating>) {
        self.rating = value;
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Makes a change the way the editor does (apply, record the inverse).
    fn change(review: &mut Review, stack: &mut UndoStack, edit: Edit) {
        if let Some(inverse) = edit.apply(review) {
            stack.record(inverse);
        }
    }

    #[test]
    fn remove_add_and_move_come_back_with_their_text() {
        let mut review = Review::new_book("2026-11-25");
        review.sections[1].body = "The letters.".into();
        let original = review.clone();
        let mut stack = UndoStack::new();
        change(&mut review, &mut stack, Edit::Remove { id: 2 });
        assert_eq!(review.sections.len(), 3);
        assert!(stack.undo(&mut review).is_some());
        assert_eq!(review, original);
        assert!(stack.redo(&mut review).is_some());
        assert_eq!(review.sections.len(), 3);
        stack.undo(&mut review);

        // An added section, typed into, then undone and redone, keeps its text.
        let added = Section::new(9, "Characters");
        change(
            &mut review,
            &mut stack,
            Edit::Insert {
                position: 4,
                section: added,
            },
        );
        review.sections[4].body = "Ames".into();
        stack.undo(&mut review);
        assert_eq!(review, original);
        stack.redo(&mut review);
        assert_eq!(review.sections[4].body, "Ames");
        assert!(!stack.can_redo());

        change(&mut review, &mut stack, Edit::Move { id: 1, to: 3 });
        assert_eq!(review.section_ids(), [2, 3, 4, 1, 9]);
        stack.undo(&mut review);
        assert_eq!(review.section_ids(), [1, 2, 3, 4, 9]);
    }

    #[test]
    fn fields_flags_and_rating_come_back_and_a_new_change_ends_redo() {
        let mut review = Review::new_book("2026-11-25");
        let mut stack = UndoStack::new();
        let mut metadata = review.metadata.clone();
        metadata.title = "Gilead".into();
        change(&mut review, &mut stack, Edit::Metadata(Box::new(metadata)));
        change(
            &mut review,
            &mut stack,
            Edit::Spoiler { id: 1, value: true },
        );
        change(&mut review, &mut stack, Edit::Rating(Rating::parse("4")));
        change(&mut review, &mut stack, Edit::PostTitle("Mine".into()));
        change(
            &mut review,
            &mut stack,
            Edit::Heading {
                id: 2,
                value: "Highs".into(),
            },
        );
        for _ in 0..5 {
            stack.undo(&mut review);
        }
        assert_eq!(review, Review::new_book("2026-11-25"));
        assert!(!stack.can_undo());
        stack.redo(&mut review);
        assert_eq!(review.metadata.title, "Gilead");
        change(&mut review, &mut stack, Edit::Rating(Rating::parse("2")));
        assert!(!stack.can_redo());
    }

    #[test]
    fn edits_whose_section_is_gone_are_skipped() {
        let mut review = Review::new_book("2026-11-25");
        let mut stack = UndoStack::new();
        change(
            &mut review,
            &mut stack,
            Edit::Spoiler { id: 4, value: true },
        );
        review.sections.retain(|s| s.id != 4);
        assert_eq!(stack.undo(&mut review), None);
    }

    #[test]
    fn the_stack_is_bounded() {
        let mut review = Review::new_book("2026-11-25");
        let mut stack = UndoStack::new();
        for i in 0..UNDO_LIMIT + 10 {
            change(
                &mut review,
                &mut stack,
                Edit::Spoiler {
                    id: 1,
                    value: i % 2 == 0,
                },
            );
        }
        let mut n = 0;
        while stack.undo(&mut review).is_some() {
            n += 1;
        }
        assert_eq!(n, UNDO_LIMIT);
    }

    #[test]
    fn keyboard_undo_walks_back_the_fields_and_takes_focus_to_each() {
        // Pages, Language and Publisher changed one after another (each recorded on leaving it).
        let mut review = Review::new_book("2026-11-25");
        let mut stack = UndoStack::new();
        for (value, set) in [
            (
                "304",
                (|m| &mut m.pages) as fn(&mut Metadata) -> &mut String,
            ),
            ("English", |m| &mut m.language),
            ("Ace", |m| &mut m.publisher),
        ] {
            let mut metadata = review.metadata.clone();
            *set(&mut metadata) = value.into();
            change(&mut review, &mut stack, Edit::Metadata(Box::new(metadata)));
        }
        let mut focus = Vec::new();
        while let Some((before, edit)) = {
            let before = review.metadata.clone();
            stack.undo(&mut review).map(|e| (before, e))
        } {
            let after = focus_after(
                &touched(&edit, &before),
                true,
                FocusBefore::Nowhere,
                Some(1),
            );
            focus.push(after);
        }
        assert_eq!(
            focus,
            ["book-publisher", "book-language", "book-pages"]
                .map(|id| FocusAfter::Field(id.into()))
        );
        assert_eq!(review, Review::new_book("2026-11-25"));
        // Redo brings them back in the order they were made.
        let before = review.metadata.clone();
        let edit = stack.redo(&mut review).unwrap();
        assert_eq!(touched(&edit, &before), Touched::Field("book-pages".into()));
    }

    #[test]
    fn focus_never_jumps_into_an_unrelated_field() {
        let field = Touched::Field("book-pages".into());
        // Off screen: focus stays where it was (on nothing: the page does not scroll).
        assert_eq!(
            focus_after(&field, false, FocusBefore::Nowhere, Some(1)),
            FocusAfter::Stay
        );
        assert_eq!(
            focus_after(&field, false, FocusBefore::Kept, Some(1)),
            FocusAfter::Stay
        );
        // A move or a flag leaves focus alone, even with nothing focused.
        assert_eq!(
            focus_after(&Touched::Other, true, FocusBefore::Nowhere, Some(1)),
            FocusAfter::Stay
        );
        // The focused control left with its section: the section put back, else the first.
        assert_eq!(
            focus_after(&Touched::Restored(3), true, FocusBefore::Gone, Some(1)),
            FocusAfter::Heading(3)
        );
        assert_eq!(
            focus_after(&Touched::Other, true, FocusBefore::Gone, Some(1)),
            FocusAfter::Heading(1)
        );
        assert_eq!(
            focus_after(&Touched::Other, true, FocusBefore::Gone, None),
            FocusAfter::Stay
        );
    }

    #[test]
    fn what_an_edit_touched() {
        let before = Metadata::default();
        let mut two = before.clone();
        two.title = "Gilead".into();
        two.author = "Robinson".into();
        assert_eq!(
            touched(&Edit::Metadata(Box::new(two)), &before),
            Touched::Other
        );
        let mut format = before.clone();
        format.format = crate::review::Format::Paperback;
        assert_eq!(
            touched(&Edit::Metadata(Box::new(format)), &before),
            Touched::Other
        );
        assert_eq!(
            touched(&Edit::PostTitle("x".into()), &before),
            Touched::Field("post-title".into())
        );
        assert_eq!(
            touched(
                &Edit::Heading {
                    id: 2,
                    value: "x".into()
                },
                &before
            ),
            Touched::Field("section-heading-2".into())
        );
        assert_eq!(
            touched(&Edit::Move { id: 2, to: 0 }, &before),
            Touched::Other
        );
        assert_eq!(
            touched(
                &Edit::Insert {
                    position: 0,
                    section: Section::new(7, "")
                },
                &before
            ),
            Touched::Restored(7)
        );
    }

    #[test]
    fn the_browser_undoes_only_typing_the_app_has_not_recorded() {
        assert!(browser_undoes("section-body-3", false));
        assert!(browser_undoes("library-search", false));
        assert!(browser_undoes("book-publisher", true));
        assert!(!browser_undoes("book-publisher", false));
        assert!(!browser_undoes("post-title", false));
        assert!(!browser_undoes("section-heading-1", false));
        assert!(browser_undoes("section-heading-1", true));
    }

    fn edit_strategy() -> impl Strategy<Value = (u8, u64, usize, bool)> {
        (0u8..7, 1u64..8, 0usize..8, any::<bool>())
    }

    proptest! {
        #[test]
        fn undoing_everything_restores_the_start_and_redoing_everything_the_end(
            steps in proptest::collection::vec(edit_strategy(), 0..30)
        ) {
            let start = Review::new_book("2026-11-25");
            let mut review = start.clone();
            let mut stack = UndoStack::new();
            let mut next_id = 100;
            for (kind, id, to, flag) in steps {
                let edit = match kind {
                    0 => { next_id += 1; Edit::Insert { position: to, section: Section::new(next_id, "New") } }
                    1 => Edit::Remove { id },
                    2 => Edit::Move { id, to },
                    3 => Edit::Spoiler { id, value: flag },
                    4 => Edit::Heading { id, value: format!("H{to}") },
                    5 => Edit::Rating(Rating::parse(&format!("{}", to % 5 + 1))),
                    // A template switch: metadata and headings in one step.
                    _ => {
                        let mut metadata = review.metadata.clone();
                        metadata.template = crate::review::Template::ALL[to % 4];
                        Edit::Batch(vec![
                            Edit::Metadata(Box::new(metadata)),
                            Edit::Heading { id, value: format!("T{to}") },
                            Edit::Spoiler { id: id + 1, value: flag },
                        ])
                    }
                };
                change(&mut review, &mut stack, edit);
            }
            let end = review.clone();
            while stack.undo(&mut review).is_some() {}
            prop_assert_eq!(&review, &start);
            while stack.redo(&mut review).is_some() {}
            prop_assert_eq!(&review, &end);
        }
    }
}
