//! Remote images in the preview: which of a section's image addresses the renderer may write as
//! an `<img>`, and the placeholder it writes instead for one that must wait (the rules are
//! [`crate::review::images`]'). Finding the addresses takes the same parse as rendering, so an
//! address is compared exactly as the renderer reads it.

use pulldown_cmark::{Event, Tag};

use super::escape;
use super::spoilers::{pieces, prepare, Piece};
use super::url::is_allowed_image;
use crate::review::images::{image_host, record_from_outside};
use crate::review::validation::usable_cover;
use crate::review::{Metadata, Review};

/// Which image addresses the renderer holds back (writing a placeholder instead).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImagePolicy {
    held: Vec<String>,
}

/// The policy of every export: each image is written (the published post shows its images).
pub static LOAD_ALL: ImagePolicy = ImagePolicy { held: Vec::new() };

impl ImagePolicy {
    /// A policy holding back exactly `held` (see [`crate::review::images::held_images`]).
    pub fn holding(held: Vec<String>) -> ImagePolicy {
        ImagePolicy { held }
    }

    /// Whether the image at `address` may load now.
    pub fn allows(&self, address: &str) -> bool {
        self.held.is_empty() || !self.held.iter().any(|held| held == address)
    }
}

/// Every remote (`https://`) image address in a section body, as the renderer reads them.
pub fn image_addresses(body: &str) -> Vec<String> {
    if !body.contains("](") && !body.contains("]:") && !body.contains("][") {
        // No inline image, reference definition or reference: no parse needed.
        return Vec::new();
    }
    let prepared = prepare(body);
    pieces(&prepared)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Event(Event::Start(Tag::Image { dest_url, .. }), _)
                if is_allowed_image(&dest_url) && image_host(&dest_url).is_some() =>
            {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect()
}

/// The cover's address, when the preview would load it from another host.
fn cover_address(metadata: &Metadata) -> Option<String> {
    usable_cover(&metadata.cover_image)
        .filter(|url| image_host(url).is_some())
        .map(str::to_string)
}

/// Records every remote image address of `review` (the cover and every section's images) as
/// from outside: the review came from a file, not from the writer's typing here.
pub fn mark_from_outside(review: &mut Review) {
    let mut found: Vec<String> = review
        .sections
        .iter()
        .flat_map(|s| image_addresses(&s.body))
        .collect();
    found.extend(cover_address(&review.metadata));
    record_from_outside(&mut review.metadata.images_from_outside, found);
}

/// The addresses of `outside` that the review still holds: the cover of `metadata`, and
/// `in_bodies`, the [`image_addresses`] of every section body. One the writer deleted (or
/// changed) is forgotten, so that typing it again makes it the writer's own.
pub fn still_present(
    outside: &[String],
    metadata: &Metadata,
    in_bodies: impl IntoIterator<Item = String>,
) -> Vec<String> {
    if outside.is_empty() {
        return Vec::new();
    }
    let mut present: Vec<String> = in_bodies.into_iter().collect();
    present.extend(cover_address(metadata));
    outside
        .iter()
        .filter(|address| present.contains(address))
        .cloned()
        .collect()
}

/// Writes the placeholder of an image that waits: which host it is from, what it shows (its
/// alt text), and the buttons that allow it (the preview acts on their `data-` attributes).
pub fn push_placeholder(out: &mut String, address: &str, alt: &str) {
    let host = image_host(address).unwrap_or_default();
    out.push_str("<span class=\"image-held\">Image from ");
    escape::push_html(out, &host);
    if !alt.trim().is_empty() {
        out.push_str(" (\u{201c}");
        escape::push_html(out, alt.trim());
        out.push_str("\u{201d})");
    }
    out.push_str(" \u{2014} <button type=\"button\" class=\"image-load\" data-load-image=\"");
    escape::push_html(out, address);
    out.push_str("\" aria-label=\"Load image from ");
    escape::push_html(out, &host);
    out.push_str("\">Load</button> <button type=\"button\" class=\"image-load\" data-load-review=\"\">Load all images in this review</button> <button type=\"button\" class=\"image-load\" data-load-host=\"");
    escape::push_html(out, &host);
    out.push_str("\">Always load from ");
    escape::push_html(out, &host);
    out.push_str("</button></span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_found_as_the_renderer_reads_them() {
        let body = "A ![pixel](https://tracker.example/p.gif?a&amp;b) and ||![](<https://t.example/s p.gif>)||\n\n\
                    ![ref][r] ![own](cover.png) ![plain](http://plain.example/x.png)\n\n[r]: https://ref.example/r.png\n\n\
                    `![code](https://no.example/x.png)`";
        assert_eq!(
            image_addresses(body),
            [
                "https://tracker.example/p.gif?a&b",
                "https://t.example/s p.gif",
                "https://ref.example/r.png"
            ]
        );
        assert!(image_addresses("No images here [a link](https://x.example).").is_empty());
    }

    #[test]
    fn a_review_from_a_file_has_its_remote_images_and_cover_marked() {
        let mut review = Review::new_book("2026-12-04");
        review.metadata.cover_image = "https://tracker.example/cover.png?reader=you".into();
        review.sections[0].body = "||![](https://tracker.example/pixel.gif?opened=1)||".into();
        review.sections[1].body =
            "![](https://tracker.example/pixel.gif?opened=1) ![](local.png)".into();
        mark_from_outside(&mut review);
        assert_eq!(
            review.metadata.images_from_outside,
            [
                "https://tracker.example/cover.png?reader=you",
                "https://tracker.example/pixel.gif?opened=1"
            ]
        );
    }

    #[test]
    fn an_address_deleted_is_forgotten_and_typed_again_is_the_writers() {
        let mut metadata = Metadata::default();
        let outside = vec![
            "https://a.example/1.png".to_string(),
            "https://b.example/2.png".to_string(),
        ];
        metadata.cover_image = "https://b.example/2.png".into();
        let kept = still_present(
            &outside,
            &metadata,
            image_addresses("![](https://a.example/1.png)"),
        );
        assert_eq!(kept, outside);
        let kept = still_present(
            &outside,
            &metadata,
            image_addresses("![](https://a.example/1.pn)"),
        );
        assert_eq!(kept, ["https://b.example/2.png"]);
        metadata.cover_image.clear();
        assert!(still_present(&kept, &metadata, image_addresses("text")).is_empty());
    }

    #[test]
    fn the_policy_holds_back_only_what_it_names() {
        let policy = ImagePolicy::holding(vec!["https://t.example/p.gif".into()]);
        assert!(!policy.allows("https://t.example/p.gif"));
        assert!(policy.allows("https://t.example/q.gif"));
        assert!(LOAD_ALL.allows("https://t.example/p.gif"));
    }

    #[test]
    fn the_placeholder_names_the_host_and_escapes_everything() {
        let mut out = String::new();
        push_placeholder(&mut out, "https://t.example/p.gif?a=\"><script>", "a <b>");
        assert!(!out.contains("<script") && !out.contains("<b>"), "{out}");
        assert!(
            out.starts_with(
                "<span class=\"image-held\">Image from t.example (\u{201c}a &lt;b&gt;\u{201d})"
            ),
            "{out}"
        );
        assert!(
            out.contains("aria-label=\"Load image from t.example\">Load</button>"),
            "{out}"
        );
        assert!(
            out.contains(">Always load from t.example</button>"),
            "{out}"
        );
        assert!(
            out.contains("data-load-image=\"https://t.example/p.gif?a=&quot;&gt;&lt;script&gt;\""),
            "{out}"
        );
    }
}
