// Remote images ask before they tell: an image in a closed spoiler does not load until the
// spoiler is shown, none goes with a Referer, and plain-http images and covers are not shown
// (the page's policy allows images over https only) and are left out of the exports. Images
// whose address came in a file wait as placeholders until the writer allows them.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { expectAllSaved, field, openEditor, preview, readStoredDraft, sectionBody, setShowSpoilers, chooseFromMenu } from "./helpers.js";

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

/** Every request to a host other than the app's own, as `host/path`, from now on. */
function countOtherHosts(page, context) {
  const requests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") requests.push(url.hostname + url.pathname);
  });
  // Answered here: nothing leaves the machine.
  context.route(/^https:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL }));
  return requests;
}

const openFile = (page) => page.getByLabel("Open file", { exact: true });

/** A review file from someone else, with remote images in plain view and behind spoilers. */
function trackedFile() {
  const review = {
    metadata: { title: "Tracked", cover_image: "https://tracker.example/cover.png?reader=you" },
    post_title: "",
    sections: [
      { id: 1, heading: "Seen", body: "Look: ![the pixel](https://tracker.example/pixel.gif?opened=1) and ![](https://other.example/o.png)", spoiler: false },
      { id: 2, heading: "Hidden", body: "Later. ||![](https://tracker.example/inline.gif)||", spoiler: false },
      { id: 3, heading: "Secret", body: "![](https://tracker.example/section.gif)", spoiler: true },
    ],
    rating: null,
  };
  return { name: "tracked.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "verdict-review", version: 2, review })) };
}

test("images from an opened file wait until the writer allows them: once, by host (remembered), or for the review", async ({ page, context }) => {
  const requests = countOtherHosts(page, context);
  await openEditor(page);
  await openFile(page).setInputFiles(trackedFile());
  await expect(page.getByText(/Opened .tracked\.json. as a new review/)).toBeVisible();
  // The cover and the pixel; the spoilers' placeholders are hidden with them.
  await expect(preview(page).getByRole("button", { name: "Load image from tracker.example", exact: true })).toHaveCount(2);
  await expect(preview(page).getByText("Image from tracker.example (“the pixel”)")).toBeVisible();
  await expect(preview(page).getByRole("button", { name: "Load image from other.example", exact: true })).toBeVisible();
  await expectAllSaved(page);
  // Drawn, and not one image element among them: nothing can load before the writer asks.
  await expect(preview(page).locator("img")).toHaveCount(0);
  expect(requests, "nothing loads before the writer asks").toEqual([]);
  // The placeholders are as accessible as the rest of the page.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Once: the cover only. Focus moves on to the next placeholder's button, not to the page's top.
  await preview(page).getByRole("button", { name: "Load image from tracker.example", exact: true }).first().click();
  await expect(preview(page).getByRole("img", { name: "Cover of Tracked" })).toBeVisible();
  await expect.poll(() => requests).toEqual(["tracker.example/cover.png"]);
  await expect(preview(page).getByRole("button", { name: "Load image from tracker.example", exact: true })).toBeFocused();

  // Always from that host: the pixel in plain view too; not the ones behind closed spoilers.
  await preview(page).getByRole("button", { name: "Always load from tracker.example", exact: true }).click();
  await expect(preview(page).getByRole("img", { name: "the pixel" })).toBeVisible();
  await expect.poll(() => requests).toEqual(["tracker.example/cover.png", "tracker.example/pixel.gif"]);
  // The hidden ones were drawn with the pixel: once it has loaded, they would have too.
  await expect(preview(page).getByRole("img", { name: "the pixel" })).toHaveJSProperty("naturalWidth", 1);
  expect(requests).toHaveLength(2);
  expect(await page.evaluate(() => localStorage.getItem("verdict:image-hosts"))).toBe("tracker.example");

  // Remembered after a reload; other hosts still wait.
  requests.length = 0;
  await page.reload();
  await expect(preview(page).getByRole("img", { name: "the pixel" })).toBeVisible();
  await expect(preview(page).getByRole("button", { name: "Load image from other.example", exact: true })).toBeVisible();
  await expect.poll(() => [...requests].sort()).toEqual(["tracker.example/cover.png", "tracker.example/pixel.gif"]);

  // The spoilers' images load once the spoilers are shown, and only then.
  await setShowSpoilers(page, true);
  await expect.poll(() => requests.length).toBe(4);
  expect([...requests].sort()).toEqual(["tracker.example/cover.png", "tracker.example/inline.gif", "tracker.example/pixel.gif", "tracker.example/section.gif"]);

  // For this review: everything left, and it stays so after a reload.
  await preview(page).getByRole("button", { name: "Load all images in this review", exact: true }).click();
  await expect.poll(() => requests).toContain("other.example/o.png");
  await expect(preview(page).getByRole("button", { name: /^Load image from / })).toHaveCount(0);
  // No placeholder is left to go on to: focus is on the preview itself.
  await expect(page.getByRole("region", { name: "Preview" })).toBeFocused();
  await expectAllSaved(page);
  requests.length = 0;
  await page.reload();
  await expect.poll(() => [...requests].sort()).toEqual(["other.example/o.png", "tracker.example/cover.png", "tracker.example/inline.gif", "tracker.example/pixel.gif", "tracker.example/section.gif"]);
  await expect(preview(page).getByRole("button", { name: /^Load image from / })).toHaveCount(0);
});

test("addresses the writer types load at once, an address from a file typed again too, and exports keep every image", async ({ page, context }) => {
  const requests = countOtherHosts(page, context);
  await openEditor(page);
  await openFile(page).setInputFiles(trackedFile());
  await expect(page.getByText(/Opened .tracked\.json. as a new review/)).toBeVisible();
  await expectAllSaved(page);

  // Typed here: the writer's own.
  await sectionBody(page, "Hidden").fill("Mine: ![typed](https://typed.example/t.png)");
  await expect(preview(page).getByRole("img", { name: "typed" })).toBeVisible();
  await expect.poll(() => requests).toEqual(["typed.example/t.png"]);

  // Deleted, then typed again: the writer's own from then on.
  const seen = sectionBody(page, "Seen");
  await seen.fill("Look:");
  await expect.poll(async () => (await readStoredDraft(page)).record?.review.metadata.images_from_outside ?? []).toEqual(["https://tracker.example/cover.png?reader=you", "https://tracker.example/section.gif"]);
  await seen.fill("Look: ![again](https://other.example/o.png)");
  await expect(preview(page).getByRole("img", { name: "again" })).toBeVisible();
  await expect.poll(() => requests).toEqual(["typed.example/t.png", "other.example/o.png"]);
  // The cover still waits.
  await expect(preview(page).getByRole("button", { name: "Load image from tracker.example", exact: true })).toBeVisible();

  // The published post shows its images.
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download HTML page")]);
  const html = readFileSync(await download.path(), "utf8");
  expect(html).toContain('src="https://tracker.example/cover.png?reader=you"');
  expect(html).not.toContain("image-held");
});
