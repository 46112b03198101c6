// `Open file`: Verdict's own Markdown and JSON come back exactly as a new review; Markdown from
// elsewhere becomes sections; a bad file creates nothing; and the hostile-input corpus, put
// into files, runs nowhere once opened.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  button,
  expectAllSaved,
  field,
  formatSelect,
  headingField,
  openEditor,
  preview,
  ratingSelect,
  sectionBody,
  sectionHeadingValues,
  chooseFromMenu,
} from "./helpers.js";
import { activeMarkup, clickEveryLink, guard } from "./hostile.js";

const openFile = (page) => page.getByLabel("Open file", { exact: true });

/** Every field's value, as the editor shows it. */
async function editorValues(page) {
  const labels = ["Title", "Author", "Pages", "Publisher", "Publication date", "Language", "ISBN-10", "ISBN-13", "Genre", "Target group", "Categories", "Tags", "Post title", "Reviewer", "Post date"];
  const values = {};
  for (const label of labels) values[label] = await field(page, label).inputValue();
  values.format = await formatSelect(page).inputValue();
  values.rating = await ratingSelect(page).inputValue();
  values.headings = await sectionHeadingValues(page);
  values.bodies = await page.locator("textarea").evaluateAll((areas) => areas.map((a) => a.value));
  values.spoilers = await page.getByRole("checkbox", { name: /^Mark .* as spoiler$/ }).evaluateAll((boxes) => boxes.map((b) => b.checked));
  return values;
}

async function writeAwkwardReview(page) {
  await field(page, "Title").fill("Gilead: a novel");
  await field(page, "Author").fill("Marilynne Robinson");
  await formatSelect(page).selectOption({ label: "Paperback" });
  await field(page, "Pages").fill("247");
  await field(page, "Tags").fill("faith, \"letters\", #iowa");
  await field(page, "Post title").fill("My take: ---");
  await ratingSelect(page).selectOption("4.5");
  await sectionBody(page, "Synopsis").fill("A dying pastor writes to his son.\n\n## Not a section\n\n---\n\n```\n<!-- verdict:end -->\n```");
  await page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" }).check();
  await sectionBody(page, "What I liked").fill("The ||ending|| and <b>raw</b> text, trailing spaces   ");
  await headingField(page, "Final verdict").fill("Verdict <details>");
  await expectAllSaved(page);
}

for (const kind of ["Markdown (GitHub)", "JSON"]) {
  test(`a review downloaded as ${kind} opens again exactly, as a new review`, async ({ page }) => {
    await openEditor(page);
    await writeAwkwardReview(page);
    const before = await editorValues(page);
    if (kind !== "JSON") {
      // A body that holds a spoiler is not carried in the Markdown's comments (they are
      // public), so it comes back as the Markdown written for it: the same words and spoiler,
      // with the typed HTML escaped and the trailing spaces gone.
      before.bodies[2] = "The ||ending|| and \\<b\\>raw\\<\\/b\\> text, trailing spaces   ";
    }
    const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, `Download ${kind}`)]);
    expect(download.suggestedFilename()).toMatch(kind === "JSON" ? /\.json$/ : /\.md$/);
    const firstId = await page.evaluate(() => localStorage.getItem("verdict:current"));

    await openFile(page).setInputFiles(await download.path());
    if (kind === "JSON") {
      await expect(page.getByText(/Opened .* as a new review \(exactly as it was exported\)/)).toBeVisible();
    } else {
      await expect(page.getByText(/Opened .* as a new review \(as it was exported\)\..* 2 sections holding spoilers were read from the text as published/)).toBeVisible();
    }
    await expect(field(page, "Title")).toBeFocused();
    expect(await editorValues(page)).toEqual(before);
    await expectAllSaved(page);
    const ids = await page.evaluate(() => ({
      current: localStorage.getItem("verdict:current"),
      drafts: Object.keys(localStorage).filter((k) => k.startsWith("verdict:draft:")).length,
    }));
    expect(ids.current).not.toBe(firstId);
    expect(ids.drafts).toBe(2);
    await expect(preview(page).getByRole("heading", { level: 1 })).toHaveText("My take: ---");
  });
}

test("Markdown from elsewhere becomes sections, with its front matter in the fields", async ({ page }) => {
  await openEditor(page);
  const text = [
    "---",
    "title: \"Review: Beloved by Toni Morrison\"",
    "date: 2026-10-01",
    "tags: [ghosts, memory]",
    "book:",
    "  title: \"Beloved\"",
    "  author: \"Toni Morrison\"",
    "---",
    "",
    "Opening words before any heading.",
    "",
    "## Synopsis",
    "",
    ":::spoiler Spoiler: Synopsis",
    "Sethe's secret.",
    ":::",
    "",
    "## What I liked",
    "",
    "The >!ghost!< and the prose.",
    "",
    "Rating: ★★★★★ 5 out of 5",
  ].join("\n");
  await openFile(page).setInputFiles({ name: "beloved.md", mimeType: "text/markdown", buffer: Buffer.from(text) });
  await expect(page.getByText(/Opened .beloved\.md. as a new review \(its headings became sections\)/)).toBeVisible();
  await expect(field(page, "Title")).toHaveValue("Beloved");
  await expect(field(page, "Author")).toHaveValue("Toni Morrison");
  await expect(field(page, "Post date")).toHaveValue("2026-10-01");
  await expect(field(page, "Tags")).toHaveValue("ghosts, memory");
  await expect(field(page, "Post title")).toHaveValue("");
  await expect(ratingSelect(page)).toHaveValue("5");
  expect(await sectionHeadingValues(page)).toEqual(["", "Synopsis", "What I liked"]);
  await expect(sectionBody(page, "Untitled section 1")).toHaveValue("Opening words before any heading.");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Sethe's secret.");
  await expect(page.getByRole("checkbox", { name: "Mark Synopsis as spoiler" })).toBeChecked();
  await expect(sectionBody(page, "What I liked")).toHaveValue("The ||ghost|| and the prose.");
});

test("a file that is not a review creates nothing and says why", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("Kept");
  await expectAllSaved(page);
  const snapshot = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await snapshot();
  const cases = [
    [{ name: "cover.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]) }, /not a text file/],
    [{ name: "data.json", mimeType: "application/json", buffer: Buffer.from("{\"some\": \"thing\"}") }, /not a Verdict review/],
    [{ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{broken") }, /not valid JSON/],
    [{ name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(5 * 1024 * 1024, "a") }, /more than a review can hold/],
  ];
  for (const [file, message] of cases) {
    await openFile(page).setInputFiles(file);
    const alert = page.getByRole("alert").filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("Nothing was opened");
    await alert.getByRole("button", { name: "Dismiss" }).click();
  }
  await expect(field(page, "Title")).toHaveValue("Kept");
  expect(await snapshot()).toBe(before);
});

test.describe("hostile input through import", () => {
  test.setTimeout(180_000);
  const { payloads } = JSON.parse(readFileSync("tests/xss-payloads.json", "utf8"));
  const texts = payloads.map((p) => p.payload);
  const inline = texts.join(" ");
  const review = {
    metadata: { title: inline, author: inline, pages: inline, publisher: inline, publication_date: inline, language: inline, isbn10: inline, isbn13: inline, genre: inline, audience: inline, categories: inline, tags: texts.join(", "), reviewer: inline, post_date: inline },
    post_title: inline,
    sections: [
      { id: 1, heading: texts.slice(0, 60).join(" "), body: texts.join("\n\n"), spoiler: true },
      { id: 2, heading: "Inline", body: texts.map((t) => `||${t}||`).join("\n\n"), spoiler: false },
      { id: 3, heading: "Mixed", body: texts.join(" ||a|| "), spoiler: false },
    ],
    rating: 7,
  };
  const plainMarkdown = texts.map((t, i) => `## ${t}\n\n${t}\n\n>!${t}!<\n\n<details><summary>${t}</summary>\n\n${t}\n\n</details>\n`).join("\n");
  const files = {
    json: { name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "verdict-review", version: 1, review })) },
    markdown: { name: "hostile.md", mimeType: "text/markdown", buffer: Buffer.from(`---\ntitle: "${texts.slice(0, 20).join(" ").replace(/["\\]/g, "")}"\ntags: [${texts.slice(0, 20).map((t) => JSON.stringify(t)).join(", ")}]\n---\n\n${plainMarkdown}`) },
  };
  for (const [kind, file] of Object.entries(files)) {
    test(`the XSS corpus in a ${kind} file runs nowhere once opened`, async ({ page, context }) => {
      const { watch, dialogs } = await guard(page, context);
      await openEditor(page);
      await openFile(page).setInputFiles(file);
      await expect(page.getByText(/as a new review/)).toBeVisible();
      await expectAllSaved(page);
      expect(await page.getByRole("textbox").count()).toBeGreaterThan(15);
      expect(await activeMarkup(page.locator("body"))).toEqual([]);
      const pv = preview(page);
      await pv.getByText("Show spoilers").click();
      expect(await activeMarkup(page.locator("body"))).toEqual([]);
      expect(await clickEveryLink(page, pv)).toBeGreaterThan(0);
      const [htmlFile] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download HTML page")]);
      const htmlPath = test.info().outputPath(`import-${kind}.html`);
      await htmlFile.saveAs(htmlPath);
      const exported = await context.newPage();
      watch(exported);
      await exported.addInitScript(() => { window.__pwned = 0; });
      await exported.goto(`file://${htmlPath}`);
      expect(await activeMarkup(exported.locator("body"))).toEqual([]);
      for (const summary of await exported.locator("summary").all()) await summary.click();
      await clickEveryLink(exported, exported.locator("body"));
      expect(await exported.evaluate(() => window.__pwned)).toBe(0);
      // After a reload (the imported draft restored from storage), still nothing.
      await page.reload();
      // The details card's toggle: shown whether the fields are open or folded.
      await expect(page.getByRole("button", { name: / details$/ })).toBeVisible();
      expect(await activeMarkup(page.locator("body"))).toEqual([]);
      expect(await page.evaluate(() => window.__pwned)).toBe(0);
      expect(dialogs()).toBe(0);
    });
  }
});

test("control characters from a file are taken out with a note; TOML multi-line titles and HTML in headings are kept", async ({ page }) => {
  await openEditor(page);
  const review = {
    metadata: { title: "Gilead\u202e", isbn13: "978-0-571-22413-0\u0000", author: "Marilynne\u0008 Robinson" },
    post_title: "",
    sections: [{ id: 1, heading: "Synopsis", body: "A letter\u0000 to a son.", spoiler: false }],
    rating: null,
  };
  await openFile(page).setInputFiles({ name: "controls.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "verdict-review", version: 1, review })) });
  await expect(page.getByText(/Opened .controls\.json. as a new review/)).toBeVisible();
  await expect(page.getByText(/The field .ISBN-13. lost 1 control character \(U\+0000\)/)).toBeVisible();
  await expect(page.getByText(/The field .Title. lost 1 control character \(U\+202E\)/)).toBeVisible();
  await expect(page.getByText(/The field .Author. lost 1 control character \(U\+0008\)/)).toBeVisible();
  await expect(page.getByText(/The text of section 1 \(.Synopsis.\) lost 1 control character \(U\+0000\)/)).toBeVisible();
  await expect(field(page, "ISBN-13")).toHaveValue("978-0-571-22413-0");
  await expect(field(page, "Title")).toHaveValue("Gilead");
  await expect(sectionBody(page, "Synopsis")).toHaveValue("A letter to a son.");
  await expectAllSaved(page);
  for (const kind of ["Markdown (GitHub)", "JSON", "HTML page"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, `Download ${kind}`)]);
    const text = readFileSync(await download.path(), "utf8");
    expect(text, kind).not.toMatch(/[\u0000\u0008\u202e]|\\u0000|\\b/);
    expect(text, kind).toContain("978-0-571-22413-0");
  }

  const markdown = [
    "+++",
    "title = '''",
    "Review: it's \"good\"'''",
    "[book]",
    "title = \"\"\"Gilead\"\"\"",
    "+++",
    "",
    "## Sec <img src=x onerror=\"window.__pwned=1\">",
    "",
    "Body\u202e text.",
  ].join("\n");
  await openFile(page).setInputFiles({ name: "toml.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) });
  await expect(page.getByText(/Opened .toml\.md. as a new review/)).toBeVisible();
  await expect(page.getByText(/lost 1 control character \(U\+202E\)/)).toBeVisible();
  await expect(field(page, "Post title")).toHaveValue("Review: it's \"good\"");
  await expect(field(page, "Title")).toHaveValue("Gilead");
  expect(await sectionHeadingValues(page)).toEqual(["Sec <img src=x onerror=\"window.__pwned=1\">"]);
  const pv = preview(page);
  await expect(pv.getByRole("heading", { level: 2 })).toHaveText("Sec <img src=x onerror=\"window.__pwned=1\">");
  await expect(pv.getByRole("img")).toHaveCount(0);
  await expect(sectionBody(page, "Sec <img src=x onerror=\"window.__pwned=1\">")).toHaveValue("Body text.");
});
