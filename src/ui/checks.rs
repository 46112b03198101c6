//! `Before you publish`: the spoiler-leak check and the missing parts (rating, verdict), shown in
//! the preview pane. It runs once typing has paused and the browser is idle, never per keystroke.

use std::time::Duration;

use leptos::prelude::*;

use crate::checks::leaks::{CheckRun, Finding, Place};

use super::schedule::{focus_later, when_idle, Debounce};
use super::state::EditorState;

/// How long typing must pause before the check runs again.
const PAUSE: Duration = Duration::from_millis(800);

/// Past this many bytes of text, the check waits for a longer pause (it costs more).
const LONG_REVIEW: usize = 256 * 1024;

/// The pause for a long review.
const LONG_PAUSE: Duration = Duration::from_millis(2000);

/// One line of the list: the message, and where to go to fix it (a label and an element id).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    message: String,
    go_to: Vec<(String, String)>,
    /// The leaking word, which the person may choose to stop hearing about.
    ignore: Option<String>,
}

/// The element to focus for `place`: the field or section where the word shows.
fn target_of(place: Place) -> String {
    match place {
        Place::PostTitle => "post-title".into(),
        Place::Genre => "book-genre".into(),
        Place::Details => "book-title".into(),
        Place::Categories => "post-categories".into(),
        Place::Tags => "post-tags".into(),
        Place::SectionHeading { section_id } => format!("section-heading-{section_id}"),
        Place::SectionBody { section_id } => format!("section-body-{section_id}"),
    }
}

/// The lines for `findings`, the findings of `review`.
fn lines(review: &crate::review::Review, findings: Vec<Finding>) -> Vec<Line> {
    findings
        .into_iter()
        .map(|finding| {
            let go_to = match &finding {
                Finding::Leak { places, .. } => places
                    .iter()
                    .map(|p| (format!("Go to {}", p.describe(review)), target_of(*p)))
                    .collect(),
                Finding::EmptyVerdict { section_id } => vec![(
                    "Go to the verdict".to_string(),
                    format!("section-body-{section_id}"),
                )],
                Finding::NoRating => vec![("Go to Rating".to_string(), "rating".to_string())],
                Finding::NoVerdict => Vec::new(),
            };
            let ignore = match &finding {
                Finding::Leak { word, .. } => Some(word.clone()),
                _ => None,
            };
            Line {
                message: finding.message(review),
                go_to,
                ignore,
            }
        })
        .collect()
}

/// Focuses the field `target` and, for a leak, selects `word` in it (where the check finds it
/// first), so that the writer sees what was meant, not just where.
fn go_to(target: &str, word: Option<&str>) {
    use wasm_bindgen::JsCast;
    let field = document().get_element_by_id(target);
    let select = |value: String, set: &dyn Fn(u32, u32)| {
        if let Some(at) = word.and_then(|w| crate::checks::leaks::find_word(&value, w)) {
            // The browser counts UTF-16 units.
            let utf16 = |end: usize| value[..end].encode_utf16().count() as u32;
            set(utf16(at.start), utf16(at.end));
        }
    };
    if let Some(area) = field
        .as_ref()
        .and_then(|f| f.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        select(area.value(), &|a, b| {
            let _ = area.set_selection_range(a, b);
        });
    } else if let Some(input) = field
        .as_ref()
        .and_then(|f| f.dyn_ref::<web_sys::HtmlInputElement>())
    {
        select(input.value(), &|a, b| {
            let _ = input.set_selection_range(a, b);
        });
    }
    focus_later(target.to_string());
}

/// How long one slice of the check may run before it gives the page back, in milliseconds
/// (`Date.now()` counts whole ones): a keystroke that arrives meanwhile waits at most this.
const SLICE_MS: f64 = 4.0;

/// Checks on, one slice, if `edit` is still the latest edit; then either shows the findings
/// or asks for the next idle moment to go on.
fn go_on(
    edit: u64,
    running: StoredValue<Option<CheckRun>>,
    edits: StoredValue<u64>,
    found: RwSignal<Option<Vec<Line>>>,
) {
    if edits.try_get_value() != Some(edit) {
        return;
    }
    let Some(mut run) = running.try_update_value(Option::take).flatten() else {
        return;
    };
    let deadline = js_sys::Date::now() + SLICE_MS;
    match run.step(&mut || js_sys::Date::now() < deadline) {
        Some(findings) => {
            let now = lines(run.review(), findings);
            if found.try_with_untracked(|f| f.as_ref() != Some(&now)) == Some(true) {
                found.try_set(Some(now));
            }
        }
        None => {
            running.set_value(Some(run));
            when_idle(move || go_on(edit, running, edits, found));
        }
    }
}

/// The `Before you publish` list.
#[component]
pub fn Checks() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let found = RwSignal::new(None::<Vec<Line>>);
    let pending = Debounce::new();
    // The check in progress and the edit it checks: each edit counts one more, and a check of
    // an earlier one is dropped (its findings would be out of date).
    let running = StoredValue::new(None::<CheckRun>);
    let edits = StoredValue::new(0u64);
    Effect::new(move |_| {
        state.track_all();
        pending.cancel();
        edits.update_value(|e| *e += 1);
        running.set_value(None);
        let edit = edits.get_value();
        let start = move || {
            if edits.try_get_value() == Some(edit) {
                running.set_value(Some(CheckRun::new(state.snapshot())));
                go_on(edit, running, edits, found);
            }
        };
        // After the pause, and then only once the browser has nothing else to do, a slice at
        // a time: on a long review the whole check is far longer than a keystroke may wait
        // (measured: docs/performance.md).
        let pause = if state.text_len() > LONG_REVIEW {
            LONG_PAUSE
        } else {
            PAUSE
        };
        pending.schedule(pause, move || when_idle(start));
    });
    let summary = move || match found.with(|f| f.as_ref().map(Vec::len)) {
        None => "Before you publish: checking…".to_string(),
        Some(0) => "Before you publish: nothing to check".to_string(),
        Some(1) => "Before you publish: 1 thing to check".to_string(),
        Some(n) => format!("Before you publish: {n} things to check"),
    };
    // A button and a hidden list rather than a <details>: while any closed <details> is on the
    // page, Chromium's every edit of a text area costs time in proportion to its text
    // (measured with `benches/browser/phases.mjs`: docs/performance.md).
    let open = RwSignal::new(false);
    view! {
        <div class="checks" role="group" aria-labelledby="checks-summary">
            <button
                type="button"
                id="checks-summary"
                class="checks-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="check-details"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {summary}
            </button>
            <div id="check-details" hidden=move || !open.get()>
            <ul class="check-list">
                {move || found.get().unwrap_or_default().into_iter().map(|line| view! {
                    <li>
                        <span>{line.message}</span>
                        {line.go_to.into_iter().map(|(label, target)| {
                            let word = line.ignore.clone();
                            view! {
                                " "
                                <button type="button" class="quiet" on:click=move |_| go_to(&target, word.as_deref())>{label}</button>
                            }
                        }).collect_view()}
                        {line.ignore.map(|word| {
                            let label = format!("Ignore \u{201c}{word}\u{201d}");
                            view! {
                                " "
                                <button type="button" class="quiet" disabled=move || state.read_only.get() on:click=move |_| {
                                    state.metadata.update(|m| m.leaks_ignored.push(word.clone()));
                                    state.commit_fields();
                                    // Gone from the list at once, not only at the next check.
                                    found.update(|f| {
                                        if let Some(f) = f {
                                            f.retain(|l| l.ignore.as_ref() != Some(&word));
                                        }
                                    });
                                    // The button is gone with its line: focus stays in the list.
                                    focus_later("checks-summary".to_string());
                                }>{label}</button>
                            }
                        })}
                    </li>
                }).collect_view()}
            </ul>
            {move || {
                let ignored = state.metadata.with(|m| m.leaks_ignored.clone());
                (!ignored.is_empty()).then(|| view! {
                    <p class="quiet-text">
                        {format!("Not reported in this review: {}. ", ignored.join(", "))}
                        <button type="button" class="quiet" disabled=move || state.read_only.get() on:click=move |_| {
                            state.metadata.update(|m| m.leaks_ignored.clear());
                            state.commit_fields();
                            focus_later("checks-summary".to_string());
                        }>"Report them again"</button>
                    </p>
                })
            }}
            </div>
        </div>
    }
}
