// Browser benchmark: keystroke-to-preview time in the release build, with a review of a given
// size restored from localStorage. Prints p50 / p95 / max over trusted keystrokes (Playwright's
// keyboard goes through Chromium's input pipeline), measured in the page from the keydown event
// to the preview's mutation with layout forced.
// Usage: node tests/bench/typing.mjs [sizeKB=100] [keystrokes=200]   (needs a release build in dist/)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const sizeKb = Number(process.argv[2] ?? 100);
const keystrokes = Number(process.argv[3] ?? 200);
const port = 8097;

const paragraph =
  "Kathy, Ruth and Tommy leave Hailsham and go to the Cottages where they reside under the watchful eye of an elderly man. ";
function review(bytes) {
  const sections = [];
  const perSection = 5000;
  for (let i = 0; sections.length * perSection < bytes; i++) {
    let body = "";
    while (body.length < perSection) body += paragraph + (body.length % 600 < 120 ? "\n\n" : "");
    sections.push({ id: i + 1, heading: `Section ${i + 1}`, body, spoiler: i % 3 === 0 });
  }
  return {
    schema: 1, id: "bench", revision: 1, saved_at: new Date().toISOString(),
    review: { metadata: { title: "Bench", post_date: "2026-11-25" }, post_title: "", sections, rating: 7 },
    view: { show_spoilers: false },
  };
}

const server = spawn("node", ["tests/support/serve.mjs", "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const record = review(sizeKb * 1024);
  await page.addInitScript((json) => {
    if (!localStorage.getItem("verdict:current")) {
      localStorage.setItem("verdict:current", "bench");
      localStorage.setItem("verdict:draft:bench", json);
    }
  }, JSON.stringify(record));
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  const box = page.getByRole("textbox", { name: "Section 1", exact: true });
  await box.waitFor();
  const startup = Date.now() - started;
  await box.click();
  await page.keyboard.press("Control+End");
  await page.evaluate(() => {
    const preview = document.querySelector("[aria-label=Preview] article");
    window.__times = [];
    let t0 = 0;
    document.addEventListener("keydown", () => { t0 = performance.now(); }, true);
    new MutationObserver(() => {
      if (!t0) return;
      void preview.offsetHeight; // force layout: "updated and laid out"
      window.__times.push(performance.now() - t0);
      t0 = 0;
    }).observe(preview, { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(i % 10 === 9 ? " " : "x");
  }
  await page.waitForTimeout(300);
  const times = (await page.evaluate(() => window.__times)).sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const chars = record.review.sections.reduce((n, s) => n + s.body.length, 0);
  console.log(`review: ${(chars / 1024).toFixed(0)} KB in ${record.review.sections.length} sections; startup to editable: ${startup} ms`);
  console.log(`keystroke → preview updated and laid out, ${times.length} keystrokes: p50 ${pick(0.5).toFixed(2)} ms, p95 ${pick(0.95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
} finally {
  await browser.close();
  server.kill();
}
