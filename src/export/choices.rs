//! The Export dialog's choices, remembered app-wide (not per review): the last target used and,
//! for each target the writer changed, what its body holds and whether it is spoiler-free.
//! Stored as a small JSON record; anything unreadable falls back to the defaults.

use serde::{Deserialize, Serialize};

use super::targets::Target;
use super::Include;

/// The localStorage key of the record.
pub const CHOICES_KEY: &str = "verdict:export-choices";

/// One target's choices, as the writer left them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Chosen {
    title: bool,
    details: bool,
    footer: bool,
    spoiler_free: bool,
}

/// The remembered choices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoices {
    /// The key of the last target used.
    last: String,
    /// Targets the writer changed a choice for, by key.
    targets: Vec<(String, Chosen)>,
}

impl ExportChoices {
    /// The choices in a stored record; the defaults if it is missing or unreadable.
    pub fn read(record: Option<&str>) -> ExportChoices {
        record
            .and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    /// The record to store.
    pub fn record(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The target the dialog opens on: the last one used, else GitHub Markdown.
    pub fn last_target(&self) -> Target {
        Target::from_key(&self.last).unwrap_or(Target::GitHub)
    }

    /// Remembers `target` as the last one used.
    pub fn set_last_target(&mut self, target: Target) {
        self.last = target.key().to_string();
    }

    fn chosen(&self, target: Target) -> Option<Chosen> {
        self.targets
            .iter()
            .find(|(key, _)| key == target.key())
            .map(|(_, c)| *c)
    }

    /// What `target`'s body holds: as the writer left it, else the target's default.
    pub fn include(&self, target: Target) -> Include {
        match self.chosen(target) {
            Some(c) => Include {
                title: c.title,
                details: c.details,
                footer: c.footer,
            },
            None => target.default_include(),
        }
    }

    /// Whether `target` is exported spoiler-free: as the writer left it, else its default.
    pub fn spoiler_free(&self, target: Target) -> bool {
        match self.chosen(target) {
            Some(c) => c.spoiler_free,
            None => target.spoiler_free_by_default(),
        }
    }

    /// Remembers the writer's choices for `target`.
    pub fn set(&mut self, target: Target, include: Include, spoiler_free: bool) {
        let chosen = Chosen {
            title: include.title,
            details: include.details,
            footer: include.footer,
            spoiler_free,
        };
        self.targets.retain(|(key, _)| key != target.key());
        self.targets.push((target.key().to_string(), chosen));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_until_changed_then_remembered_through_a_record() {
        let mut choices = ExportChoices::read(None);
        assert_eq!(choices.last_target(), Target::GitHub);
        assert_eq!(
            choices.include(Target::HugoYaml),
            Target::HugoYaml.default_include()
        );
        assert!(choices.spoiler_free(Target::CommonMark));
        assert!(!choices.spoiler_free(Target::Reddit));
        choices.set_last_target(Target::Jekyll);
        choices.set(Target::Jekyll, Include::ALL, true);
        choices.set(Target::CommonMark, Include::ALL, false);
        let back = ExportChoices::read(Some(&choices.record()));
        assert_eq!(back, choices);
        assert_eq!(back.last_target(), Target::Jekyll);
        assert_eq!(back.include(Target::Jekyll), Include::ALL);
        assert!(back.spoiler_free(Target::Jekyll));
        assert!(!back.spoiler_free(Target::CommonMark));
    }

    #[test]
    fn an_unreadable_record_means_the_defaults() {
        for record in ["", "{", "null", "{\"last\":\"nowhere\"}", "[1,2]"] {
            let choices = ExportChoices::read(Some(record));
            assert_eq!(choices.last_target(), Target::GitHub, "{record}");
        }
    }
}
