// Sizes: a review holds up to its cap (2 MB of text). A 1 MB paste is taken; a 5 MB one is
// refused whole, with a message, and changes nothing: not the editor, the preview, or storage.
import { test, expect } from "@playwright/test";
import { DEFAULT_HEADINGS, expectAllSaved, field, headingField, openEditor, readStoredDraft, sectionBody } from "./helpers.js";

const words = (bytes, word) => (word + " ").repeat(Math.ceil(bytes / (word.length + 1))).slice(0, bytes);
const stored = (page) => page.evaluate(() => localStorage.getItem(`verdict:draft:${localStorage.getItem("verdict:current")}`));

test("a 1 MB paste is taken and a 5 MB one is refused with a message", async ({ page }) => {
  await page.goto("/");
  const synopsis = page.getByRole("textbox", { name: "Synopsis", exact: true });
  const big = words(1024 * 1024 - 4, "clone") + " END";
  await synopsis.fill(big);
  await expect(page.getByRole("status")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Preview" }).getByText("clone END", { exact: false })).toBeVisible();
  expect((await synopsis.inputValue()).length).toBe(big.length);
  const before = await stored(page);
  expect(before).toContain(" END");

  const liked = page.getByRole("textbox", { name: "What I liked", exact: true });
  await liked.fill("A short opinion.");
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  const saved = await stored(page);
  await liked.fill(words(5 * 1024 * 1024, "huge"));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("was not made");
  await expect(alert).toContainText("at most 2.0 MB");
  await expect(liked).toHaveValue("A short opinion.");
  await expect(page.getByRole("region", { name: "Preview" }).getByText("A short opinion.")).toBeVisible();
  // Leaving the page saves at once whatever is unsaved: nothing is, so nothing is written.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  expect(await stored(page)).toBe(saved);

  // A paste is refused before the text reaches the field at all.
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("was not made", { exact: false })).toHaveCount(0);
  const refused = await liked.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  }, words(5 * 1024 * 1024, "paste"));
  expect(refused).toBe(true);
  await expect(alert).toContainText("was not made");
  await expect(liked).toHaveValue("A short opinion.");
});

test("a 100,000-character title and 10,000 tags are taken", async ({ page }) => {
  await page.goto("/");
  const title = words(100_000, "Title");
  await page.getByLabel("Title", { exact: true }).fill(title);
  const tags = Array.from({ length: 10_000 }, (_, i) => `tag${i}`).join(", ");
  await page.getByLabel("Tags", { exact: true }).fill(tags);
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("tag9999", { exact: false })).toBeVisible();
  await page.getByRole("textbox", { name: "Synopsis", exact: true }).fill("Still usable.");
  await expect(preview.getByText("Still usable.")).toBeVisible();
  expect(JSON.parse(await stored(page)).review.metadata.title).toBe(title);
});

test("typing in one huge paragraph: the preview follows once typing pauses", async ({ page }) => {
  await page.goto("/");
  const synopsis = page.getByRole("textbox", { name: "Synopsis", exact: true });
  // 100 KB with no blank line: one block, redrawn after a pause rather than on every key.
  await synopsis.fill(words(100 * 1024, "clone"));
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("clone clone", { exact: false })).toBeVisible();
  await synopsis.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" ZEBRA");
  await expect(preview.getByText("ZEBRA", { exact: false })).toBeVisible();
  // Then a short paragraph of its own is drawn as before.
  await page.keyboard.type("\n\nA short paragraph.");
  await expect(preview.getByText("A short paragraph.", { exact: true })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  expect(await synopsis.inputValue()).toMatch(/ ZEBRA\n\nA short paragraph\.$/);
});

// Sections: a review holds at most 1,000. A file of 1,000 opens and shows its last section; one
// more is refused on Add section; a file of 20,000 (JSON or Markdown) is refused whole, quickly,
// and changes nothing.
const sectionsFile = (n, kind) => {
  const sections = Array.from({ length: n }, (_, i) => ({ id: i + 1, heading: `Part ${i + 1}`, body: `Body of part ${i + 1}.`, spoiler: false }));
  const text = kind === "json"
    ? JSON.stringify({ format: "verdict-review", version: 1, review: { metadata: { title: "Many parts" }, post_title: "", sections, rating: null } })
    : sections.map((s) => `## ${s.heading}\n\n${s.body}\n`).join("\n");
  return { name: `parts.${kind === "json" ? "json" : "md"}`, mimeType: kind === "json" ? "application/json" : "text/markdown", buffer: Buffer.from(text) };
};
const openFile = (page) => page.getByLabel("Open file", { exact: true });
const sectionHeadings = (page) => page.getByRole("textbox", { name: /^Heading of / });

test("a review of 1,000 sections opens, and Add section then refuses one more", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  const file = sectionsFile(1000, "json");
  // Timed inside the page: Playwright's role queries over a thousand text areas take far
  // longer than the drawing itself.
  await page.evaluate(() => {
    const started = performance.now();
    window.lastHeadingAfter = new Promise((resolve) => {
      const look = () => {
        // The preview's own headings: a dialog's heading may come after it in the page.
        const preview = document.querySelector('section[aria-label="Preview"]');
        const headings = preview ? preview.querySelectorAll("h2") : [];
        if (headings.length && headings[headings.length - 1].textContent.includes("Part 1000")) resolve(performance.now() - started);
        else setTimeout(look, 10);
      };
      look();
    });
  });
  await openFile(page).setInputFiles(file);
  const opened = await page.evaluate(() => window.lastHeadingAfter);
  console.log(`1,000 sections (${(file.buffer.length / 1024).toFixed(0)} KB of JSON): last heading drawn after ${Math.round(opened)} ms`);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Part 1000", exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("textbox", { name: "Part 1000", exact: true })).toHaveValue("Body of part 1000.");
  await expect(sectionHeadings(page)).toHaveCount(1000);
  await expect(page.getByRole("status")).toHaveText("All changes saved", { timeout: 15_000 });
  const saved = await stored(page);

  await page.getByRole("button", { name: "Add section", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "No section was added" });
  await expect(alert).toContainText("at most 1,000 sections");
  await expect(alert).toContainText("Nothing was changed");
  await expect(sectionHeadings(page)).toHaveCount(1000);
  expect(await stored(page)).toBe(saved);
  // The next edit is saved, and what it saves still has 1,000 sections: the refused one was never
  // made, not merely not yet written.
  await page.getByRole("textbox", { name: "Part 1000", exact: true }).press("End");
  await page.keyboard.type("!");
  await expect.poll(async () => JSON.parse(await stored(page)).review.sections.at(-1).body, { timeout: 15_000 }).toBe("Body of part 1000.!");
  expect(JSON.parse(await stored(page)).review.sections).toHaveLength(1000);
});

for (const kind of ["json", "markdown"]) {
  test(`a ${kind} file of 20,000 sections is refused at once and changes nothing`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Kept");
    await expect(page.getByRole("status")).toHaveText("All changes saved");
    const snapshot = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    const before = await snapshot();
    const file = sectionsFile(20_000, kind);
    const started = Date.now();
    await openFile(page).setInputFiles(file);
    const alert = page.getByRole("alert").filter({ hasText: "holds 20,000 sections" });
    await expect(alert).toContainText("more than a review can (at most 1,000)");
    console.log(`20,000 sections (${(file.buffer.length / 1024).toFixed(0)} KB of ${kind}): refused after ${Date.now() - started} ms`);
    await expect(alert).toContainText("Nothing was opened");
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue("Kept");
    await expect(sectionHeadings(page)).toHaveCount(4);
    expect(await snapshot()).toBe(before);
    // Typing answers as before.
    await page.getByRole("textbox", { name: "Synopsis", exact: true }).fill("Still usable.");
    await expect(page.getByRole("region", { name: "Preview" }).getByText("Still usable.")).toBeVisible();
  });
}

// Chromium's autofill sends every field of the form being typed in to the browser process on
// each keystroke, and fields outside any form count as one form: with a 1.9 MB title, every key
// in a section copied it (docs/performance.md). Each section and the book details are forms of
// their own, which are never submitted.
test("each section and the book details are forms of their own, and Enter submits none of them", async ({ page }) => {
  await openEditor(page);
  const fellows = (box) => box.evaluate((el) => (el.form ? [...el.form.elements].filter((e) => e.matches("input[type=text], textarea")).map((e) => e.labels?.[0]?.textContent.trim() || e.getAttribute("aria-label")) : null));
  expect(await fellows(sectionBody(page, "Synopsis"))).toEqual(["Heading of Synopsis", "Synopsis"]);
  expect(await fellows(sectionBody(page, "Final verdict"))).toEqual(["Heading of Final verdict", "Final verdict"]);
  const title = field(page, "Title");
  const metadata = await fellows(title);
  expect(metadata).toContain("Title");
  expect(metadata).toContain("Post title");
  expect(metadata.filter((name) => DEFAULT_HEADINGS.includes(name))).toEqual([]);

  // Enter in a heading (a form's only line field) or in the title changes nothing and goes nowhere.
  const url = page.url();
  await headingField(page, "Synopsis").fill("Plot");
  await headingField(page, "Plot").press("Enter");
  await title.fill("Never Let Me Go");
  await title.press("Enter");
  await expectAllSaved(page);
  expect(page.url()).toBe(url);
  await page.reload();
  await expect(headingField(page, "Plot")).toBeVisible();
  expect((await readStoredDraft(page)).record.review.metadata.title).toBe("Never Let Me Go");
});
