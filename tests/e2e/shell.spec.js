// Instant on a phone (issue 22): the page paints the editor before the Wasm arrives. index.html
// carries a static shell made from the app's own markup (scripts/shell.mjs), public/boot.js
// fills it from the stored draft, and the app takes it over as it mounts, with whatever the
// writer typed into it meanwhile (src/browser/shell.rs).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { currentShell, shellIn } from "../../scripts/shell.mjs";
import {
  DEFAULT_HEADINGS,
  DETAILS_OPEN_KEY,
  appStarted,
  browserToday,
  draftRecord,
  expectAllSaved,
  field,
  headingField,
  openEditor,
  preview,
  ratingSelect,
  readStoredDraft,
  sectionBody,
} from "./helpers.js";

/** Holds the Wasm back until the returned function is called, as a slow network would. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const shell = (page) => page.locator("main[data-shell]");

test("the committed shell is what the app draws for a first visit", async ({ browser }) => {
  // After a change to the first screen: trunk build --release && node scripts/shell.mjs.
  const committed = shellIn(readFileSync("index.html", "utf8"));
  expect(committed, "index.html carries a shell").toBeTruthy();
  expect(committed, "index.html's shell is the app's markup: run node scripts/shell.mjs").toBe(await currentShell(browser));
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`at ${width} px the app takes the shell's place without moving anything`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const release = await holdWasm(page);
    await page.goto("/");
    await expect(shell(page)).toBeVisible();
    // Where every control, heading and pane is, in page order (hidden ones have no box).
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("button, input, select, textarea, h1, h2, label, .pane, .view-tabs")]
          .map((el) => [el, el.getBoundingClientRect()])
          .filter(([, box]) => box.width > 0)
          .map(([el, box]) => `${el.localName}.${el.className} ${[box.x, box.y, box.width, box.height].map(Math.round).join(",")}`),
      );
    const before = await boxes();
    release();
    await appStarted(page);
    expect(await boxes()).toEqual(before);
  });
}

test("the shell is on screen, labelled and typed into before the Wasm; the app keeps the typing", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(shell(page)).toBeVisible();
  // The same names the app gives its controls: found the way a person finds them.
  await expect(field(page, "Title")).toBeEditable();
  await expect(field(page, "Post date")).toHaveValue(await browserToday(page));
  for (const heading of DEFAULT_HEADINGS) await expect(sectionBody(page, heading)).toBeVisible();
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Untitled review");
  // Buttons wait for the app.
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeDisabled();

  await field(page, "Title").fill("The Dispossessed");
  await sectionBody(page, "What I liked").fill("Typed before the app came.");
  await sectionBody(page, "What I liked").press("End");
  await sectionBody(page, "What I liked").press("ArrowLeft");
  await page.waitForTimeout(2_000);
  await expect(shell(page), "still waiting for the Wasm").toBeVisible();

  release();
  await appStarted(page);
  await expect(field(page, "Title")).toHaveValue("The Dispossessed");
  const liked = sectionBody(page, "What I liked");
  await expect(liked).toHaveValue("Typed before the app came.");
  // Focus and caret stay where the writer left them: typing goes on in place.
  await expect(liked).toBeFocused();
  await page.keyboard.type(" Yes");
  await expect(liked).toHaveValue("Typed before the app came Yes.");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: The Dispossessed");
  await expectAllSaved(page);
  const { record } = await readStoredDraft(page);
  expect(record.review.metadata.title).toBe("The Dispossessed");
  expect(record.review.sections[1].body).toBe("Typed before the app came Yes.");

  await page.reload();
  await appStarted(page);
  await expect(sectionBody(page, "What I liked")).toHaveValue("Typed before the app came Yes.");
});

test("a stored review is drawn in the shell before the Wasm, as the app draws it", async ({ page }) => {
  const record = draftRecord({ id: "d1", title: "Gilead", author: "Marilynne Robinson", body: "A letter from a father." });
  record.review.sections[2] = { id: 7, heading: "", body: "The ending.", spoiler: true };
  record.review.rating = 9;
  await page.addInitScript((raw) => {
    if (!localStorage.getItem("verdict:current")) {
      localStorage.setItem("verdict:draft:d1", raw);
      localStorage.setItem("verdict:current", "d1");
    }
  }, JSON.stringify(record));
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(shell(page)).toBeVisible();

  // Folded details (the review has a title and the writer never opened them).
  await expect(page.getByText("Gilead · Marilynne Robinson", { exact: true })).toBeVisible();
  await expect(field(page, "Title")).toBeHidden();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A letter from a father.");
  await expect(sectionBody(page, "Untitled section 3")).toHaveValue("The ending.");
  await expect(page.getByRole("checkbox", { name: "Mark Untitled section 3 as spoiler" })).toBeChecked();
  await expect(ratingSelect(page)).toHaveValue("4.5");
  await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("Review: Gilead by Marilynne Robinson");
  // The preview's sections wait for the app: a spoiler's words never show before it decides.
  await expect(preview(page)).not.toContainText("The ending.");
  await expect(preview(page).getByRole("heading", { level: 2 })).toHaveCount(0);
  const drawn = await page.locator("[data-shell] :is(input, textarea)").evaluateAll((fields) => fields.map((f) => f.id).filter(Boolean));

  release();
  await appStarted(page);
  // The app's controls carry the ids the shell gave them: the same sections, in order.
  const app = await page.locator("main :is(input, textarea)").evaluateAll((fields) => fields.map((f) => f.id).filter(Boolean));
  for (const id of drawn) expect(app, `the app has #${id}`).toContain(id);
  await expect(sectionBody(page, "Untitled section 3")).toHaveValue("The ending.");
  await expect(ratingSelect(page)).toHaveValue("4.5");
  await expect(page.getByRole("button", { name: "Book details" })).toHaveAttribute("aria-expanded", "false");
});

test("open details are drawn open, filled from the stored review", async ({ page }) => {
  const record = draftRecord({ id: "d1", title: "Gilead", author: "Marilynne Robinson" });
  record.review.metadata.isbn13 = "9780374153892";
  record.review.metadata.publication_date = "2004";
  record.review.metadata.draft = true;
  await page.addInitScript(
    ({ raw, key }) => {
      if (!localStorage.getItem("verdict:current")) {
        localStorage.setItem("verdict:draft:d1", raw);
        localStorage.setItem("verdict:current", "d1");
        localStorage.setItem(key, "true");
      }
    },
    { raw: JSON.stringify(record), key: DETAILS_OPEN_KEY },
  );
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(shell(page)).toBeVisible();
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(field(page, "ISBN-13")).toHaveValue("9780374153892");
  await expect(field(page, "Publication date")).toHaveValue("2004");
  await expect(field(page, "Post date")).toHaveValue("2026-01-01");
  await expect(field(page, "Post title")).toHaveAttribute("placeholder", "Review: Gilead by Marilynne Robinson");
  await expect(page.getByRole("checkbox", { name: /^Draft/ })).toBeChecked();
  await expect(preview(page).getByText("January 1, 2026")).toBeVisible();
  // Typed into a shell field that was filled: the typing wins.
  await field(page, "Author").fill("M. Robinson");
  release();
  await appStarted(page);
  await expect(field(page, "Author")).toHaveValue("M. Robinson");
  await expect(headingField(page, "Synopsis")).toHaveValue("Synopsis");
  await expectAllSaved(page);
  expect((await readStoredDraft(page)).record.review.metadata.author).toBe("M. Robinson");
});

test("start-up tasks, measured with a longtask observer (a figure, not a limit)", async ({ page }, info) => {
  // The observer is in place before the page's first script, so that every start-up task is seen.
  await page.addInitScript(() => {
    window.startupTasks = [];
    new PerformanceObserver((list) => window.startupTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: "longtask", buffered: true });
  });
  await openEditor(page);
  await page.waitForTimeout(1_000);
  const { supported, tasks } = await page.evaluate(() => ({ supported: PerformanceObserver.supportedEntryTypes.includes("longtask"), tasks: window.startupTasks }));
  // The figure means something only where the browser reports long tasks.
  expect(supported, "Chromium reports long tasks").toBe(true);
  const longest = Math.max(0, ...tasks);
  info.annotations.push({ type: "longest start-up task", description: `${longest} ms (${tasks.length} over 50 ms: ${tasks.join(", ")})` });
  console.log(`    longest start-up task: ${longest} ms; tasks over 50 ms: [${tasks.join(", ")}]`);
});
