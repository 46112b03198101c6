// Importing a Goodreads library of 5,000 rows (issue 19's figure): a generated export where every
// book has a short review, chosen with Open file in a fresh browser. Times, from choosing the
// file, the summary shown ("Import a library"), then from `Import` to the end, and afterwards
// the drafts stored, the bytes they take and the JS heap; the status line says how many books
// came in, or why the rest did not (storage full).
// Usage: node benches/browser/library-import.mjs [dist] [rows] [review bytes]   (after trunk build --release)
import { goodreadsExport, launch, serve, startupProbes } from "./common.mjs";

const dist = process.argv[2] ?? "dist";
const rows = Number(process.argv[3] ?? 5000);
const reviewBytes = Number(process.argv[4] ?? 200);
const port = 8094;

const csv = goodreadsExport(rows, reviewBytes);

const server = await serve(dist, port);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.addInitScript(startupProbes);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__ready !== undefined);
  const dialog = page.getByRole("dialog", { name: "Import a library" });
  const t0 = Date.now();
  await page.getByLabel("Open file", { exact: true }).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: csv });
  await dialog.getByRole("button", { name: /^Import \d+ books?$/ }).waitFor({ timeout: 120_000 });
  const summary = Date.now() - t0;
  const button = dialog.getByRole("button", { name: /^Import \d+ books?$/ });
  const label = await button.textContent();
  const t1 = Date.now();
  await button.click();
  const status = dialog.getByRole("status").first();
  await page.waitForFunction(() => {
    const d = [...document.querySelectorAll("dialog")].find((x) => x.open && /Import a library/.test(x.textContent));
    return d && /Imported|Stopped|stopped|not imported|full/.test(d.textContent) && !/Importing/.test(d.querySelector('[role="status"]')?.textContent ?? "");
  }, null, { timeout: 600_000, polling: 200 });
  const imported = Date.now() - t1;
  const said = (await status.textContent()).trim();
  const memory = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? NaN,
    stored: Object.keys(localStorage).reduce((n, k) => n + k.length + (localStorage.getItem(k)?.length ?? 0), 0),
    drafts: Object.keys(localStorage).filter((k) => k.startsWith("verdict:draft:")).length,
  }));
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`Goodreads export: ${rows} rows, reviews of about ${reviewBytes} bytes, ${mb(csv.length)} MB`);
  console.log(`  summary shown ${summary} ms after choosing the file; "${label.trim()}"`);
  console.log(`  import ran ${imported} ms: "${said}"`);
  console.log(`  afterwards: ${memory.drafts} drafts, ${mb(memory.stored * 2)} MB in localStorage (UTF-16), JS heap ${mb(memory.heap)} MB`);
} finally {
  await browser.close();
  server.kill();
}
