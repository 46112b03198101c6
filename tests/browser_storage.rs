//! The localStorage seam in real Chromium: values round-trip, a full storage is reported as
//! `StoreError::Full` and leaves the previous value intact, and storage that throws on access
//! is reported as unavailable instead of crashing.
#![cfg(target_arch = "wasm32")]

use verdict::browser::local_storage::LocalStore;
use verdict::formats::draft::{DraftRecord, ViewState, SCHEMA_VERSION};
use verdict::storage::drafts::Drafts;
use verdict::storage::{KeyValueStore, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn values_round_trip_and_are_listed() {
    clear();
    let mut store = LocalStore::open().expect("localStorage opens");
    assert_eq!(store.get("verdict:test").unwrap(), None);
    store.set("verdict:test", "héllo ✓").unwrap();
    assert_eq!(
        store.get("verdict:test").unwrap().as_deref(),
        Some("héllo ✓")
    );
    assert!(store.keys().unwrap().contains(&"verdict:test".to_string()));
    store.remove("verdict:test").unwrap();
    assert_eq!(store.get("verdict:test").unwrap(), None);
}

#[wasm_bindgen_test]
fn the_head_of_a_value_is_its_start() {
    clear();
    let mut store = LocalStore::open().unwrap();
    assert_eq!(store.head("verdict:test", 8).unwrap(), None);
    store.set("verdict:test", "short").unwrap();
    assert_eq!(
        store.head("verdict:test", 8).unwrap().as_deref(),
        Some("short")
    );
    let long = format!("{{\"revision\":4,\"body\":\"{}\"}}", "日本".repeat(50_000));
    store.set("verdict:test", &long).unwrap();
    let head = store.head("verdict:test", 16).unwrap().unwrap();
    assert!(head.chars().count() >= 16 && head.len() < 200, "{head}");
    assert!(long.starts_with(head.trim_end_matches('\u{FFFD}')));
    let drafts = Drafts::new(LocalStore::open().unwrap());
    assert_eq!(drafts.stored_revision("verdict:test").unwrap(), Some(4));
}

#[wasm_bindgen_test]
fn a_draft_survives_a_new_handle() {
    clear();
    let mut review = verdict::review::Review::new_book("2026-11-25");
    review.sections[0].body = "Saved in the browser".into();
    let mut record = DraftRecord {
        schema: SCHEMA_VERSION,
        id: "abc".into(),
        revision: 0,
        saved_at: "2026-11-25T10:00:00Z".into(),
        created_at: "2026-11-25T10:00:00Z".into(),
        review,
        view: ViewState {
            show_spoilers: true,
        },
    };
    let mut drafts = Drafts::new(LocalStore::open().unwrap());
    drafts.save(&mut record).unwrap();
    drafts.set_current("abc").unwrap();
    let reopened = Drafts::new(LocalStore::open().unwrap());
    assert_eq!(reopened.current_id().unwrap().as_deref(), Some("abc"));
    assert_eq!(reopened.load("abc").unwrap().unwrap(), record);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_and_keeps_the_old_value() {
    clear();
    let mut store = LocalStore::open().unwrap();
    store.set("verdict:keep", "the good copy").unwrap();
    // Fill the quota for real (Chromium gives an origin about 5 MB of UTF-16).
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let error = loop {
        match store.set(&format!("verdict:fill:{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 200, "storage never filled up");
    };
    assert_eq!(error, StoreError::Full);
    assert_eq!(
        store.set("verdict:keep", &"y".repeat(4 * 1024 * 1024)),
        Err(StoreError::Full)
    );
    assert_eq!(
        store.get("verdict:keep").unwrap().as_deref(),
        Some("the good copy")
    );
    clear();
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_is_unavailable() {
    let replace = js_sys::Function::new_no_args(
        "window.__savedStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    replace.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let result = LocalStore::open();
    let restore = js_sys::Function::new_no_args(
        "if (window.__savedStorage) { Object.defineProperty(window, 'localStorage', window.__savedStorage); } else { delete window.localStorage; }",
    );
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    match result {
        Err(StoreError::Unavailable(why)) => assert!(why.contains("SecurityError"), "{why}"),
        Err(other) => panic!("expected Unavailable, got {other:?}"),
        Ok(_) => panic!("expected an error"),
    }
    let message = StoreError::Unavailable("x".into()).to_string();
    assert!(message.contains("nothing will be kept"), "{message}");
}
