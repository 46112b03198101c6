//! Asking a web service for text (`Look up`'s search): one GET with a time limit, its failures
//! told apart so that the writer is told what happened.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a request brought no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer at all: offline, the address unreachable, or refused by the page's policy.
    Unreachable,
    /// No answer within the time limit (the request was stopped).
    TimedOut,
    /// An answer that is not a success: its HTTP status.
    Status(u16),
}

/// The text at `url`, fetched with a GET, or why not; the request is stopped after
/// `limit_ms` milliseconds without a whole answer.
pub async fn get_text(url: &str, limit_ms: i32) -> Result<String, Failure> {
    let window = web_sys::window().ok_or(Failure::Unreachable)?;
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Unreachable)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let timed_out = Rc::new(Cell::new(false));
    let stop = {
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            stop.as_ref().unchecked_ref(),
            limit_ms,
        )
        .ok();
    let fetched = fetch(&window, url, &init).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    match fetched {
        Ok(answer) => answer,
        Err(()) if timed_out.get() => Err(Failure::TimedOut),
        Err(()) => Err(Failure::Unreachable),
    }
}

/// The answer's text, or its status when it is not a success; `Err(())` when there is no
/// whole answer (the request failed or was stopped).
async fn fetch(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<Result<String, Failure>, ()> {
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(drop)?
        .unchecked_into();
    if !response.ok() {
        return Ok(Err(Failure::Status(response.status())));
    }
    let text = JsFuture::from(response.text().map_err(drop)?)
        .await
        .map_err(drop)?;
    Ok(Ok(text.as_string().unwrap_or_default()))
}
