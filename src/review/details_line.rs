//! The one-line summary the folded book-details card shows ("The Left Hand of Darkness · Ursula
//! K. Le Guin · Paperback, 304 pages"), so the writer can check the facts without unfolding them.

use super::template::Optional;
use super::{Format, Metadata};

/// What joins the line's parts.
const SEPARATOR: &str = " \u{b7} ";

/// Whether the work's details are filled enough to be folded away: a new or empty review has
/// no title yet, and shows the form open.
pub fn is_filled(m: &Metadata) -> bool {
    !m.title.trim().is_empty()
}

/// The title, the creator and the edition (format and pages for a book; platform, running time
/// or tracks for other works), each left out when empty. An empty review gives an empty line.
pub fn details_line(m: &Metadata) -> String {
    let t = m.template;
    let uses = |field| t.uses(field);
    let mut edition: Vec<String> = Vec::new();
    if uses(Optional::Format) && m.format != Format::Unset {
        edition.push(m.format.label().to_string());
    }
    if uses(Optional::Pages) {
        let pages = m.pages.trim();
        match pages.parse::<u64>() {
            Ok(1) => edition.push("1 page".to_string()),
            Ok(n) => edition.push(format!("{n} pages")),
            Err(_) if !pages.is_empty() => edition.push(format!("{pages} pages")),
            Err(_) => {}
        }
    }
    for (field, text) in [
        (Optional::Platform, &m.platform),
        (Optional::Runtime, &m.runtime),
        (Optional::Tracks, &m.tracks),
    ] {
        if uses(field) && !text.trim().is_empty() {
            let text = text.trim();
            edition.push(
                if field == Optional::Tracks && text.parse::<u64>().is_ok() {
                    format!("{text} tracks")
                } else {
                    text.to_string()
                },
            );
        }
    }
    [m.title.trim(), m.author.trim(), &edition.join(", ")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(shortened)
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// How many characters of each part the line shows: a summary to check at a glance, never the
/// whole of a pasted page (which the browser would lay out and paint on every keystroke).
const PART_LIMIT: usize = 120;

/// `part`, cut to [`PART_LIMIT`] characters (an ellipsis the last) when longer.
fn shortened(part: &str) -> String {
    if part.char_indices().nth(PART_LIMIT).is_none() {
        return part.to_string();
    }
    let cut = part
        .char_indices()
        .nth(PART_LIMIT - 1)
        .map_or(part.len(), |(at, _)| at);
    format!("{}\u{2026}", &part[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Template;

    fn book(title: &str, author: &str, format: Format, pages: &str) -> Metadata {
        Metadata {
            title: title.into(),
            author: author.into(),
            format,
            pages: pages.into(),
            ..Metadata::default()
        }
    }

    #[test]
    fn a_long_part_is_cut_short_with_an_ellipsis() {
        let exact = "é".repeat(PART_LIMIT);
        assert_eq!(details_line(&book(&exact, "", Format::Unset, "")), exact);
        let long = format!("{exact}more");
        let line = details_line(&book(&long, "Ann Leckie", Format::Unset, ""));
        assert_eq!(
            line,
            format!("{}\u{2026} \u{b7} Ann Leckie", "é".repeat(PART_LIMIT - 1))
        );
        assert_eq!(
            line.split(SEPARATOR).next().unwrap().chars().count(),
            PART_LIMIT
        );
    }

    #[test]
    fn a_filled_book_reads_as_the_issue_shows() {
        let m = book(
            "The Left Hand of Darkness",
            "Ursula K. Le Guin",
            Format::Paperback,
            "304",
        );
        assert_eq!(
            details_line(&m),
            "The Left Hand of Darkness \u{b7} Ursula K. Le Guin \u{b7} Paperback, 304 pages"
        );
        assert!(is_filled(&m));
    }

    #[test]
    fn empty_parts_are_left_out() {
        assert_eq!(details_line(&Metadata::default()), "");
        assert!(!is_filled(&Metadata::default()));
        assert_eq!(
            details_line(&book("Gilead", "", Format::Unset, "")),
            "Gilead"
        );
        assert_eq!(
            details_line(&book("Gilead", "  ", Format::Unset, " 1 ")),
            "Gilead \u{b7} 1 page"
        );
        assert_eq!(
            details_line(&book("", "Marilynne Robinson", Format::Ebook, "")),
            "Marilynne Robinson \u{b7} E-book"
        );
        assert!(!is_filled(&book(" ", "Someone", Format::Unset, "")));
    }

    #[test]
    fn pages_that_are_not_a_number_are_shown_as_typed() {
        assert_eq!(
            details_line(&book("Gilead", "", Format::Unset, "about 250")),
            "Gilead \u{b7} about 250 pages"
        );
    }

    #[test]
    fn other_templates_show_their_own_edition_facts() {
        let film = Metadata {
            template: Template::Film,
            title: "Arrival".into(),
            author: "Denis Villeneuve".into(),
            runtime: "116 min".into(),
            // A book's fields kept from before the switch are not shown.
            format: Format::Hardcover,
            pages: "300".into(),
            ..Metadata::default()
        };
        assert_eq!(
            details_line(&film),
            "Arrival \u{b7} Denis Villeneuve \u{b7} 116 min"
        );
        let album = Metadata {
            template: Template::Album,
            title: "Blue".into(),
            runtime: "36:15".into(),
            tracks: "10".into(),
            ..Metadata::default()
        };
        assert_eq!(details_line(&album), "Blue \u{b7} 36:15, 10 tracks");
        let game = Metadata {
            template: Template::Game,
            title: "Outer Wilds".into(),
            platform: "PC, Switch".into(),
            ..Metadata::default()
        };
        assert_eq!(details_line(&game), "Outer Wilds \u{b7} PC, Switch");
    }
}
