//! A menu button and its popup menu (the WAI-ARIA menu button pattern): the button opens it
//! and focus moves to the first item (the last with ↑); ↑ ↓ Home End move between the items;
//! Escape closes it and returns focus to the button; Tab, or a click anywhere outside, closes it.
//! Its items are `role="menuitem"` (or `menuitemradio`) buttons that call
//! [`MenuControl::close`] before acting.

use leptos::ev;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What an item needs from its menu: a way to close it (given to items as context).
#[derive(Clone, Copy)]
pub struct MenuControl {
    open: RwSignal<bool>,
    button: NodeRef<Button>,
}

impl MenuControl {
    /// Closes the menu and puts focus back on its button, so that a dialog the item opens
    /// returns focus there when it closes.
    pub fn close(self) {
        self.open.set(false);
        if let Some(button) = self.button.get_untracked() {
            let _ = button.focus();
        }
    }
}

/// Clicks the element with this id (a hidden dialog trigger or file input), so that an item
/// does exactly what that control does.
pub fn click_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.click();
    }
}

/// The menu's items, in order.
fn items(list: NodeRef<Div>) -> Vec<web_sys::HtmlElement> {
    let Some(list) = list.get_untracked() else {
        return Vec::new();
    };
    let Ok(nodes) = list.query_selector_all("[role=menuitem],[role=menuitemradio]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses item `index` (negative counts from the end) once the menu is drawn.
fn focus_item(list: NodeRef<Div>, index: isize) {
    queue_microtask(move || {
        let all = items(list);
        let n = all.len() as isize;
        if n > 0 {
            let _ = all[index.rem_euclid(n) as usize].focus();
        }
    });
}

/// A button and its menu, holding `children` (the items).
#[component]
pub fn Menu(
    /// The menu's accessible name, and the button's (shown on it unless `face` is given).
    #[prop(into)]
    label: Signal<String>,
    /// The menu element's id.
    #[prop(into)]
    id: String,
    /// What the button shows in place of `label` (an icon); `label` then names it.
    #[prop(optional)]
    face: Option<&'static str>,
    /// The button's id, for putting focus back on it after its item moved it in the page.
    #[prop(optional, into)]
    button_id: Option<String>,
    /// The button's tooltip.
    #[prop(optional)]
    title: Option<&'static str>,
    /// A class for the menu's wrapper, beside `menu`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let list = NodeRef::<Div>::new();
    let wrap = NodeRef::<Div>::new();
    provide_context(MenuControl { open, button });
    let show = move |index: isize| {
        open.set(true);
        focus_item(list, index);
    };
    let on_button_key = move |ev: ev::KeyboardEvent| {
        // Alt with an arrow is a shortcut of the page around (moving a section), not this menu's.
        if ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                show(0);
            }
            "ArrowUp" => {
                ev.prevent_default();
                show(-1);
            }
            _ => {}
        }
    };
    let on_menu_key = move |ev: ev::KeyboardEvent| {
        let all = items(list);
        let current = document().active_element().and_then(|active| {
            all.iter()
                .position(|item| item.unchecked_ref::<web_sys::Element>() == &active)
        });
        let target = match ev.key().as_str() {
            "ArrowDown" => current.map_or(0, |i| i as isize + 1),
            "ArrowUp" => current.map_or(-1, |i| i as isize - 1),
            "Home" => 0,
            "End" => -1,
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                MenuControl { open, button }.close();
                return;
            }
            "Tab" => {
                open.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus_item(list, target);
    };
    // A press anywhere outside the menu and its button closes it. The listener is there only
    // while the menu is open: a review has a menu per section, and a thousand listeners would
    // all run on every press.
    let outside = StoredValue::new_local(None::<WindowListenerHandle>);
    Effect::new(move |_| {
        if !open.get() {
            if let Some(handle) = outside.try_update_value(Option::take).flatten() {
                handle.remove();
            }
            return;
        }
        let handle = window_event_listener(ev::pointerdown, move |ev: web_sys::PointerEvent| {
            let inside = match (wrap.get_untracked(), ev.target()) {
                (Some(wrap), Some(target)) => target
                    .dyn_ref::<web_sys::Node>()
                    .is_some_and(|node| wrap.contains(Some(node))),
                _ => false,
            };
            if !inside {
                open.set(false);
            }
        });
        outside.set_value(Some(handle));
    });
    on_cleanup(move || {
        if let Some(handle) = outside.try_update_value(Option::take).flatten() {
            handle.remove();
        }
    });
    // Focus leaving for something outside (Tab, a dialog an item opened) closes it too.
    let on_focus_out = move |ev: ev::FocusEvent| {
        let leaving = match (wrap.get_untracked(), ev.related_target()) {
            (Some(wrap), Some(next)) => next
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|node| !wrap.contains(Some(node))),
            _ => false,
        };
        if leaving {
            open.set(false);
        }
    };
    let named = face.map(|_| label);
    view! {
        <div class=format!("menu {class}") node_ref=wrap on:focusout=on_focus_out>
            <button
                type="button"
                class="menu-button"
                id=button_id
                title=title
                node_ref=button
                aria-label=move || named.map(|label| label.get())
                aria-haspopup="menu"
                aria-controls=id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| if open.get_untracked() { open.set(false) } else { show(0) }
                on:keydown=on_button_key
            >
                {match face {
                    Some(face) => view! { <span aria-hidden="true">{face}</span> }.into_any(),
                    None => (move || label.get()).into_any(),
                }}
            </button>
            // Drawn once and hidden while closed: cheaper than drawing it on each open.
            <div class="menu-list" id=id role="menu" aria-label=move || label.get() node_ref=list hidden=move || !open.get() on:keydown=on_menu_key>
                {children()}
            </div>
        </div>
    }
}
