//! The static shell: the editor that `index.html` paints before the Wasm has arrived (written by
//! `scripts/shell.mjs`, filled from the stored draft by `public/boot.js`). The app takes it away
//! just before it mounts, in the same task, so that no frame shows both or neither, and then
//! takes over whatever the writer typed into it meanwhile.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `public/boot.js`: with `adopt` false, removes the shell, noting what was typed into it and
    /// where the focus, caret and scroll were; with `adopt` true, hands the typing to the app's
    /// controls of the same ids, as `input` and `change` events, and puts focus, caret and
    /// scroll back. (One function: each import costs the first load a wrapper in the loader.)
    #[wasm_bindgen(catch, js_namespace = window, js_name = verdictShell)]
    fn shell(adopt: bool) -> Result<(), JsValue>;
}

/// Removes the shell from the page. Call just before mounting the app. A page without the boot
/// script (the browser-seam tests) has no shell: the call fails, and there is nothing to do.
pub fn take() {
    let _ = shell(false);
}

/// Hands what was typed into the shell to the app. Call just after mounting the app.
pub fn adopt() {
    let _ = shell(true);
}
