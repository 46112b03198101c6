//! Reading text out of the browser in real Chromium: a text area's value and any JS string
//! come into Rust exactly as wasm-bindgen's own conversion would bring them, whatever their
//! characters and length.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use verdict::browser::text::{string_of, textarea_value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn strings_arrive_as_they_are() {
    let long_ascii = "Kathy, Ruth and Tommy. ".repeat(50_000);
    let long_mixed = format!("{}é", "日本語と English ".repeat(20_000));
    for text in [
        "",
        "a",
        "plain ASCII with ||spoilers||\nand lines",
        "accents: é, ü, ñ; CJK: 日本; emoji: 🙂👍🏽; noncharacter: \u{FDD0}",
        "ends on a multi-byte character: é",
        long_ascii.as_str(),
        long_mixed.as_str(),
    ] {
        assert_eq!(string_of(&JsString::from(text)), text, "{:.40}", text);
    }
}

#[wasm_bindgen_test]
fn a_lone_surrogate_becomes_a_replacement_character() {
    let lone = JsString::from_char_code(&[0x61, 0xD83D, 0x62]);
    assert_eq!(string_of(&lone), "a\u{FFFD}b");
    assert_eq!(string_of(&lone), String::from(lone));
}

#[wasm_bindgen_test]
fn a_text_area_value_is_read_whole() {
    let document = web_sys::window().unwrap().document().unwrap();
    let textarea: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&textarea).unwrap();
    let text = format!("{}\n\nÉtoile ✓", "line of text\n".repeat(10_000));
    textarea.set_value(&text);
    assert_eq!(textarea_value(&textarea), text);
    textarea.remove();
}
