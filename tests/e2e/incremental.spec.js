// A keystroke re-renders only the section it changed: typing in one section leaves every other
// part of the preview's DOM untouched (the same nodes, no mutations).
import { test, expect } from "@playwright/test";

test("typing in one section touches only that section's preview", async ({ page }) => {
  await page.goto("/");
  for (const heading of ["Synopsis", "What I liked", "What I didn't like", "Final verdict"]) {
    await page.getByRole("textbox", { name: heading, exact: true }).fill(`Some *text* for ${heading}, with ||a spoiler||.`);
  }
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Some text for Final verdict", { exact: false })).toBeVisible();

  // Watch every preview section; mark the nodes so that a replaced node would show.
  await page.evaluate(() => {
    const sections = [...document.querySelectorAll("[aria-label=Preview] section.review-section")];
    window.__mutated = sections.map(() => 0);
    sections.forEach((section, i) => {
      section.querySelector(".section-body").firstElementChild.dataset.marker = `m${i}`;
      new MutationObserver((records) => (window.__mutated[i] += records.length)).observe(section, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
  });
  const liked = page.getByRole("textbox", { name: "What I liked", exact: true });
  await liked.press("End");
  await liked.pressSequentially(" More words.");
  await expect(preview.getByText("More words.", { exact: false })).toBeVisible();
  const mutated = await page.evaluate(() => window.__mutated);
  expect(mutated[1]).toBeGreaterThan(0);
  expect([mutated[0], mutated[2], mutated[3]]).toEqual([0, 0, 0]);
  const markers = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label=Preview] [data-marker]")].map((n) => n.dataset.marker),
  );
  expect(markers).toEqual(["m0", "m2", "m3"]);
});
