// Where a keystroke's time goes, in the renderer and in the browser process: a Chromium trace of
// 20 keys typed into a short section while the review holds a lot of text elsewhere (a 1.9 MB
// title by default), summed per key by trace event, as the main thread's own time, and the
// messages the browser process received by interface and size (how autofill's copying of every
// field on each keystroke was found: docs/performance.md).
// Usage: [CSS="…"] node benches/browser/trace-keys.mjs [title|section|small] [dist]
// (after trunk build --release; CSS is added to the page first, to try a change of style without a build)
import { launch, review, seedStorage, serve } from "./common.mjs";

const shape = process.argv[2] ?? "title";
const dist = process.argv[3] ?? "dist";
const port = 8098;
const keys = 20;
const MB = 1 << 20;
const huge = (bytes) => "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(Math.ceil(bytes / 57)).slice(0, bytes);

/** A short review with `What I liked` to type in and, by shape, a huge title or first section. */
function record() {
  const r = review(4 * 400);
  r.review.sections = r.review.sections.slice(0, 1);
  r.review.sections.push({ id: 2, heading: "What I liked", body: "Short text.", spoiler: false });
  if (shape === "title") r.review.metadata.title = huge(1.9 * MB);
  if (shape === "section") r.review.sections[0].body = huge(1.9 * MB);
  return r;
}

/** Prints the largest `n` entries of `totals` (ms over the run), per key. */
function print(heading, totals, n) {
  console.log(heading);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${(ms / keys).toFixed(2).padStart(7)} ms/key  ${name}`);
  }
}

const server = await serve(dist, port);
const browser = await launch();
try {
  const page = await browser.newPage({ bypassCSP: true });
  await page.addInitScript(seedStorage, { json: JSON.stringify(record()), once: false });
  await page.goto(`http://127.0.0.1:${port}/`);
  const box = page.getByRole("textbox", { name: "What I liked", exact: true });
  await box.waitFor({ timeout: 60_000 });
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await box.click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(2000);

  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink,toplevel,v8", transferMode: "ReportEvents" });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type("x");
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(500);
  await cdp.send("Tracing.end");
  await done;

  const threads = new Map();
  for (const e of events) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const on = (name) => events.filter((e) => e.ph === "X" && e.dur && threads.get(`${e.pid}:${e.tid}`) === name);

  // Self time on the renderer's main thread: each event's time less its children's.
  const own = new Map();
  const stack = [];
  for (const e of on("CrRendererMain").sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    own.set(e.name, (own.get(e.name) ?? 0) + e.dur / 1000);
    if (stack.length) own.set(stack.at(-1).name, own.get(stack.at(-1).name) - e.dur / 1000);
    stack.push(e);
  }
  const total = (list) => list.filter((e) => e.name === "RunTask").reduce((sum, e) => sum + e.dur / 1000, 0);
  console.log(`${shape}: ${keys} keys, main-thread tasks per key: renderer ${(total(on("CrRendererMain")) / keys).toFixed(1)} ms, browser ${(total(on("CrBrowserMain")) / keys).toFixed(1)} ms`);
  print("Renderer main thread, own time:", own, 12);
  const received = new Map();
  for (const e of on("CrBrowserMain")) {
    const info = e.args?.chrome_mojo_event_info;
    if (e.name !== "Receive mojo message" || !info) continue;
    const name = `${info.mojo_interface_tag ?? "?"} (${(info.data_num_bytes / 1024).toFixed(0)} KB)`;
    received.set(name, (received.get(name) ?? 0) + e.dur / 1000);
  }
  print("Browser process, messages received:", received, 6);
} finally {
  await browser.close();
  server.kill();
}
