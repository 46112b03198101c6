// Layout for writing (issue 18): the app bar in one row with the primary Export and a Menu, the
// book details card that folds into one line, the Write and Preview tabs on phones, touch
// targets of at least 44×44 px, no horizontal scroll from 320 px up, and axe in the new states.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import {
  DETAILS_OPEN_KEY,
  appMenu,
  button,
  chooseFromMenu,
  chooseTheme,
  detailsToggle,
  draftRecord,
  field,
  menuButton,
  openEditor,
  openMenu,
  preview,
  sectionBody,
  seedSections,
  seedStorage,
} from "./helpers.js";

const SEED_ID = "layout-seed";
const SEED_LINE = "Never Let Me Go \u00b7 Kazuo Ishiguro \u00b7 Hardcover, 304 pages";

/** The seed review (all four sections written), stored as a draft record. */
function seedRecord() {
  const record = draftRecord({ id: SEED_ID, title: "Never Let Me Go", author: "Kazuo Ishiguro" });
  Object.assign(record.review.metadata, {
    format: "Hardcover",
    pages: "304",
    publisher: "Alfred A. Knopf",
    publication_date: "2005-04-05",
    language: "English",
    isbn13: "9781400043392",
    genre: "Literary fiction, Dystopia",
    audience: "adult",
    reviewer: "Pat",
  });
  seedSections().forEach((body, i) => (record.review.sections[i].body = body));
  return record;
}

/** Opens the seed review, with the details card as the writer left it (or never chose). */
async function openSeed(page, { detailsOpen } = {}) {
  const entries = { [`verdict:draft:${SEED_ID}`]: JSON.stringify(seedRecord()) };
  if (detailsOpen !== undefined) entries[DETAILS_OPEN_KEY] = String(detailsOpen);
  await seedStorage(page, entries, SEED_ID, { foldDetails: true });
}

/** The app bar's visible parts, each as its top and bottom edge. */
async function barParts(page) {
  return page.getByRole("banner").evaluate((bar) =>
    [...bar.children]
      .filter((el) => el.checkVisibility())
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.className || el.tagName, top: r.top, bottom: r.bottom };
      }),
  );
}

/** Asserts the app bar is one row: every visible part overlaps every other vertically. */
async function expectOneRow(page, width) {
  const parts = await barParts(page);
  expect(parts.length, "the bar shows the status, Export and Menu").toBeGreaterThanOrEqual(2);
  const lowestTop = Math.max(...parts.map((p) => p.top));
  const highestBottom = Math.min(...parts.map((p) => p.bottom));
  expect(lowestTop, `one row at ${width}px: ${JSON.stringify(parts)}`).toBeLessThan(highestBottom);
}

/** Asserts nothing scrolls sideways. */
async function expectNoSideScroll(page, state) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  expect(scroll, `no horizontal scroll (${state})`).toBeLessThanOrEqual(inner);
}

/**
 * Every visible button, select, tab, menu item and checkbox smaller than 44×44 px, measured with
 * getBoundingClientRect (a checkbox by its label, which is part of its target).
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('button, select, [role="tab"], [role^="menuitem"], input[type="checkbox"]')) {
      let target = el;
      if (el.matches('input[type="checkbox"]')) target = el.closest("label") ?? el.labels?.[0] ?? el;
      if (!target.checkVisibility() || el.closest("dialog")) continue;
      // Inline spoilers inside the post's text are part of a sentence (WCAG 2.5.5's inline exception).
      if (el.closest(".review")) continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
        const name = (el.getAttribute("aria-label") || el.textContent || el.id).trim().slice(0, 40);
        small.push(`${name} (${Math.round(r.width)}×${Math.round(r.height)})`);
      }
    }
    return small;
  });
}

async function expectNoViolations(page, state) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  expect(found, `axe violations with ${state}`).toEqual([]);
}

for (const width of [1024, 1366, 1920]) {
  test(`the app bar is one row at ${width}px: status, a primary Export, and the Menu`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openSeed(page);
    await expectOneRow(page, width);
    await expect(button(page, "Export")).toBeVisible();
    await expect(menuButton(page)).toBeVisible();
    // Nothing else of the old bar is left outside the menu.
    for (const name of ["Reviews", "History", "Keyboard shortcuts", "Download JSON"]) {
      await expect(button(page, name)).toHaveCount(0);
    }
    // Export is the primary action: filled, unlike the Menu button beside it.
    const [exportBg, menuBg] = await Promise.all([
      button(page, "Export").evaluate((el) => getComputedStyle(el).backgroundColor),
      menuButton(page).evaluate((el) => getComputedStyle(el).backgroundColor),
    ]);
    expect(exportBg).not.toBe(menuBg);
  });
}

test("a filled review opens with its details folded into one line, the first section above the fold at 1366×800", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openSeed(page);
  await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByText(SEED_LINE, { exact: true })).toBeVisible();
  await expect(field(page, "Title")).toBeHidden();
  const { headingBottom, bodyTop, height } = await sectionBody(page, "Synopsis").evaluate((body) => {
    const heading = document.querySelector('[aria-label^="Heading of"], input[id^="section-heading"]') ?? body;
    return { headingBottom: heading.getBoundingClientRect().bottom, bodyTop: body.getBoundingClientRect().top, height: innerHeight };
  });
  expect(headingBottom).toBeLessThanOrEqual(height);
  expect(bodyTop + 48, "the first section's text starts on the first screen").toBeLessThanOrEqual(height);
});

test("the details card folds and unfolds, and remembers the choice; a new review shows it open", async ({ page }) => {
  await openEditor(page);
  // A new review: open, no summary line.
  await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "true");
  await field(page, "Title").fill("The Left Hand of Darkness");
  await field(page, "Author").fill("Ursula K. Le Guin");
  await page.getByRole("combobox", { name: "Format", exact: true }).selectOption({ label: "Paperback" });
  await field(page, "Pages").fill("304");
  // Typing a title does not fold the card under the writer's hands.
  await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "true");
  await detailsToggle(page).click();
  await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "false");
  await expect(field(page, "Title")).toBeHidden();
  await expect(page.getByText("The Left Hand of Darkness \u00b7 Ursula K. Le Guin \u00b7 Paperback, 304 pages", { exact: true })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), DETAILS_OPEN_KEY)).toBe("false");
  await page.reload();
  await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "false");
  // Unfolded with the keyboard; that choice is remembered too.
  await detailsToggle(page).focus();
  await page.keyboard.press("Enter");
  await expect(field(page, "Title")).toHaveValue("The Left Hand of Darkness");
  expect(await page.evaluate((key) => localStorage.getItem(key), DETAILS_OPEN_KEY)).toBe("true");
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();
  // Folded, then a new review from Reviews: empty, so open whatever was chosen.
  await detailsToggle(page).click();
  await expect(field(page, "Title")).toBeHidden();
  const reviews = page.getByRole("dialog", { name: "Reviews" });
  await chooseFromMenu(page, "Reviews");
  await reviews.getByRole("button", { name: "New review", exact: true }).click();
  await expect(field(page, "Title")).toBeVisible();
  await expect(field(page, "Title")).toHaveValue("");
});

test("the form's rows align, whatever hints they carry, and Audience is called Target group", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openEditor(page);
  await field(page, "ISBN-10").fill("0-306-40615-2");
  await expect(button(page, "Fill ISBN-13 (9780306406157)")).toBeVisible();
  const top = (name) => field(page, name).evaluate((el) => el.getBoundingClientRect().top);
  const rowOf = async (a, b) => [await top(a), await top(b)];
  for (const [a, b] of [["Title", "Author"], ["Publisher", "Publication date"], ["ISBN-10", "ISBN-13"]]) {
    const [ta, tb] = await rowOf(a, b);
    expect(Math.abs(ta - tb), `${a} and ${b} line up`).toBeLessThan(1);
  }
  const format = await page.getByRole("combobox", { name: "Format", exact: true }).evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(format - (await top("Pages"))), "Format and Pages line up").toBeLessThan(1);
  // The Fill button sits in the ISBN-13 cell: the next field is not pushed a whole row down.
  const fill = await button(page, "Fill ISBN-13 (9780306406157)").evaluate((el) => el.getBoundingClientRect());
  const isbn13 = await field(page, "ISBN-13").evaluate((el) => el.getBoundingClientRect());
  expect(Math.abs(fill.left - isbn13.left)).toBeLessThan(1);
  await expect(field(page, "Target group")).toBeVisible();
  await expect(page.getByLabel("Audience", { exact: true })).toHaveCount(0);
});

test("the Menu works with the keyboard: arrows, Home, End, Escape back to its button; a click outside closes it", async ({ page }) => {
  await openEditor(page);
  const menu = appMenu(page);
  await expect(menuButton(page)).toHaveAttribute("aria-haspopup", "menu");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  await menuButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  const item = (name, role = "menuitem") => menu.getByRole(role, { name, exact: true });
  await expect(item("Reviews")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("History")).toBeFocused();
  await page.keyboard.press("End");
  await expect(item("Keyboard shortcuts")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("Reviews")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(item("Keyboard shortcuts")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item("Reviews")).toBeFocused();
  // Every item the old bar had is here, under its old name; Theme is three radio items.
  for (const name of ["Reviews", "History", "Open file", "Download Markdown (GitHub)", "Download HTML page", "Download JSON", "Keyboard shortcuts"]) {
    await expect(item(name)).toBeVisible();
  }
  await expect(item("System", "menuitemradio")).toHaveAttribute("aria-checked", "true");
  await expect(item("Dark", "menuitemradio")).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");

  // ↑ on the button opens it at the last item; Enter on an item opens its dialog, and closing
  // the dialog returns focus to the Menu button.
  await page.keyboard.press("ArrowUp");
  await expect(item("Keyboard shortcuts")).toBeFocused();
  await page.keyboard.press("Enter");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expect(menu).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  // A theme chosen from the keyboard.
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < 12; i++) {
    if (await item("Dark", "menuitemradio").evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await openMenu(page);
  await expect(item("Dark", "menuitemradio")).toHaveAttribute("aria-checked", "true");
  // A click outside closes it and leaves the page as it was.
  await sectionBody(page, "Synopsis").click();
  await expect(menu).toBeHidden();
  await expect(sectionBody(page, "Synopsis")).toBeFocused();
  // Tab out closes it too.
  await openMenu(page);
  await page.keyboard.press("Tab");
  await expect(menu).toBeHidden();
  // Open file asks for a file, as the old button did.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), chooseFromMenu(page, "Open file")]);
  expect(chooser.isMultiple()).toBe(false);
  await chooseTheme(page, "System");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.*/);
});

for (const width of [360, 390]) {
  test(`a phone at ${width}px: the bar in one row, Write and Preview tabs switch views`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await openSeed(page, { detailsOpen: true });
    await expectOneRow(page, width);
    const tabs = page.getByRole("tablist", { name: "View" });
    const write = tabs.getByRole("tab", { name: "Write" });
    const show = tabs.getByRole("tab", { name: "Preview" });
    await expect(write).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel", { name: "Write" })).toBeVisible();
    await expect(field(page, "Title")).toBeVisible();
    await expect(preview(page)).toBeHidden();
    // The tabs are near the top: above the first field.
    const tabsBottom = await tabs.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(tabsBottom).toBeLessThan(await field(page, "Title").evaluate((el) => el.getBoundingClientRect().top));

    await show.click();
    await expect(show).toHaveAttribute("aria-selected", "true");
    await expect(preview(page)).toBeVisible();
    await expect(page.getByRole("tabpanel", { name: "Preview" })).toBeVisible();
    await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Never Let Me Go by Kazuo Ishiguro");
    await expect(field(page, "Title")).toBeHidden();
    // Arrow keys move between the tabs and show the one they reach.
    await show.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(write).toBeFocused();
    await expect(write).toHaveAttribute("aria-selected", "true");
    await expect(field(page, "Title")).toBeVisible();
    await expect(preview(page)).toBeHidden();
    await expect(write).toHaveAttribute("tabindex", "0");
    await expect(show).toHaveAttribute("tabindex", "-1");
  });
}

test("wider than a phone there are no tabs: the editor and the preview side by side", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await openEditor(page);
  await expect(page.getByRole("tablist")).toHaveCount(0);
  await expect(preview(page)).toBeVisible();
  await expect(field(page, "Title")).toBeVisible();
  // From a phone's width to a laptop's and back: the tabs come and go with the width.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByRole("tablist", { name: "View" })).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(page.getByRole("tablist")).toHaveCount(0);
  await expect(preview(page)).toBeVisible();
});

for (const width of [360, 390, 768]) {
  test(`every touch target is at least 44×44 px at ${width}px, menu items included`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await openSeed(page, { detailsOpen: true });
    await field(page, "ISBN-13").fill("");
    await expect(button(page, "Fill ISBN-13 (9781400043392)")).toHaveCount(0);
    await field(page, "ISBN-10").fill("");
    expect(await smallTargets(page), "small targets in the editor").toEqual([]);
    await openMenu(page);
    expect(await smallTargets(page), "small targets with the menu open").toEqual([]);
    await page.keyboard.press("Escape");
    const previewTab = page.getByRole("tab", { name: "Preview" });
    if (await previewTab.count()) await previewTab.click();
    expect(await smallTargets(page), "small targets in the preview").toEqual([]);
    // The spoiler checkboxes in particular (13×13 px before): their labels make the target.
    if (await previewTab.count()) await page.getByRole("tab", { name: "Write" }).click();
    const spoiler = page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" });
    const box = await spoiler.evaluate((el) => (el.closest("label") ?? el.labels[0]).getBoundingClientRect());
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  });
}

for (const width of [320, 360, 390, 768, 1024, 1366, 1920]) {
  test(`no horizontal scroll at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openEditor(page);
    await expectNoSideScroll(page, "a new review");
    await openSeed(page, { detailsOpen: true });
    await expectNoSideScroll(page, "the seed review, details open");
    await openMenu(page);
    await expectNoSideScroll(page, "the menu open");
    await page.keyboard.press("Escape");
    await detailsToggle(page).click();
    await expectNoSideScroll(page, "the details folded");
    const previewTab = page.getByRole("tab", { name: "Preview" });
    if (await previewTab.count()) {
      await previewTab.click();
      await expectNoSideScroll(page, "the preview tab");
    }
  });
}

for (const scheme of ["light", "dark"]) {
  test(`axe finds nothing with the menu open, the card folded, and on a phone (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 800 });
    await openSeed(page);
    await expect(detailsToggle(page)).toHaveAttribute("aria-expanded", "false");
    await expectNoViolations(page, "the details card folded");
    await openMenu(page);
    await expectNoViolations(page, "the menu open");
    await page.keyboard.press("Escape");
    // The theme chosen in the app, not only the system's.
    await chooseTheme(page, scheme === "light" ? "Light" : "Dark");
    await expectNoViolations(page, `the ${scheme} theme chosen in the menu`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("tablist", { name: "View" })).toBeVisible();
    await expectNoViolations(page, "the phone's Write tab");
    await openMenu(page);
    await expectNoViolations(page, "the phone's menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "Preview" }).click();
    await expectNoViolations(page, "the phone's Preview tab");
  });
}
