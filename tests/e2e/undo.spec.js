// Undo and redo for the review's structure and fields: buttons, and Ctrl+Z / Ctrl+Shift+Z /
// Ctrl+Y, while a section's text (and a field still being typed in) keeps the browser's own undo.
import { test, expect } from "@playwright/test";
import {
  DEFAULT_HEADINGS,
  button,
  expectAllSaved,
  field,
  headingField,
  openEditor,
  preview,
  ratingSelect,
  readStoredDraft,
  sectionAction,
  sectionBody,
  sectionHeadingValues,
} from "./helpers.js";

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

const spoilerBox = (page, name) => page.getByRole("checkbox", { name: `Mark ${name} as spoiler`, exact: true });

test("Undo and Redo start disabled, and take back and bring back a removed section", async ({ page }) => {
  await expect(button(page, "Undo")).toBeDisabled();
  await expect(button(page, "Redo")).toBeDisabled();
  await sectionBody(page, "Synopsis").fill("Letters to a son.");
  await (await sectionAction(page, "Synopsis", "Remove Synopsis")).click();
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS.slice(1));

  await button(page, "Undo").click();
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Letters to a son.");
  await expect(button(page, "Undo")).toBeDisabled();

  await button(page, "Redo").click();
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS.slice(1));
  await expect(button(page, "Redo")).toBeDisabled();
  // The redone removal is saved like any other change.
  await expectAllSaved(page);
  const stored = await readStoredDraft(page);
  expect(stored.record.review.sections.map((s) => s.heading)).toEqual(DEFAULT_HEADINGS.slice(1));
});

test("Ctrl+Z and Ctrl+Shift+Z outside text fields undo and redo a move", async ({ page }) => {
  await (await sectionAction(page, "Synopsis", "Move Synopsis down")).click();
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  // Focus is on a move button, not in a text field.
  await page.keyboard.press("Control+z");
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);
  await expect(preview(page).getByRole("heading", { level: 2 })).toHaveText(DEFAULT_HEADINGS);
  await page.keyboard.press("Control+Shift+z");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+y");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
});

test("a changed field, the rating and a spoiler flag come back, one undo each", async ({ page }) => {
  await field(page, "Title").fill("Gilead");
  await field(page, "Author").fill("Marilynne Robinson");
  await ratingSelect(page).selectOption("4.5");
  await spoilerBox(page, "Synopsis").check();

  await button(page, "Undo").click();
  await expect(spoilerBox(page, "Synopsis")).not.toBeChecked();
  await button(page, "Undo").click();
  await expect(ratingSelect(page)).toHaveValue("");
  await button(page, "Undo").click();
  await expect(field(page, "Author")).toHaveValue("");
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await button(page, "Undo").click();
  await expect(field(page, "Title")).toHaveValue("");
  await expect(button(page, "Undo")).toBeDisabled();
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Untitled review");

  for (let i = 0; i < 4; i++) await button(page, "Redo").click();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(field(page, "Author")).toHaveValue("Marilynne Robinson");
  await expect(ratingSelect(page)).toHaveValue("4.5");
  await expect(spoilerBox(page, "Synopsis")).toBeChecked();
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Gilead by Marilynne Robinson");
});

test("a renamed heading comes back, and an added section keeps its text through undo and redo", async ({ page }) => {
  await headingField(page, "What I liked").fill("Highlights");
  await button(page, "Add section").click();
  await headingField(page, "Untitled section 5").fill("Characters");
  await sectionBody(page, "Characters").fill("Ames and his son.");

  await button(page, "Undo").click(); // the new heading
  await expect(headingField(page, "Untitled section 5")).toBeVisible();
  await button(page, "Undo").click(); // the added section
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "Highlights", "What I didn't like", "Final verdict"]);
  await button(page, "Undo").click(); // the renamed heading
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);

  await button(page, "Redo").click();
  await button(page, "Redo").click();
  await expect(sectionBody(page, "Untitled section 5")).toHaveValue("Ames and his son.");
  await button(page, "Redo").click();
  await expect(sectionBody(page, "Characters")).toHaveValue("Ames and his son.");
});

test("inside a text area Ctrl+Z is the browser's text undo, not a structural one", async ({ page }) => {
  await button(page, "Add section").click();
  const body = sectionBody(page, "Synopsis");
  await body.click();
  await page.keyboard.type("Typed words");
  await page.keyboard.press("Control+z");
  await expect(body).not.toHaveValue("Typed words");
  // The added section is still there: the key went to the text area.
  expect(await sectionHeadingValues(page)).toEqual([...DEFAULT_HEADINGS, ""]);
  await expect(button(page, "Undo")).toBeEnabled();
});

test("a new change ends what could be redone", async ({ page }) => {
  await (await sectionAction(page, "Final verdict", "Remove Final verdict")).click();
  await button(page, "Undo").click();
  await expect(button(page, "Redo")).toBeEnabled();
  await (await sectionAction(page, "Synopsis", "Move Synopsis down")).click();
  await expect(button(page, "Redo")).toBeDisabled();
});

test("Ctrl+Z walks back Publisher, Language and Pages in turn, focus follows the field, and Ctrl+Shift+Z / Ctrl+Y redo", async ({ page }) => {
  // Tall enough that the three fields are wholly on screen: focus follows a field only then
  // (otherwise it stays where it is, so that undo never scrolls the page).
  await page.setViewportSize({ width: 1280, height: 900 });
  await field(page, "Pages").fill("304");
  await field(page, "Language").fill("English");
  await field(page, "Publisher").fill("Ace Books");
  // Click empty space: nothing is focused, and the last field's change is recorded.
  await page.mouse.click(5, 400);
  await expect(field(page, "Publisher")).not.toBeFocused();
  const scrollBefore = await page.evaluate(() => window.scrollY);

  await page.keyboard.press("Control+z");
  await expect(field(page, "Publisher")).toHaveValue("");
  await expect(field(page, "Language")).toHaveValue("English");
  // Focus goes to the field whose value came back, never into a section heading.
  await expect(field(page, "Publisher")).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  await page.keyboard.press("Control+z");
  await expect(field(page, "Language")).toHaveValue("");
  await expect(field(page, "Language")).toBeFocused();
  await expect(field(page, "Pages")).toHaveValue("304");
  await page.keyboard.press("Control+z");
  await expect(field(page, "Pages")).toHaveValue("");
  await expect(field(page, "Pages")).toBeFocused();
  await expect(button(page, "Undo")).toBeDisabled();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  for (const name of DEFAULT_HEADINGS) await expect(headingField(page, name)).not.toBeFocused();

  // Redo brings them back in order, with either shortcut.
  await page.keyboard.press("Control+Shift+z");
  await expect(field(page, "Pages")).toHaveValue("304");
  await expect(field(page, "Language")).toHaveValue("");
  await page.keyboard.press("Control+y");
  await expect(field(page, "Language")).toHaveValue("English");
  await expect(field(page, "Language")).toBeFocused();
  await page.keyboard.press("Control+Shift+z");
  await expect(field(page, "Publisher")).toHaveValue("Ace Books");
  await expect(button(page, "Redo")).toBeDisabled();
});

test("in a field still being typed in, Ctrl+Z is the field's own undo first, then the review's", async ({ page }) => {
  await field(page, "Pages").fill("304");
  const language = field(page, "Language");
  await language.click();
  await page.keyboard.type("W");
  await expect(language).toHaveValue("W");
  await page.keyboard.press("Control+z");
  // The browser took back the typing; Pages (recorded when focus left it) is untouched.
  await expect(language).toHaveValue("");
  await expect(field(page, "Pages")).toHaveValue("304");
  // Nothing typed is left to take back: the next Ctrl+Z undoes Pages.
  await page.keyboard.press("Control+z");
  await expect(field(page, "Pages")).toHaveValue("");
});

test("a keyboard undo of a change whose field is off screen leaves focus and scroll alone", async ({ page }) => {
  await field(page, "Title").fill("Gilead");
  await sectionBody(page, "Final verdict").click();
  await page.mouse.click(5, 400);
  await sectionBody(page, "Final verdict").scrollIntoViewIfNeeded();
  await page.mouse.click(5, 400);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  expect(scrollBefore).toBeGreaterThan(0);
  await page.keyboard.press("Control+z");
  await expect(field(page, "Title")).toHaveValue("");
  await expect(field(page, "Title")).not.toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});
