//! Mounts the app; everything else lives in the library so that tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    verdict::browser::crash::install_panic_hook();
    // The static shell that index.html painted is removed in the task that mounts the app (no
    // frame shows both or neither); then what was typed into it goes to the app's controls.
    verdict::browser::shell::take();
    leptos::mount::mount_to_body(verdict::ui::App);
    verdict::browser::shell::adopt();
}

/// Verdict runs in the browser; natively there is nothing to start (the core is tested with
/// `cargo test`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Verdict is a web app: serve it with the README's first command.");
}
