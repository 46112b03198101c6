// Text helpers for the publishing check (check.mjs): what a review's spoilers are (from its JSON
// export), how to compare text as a reader sees it, and a small HTML tokenizer that can leave out
// what a reader does not see until they ask (a closed <details>, an inline spoiler).

// ---------------------------------------------------------------------------------------------
// Comparing text

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d',
  bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', middot: '\u00b7', bull: '\u2022',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', times: '\u00d7',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', ccedil: '\u00e7', uuml: '\u00fc',
  ouml: '\u00f6', auml: '\u00e4', szlig: '\u00df', thinsp: '\u2009', ensp: '\u2002',
  emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c',
};

/** Decodes HTML character references once (`&amp;lt;` becomes `&lt;`, not `<`). */
export function decodeEntities(s) {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? m;
  });
}

/**
 * Text as a reader sees it, for comparing: entities decoded, Markdown emphasis marks, inline
 * code marks, `||` spoiler marks and backslash escapes dropped, links reduced to their text,
 * typographic quotes/dashes/ellipses folded to plain ones (Hugo, kramdown and pandoc turn
 * straight quotes curly), whitespace collapsed, lower case.
 */
export function norm(s) {
  return decodeEntities(String(s))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\|\|/g, ' ')
    .replace(/[*_~`]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const words = (s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Shortens a text for a report line. */
export function clip(s, n = 70) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

// ---------------------------------------------------------------------------------------------
// A review's spoilers

/**
 * Reads a review's JSON export (`seed.json`, `sample.json`) and returns what must stay hidden:
 * `needles` (normalized strings to search for: every sentence of at least 6 words of a spoiler
 * section, each such sentence's first 8 words, inline `||spoiler||` passages of at least 3
 * words, and tokens like SECTIONSECRET), `visibleText` (what is no spoiler, normalized), the
 * post `title`, and notes on spoiler passages too short to search for.
 */
export function reviewSpoilers(json) {
  const review = json.review ?? json;
  const hidden = [];
  const visible = [];
  for (const section of review.sections ?? []) {
    visible.push(section.heading ?? '');
    if (section.spoiler) {
      hidden.push({ text: section.body ?? '', where: `spoiler section “${section.heading}”`, section: true });
    } else {
      const shown = (section.body ?? '').replace(/\|\|([\s\S]+?)\|\|/g, (_, text) => {
        hidden.push({ text, where: `inline spoiler in “${section.heading}”`, section: false });
        return ' ';
      });
      visible.push(shown);
    }
  }
  const metadata = review.metadata ?? {};
  for (const value of Object.values(metadata)) if (typeof value === 'string') visible.push(value);
  visible.push(review.post_title ?? '');
  const visibleText = norm(visible.join('\n'));

  const needles = new Map(); // normalized needle -> where it comes from
  const notes = [];
  const add = (text, where) => {
    const n = norm(text);
    if (n && !visibleText.includes(n) && !needles.has(n)) needles.set(n, where);
  };
  for (const { text, where, section } of hidden) {
    const plain = text
      .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-+*]\s+|\d+[.)]\s+)/gm, '')
      .replace(/\|\|/g, ' ');
    for (const token of plain.match(/\b[A-Z]{3,}SECRET\b/g) ?? []) add(token, where);
    const sentences = plain.split(/(?<=[.!?\u2026])["'\u201d\u2019)]*\s+|\n\s*\n/).map((s) => s.trim()).filter(Boolean);
    let used = 0;
    for (const sentence of sentences) {
      const w = words(norm(sentence));
      if (w.length >= 6) {
        add(sentence, where);
        if (w.length > 8) add(norm(sentence).split(' ').slice(0, 8).join(' '), where);
        used++;
      }
    }
    if (used === 0) {
      const w = words(norm(plain));
      if (!section && w.length >= 3 && norm(plain).length >= 12) add(plain, where);
      else if (section && w.length >= 3) add(plain, where);
      else if (!/\b[A-Z]{3,}SECRET\b/.test(plain)) notes.push(`${where}: “${clip(plain, 30)}” is too short to search for`);
    }
  }
  const title = review.post_title || `Review: ${metadata.title ?? ''} by ${metadata.author ?? ''}`;
  return { needles, visibleText, title, notes };
}

/** The needles found in a text (already normalized or not): [{ needle, where }]. */
export function leaks(text, spoilers) {
  const hay = norm(text);
  const found = [];
  for (const [needle, where] of spoilers.needles) if (hay.includes(needle)) found.push({ needle, where });
  return found;
}

/** A report of leaks: how many, and the first one. */
export function describeLeaks(found) {
  if (found.length === 0) return '';
  const first = found[0];
  return `${found.length} spoiler passage(s), e.g. “${clip(first.needle, 60)}” (${first.where})`;
}

// ---------------------------------------------------------------------------------------------
// HTML

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'spoiler']);
// Attributes whose values a reader or a sharing card may show.
const SHOWN_ATTRIBUTES = new Set(['content', 'alt', 'title', 'aria-label', 'value', 'summary']);

function parseAttributes(s) {
  const attrs = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m;
  while ((m = re.exec(s))) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/**
 * Splits HTML (or XML) into tokens: { type: 'text', text } (entities decoded), { type: 'open',
 * name, attrs, selfClosing }, { type: 'close', name }, { type: 'raw', name, text } (the content
 * of script/style), { type: 'cdata', text }. Comments and doctypes are dropped.
 */
export function tokenize(html) {
  const tokens = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { tokens.push({ type: 'text', text: decodeEntities(html.slice(i)) }); break; }
    if (lt > i) tokens.push({ type: 'text', text: decodeEntities(html.slice(i, lt)) });
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      tokens.push({ type: 'cdata', text: html.slice(lt + 9, end < 0 ? html.length : end) });
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/.exec(html.slice(lt, lt + 100000));
    if (!m) {
      if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
        const end = html.indexOf('>', lt);
        i = end < 0 ? html.length : end + 1;
      } else {
        tokens.push({ type: 'text', text: '<' });
        i = lt + 1;
      }
      continue;
    }
    const name = m[2].toLowerCase();
    i = lt + m[0].length;
    if (m[1]) { tokens.push({ type: 'close', name }); continue; }
    const selfClosing = /\/\s*$/.test(m[3]);
    tokens.push({ type: 'open', name, attrs: parseAttributes(m[3].replace(/\/\s*$/, '')), selfClosing });
    if ((name === 'script' || name === 'style') && !selfClosing) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      tokens.push({ type: 'raw', name, text: html.slice(i, stop) });
      tokens.push({ type: 'close', name });
      i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
    }
  }
  return tokens;
}

export const hasClass = (attrs, cls) => (attrs.class ?? '').split(/\s+/).includes(cls);

/**
 * The text of a token list as one string. `hide(name, attrs)` says which elements to leave out
 * whole (e.g. `<details>`). With `attributes`, the values of shown attributes (meta content, alt,
 * title…) are included; with `scripts`, the content of script elements (JSON-LD) too.
 */
export function textOf(tokens, { hide = () => false, attributes = true, scripts = true } = {}) {
  let out = '';
  let skipName = null;
  let depth = 0;
  for (const t of tokens) {
    if (skipName) {
      if (t.type === 'open' && t.name === skipName && !t.selfClosing && !VOID.has(t.name)) depth++;
      if (t.type === 'close' && t.name === skipName && --depth === 0) skipName = null;
      continue;
    }
    if (t.type === 'open') {
      if (hide(t.name, t.attrs)) {
        if (!t.selfClosing && !VOID.has(t.name)) { skipName = t.name; depth = 1; }
        continue;
      }
      if (!INLINE.has(t.name)) out += ' ';
      if (attributes) for (const [k, v] of Object.entries(t.attrs)) if (SHOWN_ATTRIBUTES.has(k) && v) out += ` ${v} `;
    } else if (t.type === 'close') {
      if (!INLINE.has(t.name)) out += ' ';
    } else if (t.type === 'text' || t.type === 'cdata') {
      out += t.text;
    } else if (t.type === 'raw' && t.name === 'script' && scripts) {
      out += ` ${t.text} `;
    }
  }
  return out;
}

/** The token lists of each element matching `match(name, attrs)` (its content, without itself). */
export function elements(tokens, match) {
  const found = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'open' || !match(t.name, t.attrs)) continue;
    if (t.selfClosing || VOID.has(t.name)) { found.push({ attrs: t.attrs, name: t.name, tokens: [] }); continue; }
    let depth = 1;
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const u = tokens[j];
      if (u.type === 'open' && u.name === t.name && !u.selfClosing) depth++;
      if (u.type === 'close' && u.name === t.name && --depth === 0) break;
    }
    found.push({ attrs: t.attrs, name: t.name, tokens: tokens.slice(i + 1, j) });
  }
  return found;
}

/** Headings (h1–h6) as [{ level, text }]. */
export function headings(tokens) {
  return elements(tokens, (name) => /^h[1-6]$/.test(name)).map((e) => ({
    level: Number(e.name[1]),
    text: textOf(e.tokens, { attributes: false }).replace(/\s+/g, ' ').trim(),
  }));
}

/** The content attribute of <meta name|property=key>, or null. */
export function metaContent(tokens, key) {
  for (const t of tokens) {
    if (t.type === 'open' && t.name === 'meta' && (t.attrs.name === key || t.attrs.property === key)) return t.attrs.content ?? '';
  }
  return null;
}

/** The JSON-LD blocks: [{ raw, value, error }]. */
export function jsonLd(tokens) {
  const blocks = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'open' && t.name === 'script' && (t.attrs.type ?? '').toLowerCase() === 'application/ld+json') {
      const raw = tokens[i + 1]?.type === 'raw' ? tokens[i + 1].text : '';
      try { blocks.push({ raw, value: JSON.parse(raw) }); } catch (error) { blocks.push({ raw, error }); }
    }
  }
  return blocks;
}

/** Every string in a JSON value, with its path: [[path, string]]. */
export function jsonStrings(value, path = '$') {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, `${path}.${k}`));
  return [];
}

/**
 * An RSS/Atom feed as HTML: the escaped HTML inside its elements (description, content,
 * summary) decoded once, so that a <details> in an entry counts as one, as a feed reader sees it.
 */
export function feedAsHtml(xml) {
  let out = '';
  for (const t of tokenize(xml)) {
    if (t.type === 'text' || t.type === 'cdata') out += t.text;
    else if (t.type === 'open') out += ' ';
    else if (t.type === 'close') out += ' ';
  }
  return out;
}
