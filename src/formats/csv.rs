//! Comma-separated values as Goodreads and The StoryGraph export them (RFC 4180: quoted fields,
//! `""` for a quote, line breaks inside quotes, CRLF or LF).
//!
//! Written here rather than taken from the `csv` crate for one behaviour the crate does not
//! have: a quote that is never closed swallows the rest of the file in any reader, so this one
//! reports that row as broken, with its line, and goes on reading from the next line. A
//! library export is thousands of rows; one bad row must not lose the others.

/// One record of the file, with the line it starts on (1-based, as an editor shows it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line the record starts on.
    pub line: usize,
    /// Its fields, unquoted.
    pub fields: Vec<String>,
}

/// A record that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenRow {
    /// The line it starts on.
    pub line: usize,
    /// Why, in words.
    pub why: String,
}

/// Every record of `text`, in order: each read, or broken. Blank lines are skipped. The first
/// record is the header: a later record with another number of fields is broken (most often a
/// stray quote that joined it to the next lines), and reading goes on from its next line.
pub fn rows(text: &str) -> Vec<Result<Row, BrokenRow>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let mut line = 1;
    let mut header = None;
    while at < bytes.len() {
        // A blank line is no record.
        if bytes[at] == b'\n' || (bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n')) {
            at += if bytes[at] == b'\r' { 2 } else { 1 };
            line += 1;
            continue;
        }
        let read = record(text, at).map_err(String::from);
        let read = match (read, header) {
            (Ok((fields, ..)), Some(columns)) if fields.len() != columns => Err(format!(
                "this row has {} fields where the first line names {columns} (a stray quote?), so it could not be read",
                fields.len()
            )),
            (read, _) => read,
        };
        match read {
            Ok((fields, end, lines)) => {
                header.get_or_insert(fields.len());
                out.push(Ok(Row { line, fields }));
                at = end;
                line += lines;
            }
            Err(why) => {
                out.push(Err(BrokenRow { line, why }));
                // Go on from the next line, as though this one were not there.
                match text[at..].find('\n') {
                    Some(n) => {
                        at += n + 1;
                        line += 1;
                    }
                    None => at = bytes.len(),
                }
            }
        }
    }
    out
}

/// Reads the record starting at byte `at`: its fields, the byte after its line break, and how
/// many line breaks it took (its own included). `Err` says why it cannot be read: a quoted
/// field never closed, or text after a closing quote.
fn record(text: &str, mut at: usize) -> Result<(Vec<String>, usize, usize), &'static str> {
    let bytes = text.as_bytes();
    let mut fields = Vec::new();
    let mut lines = 0;
    loop {
        let mut field = String::new();
        if bytes.get(at) == Some(&b'"') {
            at += 1;
            loop {
                let close = memchr::memchr(b'"', &bytes[at..])
                    .ok_or("a quoted field is never closed, so this row could not be read")?;
                let part = &text[at..at + close];
                lines += part.matches('\n').count();
                field.push_str(part);
                at += close + 1;
                if bytes.get(at) == Some(&b'"') {
                    field.push('"');
                    at += 1;
                } else {
                    break;
                }
            }
            // Text after the closing quote (`"a"b`) is what a stray quote leaves when it pairs
            // with a quote on a later line: the record is broken, not read.
            if !matches!(bytes.get(at), None | Some(b',' | b'\n' | b'\r')) {
                return Err("a quote in the middle of a field (a stray quote?), so this row could not be read");
            }
        } else {
            let end = memchr::memchr3(b',', b'\n', b'\r', &bytes[at..]).unwrap_or(bytes.len() - at);
            field.push_str(&text[at..at + end]);
            at += end;
        }
        fields.push(field);
        match bytes.get(at) {
            Some(b',') => at += 1,
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => {
                return Ok((fields, at + 2, lines + 1))
            }
            Some(b'\r') => {
                // A lone carriage return inside a record: kept as text of the next field.
                at += 1;
            }
            Some(b'\n') => return Ok((fields, at + 1, lines + 1)),
            _ => return Ok((fields, bytes.len(), lines)),
        }
    }
}

/// Writes one record: fields quoted when they hold a comma, a quote or a line break.
pub fn push_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        rows(text).into_iter().map(|r| r.unwrap().fields).collect()
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let text = "Title,Review\r\n\"A, B\",\"She said \"\"no\"\".\nThen left.\"\r\nC,\r\n";
        assert_eq!(
            fields(text),
            vec![
                vec!["Title", "Review"],
                vec!["A, B", "She said \"no\".\nThen left."],
                vec!["C", ""],
            ]
        );
        let lines: Vec<usize> = rows(text).into_iter().map(|r| r.unwrap().line).collect();
        assert_eq!(lines, vec![1, 2, 4]);
    }

    #[test]
    fn a_byte_order_mark_and_a_missing_last_line_break_are_fine() {
        assert_eq!(
            fields("\u{FEFF}a,b\n1,2"),
            vec![vec!["a", "b"], vec!["1", "2"]]
        );
        assert_eq!(fields("a\n\n\nb\n"), vec![vec!["a"], vec!["b"]]);
    }

    #[test]
    fn an_unclosed_quote_breaks_its_row_only() {
        // The stray quote pairs with the next row's first quote: the joined record has too
        // many fields, so it is reported, and reading goes on at the next line.
        let text =
            "Title,Author,Review\nGood,A,\"fine\"\nBad,B,\"never closed\nNext,C,\"ok\"\nLast,D,e\n";
        let read = rows(text);
        assert_eq!(read.len(), 5, "{read:?}");
        let broken = read[2].as_ref().unwrap_err();
        assert_eq!(broken.line, 3);
        assert!(broken.why.contains("stray quote"), "{}", broken.why);
        // The same with the stray quote's partner at the end of a field: the joined record has
        // more fields than the header.
        let joined = rows("a,b,c\n1,\"x,3\n4,5,y\"\n7,8,9\n");
        assert_eq!(joined.len(), 4, "{joined:?}");
        assert!(joined[1]
            .as_ref()
            .unwrap_err()
            .why
            .contains("fields where the first line names 3"));
        assert_eq!(joined[2].as_ref().unwrap().fields, vec!["4", "5", "y\""]);
        assert_eq!(read[3].as_ref().unwrap().fields, vec!["Next", "C", "ok"]);
        assert_eq!(read[3].as_ref().unwrap().line, 4);
        assert_eq!(read[4].as_ref().unwrap().fields, vec!["Last", "D", "e"]);
        // Never closed before the end of the file.
        let read = rows("a,b\n1,\"2\n3,4\n");
        assert_eq!(read.len(), 3, "{read:?}");
        assert!(read[1].as_ref().unwrap_err().why.contains("never closed"));
        assert_eq!(read[2].as_ref().unwrap().fields, vec!["3", "4"]);
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(records in proptest::collection::vec(
            proptest::collection::vec("[a-z,\"\n\r ]{0,8}", 1..5), 1..6)
        ) {
            // Every record as wide as the first (as a header makes them); a record of one
            // empty field is a blank line, which a reader skips.
            let width = records[0].len();
            let records: Vec<Vec<String>> = records.into_iter()
                .map(|mut r| { r.resize(width, String::new()); r })
                .filter(|r| !(r.len() == 1 && r[0].is_empty()))
                .collect();
            let mut text = String::new();
            for r in &records {
                let refs: Vec<&str> = r.iter().map(String::as_str).collect();
                push_row(&mut text, &refs);
            }
            prop_assert_eq!(fields(&text), records);
        }
    }
}
