//! The download buttons.

use leptos::prelude::*;

use crate::browser::download::download_text;
use crate::export::{filename::file_name, html, markdown};
use crate::formats::json;

use super::autosave::Autosave;
use super::state::EditorState;

/// `Download Markdown (GitHub)`, `Download HTML page` and `Download JSON` (which `Open file` reads back
/// exactly, as it does the Markdown).
#[component]
pub fn ExportActions() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let download = move |kind: &'static str| {
        let review = state.snapshot();
        let title = review.effective_post_title();
        let (mime, text) = match kind {
            "html" => (html::MIME, html::document(&review)),
            "json" => (json::MIME, json::document(&review)),
            _ => (markdown::MIME, markdown::document(&review)),
        };
        let result = download_text(&file_name(&title, kind), mime, &text);
        if let Err(e) = result {
            autosave.alert.set(Some(format!(
                "The download could not be started ({e:?}). Your review is unchanged."
            )));
        }
    };
    view! {
        <div class="export-actions" role="group" aria-label="Export">
            <button
                type="button"
                title="GitHub Markdown with front matter, which Open file reads back; other platforms are in Export"
                on:click=move |_| download("md")
            >
                "Download Markdown (GitHub)"
            </button>
            <button
                type="button"
                title="A standalone web page; the fragment for WordPress or Ghost is in Export"
                on:click=move |_| download("html")
            >
                "Download HTML page"
            </button>
            <button
                type="button"
                title="The review exactly as stored, to open in Verdict in another browser"
                on:click=move |_| download("json")
            >
                "Download JSON"
            </button>
        </div>
    }
}
