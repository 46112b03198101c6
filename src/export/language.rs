//! The `lang` attribute of an exported document, from what was typed in `Language`.

/// Common language names (in English and in the language itself) and their BCP 47 codes.
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("spanish", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("italian", "it"),
    ("italiano", "it"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("russian", "ru"),
    ("japanese", "ja"),
    ("chinese", "zh"),
    ("korean", "ko"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("norwegian", "no"),
    ("danish", "da"),
    ("finnish", "fi"),
    ("czech", "cs"),
    ("greek", "el"),
    ("turkish", "tr"),
    ("arabic", "ar"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("romanian", "ro"),
    ("ukrainian", "uk"),
    ("catalan", "ca"),
    ("irish", "ga"),
    ("welsh", "cy"),
];

/// The language code for a typed language (`English` → `en`, `pt-BR` stays), if it is one.
pub fn code(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let lower = crate::case::fold(typed);
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return Some((*code).to_string());
    }
    // A code typed as such: a 2–3 letter primary subtag, then 2–8 character subtags.
    let mut parts = typed.split('-');
    let primary = parts.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then(|| typed.to_string())
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn names_and_codes() {
        assert_eq!(code("English").as_deref(), Some("en"));
        assert_eq!(code(" français ").as_deref(), Some("fr"));
        assert_eq!(code("pt-BR").as_deref(), Some("pt-BR"));
        assert_eq!(code("Klingon"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("e\"n"), None);
    }
}
