// What the browser benchmarks share: the Chromium they launch, the server for a build, the
// review they type in, the scripts that seed it and time start-up, and the keystroke timer.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

/** Debian's Chromium, headless, never fetching anything of its own. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--enable-precise-memory-info",
    ],
  });
}

/** Serves the build in `dir` on `port` (kill the returned process when done). */
export async function serve(dir, port) {
  const server = spawn("node", ["tests/support/serve.mjs", dir, String(port)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 400));
  return server;
}

const paragraph =
  "Kathy, Ruth and Tommy leave Hailsham for the Cottages, under the *watchful* eye of an elderly man called Keffers. ";

/** Review-like Markdown of `bytes` bytes: paragraphs with emphasis and the odd inline spoiler. */
export function text(bytes) {
  let body = "";
  let i = 0;
  while (body.length < bytes) {
    body += paragraph;
    if (++i % 5 === 0) body += i % 15 === 0 ? "||a spoiler here||.\n\n" : "\n\n";
  }
  return body.slice(0, bytes);
}

/** A draft record of about `bytes` bytes: many 5 KB sections (every fourth a spoiler), one
 *  huge section, or one huge section that is a single paragraph (a paste with no blank line);
 *  or, whatever `bytes`, the most sections a review may hold, each one short line
 *  ("1000 sections"). */
export function review(bytes, shape = "many sections") {
  const sections = [];
  if (shape === "1000 sections") {
    for (let i = 0; i < 1000; i++) sections.push({ id: i + 1, heading: `Part ${i + 1}`, body: `Body of part ${i + 1}.`, spoiler: false });
  } else if (shape === "one section") sections.push({ id: 1, heading: "Section 1", body: text(bytes), spoiler: false });
  else if (shape === "one paragraph") sections.push({ id: 1, heading: "Section 1", body: paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes), spoiler: false });
  else {
    const n = Math.max(1, Math.round(bytes / 5000));
    for (let i = 0; i < n; i++) sections.push({ id: i + 1, heading: `Section ${i + 1}`, body: text(Math.min(5000, bytes)), spoiler: i % 4 === 1 });
  }
  return {
    schema: 2, id: "bench", revision: 1, saved_at: "2026-11-25T00:00:00Z", created_at: "2026-11-25T00:00:00Z",
    review: { metadata: { title: "Bench", author: "A. Writer", post_date: "2026-11-25" }, post_title: "", sections, rating: 7 },
    view: { show_spoilers: false },
  };
}

/** Page init script (`page.addInitScript(seedStorage, { json, once })`): the record as the open
 *  draft, before the app starts. With `once`, only on the tab's first load, so that reloads
 *  find what the app saved. */
export function seedStorage({ json, once }) {
  if (once && sessionStorage.getItem("seeded")) return;
  localStorage.clear();
  localStorage.setItem("verdict:current", "bench");
  localStorage.setItem("verdict:draft:bench", json);
  sessionStorage.setItem("seeded", "1");
}

/** Page init script: the start-up probes (each also a performance mark, for traces).
 *  `__instantiated`: the Wasm module compiled and instantiated, before main runs;
 *  `__started`: Trunk's start event, after main (so `__started - __instantiated` is the mount);
 *  `__ready`: the first text area exists and the next task has run: the editor takes typing. */
export function startupProbes() {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original(...args);
      window.__instantiated ??= performance.now();
      return result;
    };
  }
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__wasm = e.detail.wasm;
    window.__started = performance.now();
    performance.mark("started");
  });
  new MutationObserver((_, observer) => {
    if (document.querySelector("textarea")) {
      observer.disconnect();
      performance.mark("textarea");
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__ready = performance.now();
        performance.mark("ready");
      };
      channel.port2.postMessage(0);
    }
  }).observe(document, { subtree: true, childList: true });
}

/** Loads the app and waits until it takes typing; its start-up times (see `startupProbes`). */
export async function load(page, port) {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__ready !== undefined);
  return page.evaluate(() => ({
    started: window.__started,
    ready: window.__ready,
    mount: window.__started - window.__instantiated,
  }));
}

/** Installs the keystroke timer in the page: keydown → first mutation of `selector`, laid out. */
export async function instrument(page, selector) {
  await page.evaluate((selector) => {
    const target = document.querySelector(selector);
    window.__times = [];
    let t0 = 0;
    document.addEventListener("keydown", () => { t0 = performance.now(); }, true);
    new MutationObserver(() => {
      if (!t0) return;
      void target.offsetHeight; // force style and layout: "updated and laid out"
      window.__times.push(performance.now() - t0);
      t0 = 0;
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  }, selector);
}

/** Types `keys` trusted keystrokes (a space every eighth) and returns the timer's figures. */
export async function typeAndCollect(page, keys) {
  for (let i = 0; i < keys; i++) await page.keyboard.type(i % 8 === 7 ? " " : "x");
  await page.waitForTimeout(100);
  return page.evaluate(() => window.__times);
}

/** p50, p95 and max of a list of times. */
export function stats(times) {
  const t = [...times].sort((a, b) => a - b);
  const q = (p) => t[Math.min(t.length - 1, Math.floor(p * t.length))] ?? NaN;
  return { n: t.length, p50: q(0.5), p95: q(0.95), max: t[t.length - 1] ?? NaN };
}

/** The two builds of an A/B script, from its arguments, served on ports 8095 and 8096. */
export async function twoBuilds(usage) {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const builds = [{ name: "before", dir: before, port: 8095 }, { name: "after", dir: after, port: 8096 }];
  for (const b of builds) b.server = await serve(b.dir, b.port);
  return builds;
}

/** A Goodreads library export of `rows` books, each reviewed in about `reviewBytes` of HTML
 *  (line breaks and a `<spoiler>`), as Goodreads writes it (`="…"` ISBNs, `YYYY/MM/DD` dates). */
export function goodreadsExport(rows, reviewBytes) {
  const header =
    "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies";
  const words = "a slow start but the ending <spoiler>the narrator dies</spoiler> stays with me<br/><br/>".repeat(Math.ceil(reviewBytes / 80) + 1);
  const review = words.slice(0, reviewBytes).replace(/<[^>]*$/, "");
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    lines.push(`${i},Book number ${i},Author ${i % 700},"${i % 700}, Author",,"=""""","=""978${String(i).padStart(10, "0")}""",${1 + (i % 5)},3.9,Publisher,Paperback,${200 + (i % 300)},2001,1999,2020/09/15,2020/08/01,shelf-${i % 12},shelf-${i % 12} (#1),read,"${review}",false,,1,0`);
  }
  return Buffer.from(lines.join("\r\n"));
}
