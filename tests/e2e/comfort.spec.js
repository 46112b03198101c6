// Comfort: the Theme switch (light, dark, following the system), keyboard shortcuts with their
// help dialog, and the print style.
import { test, expect } from "@playwright/test";
import { button, field, openEditor, preview, sectionBody, showSpoilers, chooseFromMenu, chooseTheme, openMenu } from "./helpers.js";

/** The theme checked in the app bar's Menu (`System`, `Light` or `Dark`), read with the menu open. */
async function checkedTheme(page) {
  const menu = await openMenu(page);
  const name = await menu.getByRole("menuitemradio", { checked: true }).textContent();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  return name.trim();
}

async function pageBackground(page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test("the theme follows the system until chosen, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openEditor(page);
  expect(await checkedTheme(page)).toBe("System");
  const darkBySystem = await pageBackground(page);
  await page.emulateMedia({ colorScheme: "light" });
  const lightBySystem = await pageBackground(page);
  expect(darkBySystem).not.toBe(lightBySystem);

  await chooseTheme(page, "Dark");
  expect(await pageBackground(page)).toBe(darkBySystem);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();
  expect(await checkedTheme(page)).toBe("Dark");
  expect(await pageBackground(page)).toBe(darkBySystem);
  // The preview's post follows the theme too: light text on the dark pane.
  await sectionBody(page, "Synopsis").fill("Some text.");
  const ink = await preview(page).locator("article").evaluate((el) => getComputedStyle(el).color);
  expect(ink).toBe("rgb(235, 235, 240)");

  await chooseTheme(page, "System");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.*/);
  expect(await page.evaluate(() => localStorage.getItem("verdict:theme"))).toBeNull();
  expect(await pageBackground(page)).toBe(lightBySystem);
});

test("Ctrl+/ and the Keyboard shortcuts menu item list every shortcut", async ({ page }) => {
  await openEditor(page);
  await sectionBody(page, "Synopsis").click();
  await page.keyboard.press("Control+/");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const keys of ["Ctrl+B", "Ctrl+I", "Ctrl+K", "Ctrl+Alt+S", "Ctrl+Alt+N", "Ctrl+Alt+P", "Ctrl+Alt+E", "Ctrl+Z", "Ctrl+/"]) {
    await expect(dialog.getByText(keys, { exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await chooseFromMenu(page, "Keyboard shortcuts");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("formatting shortcuts wrap the selection in a section's text", async ({ page }) => {
  await openEditor(page);
  const body = sectionBody(page, "Synopsis");
  await body.fill("good");
  await body.selectText();
  await page.keyboard.press("Control+b");
  await expect(body).toHaveValue("**good**");
  // The wrapped word stays selected, so shortcuts combine.
  await page.keyboard.press("Control+i");
  await expect(body).toHaveValue("***good***");
  await body.fill("the butler did it");
  await body.evaluate((el) => el.setSelectionRange(4, 10));
  await page.keyboard.press("Control+Alt+s");
  await expect(body).toHaveValue("the ||butler|| did it");
  await body.fill("see site");
  await body.evaluate((el) => el.setSelectionRange(4, 8));
  await page.keyboard.press("Control+k");
  await expect(body).toHaveValue("see [site](https://)");
  // The address is selected: typing replaces it.
  await page.keyboard.type("https://example.com");
  await expect(body).toHaveValue("see [site](https://example.com)");
  // Letters typed without Ctrl are just text.
  await page.keyboard.press("End");
  await page.keyboard.type(" bsnpe");
  await expect(body).toHaveValue("see [site](https://example.com) bsnpe");
  await expect(preview(page).getByRole("link", { name: "site" })).toHaveAttribute("href", "https://example.com");
});

test("app shortcuts: add a section, toggle spoilers, open Export", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").click();
  await page.keyboard.press("Control+Alt+n");
  const heading = page.getByRole("textbox", { name: "Heading of Untitled section 5", exact: true });
  await expect(heading).toBeFocused();
  await expect(showSpoilers(page)).not.toBeChecked();
  await page.keyboard.press("Control+Alt+p");
  await expect(showSpoilers(page)).toBeChecked();
  await page.keyboard.press("Control+Alt+p");
  await expect(showSpoilers(page)).not.toBeChecked();
  await page.keyboard.press("Control+Alt+e");
  await expect(page.getByRole("dialog", { name: "Export" })).toBeVisible();
  // Inside a dialog, editing shortcuts do nothing.
  await page.keyboard.press("Control+Alt+n");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("textbox", { name: /^Heading of Untitled section 6$/ })).toHaveCount(0);
});

test("printing shows the post alone", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("Gilead");
  await sectionBody(page, "Synopsis").fill("A letter from a father.");
  await page.emulateMedia({ media: "print" });
  await expect(field(page, "Title")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(preview(page).getByRole("heading", { level: 1, name: "Review: Gilead" })).toBeVisible();
  await expect(preview(page).getByText("A letter from a father.")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(field(page, "Title")).toBeVisible();
});

test("from a phone to a wide screen, nothing scrolls sideways and the sticky parts stay below the app bar", async ({ page }) => {
  for (const [width, height] of [[360, 740], [390, 844], [768, 1024], [1024, 768], [1440, 900], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await openEditor(page);
    await sectionBody(page, "Synopsis").fill("A long line of text ".repeat(40));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${width}px wide`).toBeLessThanOrEqual(0);
    if (width > 960) {
      // Scrolled down, the formatting toolbar sticks just below the app bar, fully visible.
      await page.mouse.wheel(0, 600);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const [bar, toolbar] = await Promise.all([
        page.getByRole("banner").boundingBox(),
        page.getByRole("toolbar", { name: "Formatting" }).boundingBox(),
      ]);
      expect(toolbar.y, `${width}px wide`).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    }
  }
});
