//! The seam to the parts of Verdict loaded on demand (`src/extras.rs`, a second Wasm module):
//! `public/boot.js` loads it on the first call and calls one of its functions.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::review::Metadata;

#[wasm_bindgen]
extern "C" {
    /// `public/boot.js`: loads the extras module once, then calls its function `name` with
    /// `text` and `bytes`. (One import for every function: each costs the first load a wrapper.)
    #[wasm_bindgen(catch, js_namespace = window, js_name = verdictExtras)]
    fn call(
        name: &str,
        text: &str,
        bytes: Option<js_sys::Uint8Array>,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Calls the module's function `name` and waits for its answer. `what` names the feature in
/// the message when the module cannot be loaded (offline before it was ever stored, or a newer
/// version of Verdict on the server than this page).
async fn answer(
    what: &str,
    name: &str,
    text: &str,
    bytes: Option<js_sys::Uint8Array>,
) -> Result<JsValue, String> {
    let done = match call(name, text, bytes) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    done.map_err(|e| {
        e.as_string().unwrap_or_else(|| {
            let why = String::from(e.unchecked_into::<js_sys::Object>().to_string());
            format!("{what} could not be loaded ({why}): check the connection, or reload the page if Verdict was just updated.")
        })
    })
}

/// Opens `Import a library` with the file `name`, or says why not: the file cannot be read as
/// a library, or the module cannot be loaded.
pub async fn library(name: &str, bytes: &[u8]) -> Result<(), String> {
    // A copy the module reads after it has loaded: a view into this module's memory could be
    // moved by then.
    answer("Import a library", "library", name, Some(bytes.into()))
        .await
        .map(drop)
}

/// Opens `Look up` for the book `metadata`; the book's details with the facts the writer chose
/// to take, or `None` when the writer took none.
pub async fn lookup(metadata: &Metadata) -> Result<Option<Metadata>, String> {
    let json = serde_json::to_string(metadata).map_err(|e| e.to_string())?;
    let chosen = answer("Look up", "lookup", &json, None).await?;
    Ok(chosen
        .as_string()
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// Downloads every review with a book title as a Goodreads CSV; what was downloaded, or why not.
pub async fn goodreads_csv() -> Result<String, String> {
    let said = answer("Download Goodreads CSV", "goodreads_csv", "", None).await?;
    Ok(said.as_string().unwrap_or_default())
}
