//! File names for downloads, made from the post title.

/// Latin letters with marks, and ligatures, spelled in ASCII.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' | 'ŗ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Longest slug, in characters, before the extension.
pub const MAX_SLUG: usize = 80;

/// A lowercase ASCII slug of `title`: letters and digits joined by single hyphens, marked Latin
/// letters transliterated, anything else dropped, at most [`MAX_SLUG`] characters (cut at a
/// hyphen where possible), and `review` if nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in crate::case::fold(title).chars() {
        let piece: Option<String> = if c.is_ascii_alphanumeric() {
            Some(c.to_string())
        } else {
            transliterate(c).map(str::to_string)
        };
        match piece {
            Some(p) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(&p);
            }
            // Apostrophes join words ("didn't" → "didnt") instead of splitting them.
            None if matches!(c, '\'' | '\u{2019}') => {}
            None if c.is_alphanumeric() => {} // a letter we cannot spell in ASCII: dropped
            None => gap = true,
        }
    }
    if out.len() > MAX_SLUG {
        let cut = &out[..MAX_SLUG];
        out = match cut.rfind('-') {
            Some(at) if at > MAX_SLUG / 2 => cut[..at].to_string(),
            _ => cut.trim_end_matches('-').to_string(),
        };
    }
    if out.is_empty() {
        "review".to_string()
    } else {
        out
    }
}

/// The download name for a post title and an extension (`md`, `html`).
pub fn file_name(title: &str, extension: &str) -> String {
    format!("{}.{extension}", slug(title))
}

// Property tests run natively (proptest is a native-only dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_title() {
        assert_eq!(
            file_name("Review: Never Let Me Go by Kazuo Ishiguro", "md"),
            "review-never-let-me-go-by-kazuo-ishiguro.md"
        );
    }

    #[test]
    fn transliterates_or_drops_non_ascii() {
        assert_eq!(slug("Crème Brûlée — Straße"), "creme-brulee-strasse");
        assert_eq!(slug("Łódź & Æsir"), "lodz-aesir");
        assert_eq!(slug("ノルウェイの森"), "review");
        assert_eq!(slug("1Q84 ノルウェイ"), "1q84");
        assert_eq!(slug("What I didn't like"), "what-i-didnt-like");
        assert_eq!(slug("  --  "), "review");
    }

    #[test]
    fn long_titles_are_cut_at_a_hyphen() {
        let s = slug(&"word ".repeat(40));
        assert!(
            s.len() <= MAX_SLUG && !s.ends_with('-') && s.ends_with("word"),
            "{s}"
        );
    }

    proptest! {
        #[test]
        fn always_a_safe_name(title in "\\PC{0,200}") {
            let s = slug(&title);
            prop_assert!(!s.is_empty() && s.len() <= MAX_SLUG);
            prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
        }
    }
}
