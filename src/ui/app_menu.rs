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

/// An item that clicks the control with `target`'s id (after closing the menu), titled `title`.
fn click_item(label: &'static str, target: &'static str, title: &'static str) -> impl IntoView {
    let menu = expect_context::<MenuControl>();
    view! {
        <button
            type="button"
            role="menuitem"
            tabindex="-1"
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
            {click_item("Reviews", REVIEWS_BUTTON_ID, "Every review kept in this browser, the trash and backups")}
            {click_item("History", HISTORY_BUTTON_ID, "Earlier versions of this review")}
            {click_item("Open file", OPEN_FILE_INPUT_ID, "A Markdown or JSON review, or a Goodreads or StoryGraph library")}
            <div role="separator" class="menu-separator"></div>
            <ExportActions />
            <div role="separator" class="menu-separator"></div>
            <ThemeSwitch />
            <div role="separator" class="menu-separator"></div>
            {click_item("Keyboard shortcuts", SHORTCUTS_BUTTON_ID, "Keyboard shortcuts (Ctrl+/)")}
        </Menu>
    }
}
