//! A review as Goodreads exports it (HTML: `<br/>` between paragraphs, `<b>`, `<i>`, `<a>`,
//! `<spoiler>…</spoiler>`) turned into a section body: Markdown with `||inline spoilers||`.
//!
//! The HTML is untrusted: every text run goes through the one Markdown escaper, a link keeps
//! its address only when Verdict allows it, and any other tag is dropped (its text kept; the
//! text of `script` and `style` dropped too). Spoiler text only ever lands inside a spoiler:
//! a spoiler that spans paragraphs becomes one spoiler per paragraph.

use crate::markup::escape::push_markdown_text;
use crate::markup::markdown::push_link_destination;
use crate::markup::url;

/// A parsed piece of the review.
#[derive(Debug)]
enum Node {
    Text(String),
    /// `<br>`: two or more in a row end a paragraph.
    Break,
    /// `<p>`, `<div>`, `<blockquote>`: a paragraph of its own.
    Block(Vec<Node>),
    /// `<b>`, `<strong>`.
    Strong(Vec<Node>),
    /// `<i>`, `<em>`.
    Emphasis(Vec<Node>),
    /// `<a href>`: its address, when allowed.
    Link(Option<String>, Vec<Node>),
    /// `<spoiler>`.
    Spoiler(Vec<Node>),
    /// Any other element: its content, as though the tag were not there.
    Other(Vec<Node>),
}

/// What an element's tag makes of its children.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Block,
    Strong,
    Emphasis,
    Link(Option<String>),
    Spoiler,
    Other,
    /// `script` and `style`: dropped with their content.
    Dropped,
}

/// The paragraph break inside rendered text; split on when wrapping.
const PARAGRAPH: &str = "\n\n";

/// The review as a section body.
pub fn to_markdown(html: &str) -> String {
    let nodes = parse(html);
    let mut out = String::new();
    render(&nodes, &mut out);
    tidy(&out)
}

/// Blank-line-separated paragraphs, each trimmed, none empty; line breaks inside kept.
fn tidy(text: &str) -> String {
    text.split(PARAGRAPH)
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(PARAGRAPH)
}

fn render(nodes: &[Node], out: &mut String) {
    let mut i = 0;
    while i < nodes.len() {
        match &nodes[i] {
            Node::Text(text) => {
                let line_start = out.is_empty() || out.ends_with('\n');
                push_markdown_text(out, &collapse(text), line_start);
            }
            Node::Break => {
                let mut n = 1;
                while matches!(nodes.get(i + n), Some(Node::Break)) {
                    n += 1;
                }
                out.push_str(if n > 1 { PARAGRAPH } else { "\n" });
                i += n;
                continue;
            }
            Node::Block(children) => {
                out.push_str(PARAGRAPH);
                render(children, out);
                out.push_str(PARAGRAPH);
            }
            Node::Strong(children) => wrap(children, "**", "**", out),
            Node::Emphasis(children) => wrap(children, "*", "*", out),
            Node::Spoiler(children) => wrap(children, "||", "||", out),
            // A spoiler inside a link's text would be shown as the link's text: the link goes,
            // the spoiler stays.
            Node::Link(Some(_), children) if children.iter().any(holds_spoiler) => {
                render(children, out)
            }
            Node::Link(Some(href), children) => {
                let mut label = String::new();
                render(children, &mut label);
                let label = tidy(&label).replace(PARAGRAPH, " ");
                if label.is_empty() {
                    // A link with no text: its address, which is what a reader would follow.
                    push_markdown_text(out, href, false);
                } else {
                    out.push('[');
                    out.push_str(&label);
                    out.push_str("](");
                    push_link_destination(out, href);
                    out.push(')');
                }
            }
            Node::Link(None, children) | Node::Other(children) => render(children, out),
        }
        i += 1;
    }
}

/// Whether `node` is or holds a spoiler.
fn holds_spoiler(node: &Node) -> bool {
    match node {
        Node::Spoiler(_) => true,
        Node::Text(_) | Node::Break => false,
        Node::Block(c)
        | Node::Strong(c)
        | Node::Emphasis(c)
        | Node::Link(_, c)
        | Node::Other(c) => c.iter().any(holds_spoiler),
    }
}

/// Renders `children` and wraps each of their paragraphs in `open`…`close`, with the
/// paragraph's outer spaces outside the markers (so that `**bold **` never happens).
fn wrap(children: &[Node], open: &str, close: &str, out: &mut String) {
    let mut inner = String::new();
    render(children, &mut inner);
    let parts: Vec<&str> = inner.split(PARAGRAPH).collect();
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            out.push_str(PARAGRAPH);
        }
        let trimmed = part.trim();
        if trimmed.is_empty() {
            out.push_str(part);
            continue;
        }
        let lead = &part[..part.len() - part.trim_start().len()];
        let trail = &part[part.trim_end().len()..];
        out.push_str(lead);
        out.push_str(open);
        out.push_str(trimmed);
        out.push_str(close);
        out.push_str(trail);
    }
}

/// Runs of white space (a line break in the HTML source included) as one space, as a browser
/// shows them.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // Only what HTML calls white space: a no-break space stays.
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Parses `html` leniently: unknown tags are kept as [`Node::Other`], an end tag with no start
/// is ignored, elements left open close at the end.
fn parse(html: &str) -> Vec<Node> {
    // The elements open now, innermost last, each with the children gathered so far.
    let mut stack: Vec<(String, Kind, Vec<Node>)> = vec![(String::new(), Kind::Other, Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut stack, rest);
            break;
        };
        push_text(&mut stack, &rest[..lt]);
        rest = &rest[lt..];
        let Some(tag) = read_tag(rest) else {
            // A `<` that opens no tag is text.
            push_text(&mut stack, "<");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if tag.name == "br" {
            push_node(&mut stack, Node::Break);
        } else if tag.closing {
            if let Some(at) = stack.iter().rposition(|(name, ..)| *name == tag.name) {
                while stack.len() > at {
                    close(&mut stack);
                }
            }
        } else if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
            let kind = kind(&tag.name, tag.href);
            stack.push((tag.name, kind, Vec::new()));
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().map(|(.., nodes)| nodes).unwrap_or_default()
}

/// Elements that never have content.
const VOID: [&str; 8] = [
    "img", "hr", "input", "meta", "link", "wbr", "source", "area",
];

fn kind(name: &str, href: Option<String>) -> Kind {
    match name {
        "p" | "div" | "blockquote" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5"
        | "h6" => Kind::Block,
        "b" | "strong" => Kind::Strong,
        "i" | "em" | "cite" => Kind::Emphasis,
        "a" => Kind::Link(href.filter(|h| url::is_allowed(h))),
        "spoiler" => Kind::Spoiler,
        "script" | "style" | "template" | "noscript" | "iframe" | "object" | "title" => {
            Kind::Dropped
        }
        _ => Kind::Other,
    }
}

fn push_node(stack: &mut [(String, Kind, Vec<Node>)], node: Node) {
    if let Some((_, kind, children)) = stack.last_mut() {
        if *kind != Kind::Dropped {
            children.push(node);
        }
    }
}

fn push_text(stack: &mut [(String, Kind, Vec<Node>)], text: &str) {
    if !text.is_empty() {
        push_node(stack, Node::Text(decode_entities(text)));
    }
}

fn close(stack: &mut Vec<(String, Kind, Vec<Node>)>) {
    let Some((_, kind, children)) = stack.pop() else {
        return;
    };
    let node = match kind {
        Kind::Block => Node::Block(children),
        Kind::Strong => Node::Strong(children),
        Kind::Emphasis => Node::Emphasis(children),
        Kind::Link(href) => Node::Link(href, children),
        Kind::Spoiler => Node::Spoiler(children),
        Kind::Other => Node::Other(children),
        Kind::Dropped => return,
    };
    push_node(stack, node);
}

/// A tag read at the start of some text.
struct Tag {
    /// Its name, lower case.
    name: String,
    closing: bool,
    self_closing: bool,
    /// An `href` attribute's value, entities decoded.
    href: Option<String>,
    /// Its length in bytes.
    len: usize,
}

/// Reads the tag at the start of `text` (which starts with `<`), if it is one.
fn read_tag(text: &str) -> Option<Tag> {
    let bytes = text.as_bytes();
    let mut at = 1;
    let closing = bytes.get(at) == Some(&b'/');
    if closing {
        at += 1;
    }
    let name_len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !bytes[at].is_ascii_alphabetic() {
        return None;
    }
    let name = text[at..at + name_len].to_ascii_lowercase();
    at += name_len;
    let mut href = None;
    let mut self_closing = false;
    loop {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => break,
            b'/' => {
                self_closing = true;
                at += 1;
            }
            _ => {
                let attr_len = bytes[at..]
                    .iter()
                    .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
                    .count()
                    .max(1);
                let attr = text[at..at + attr_len].to_ascii_lowercase();
                at += attr_len;
                if bytes.get(at) != Some(&b'=') {
                    continue;
                }
                at += 1;
                let value = match bytes.get(at)? {
                    q @ (b'"' | b'\'') => {
                        let end = text[at + 1..].find(*q as char)?;
                        let value = &text[at + 1..at + 1 + end];
                        at += end + 2;
                        value
                    }
                    _ => {
                        let end = bytes[at..]
                            .iter()
                            .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                            .count();
                        let value = &text[at..at + end];
                        at += end;
                        value
                    }
                };
                if attr == "href" {
                    href = Some(decode_entities(value).trim().to_string());
                }
            }
        }
    }
    Some(Tag {
        name,
        closing,
        self_closing,
        href,
        len: at + 1,
    })
}

/// Decodes character references: the named ones reviews use, and numeric ones. Unknown or
/// malformed references stay as they are.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|n| n + 1)
            .unwrap_or(rest.len());
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "hellip" => Some('…'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "lsquo" => Some('\u{2018}'),
            "rsquo" => Some('\u{2019}'),
            "ldquo" => Some('\u{201c}'),
            "rdquo" => Some('\u{201d}'),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            "copy" => Some('©'),
            "eacute" => Some('é'),
            "egrave" => Some('è'),
            "ecirc" => Some('ê'),
            "aacute" => Some('á'),
            "agrave" => Some('à'),
            "iacute" => Some('í'),
            "oacute" => Some('ó'),
            "uacute" => Some('ú'),
            "ntilde" => Some('ñ'),
            "ccedil" => Some('ç'),
            "auml" => Some('ä'),
            "ouml" => Some('ö'),
            "uuml" => Some('ü'),
            "szlig" => Some('ß'),
            _ => name.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => n.parse().ok()?,
                };
                char::from_u32(code).filter(|c| *c != '\0')
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                if rest.starts_with(';') {
                    rest = &rest[1..];
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::markup::spoilers::readable_text;
    use proptest::prelude::*;

    #[test]
    fn goodreads_paragraphs_marks_links_and_spoilers() {
        let html = "It begins slowly.<br /><br />Then <b>Genly</b> crosses <i>the Ice</i> with <a href=\"https://example.org/e\">Estraven</a>.<br/>A line.<br /><br /><spoiler>Estraven dies.</spoiler> I cried.";
        assert_eq!(
            to_markdown(html),
            "It begins slowly.\n\nThen **Genly** crosses *the Ice* with [Estraven](<https://example.org/e>).\nA line.\n\n||Estraven dies.|| I cried."
        );
    }

    #[test]
    fn a_spoiler_across_paragraphs_is_one_spoiler_each() {
        let html = "Before <spoiler>first<br><br>second</spoiler> after";
        assert_eq!(to_markdown(html), "Before ||first||\n\n||second|| after");
    }

    #[test]
    fn hostile_html_stays_text() {
        let html = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">click</a> 1 &lt; 2 &amp; <b>*not* a list</b><style>p{}</style> [x](y) a||b";
        let md = to_markdown(html);
        assert!(!md.contains("alert"), "{md}");
        assert!(!md.contains("javascript"), "{md}");
        assert!(!md.contains('<') || md.contains("\\<"), "{md}");
        assert!(
            md.starts_with("click 1 \\< 2 \\& **\\*not\\* a list**"),
            "{md}"
        );
        assert!(md.contains("\\[x\\](y)") && md.contains("a\\|\\|b"), "{md}");
    }

    #[test]
    fn entities_and_white_space_read_as_a_browser_shows_them() {
        assert_eq!(
            to_markdown("Caf&eacute;? &#233;&#x263A; a\n   b&nbsp;c &unknown; &"),
            "Café? é☺ a b\u{a0}c \\&unknown; \\&"
        );
    }

    /// A review made of plain words, tags and secret words inside `<spoiler>`.
    fn review_html() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-z ]{1,12}".prop_map(|s| s),
            Just("<br/>".to_string()),
            Just("<br/><br/>".to_string()),
            Just("<b>".to_string()),
            Just("</b>".to_string()),
            Just("<i>".to_string()),
            Just("</i>".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("*".to_string()),
            Just("|".to_string()),
            Just("<a href=\"https://e.org/\">".to_string()),
            Just("</a>".to_string()),
            "[a-z]{1,6}".prop_map(|s| format!("<spoiler>SECRET{s}</spoiler>")),
            ("[a-z ]{0,6}", "[a-z ]{0,6}")
                .prop_map(|(a, b)| format!("<spoiler>{a}<br/><br/><b>SECRETX</b>{b}</spoiler>")),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn no_spoiler_text_lands_outside_a_spoiler(html in review_html()) {
            let body = to_markdown(&html);
            let read = readable_text(&body);
            let mut outside = read.text.clone();
            // Blank every spoiler's text; what is left is what a reader sees unopened.
            for range in read.spoilers.iter().rev() {
                outside.replace_range(range.clone(), "");
            }
            prop_assert!(!outside.contains("SECRET"), "{html:?} became {body:?}, outside: {outside:?}");
            // And every secret is still there, inside a spoiler.
            let secrets = html.matches("SECRET").count();
            prop_assert_eq!(read.text.matches("SECRET").count(), secrets, "{:?} became {:?}", html, body);
        }
    }
}
