//! Reading the dates people type: `2005-04-05`, `April 5, 2005`, `5 April 2005`, `Apr 2005`, `2005`.

/// A calendar date, possibly only a year or a month (publication dates often are).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    /// The year, 1 to 9999.
    pub year: u16,
    /// The month, 1 to 12, if given.
    pub month: Option<u8>,
    /// The day of the month, if given (only with a month).
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// ISO 8601: `2005-04-05`, `2005-04` or `2005`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Whether day, month and year are all known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// English long form: `April 5, 2005`.
    pub fn long(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {d}, {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|name| {
            let name = name.to_ascii_lowercase();
            name == word
                || (name.starts_with(&word) && word.len() >= 3)
                || (word == "sept" && name == "september")
        })
        .map(|i| i as u8 + 1)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn number<T: std::str::FromStr>(word: &str) -> Option<T> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

fn build(year: Option<u16>, month: Option<u8>, day: Option<u8>) -> Option<PartialDate> {
    let year = year.filter(|y| (1..=9999).contains(y))?;
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return None;
        }
        if let Some(d) = day {
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
    } else if day.is_some() {
        return None;
    }
    Some(PartialDate { year, month, day })
}

/// Reads a typed date, or `None` if it is not one of the accepted forms or not a real date.
pub fn parse_date(typed: &str) -> Option<PartialDate> {
    let text = typed.trim();
    if text.is_empty() {
        return None;
    }
    // ISO forms: 2005-04-05, 2005-04, 2005.
    if text.chars().all(|c| c.is_ascii_digit() || c == '-') {
        let parts: Vec<&str> = text.split('-').collect();
        if parts[0].len() != 4 || parts.iter().skip(1).any(|p| p.len() != 2) {
            return None;
        }
        return match parts.as_slice() {
            [y] => build(number(y), None, None),
            [y, m] => build(number(y), number(m), None),
            [y, m, d] => build(number(y), number(m), number(d)),
            _ => None,
        };
    }
    // Word forms: "April 5, 2005", "5 April 2005", "April 2005", "5th April 2005".
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let day_of = |w: &str| -> Option<u8> {
        let w = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
            .unwrap_or(w);
        number(w)
    };
    match words.as_slice() {
        [m, d, y] if month_from_name(m).is_some() => {
            build(number(y), month_from_name(m), Some(day_of(d)?))
        }
        [d, m, y] if month_from_name(m).is_some() => {
            build(number(y), month_from_name(m), Some(day_of(d)?))
        }
        [m, y] if month_from_name(m).is_some() => build(number(y), month_from_name(m), None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_required_forms_are_the_same_day() {
        for typed in [
            "2005-04-05",
            "April 5, 2005",
            "5 April 2005",
            "Apr 5 2005",
            "5th April, 2005",
        ] {
            let date = parse_date(typed).unwrap_or_else(|| panic!("{typed}"));
            assert_eq!(date.iso(), "2005-04-05", "{typed}");
            assert_eq!(date.long(), "April 5, 2005");
        }
    }

    #[test]
    fn partial_dates() {
        assert_eq!(parse_date("2005").unwrap().iso(), "2005");
        assert_eq!(parse_date("April 2005").unwrap().iso(), "2005-04");
        assert_eq!(parse_date("2005-04").unwrap().long(), "April 2005");
    }

    #[test]
    fn impossible_or_unreadable_dates_are_refused() {
        for typed in [
            "2005-02-30",
            "2001-02-29",
            "2005-13-01",
            "Smarch 5, 2005",
            "5/4/2005",
            "yesterday",
            "",
            "April 0, 2005",
            "05-04-2005",
        ] {
            assert_eq!(parse_date(typed), None, "{typed}");
        }
        assert!(parse_date("2004-02-29").is_some());
    }
}
