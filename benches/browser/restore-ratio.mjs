// How fast a restored review reaches its text areas, against the browser's floor: a bare page
// on the same origin that reads the same record from localStorage and puts each section's text
// into a <textarea> of its own. Each load is timed from navigation to the first frame after the
// first section's text is in its text area; reloads alternate between the two pages, so that
// the machine's drift falls on both alike. Prints the medians and their ratio (issue 22's
// figure: the app's median over the bare page's).
// Usage: node benches/browser/restore-ratio.mjs [dist] [loads] [bytes]   (after trunk build --release)
import { launch, review, seedStorage, serve } from "./common.mjs";

const dist = process.argv[2] ?? "dist";
const loads = Number(process.argv[3] ?? 9);
const bytes = Number(process.argv[4] ?? 100 * 1024);
const port = 8096;
const record = review(bytes);
const first = record.review.sections[0].body;

// The bare page: no app, only what any page must do to show the same text.
const BARE = `<!doctype html><meta charset="utf-8"><body><script>
const record = JSON.parse(localStorage.getItem("verdict:draft:bench"));
for (const section of record.review.sections) {
  const box = document.createElement("textarea");
  box.rows = 6;
  box.value = section.body;
  document.body.append(box);
}
</script>`;

/** Page init script: `__shown` is set after the first frame in which a text area holds
 *  `text` (looked at every frame: the app sets a text area's value as a property, which no
 *  mutation observer sees). */
function probe(text) {
  const look = () => {
    if ([...document.querySelectorAll("textarea")].some((box) => box.value === text)) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__shown = performance.now(); };
      channel.port2.postMessage(0);
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve(dist, port);
const browser = await launch();
try {
  const context = await browser.newContext();
  await context.route(`http://127.0.0.1:${port}/bare.html`, (route) => route.fulfill({ contentType: "text/html", body: BARE }));
  const page = await context.newPage();
  await page.addInitScript(seedStorage, { json: JSON.stringify(record), once: false });
  await page.addInitScript(probe, first);
  const times = { app: [], bare: [] };
  // One load of each first, not counted: the HTTP and compiled-code caches, as when coming back.
  for (let i = -1; i < loads; i++) {
    for (const [name, path] of [["app", "/"], ["bare", "/bare.html"]]) {
      await page.goto(`http://127.0.0.1:${port}${path}`);
      await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 60_000 });
      if (i >= 0) times[name].push(await page.evaluate(() => window.__shown));
    }
  }
  const app = median(times.app);
  const bare = median(times.bare);
  console.log(`Restored ${(bytes / 1024).toFixed(0)} KB review, navigation to its first text area shown, median of ${loads} loads:`);
  console.log(`  app ${app.toFixed(0)} ms, bare page ${bare.toFixed(0)} ms: ${(app / bare).toFixed(2)}x`);
  console.log(`  app:  ${times.app.map((t) => t.toFixed(0)).join(" ")}`);
  console.log(`  bare: ${times.bare.map((t) => t.toFixed(0)).join(" ")}`);
} finally {
  await browser.close();
  server.kill();
}
