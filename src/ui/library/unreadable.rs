//! The records that cannot be read, kept untouched and offered as downloads.

use leptos::prelude::*;

use crate::browser::download::download_text;

use super::shared::{drafts, Shared};

/// Downloads the stored text of the record under `key` as it is.
fn download_raw(shared: Shared, key: String) {
    if let Ok(Some(raw)) = drafts().and_then(|d| d.raw(&key).map_err(|e| e.to_string())) {
        let name = format!("{}.json", key.replace(':', "-"));
        if let Err(e) = download_text(&name, "application/json", &raw) {
            shared.fail(format!("The download could not be started ({e:?})."));
        }
    }
}

/// `Records that cannot be read`, shown only while there are some.
#[component]
pub fn UnreadableRecords(
    /// The dialog's shared state.
    shared: Shared,
) -> impl IntoView {
    let library = shared.library;
    move || {
        library.with(|l| l.unreadable.clone()).into_iter().next().is_some().then(|| view! {
        <h3>"Records that cannot be read"</h3>
        <p>"These are kept untouched in this browser's storage. Download one to keep it or to ask for help."</p>
        <ul class="draft-list" aria-label="Records that cannot be read">
            {library.with(|l| l.unreadable.clone()).into_iter().map(|u| {
                let key = u.key.clone();
                view! {
                    <li class="draft-row">
                        <div class="draft-info">
                            <span class="draft-title">{u.key.clone()}</span>
                            <span class="draft-meta">{u.why.clone()}</span>
                        </div>
                        <button type="button" on:click=move |_| download_raw(shared, key.clone())>
                            "Download" <span class="visually-hidden">{format!(" {}", u.key)}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
    }
}
