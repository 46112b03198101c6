//! Reading the dates people type: `2005-04-05`, `April 5, 2005`, `5 April 2005`, `Apr 2005`,
//! `2005`, and the numeric forms `15/09/2020`, `09/15/2020`, `15.09.2020`, whose order (day or
//! month first) is the writer's [`DateOrder`] when both readings are real dates.

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

    /// The form a reader sees in the post's details: `11 November 2016`, `November 2016`,
    /// `2016` (day first, spelled out, so that no reader mistakes the order).
    pub fn reader(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.long(),
        }
    }

    /// How the writer's [`DateOrder`] spells this date out in words (what a numeric date they
    /// typed is tidied into, so that it reads the same for everyone): `15 September 2020` or
    /// `September 15, 2020`.
    pub fn spelled(&self, order: DateOrder) -> String {
        match order {
            DateOrder::DayFirst => self.reader(),
            DateOrder::MonthFirst => self.long(),
        }
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

/// Which comes first in a numeric date such as `09/10/2020`: the day (most of the world) or
/// the month (the United States and a few others).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `15/09/2020`.
    DayFirst,
    /// `09/15/2020`.
    MonthFirst,
}

/// Languages (BCP 47 tags, region included) whose people write the month first.
const MONTH_FIRST: [&str; 11] = [
    "en", "en-us", "en-as", "en-gu", "en-mp", "en-pr", "en-um", "en-vi", "en-ph", "en-fm", "en-mh",
];

impl DateOrder {
    /// Both orders, as the `Date order` choice lists them.
    pub const ALL: [DateOrder; 2] = [DateOrder::DayFirst, DateOrder::MonthFirst];

    /// The order usual for a browser language such as `en-US` (month first) or `en-GB`, `fr`,
    /// `de` (day first). A bare `en` is taken as American English.
    pub fn for_language(tag: &str) -> DateOrder {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        if MONTH_FIRST.contains(&tag.as_str()) {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }

    /// The stored form (`day-first`, `month-first`).
    pub fn key(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day-first",
            DateOrder::MonthFirst => "month-first",
        }
    }

    /// The order stored as `key`, if it is one.
    pub fn from_key(key: &str) -> Option<DateOrder> {
        DateOrder::ALL.into_iter().find(|o| o.key() == key)
    }

    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "Day first (15/09/2020)",
            DateOrder::MonthFirst => "Month first (09/15/2020)",
        }
    }
}

/// Reads a numeric date with `/` or `.` between its parts: year first (`2020/09/15`), or day
/// and month in either order before a four-digit year. Where both orders give a real date and
/// differ, `order` decides; without one such a date is not read.
fn numeric(text: &str, order: Option<DateOrder>) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if a.len() == 4 {
        return (b.len() <= 2 && c.len() <= 2)
            .then(|| build(number(a), number(b), number(c)))
            .flatten();
    }
    if a.len() > 2 || b.len() > 2 || c.len() != 4 {
        return None;
    }
    let (a, b, year) = (number::<u8>(a)?, number::<u8>(b)?, number(c));
    let day_first = build(year, Some(b), Some(a));
    let month_first = build(year, Some(a), Some(b));
    match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => Some(d),
        (Some(d), Some(m)) => match order? {
            DateOrder::DayFirst => Some(d),
            DateOrder::MonthFirst => Some(m),
        },
        (one, other) => one.or(other),
    }
}

/// Reads a typed date, or `None` if it is not one of the accepted forms or not a real date. A
/// numeric date that reads as two different days (`09/10/2020`) needs the writer's order: see
/// [`parse_date_in`].
pub fn parse_date(typed: &str) -> Option<PartialDate> {
    parse_date_in(typed, None)
}

/// The tidy form of a numeric date the writer typed (`15/09/2020` becomes `15 September 2020`
/// for a day-first writer), so that what is stored reads the same whatever the reader's
/// order; `None` when `typed` is no numeric date or already tidy.
pub fn tidy(typed: &str, order: DateOrder) -> Option<String> {
    let text = typed.trim();
    let date = numeric(text, Some(order))?;
    date.is_full().then(|| date.spelled(order))
}

/// A typed date as readers of the post see it: a numeric one (`2016-11-11`, `15/09/2020`)
/// spelled out (`11 November 2016`); one already in words, or one that cannot be read, as
/// typed.
pub fn for_readers(typed: &str) -> String {
    let text = typed.trim();
    match parse_date(text) {
        Some(date) if !text.chars().any(|c| c.is_alphabetic()) => date.reader(),
        _ => text.to_string(),
    }
}

/// A quiet note about a date that was read but is incomplete: a year alone is taken, and the
/// writer is reminded that the full date is better.
pub fn note(typed: &str, order: DateOrder) -> Option<&'static str> {
    let date = parse_date_in(typed, Some(order))?;
    date.month
        .is_none()
        .then_some("Only a year: that is fine, and a full date is better if you know it.")
}

/// [`parse_date`], reading an ambiguous numeric date in `order` when one is given.
pub fn parse_date_in(typed: &str, order: Option<DateOrder>) -> Option<PartialDate> {
    let text = typed.trim();
    if text.is_empty() {
        return None;
    }
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '/' || c == '.')
        && text.contains(['/', '.'])
    {
        return numeric(text, order);
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
            // Two different days, and no order to choose between them.
            "5/4/2005",
            "31/31/2020",
            "15/09/20",
            "1.2.3",
            "yesterday",
            "",
            "April 0, 2005",
            "05-04-2005",
        ] {
            assert_eq!(parse_date(typed), None, "{typed}");
        }
        assert!(parse_date("2004-02-29").is_some());
    }

    #[test]
    fn numeric_dates_are_read_in_either_order_when_unambiguous() {
        for typed in [
            "15/09/2020",
            "09/15/2020",
            "15.09.2020",
            "2020-09-15",
            "2020/09/15",
            "15 September 2020",
        ] {
            for order in [None, Some(DateOrder::DayFirst), Some(DateOrder::MonthFirst)] {
                let date = parse_date_in(typed, order).unwrap_or_else(|| panic!("{typed}"));
                assert_eq!(date.iso(), "2020-09-15", "{typed} {order:?}");
            }
        }
        // The same day either way.
        assert_eq!(parse_date("05/05/2020").unwrap().iso(), "2020-05-05");
    }

    #[test]
    fn an_ambiguous_date_follows_the_writers_order() {
        let day_first = parse_date_in("09/10/2020", Some(DateOrder::DayFirst)).unwrap();
        let month_first = parse_date_in("09/10/2020", Some(DateOrder::MonthFirst)).unwrap();
        assert_eq!(
            (day_first.iso(), month_first.iso()),
            ("2020-10-09".into(), "2020-09-10".into())
        );
        assert_eq!(parse_date("09/10/2020"), None);
    }

    #[test]
    fn the_order_comes_from_the_browser_language() {
        assert_eq!(DateOrder::for_language("en-US"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::for_language("en"), DateOrder::MonthFirst);
        for tag in ["en-GB", "fr", "de-DE", "fr-CA", "ja", ""] {
            assert_eq!(DateOrder::for_language(tag), DateOrder::DayFirst, "{tag}");
        }
        for order in DateOrder::ALL {
            assert_eq!(DateOrder::from_key(order.key()), Some(order));
        }
        assert_eq!(DateOrder::from_key("sideways"), None);
    }

    #[test]
    fn numeric_dates_are_tidied_and_a_year_alone_gets_a_note() {
        assert_eq!(
            tidy("15/09/2020", DateOrder::MonthFirst).as_deref(),
            Some("September 15, 2020")
        );
        assert_eq!(
            tidy(" 09/10/2020 ", DateOrder::DayFirst).as_deref(),
            Some("9 October 2020")
        );
        assert_eq!(tidy("2020-09-15", DateOrder::DayFirst), None);
        assert_eq!(tidy("15 September 2020", DateOrder::DayFirst), None);
        assert!(note("1969", DateOrder::DayFirst).is_some());
        assert_eq!(note("15/09/2020", DateOrder::DayFirst), None);
        assert_eq!(note("not a date", DateOrder::DayFirst), None);
        assert_eq!(
            parse_date("2016-11-11").unwrap().reader(),
            "11 November 2016"
        );
        assert_eq!(parse_date("2016-11").unwrap().reader(), "November 2016");
        assert_eq!(for_readers(" 2016-11-11"), "11 November 2016");
        assert_eq!(for_readers("15/09/2020"), "15 September 2020");
        assert_eq!(for_readers("April 5, 2005"), "April 5, 2005");
        assert_eq!(for_readers("1979"), "1979");
        assert_eq!(for_readers("soon"), "soon");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_real_day_reads_back_in_each_order_and_from_its_tidy_form(
            year in 1000u16..=9999, month in 1u8..=12, day in 1u8..=31
        ) {
            prop_assume!(day <= days_in_month(year, month));
            let iso = format!("{year:04}-{month:02}-{day:02}");
            for order in DateOrder::ALL {
                let typed = match order {
                    DateOrder::DayFirst => format!("{day:02}/{month:02}/{year}"),
                    DateOrder::MonthFirst => format!("{month}.{day}.{year}"),
                };
                let date = parse_date_in(&typed, Some(order)).unwrap();
                prop_assert_eq!(date.iso(), iso.clone());
                let tidy = tidy(&typed, order).unwrap();
                prop_assert_eq!(parse_date(&tidy).map(|d| d.iso()), Some(iso.clone()));
            }
        }
    }
}
