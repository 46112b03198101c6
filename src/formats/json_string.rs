//! Writing a string as JSON, byte for byte as `serde_json` does, but eight bytes a step where
//! nothing needs escaping. Autosave writes the section being typed in on every save, and in
//! the size-optimised build serde_json's byte-at-a-time loop was slow on a long section. (The
//! escapers' block scanner, `bytes::for_each_special`, becomes vector code natively but not in
//! that Wasm build: tried here, it was slower than the word test below; measured with
//! `node benches/browser/profile.mjs saves`, figures in docs/performance.md.)
//!
//! The one JSON string writer: draft records (storage) write with [`push_json_string`], and
//! the section markers of Verdict's Markdown (formats/markers.rs) with
//! [`push_json_string_in_markup`], which also writes `<`, `>` and `&` as `\u` escapes.

/// Appends `text` to `out` as a JSON string (quotes included): `"` and `\` and the control
/// characters escaped exactly as serde_json escapes them, everything else as it is.
pub fn push_json_string(out: &mut String, text: &str) {
    push::<false>(out, text);
}

/// [`push_json_string`], with `<`, `>` and `&` also written as `\u` escapes (the same string to
/// a JSON reader): for JSON inside an HTML comment, which can then never end early and holds
/// nothing a browser could take for markup.
pub fn push_json_string_in_markup(out: &mut String, text: &str) {
    push::<true>(out, text);
}

/// The writer of both: `MARKUP` says whether `<`, `>` and `&` are escaped too.
fn push<const MARKUP: bool>(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(with_room_for_escapes(bytes.len()) + 2);
    out.push('"');
    let mut clean_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !any_needs_escaping::<MARKUP>(word(chunk)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if needs_escaping::<MARKUP>(b) {
            // `i` is at an ASCII byte, so both slices end on character boundaries.
            out.push_str(&text[clean_from..i]);
            push_escape(out, b);
            clean_from = i + 1;
        }
        i += 1;
    }
    out.push_str(&text[clean_from..]);
    out.push('"');
}

/// `len` bytes of text and room for the escapes of a typical review (a line break every hundred
/// bytes or so), so that a long section's JSON is written into one allocation instead of
/// outgrowing it and doubling (which showed as more Wasm memory, measured: docs/performance.md).
pub fn with_room_for_escapes(len: usize) -> usize {
    len + len / 16
}

/// Whether JSON needs `b` escaped: a quote, a backslash or a control character below 0x20
/// (serde_json leaves DEL and every non-ASCII character as they are), and with `MARKUP` also
/// `<`, `>` and `&`.
fn needs_escaping<const MARKUP: bool>(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || (MARKUP && (b == b'<' || b == b'>' || b == b'&'))
}

/// Eight bytes as one word (in memory order, so byte `k` is bits `8k..8k+8`).
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w)
}

/// Whether any byte of `w` needs escaping. Exact as a yes/no (the standard "has a zero byte"
/// and "has a byte below n" tests), with no branch per byte.
#[inline(always)]
fn any_needs_escaping<const MARKUP: bool>(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let is = |b: u8| zero(w ^ (ONES * u64::from(b)));
    let json = below(0x20) | is(b'"') | is(b'\\');
    let markup = if MARKUP {
        is(b'<') | is(b'>') | is(b'&')
    } else {
        0
    };
    (json | markup) != 0
}

/// The escape serde_json writes for `b` (for `<`, `>` and `&`, the `\u` escape).
fn push_escape(out: &mut String, b: u8) {
    let short = match b {
        b'"' => Some('"'),
        b'\\' => Some('\\'),
        0x08 => Some('b'),
        0x0C => Some('f'),
        b'\n' => Some('n'),
        b'\r' => Some('r'),
        b'\t' => Some('t'),
        _ => None,
    };
    out.push('\\');
    match short {
        Some(c) => out.push(c),
        None => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        let mut out = String::new();
        push_json_string(&mut out, text);
        out
    }

    #[test]
    fn in_markup_escapes_angle_brackets_and_ampersands_too() {
        let mut out = String::new();
        push_json_string_in_markup(&mut out, "a <b> & \"c\" --> 12345678<");
        assert_eq!(
            out,
            "\"a \\u003cb\\u003e \\u0026 \\\"c\\\" --\\u003e 12345678\\u003c\""
        );
        assert_eq!(json("<>&"), "\"<>&\"");
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [
            "",
            "plain",
            "a \"quoted\" \\ back\\slash",
            "line\nbreak\r\n\ttab\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "exactly8",
            "seven\"7",
            "é ’ 日本 \u{2028} 🎉 at the end\n",
            &every_ascii,
        ] {
            assert_eq!(json(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        /// Any text, with the characters that need escaping at any position within a step.
        #[test]
        fn escapes_as_serde_json_does(text in "([a-z \"\\\\\n\t\u{0}-\u{1f}\u{7f}é’🎉]{0,40})") {
            let mut out = String::from("kept ");
            push_json_string(&mut out, &text);
            proptest::prop_assert_eq!(out, format!("kept {}", serde_json::to_string(&text).unwrap()));
        }

        /// The same, with `<`, `>` and `&` as `\u` escapes.
        #[test]
        fn in_markup_escapes_as_serde_json_then_the_three(
            text in "([a-z <>&\"\\\\\n\t\u{0}-\u{1f}\u{7f}é’🎉]{0,40})"
        ) {
            let mut out = String::from("kept ");
            push_json_string_in_markup(&mut out, &text);
            let serde = serde_json::to_string(&text)
                .unwrap()
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            proptest::prop_assert_eq!(out, format!("kept {serde}"));
        }
    }
}
