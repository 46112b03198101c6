// History: versions kept over time, listed in a dialog, and restored (a restore keeps the text
// it replaces as a version first, so it can itself be taken back).
import { test, expect } from "@playwright/test";
import { button, expectAllSaved, openEditor, sectionBody, chooseFromMenu } from "./helpers.js";

const history = (page) => page.getByRole("dialog", { name: "History" });
const versions = (page) => history(page).getByRole("list", { name: "Versions" }).getByRole("listitem");

async function openHistory(page) {
  await chooseFromMenu(page, "History");
  await expect(history(page)).toBeVisible();
}

async function closeHistory(page) {
  await history(page).getByRole("button", { name: "Close", exact: true }).click();
  await expect(history(page)).toBeHidden();
}

test("the first save keeps a version; Keep this version adds one; Restore brings one back and keeps the text it replaced", async ({ page }) => {
  await openEditor(page);
  const body = sectionBody(page, "Synopsis");
  await body.fill("First draft of the synopsis.");
  await expectAllSaved(page);
  await openHistory(page);
  await expect(versions(page)).toHaveCount(1);
  await expect(versions(page).first()).toContainText("words");
  await closeHistory(page);

  await body.fill("Second draft, quite different.");
  await expectAllSaved(page);
  await openHistory(page);
  await expect(versions(page)).toHaveCount(1, { timeout: 1_000 });
  await button(page, "Keep this version").click();
  await expect(versions(page)).toHaveCount(2);

  // The older one is second in the list (newest first).
  await versions(page).nth(1).getByRole("button", { name: /^Restore the version of / }).click();
  await expect(history(page)).toBeHidden();
  await expect(body).toHaveValue("First draft of the synopsis.");
  await expect(page.getByText(/Restored the version of/)).toBeVisible();
  await expectAllSaved(page);
  const stored = await page.evaluate(() => {
    const id = localStorage.getItem("verdict:current");
    return JSON.parse(localStorage.getItem(`verdict:draft:${id}`)).review.sections[0].body;
  });
  expect(stored).toBe("First draft of the synopsis.");

  // The text before the restore is the newest version: restoring it takes the restore back.
  await openHistory(page);
  await versions(page).first().getByRole("button", { name: /^Restore the version of / }).click();
  await expect(body).toHaveValue("Second draft, quite different.");
});

test("a new version is kept after five minutes of editing, and Delete older versions keeps only the newest", async ({ page }) => {
  const start = new Date("2026-11-25T10:00:00Z").getTime();
  await page.clock.setFixedTime(start);
  await openEditor(page);
  const body = sectionBody(page, "Synopsis");
  await body.fill("At ten o'clock.");
  await expectAllSaved(page);
  await body.fill("A minute later.");
  await page.clock.setFixedTime(start + 60_000);
  await expectAllSaved(page);
  await page.clock.setFixedTime(start + 6 * 60_000);
  await body.fill("Six minutes later.");
  await expectAllSaved(page);

  await openHistory(page);
  await expect(versions(page)).toHaveCount(2);
  await button(page, "Delete older versions").click();
  await expect(versions(page)).toHaveCount(1);
  await expect(history(page)).toContainText("Deleted 1 older version");
});

test("history survives a reload and belongs to its own review", async ({ page }) => {
  await openEditor(page);
  await sectionBody(page, "Synopsis").fill("Kept across reloads.");
  await expectAllSaved(page);
  await page.reload();
  await openHistory(page);
  await expect(versions(page)).toHaveCount(1);
  await closeHistory(page);
  await chooseFromMenu(page, "Reviews");
  await page.getByRole("dialog", { name: "Reviews" }).getByRole("button", { name: "New review", exact: true }).click();
  await openHistory(page);
  // The new review was saved once, empty: one version of its own, not the other's.
  await expect(versions(page)).toHaveCount(1);
  await versions(page).first().getByRole("button", { name: /^Restore the version of / }).click();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("");
});

test("Keep this version over a damaged history keeps the damaged record aside and says so", async ({ page }) => {
  await openEditor(page);
  await sectionBody(page, "Synopsis").fill("Words worth keeping.");
  await expectAllSaved(page);
  const id = await page.evaluate(() => localStorage.getItem("verdict:current"));
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) !== null, `verdict:history:${id}`)).toBe(true);
  const damaged = await page.evaluate((k) => {
    const cut = localStorage.getItem(k).slice(0, 40);
    localStorage.setItem(k, cut);
    return cut;
  }, `verdict:history:${id}`);
  await openHistory(page);
  await expect(history(page)).toContainText("No versions kept yet");
  await button(page, "Keep this version").click();
  await expect(history(page)).toContainText("could not be read");
  await expect(history(page)).toContainText("set aside, untouched");
  await expect(versions(page)).toHaveCount(1);
  const aside = await page.evaluate(
    ({ id, damaged }) => Object.keys(localStorage).filter((k) => k.startsWith(`verdict:damaged-history:${id}:`) && localStorage.getItem(k) === damaged),
    { id, damaged },
  );
  expect(aside).toHaveLength(1);
});
