//! ISBN rules: normalising what was typed, check digits, and converting between ISBN-10 and -13.

/// Why a typed ISBN is not a valid one, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IsbnError {
    /// Characters other than digits, hyphens, spaces (and a final X for ISBN-10).
    BadCharacters {
        /// The first offending character.
        found: char,
    },
    /// The wrong number of digits.
    WrongLength {
        /// How many were expected (10 or 13).
        expected: usize,
        /// How many there were.
        found: usize,
    },
    /// An ISBN-13 must start with 978 or 979.
    BadPrefix,
    /// All the digits are there but the last one does not match the others.
    CheckDigit {
        /// The check digit the first digits call for.
        expected: char,
        /// The check digit typed.
        found: char,
    },
}

impl std::fmt::Display for IsbnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IsbnError::BadCharacters { found } => {
                write!(f, "An ISBN holds only digits, hyphens and spaces (and X as the last character of an ISBN-10), not \u{201c}{found}\u{201d}.")
            }
            IsbnError::WrongLength { expected, found } => {
                write!(
                    f,
                    "An ISBN-{expected} has {expected} digits; this one has {found}."
                )
            }
            IsbnError::BadPrefix => write!(f, "An ISBN-13 starts with 978 or 979."),
            IsbnError::CheckDigit { expected, found } => {
                write!(f, "The check digit (the last one) should be {expected}, not {found}: a digit may be mistyped.")
            }
        }
    }
}

/// The digits of a typed ISBN with hyphens and spaces removed (X upper-cased), or why it can't be one.
fn compact(typed: &str, len: usize) -> Result<String, IsbnError> {
    let mut digits = String::with_capacity(len);
    for c in typed.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'x' | 'X' if len == 10 => digits.push('X'),
            '-' | ' ' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {}
            other => return Err(IsbnError::BadCharacters { found: other }),
        }
    }
    // An X anywhere but last is a bad character, not a length problem.
    if let Some(pos) = digits.find('X') {
        if pos != digits.len() - 1 {
            return Err(IsbnError::BadCharacters { found: 'X' });
        }
    }
    if digits.len() != len {
        return Err(IsbnError::WrongLength {
            expected: len,
            found: digits.len(),
        });
    }
    Ok(digits)
}

fn digit(c: char) -> u32 {
    c.to_digit(10).unwrap_or(10)
}

/// The ISBN-10 check character for its first nine digits.
fn isbn10_check(first9: &str) -> char {
    let sum: u32 = first9
        .chars()
        .zip((2..=10).rev())
        .map(|(c, w)| digit(c) * w)
        .sum();
    match (11 - sum % 11) % 11 {
        10 => 'X',
        d => char::from_digit(d, 10).unwrap_or('0'),
    }
}

/// The ISBN-13 check digit for its first twelve digits.
fn isbn13_check(first12: &str) -> char {
    let sum: u32 = first12
        .chars()
        .enumerate()
        .map(|(i, c)| digit(c) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10).unwrap_or('0')
}

/// Parses an ISBN-10 as typed (`1-4000-4339-5`, `1400043395`); returns its ten characters.
pub fn parse_isbn10(typed: &str) -> Result<String, IsbnError> {
    let digits = compact(typed, 10)?;
    let expected = isbn10_check(&digits[..9]);
    let found = digits.chars().last().unwrap_or('0');
    if expected != found {
        return Err(IsbnError::CheckDigit { expected, found });
    }
    Ok(digits)
}

/// Parses an ISBN-13 as typed (`978-1400043392`); returns its thirteen digits.
pub fn parse_isbn13(typed: &str) -> Result<String, IsbnError> {
    let digits = compact(typed, 13)?;
    if !(digits.starts_with("978") || digits.starts_with("979")) {
        return Err(IsbnError::BadPrefix);
    }
    let expected = isbn13_check(&digits[..12]);
    let found = digits.chars().last().unwrap_or('0');
    if expected != found {
        return Err(IsbnError::CheckDigit { expected, found });
    }
    Ok(digits)
}

/// The ISBN-13 of a valid compact ISBN-10.
pub fn isbn10_to_13(isbn10: &str) -> String {
    let first12 = format!("978{}", &isbn10[..9]);
    let check = isbn13_check(&first12);
    format!("{first12}{check}")
}

/// The ISBN-10 of a valid compact ISBN-13, if it has one (979 ISBNs have none).
pub fn isbn13_to_10(isbn13: &str) -> Option<String> {
    let rest = isbn13.strip_prefix("978")?;
    let first9 = &rest[..9];
    Some(format!("{first9}{}", isbn10_check(first9)))
}

/// Only the digits (and a final X) of what was typed, for machine-readable exports.
pub fn digits_only(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_isbns_are_valid_and_match() {
        assert_eq!(parse_isbn10("1400043395").unwrap(), "1400043395");
        assert_eq!(parse_isbn13("978-1400043392").unwrap(), "9781400043392");
        assert_eq!(isbn10_to_13("1400043395"), "9781400043392");
        assert_eq!(isbn13_to_10("9781400043392").unwrap(), "1400043395");
    }

    #[test]
    fn x_check_digit() {
        assert_eq!(parse_isbn10("0-8044-2957-X").unwrap(), "080442957X");
        assert_eq!(parse_isbn10("080442957x").unwrap(), "080442957X");
    }

    #[test]
    fn wrong_check_digit_says_what_it_should_be() {
        let err = parse_isbn10("1400043394").unwrap_err();
        assert_eq!(
            err,
            IsbnError::CheckDigit {
                expected: '5',
                found: '4'
            }
        );
        assert!(err.to_string().contains("should be 5, not 4"));
        let err = parse_isbn13("9781400043393").unwrap_err();
        assert!(err.to_string().contains("should be 2, not 3"), "{err}");
    }

    #[test]
    fn bad_shapes_are_explained() {
        assert_eq!(
            parse_isbn10("140004339").unwrap_err(),
            IsbnError::WrongLength {
                expected: 10,
                found: 9
            }
        );
        assert_eq!(
            parse_isbn10("14000X3395").unwrap_err(),
            IsbnError::BadCharacters { found: 'X' }
        );
        assert_eq!(
            parse_isbn13("9771400043392").unwrap_err(),
            IsbnError::BadPrefix
        );
        assert_eq!(
            parse_isbn13("978140004339a").unwrap_err(),
            IsbnError::BadCharacters { found: 'a' }
        );
    }

    #[test]
    fn isbn979_has_no_isbn10() {
        assert_eq!(isbn13_to_10("9791032305690"), None);
    }

    proptest! {
        #[test]
        fn every_valid_isbn10_converts_and_back(first9 in "[0-9]{9}") {
            let isbn10 = format!("{first9}{}", isbn10_check(&first9));
            prop_assert!(parse_isbn10(&isbn10).is_ok());
            let isbn13 = isbn10_to_13(&isbn10);
            prop_assert!(parse_isbn13(&isbn13).is_ok());
            prop_assert_eq!(isbn13_to_10(&isbn13), Some(isbn10));
        }

        #[test]
        fn parsing_never_panics(typed in "\\PC{0,20}") {
            let _ = parse_isbn10(&typed);
            let _ = parse_isbn13(&typed);
        }
    }
}
