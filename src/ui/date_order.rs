//! The writer's `Date order` (day or month first in a numeric date such as `09/10/2020`), taken
//! from the browser's language until chosen, and remembered in localStorage; and the date
//! fields that read by it. What the order means is [`crate::review::date`]'s.

use leptos::prelude::*;

use crate::browser::local_storage::LocalStore;
use crate::review::date::{note, tidy, DateOrder};
use crate::storage::KeyValueStore;

use super::fields::TextField;

/// The localStorage key holding the chosen order (`day-first` or `month-first`; absent means
/// the browser language's).
pub const DATE_ORDER_KEY: &str = "verdict:date-order";

/// The chosen order, or the one usual for the browser's language.
pub fn initial() -> DateOrder {
    let stored = LocalStore::open()
        .ok()
        .and_then(|store| store.get(DATE_ORDER_KEY).ok().flatten());
    stored
        .as_deref()
        .and_then(DateOrder::from_key)
        .unwrap_or_else(|| {
            DateOrder::for_language(&window().navigator().language().unwrap_or_default())
        })
}

/// The `Date order` select. A storage failure only means the choice lasts until the page closes.
#[component]
pub fn DateOrderField(
    /// The writer's order, set when they choose.
    order: RwSignal<DateOrder>,
) -> impl IntoView {
    let choose = move |ev| {
        let Some(chosen) = DateOrder::from_key(&event_target_value(&ev)) else {
            return;
        };
        order.set(chosen);
        if let Ok(mut store) = LocalStore::open() {
            let _ = store.set(DATE_ORDER_KEY, chosen.key());
        }
    };
    view! {
        <div class="field">
            <label for="date-order">"Date order"</label>
            <select id="date-order" on:change=choose>
                {DateOrder::ALL
                    .into_iter()
                    .map(|o| view! { <option value=o.key() selected=move || order.get() == o>{o.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A date field: a numeric date is tidied into words in the writer's order when they leave it
/// (`15/09/2020` becomes `15 September 2020`, the same for every reader), and a year alone gets
/// a quiet note, not an error.
#[component]
pub fn DateField(
    /// The input's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// The value.
    value: Signal<String>,
    /// Takes a new value (see [`TextField`]).
    on_input: Callback<String, bool>,
    /// The validation message.
    error: Signal<Option<String>>,
    /// The hint under the label.
    hint: &'static str,
    /// The writer's order.
    order: RwSignal<DateOrder>,
) -> impl IntoView {
    let tidy_up = move |_| {
        if let Some(tidied) = tidy(&value.get_untracked(), order.get_untracked()) {
            on_input.run(tidied);
        }
    };
    view! {
        <div class="list-field" on:change=tidy_up>
            <TextField id=id label=label value=value on_input=on_input error=error hint=hint />
            <p class="field-hint" aria-live="polite">{move || value.with(|v| note(v, order.get()))}</p>
        </div>
    }
}
