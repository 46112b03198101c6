// A Chromium trace of one start-up with the 100 KB review, summarised as the main thread's
// tasks (start, duration, what each spent its time on). Warm by default (the page is loaded
// once first, as when someone comes back); COLD=1 traces a first visit.
// Usage: [COLD=1] node tests/bench/trace-startup.mjs [dist]   (the trace: /tmp/prof/trace.json)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
mkdirSync("/tmp/prof", { recursive: true });
const dist = process.argv[2] ?? "dist";
const port = 8097;
const server = spawn("node", ["tests/support/serve.mjs", dist, String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const paragraph = "Kathy, Ruth and Tommy leave Hailsham for the Cottages, under the *watchful* eye of an elderly man called Keffers. ";
const text = (n) => { let b = ""; let i = 0; while (b.length < n) { b += paragraph; if (++i % 5 === 0) b += i % 15 === 0 ? "||a spoiler here||.\n\n" : "\n\n"; } return b.slice(0, n); };
const sections = []; for (let i = 0; i < 20; i++) sections.push({ id: i + 1, heading: `Section ${i + 1}`, body: text(5000), spoiler: i % 4 === 1 });
const record = { schema: 2, id: "bench", revision: 1, saved_at: "2026-11-25T00:00:00Z", created_at: "2026-11-25T00:00:00Z", review: { metadata: { title: "Bench", author: "A. Writer", post_date: "2026-11-25" }, post_title: "", sections, rating: 7 }, view: { show_spoilers: false } };
const page = await browser.newPage();
await page.addInitScript((json) => { localStorage.clear(); localStorage.setItem("verdict:current", "bench"); localStorage.setItem("verdict:draft:bench", json);
  new MutationObserver((_, o) => { if (document.querySelector("textarea")) { o.disconnect(); performance.mark("textarea"); const c = new MessageChannel(); c.port1.onmessage = () => { performance.mark("ready"); window.__ready = performance.now(); }; c.port2.postMessage(0); } }).observe(document, { subtree: true, childList: true });
  addEventListener("TrunkApplicationStarted", () => performance.mark("started"));
}, JSON.stringify(record));
// Warm the HTTP cache like the benchmark's repeated loads do.
if (!process.env.COLD) { await page.goto(`http://127.0.0.1:${port}/`); await page.waitForFunction(() => window.__ready !== undefined); }
await browser.startTracing(page, { path: "/tmp/prof/trace.json", categories: ["devtools.timeline", "v8.execute", "blink.user_timing", "disabled-by-default-devtools.timeline", "toplevel"] });
await page.goto(`http://127.0.0.1:${port}/`); await page.waitForFunction(() => window.__ready !== undefined);
await page.waitForTimeout(300);
await browser.stopTracing();
await browser.close(); server.kill();
const events = JSON.parse(readFileSync("/tmp/prof/trace.json", "utf8")).traceEvents;
const nav = events.find((e) => e.name === "navigationStart" || e.name === "fetchStart");
const marks = events.filter((e) => e.cat?.includes("blink.user_timing") && ["started", "textarea", "ready"].includes(e.name));
const main = events.filter((e) => e.name === "RunTask" && e.dur > 1000);
const t0 = nav ? nav.ts : main[0].ts;
console.log("marks:", marks.map((m) => `${m.name} ${((m.ts - t0) / 1000).toFixed(1)}`).join(", "));
for (const task of main) {
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= task.ts + task.dur && e.dur > 500 && e.name !== "RunTask");
  const names = {};
  for (const e of inside) names[e.name] = (names[e.name] ?? 0) + e.dur;
  const top = Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(", ");
  console.log(`${((task.ts - t0) / 1000).toFixed(1)} ms +${(task.dur / 1000).toFixed(1)} ms [${task.tid}] ${top}`);
}
