//! The download items of the app bar's `Menu`.

use leptos::prelude::*;

use crate::browser::download::download_text;
use crate::export::{filename::file_name, html, markdown};
use crate::formats::json;

use super::autosave::Autosave;
use super::menu::MenuControl;
use super::state::EditorState;

/// `Download Markdown (GitHub)`, `Download HTML page` and `Download JSON` (which `Open file` reads back
/// exactly, as it does the Markdown).
#[component]
pub fn ExportActions() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let autosave = expect_context::<Autosave>();
    let menu = expect_context::<MenuControl>();
    let download = move |kind: &'static str| {
        menu.close();
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
        <div role="group" aria-label="Downloads">
            <button
                type="button"
                role="menuitem"
                tabindex="-1"
                title="GitHub Markdown with front matter, which Open file reads back; other platforms are in Export"
                on:click=move |_| download("md")
            >
                "Download Markdown (GitHub)"
            </button>
            <button
                type="button"
                role="menuitem"
                tabindex="-1"
                title="A standalone web page; the fragment for WordPress or Ghost is in Export"
                on:click=move |_| download("html")
            >
                "Download HTML page"
            </button>
            <button
                type="button"
                role="menuitem"
                tabindex="-1"
                title="The review exactly as stored, to open in Verdict in another browser"
                on:click=move |_| download("json")
            >
                "Download JSON"
            </button>
        </div>
    }
}
