//! Remote images from outside in the preview: binds the rules of [`crate::review::images`] to
//! signals. Holds the writer's leave (images allowed once, hosts always allowed), gives the
//! preview the [`ImagePolicy`] to draw with, acts on the placeholders' buttons, and forgets an
//! address from outside once the writer has deleted it (typed again, it is theirs).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::local_storage::LocalStore;
use crate::markup::images::{image_addresses, still_present, ImagePolicy};
use crate::review::images::{add_host, held_images, read_hosts, IMAGE_HOSTS_KEY};
use crate::storage::KeyValueStore;

use super::schedule::Debounce;
use super::state::EditorState;

/// The preview's placeholder buttons (`Load image from …`, `Always load from …`, `Load all …`)
/// that are drawn, in the page's order.
fn placeholder_buttons() -> Vec<web_sys::HtmlElement> {
    let Ok(found) = document().query_selector_all(".preview-region button.image-load") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        // Drawn ones only: those inside a closed spoiler cannot take focus.
        .filter(|button| button.offset_parent().is_some())
        .collect()
}

/// Focuses the placeholder button at `at` (or the last one), or the preview when none is left,
/// so that focus never falls back to the start of the page after a placeholder goes.
fn focus_after_load(at: usize) {
    let buttons = placeholder_buttons();
    let target = buttons.get(at).or(buttons.last()).cloned().or_else(|| {
        document()
            .query_selector(".preview-region")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    });
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// How long typing must pause before deleted addresses are forgotten (it parses every section).
const FORGET_PAUSE: Duration = Duration::from_millis(700);

/// The writer's leave for remote images, and the policy the preview draws with.
#[derive(Clone, Copy)]
pub struct ImageChoices {
    /// Addresses allowed once: until the page is closed.
    once: RwSignal<Vec<String>>,
    /// Hosts whose images always load (kept in localStorage).
    hosts: RwSignal<Vec<String>>,
    /// Which images wait now.
    pub policy: Memo<ImagePolicy>,
    state: EditorState,
}

impl ImageChoices {
    /// The choices for `state`'s review, with the hosts remembered in this browser.
    pub fn new(state: EditorState) -> ImageChoices {
        let stored = LocalStore::open()
            .ok()
            .and_then(|store| store.get(IMAGE_HOSTS_KEY).ok().flatten())
            .unwrap_or_default();
        let once = RwSignal::new(Vec::<String>::new());
        let hosts = RwSignal::new(read_hosts(&stored));
        let policy = Memo::new(move |_| {
            state.metadata.with(|m| {
                if m.images_from_outside.is_empty() {
                    return ImagePolicy::default();
                }
                once.with(|once| {
                    hosts.with(|hosts| {
                        ImagePolicy::holding(held_images(&m.images_from_outside, hosts, once))
                    })
                })
            })
        });
        let choices = ImageChoices {
            once,
            hosts,
            policy,
            state,
        };
        choices.forget_deleted();
        choices
    }

    /// Acts on a click on a placeholder's button (the preview's elements pass their clicks).
    pub fn on_click(&self, ev: web_sys::MouseEvent) {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button.image-load").ok().flatten())
        else {
            return;
        };
        let at = placeholder_buttons()
            .iter()
            .position(|b| b.is_same_node(Some(&button)));
        if let Some(address) = button.get_attribute("data-load-image") {
            self.once.update(|once| once.push(address));
        } else if button.has_attribute("data-load-review") {
            self.state.set_images_from_outside(Vec::new());
        } else if let Some(host) = button.get_attribute("data-load-host") {
            let (hosts, stored) = self.hosts.with_untracked(|hosts| add_host(hosts, &host));
            // Should storage fail, the choice lasts until the page closes.
            if let Ok(mut store) = LocalStore::open() {
                let _ = store.set(IMAGE_HOSTS_KEY, &stored);
            }
            self.hosts.set(hosts);
        }
        // The button is gone once the preview is drawn again: focus goes to the placeholder
        // button that now stands where it stood (the next one), or to the preview itself.
        if let Some(at) = at {
            request_animation_frame(move || focus_after_load(at));
        }
    }

    /// Forgets, once typing pauses, the addresses from outside the review no longer holds.
    fn forget_deleted(&self) {
        let state = self.state;
        let pending = Debounce::new();
        Effect::new(move |_| {
            if state.metadata.with(|m| m.images_from_outside.is_empty()) {
                return;
            }
            state
                .sections
                .with(|s| s.iter().for_each(|x| x.body.track()));
            pending.cancel();
            let forget = move || {
                let in_bodies: Vec<String> = state.sections.with_untracked(|s| {
                    s.iter()
                        .flat_map(|x| x.body.with_untracked(|b| image_addresses(b)))
                        .collect()
                });
                let (outside, kept) = state.metadata.with_untracked(|m| {
                    (
                        m.images_from_outside.len(),
                        still_present(&m.images_from_outside, m, in_bodies),
                    )
                });
                if kept.len() != outside {
                    state.set_images_from_outside(kept);
                }
            };
            pending.schedule(FORGET_PAUSE, forget);
        });
    }
}
