// The app's Content-Security-Policy and its safety net: the release build runs with no inline
// script and no policy violation, and a panic, a trap or a failed start never leaves a blank
// page: the person gets a message and their last saved review as a download.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

test("the release build loads and works under its policy with no violation", async ({ page }) => {
  const violations = [];
  await page.exposeFunction("__reportViolation", (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("unsafe-inline");
  expect(await page.locator("script:not([src])").count()).toBe(0);
  await page.getByLabel("Title", { exact: true }).fill("Policy");
  await page.getByRole("textbox", { name: "Synopsis", exact: true }).fill("Some *text* with ||a spoiler|| and ![img](https://example.com/i.png)");
  await page.getByRole("region", { name: "Preview" }).getByText("Show spoilers").click();
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("heading", { level: 1 })).toHaveText("Review: Policy");
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test("a panic replaces the page with a message and the last saved review", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Title", { exact: true }).fill("Rescued Book");
  await page.getByRole("textbox", { name: "What I liked", exact: true }).fill("Every word of this must survive.");
  await expect(page.getByRole("status")).toHaveText("All changes saved");
  await page.evaluate(() => window.dispatchEvent(new Event("verdict-test-panic")));
  await expect(page.getByRole("heading", { name: "Verdict stopped working" })).toBeVisible();
  await expect(page.getByText("download it now", { exact: false })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my review" }).click()]);
  expect(download.suggestedFilename()).toBe("verdict-rescued-review.md");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("# Review: Rescued Book");
  expect(text).toContain("## What I liked");
  expect(text).toContain("Every word of this must survive.");
  await expect(page.getByRole("button", { name: "Reload Verdict" })).toBeVisible();
});

test("if the app cannot start, the page says so and still offers the saved review", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem("verdict:current", "d1");
    localStorage.setItem(
      "verdict:draft:d1",
      JSON.stringify({ schema: 1, id: "d1", revision: 4, saved_at: "2026-11-25T10:00:00Z", review: { metadata: { title: "Kept" }, post_title: "", sections: [{ id: 1, heading: "Synopsis", body: "Saved words.", spoiler: false }], rating: null }, view: {} }),
    );
  });
  await page.route("**/verdict_bg-*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Verdict stopped working" })).toBeVisible();
  await expect(page.getByText("could not start", { exact: false })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my review" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("# Review: Kept");
  expect(text).toContain("Saved words.");
});
