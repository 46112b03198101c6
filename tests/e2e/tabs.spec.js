// Two tabs on the same draft: no silent lost update. If only the other tab changed it, this tab
// takes the new version; if both did, the person chooses: keep this one, take the other, or both.
import { test, expect } from "@playwright/test";

const body = (page, heading) => page.getByRole("textbox", { name: heading, exact: true });
const drafts = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("verdict:draft:"))
      .map((k) => JSON.parse(localStorage.getItem(k)).review.sections[0].body)
      .sort(),
  );

/** Makes this page's saves fail (so it holds unsaved changes) until `release` is called. */
async function holdSaves(page) {
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  return () => page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
}

test("a change in one tab shows up in the other when it has nothing unsaved", async ({ context }) => {
  const a = await context.newPage();
  await a.goto("/");
  await body(a, "Synopsis").fill("Written in tab A.");
  await expect(a.getByRole("status")).toHaveText("All changes saved");
  const b = await context.newPage();
  await b.goto("/");
  await expect(body(b, "Synopsis")).toHaveValue("Written in tab A.");

  await body(a, "Synopsis").fill("Written in tab A, then more.");
  await a.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await expect(a.getByRole("status")).toHaveText("All changes saved");
  const revision = () =>
    a.evaluate(() => JSON.parse(localStorage.getItem(`verdict:draft:${localStorage.getItem("verdict:current")}`)).revision);
  const written = await revision();
  await expect(body(b, "Synopsis")).toHaveValue("Written in tab A, then more.");
  await expect(b.getByRole("checkbox", { name: "Mark Synopsis as spoiler" })).toBeChecked();
  await expect(b.getByRole("region", { name: "Preview" }).getByText("Spoiler: Synopsis")).toBeVisible();
  // Taking the other version is not an edit: B does not write it back. Leaving the page makes
  // B save at once whatever it holds unsaved; the record stays at the revision A wrote.
  await b.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect(b.getByRole("status")).toHaveText("All changes saved");
  expect(await revision()).toBe(written);
});

for (const [choice, expectB, expectStored] of [
  ["Keep this version", "B's words.", ["B's words."]],
  ["Take the other version", "A's words.", ["A's words."]],
  ["Keep both", "B's words.", ["A's words.", "B's words."]],
]) {
  test(`both tabs changed it: ${choice}`, async ({ context }) => {
    const a = await context.newPage();
    await a.goto("/");
    await expect(a.getByRole("status")).toHaveText("All changes saved");
    const b = await context.newPage();
    await b.goto("/");
    const release = await holdSaves(b);
    await body(b, "Synopsis").fill("B's words.");
    await expect(b.getByRole("status")).toHaveText("Changes not saved");

    await body(a, "Synopsis").fill("A's words.");
    await expect(a.getByRole("status")).toHaveText("All changes saved");
    const notice = b.getByRole("group", { name: "Changed in another tab" });
    await expect(notice).toContainText("changed in another tab");
    // Nothing was overwritten while the person decides, and the status says so.
    expect(await drafts(b)).toEqual(["A's words."]);
    await expect(body(b, "Synopsis")).toHaveValue("B's words.");
    await expect(b.getByRole("status")).toHaveText("Not saved: choose which version to keep");

    await release();
    await notice.getByRole("button", { name: choice }).click();
    await expect(notice).toHaveCount(0);
    await expect(body(b, "Synopsis")).toHaveValue(expectB);
    await expect(b.getByRole("status")).toHaveText("All changes saved");
    await expect.poll(() => drafts(b)).toEqual(expectStored);
    // After a reload, B opens the version it kept.
    await b.reload();
    await expect(body(b, "Synopsis")).toHaveValue(expectB);
  });
}
