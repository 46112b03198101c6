// Writes the static shell into index.html: the editor as the app draws it for a first visit (the
// app bar, the open book details, the sections, the preview frame), taken from the release build
// itself in Chromium, so that the first paint is the editor's layout instead of a blank page
// while the Wasm downloads (issue 22). public/boot.js fills it from the stored draft; the app
// replaces it when it mounts (src/browser/shell.rs) and takes over whatever was typed into it.
//
// The shell is plain HTML between the two SHELL_* comments of index.html, committed, so that a
// build needs no browser. An end-to-end test (tests/e2e/shell.spec.js) compares it with what the
// current build draws: after a change to the first screen, run `trunk build --release && node
// scripts/shell.mjs` and commit index.html (then build again: the page is part of the build).
//
// What the shell keeps, and why:
// - every element a first visit shows, with its classes, ids, labels and roles, at the desktop
//   width, plus the phone's Write/Preview tabs (style/app.css shows each only at its width);
// - no hidden part, dialog, menu list or tooltip, no event attributes, no id that nothing in
//   the shell names;
// - buttons disabled, marked `data-wait` (drawn as waiting, not greyed), until the app comes;
// - fields as attributes (value, checked, the selected option only), so that boot.js and the
//   app can read them back; the save status says "Loading…"; no date (boot.js writes today's).
// Usage: node scripts/shell.mjs [dist]   (after `trunk build --release`)
import { readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SHELL_START = "<!-- shell: written by scripts/shell.mjs -->";
export const SHELL_END = "<!-- /shell -->";

/** The shell now in `html` (an index.html), or null when it has none. */
export function shellIn(html) {
  const start = html.indexOf(SHELL_START);
  const end = html.indexOf(SHELL_END);
  return start < 0 || end < start ? null : html.slice(start + SHELL_START.length, end).trim();
}

/** `html` with `shell` between the markers (which must be there). */
export function withShell(html, shell) {
  const start = html.indexOf(SHELL_START);
  const end = html.indexOf(SHELL_END);
  if (start < 0 || end < start) throw new Error(`index.html has no "${SHELL_START}" … "${SHELL_END}"`);
  return `${html.slice(0, start + SHELL_START.length)}\n${shell}\n    ${html.slice(end)}`;
}

/** The widths the shell is taken at: the desktop's layout, and the phone's for its tabs. */
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Runs in the page once the app has mounted: the shell's markup from the app's own DOM, of the
 * whole page, or of the one element `only` selects; `tabs` (the phone's tab list, taken so at the
 * phone's width) is inserted where it goes.
 */
function shellMarkup({ only, tabs }) {
  // Attributes that only matter once the app runs (or repeat what is drawn).
  // (Not aria-expanded: the CSS draws each toggle's arrow from it.)
  const DROP = /^(on|aria-(keyshortcuts|controls|describedby|haspopup|live)$|title$|tabindex$|autocomplete$|spellcheck$|enterkeyhint$|inputmode$|maxlength$)/;
  const out = [];
  for (const node of only ? [document.querySelector(only)] : document.body.children) {
    if (node.matches("script, noscript, dialog, [hidden]")) continue;
    const copy = node.cloneNode(true);
    // Form state lives in properties: copy it to attributes, in the clone.
    const live = [...node.querySelectorAll("input, textarea, select")];
    [...copy.querySelectorAll("input, textarea, select")].forEach((field, i) => {
      const from = live[i];
      if (field.type === "checkbox" || field.type === "radio") field.toggleAttribute("checked", from.checked);
      else if (field.localName === "textarea") field.textContent = from.value;
      else if (field.localName === "select") {
        for (const option of [...field.options]) {
          if (option.value === from.value) option.setAttribute("selected", "");
          else option.remove();
        }
      } else if (from.value) field.setAttribute("value", from.value);
      else field.removeAttribute("value");
    });
    for (const gone of copy.querySelectorAll("dialog, [hidden], [role=menu], [role=tooltip], .tooltip")) gone.remove();
    for (const el of [copy, ...copy.querySelectorAll("*")]) {
      for (const { name } of [...el.attributes]) if (DROP.test(name)) el.removeAttribute(name);
      if (el.localName === "button" && !el.disabled) {
        el.setAttribute("disabled", "");
        el.setAttribute("data-wait", "");
      }
      // Today's date (the new review's post date, the byline) is boot.js's to write: the
      // shell is made once, not every day. The byline keeps its line meanwhile (a space that
      // does not collapse), so that nothing below it moves when the date comes.
      if (el.localName === "time") {
        el.textContent = "\u00a0";
        el.removeAttribute("datetime");
      }
    }
    copy.querySelector("#post-date")?.removeAttribute("value");
    // Ids that nothing in the shell names: a hint's (for aria-describedby, dropped), a button's
    // (the app's shortcuts and menus find them, not the shell), a preview part's.
    const named = new Set([...copy.querySelectorAll("[aria-labelledby]")].map((el) => el.getAttribute("aria-labelledby")));
    for (const el of copy.querySelectorAll(".field-hint[id], button[id], .review-section[id]")) {
      if (!named.has(el.id)) el.removeAttribute("id");
    }
    copy.querySelectorAll(".save-status").forEach((s) => (s.textContent = "Loading…"));
    copy.setAttribute("data-shell", "");
    if (copy.localName === "main" && tabs) out.push(tabs);
    out.push(copy.outerHTML);
  }
  // Leptos leaves empty comments as markers: not needed in a static page.
  return out.join("\n").replace(/<!---->/g, "");
}

/** The shell the build in `dist` draws now, taken in `browser` (Playwright's Chromium). */
export async function currentShell(browser, dist = "dist") {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml" };
  const take = async (viewport) => {
    const context = await browser.newContext({ viewport, serviceWorkers: "block" });
    await context.route("http://verdict.shell/**", async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dist, path === "/" ? "index.html" : decodeURIComponent(path));
      try {
        await route.fulfill({ body: await readFile(file), contentType: types[extname(file)] ?? "application/octet-stream" });
      } catch {
        await route.fulfill({ status: 404, body: "" });
      }
    });
    const page = await context.newPage();
    await page.goto("http://verdict.shell/");
    await page.waitForFunction(() => !document.querySelector("[data-shell]") && document.querySelector(".app-bar"));
    return { context, page };
  };
  const phone = await take(PHONE);
  const tabs = await phone.page.evaluate(shellMarkup, { only: ".view-tabs" });
  await phone.context.close();
  const desktop = await take(DESKTOP);
  const shell = await desktop.page.evaluate(shellMarkup, { tabs });
  await desktop.context.close();
  return shell;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import("@playwright/test");
  const dist = process.argv[2] ?? "dist";
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const shell = await currentShell(browser, dist);
    const page = await readFile("index.html", "utf8");
    await writeFile("index.html", withShell(page, shell));
    console.log(`    index.html: shell of ${shell.length} characters written from ${dist}/`);
  } finally {
    await browser.close();
  }
}
