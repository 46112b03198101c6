//! The two download buttons.

use leptos::prelude::*;

use crate::browser::download::download_text;
use crate::export::{filename::file_name, html, markdown};

use super::autosave::Autosave;
use super::state::EditorState;

/// `Download Markdown` and `Download HTML`.
#[component]
pub fn ExportActions() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let download = move |html_file: bool| {
        let review = state.snapshot();
        let title = review.effective_post_title();
        let result = if html_file {
            download_text(
                &file_name(&title, "html"),
                html::MIME,
                &html::document(&review),
            )
        } else {
            download_text(
                &file_name(&title, "md"),
                markdown::MIME,
                &markdown::document(&review),
            )
        };
        if let Err(e) = result {
            autosave.alert.set(Some(format!(
                "The download could not be started ({e:?}). Your review is unchanged."
            )));
        }
    };
    view! {
        <div class="export-actions" role="group" aria-label="Export">
            <button type="button" on:click=move |_| download(false)>
                "Download Markdown"
            </button>
            <button type="button" on:click=move |_| download(true)>
                "Download HTML"
            </button>
        </div>
    }
}
