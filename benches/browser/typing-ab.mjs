// Typing in one huge section, two builds compared in one run: pages alternate between them
// so that the machine's drift falls on both alike (single runs of the browser benchmark vary
// too much here to compare two builds; measured: docs/performance.md). Keystroke → preview
// updated and laid out, as in browser.mjs.
// Usage: [SIZE=bytes] [ROUNDS=n] node benches/browser/typing-ab.mjs BEFORE_DIST AFTER_DIST
import { instrument, launch, load, review, seedStorage, startupProbes, stats, twoBuilds, typeAndCollect } from "./common.mjs";

const builds = await twoBuilds("[SIZE=bytes] [ROUNDS=n] node benches/browser/typing-ab.mjs BEFORE_DIST AFTER_DIST");
const size = Number(process.env.SIZE ?? 1048576);
const rounds = Number(process.env.ROUNDS ?? 4);
const browser = await launch();
const json = JSON.stringify(review(size, "one section"));
const times = { before: [], after: [] };
for (let round = 0; round < rounds; round++) {
  for (const b of round % 2 ? [...builds].reverse() : builds) {
    const page = await browser.newPage();
    await page.addInitScript(seedStorage, { json, once: false });
    await page.addInitScript(startupProbes);
    await load(page, b.port);
    await page.getByRole("textbox", { name: "Section 1", exact: true }).click();
    await page.keyboard.press("Control+End");
    await page.waitForTimeout(1000);
    await instrument(page, "[aria-label=Preview] article");
    times[b.name].push(...(await typeAndCollect(page, 60)));
    await page.close();
  }
}
console.log(`Typing at the end of one ${size}-byte section, 60 keys a page, ${rounds} pages each:`);
for (const b of builds) {
  const s = stats(times[b.name]);
  console.log(`  ${b.name} ${b.dir}: n ${s.n}, p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}`);
}
await browser.close();
builds.forEach((b) => b.server.kill());
