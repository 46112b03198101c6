// The checks of scripts/check-publishing: Verdict's export golden files as each platform's real
// software shows them. scripts/check-publishing installs the tools and builds the sites (Hugo,
// Jekyll) and pandoc's output into the work directory; this script renders the rest itself
// (markdown-it, HackMD's spoiler container, snudown for Reddit, Discord's parser), checks it all
// and prints one `ok` or `FAIL what: detail` line a check, then `N passed, M failed`.
//
// Usage:
//   node tests/publishing/check.mjs run --golden DIR --work DIR
//   node tests/publishing/check.mjs post-name REVIEW.json   (YYYY-MM-DD-slug, for Jekyll's _posts)
//
// What must stay hidden comes from each review's JSON export (text.mjs: reviewSpoilers): every
// sentence of a spoiler section and every ||inline|| spoiler. Built sites are checked whole: a
// spoiler may be in the post page inside a <details> (or in a platform's own spoiler element),
// and nowhere else: not in summaries, feeds, meta descriptions, Open Graph or JSON-LD.

import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import markdownItContainer from 'markdown-it-container';
import { markdown as snudown } from 'snudown-js';
import * as discordParser from 'discord-markdown-parser';
import {
  clip, describeLeaks, elements, feedAsHtml, hasClass, headings, jsonLd, jsonStrings, leaks,
  metaContent, norm, reviewSpoilers, textOf, tokenize,
} from './text.mjs';

const discordParse = discordParser.parse ?? discordParser.default?.parse;

// ---------------------------------------------------------------------------------------------
// Reporting

let passed = 0;
let failed = 0;
function report(what, problem) {
  if (problem) {
    failed++;
    console.log(`FAIL ${what}: ${problem}`);
  } else {
    passed++;
    console.log(`ok   ${what}`);
  }
}
const note = (text) => console.log(`     (${text})`);

// ---------------------------------------------------------------------------------------------
// Shared checks

const read = (file) => fs.readFileSync(file, 'utf8');
const exists = (file) => fs.existsSync(file);
const inDetails = (name) => name === 'details';

/** Spoilers inside the allowed elements only; and each spoiler is there, its Markdown rendered. */
function checkHiddenOnly(what, tokens, spoilers, { hide = inDetails, form = '<details>' } = {}) {
  const outside = leaks(textOf(tokens, { hide, attributes: false, scripts: false }), spoilers);
  report(`${what}: spoiler text only inside ${form}`, outside.length ? `${describeLeaks(outside)} outside ${form}` : '');
  const inside = elements(tokens, hide);
  const insideText = inside.map((e) => textOf(e.tokens, { attributes: false })).join(' ');
  const missing = [...spoilers.needles].filter(([n]) => !norm(insideText).includes(n));
  const literal = insideText.match(/\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__/);
  report(
    `${what}: every spoiler shown in ${form}, its Markdown rendered`,
    inside.length === 0 ? `no ${form} at all`
      : missing.length ? `${missing.length} spoiler passage(s) not inside ${form}, e.g. “${clip(missing[0][0], 60)}” (${missing[0][1]})`
        : literal ? `literal Markdown in a spoiler: “${clip(literal[0], 40)}”` : '',
  );
}

/** No Markdown backslash escape left showing (`\,` where the renderer escapes fewer characters than the exporter did). */
function checkEscapes(what, tokens) {
  const text = textOf(tokens, { hide: (name) => name === 'code' || name === 'pre', attributes: false, scripts: false });
  const escapes = [...new Set(text.match(/\\[^\s\p{L}\p{N}]/gu) ?? [])];
  report(`${what}: no backslash escapes left visible`, escapes.length ? `the text shows ${escapes.slice(0, 6).map((e) => `“${e}”`).join(', ')}` : '');
}

/** No spoiler text anywhere in a text (a description, a feed, a whole page). */
function checkNoLeak(what, text, spoilers) {
  const found = leaks(text, spoilers);
  report(what, found.length ? describeLeaks(found) : '');
}

/** The title appears as a heading exactly once, and as an <h1> (when `h1`). */
function checkTitleOnce(what, tokens, title, { h1 = true } = {}) {
  const hs = headings(tokens).filter((h) => norm(h.text) === norm(title));
  const levels = hs.map((h) => `<h${h.level}>`).join(', ');
  report(
    `${what}: the title once as a heading${h1 ? ', in an <h1>' : ''}`,
    hs.length !== 1 ? `“${clip(title, 50)}” is ${hs.length === 0 ? 'no heading' : `${hs.length} headings (${levels})`}`
      : h1 && hs[0].level !== 1 ? `the title is an <h${hs[0].level}>, not an <h1>` : '',
  );
}

/** Typed template syntax ({{ … }}, {% … %}) in a section stays text (Hugo, Jekyll). */
function checkTemplatesStayText(what, pageTokens, review) {
  const bodies = (review.review ?? review).sections.filter((s) => !s.spoiler && /\{\{|\{%/.test(s.body));
  if (bodies.length === 0) return;
  const text = norm(textOf(pageTokens, { attributes: false }));
  const typed = (s) => s.body.replace(/\|\|[\s\S]+?\|\|/g, ' ').split(/\n\s*\n/).find((p) => /\{\{|\{%/.test(p));
  const missing = bodies.filter((s) => typed(s) && !text.includes(norm(typed(s))));
  const scripts = elements(pageTokens, (name) => name === 'script').filter((e) => !/ld\+json/.test(e.attrs.type ?? ''));
  report(
    `${what}: typed {{ … }} and {% … %} stay text, no <script>`,
    missing.length ? `the text of “${missing[0].heading}” is not on the page as typed (a template ran?)`
      : scripts.length ? `${scripts.length} <script> element(s) on the page` : '',
  );
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** A built file's text as readers (and feed readers, and sharing cards) get it, spoiler elements left out. */
function siteFileText(file, hide = inDetails) {
  const raw = read(file);
  if (file.endsWith('.xml')) return textOf(tokenize(feedAsHtml(raw)), { hide });
  if (file.endsWith('.html') || file.endsWith('.htm')) return textOf(tokenize(raw), { hide });
  if (/\.(json|txt)$/.test(file)) return raw;
  return '';
}

function buildStatus(dir) {
  const status = exists(path.join(dir, 'build.status')) ? read(path.join(dir, 'build.status')).trim() : 'missing';
  const log = exists(path.join(dir, 'build.log')) ? read(path.join(dir, 'build.log')).replace(/\x1b\[[0-9;]*m/g, '') : '';
  const tool = exists(path.join(dir, 'tool')) ? read(path.join(dir, 'tool')).trim() : path.basename(dir);
  return { ok: status === '0', status, log, tool };
}

/** A string field of a Markdown file's YAML (`key: "…"`) or TOML (`key = "…"`) front matter, or ''. */
function frontMatterField(file, key) {
  const text = exists(file) ? read(file) : '';
  const m = new RegExp(`^${key}\\s*[:=]\\s*("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s#].*)$`, 'm').exec(text.split(/^(?:---|\+\+\+)\s*$/m)[1] ?? '');
  if (!m) return '';
  try { return m[1].startsWith('"') ? JSON.parse(m[1]) : m[1].replace(/^'|'$/g, '').trim(); } catch { return m[1]; }
}

function notChecked(what, checks, reason) {
  for (const c of checks) report(`${what}: ${c}`, `not checked, ${reason}`);
}

// ---------------------------------------------------------------------------------------------
// Hugo

function checkHugo(name, dir, spoilers, review) {
  const build = buildStatus(dir);
  const what = `${name} · ${build.tool}`;
  const errors = build.log.split('\n').filter((l) => /\bERROR\b|^Error:/.test(l));
  report(`${what}: builds with no ERROR`, build.ok && errors.length === 0 ? '' : clip(errors[0] ?? `exit status ${build.status}`, 200));
  for (const warning of build.log.split('\n').filter((l) => /\bWARN\b/.test(l))) note(`Hugo says: ${clip(warning.trim(), 160)}`);
  const public_ = path.join(dir, 'public');
  const slug = frontMatterField(path.join(dir, 'site', 'content', 'posts', `${name}.md`), 'slug') || name;
  // The post's page: posts/<slug>/, else whichever page the theme's single layout made (a `url` in front matter).
  let page = path.join(public_, 'posts', slug, 'index.html');
  if (!exists(page) && exists(public_)) page = listFiles(public_).find((f) => f.endsWith('.html') && read(f).includes('<article class="post">')) ?? page;
  if (!exists(page)) {
    notChecked(what, ['the title once as a heading, in an <h1>', 'spoiler text only inside <details>', 'every spoiler shown in <details>, its Markdown rendered',
      'no spoiler text in <meta name="description">', 'no spoiler text in og:description', 'no spoiler text on the home page (summaries)',
      'no spoiler text in the RSS feeds (index.xml)', 'no spoiler text anywhere else in the site', 'no backslash escapes left visible',
      'no “Posted in:”/“Tagged:” line in the body'], 'no post page was built');
    return;
  }
  const tokens = tokenize(read(page));
  checkTitleOnce(what, tokens, spoilers.title);
  const body = elements(tokens, (n, a) => n === 'div' && hasClass(a, 'post-content'))[0]?.tokens ?? [];
  checkHiddenOnly(what, body, spoilers);
  for (const key of ['description', 'og:description']) {
    const content = metaContent(tokens, key);
    checkNoLeak(`${what}: no spoiler text in ${key === 'description' ? '<meta name="description">' : key}`, content ?? '', spoilers);
  }
  checkNoLeak(`${what}: no spoiler text on the home page (summaries)`, siteFileText(path.join(public_, 'index.html')), spoilers);
  const files = listFiles(public_);
  const feeds = files.filter((f) => f.endsWith('index.xml'));
  const feedLeaks = feeds.map((f) => [f, leaks(siteFileText(f), spoilers)]).filter(([, l]) => l.length);
  report(`${what}: no spoiler text in the RSS feeds (index.xml)`, feedLeaks.length
    ? `${describeLeaks(feedLeaks[0][1])} in ${feedLeaks.map(([f]) => path.relative(public_, f)).join(', ')}` : '');
  const others = files.filter((f) => f !== page && !f.endsWith('index.xml') && f !== path.join(public_, 'index.html'));
  const otherLeaks = others.map((f) => [f, leaks(siteFileText(f), spoilers)]).filter(([, l]) => l.length);
  const pageOutside = leaks(textOf(tokens, { hide: inDetails }), spoilers);
  if (pageOutside.length) otherLeaks.unshift([page, pageOutside]);
  report(`${what}: no spoiler text anywhere else in the site (every file, <details> left out)`, otherLeaks.length
    ? `${describeLeaks(otherLeaks[0][1])} in ${otherLeaks.map(([f]) => path.relative(public_, f)).join(', ')}` : '');
  checkEscapes(what, body);
  const bodyText = textOf(body, { attributes: false });
  const line = bodyText.match(/(Posted in|Tagged|Filed under|Categories|Tags)\s*:[^\n]{0,40}/i);
  report(`${what}: no “Posted in:”/“Tagged:” line in the body (the theme lists categories and tags)`, line ? `the body says “${clip(line[0], 60)}”` : '');
  checkTemplatesStayText(what, body, review);
}

// ---------------------------------------------------------------------------------------------
// Jekyll

function checkJekyll(name, dir, spoilers, review) {
  const build = buildStatus(dir);
  const what = `${name} · ${build.tool}`;
  const errors = build.log.split('\n').filter((l) => /\berror\b|Liquid (Exception|Warning)/i.test(l));
  report(`${what}: builds with no error`, build.ok && errors.length === 0 ? '' : clip(errors[0] ?? `exit status ${build.status}`, 200));
  const excerpt = build.log.split('\n').find((l) => /Excerpt modified/i.test(l));
  report(`${what}: no “Excerpt modified” warning`, excerpt ? clip(excerpt.trim(), 200) : '');
  const site = path.join(dir, '_site');
  const postName = read(path.join(dir, 'post-name')).trim();
  const slug = frontMatterField(path.join(dir, 'site', '_posts', `${postName}.md`), 'slug') || postName.slice(11);
  const files = exists(site) ? listFiles(site) : [];
  const page = files.find((f) => path.basename(f) === `${slug}.html` || f.endsWith(`/${slug}/index.html`))
    ?? files.find((f) => f.endsWith('.html') && read(f).includes('class="post h-entry"')); // a `permalink` in front matter
  if (!page) {
    notChecked(what, ['the post page'], `no page for _posts/${postName}.md was built`);
    return;
  }
  const url = `/${path.relative(site, page).split(path.sep).map(encodeURIComponent).join('/')}`;
  report(`${what}: the post's URL has no %20`, url.includes('%20') ? `the URL is ${url}` : '');
  const html = read(page);
  const tokens = tokenize(html);
  const title = elements(tokens, (n) => n === 'title')[0];
  const stylesheet = tokens.some((t) => t.type === 'open' && t.name === 'link' && t.attrs.rel === 'stylesheet' && /assets\/main\.css$/.test(t.attrs.href ?? ''));
  report(`${what}: minima's layout applied (<title> and the minima stylesheet)`,
    !title ? 'no <title>: the post has no layout (front matter needs `layout: post`)' : !stylesheet ? "no link to minima's /assets/main.css" : '');
  checkTitleOnce(what, tokens, spoilers.title);
  const content = elements(tokens, (n, a) => n === 'div' && hasClass(a, 'post-content'))[0]?.tokens ?? tokens;
  checkHiddenOnly(what, content, spoilers);
  checkEscapes(what, content);
  for (const key of ['description', 'og:description', 'twitter:description']) {
    const value = metaContent(tokens, key);
    checkNoLeak(`${what}: no spoiler text in ${key === 'description' ? '<meta name="description">' : key}`, value ?? '', spoilers);
  }
  const reviewer = (review.review ?? review).metadata?.reviewer ?? '';
  const author = metaContent(tokens, 'author');
  if (reviewer) {
    report(`${what}: the reviewer's name intact in <meta name="author">${author === null ? ' (none)' : ''}`,
      author !== null && norm(author) !== norm(reviewer) ? `it reads “${clip(author, 40)}” for “${clip(reviewer, 40)}” (jekyll-seo-tag writes page.author into the attribute unescaped)` : '');
  }
  const ld = jsonLd(tokens);
  const ldBroken = ld.filter((b) => b.error);
  report(`${what}: jekyll-seo-tag's JSON-LD parses`, ld.length === 0 ? 'no JSON-LD' : ldBroken.length ? `JSON.parse: ${ldBroken[0].error.message}` : '');
  const ldLeaks = ld.flatMap((b) => (b.value ? jsonStrings(b.value) : [])).filter(([, s]) => leaks(s, spoilers).length);
  report(`${what}: no spoiler text in jekyll-seo-tag's JSON-LD`, ldLeaks.length ? `${describeLeaks(leaks(ldLeaks[0][1], spoilers))} in ${ldLeaks.map(([p]) => p).join(', ')}` : '');
  const feed = path.join(site, 'feed.xml');
  checkNoLeak(`${what}: no spoiler text in feed.xml (outside <details>)`, exists(feed) ? siteFileText(feed) : '', spoilers);
  checkNoLeak(`${what}: no spoiler text on the home page (excerpts)`, siteFileText(path.join(site, 'index.html')), spoilers);
  const others = files.filter((f) => f !== page && f !== feed && f !== path.join(site, 'index.html'));
  const otherLeaks = others.map((f) => [f, leaks(siteFileText(f), spoilers)]).filter(([, l]) => l.length);
  const pageOutside = leaks(textOf(tokens, { hide: inDetails }), spoilers);
  if (pageOutside.length) otherLeaks.unshift([page, pageOutside]);
  report(`${what}: no spoiler text anywhere else in the site (every file, <details> left out)`, otherLeaks.length
    ? `${describeLeaks(otherLeaks[0][1])} in ${otherLeaks.map(([f]) => path.relative(site, f)).join(', ')}` : '');
  checkTemplatesStayText(what, content, review);
}

// ---------------------------------------------------------------------------------------------
// Renderers run here

function hackmdRenderer() {
  // As HackMD/HedgeDoc: `:::spoiler Summary` … `:::` becomes <details><summary>Summary</summary>.
  const md = new MarkdownIt({ html: true, linkify: true, breaks: true });
  md.use(markdownItContainer, 'spoiler', {
    validate: (params) => /^spoiler(\s+.*)?$/.test(params.trim()),
    render: (tokens, idx) => {
      if (tokens[idx].nesting !== 1) return '</details>\n';
      const summary = tokens[idx].info.trim().replace(/^spoiler\s*/, '').replace(/\s*\{state="open"\}\s*$/, '');
      return `<details><summary>${md.utils.escapeHtml(summary || 'Spoiler')}</summary>\n`;
    },
  });
  return md;
}

function checkReddit(name, file, spoilers) {
  const what = `${name} · Reddit (snudown-js)`;
  const html = snudown(read(file));
  const tokens = tokenize(html);
  const spoilerSpan = (n, a) => n === 'span' && hasClass(a, 'md-spoiler-text');
  checkHiddenOnly(what, tokens, spoilers, { hide: spoilerSpan, form: 'Reddit spoilers (>!…!<)' });
  checkEscapes(what, tokens);
  const titleHeadings = headings(tokens).filter((h) => norm(h.text) === norm(spoilers.title));
  report(`${what}: the title is no heading (Reddit has a title field)`, titleHeadings.length ? `the post starts with an <h${titleHeadings[0].level}> “${clip(spoilers.title, 50)}”` : '');
}

const DISCORD_INLINE = new Set(['text', 'escape', 'strong', 'em', 'underline', 'strike', 'spoiler', 'inlineCode', 'url', 'autolink', 'link', 'emoji', 'emoticon', 'timestamp']);

function checkDiscord(name, file, spoilers, { spoilerFree = false } = {}) {
  const what = `${name} · Discord (discord-markdown-parser)${spoilerFree ? ', spoiler-free' : ''}`;
  const raw = read(file);
  const parts = raw.split(/^-{3,} *\d+ of \d+ *-{3,}[ \t]*$/m).map((p) => p.replace(/^\n+|\s+$/g, '')).filter((p) => p.length > 0);
  const long = parts.map((p, i) => [i + 1, [...p].length]).filter(([, n]) => n > 2000);
  report(`${what}: each of the ${parts.length} message(s) at most 2,000 characters`, long.length ? long.map(([i, n]) => `message ${i} has ${n}`).join(', ') : '');
  let outside = '';
  let inside = '';
  const endsWithHeading = [];
  const dangling = [];
  const walk = (nodes, inSpoiler) => {
    let run = '';
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'escape') {
        if (inSpoiler) inside += node.content;
        else { outside += node.content; run += node.content; }
        continue;
      }
      if (!inSpoiler && run.includes('||')) dangling.push(run);
      run = '';
      const isSpoiler = node.type === 'spoiler';
      // Block nodes (headings, quotes, code blocks, line breaks) separate words; inline ones don't.
      const gap = DISCORD_INLINE.has(node.type) ? '' : '\n';
      const add = (s) => { if (inSpoiler || isSpoiler) inside += s; else outside += s; };
      add(gap);
      if (Array.isArray(node.content)) walk(node.content, inSpoiler || isSpoiler);
      else if (typeof node.content === 'string') add(node.content);
      add(gap);
    }
    if (!inSpoiler && run.includes('||')) dangling.push(run);
  };
  parts.forEach((part, i) => {
    const ast = discordParse(part, 'normal');
    walk(ast, false);
    outside += '\n';
    const last = [...ast].reverse().find((n) => !(n.type === 'br' || (n.type === 'text' && !n.content.trim())));
    if (last?.type === 'heading') endsWithHeading.push(i + 1);
  });
  if (!spoilerFree) {
    const found = leaks(outside, spoilers);
    report(`${what}: spoiler text only inside spoilers (||…||)`, found.length ? `${describeLeaks(found)} outside a spoiler` : '');
    const missing = [...spoilers.needles].filter(([n]) => !norm(inside).includes(n));
    report(`${what}: every spoiler shown in a spoiler (||…||)`, missing.length ? `${missing.length} spoiler passage(s) in no spoiler, e.g. “${clip(missing[0][0], 60)}”` : '');
  }
  report(`${what}: no message ends with a heading`, endsWithHeading.length ? `message(s) ${endsWithHeading.join(', ')} end with a heading (it belongs with the next one)` : '');
  report(`${what}: no dangling ||`, dangling.length ? `“${clip(dangling[0], 60)}”` : '');
  const escapes = [...new Set(`${outside}\n${inside}`.match(/\\[^\s\p{L}\p{N}]/gu) ?? [])];
  report(`${what}: no backslash escapes left visible`, escapes.length ? `the text shows ${escapes.slice(0, 6).map((e) => `“${e}”`).join(', ')}` : '');
}

function checkGoodreads(name, file, spoilers, { spoilerFree = false } = {}) {
  const what = `${name} · Goodreads${spoilerFree ? ', spoiler-free' : ''}`;
  const raw = read(file);
  const tags = [...raw.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)].map((m) => m[1].toLowerCase());
  const allowed = new Set(['b', 'i', 'a', 'br', 'blockquote', 'spoiler']);
  const bad = [...new Set(tags.filter((t) => !allowed.has(t)))];
  report(`${what}: only the tags b, i, a, br, blockquote, spoiler`, bad.length ? `also ${bad.map((t) => `<${t}>`).join(', ')}` : '');
  const entities = [...new Set(raw.match(/&(?!(?:amp|lt|gt);)(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi) ?? [])];
  report(`${what}: no HTML entities where a plain character would do`, entities.length ? `it has ${entities.slice(0, 6).join(', ')}` : '');
  if (!spoilerFree) checkHiddenOnly(what, tokenize(raw), spoilers, { hide: (n) => n === 'spoiler', form: '<spoiler>' });
  const details = raw.match(/^\s*(ISBN(-1[03])?|ASIN|Publisher|Published|Language|Genre|Target group|Audience|Pages|Format|Hardcover|Paperback|Kindle Edition|Ebook)\b[^:\n]*:.*$/im);
  report(`${what}: no book-details list (Goodreads shows the book's page)`, details ? `it lists “${clip(details[0].trim(), 50)}”` : '');
}

function checkObsidian(name, file, spoilers) {
  const what = `${name} · Obsidian`;
  // Text outside folded callouts (`> [!type]-`): those stay closed until clicked.
  const lines = read(file).split('\n');
  const shown = [];
  let folded = false;
  for (const line of lines) {
    if (/^>\s*\[![^\]]+\]-/.test(line)) { folded = true; continue; }
    if (folded && /^>/.test(line)) continue;
    folded = false;
    shown.push(line);
  }
  const found = leaks(shown.join('\n').replace(/^---\n[\s\S]*?\n---\n/, ''), spoilers);
  report(`${what}: spoiler text only inside folded callouts (> [!…]-)`, found.length ? `${describeLeaks(found)} outside a folded callout` : '');
}

function checkHtmlPage(name, file, spoilers, label) {
  const what = `${name} · ${label}`;
  const tokens = tokenize(read(file));
  const hide = (n, a) => n === 'details' || hasClass(a, 'spoiler-text');
  const body = elements(tokens, (n) => n === 'body')[0]?.tokens ?? tokens;
  checkHiddenOnly(what, body, spoilers, { hide, form: '<details> or an inline spoiler (.spoiler-text)' });
  if (label !== 'HTML page') return;
  for (const key of ['description', 'og:description', 'twitter:description']) {
    const value = metaContent(tokens, key);
    checkNoLeak(`${what}: no spoiler text in ${key === 'description' ? '<meta name="description">' : key}${value === null ? ' (none)' : ''}`, value ?? '', spoilers);
  }
  const ld = jsonLd(tokens);
  const broken = ld.filter((b) => b.error);
  report(`${what}: JSON-LD present and parses`, ld.length === 0 ? 'no <script type="application/ld+json">' : broken.length ? `JSON.parse: ${broken[0].error.message}` : '');
  const strings = ld.flatMap((b) => (b.value ? jsonStrings(b.value) : []));
  const ldLeaks = strings.filter(([, s]) => leaks(s, spoilers).length);
  report(`${what}: no spoiler text in the JSON-LD (reviewBody, description, …)`, ldLeaks.length
    ? `${describeLeaks(leaks(ldLeaks[0][1], spoilers))} in ${ldLeaks.map(([p]) => p).slice(0, 4).join(', ')}` : '');
}

// ---------------------------------------------------------------------------------------------
// One review

function checkReview(name, golden, work) {
  const jsonFile = path.join(golden, `${name}.json`);
  const review = JSON.parse(read(jsonFile));
  const spoilers = reviewSpoilers(review);
  // The title as Hugo prints it: the Hugo export's front matter, else the JSON's.
  spoilers.title = frontMatterField(path.join(golden, `${name}-hugo-yaml.md`), 'title') || spoilers.title;
  console.log(`\n== ${name}: “${spoilers.title}”, ${spoilers.needles.size} spoiler passages to look for`);
  for (const n of spoilers.notes) note(n);
  const g = (suffix) => path.join(golden, `${name}${suffix}`);
  const w = path.join(work, name);

  // Hugo and Jekyll (built by scripts/check-publishing).
  for (const dir of fs.readdirSync(w).filter((d) => d.startsWith('hugo-')).sort()) checkHugo(name, path.join(w, dir), spoilers, review);
  if (exists(path.join(w, 'jekyll'))) checkJekyll(name, path.join(w, 'jekyll'), spoilers, review);

  // pandoc (run by scripts/check-publishing).
  for (const file of fs.readdirSync(w).filter((f) => /^pandoc-.*\.html$/.test(f)).sort()) {
    const [, from, input] = /^pandoc-([a-z]+)-(.*)\.html$/.exec(file);
    const what = `${name} · pandoc -f ${from} (${input === 'github' ? `${name}.md, GitHub` : `${name}-commonmark.md, plain`})`;
    const tokens = tokenize(read(path.join(w, file)));
    checkHiddenOnly(what, tokens, spoilers);
    checkTitleOnce(what, tokens, spoilers.title, { h1: false });
    checkEscapes(what, tokens);
  }

  // markdown-it: safe defaults on the spoiler-free plain export, raw HTML on the plain export.
  if (exists(g('-commonmark-spoiler-free.md'))) {
    const html = new MarkdownIt({ html: false }).render(read(g('-commonmark-spoiler-free.md')));
    checkNoLeak(`${name} · markdown-it (html: false) on ${name}-commonmark-spoiler-free.md: no spoiler text at all`, textOf(tokenize(html)), spoilers);
  }
  if (exists(g('-commonmark.md'))) {
    const tokens = tokenize(new MarkdownIt({ html: true }).render(read(g('-commonmark.md'))));
    checkHiddenOnly(`${name} · markdown-it (html: true) on ${name}-commonmark.md`, tokens, spoilers);
    checkEscapes(`${name} · markdown-it (html: true) on ${name}-commonmark.md`, tokens);
  }
  if (exists(g('-hackmd.md'))) {
    const tokens = tokenize(hackmdRenderer().render(read(g('-hackmd.md'))));
    checkHiddenOnly(`${name} · HackMD (markdown-it + :::spoiler container)`, tokens, spoilers);
    checkEscapes(`${name} · HackMD (markdown-it + :::spoiler container)`, tokens);
  }
  if (exists(g('-obsidian.md'))) checkObsidian(name, g('-obsidian.md'), spoilers);
  if (exists(g('-reddit.txt'))) checkReddit(name, g('-reddit.txt'), spoilers);
  if (exists(g('-discord.txt'))) checkDiscord(name, g('-discord.txt'), spoilers);
  if (exists(g('-discord-spoiler-free.txt'))) checkDiscord(name, g('-discord-spoiler-free.txt'), spoilers, { spoilerFree: true });
  if (exists(g('-goodreads.txt'))) checkGoodreads(name, g('-goodreads.txt'), spoilers);
  if (exists(g('-goodreads-spoiler-free.txt'))) checkGoodreads(name, g('-goodreads-spoiler-free.txt'), spoilers, { spoilerFree: true });
  if (exists(g('.html'))) checkHtmlPage(name, g('.html'), spoilers, 'HTML page');
  if (exists(g('-fragment.html'))) checkHtmlPage(name, g('-fragment.html'), spoilers, 'WordPress/Ghost fragment');

  // Every spoiler-free file: no spoiler text at all, whatever shows it.
  const spoilerFree = new RegExp(`^${name}(-[a-z0-9-]+)?-spoiler-free\\.[a-z]+$`);
  for (const file of fs.readdirSync(golden).filter((f) => spoilerFree.test(f)).sort()) {
    const raw = read(path.join(golden, file));
    const text = file.endsWith('.html') ? textOf(tokenize(raw)) : raw;
    checkNoLeak(`${name} · ${file}: no spoiler text at all`, text, spoilers);
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const command = process.argv[2];
if (command === 'post-name') {
  const review = JSON.parse(read(process.argv[3])).review;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(review.metadata.post_date ?? '') ? review.metadata.post_date : new Date().toISOString().slice(0, 10);
  const slug = (review.metadata.title || 'review').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'review';
  console.log(`${date}-${slug}`);
} else if (command === 'run') {
  const golden = arg('--golden');
  const work = arg('--work');
  const modules = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules');
  const version = (pkg) => JSON.parse(read(path.join(modules, pkg, 'package.json'))).version;
  console.log(`npm: markdown-it ${version('markdown-it')}, markdown-it-container ${version('markdown-it-container')}, snudown-js ${version('snudown-js')}, discord-markdown-parser ${version('discord-markdown-parser')}`);
  const reviews = ['seed', 'sample'].filter((r) => exists(path.join(golden, `${r}.json`)));
  for (const r of reviews) checkReview(r, golden, work);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
} else {
  console.error('usage: check.mjs run --golden DIR --work DIR | check.mjs post-name REVIEW.json');
  process.exit(2);
}
