//! Reading a long text area's value into Rust quickly. A section's text is read on every
//! keystroke; wasm-bindgen's own conversion copies ASCII a character at a time in JavaScript
//! before handing the rest to the browser's encoder, a cost on each keystroke that grows with
//! the section. One native `TextEncoder.encodeInto` straight into Wasm memory does the same
//! work far faster (measured: docs/performance.md).

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

use crate::markup::text_offsets::{likely_edit, utf16_range_to_bytes};

#[wasm_bindgen]
extern "C" {
    /// A text area seen through a binding of our own, whose `value` stays a JS string.
    #[wasm_bindgen(js_name = HTMLTextAreaElement)]
    type RawTextArea;
    #[wasm_bindgen(method, getter, js_name = value)]
    fn value_js(this: &RawTextArea) -> JsString;

    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Encoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &Encoder, text: &JsString, into: &Uint8Array) -> EncodeResult;

    /// What `encodeInto` did.
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

thread_local! {
    static ENCODER: Encoder = Encoder::new();
}

/// Reads one text area's value again and again, bringing into Rust only what changed since the
/// last read: comparing the text with the text read last, inside JavaScript, costs far less
/// than copying a long section's whole text into Wasm on each keystroke (measured:
/// docs/performance.md).
///
/// Exact whatever happened in between (typing, deleting, pasting over a selection, the browser's
/// own undo, a value set from Rust): it keeps the JS string it read last beside the same text in
/// Rust, and a part is reused only after JavaScript found it equal in both strings. When the
/// guess of where the edit is fails that check, it reads the whole text.
#[derive(Default)]
pub struct TextAreaReader {
    last: Option<(JsString, String)>,
    whole: bool,
}

impl TextAreaReader {
    /// A reader that has read nothing yet.
    pub fn new() -> TextAreaReader {
        TextAreaReader::default()
    }

    /// The text in `element` now.
    pub fn read(&mut self, element: &web_sys::HtmlTextAreaElement) -> String {
        let new = element.unchecked_ref::<RawTextArea>().value_js();
        let spliced = self.last.take().and_then(|(old, mut text)| {
            let caret = element.selection_end().ok().flatten().unwrap_or(u32::MAX);
            splice(&old, &new, caret, &mut text).then_some(text)
        });
        self.whole = spliced.is_none();
        let text = spliced.unwrap_or_else(|| string_of(&new));
        self.last = Some((new, text.clone()));
        text
    }

    /// Whether the last read copied the whole text (the first read, or an edit not where the
    /// caret said) rather than only what changed.
    pub fn read_whole(&self) -> bool {
        self.whole
    }

    /// Lets go of the text kept from the last read (the next read copies the whole text).
    pub fn forget(&mut self) {
        self.last = None;
    }
}

/// Applies the edit that turned the JS string `old` into `new` to `text` (which holds `old`),
/// if it lies where [`likely_edit`] says; false (and `text` untouched) if it does not.
fn splice(old: &JsString, new: &JsString, caret: u32, text: &mut String) -> bool {
    let (old_units, new_units) = (old.length(), new.length());
    let (mut prefix, mut suffix) = likely_edit(old_units, new_units, caret);
    // Never between the two halves of a surrogate pair: the part read would hold half a
    // character.
    let unit = |at: u32| new.char_code_at(at) as u32;
    if prefix > 0 && (0xD800..0xDC00).contains(&unit(prefix - 1)) {
        prefix -= 1;
    }
    if suffix > 0 && (0xDC00..0xE000).contains(&unit(new_units - suffix)) {
        suffix -= 1;
    }
    let same = new.substring(0, prefix) == old.substring(0, prefix)
        && new.substring(new_units - suffix, new_units)
            == old.substring(old_units - suffix, old_units);
    if !same {
        return false;
    }
    let (from, to) = utf16_range_to_bytes(text, old_units, prefix, old_units - suffix);
    let inserted = string_of(&new.substring(prefix, new_units - suffix));
    text.replace_range(from..to, &inserted);
    true
}

/// The text in a text area.
pub fn textarea_value(element: &web_sys::HtmlTextAreaElement) -> String {
    string_of(&element.unchecked_ref::<RawTextArea>().value_js())
}

/// A JS string as a Rust string (a lone surrogate becomes U+FFFD, as with wasm-bindgen's own
/// conversion).
pub fn string_of(text: &JsString) -> String {
    let units = text.length() as usize;
    // First as if every unit were one byte (ASCII, the common case), then, if that did not
    // hold it all, with room for the worst case (three bytes a unit).
    encode(text, units, units)
        .or_else(|| {
            encode(text, units, units * 3).map(|mut text| {
                text.shrink_to_fit();
                text
            })
        })
        // Should the view have been detached both times, wasm-bindgen's own conversion:
        // slower, never wrong (an empty string here would be taken as the section's text).
        .unwrap_or_else(|| String::from(text.clone()))
}

/// Encodes all `units` of `text` into a buffer of `capacity` bytes, or `None` if it is too
/// small.
fn encode(text: &JsString, units: usize, capacity: usize) -> Option<String> {
    let mut bytes = Vec::<u8>::with_capacity(capacity);
    let result = ENCODER.with(|encoder| {
        // SAFETY: the view covers the vector's spare capacity, and only the encoder writes
        // through it. Wasm memory can still grow between making the view and the call
        // (wasm-bindgen may grow its table of JS values to hold the view), which detaches
        // the view: the encoder then reads nothing, and `read < units` below says so.
        let view = unsafe { Uint8Array::view_mut_raw(bytes.as_mut_ptr(), capacity) };
        let result = encoder.encode_into(text, &view);
        (result.read() as usize, result.written() as usize)
    });
    let (read, written) = result;
    if read < units {
        return None;
    }
    // SAFETY: the encoder wrote `written` bytes into the capacity.
    unsafe { bytes.set_len(written) };
    // The encoder writes UTF-8 only; checking it is cheap next to a keystroke's other work.
    Some(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}
