// Big inputs: the longest main-thread task (from Chromium's Long Tasks API, which reports tasks
// of 50 ms and more) while the app takes a 1 MB paste, a 100,000-character title, 1,000
// sections, 10,000 tags, and refuses a 5 MB paste. A benchmark figure, not a test: the goal is
// under 200 ms each. Usage: node benches/browser/sizes.mjs [dist]   (needs a release build in dist/,
// or another build's dist)
import { launch, serve } from "./common.mjs";

const port = 8096;
const words = (bytes, word) => (word + " ").repeat(Math.ceil(bytes / (word.length + 1))).slice(0, bytes);
const server = await serve(process.argv[2] ?? "dist", port);
const browser = await launch();

async function open(preset) {
  const page = await browser.newPage();
  await page.addInitScript((json) => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: "longtask", buffered: true });
    if (json) {
      localStorage.setItem("verdict:current", "big");
      localStorage.setItem("verdict:draft:big", json);
    }
  }, preset ? JSON.stringify(preset) : "");
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole("status").waitFor();
  return page;
}
async function longest(page, action) {
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  await action();
  await page.waitForTimeout(1200); // let autosave and rendering finish
  const ms = await page.evaluate(() => window.__longest);
  return { longest: ms, wall: Date.now() - started - 1200 };
}
const show = (name, r) => console.log(`| ${name} | ${r.longest ? `${r.longest.toFixed(0)} ms` : "< 50 ms"} | ${r.wall} ms |`);

try {
  console.log("| input | longest main-thread task | wall time of the action |\n|---|---|---|");
  let page = await open();
  const synopsis = page.getByRole("textbox", { name: "Synopsis", exact: true });
  show("1 MB paste into a section", await longest(page, () => synopsis.fill(words(1024 * 1024, "clone"))));
  // That paste is one paragraph: the preview's smallest block is the whole megabyte.
  await synopsis.focus();
  await page.keyboard.press("Control+End");
  const keys = await longest(page, () => synopsis.pressSequentially("abcdefghij"));
  show("typing 10 keys at the end of that 1 MB paragraph", keys);
  console.log(`|   (wall time per key: ${(keys.wall / 10).toFixed(0)} ms) | | |`);
  // A real paste: the app refuses it in the paste event, before the text reaches the field.
  show("5 MB paste (refused)", await longest(page, () => page.getByRole("textbox", { name: "What I liked", exact: true }).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, words(5 * 1024 * 1024, "huge"))));
  await page.close();
  page = await open();
  show("100,000-character title", await longest(page, () => page.getByLabel("Title", { exact: true }).fill(words(100_000, "Title"))));
  show("10,000 tags", await longest(page, () => page.getByLabel("Tags", { exact: true }).fill(Array.from({ length: 10_000 }, (_, i) => `tag${i}`).join(", "))));
  await page.close();
  const sections = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, heading: `Section ${i + 1}`, body: words(500, "text"), spoiler: i % 5 === 0 }));
  const preset = { schema: 1, id: "big", revision: 1, saved_at: "2026-11-25T00:00:00Z", review: { metadata: { title: "Big" }, post_title: "", sections, rating: null }, view: {} };
  page = await browser.newPage();
  const load = await longest(page, async () => {
    await page.addInitScript((json) => {
      window.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: "longtask", buffered: true });
      localStorage.setItem("verdict:current", "big");
      localStorage.setItem("verdict:draft:big", json);
    }, JSON.stringify(preset));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole("textbox", { name: "Section 500", exact: true }).waitFor();
  });
  show("1,000 sections: opening the review", load);
  show("1,000 sections: typing in one", await longest(page, () => page.getByRole("textbox", { name: "Section 500", exact: true }).pressSequentially("abc")));
  show("1,000 sections: Add section", await longest(page, () => page.getByRole("button", { name: "Add section" }).click()));
} finally {
  await browser.close();
  server.kill();
}
