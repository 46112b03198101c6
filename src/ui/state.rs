//! The editor's reactive state: one signal per thing a person edits, so that a keystroke in a
//! section touches only that section's signals (and only its preview re-renders).

use leptos::prelude::*;

use crate::review::edits::{Edit, EditTarget};
use crate::review::template::{new_headings, Template};
use crate::review::{Metadata, Rating, Review, Section};

use super::drawing::Drawing;
use super::messages::Messages;
use super::undo_state::{Baseline, UndoState};

/// One section as signals, plus the preview's memory of which inline spoilers were opened.
#[derive(Clone, Copy)]
pub struct SectionState {
    /// The section's stable id (also used in element ids).
    pub id: u64,
    /// Which load of the review it belongs to: lists are keyed by (generation, id), so that a
    /// version taken from another tab rebuilds every row (text areas take their text only once).
    pub generation: u64,
    /// The heading as typed.
    pub heading: RwSignal<String>,
    /// The Markdown body as typed.
    pub body: RwSignal<String>,
    /// Whether the whole section is a spoiler.
    pub spoiler: RwSignal<bool>,
    /// Numbers of the inline spoilers the reader opened in the preview (kept across re-renders).
    pub opened: RwSignal<Vec<usize>>,
    /// Words in the body (headings are not counted), counted when typing pauses.
    pub words: RwSignal<usize>,
}

impl SectionState {
    /// Signals holding `section`.
    pub fn new(section: &Section) -> SectionState {
        SectionState {
            id: section.id,
            generation: 0,
            heading: RwSignal::new(section.heading.clone()),
            body: RwSignal::new(section.body.clone()),
            spoiler: RwSignal::new(section.spoiler),
            opened: RwSignal::new(Vec::new()),
            words: RwSignal::new(0),
        }
    }

    /// The section's current content, read without subscribing.
    pub fn snapshot(&self) -> Section {
        Section {
            id: self.id,
            heading: self.heading.get_untracked(),
            body: self.body.get_untracked(),
            spoiler: self.spoiler.get_untracked(),
        }
    }

    /// Subscribes the running effect to every edit of this section, without cloning its text.
    pub fn track(&self) {
        self.heading.track();
        self.body.track();
        self.spoiler.track();
    }
}

/// A section removed a moment ago, named in a notice that points to `Undo`.
#[derive(Clone, Debug)]
pub struct Removed {
    /// Where it stood.
    pub position: usize,
    /// What it held.
    pub section: Section,
}

/// Everything the editor shows and edits: the review as signals, with what undo needs
/// ([`UndoState`]), the messages to the person ([`Messages`]) and how much of a long review is
/// drawn ([`Drawing`]) each in a type of its own.
#[derive(Clone, Copy)]
pub struct EditorState {
    /// Book and post facts.
    pub metadata: RwSignal<Metadata>,
    /// The person's own post title (empty: the default is used).
    pub post_title: RwSignal<String>,
    /// The sections in order.
    pub sections: RwSignal<Vec<SectionState>>,
    /// The rating, if any.
    pub rating: RwSignal<Option<Rating>>,
    /// The preview's `Show spoilers` toggle.
    pub show_spoilers: RwSignal<bool>,
    /// The last removed section, while its `Undo` is offered.
    pub removed: RwSignal<Option<Removed>>,
    /// The section whose body had focus last: where the `Spoiler` button acts.
    pub last_body: RwSignal<Option<u64>>,
    /// The owner of the editor's signals. Sections made later (added, or restored by `Undo`)
    /// are created under it: made under the event handler's owner instead, they would be
    /// disposed together with whatever view handled the click (the `Undo` notice).
    owner: StoredValue<Owner>,
    /// Bumped each time the whole review is replaced (see [`SectionState::generation`]).
    generation: StoredValue<u64>,
    /// The undo stack, whether `Undo` and `Redo` have something to do, and the fields as last
    /// recorded for undo.
    pub undo: UndoState,
    /// Opened read-only (a newer version of Verdict wrote it): every control is disabled.
    pub read_only: RwSignal<bool>,
    /// The notice, the problem and the refusal shown to the person.
    pub messages: Messages,
    /// How many sections the editor and the preview draw (see [`EditorState::draw_progressively`]).
    drawing: Drawing,
}

impl EditorState {
    /// Signals holding `review` and the preview toggle.
    pub fn new(review: &Review, show_spoilers: bool) -> EditorState {
        EditorState {
            metadata: RwSignal::new(review.metadata.clone()),
            post_title: RwSignal::new(review.post_title.clone()),
            sections: RwSignal::new(review.sections.iter().map(SectionState::new).collect()),
            rating: RwSignal::new(review.rating),
            show_spoilers: RwSignal::new(show_spoilers),
            removed: RwSignal::new(None),
            last_body: RwSignal::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            generation: StoredValue::new(0),
            undo: UndoState::new(Baseline {
                metadata: review.metadata.clone(),
                post_title: review.post_title.clone(),
                rating: review.rating,
                headings: review
                    .sections
                    .iter()
                    .map(|s| (s.id, s.heading.clone()))
                    .collect(),
            }),
            read_only: RwSignal::new(false),
            messages: Messages::new(),
            drawing: Drawing::new(),
        }
    }

    /// Draws every section now (before a change to the list, whose result must show at once).
    pub fn draw_all(&self) {
        self.drawing.all();
    }

    /// The sections to draw now, in order (a prefix while a long review is still being drawn).
    pub fn drawn_sections(&self) -> Vec<SectionState> {
        let limit = self.drawing.limit();
        self.sections
            .with(|s| s.iter().take(limit).copied().collect())
    }

    /// Draws a long review in batches (see [`Drawing::start`]).
    pub fn draw_progressively(&self) {
        let lengths: Vec<usize> = self.sections.with_untracked(|s| {
            s.iter()
                .map(|x| x.heading.with_untracked(String::len) + x.body.with_untracked(String::len))
                .collect()
        });
        self.drawing.start(lengths);
    }

    /// Replaces everything the editor shows with `review` (a version taken from another tab).
    pub fn replace(&self, review: &Review, show_spoilers: bool) {
        self.generation.update_value(|g| *g += 1);
        let sections: Vec<SectionState> = review
            .sections
            .iter()
            .map(|s| self.section_state(s))
            .collect();
        self.metadata.set(review.metadata.clone());
        self.post_title.set(review.post_title.clone());
        self.sections.set(sections);
        self.rating.set(review.rating);
        self.show_spoilers.set(show_spoilers);
        self.removed.set(None);
        // Ids repeat across reviews: the Spoiler button must not act on a stale one.
        self.last_body.set(None);
        self.draw_progressively();
        // Another review (or version): edits of the one before no longer apply.
        self.undo.clear();
        self.reset_baseline();
        self.undo.refresh_flags();
    }

    fn reset_baseline(&self) {
        let baseline = Baseline {
            metadata: self.metadata.get_untracked(),
            post_title: self.post_title.get_untracked(),
            rating: self.rating.get_untracked(),
            headings: self.headings(),
        };
        self.undo.set_baseline(baseline);
    }

    fn headings(&self) -> Vec<(u64, String)> {
        self.sections.with_untracked(|s| {
            s.iter()
                .map(|x| (x.id, x.heading.get_untracked()))
                .collect()
        })
    }

    /// Turns changed fields (metadata, post title, rating, headings) into undoable edits: one
    /// per field changed since the last call. Called when focus leaves a field and before any
    /// other change, undo or redo.
    pub fn commit_fields(&self) {
        self.commit_changed_fields(false);
    }

    /// Commits changed fields as [`EditorState::commit_fields`] does, but as one undoable step
    /// when `as_one_step` (a template switch and the headings it renames).
    fn commit_changed_fields(&self, as_one_step: bool) {
        let before = self.undo.baseline();
        let mut inverses: Vec<Edit> = Vec::new();
        let metadata_changed = self.metadata.with_untracked(|m| *m != before.metadata);
        if metadata_changed {
            inverses.push(Edit::Metadata(Box::new(before.metadata.clone())));
        }
        if self.post_title.with_untracked(|t| *t != before.post_title) {
            inverses.push(Edit::PostTitle(before.post_title.clone()));
        }
        if self.rating.get_untracked() != before.rating {
            inverses.push(Edit::Rating(before.rating));
        }
        let headings = self.headings();
        for (id, old) in &before.headings {
            if let Some((_, now)) = headings.iter().find(|(x, _)| x == id) {
                if now != old {
                    inverses.push(Edit::Heading {
                        id: *id,
                        value: old.clone(),
                    });
                }
            }
        }
        if inverses.is_empty() && headings.len() == before.headings.len() {
            return;
        }
        if as_one_step && inverses.len() > 1 {
            self.undo.record(Edit::Batch(inverses));
        } else {
            for inverse in inverses {
                self.undo.record(inverse);
            }
        }
        self.reset_baseline();
    }

    /// Whether a field (a detail, the post title, a heading) holds typing not yet recorded for
    /// undo: then Ctrl+Z in it is the browser's text undo (see
    /// [`crate::review::edits::browser_undoes`]).
    pub fn has_uncommitted_fields(&self) -> bool {
        self.undo.with_baseline(|before| {
            self.metadata.with_untracked(|m| *m != before.metadata)
                || self.post_title.with_untracked(|t| *t != before.post_title)
                || self.headings() != before.headings
        })
    }

    /// Takes back the last change; returns the edit applied.
    pub fn undo(&self) -> Option<Edit> {
        self.step(true)
    }

    /// Brings back the last change undone; returns the edit applied.
    pub fn redo(&self) -> Option<Edit> {
        self.step(false)
    }

    fn step(&self, undo: bool) -> Option<Edit> {
        self.commit_fields();
        self.draw_all();
        let mut target = *self;
        let applied = self.undo.step(undo, &mut target)?;
        self.removed.set(None);
        self.reset_baseline();
        self.undo.refresh_flags();
        Some(applied)
    }

    /// Sets a section's spoiler flag, as an undoable edit.
    pub fn set_spoiler(&self, id: u64, value: bool) {
        self.change(Edit::Spoiler { id, value });
    }

    /// Applies `edit` as a change the person made (recorded for undo).
    fn change(&self, edit: Edit) -> bool {
        self.commit_fields();
        self.draw_all();
        let mut target = *self;
        match edit.apply(&mut target) {
            Some(inverse) => {
                self.undo.record(inverse);
                self.reset_baseline();
                true
            }
            None => false,
        }
    }

    /// Signals for `section`, owned by the editor rather than by whoever asked.
    fn section_state(&self, section: &Section) -> SectionState {
        let generation = self.generation.get_value();
        let state = self
            .owner
            .with_value(|owner| owner.with(|| SectionState::new(section)));
        SectionState {
            generation,
            ..state
        }
    }

    /// The whole review as plain data, read without subscribing (for saving and exporting).
    pub fn snapshot(&self) -> Review {
        Review {
            metadata: self.metadata.get_untracked(),
            post_title: self.post_title.get_untracked(),
            sections: self
                .sections
                .with_untracked(|s| s.iter().map(SectionState::snapshot).collect()),
            rating: self.rating.get_untracked(),
        }
    }

    /// Subscribes the running effect to every change that must be saved.
    pub fn track_all(&self) {
        self.metadata.track();
        self.post_title.track();
        self.rating.track();
        self.show_spoilers.track();
        self.sections
            .with(|sections| sections.iter().for_each(SectionState::track));
    }

    /// Bytes of text the review holds now (every field and section), without subscribing.
    pub fn text_len(&self) -> usize {
        let strings = self.metadata.with_untracked(Metadata::text_len);
        let sections = self.sections.with_untracked(|s| {
            s.iter()
                .map(|x| x.heading.with_untracked(String::len) + x.body.with_untracked(String::len))
                .sum::<usize>()
        });
        strings + self.post_title.with_untracked(String::len) + sections
    }

    /// Whether an edit replacing `old_len` bytes by `new_len` fits the review's size cap; if
    /// not, the reason is shown (in the alert region) and `false` returned.
    pub fn accept_edit(&self, old_len: usize, new_len: usize) -> bool {
        match crate::review::limits::check_edit(self.text_len(), old_len, new_len) {
            Ok(()) => true,
            Err(message) => {
                self.messages.refused.set(Some(message));
                false
            }
        }
    }

    /// Switches the review to template `to`: one undoable step, with any headings it changes.
    /// Nothing typed is cleared; an untouched review also takes the new template's headings.
    pub fn change_template(&self, to: Template) {
        let from = self.metadata.with_untracked(|m| m.template);
        if from == to {
            return;
        }
        let headings = self
            .sections
            .with_untracked(|s| s.iter().map(SectionState::snapshot).collect::<Vec<_>>());
        // Whatever was typed before the switch is its own step.
        self.commit_fields();
        self.metadata.update(|m| m.template = to);
        if let Some(headings) = new_headings(&headings, from, to) {
            self.sections.with_untracked(|s| {
                for (section, heading) in s.iter().zip(headings) {
                    section.heading.set(heading.to_string());
                }
            });
        }
        self.commit_changed_fields(true);
    }

    /// Appends a new, empty section (an undoable edit) and returns its id; if the review holds
    /// as many sections as it may, nothing is added and the reason is shown.
    pub fn add_section(&self) -> Option<u64> {
        let (id, len) = self.sections.with_untracked(|s| {
            (
                crate::review::next_section_id(s.iter().map(|x| x.id)),
                s.len(),
            )
        });
        if let Err(message) = crate::review::limits::check_add_sections(len, 1) {
            self.messages.refused.set(Some(message));
            return None;
        }
        self.change(Edit::Insert {
            position: len,
            section: Section::new(id, ""),
        });
        Some(id)
    }

    /// Removes the section `id` (an undoable edit), naming it in the removal notice.
    pub fn remove_section(&self, id: u64) {
        let Some(position) = self.position(id) else {
            return;
        };
        let section = self.sections.with_untracked(|s| s[position].snapshot());
        if self.change(Edit::Remove { id }) {
            self.removed.set(Some(Removed { position, section }));
        }
    }

    /// Moves section `id` by `delta` places (−1 up, +1 down) if it can go there (an undoable
    /// edit).
    pub fn move_section(&self, id: u64, delta: isize) -> bool {
        let Some(from) = self.position(id) else {
            return false;
        };
        let len = self.sections.with_untracked(Vec::len);
        let to = from as isize + delta;
        if to < 0 || to as usize >= len {
            return false;
        }
        self.change(Edit::Move {
            id,
            to: to as usize,
        })
    }

    /// Where section `id` stands, as a memo that changes only when sections are added, removed
    /// or moved (never on a keystroke).
    pub fn position_memo(&self, id: u64) -> Memo<usize> {
        let sections = self.sections;
        Memo::new(move |_| sections.with(|s| s.iter().position(|x| x.id == id).unwrap_or(0)))
    }

    /// Where section `id` stands now.
    pub fn position(&self, id: u64) -> Option<usize> {
        self.sections
            .with_untracked(|s| s.iter().position(|x| x.id == id))
    }
}

/// Edits act on the signals directly: each change touches only the signals it concerns.
impl EditTarget for EditorState {
    fn section_ids(&self) -> Vec<u64> {
        self.sections
            .with_untracked(|s| s.iter().map(|x| x.id).collect())
    }

    fn section(&self, id: u64) -> Option<Section> {
        self.sections
            .with_untracked(|s| s.iter().find(|x| x.id == id).map(SectionState::snapshot))
    }

    fn insert_section(&mut self, position: usize, section: Section) {
        let state = self.section_state(&section);
        self.sections.update(|s| {
            let at = position.min(s.len());
            s.insert(at, state);
        });
    }

    fn remove_section(&mut self, id: u64) {
        self.sections.update(|s| s.retain(|x| x.id != id));
    }

    fn move_section(&mut self, id: u64, to: usize) {
        self.sections.update(|s| {
            if let Some(from) = s.iter().position(|x| x.id == id) {
                let section = s.remove(from);
                let to = to.min(s.len());
                s.insert(to, section);
            }
        });
    }

    fn set_spoiler(&mut self, id: u64, value: bool) {
        if let Some(section) = self.find(id) {
            section.spoiler.set(value);
        }
    }

    fn set_heading(&mut self, id: u64, value: String) {
        if let Some(section) = self.find(id) {
            section.heading.set(value);
        }
    }

    fn metadata(&self) -> Metadata {
        self.metadata.get_untracked()
    }

    fn set_metadata(&mut self, mut value: Metadata) {
        // Which images came from outside is no edit of the writer's: undo leaves it as it is.
        value.images_from_outside = self
            .metadata
            .with_untracked(|m| m.images_from_outside.clone());
        self.metadata.set(value);
    }

    fn post_title(&self) -> String {
        self.post_title.get_untracked()
    }

    fn set_post_title(&mut self, value: String) {
        self.post_title.set(value);
    }

    fn rating(&self) -> Option<Rating> {
        self.rating.get_untracked()
    }

    fn set_rating(&mut self, value: Option<Rating>) {
        self.rating.set(value);
    }
}

impl EditorState {
    /// Records which image addresses came from outside (see
    /// [`crate::review::images`]): no undoable edit, as the writer typed nothing.
    pub fn set_images_from_outside(&self, addresses: Vec<String>) {
        self.undo
            .update_baseline(|b| b.metadata.images_from_outside = addresses.clone());
        self.metadata.update(|m| m.images_from_outside = addresses);
    }

    /// The signals of section `id`.
    pub fn find(&self, id: u64) -> Option<SectionState> {
        self.sections
            .with_untracked(|s| s.iter().find(|x| x.id == id).copied())
    }
}
