//! `Storage`: how much of the browser's storage Verdict uses, and whether the browser keeps it
//! for good.

use leptos::prelude::*;

/// Kilobytes or megabytes, for the storage line.
fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        crate::review::limits::megabytes(bytes)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The `Storage` heading and its two lines.
#[component]
pub fn StorageUse(
    /// The bytes Verdict's records use (`None`: storage cannot be used).
    usage: RwSignal<Option<usize>>,
    /// Whether the browser agreed to keep this site's storage (`None`: not known).
    persisted: RwSignal<Option<bool>>,
) -> impl IntoView {
    let persisted_text = move || {
        match persisted.get() {
        Some(true) => "The browser keeps this storage for good (persistent storage granted).".to_string(),
        Some(false) => "The browser has not granted persistent storage: it may clear this site's data when the disk runs low. Back up now and then to be safe.".to_string(),
        None => "This browser does not say whether it keeps this storage for good: back up now and then to be safe.".to_string(),
    }
    };
    view! {
        <h3>"Storage"</h3>
        <p class="storage-line">{move || match usage.get() {
            Some(used) => format!("Verdict's records use {} of this browser's local storage for this site (about 5 MB in all).", size(used * 2)),
            None => "This browser is not letting Verdict keep anything.".to_string(),
        }}</p>
        <p class="storage-line">{persisted_text}</p>
    }
}
