// The preview: Markdown, spoilers (hidden, opened one by one, staying open while typing, all
// shown), and safety (raw HTML as text, no script links).
import { test, expect } from "@playwright/test";
import {
  DEFAULT_HEADINGS,
  openEditor,
  preview,
  previewSectionHeadings,
  sectionBody,
  setShowSpoilers,
  showSpoilers,
} from "./helpers.js";

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

function spoilerFlag(page, heading) {
  return page.getByRole("checkbox", { name: `Mark ${heading} as spoiler`, exact: true });
}

/** The rendered `<section>` of the preview that holds the h2 `heading`. */
function previewSection(page, heading) {
  return preview(page)
    .locator("section")
    .filter({ has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });
}

test("Markdown renders: emphasis, strong, body headings as h3, lists", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("# Plot\n\nIt is *quiet* and **wise**.\n\n- letters\n- baseball");
  const p = preview(page);
  await expect(p.getByRole("heading", { level: 3, name: "Plot" })).toBeVisible();
  await expect(p.getByRole("heading", { level: 1, name: "Plot" })).toHaveCount(0);
  await expect(p.locator("em", { hasText: "quiet" })).toBeVisible();
  await expect(p.locator("strong", { hasText: "wise" })).toBeVisible();
  await expect(p.getByRole("listitem")).toHaveText(["letters", "baseball"]);
  await expect(p).not.toContainText("*quiet*");
  await expect(previewSectionHeadings(page)).toHaveText(DEFAULT_HEADINGS);
});

test("raw HTML in a body shows as text, never as elements", async ({ page }) => {
  const html = '<b>x</b> and <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>';
  await sectionBody(page, "What I liked").fill(html);
  const p = preview(page);
  await expect(p).toContainText("<b>x</b>");
  await expect(p).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(p.locator("b")).toHaveCount(0);
  await expect(p.locator("img")).toHaveCount(0);
  await expect(p.locator("script")).toHaveCount(0);
  // An image of the same broken source, put in by the test, fails to load: once its error has
  // fired, a stray onerror from the preview would have fired too.
  await page.evaluate(() => {
    const probe = new Image();
    probe.onerror = () => { window.__probeFailed = true; };
    probe.src = "x";
  });
  await expect.poll(() => page.evaluate(() => window.__probeFailed === true)).toBe(true);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("a javascript: link shows only its text; an https link opens safely in a new tab", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("Click [a](javascript:alert(1)) or visit [site](https://example.com).");
  const p = preview(page);
  await expect(p).toContainText("Click a or visit site.");
  await expect(p.getByRole("link", { name: "a", exact: true })).toHaveCount(0);
  await expect(p.locator('[href^="javascript"]')).toHaveCount(0);
  const link = p.getByRole("link", { name: "site", exact: true });
  await expect(link).toHaveAttribute("href", "https://example.com");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
});

test("a section marked spoiler keeps its heading but hides its text in a closed details", async ({ page }) => {
  await sectionBody(page, "What I didn't like").fill("The ending drags.");
  await spoilerFlag(page, "What I didn't like").check();
  const section = previewSection(page, "What I didn't like");
  await expect(section.getByRole("heading", { level: 2 })).toBeVisible();
  const details = section.locator("details");
  await expect(details).toHaveCount(1);
  await expect(details).not.toHaveAttribute("open", /.*/);
  await expect(details.locator("summary")).toHaveText("Spoiler: What I didn't like");
  await expect(section.getByText("The ending drags.")).toBeHidden();

  // Unmarking shows the text again.
  await spoilerFlag(page, "What I didn't like").uncheck();
  await expect(section.locator("details")).toHaveCount(0);
  await expect(section.getByText("The ending drags.")).toBeVisible();
});

test("spoiler sections open one at a time and stay open while typing in them", async ({ page }) => {
  const liked = sectionBody(page, "What I liked");
  const disliked = sectionBody(page, "What I didn't like");
  await liked.fill("Ames forgives Jack.");
  await disliked.fill("Jack leaves.");
  await spoilerFlag(page, "What I liked").check();
  await spoilerFlag(page, "What I didn't like").check();

  const likedSection = previewSection(page, "What I liked");
  const dislikedSection = previewSection(page, "What I didn't like");
  await likedSection.getByText("Spoiler: What I liked").click();
  await expect(likedSection.locator("details")).toHaveAttribute("open", /.*/);
  await expect(likedSection.getByText("Ames forgives Jack.")).toBeVisible();
  await expect(dislikedSection.locator("details")).not.toHaveAttribute("open", /.*/);
  await expect(dislikedSection.getByText("Jack leaves.")).toBeHidden();

  // Keep typing in the opened section: it stays open and shows the new text.
  await liked.click();
  await liked.press("End");
  await page.keyboard.type(" Then he blesses him.");
  await expect(likedSection.getByText("Ames forgives Jack. Then he blesses him.")).toBeVisible();
  await expect(likedSection.locator("details")).toHaveAttribute("open", /.*/);
  // Wait past the autosave too, then check again.
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  await expect(likedSection.locator("details")).toHaveAttribute("open", /.*/);
  await expect(likedSection.getByText("Ames forgives Jack. Then he blesses him.")).toBeVisible();

  // Typing in the other (closed) section leaves it closed.
  await disliked.click();
  await disliked.press("End");
  await page.keyboard.type(" Again.");
  await expect(dislikedSection.getByText("Jack leaves. Again.")).toBeHidden();
  await expect(likedSection.locator("details")).toHaveAttribute("open", /.*/);

  // Retitling the opened section keeps it open too.
  const headingInput = page.getByRole("textbox", { name: "Heading of What I liked", exact: true });
  await headingInput.click();
  await headingInput.press("End");
  await page.keyboard.type(" most");
  const retitled = previewSection(page, "What I liked most");
  await expect(retitled.locator("summary")).toHaveText("Spoiler: What I liked most");
  await expect(retitled.locator("details")).toHaveAttribute("open", /.*/);
});

test("an inline spoiler is a closed toggle that opens on its own", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("It was ||the butler|| all along, not ||the cook||.");
  const section = previewSection(page, "Synopsis");
  const toggles = section.getByRole("checkbox", { name: "spoiler", exact: true });
  await expect(toggles).toHaveCount(2);
  await expect(section).toContainText("It was");
  await expect(section.locator(".spoiler-text", { hasText: "the butler" })).toBeHidden();
  await expect(section.locator(".spoiler-text", { hasText: "the cook" })).toBeHidden();
  await expect(section).not.toContainText("||");

  await section.getByText("spoiler", { exact: true }).first().click();
  await expect(toggles.first()).toBeChecked();
  await expect(section.locator(".spoiler-text", { hasText: "the butler" })).toBeVisible();
  await expect(section.locator(".spoiler-text", { hasText: "the cook" })).toBeHidden();

  // Keyboard: Tab to the second toggle and press Space.
  await toggles.nth(1).focus();
  await page.keyboard.press("Space");
  await expect(section.locator(".spoiler-text", { hasText: "the cook" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(section.locator(".spoiler-text", { hasText: "the cook" })).toBeHidden();
  await expect(section.locator(".spoiler-text", { hasText: "the butler" })).toBeVisible();
});

test("an opened inline spoiler stays open while typing in its section", async ({ page }) => {
  const body = sectionBody(page, "Final verdict");
  await body.fill("Read it. ||Ames dies content.||");
  const section = previewSection(page, "Final verdict");
  await section.getByText("spoiler", { exact: true }).click();
  await expect(section.locator(".spoiler-text", { hasText: "Ames dies content." })).toBeVisible();

  await body.click();
  await body.press("End");
  await page.keyboard.type(" Truly.");
  await expect(body).toHaveValue("Read it. ||Ames dies content.|| Truly.");
  await expect(section).toContainText("Truly.");
  await expect(section.getByRole("checkbox", { name: "spoiler", exact: true })).toBeChecked();
  await expect(section.locator(".spoiler-text", { hasText: "Ames dies content." })).toBeVisible();

  // Editing the spoiler's own text keeps it open as well.
  await body.press("Control+Home");
  for (let i = 0; i < "Read it. ||Ames dies content".length; i++) await body.press("ArrowRight");
  await page.keyboard.type(" at last");
  await expect(section.locator(".spoiler-text", { hasText: "Ames dies content at last." })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  await expect(section.locator(".spoiler-text", { hasText: "Ames dies content at last." })).toBeVisible();
});

test("Show spoilers reveals every spoiler, and turning it off hides them again", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("Who did it? ||The butler||.");
  await sectionBody(page, "Final verdict").fill("A twist ending.");
  await page.getByRole("checkbox", { name: "Mark Final verdict as spoiler", exact: true }).check();
  const toggle = showSpoilers(page);
  await expect(toggle).not.toBeChecked();

  const p = preview(page);
  await expect(p.getByText("The butler")).toBeHidden();
  await expect(p.getByText("A twist ending.")).toBeHidden();

  await setShowSpoilers(page, true);
  await expect(toggle).toBeChecked();
  await expect(p.locator("details")).toHaveAttribute("open", /.*/);
  await expect(p.getByText("A twist ending.")).toBeVisible();
  await expect(p.locator(".spoiler-revealed")).toHaveCount(1);
  await expect(p.locator(".spoiler-revealed")).toContainText("The butler");
  await expect(p.locator(".spoiler-revealed")).toBeVisible();
  await expect(p.getByRole("checkbox", { name: "spoiler", exact: true })).toHaveCount(0);

  // A spoiler typed while shown is shown too.
  await sectionBody(page, "What I liked").fill("||The dog lives||");
  await expect(p.locator(".spoiler-revealed", { hasText: "The dog lives" })).toBeVisible();

  await setShowSpoilers(page, false);
  await expect(p.locator("details")).not.toHaveAttribute("open", /.*/);
  await expect(p.getByText("A twist ending.")).toBeHidden();
  await expect(p.locator(".spoiler-revealed")).toHaveCount(0);
  await expect(p.locator(".spoiler-text", { hasText: "The butler" })).toBeHidden();
  await expect(p.locator(".spoiler-text", { hasText: "The dog lives" })).toBeHidden();
});

test("Show spoilers works from the keyboard", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("||Hidden||");
  const toggle = showSpoilers(page);
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked();
  await expect(preview(page).locator(".spoiler-revealed", { hasText: "Hidden" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(toggle).not.toBeChecked();
  await expect(preview(page).locator(".spoiler-text", { hasText: "Hidden" })).toBeHidden();
});

test("escaped bars and code spans are not spoilers", async ({ page }) => {
  await sectionBody(page, "Synopsis").fill("Literal \\|\\|bars\\|\\| and `||code||` here.");
  const section = previewSection(page, "Synopsis");
  await expect(section).toContainText("Literal ||bars|| and ||code|| here.");
  await expect(section.locator("code")).toHaveText("||code||");
  await expect(section.getByRole("checkbox", { name: "spoiler", exact: true })).toHaveCount(0);
});
