//! `Import a library`: a Goodreads or StoryGraph export chosen with `Open file`, summed up
//! before anything is written (books, reviews, shelves, rows that cannot be read), the writer's
//! choice of rows and of what to do with books already here, then the import in small steps
//! with a progress bar and `Cancel import`, and `Undo import` at the end. The decisions are the
//! core's (`import::books`, `storage::batch`); this binds them. It is mounted by the module
//! loaded on demand (`src/extras.rs`), not by the app: its code is not in the first load.

use std::time::Duration;

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::browser::{clock, local_storage::LocalStore};
use crate::formats::draft::DraftRecord;
use crate::import::books::{plan, ImportPlan, LibraryFile, OnDuplicate, Which};
use crate::review::identity::BookIdentity;
use crate::storage::batch::{estimate_fit, stored_size, BatchAdd, ToAdd};
use crate::storage::drafts::Drafts;

use super::schedule::focus_later;

/// Drafts added between two paints: small enough that the progress bar moves and a key press
/// is answered at once.
const STEP: usize = 20;

/// A library file waiting for the writer's choices; set by the extras module's `library`.
#[derive(Clone, Copy)]
pub struct LibraryOffer(pub RwSignal<Option<(String, LibraryFile)>>);

fn drafts() -> Result<Drafts<LocalStore>, String> {
    LocalStore::open()
        .map(Drafts::new)
        .map_err(|e| e.to_string())
}

fn books(n: usize) -> String {
    format!("{n} book{}", if n == 1 { "" } else { "s" })
}

/// The dialog; it opens whenever [`LibraryOffer`] holds a file.
#[component]
pub fn LibraryImport() -> impl IntoView {
    let offer = expect_context::<LibraryOffer>().0;
    let dialog = NodeRef::<Dialog>::new();
    let which = RwSignal::new(Which::Reviewed);
    let on_duplicate = RwSignal::new(OnDuplicate::Skip);
    let existing = RwSignal::new(Vec::<(String, BookIdentity)>::new());
    let used = RwSignal::new(0usize);
    let batch = RwSignal::new(None::<BatchAdd>);
    let error = RwSignal::new(None::<String>);
    let undone = RwSignal::new(None::<String>);
    // What was planned when the import started (the file's books are read from the offer).
    let running = StoredValue::new(ImportPlan::default());

    Effect::new(move |_| {
        if offer.with(Option::is_some) {
            which.set(Which::Reviewed);
            on_duplicate.set(OnDuplicate::Skip);
            batch.set(None);
            error.set(None);
            undone.set(None);
            match drafts().and_then(|d| {
                let books = d.books().map_err(|e| e.to_string())?;
                let usage = d.site_usage().map_err(|e| e.to_string())?;
                Ok((books, usage))
            }) {
                Ok((books, usage)) => {
                    existing.set(books);
                    used.set(usage);
                }
                Err(e) => error.set(Some(e)),
            }
            super::dialog::open_modal(dialog);
        }
    });
    let today = clock::today();
    let planned = Memo::new(move |_| {
        offer.with(|o| {
            o.as_ref()
                .map(|(_, file)| {
                    existing.with(|e| which.with(|w| plan(file, w, e, on_duplicate.get())))
                })
                .unwrap_or_default()
        })
    });
    let today_for_fit = today.clone();
    let fit = Memo::new(move |_| {
        offer.with(|o| {
            let Some((_, file)) = o else { return 0 };
            let sizes = planned.with(|p| {
                p.add
                    .iter()
                    .map(|item| {
                        stored_size(&DraftRecord::fresh(
                            "x".repeat(16),
                            "2026-01-01T00:00:00.000Z",
                            file.books[item.book].to_review(&today_for_fit),
                        ))
                    })
                    .collect::<Vec<_>>()
            });
            estimate_fit(used.get(), sizes)
        })
    });

    let close = move || {
        super::dialog::close(dialog);
        offer.set(None);
    };
    // One step, then the next after a paint, until the batch is finished.
    fn run(
        offer: RwSignal<Option<(String, LibraryFile)>>,
        batch: RwSignal<Option<BatchAdd>>,
        running: StoredValue<ImportPlan>,
        today: String,
    ) {
        let Ok(mut drafts) = drafts() else {
            batch.update(|b| {
                if let Some(b) = b {
                    b.stopped = Some("This browser is not letting Verdict keep anything.".into());
                }
            });
            return;
        };
        let now = clock::now_iso();
        offer.with_untracked(|o| {
            let Some((_, file)) = o else { return };
            running.with_value(|plan| {
                batch.update(|b| {
                    let Some(b) = b else { return };
                    b.step(
                        &mut drafts,
                        STEP,
                        &now,
                        |i| {
                            let item = &plan.add[i];
                            ToAdd {
                                record: DraftRecord::fresh(
                                    clock::new_draft_id(),
                                    &now,
                                    file.books[item.book].to_review(&today),
                                ),
                                replaces: item.replaces.clone(),
                            }
                        },
                        clock::new_draft_id,
                    );
                });
            });
        });
        if batch.with_untracked(|b| b.as_ref().is_some_and(|b| !b.is_finished())) {
            set_timeout(move || run(offer, batch, running, today), Duration::ZERO);
        } else {
            focus_later("import-done".into());
        }
    }
    let start = {
        let today = today.clone();
        move |_| {
            let plan = planned.get_untracked();
            if plan.add.is_empty() {
                return;
            }
            batch.set(Some(BatchAdd::new(plan.add.len())));
            running.set_value(plan);
            let today = today.clone();
            set_timeout(move || run(offer, batch, running, today), Duration::ZERO);
            focus_later("cancel-import".into());
        }
    };
    let undo = move |_| {
        let Some(done) = batch.get_untracked() else {
            return;
        };
        match drafts().and_then(|mut d| done.undo(&mut d, &clock::now_iso())) {
            Ok(n) => {
                undone.set(Some(format!(
                    "Undone: the {} that came in are in the trash{}.",
                    books(n),
                    if done.trashed.is_empty() {
                        String::new()
                    } else {
                        format!(
                            ", and the {} they replaced are back",
                            books(done.trashed.len())
                        )
                    }
                )));
                focus_later("close-import".into());
            }
            Err(e) => error.set(Some(e)),
        }
    };

    let summary = move || {
        offer.with(|o| {
            o.as_ref().map(|(name, file)| {
                let contents = file.contents();
                let shelves = contents
                    .shelves
                    .iter()
                    .map(|(s, n)| format!("{s} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <p>{format!(
                        "\u{201c}{name}\u{201d} ({}) holds {}, {} with a review{}.",
                        file.source.name(),
                        books(contents.books),
                        contents.reviews,
                        if shelves.is_empty() { String::new() } else { format!(", on these shelves: {shelves}") }
                    )}</p>
                    {file.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view()}
                    {(!file.broken.is_empty()).then(|| view! {
                        <p>{format!("{} could not be read and will be left out:", if file.broken.len() == 1 { "One row".to_string() } else { format!("{} rows", file.broken.len()) })}</p>
                        <ul aria-label="Rows that cannot be read">
                            {file.broken.iter().take(50).map(|b| view! { <li>{format!("Line {}: {}", b.line, b.why)}</li> }).collect_view()}
                        </ul>
                    })}
                }
            })
        })
    };
    let shelves = move || {
        offer.with(|o| {
            o.as_ref()
                .map(|(_, f)| {
                    f.contents()
                        .shelves
                        .into_iter()
                        .map(|(s, _)| s)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let choose_shelf = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        which.set(Which::Shelf(select.value()));
    };
    let choices = move || {
        view! {
            <fieldset>
                <legend>"Which books"</legend>
                <label>
                    <input type="radio" name="import-which" prop:checked=move || which.with(|w| *w == Which::Reviewed)
                        on:change=move |_| which.set(Which::Reviewed) />
                    "Books with a review"
                </label>
                <label>
                    <input type="radio" name="import-which" prop:checked=move || which.with(|w| matches!(w, Which::Shelf(_)))
                        on:change=move |_| which.set(Which::Shelf(shelves().into_iter().next().unwrap_or_default())) />
                    "Books on a shelf"
                </label>
                {move || which.with(|w| matches!(w, Which::Shelf(_))).then(|| view! {
                    <label>
                        "Shelf"
                        <select on:change=choose_shelf>
                            {shelves().into_iter().map(|s| {
                                let selected = which.with_untracked(|w| *w == Which::Shelf(s.clone()));
                                view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <p class="field-hint">"Books on it without a review come in as drafts with their details only."</p>
                })}
                <label>
                    <input type="radio" name="import-which" prop:checked=move || which.with(|w| *w == Which::All)
                        on:change=move |_| which.set(Which::All) />
                    "Every book"
                </label>
            </fieldset>
            <fieldset>
                <legend>"Books you already have (the same ISBN, or the same title and author)"</legend>
                <label>
                    <input type="radio" name="import-duplicates" prop:checked=move || on_duplicate.get() == OnDuplicate::Skip
                        on:change=move |_| on_duplicate.set(OnDuplicate::Skip) />
                    "Skip them"
                </label>
                <label>
                    <input type="radio" name="import-duplicates" prop:checked=move || on_duplicate.get() == OnDuplicate::Replace
                        on:change=move |_| on_duplicate.set(OnDuplicate::Replace) />
                    "Replace them (yours go to the trash)"
                </label>
                <label>
                    <input type="radio" name="import-duplicates" prop:checked=move || on_duplicate.get() == OnDuplicate::KeepBoth
                        on:change=move |_| on_duplicate.set(OnDuplicate::KeepBoth) />
                    "Keep both"
                </label>
            </fieldset>
            <p aria-live="polite">{move || planned.with(|p| {
                let mut text = format!("{} will come in as new reviews.", books(p.add.len()));
                if p.skipped_duplicates > 0 {
                    text.push_str(&format!(" {} you already have will be skipped.", books(p.skipped_duplicates)));
                }
                if p.duplicates > 0 && on_duplicate.get() == OnDuplicate::Replace {
                    text.push_str(&format!(" {} you already have will be replaced.", books(p.duplicates)));
                }
                let fit = fit.get();
                if fit < p.add.len() {
                    text.push_str(&format!(" This browser's storage has room for about {fit} of them: the import stops when it is full, and nothing already saved is touched."));
                }
                text
            })}</p>
        }
    };

    view! {
        <dialog node_ref=dialog class="library-import" aria-labelledby="import-heading" on:close=move |_| offer.set(None)>
            <div class="dialog-head">
                <h2 id="import-heading">"Import a library"</h2>
                <button type="button" class="quiet" on:click=move |_| close()>"Close"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            {summary}
            {move || match batch.get() {
                None => view! {
                    {choices}
                    <div class="dialog-actions">
                        <button type="button" class="primary" on:click=start.clone()
                            disabled=move || planned.with(|p| p.add.is_empty())>
                            {move || format!("Import {}", books(planned.with(|p| p.add.len())))}
                        </button>
                    </div>
                }.into_any(),
                Some(b) if !b.is_finished() => view! {
                    <label>
                        "Importing books"
                        <progress max=b.total value=b.done>{format!("{} of {}", b.done, b.total)}</progress>
                    </label>
                    <p aria-live="polite">{format!("{} of {}", b.done, b.total)}</p>
                    <button type="button" id="cancel-import" on:click=move |_| batch.update(|b| if let Some(b) = b { b.cancel() })>"Cancel import"</button>
                }.into_any(),
                Some(b) => view! {
                    <p role="status">{format!("Imported {}. Find them in Reviews.", books(b.added.len()))}</p>
                    {b.stopped.clone().map(|why| view! { <p class="alert">{why}</p> })}
                    {move || undone.get().map(|text| view! { <p role="status">{text}</p> })}
                    <div class="dialog-actions">
                        <button type="button" id="import-done" disabled=move || undone.with(Option::is_some)
                            on:click=undo>"Undo import"</button>
                        <button type="button" id="close-import" on:click=move |_| close()>"Done"</button>
                    </div>
                }.into_any(),
            }}
        </dialog>
    }
}
