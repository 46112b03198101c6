//! The metadata form: book facts and post facts, each a labelled field.

use leptos::prelude::*;

use crate::review::{split_list, validation, Format, Metadata};

use super::fields::TextField;
use super::state::EditorState;

/// A text field bound to one string of [`Metadata`].
fn meta_field(
    state: EditorState,
    id: &'static str,
    label: &'static str,
    get: fn(&Metadata) -> &String,
    set: fn(&mut Metadata) -> &mut String,
) -> TextFieldBinding {
    let m = state.metadata;
    TextFieldBinding {
        id,
        label,
        value: Signal::derive(move || m.with(|m| get(m).clone())),
        on_input: Callback::new(move |v: String| {
            let accepted = state.accept_edit(m.with_untracked(|m| get(m).len()), v.len());
            if accepted {
                m.update(|m| *set(m) = v);
            }
            accepted
        }),
    }
}

/// What a metadata [`TextField`] needs.
struct TextFieldBinding {
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    on_input: Callback<String, bool>,
}

/// How many chips are drawn at most; a long list ends with "and N more" (10,000 tags would
/// otherwise mean 10,000 elements rebuilt on every keystroke).
const MAX_CHIPS: usize = 40;

/// Chips showing how a comma-separated field was understood.
fn chips(values: Signal<String>) -> impl IntoView {
    view! {
        <ul class="chips" aria-hidden="true">
            {move || {
                let items = values.with(|v| split_list(v));
                let more = items.len().saturating_sub(MAX_CHIPS);
                let shown = items.into_iter().take(MAX_CHIPS).map(|item| view! { <li>{item}</li> }).collect_view();
                (shown, (more > 0).then(|| view! { <li class="more">{format!("and {more} more")}</li> }))
            }}
        </ul>
    }
}

/// Book and post metadata.
#[component]
pub fn MetadataForm() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let m = state.metadata;
    let field = move |b: TextFieldBinding| view! { <TextField id=b.id label=b.label value=b.value on_input=b.on_input /> };
    let checked = move |b: TextFieldBinding, error: Signal<Option<String>>, hint: &'static str| {
        view! { <TextField id=b.id label=b.label value=b.value on_input=b.on_input error=error hint=hint /> }
    };
    let listed = move |b: TextFieldBinding, hint: &'static str| {
        let value = b.value;
        view! {
            <TextField id=b.id label=b.label value=b.value on_input=b.on_input hint=hint />
            {chips(value)}
        }
    };

    let pages_error = Signal::derive(move || m.with(|m| validation::pages(&m.pages)));
    let published_error = Signal::derive(move || m.with(|m| validation::date(&m.publication_date)));
    let isbn10_error = Signal::derive(move || m.with(|m| validation::isbn10(&m.isbn10)));
    let isbn13_error = Signal::derive(move || m.with(|m| validation::isbn13(&m.isbn13, &m.isbn10)));
    let post_date_error = Signal::derive(move || m.with(|m| validation::date(&m.post_date)));
    let default_title =
        Signal::derive(move || m.with(|m| crate::review::default_post_title(&m.title, &m.author)));
    let post_title = state.post_title;

    view! {
        <fieldset class="metadata">
            <legend>"Book"</legend>
            {field(meta_field(state, "book-title", "Title", |m| &m.title, |m| &mut m.title))}
            {field(meta_field(state, "book-author", "Author", |m| &m.author, |m| &mut m.author))}
            <div class="field">
                <label for="book-format">"Format"</label>
                <select
                    id="book-format"
                    prop:value=move || m.with(|m| m.format.key())
                    on:change=move |ev| {
                        m.update(|m| m.format = Format::from_key(&event_target_value(&ev)));
                        state.commit_fields();
                    }
                >
                    {Format::ALL
                        .into_iter()
                        .map(|f| {
                            let label = if f == Format::Unset { "Not set" } else { f.label() };
                            view! { <option value=f.key() selected=move || m.with(|m| m.format == f)>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            {checked(meta_field(state, "book-pages", "Pages", |m| &m.pages, |m| &mut m.pages), pages_error, "A whole number, e.g. 304")}
            {field(meta_field(state, "book-publisher", "Publisher", |m| &m.publisher, |m| &mut m.publisher))}
            {checked(
                meta_field(state, "book-published", "Publication date", |m| &m.publication_date, |m| &mut m.publication_date),
                published_error,
                "e.g. 2005-04-05 or April 5, 2005",
            )}
            {field(meta_field(state, "book-language", "Language", |m| &m.language, |m| &mut m.language))}
            {checked(meta_field(state, "book-isbn10", "ISBN-10", |m| &m.isbn10, |m| &mut m.isbn10), isbn10_error, "Hyphens and spaces are fine")}
            {checked(meta_field(state, "book-isbn13", "ISBN-13", |m| &m.isbn13, |m| &mut m.isbn13), isbn13_error, "Hyphens and spaces are fine")}
            <IsbnHelp />
            {listed(meta_field(state, "book-genre", "Genre", |m| &m.genre, |m| &mut m.genre), "Separate with commas")}
            {field(meta_field(state, "book-audience", "Audience", |m| &m.audience, |m| &mut m.audience))}
        </fieldset>
        <fieldset class="metadata">
            <legend>"Post"</legend>
            <TextField
                id="post-title"
                label="Post title"
                value=Signal::derive(move || post_title.get())
                on_input=Callback::new(move |v: String| {
                    let accepted = state.accept_edit(post_title.with_untracked(String::len), v.len());
                    if accepted {
                        post_title.set(v);
                    }
                    accepted
                })
                placeholder=default_title
                hint="Leave empty to use the title shown"
            />
            {field(meta_field(state, "post-reviewer", "Reviewer", |m| &m.reviewer, |m| &mut m.reviewer))}
            {checked(meta_field(state, "post-date", "Post date", |m| &m.post_date, |m| &mut m.post_date), post_date_error, "e.g. 2005-04-05")}
            {listed(meta_field(state, "post-categories", "Categories", |m| &m.categories, |m| &mut m.categories), "Separate with commas")}
            {listed(meta_field(state, "post-tags", "Tags", |m| &m.tags, |m| &mut m.tags), "Separate with commas")}
        </fieldset>
    }
}

/// Under the ISBN fields: each valid ISBN hyphen-free (as exports write it), and a button to
/// fill the other ISBN from it where one exists (979 ISBNs have no ISBN-10).
#[component]
fn IsbnHelp() -> impl IntoView {
    use crate::review::isbn::{isbn10_to_13, isbn13_to_10, parse_isbn10, parse_isbn13};
    let state = expect_context::<EditorState>();
    let m = state.metadata;
    let isbn10 = Memo::new(move |_| m.with(|m| parse_isbn10(&m.isbn10).ok()));
    let isbn13 = Memo::new(move |_| m.with(|m| parse_isbn13(&m.isbn13).ok()));
    let fill13 = Memo::new(move |_| {
        m.with(|m| m.isbn13.trim().is_empty())
            .then(|| isbn10.get().map(|d| isbn10_to_13(&d)))
            .flatten()
    });
    let fill10 = Memo::new(move |_| {
        m.with(|m| m.isbn10.trim().is_empty())
            .then(|| isbn13.get().and_then(|d| isbn13_to_10(&d)))
            .flatten()
    });
    let set = move |ten: bool, value: String| {
        m.update(|m| {
            if ten {
                m.isbn10 = value;
            } else {
                m.isbn13 = value;
            }
        });
        state.commit_fields();
    };
    let hyphen_free = move || {
        let mut parts = Vec::new();
        m.with(|typed| {
            if let Some(d) = isbn10.get().filter(|d| *d != typed.isbn10.trim()) {
                parts.push(format!("ISBN-10 {d}"));
            }
            if let Some(d) = isbn13.get().filter(|d| *d != typed.isbn13.trim()) {
                parts.push(format!("ISBN-13 {d}"));
            }
        });
        (!parts.is_empty()).then(|| format!("Hyphen-free: {}", parts.join(", ")))
    };
    view! {
        <div class="isbn-help">
            {move || hyphen_free().map(|text| view! { <p class="field-hint">{text}</p> })}
            {move || fill13.get().map(|value| {
                let label = format!("Fill ISBN-13 ({value})");
                view! { <button type="button" on:click=move |_| set(false, value.clone())>{label}</button> }
            })}
            {move || fill10.get().map(|value| {
                let label = format!("Fill ISBN-10 ({value})");
                view! { <button type="button" on:click=move |_| set(true, value.clone())>{label}</button> }
            })}
        </div>
    }
}
