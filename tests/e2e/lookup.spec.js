// `Look up`: a book's facts from Open Library, against a stand-in for its search (the page's
// requests to https://openlibrary.org are answered here, the way the service answers): by ISBN
// and by title, several matches, none, a slow answer, 429, a malformed answer, no network; the
// writer's typing never overwritten unless chosen, and the whole fill one step of Undo. Nothing
// is sent before the writer presses the button. The build-time setting for another service
// (a mirror, a local stand-in) changes the page's policy with it.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { button, field, openDetails, openEditor } from "./helpers.js";

// No service worker: every request of the page reaches the stand-in.
test.use({ serviceWorkers: "block" });

const SEARCH = "https://openlibrary.org/search.json?**";
const lookupDialog = (page) => page.getByRole("dialog", { name: "Look up a book" });

/** Asserts that axe-core (WCAG 2.1 A and AA) finds nothing on the page, in `state`. */
async function expectNoViolations(page, state) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`), `axe violations with ${state}`).toEqual([]);
}

/** A work as the search answers it, with the edition that matched. */
function work({ title, author, year, pages, edition = {} }) {
  return {
    title,
    author_name: author ? [author] : undefined,
    first_publish_year: year,
    number_of_pages_median: pages,
    editions: { numFound: 1, start: 0, numFoundExact: true, docs: [{ key: "/books/OL1M", ...edition }] },
  };
}

const LEFT_HAND = work({
  title: "The Left Hand of Darkness",
  author: "Ursula K. Le Guin",
  year: 1969,
  pages: 304,
  edition: { title: "The Left Hand of Darkness", publisher: ["Ace"], publish_date: ["March 15, 1987"], isbn: ["0441478123", "9780441478125"], language: ["eng"], cover_i: 283860 },
});

/** Answers every search with `answer` (an object is sent as JSON); returns the URLs asked. */
async function standIn(page, answer, { status = 200, delay = 0 } = {}) {
  const asked = [];
  await page.route(SEARCH, async (route) => {
    asked.push(route.request().url());
    if (delay) await new Promise((r) => setTimeout(r, delay));
    await route
      .fulfill({
        status,
        contentType: "application/json",
        headers: { "access-control-allow-origin": "*" },
        body: typeof answer === "string" ? answer : JSON.stringify(answer),
      })
      .catch(() => {}); // The page gave up first (the time limit).
  });
  return asked;
}

test("by ISBN: the book's facts fill the empty fields, typing is kept unless ticked, and Undo takes it back", async ({ page }) => {
  const asked = await standIn(page, { numFound: 2, docs: [LEFT_HAND, work({ title: "<img src=x onerror=alert(1)> Guide", author: "Someone" })] });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await openEditor(page);
  await openDetails(page);
  await field(page, "Title").fill("Left Hand");
  await field(page, "ISBN-13").fill("978-0-441-47812-5");
  await field(page, "Genre").fill("Science fiction");
  expect(asked, "nothing is sent before the writer asks").toEqual([]);

  await button(page, "Look up").click();
  const dialog = lookupDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("searchbox", { name: "ISBN, or title and author" })).toHaveValue("9780441478125");
  await expect(dialog.getByRole("status")).toHaveText("2 books found: choose yours.");
  expect(asked).toHaveLength(1);
  expect(new URL(asked[0]).searchParams.get("q")).toBe("isbn:9780441478125");
  // The answer's text is text.
  await expect(dialog.getByRole("button", { name: "Choose <img src=x onerror=alert(1)> Guide by Someone" })).toBeVisible();
  await expect(dialog.locator("img[src=x]")).toHaveCount(0);
  const choice = dialog.getByRole("button", { name: "Choose The Left Hand of Darkness by Ursula K. Le Guin" });
  await expect(choice).toContainText("March 15, 1987 · Ace · 304 pages");
  await expect(choice.locator("img")).toHaveAttribute("src", "https://covers.openlibrary.org/b/id/283860-S.jpg");
  await expectNoViolations(page, "the books found");
  await choice.click();

  // Only what differs is offered; only empty fields are ticked.
  await expect(dialog.getByRole("checkbox", { name: "Take Title" })).not.toBeChecked();
  for (const name of ["Author", "Publisher", "Publication date", "Pages", "ISBN-10", "Language", "Cover image"]) {
    await expect(dialog.getByRole("checkbox", { name: `Take ${name}` })).toBeChecked();
  }
  await expect(dialog.getByRole("checkbox", { name: "Take ISBN-13" })).toHaveCount(0);
  const titleRow = dialog.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Title", exact: true }) });
  await expect(titleRow.getByRole("cell")).toHaveText(["", "Left Hand", "The Left Hand of Darkness"]);
  await expectNoViolations(page, "the fields to take");
  await dialog.getByRole("checkbox", { name: "Take Cover image" }).uncheck();
  await dialog.getByRole("button", { name: "Use 6 fields" }).click();
  await expect(dialog).toBeHidden();

  await expect(field(page, "Title")).toHaveValue("Left Hand");
  await expect(field(page, "Author")).toHaveValue("Ursula K. Le Guin");
  await expect(field(page, "Publisher")).toHaveValue("Ace");
  await expect(field(page, "Publication date")).toHaveValue("March 15, 1987");
  await expect(field(page, "Pages")).toHaveValue("304");
  await expect(field(page, "ISBN-10")).toHaveValue("0441478123");
  await expect(field(page, "ISBN-13")).toHaveValue("978-0-441-47812-5");
  await expect(field(page, "Language")).toHaveValue("English");
  await expect(field(page, "Cover image")).toHaveValue("");
  await expect(field(page, "Genre")).toHaveValue("Science fiction");
  // Said aloud too (the notice line is polite live text).
  await expect(page.getByText("Filled in from Open Library. Undo takes it back.")).toBeVisible();

  // One step of Undo takes the whole fill back, and Redo brings it back.
  await button(page, "Undo").click();
  await expect(field(page, "Author")).toHaveValue("");
  await expect(field(page, "Pages")).toHaveValue("");
  await expect(field(page, "Genre")).toHaveValue("Science fiction");
  await button(page, "Redo").click();
  await expect(field(page, "Author")).toHaveValue("Ursula K. Le Guin");
  expect(errors).toEqual([]);
});

test("by title and author: several books, the writer picks one; Close changes nothing", async ({ page }) => {
  const other = work({ title: "The Left Hand of Darkness: 50th Anniversary Edition", author: "Ursula K. Le Guin", year: 2019, edition: { publisher: ["Ace"], isbn: ["9780441007318"] } });
  const asked = await standIn(page, { docs: [LEFT_HAND, other] });
  await openEditor(page);
  await openDetails(page);
  await field(page, "Title").fill("The Left Hand of Darkness");
  await field(page, "Author").fill("Le Guin");
  await button(page, "Look up").click();
  const dialog = lookupDialog(page);
  await expect(dialog.getByRole("list", { name: "Books found" }).getByRole("listitem")).toHaveCount(2);
  expect(new URL(asked[0]).searchParams.get("q")).toBe("The Left Hand of Darkness Le Guin");
  await dialog.getByRole("button", { name: /^Choose The Left Hand of Darkness: 50th Anniversary Edition/ }).click();
  await expect(dialog.getByRole("checkbox", { name: "Take ISBN-13" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Take Author" })).not.toBeChecked();
  // Back to the list without asking again, then Close: nothing changes.
  await dialog.getByRole("button", { name: "Back to the books found" }).click();
  await expect(dialog.getByRole("listitem")).toHaveCount(2);
  expect(asked).toHaveLength(1);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(field(page, "Author")).toHaveValue("Le Guin");
  await expect(field(page, "ISBN-13")).toHaveValue("");
  await expect(button(page, "Look up")).toBeFocused();

  // Searches from the dialog's own box, at most one request a second: two pressed at once
  // are one request, the later one's.
  await button(page, "Look up").click();
  await expect.poll(() => asked.length).toBe(2);
  await dialog.getByRole("searchbox").fill("Le Guin");
  await dialog.getByRole("button", { name: "Search Open Library" }).click();
  await dialog.getByRole("searchbox").fill("0-441-47812-3");
  await dialog.getByRole("button", { name: "Search Open Library" }).click();
  await expect(dialog.getByRole("status")).toHaveText("2 books found: choose yours.");
  expect(asked).toHaveLength(3);
  expect(new URL(asked[2]).searchParams.get("q")).toBe("isbn:0441478123");
});

const FAILURES = [
  { what: "no book", answer: { numFound: 0, docs: [] }, says: "Open Library has no book for \u201cNo Such Book\u201d" },
  { what: "429", answer: "Too many requests", status: 429, says: "Open Library is limiting requests from here right now" },
  { what: "a server error", answer: "oops", status: 503, says: "Open Library answered with an error (HTTP 503)" },
  { what: "a malformed answer", answer: "<html>not json", says: "Open Library's answer could not be read." },
  { what: "no network", abort: true, says: "Open Library could not be reached. Check the connection" },
  // The page's clock is moved on past the time limit (Playwright's fake clock) while the answer is held back.
  { what: "no answer within 10 seconds", answer: { docs: [LEFT_HAND] }, delay: 30_000, late: true, says: "Open Library did not answer within 10 seconds" },
];

for (const { what, answer, status, delay, abort, late, says } of FAILURES) {
  test(`${what}: a clear message, the details unchanged, typing never blocked`, async ({ page }) => {
    let asked = [];
    if (abort) await page.route(SEARCH, (route) => route.abort("internetdisconnected"));
    else asked = await standIn(page, answer, { status, delay });
    if (late) await page.clock.install();
    await openEditor(page);
    await openDetails(page);
    await field(page, "Title").fill("No Such Book");
    await button(page, "Look up").click();
    const dialog = lookupDialog(page);
    if (late) {
      await expect.poll(() => asked.length).toBe(1);
      await expect(dialog.getByRole("status")).toHaveText("Searching Open Library…");
      await page.clock.fastForward(9_000);
      await expect(dialog.getByRole("status")).toHaveText("Searching Open Library…");
      await page.clock.fastForward(1_500);
    }
    await expect(dialog.getByRole("alert")).toContainText(says);
    await dialog.getByRole("button", { name: "Close" }).click();
    await field(page, "Author").fill("Still typing");
    await expect(field(page, "Title")).toHaveValue("No Such Book");
    await expect(field(page, "Author")).toHaveValue("Still typing");
    await expect(field(page, "Publisher")).toHaveValue("");
  });
}

test("the page may reach the books service and nothing else; the build can name another", async () => {
  const policy = (html) => html.match(/<meta[^>]*Content-Security-Policy[^>]*>/)[0].match(/content="([^"]+)"/)[1];
  expect(policy(readFileSync("dist/index.html", "utf8"))).toContain("connect-src 'self' https://openlibrary.org;");
  // The post-build hook with a local stand-in named (the Rust build reads the same variables).
  const dir = mkdtempSync(join(tmpdir(), "verdict-books-"));
  try {
    cpSync("dist", dir, { recursive: true });
    execFileSync(process.execPath, ["scripts/precache.mjs"], {
      env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "release", VERDICT_BOOKS_API: "http://127.0.0.1:8095/ol", VERDICT_BOOKS_COVERS: "http://127.0.0.1:8096" },
    });
    const changed = policy(readFileSync(join(dir, "index.html"), "utf8"));
    expect(changed).toContain("connect-src 'self' http://127.0.0.1:8095;");
    expect(changed).toContain("img-src 'self' https: data: blob: http://127.0.0.1:8096;");
    expect(changed).not.toContain("openlibrary.org");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
