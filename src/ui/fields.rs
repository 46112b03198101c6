//! A labelled text field with a validation message that never blocks typing.

use leptos::prelude::*;

/// A visible label, a text input, and (when `error` has one) a message tied to the input with
/// `aria-describedby` and `aria-invalid`.
#[component]
pub fn TextField(
    /// The input's id; the message's id is derived from it.
    id: &'static str,
    /// The visible label, which is also the input's accessible name.
    label: &'static str,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new value on every input; returns whether it was taken. A refused value
    /// (over the review's size cap) is taken back out of the field.
    on_input: Callback<String, bool>,
    /// The validation message, if the value breaks a rule.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Placeholder text (an example or the default used when the field is empty).
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    /// A short hint shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_error = move || error.map(|e| e.with(Option::is_some)).unwrap_or(false);
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if has_error() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=has_error>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <span class="field-hint" id=hint_id.clone()>{h}</span> })}
            <input
                type="text"
                id=id
                prop:value=move || value.get()
                placeholder=move || placeholder.map(|p| p.get())
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=described_by
                on:input=move |ev| {
                    if !on_input.run(event_target_value(&ev)) {
                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&value.get_untracked());
                    }
                }
            />
            {move || {
                error
                    .and_then(|e| e.get())
                    .map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
            }}
        </div>
    }
}
