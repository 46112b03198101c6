//! Computes the SHA-256 of the standalone HTML page's style element, so that the page's
//! Content-Security-Policy allows exactly that style and no other (`style-src 'sha256-…'`
//! instead of `'unsafe-inline'`). The element's text is `export::html::PAGE_STYLE_PREFIX`
//! followed by style/review.css; a native test holds the two in step.

use base64::Engine;
use sha2::{Digest, Sha256};

/// What the page's style element holds before the shared style sheet (keep in step with
/// `PAGE_STYLE_PREFIX` in src/export/html.rs; the test `the_page_policy_names_its_style` fails
/// otherwise).
const PREFIX: &str = "\nbody { max-width: 42em; margin: 2em auto; padding: 0 1em; }\n";

fn main() {
    println!("cargo:rerun-if-changed=style/review.css");
    println!("cargo:rerun-if-changed=build.rs");
    let css = std::fs::read_to_string("style/review.css").expect("style/review.css");
    let digest = Sha256::digest(format!("{PREFIX}{css}").as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    println!("cargo:rustc-env=VERDICT_PAGE_STYLE_SHA256={hash}");
}
