// The seed test: the shared seed review typed in through the UI, downloaded as Markdown and HTML,
// compared byte for byte with the golden files (which the native tests also produce from the
// core), and the downloaded HTML opened in the browser with its synopsis hidden until opened.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { seedSections, chooseFromMenu } from "./helpers.js";

const GOLDEN = "tests/golden/targets/seed";

/** Clicks a download button and saves the file under its suggested name in the test's output. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, name)]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test("the seed review typed in, downloaded, and opened", async ({ page }) => {
  await page.goto("/");
  const field = (label) => page.getByLabel(label, { exact: true });
  await field("Title").fill("Never Let Me Go");
  await field("Author").fill("Kazuo Ishiguro");
  await field("Format").selectOption({ label: "Hardcover" });
  await field("Pages").fill("304");
  await field("Publisher").fill("Knopf");
  await field("Publication date").fill("April 5, 2005");
  await field("Language").fill("English");
  await field("ISBN-10").fill("1400043395");
  await field("ISBN-13").fill("978-1400043392");
  await field("Genre").fill("sici-fi, dystopia");
  await field("Target group").fill("adult");
  await field("Categories").fill("book review, dystopia");
  await field("Post date").fill("2011-01-15");
  const headings = ["Synopsis", "What I liked", "What I didn't like", "Final verdict"];
  const bodies = seedSections();
  for (const [i, heading] of headings.entries()) {
    await page.getByRole("textbox", { name: heading, exact: true }).fill(bodies[i]);
  }
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  for (const name of ["Pages", "ISBN-10", "ISBN-13", "Publication date", "Post date"]) {
    await expect(field(name)).not.toHaveAttribute("aria-invalid", "true");
  }

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Review: Never Let Me Go by Kazuo Ishiguro");
  await expect(preview.getByText("They were designed to be walking")).toBeHidden();

  const md = await download(page, "Download Markdown (GitHub)");
  expect(md.name).toBe("review-never-let-me-go-by-kazuo-ishiguro.md");
  expect(readFileSync(md.path, "utf8")).toBe(readFileSync(`${GOLDEN}.md`, "utf8"));

  const html = await download(page, "Download HTML page");
  expect(html.name).toBe("review-never-let-me-go-by-kazuo-ishiguro.html");
  expect(readFileSync(html.path, "utf8")).toBe(readFileSync(`${GOLDEN}.html`, "utf8"));

  // The downloaded page, opened as a reader would: the synopsis hides until its disclosure opens.
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`file://${html.path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review: Never Let Me Go by Kazuo Ishiguro");
  await expect(page.getByText("Hardcover: 304 pages")).toBeVisible();
  await expect(page.getByText("Publisher: Knopf (April 5, 2005)")).toBeVisible();
  const secret = page.getByText("They were designed to be walking and living organ farms", { exact: false });
  await expect(secret).toBeHidden();
  await expect(page.getByText("The plot, while not exactly original, was captivating.", { exact: false })).toBeVisible();
  await page.getByText("Spoiler: Synopsis").focus();
  await page.keyboard.press("Enter");
  await expect(secret).toBeVisible();
  await expect(page.getByText("Posted in: book review, dystopia")).toBeVisible();
  // No script runs: the one script element is the schema.org data block, which is never run.
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  expect(JSON.parse(await page.locator('script[type="application/ld+json"]').textContent())["@type"]).toBe("Review");
  expect(errors).toEqual([]);
});
