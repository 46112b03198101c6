//! Mounts the app; everything else lives in the library so that tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    verdict::browser::crash::install_panic_hook();
    leptos::mount::mount_to_body(verdict::ui::App);
}

/// Verdict runs in the browser; natively there is nothing to start (the core is tested with
/// `cargo test`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Verdict is a web app: serve it with the README's first command.");
}
