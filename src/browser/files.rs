//! Reading a file the person chose, copying to the clipboard, and asking the browser to keep
//! this site's storage.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of `file`, or why they could not be read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the browser could not read the file ({e:?})"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Asks for persistent storage (so the browser does not clear it under pressure) and says
/// whether this site has it; `None` where the browser offers no such thing.
pub async fn persist_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    // Some browsers lack the StorageManager (the getter then yields undefined).
    if storage.is_undefined() || !storage.is_instance_of::<web_sys::StorageManager>() {
        return None;
    }
    let already = JsFuture::from(storage.persisted().ok()?).await.ok()?;
    if already.as_bool() == Some(true) {
        return Some(true);
    }
    JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Puts `html` on the clipboard as HTML and `text` as plain text (one clipboard item with both,
/// so that a visual editor takes the HTML and a text box the text), or says why it could not.
pub async fn copy_html(html: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsValue;
    let blob = |content: &str, kind: &str| -> Result<web_sys::Blob, String> {
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|e| format!("{e:?}"))
    };
    let record = js_sys::Object::new();
    for (kind, content) in [("text/html", html), ("text/plain", text)] {
        js_sys::Reflect::set(
            &record,
            &JsValue::from_str(kind),
            &blob(content, kind)?.into(),
        )
        .map_err(|e| format!("{e:?}"))?;
    }
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map_err(|e| format!("{e:?}"))?;
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// Puts `text` on the clipboard, or says why it could not.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}
