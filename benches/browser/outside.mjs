// What a keystroke costs when the review holds a lot of text the keystroke does not touch: a
// 1.9 MB title, or a 1.9 MB section beside the short one typed in; and typing at the end of one
// 1 MB paragraph against a bare text area holding the same paragraph (issue 23's figures).
// Each key is timed from its keydown to the first task after the next frame (what the writer
// sees), typed every 80 ms as a fast typist would, so that saves and checks falling between
// keys are counted in the key they delay.
// Usage: node benches/browser/outside.mjs [dist] [keys]   (after trunk build --release)
import { launch, review, seedStorage, serve, stats } from "./common.mjs";

const dist = process.argv[2] ?? "dist";
const keys = Number(process.argv[3] ?? 60);
const port = 8097;
const MB = 1 << 20;
const huge = (bytes) => "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(Math.ceil(bytes / 57)).slice(0, bytes);

/** A draft record: four short sections, changed by `shape`. */
function record(shape) {
  const r = review(4 * 400);
  r.review.sections = r.review.sections.slice(0, 1);
  r.review.sections.push({ id: 2, heading: "What I liked", body: "Short text.", spoiler: false });
  if (shape === "huge title") r.review.metadata.title = huge(1.9 * MB);
  if (shape === "huge other section") r.review.sections[0].body = huge(1.9 * MB);
  if (shape === "one 1 MB paragraph") r.review.sections = [{ id: 1, heading: "What I liked", body: huge(MB), spoiler: false }];
  return r;
}

/** Installs the per-key timer: keydown → the first task after the next frame. */
async function instrument(page) {
  await page.evaluate(() => {
    window.__times = [];
    document.addEventListener("keydown", () => {
      const t0 = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__times.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    }, true);
  });
}

async function typeInto(page, box) {
  await box.click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(1500);
  await instrument(page);
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(i % 8 === 7 ? " " : "x");
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__times);
}

const server = await serve(dist, port);
const browser = await launch();
const results = [];
try {
  for (const shape of ["small", "huge title", "huge other section", "one 1 MB paragraph"]) {
    const page = await browser.newPage();
    await page.addInitScript(seedStorage, { json: JSON.stringify(record(shape)), once: false });
    await page.goto(`http://127.0.0.1:${port}/`);
    const box = page.getByRole("textbox", { name: "What I liked", exact: true });
    await box.waitFor({ timeout: 60_000 });
    results.push([shape, stats(await typeInto(page, box))]);
    await page.close();
  }
  // The bare text area: the browser's own cost of the same 1 MB paragraph.
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.setContent("<!doctype html><textarea aria-label=bare rows=20 cols=80></textarea>");
  await page.getByRole("textbox", { name: "bare" }).evaluate((el, text) => { el.value = text; }, huge(MB));
  results.push(["bare text area, 1 MB paragraph", stats(await typeInto(page, page.getByRole("textbox", { name: "bare" })))]);
  await page.close();
} finally {
  await browser.close();
  server.kill();
}
console.log(`Keydown to the next frame, ${keys} keys every 80 ms (ms):`);
for (const [shape, s] of results) {
  console.log(`  ${shape.padEnd(32)} n ${s.n}  p50 ${s.p50.toFixed(1)}  p95 ${s.p95.toFixed(1)}  max ${s.max.toFixed(1)}`);
}
