// Sizes: a review holds up to its cap (2 MB of text). A 1 MB paste is taken; a 5 MB one is
// refused whole, with a message, and changes nothing: not the editor, the preview, or storage.
import { test, expect } from "@playwright/test";

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
