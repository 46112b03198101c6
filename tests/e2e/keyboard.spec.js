// Keyboard only: the seed review written from scratch with nothing but keys (long texts go in
// the way a keyboard's paste does), a spoiler marked, a rating given and both exports
// downloaded, with no pointer event at all; focus is visible at every step.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { seedSections } from "./helpers.js";

const GOLDEN = "tests/golden/targets/seed";


/** The accessible name of the focused element, as a label or aria-label gives it. */
async function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : "";
    return (el.getAttribute("aria-label") || label || el.textContent || "").replace(/\s+/g, " ").trim();
  });
}

/** Presses Tab until the focused control is named `name`; checks focus is visible each time. */
async function tabTo(page, name) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const visible = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return true;
      const style = getComputedStyle(el);
      return el.matches(":focus-visible") && (style.outlineStyle !== "none" || style.boxShadow !== "none" || el.tagName === "INPUT");
    });
    expect(visible, "focus is visible").toBe(true);
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test("the seed review written, rated and downloaded with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.__pointer = 0;
    for (const type of ["pointerdown", "mousedown", "click"]) {
      addEventListener(type, (e) => { if (e.isTrusted && (e.pointerType || e.detail > 0)) window.__pointer++; }, true);
    }
  });
  await page.goto("/");
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
  const typeInto = async (name, text) => {
    await tabTo(page, name);
    await page.keyboard.insertText(text);
  };
  await typeInto("Title", "Never Let Me Go");
  await typeInto("Author", "Kazuo Ishiguro");
  await tabTo(page, "Format");
  await page.keyboard.press("H"); // type-ahead picks Hardcover
  await expect(page.getByLabel("Format", { exact: true })).toHaveValue("hardcover");
  for (const [name, text] of [
    ["Pages", "304"], ["Publisher", "Knopf"], ["Publication date", "April 5, 2005"], ["Language", "English"],
    ["ISBN-10", "1400043395"], ["ISBN-13", "978-1400043392"], ["Genre", "sici-fi, dystopia"], ["Target group", "adult"],
    ["Categories", "book review, dystopia"],
  ]) {
    await typeInto(name, text);
  }
  // Post date starts as today: select it all and type over it.
  await tabTo(page, "Post date");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("2011-01-15");
  const bodies = seedSections();
  const headings = ["Synopsis", "What I liked", "What I didn't like", "Final verdict"];
  for (const [i, heading] of headings.entries()) {
    await typeInto(heading, bodies[i]);
    if (i === 0) {
      await tabTo(page, "Mark Synopsis as spoiler");
      await page.keyboard.press("Space");
    }
  }
  await expect(page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" })).toBeChecked();
  await expect(page.getByRole("status")).toHaveText("All changes saved");

  const downloads = [];
  for (const name of ["Download Markdown (GitHub)", "Download HTML page"]) {
    // The downloads are items of the app bar's Menu: Tab to it, open it, arrow to the item.
    await tabTo(page, "Menu");
    await page.keyboard.press("Enter");
    for (let i = 0; i < 12 && (await focusedName(page)) !== name; i++) await page.keyboard.press("ArrowDown");
    expect(await focusedName(page)).toBe(name);
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    downloads.push(readFileSync(await file.path(), "utf8"));
  }
  expect(downloads[0]).toBe(readFileSync(`${GOLDEN}.md`, "utf8"));
  expect(downloads[1]).toBe(readFileSync(`${GOLDEN}.html`, "utf8"));

  // A rating, with the keyboard too (after the downloads: the seed has none).
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, "Rating");
  await page.keyboard.press("End"); // the last option, 5 out of 5
  await expect(page.getByLabel("Rating", { exact: true })).toHaveValue("5");
  expect(await page.evaluate(() => window.__pointer)).toBe(0);
});
