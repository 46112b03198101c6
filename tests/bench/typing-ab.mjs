// Typing in one huge section, two builds compared in one run: pages alternate between them
// so that the machine's drift falls on both alike (single runs of the browser benchmark vary by
// a third here). Keystroke → preview updated and laid out, as in browser.mjs.
// Usage: [SIZE=bytes] [ROUNDS=n] node tests/bench/typing-ab.mjs BEFORE_DIST AFTER_DIST
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error("usage: [SIZE=bytes] [ROUNDS=n] node tests/bench/typing-ab.mjs BEFORE_DIST AFTER_DIST");
  process.exit(2);
}
const builds = [{ name: "before", dir: before, port: 8095 }, { name: "after", dir: after, port: 8096 }];
const servers = builds.map((b) => spawn("node", ["tests/support/serve.mjs", b.dir, String(b.port)], { stdio: "ignore" }));
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const paragraph = "Kathy, Ruth and Tommy leave Hailsham for the Cottages, under the *watchful* eye of an elderly man called Keffers. ";
const text = (n) => { let b = ""; let i = 0; while (b.length < n) { b += paragraph; if (++i % 5 === 0) b += i % 15 === 0 ? "||a spoiler here||.\n\n" : "\n\n"; } return b.slice(0, n); };
const size = Number(process.env.SIZE ?? 1048576);
const record = { schema: 2, id: "bench", revision: 1, saved_at: "2026-11-25T00:00:00Z", created_at: "2026-11-25T00:00:00Z", review: { metadata: { title: "Bench", author: "A. Writer", post_date: "2026-11-25" }, post_title: "", sections: [{ id: 1, heading: "Section 1", body: text(size), spoiler: false }], rating: 7 }, view: { show_spoilers: false } };
const times = { before: [], after: [] };
for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
  for (const b of round % 2 ? [...builds].reverse() : builds) {
    const page = await browser.newPage();
    await page.addInitScript((json) => { localStorage.clear(); localStorage.setItem("verdict:current", "bench"); localStorage.setItem("verdict:draft:bench", json); }, JSON.stringify(record));
    await page.goto(`http://127.0.0.1:${b.port}/`);
    await page.getByRole("textbox", { name: "Section 1", exact: true }).click();
    await page.keyboard.press("Control+End");
    await page.waitForTimeout(1000);
    await page.evaluate(() => { const target = document.querySelector("[aria-label=Preview] article"); window.__times = []; let t0 = 0; document.addEventListener("keydown", () => { t0 = performance.now(); }, true); new MutationObserver(() => { if (!t0) return; void target.offsetHeight; window.__times.push(performance.now() - t0); t0 = 0; }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true }); });
    for (let i = 0; i < 60; i++) await page.keyboard.type(i % 8 === 7 ? " " : "x");
    await page.waitForTimeout(100);
    times[b.name].push(...(await page.evaluate(() => window.__times)));
    await page.close();
  }
}
const q = (xs, p) => { const t = [...xs].sort((a, b) => a - b); return t[Math.min(t.length - 1, Math.floor(p * t.length))].toFixed(1); };
console.log(`Typing at the end of one ${size}-byte section, 60 keys a page, ${process.env.ROUNDS ?? 4} pages each:`);
for (const b of builds) console.log(`  ${b.name} ${b.dir}: n ${times[b.name].length}, p50 ${q(times[b.name], 0.5)}, p95 ${q(times[b.name], 0.95)}`);
await browser.close(); servers.forEach((s) => s.kill());
