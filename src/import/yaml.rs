//! A reader for the small subset of YAML (and TOML) front matter that Verdict writes and that
//! static-site tools commonly hold: nested mappings by indentation, lists of scalars (block
//! `- item` or flow `[a, "b"]`), and plain, single- or double-quoted scalars. Anything else is
//! skipped rather than guessed at.

/// A front matter value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar, as text.
    Text(String),
    /// A list of scalars.
    List(Vec<String>),
    /// A nested mapping.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar (a list reads as its items joined by ", ").
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.clone()),
            Value::List(items) => Some(items.join(", ")),
            Value::Map(_) => None,
        }
    }

    /// The items of a list (a scalar is a list of one; a mapping has none).
    pub fn list_items(&self) -> Vec<String> {
        match self {
            Value::Text(t) => vec![t.clone()],
            Value::List(items) => items.clone(),
            Value::Map(_) => Vec::new(),
        }
    }

    /// The text under `key`, if any.
    pub fn text_of(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Value::text)
    }
}

/// Reads YAML front matter (the lines between the `---` fences).
pub fn parse_yaml(text: &str) -> Value {
    let lines: Vec<&str> = text.lines().collect();
    let mut at = 0;
    parse_map(&lines, &mut at, 0)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn parse_map(lines: &[&str], at: &mut usize, indent: usize) -> Value {
    let mut entries = Vec::new();
    while *at < lines.len() {
        let line = lines[*at];
        if is_blank_or_comment(line) {
            *at += 1;
            continue;
        }
        let here = indent_of(line);
        if here < indent {
            break;
        }
        if here > indent {
            // Deeper than expected with no key to hold it: skip.
            *at += 1;
            continue;
        }
        let Some((key, rest)) = split_key(line.trim()) else {
            *at += 1;
            continue;
        };
        *at += 1;
        let rest = rest.trim();
        if rest.is_empty() {
            // A nested mapping or a block list on the lines below.
            let next = lines[*at..].iter().find(|l| !is_blank_or_comment(l));
            match next {
                Some(next) if next.trim_start().starts_with("- ") || next.trim() == "-" => {
                    let mut items = Vec::new();
                    let list_indent = indent_of(next);
                    while *at < lines.len() {
                        let l = lines[*at];
                        if is_blank_or_comment(l) {
                            *at += 1;
                            continue;
                        }
                        if indent_of(l) != list_indent || !l.trim_start().starts_with('-') {
                            break;
                        }
                        items.push(scalar(l.trim_start()[1..].trim()));
                        *at += 1;
                    }
                    entries.push((key, Value::List(items)));
                }
                Some(next) if indent_of(next) > indent => {
                    let child = indent_of(next);
                    entries.push((key, parse_map(lines, at, child)));
                }
                _ => entries.push((key, Value::Text(String::new()))),
            }
        } else if rest.starts_with('[') {
            entries.push((key, Value::List(flow_list(rest))));
        } else {
            entries.push((key, Value::Text(scalar(rest))));
        }
    }
    Value::Map(entries)
}

/// `key: rest` → (key, rest), for a plain or quoted key.
fn split_key(line: &str) -> Option<(String, &str)> {
    if let Some(stripped) = line.strip_prefix('"') {
        let end = stripped.find('"')?;
        let rest = stripped[end + 1..].strip_prefix(':')?;
        return Some((stripped[..end].to_string(), rest));
    }
    let colon = line
        .find(": ")
        .or_else(|| line.strip_suffix(':').map(|l| l.len()))?;
    Some((
        line[..colon].trim().to_string(),
        &line[(colon + 1).min(line.len())..],
    ))
}

/// A flow list `[a, "b, c", 'd']`.
fn flow_list(text: &str) -> Vec<String> {
    let inner = text
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or("");
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in inner.chars() {
        match quote {
            Some(q) => {
                current.push(c);
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == ',' => {
                items.push(scalar(current.trim()));
                current.clear();
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                current.push(c);
            }
        }
    }
    if !current.trim().is_empty() {
        items.push(scalar(current.trim()));
    }
    items
}

/// One scalar: double-quoted (with YAML's escapes), single-quoted (`''` for a quote), or plain
/// (up to a ` #` comment).
pub fn scalar(text: &str) -> String {
    let text = text.trim();
    if let Some(inner) = text.strip_prefix('"') {
        return double_quoted(inner);
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let end = inner.rfind('\'').unwrap_or(inner.len());
        return inner[..end].replace("''", "'");
    }
    let plain = match text.find(" #") {
        Some(at) => &text[..at],
        None => text,
    };
    plain.trim().to_string()
}

fn double_quoted(inner: &str) -> String {
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some('N') => out.push('\u{85}'),
                Some('L') => out.push('\u{2028}'),
                Some('P') => out.push('\u{2029}'),
                Some('_') => out.push('\u{A0}'),
                Some(kind @ ('x' | 'u' | 'U')) => {
                    let len = match kind {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let hex: String = chars.by_ref().take(len).collect();
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(c);
                    }
                }
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

/// Reads TOML front matter (between `+++` fences): `key = value` lines, `[table]` headers one
/// level deep, strings (basic and literal, on one line or on several: `"""` and `'''`), arrays
/// of strings, and bare numbers or dates. What it cannot read is named in `notes` rather than
/// guessed at.
pub fn parse_toml(text: &str, notes: &mut Vec<String>) -> Value {
    let mut root: Vec<(String, Value)> = Vec::new();
    let mut table: Option<(String, Vec<(String, Value)>)> = None;
    let mut lines = text.lines();
    while let Some(raw) = lines.next() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if let Some((name, entries)) = table.take() {
                root.push((name, Value::Map(entries)));
            }
            table = Some((name.trim().to_string(), Vec::new()));
            continue;
        }
        let Some((key, value)) = raw.split_once('=') else {
            continue;
        };
        let key = scalar(key.trim());
        let value = value.trim_start();
        let value = if let Some(delimiter) =
            ["\"\"\"", "'''"].into_iter().find(|d| value.starts_with(d))
        {
            match multi_line(&value[3..], delimiter, &mut lines) {
                Some(text) => Value::Text(text),
                None => {
                    notes.push(format!(
                        "The front matter's \u{201c}{key}\u{201d} opens a multi-line string ({delimiter}) that never closes, so it and everything after it in the front matter were not read."
                    ));
                    break;
                }
            }
        } else if value.starts_with('[') {
            Value::List(flow_list(value.trim()))
        } else {
            Value::Text(scalar(value.trim()))
        };
        match table.as_mut() {
            Some((_, entries)) => entries.push((key, value)),
            None => root.push((key, value)),
        }
    }
    if let Some((name, entries)) = table {
        root.push((name, Value::Map(entries)));
    }
    Value::Map(root)
}

/// The rest of a TOML multi-line string whose opening `delimiter` came just before `first`
/// (the rest of its line), read on through `lines` to its closing delimiter; `None` if it never
/// closes. As TOML has it: a line break right after the opening delimiter is not part of the
/// text; up to two quotes may stand just before the closing delimiter; a basic string (`"""`)
/// takes escapes, and a backslash at the end of a line joins it to the next text.
fn multi_line(first: &str, delimiter: &str, lines: &mut std::str::Lines) -> Option<String> {
    let basic = delimiter.starts_with('"');
    let quote = if basic { b'"' } else { b'\'' };
    let mut raw = first.to_string();
    let mut i = 0;
    let end = loop {
        // The first run of three or more quotes (not escaped) closes the string; of a run of
        // four or five, the first one or two are text.
        let bytes = raw.as_bytes();
        let mut found = None;
        while i < bytes.len() {
            if basic && bytes[i] == b'\\' {
                i += 2;
                continue;
            }
            if bytes[i] == quote {
                let run = bytes[i..].iter().take_while(|&&b| b == quote).count();
                if run >= 3 {
                    found = Some(i + run.min(5) - 3);
                    break;
                }
                i += run;
                continue;
            }
            i += 1;
        }
        if let Some(end) = found {
            break end;
        }
        // An escape at the end of the line goes on into the next one.
        i = i.min(raw.len());
        raw.push('\n');
        raw.push_str(lines.next()?);
    };
    let text = &raw[..end];
    let text = text.strip_prefix('\n').unwrap_or(text);
    Some(if basic {
        basic_escapes(text)
    } else {
        text.to_string()
    })
}

/// A TOML basic string's escapes, and a backslash that ends a line (which drops the line
/// break and the white space after it).
fn basic_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push('\u{8}'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('f') => out.push('\u{c}'),
            Some('r') => out.push('\r'),
            Some('e') => out.push('\u{1b}'),
            Some(kind @ ('u' | 'U')) => {
                let len = if kind == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(len).collect();
                if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(w) if w.is_whitespace() => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_verdict_writes() {
        let yaml = "title: \"Review: \\\"Gilead\\\" #1\"\ndate: 2026-11-25\ncategories:\n  - \"book review\"\n  - 'it''s'\ntags: []\nbook:\n  title: \"Gilead\"\n  pages: 247\n  genres:\n    - \"literary\"\n  audience: adult # a comment\n";
        let v = parse_yaml(yaml);
        assert_eq!(v.text_of("title").unwrap(), "Review: \"Gilead\" #1");
        assert_eq!(v.text_of("date").unwrap(), "2026-11-25");
        assert_eq!(
            v.get("categories"),
            Some(&Value::List(vec!["book review".into(), "it's".into()]))
        );
        assert_eq!(v.get("tags"), Some(&Value::List(vec![])));
        let book = v.get("book").unwrap();
        assert_eq!(book.text_of("pages").unwrap(), "247");
        assert_eq!(
            book.get("genres"),
            Some(&Value::List(vec!["literary".into()]))
        );
        assert_eq!(book.text_of("audience").unwrap(), "adult");
    }

    #[test]
    fn reads_toml_tables_and_arrays() {
        let toml = "title = \"A \\\"quoted\\\" title\"\ndate = 2026-11-25\ntags = [\"a\", 'b']\ndraft = false\n\n[book]\ntitle = 'Gilead'\npages = 247\n";
        let v = parse_toml(toml, &mut Vec::new());
        assert_eq!(v.text_of("title").unwrap(), "A \"quoted\" title");
        assert_eq!(
            v.get("tags"),
            Some(&Value::List(vec!["a".into(), "b".into()]))
        );
        assert_eq!(v.get("book").unwrap().text_of("title").unwrap(), "Gilead");
    }

    #[test]
    fn reads_toml_multi_line_strings() {
        let toml = r#"title = '''
A 'quoted' "title"
on two lines'''
summary = """
One \
    line, \"two\"\t\u00e9""""
slug = '''same line'''
empty = """"""
[book]
title = '''Gilead''''
"#;
        let mut notes = Vec::new();
        let v = parse_toml(toml, &mut notes);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            v.text_of("title").unwrap(),
            "A 'quoted' \"title\"\non two lines"
        );
        assert_eq!(v.text_of("summary").unwrap(), "One line, \"two\"\t\u{e9}\"");
        assert_eq!(v.text_of("slug").unwrap(), "same line");
        assert_eq!(v.text_of("empty").unwrap(), "");
        assert_eq!(v.get("book").unwrap().text_of("title").unwrap(), "Gilead'");
    }

    #[test]
    fn an_unclosed_toml_multi_line_string_is_named_not_guessed() {
        let mut notes = Vec::new();
        let v = parse_toml(
            "title = \"x\"\nsummary = '''never\nclosed\ndate = 2026\n",
            &mut notes,
        );
        assert_eq!(v.text_of("title").unwrap(), "x");
        assert!(v.get("summary").is_none() && v.get("date").is_none());
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("\u{201c}summary\u{201d} opens a multi-line string"),
            "{notes:?}"
        );
    }
}
