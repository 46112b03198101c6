// The browser benchmark: typing, start-up, autosave, memory and bundle size of the release build
// in headless Chromium, with trusted keystrokes (Playwright's keyboard goes through Chromium's
// input pipeline). For each review size and shape it prints, measured in the same run:
//   ours      keydown → the app's preview updated and laid out
//   floor     the browser's own cost: a bare <textarea> holding the same text (the whole
//             review), whose input handler copies a few characters into a preview element
//   md-it     the way simple editors work: markdown-it re-renders the whole review into a
//             visible element on every keystroke
// Usage: node benches/browser/browser.mjs [--quick] [--only=100KB] [--dist=DIR]
//   (scripts/bench builds and runs it). --only keeps one size (1KB, 100KB or 1MB); --dist serves
//   another build (for example an earlier commit's, copied aside) for a before/after comparison.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { instrument, launch, load, review, seedStorage, serve, startupProbes, stats, typeAndCollect } from "./common.mjs";

const quick = process.argv.includes("--quick");
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option("only");
const dist = option("dist") ?? "dist";
const KEYS = quick ? 20 : 100;
const port = 8098;

const asMarkdown = (record) => record.review.sections.map((s) => `## ${s.heading}\n\n${s.body}`).join("\n\n");

// ---- measuring ---------------------------------------------------------------------------------
/** Seeds storage with `record` before the app starts, and installs the start-up, autosave and
 *  idle-work probes. */
async function seed(page, record) {
  await page.addInitScript(seedStorage, { json: JSON.stringify(record), once: false });
  await page.addInitScript(startupProbes);
  await page.addInitScript(() => {
    // Autosave: every write to storage and how long each timer callback (the save) blocks.
    window.__writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      const t = performance.now();
      try { return setItem.call(this, k, v); } finally { window.__writes.push({ t, key: k, bytes: (k.length + v.length) * 2, ms: performance.now() - t }); }
    };
    window.__timerTasks = [];
    window.__idleTasks = [];
    const requestIdle = window.requestIdleCallback;
    window.requestIdleCallback = function (fn, options) {
      return requestIdle.call(window, function (deadline) { const s = performance.now(); try { return fn(deadline); } finally { window.__idleTasks.push({ ms: performance.now() - s }); } }, options);
    };
    const setTimeout_ = window.setTimeout;
    window.setTimeout = function (fn, delay, ...rest) {
      if (typeof fn !== "function") return setTimeout_(fn, delay, ...rest);
      return setTimeout_(function (...args) { const s = performance.now(); try { return fn.apply(this, args); } finally { window.__timerTasks.push({ delay, ms: performance.now() - s }); } }, delay, ...rest);
    };
  });
}

/** Start-up over `n` loads: navigation → the Wasm module started, and → the editor accepts
 *  typing (medians, and the slowest). Cold: each load in a fresh browser context (no HTTP cache,
 *  no compiled-code cache, no service worker), as on a first visit. Warm: reloads of one page, as
 *  when someone comes back to a review they have saved in this browser. */
async function measureStartup(browser, record, n) {
  const cold = { started: [], ready: [] }, warm = { started: [], ready: [] };
  const measure = async (page, into) => {
    const t = await load(page, port);
    into.started.push(t.started);
    into.ready.push(t.ready);
  };
  for (let i = 0; i < n; i++) {
    const page = await browser.newPage();
    await seed(page, record);
    await measure(page, cold);
    await page.close();
  }
  const page = await browser.newPage();
  await seed(page, record);
  await measure(page, { started: [], ready: [] });
  for (let i = 0; i < n; i++) await measure(page, warm);
  await page.close();
  const summary = (m) => ({ started: stats(m.started), ready: stats(m.ready) });
  return { cold: summary(cold), warm: summary(warm), n };
}

/** The JS heap in use after a full garbage collection (what is still alive, not what awaits
 *  collection), and the Wasm memory's size (which never shrinks: the most the app needed). */
async function liveMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.detach();
  return page.evaluate(() => ({ js: performance.memory.usedJSHeapSize, wasm: window.__wasm?.memory?.buffer.byteLength ?? NaN }));
}

async function measureOurs(browser, record, sectionName, moreKeys = 0) {
  const page = await browser.newPage();
  await seed(page, record);
  await load(page, port);
  const box = page.getByRole("textbox", { name: sectionName, exact: true });
  await box.click();
  await page.keyboard.press("Control+End");
  await instrument(page, "[aria-label=Preview] article");
  await page.evaluate(() => { window.__writes = []; window.__timerTasks = []; window.__idleTasks = []; window.__typingStart = performance.now(); });
  const times = await typeAndCollect(page, KEYS);
  // More typing for the autosave figures, so that enough saves land while typing (how often
  // they land: docs/performance.md).
  if (moreKeys) await typeAndCollect(page, moreKeys);
  await page.evaluate(() => { window.__typingEnd = performance.now(); });
  await page.waitForTimeout(2600); // let the last autosave land, and the check that follows a pause
  const saves = await page.evaluate(() => {
    // Writes per second of typing (plus the half second in which the last save lands).
    const elapsed = (window.__typingEnd - window.__typingStart + 700) / 1000;
    const drafts = window.__writes.filter((w) => w.key.startsWith("verdict:draft:"));
    const summaries = window.__writes.filter((w) => w.key.startsWith("verdict:summary:"));
    // Autosave's timer is at most SAVE_DELAY (500 ms).
    const saveTasks = window.__timerTasks.filter((t) => t.delay >= 400 && t.delay <= 500);
    // What runs when the browser is idle: the "Before you publish" check after a pause, history
    // snapshots, the encoder's warm-up.
    const checkTasks = window.__idleTasks;
    return { perSecond: drafts.length / elapsed, bytes: drafts.length ? Math.round(drafts.reduce((s, w) => s + w.bytes, 0) / drafts.length) : 0,
      summaryBytes: summaries.length ? Math.round(summaries.reduce((s, w) => s + w.bytes, 0) / summaries.length) : 0,
      writes: window.__writes.length, saveTasks: saveTasks.length, maxSaveMs: Math.max(0, ...saveTasks.map((t) => t.ms)),
      allSaveMs: saveTasks.map((t) => t.ms.toFixed(2)).join(" "), medianSetItemMs: drafts.map((w) => w.ms).sort((a, b) => a - b)[Math.floor(drafts.length / 2)] ?? NaN,
      medianSaveMs: saveTasks.map((t) => t.ms).sort((a, b) => a - b)[Math.floor(saveTasks.length / 2)] ?? NaN,
      maxCheckMs: Math.max(0, ...checkTasks.map((t) => t.ms)) };
  });
  const memory = await liveMemory(page);
  return { page, typing: stats(times), saves, memory };
}

async function measureBare(browser, record, editedText, withMarkdownIt) {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><meta charset=utf-8><body style="display:grid;grid-template-columns:1fr 1fr">
    <textarea id=t rows=30 style="width:100%"></textarea><div id=preview></div>`);
  if (withMarkdownIt) await page.addScriptTag({ path: "node_modules/markdown-it/dist/markdown-it.min.js" });
  await page.evaluate(({ editedText, whole, withMarkdownIt }) => {
    const t = document.getElementById("t");
    const preview = document.getElementById("preview");
    t.value = editedText;
    if (withMarkdownIt) {
      const md = window.markdownit();
      preview.innerHTML = md.render(whole);
      t.addEventListener("input", () => { preview.innerHTML = md.render(t.value); });
    } else {
      preview.textContent = whole.slice(0, 2000);
      const tail = document.createElement("p");
      preview.append(tail);
      t.addEventListener("input", () => { tail.textContent = t.value.slice(-20); });
    }
  }, { editedText, whole: asMarkdown(record), withMarkdownIt });
  await page.focus("#t");
  await page.keyboard.press("Control+End");
  await instrument(page, "#preview");
  const result = stats(await typeAndCollect(page, KEYS));
  await page.close();
  return result;
}

// ---- the run -----------------------------------------------------------------------------------
const server = await serve(dist, port);
const browser = await launch();
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const rows = [];
try {
  const sizes = (quick ? [["1 KB", 1024]] : [["1 KB", 1024], ["100 KB", 100 * 1024], ["1 MB", 1024 * 1024]])
    .filter(([label]) => !only || label.replace(" ", "") === only);
  const shapes = quick ? ["many sections"] : ["many sections", "one section"];
  let startup100 = null, saves100 = null, memory1m = null;
  for (const [label, bytes] of sizes) {
    for (const shape of shapes) {
      if (bytes <= 5000 && shape === "one section") continue;
      const record = review(bytes, shape);
      const edited = record.review.sections[Math.floor(record.review.sections.length / 2)];
      const ours = await measureOurs(browser, record, edited.heading, bytes === 100 * 1024 && shape === "many sections" ? 400 : 0);
      const floor = await measureBare(browser, record, asMarkdown(record), false);
      const mdit = await measureBare(browser, record, asMarkdown(record), true);
      rows.push({ label, shape, ours: ours.typing, floor, mdit, checkMs: ours.saves.maxCheckMs });
      if (bytes === 100 * 1024 && shape === "many sections") { startup100 = await measureStartup(browser, record, 9); saves100 = ours.saves; }
      if (bytes === 1024 * 1024 && shape === "many sections") {
        const before = ours.memory;
        await ours.page.evaluate(() => { window.__times = []; });
        await typeAndCollect(ours.page, quick ? 50 : 1000);
        await ours.page.waitForTimeout(700);
        const after = await liveMemory(ours.page);
        memory1m = { before, after };
      }
      await ours.page.close();
      if (quick) { startup100 ??= await measureStartup(browser, record, 3); saves100 ??= ours.saves; }
    }
  }
  console.log("\nTyping: keystroke → preview updated and laid out (ms; p50 / p95 / max)");
  console.log("| review | shape | ours | floor | markdown-it | ours p95 vs floor+15%+2 | ours/markdown-it (p95) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const budget = r.floor.p95 * 1.15 + 2;
    console.log(`| ${r.label} | ${r.shape} | ${f(r.ours.p50)} / ${f(r.ours.p95)} / ${f(r.ours.max)} | ${f(r.floor.p50)} / ${f(r.floor.p95)} / ${f(r.floor.max)} | ${f(r.mdit.p50)} / ${f(r.mdit.p95)} / ${f(r.mdit.max)} | ${f(r.ours.p95)} vs ${f(budget)} ${r.ours.p95 <= budget ? "ok" : "OVER"} | ${(r.ours.p95 / r.mdit.p95).toFixed(3)} |`);
  }
  if (saves100) console.log(`\nStart-up (navigation → editor accepts typing, ${quick ? "1 KB" : "100 KB"} review restored, ${startup100.n} loads each):
  cold (first visit): median ${f(startup100.cold.ready.p50)} ms, slowest ${f(startup100.cold.ready.max)} ms (Wasm started at a median ${f(startup100.cold.started.p50)} ms)
  warm (coming back): median ${f(startup100.warm.ready.p50)} ms, slowest ${f(startup100.warm.ready.max)} ms (Wasm started at a median ${f(startup100.warm.started.p50)} ms)`);
  if (saves100) console.log(`Autosave while typing (${quick ? "1 KB" : "100 KB"}): ${saves100.perSecond.toFixed(2)} draft writes/s, ${saves100.bytes} bytes each (UTF-16) plus a ${saves100.summaryBytes}-byte summary; ${saves100.saveTasks} save tasks, median ${f(saves100.medianSaveMs)} ms (of which the draft's setItem ${f(saves100.medianSetItemMs)} ms), longest ${f(saves100.maxSaveMs)} ms${process.env.VERBOSE ? ` (all: ${saves100.allSaveMs})` : ""}`);
  console.log(`Idle work after typing pauses (the "Before you publish" check, history, warm-up), longest task: ${rows.map((r) => `${r.label} ${r.shape} ${f(r.checkMs)} ms`).join("; ")}`);
  if (memory1m) {
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(`Memory, 1 MB review (JS heap after a garbage collection): after load JS heap ${mb(memory1m.before.js)} MB, wasm ${mb(memory1m.before.wasm)} MB; after ${quick ? 50 : 1000} keystrokes JS heap ${mb(memory1m.after.js)} MB, wasm ${mb(memory1m.after.wasm)} MB`);
  }
  let total = 0;
  const parts = readdirSync(dist).filter((n) => /\.(wasm|js|css)$/.test(n) && n !== "sw.js").map((n) => {
    const raw = readFileSync(`${dist}/${n}`);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += br;
    return `${n} ${statSync(`${dist}/${n}`).size} B raw, ${br} B brotli`;
  });
  console.log(`Bundle: ${parts.join("; ")}\nBundle total brotli: ${(total / 1024).toFixed(1)} KB`);
} finally {
  await browser.close();
  server.kill();
}
