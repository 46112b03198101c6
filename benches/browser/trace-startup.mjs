// A Chromium trace of one start-up with the 100 KB review, summarised as the main thread's
// tasks (start, duration, what each spent its time on). Warm by default (the page is loaded
// once first, as when someone comes back); COLD=1 traces a first visit.
// Usage: [COLD=1] [SIZE=bytes] node benches/browser/trace-startup.mjs [dist]   (the trace: /tmp/prof/trace.json)
import { mkdirSync, readFileSync } from "node:fs";
import { launch, load, review, seedStorage, serve, startupProbes } from "./common.mjs";
mkdirSync("/tmp/prof", { recursive: true });
const dist = process.argv[2] ?? "dist";
const port = 8097;
const server = await serve(dist, port);
const browser = await launch();
const page = await browser.newPage();
await page.addInitScript(seedStorage, { json: JSON.stringify(review(Number(process.env.SIZE ?? 100 * 1024))), once: false });
await page.addInitScript(startupProbes);
// Warm the HTTP cache like the benchmark's repeated loads do.
if (!process.env.COLD) await load(page, port);
await browser.startTracing(page, { path: "/tmp/prof/trace.json", categories: ["devtools.timeline", "v8.execute", "blink.user_timing", "disabled-by-default-devtools.timeline", "toplevel"] });
await load(page, port);
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
