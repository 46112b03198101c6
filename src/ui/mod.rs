//! The Leptos components. They bind signals to the core and hold no rules of their own.

pub mod app_menu;
pub mod autosave;
pub mod checks;
pub mod date_order;
pub mod dialog;
pub mod drawing;
pub mod export_actions;
pub mod export_panel;
pub mod fields;
pub mod history;
pub mod images;
pub mod library;
pub mod library_import;
pub mod lookup;
pub mod menu;
pub mod messages;
pub mod metadata_form;
pub mod open_file;
pub mod preview;
pub mod rating;
pub mod schedule;
pub mod sections;
pub mod shortcuts;
pub mod state;
pub mod theme;
pub mod undo;
pub mod undo_state;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::{clock, download::download_text, local_storage::LocalStore};
use crate::storage::session::startup::start;

use app_menu::AppMenu;
use autosave::{Autosave, SaveStatus};
use export_panel::ExportPanel;
use history::HistoryDialog;
use library::ReviewsDialog;
use metadata_form::MetadataForm;
use open_file::OpenFile;
use preview::Preview;
use rating::RatingField;
use sections::SectionList;
use shortcuts::KeyboardShortcuts;
use state::EditorState;
use undo::UndoControls;

/// Below this width (in CSS pixels) the editor and the preview take turns (style/app.css has
/// the same breakpoint).
const PHONE_WIDTH: f64 = 768.0;

/// Whether the window is narrower than [`PHONE_WIDTH`].
fn is_phone() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < PHONE_WIDTH)
}

/// Which of the editor and the preview a phone shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Write,
    Preview,
}

impl View {
    fn tab_id(self) -> &'static str {
        match self {
            View::Write => "tab-write",
            View::Preview => "tab-preview",
        }
    }

    fn panel_id(self) -> &'static str {
        match self {
            View::Write => "write-panel",
            View::Preview => "preview-panel",
        }
    }
}

/// The whole app: editor beside (or above) the preview, with save status and downloads.
#[component]
pub fn App() -> impl IntoView {
    // Opening the draft (which one, and what to say about records that cannot be read) is
    // the session's decision; see `storage::session::startup`.
    let startup = start(
        LocalStore::open(),
        clock::BrowserClock,
        clock::new_draft_id(),
        &clock::today(),
    );
    let state = EditorState::new(&startup.review, startup.show_spoilers);
    // A long review is drawn in batches, so opening it never blocks the page for long.
    state.draw_progressively();
    let autosave = Autosave::new(state, startup.session);
    if startup.migrated {
        autosave.save_soon();
    }
    autosave.warm_up_when_idle();
    // Ask the browser to keep this site's storage for good, and remember its answer.
    let persisted = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        persisted.set(crate::browser::files::persist_storage().await);
    });
    let startup_alert = RwSignal::new(startup.alert);
    let unreadable = StoredValue::new(startup.unreadable);
    provide_context(state);
    provide_context(autosave);

    // The one effect that reaches storage: it follows every edit (without copying any text) and
    // asks autosave for a save within half a second. Its first run only subscribes.
    Effect::new(move |subscribed: Option<()>| {
        state.track_all();
        if subscribed.is_some() {
            autosave.changed();
        }
    });
    let hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            autosave.flush();
        }
    });
    let pagehide = window_event_listener(ev::pagehide, move |_| autosave.flush());
    // Another tab saved: the `storage` event carries the record's new text.
    let storage = window_event_listener(ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            autosave.on_external_change(&key, ev.new_value().as_deref());
        }
    });
    let beforeunload =
        window_event_listener(ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
            autosave.flush();
            if autosave.has_unsaved_changes() {
                // Saving failed: ask before the page goes, since leaving would lose the changes.
                ev.prevent_default();
                ev.set_return_value("Your latest changes are not saved.");
            }
        });
    let test_panic = window_event_listener_untyped(crate::browser::crash::TEST_PANIC_EVENT, |_| {
        panic!(
            "a panic asked for by a test ({})",
            crate::browser::crash::TEST_PANIC_EVENT
        )
    });
    on_cleanup(move || {
        hidden.remove();
        pagehide.remove();
        beforeunload.remove();
        test_panic.remove();
        storage.remove();
    });

    let download_unreadable = move |_| {
        if let Some((key, raw)) = unreadable.get_value() {
            let name = format!("{}.json", key.replace(':', "-"));
            let _ = download_text(&name, "application/json", &raw);
        }
    };
    let status_text = move || autosave.status.get().text();
    let failed = move || {
        matches!(
            autosave.status.get(),
            SaveStatus::Failed | SaveStatus::Unavailable
        )
    };

    // Below 768 px the editor and the preview take turns, chosen with the Write and Preview tabs.
    let phone = RwSignal::new(is_phone());
    let shown = RwSignal::new(View::Write);
    let resize = window_event_listener(ev::resize, move |_| {
        let now = is_phone();
        if phone.get_untracked() != now {
            phone.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    // ← and → move between the tabs (and show the tab they reach), as in every tablist.
    let tab_keys = move |ev: ev::KeyboardEvent| {
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" if shown.get_untracked() == View::Write => View::Preview,
            "ArrowLeft" | "ArrowRight" | "Home" => View::Write,
            "End" => View::Preview,
            _ => return,
        };
        ev.prevent_default();
        shown.set(next);
        schedule::focus_later(next.tab_id().to_string());
    };

    view! {
        // One row on every screen: the save status, the primary `Export`, and the `Menu` with
        // everything else. The dialogs opened from the menu keep their hidden triggers here.
        <header class="app-bar">
            <p class="brand">"Verdict"</p>
            <p class="save-status" class:failed=failed role="status">{status_text}</p>
            <div class="app-actions">
                <ExportPanel />
                <AppMenu />
            </div>
            <ReviewsDialog persisted=persisted />
            <HistoryDialog />
            <OpenFile />
            <KeyboardShortcuts />
        </header>
        <div class="alerts" role="alert">
            {move || startup_alert.get().map(|message| view! {
                <div class="alert">
                    <p>{message}</p>
                    {unreadable.get_value().map(|_| view! {
                        <button type="button" on:click=download_unreadable>"Download the unreadable record"</button>
                    })}
                    <button type="button" class="quiet" on:click=move |_| startup_alert.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || autosave.alert.get().map(|message| view! { <div class="alert"><p>{message}</p></div> })}
            {move || autosave.conflict.get().map(|_| view! {
                <div class="alert" role="group" aria-label="Changed in another tab">
                    <p>"This review was changed in another tab while you were editing it here. Nothing has been overwritten: choose what to keep."</p>
                    <button type="button" on:click=move |_| autosave.keep_mine()>"Keep this version"</button>
                    " "
                    <button type="button" on:click=move |_| autosave.take_theirs()>"Take the other version"</button>
                    " "
                    <button type="button" on:click=move |_| autosave.keep_both(clock::new_draft_id())>"Keep both"</button>
                </div>
            })}
            {move || state.messages.problem.get().map(|message| view! {
                <div class="alert">
                    <p>{message}</p>
                    <button type="button" class="quiet" on:click=move |_| state.messages.problem.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || state.messages.refused.get().map(|message| view! {
                <div class="alert">
                    <p>{message}</p>
                    <button type="button" class="quiet" on:click=move |_| state.messages.refused.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
        {move || phone.get().then(|| view! {
            <div class="view-tabs" role="tablist" aria-label="View" on:keydown=tab_keys>
                {[(View::Write, "Write"), (View::Preview, "Preview")].into_iter().map(|(which, label)| {
                    let selected = move || shown.get() == which;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=which.tab_id()
                            aria-controls=which.panel_id()
                            aria-selected=move || if selected() { "true" } else { "false" }
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| shown.set(which)
                        >
                            {label}
                        </button>
                    }
                }).collect_view()}
            </div>
        })}
        <main class="workspace">
            // On a phone the editor and the preview are the panels of the Write and Preview tabs;
            // wider, they sit side by side and these wrappers are plain boxes.
            <div
                class="workspace-panel"
                id=View::Write.panel_id()
                role=move || phone.get().then_some("tabpanel")
                aria-labelledby=move || phone.get().then_some(View::Write.tab_id())
                hidden=move || phone.get() && shown.get() != View::Write
            >
            <section class="pane editor-pane" aria-label="Editor" on:focusout=move |_| state.commit_fields()>
                <h1 class="visually-hidden">"Verdict review editor"</h1>
                <UndoControls />
                <p class="notice-line" aria-live="polite">{move || state.messages.notice.get()}</p>
                // A review from a newer version is shown with every control disabled at once.
                <fieldset class="editor-fields" disabled=move || state.read_only.get()>
                    <legend class="visually-hidden">"Review"</legend>
                    <MetadataForm />
                    <RatingField />
                    <SectionList />
                </fieldset>
            </section>
            </div>
            <div
                class="workspace-panel"
                id=View::Preview.panel_id()
                role=move || phone.get().then_some("tabpanel")
                aria-labelledby=move || phone.get().then_some(View::Preview.tab_id())
                hidden=move || phone.get() && shown.get() != View::Preview
            >
                <Preview />
            </div>
        </main>
    }
}
