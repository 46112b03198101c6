//! The `Theme` choice (three radio items in the app bar's `Menu`): System (follow the system's colour scheme), Light or Dark. The choice is
//! kept in localStorage and applied as `data-theme` on `<html>`; `public/boot.js` applies it
//! again before the app starts, so a dark page never flashes light.

use leptos::prelude::*;

use crate::browser::local_storage::LocalStore;
use crate::storage::KeyValueStore;

use super::menu::MenuControl;

/// The localStorage key holding the choice (`light` or `dark`; absent means System).
pub const THEME_KEY: &str = "verdict:theme";

/// The choices, as (value, label).
const THEMES: [(&str, &str); 3] = [("system", "System"), ("light", "Light"), ("dark", "Dark")];

/// Applies `theme` to the page and remembers it. A storage failure only means the choice lasts
/// until the page closes.
fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
    if let Ok(mut store) = LocalStore::open() {
        let _ = match theme {
            "light" | "dark" => store.set(THEME_KEY, theme),
            _ => store.remove(THEME_KEY),
        };
    }
}

/// The `Theme` group of the menu: one radio item per choice, the current one checked.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let menu = expect_context::<MenuControl>();
    let current = RwSignal::new(
        document()
            .document_element()
            .and_then(|root| root.get_attribute("data-theme"))
            .unwrap_or_else(|| "system".to_string()),
    );
    view! {
        <div role="group" aria-label="Theme">
            {THEMES
                .into_iter()
                .map(|(value, label)| view! {
                    <button
                        type="button"
                        role="menuitemradio"
                        tabindex="-1"
                        aria-checked=move || if current.with(|c| c == value) { "true" } else { "false" }
                        on:click=move |_| {
                            apply(value);
                            current.set(value.to_string());
                            menu.close();
                        }
                    >
                        {label}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
