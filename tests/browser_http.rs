//! The web request seam in real Chromium: a whole answer's text, a failed status told as such,
//! and an address with no server told as unreachable. (The time limit is checked end to end,
//! against a stand-in that answers late: tests/e2e/lookup.spec.js.)
#![cfg(target_arch = "wasm32")]

use verdict::browser::http::{get_text, Failure};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_answer_gives_its_text() {
    let text = get_text("data:application/json,%7B%22docs%22%3A%5B%5D%7D", 5_000).await;
    assert_eq!(text, Ok(r#"{"docs":[]}"#.to_string()));
}

#[wasm_bindgen_test]
async fn a_failed_status_is_told_apart() {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let answer = get_text(&format!("{origin}/no-such-file-here.json"), 5_000).await;
    assert_eq!(answer, Err(Failure::Status(404)));
}

#[wasm_bindgen_test]
async fn no_server_is_unreachable() {
    // Port 9 (discard) has no server here: the connection is refused.
    assert_eq!(
        get_text("http://127.0.0.1:9/search.json", 5_000).await,
        Err(Failure::Unreachable)
    );
}
