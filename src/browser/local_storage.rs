//! localStorage behind [`KeyValueStore`].
//!
//! The handle comes from `gloo-storage`, but only after a probe: `window.localStorage` throws
//! when site data is disabled or in a sandboxed frame, and gloo's `raw()` would then panic. Every
//! call maps the browser's exception to a [`StoreError`], so failures are values to handle, never
//! exceptions unwinding through Wasm. Records go in and out as raw strings (gloo's own `get` and
//! `set` speak JSON and would drop the text of a record that cannot be read).

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

#[wasm_bindgen]
extern "C" {
    /// localStorage seen through a binding of our own (web-sys's binding copies the whole
    /// value into Wasm memory, which [`KeyValueStore::head`] exists to avoid).
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    /// `getItem`, returning the JS string itself.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_value(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

use crate::storage::{KeyValueStore, StoreError};

/// The browser's localStorage for this origin.
pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used.
    pub fn open() -> Result<LocalStore, StoreError> {
        probe()?;
        Ok(LocalStore {
            storage: <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
        })
    }
}

/// Whether `window.localStorage` can be had here: the condition under which gloo's `raw()`
/// returns instead of panicking.
fn probe() -> Result<(), StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StoreError::Unavailable(
            "this browser has no localStorage".into(),
        )),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

/// The name and message of a thrown DOMException or Error, or its string form.
fn describe(e: &JsValue) -> String {
    if let Some(dom) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", dom.name(), dom.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        format!(
            "{}: {}",
            String::from(err.name()),
            String::from(err.message())
        )
    } else {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}

/// Maps a failed write: a quota error is [`StoreError::Full`], whatever the browser calls it.
fn write_error(e: JsValue) -> StoreError {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    let text = describe(&e);
    if name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || text.contains("quota")
    {
        StoreError::Full
    } else if name == "SecurityError" {
        StoreError::Unavailable(text)
    } else {
        StoreError::Other(text)
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreError> {
        let value = self
            .storage
            .unchecked_ref::<RawStorage>()
            .get_item_value(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(value.dyn_into::<js_sys::JsString>().ok().map(|text| {
            // UTF-16 units: `chars` of them hold at least `chars` characters' worth of bytes,
            // and a pair cut in half at the end only spoils the last character.
            let end = text.length().min(chars as u32 * 2);
            String::from(text.slice(0, end))
        }))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(write_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(write_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self
            .storage
            .length()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Ok(Some(key)) = self.storage.key(i) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
