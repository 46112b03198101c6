// Undo and redo for the review's structure and fields: buttons, and Ctrl+Z / Ctrl+Shift+Z
// outside text fields, while a text area keeps the browser's own text undo.
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
