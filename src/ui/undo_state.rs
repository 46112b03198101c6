//! What `Undo` and `Redo` need besides the review: the stack of edits they take back and bring
//! back, whether each has something to do, and the fields as they were when last recorded (so
//! that a field's typing becomes one edit when focus leaves it). The review's signals stay in
//! `EditorState`, which turns its changes into edits and applies them.

use leptos::prelude::*;

use crate::review::edits::{Edit, EditTarget, UndoStack};
use crate::review::{Metadata, Rating};

/// The fields as they were when last recorded for undo: a field's change becomes one undoable
/// edit when focus leaves it, not one per keystroke.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    /// The book and post facts.
    pub metadata: Metadata,
    /// The person's own post title.
    pub post_title: String,
    /// The rating.
    pub rating: Option<Rating>,
    /// Each section's id and heading, in order.
    pub headings: Vec<(u64, String)>,
}

/// The undo stack, its buttons' state and the baseline. Copy, like the signals it holds.
#[derive(Clone, Copy)]
pub struct UndoState {
    /// Edits that `Undo` and `Redo` take back and bring back.
    stack: StoredValue<UndoStack>,
    /// Whether `Undo` and `Redo` have something to do (for their disabled state).
    pub can_undo_redo: RwSignal<(bool, bool)>,
    /// The fields as last recorded.
    baseline: StoredValue<Baseline>,
}

impl UndoState {
    /// Nothing to undo, with the fields as in `baseline`; owned by the current reactive owner.
    pub fn new(baseline: Baseline) -> UndoState {
        UndoState {
            stack: StoredValue::new(UndoStack::new()),
            can_undo_redo: RwSignal::new((false, false)),
            baseline: StoredValue::new(baseline),
        }
    }

    /// Brings `can_undo_redo` in line with the stack (set only when it changes).
    pub fn refresh_flags(self) {
        let flags = self.stack.with_value(|u| (u.can_undo(), u.can_redo()));
        if self.can_undo_redo.get_untracked() != flags {
            self.can_undo_redo.set(flags);
        }
    }

    /// Records a change just made, given the edit that takes it back.
    pub fn record(self, inverse: Edit) {
        self.stack.update_value(|u| u.record(inverse));
        self.refresh_flags();
    }

    /// Forgets every edit (another review, or version, is shown: they no longer apply).
    pub fn clear(self) {
        self.stack.update_value(UndoStack::clear);
    }

    /// Takes back (`undo`) or brings back the last edit on `target`; returns the edit applied.
    pub fn step(self, undo: bool, target: &mut impl EditTarget) -> Option<Edit> {
        self.stack
            .try_update_value(|u| if undo { u.undo(target) } else { u.redo(target) })
            .flatten()
    }

    /// The fields as last recorded.
    pub fn baseline(self) -> Baseline {
        self.baseline.get_value()
    }

    /// Reads the fields as last recorded, without copying them.
    pub fn with_baseline<T>(self, f: impl FnOnce(&Baseline) -> T) -> T {
        self.baseline.with_value(f)
    }

    /// Records the fields as they are now.
    pub fn set_baseline(self, baseline: Baseline) {
        self.baseline.set_value(baseline);
    }

    /// Changes the fields as last recorded in place (a change that is no edit of the writer's).
    pub fn update_baseline(self, f: impl FnOnce(&mut Baseline)) {
        self.baseline.update_value(f);
    }
}
