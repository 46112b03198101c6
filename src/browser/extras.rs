//! The seam to the parts of Verdict loaded on demand (`src/extras.rs`, a second Wasm module):
//! `public/boot.js` loads it on the first call and calls one of its functions.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `public/boot.js`: loads the extras module once, then calls its function `name` with
    /// `file` and `bytes`. (One import for every function: each costs the first load a wrapper.)
    #[wasm_bindgen(catch, js_namespace = window, js_name = verdictExtras)]
    fn call(name: &str, file: &str, bytes: js_sys::Uint8Array) -> Result<js_sys::Promise, JsValue>;
}

/// Opens `Import a library` with the file `name`, or says why not: the file cannot be read as
/// a library, or the module cannot be loaded (offline before it was ever stored, or a newer
/// version of Verdict on the server than this page).
pub async fn library(name: &str, bytes: &[u8]) -> Result<(), String> {
    // A copy the module reads after it has loaded: a view into this module's memory could be
    // moved by then.
    let done = match call("library", name, bytes.into()) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    done.map(drop).map_err(|e| {
        e.as_string().unwrap_or_else(|| {
            let why = String::from(e.unchecked_into::<js_sys::Object>().to_string());
            format!("Import a library could not be loaded ({why}): check the connection, or reload the page if Verdict was just updated. Nothing was opened.")
        })
    })
}
