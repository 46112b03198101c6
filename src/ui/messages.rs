//! What the editor has to tell the person, apart from the review itself: a passing notice, a
//! problem that waits to be dismissed, and why an edit was refused. Kept apart from the review's
//! signals, as nothing here is saved or undone.

use leptos::prelude::*;

/// The editor's messages, each shown until replaced (the notice) or dismissed (the others).
/// Copy, like the signals it holds.
#[derive(Clone, Copy)]
pub struct Messages {
    /// A passing piece of news for the person (a version restored), shown politely.
    pub notice: RwSignal<Option<String>>,
    /// A problem to show in the alert region until dismissed (a file that could not be opened).
    pub problem: RwSignal<Option<String>>,
    /// Why the last edit was refused (it would have taken the review past its size cap).
    pub refused: RwSignal<Option<String>>,
}

impl Messages {
    /// No message yet, owned by the current reactive owner.
    pub fn new() -> Messages {
        Messages {
            notice: RwSignal::new(None),
            problem: RwSignal::new(None),
            refused: RwSignal::new(None),
        }
    }
}

impl Default for Messages {
    fn default() -> Messages {
        Messages::new()
    }
}
