//! The metadata form: book facts and post facts, each a labelled field, in a card that folds into
//! a one-line summary once the work has a title, so that writing starts on the first screen.

use leptos::prelude::*;

use crate::browser::local_storage::LocalStore;
use crate::review::details_line::{details_line, is_filled};
use crate::review::suggest::{add_item, replace_item, Vocabulary};
use crate::review::template::{Optional, Template};
use crate::review::{split_list, validation, CustomField, Format, Metadata};

use super::date_order::{DateField, DateOrderField};
use super::fields::TextField;
use super::state::EditorState;
use crate::storage::KeyValueStore;

/// The localStorage key remembering whether the writer keeps the details open (`true`) or
/// folded (`false`); absent, a filled review shows them folded.
pub const DETAILS_OPEN_KEY: &str = "verdict:details-open";

/// Whether the details start open for `m`: always for a review without a title, else as the
/// writer last chose (folded when they never did).
fn starts_open(m: &Metadata) -> bool {
    let stored = LocalStore::open()
        .ok()
        .and_then(|store| store.get(DETAILS_OPEN_KEY).ok().flatten());
    !is_filled(m) || stored.as_deref() == Some("true")
}

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
    // What the other reviews use, read from their summaries when a list field is first focused
    // (and again on every later focus, so that it follows the library); never at start-up.
    // Local: a vocabulary keeps its answers in a RefCell (the app has one thread).
    let vocabularies = RwSignal::new_local(None::<Vocabularies>);
    let autosave = expect_context::<super::autosave::Autosave>();
    let load_vocabularies = move |_| vocabularies.set(Some(Vocabularies::read(&autosave.id())));
    let listed = move |b: TextFieldBinding, hint: &'static str, kind: ListKind| {
        let value = b.value;
        view! {
            <div class="list-field" on:focusin=load_vocabularies>
                <TextField id=b.id label=b.label value=b.value on_input=b.on_input hint=hint />
                {chips(value)}
                <ListHelp kind=kind vocabularies=vocabularies />
            </div>
        }
    };

    let pages_error = Signal::derive(move || m.with(|m| validation::pages(&m.pages)));
    // Day or month first in a numeric date: read by both date fields.
    let order = RwSignal::new(super::date_order::initial());
    let dated = move |b: TextFieldBinding, error: Signal<Option<String>>, hint: &'static str| {
        view! { <DateField id=b.id label=b.label value=b.value on_input=b.on_input error=error hint=hint order=order /> }
    };
    let published_error =
        Signal::derive(move || m.with(|m| validation::date(&m.publication_date, order.get())));
    let isbn10_error = Signal::derive(move || m.with(|m| validation::isbn10(&m.isbn10)));
    let isbn13_error = Signal::derive(move || m.with(|m| validation::isbn13(&m.isbn13, &m.isbn10)));
    let post_date_error =
        Signal::derive(move || m.with(|m| validation::date(&m.post_date, order.get())));
    let default_title =
        Signal::derive(move || m.with(|m| crate::review::default_post_title(&m.title, &m.author)));
    let post_title = state.post_title;

    let template = Memo::new(move |_| m.with(|m| m.template));
    let cover_error = Signal::derive(move || m.with(|m| validation::cover_image(&m.cover_image)));
    // The work's fields depend on the template: drawn again (rarely) when it changes.
    let work_fields = move || {
        let t = template.get();
        view! {
            <legend>{t.label()}</legend>
            {field(meta_field(state, "book-title", "Title", |m| &m.title, |m| &mut m.title))}
            {field(meta_field(state, "book-author", t.creator_label(), |m| &m.author, |m| &mut m.author))}
            {t.uses(Optional::Format).then(|| view! {
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
            })}
            {t.uses(Optional::Pages).then(|| checked(meta_field(state, "book-pages", "Pages", |m| &m.pages, |m| &mut m.pages), pages_error, "A whole number, e.g. 304"))}
            {t.uses(Optional::Platform).then(|| field(meta_field(state, "work-platform", "Platform", |m| &m.platform, |m| &mut m.platform)))}
            {field(meta_field(state, "book-publisher", t.publisher_label(), |m| &m.publisher, |m| &mut m.publisher))}
            // The date order sits in the date's cell, under its hint: the grid keeps its rows.
            <div class="field-stack">
                {dated(
                    meta_field(state, "book-published", t.date_label(), |m| &m.publication_date, |m| &mut m.publication_date),
                    published_error,
                    "e.g. 2005-04-05, 15/09/2020 or April 5, 2005",
                )}
                <DateOrderField order=order />
            </div>
            {t.uses(Optional::Runtime).then(|| field(meta_field(state, "work-runtime", t.runtime_label(), |m| &m.runtime, |m| &mut m.runtime)))}
            {t.uses(Optional::Tracks).then(|| field(meta_field(state, "work-tracks", "Tracks", |m| &m.tracks, |m| &mut m.tracks)))}
            {t.uses(Optional::Isbn).then(|| view! {
                {checked(meta_field(state, "book-isbn10", "ISBN-10", |m| &m.isbn10, |m| &mut m.isbn10), isbn10_error, "Hyphens and spaces are fine")}
                // The hyphen-free forms and the Fill button sit in the ISBN-13 cell, under its
                // hint: the grid keeps its rows, with no cell left empty.
                <div class="field-stack">
                    {checked(meta_field(state, "book-isbn13", "ISBN-13", |m| &m.isbn13, |m| &mut m.isbn13), isbn13_error, "Hyphens and spaces are fine")}
                    <IsbnHelp />
                </div>
            })}
            // After the ISBNs, so that ISBN-10 and ISBN-13 share a row of the grid.
            {field(meta_field(state, "book-language", "Language", |m| &m.language, |m| &mut m.language))}
            {listed(meta_field(state, "book-genre", "Genre", |m| &m.genre, |m| &mut m.genre), "Separate with commas", ListKind::Genre)}
            {t.uses(Optional::Audience).then(|| field(meta_field(state, "book-audience", "Target group", |m| &m.audience, |m| &mut m.audience)))}
            {checked(meta_field(state, "work-cover", "Cover image", |m| &m.cover_image, |m| &mut m.cover_image), cover_error, "A web address, https://…")}
        }
    };
    let hidden = Memo::new(move |_| m.with(hidden_fields));
    let open = RwSignal::new(m.with_untracked(starts_open));
    // Another review opened (its sections are new): one without a title shows its fields. A
    // filled one keeps the card as it was, never folding it away under the writer.
    let generation = Memo::new(move |_| state.sections.with(|s| s.first().map(|x| x.generation)));
    Effect::new(move |seen: Option<Option<u64>>| {
        let now = generation.get();
        if seen.is_some_and(|seen| seen != now) && !m.with_untracked(is_filled) {
            open.set(true);
        }
        now
    });
    let toggle = move |_| {
        let now = !open.get_untracked();
        open.set(now);
        // A storage failure only means the choice lasts until the page closes.
        if let Ok(mut store) = LocalStore::open() {
            let _ = store.set(DETAILS_OPEN_KEY, if now { "true" } else { "false" });
        }
    };
    let line = move || m.with(details_line);

    view! {
        <section class="details-card" aria-labelledby="details-toggle">
        <h2 class="details-head">
            <button
                type="button"
                id="details-toggle"
                class="details-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="details-body"
            on:click=toggle
            >
                {move || template.get().label()}" details"
            </button>
        </h2>
        {move || (!open.get()).then(|| view! { <p class="details-line">{line}</p> })}
        // A form, never submitted, so that typing in a section does not make the browser's
        // autofill copy these fields (see the section editor in sections.rs).
        <form id="details-body" class="details-body" hidden=move || !open.get() on:submit=|ev| ev.prevent_default()>
        <div class="field template-field">
            <label for="review-template">"Template"</label>
            <select
                id="review-template"
                prop:value=move || template.get().key()
                on:change=move |ev| {
                    if let Some(t) = Template::from_key(&event_target_value(&ev)) {
                        state.change_template(t);
                    }
                }
            >
                {Template::ALL
                    .into_iter()
                    .map(|t| view! { <option value=t.key() selected=move || template.get() == t>{t.label()}</option> })
                    .collect_view()}
            </select>
        </div>
        <fieldset class="metadata">
            {work_fields}
            {move || {
                let names = hidden.get();
                (!names.is_empty()).then(|| view! {
                    <p class="field-hint hidden-fields">{format!(
                        "Kept from another template, not shown or exported: {}. Switch back to see them.",
                        names.join(", ")
                    )}</p>
                })
            }}
        </fieldset>
        <CustomFields />
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
            {dated(meta_field(state, "post-date", "Post date", |m| &m.post_date, |m| &mut m.post_date), post_date_error, "e.g. 2005-04-05")}
            {listed(meta_field(state, "post-categories", "Categories", |m| &m.categories, |m| &mut m.categories), "Separate with commas", ListKind::Categories)}
            {listed(meta_field(state, "post-tags", "Tags", |m| &m.tags, |m| &mut m.tags), "Separate with commas", ListKind::Tags)}
            {checked(meta_field(state, "post-summary", "Summary", |m| &m.summary, |m| &mut m.summary), Signal::derive(|| None), "For search results, feeds and link previews; empty: the first spoiler-free sentences")}
            {checked(meta_field(state, "post-slug", "Slug", |m| &m.slug, |m| &mut m.slug), Signal::derive(|| None), "The post's address on Hugo and Jekyll; empty: the site's own")}
            <label class="spoiler-flag">
                <input
                    type="checkbox"
                    prop:checked=move || m.with(|m| m.draft)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        m.update(|m| m.draft = on);
                    }
                />
                " Draft (Hugo and Jekyll leave it unpublished)"
            </label>
        </fieldset>
        </form>
        </section>
    }
}

/// Under the ISBN fields: each valid ISBN hyphen-free (as exports write it), a button to fill
/// the other ISBN from it where one exists (979 ISBNs have no ISBN-10), and `Look up`, which
/// opens Open Library's search (in the module loaded on demand) by the ISBN, or by the title
/// and author; what the writer takes from it is one undoable step.
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
    let look_up = move |_| {
        let book = m.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::browser::extras::lookup(&book).await {
                Ok(Some(details)) => {
                    m.set(details);
                    state.commit_fields();
                    state.messages.notice.set(Some(
                        "Filled in from Open Library. Undo takes it back.".into(),
                    ));
                }
                Ok(None) => {}
                Err(why) => state.messages.problem.set(Some(why)),
            }
        });
    };
    view! {
        <div class="isbn-help">
            <button type="button" on:click=look_up>"Look up"</button>
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

/// The names of filled fields the current template neither shows nor exports (kept from another
/// template, so that switching back brings them back).
fn hidden_fields(m: &Metadata) -> Vec<&'static str> {
    let t = m.template;
    let filled = |s: &str| !s.trim().is_empty();
    [
        (Optional::Format, "Format", m.format != Format::Unset),
        (Optional::Pages, "Pages", filled(&m.pages)),
        (
            Optional::Isbn,
            "ISBN",
            filled(&m.isbn10) || filled(&m.isbn13),
        ),
        (Optional::Runtime, "Runtime", filled(&m.runtime)),
        (Optional::Platform, "Platform", filled(&m.platform)),
        (Optional::Tracks, "Tracks", filled(&m.tracks)),
        (Optional::Audience, "Target group", filled(&m.audience)),
    ]
    .into_iter()
    .filter(|(field, _, has)| *has && !t.uses(*field))
    .map(|(_, name, _)| name)
    .collect()
}

/// The person's own fields: a name and a value each, added and removed at will; they follow the
/// template's fields in every export.
#[component]
fn CustomFields() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let m = state.metadata;
    let count = Memo::new(move |_| m.with(|m| m.custom.len()));
    let add = move |_| {
        m.update(|m| m.custom.push(CustomField::default()));
        state.commit_fields();
        let n = m.with_untracked(|m| m.custom.len());
        super::schedule::focus_later(format!("custom-label-{n}"));
    };
    // Typing in a custom field is taken like any other field (within the size cap); a refused
    // edit is taken back out of the input, as in every other field.
    let edit = move |index: usize, label: bool, ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let old_len = m.with_untracked(|m| {
            m.custom
                .get(index)
                .map_or(0, |f| if label { f.label.len() } else { f.value.len() })
        });
        if state.accept_edit(old_len, value.len()) {
            m.update(|m| {
                if let Some(f) = m.custom.get_mut(index) {
                    if label {
                        f.label = value;
                    } else {
                        f.value = value;
                    }
                }
            });
        } else if let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        {
            let kept = m.with_untracked(|m| {
                m.custom
                    .get(index)
                    .map(|f| {
                        if label {
                            f.label.clone()
                        } else {
                            f.value.clone()
                        }
                    })
                    .unwrap_or_default()
            });
            input.set_value(&kept);
        }
    };
    let rows = move || {
        (0..count.get())
            .map(|index| {
                let n = index + 1;
                let name = Signal::derive(move || {
                    m.with(|m| m.custom.get(index).map(|f| f.label.trim().to_string()))
                        .filter(|l| !l.is_empty())
                        .unwrap_or_else(|| format!("field {n}"))
                });
                let remove = move |_| {
                    m.update(|m| {
                        if index < m.custom.len() {
                            m.custom.remove(index);
                        }
                    });
                    state.commit_fields();
                    super::schedule::focus_later("add-custom-field".to_string());
                };
                view! {
                    <div class="custom-field">
                        <div class="field">
                            <label for=format!("custom-label-{n}")>{format!("Name of field {n}")}</label>
                            <input
                                id=format!("custom-label-{n}")
                                type="text"
                                placeholder="e.g. Series"
                                prop:value=move || m.with(|m| m.custom.get(index).map(|f| f.label.clone()).unwrap_or_default())
                                on:input=move |ev| edit(index, true, ev)
                            />
                        </div>
                        <div class="field">
                            <label for=format!("custom-value-{n}")>{move || format!("Value of {}", name.get())}</label>
                            <input
                                id=format!("custom-value-{n}")
                                type="text"
                                prop:value=move || m.with(|m| m.custom.get(index).map(|f| f.value.clone()).unwrap_or_default())
                                on:input=move |ev| edit(index, false, ev)
                            />
                        </div>
                        <button type="button" class="quiet" on:click=remove>{move || format!("Remove {}", name.get())}</button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="metadata custom-fields">
            <legend>"Your own fields"</legend>
            <p class="field-hint">"Series, translator, narrator, \u{201c}received as an advance copy\u{201d}\u{2026}: listed after the details above in every export."</p>
            {rows}
            <button type="button" id="add-custom-field" on:click=add>"Add a field"</button>
        </fieldset>
    }
}

/// A comma-separated field that gets suggestions from the rest of the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListKind {
    Genre,
    Categories,
    Tags,
}

impl ListKind {
    /// The field's text in `m`.
    fn of(self, m: &Metadata) -> &String {
        match self {
            ListKind::Genre => &m.genre,
            ListKind::Categories => &m.categories,
            ListKind::Tags => &m.tags,
        }
    }

    /// The field's text in `m`, to change.
    fn of_mut(self, m: &mut Metadata) -> &mut String {
        match self {
            ListKind::Genre => &mut m.genre,
            ListKind::Categories => &mut m.categories,
            ListKind::Tags => &mut m.tags,
        }
    }

    /// The field's element id.
    fn input_id(self) -> &'static str {
        match self {
            ListKind::Genre => "book-genre",
            ListKind::Categories => "post-categories",
            ListKind::Tags => "post-tags",
        }
    }

    /// One item, in words (`genre`).
    fn noun(self) -> &'static str {
        match self {
            ListKind::Genre => "genre",
            ListKind::Categories => "category",
            ListKind::Tags => "tag",
        }
    }
}

/// The genres and tags the other reviews use (summaries carry them; categories are not kept
/// there, so that field gets no suggestions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Vocabularies {
    genres: Vocabulary,
    tags: Vocabulary,
}

impl Vocabularies {
    /// Reads every summary but the open draft's own (its own slip is no evidence); trashed
    /// reviews count too. Storage trouble means no suggestions, never an error.
    fn read(own_id: &str) -> Vocabularies {
        let Ok(store) = crate::browser::local_storage::LocalStore::open() else {
            return Vocabularies::default();
        };
        let Ok(library) = crate::storage::drafts::Drafts::new(store).library() else {
            return Vocabularies::default();
        };
        let others: Vec<_> = library
            .drafts
            .iter()
            .chain(&library.trash)
            .filter(|s| s.id != own_id)
            .collect();
        Vocabularies {
            genres: Vocabulary::new(others.iter().map(|s| s.genres.as_slice())),
            tags: Vocabulary::new(others.iter().map(|s| s.tags.as_slice())),
        }
    }

    fn of(&self, kind: ListKind) -> Option<&Vocabulary> {
        match kind {
            ListKind::Genre => Some(&self.genres),
            ListKind::Tags => Some(&self.tags),
            ListKind::Categories => None,
        }
    }
}

/// How many suggestions are offered under a list field.
const MAX_SUGGESTIONS: usize = 8;

/// Under a list field: likely typos against the library (with a one-click fix) and what other
/// reviews use that this one does not yet.
#[component]
fn ListHelp(
    kind: ListKind,
    vocabularies: RwSignal<Option<Vocabularies>, LocalStorage>,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let m = state.metadata;
    let set = move |value: String| {
        m.update(|m| *kind.of_mut(m) = value);
        state.commit_fields();
    };
    // Only this field's text: a keystroke in another field changes nothing here.
    let text = Memo::new(move |_| m.with(|m| kind.of(m).clone()));
    let typos = move || {
        vocabularies.with(|v| {
            v.as_ref()
                .and_then(|v| v.of(kind))
                .map(|v| text.with(|t| v.likely_typos(t)))
                .unwrap_or_default()
        })
    };
    let suggestions = move || {
        vocabularies.with(|v| {
            v.as_ref()
                .and_then(|v| v.of(kind))
                .map(|v| {
                    text.with(|t| {
                        v.suggestions(t, MAX_SUGGESTIONS)
                            .into_iter()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                })
                .unwrap_or_default()
        })
    };
    view! {
        {move || typos().into_iter().map(|typo| {
            let fix = format!("Use \u{201c}{}\u{201d}", typo.known);
            view! {
                <p class="field-warning">
                    {typo.message()} " "
                    <button type="button" class="quiet" on:click=move |_| {
                        set(m.with_untracked(|m| replace_item(kind.of(m), &typo.typed, &typo.known)));
                        // The button goes with the warning: focus returns to the field.
                        super::schedule::focus_later(kind.input_id().to_string());
                    }>{fix}</button>
                </p>
            }
        }).collect_view()}
        {move || {
            let items = suggestions();
            (!items.is_empty()).then(|| view! {
                <div class="suggestions" role="group" aria-label=format!("{}s used in other reviews", kind.noun())>
                    {items.into_iter().map(|item| {
                        let name = format!("Add {} {item}", kind.noun());
                        view! {
                            <button type="button" class="suggestion" aria-label=name on:click=move |_| {
                                set(m.with_untracked(|m| add_item(kind.of(m), &item)))
                            }>{format!("+ {item}")}</button>
                        }
                    }).collect_view()}
                </div>
            })
        }}
    }
}
