// Where a keystroke's time goes in one huge section: keydown → beforeinput → input (capture, before
// the app's handler: the text area's own edit) → the preview's first mutation → laid out → input
// handled (bubbled to the window). BARE=1 measures the browser's floor page instead (a bare text
// area with the same text); CSS="…" adds a style sheet to the app first, and JS="…" runs a script
// in it, to try a change without a build (JS="document.querySelector('.checks').hidden = true"
// is how a closed <details> was found to slow every edit of a long text area).
// Usage: [SIZE=bytes] [KEYS=n] [BARE=1] [CSS=…] [JS=…] node benches/browser/phases.mjs [dist]
import { launch, load, review, seedStorage, serve, startupProbes, stats } from "./common.mjs";

const dist = process.argv[2] ?? "dist";
const size = Number(process.env.SIZE ?? 1048576);
const keys = Number(process.env.KEYS ?? 100);
const port = 8093;
const server = await serve(dist, port);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.addInitScript(seedStorage, { json: JSON.stringify(review(size, "one section")), once: false });
  await page.addInitScript(startupProbes);
  if (process.env.BARE) {
    await page.setContent(`<!doctype html><meta charset=utf-8><body style="display:grid;grid-template-columns:1fr 1fr">
      <textarea id=t rows=30 style="width:100%" aria-label="Section 1"></textarea><div aria-label=Preview><article><p id=tail></p></article></div>`);
    await page.evaluate((text) => { const t = document.getElementById("t"); t.value = text; const tail = document.getElementById("tail"); t.addEventListener("input", () => { tail.textContent = t.value.slice(-20); }); }, review(size, "one section").review.sections[0].body);
  } else await load(page, port);
  if (process.env.JS) await page.evaluate(process.env.JS);
  if (process.env.CSS) await page.evaluate((css) => { const s = new CSSStyleSheet(); s.replaceSync(css); document.adoptedStyleSheets = [s]; }, process.env.CSS);
  await page.getByRole("textbox", { name: "Section 1", exact: true }).click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const target = document.querySelector("[aria-label=Preview] article");
    window.__rows = [];
    let row = null;
    const now = () => performance.now();
    document.addEventListener("keydown", () => { row = { k: now() }; }, true);
    window.addEventListener("beforeinput", () => { if (row) row.b = now(); }, true);
    window.addEventListener("input", () => { if (row) row.i = now(); }, true);
    window.addEventListener("input", () => { if (row) row.h = now(); }, false);
    new MutationObserver(() => {
      if (!row || row.m) return;
      row.m = now();
      void target.offsetHeight;
      row.l = now();
      window.__rows.push(row);
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  for (let i = 0; i < keys; i++) await page.keyboard.type(i % 8 === 7 ? " " : "x");
  await page.waitForTimeout(200);
  const rows = await page.evaluate(() => window.__rows);
  const phase = (name, f) => {
    const s = stats(rows.map(f).filter((x) => Number.isFinite(x)));
    console.log(`${name.padEnd(40)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  max ${s.max.toFixed(2)}  (n ${s.n})`);
  };
  console.log(`One ${size}-byte section, ${keys} keys, ${dist}:`);
  phase("keydown → beforeinput", (r) => r.b - r.k);
  phase("beforeinput → input (text area edit)", (r) => r.i - r.b);
  phase("input → first preview mutation (app)", (r) => r.m - r.i);
  phase("mutation → laid out (preview layout)", (r) => r.l - r.m);
  phase("input → handled (app, with that layout)", (r) => r.h - r.i);
  phase("total keydown → laid out", (r) => r.l - r.k);
} finally {
  await browser.close();
  server.kill();
}
