//! Opening and closing the app's modal dialogs (Export, Reviews, History, Keyboard shortcuts):
//! one way for all of them, so that each behaves the same.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Opens `dialog` as a modal (focus moves into it, the rest of the page is inert), unless it is
/// open already: `show_modal` on an open dialog throws.
pub fn open_modal(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get_untracked() {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Closes `dialog` (focus returns to what opened it).
pub fn close(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get_untracked() {
        d.close();
    }
}
