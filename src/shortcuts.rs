//! The keyboard shortcuts: which key press does what, and the list the `Keyboard shortcuts`
//! dialog shows. Plain data and one pure function, so that the rule "every shortcut needs a
//! modifier, none fires while typing" is tested natively.

/// Something a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Wrap the selection of a section's text in `**bold**`.
    Bold,
    /// Wrap the selection in `*italic*`.
    Italic,
    /// Turn the selection into a `[link](https://)`.
    Link,
    /// Wrap the selection in `||spoiler||` markers.
    Spoiler,
    /// Make the line a heading, or a heading a plain line.
    Heading,
    /// Quote the selected lines, or unquote them.
    Quote,
    /// Make the selected lines a list, or plain lines again.
    List,
    /// Add a section at the end and focus its heading.
    AddSection,
    /// Flip the preview's `Show spoilers` switch.
    ToggleSpoilers,
    /// Open the `Export` dialog.
    Export,
    /// Undo the last change to the review's structure or fields.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Open the `Keyboard shortcuts` dialog.
    Help,
}

/// A key press, as the browser reports it: `key` is `KeyboardEvent.key`; `primary` is Ctrl (or
/// ⌘ on a Mac).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`, e.g. `b`, `B`, `/`.
    pub key: &'a str,
    /// Ctrl, or ⌘ (Meta) on a Mac.
    pub primary: bool,
    /// Alt (Option). AltGr presses must not reach [`action_for`]: they type characters.
    pub alt: bool,
    /// Shift.
    pub shift: bool,
    /// Whether focus is in a text field whose own undo takes Ctrl+Z (see
    /// [`crate::review::edits::browser_undoes`]): then undo and redo are left to the browser.
    pub in_text_field: bool,
    /// Whether focus is in a section's text, where the formatting shortcuts apply.
    pub in_section_text: bool,
}

/// One line of the help dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// What it does.
    pub action: Action,
    /// The keys, as shown: `Ctrl+B`.
    pub keys: &'static str,
    /// What it does, in words.
    pub description: &'static str,
}

/// Every shortcut, in the order the help dialog lists them.
pub const SHORTCUTS: [Shortcut; 13] = [
    Shortcut {
        action: Action::Bold,
        keys: "Ctrl+B",
        description: "Bold (in a section's text)",
    },
    Shortcut {
        action: Action::Italic,
        keys: "Ctrl+I",
        description: "Italic (in a section's text)",
    },
    Shortcut {
        action: Action::Link,
        keys: "Ctrl+K",
        description: "Link (in a section's text)",
    },
    Shortcut {
        action: Action::Spoiler,
        keys: "Ctrl+Alt+S",
        description: "Mark the selected text as a spoiler",
    },
    Shortcut {
        action: Action::Heading,
        keys: "Ctrl+Alt+1",
        description: "Heading: make the line a heading, or a plain line again",
    },
    Shortcut {
        action: Action::Quote,
        keys: "Ctrl+Alt+Q",
        description: "Quote the selected lines, or unquote them",
    },
    Shortcut {
        action: Action::List,
        keys: "Ctrl+Alt+8",
        description: "List: make the selected lines a list, or plain lines again",
    },
    Shortcut {
        action: Action::AddSection,
        keys: "Ctrl+Alt+N",
        description: "Add a section",
    },
    Shortcut {
        action: Action::ToggleSpoilers,
        keys: "Ctrl+Alt+P",
        description: "Show or hide spoilers in the preview",
    },
    Shortcut {
        action: Action::Export,
        keys: "Ctrl+Alt+E",
        description: "Export",
    },
    Shortcut {
        action: Action::Undo,
        keys: "Ctrl+Z",
        description:
            "Undo (in a section's text, or a field you are typing in, the text's own undo)",
    },
    Shortcut {
        action: Action::Redo,
        keys: "Ctrl+Shift+Z or Ctrl+Y",
        description: "Redo (also Ctrl+Y)",
    },
    Shortcut {
        action: Action::Help,
        keys: "Ctrl+/",
        description: "This list of shortcuts",
    },
];

/// The keys that move a section, shown in the help dialog after [`SHORTCUTS`]: they are handled
/// by the section itself (they need no Ctrl, and only mean something inside a section).
pub const MOVE_SECTION_KEYS: (&str, &str) = (
    "Alt+↑ / Alt+↓",
    "Move the section you are in up or down (focus stays where it was)",
);

/// What `press` does, if anything. Every shortcut needs Ctrl (or ⌘), so plain typing never
/// triggers one; the app-wide ones also need Alt, because Ctrl+letter alone belongs to the
/// browser (new window, find…) outside a text field.
pub fn action_for(press: Press<'_>) -> Option<Action> {
    if !press.primary {
        return None;
    }
    let key = press.key.to_ascii_lowercase();
    match (key.as_str(), press.alt, press.shift) {
        ("b", false, false) if press.in_section_text => Some(Action::Bold),
        ("i", false, false) if press.in_section_text => Some(Action::Italic),
        ("k", false, false) if press.in_section_text => Some(Action::Link),
        ("s", true, false) => Some(Action::Spoiler),
        ("1", true, false) => Some(Action::Heading),
        ("q", true, false) => Some(Action::Quote),
        ("8", true, false) => Some(Action::List),
        ("n", true, false) => Some(Action::AddSection),
        ("p", true, false) => Some(Action::ToggleSpoilers),
        ("e", true, false) => Some(Action::Export),
        ("z", false, false) if !press.in_text_field => Some(Action::Undo),
        ("z", false, true) | ("y", false, false) if !press.in_text_field => Some(Action::Redo),
        ("/", false, _) => Some(Action::Help),
        _ => None,
    }
}

/// Whether a press types a character rather than asking for a shortcut: AltGr (which Windows
/// also reports for Ctrl+Alt) making a character of its own, such as `ś` on a Polish keyboard or
/// `€`. Ctrl+Alt+S on a layout where it makes nothing reports plain `s` (`key`) for the physical
/// `KeyS` (`code`), and is a shortcut. On a Mac (`mac`), where some browsers report Option as
/// AltGraph, Option never types while Ctrl or ⌘ is held.
pub fn types_character(key: &str, code: &str, alt_graph: bool, mac: bool) -> bool {
    if !alt_graph || mac {
        return false;
    }
    let letter = code
        .strip_prefix("Key")
        .or_else(|| code.strip_prefix("Digit"))
        .map(str::to_ascii_lowercase);
    key.chars().count() == 1 && Some(crate::case::fold(key)) != letter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> Press<'_> {
        Press {
            key,
            ..Press::default()
        }
    }

    #[test]
    fn nothing_fires_without_ctrl() {
        for key in ["b", "i", "k", "s", "n", "p", "e", "z", "y", "/", "B", "?"] {
            for alt in [false, true] {
                for shift in [false, true] {
                    for in_text in [false, true] {
                        let p = Press {
                            alt,
                            shift,
                            in_text_field: in_text,
                            in_section_text: in_text,
                            ..press(key)
                        };
                        assert_eq!(action_for(p), None, "{p:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn formatting_only_in_a_section_text() {
        let ctrl_b = Press {
            primary: true,
            ..press("b")
        };
        assert_eq!(action_for(ctrl_b), None);
        assert_eq!(
            action_for(Press {
                in_section_text: true,
                in_text_field: true,
                ..ctrl_b
            }),
            Some(Action::Bold)
        );
    }

    #[test]
    fn undo_belongs_to_the_text_field_inside_one() {
        let ctrl_z = Press {
            primary: true,
            ..press("z")
        };
        assert_eq!(action_for(ctrl_z), Some(Action::Undo));
        assert_eq!(
            action_for(Press {
                shift: true,
                ..ctrl_z
            }),
            Some(Action::Redo)
        );
        // Shift makes the key an upper-case Z.
        assert_eq!(
            action_for(Press {
                shift: true,
                key: "Z",
                ..ctrl_z
            }),
            Some(Action::Redo)
        );
        assert_eq!(
            action_for(Press {
                in_text_field: true,
                ..ctrl_z
            }),
            None
        );
    }

    #[test]
    fn app_shortcuts_work_everywhere() {
        for (key, action) in [
            ("s", Action::Spoiler),
            ("1", Action::Heading),
            ("q", Action::Quote),
            ("8", Action::List),
            ("n", Action::AddSection),
            ("p", Action::ToggleSpoilers),
            ("e", Action::Export),
        ] {
            for in_text in [false, true] {
                let p = Press {
                    primary: true,
                    alt: true,
                    in_text_field: in_text,
                    in_section_text: in_text,
                    ..press(key)
                };
                assert_eq!(action_for(p), Some(action));
            }
        }
        let help = Press {
            primary: true,
            in_text_field: true,
            ..press("/")
        };
        assert_eq!(action_for(help), Some(Action::Help));
    }

    #[test]
    fn altgr_typing_a_character_is_no_shortcut() {
        // Polish: AltGr+S types ś; Windows reports Ctrl+Alt as AltGraph.
        assert!(types_character("ś", "KeyS", true, false));
        assert!(types_character("€", "KeyE", true, false));
        // Ctrl+Alt+8 on a layout where AltGr+8 makes nothing is the List shortcut; on a German
        // one, where it types `[`, it is typing.
        assert!(!types_character("8", "Digit8", true, false));
        assert!(types_character("[", "Digit8", true, false));
        // US layout on Windows: Ctrl+Alt+S makes no character, so it is the shortcut.
        assert!(!types_character("s", "KeyS", true, false));
        assert!(!types_character("S", "KeyS", true, false));
        // A Mac: Option with Ctrl or ⌘ is the shortcut whatever character it would make.
        assert!(!types_character("ß", "KeyS", true, true));
        // No AltGraph at all.
        assert!(!types_character("ś", "KeyS", false, false));
    }

    #[test]
    fn every_action_is_listed_once() {
        for shortcut in SHORTCUTS {
            assert_eq!(
                SHORTCUTS
                    .iter()
                    .filter(|s| s.action == shortcut.action)
                    .count(),
                1
            );
            assert!(shortcut.keys.starts_with("Ctrl+"), "{}", shortcut.keys);
        }
    }
}
