//! `Look up`: the book's facts from Open Library. The dialog searches by the ISBN or the title
//! and author the writer has typed (editable), lists the matches (cover, title, author, year,
//! publisher, pages), and for the one chosen shows each field it would change, the writer's
//! value beside the book's, to take or leave; only empty fields are ticked at first, so that
//! nothing typed is overwritten silently. The app applies what was taken as one undoable step.
//! Nothing is sent before the writer asks; at most one request a second. The rules and the
//! reading of the answer are the core's (`import::books::lookup`); this binds them. It is
//! mounted by the module loaded on demand (`src/extras.rs`), not by the app.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::http::{get_text, Failure};
use crate::import::books::lookup::{
    changes, read_answer, with_changes, Change, Found, Query, API, COVERS,
};
use crate::review::Metadata;

use super::schedule::focus_later;

/// How long an answer may take.
const TIME_LIMIT_MS: i32 = 10_000;
/// The least time between two requests (the service asks for at most about one a second).
const PAUSE_MS: f64 = 1_000.0;

/// A book to look up, and where the writer's choice goes: set by the extras module's `lookup`.
#[derive(Clone, Copy)]
pub struct LookupOffer {
    /// The book's details as they are in the editor; `None` while the dialog is closed.
    pub book: RwSignal<Option<Metadata>>,
    /// Called once when the dialog closes: with the details to keep (as the draft's JSON), or
    /// with nothing when the writer took nothing.
    pub answer: StoredValue<Option<js_sys::Function>, LocalStorage>,
}

/// Where the dialog is.
#[derive(Clone)]
enum Step {
    Searching,
    Failed(String),
    Matches(Vec<Found>),
    /// A chosen book and the fields it would change (each taken or not: `ticked`).
    Compare(Found, Vec<Change>),
}

/// What to tell the writer when a search brought nothing to choose from.
fn failure(why: Failure) -> String {
    match why {
        Failure::Unreachable => "Open Library could not be reached. Check the connection and try again; the details are unchanged.".into(),
        Failure::TimedOut => "Open Library did not answer within 10 seconds. Try again in a moment; the details are unchanged.".into(),
        Failure::Status(403 | 429) => "Open Library is limiting requests from here right now. Wait a minute, then try again; the details are unchanged.".into(),
        Failure::Status(code) => format!("Open Library answered with an error (HTTP {code}). Try again later; the details are unchanged."),
    }
}

/// The dialog; it opens whenever [`LookupOffer::book`] holds a book.
#[component]
pub fn Lookup() -> impl IntoView {
    let offer = expect_context::<LookupOffer>();
    let dialog = NodeRef::<Dialog>::new();
    let typed = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Searching);
    let last_sent = StoredValue::new(f64::NEG_INFINITY);
    // The books of the last answer, to go back to from comparing one.
    let found_last = StoredValue::new(Vec::<Found>::new());
    // Each search's number: an answer to an older search than the last is dropped.
    let searches = StoredValue::new(0u32);
    // Whether each offered change is taken, by its place in the list.
    let ticked = RwSignal::new(Vec::<bool>::new());

    let search = move || {
        let Some(query) = Query::typed(&typed.get_untracked()) else {
            step.set(Step::Failed(
                "Type the book's ISBN, or its title and author, to look it up.".into(),
            ));
            return;
        };
        // Too soon after the last request: this one waits for its turn.
        let now = js_sys::Date::now();
        let wait = last_sent.get_value() + PAUSE_MS - now;
        last_sent.set_value(now.max(last_sent.get_value() + PAUSE_MS));
        searches.update_value(|n| *n += 1);
        let this = searches.get_value();
        step.set(Step::Searching);
        // Whether this is still the search the writer is waiting for (none newer, dialog open).
        let wanted =
            move || searches.get_value() == this && offer.book.with_untracked(Option::is_some);
        spawn_local(async move {
            if wait > 0.0 {
                let _ =
                    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |done, _| {
                        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                            &done,
                            wait as i32,
                        );
                    }))
                    .await;
                // Replaced or closed while waiting its turn: nothing is sent.
                if !wanted() {
                    return;
                }
            }
            let asked = match &query {
                Query::Isbn(isbn) => Some(isbn.clone()),
                Query::Words(_) => None,
            };
            let answer = get_text(&query.url(API), TIME_LIMIT_MS).await;
            if !wanted() {
                return;
            }
            step.set(match answer {
                Err(why) => Step::Failed(failure(why)),
                Ok(text) => match read_answer(&text, asked.as_deref()) {
                    Err(why) => Step::Failed(format!("{why} Try again later; the details are unchanged.")),
                    Ok(found) if found.is_empty() => Step::Failed(format!(
                        "Open Library has no book for \u{201c}{}\u{201d}. Try the title alone, or the ISBN.",
                        query.text()
                    )),
                    Ok(found) => {
                        found_last.set_value(found.clone());
                        Step::Matches(found)
                    }
                },
            });
        });
    };

    Effect::new(move |_| {
        if let Some(book) = offer.book.get() {
            typed.set(
                Query::of(&book)
                    .map(|q| q.text().to_string())
                    .unwrap_or_default(),
            );
            super::dialog::open_modal(dialog);
            search();
        }
    });

    // Answers the app (once) and closes.
    let finish = move |chosen: Option<Metadata>| {
        if let Some(answer) = offer.answer.try_update_value(Option::take).flatten() {
            let json = chosen.and_then(|m| serde_json::to_string(&m).ok());
            let _ = answer.call1(&wasm_bindgen::JsValue::NULL, &json.into());
        }
        offer.book.set(None);
        super::dialog::close(dialog);
    };
    let choose = move |found: Found| {
        let book = offer.book.get_untracked().unwrap_or_default();
        let rows = changes(&book, &found);
        ticked.set(rows.iter().map(Change::taken_by_default).collect());
        step.set(Step::Compare(found, rows));
        focus_later("lookup-take".into());
    };

    let matches = move |found: Vec<Found>| {
        view! {
            <ul class="lookup-matches" aria-label="Books found">
                {found.into_iter().map(|book| {
                    let name = format!("Choose {}{}", book.title, if book.author.is_empty() { String::new() } else { format!(" by {}", book.author) });
                    let pages = if book.pages.is_empty() { String::new() } else { format!("{} pages", book.pages) };
                    let facts = [book.publication_date.as_str(), book.publisher.as_str(), pages.as_str()]
                        .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    let cover = book.cover_url(COVERS, 'S');
                    let title = book.title.clone();
                    let author = book.author.clone();
                    view! {
                        <li>
                            <button type="button" class="lookup-match" aria-label=name on:click=move |_| choose(book.clone())>
                                {cover.map(|src| view! { <img src=src alt="" width="40" height="60" loading="lazy" referrerpolicy="no-referrer" /> })}
                                <span><strong>{title}</strong><br />{author}<br />{facts}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    let taken = move || ticked.with(|t| t.iter().filter(|&&t| t).count());
    let compare = move |found: Found, rows: Vec<Change>| {
        let all = rows.clone();
        let take = move |_| {
            let book = offer.book.get_untracked().unwrap_or_default();
            let chosen: Vec<Change> = ticked.with_untracked(|t| {
                all.iter()
                    .zip(t)
                    .filter(|(_, &t)| t)
                    .map(|(c, _)| c.clone())
                    .collect()
            });
            finish((!chosen.is_empty()).then(|| with_changes(&book, &chosen)));
        };
        let none = rows.is_empty();
        view! {
            <p>{format!("{}{}: tick what to take. Fields you have filled are left as they are unless you tick them.",
                found.title, if found.author.is_empty() { String::new() } else { format!(" by {}", found.author) })}</p>
            {none.then(|| view! { <p role="status">"Your details already match this book."</p> })}
            {(!none).then(|| view! {
                <table class="lookup-compare">
                    <thead><tr><th scope="col">"Take"</th><th scope="col">"Field"</th><th scope="col">"Yours"</th><th scope="col">"Open Library"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().enumerate().map(|(i, change)| {
                            let label = format!("Take {}", change.field.label());
                            view! {
                                <tr>
                                    <td><input type="checkbox" aria-label=label
                                        prop:checked=move || ticked.with(|t| t.get(i).copied().unwrap_or(false))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            ticked.update(|t| if let Some(t) = t.get_mut(i) { *t = on });
                                        } /></td>
                                    <th scope="row">{change.field.label()}</th>
                                    <td>{change.yours}</td>
                                    <td>{change.theirs}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <div class="dialog-actions">
                <button type="button" class="primary" id="lookup-take" on:click=take
                    disabled=move || taken() == 0>
                    {move || {
                        let n = taken();
                        format!("Use {n} field{}", if n == 1 { "" } else { "s" })
                    }}
                </button>
                <button type="button" on:click=move |_| step.set(Step::Matches(found_last.get_value()))>"Back to the books found"</button>
            </div>
        }
    };

    view! {
        <dialog node_ref=dialog class="lookup" aria-labelledby="lookup-heading" on:close=move |_| finish(None)>
            <div class="dialog-head">
                <h2 id="lookup-heading">"Look up a book"</h2>
                <button type="button" class="quiet" on:click=move |_| finish(None)>"Close"</button>
            </div>
            <form class="lookup-search" on:submit=move |ev| { ev.prevent_default(); search(); }>
                <label for="lookup-query">"ISBN, or title and author"</label>
                <input id="lookup-query" type="search" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <button type="submit">"Search Open Library"</button>
            </form>
            {move || match step.get() {
                Step::Searching => view! { <p role="status">"Searching Open Library…"</p> }.into_any(),
                Step::Failed(why) => view! { <p class="alert" role="alert">{why}</p> }.into_any(),
                Step::Matches(found) => {
                    let n = found.len();
                    view! {
                        <p role="status">{format!("{n} book{} found: choose yours.", if n == 1 { "" } else { "s" })}</p>
                        {matches(found)}
                    }.into_any()
                }
                Step::Compare(found, rows) => compare(found, rows).into_any(),
            }}
        </dialog>
    }
}
