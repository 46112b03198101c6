//! The optional star rating: 0.5 to 5 in half steps.

use serde::{Deserialize, Serialize};

/// A rating in half steps, stored as the number of halves (1 = 0.5 … 10 = 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    /// The highest rating, 5.
    pub const MAX_HALVES: u8 = 10;

    /// A rating of `halves` half steps, if it lies between 1 (0.5) and 10 (5).
    pub fn from_halves(halves: u8) -> Option<Rating> {
        (1..=Self::MAX_HALVES)
            .contains(&halves)
            .then_some(Rating(halves))
    }

    /// Every rating from 0.5 to 5, ascending.
    pub fn all() -> impl Iterator<Item = Rating> {
        (1..=Self::MAX_HALVES).map(Rating)
    }

    /// The value as written: `3.5`, `4`.
    pub fn value_text(self) -> String {
        if self.0.is_multiple_of(2) {
            format!("{}", self.0 / 2)
        } else {
            format!("{}.5", self.0 / 2)
        }
    }

    /// What is announced and exported: `3.5 out of 5`.
    pub fn label(self) -> String {
        format!("{} out of 5", self.value_text())
    }

    /// Stars for display: `★★★½☆`.
    pub fn stars(self) -> String {
        let full = usize::from(self.0 / 2);
        let half = self.0 % 2 == 1;
        let empty = 5 - full - usize::from(half);
        format!(
            "{}{}{}",
            "★".repeat(full),
            if half { "½" } else { "" },
            "☆".repeat(empty)
        )
    }

    /// The number of half stars, 1 (0.5) to 10 (5).
    pub fn halves(self) -> u8 {
        self.0
    }

    /// Parses `3.5`, `4`, `4.0` (as a select's value, or a rating in an imported file);
    /// anything else is `None`. Read digit by digit rather than as a float: float parsing
    /// would add its tables to the download for this one use.
    pub fn parse(text: &str) -> Option<Rating> {
        let text = text.trim();
        let text = text.strip_prefix('+').unwrap_or(text);
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
            return None;
        }
        let half = match fraction.trim_end_matches('0') {
            "" => 0,
            "5" => 1,
            _ => return None,
        };
        let whole = match whole.trim_start_matches('0').as_bytes() {
            [] => 0,
            [digit] => digit - b'0',
            _ => return None, // two digits or more: far above 5
        };
        Rating::from_halves(whole * 2 + half)
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;
    fn try_from(halves: u8) -> Result<Self, Self::Error> {
        Rating::from_halves(halves)
            .ok_or_else(|| format!("a rating counts 1 to 10 half stars, not {halves}"))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_stars() {
        let rating = Rating::parse("3.5").unwrap();
        assert_eq!(rating.label(), "3.5 out of 5");
        assert_eq!(rating.stars(), "★★★½☆");
        assert_eq!(Rating::parse("5").unwrap().stars(), "★★★★★");
        assert_eq!(Rating::parse("0.5").unwrap().label(), "0.5 out of 5");
    }

    #[test]
    fn rejects_out_of_range_and_off_step() {
        for bad in [
            "0", "5.5", "3.25", "-1", "abc", "", "NaN", "inf", ".", "3..5", "1e0", "3.5.0", "10",
            "0.0", "+", " . ", "4.05", "٣",
        ] {
            assert_eq!(Rating::parse(bad), None, "{bad}");
        }
        assert_eq!(Rating::all().count(), 10);
    }

    #[test]
    fn reads_what_a_float_parse_would() {
        for (text, halves) in [
            ("0.5", 1),
            (".5", 1),
            ("1", 2),
            ("+2", 4),
            (" 3.5 ", 7),
            ("4.0", 8),
            ("4.50", 9),
            ("05", 10),
            ("5.000", 10),
            ("4.", 8),
        ] {
            assert_eq!(
                Rating::parse(text).map(Rating::halves),
                Some(halves),
                "{text}"
            );
        }
        for rating in Rating::all() {
            assert_eq!(Rating::parse(&rating.value_text()), Some(rating));
        }
    }

    #[test]
    fn serialises_as_halves_and_refuses_bad_numbers() {
        let rating = Rating::parse("4").unwrap();
        assert_eq!(serde_json::to_string(&rating).unwrap(), "8");
        assert!(serde_json::from_str::<Rating>("11").is_err());
        assert!(serde_json::from_str::<Rating>("0").is_err());
    }
}
