//! Verdict: a review editor that runs entirely in the browser.
//!
//! The core (`review`, `markup`, `formats`, `export`, `import`, `storage`, `checks` and the
//! helpers) is plain Rust with no DOM and is tested natively. `browser` holds the few seams that
//! touch browser APIs, and `ui` the Leptos components that bind signals to the core. `main.rs`
//! only mounts [`ui::App`]. The layers, and why they are in that order: docs/architecture.md.

#![warn(missing_docs)]

pub mod bytes;
pub mod case;
pub mod checks;
pub mod export;
pub mod formats;
pub mod import;
pub mod markup;
pub mod review;
pub mod shortcuts;
pub mod sort;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
