// Sections as writing blocks (issue 18): the heading written in place, the per-section menu and
// Alt+↑ / Alt+↓ to move, the line formats of the toolbar (Heading, Quote, List) with their
// shortcuts, the writing font, and a preview that follows the writer and leads back to the text.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import {
  DEFAULT_HEADINGS,
  chooseFromMenu,
  button,
  field,
  headingField,
  openEditor,
  preview,
  previewSectionHeadings,
  sectionAction,
  sectionBody,
  sectionHeadingValues,
  sectionMenuButton,
  seedSections,
} from "./helpers.js";

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

const toolbar = (page) => page.getByRole("toolbar", { name: "Formatting" });

test("the heading is written in place, in the type of the heading it becomes", async ({ page }) => {
  const heading = headingField(page, "Synopsis");
  await expect(heading).toHaveValue("Synopsis");
  // No visible "Heading" label over each section: the only such text is the toolbar's button.
  await expect(page.getByText("Heading", { exact: true })).toHaveCount(1);
  await expect(toolbar(page).getByText("Heading", { exact: true })).toBeVisible();
  const look = (locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { family: s.fontFamily, weight: s.fontWeight, size: parseFloat(s.fontSize) };
    });
  const input = await look(heading);
  const published = await look(previewSectionHeadings(page).first());
  expect(input.family).toBe(published.family);
  expect(input.weight).toBe(published.weight);
  expect(input.size).toBeGreaterThan(20);

  await heading.fill("The story");
  await expect(headingField(page, "The story")).toBeFocused();
  await expect(previewSectionHeadings(page).first()).toHaveText("The story");
});

test("bodies are set in a proportional writing font with a generous line height and measure", async ({ page }) => {
  const style = await sectionBody(page, "Synopsis").evaluate((el) => {
    const s = getComputedStyle(el);
    return { family: s.fontFamily, size: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight), maxWidth: s.maxWidth };
  });
  expect(style.family).not.toMatch(/mono/i);
  expect(style.family).toMatch(/serif/);
  expect(style.lineHeight / style.size).toBeGreaterThanOrEqual(1.6);
  expect(style.maxWidth).not.toBe("none");
});

test("each section's menu holds Move up, Move down and Remove, and works by keyboard", async ({ page }) => {
  const menuButton = sectionMenuButton(page, "What I liked");
  await expect(menuButton).toHaveAttribute("aria-haspopup", "menu");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Actions for What I liked" });
  await expect(menu.getByRole("menuitem")).toHaveText([/Move.*up/, /Move.*down/, /Remove/]);
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("menuitem", { name: "Move What I liked up" })).toBeFocused();
  // The arrows go round the items; End and Home go to the ends.
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Remove What I liked" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(menu.getByRole("menuitem", { name: "Move What I liked up" })).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await expect(menuButton).toBeFocused();

  // A click elsewhere closes the menu.
  await menuButton.click();
  await expect(menu).toBeVisible();
  await sectionBody(page, "Final verdict").click();
  await expect(menu).toHaveCount(0);

  await (await sectionAction(page, "What I liked", "Remove What I liked")).click();
  await expect(sectionBody(page, "What I liked")).toHaveCount(0);
  await expect(button(page, "Undo")).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
});

test("Alt+↑ and Alt+↓ move the section being written in, and focus and caret stay", async ({ page }) => {
  const body = sectionBody(page, "What I liked");
  await body.fill("The letters.");
  await body.press("Control+Home");
  await body.press("ArrowRight");
  await page.keyboard.press("Alt+ArrowUp");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await expect(previewSectionHeadings(page)).toHaveText(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await expect(body).toBeFocused();
  // At the top, Alt+↑ does nothing.
  await page.keyboard.press("Alt+ArrowUp");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await page.keyboard.press("Alt+ArrowDown");
  await page.keyboard.press("Alt+ArrowDown");
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What I didn't like", "What I liked", "Final verdict"]);
  await expect(body).toBeFocused();
  // The caret is where it was: typing goes on after the T.
  await page.keyboard.type("X");
  await expect(body).toHaveValue("TXhe letters.");

  // From the heading too, which keeps focus.
  await headingField(page, "Final verdict").focus();
  await page.keyboard.press("Alt+ArrowUp");
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What I didn't like", "Final verdict", "What I liked"]);
  await expect(headingField(page, "Final verdict")).toBeFocused();
});

const LINE_FORMATS = [
  { label: "Heading", keys: "Ctrl+Alt+1", press: "Control+Alt+1", aria: "Control+Alt+1", marked: "# One\n\ntwo", shown: (p) => preview(p).getByRole("heading", { level: 3, name: "One" }) },
  { label: "Quote", keys: "Ctrl+Alt+Q", press: "Control+Alt+q", aria: "Control+Alt+Q", marked: "> One\n\n> two", shown: (p) => preview(p).getByRole("blockquote") },
  { label: "List", keys: "Ctrl+Alt+8", press: "Control+Alt+8", aria: "Control+Alt+8", marked: "- One\n\n- two", shown: (p) => preview(p).getByRole("listitem").filter({ hasText: "two" }) },
];

for (const format of LINE_FORMATS) {
  test(`the toolbar's ${format.label} button and ${format.keys} toggle whole lines, undoably`, async ({ page }) => {
    const body = sectionBody(page, "Synopsis");
    const text = "One\n\ntwo";
    await body.fill(text);
    const formatButton = toolbar(page).getByRole("button", { name: format.label, exact: true });
    await expect(formatButton).toHaveAttribute("aria-keyshortcuts", format.aria);
    expect(await formatButton.getAttribute("title")).toContain(`(${format.keys})`);

    // The button, over a selection of both lines (a heading takes the caret's line only).
    if (format.label === "Heading") {
      await body.press("Control+Home");
    } else {
      await body.press("Control+a");
    }
    await formatButton.click();
    const expected = format.label === "Heading" ? "# One\n\ntwo" : format.marked;
    await expect(body).toHaveValue(expected);
    await expect(body).toBeFocused();
    await expect(format.shown(page).first()).toBeVisible();
    // The browser's own undo takes it back.
    await page.keyboard.press("Control+z");
    await expect(body).toHaveValue(text);

    // The shortcut, pressed twice, marks and unmarks.
    await body.press("Control+Home");
    await page.keyboard.press(format.press);
    const once = format.label === "Heading" ? "# One\n\ntwo" : format.marked.split("\n\n")[0] + "\n\ntwo";
    await expect(body).toHaveValue(once);
    await page.keyboard.press(format.press);
    await expect(body).toHaveValue(text);
  });
}

test("every toolbar button shows its shortcut in its tooltip, and the shortcuts dialog lists them", async ({ page }) => {
  const expected = [
    ["Heading", "Ctrl+Alt+1"],
    ["Bold", "Ctrl+B"],
    ["Italic", "Ctrl+I"],
    ["Link", "Ctrl+K"],
    ["Quote", "Ctrl+Alt+Q"],
    ["List", "Ctrl+Alt+8"],
    ["Spoiler", "Ctrl+Alt+S"],
  ];
  await expect(toolbar(page).getByRole("button")).toHaveText(expected.map(([label]) => label));
  for (const [label, keys] of expected) {
    const title = await toolbar(page).getByRole("button", { name: label, exact: true }).getAttribute("title");
    expect(title, label).toContain(`(${keys})`);
  }
  await chooseFromMenu(page, "Keyboard shortcuts");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const [, keys] of expected) await expect(dialog.getByText(keys, { exact: true })).toBeVisible();
  await expect(dialog.getByText("Alt+↑ / Alt+↓", { exact: true })).toBeVisible();
  await expect(dialog).toContainText("Move the section you are in up or down");
});

/** Fills the four sections with the seed review, which makes the preview several screens long. */
async function writeSeed(page) {
  await field(page, "Title").fill("Never Let Me Go");
  const sections = seedSections();
  for (const [i, heading] of DEFAULT_HEADINGS.entries()) await sectionBody(page, heading).fill(sections[i]);
}

test("typing in the last section scrolls the preview to it, and focus stays in the text", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await writeSeed(page);
  const part = previewSectionHeadings(page).filter({ hasText: "Final verdict" });
  // Typing at the start of the first section brings the preview back to the top.
  await sectionBody(page, "Synopsis").focus();
  await sectionBody(page, "Synopsis").press("Control+Home");
  await page.keyboard.type("A ");
  await expect(previewSectionHeadings(page).first()).toBeInViewport();
  await expect(part).not.toBeInViewport();
  const before = await part.boundingBox();

  const body = sectionBody(page, "Final verdict");
  await body.click();
  await body.press("Control+End");
  await page.keyboard.type(" Still thinking of it.");
  await expect(part).toBeInViewport();
  await expect(preview(page).getByText("Still thinking of it.", { exact: false })).toBeInViewport();
  await expect(body).toBeFocused();
  const after = await part.boundingBox();
  expect(after.y).toBeLessThan(before.y);
  expect(after.y).toBeGreaterThanOrEqual(0);
  expect(after.y + after.height).toBeLessThanOrEqual(800);
});

test("a click in the preview takes the caret to the matching section", async ({ page }) => {
  await sectionBody(page, "What I didn't like").fill("The pace of the middle part.");
  await sectionBody(page, "Synopsis").focus();
  await preview(page).getByText("The pace of the middle part.").click();
  await expect(sectionBody(page, "What I didn't like")).toBeFocused();
  await previewSectionHeadings(page).filter({ hasText: "Final verdict" }).click();
  await expect(sectionBody(page, "Final verdict")).toBeFocused();
});

test("the byline under the title is styled, and axe finds nothing with a section menu open", async ({ page }) => {
  await field(page, "Title").fill("Gilead");
  await field(page, "Reviewer").fill("Ruth");
  await field(page, "Post date").fill("2026-01-02");
  const byline = preview(page).getByText(/^By Ruth · /);
  await expect(byline).toBeVisible();
  const weight = await byline.getByText("Ruth", { exact: true }).evaluate((el) => getComputedStyle(el).fontWeight);
  expect(Number(weight)).toBeGreaterThanOrEqual(600);

  await sectionMenuButton(page, "Synopsis").click();
  await expect(page.getByRole("menu", { name: "Actions for Synopsis" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
