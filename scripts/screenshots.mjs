// Screenshots of Verdict's main screens for the README, taken from the release build (dist/) in
// Debian's Chromium: the editor with the seed review ("Never Let Me Go"), its preview with the
// spoilers shown, the dark theme, the Export and Reviews dialogs, and a phone-sized view. The
// controls are driven by role and accessible name, as a person would use them.
// Deterministic: a fixed clock, time zone and locale, seeded storage, animations and the caret
// off; a re-run changes an image only when the UI changes.
// Usage: node scripts/screenshots.mjs [out-dir]   (scripts/screenshots builds and runs it;
// out-dir defaults to docs/screenshots)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT); // helpers.js reads the seed by a path relative to the repository
const { draftRecord, seedSections } = await import("../tests/e2e/helpers.js");

const OUT = resolve(process.argv[2] ?? "docs/screenshots");
const NOW = new Date("2026-11-25T10:00:00Z"); // the browser's clock, fixed
const chromeArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
  "--font-render-hinting=none", "--force-color-profile=srgb", "--hide-scrollbars",
];

// ---- the seeded storage --------------------------------------------------------------------------
const SEED_ID = "never-let-me-go";

/** The seed review with all its metadata, the synopsis marked as a spoiler, rated 4.5. */
function seedRecord() {
  const record = draftRecord({
    id: SEED_ID, title: "Never Let Me Go", author: "Kazuo Ishiguro",
    savedAt: "2026-11-25T09:58:00.000Z", createdAt: "2026-11-20T18:30:00.000Z",
  });
  Object.assign(record.review.metadata, {
    format: "Hardcover", pages: "304", publisher: "Knopf", publication_date: "April 5, 2005",
    language: "English", isbn10: "1400043395", isbn13: "978-1400043392", genre: "sci-fi, dystopia",
    audience: "adult", categories: "book review, dystopia", tags: "Kazuo Ishiguro, Booker shortlist",
    reviewer: "Anna", post_date: "2011-01-15",
  });
  const bodies = seedSections();
  record.review.sections.forEach((section, i) => { section.body = bodies[i]; });
  record.review.sections[0].spoiler = true;
  record.review.rating = 9; // half stars: 4.5 out of 5
  return record;
}

/** A few other drafts, for the `Reviews` list. */
function otherDrafts() {
  const draft = (id, title, author, savedAt, body, template) => {
    const record = draftRecord({ id, title, author, savedAt, createdAt: savedAt, body });
    if (template) record.review.metadata.template = template;
    return record;
  };
  return [
    draft("gilead", "Gilead", "Marilynne Robinson", "2026-11-24T21:14:00.000Z",
      "John Ames, an old preacher in Gilead, Iowa, writes a long letter to his young son. Quiet, generous and wise; I read it slowly, a few pages a night, and did not want it to end."),
    draft("arrival", "Arrival", "Denis Villeneuve", "2026-11-22T16:40:00.000Z",
      "A linguist is asked to talk to visitors whose ships hang over the earth. The film trusts its audience, and its ending rearranges everything before it.", "film"),
    draft("the-remains-of-the-day", "The Remains of the Day", "Kazuo Ishiguro", "2026-11-18T08:05:00.000Z",
      "Stevens, an English butler, drives to the West Country in 1956 and looks back on his years of service at Darlington Hall."),
    draft("piranesi", "Piranesi", "Susanna Clarke", "2026-11-09T19:22:00.000Z",
      "A man lives alone in an endless house of halls and statues, where the tides climb the stairs."),
  ];
}

/** localStorage entries: the seed review (current) and, if asked, the other drafts. */
function storage({ library = false } = {}) {
  const records = [seedRecord(), ...(library ? otherDrafts() : [])];
  const entries = Object.fromEntries(records.map((r) => [`verdict:draft:${r.id}`, JSON.stringify(r)]));
  entries["verdict:current"] = SEED_ID;
  return entries;
}

// ---- serving dist/ ---------------------------------------------------------------------------------
async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function startServer() {
  try {
    statSync("dist/index.html");
  } catch {
    throw new Error("no dist/index.html: build the release app first (trunk build --release, or scripts/screenshots)");
  }
  const port = await freePort();
  const server = spawn(process.execPath, ["tests/support/serve.mjs", "dist", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`the server on port ${port} exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return { server, url };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  server.kill();
  throw new Error(`the server on port ${port} did not answer`);
}

// ---- taking the pictures ---------------------------------------------------------------------------
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A fresh page on the app with `entries` in its storage, laid out and with its fonts loaded. */
async function openApp(browser, url, { viewport = DESKTOP, entries = storage(), mobile = false } = {}) {
  const context = await browser.newContext({
    viewport, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile,
    colorScheme: "light", reducedMotion: "reduce", locale: "en-US", timezoneId: "UTC",
  });
  await context.clock.setFixedTime(NOW);
  await context.addInitScript((entries) => {
    // Once per tab: the app's own writes after start-up must survive a reload.
    if (sessionStorage.getItem("screenshots:seeded")) return;
    sessionStorage.setItem("screenshots:seeded", "1");
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, entries);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(url);
  // Attached, not visible: on a phone the preview waits behind its tab.
  await page.getByRole("region", { name: "Preview", includeHidden: true })
    .getByRole("heading", { level: 1, includeHidden: true })
    .filter({ hasText: "Never Let Me Go" }).waitFor({ state: "attached" });
  await settle(page);
  return page;
}

/** Waits for fonts, the pre-publication checks and two frames: the page as it will stay. */
async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle");
  // The preview's checks run after the text settles ("Before you publish: checking…").
  await page.waitForFunction(() => !document.body.innerText.includes("checking\u2026"), null, { timeout: 10_000 })
    .catch(() => console.warn("    (the preview's checks still say “checking…”)"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(250);
}

const preview = (page) => page.getByRole("region", { name: "Preview" });
/** A sentence of the synopsis, which is a spoiler: hidden until the spoilers are shown. */
const SECRET = "They were designed to be walking";

/** Fails the run with `message` unless `condition` holds. */
function check(condition, message) {
  if (!condition) throw new Error(`screenshot check failed: ${message}`);
}

/** The preview's `Show spoilers` switch, turned on by clicking its label as a person would. */
async function showSpoilers(page) {
  const toggle = preview(page).getByRole("checkbox", { name: "Show spoilers" });
  if (!(await toggle.isChecked())) await preview(page).getByText("Show spoilers", { exact: true }).click();
  check(await toggle.isChecked(), "the Show spoilers switch is on");
  await preview(page).getByText(SECRET).first().waitFor();
}

/** Chooses `name` from the app bar's Menu (`role` menuitem or menuitemradio). */
async function chooseFromMenu(page, name, role = "menuitem") {
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("menu", { name: "Menu" }).getByRole(role, { name, exact: true }).click();
}

/**
 * Opens the dialog `name` (Export from its button, the others from the Menu) and returns it
 * (the dialog's name, if different).
 */
async function openDialog(page, name, dialogName = name) {
  if (name === "Export") await page.getByRole("button", { name, exact: true }).click();
  else await chooseFromMenu(page, name);
  const dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.waitFor();
  return dialog;
}

/** Moves focus out of the way (no focus ring on the control last used). */
async function blur(page) {
  await page.evaluate(() => document.activeElement?.blur());
}

/** The page's background colour as [r, g, b]. */
async function background(page) {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return rgb.match(/\d+/g).slice(0, 3).map(Number);
}

/**
 * The preview pane (the Preview region and what its pane holds besides), with a margin, as far
 * down as the viewport shows it: when the pane runs past the bottom, the picture ends below the
 * last paragraph (or heading) wholly in view.
 */
async function previewClip(page, pad = 8) {
  const { width, height } = page.viewportSize();
  return preview(page).evaluate((region, { width, height, pad }) => {
    const pane = region.closest(".pane") ?? region;
    const box = pane.getBoundingClientRect();
    let bottom = box.bottom + pad;
    if (bottom > height) {
      bottom = 0;
      for (const el of pane.querySelectorAll("p, h1, h2, h3, li, summary")) {
        const r = el.getBoundingClientRect();
        if (r.height > 0 && r.bottom <= height - pad && r.bottom > bottom) bottom = r.bottom;
      }
      bottom = Math.min(height, bottom + 2 * pad);
    }
    const x = Math.max(0, Math.floor(box.left - pad)), y = Math.max(0, Math.floor(box.top - pad));
    return { x, y, width: Math.min(width, Math.ceil(box.right + pad)) - x, height: Math.ceil(bottom) - y };
  }, { width, height, pad });
}

const shots = [];
async function shoot(page, name, options = {}) {
  await settle(page);
  const path = join(OUT, name);
  await page.screenshot({ path, animations: "disabled", caret: "hide", scale: "css", ...options });
  shots.push(path);
}

// ---- the run ---------------------------------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const started = Date.now();
const { server, url } = await startServer();
process.on("exit", () => server.kill());
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
let browser;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromeArgs });
  console.log(`    Chromium ${browser.version()}, app served from dist/ at ${url}`);
  const pages = [];
  const open = async (options) => {
    const page = await openApp(browser, url, options);
    pages.push(page);
    const rating = await page.getByRole("combobox", { name: "Rating" }).evaluate((s) => s.selectedOptions[0]?.textContent);
    check(rating === "4.5 out of 5", `the seeded rating is chosen (${rating})`);
    return page;
  };

  // The editor beside the preview, light theme (the system's, which the browser says is light).
  let page = await open();
  check(!(await preview(page).getByText(SECRET).first().isVisible()), "the synopsis (a spoiler) is hidden");
  await shoot(page, "editor.png");

  // The preview with the spoilers shown.
  await showSpoilers(page);
  await blur(page);
  await shoot(page, "spoilers-shown.png", { clip: await previewClip(page) });

  // The same in the dark theme, chosen in the Menu.
  page = await open();
  await chooseFromMenu(page, "Dark", "menuitemradio");
  await blur(page);
  const [r, g, b] = await background(page);
  check(r + g + b < 3 * 80, `the dark theme's background is dark (rgb ${r}, ${g}, ${b})`);
  await shoot(page, "dark.png");

  // The Export dialog, set to Hugo.
  page = await open();
  let dialog = await openDialog(page, "Export");
  await dialog.getByRole("combobox", { name: "Export to" }).selectOption({ label: "Markdown: Hugo (YAML front matter)" });
  const exported = dialog.getByRole("textbox", { name: "Exported text" });
  await page.waitForFunction((el) => el.value.startsWith("---\ntitle: "), await exported.elementHandle());
  await blur(page);
  await shoot(page, "export.png");

  // The Reviews dialog, with a few other drafts.
  page = await open({ entries: storage({ library: true }) });
  dialog = await openDialog(page, "Reviews");
  const items = dialog.getByRole("list", { name: "Your reviews", exact: true }).getByRole("listitem");
  check(await items.count() === 1 + otherDrafts().length, "every seeded draft is listed");
  await blur(page);
  await shoot(page, "reviews.png");

  // A phone, portrait.
  page = await open({ viewport: PHONE, mobile: true });
  await shoot(page, "phone.png");
  // The phone's Preview tab.
  await page.getByRole("tab", { name: "Preview", exact: true }).click();
  await page.getByRole("region", { name: "Preview" }).getByRole("heading", { level: 1 }).waitFor();
  await blur(page);
  await shoot(page, "phone-preview.png");

  const errors = pages.flatMap((p) => p.errors);
  check(errors.length === 0, `no errors in the page:\n${errors.join("\n")}`);
} finally {
  await browser?.close();
  server.kill();
}

for (const path of shots) {
  console.log(`    ${relative(ROOT, path).padEnd(36)} ${(statSync(path).size / 1024).toFixed(0).padStart(4)} KB`);
}
console.log(`    ${shots.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
