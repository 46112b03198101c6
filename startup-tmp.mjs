import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
const port = 8099;
const server = spawn("node", ["tests/support/serve.mjs", "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking"] });
for (const kb of [0, 0, 100, 100]) {
  const page = await browser.newPage();
  const sections = []; for (let i = 0; kb && i < 21; i++) sections.push({ id: i+1, heading: `S${i}`, body: ("word ".repeat(200) + "\n\n").repeat(5), spoiler: false });
  const rec = { schema: 1, id: "b", revision: 1, saved_at: "x", review: { metadata: {}, post_title: "", sections, rating: null }, view: {} };
  await page.addInitScript((json) => { if (json) { localStorage.setItem("verdict:current", "b"); localStorage.setItem("verdict:draft:b", json); }
    new MutationObserver((_, o) => { if (document.querySelector("textarea")) { o.disconnect(); window.__mount = performance.now(); const c = new MessageChannel(); c.port1.onmessage = () => { window.__ready = performance.now(); }; c.port2.postMessage(0); } }).observe(document, { subtree: true, childList: true });
  }, kb ? JSON.stringify(rec) : "");
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__ready);
  const t = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0]; const r = performance.getEntriesByType("resource").map(e => `${e.name.split("/").pop().slice(0,30)} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`); return { mount: window.__mount, ready: window.__ready, dcl: n.domContentLoadedEventEnd, r }; });
  console.log(kb, "KB", JSON.stringify(t));
  await page.close();
}
await browser.close(); server.kill();
