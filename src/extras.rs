//! The parts of Verdict loaded only when the writer asks for one: a second Wasm module, built
//! from the same library as the app but outside its first load (docs/architecture.md, "Loaded
//! on demand"). Today it holds `Import a library` (the Goodreads and StoryGraph readers, the
//! import plan and its dialog), `Look up` (Open Library's search and its dialog) and the
//! library's Goodreads CSV. The app
//! calls it through `public/boot.js` (`crate::browser::extras`), which loads it on the first
//! call; it mounts its own components beside the app's and shares only the page and its
//! storage with it.

#[cfg(target_arch = "wasm32")]
mod on_demand {
    use std::cell::Cell;

    use leptos::prelude::*;
    use verdict::import::books::open_library;
    use verdict::review::Metadata;
    use verdict::ui::library_import::{LibraryImport, LibraryOffer};
    use verdict::ui::lookup::{Lookup, LookupOffer};
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        /// The dialogs' inputs, once they are mounted.
        static MOUNTED: Cell<Option<(LibraryOffer, LookupOffer)>> = const { Cell::new(None) };
    }

    /// The dialogs, mounted at the end of the page on the first call.
    fn dialogs() -> (LibraryOffer, LookupOffer) {
        MOUNTED.with(|cell| {
            cell.get().unwrap_or_else(|| {
                let library = LibraryOffer(RwSignal::new(None));
                let lookup = LookupOffer {
                    book: RwSignal::new(None),
                    answer: StoredValue::new_local(None),
                };
                leptos::mount::mount_to_body(move || {
                    provide_context(library);
                    provide_context(lookup);
                    view! { <LibraryImport /> <Lookup /> }
                });
                cell.set(Some((library, lookup)));
                (library, lookup)
            })
        })
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
        dialogs().0 .0.set(Some((name, file)));
        Ok(())
    }

    /// Downloads every listed review with a book title in the columns Goodreads imports, and
    /// says what was downloaded; or why not.
    #[wasm_bindgen]
    pub fn goodreads_csv() -> Result<String, String> {
        use verdict::browser::{clock, download::download_text, local_storage::LocalStore};
        use verdict::storage::drafts::Drafts;
        let reviews = LocalStore::open()
            .map(Drafts::new)
            .map_err(|e| e.to_string())?
            .listed_reviews()
            .map_err(|e| e.to_string())?;
        let name = format!("verdict-library-goodreads-{}.csv", clock::today());
        let csv = verdict::export::library_csv::goodreads_csv(&reviews);
        download_text(&name, "text/csv", &csv)
            .map_err(|e| format!("The download could not be started ({e:?})."))?;
        Ok(format!("Downloaded {name}: every review with a book title, in the columns Goodreads imports (My Books, Import and export)."))
    }

    /// Opens `Look up` for the book `metadata` (the draft's JSON of its details). The promise
    /// gives the details to keep, as JSON, or `null` when the writer took nothing.
    #[wasm_bindgen]
    pub fn lookup(metadata: String) -> Result<js_sys::Promise, String> {
        let book: Metadata = serde_json::from_str(&metadata).map_err(|e| e.to_string())?;
        let offer = dialogs().1;
        Ok(js_sys::Promise::new(&mut |resolve, _| {
            // A dialog still open for an earlier call answers that call first.
            if let Some(earlier) = offer.answer.try_update_value(Option::take).flatten() {
                let _ = earlier.call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::NULL);
            }
            offer.answer.set_value(Some(resolve));
            offer.book.set(Some(book.clone()));
        }))
    }
}

/// Starts with the module: a panic goes to the page's safety net, as the app's do, and the
/// dialogs' own style sheet (`style/extras.css`, copied beside the page) is linked, while the
/// first call is still on its way.
#[cfg(target_arch = "wasm32")]
fn main() {
    verdict::browser::crash::install_panic_hook();
    let document = leptos::prelude::document();
    if let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "extras.css");
        let _ = head.append_child(&link);
    }
}

/// The module is the browser's; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The extras module is loaded by Verdict in the browser.");
}
