// Shared helpers for the Verdict end-to-end tests: find things the way a person (or a screen
// reader) would, by role and accessible name.
import { expect } from "@playwright/test";
import { readFileSync } from "node:fs";

/** The draft record layout this version writes (src/storage/drafts.rs SCHEMA_VERSION). */
export const CURRENT_SCHEMA = 3;

/** The four sections a new book review starts with, in order. */
export const DEFAULT_HEADINGS = ["Synopsis", "What I liked", "What I didn't like", "Final verdict"];

/** Every metadata text field, by its exact label. */
export const METADATA_FIELDS = [
  "Title",
  "Author",
  "Pages",
  "Publisher",
  "Publication date",
  "Language",
  "ISBN-10",
  "ISBN-13",
  "Genre",
  "Target group",
  "Categories",
  "Tags",
  "Post title",
  "Reviewer",
  "Post date",
];

/**
 * Waits until the app has started: the static shell that the page paints before the Wasm
 * arrives (scripts/shell.mjs) has the same fields and labels, but only the app saves.
 */
export async function appStarted(page) {
  await expect(page.locator("[data-shell]")).toHaveCount(0);
  await expect(page.locator(".app-bar")).toBeVisible();
}

/** Opens the app and waits until the editor is on screen. */
export async function openEditor(page) {
  await page.goto("/");
  await appStarted(page);
  // The details card's toggle is always shown (a filled review may open with its fields folded).
  await expect(page.getByRole("button", { name: / details$/ })).toBeVisible();
}

/** A text field (input or textarea) by its exact accessible name. */
export function field(page, name) {
  return page.getByRole("textbox", { name, exact: true });
}

/** A section's body text area (its accessible name is the section heading). */
export function sectionBody(page, heading) {
  return page.getByRole("textbox", { name: heading, exact: true });
}

/** A section's heading field. */
export function headingField(page, heading) {
  return page.getByRole("textbox", { name: `Heading of ${heading}`, exact: true });
}

/** A button by its exact accessible name. */
export function button(page, name) {
  return page.getByRole("button", { name, exact: true });
}

/** The `Format` select. */
export function formatSelect(page) {
  return page.getByRole("combobox", { name: "Format", exact: true });
}

/** The `Rating` select. */
export function ratingSelect(page) {
  return page.getByRole("combobox", { name: "Rating", exact: true });
}

/** The preview region. */
export function preview(page) {
  return page.getByRole("region", { name: "Preview" });
}

/** The preview's `Show spoilers` switch. */
export function showSpoilers(page) {
  return preview(page).getByRole("checkbox", { name: "Show spoilers" });
}

/**
 * Turns the `Show spoilers` switch on or off by clicking it where a person sees it (its label:
 * the checkbox itself sits under the drawn switch track).
 */
export async function setShowSpoilers(page, on) {
  const toggle = showSpoilers(page);
  if ((await toggle.isChecked()) !== on) {
    await preview(page).getByText("Show spoilers", { exact: true }).click();
  }
  if (on) await expect(toggle).toBeChecked();
  else await expect(toggle).not.toBeChecked();
}

/** The save status (role=status; not boot.js's "A new version is ready", also a status). */
export function saveStatus(page) {
  return page.getByRole("status").filter({ hasNotText: "A new version is ready" });
}

/** Alerts whose text matches `pattern`. */
export function alertMatching(page, pattern) {
  return page.getByRole("alert").filter({ hasText: pattern });
}

/** Waits until the status says everything is saved. */
export async function expectAllSaved(page, timeout = 5_000) {
  await expect(saveStatus(page)).toHaveText("All changes saved", { timeout });
}

/** The headings (h2) of the preview's sections, in order. */
export function previewSectionHeadings(page) {
  return preview(page).getByRole("heading", { level: 2 });
}

/** The values of every section heading field, in order on screen. */
export async function sectionHeadingValues(page) {
  return page
    .getByRole("textbox", { name: /^Heading of / })
    .evaluateAll((inputs) => inputs.map((input) => input.value));
}

/** The draft stored in localStorage: the current id, its raw text and the parsed record. */
export async function readStoredDraft(page) {
  return page.evaluate(() => {
    const id = localStorage.getItem("verdict:current");
    const raw = id === null ? null : localStorage.getItem(`verdict:draft:${id}`);
    let record = null;
    try {
      record = raw === null ? null : JSON.parse(raw);
    } catch {
      record = undefined;
    }
    return { id, raw, record };
  });
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export async function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

/** Asserts `input` is marked invalid and its message (matching `pattern`) is tied to it. */
export async function expectFieldError(input, pattern) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(pattern);
  // The message element itself is on screen and referenced by id from aria-describedby.
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const page = input.page();
  const messages = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    if ((await el.count()) === 1 && pattern.test((await el.textContent()) ?? "")) messages.push(el);
  }
  expect(messages.length, `an element referenced by aria-describedby (${ids.join(" ")}) says ${pattern}`).toBe(1);
  await expect(messages[0]).toBeVisible();
}

/** Asserts `input` carries no validation error. */
export async function expectNoFieldError(input) {
  await expect(input).not.toHaveAttribute("aria-invalid", "true");
}

/** Whether `locator` (one element) has keyboard focus right now. */
export async function hasFocus(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

/**
 * Selects `length` characters starting at `start` in a text area, with the keyboard, the way a
 * person would (Ctrl+Home, arrows, Shift+arrows).
 */
export async function selectWithKeyboard(textarea, start, length) {
  await textarea.focus();
  await textarea.press("Control+Home");
  for (let i = 0; i < start; i++) await textarea.press("ArrowRight");
  for (let i = 0; i < length; i++) await textarea.press("Shift+ArrowRight");
}

/** Every localStorage entry of the page's origin, as a plain object (key → raw text). */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      all[key] = localStorage.getItem(key);
    }
    return all;
  });
}

/** Runs `action` (which starts a download) and returns the file's name and its bytes. */
export async function downloadFrom(page, action) {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  const { readFile } = await import("node:fs/promises");
  const path = await download.path();
  return { name: download.suggestedFilename(), path, bytes: await readFile(path) };
}

/**
 * A stored draft record (the object; JSON.stringify it to store it) for a book review made of
 * the default four sections, with `body` in the first.
 */
export function draftRecord({
  id,
  title = "",
  author = "",
  postTitle = "",
  body = "",
  savedAt = "2026-01-01T10:00:00.000Z",
  createdAt = savedAt,
  schema = CURRENT_SCHEMA,
  revision = 1,
  showSpoilers = false,
}) {
  const record = { schema, id, revision, saved_at: savedAt };
  if (schema >= 2) record.created_at = createdAt;
  record.review = {
    metadata: {
      title,
      author,
      format: "Unset",
      pages: "",
      publisher: "",
      publication_date: "",
      language: "",
      isbn10: "",
      isbn13: "",
      genre: "",
      audience: "",
      categories: "",
      tags: "",
      reviewer: "",
      post_date: "2026-01-01",
    },
    post_title: postTitle,
    sections: DEFAULT_HEADINGS.map((heading, i) => ({ id: i + 1, heading, body: i === 0 ? body : "", spoiler: false })),
    rating: null,
  };
  record.view = { show_spoilers: showSpoilers };
  return record;
}

/**
 * Replaces the origin's localStorage with `entries` (key → raw text), points `verdict:current`
 * at `current` (if given) and starts the app afresh on it. Unless `foldDetails` is set (or
 * `entries` says otherwise), the writer is taken to keep the book details open, so that a
 * seeded filled review shows its fields.
 */
export async function seedStorage(page, entries, current, { foldDetails = false } = {}) {
  if (!foldDetails && !(DETAILS_OPEN_KEY in entries)) entries = { ...entries, [DETAILS_OPEN_KEY]: "true" };
  await page.goto("/");
  // Seed only once the app has started: started later, it would point `verdict:current` at
  // a new draft of its own after the seeding.
  await appStarted(page);
  await page.evaluate(
    ({ entries, current }) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      if (current !== undefined) localStorage.setItem("verdict:current", current);
    },
    { entries, current },
  );
  await page.reload();
  await appStarted(page);
  // Folded, the details card hides the Title field.
  await expect(foldDetails ? page.getByRole("button", { name: / details$/ }) : field(page, "Title")).toBeVisible();
}

/** The `Reviews` dialog. */
export function reviewsDialog(page) {
  return page.getByRole("dialog", { name: "Reviews" });
}

/** Opens the `Reviews` dialog (from the app bar's `Menu`) and returns it. */
export async function openReviews(page) {
  await chooseFromMenu(page, "Reviews");
  const dialog = reviewsDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The items of the `Your reviews` list in the `Reviews` dialog, newest first. */
export function reviewItems(page) {
  return reviewsDialog(page).getByRole("list", { name: "Your reviews", exact: true }).getByRole("listitem");
}

/** The seed's four sections (the review only, not its comments), as paragraphs. */
export function seedSections() {
  const text = readFileSync("tests/fixtures/never-let-me-go-review.txt", "utf8");
  const review = text.slice(0, text.indexOf("This entry was posted in"));
  const markers = ["Synopsis (with some spoilers):", "What I liked:", "What I didn\u2019t like:", "Final verdict"];
  const sections = [];
  for (const raw of review.split("\n")) {
    const line = raw.trim();
    if (markers.includes(line)) sections.push([]);
    else if (sections.length && line) sections[sections.length - 1].push(line);
  }
  expect(sections).toHaveLength(4);
  return sections.map((paragraphs) => paragraphs.join("\n\n"));
}

/** The Export dialog. */
export function exportPanel(page) {
  return page.getByRole("dialog", { name: "Export" });
}

/** The Export dialog's box holding the exported text. */
export function exportedText(page) {
  return exportPanel(page).getByRole("textbox", { name: "Exported text" });
}

/** Opens the Export dialog. */
export async function openExportPanel(page) {
  await button(page, "Export").click();
  await expect(exportPanel(page)).toBeVisible();
}

/** Chooses the export target by its label. */
export async function chooseTarget(page, label) {
  await exportPanel(page).getByRole("combobox", { name: "Export to" }).selectOption({ label });
}

/** A short Gilead review with the Synopsis marked as a spoiler and `liked` in What I liked, saved. */
export async function writeGilead(page, liked) {
  await field(page, "Title").fill("Gilead");
  await field(page, "Author").fill("Marilynne Robinson");
  await sectionBody(page, "Synopsis").fill("Ames is dying and writes to his son.");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill(liked);
  await expectAllSaved(page);
}

/** The localStorage key remembering whether the book details card is open. */
export const DETAILS_OPEN_KEY = "verdict:details-open";

/** The app bar's `Menu` button. */
export function menuButton(page) {
  return button(page, "Menu");
}

/** The app bar's menu (only there while open). */
export function appMenu(page) {
  return page.getByRole("menu", { name: "Menu" });
}

/** Opens the app bar's `Menu` (if it is closed) and returns the menu. */
export async function openMenu(page) {
  const menu = appMenu(page);
  if (!(await menu.isVisible())) await menuButton(page).click();
  await expect(menu).toBeVisible();
  return menu;
}

/**
 * Chooses the item `name` of the app bar's `Menu` (role `menuitem`, or `menuitemradio` for the
 * Theme choices), the way a person does: open the menu, click the item.
 */
export async function chooseFromMenu(page, name, role = "menuitem") {
  const menu = await openMenu(page);
  await menu.getByRole(role, { name, exact: true }).click();
}

/** Chooses the theme (`System`, `Light` or `Dark`) from the app bar's `Menu`. */
export async function chooseTheme(page, label) {
  await chooseFromMenu(page, label, "menuitemradio");
}

/** Opens the `History` dialog (from the app bar's `Menu`) and returns it. */
export async function openHistory(page) {
  await chooseFromMenu(page, "History");
  const dialog = page.getByRole("dialog", { name: "History" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The book details card's fold/unfold button (`Book details` for a book). */
export function detailsToggle(page, name = "Book details") {
  return button(page, name);
}

/** Unfolds the book details card if it is folded. */
export async function openDetails(page, name = "Book details") {
  const toggle = detailsToggle(page, name);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

/**
 * Shows the editor (`Write`) or the preview (`Preview`) on a phone, where they take turns behind
 * tabs; wider, both are always shown and this does nothing.
 */
export async function showView(page, name) {
  const tab = page.getByRole("tab", { name, exact: true });
  if (await tab.count()) {
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
  }
}

/** A section's `Actions for …` menu button (move and remove live in its menu). */
export function sectionMenuButton(page, heading) {
  return button(page, `Actions for ${heading}`);
}

/**
 * Opens the actions menu of the section `heading` (unless open) and returns its item `name`,
 * e.g. `Move Synopsis up`, `Move Synopsis down`, `Remove Synopsis`.
 */
export async function sectionAction(page, heading, name) {
  const menuButton = sectionMenuButton(page, heading);
  if ((await menuButton.getAttribute("aria-expanded")) !== "true") await menuButton.click();
  const item = page.getByRole("menu", { name: `Actions for ${heading}` }).getByRole("menuitem", { name, exact: true });
  await expect(item).toBeVisible();
  return item;
}
