// The Export panel: every target's exact text in a box, Copy (to the real clipboard) and
// Download (file name, type and content), the spoiler-free switch, Discord's split into
// messages, and the structured data of the HTML page.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { chooseTarget as choose, exportPanel as panel, exportedText, expectAllSaved, field, openEditor, openExportPanel as openPanel, ratingSelect, sectionBody, writeGilead } from "./helpers.js";

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openEditor(page);
  await writeGilead(page, "The ||ending|| and the *prose*.");
});

const cases = [
  ["Reddit", (t) => t.includes(">!ending!<") && t.includes(">!Ames is dying and writes to his son.!<")],
  ["Discord", (t) => t.includes("||ending||")],
  ["Markdown: HackMD / HedgeDoc", (t) => t.includes(":::spoiler Spoiler: Synopsis\nAmes is dying")],
  ["Markdown: Obsidian", (t) => t.includes("> [!spoiler]- Spoiler: Synopsis\n> Ames is dying")],
  ["Markdown: Hugo (TOML front matter)", (t) => t.startsWith("+++\n") && t.includes('{{< details summary="Spoiler: Synopsis" >}}')],
  ["Markdown: Jekyll", (t) => t.includes('<details markdown="1">')],
  ["Goodreads (its HTML subset)", (t) => t.includes("<spoiler>ending</spoiler>")],
  ["HTML: fragment for WordPress or Ghost", (t) => t.startsWith('<article class="review">') && t.includes("[spoiler 1]")],
];

for (const [label, check] of cases) {
  test(`${label}: the box shows the exact text, and Copy and Download give the same`, async ({ page }) => {
    await openPanel(page);
    await choose(page, label);
    const text = await exportedText(page).inputValue();
    expect(check(text), text).toBe(true);
    await panel(page).getByRole("button", { name: "Copy", exact: true }).click();
    await expect(panel(page)).toContainText("Copied the text to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    const [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "Download", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^review-gilead-by-marilynne-robinson/);
    expect(readFileSync(await download.path(), "utf8")).toBe(text);
  });
}

test("spoiler-free versions leave every spoiler out", async ({ page }) => {
  await openPanel(page);
  for (const label of ["Markdown: GitHub / CommonMark, with front matter", "Reddit", "Goodreads (its HTML subset)", "HTML: standalone page"]) {
    await choose(page, label);
    await panel(page).getByRole("checkbox", { name: /Spoiler-free/ }).check();
    const text = await exportedText(page).inputValue();
    expect(text).not.toContain("Ames is dying");
    expect(text).not.toContain("ending");
    expect(text).toMatch(/spoiler (removed|and was left out)/);
    const [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "Download", exact: true }).click()]);
    expect(download.suggestedFilename()).toContain("spoiler-free");
    await panel(page).getByRole("checkbox", { name: /Spoiler-free/ }).uncheck();
  }
});

test("a long review is split into Discord messages of at most 2,000 characters, each copied on its own", async ({ page }) => {
  await sectionBody(page, "Final verdict").fill(Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${"word ".repeat(40)}`).join("\n\n"));
  await expectAllSaved(page);
  await openPanel(page);
  await choose(page, "Discord");
  await expect(panel(page)).toContainText(/split into \d+ messages/);
  const copyButtons = panel(page).getByRole("button", { name: /^Copy part \d+$/ });
  const n = await copyButtons.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) {
    await copyButtons.nth(i).click();
    await expect(panel(page)).toContainText(`Copied part ${i + 1} of ${n}`);
    const part = await page.evaluate(() => navigator.clipboard.readText());
    expect([...part].length).toBeLessThanOrEqual(2000);
    expect(part.length).toBeGreaterThan(0);
  }
});

test("the HTML page carries schema.org structured data, and the panel says what a snippet still needs", async ({ page }) => {
  await openPanel(page);
  await expect(panel(page)).toContainText("still missing: Reviewer, Rating");
  await panel(page).getByRole("button", { name: "Close" }).click();
  await field(page, "Reviewer").fill("Mira");
  await ratingSelect(page).selectOption("4.5");
  await openPanel(page);
  await expect(panel(page)).not.toContainText("still missing");
  await choose(page, "HTML: standalone page");
  const [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "Download", exact: true }).click()]);
  const html = readFileSync(await download.path(), "utf8");
  const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)[1]);
  expect(json["@type"]).toBe("Review");
  expect(json.itemReviewed).toMatchObject({ "@type": "Book", name: "Gilead", author: { "@type": "Person", name: "Marilynne Robinson" } });
  expect(json.author.name).toBe("Mira");
  expect(json.reviewRating).toEqual({ "@type": "Rating", ratingValue: 4.5, bestRating: 5, worstRating: 0.5 });
  expect(JSON.stringify(json)).not.toContain("Ames is dying");
  expect(JSON.stringify(json)).not.toContain("ending");
});
