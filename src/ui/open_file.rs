//! `Open file`: a Markdown or JSON file read into a new draft (the review open before is saved
//! first and stays in the library), or a Goodreads or StoryGraph library handed to `Import a
//! library` (in the module loaded on demand). A file that cannot be read creates nothing and says why.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{clock, extras, files};
use crate::formats::draft::DraftRecord;
use crate::import::books::is_library;
use crate::import::{import, Source};

use super::autosave::Autosave;
use super::schedule::focus_later;
use super::state::EditorState;

/// The element id of the file input, which the menu's `Open file` item clicks.
pub const OPEN_FILE_INPUT_ID: &str = "open-file";

/// The `Open file` file input: hidden, opened by the menu's `Open file` item (it keeps its
/// label, so that a file can also be handed to it directly).
#[component]
pub fn OpenFile() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let read = match files::read_bytes(&file).await {
                // A Goodreads or StoryGraph export: its own dialog, where nothing is written
                // before the writer has chosen.
                // Read by the module loaded on demand (src/extras.rs).
                Ok(bytes) if is_library(&name, &bytes) => {
                    match extras::library(&name, &bytes).await {
                        Ok(()) => {
                            state.messages.problem.set(None);
                            return;
                        }
                        Err(why) => Err(why),
                    }
                }
                Ok(bytes) => import(&name, &bytes),
                Err(e) => Err(format!(
                    "\u{201c}{name}\u{201d} could not be read: {e}. Nothing was opened."
                )),
            };
            let read = read.and_then(|imported| {
                autosave.before_leaving()?;
                Ok(imported)
            });
            match read {
                Ok(imported) => {
                    autosave.open_new(DraftRecord::fresh(
                        clock::new_draft_id(),
                        &clock::now_iso(),
                        imported.review,
                    ));
                    let how = match imported.source {
                        // Sections that held spoilers and were written differently from how
                        // they were typed come from their visible text; a note says so.
                        Source::VerdictMarkdown if !imported.notes.is_empty() => {
                            "as it was exported"
                        }
                        Source::Json | Source::VerdictMarkdown => "exactly as it was exported",
                        Source::Markdown => "its headings became sections",
                    };
                    let mut notice = format!(
                        "Opened \u{201c}{name}\u{201d} as a new review ({how}). The review you had open is kept in Reviews."
                    );
                    for note in imported.notes {
                        notice.push(' ');
                        notice.push_str(&note);
                    }
                    state.messages.problem.set(None);
                    state.messages.notice.set(Some(notice));
                    focus_later("book-title".into());
                }
                Err(message) => state.messages.problem.set(Some(message)),
            }
        });
    };
    view! {
        <input
                type="file"
                id=OPEN_FILE_INPUT_ID
                hidden
                aria-label="Open file"
                accept=".md,.markdown,.txt,.json,.csv,text/markdown,text/plain,application/json,text/csv"
                on:change=choose
            />
    }
}
