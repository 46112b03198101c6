// The `Reviews` dialog: every draft listed (newest first) with Open, Duplicate and Delete; New
// review; the trash with Restore and Empty trash; unreadable records offered as downloads; and
// Back up all / Restore from backup, which never overwrites anything.
import { test, expect } from "@playwright/test";
import {
  CURRENT_SCHEMA,
  browserToday,
  button,
  downloadFrom,
  draftRecord,
  expectAllSaved,
  field,
  openReviews,
  readStoredDraft,
  reviewItems,
  reviewsDialog,
  saveStatus,
  sectionBody,
  seedStorage,
  storageSnapshot,
  chooseFromMenu,
} from "./helpers.js";

// Three drafts saved before today (the browser's clock says 2026-11 or later on this machine,
// and every save made during a test is newer than these).
const GILEAD = draftRecord({
  id: "a-gilead",
  title: "Gilead",
  author: "Marilynne Robinson",
  body: "A letter from a dying pastor.",
  savedAt: "2026-03-01T10:00:00.000Z",
});
const BELOVED = draftRecord({
  id: "b-beloved",
  title: "Beloved",
  author: "Toni Morrison",
  postTitle: "Haunted by Sethe",
  body: "Sixty million and more.",
  savedAt: "2026-05-01T09:30:00.000Z",
});
const UNTITLED = draftRecord({ id: "c-untitled", savedAt: "2026-04-15T00:00:00.000Z" });

const GILEAD_TITLE = "Review: Gilead by Marilynne Robinson";
const BELOVED_TITLE = "Haunted by Sethe";
// The four default headings hold ten words; the bodies add theirs.
// Bodies only: the four template headings are not counted.
const GILEAD_WORDS = 6;
const BELOVED_WORDS = 4;

const draftKey = (id) => `verdict:draft:${id}`;
const summaryKey = (id) => `verdict:summary:${id}`;

/** Storage holding `records` (drafts only, no summaries: listed from their bodies). */
function entriesOf(...records) {
  return Object.fromEntries(records.map((r) => [draftKey(r.id), JSON.stringify(r)]));
}

/** The three drafts above, Gilead open. */
async function seedThree(page, extra = {}) {
  await seedStorage(page, { ...entriesOf(GILEAD, BELOVED, UNTITLED), ...extra }, GILEAD.id);
  await expect(field(page, "Title")).toHaveValue("Gilead");
}

/** `iso` as the app writes dates in the list (the browser's own medium date, short time). */
function localTime(page, iso) {
  return page.evaluate(
    (iso) => new Date(iso).toLocaleString("default", { dateStyle: "medium", timeStyle: "short" }),
    iso,
  );
}

function trashItems(page) {
  return reviewsDialog(page).getByRole("list", { name: "Trash", exact: true }).getByRole("listitem");
}

function dialogButton(page, name) {
  return reviewsDialog(page).getByRole("button", { name, exact: true });
}

function dialogMessage(page) {
  return reviewsDialog(page).locator("[aria-live=polite]");
}

async function closeReviews(page) {
  await dialogButton(page, "Close").click();
  await expect(reviewsDialog(page)).toBeHidden();
}

/** The stored record of draft `id`, parsed (null if absent). */
async function storedRecord(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), draftKey(id));
  return raw === null ? null : JSON.parse(raw);
}

/** Draft ids in storage. */
async function draftIds(page) {
  return Object.keys(await storageSnapshot(page))
    .filter((k) => k.startsWith("verdict:draft:"))
    .map((k) => k.slice("verdict:draft:".length))
    .sort();
}

test("the list shows every draft with its title, last edit and words, newest first, and how much storage it takes", async ({ page }) => {
  await seedThree(page);
  const dialog = await openReviews(page);
  await expect(dialog.getByRole("heading", { level: 2, name: "Reviews" })).toBeVisible();

  const items = reviewItems(page);
  await expect(items).toHaveCount(3);
  // Newest first: Beloved (May), the untitled one (April), Gilead (March).
  await expect(items.nth(0)).toContainText(BELOVED_TITLE);
  await expect(items.nth(0)).toContainText(`Edited ${await localTime(page, BELOVED.saved_at)} · ${BELOVED_WORDS} words`);
  await expect(items.nth(1)).toContainText("Untitled review");
  await expect(items.nth(1)).toContainText(`Edited ${await localTime(page, UNTITLED.saved_at)} · 0 words`);
  await expect(items.nth(2)).toContainText(GILEAD_TITLE);
  await expect(items.nth(2)).toContainText(`Edited ${await localTime(page, GILEAD.saved_at)} · ${GILEAD_WORDS} words`);
  for (const [n, title] of [[0, BELOVED_TITLE], [1, "Untitled review"], [2, GILEAD_TITLE]]) {
    for (const verb of ["Open", "Duplicate", "Delete"]) {
      await expect(items.nth(n).getByRole("button", { name: `${verb} ${title}`, exact: true })).toBeVisible();
    }
  }
  // Only the open one is marked as such.
  await expect(items.nth(2)).toHaveAttribute("aria-current", "true");
  await expect(items.nth(2)).toContainText("(open now)");
  for (const n of [0, 1]) {
    await expect(items.nth(n)).not.toHaveAttribute("aria-current", "true");
    await expect(items.nth(n)).not.toContainText("(open now)");
  }
  await expect(dialog.getByText(/^The trash is empty/)).toBeVisible();

  // The storage line counts Verdict's keys and values (UTF-16, two bytes a unit).
  const storageLine = dialog.getByText(/^Verdict's records use \d+ KB of this browser's local storage for this site \(about 5 MB in all\)\.$/);
  await expect(storageLine).toBeVisible();
  const expectedKb = await page.evaluate(() => {
    let units = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith("verdict:")) units += key.length + localStorage.getItem(key).length;
    }
    return Math.ceil((units * 2) / 1024);
  });
  expect(Number((await storageLine.textContent()).match(/use (\d+) KB/)[1])).toBe(expectedKb);
  await expect(dialog.getByText(/persistent storage/)).toBeVisible();
  await closeReviews(page);

  // Editing Gilead makes it the newest: it moves to the top with its new word count.
  await sectionBody(page, "Synopsis").fill("A letter from a dying pastor to his young son.");
  await expectAllSaved(page);
  await openReviews(page);
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(GILEAD_TITLE);
  await expect(items.nth(0)).toContainText("· 10 words");
  const savedAt = (await readStoredDraft(page)).record.saved_at;
  await expect(items.nth(0)).toContainText(`Edited ${await localTime(page, savedAt)}`);
  await expect(items.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(items.nth(1)).toContainText(BELOVED_TITLE);
  await expect(items.nth(2)).toContainText("Untitled review");
});

test("New review starts an empty review, saves it at once and puts the cursor in Title", async ({ page }) => {
  await seedThree(page);
  const before = await storageSnapshot(page);
  await openReviews(page);
  await dialogButton(page, "New review").click();
  await expect(reviewsDialog(page)).toBeHidden();
  await expect(field(page, "Title")).toBeFocused();
  await expect(field(page, "Title")).toHaveValue("");
  await expect(field(page, "Author")).toHaveValue("");
  for (const heading of ["Synopsis", "What I liked", "What I didn't like", "Final verdict"]) {
    await expect(sectionBody(page, heading)).toHaveValue("");
  }
  await expect(field(page, "Post date")).toHaveValue(await browserToday(page));

  // Saved at once, under a new id, and opened next time; the other drafts are untouched.
  const stored = await readStoredDraft(page);
  expect([GILEAD.id, BELOVED.id, UNTITLED.id]).not.toContain(stored.id);
  expect(stored.record.schema).toBe(CURRENT_SCHEMA);
  expect(stored.record.review.metadata.title).toBe("");
  expect(stored.record.review.sections.map((s) => s.body)).toEqual(["", "", "", ""]);
  const summary = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), summaryKey(stored.id)));
  expect(summary).toMatchObject({ id: stored.id, title: "Untitled review", words: 0 });
  const after = await storageSnapshot(page);
  for (const record of [GILEAD, BELOVED, UNTITLED]) expect(after[draftKey(record.id)]).toBe(before[draftKey(record.id)]);
  await expect(saveStatus(page)).toHaveText("All changes saved");

  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(4);
  await expect(reviewItems(page).first()).toContainText("Untitled review");
  await expect(reviewItems(page).first()).toContainText("(open now)");
  await expect(reviewItems(page).first()).toHaveAttribute("aria-current", "true");
  await expect(reviewItems(page).filter({ hasText: "(open now)" })).toHaveCount(1);
  await closeReviews(page);

  // What is typed goes into the new draft, not the one open before.
  await field(page, "Title").fill("Housekeeping");
  await expectAllSaved(page);
  expect((await readStoredDraft(page)).record.review.metadata.title).toBe("Housekeeping");
  expect(await page.evaluate((k) => localStorage.getItem(k), draftKey(GILEAD.id))).toBe(before[draftKey(GILEAD.id)]);
});

test("Open switches the editor to that draft's text, and a reload reopens the one opened last", async ({ page }) => {
  await seedThree(page);
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A letter from a dying pastor.");
  await openReviews(page);
  await dialogButton(page, `Open ${BELOVED_TITLE}`).click();
  await expect(reviewsDialog(page)).toBeHidden();
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(field(page, "Author")).toHaveValue("Toni Morrison");
  await expect(field(page, "Post title")).toHaveValue(BELOVED_TITLE);
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sixty million and more.");
  await expect(field(page, "Title")).toBeFocused();
  await expect(saveStatus(page)).toHaveText("All changes saved");
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe(BELOVED.id);

  await openReviews(page);
  await expect(reviewItems(page).filter({ hasText: BELOVED_TITLE })).toHaveAttribute("aria-current", "true");
  await expect(reviewItems(page).filter({ hasText: GILEAD_TITLE })).not.toHaveAttribute("aria-current", "true");
  await closeReviews(page);

  // Edits now go to Beloved only.
  await sectionBody(page, "What I liked").fill("The prose.");
  await expectAllSaved(page);
  expect((await storedRecord(page, BELOVED.id)).review.sections[1].body).toBe("The prose.");
  expect(await storedRecord(page, GILEAD.id)).toEqual(GILEAD);

  await page.reload();
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sixty million and more.");
  await expect(sectionBody(page, "What I liked")).toHaveValue("The prose.");

  // And back to Gilead, which opens on the next start.
  await openReviews(page);
  await dialogButton(page, `Open ${GILEAD_TITLE}`).click();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A letter from a dying pastor.");
  await expect(sectionBody(page, "What I liked")).toHaveValue("");
  await page.reload();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A letter from a dying pastor.");
});

test("Duplicate makes an independent copy at the top of the list", async ({ page }) => {
  await seedThree(page);
  const before = await storageSnapshot(page);
  await openReviews(page);
  await dialogButton(page, `Duplicate ${BELOVED_TITLE}`).click();
  await expect(dialogMessage(page)).toHaveText(`Made a copy of “${BELOVED_TITLE}”: it is at the top of the list.`);
  const items = reviewItems(page);
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText(BELOVED_TITLE);
  await expect(items.nth(0)).toContainText(`· ${BELOVED_WORDS} words`);
  await expect(items.filter({ hasText: BELOVED_TITLE })).toHaveCount(2);
  // The editor still shows what was open.
  await expect(items.filter({ hasText: "(open now)" })).toContainText(GILEAD_TITLE);

  const ids = await draftIds(page);
  const copyId = ids.find((id) => ![GILEAD.id, BELOVED.id, UNTITLED.id].includes(id));
  expect(ids).toHaveLength(4);
  const copy = await storedRecord(page, copyId);
  expect(copy.id).toBe(copyId);
  expect(copy.review).toEqual(BELOVED.review);
  expect(copy.view).toEqual(BELOVED.view);
  expect(copy.created_at).toBe(copy.saved_at);
  expect(copy.saved_at > BELOVED.saved_at).toBe(true);
  // Nothing else changed.
  const afterCopy = await storageSnapshot(page);
  for (const key of Object.keys(before)) expect(afterCopy[key], key).toBe(before[key]);

  // Open the copy (the top one) and edit it: the original stays as it was.
  await items.nth(0).getByRole("button", { name: `Open ${BELOVED_TITLE}`, exact: true }).click();
  await expect(field(page, "Title")).toHaveValue("Beloved");
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe(copyId);
  await sectionBody(page, "Synopsis").fill("A copy, rewritten.");
  await field(page, "Post title").fill("Sethe, again");
  await expectAllSaved(page);
  const edited = await storedRecord(page, copyId);
  expect(edited.review.sections[0].body).toBe("A copy, rewritten.");
  expect(edited.review.post_title).toBe("Sethe, again");
  expect(await page.evaluate((k) => localStorage.getItem(k), draftKey(BELOVED.id))).toBe(before[draftKey(BELOVED.id)]);

  await openReviews(page);
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText("Sethe, again");
  await expect(items.filter({ hasText: BELOVED_TITLE })).toHaveCount(1);
  await dialogButton(page, `Open ${BELOVED_TITLE}`).click();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sixty million and more.");
});

test("Duplicate right after typing copies the words just typed, not only what was saved before", async ({ page }) => {
  await seedThree(page);
  await sectionBody(page, "Final verdict").pressSequentially("Five stars.");
  // At once, well inside the half-second autosave delay.
  await chooseFromMenu(page, "Reviews");
  await dialogButton(page, `Duplicate ${GILEAD_TITLE}`).click();
  await expect(reviewItems(page)).toHaveCount(4);
  const copyId = (await draftIds(page)).find((id) => ![GILEAD.id, BELOVED.id, UNTITLED.id].includes(id));
  const copy = await storedRecord(page, copyId);
  expect(copy.review.sections[3].body).toBe("Five stars.");
  expect(copy.review).toEqual((await storedRecord(page, GILEAD.id)).review);
});

test("a draft whose record was damaged after its summary was written is found when opened, kept, and offered as a download", async ({ page }) => {
  // The list is read from the summaries (no draft body is parsed to list it), so a record
  // damaged after its summary was written (a bad disk, another program) is found when it is
  // opened: the editor stays where it was, and the record moves to the unreadable ones.
  await seedThree(page);
  await openReviews(page);
  await dialogButton(page, `Open ${BELOVED_TITLE}`).click();
  await sectionBody(page, "What I liked").fill("Everything.");
  await expectAllSaved(page);
  await openReviews(page);
  await dialogButton(page, `Open ${GILEAD_TITLE}`).click();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  const damaged = '{"schema":2,"id":"b-beloved","revis';
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [draftKey(BELOVED.id), damaged]);
  expect(await page.evaluate((k) => localStorage.getItem(k), summaryKey(BELOVED.id))).toBeTruthy();

  const dialog = await openReviews(page);
  await dialogButton(page, `Open ${BELOVED_TITLE}`).click();
  await expect(dialog.getByRole("alert")).toContainText("could not be opened");
  await expect(dialog.getByRole("alert")).toContainText("kept untouched");
  const unreadable = dialog.getByRole("list", { name: "Records that cannot be read", exact: true }).getByRole("listitem");
  await expect(unreadable).toHaveCount(1, { timeout: 3_000 });
  await expect(unreadable.first()).toContainText(draftKey(BELOVED.id));
  const file = await downloadFrom(page, () => dialogButton(page, `Download ${draftKey(BELOVED.id)}`).click());
  expect(file.bytes.toString("utf8")).toBe(damaged);
  await expect(reviewItems(page)).toHaveCount(2);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  expect(await page.evaluate((k) => localStorage.getItem(k), draftKey(BELOVED.id))).toBe(damaged);
});

test("Delete moves a draft to the trash, keeping its record; Restore brings it back", async ({ page }) => {
  await seedThree(page);
  const before = await storageSnapshot(page);
  await openReviews(page);
  await dialogButton(page, `Delete ${BELOVED_TITLE}`).click();
  await expect(dialogMessage(page)).toContainText(`Moved “${BELOVED_TITLE}” to the trash`);
  await expect(reviewItems(page)).toHaveCount(2);
  await expect(reviewItems(page).filter({ hasText: BELOVED_TITLE })).toHaveCount(0);
  await expect(reviewsDialog(page).getByRole("heading", { name: "Trash", exact: true })).toBeVisible();
  await expect(trashItems(page)).toHaveCount(1);
  await expect(trashItems(page).first()).toContainText(BELOVED_TITLE);
  await expect(dialogButton(page, `Restore ${BELOVED_TITLE}`)).toBeVisible();
  await expect(reviewsDialog(page).getByText(/^The trash is empty/)).toHaveCount(0);
  // The open draft did not change.
  await expect(reviewItems(page).filter({ hasText: "(open now)" })).toContainText(GILEAD_TITLE);

  // The draft itself is still stored, byte for byte; only its summary says it is in the trash.
  let stored = await storageSnapshot(page);
  expect(stored[draftKey(BELOVED.id)]).toBe(before[draftKey(BELOVED.id)]);
  expect(JSON.parse(stored[summaryKey(BELOVED.id)]).trashed_at).toEqual(expect.any(String));

  // The trash outlives a reload.
  await closeReviews(page);
  await page.reload();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(2);
  await expect(trashItems(page)).toHaveCount(1);

  await dialogButton(page, `Restore ${BELOVED_TITLE}`).click();
  await expect(dialogMessage(page)).toContainText(`Restored “${BELOVED_TITLE}”`);
  await expect(reviewItems(page)).toHaveCount(3);
  await expect(reviewItems(page).nth(0)).toContainText(BELOVED_TITLE);
  await expect(reviewsDialog(page).getByText(/^The trash is empty/)).toBeVisible();
  await expect(reviewsDialog(page).getByRole("list", { name: "Trash", exact: true })).toHaveCount(0);
  stored = await storageSnapshot(page);
  expect(stored[draftKey(BELOVED.id)]).toBe(before[draftKey(BELOVED.id)]);
  expect(JSON.parse(stored[summaryKey(BELOVED.id)]).trashed_at).toBeUndefined();
  await dialogButton(page, `Open ${BELOVED_TITLE}`).click();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sixty million and more.");
});

test("deleting the open draft switches the editor to the newest other draft, then to a new review", async ({ page }) => {
  await seedThree(page);
  await openReviews(page);
  // Gilead is open and oldest: the newest other one is Beloved.
  await dialogButton(page, `Delete ${GILEAD_TITLE}`).click();
  await expect(dialogMessage(page)).toContainText(`Moved “${GILEAD_TITLE}” to the trash`);
  await expect(trashItems(page)).toHaveCount(1);
  await expect(reviewItems(page)).toHaveCount(2);
  await expect(reviewItems(page).nth(0)).toContainText(BELOVED_TITLE);
  await expect(reviewItems(page).nth(0)).toHaveAttribute("aria-current", "true");
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sixty million and more.");
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe(BELOVED.id);

  await dialogButton(page, `Delete ${BELOVED_TITLE}`).click();
  await expect(trashItems(page)).toHaveCount(2);
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).nth(0)).toHaveAttribute("aria-current", "true");
  await expect(field(page, "Title")).toHaveValue("");
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe(UNTITLED.id);

  // The last one: a new, empty review takes its place (saved at once, so it is listed).
  await dialogButton(page, "Delete Untitled review").click();
  await expect(trashItems(page)).toHaveCount(3);
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).nth(0)).toContainText("(open now)");
  const current = await page.evaluate(() => localStorage.getItem("verdict:current"));
  expect([GILEAD.id, BELOVED.id, UNTITLED.id]).not.toContain(current);
  expect(await storedRecord(page, current)).not.toBeNull();
  await closeReviews(page);
  await expect(field(page, "Title")).toHaveValue("");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("");

  // All three records are still stored as they were.
  for (const record of [GILEAD, BELOVED, UNTITLED]) expect(await storedRecord(page, record.id)).toEqual(record);
});

test("Empty trash asks first: Cancel keeps everything, Delete for good removes draft, summary and history", async ({ page }) => {
  const history = (id) => JSON.stringify({ schema: 1, id, latest: null, older: [] });
  await seedThree(page, { [`verdict:history:${BELOVED.id}`]: history(BELOVED.id) });
  await openReviews(page);
  await dialogButton(page, `Delete ${BELOVED_TITLE}`).click();
  await expect(trashItems(page)).toHaveCount(1);
  await dialogButton(page, "Delete Untitled review").click();
  await expect(trashItems(page)).toHaveCount(2);
  const before = await storageSnapshot(page);

  await dialogButton(page, "Empty trash").click();
  const confirm = reviewsDialog(page).getByRole("group", { name: "Empty trash" });
  await expect(confirm).toContainText("Delete 2 reviews for good? This cannot be undone.");
  await expect(confirm.getByRole("button", { name: "Delete for good" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialogButton(page, "Empty trash")).toBeVisible();
  await expect(trashItems(page)).toHaveCount(2);
  expect(await storageSnapshot(page)).toEqual(before);

  await dialogButton(page, "Empty trash").click();
  await confirm.getByRole("button", { name: "Delete for good", exact: true }).click();
  await expect(dialogMessage(page)).toHaveText("Deleted 2 reviews for good.");
  await expect(reviewsDialog(page).getByText(/^The trash is empty/)).toBeVisible();
  await expect(dialogButton(page, "Empty trash")).toHaveCount(0);
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).first()).toContainText(GILEAD_TITLE);

  const after = await storageSnapshot(page);
  const gone = [BELOVED.id, UNTITLED.id].flatMap((id) => [draftKey(id), summaryKey(id), `verdict:history:${id}`]);
  for (const key of gone) expect(after[key], key).toBeUndefined();
  const kept = Object.fromEntries(Object.entries(before).filter(([key]) => !gone.includes(key)));
  expect(after).toEqual(kept);

  await closeReviews(page);
  await page.reload();
  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewsDialog(page).getByText(/^The trash is empty/)).toBeVisible();
});

test("an unreadable record among good ones: the others are listed, it is offered byte for byte and left untouched", async ({ page }) => {
  const raw = '{"schema":2,"id":"zz-bad","review":{"metadata":{"title":"Half-written “é” 😀';
  await seedThree(page, { [draftKey("zz-bad")]: raw });
  const dialog = await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(3);
  await expect(reviewItems(page).nth(0)).toContainText(BELOVED_TITLE);
  await expect(reviewItems(page).nth(2)).toContainText(GILEAD_TITLE);
  await expect(dialog.getByRole("heading", { name: "Records that cannot be read" })).toBeVisible();
  const unreadable = dialog.getByRole("list", { name: "Records that cannot be read", exact: true }).getByRole("listitem");
  await expect(unreadable).toHaveCount(1);
  await expect(unreadable.first()).toContainText("verdict:draft:zz-bad");
  // It is neither in the list nor in the trash.
  await expect(dialog.getByText(/^The trash is empty/)).toBeVisible();

  const file = await downloadFrom(page, () => dialogButton(page, "Download verdict:draft:zz-bad").click());
  expect(file.bytes.equals(Buffer.from(raw, "utf8")), "downloaded bytes are the stored text").toBe(true);
  expect(file.name).toMatch(/zz-bad.*\.json$/);

  // Working on another draft leaves it as it was.
  await closeReviews(page);
  await sectionBody(page, "Final verdict").fill("Read it twice.");
  await expectAllSaved(page);
  await page.reload();
  await openReviews(page);
  await expect(unreadable).toHaveCount(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), draftKey("zz-bad"))).toBe(raw);
});

test("each draft is stored under its own key with a summary: typing changes only the open draft's keys", async ({ page }) => {
  await seedThree(page);
  const before = await storageSnapshot(page);
  await sectionBody(page, "Synopsis").fill("A letter from a dying pastor, in Iowa.");
  await field(page, "Post title").fill("Letters from Gilead");
  await expectAllSaved(page);
  // The first save's history snapshot lands when the browser is idle: wait for it too.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) !== null, `verdict:history:${GILEAD.id}`)).toBe(true);
  const after = await storageSnapshot(page);

  const own = [draftKey(GILEAD.id), summaryKey(GILEAD.id), `verdict:history:${GILEAD.id}`];
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
  expect(changed).toEqual(expect.arrayContaining([draftKey(GILEAD.id), summaryKey(GILEAD.id)]));
  for (const key of changed) expect(own, `only the open draft's keys change (${key} did)`).toContain(key);
  for (const record of [BELOVED, UNTITLED]) {
    expect(after[draftKey(record.id)]).toBe(before[draftKey(record.id)]);
    expect(after[summaryKey(record.id)]).toBeUndefined();
  }
  expect(after["verdict:current"]).toBe(GILEAD.id);

  const record = JSON.parse(after[draftKey(GILEAD.id)]);
  expect(record.review.sections[0].body).toBe("A letter from a dying pastor, in Iowa.");
  const summary = JSON.parse(after[summaryKey(GILEAD.id)]);
  expect(summary).toMatchObject({ schema: 1, id: GILEAD.id, title: "Letters from Gilead", saved_at: record.saved_at, words: 8 });
  expect(summary.trashed_at).toBeUndefined();
});

test("Back up all, then Restore from backup in a fresh browser brings every draft back exactly", async ({ page, browser, baseURL }) => {
  const raw = "{not a record";
  await seedThree(page, { [draftKey("zz-bad")]: raw });
  await sectionBody(page, "What I liked").fill("The voice.");
  await expectAllSaved(page);
  await openReviews(page);
  await dialogButton(page, "Delete Untitled review").click();
  await expect(trashItems(page)).toHaveCount(1);
  const source = await storageSnapshot(page);

  const file = await downloadFrom(page, () => dialogButton(page, "Back up all").click());
  expect(file.name).toBe(`verdict-backup-${await browserToday(page)}.json`);
  await expect(dialogMessage(page)).toContainText(`Downloaded ${file.name}`);
  const backup = JSON.parse(file.bytes.toString("utf8"));
  expect(backup.format).toBe("verdict-backup");
  expect(backup.version).toBe(1);
  expect(backup.drafts).toHaveLength(3);
  const byId = Object.fromEntries(backup.drafts.map((d) => [d.record.id, d]));
  for (const id of [GILEAD.id, BELOVED.id, UNTITLED.id]) expect(byId[id].record).toEqual(JSON.parse(source[draftKey(id)]));
  expect(byId[UNTITLED.id].trashed_at).toEqual(expect.any(String));
  expect(byId[GILEAD.id].trashed_at ?? null).toBeNull();
  expect(byId[GILEAD.id].history).toBeTruthy();
  expect(backup.unreadable).toEqual([{ key: draftKey("zz-bad"), raw }]);
  // Making a backup changes nothing stored.
  expect(await storageSnapshot(page)).toEqual(source);

  // Another browser profile, with nothing in it.
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const fresh = await context.newPage();
  await fresh.goto("/");
  await expect(field(fresh, "Title")).toBeVisible();
  const dialog = await openReviews(fresh);
  await expect(reviewItems(fresh)).toHaveCount(0);
  await fresh.getByLabel("Restore from backup").setInputFiles(file.path);
  const contents = dialog.getByRole("group", { name: "Backup contents" });
  await expect(contents).toBeVisible();
  await expect(contents.getByRole("listitem")).toHaveCount(3);
  for (const title of [GILEAD_TITLE, BELOVED_TITLE, "Untitled review"]) {
    await expect(contents.getByRole("listitem").filter({ hasText: title })).toHaveCount(1);
  }
  expect(Object.keys(await storageSnapshot(fresh)).filter((k) => k.startsWith("verdict:draft:")), "nothing added before confirming").toEqual([]);
  await contents.getByRole("button", { name: "Add 3 reviews", exact: true }).click();
  await expect(dialog.locator("[aria-live=polite]")).toHaveText("Added 3 reviews from the backup.");
  await expect(contents).toHaveCount(0);
  await expect(reviewItems(fresh)).toHaveCount(2);
  await expect(reviewItems(fresh).nth(0)).toContainText(GILEAD_TITLE);
  await expect(reviewItems(fresh).nth(1)).toContainText(BELOVED_TITLE);
  await expect(dialog.getByRole("list", { name: "Trash", exact: true }).getByRole("listitem")).toHaveCount(1);
  await expect(dialog.getByRole("list", { name: "Trash", exact: true })).toContainText("Untitled review");

  const restored = await storageSnapshot(fresh);
  for (const id of [GILEAD.id, BELOVED.id, UNTITLED.id]) {
    const original = JSON.parse(source[draftKey(id)]);
    const copy = JSON.parse(restored[draftKey(id)]);
    expect(copy.review, id).toEqual(original.review);
    expect(copy.view, id).toEqual(original.view);
    expect(copy.created_at, id).toBe(original.created_at);
    expect(copy.saved_at, id).toBe(original.saved_at);
  }
  expect(restored[`verdict:history:${GILEAD.id}`]).toBeTruthy();
  expect(JSON.parse(restored[summaryKey(UNTITLED.id)]).trashed_at).toEqual(expect.any(String));

  await dialog.getByRole("button", { name: `Open ${GILEAD_TITLE}`, exact: true }).click();
  await expect(field(fresh, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(fresh, "Synopsis")).toHaveValue("A letter from a dying pastor.");
  await expect(sectionBody(fresh, "What I liked")).toHaveValue("The voice.");
  await context.close();
});

test("restoring a backup into the same storage adds copies and overwrites nothing; Cancel adds nothing", async ({ page }) => {
  await seedStorage(page, entriesOf(GILEAD, BELOVED), GILEAD.id);
  const dialog = await openReviews(page);
  const file = await downloadFrom(page, () => dialogButton(page, "Back up all").click());
  const before = await storageSnapshot(page);

  const contents = dialog.getByRole("group", { name: "Backup contents" });
  await page.getByLabel("Restore from backup").setInputFiles(file.path);
  await expect(contents).toContainText("holds 2 reviews");
  await contents.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(contents).toHaveCount(0);
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(reviewItems(page)).toHaveCount(2);

  await page.getByLabel("Restore from backup").setInputFiles(file.path);
  await contents.getByRole("button", { name: "Add 2 reviews", exact: true }).click();
  await expect(dialogMessage(page)).toHaveText(
    "Added 2 reviews from the backup. 2 of them matched reviews already here and were added as copies; nothing was overwritten.",
  );
  await expect(reviewItems(page)).toHaveCount(4);
  await expect(reviewItems(page).filter({ hasText: GILEAD_TITLE })).toHaveCount(2);
  await expect(reviewItems(page).filter({ hasText: BELOVED_TITLE })).toHaveCount(2);

  const after = await storageSnapshot(page);
  for (const [key, value] of Object.entries(before)) expect(after[key], `${key} is untouched`).toBe(value);
  const added = Object.keys(after).filter((k) => !(k in before));
  const newDrafts = added.filter((k) => k.startsWith("verdict:draft:"));
  expect(newDrafts).toHaveLength(2);
  const copies = newDrafts.map((k) => JSON.parse(after[k]));
  for (const copy of copies) {
    expect([GILEAD.id, BELOVED.id]).not.toContain(copy.id);
    expect(after[summaryKey(copy.id)]).toBeTruthy();
  }
  const reviews = copies.map((c) => c.review.metadata.title).sort();
  expect(reviews).toEqual(["Beloved", "Gilead"]);
  expect(copies.find((c) => c.review.metadata.title === "Gilead").review).toEqual(GILEAD.review);
  expect(copies.find((c) => c.review.metadata.title === "Beloved").review).toEqual(BELOVED.review);
  // The editor kept the draft it had open.
  await closeReviews(page);
  await expect(field(page, "Title")).toHaveValue("Gilead");
  expect(await page.evaluate(() => localStorage.getItem("verdict:current"))).toBe(GILEAD.id);
});

test("malformed and foreign files are refused in words and change nothing stored", async ({ page }) => {
  await seedThree(page);
  const dialog = await openReviews(page);
  const before = await storageSnapshot(page);
  const validDraft = { record: BELOVED, trashed_at: null, history: null };
  const cases = [
    ["notes.txt", Buffer.from("Just some notes, not JSON at all."), /not valid JSON/],
    ["binary.json", Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x62]), /not text/],
    ["array.json", Buffer.from("[1,2,3]"), /not a Verdict backup/],
    ["other-app.json", Buffer.from(JSON.stringify({ format: "something-else", version: 1, drafts: [validDraft] })), /not a Verdict backup/],
    ["a-draft.json", Buffer.from(JSON.stringify(GILEAD)), /not a Verdict backup/],
    [
      "newer.json",
      Buffer.from(JSON.stringify({ format: "verdict-backup", version: 2, created_at: "2026-06-01T00:00:00.000Z", drafts: [validDraft] })),
      /newer version/,
    ],
  ];
  for (const [name, buffer, pattern] of cases) {
    await page.getByLabel("Restore from backup").setInputFiles({ name, mimeType: "application/json", buffer });
    const alert = dialog.getByRole("alert");
    await expect(alert, name).toContainText(pattern);
    await expect(alert, name).toContainText("Nothing was changed.");
    await expect(dialog.getByRole("group", { name: "Backup contents" })).toHaveCount(0);
    expect(await storageSnapshot(page), name).toEqual(before);
  }
  await expect(reviewItems(page)).toHaveCount(3);
});

test("Restore from backup makes Open file's checks: a review too large is skipped, and unsafe ids get fresh ones", async ({ page }) => {
  await seedStorage(page, entriesOf(GILEAD), GILEAD.id);
  const dialog = await openReviews(page);
  const before = await storageSnapshot(page);
  const titled = (id, title, extra = {}) => {
    const record = draftRecord({ id, title, savedAt: "2026-05-01T10:00:00.000Z" });
    Object.assign(record.review, extra);
    return { record, trashed_at: null, history: null };
  };
  const sections = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1, heading: `Part ${i + 1}`, body: "", spoiler: false }));
  const drafts = [
    titled("big", "Too big", { sections: [{ id: 1, heading: "Long", body: "words ".repeat(512 * 1024), spoiler: false }] }),
    titled("many", "Too many", { sections }),
    titled("", "Empty id"),
    titled("../../x", "Climbing id"),
    titled("a\"b\nc", "Quoted id"),
    titled("x".repeat(200_000), "Huge id"),
  ];
  const buffer = Buffer.from(JSON.stringify({ format: "verdict-backup", version: 1, created_at: "2026-06-01T00:00:00.000Z", drafts }));
  await page.getByLabel("Restore from backup").setInputFiles({ name: "hostile-backup.json", mimeType: "application/json", buffer });
  const contents = dialog.getByRole("group", { name: "Backup contents" });
  await expect(contents).toContainText("holds 4 reviews");
  await expect(contents).toContainText("\u201cReview: Too big\u201d: it holds 3.0 MB of text, more than a review can (at most 2.0 MB)");
  await expect(contents).toContainText("\u201cReview: Too many\u201d: it holds 1,001 sections, more than a review can (at most 1,000)");
  await expect(contents).toContainText("4 reviews have an id that cannot name a stored record; each is added under a new id");
  expect(await storageSnapshot(page)).toEqual(before);

  await contents.getByRole("button", { name: "Add 4 reviews", exact: true }).click();
  await expect(dialogMessage(page)).toContainText("Added 4 reviews from the backup.");
  await expect(reviewItems(page)).toHaveCount(5);
  const after = await storageSnapshot(page);
  for (const key of Object.keys(after)) expect(key, "a stored key").toMatch(/^verdict:[a-z-]+(:[0-9A-Za-z_-]{1,64})?$/);
  const added = Object.keys(after).filter((k) => k.startsWith("verdict:draft:") && !(k in before)).map((k) => JSON.parse(after[k]));
  expect(added.map((r) => r.review.metadata.title).sort()).toEqual(["Climbing id", "Empty id", "Huge id", "Quoted id"]);
  for (const record of added) expect(after[summaryKey(record.id)]).toBeTruthy();

  // A review added this way can be opened and edited.
  await reviewItems(page).filter({ hasText: "Review: Quoted id" }).getByRole("button", { name: /^Open / }).click();
  await expect(field(page, "Title")).toHaveValue("Quoted id");
  await field(page, "Title").fill("Quoted id, edited");
  await expectAllSaved(page);
});

test("Restore from backup takes out control characters as Open file does, and a restored review's remote images wait", async ({ page, context }) => {
  const requests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") requests.push(url.hostname + url.pathname);
  });
  await context.route(/^https:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await seedStorage(page, entriesOf(GILEAD), GILEAD.id);
  const dialog = await openReviews(page);
  const record = draftRecord({ id: "tracked", title: "Tracked\u0000\u202e", body: "Hi\u0008 ![pixel](https://tracker.example/pixel.gif?opened=1)", savedAt: "2026-05-01T10:00:00.000Z" });
  const buffer = Buffer.from(JSON.stringify({ format: "verdict-backup", version: 1, created_at: "2026-06-01T00:00:00.000Z", drafts: [{ record }] }));
  await page.getByLabel("Restore from backup").setInputFiles({ name: "tracked-backup.json", mimeType: "application/json", buffer });
  const contents = dialog.getByRole("group", { name: "Backup contents" });
  await expect(contents).toContainText("\u201cReview: Tracked\u201d: The field \u201cTitle\u201d lost 2 control characters (U+0000, U+202E)");
  await expect(contents).toContainText("\u201cReview: Tracked\u201d: The text of section 1 (\u201cSynopsis\u201d) lost 1 control character (U+0008)");
  await contents.getByRole("button", { name: "Add 1 review", exact: true }).click();
  await expect(dialogMessage(page)).toContainText("Added 1 review from the backup.");
  await reviewItems(page).filter({ hasText: "Review: Tracked" }).getByRole("button", { name: /^Open / }).click();
  await expect(field(page, "Title")).toHaveValue("Tracked");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Hi ![pixel](https://tracker.example/pixel.gif?opened=1)");
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Load image from tracker.example", exact: true })).toBeVisible();
  await expectAllSaved(page);
  expect(requests).toEqual([]);
});

test("Search your reviews finds them by title, author or tag, and says how many match", async ({ page }) => {
  const tagged = draftRecord({ id: "d-dune", title: "Dune", author: "Frank Herbert", savedAt: "2026-02-01T10:00:00.000Z" });
  tagged.review.metadata.tags = "classic, desert";
  await seedThree(page, entriesOf(tagged));
  const reviews = await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(4);
  const search = reviews.getByRole("searchbox", { name: "Search your reviews" });
  // By the book's author (the list shows the post title, which need not name it).
  await search.fill("MORRISON");
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).first()).toContainText(BELOVED_TITLE);
  await expect(reviews.getByText("1 of 4 match \u201cMORRISON\u201d.")).toBeVisible();
  // By a tag, and by a word of the title.
  await search.fill("desert");
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).first()).toContainText("Review: Dune by Frank Herbert");
  await search.fill("review");
  await expect(reviewItems(page)).toHaveCount(3);
  await search.fill("nothing like it");
  await expect(reviewItems(page)).toHaveCount(0);
  await expect(reviews.getByText("0 of 4 match \u201cnothing like it\u201d.")).toBeVisible();
  // A match is opened as from the full list; the search clears back to every review.
  await search.fill("gilead");
  await reviews.getByRole("button", { name: `Open ${GILEAD_TITLE}` }).click();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await openReviews(page);
  await search.fill("");
  await expect(reviewItems(page)).toHaveCount(4);
});
