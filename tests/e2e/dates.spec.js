// Dates as people type them: numeric forms day-first or month-first (the order from the
// browser's language, changeable with `Date order` and remembered), a year alone with a quiet
// note, and dates spelled out for readers in the post.
import { test, expect } from "@playwright/test";
import { chooseFromMenu, downloadFrom, expectAllSaved, expectFieldError, expectNoFieldError, field, openEditor, preview } from "./helpers.js";

const dateOrder = (page) => page.getByRole("combobox", { name: "Date order", exact: true });

/** Types `typed` into the field labelled `label` and leaves it (Tab), as a person would. */
async function typeDate(page, label, typed) {
  const date = field(page, label);
  await date.fill(typed);
  await expectNoFieldError(date);
  await date.press("Tab");
  return date;
}

test.describe("in American English", () => {
  test.use({ locale: "en-US" });

  test("numeric dates are read month first unless only day first makes sense, and tidied into words", async ({ page }) => {
    await openEditor(page);
    await expect(dateOrder(page)).toHaveValue("month-first");
    await expect(await typeDate(page, "Publication date", "09/10/2020")).toHaveValue("September 10, 2020");
    // Unambiguous whatever the order.
    await expect(await typeDate(page, "Publication date", "15/09/2020")).toHaveValue("September 15, 2020");
    await expect(await typeDate(page, "Post date", "15.09.2020")).toHaveValue("September 15, 2020");
    await expect(await typeDate(page, "Post date", "2020-09-15")).toHaveValue("2020-09-15");
    await expect(await typeDate(page, "Publication date", "5 April 2005")).toHaveValue("5 April 2005");
    // Not a real date in either order.
    const date = field(page, "Publication date");
    await date.fill("31/31/2020");
    await expectFieldError(date, /31\/31\/2020.*15\/09\/2020/);
  });
});

test.describe("in British English", () => {
  test.use({ locale: "en-GB" });

  test("the order is day first, and a changed order is remembered", async ({ page }) => {
    await openEditor(page);
    await expect(dateOrder(page)).toHaveValue("day-first");
    await expect(await typeDate(page, "Publication date", "09/10/2020")).toHaveValue("9 October 2020");
    await expect(preview(page).getByText("Published: 9 October 2020")).toBeVisible();

    await dateOrder(page).selectOption({ label: "Month first (09/15/2020)" });
    expect(await page.evaluate(() => localStorage.getItem("verdict:date-order"))).toBe("month-first");
    await expect(await typeDate(page, "Post date", "09/10/2020")).toHaveValue("September 10, 2020");
    await expectAllSaved(page);
    await page.reload();
    await expect(dateOrder(page)).toHaveValue("month-first");
    await expect(field(page, "Post date")).toHaveValue("September 10, 2020");
  });

  test("a year alone is taken with a quiet note, not an error", async ({ page }) => {
    await openEditor(page);
    const date = field(page, "Publication date");
    await date.fill("1969");
    await expectNoFieldError(date);
    await expect(page.getByText("Only a year: that is fine, and a full date is better if you know it.")).toBeVisible();
    await date.fill("20 July 1969");
    await expect(page.getByText(/^Only a year/)).toHaveCount(0);
  });

  test("a template's date is spelled out for readers; front matter keeps the ISO date", async ({ page }) => {
    await openEditor(page);
    await page.getByRole("combobox", { name: "Template", exact: true }).selectOption({ label: "Film" });
    await field(page, "Title").fill("Arrival");
    await field(page, "Studio").fill("Paramount Pictures");
    await field(page, "Release date").fill("2016-11-11");
    await expect(preview(page).getByText("Studio: Paramount Pictures (11 November 2016)")).toBeVisible();
    await expect(preview(page).getByText("2016-11-11")).toHaveCount(0);
    const md = (await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"))).bytes.toString();
    expect(md).toContain("- Studio: Paramount Pictures (11 November 2016)\n");
    expect(md).toMatch(/^---[\s\S]*2016-11-11[\s\S]*---/);
    const html = (await downloadFrom(page, () => chooseFromMenu(page, "Download HTML page"))).bytes.toString();
    expect(html).toContain("Paramount Pictures (11 November 2016)");
  });
});
