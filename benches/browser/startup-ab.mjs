// Start-up of two builds compared in one run, loads alternating so that the machine's drift
// falls on both alike: navigation → the editor accepts typing (and the app's mount: main's run,
// from the module instantiated to Trunk's start event), with the 100 KB review of the
// browser benchmark restored, cold (a fresh browser context) and warm (a reload).
// Usage: node benches/browser/startup-ab.mjs BEFORE_DIST AFTER_DIST [loads=15]
import { launch, load, review, seedStorage, startupProbes, twoBuilds } from "./common.mjs";

const builds = await twoBuilds("node benches/browser/startup-ab.mjs BEFORE_DIST AFTER_DIST [loads]");
const loads = Number(process.argv[4] ?? 15);
const browser = await launch();
const json = JSON.stringify(review(100 * 1024));

async function seeded() {
  const page = await browser.newPage();
  await page.addInitScript(seedStorage, { json, once: true });
  await page.addInitScript(startupProbes);
  return page;
}

const times = Object.fromEntries(builds.map((b) => [b.name, { cold: [], warm: [], coldMount: [], warmMount: [] }]));
const warmPages = {};
for (const b of builds) {
  warmPages[b.name] = await seeded();
  await load(warmPages[b.name], b.port);
}
for (let i = 0; i < loads; i++) {
  for (const b of i % 2 ? [...builds].reverse() : builds) {
    const page = await seeded();
    const cold = await load(page, b.port);
    await page.close();
    const warm = await load(warmPages[b.name], b.port);
    times[b.name].cold.push(cold.ready);
    times[b.name].coldMount.push(cold.mount);
    times[b.name].warm.push(warm.ready);
    times[b.name].warmMount.push(warm.mount);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Start-up, 100 KB review restored, ${loads} loads each, alternating (median ms):`);
for (const b of builds) {
  const t = times[b.name];
  console.log(`  ${b.name.padEnd(6)} ${b.dir}: cold ${median(t.cold).toFixed(1)} (mount ${median(t.coldMount).toFixed(1)}), warm ${median(t.warm).toFixed(1)} (mount ${median(t.warmMount).toFixed(1)})`);
}
await browser.close();
builds.forEach((b) => b.server.kill());
