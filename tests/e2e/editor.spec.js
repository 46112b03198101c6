// The editor: metadata fields, validation that never blocks, sections, the Spoiler button, rating.
import { test, expect } from "@playwright/test";
import {
  DEFAULT_HEADINGS,
  METADATA_FIELDS,
  browserToday,
  button,
  expectFieldError,
  expectNoFieldError,
  field,
  formatSelect,
  headingField,
  openEditor,
  preview,
  previewSectionHeadings,
  ratingSelect,
  saveStatus,
  sectionAction,
  sectionBody,
  sectionHeadingValues,
  sectionMenuButton,
  selectWithKeyboard,
  showSpoilers,
} from "./helpers.js";

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test("first screen is a new, empty book review", async ({ page }) => {
  const today = await browserToday(page);
  for (const name of METADATA_FIELDS) {
    const input = field(page, name);
    await expect(input, name).toBeVisible();
    await expect(input, name).toBeEditable();
    await expect(input, name).toHaveValue(name === "Post date" ? today : "");
    await expectNoFieldError(input);
  }
  await expect(formatSelect(page)).toHaveValue("");
  await expect(formatSelect(page).locator("option")).toHaveText([
    "Not set",
    "Hardcover",
    "Paperback",
    "E-book",
    "Audiobook",
    "Other",
  ]);
  await expect(formatSelect(page).locator("option:checked")).toHaveText("Not set");

  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);
  for (const heading of DEFAULT_HEADINGS) {
    await expect(sectionBody(page, heading)).toHaveValue("");
    await expect(page.getByRole("checkbox", { name: `Mark ${heading} as spoiler`, exact: true })).not.toBeChecked();
    await expect(sectionMenuButton(page, heading)).toBeEnabled();
  }
  await expect(previewSectionHeadings(page)).toHaveText(DEFAULT_HEADINGS);

  await expect(ratingSelect(page).locator("option:checked")).toHaveText("No rating");
  await expect(page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Spoiler" })).toBeVisible();
  await expect(showSpoilers(page)).not.toBeChecked();
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Untitled review");
});

test("post title shows its default, follows Title and Author, and returns when cleared", async ({ page }) => {
  const postTitle = field(page, "Post title");
  const h1 = preview(page).getByRole("heading", { level: 1 });
  await expect(postTitle).toHaveValue("");
  await expect(postTitle).toHaveAttribute("placeholder", "Untitled review");
  await expect(h1).toHaveText("Untitled review");

  await field(page, "Title").fill("Gilead");
  await expect(postTitle).toHaveAttribute("placeholder", "Review: Gilead");
  await expect(h1).toHaveText("Review: Gilead");
  await expect(postTitle).toHaveValue("");

  await field(page, "Author").fill("Marilynne Robinson");
  await expect(postTitle).toHaveAttribute("placeholder", "Review: Gilead by Marilynne Robinson");
  await expect(h1).toHaveText("Review: Gilead by Marilynne Robinson");

  await postTitle.fill("A letter to a son");
  await expect(h1).toHaveText("A letter to a son");

  await postTitle.fill("");
  await expect(postTitle).toHaveValue("");
  await expect(h1).toHaveText("Review: Gilead by Marilynne Robinson");

  // Clearing with the keyboard, the way a person does, brings the default back too.
  await postTitle.fill("Mine");
  await expect(h1).toHaveText("Mine");
  await postTitle.press("Control+A");
  await postTitle.press("Backspace");
  await expect(h1).toHaveText("Review: Gilead by Marilynne Robinson");
});

test.describe("validation marks doubtful values without blocking typing", () => {
  for (const bad of ["30a", "0"]) {
    test(`Pages "${bad}" is flagged, and fixing it clears the error`, async ({ page }) => {
      const pages = field(page, "Pages");
      await pages.fill(bad);
      await expect(pages).toHaveValue(bad);
      await expectFieldError(pages, /positive whole number/);
      await pages.fill("304");
      await expectNoFieldError(pages);
      await expect(page.getByText(/positive whole number/)).toHaveCount(0);
    });
  }

  test("ISBN-10 with a wrong check digit says what it should be", async ({ page }) => {
    const isbn10 = field(page, "ISBN-10");
    await isbn10.pressSequentially("1400043394");
    await expect(isbn10).toHaveValue("1400043394");
    await expectFieldError(isbn10, /should be 5/);
    await isbn10.fill("1400043395");
    await expectNoFieldError(isbn10);
  });

  test("ISBN-13 with a wrong check digit is flagged; a hyphenated valid one is not", async ({ page }) => {
    const isbn13 = field(page, "ISBN-13");
    await isbn13.fill("9781400043391");
    await expectFieldError(isbn13, /check digit|should be/i);
    await isbn13.fill("978-1400043392");
    await expectNoFieldError(isbn13);
  });

  test("ISBN-10 and ISBN-13 naming different books are flagged, and agreeing ones are not", async ({ page }) => {
    await field(page, "ISBN-10").fill("1400043395");
    const isbn13 = field(page, "ISBN-13");
    await isbn13.fill("9780306406157");
    await expectFieldError(isbn13, /different books/);
    await expectNoFieldError(field(page, "ISBN-10"));
    await isbn13.fill("978-1400043392");
    await expectNoFieldError(isbn13);
    await expectNoFieldError(field(page, "ISBN-10"));
    await expect(page.getByText(/different books/)).toHaveCount(0);
  });

  for (const label of ["Publication date", "Post date"]) {
    test(`${label}: an unreadable date is flagged; readable forms are accepted`, async ({ page }) => {
      const date = field(page, label);
      await date.fill("5/4/05");
      await expectFieldError(date, /5\/4\/05/);
      for (const good of ["2005-04-05", "April 5, 2005", "5 April 2005"]) {
        await date.fill(good);
        await expect(date).toHaveValue(good);
        await expectNoFieldError(date);
      }
    });
  }

  test("valid values raise no errors at all", async ({ page }) => {
    await field(page, "Pages").fill("304");
    await field(page, "ISBN-10").fill("1400043395");
    await field(page, "ISBN-13").fill("978-1400043392");
    await field(page, "Publication date").fill("2005-04-05");
    for (const name of ["Pages", "ISBN-10", "ISBN-13", "Publication date", "Post date"]) {
      await expectNoFieldError(field(page, name));
    }
  });
});

test("Format select keeps the chosen format", async ({ page }) => {
  await formatSelect(page).selectOption({ label: "E-book" });
  await expect(formatSelect(page).locator("option:checked")).toHaveText("E-book");
  await formatSelect(page).selectOption({ label: "Not set" });
  await expect(formatSelect(page).locator("option:checked")).toHaveText("Not set");
});

test("Add section appends an empty, focused section that takes its name from its heading", async ({ page }) => {
  await button(page, "Add section").click();
  const heading = headingField(page, "Untitled section 5");
  await expect(heading).toBeFocused();
  await expect(heading).toHaveValue("");
  await expect(sectionBody(page, "Untitled section 5")).toHaveValue("");
  expect(await sectionHeadingValues(page)).toEqual([...DEFAULT_HEADINGS, ""]);
  await expect(await sectionAction(page, "Untitled section 5", "Move Untitled section 5 down")).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(await sectionAction(page, "Final verdict", "Move Final verdict down")).toBeEnabled();
  await page.keyboard.press("Escape");
  await headingField(page, "Untitled section 5").focus();

  await page.keyboard.type("Characters");
  await expect(headingField(page, "Characters")).toBeFocused();
  await sectionBody(page, "Characters").fill("Ames and his son.");
  await expect(previewSectionHeadings(page)).toHaveText([...DEFAULT_HEADINGS, "Characters"]);
  await expect(preview(page)).toContainText("Ames and his son.");
});

test("Remove offers Undo, with focus, which restores the section and its text in place", async ({ page }) => {
  await sectionBody(page, "What I liked").fill("The letters.");
  await (await sectionAction(page, "What I liked", "Remove What I liked")).click();

  await expect(sectionBody(page, "What I liked")).toHaveCount(0);
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What I didn't like", "Final verdict"]);
  await expect(previewSectionHeadings(page)).toHaveText(["Synopsis", "What I didn't like", "Final verdict"]);
  await expect(preview(page)).not.toContainText("The letters.");

  const undo = button(page, "Undo");
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(sectionBody(page, "What I liked")).toHaveValue("The letters.");
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);
  await expect(previewSectionHeadings(page)).toHaveText(DEFAULT_HEADINGS);
  await expect(preview(page)).toContainText("The letters.");
  // The removal notice is gone, focus is on the restored section, and Redo can take it out again.
  await expect(page.getByRole("group", { name: "Removed section" })).toHaveCount(0);
  await expect(headingField(page, "What I liked")).toBeFocused();
  await expect(button(page, "Redo")).toBeEnabled();
});

test("Undo restores a section removed from the end, and an untitled one", async ({ page }) => {
  await button(page, "Add section").click();
  await sectionBody(page, "Untitled section 5").fill("Loose notes");
  await (await sectionAction(page, "Untitled section 5", "Remove Untitled section 5")).click();
  await expect(sectionBody(page, "Untitled section 5")).toHaveCount(0);
  await button(page, "Undo").click();
  await expect(sectionBody(page, "Untitled section 5")).toHaveValue("Loose notes");
  expect(await sectionHeadingValues(page)).toEqual([...DEFAULT_HEADINGS, ""]);
});

test("the section menu moves sections, returns focus to its button, and disables moves at the ends", async ({ page }) => {
  await expect(await sectionAction(page, "Synopsis", "Move Synopsis up")).toBeDisabled();
  await expect(page.getByRole("menu", { name: "Actions for Synopsis" }).getByRole("menuitem", { name: "Move Synopsis down" })).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(sectionMenuButton(page, "Synopsis")).toBeFocused();
  await expect(await sectionAction(page, "Final verdict", "Move Final verdict down")).toBeDisabled();
  await page.keyboard.press("Escape");

  await sectionBody(page, "Synopsis").fill("A dying pastor writes to his son.");
  // By keyboard: ↓ opens the menu on its first item, ↓ again goes to `Move … down`.
  await sectionMenuButton(page, "Synopsis").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Move Synopsis up" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Move Synopsis down" })).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "Synopsis", "What I didn't like", "Final verdict"]);
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(sectionMenuButton(page, "Synopsis")).toBeFocused();

  // Focus stayed, so the menu can move the same section again.
  for (let i = 0; i < 2; i++) await (await sectionAction(page, "Synopsis", "Move Synopsis down")).click();
  await expect(previewSectionHeadings(page)).toHaveText(["What I liked", "What I didn't like", "Final verdict", "Synopsis"]);
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "What I didn't like", "Final verdict", "Synopsis"]);
  await expect(sectionMenuButton(page, "Synopsis")).toBeFocused();
  const down = await sectionAction(page, "Synopsis", "Move Synopsis down");
  await expect(down).toBeDisabled();
  // A disabled item does nothing and leaves the menu open.
  await down.click({ force: true });
  expect(await sectionHeadingValues(page)).toEqual(["What I liked", "What I didn't like", "Final verdict", "Synopsis"]);
  await page.keyboard.press("Escape");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A dying pastor writes to his son.");

  // Moving the last section to the top with the mouse.
  await (await sectionAction(page, "Final verdict", "Move Final verdict up")).click();
  await (await sectionAction(page, "Final verdict", "Move Final verdict up")).click();
  await expect(sectionMenuButton(page, "Final verdict")).toBeFocused();
  await expect(await sectionAction(page, "Final verdict", "Move Final verdict up")).toBeDisabled();
  expect(await sectionHeadingValues(page)).toEqual(["Final verdict", "What I liked", "What I didn't like", "Synopsis"]);
});

test("renaming a section renames its controls; clearing the heading names it by position", async ({ page }) => {
  await headingField(page, "What I liked").fill("Highlights");
  await expect(sectionBody(page, "Highlights")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Mark Highlights as spoiler", exact: true })).toBeVisible();
  await expect(sectionMenuButton(page, "Highlights")).toBeVisible();
  await expect(previewSectionHeadings(page)).toHaveText(["Synopsis", "Highlights", "What I didn't like", "Final verdict"]);

  await headingField(page, "Highlights").fill("");
  await expect(sectionBody(page, "Untitled section 2")).toBeVisible();
  await expect(headingField(page, "Untitled section 2")).toBeFocused();
  await expect(sectionMenuButton(page, "Untitled section 2")).toBeVisible();
  await expect(previewSectionHeadings(page)).not.toContainText(["Highlights"]);
});

test("Spoiler button wraps the selected text of the last focused section body", async ({ page }) => {
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  const liked = sectionBody(page, "What I liked");
  await liked.fill("The butler did it");
  // Select "butler" with the keyboard.
  await selectWithKeyboard(liked, 4, 6);
  await toolbar.getByRole("button", { name: "Spoiler" }).click();
  await expect(liked).toHaveValue("The ||butler|| did it");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("");
  // The preview hides it behind a spoiler toggle.
  await expect(preview(page).getByRole("checkbox", { name: "spoiler", exact: true })).toHaveCount(1);

  // Typing goes on in the same body (focus came back to it).
  await expect(liked).toBeFocused();
});

test("Spoiler button with nothing selected inserts ||spoiler|| at the caret", async ({ page }) => {
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  const verdict = sectionBody(page, "Final verdict");
  await verdict.click();
  await page.keyboard.type("Ends well ");
  await toolbar.getByRole("button", { name: "Spoiler" }).click();
  await expect(verdict).toHaveValue("Ends well ||spoiler||");
  await expect(verdict).toBeFocused();
  for (const other of ["Synopsis", "What I liked", "What I didn't like"]) {
    await expect(sectionBody(page, other)).toHaveValue("");
  }
});

test("Spoiler button wraps the right characters after emoji and accented letters", async ({ page }) => {
  const synopsis = sectionBody(page, "Synopsis");
  await synopsis.fill("🙂 Café: the butler");
  // "🙂" is one character to a person (one ArrowRight), "the" starts at the 9th character.
  await selectWithKeyboard(synopsis, 8, 3);
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Spoiler" }).click();
  await expect(synopsis).toHaveValue("🙂 Café: ||the|| butler");
});

test("Spoiler button acts on the last focused body even after focus moved to another field", async ({ page }) => {
  const disliked = sectionBody(page, "What I didn't like");
  await disliked.fill("Too slow");
  await selectWithKeyboard(disliked, 0, 3);
  await field(page, "Title").click();
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Spoiler" }).click();
  await expect(disliked).toHaveValue("||Too|| slow");
  await expect(field(page, "Title")).toHaveValue("");
});

test("Rating offers half steps from 0.5 to 5 out of 5", async ({ page }) => {
  const rating = ratingSelect(page);
  const labels = ["No rating"];
  for (let v = 0.5; v <= 5; v += 0.5) labels.push(`${v} out of 5`);
  await expect(rating.locator("option")).toHaveText(labels);
  await rating.selectOption({ label: "3.5 out of 5" });
  await expect(rating).toHaveValue("3.5");
  await rating.selectOption("5");
  await expect(rating.locator("option:checked")).toHaveText("5 out of 5");
  await rating.selectOption({ label: "No rating" });
  await expect(rating.locator("option:checked")).toHaveText("No rating");
});

test("word counts and reading time follow each section and the whole review once typing pauses", async ({ page }) => {
  const count = (text) => page.getByText(text, { exact: true });
  // Headings are not counted: the untouched template has no words.
  await expect(page.getByText(/^This review: \d+ words/)).toHaveText("This review: 0 words");
  await sectionBody(page, "Synopsis").fill("one two three four");
  await expect(count("4 words · 1 min read")).toBeVisible();
  await sectionBody(page, "What I liked").fill("word ".repeat(300));
  await expect(count("300 words · 2 min read")).toBeVisible();
  await headingField(page, "Final verdict").fill("My long and wordy final verdict");
  await expect(page.getByText(/^This review: /)).toHaveText("This review: 304 words · 2 min read");
});

test("ISBN: one fills the other where it exists, both shown hyphen-free, and the fill can be undone", async ({ page }) => {
  await field(page, "ISBN-10").fill("1-4000-4339-5");
  await expect(page.getByText("Hyphen-free: ISBN-10 1400043395")).toBeVisible();
  await button(page, "Fill ISBN-13 (9781400043392)").click();
  await expect(field(page, "ISBN-13")).toHaveValue("9781400043392");
  await expect(button(page, "Fill ISBN-13 (9781400043392)")).toHaveCount(0);
  await button(page, "Undo").click();
  await expect(field(page, "ISBN-13")).toHaveValue("");
  // The other way round; a 979 ISBN has no ISBN-10, so nothing is offered.
  await field(page, "ISBN-10").fill("");
  await field(page, "ISBN-13").fill("978-0-374-15392-2");
  await button(page, "Fill ISBN-10 (0374153922)").click();
  await expect(field(page, "ISBN-10")).toHaveValue("0374153922");
  await field(page, "ISBN-10").fill("");
  await field(page, "ISBN-13").fill("979-10-90636-07-1");
  await expect(page.getByRole("button", { name: /^Fill ISBN-10/ })).toHaveCount(0);
});
