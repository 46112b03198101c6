// Autosave: the status, restoring everything on reload, and every storage failure explained.
import { test, expect } from "@playwright/test";
import {
  alertMatching,
  openDetails,
  openMenu,
  button,
  expectAllSaved,
  field,
  formatSelect,
  headingField,
  openEditor,
  preview,
  previewSectionHeadings,
  ratingSelect,
  readStoredDraft,
  saveStatus,
  sectionAction,
  sectionBody,
  sectionHeadingValues,
  setShowSpoilers,
  showSpoilers,
} from "./helpers.js";

/** Makes localStorage.setItem throw QuotaExceededError while `window.__storageFull` is true. */
async function installQuotaSwitch(page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    window.__storageFull = false;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
}

test("status says Saving… while a save is due and All changes saved once stored", async ({ page }) => {
  await openEditor(page);
  await expect(saveStatus(page)).toHaveText("All changes saved");

  await sectionBody(page, "Synopsis").fill("First words.");
  await expect(saveStatus(page)).toHaveText("Saving…");
  const typedAt = Date.now();
  await expect
    .poll(async () => (await readStoredDraft(page)).record?.review?.sections?.[0]?.body, { timeout: 1_500, intervals: [50] })
    .toBe("First words.");
  expect(Date.now() - typedAt, "stored within about half a second").toBeLessThan(1_200);
  await expectAllSaved(page, 1_500);

  // Every kind of change is saved: a select, too.
  await ratingSelect(page).selectOption({ label: "4 out of 5" });
  await expect(saveStatus(page)).toHaveText("Saving…");
  await expectAllSaved(page, 1_500);
  expect((await readStoredDraft(page)).record.review.rating).not.toBeNull();
});

test("while typing continuously, the draft is still saved within about half a second", async ({ page }) => {
  await openEditor(page);
  const body = sectionBody(page, "Final verdict");
  await body.click();
  // Type for about 1.5 s; a save must land during typing, not only after it stops.
  await body.pressSequentially("Slow and steady wins the race, mostly.", { delay: 40 });
  const stored = (await readStoredDraft(page)).record?.review?.sections?.[3]?.body ?? "";
  expect(stored.length, "something was stored while typing").toBeGreaterThan(10);
  await expectAllSaved(page, 1_500);
  expect((await readStoredDraft(page)).record.review.sections[3].body).toBe("Slow and steady wins the race, mostly.");
});

test("reloading restores every field, the format, the sections, the rating and Show spoilers", async ({ page }) => {
  await openEditor(page);
  const values = {
    Title: "Gilead",
    Author: "Marilynne Robinson",
    Pages: "30a",
    Publisher: "Farrar, Straus and Giroux",
    "Publication date": "April 5, 2005",
    Language: "English",
    "ISBN-10": "1400043395",
    "ISBN-13": "978-1400043392",
    Genre: "Literary fiction, Epistolary",
    "Target group": "Adults",
    Categories: "Books, Reviews",
    Tags: "faith, fathers, Iowa",
    "Post title": "Letters from Gilead",
    Reviewer: "Ruth",
    "Post date": "2026-01-02",
  };
  for (const [name, value] of Object.entries(values)) await field(page, name).fill(value);
  await formatSelect(page).selectOption({ label: "Audiobook" });

  await headingField(page, "Synopsis").fill("Plot");
  await sectionBody(page, "Plot").fill("Line one.\n\nLine *two* — with “quotes” and ||a secret||.");
  await (await sectionAction(page, "What I liked", "Remove What I liked")).click();
  await expect(sectionBody(page, "What I liked")).toHaveCount(0);
  await sectionBody(page, "What I didn't like").fill("The pace.");
  await page.getByRole("checkbox", { name: "Mark What I didn't like as spoiler", exact: true }).check();
  await button(page, "Add section").click();
  await expect(headingField(page, "Untitled section 4")).toBeFocused();
  await page.keyboard.type("Quotes");
  await sectionBody(page, "Quotes").fill("> It has been a pleasure.");
  await (await sectionAction(page, "Quotes", "Move Quotes up")).click();
  await ratingSelect(page).selectOption({ label: "4.5 out of 5" });
  await setShowSpoilers(page, true);

  const expectedHeadings = ["Plot", "What I didn't like", "Quotes", "Final verdict"];
  expect(await sectionHeadingValues(page)).toEqual(expectedHeadings);
  await expectAllSaved(page);

  await page.reload();
  // A filled review opens with its details folded into one line.
  await expect(page.getByText("Gilead \u00b7 Marilynne Robinson \u00b7 Audiobook, 30a pages", { exact: true })).toBeVisible();
  await openDetails(page);
  await expect(field(page, "Title")).toHaveValue("Gilead");
  for (const [name, value] of Object.entries(values)) await expect(field(page, name), name).toHaveValue(value);
  await expect(formatSelect(page).locator("option:checked")).toHaveText("Audiobook");
  expect(await sectionHeadingValues(page)).toEqual(expectedHeadings);
  await expect(sectionBody(page, "Plot")).toHaveValue("Line one.\n\nLine *two* — with “quotes” and ||a secret||.");
  await expect(sectionBody(page, "What I didn't like")).toHaveValue("The pace.");
  await expect(sectionBody(page, "Quotes")).toHaveValue("> It has been a pleasure.");
  await expect(sectionBody(page, "Final verdict")).toHaveValue("");
  await expect(sectionBody(page, "What I liked")).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Mark What I didn't like as spoiler", exact: true })).toBeChecked();
  for (const heading of ["Plot", "Quotes", "Final verdict"]) {
    await expect(page.getByRole("checkbox", { name: `Mark ${heading} as spoiler`, exact: true })).not.toBeChecked();
  }
  await expect(ratingSelect(page)).toHaveValue("4.5");
  await expect(ratingSelect(page).locator("option:checked")).toHaveText("4.5 out of 5");
  await expect(showSpoilers(page)).toBeChecked();
  await expect(field(page, "Pages")).toHaveAttribute("aria-invalid", "true");

  // The preview matches: headings in order, the title, spoilers shown.
  await expect(previewSectionHeadings(page)).toHaveText(expectedHeadings);
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Letters from Gilead");
  await expect(preview(page).locator("details")).toHaveAttribute("open", /.*/);
  await expect(preview(page).getByText("The pace.")).toBeVisible();
  await expect(preview(page).locator(".spoiler-revealed", { hasText: "a secret" })).toBeVisible();
  await expect(saveStatus(page)).toHaveText("All changes saved");

  // A second reload with Show spoilers off and the post title cleared keeps those too.
  await setShowSpoilers(page, false);
  await field(page, "Post title").fill("");
  await expectAllSaved(page);
  await page.reload();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(showSpoilers(page)).not.toBeChecked();
  await expect(field(page, "Post title")).toHaveValue("");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Gilead by Marilynne Robinson");
});

test("a full storage is explained, keeps the last saved copy, and saving resumes by itself", async ({ page }) => {
  await installQuotaSwitch(page);
  await openEditor(page);
  const body = sectionBody(page, "Synopsis");
  await body.fill("Kept text.");
  await expectAllSaved(page);
  const before = await readStoredDraft(page);
  expect(before.record.review.sections[0].body).toBe("Kept text.");

  await page.evaluate(() => {
    window.__storageFull = true;
  });
  await body.press("End");
  await page.keyboard.type(" New text.");
  await field(page, "Title").fill("Unsaved title");

  await expect(saveStatus(page)).toHaveText("Changes not saved", { timeout: 2_000 });
  const alert = alertMatching(page, /full/i);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/download/i);
  await expect(body).toHaveValue("Kept text. New text.");
  await expect(field(page, "Title")).toHaveValue("Unsaved title");
  await expect(preview(page)).toContainText("Kept text. New text.");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Unsaved title");
  expect((await readStoredDraft(page)).raw, "the previously saved copy is unchanged").toBe(before.raw);

  // More typing while full still changes nothing stored and keeps the message up.
  await body.click();
  await body.press("End");
  await page.keyboard.type("!");
  await expect(saveStatus(page)).toHaveText("Changes not saved");
  await expect(body).toHaveValue("Kept text. New text.!");
  expect((await readStoredDraft(page)).raw).toBe(before.raw);

  // Room again: saving resumes without any action from the person.
  await page.evaluate(() => {
    window.__storageFull = false;
  });
  await expect(saveStatus(page)).toHaveText("All changes saved", { timeout: 7_000 });
  await expect(alertMatching(page, /full/i)).toHaveCount(0);
  const after = await readStoredDraft(page);
  expect(after.id).toBe(before.id);
  expect(after.record.review.sections[0].body).toBe("Kept text. New text.!");
  expect(after.record.review.metadata.title).toBe("Unsaved title");
});

test("while storage is full, the review can still be downloaded as the alert suggests", async ({ page }) => {
  await installQuotaSwitch(page);
  await openEditor(page);
  await page.evaluate(() => {
    window.__storageFull = true;
  });
  await field(page, "Title").fill("Gilead");
  await sectionBody(page, "Synopsis").fill("Only in memory.");
  await expect(saveStatus(page)).toHaveText("Changes not saved", { timeout: 2_000 });
  // The alert says where the downloads are (the app bar's Menu) and names one: that one works.
  await expect(alertMatching(page, /full/i)).toContainText("Download it now from the Menu (Download Markdown (GitHub)");
  const downloadItem = (await openMenu(page)).getByRole("menuitem", { name: "Download Markdown (GitHub)", exact: true });
  await expect(downloadItem).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), downloadItem.click()]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(path, "utf8")).toContain("Only in memory.");
});

test("without localStorage the editor still works and says nothing will be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  await openEditor(page);
  await expect(alertMatching(page, /nothing will be kept/i)).toBeVisible();
  await field(page, "Title").fill("Gilead");
  await sectionBody(page, "Synopsis").fill("Still *works*.");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Still *works*.");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Gilead");
  await expect(preview(page).locator("em", { hasText: "works" })).toBeVisible();
  await expect(saveStatus(page)).not.toHaveText("All changes saved");
  await expect(alertMatching(page, /nothing will be kept/i)).toBeVisible();
});

test("a corrupt saved record is left untouched, reported, offered as a download, and a new review starts", async ({ page }) => {
  await openEditor(page);
  await page.evaluate(() => {
    localStorage.setItem("verdict:current", "x");
    localStorage.setItem("verdict:draft:x", "{broken");
  });
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();

  // A new, empty review.
  await expect(field(page, "Title")).toHaveValue("");
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What I liked", "What I didn't like", "Final verdict"]);
  const alert = page.getByRole("alert").filter({ has: page.getByRole("button", { name: "Download the unreadable record" }) });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/could not be read|unreadable|corrupt/i);
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:x"))).toBe("{broken");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    button(page, "Download the unreadable record").click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(await download.path(), "utf8")).toBe("{broken");

  // Working on the new review saves it elsewhere; the corrupt record stays as it was.
  await field(page, "Title").fill("Gilead");
  await expectAllSaved(page);
  const stored = await readStoredDraft(page);
  expect(stored.id).not.toBe("x");
  expect(stored.record.review.metadata.title).toBe("Gilead");
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:x"))).toBe("{broken");
});

test("leaving while saving fails asks for confirmation", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("Title", { exact: true }).fill("Unsaved");
  await expect(page.getByRole("status")).toHaveText("Changes not saved");
  await expect(page.getByRole("alert")).toContainText("storage for this site is full");
  let asked = false;
  page.on("dialog", async (dialog) => {
    asked = dialog.type() === "beforeunload";
    await dialog.dismiss();
  });
  // A real close asks the page first; the test clicks in the page so Chromium allows the prompt.
  await page.getByLabel("Author", { exact: true }).click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
});

test("closing the tab right after typing keeps the words (the pending save is flushed)", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  // Type and close at once, well inside the half-second autosave delay.
  await page.getByRole("textbox", { name: "Final verdict", exact: true }).pressSequentially("Last words before closing");
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto("/");
  await expect(again.getByRole("textbox", { name: "Final verdict", exact: true })).toHaveValue("Last words before closing");
});
