//! The download seam in real Chromium: the file is offered through an `<a download>` with the
//! right name, and the linked Blob holds exactly the text, with the right MIME type.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use verdict::browser::download::download_text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn offers_the_text_as_a_named_file() {
    let document = web_sys::window().unwrap().document().unwrap();
    // Catch the click before the browser acts on it, and keep the anchor's name and URL.
    let seen: Rc<RefCell<Option<(String, String)>>> = Rc::default();
    let seen_in_listener = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(anchor) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            event.prevent_default();
            *seen_in_listener.borrow_mut() = Some((anchor.download(), anchor.href()));
        }
    });
    document
        .add_event_listener_with_callback_and_bool("click", listener.as_ref().unchecked_ref(), true)
        .unwrap();

    let text = "# Review: Crème brûlée\n\n||spoiler|| ✓\n";
    download_text(
        "review-creme-brulee.md",
        "text/markdown;charset=utf-8",
        text,
    )
    .unwrap();

    document
        .remove_event_listener_with_callback_and_bool(
            "click",
            listener.as_ref().unchecked_ref(),
            true,
        )
        .unwrap();
    let (name, href) = seen
        .borrow()
        .clone()
        .expect("the download link was clicked");
    assert_eq!(name, "review-creme-brulee.md");
    assert!(href.starts_with("blob:"), "{href}");

    let response: web_sys::Response =
        JsFuture::from(web_sys::window().unwrap().fetch_with_str(&href))
            .await
            .unwrap()
            .dyn_into()
            .unwrap();
    assert_eq!(
        response.headers().get("content-type").unwrap().as_deref(),
        Some("text/markdown;charset=utf-8")
    );
    let body = JsFuture::from(response.text().unwrap()).await.unwrap();
    assert_eq!(body.as_string().as_deref(), Some(text));
    // The temporary link is gone from the page.
    assert_eq!(
        document.query_selector_all("a[download]").unwrap().length(),
        0
    );
}
