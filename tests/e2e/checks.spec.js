// Before you publish: the spoiler-leak check and the missing rating and verdict, run once typing
// pauses, with a way to go to each place it names.
import { test, expect } from "@playwright/test";
import { button, field, openEditor, ratingSelect, sectionBody, chooseFromMenu } from "./helpers.js";

/** The `Before you publish` group (above the preview, not part of the post). */
function checks(page) {
  return page.getByRole("group", { name: /^Before you publish/ });
}

/** The text selected in a text area. */
function selectedText(area) {
  return area.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
}

/** Its toggle, which names how many things there are to check and shows or hides the list. */
function toggle(page) {
  return page.getByRole("button", { name: /^Before you publish/ });
}

test("a name from a spoiler that shows elsewhere is reported, with a way to go there", async ({ page }) => {
  await openEditor(page);
  // A new review nobody has written in yet has nothing to check, and no words.
  await expect(toggle(page)).toHaveText("Before you publish: nothing to check");
  await expect(page.getByText(/^This review: /)).toHaveText("This review: 0 words");
  // Once started, the missing rating and the empty verdict are named.
  await field(page, "Title").fill("Never Let Me Go");
  await expect(toggle(page)).toHaveText("Before you publish: 2 things to check");
  // Closed at first: the list is there to open, not shown.
  await expect(toggle(page)).toHaveAttribute("aria-expanded", "false");
  await expect(checks(page).getByRole("listitem").first()).toBeHidden();
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-expanded", "true");
  await expect(checks(page).getByRole("listitem")).toHaveCount(2);
  await expect(checks(page)).toContainText("The review has no rating yet.");
  await expect(checks(page)).toContainText("The verdict section \u201cFinal verdict\u201d is empty");

  await sectionBody(page, "Synopsis").fill("Kathy grows up at Hailsham, where the students are clones.");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill("The quiet way the book treats Hailsham.");
  await field(page, "Post title").fill("Hailsham, remembered");
  await sectionBody(page, "Final verdict").fill("Read it.");
  await ratingSelect(page).selectOption("4.5");

  const leak = checks(page).getByRole("listitem").filter({ hasText: "\u201cHailsham\u201d" });
  await expect(leak).toHaveText(/\u201cHailsham\u201d appears in a spoiler and also in the post title and in \u201cWhat I liked\u201d\./);
  await expect(toggle(page)).toHaveText("Before you publish: 1 thing to check");
  await leak.getByRole("button", { name: "Go to \u201cWhat I liked\u201d" }).click();
  await expect(sectionBody(page, "What I liked")).toBeFocused();
  // The word itself is selected in the text area, so the writer sees it.
  expect(await selectedText(sectionBody(page, "What I liked"))).toBe("Hailsham");

  // Fixing the leaks empties the list (the book's own title words never count).
  await sectionBody(page, "What I liked").fill("The quiet way the book treats its school.");
  await field(page, "Post title").fill("");
  await expect(toggle(page)).toHaveText("Before you publish: nothing to check");
});

test("the check waits for typing to pause", async ({ page }) => {
  await openEditor(page);
  await sectionBody(page, "Synopsis").fill("Tommy is the twist.");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await expect(toggle(page)).toHaveText("Before you publish: 2 things to check");
  const body = sectionBody(page, "What I liked");
  await body.click();
  // Typed steadily (a key every 100 ms), the list does not change until the typing stops.
  await body.pressSequentially("I liked Tommy a lot", { delay: 100 });
  const during = await toggle(page).textContent();
  expect(during).toBe("Before you publish: 2 things to check");
  await expect(toggle(page)).toHaveText("Before you publish: 3 things to check");
  await toggle(page).click();
  await expect(checks(page)).toContainText("\u201cTommy\u201d appears in a spoiler and also in \u201cWhat I liked\u201d.");
  await expect(button(page, "Go to Rating")).toBeVisible();
});

test("a reported word can be ignored for this review, kept across a reload, and reported again", async ({ page }) => {
  await openEditor(page);
  await sectionBody(page, "Synopsis").fill("In the end Kathy learns the truth about Hailsham.");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill("I liked how Kathy narrates. Hailsham is vivid.");
  await toggle(page).click();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cKathy\u201d appears" })).toBeVisible();
  await button(page, "Ignore \u201cKathy\u201d").click();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cKathy\u201d appears" })).toHaveCount(0);
  // The button went with its line; focus stays with the list, on its toggle.
  await expect(toggle(page)).toBeFocused();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cHailsham\u201d appears" })).toBeVisible();
  await expect(checks(page)).toContainText("Not reported in this review: Kathy.");
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();
  await toggle(page).click();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cHailsham\u201d appears" })).toBeVisible();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cKathy\u201d appears" })).toHaveCount(0);
  await button(page, "Report them again").click();
  await expect(checks(page).getByRole("listitem").filter({ hasText: "\u201cKathy\u201d appears" })).toBeVisible();
  // Never published: the ignored word list stays out of the Markdown file.
  await button(page, "Ignore \u201cKathy\u201d").click();
  const { downloadFrom } = await import("./helpers.js");
  const md = (await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"))).bytes.toString();
  expect(md).not.toContain("leaks_ignored");
});

test("a run of capitalised words is one name: \u201cGobrin Ice\u201d is reported, never \u201cice\u201d alone", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("The Cold Road");
  await sectionBody(page, "Synopsis").fill("At the end the Gobrin Ice cracks and the city falls.");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill("The ice imagery is heavy. Cold, like Ice should be.");
  await sectionBody(page, "Final verdict").fill("Read it.");
  await ratingSelect(page).selectOption("4");
  await expect(toggle(page)).toHaveText("Before you publish: nothing to check");

  await sectionBody(page, "What I didn't like").fill("Too much of the weather on Gobrin Ice's slopes.");
  await expect(toggle(page)).toHaveText("Before you publish: 1 thing to check");
  await toggle(page).click();
  const leak = checks(page).getByRole("listitem");
  await expect(leak).toHaveText(/^\u201cGobrin Ice\u201d appears in a spoiler and also in \u201cWhat I didn't like\u201d\./);
  await leak.getByRole("button", { name: "Go to \u201cWhat I didn't like\u201d" }).click();
  await expect(sectionBody(page, "What I didn't like")).toBeFocused();
  expect(await selectedText(sectionBody(page, "What I didn't like"))).toBe("Gobrin Ice");
});
