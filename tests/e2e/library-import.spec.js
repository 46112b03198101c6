// `Import a library`: a Goodreads or StoryGraph export chosen with `Open file` is summed up
// before anything is written, imported with the writer's choices (duplicates, a broken row),
// undone through the trash; and the library goes back out as a Goodreads CSV that reads in.
import { test, expect } from "@playwright/test";
import { downloadFrom, draftRecord, expectAllSaved, openEditor, openReviews, reviewItems, reviewsDialog, sectionBody, seedStorage, field } from "./helpers.js";

const openFile = (page) => page.getByLabel("Open file", { exact: true });
const importDialog = (page) => page.getByRole("dialog", { name: "Import a library" });

const GOODREADS_HEADER =
  "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies";

/** A Goodreads export: two reviewed books (one already in the library), one unreviewed, one broken row. */
const goodreads = [
  GOODREADS_HEADER,
  '1,The Left Hand of Darkness,Ursula K. Le Guin,"Le Guin, Ursula K.",,"=""0441478123""","=""9780441478125""",5,4.09,Ace,Paperback,304,1987,1969,2020/09/15,2020/08/01,sf,sf (#1),read,"A slow start.<br /><br /><spoiler>Estraven dies on the Ice.</spoiler> I cried.",false,secret note,1,0',
  '2,Piranesi,Susanna Clarke,"Clarke, Susanna",,"=""""","=""9781635575637""",4,4.2,Bloomsbury,Hardcover,272,2020,2020,2021/02/03,2021/01/01,,,read,The House is vast. <script>alert(1)</script>,false,,1,0',
  '3,Dune,Frank Herbert,"Herbert, Frank",,"=""""","=""""",0,4.3,,Paperback,,,,,2021/01/01,,,to-read,,,,0,0',
  '4,"Broken,Nobody,,,,,,3,,,,,,,,,,,read,,,,,',
].join("\r\n");

test("a Goodreads library is summed up, imported with its choices, and undone", async ({ page }) => {
  await seedStorage(page, {
    "verdict:draft:kept": JSON.stringify(draftRecord({ id: "kept", title: "Piranesi", author: "Susanna Clarke", body: "My own review." })),
  }, "kept");
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await openFile(page).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: Buffer.from(goodreads) });
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("holds 3 books, 2 with a review");
  await expect(dialog).toContainText("Private notes of 1 book were left out");
  await expect(dialog.getByRole("list", { name: "Rows that cannot be read" })).toContainText("Line 5");
  // Nothing is written before the writer chooses.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("verdict:draft:")).length)).toBe(1);
  // Reviewed books only, and Piranesi (title and author already here) is skipped.
  await expect(dialog.getByRole("radio", { name: "Books with a review" })).toBeChecked();
  await expect(dialog).toContainText("1 book will come in as new reviews. 1 book you already have will be skipped.");
  await dialog.getByRole("radio", { name: "Keep both" }).check();
  await expect(dialog.getByRole("button", { name: "Import 2 books" })).toBeEnabled();
  await dialog.getByRole("radio", { name: "Every book" }).check();
  await dialog.getByRole("button", { name: "Import 3 books" }).click();
  await expect(dialog.getByRole("status").first()).toHaveText("Imported 3 books. Find them in Reviews.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const reviews = await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(4);
  await expect(reviews).toContainText("The Left Hand of Darkness");
  await reviews.getByRole("button", { name: "Open Review: The Left Hand of Darkness by Ursula K. Le Guin" }).click();
  await expect(field(page, "ISBN-13")).toHaveValue("9780441478125");
  await expect(field(page, "Pages")).toHaveValue("304");
  await expect(sectionBody(page, "Review")).toHaveValue("A slow start.\n\n||Estraven dies on the Ice.|| I cried.");
  // The spoiler is closed in the preview, and no private note came in.
  await expect(page.getByRole("region", { name: "Preview" })).not.toContainText("secret note");
  expect(errors).toEqual([]);

  // Undo: the imported books go to the trash, Piranesi's own review stays.
  await page.keyboard.press("Escape");
  await openFile(page).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: Buffer.from(goodreads) });
  // Both reviewed books are here now.
  await expect(dialog).toContainText("0 books will come in as new reviews. 2 books you already have will be skipped.");
  await expect(dialog.getByRole("button", { name: "Import 0 books" })).toBeDisabled();
  await dialog.getByRole("radio", { name: "Replace them (yours go to the trash)" }).check();
  await expect(dialog).toContainText("2 books will come in as new reviews. 2 books you already have will be replaced.");
  await dialog.getByRole("button", { name: "Import 2 books" }).click();
  await expect(dialog.getByRole("status").first()).toHaveText("Imported 2 books. Find them in Reviews.");
  // The Left Hand's first import and both Piranesis (the writer's own and its copy) went to the trash.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("verdict:summary:") && JSON.parse(localStorage.getItem(k)).trashed_at).length)).toBe(3);
  await dialog.getByRole("button", { name: "Undo import" }).click();
  await expect(dialog).toContainText("Undone: the 2 books that came in are in the trash, and the 3 books they replaced are back.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await openReviews(page);
  await expect(reviewItems(page)).toHaveCount(4);
  await expect(reviewsDialog(page).getByRole("list", { name: "Trash" }).getByRole("listitem")).toHaveCount(2);
});

test("a StoryGraph export with quarter stars, and a CSV that is no library", async ({ page }) => {
  await openEditor(page);
  const storygraph = [
    "Title,Authors,Contributors,ISBN/UID,Format,Read Status,Date Added,Last Date Read,Dates Read,Read Count,Moods,Pace,Character- or Plot-Driven?,Strong Character Development?,Loveable Characters?,Diverse Characters?,Flawed Characters?,Star Rating,Review,Content Warnings,Content Warning Description,Tags,Owned?",
    'Piranesi,Susanna Clarke,,9781635575637,hardcover,read,2021/01/01,2021/02/03,,1,,,,,,,,3.75,"The House is *vast*.",Death: minor,,fantasy,Yes',
  ].join("\n");
  await openFile(page).setInputFiles({ name: "storygraph.csv", mimeType: "text/csv", buffer: Buffer.from(storygraph) });
  const dialog = importDialog(page);
  await expect(dialog).toContainText("(The StoryGraph) holds 1 book, 1 with a review");
  await expect(dialog).toContainText("1 rating in quarter stars was rounded to the nearest half star.");
  await dialog.getByRole("button", { name: "Import 1 book" }).click();
  await expect(dialog.getByRole("status").first()).toHaveText("Imported 1 book. Find them in Reviews.");
  await dialog.getByRole("button", { name: "Done" }).click();

  await openFile(page).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name,age\nA,3\n") });
  await expect(page.getByRole("alert").filter({ hasText: "is not a Goodreads or StoryGraph library export" })).toBeVisible();
  await expect(importDialog(page)).toBeHidden();
});

test("the library downloads as a Goodreads CSV that imports again", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("The Left Hand of Darkness");
  await field(page, "Author").fill("Ursula K. Le Guin");
  await sectionBody(page, "Synopsis").fill("Genly comes to Gethen. ||Estraven dies.||");
  const reviews = await openReviews(page);
  const { name, bytes } = await downloadFrom(page, () => reviews.getByRole("button", { name: "Download Goodreads CSV" }).click());
  expect(name).toMatch(/^verdict-library-goodreads-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = bytes.toString("utf8");
  expect(csv.split("\r\n")[0]).toBe(GOODREADS_HEADER);
  expect(csv).toContain("<spoiler>Estraven dies.</spoiler>");
  await page.keyboard.press("Escape");
  await openFile(page).setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
  await expect(importDialog(page)).toContainText("holds 1 book, 1 with a review");
  await expect(importDialog(page)).toContainText("1 book you already have will be skipped.");
});

/** A Goodreads export of `n` reviewed books. */
function bigLibrary(n) {
  const rows = [GOODREADS_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push(`${i},Book ${i},Author ${i},,,,,${i % 6},,,Paperback,${100 + i},2000,,2020/01/02,2020/01/01,,,read,"Review ${i}.<br/><br/><spoiler>Secret ${i}.</spoiler>",false,,1,0`);
  }
  return rows.join("\n");
}

test("a long import shows its progress and can be cancelled, keeping what came in", async ({ page }) => {
  await openEditor(page);
  await openFile(page).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: Buffer.from(bigLibrary(3000)) });
  const dialog = importDialog(page);
  await dialog.getByRole("button", { name: "Import 3000 books" }).click();
  const progress = dialog.getByRole("progressbar", { name: "Importing books" });
  await expect(progress).toBeVisible();
  await expect.poll(() => progress.evaluate((p) => p.value), { timeout: 20_000 }).toBeGreaterThan(40);
  await dialog.getByRole("button", { name: "Cancel import" }).click();
  const stopped = dialog.locator(".alert", { hasText: "Cancelled:" });
  await expect(stopped).toBeVisible();
  const came = Number((await stopped.textContent()).match(/Cancelled: (\d+) of 3000 came in\./)[1]);
  expect(came).toBeGreaterThan(40);
  expect(came).toBeLessThan(3000);
  await expect(dialog.getByRole("status").first()).toHaveText(`Imported ${came} books. Find them in Reviews.`);
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("verdict:summary:") && JSON.parse(localStorage.getItem(k)).book?.title?.startsWith("Book ")).length,
  );
  expect(stored).toBe(came);
});

test("an import that fills the storage stops there and says how many came in", async ({ page }) => {
  await openEditor(page);
  // Fill this origin's storage to the brim, then free room for a few dozen books.
  await page.evaluate(() => {
    let chunk = "x".repeat(256 * 1024);
    let n = 0;
    while (chunk.length > 512) {
      try {
        localStorage.setItem(`filler:${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    localStorage.removeItem("filler:0");
    localStorage.setItem("filler:0", "x".repeat(200 * 1024));
  });
  await openFile(page).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: Buffer.from(bigLibrary(200)) });
  const dialog = importDialog(page);
  await expect(dialog).toContainText("This browser's storage has room for about");
  await dialog.getByRole("button", { name: "Import 200 books" }).click();
  const stopped = dialog.locator(".alert", { hasText: "Stopped at book" });
  await expect(stopped).toBeVisible({ timeout: 20_000 });
  const [, at, came] = (await stopped.textContent()).match(/Stopped at book (\d+) of 200: the browser's storage for this site is full\. (\d+) came in/).map(Number);
  expect(came).toBe(at - 1);
  expect(came).toBeGreaterThan(0);
  expect(came).toBeLessThan(200);
  await expect(dialog.getByRole("status").first()).toHaveText(`Imported ${came} books. Find them in Reviews.`);
});

// The import lives in the module loaded on demand (src/extras.rs): the first load never fetches
// it, and a module that cannot be loaded says so and opens nothing. No service worker here, so
// that every request reaches the routes.
test.describe("loaded on demand", () => {
  test.use({ serviceWorkers: "block" });

  test("the first load fetches none of it; a failed load says why, opens nothing, and is tried again", async ({ page }) => {
    const extras = [];
    page.on("request", (request) => {
      if (/\/extras[-_]/.test(new URL(request.url()).pathname)) extras.push(new URL(request.url()).pathname);
    });
    await openEditor(page);
    await page.waitForLoadState("load");
    await sectionBody(page, "Synopsis").fill("Kept while the import fails.");
    await expectAllSaved(page);
    expect(extras, "nothing of the extras module in the first load").toEqual([]);

    // A newer version on the server, or offline before the module was ever stored.
    await page.route(/\/extras-[0-9a-f]{8}\.js$/, (route) => route.fulfill({ status: 404, body: "gone" }));
    const file = { name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: Buffer.from(goodreads) };
    await openFile(page).setInputFiles(file);
    const alert = page.getByRole("alert").filter({ hasText: "Import a library could not be loaded" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("check the connection, or reload the page if Verdict was just updated.");
    await expect(importDialog(page)).toBeHidden();
    await expect(sectionBody(page, "Synopsis")).toHaveValue("Kept while the import fails.");
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("verdict:draft:")).length)).toBe(1);

    // The next try loads it: the loader, then its Wasm, each once.
    await page.unroute(/\/extras-[0-9a-f]{8}\.js$/);
    extras.length = 0;
    await openFile(page).setInputFiles(file);
    await expect(importDialog(page)).toContainText("holds 3 books, 2 with a review");
    await expect(alert).toBeHidden();
    expect(extras.map((path) => path.replace(/-[0-9a-f]{8}\./, "-HASH."))).toEqual(["/extras-HASH.js", "/extras_bg-HASH.wasm"]);
    // Loaded once: a second library reuses the module and its dialog.
    await importDialog(page).getByRole("button", { name: "Close" }).click();
    await openFile(page).setInputFiles(file);
    await expect(importDialog(page)).toBeVisible();
    expect(extras).toHaveLength(2);
    await expect(page.getByRole("dialog", { name: "Import a library" })).toHaveCount(1);
  });
});
