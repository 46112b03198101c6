// Start-up of two builds compared in one run, loads alternating so that the machine's drift
// falls on both alike: navigation → the editor accepts typing (and the app's mount: main's run,
// from the module instantiated to Trunk's start event), with the 100 KB review of the
// browser benchmark restored, cold (a fresh browser context) and warm (a reload).
// Usage: node tests/bench/startup-ab.mjs BEFORE_DIST AFTER_DIST [loads=15]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

const [before, after, loads = "15"] = process.argv.slice(2);
if (!before || !after) {
  console.error("usage: node tests/bench/startup-ab.mjs BEFORE_DIST AFTER_DIST [loads]");
  process.exit(2);
}
const builds = [{ name: "before", dir: before, port: 8095 }, { name: "after", dir: after, port: 8096 }];
const servers = builds.map((b) => spawn("node", ["tests/support/serve.mjs", b.dir, String(b.port)], { stdio: "ignore" }));
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const paragraph = "Kathy, Ruth and Tommy leave Hailsham for the Cottages, under the *watchful* eye of an elderly man called Keffers. ";
function text(bytes) {
  let body = "";
  for (let i = 1; body.length < bytes; i++) {
    body += paragraph;
    if (i % 5 === 0) body += i % 15 === 0 ? "||a spoiler here||.\n\n" : "\n\n";
  }
  return body.slice(0, bytes);
}
const sections = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, heading: `Section ${i + 1}`, body: text(5000), spoiler: i % 4 === 1 }));
const record = JSON.stringify({
  schema: 2, id: "bench", revision: 1, saved_at: "2026-11-25T00:00:00Z", created_at: "2026-11-25T00:00:00Z",
  review: { metadata: { title: "Bench", author: "A. Writer", post_date: "2026-11-25" }, post_title: "", sections, rating: 7 },
  view: { show_spoilers: false },
});

async function seeded() {
  const page = await browser.newPage();
  await page.addInitScript((json) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.clear();
      localStorage.setItem("verdict:current", "bench");
      localStorage.setItem("verdict:draft:bench", json);
      sessionStorage.setItem("seeded", "1");
    }
    // The module instantiated (compiled, before main runs): `started - instantiated` is the
    // app's own mount.
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => { const r = await original(...args); window.__instantiated ??= performance.now(); return r; };
    }
    addEventListener("TrunkApplicationStarted", () => { window.__started = performance.now(); });
    new MutationObserver((_, observer) => {
      if (document.querySelector("textarea")) {
        observer.disconnect();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__ready = performance.now(); };
        channel.port2.postMessage(0);
      }
    }).observe(document, { subtree: true, childList: true });
  }, record);
  return page;
}
async function load(page, port) {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__ready !== undefined);
  return page.evaluate(() => ({ ready: window.__ready, mount: window.__started - window.__instantiated }));
}

const times = Object.fromEntries(builds.map((b) => [b.name, { cold: [], warm: [], coldMount: [], warmMount: [] }]));
const warmPages = {};
for (const b of builds) {
  warmPages[b.name] = await seeded();
  await load(warmPages[b.name], b.port);
}
for (let i = 0; i < Number(loads); i++) {
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
servers.forEach((s) => s.kill());
