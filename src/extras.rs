//! The parts of Verdict loaded only when the writer asks for one: a second Wasm module, built
//! from the same library as the app but outside its first load (docs/architecture.md, "Loaded
//! on demand"). Today it holds `Import a library`: the Goodreads and StoryGraph readers, the
//! import plan and its dialog. The app calls it through `public/boot.js`
//! (`crate::browser::extras`), which loads it on the first call; it mounts its own components
//! beside the app's and shares only the page and its storage with it.

#[cfg(target_arch = "wasm32")]
mod on_demand {
    use std::cell::Cell;

    use leptos::prelude::*;
    use verdict::import::books::open_library;
    use verdict::ui::library_import::{LibraryImport, LibraryOffer};
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        /// The import dialog's file, once the dialog is mounted.
        static OFFER: Cell<Option<LibraryOffer>> = const { Cell::new(None) };
    }

    /// Reads `bytes` (the file `name`) as a Goodreads or StoryGraph library and opens `Import a
    /// library` with it, or says why it cannot be read (nothing is opened then).
    #[wasm_bindgen]
    pub fn library(name: String, bytes: Vec<u8>) -> Result<(), String> {
        let file = match open_library(&name, &bytes) {
            Some(read) => read?,
            None => {
                return Err(format!(
                    "\u{201c}{name}\u{201d} is not a Goodreads or StoryGraph library export. Nothing was opened."
                ))
            }
        };
        let offer = OFFER.with(|cell| {
            cell.get().unwrap_or_else(|| {
                let offer = LibraryOffer(RwSignal::new(None));
                leptos::mount::mount_to_body(move || {
                    provide_context(offer);
                    view! { <LibraryImport /> }
                });
                cell.set(Some(offer));
                offer
            })
        });
        offer.0.set(Some((name, file)));
        Ok(())
    }
}

/// Starts with the module: a panic goes to the page's safety net, as the app's do.
#[cfg(target_arch = "wasm32")]
fn main() {
    verdict::browser::crash::install_panic_hook();
}

/// The module is the browser's; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The extras module is loaded by Verdict in the browser.");
}
