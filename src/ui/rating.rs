//! The rating control: a select from "No rating" to "5 out of 5" in half steps.

use leptos::prelude::*;

use crate::review::Rating;

use super::state::EditorState;

/// A labelled `Rating` select; each option is announced as e.g. "3.5 out of 5".
#[component]
pub fn RatingField() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let rating = state.rating;
    view! {
        <div class="field rating-field">
            <label for="rating">"Rating"</label>
            <select
                id="rating"
                prop:value=move || rating.get().map(Rating::value_text).unwrap_or_default()
                on:change=move |ev| {
                    rating.set(Rating::parse(&event_target_value(&ev)));
                    state.commit_fields();
                }
            >
                <option value="" selected=move || rating.get().is_none()>"No rating"</option>
                {Rating::all()
                    .map(|r| {
                        view! {
                            <option value=r.value_text() selected=move || rating.get() == Some(r)>
                                {r.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <span class="stars" aria-hidden="true">{move || rating.get().map(Rating::stars).unwrap_or_default()}</span>
        </div>
    }
}
