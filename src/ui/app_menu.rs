//! The app bar's `Menu`: Reviews, History, Open file, the downloads, Theme and Keyboard
//! shortcuts, so that the bar holds one row (the save status, `Export` and this menu) on any
//! screen. The dialogs keep their own (hidden) triggers, which the items click.

use leptos::prelude::*;

use super::export_actions::ExportActions;
use super::history::HISTORY_BUTTON_ID;
use super::library::REVIEWS_BUTTON_ID;
use super::menu::{click_by_id, Menu, MenuControl};
use super::open_file::OPEN_FILE_INPUT_ID;
use super::shortcuts::SHORTCUTS_BUTTON_ID;
use super::theme::ThemeSwitch;

/// An item that clicks the control with `target`'s id (after closing the menu).
#[component]
fn ClickItem(
    /// The item's text, its accessible name.
    label: &'static str,
    /// The id of the control it clicks.
    target: &'static str,
    /// `aria-keyshortcuts`, when the control has a shortcut.
    #[prop(optional)]
    keys: Option<&'static str>,
    /// The tooltip.
    #[prop(optional)]
    title: Option<&'static str>,
) -> impl IntoView {
    let menu = expect_context::<MenuControl>();
    view! {
        <button
            type="button"
            role="menuitem"
            tabindex="-1"
            aria-keyshortcuts=keys
            title=title
            on:click=move |_| {
                menu.close();
                click_by_id(target);
            }
        >
            {label}
        </button>
    }
}

/// The `Menu` button and its items.
#[component]
pub fn AppMenu() -> impl IntoView {
    view! {
        <Menu label="Menu" id="app-menu">
            <ClickItem label="Reviews" target=REVIEWS_BUTTON_ID />
            <ClickItem label="History" target=HISTORY_BUTTON_ID />
            <ClickItem label="Open file" target=OPEN_FILE_INPUT_ID title="A Markdown or JSON review, or a Goodreads or StoryGraph library" />
            <div role="separator" class="menu-separator"></div>
            <ExportActions />
            <div role="separator" class="menu-separator"></div>
            <ThemeSwitch />
            <div role="separator" class="menu-separator"></div>
            <ClickItem label="Keyboard shortcuts" target=SHORTCUTS_BUTTON_ID keys="Control+/" title="Keyboard shortcuts (Ctrl+/)" />
        </Menu>
    }
}
