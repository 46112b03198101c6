// Storage faults caused for real: a localStorage filled to its quota, records written by an
// older and by a newer version of Verdict, and a corrupt record beside good ones.
import { test, expect } from "@playwright/test";
import {
  CURRENT_SCHEMA,
  alertMatching,
  button,
  downloadFrom,
  draftRecord,
  expectAllSaved,
  field,
  openReviews,
  ratingSelect,
  readStoredDraft,
  reviewItems,
  reviewsDialog,
  saveStatus,
  sectionBody,
  seedStorage,
  showSpoilers,
  storageSnapshot,
  chooseFromMenu,
  openDetails,
} from "./helpers.js";

/**
 * Fills localStorage up to the browser's real quota with `filler:N` keys (halving the chunk
 * until even a one-character value no longer fits); returns how many keys were written.
 */
async function fillStorageToQuota(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler:${n}`, chunk);
          n++;
        } catch (e) {
          if (e.name !== "QuotaExceededError") throw e;
          break;
        }
      }
    }
    return n;
  });
}

async function removeFiller(page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler:")) localStorage.removeItem(key);
  });
}

test("a really full localStorage: not saved, explained, last copy intact, downloadable, and saving resumes once there is room", async ({ page }) => {
  await page.goto("/");
  await field(page, "Title").fill("Gilead");
  const body = sectionBody(page, "Synopsis");
  await body.fill("Kept text.");
  await expectAllSaved(page);
  // The first save's history snapshot lands when the browser is idle: wait for it before filling.
  const before = await readStoredDraft(page);
  await expect.poll(() => page.evaluate((id) => localStorage.getItem(`verdict:history:${id}`) !== null, before.id)).toBe(true);
  expect(before.record.review.sections[0].body).toBe("Kept text.");
  const summaryBefore = await page.evaluate((id) => localStorage.getItem(`verdict:summary:${id}`), before.id);

  const fillers = await fillStorageToQuota(page);
  expect(fillers).toBeGreaterThan(1);
  // Truly full: less room is left than the words about to be typed need.
  expect(
    await page.evaluate(() => {
      try {
        localStorage.setItem("p", "x".repeat(30));
        localStorage.removeItem("p");
        return "stored";
      } catch (e) {
        return e.name;
      }
    }),
  ).toBe("QuotaExceededError");

  await body.click();
  await body.press("End");
  await page.keyboard.type(" Unsaved words that need room.");
  await expect(saveStatus(page)).toHaveText("Changes not saved", { timeout: 3_000 });
  const alert = alertMatching(page, /storage for this site is full/);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/download/i);
  await expect(body).toHaveValue("Kept text. Unsaved words that need room.");
  const during = await readStoredDraft(page);
  expect(during.id).toBe(before.id);
  expect(during.raw, "the last saved record is byte-identical").toBe(before.raw);
  expect(await page.evaluate((id) => localStorage.getItem(`verdict:summary:${id}`), before.id)).toBe(summaryBefore);

  // The download the alert suggests works and holds the unsaved words.
  const file = await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"));
  expect(file.name).toMatch(/\.md$/);
  expect(file.bytes.toString("utf8")).toContain("Kept text. Unsaved words that need room.");
  await expect(saveStatus(page)).toHaveText("Changes not saved");

  // Room again: the retry (every 5 s) saves without anything being clicked.
  await removeFiller(page);
  await expect(saveStatus(page)).toHaveText("All changes saved", { timeout: 8_000 });
  await expect(alertMatching(page, /storage for this site is full/)).toHaveCount(0);
  const after = await readStoredDraft(page);
  expect(after.id).toBe(before.id);
  expect(after.record.review.sections[0].body).toBe("Kept text. Unsaved words that need room.");
  expect(after.record.review.metadata.title).toBe("Gilead");
  expect(after.record.revision).toBeGreaterThan(before.record.revision);
});

test("a schema 1 record opens with its text and is saved in the current schema with created_at and a summary", async ({ page }) => {
  const v1 = draftRecord({
    id: "old-one",
    schema: 1,
    revision: 3,
    title: "Housekeeping",
    author: "Marilynne Robinson",
    body: "Ruth and Lucille in *Fingerbone*.",
    savedAt: "2026-02-03T04:05:06.000Z",
    showSpoilers: true,
  });
  expect(v1).not.toHaveProperty("created_at");
  const raw = JSON.stringify(v1);
  await seedStorage(page, { "verdict:draft:old-one": raw }, "old-one");

  await expect(field(page, "Title")).toHaveValue("Housekeeping");
  await expect(field(page, "Author")).toHaveValue("Marilynne Robinson");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Ruth and Lucille in *Fingerbone*.");
  await expect(showSpoilers(page)).toBeChecked();

  // Until the migrating save replaces it whole, the old text stays exactly as it was.
  const seen = [];
  await expect
    .poll(
      async () => {
        const stored = await page.evaluate(() => localStorage.getItem("verdict:draft:old-one"));
        seen.push(stored);
        return stored === raw ? 1 : JSON.parse(stored).schema;
      },
      { timeout: 3_000, intervals: [50] },
    )
    .toBe(CURRENT_SCHEMA);
  for (const stored of seen) {
    if (stored !== raw) expect(JSON.parse(stored).schema).toBe(CURRENT_SCHEMA);
  }
  await expectAllSaved(page);

  const migrated = (await readStoredDraft(page)).record;
  expect(migrated.id).toBe("old-one");
  expect(migrated.created_at).toBe("2026-02-03T04:05:06.000Z");
  expect(migrated.revision).toBe(4);
  expect(migrated.review).toEqual(v1.review);
  expect(migrated.view).toEqual({ show_spoilers: true });
  const summary = JSON.parse(await page.evaluate(() => localStorage.getItem("verdict:summary:old-one")));
  expect(summary).toMatchObject({ schema: 1, id: "old-one", title: "Review: Housekeeping by Marilynne Robinson", saved_at: migrated.saved_at, words: 5 });

  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).first()).toContainText("Review: Housekeeping by Marilynne Robinson");
  await expect(reviewItems(page).first()).toContainText("5 words");
  await reviewsDialog(page).getByRole("button", { name: "Close", exact: true }).click();

  await page.reload();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Ruth and Lucille in *Fingerbone*.");
  await expect(saveStatus(page)).toHaveText("All changes saved");
});

test("a schema 1 draft opened from Reviews is listed from its body and migrated when opened", async ({ page }) => {
  const v1 = draftRecord({ id: "old-two", schema: 1, revision: 2, title: "Lila", body: "Old words.", savedAt: "2026-02-01T00:00:00.000Z" });
  const raw = JSON.stringify(v1);
  const current = draftRecord({ id: "now", title: "Gilead", savedAt: "2026-05-01T00:00:00.000Z" });
  await seedStorage(page, { "verdict:draft:old-two": raw, "verdict:draft:now": JSON.stringify(current) }, "now");
  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(2);
  await expect(reviewItems(page).nth(1)).toContainText("Review: Lila");
  await expect(reviewItems(page).nth(1)).toContainText("2 words");
  // Listing it wrote nothing.
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:old-two"))).toBe(raw);

  await reviewsDialog(page).getByRole("button", { name: "Open Review: Lila", exact: true }).click();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Old words.");
  await expect
    .poll(async () => JSON.parse(await page.evaluate(() => localStorage.getItem("verdict:draft:old-two"))).schema, { timeout: 3_000 })
    .toBe(CURRENT_SCHEMA);
  await expectAllSaved(page);
  const migrated = JSON.parse(await page.evaluate(() => localStorage.getItem("verdict:draft:old-two")));
  expect(migrated.created_at).toBe("2026-02-01T00:00:00.000Z");
  expect(migrated.review).toEqual(v1.review);
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem("verdict:summary:old-two")))).toMatchObject({ id: "old-two", title: "Review: Lila", words: 2 });
});

/** A record written by a future Verdict: schema 99 with fields this version does not know. */
function newerRecord() {
  const record = draftRecord({
    id: "from-the-future",
    revision: 7,
    title: "Gilead",
    author: "Marilynne Robinson",
    body: "Written by a newer Verdict.",
    savedAt: "2026-06-01T12:00:00.000Z",
  });
  record.schema = 99;
  record.future_field = { colour: "teal", list: [1, 2, 3] };
  record.review.sections[0].mood = "calm";
  return record;
}

/** Asserts the editor is read-only: disabled controls and the read-only status. */
async function expectReadOnly(page) {
  await expect(saveStatus(page)).toHaveText("Read-only: not saved");
  for (const name of ["Title", "Author", "Post title"]) await expect(field(page, name), name).toBeDisabled();
  await expect(sectionBody(page, "Synopsis")).toBeDisabled();
  await expect(ratingSelect(page)).toBeDisabled();
  await expect(button(page, "Add section")).toBeDisabled();
}

test("a record from a newer version opens read-only, is never written, and can still be downloaded", async ({ page }) => {
  const raw = JSON.stringify(newerRecord());
  await seedStorage(page, { "verdict:draft:from-the-future": raw }, "from-the-future");
  const before = await storageSnapshot(page);

  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Written by a newer Verdict.");
  const alert = alertMatching(page, /newer version/);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/read-only/);
  await expectReadOnly(page);

  // Trying to type changes nothing, on screen or in storage.
  await field(page, "Title").click({ force: true });
  await page.keyboard.type("Changed");
  await sectionBody(page, "Synopsis").click({ force: true });
  await page.keyboard.type(" more");
  // Leaving the page saves whatever is unsaved at once: a read-only review has nothing to save.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Written by a newer Verdict.");
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:from-the-future"))).toBe(raw);
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(saveStatus(page)).toHaveText("Read-only: not saved");

  const file = await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"));
  const markdown = file.bytes.toString("utf8");
  expect(markdown).toContain("Gilead");
  expect(markdown).toContain("Written by a newer Verdict.");

  // Still read-only, and still untouched, after a reload.
  await page.reload();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expectReadOnly(page);
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:from-the-future"))).toBe(raw);
});

test("opening a newer-version record from Reviews is read-only too, and opening another one makes the editor editable again", async ({ page }) => {
  const raw = JSON.stringify(newerRecord());
  const good = draftRecord({ id: "good", title: "Beloved", body: "Editable.", savedAt: "2026-05-01T00:00:00.000Z" });
  await seedStorage(page, { "verdict:draft:from-the-future": raw, "verdict:draft:good": JSON.stringify(good) }, "good");
  await expect(field(page, "Title")).toBeEnabled();

  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(2);
  await reviewsDialog(page).getByRole("button", { name: "Open Review: Gilead by Marilynne Robinson", exact: true }).click();
  await expect(reviewsDialog(page)).toBeHidden();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expectReadOnly(page);
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:from-the-future"))).toBe(raw);

  await openReviews(page);
  await reviewsDialog(page).getByRole("button", { name: "Open Review: Beloved", exact: true }).click();
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(field(page, "Title")).toBeEnabled();
  await sectionBody(page, "Synopsis").fill("Editable again.");
  await expectAllSaved(page);
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem("verdict:draft:good"))).review.sections[0].body).toBe("Editable again.");
  expect(await page.evaluate(() => localStorage.getItem("verdict:draft:from-the-future"))).toBe(raw);
});

test("the alert about a newer-version record is shown when it is opened from Reviews, not only at start", async ({ page }) => {
  const raw = JSON.stringify(newerRecord());
  const good = draftRecord({ id: "good", title: "Beloved", body: "Editable.", savedAt: "2026-05-01T00:00:00.000Z" });
  await seedStorage(page, { "verdict:draft:from-the-future": raw, "verdict:draft:good": JSON.stringify(good) }, "good");
  await openReviews(page);
  await reviewsDialog(page).getByRole("button", { name: "Open Review: Gilead by Marilynne Robinson", exact: true }).click();
  await expect(saveStatus(page)).toHaveText("Read-only: not saved");
  const alert = alertMatching(page, /newer version/);
  await expect(alert).toBeVisible({ timeout: 3_000 });
  await expect(alert).toContainText(/read-only/);
});

test("a corrupt current record among two good drafts: a new review starts and both good ones are listed", async ({ page }) => {
  const a = draftRecord({ id: "good-a", title: "Gilead", body: "First good one.", savedAt: "2026-03-01T00:00:00.000Z" });
  const b = draftRecord({ id: "good-b", title: "Beloved", body: "Second good one.", savedAt: "2026-04-01T00:00:00.000Z" });
  await seedStorage(
    page,
    { "verdict:draft:good-a": JSON.stringify(a), "verdict:draft:good-b": JSON.stringify(b), "verdict:draft:bad": "{broken" },
    "bad",
  );
  await expect(field(page, "Title")).toHaveValue("");
  await expect(page.getByRole("alert").filter({ has: button(page, "Download the unreadable record") })).toBeVisible();

  const dialog = await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(2);
  await expect(reviewItems(page).nth(0)).toContainText("Review: Beloved");
  await expect(reviewItems(page).nth(1)).toContainText("Review: Gilead");
  await expect(
    dialog.getByRole("list", { name: "Records that cannot be read", exact: true }).getByRole("listitem"),
  ).toContainText(["verdict:draft:bad"]);
  await dialog.getByRole("button", { name: "Open Review: Gilead", exact: true }).click();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("First good one.");
  const stored = await storageSnapshot(page);
  expect(stored["verdict:draft:bad"]).toBe("{broken");
  expect(stored["verdict:draft:good-a"]).toBe(JSON.stringify(a));
  expect(stored["verdict:draft:good-b"]).toBe(JSON.stringify(b));
  expect(stored["verdict:current"]).toBe("good-a");
});

test("every stored record damaged: start-up says so, offers one for download, and starts a new review", async ({ page }) => {
  await page.goto("/");
  await field(page, "Title").fill("Gilead");
  await sectionBody(page, "Synopsis").fill("Text that will be damaged.");
  await expectAllSaved(page);
  const before = await readStoredDraft(page);
  // Cut every value of Verdict's in half, the pointer to the open draft included.
  const damaged = await page.evaluate(() => {
    const out = {};
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith("verdict:")) continue;
      const value = localStorage.getItem(key);
      out[key] = value.slice(0, Math.floor(value.length / 2));
      localStorage.setItem(key, out[key]);
    }
    return out;
  });
  await page.reload();
  await expect(field(page, "Title")).toHaveValue("");
  const alert = alertMatching(page, /could not be read/);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("kept untouched");
  const file = await downloadFrom(page, () => alert.getByRole("button", { name: "Download the unreadable record" }).click());
  expect(file.bytes.toString("utf8")).toBe(damaged[`verdict:draft:${before.id}`]);
  const after = await storageSnapshot(page);
  expect(after[`verdict:draft:${before.id}`]).toBe(damaged[`verdict:draft:${before.id}`]);
});

test("a pointer to a missing draft opens the most recent readable draft, not an empty review", async ({ page }) => {
  const a = draftRecord({ id: "good-a", title: "Gilead", body: "Older.", savedAt: "2026-03-01T00:00:00.000Z" });
  const b = draftRecord({ id: "good-b", title: "Beloved", body: "Newer.", savedAt: "2026-04-01T00:00:00.000Z" });
  await seedStorage(page, { "verdict:draft:good-a": JSON.stringify(a), "verdict:draft:good-b": JSON.stringify(b) }, "gone");
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Newer.");
  await expectAllSaved(page);
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe("good-b");
});

test("storage full on the very first visit: once there is room the draft and its pointer are saved", async ({ page }) => {
  await page.goto("/");
  await expect(field(page, "Title")).toBeVisible();
  await page.evaluate(() => localStorage.clear());
  await fillStorageToQuota(page);
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBeNull();
  await field(page, "Title").fill("First visit");
  await expect(saveStatus(page)).toHaveText("Changes not saved");
  await removeFiller(page);
  // Saving resumes by itself (a retry every few seconds).
  await expectAllSaved(page, 10_000);
  const stored = await readStoredDraft(page);
  expect(stored.id).not.toBeNull();
  expect(stored.record.review.metadata.title).toBe("First visit");
  await page.reload();
  // A filled review opens with its details folded.
  await openDetails(page);
  await expect(field(page, "Title")).toHaveValue("First visit");
});

test("a record whose id differs from its key opens and saves under its key", async ({ page }) => {
  const record = draftRecord({ id: "b", title: "Gilead", body: "Stored under a." });
  await seedStorage(page, { "verdict:draft:a": JSON.stringify(record) }, "a");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Stored under a.");
  await sectionBody(page, "Synopsis").fill("Edited under a.");
  await expectAllSaved(page);
  const stored = await storageSnapshot(page);
  expect(stored["verdict:draft:b"]).toBeUndefined();
  expect(JSON.parse(stored["verdict:draft:a"]).review.sections[0].body).toBe("Edited under a.");
  await page.reload();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Edited under a.");
});
