//! The spoiler-leak check: names and rare words that a spoiler holds and that also show outside
//! every spoiler (where a reader meets them before choosing to open anything), and the parts a
//! review should not be without: a rating and a verdict.
//!
//! It only ever produces [`Finding`]s for the writer to judge; nothing is blocked or rewritten.
//! The UI runs it when typing pauses, so it is one pass over the text with hash maps: linear in
//! the size of the review, never sections × words.
//!
//! What counts as a word is [`word_ranges`]'s definition, split further at hyphens (so that
//! "Hailsham-educated" still matches "Hailsham"), compared without case and with a possessive or
//! a contraction taken off ("Tommy's" is "Tommy").

use std::collections::HashMap;

use rustc_hash::{FxBuildHasher, FxHashSet};

use crate::markup::spoilers::{readable_text, ReadableText};
use crate::review::words::{count_words, word_ranges};
use crate::review::{Review, Section};

/// A word of at least this many letters can be a "rare word": long words are the ones that
/// carry a plot ("donation", "deferral"), short ones are everyday language.
pub const RARE_WORD_LETTERS: usize = 8;

/// A long word is rare when the whole review uses it at most this often; a word used all over
/// the review is the writer's vocabulary, not a detail of the plot.
pub const RARE_WORD_MAX_COUNT: u32 = 3;

/// Words never reported, lower case, one space between each: the little words that title case
/// and quotations capitalise mid-sentence ("The Island") and the honorifics before a name
/// ("Miss Lucy": the name is Lucy). A short word never capitalised mid-sentence can never be
/// reported, so only these need listing, and the list stays a few hundred bytes of the
/// WebAssembly bundle. Months, days and "Will" are left out on purpose: April, May, June and
/// Will are also characters' names, and a missed leak costs more than a needless warning.
pub const STOP_WORDS: &str = "a an and are as at be but by can do for from he her him his i if in is it its me my no nor not of on or our she so than that the their them then there they this to was we were what when where which who why with you your mr mrs ms miss dr sir st";

/// Phrases that mark a section as the verdict when its heading contains one (without case).
pub const VERDICT_HEADINGS: [&str; 3] = ["verdict", "conclusion", "bottom line"];

/// How many places a leak's message names before it sums up the rest.
const LISTED_PLACES: usize = 5;

/// Where, outside every spoiler, a reader can see a word. The UI turns it into text with
/// [`Place::describe`] and into a link target with [`Place::section_id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The title the post is published under (the typed one, or the default).
    PostTitle,
    /// The `Genre` field.
    Genre,
    /// The other published details: publisher (studio, label), language, audience, platform,
    /// runtime, tracks, and the person's own fields, names and values.
    Details,
    /// A section's heading; a spoiler section's heading is outside its spoiler, because it is
    /// the summary shown on the closed disclosure.
    SectionHeading {
        /// The section's [`Section::id`].
        section_id: u64,
    },
    /// The text of a section that is not inline spoiler (only sections that are not spoilers).
    SectionBody {
        /// The section's [`Section::id`].
        section_id: u64,
    },
    /// The `Categories` field.
    Categories,
    /// The `Tags` field.
    Tags,
}

impl Place {
    /// The section this place belongs to, if any, for the UI to link to.
    pub fn section_id(self) -> Option<u64> {
        match self {
            Place::SectionHeading { section_id } | Place::SectionBody { section_id } => {
                Some(section_id)
            }
            _ => None,
        }
    }

    /// The place in words, for a sentence that goes on "… also in <this>": `the post title`,
    /// `the heading “Synopsis” (shown on the closed spoiler)`, `“What I liked”`.
    pub fn describe(self, review: &Review) -> String {
        let section = |id: u64| review.sections.iter().enumerate().find(|(_, s)| s.id == id);
        match self {
            Place::PostTitle => "the post title".into(),
            Place::Genre => "the genre".into(),
            Place::Details => "the details list".into(),
            Place::Categories => "the categories".into(),
            Place::Tags => "the tags".into(),
            Place::SectionHeading { section_id } => match section(section_id) {
                Some((at, s)) if s.spoiler => format!(
                    "the heading \u{201c}{}\u{201d} (shown on the closed spoiler)",
                    s.display_heading(at)
                ),
                Some((at, s)) => format!("the heading \u{201c}{}\u{201d}", s.display_heading(at)),
                None => "the heading of a section that has since been removed".into(),
            },
            Place::SectionBody { section_id } => match section(section_id) {
                Some((at, s)) => format!("\u{201c}{}\u{201d}", s.display_heading(at)),
                None => "a section that has since been removed".into(),
            },
        }
    }
}

/// Why a word that leaks is worth the writer's attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Capitalised in the middle of a sentence somewhere in the review's text: a name.
    Name,
    /// At least [`RARE_WORD_LETTERS`] letters long and used at most [`RARE_WORD_MAX_COUNT`]
    /// times in the whole review.
    Rare,
}

/// One thing the check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A word inside a spoiler that a reader can also see outside every spoiler.
    Leak {
        /// The word as first written inside a spoiler, possessive taken off (`Tommy`).
        word: String,
        /// Why it was picked out.
        kind: WordKind,
        /// Every place outside the spoilers where it occurs, in reading order, each once.
        places: Vec<Place>,
    },
    /// No section is a verdict (see [`VERDICT_HEADINGS`]).
    NoVerdict,
    /// The verdict section is there but has no words in it.
    EmptyVerdict {
        /// The first such section's [`Section::id`].
        section_id: u64,
    },
    /// No rating is set.
    NoRating,
}

impl Finding {
    /// The finding in plain English for the writer, e.g. `“Hailsham” appears in a spoiler and
    /// also in the post title and in “What I liked”.`
    pub fn message(&self, review: &Review) -> String {
        match self {
            Finding::Leak { word, places, .. } => {
                let mut named: Vec<String> = places
                    .iter()
                    .take(LISTED_PLACES)
                    .map(|p| format!("in {}", p.describe(review)))
                    .collect();
                match places.len().saturating_sub(LISTED_PLACES) {
                    0 => {}
                    1 => named.push("in 1 other place".into()),
                    more => named.push(format!("in {more} other places")),
                }
                format!(
                    "\u{201c}{word}\u{201d} appears in a spoiler and also {}.",
                    join_and(&named)
                )
            }
            Finding::NoVerdict => "The review has no verdict: add a section headed \u{201c}Verdict\u{201d}, \u{201c}Conclusion\u{201d} or \u{201c}Bottom line\u{201d} that sums up what you thought.".into(),
            Finding::EmptyVerdict { section_id } => {
                let heading = review
                    .sections
                    .iter()
                    .enumerate()
                    .find(|(_, s)| s.id == *section_id)
                    .map(|(at, s)| s.display_heading(at))
                    .unwrap_or_else(|| "Verdict".into());
                format!("The verdict section \u{201c}{heading}\u{201d} is empty: write what you thought overall.")
            }
            Finding::NoRating => "The review has no rating yet.".into(),
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Checks a review: leaks first, in the order their words first appear inside a spoiler, then
/// a missing or empty verdict, then a missing rating. An untouched review
/// ([`Review::is_untouched`]) has nothing to check.
pub fn check(review: &Review) -> Vec<Finding> {
    // Never told to stop, a run finishes in its first step.
    Progress::default()
        .step(review, &mut || true)
        .unwrap_or_default()
}

/// The check of one review, done a part at a time: [`CheckRun::step`] scans on until the
/// `more` it is given says stop (asked between fields, between sections and every few hundred
/// words), so that the UI can check a long review in slices while the browser is idle instead
/// of holding the page for one long task (measured: docs/performance.md). Its findings are
/// exactly [`check`]'s, wherever it was stopped.
pub struct CheckRun {
    review: Review,
    progress: Progress,
}

/// How far a check has got: what it has scanned, and what it scans next. (Apart from the
/// review, so that [`check`] runs over a borrowed one.)
#[derive(Default)]
struct Progress {
    scan: Scan,
    next: Next,
}

/// What a check scans next, in the published post's reading order.
#[derive(Default)]
enum Next {
    /// The title and the details list.
    #[default]
    Fields,
    /// Section `.0`'s heading (when `.1` is `None`) and body, from where `.1` stopped.
    Section(usize, Option<BodyScan>),
    /// Categories and tags, at the foot of the post.
    Footer,
    /// Everything: the findings are ready.
    Done,
}

/// A section body partly scanned: its readable text, and where the scan stopped.
struct BodyScan {
    readable: ReadableText,
    /// The end of the last word scanned: where the scan goes on, and what tells whether the
    /// next word starts a sentence.
    previous_end: Option<usize>,
    /// The first spoiler span that may end after `previous_end` (positions only grow).
    span: usize,
}

/// How many words are scanned between two questions to `more` (each is a call out to the
/// browser's clock).
const WORDS_PER_QUESTION: u32 = 256;

impl CheckRun {
    /// A check of `review`, nothing scanned yet.
    pub fn new(review: Review) -> CheckRun {
        CheckRun {
            review,
            progress: Progress::default(),
        }
    }

    /// The review being checked (to word the findings' messages).
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// Scans on until `more` returns false (`None`: call again to go on) or the whole review is
    /// scanned (the findings, as [`check`] gives them).
    pub fn step(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Vec<Finding>> {
        self.progress.step(&self.review, more)
    }
}

impl Progress {
    /// [`CheckRun::step`], over `review`.
    fn step(&mut self, review: &Review, more: &mut dyn FnMut() -> bool) -> Option<Vec<Finding>> {
        let Progress { scan, next } = self;
        loop {
            match next {
                Next::Fields => {
                    scan.fields(review);
                    *next = Next::Section(0, None);
                }
                Next::Section(index, body) => {
                    let Some(section) = review.sections.get(*index) else {
                        *next = Next::Footer;
                        continue;
                    };
                    let body = body.get_or_insert_with(|| {
                        scan.plain(
                            &section.heading,
                            Place::SectionHeading {
                                section_id: section.id,
                            },
                        );
                        BodyScan {
                            readable: readable_text(&section.body),
                            previous_end: None,
                            span: 0,
                        }
                    });
                    if !scan.body(section, body, more) {
                        return None;
                    }
                    *next = Next::Section(*index + 1, None);
                }
                Next::Footer => {
                    scan.plain(&review.metadata.categories, Place::Categories);
                    scan.plain(&review.metadata.tags, Place::Tags);
                    *next = Next::Done;
                }
                Next::Done => {
                    // A review nobody has written in yet is not missing anything.
                    if review.is_untouched() {
                        return Some(Vec::new());
                    }
                    let mut findings = leaks(std::mem::take(scan), review);
                    findings.extend(verdict(&review.sections));
                    if review.rating.is_none() {
                        findings.push(Finding::NoRating);
                    }
                    return Some(findings);
                }
            }
            if !matches!(next, Next::Done) && !more() {
                return None;
            }
        }
    }
}

/// A missing or empty verdict; a verdict that is a spoiler still counts (it is there for
/// whoever opens it). Any verdict section with words in it is enough.
fn verdict(sections: &[Section]) -> Option<Finding> {
    let verdicts = sections.iter().filter(|s| {
        let heading = crate::case::fold(&s.heading);
        VERDICT_HEADINGS.iter().any(|v| heading.contains(v))
    });
    let mut empty = None;
    for section in verdicts {
        // Words, not characters: a body of nothing but `**` or `||` says nothing.
        if count_words(&section.body) > 0 {
            return None;
        }
        empty.get_or_insert(section.id);
    }
    Some(match empty {
        Some(section_id) => Finding::EmptyVerdict { section_id },
        None => Finding::NoVerdict,
    })
}

/// What the scan learns about one word (by its key: lower case, possessive taken off).
#[derive(Default)]
struct Seen {
    /// Occurrences anywhere in the review.
    count: u32,
    /// Whether it was ever capitalised in the middle of a sentence in a body.
    name: bool,
    /// Whether it was ever written in lower case in a body: then it is an ordinary word
    /// ("ice"), whatever capitals it wears elsewhere, and never a name.
    lower: bool,
    /// The order of its first occurrence inside a spoiler, and how it was written there.
    spoiler: Option<(u32, String)>,
    /// The places outside spoilers where it occurs, in scan order, each once.
    places: Vec<Place>,
}

impl Seen {
    /// Counts one occurrence; `spoiler_words` numbers the words first seen inside a spoiler.
    fn record(
        &mut self,
        written: &str,
        place: Option<Place>,
        name_evidence: bool,
        spoiler_words: &mut u32,
    ) {
        self.count = self.count.saturating_add(1);
        self.name |= name_evidence;
        match place {
            None if self.spoiler.is_none() => {
                self.spoiler = Some((*spoiler_words, written.to_string()));
                *spoiler_words += 1;
            }
            None => {}
            // Each text is scanned in one go, so comparing with the last place is enough.
            Some(place) if self.places.last() != Some(&place) => self.places.push(place),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Set by a test to take the cutting path for every word, to compare with the shortcut.
    static CUT_EVERY_WORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a test asked for the cutting path for every word (never, outside tests).
fn tests_cut_every_word() -> bool {
    #[cfg(test)]
    return CUT_EVERY_WORD.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

/// One pass over every text of a review.
#[derive(Default)]
struct Scan {
    /// Keyed by FxHash (rustc-hash): the check looks up every word of the review, and the
    /// standard SipHash was a sizeable part of its time (measured: docs/performance.md). The
    /// keys are the person's own words, so SipHash's resistance to crafted collisions buys
    /// nothing here.
    words: HashMap<String, Seen, FxBuildHasher>,
    /// How many distinct words have been seen inside a spoiler so far (gives the order).
    spoiler_words: u32,
    /// Reused for each word's key, so that a word already seen costs no allocation.
    key: String,
    /// The capitalised words read since the last other word, next to one another in the same
    /// place (see [`Scan::flush_run`]): held back until the run ends, because whether each is
    /// a name on its own depends on whether the run is one word or several.
    run: Vec<RunWord>,
}

/// A capitalised word held back in a [`Scan::run`].
struct RunWord {
    written: String,
    place: Option<Place>,
    /// Whether the word alone would be a name (capitalised mid-sentence in a body).
    name_evidence: bool,
    /// Whether it was read in a body (where capitals mean something).
    in_body: bool,
}

impl Scan {
    /// Records one word. `place` is `None` inside a spoiler; `name_evidence` says the word was
    /// capitalised mid-sentence in a body.
    fn word(&mut self, written: &str, place: Option<Place>, name_evidence: bool) {
        let written = stem(written.trim_matches(is_apostrophe));
        if written.is_empty() {
            return;
        }
        normalise(written, &mut self.key);
        // Look up by `&str` first: only a word never seen before needs its own key string.
        if let Some(seen) = self.words.get_mut(self.key.as_str()) {
            seen.record(written, place, name_evidence, &mut self.spoiler_words);
        } else {
            let mut seen = Seen::default();
            seen.record(written, place, name_evidence, &mut self.spoiler_words);
            self.words.insert(self.key.clone(), seen);
        }
    }

    /// A plain-text field (title, heading, list field): all of it outside any spoiler, and its
    /// capitals say nothing (titles and tags are often in title case), though a run of them is
    /// still one term ("Gobrin Ice"), to match the same name in a spoiler.
    fn plain(&mut self, text: &str, place: Place) {
        let mut previous_end = None;
        for range in word_ranges(text) {
            let joined = previous_end.is_some_and(|end| is_joining_gap(&text[end..range.start]));
            previous_end = Some(range.end);
            let mut first = true;
            for part in text[range].split(is_hyphen) {
                self.run_word(part, Some(place), false, joined && first, false);
                first = false;
            }
        }
        self.flush_run();
    }

    /// One word, into the current run of capitalised words when it is capitalised (a new run
    /// unless `joined` to the run's last word by nothing but spaces, in the same place), or
    /// recorded at once after ending the run. A little word (`The`, `Miss`) never starts a run.
    fn run_word(
        &mut self,
        written: &str,
        place: Option<Place>,
        evidence: bool,
        joined: bool,
        in_body: bool,
    ) {
        let capital = written.chars().next().is_some_and(char::is_uppercase);
        let continues = joined && self.run.last().is_some_and(|w| w.place == place);
        if !capital || !continues {
            self.flush_run();
        }
        let mut little = || {
            normalise(written, &mut self.key);
            is_stop_word(&self.key)
        };
        if capital && (!self.run.is_empty() || !little()) {
            self.run.push(RunWord {
                written: written.to_string(),
                place,
                name_evidence: evidence,
                in_body,
            });
        } else {
            self.word(written, place, evidence);
            if in_body && !capital && !written.is_empty() {
                if let Some(seen) = self.words.get_mut(self.key.as_str()) {
                    seen.lower = true;
                }
            }
        }
    }

    /// Ends the current run of capitalised words. One word is recorded as itself. Several are
    /// one name ("Gobrin Ice"), recorded as a term of its own (a name when met in a body; in a
    /// title or tag capitals say nothing); its words are still recorded (for the rare-word
    /// rule), but none is a name on its own account, so that "ice" is never reported because
    /// of "Gobrin Ice".
    fn flush_run(&mut self) {
        let mut run = std::mem::take(&mut self.run);
        match run.as_slice() {
            [] => {}
            [one] => self.word(&one.written, one.place, one.name_evidence),
            [first, ..] => {
                let term = run
                    .iter()
                    .map(|w| stem(w.written.trim_matches(is_apostrophe)))
                    .collect::<Vec<_>>()
                    .join(" ");
                for w in &run {
                    self.word(&w.written, w.place, false);
                }
                self.word(&term, first.place, run.iter().any(|w| w.in_body));
            }
        }
        // The run's allocation is kept for the next one.
        run.clear();
        self.run = run;
    }

    /// A section body, from where `body` stopped: inline spoilers (or all of it, for a spoiler
    /// section) are inside, the rest is the section's [`Place::SectionBody`]. Asks `more` every
    /// [`WORDS_PER_QUESTION`] words; returns whether the body is done.
    fn body(
        &mut self,
        section: &Section,
        body: &mut BodyScan,
        more: &mut dyn FnMut() -> bool,
    ) -> bool {
        let text = body.readable.text.as_str();
        let spans = &body.readable.spoilers;
        let place = Place::SectionBody {
            section_id: section.id,
        };
        // The first spoiler span that ends after `at`. Positions only grow, so the spans
        // before `at` can be dropped for good.
        let mut first_span = body.span;
        let mut span_after = |at: usize| {
            while spans.get(first_span).is_some_and(|s| s.end <= at) {
                first_span += 1;
            }
            spans.get(first_span).map(|s| s.start..s.end)
        };
        let from = body.previous_end.unwrap_or(0);
        let mut words = 0u32;
        // Words never cross the end of the last one scanned, so they resume from there.
        for range in word_ranges(&text[from..]) {
            let range = from + range.start..from + range.end;
            if words == WORDS_PER_QUESTION {
                words = 0;
                if !more() {
                    body.span = first_span;
                    return false;
                }
            }
            words += 1;
            let mut initial = body
                .previous_end
                .is_none_or(|end| ends_sentence(&text[end..range.start]));
            let mut joined = body
                .previous_end
                .is_some_and(|end| is_joining_gap(&text[end..range.start]));
            body.previous_end = Some(range.end);
            // Most words have no hyphen and no spoiler edge inside: one word, no cutting.
            let span = span_after(range.start);
            let whole = &text[range.clone()];
            let edge_within = !section.spoiler
                && span.as_ref().is_some_and(|s| {
                    (s.start > range.start && s.start < range.end)
                        || (s.start <= range.start && s.end < range.end)
                });
            if !edge_within && !whole.contains(is_hyphen) && !tests_cut_every_word() {
                let inside = section.spoiler || span.is_some_and(|s| s.start <= range.start);
                self.body_word(whole, inside, initial, joined, place);
                continue;
            }
            let mut inside =
                |at: usize| section.spoiler || span_after(at).is_some_and(|s| s.start <= at);
            // Cut the word at hyphens and at spoiler edges ("||Tommy||'s"): each part is a word.
            let mut start = range.start;
            let mut start_inside = inside(start);
            for (offset, c) in text[range.clone()].char_indices() {
                let at = range.start + offset;
                let now_inside = inside(at);
                if is_hyphen(c) || now_inside != start_inside {
                    self.body_word(&text[start..at], start_inside, initial, joined, place);
                    initial = false;
                    joined = false;
                    start = if is_hyphen(c) { at + c.len_utf8() } else { at };
                    start_inside = now_inside;
                }
            }
            self.body_word(
                &text[start..range.end],
                start_inside,
                initial,
                joined,
                place,
            );
        }
        body.span = first_span;
        self.flush_run();
        true
    }

    /// The fields before the sections, in reading order: the title the post is published
    /// under, the genre and everything else the details list publishes (fields the template
    /// does not use are not published, so they cannot leak).
    fn fields(&mut self, review: &Review) {
        self.plain(&review.effective_post_title(), Place::PostTitle);
        self.plain(&review.metadata.genre, Place::Genre);
        let published = review.metadata.exported();
        for text in [
            &published.publisher,
            &published.language,
            &published.audience,
            &published.platform,
            &published.runtime,
            &published.tracks,
        ] {
            self.plain(text, Place::Details);
        }
        for field in &published.custom {
            self.plain(&field.label, Place::Details);
            self.plain(&field.value, Place::Details);
        }
    }

    /// One word of a body, inside or outside a spoiler; `initial` when it starts a sentence,
    /// `joined` when only spaces part it from the word before.
    fn body_word(
        &mut self,
        written: &str,
        inside: bool,
        initial: bool,
        joined: bool,
        place: Place,
    ) {
        let capital = written.chars().next().is_some_and(char::is_uppercase);
        let place = (!inside).then_some(place);
        self.run_word(written, place, capital && !initial, joined, true);
    }
}

/// The words that leak, in the order they first appear inside a spoiler, from a finished scan
/// of `review`.
fn leaks(scan: Scan, review: &Review) -> Vec<Finding> {
    let m = &review.metadata;
    // The book's own title and author are on the cover: never a spoiler. Nor are the words of
    // the template's own section headings ("Gameplay and story"), which say nothing about the
    // plot, nor the words the person told the check to ignore for this review.
    let mut public = FxHashSet::default();
    let mut key = String::new();
    let headings = m.template.default_headings().join(" ");
    for text in [&m.title, &m.author, &headings]
        .into_iter()
        .chain(&m.leaks_ignored)
    {
        for range in word_ranges(text) {
            for part in text[range].split(is_hyphen) {
                normalise(stem(part.trim_matches(is_apostrophe)), &mut key);
                public.insert(key.clone());
            }
        }
    }

    let mut found: Vec<(u32, Finding)> = scan
        .words
        .into_iter()
        .filter(|(key, seen)| {
            // A term ("Gobrin Ice") is public when each of its words is.
            !seen.places.is_empty()
                && !key
                    .split(' ')
                    .all(|part| public.contains(part) || is_stop_word(part))
        })
        .filter_map(|(key, seen)| {
            let (order, word) = seen.spoiler?;
            let letters = key.chars().filter(|c| c.is_alphabetic()).count();
            let kind = if seen.name && !seen.lower && key.chars().count() >= 2 {
                WordKind::Name
            } else if letters >= RARE_WORD_LETTERS
                && key.chars().all(|c| c.is_alphabetic() || c == '\'')
                && seen.count <= RARE_WORD_MAX_COUNT
            {
                WordKind::Rare
            } else {
                return None;
            };
            let places = seen.places;
            Some((order, Finding::Leak { word, kind, places }))
        })
        .collect();
    crate::sort::sort_by_key(&mut found, |(order, _)| *order);
    found.into_iter().map(|(_, finding)| finding).collect()
}

/// Where `word` (a finding's word or name, such as `Tommy` or `Gobrin Ice`) first shows in
/// `text`, as a byte range, compared as the check compares words (without case, at hyphens,
/// possessive left out of the range): what `Go to` selects for the writer to see.
pub fn find_word(text: &str, word: &str) -> Option<std::ops::Range<usize>> {
    let mut key = String::new();
    let parts: Vec<String> = word
        .split(' ')
        .map(|part| {
            normalise(stem(part.trim_matches(is_apostrophe)), &mut key);
            key.clone()
        })
        .collect();
    // Each word, cut at hyphens, as (start, the end of its stem, key).
    let mut pieces = Vec::new();
    for range in word_ranges(text) {
        for part in text[range].split(is_hyphen) {
            let trimmed = part.trim_start_matches(is_apostrophe);
            // Where the part stands in `text` (it is a slice of it).
            let from = trimmed.as_ptr() as usize - text.as_ptr() as usize;
            let stemmed = stem(trimmed.trim_end_matches(is_apostrophe));
            normalise(stemmed, &mut key);
            pieces.push((from, from + stemmed.len(), key.clone()));
        }
    }
    pieces
        .windows(parts.len().max(1))
        .find(|w| w.iter().zip(&parts).all(|(piece, part)| piece.2 == *part))
        .map(|w| w[0].0..w[w.len() - 1].1)
}

fn is_stop_word(key: &str) -> bool {
    STOP_WORDS.split(' ').any(|w| w == key)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Whether the text between two words keeps them in one run of capitalised words: spaces only
/// (a comma, a full stop or a line break ends a name).
fn is_joining_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.bytes().all(|b| b == b' ')
}

/// Whether the text between two words ends a sentence: a full stop, question or exclamation
/// mark, an ellipsis, or a blank line (a new paragraph, heading or list item).
fn ends_sentence(gap: &str) -> bool {
    // Bytes, not substring searches: this runs between every two words.
    let bytes = gap.as_bytes();
    bytes.iter().any(|b| matches!(b, b'.' | b'!' | b'?'))
        || bytes.windows(2).any(|pair| pair == b"\n\n")
        || !gap.is_ascii() && gap.contains('\u{2026}')
}

/// The word without a possessive or contraction: `Tommy's` → `Tommy`, `they've` → `they`,
/// `didn't` → `did`; `O'Brien` stays whole.
fn stem(word: &str) -> &str {
    let last = if word.is_ascii() {
        word.bytes().rposition(|b| b == b'\'')
    } else {
        word.rfind(is_apostrophe)
    };
    let Some(at) = last else {
        return word;
    };
    let suffix = word[at..].trim_start_matches(is_apostrophe);
    let before = &word[..at];
    if ["s", "m", "d", "ll", "ve", "re"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s))
    {
        before
    } else if suffix.eq_ignore_ascii_case("t") && before.ends_with(['n', 'N']) {
        &before[..before.len() - 1]
    } else {
        word
    }
}

/// The key a word is compared by: lower case, with the typographic apostrophe made plain.
fn normalise(word: &str, key: &mut String) {
    key.clear();
    if word.is_ascii() {
        // Most words: copied and lowered in one step each.
        key.push_str(word);
        key.make_ascii_lowercase();
        return;
    }
    for c in crate::case::fold(word).chars() {
        key.push(if c == '\u{2019}' { '\'' } else { c });
    }
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::review::Rating;
    use proptest::prelude::*;

    /// A review with a rating and a verdict, so that only leaks are found; `sections` are
    /// (heading, body, spoiler).
    fn review(sections: &[(&str, &str, bool)]) -> Review {
        let mut review = Review::new_book("2026-11-25");
        review.metadata.title = "Never Let Me Go".into();
        review.metadata.author = "Kazuo Ishiguro".into();
        review.rating = Rating::parse("3.5");
        review.sections = sections
            .iter()
            .zip(1..)
            .map(|(&(heading, body, spoiler), id)| Section {
                id,
                heading: heading.into(),
                body: body.into(),
                spoiler,
            })
            .collect();
        review.sections.push(Section {
            id: 99,
            heading: "Verdict".into(),
            body: "Good.".into(),
            spoiler: false,
        });
        review
    }

    /// The leaks of a review as (word, places).
    fn leaked(review: &Review) -> Vec<(String, Vec<Place>)> {
        check(review)
            .into_iter()
            .filter_map(|f| match f {
                Finding::Leak { word, places, .. } => Some((word, places)),
                _ => None,
            })
            .collect()
    }

    const SPOILER: &str = "In the end Tommy dies at Hailsham.";

    #[test]
    fn an_ignored_word_is_not_reported_whatever_its_case() {
        let mut r = review(&[
            ("Synopsis", SPOILER, true),
            ("Liked", "Tommy's letters.", false),
        ]);
        assert!(check(&r)
            .iter()
            .any(|f| matches!(f, Finding::Leak { word, .. } if word == "Tommy")));
        r.metadata.leaks_ignored.push("tommy".into());
        assert!(!check(&r)
            .iter()
            .any(|f| matches!(f, Finding::Leak { word, .. } if word == "Tommy")));
    }

    #[test]
    fn published_details_count_and_template_headings_do_not() {
        let mut review = Review::new_book("2026-11-25");
        review.rating = crate::review::Rating::parse("4");
        review.sections[0].spoiler = true;
        review.sections[0].body = "In the end Lambert dies, and the gameplay loop changes.".into();
        review.sections[3].body = "Worth it.".into();
        review.metadata.custom.push(crate::review::CustomField {
            label: "Content warnings".into(),
            value: "death of Lambert".into(),
        });
        let words: Vec<(String, Vec<Place>)> = check(&review)
            .into_iter()
            .filter_map(|f| match f {
                Finding::Leak { word, places, .. } => Some((word, places)),
                _ => None,
            })
            .collect();
        assert_eq!(words, [("Lambert".to_string(), vec![Place::Details])]);
        // In a video game review "gameplay" is a heading's word, not a leak.
        review.metadata.template = crate::review::Template::Game;
        review.sections[1].heading = "Gameplay and story".into();
        review.sections[1].body = "The gameplay is fine.".into();
        assert!(check(&review).iter().all(
            |f| !matches!(f, Finding::Leak { word, .. } if word.eq_ignore_ascii_case("gameplay"))
        ));
    }

    #[test]
    fn a_name_leaks_into_the_title_a_heading_a_tag_and_another_section() {
        let mut r = review(&[
            ("Synopsis", SPOILER, true),
            ("Hailsham and me", "I liked how Tommy grew.", false),
        ]);
        r.post_title = "Tommy, a review".into();
        r.metadata.tags = "clones, Tommy".into();
        let tommy = vec![
            Place::PostTitle,
            Place::SectionBody { section_id: 2 },
            Place::Tags,
        ];
        let hailsham = vec![Place::SectionHeading { section_id: 2 }];
        assert_eq!(
            leaked(&r),
            [("Tommy".into(), tommy), ("Hailsham".into(), hailsham)]
        );
        let message = check(&r)[0].message(&r);
        assert_eq!(
            message,
            "\u{201c}Tommy\u{201d} appears in a spoiler and also in the post title, in \u{201c}Hailsham and me\u{201d} and in the tags."
        );
    }

    #[test]
    fn genre_and_categories_are_outside() {
        let mut r = review(&[("Synopsis", "It is set in Hailsham.", true)]);
        r.metadata.genre = "Hailsham fiction".into();
        r.metadata.categories = "hailsham".into();
        assert_eq!(
            leaked(&r),
            [("Hailsham".into(), vec![Place::Genre, Place::Categories])]
        );
    }

    #[test]
    fn a_spoiler_sections_own_heading_is_outside() {
        let r = review(&[("What happens to Tommy", SPOILER, true)]);
        assert_eq!(
            leaked(&r),
            [(
                "Tommy".into(),
                vec![Place::SectionHeading { section_id: 1 }]
            )]
        );
        assert_eq!(
            check(&r)[0].message(&r),
            "\u{201c}Tommy\u{201d} appears in a spoiler and also in the heading \u{201c}What happens to Tommy\u{201d} (shown on the closed spoiler)."
        );
    }

    #[test]
    fn inline_spoilers_leak_into_their_own_sections_text() {
        let r = review(&[(
            "Story",
            "We meet Ruth early. Later ||Ruth betrays everyone||, sadly.",
            false,
        )]);
        assert_eq!(
            leaked(&r),
            [("Ruth".into(), vec![Place::SectionBody { section_id: 1 }])]
        );
        // Words only inside the spoiler, or only outside, are fine.
        let r = review(&[("Story", "We meet Ruth. ||Tommy dies||.", false)]);
        assert!(leaked(&r).is_empty());
    }

    #[test]
    fn possessives_and_contractions_match_their_word() {
        let r = review(&[
            ("Synopsis", "She visits Tommy\u{2019}s grave.", true),
            ("Thoughts", "I loved Tommy's anger. Ruth'd agree.", false),
        ]);
        assert_eq!(
            leaked(&r),
            [("Tommy".into(), vec![Place::SectionBody { section_id: 2 }])]
        );
        // A possessive just outside an inline spoiler is not half a word.
        let r = review(&[("Story", "We meet Ruth. It is ||Tommy||'s fate.", false)]);
        assert!(leaked(&r).is_empty());
    }

    #[test]
    fn hyphenated_words_match_their_parts() {
        let r = review(&[
            ("Synopsis", "The Hailsham-educated clones donate.", true),
            ("Thoughts", "I pictured Hailsham.", false),
        ]);
        assert_eq!(leaked(&r)[0].0, "Hailsham");
    }

    #[test]
    fn the_books_title_and_author_are_not_leaks() {
        let r = review(&[
            (
                "Synopsis",
                "As Ishiguro writes in Never Let Me Go, the clones let go.",
                true,
            ),
            (
                "Thoughts",
                "Kazuo Ishiguro\u{2019}s Never Let Me Go.",
                false,
            ),
        ]);
        assert!(leaked(&r).is_empty(), "{:?}", leaked(&r));
    }

    #[test]
    fn common_and_sentence_initial_words_are_not_leaks() {
        let r = review(&[
            (
                "Synopsis",
                "Then they go. Miss Lucy says The Truth. Clones die.",
                true,
            ),
            (
                "Thoughts",
                "The truth is, they go. I miss it. Clones are sad.",
                false,
            ),
        ]);
        // "The", "Then", "Miss" are stop words even when capitalised mid-sentence; "Clones"
        // only ever opens a sentence, so nothing says it is a name. "Truth" is capitalised
        // mid-sentence, but "truth" is also written in lower case: an ordinary word.
        assert!(leaked(&r).is_empty());
    }

    #[test]
    fn rare_words_are_long_and_few() {
        let spoiler = "Their organs go to donation centres.";
        let r = review(&[
            ("Synopsis", spoiler, true),
            ("Thoughts", "Organ donation is the theme.", false),
        ]);
        assert_eq!(leaked(&r)[0].0, "donation");
        // Used four times in all, it is the writer's vocabulary, not a plot detail.
        let r = review(&[
            ("Synopsis", spoiler, true),
            ("Thoughts", "Donation, donation, donation.", false),
        ]);
        assert!(leaked(&r).is_empty());
        // Seven letters is too short to be rare; numbers are never rare words.
        let r = review(&[
            ("Synopsis", "They donate in 20052005.", true),
            ("Thoughts", "They donate; 20052005.", false),
        ]);
        assert!(leaked(&r).is_empty());
    }

    #[test]
    fn a_name_is_capitalised_mid_sentence_somewhere() {
        // "Keffers" opens both sentences it is in: nothing says it is a name, and it is short.
        let r = review(&[
            ("Synopsis", "Keffers watches them.", true),
            ("Thoughts", "Keffers is dull.", false),
        ]);
        assert!(leaked(&r).is_empty());
        // Once capitalised mid-sentence anywhere, it is a name everywhere (a lower-case tag
        // too).
        let mut r = review(&[
            ("Synopsis", "Keffers watches them.", true),
            ("Thoughts", "Old. I liked Keffers.", false),
        ]);
        r.metadata.tags = "keffers".into();
        assert_eq!(
            leaked(&r),
            [(
                "Keffers".to_string(),
                vec![Place::SectionBody { section_id: 2 }, Place::Tags]
            )]
        );
        // Written in lower case in a body, it is an ordinary word, not a name.
        r.sections[1].body = "Old keffers. I liked Keffers.".into();
        assert!(leaked(&r).is_empty());
    }

    #[test]
    fn go_to_finds_the_word_as_the_check_reads_it() {
        let text = "I loved the gobrin ICE's weather, and Tommy-like Tommy's letters.";
        let at = find_word(text, "Gobrin Ice").unwrap();
        assert_eq!(&text[at], "gobrin ICE");
        let at = find_word(text, "Tommy").unwrap();
        assert_eq!(&text[at.clone()], "Tommy");
        assert_eq!(at.start, text.find("Tommy-like").unwrap());
        assert_eq!(find_word(text, "ice"), text.find("ICE").map(|i| i..i + 3));
        assert_eq!(find_word(text, "Lucy"), None);
        assert_eq!(find_word("Ruth's", "Ruth"), Some(0..4));
        assert_eq!(find_word("x\u{2010}Ruth", "Ruth"), Some(4..8));
        assert_eq!(find_word("Hänsel’s", "Hänsel"), Some(0.."Hänsel".len()));
    }

    #[test]
    fn a_run_of_capitalised_words_is_one_name() {
        // "Gobrin Ice" is one name: "ice" alone, elsewhere, is never reported.
        let r = review(&[
            ("Synopsis", "At last the Gobrin Ice cracks.", true),
            (
                "Thoughts",
                "The ice imagery is heavy. Cold, like Ice should be.",
                false,
            ),
        ]);
        assert!(leaked(&r).is_empty(), "{:?}", leaked(&r));
        // The whole name outside a spoiler is reported, once, as written in the spoiler.
        let mut r = review(&[
            ("Synopsis", "At last the Gobrin Ice cracks.", true),
            ("Thoughts", "I loved Gobrin Ice's weather.", false),
        ]);
        r.metadata.tags = "winter, Gobrin Ice".into();
        assert_eq!(
            leaked(&r),
            [(
                "Gobrin Ice".to_string(),
                vec![Place::SectionBody { section_id: 2 }, Place::Tags]
            )]
        );
        // A comma or a line break ends a name; "Miss" never starts one.
        let r = review(&[
            ("Synopsis", "We meet Miss Lucy, Ruth and Tommy.", true),
            ("Thoughts", "I liked Lucy best.", false),
        ]);
        assert_eq!(leaked(&r)[0].0, "Lucy");
    }

    #[test]
    fn leaks_come_in_spoiler_order_and_long_place_lists_are_summed_up() {
        let sections: Vec<(String, String, bool)> = (0..8)
            .map(|i| (format!("Part {i}"), "Then Ruth left.".to_string(), false))
            .collect();
        let mut all: Vec<(&str, &str, bool)> = vec![("Synopsis", "Meet Tommy and Ruth.", true)];
        all.extend(
            sections
                .iter()
                .map(|(h, b, s)| (h.as_str(), b.as_str(), *s)),
        );
        all.push(("More", "and Tommy.", false));
        let r = review(&all);
        let found = check(&r);
        let words: Vec<String> = leaked(&r).into_iter().map(|(w, _)| w).collect();
        assert_eq!(words, ["Tommy", "Ruth"]);
        assert!(
            found[1].message(&r).ends_with(
                "in \u{201c}Part 3\u{201d}, in \u{201c}Part 4\u{201d} and in 3 other places."
            ),
            "{}",
            found[1].message(&r)
        );
    }

    #[test]
    fn missing_rating_and_verdict() {
        let mut r = Review::new_book("2026-11-25");
        // Untouched: nothing to check yet, whatever the template.
        assert!(check(&r).is_empty());
        r.metadata.template = crate::review::Template::Film;
        r.metadata.reviewer = "Ann".into();
        assert!(check(&r).is_empty());
        r.metadata.title = "Gilead".into();
        // Started: the default "Final verdict" section, still empty.
        assert_eq!(
            check(&r),
            [Finding::EmptyVerdict { section_id: 4 }, Finding::NoRating]
        );
        assert_eq!(
            check(&r)[0].message(&r),
            "The verdict section \u{201c}Final verdict\u{201d} is empty: write what you thought overall."
        );
        r.sections[3].body = "**  **".into();
        assert_eq!(check(&r)[0], Finding::EmptyVerdict { section_id: 4 });
        r.sections[3].body = "Read it.".into();
        r.rating = Rating::parse("4");
        assert!(check(&r).is_empty());
        r.sections[3].heading = "The bottom line".into();
        assert!(check(&r).is_empty());
        r.sections[3].heading = "In CONCLUSION".into();
        assert!(check(&r).is_empty());
        r.sections.remove(3);
        assert_eq!(check(&r), [Finding::NoVerdict]);
        assert!(check(&r)[0].message(&r).contains("no verdict"));
        // One empty verdict section and one with words: the verdict is there.
        r.sections.push(Section::new(7, "Verdict"));
        r.sections.push(Section {
            body: "Yes.".into(),
            ..Section::new(8, "Conclusion")
        });
        assert!(check(&r).is_empty());
    }

    #[test]
    fn places_describe_themselves_and_link_to_sections() {
        let r = review(&[("", "x", false)]);
        let body = Place::SectionBody { section_id: 1 };
        assert_eq!(body.describe(&r), "\u{201c}Untitled section 1\u{201d}");
        assert_eq!(body.section_id(), Some(1));
        assert_eq!(Place::Tags.section_id(), None);
        assert!(Place::SectionHeading { section_id: 42 }
            .describe(&r)
            .contains("removed"));
    }

    #[test]
    fn a_long_body_is_scanned_in_slices_within_its_words() {
        // More words than one slice asks about, with a leak on each side of every cut.
        let mut body = String::from("||Hailsham|| ");
        for i in 0..3 * WORDS_PER_QUESTION {
            body.push_str(if i % 7 == 0 {
                "Hailsham-educated Ruth. "
            } else {
                "word "
            });
        }
        let r = review(&[
            ("Synopsis", "Tommy and ||Ruth|| meet.", false),
            ("Notes", &body, false),
        ]);
        let mut run = CheckRun::new(r.clone());
        let mut slices = 0;
        let findings = loop {
            if let Some(findings) = run.step(&mut || false) {
                break findings;
            }
            slices += 1;
        };
        // Fields, two sections, the body's words in three slices, the footer.
        assert!(slices >= 5, "{slices}");
        assert_eq!(findings, check(&r));
        assert!(findings
            .iter()
            .any(|f| matches!(f, Finding::Leak { word, .. } if word == "Hailsham")));
    }

    #[test]
    fn stop_words_stay_small() {
        assert!(STOP_WORDS.len() < 400, "{}", STOP_WORDS.len());
        assert!(STOP_WORDS
            .split(' ')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())));
    }

    fn text() -> impl Strategy<Value = String> {
        "[A-Za-zİé'’\\- .!?|*_`#>\\n\\\\\\[\\]()0-9😀]{0,60}"
    }

    fn any_review(bars: bool) -> impl Strategy<Value = Review> {
        let section = (text(), text(), any::<bool>());
        (
            text(),
            text(),
            text(),
            proptest::collection::vec(section, 0..6),
            proptest::option::of(1u8..=10),
        )
            .prop_map(move |(title, post_title, tags, sections, rating)| {
                let clean = |s: String| if bars { s } else { s.replace('|', "") };
                let mut review = Review::new_book("2026-11-25");
                review.metadata.title = title;
                review.metadata.tags = clean(tags.clone());
                review.metadata.genre = clean(tags);
                review.post_title = clean(post_title);
                review.rating = rating.and_then(Rating::from_halves);
                review.sections = sections
                    .into_iter()
                    .zip(1..)
                    .map(|((heading, body, spoiler), id)| Section {
                        id,
                        heading: clean(heading),
                        body: clean(body),
                        spoiler: spoiler && bars,
                    })
                    .collect();
                review
            })
    }

    proptest! {
        #[test]
        fn never_panics_and_every_leak_is_outside_somewhere(review in any_review(true)) {
            for finding in check(&review) {
                prop_assert!(!finding.message(&review).is_empty());
                if let Finding::Leak { word, places, .. } = finding {
                    prop_assert!(!word.is_empty());
                    prop_assert!(!places.is_empty());
                    let unique: FxHashSet<Place> = places.iter().copied().collect();
                    prop_assert_eq!(unique.len(), places.len());
                }
            }
        }

        #[test]
        fn the_shortcut_for_whole_words_changes_nothing(review in any_review(true)) {
            let quick = check(&review);
            CUT_EVERY_WORD.with(|c| c.set(true));
            let cut = check(&review);
            CUT_EVERY_WORD.with(|c| c.set(false));
            prop_assert_eq!(quick, cut);
        }

        /// Stopped anywhere and resumed, a run finds exactly what one uninterrupted check finds.
        #[test]
        fn a_run_in_slices_finds_the_same(review in any_review(true), every in 1u32..5) {
            let mut run = CheckRun::new(review.clone());
            let mut asked = 0u32;
            let mut slices = 0;
            let findings = loop {
                let mut more = || {
                    asked += 1;
                    !asked.is_multiple_of(every)
                };
                if let Some(findings) = run.step(&mut more) {
                    break findings;
                }
                slices += 1;
                prop_assert!(slices < 10_000);
            };
            prop_assert_eq!(findings, check(&review));
        }

        #[test]
        fn no_spoilers_no_leaks(review in any_review(false)) {
            let leaks = check(&review).into_iter().filter(|f| matches!(f, Finding::Leak { .. })).count();
            prop_assert_eq!(leaks, 0);
        }
    }
}
