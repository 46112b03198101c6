//! The Leptos components. They bind signals to the core and hold no rules of their own.

pub mod autosave;
pub mod checks;
pub mod date_order;
pub mod dialog;
pub mod export_actions;
pub mod export_panel;
pub mod fields;
pub mod history;
pub mod images;
pub mod library;
pub mod library_import;
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

use leptos::ev;
use leptos::prelude::*;

use crate::browser::{clock, download::download_text, local_storage::LocalStore};
use crate::storage::session::startup::start;

use autosave::{Autosave, SaveStatus};
use export_actions::ExportActions;
use export_panel::ExportPanel;
use history::HistoryDialog;
use library::ReviewsDialog;
use library_import::{LibraryImport, LibraryOffer};
use metadata_form::MetadataForm;
use open_file::OpenFile;
use preview::Preview;
use rating::RatingField;
use sections::SectionList;
use shortcuts::KeyboardShortcuts;
use state::EditorState;
use theme::ThemeSwitch;
use undo::UndoControls;

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
    provide_context(LibraryOffer(RwSignal::new(None)));

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

    view! {
        <header class="app-bar">
            <p class="brand">"Verdict"</p>
            <p class="save-status" class:failed=failed role="status">{status_text}</p>
            <nav class="app-actions" aria-label="Reviews and history">
                <ReviewsDialog persisted=persisted />
                <HistoryDialog />
                <OpenFile />
                <ExportPanel />
            </nav>
            <ExportActions />
            <div class="app-settings">
                <ThemeSwitch />
                <KeyboardShortcuts />
            </div>
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
            {move || state.problem.get().map(|message| view! {
                <div class="alert">
                    <p>{message}</p>
                    <button type="button" class="quiet" on:click=move |_| state.problem.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || state.refused.get().map(|message| view! {
                <div class="alert">
                    <p>{message}</p>
                    <button type="button" class="quiet" on:click=move |_| state.refused.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
        <main class="workspace">
            <section class="pane editor-pane" aria-label="Editor" on:focusout=move |_| state.commit_fields()>
                <h1 class="visually-hidden">"Verdict review editor"</h1>
                <UndoControls />
                <p class="notice-line" aria-live="polite">{move || state.notice.get()}</p>
                // A review from a newer version is shown with every control disabled at once.
                <fieldset class="editor-fields" disabled=move || state.read_only.get()>
                    <legend class="visually-hidden">"Review"</legend>
                    <MetadataForm />
                    <RatingField />
                    <SectionList />
                </fieldset>
            </section>
            <Preview />
        </main>
        <LibraryImport />
    }
}
