//! Drawing a long review progressively: how many sections the editor and the preview show now.
//! The first batch is drawn at once and the next ones each in a task of their own (the batches
//! are `review::limits::draw_batch_end`'s), so that neither a thousand sections nor a few very
//! long ones keep the page from taking keys for long.

use leptos::prelude::*;

use crate::review::limits::draw_batch_end;

/// How many sections are drawn: all of them, or a prefix that grows a batch per task until it
/// is all of them. Copy, like the signal it holds.
#[derive(Clone, Copy)]
pub struct Drawing {
    /// The number of sections drawn; `usize::MAX` once all are.
    drawn: RwSignal<usize>,
}

impl Drawing {
    /// Every section drawn, owned by the current reactive owner.
    pub fn new() -> Drawing {
        Drawing {
            drawn: RwSignal::new(usize::MAX),
        }
    }

    /// How many sections to draw now (tracked: the lists follow it as batches come).
    pub fn limit(self) -> usize {
        self.drawn.get()
    }

    /// Draws every section now (before a change to the list, whose result must show at once).
    pub fn all(self) {
        if self.drawn.get_untracked() != usize::MAX {
            self.drawn.set(usize::MAX);
        }
    }

    /// Starts drawing sections of these `lengths` (in bytes) in batches: the first at once,
    /// then the next in each following task until all are drawn. A later [`Drawing::all`]
    /// stops it.
    pub fn start(self, lengths: Vec<usize>) {
        let first = draw_batch_end(&lengths, 0);
        if first >= lengths.len() {
            self.drawn.set(usize::MAX);
            return;
        }
        self.drawn.set(first);
        fn next(drawn: RwSignal<usize>, lengths: Vec<usize>) {
            set_timeout(
                move || {
                    let now = drawn.get_untracked();
                    if now == usize::MAX {
                        return;
                    }
                    let more = draw_batch_end(&lengths, now);
                    if more >= lengths.len() {
                        drawn.set(usize::MAX);
                    } else {
                        drawn.set(more);
                        next(drawn, lengths);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        next(self.drawn, lengths);
    }
}

impl Default for Drawing {
    fn default() -> Drawing {
        Drawing::new()
    }
}
