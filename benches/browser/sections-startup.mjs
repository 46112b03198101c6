// Opening a review of 1,000 short sections (the most a review may hold), restored from storage:
// navigation → the first section's text area on screen, and → every section drawn (the last
// section's heading in the preview and its text area in the editor). A fresh page per load.
// Usage: node benches/browser/sections-startup.mjs [DIST=dist] [loads=5] [port=8094]
import { launch, review, seedStorage, serve } from "./common.mjs";

const dir = process.argv[2] ?? "dist";
const loads = Number(process.argv[3] ?? 5);
const port = Number(process.argv[4] ?? 8094);
const server = await serve(dir, port);
const browser = await launch();
const json = JSON.stringify({ ...review(0, "1000 sections"), schema: 3 });

/** Page init script: records when the first text area is visible and when all are drawn. */
function probes() {
  const look = () => {
    const first = document.getElementById("section-body-1");
    if (first && window.__first === undefined && first.getBoundingClientRect().height > 0) window.__first = performance.now();
    const areas = document.querySelectorAll("textarea[id^='section-body-']");
    const headings = document.getElementsByTagName("h2");
    if (areas.length >= 1000 && headings.length && headings[headings.length - 1].textContent.includes("Part 1000")) {
      window.__all = performance.now();
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const first = [];
const all = [];
for (let i = 0; i < loads; i++) {
  const page = await browser.newPage();
  await page.addInitScript(seedStorage, { json, once: false });
  await page.addInitScript(probes);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__all !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => ({ first: window.__first, all: window.__all }));
  first.push(t.first);
  all.push(t.all);
  await page.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
console.log(`1,000 sections restored, ${loads} loads (ms from navigation): first text area visible median ${median(first).toFixed(0)} (${list(first)}); all drawn median ${median(all).toFixed(0)} (${list(all)})`);
await browser.close();
server.kill();
