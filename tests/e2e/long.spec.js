// A long review (hundreds of sections) opens without blocking the page: the first sections at
// once, the rest in batches; every section is there, editable, exported and reordered.
import { test, expect } from "@playwright/test";
import { button, expectAllSaved, openEditor, preview, sectionAction, sectionBody, sectionHeadingValues } from "./helpers.js";

test("a review of 400 sections opens in batches, and every section is drawn, editable and exported", async ({ page }) => {
  const sections = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, heading: `Part ${i + 1}`, body: `Body of part ${i + 1}.`, spoiler: false }));
  const record = {
    schema: 2, id: "long", revision: 1, saved_at: "2026-11-25T10:00:00Z", created_at: "2026-11-25T10:00:00Z",
    review: { metadata: { title: "Long" }, post_title: "", sections, rating: null }, view: { show_spoilers: false },
  };
  await page.addInitScript((json) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("verdict:current", "long");
    localStorage.setItem("verdict:draft:long", json);
  }, JSON.stringify(record));
  await openEditor(page);
  await expect(sectionBody(page, "Part 1")).toHaveValue("Body of part 1.");
  // The last section arrives with the later batches, in the editor and in the preview.
  await expect(sectionBody(page, "Part 400")).toHaveValue("Body of part 400.");
  await expect(preview(page).getByRole("heading", { level: 2 })).toHaveCount(400);
  expect((await sectionHeadingValues(page)).length).toBe(400);
  await sectionBody(page, "Part 400").fill("Edited at the end.");
  await expect(preview(page)).toContainText("Edited at the end.");
  await (await sectionAction(page, "Part 400", "Move Part 400 up")).click();
  const headings = await sectionHeadingValues(page);
  expect(headings.slice(-2)).toEqual(["Part 400", "Part 399"]);
  await expectAllSaved(page);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("verdict:draft:long")).review.sections);
  expect(stored).toHaveLength(400);
  expect(stored[398].body).toBe("Edited at the end.");
});
