// The hostile review's exports (tests/golden/hostile/) rendered by every engine an export may
// meet, each page then opened in Chromium with JavaScript on: nothing may run (no dialog, no
// window.__pwned), and no page may hold an event-handler attribute, a javascript:, vbscript:
// or data:text/html address, a script, frame, object, embed, base, form or refresh, or a style
// that takes over the page. The Hugo, Jekyll, pandoc and cmark-gfm pages are built by
// scripts/check-publishing; markdown-it (html: true, with HackMD's spoiler container) and
// snudown (old Reddit) render here.
// Usage: node tests/publishing/hostile.mjs <hostile golden dir> <work dir>
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import container from "markdown-it-container";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [golden, work] = process.argv.slice(2);

// markdown-it with raw HTML on (as many sites run it), and HackMD's `:::spoiler` container.
const md = new MarkdownIt({ html: true, linkify: true }).use(container, "spoiler", {
  validate: (params) => params.trim().startsWith("spoiler"),
  render: (tokens, i) =>
    tokens[i].nesting === 1
      ? `<details><summary>${md.utils.escapeHtml(tokens[i].info.trim().slice("spoiler".length).trim())}</summary>\n`
      : "</details>\n",
});
const page = (body) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>`;
for (const input of ["hostile", "hostile-commonmark", "hostile-hackmd", "hostile-obsidian"]) {
  writeFileSync(join(work, `markdown-it-${input}.html`), page(md.render(readFileSync(join(golden, `${input}.md`), "utf8"))));
}
const snudown = require("snudown-js");
writeFileSync(join(work, "snudown-hostile-reddit.html"), page(snudown.markdown(readFileSync(join(golden, "hostile-reddit.txt"), "utf8"))));

/** Every rendered page: the engines' HTML files, and the built sites' post pages. */
function pages(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === "site") continue;
      found.push(...pages(path));
    } else if (name.endsWith(".html") && (dir === work || /hostile/.test(path))) {
      found.push(path);
    }
  }
  return found;
}

const files = pages(work);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let passed = 0;
let failed = 0;
const perEngine = new Map();
for (const file of files) {
  const name = relative(work, file);
  const engine = ["markdown-it", "cmark-gfm"].find((e) => name.startsWith(e)) ?? name.split(/[-/]/)[0];
  const context = await browser.newContext();
  // No request leaves the machine: a page's images and links go nowhere.
  await context.route(/^https?:/, (route) => route.abort());
  const tab = await context.newPage();
  let dialogs = 0;
  tab.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss().catch(() => {});
  });
  await tab.goto(`file://${file}`, { waitUntil: "load" });
  await tab.waitForTimeout(100);
  const found = await tab.evaluate(() => {
    const problems = [];
    const refused = (value) => /^(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020]/g, ""));
    for (const el of document.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      if (tag === "script" && el.getAttribute("type") !== "application/ld+json") problems.push("<script>");
      if (["iframe", "frame", "object", "embed", "base", "form", "portal"].includes(tag)) problems.push(`<${tag}>`);
      if (tag === "meta" && /refresh/i.test(el.getAttribute("http-equiv") ?? "")) problems.push("<meta refresh>");
      for (const attr of el.attributes) {
        const attribute = attr.name.toLowerCase();
        if (attribute.startsWith("on")) problems.push(`${tag}[${attribute}]`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background"].includes(attribute) && refused(attr.value)) {
          problems.push(`${tag}[${attribute}=${attr.value.slice(0, 30)}]`);
        }
        if (attribute === "style" && /position\s*:\s*fixed|url\(|expression/i.test(attr.value)) problems.push(`${tag}[style=${attr.value.slice(0, 30)}]`);
      }
    }
    if (window.__pwned) problems.push("window.__pwned was set");
    return problems;
  });
  if (dialogs > 0) found.push(`${dialogs} dialog(s) opened`);
  const tally = perEngine.get(engine) ?? { pages: 0, failed: 0 };
  tally.pages += 1;
  if (found.length === 0) {
    passed += 1;
    console.log(`ok    ${name}: nothing runs`);
  } else {
    failed += 1;
    tally.failed += 1;
    console.log(`FAIL  ${name}: ${[...new Set(found)].join(", ")}`);
  }
  perEngine.set(engine, tally);
  await context.close();
}
await browser.close();
const constructs = JSON.parse(readFileSync("tests/hostile-markdown.json", "utf8")).constructs.length;
const payloads = JSON.parse(readFileSync("tests/xss-payloads.json", "utf8")).payloads.length;
console.log(`hostile corpus: ${payloads} XSS payloads and ${constructs} engine constructs, in every field and in spoilers`);
for (const [engine, tally] of perEngine) console.log(`    ${engine}: ${tally.pages} pages, ${tally.failed} failing`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
