//! Reading text out of the browser in real Chromium: a text area's value and any JS string
//! come into Rust exactly as wasm-bindgen's own conversion would bring them, whatever their
//! characters and length; and a reader that copies only what changed since its last read
//! reads the same text as a whole read, whatever the edit.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use verdict::browser::text::{string_of, textarea_value, TextAreaReader};
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
    let textarea = new_textarea();
    let text = format!("{}\n\nÉtoile ✓", "line of text\n".repeat(10_000));
    textarea.set_value(&text);
    assert_eq!(textarea_value(&textarea), text);
    textarea.remove();
}

/// A new text area in the page.
fn new_textarea() -> web_sys::HtmlTextAreaElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let textarea: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .unwrap()
        .dyn_into()
        .unwrap();
    document.body().unwrap().append_child(&textarea).unwrap();
    textarea
}

/// A focused text area (so that its caret is kept as set) and a reader that has read nothing.
fn focused_reader() -> (web_sys::HtmlTextAreaElement, TextAreaReader) {
    let textarea = new_textarea();
    textarea.focus().unwrap();
    (textarea, TextAreaReader::new())
}

/// Sets the value as an edit would leave it: `text` with the caret at UTF-16 offset `caret`.
fn edit(textarea: &web_sys::HtmlTextAreaElement, text: &JsString, caret: u32) {
    textarea.set_value(&String::from(text.clone()));
    textarea.set_selection_range(caret, caret).unwrap();
}

#[wasm_bindgen_test]
fn the_reader_reads_what_a_whole_read_reads_after_every_kind_of_edit() {
    let (textarea, mut reader) = focused_reader();
    let start = format!("{}Étoile ✓ 🙂 end", "line of text\n".repeat(2_000));
    textarea.set_value(&start);
    assert_eq!(reader.read(&textarea), start);
    let js = |s: &str| JsString::from(s);
    let units = |s: &str| s.encode_utf16().count() as u32;
    let mut text = start.clone();
    assert!(reader.read_whole());
    // (what the text becomes, where the caret ends, whether only the change is copied)
    let mut steps: Vec<(String, u32, bool)> = Vec::new();
    // Typing at the end, in the middle and at the start.
    text.push('x');
    steps.push((text.clone(), units(&text), true));
    text.insert(100, 'y');
    steps.push((text.clone(), 101, true));
    text.insert(0, 'é');
    steps.push((text.clone(), 1, true));
    // Backspace and Delete.
    text.remove(100);
    steps.push((text.clone(), 99, true));
    text.remove(0);
    steps.push((text.clone(), 0, true));
    // An emoji typed after another, then one of them deleted.
    let at = text.find('🙂').unwrap() + '🙂'.len_utf8();
    text.insert(at, '👍');
    steps.push((text.clone(), units(&text[..at]) + 2, true));
    text.replace_range(at..at + '👍'.len_utf8(), "");
    steps.push((text.clone(), units(&text[..at]), true));
    // A selection replaced (the caret says less than what changed), a paste, text emptied.
    text.replace_range(10..40, "RE");
    steps.push((text.clone(), 12, false));
    text.push_str(&"pasted\n".repeat(500));
    steps.push((text.clone(), units(&text), true));
    steps.push((String::new(), 0, true));
    steps.push(("again".to_string(), 5, true));
    // A caret that says nothing true: the whole text is read.
    steps.push(("a different text entirely".to_string(), 3, false));
    for (expected, caret, partial) in steps {
        edit(&textarea, &js(&expected), caret);
        assert_eq!(reader.read(&textarea), expected);
        assert_eq!(reader.read_whole(), !partial, "{:.30}", expected);
        assert_eq!(textarea_value(&textarea), expected);
    }
    textarea.remove();
}

#[wasm_bindgen_test]
fn the_reader_never_splits_a_surrogate_pair_or_keeps_a_lone_half() {
    let (textarea, mut reader) = focused_reader();
    // "a", a lone high surrogate, "b": read as "a\u{FFFD}b", like a whole read.
    let lone = JsString::from_char_code(&[0x61, 0xD83D, 0x62]);
    edit(&textarea, &lone, 2);
    assert_eq!(reader.read(&textarea), "a\u{FFFD}b");
    // Its partner arrives after it: one emoji.
    let joined = JsString::from_char_code(&[0x61, 0xD83D, 0xDE42, 0x62]);
    edit(&textarea, &joined, 3);
    assert_eq!(reader.read(&textarea), "a🙂b");
    // The pair's first half taken out: a lone low surrogate is left.
    let half = JsString::from_char_code(&[0x61, 0xDE42, 0x62]);
    edit(&textarea, &half, 1);
    assert_eq!(reader.read(&textarea), "a\u{FFFD}b");
    assert_eq!(reader.read(&textarea), textarea_value(&textarea));
    textarea.remove();
}

#[wasm_bindgen_test]
fn the_reader_follows_a_long_run_of_random_edits() {
    let (textarea, mut reader) = focused_reader();
    let pieces = ["x", " ", "é", "日本", "🙂", "\n\n", "||s||", "👍🏽", "ab"];
    let mut text = String::from("Kathy, Ruth and Tommy 🙂 leave Hailsham.\n");
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    for _ in 0..400 {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let a = boundaries[next(boundaries.len())];
        let b = boundaries[next(boundaries.len())];
        let (from, to) = (a.min(b), a.max(b));
        let inserted = if next(3) == 0 {
            ""
        } else {
            pieces[next(pieces.len())]
        };
        // Mostly a small edit at one point; sometimes a selection replaced.
        let to = if next(4) == 0 {
            to
        } else {
            from + text[from..].chars().next().map_or(0, char::len_utf8) * next(2)
        };
        text.replace_range(from..to, inserted);
        let caret = text[..from + inserted.len()].encode_utf16().count() as u32;
        edit(&textarea, &JsString::from(text.as_str()), caret);
        assert_eq!(reader.read(&textarea), text);
    }
    textarea.remove();
}
