// Paste-ready exports: the byline in the preview, each target's own defaults (the plain file
// spoiler-free, no title where a theme prints one), the choices remembered app-wide across
// reloads, the writer's own summary in the front matter, and HTML placed on the clipboard as
// HTML for visual editors.
import { test, expect } from "@playwright/test";
import { chooseTarget as choose, exportPanel as panel, exportedText, expectAllSaved, field, openEditor, openExportPanel as openPanel, preview, sectionBody, writeGilead } from "./helpers.js";

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openEditor(page);
  await writeGilead(page, "The prose is quiet. The ||ending|| moved me.");
});

test("the byline shows the reviewer and the post date under the title", async ({ page }) => {
  await field(page, "Reviewer").fill("Mira");
  await field(page, "Post date").fill("2026-11-25");
  await expect(preview(page).locator(".byline")).toHaveText("By Mira · November 25, 2026");
});

test("each target starts from its platform's defaults, and the writer's choices are remembered across reloads", async ({ page }) => {
  await openPanel(page);
  await choose(page, "Markdown: plain, no front matter");
  // Forums drop or show raw HTML, so the plain file is spoiler-free unless asked.
  await expect(panel(page).getByRole("checkbox", { name: /Spoiler-free/ })).toBeChecked();
  await expect(exportedText(page)).not.toHaveValue(/Ames is dying/);

  await choose(page, "Markdown: Hugo (YAML front matter)");
  const hugo = await exportedText(page).inputValue();
  expect(hugo).toContain('summary: "The prose is quiet."');
  expect(hugo).not.toContain("# Review: Gilead");
  const title = panel(page).getByRole("checkbox", { name: "Include the title" });
  await expect(title).not.toBeChecked();
  await title.check();
  await expect(exportedText(page)).toHaveValue(/\n# Review: Gilead by Marilynne Robinson\n/);
  await panel(page).getByRole("button", { name: "Close" }).click();

  await page.reload();
  await expect(sectionBody(page, "What I liked")).toHaveValue(/quiet/);
  await openPanel(page);
  await expect(panel(page).getByRole("combobox", { name: "Export to" })).toHaveValue("hugo-yaml");
  await expect(panel(page).getByRole("checkbox", { name: "Include the title" })).toBeChecked();
  await expect(exportedText(page)).toHaveValue(/\n# Review: Gilead by Marilynne Robinson\n/);
});

test("the writer's own summary, slug and draft flag go into the front matter", async ({ page }) => {
  await field(page, "Summary").fill("A quiet book about a dying preacher.");
  await field(page, "Slug").fill("Gilead, Reviewed");
  await page.getByRole("checkbox", { name: /Draft/ }).check();
  await expectAllSaved(page);
  await openPanel(page);
  await choose(page, "Markdown: Jekyll");
  const jekyll = await exportedText(page).inputValue();
  expect(jekyll).toContain('excerpt: "A quiet book about a dying preacher."');
  expect(jekyll).toContain('slug: "gilead-reviewed"');
  expect(jekyll).toContain("published: false");
  expect(jekyll).toContain("layout: post");
});

test("Copy puts an HTML target on the clipboard as HTML and as text", async ({ page }) => {
  await openPanel(page);
  await choose(page, "HTML: fragment for WordPress or Ghost");
  const text = await exportedText(page).inputValue();
  await panel(page).getByRole("button", { name: "Copy", exact: true }).click();
  await expect(panel(page)).toContainText("Copied the text to the clipboard.");
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = item.types.includes("text/html") ? await (await item.getType("text/html")).text() : null;
    const plain = await (await item.getType("text/plain")).text();
    return { types: item.types, html, plain };
  });
  expect(copied.types).toContain("text/html");
  expect(copied.plain).toBe(text);
  // Chromium may wrap the HTML it hands out; the fragment itself is inside, unchanged.
  expect(copied.html).toContain('<article class="review">');
  expect(copied.html).toContain("<h2>What I liked</h2>");
  // A spoiler is in its disclosure, never open text.
  expect(copied.html).toContain("[spoiler 1]");
});
