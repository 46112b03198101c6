//! The seams to browser APIs: localStorage, file downloads and reading, the clock, the static
//! shell, the module loaded on demand and a web request. Each is small, takes and returns plain
//! Rust values, and turns JavaScript exceptions into `Result`s, so that the core never sees the
//! DOM and these are testable with `wasm-bindgen-test` in Chromium.

pub mod clock;
pub mod crash;
pub mod download;
pub mod extras;
pub mod files;
pub mod http;
pub mod local_storage;
pub mod shell;
pub mod text;
