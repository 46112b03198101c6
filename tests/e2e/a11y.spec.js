// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no violation in any state of the app:
// empty and full review, spoilers hidden and shown, each dialog and notice open, narrow and
// wide viewports, light and dark colour schemes (from the system and from the Theme switch),
// other templates and the person's own fields.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { showView, button, expectAllSaved, field, openEditor, ratingSelect, sectionAction, sectionBody, setShowSpoilers, chooseFromMenu, chooseTheme } from "./helpers.js";

async function expectNoViolations(page, state) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  expect(found, `axe violations with ${state}`).toEqual([]);
}

async function fillReview(page) {
  await field(page, "Title").fill("Gilead");
  await field(page, "Author").fill("Marilynne Robinson");
  await field(page, "Pages").fill("24x");
  await field(page, "Genre").fill("literary, faith");
  await sectionBody(page, "Synopsis").fill("John Ames writes to his son.\n\n- one\n- [a link](https://example.org)");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill("The ||ending|| and the *prose*.");
  await ratingSelect(page).selectOption("4.5");
  await expectAllSaved(page);
}

for (const scheme of ["light", "dark"]) {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    test(`no violations (${scheme}, ${width}px): empty, full, spoilers shown, notices and dialogs`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await openEditor(page);
      await expectNoViolations(page, "an empty review");
      await fillReview(page);
      await expectNoViolations(page, "a full review with a field error");
      // On a phone the preview is behind its tab.
      await showView(page, "Preview");
      await setShowSpoilers(page, true);
      await expectNoViolations(page, "spoilers shown");
      await showView(page, "Write");
      await (await sectionAction(page, "Final verdict", "Remove Final verdict")).click();
      await expectNoViolations(page, "the removal notice");
      await page.getByLabel("Open file", { exact: true }).setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{broken") });
      await expect(page.getByRole("alert").filter({ hasText: "not valid JSON" })).toBeVisible();
      await expectNoViolations(page, "an alert");
      for (const [opener, name] of [["Reviews", "Reviews"], ["History", "History"], ["Export", "Export"], ["Keyboard shortcuts", "Keyboard shortcuts"]]) {
        if (opener === "Export") await button(page, opener).click();
        else await chooseFromMenu(page, opener);
        await expect(page.getByRole("dialog", { name })).toBeVisible();
        await expectNoViolations(page, `the ${name} dialog`);
        await page.keyboard.press("Escape");
        await expect(page.getByRole("dialog", { name })).toBeHidden();
      }
      // Another template, the person's own fields, a refused cover address, a likely typo.
      await page.getByRole("combobox", { name: "Template" }).selectOption({ label: "Film" });
      await button(page, "Add a field").click();
      await field(page, "Name of field 1").fill("Seen at");
      await field(page, "Cover image").fill("not a web address");
      await expectNoViolations(page, "the film template with a custom field");
      // The theme chosen in the app (not only the system's) is checked too.
      await chooseTheme(page, scheme === "light" ? "Dark" : "Light");
      await expectNoViolations(page, `the ${scheme === "light" ? "dark" : "light"} theme chosen in the app`);
    });
  }
}
