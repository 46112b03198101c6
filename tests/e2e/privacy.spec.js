// Remote images ask before they tell: an image in a closed spoiler does not load until the
// spoiler is shown, none goes with a Referer, and plain-http images and covers are not shown
// (the page's policy allows images over https only) and are left out of the exports.
import { test, expect } from "@playwright/test";
import { expectAllSaved, field, openEditor, preview, sectionBody, setShowSpoilers } from "./helpers.js";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

test("an image inside a closed spoiler loads only once it is shown, without a Referer", async ({ page, context }) => {
  const requests = [];
  await context.route("https://tracker.example/**", (route) => {
    requests.push({ url: route.request().url(), referer: route.request().headers().referer });
    route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL });
  });
  await openEditor(page);
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "Synopsis").fill("![](https://tracker.example/section.gif?opened=1)");
  await sectionBody(page, "What I liked").fill("Nice. ||![](https://tracker.example/inline.gif?opened=1)||");
  // An image in plain view, drawn with them: once it has loaded, the hidden ones would have too.
  await sectionBody(page, "Final verdict").fill("![](https://tracker.example/visible.gif)");
  await expectAllSaved(page);
  await expect(preview(page).locator('img[src*="section.gif"]')).toBeAttached();
  await expect(preview(page).locator('img[src*="inline.gif"]')).toBeAttached();
  await expect.poll(() => requests.map((r) => new URL(r.url).pathname)).toEqual(["/visible.gif"]);

  await setShowSpoilers(page, true);
  await expect.poll(() => requests.length).toBe(3);
  for (const request of requests) expect(request.referer, request.url).toBeUndefined();
});

test("plain-http images and covers are not loaded, and the cover field says why", async ({ page, context }) => {
  const requests = [];
  await context.route(/^http:\/\/(?!127\.0\.0\.1)/, (route) => {
    requests.push(route.request().url());
    route.abort();
  });
  await openEditor(page);
  await sectionBody(page, "What I liked").fill("See ![the map](http://plain.example/map.png) here.");
  await field(page, "Cover image").fill("http://plain.example/cover.jpg");
  await expectAllSaved(page);
  // Shown as its text, not as an image.
  await expect(preview(page).getByText("See the map here.")).toBeVisible();
  await expect(preview(page).locator("img")).toHaveCount(0);
  await expect(page.getByText(/A cover image needs a full web address starting with https:\/\//)).toBeVisible();
  expect(requests).toEqual([]);
});
