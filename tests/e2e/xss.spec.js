// Hostile input: every payload of tests/xss-payloads.json goes into every kind of field at once
// (metadata, post title, a section heading, section bodies, inside inline spoilers, tags, the
// person's own fields, the cover address), and
// nothing runs: not in the editor, not in the preview with spoilers hidden or shown, not when
// every link is clicked, not in the downloaded HTML opened with JavaScript on, and not in the
// downloaded Markdown rendered by a Markdown renderer that passes raw HTML through.
import { test, expect } from "@playwright/test";
import { chooseFromMenu } from "./helpers.js";
import { readFileSync } from "node:fs";
import { activeMarkup, clickEveryLink, guard } from "./hostile.js";

const { payloads } = JSON.parse(readFileSync("tests/xss-payloads.json", "utf8"));
const texts = payloads.map((p) => p.payload);

test.setTimeout(180_000);

test(`${texts.length} XSS payloads in every field run nowhere`, async ({ page, context }) => {
  const { watch, dialogs } = await guard(page, context);
  await page.goto("/");
  const pwned = () => page.evaluate(() => window.__pwned);

  const inline = texts.join(" ");
  for (const label of ["Title", "Author", "Pages", "Publisher", "Publication date", "Language", "ISBN-10", "ISBN-13", "Genre", "Target group", "Categories", "Reviewer", "Post date", "Post title"]) {
    await page.getByLabel(label, { exact: true }).fill(inline);
  }
  await page.getByLabel("Tags", { exact: true }).fill(texts.join(", "));
  // The person's own fields (name and value), and a cover address that is a real web address
  // but carries quotes and an attempt at an attribute of its own.
  for (const n of [1, 2]) {
    await page.getByRole("button", { name: "Add a field", exact: true }).click();
    await page.getByLabel(`Name of field ${n}`, { exact: true }).fill(texts.slice(n * 50, n * 50 + 40).join(" "));
    await page.getByRole("textbox", { name: /^Value of / }).nth(n - 1).fill(inline);
  }
  await page.getByLabel("Cover image", { exact: true }).fill("https://example.com/c.png?a=1&b='onerror='window.__pwned++");
  await page.getByRole("textbox", { name: "Heading of Synopsis", exact: true }).fill(texts.slice(0, 60).join(" "));
  const bodies = page.getByRole("textbox");
  await page.getByRole("textbox", { name: "What I liked", exact: true }).fill(texts.join("\n\n"));
  await page.getByRole("textbox", { name: "What I didn't like", exact: true }).fill(texts.map((t) => `||${t}||`).join("\n\n"));
  await page.getByRole("textbox", { name: "Final verdict", exact: true }).fill(texts.join(" ||a|| "));
  await page.getByRole("checkbox", { name: "Mark What I liked as spoiler" }).check();
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  expect(await bodies.count()).toBeGreaterThan(15);

  const preview = page.getByRole("region", { name: "Preview" });
  // The cover is drawn (its address is a web address), its quotes staying inside `src`.
  await expect(preview.getByRole("img", { name: /^Cover of/ })).toHaveAttribute("src", "https://example.com/c.png?a=1&b='onerror='window.__pwned++");
  expect(await activeMarkup(page.locator("body"))).toEqual([]);
  // Open every inline spoiler one by one, then show them all.
  const toggles = preview.locator(".spoiler-toggle");
  const spoilers = await toggles.count();
  expect(spoilers).toBeGreaterThan(texts.length);
  const visibleLabels = preview.locator(".spoiler-label:visible");
  for (let i = 0; i < Math.min(await visibleLabels.count(), 40); i++) await visibleLabels.nth(i).click();
  await preview.getByText("Show spoilers").click();
  await expect(preview.locator(".spoiler-revealed").first()).toBeVisible();
  expect(await activeMarkup(page.locator("body"))).toEqual([]);
  const previewLinks = await clickEveryLink(page, preview);
  expect(previewLinks).toBeGreaterThan(0);
  expect(await pwned()).toBe(0);
  expect(dialogs()).toBe(0);

  // The HTML export, opened in the browser with JavaScript enabled.
  const [htmlFile] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download HTML page")]);
  const htmlPath = test.info().outputPath("export.html");
  await htmlFile.saveAs(htmlPath);
  const [mdFile] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download Markdown (GitHub)")]);
  const markdown = readFileSync(await mdFile.path(), "utf8");

  const exported = await context.newPage();
  watch(exported);
  await exported.addInitScript(() => { window.__pwned = 0; });
  await exported.goto(`file://${htmlPath}`);
  expect(await activeMarkup(exported.locator("body"))).toEqual([]);
  for (const summary of await exported.locator("summary").all()) await summary.click();
  const labels = exported.locator(".spoiler-label:visible");
  for (let i = 0; i < Math.min(await labels.count(), 40); i++) await labels.nth(i).click();
  const exportLinks = await clickEveryLink(exported, exported.locator("body"));
  expect(exportLinks).toBeGreaterThan(0);
  expect(await exported.evaluate(() => window.__pwned)).toBe(0);

  // The Markdown export: its front matter holds no markup character at all (a renderer that
  // shows it as text finds no tag), and its body, rendered the way a careless site would (raw
  // HTML allowed), carries nothing active.
  const [, frontMatter, body] = markdown.split(/^---$/m);
  expect(frontMatter).toContain("title:");
  expect(frontMatter).not.toMatch(/[<>]/);
  const rendered = await context.newPage();
  watch(rendered);
  await rendered.setContent("<!doctype html><meta charset=utf-8><body><div id=out></div>");
  await rendered.evaluate(() => { window.__pwned = 0; });
  await rendered.addScriptTag({ path: "node_modules/markdown-it/dist/markdown-it.min.js" });
  await rendered.evaluate((md) => { document.getElementById("out").innerHTML = window.markdownit({ html: true, linkify: true }).render(md); }, body);
  const renderedActive = (await activeMarkup(rendered.locator("#out")));
  expect(renderedActive).toEqual([]);
  // (Its links are checked by scheme above rather than clicked: without target=_blank each
  // click would navigate this page away.)
  expect(await rendered.evaluate(() => window.__pwned)).toBe(0);

  expect(await pwned()).toBe(0);
  expect(dialogs()).toBe(0);
});
