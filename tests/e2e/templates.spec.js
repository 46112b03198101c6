// Smart about the work: templates (Book, Film, Video game, Album) with their own fields and
// sections, the person's own fields, a cover image, and genre/tag suggestions from the library.
import { test, expect } from "@playwright/test";
import {
  DEFAULT_HEADINGS,
  button,
  downloadFrom,
  draftRecord,
  field,
  openEditor,
  preview,
  sectionBody,
  sectionHeadingValues,
  seedStorage,
  chooseFromMenu,
  openDetails,
} from "./helpers.js";
import { readFile } from "node:fs/promises";

function templateSelect(page) {
  return page.getByRole("combobox", { name: "Template", exact: true });
}

test("a film review names its own fields and sections, and switching back loses nothing", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("Alien");
  await field(page, "Author").fill("Ridley Scott");
  await field(page, "Pages").fill("117");
  await field(page, "ISBN-13").fill("978-1400043392");

  await templateSelect(page).selectOption({ label: "Film" });
  await expect(page.getByRole("group", { name: "Film" })).toBeVisible();
  await expect(field(page, "Director")).toHaveValue("Ridley Scott");
  await expect(field(page, "Title")).toHaveValue("Alien");
  await expect(field(page, "Pages")).toHaveCount(0);
  await expect(field(page, "ISBN-13")).toHaveCount(0);
  await expect(page.getByText("Kept from another template, not shown or exported: Pages, ISBN.")).toBeVisible();
  // Nothing was written in the sections yet, so they take the film's headings.
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What worked", "What didn't work", "Final verdict"]);

  await field(page, "Runtime").fill("117 min");
  await field(page, "Studio").fill("20th Century Fox");
  await field(page, "Release date").fill("1979-05-25");
  await sectionBody(page, "What worked").fill("The **dread**.");
  await expect(preview(page).getByText("Director: Ridley Scott")).toBeVisible();
  await expect(preview(page).getByText("Runtime: 117 min")).toBeVisible();
  // Spelled out for readers; the machine-readable parts keep the ISO date.
  await expect(preview(page).getByText("Studio: 20th Century Fox (25 May 1979)")).toBeVisible();
  await expect(preview(page).getByText(/ISBN/)).toHaveCount(0);

  const html = await downloadFrom(page, () => chooseFromMenu(page, "Download HTML page"));
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html.bytes.toString())[1]);
  expect(ld.itemReviewed["@type"]).toBe("Movie");
  expect(ld.itemReviewed.director.name).toBe("Ridley Scott");
  expect(ld.itemReviewed.duration).toBe("PT117M");
  const md = (await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"))).bytes.toString();
  expect(md).toContain("\nfilm:\n  title: \"Alien\"\n  director: \"Ridley Scott\"\n");
  expect(md).toContain("- Director: Ridley Scott\n");
  expect(md).toContain("- Studio: 20th Century Fox (25 May 1979)\n");
  expect(md).not.toContain("(1979-05-25)");
  expect(md).toContain("1979-05-25");
  // Fields the film template does not use are kept in the draft, never published.
  expect(md).not.toContain("1400043392");
  expect(html.bytes.toString()).not.toContain("1400043392");

  // Back to Book: the book's fields come back as typed, and the written sections stay.
  await templateSelect(page).selectOption({ label: "Book" });
  await expect(field(page, "Author")).toHaveValue("Ridley Scott");
  await expect(field(page, "Pages")).toHaveValue("117");
  await expect(field(page, "ISBN-13")).toHaveValue("978-1400043392");
  expect(await sectionHeadingValues(page)).toEqual(["Synopsis", "What worked", "What didn't work", "Final verdict"]);
  await expect(sectionBody(page, "What worked")).toHaveValue("The **dread**.");
  // The template survives a reload (it is saved with the review).
  await templateSelect(page).selectOption({ label: "Album" });
  await expect(field(page, "Artist")).toBeVisible();
  await page.reload();
  // A filled review opens with its details folded.
  await openDetails(page, "Album details");
  await expect(templateSelect(page)).toHaveValue("album");
  await expect(field(page, "Artist")).toHaveValue("Ridley Scott");
  await expect(field(page, "Tracks")).toBeVisible();
});

test("a template change can be undone", async ({ page }) => {
  await openEditor(page);
  await templateSelect(page).selectOption({ label: "Video game" });
  expect(await sectionHeadingValues(page)).toEqual(["Overview", "Gameplay and story", "What I didn't like", "Final verdict"]);
  await expect(field(page, "Developer")).toBeVisible();
  await expect(field(page, "Platform")).toBeVisible();
  // One step takes back the template and the headings it renamed.
  await button(page, "Undo").click();
  await expect(templateSelect(page)).toHaveValue("book");
  expect(await sectionHeadingValues(page)).toEqual(DEFAULT_HEADINGS);
  await button(page, "Redo").click();
  await expect(templateSelect(page)).toHaveValue("game");
  expect(await sectionHeadingValues(page)).toEqual(["Overview", "Gameplay and story", "What I didn't like", "Final verdict"]);
});

test("the person's own fields and a cover image flow into the preview and both exports", async ({ page }) => {
  await openEditor(page);
  await field(page, "Title").fill("Gilead");
  await button(page, "Add a field").click();
  await expect(field(page, "Name of field 1")).toBeFocused();
  await page.keyboard.type("Series");
  await field(page, "Value of Series").fill("Gilead, book 1");
  await button(page, "Add a field").click();
  await field(page, "Name of field 2").fill("Received as an advance copy");
  await field(page, "Value of Received as an advance copy").fill("yes");
  await expect(preview(page).getByText("Series: Gilead, book 1")).toBeVisible();
  await expect(preview(page).getByText("Received as an advance copy: yes")).toBeVisible();

  // A cover address that is not a web address is refused with a reason, and drawn nowhere.
  const cover = field(page, "Cover image");
  await cover.fill("javascript:alert(1)");
  await expect(page.getByText(/A cover image needs a full web address/)).toBeVisible();
  await expect(cover).toHaveAttribute("aria-invalid", "true");
  await expect(preview(page).getByRole("img")).toHaveCount(0);
  await cover.fill("https://example.com/gilead.jpg");
  await expect(cover).not.toHaveAttribute("aria-invalid", "true");
  await expect(preview(page).getByRole("img", { name: "Cover of Gilead" })).toHaveAttribute("src", "https://example.com/gilead.jpg");

  const md = (await downloadFrom(page, () => chooseFromMenu(page, "Download Markdown (GitHub)"))).bytes.toString();
  expect(md).toContain("![Cover of Gilead](<https://example.com/gilead.jpg>)");
  expect(md).toContain("- Series: Gilead, book 1\n- Received as an advance copy: yes\n");
  expect(md).toContain('  fields:\n    - "Series: Gilead, book 1"\n');
  const html = (await downloadFrom(page, () => chooseFromMenu(page, "Download HTML page"))).bytes.toString();
  expect(html).toContain('<img referrerpolicy="no-referrer" src="https://example.com/gilead.jpg" alt="Cover of Gilead">');
  expect(html).toContain("<li>Series: Gilead, book 1</li>");

  await button(page, "Remove Series").click();
  await expect(button(page, "Add a field")).toBeFocused();
  await expect(preview(page).getByText("Series: Gilead, book 1")).toHaveCount(0);
  await expect(field(page, "Value of Received as an advance copy")).toHaveValue("yes");
});

test("genre and tags suggest what other reviews use and flag a likely typo", async ({ page }) => {
  const other = (id, genre, tags) => {
    const record = draftRecord({ id, title: `Book ${id}`, savedAt: `2026-01-0${id.length}T10:00:00.000Z` });
    record.review.metadata.genre = genre;
    record.review.metadata.tags = tags;
    return JSON.stringify(record);
  };
  await seedStorage(
    page,
    {
      "verdict:draft:a": other("a", "sci-fi, dystopia", "clones"),
      "verdict:draft:bb": other("bb", "sci-fi, literary fiction", "Ishiguro"),
      "verdict:draft:mine": JSON.stringify(draftRecord({ id: "mine", title: "Never Let Me Go" })),
    },
    "mine",
  );
  const genre = field(page, "Genre");
  await genre.fill("sici-fi");
  await expect(page.getByText("\u201csici-fi\u201d looks like \u201csci-fi\u201d, used in 2 other reviews.")).toBeVisible();
  await button(page, "Use \u201csci-fi\u201d").click();
  await expect(genre).toHaveValue("sci-fi");
  await expect(genre).toBeFocused();
  await expect(page.getByText(/looks like/)).toHaveCount(0);
  // Suggestions: what the others use and this one does not yet, most used first.
  const genres = page.getByRole("group", { name: "genres used in other reviews" });
  await expect(genres.getByRole("button")).toHaveText(["+ dystopia", "+ literary fiction"]);
  await button(page, "Add genre dystopia").click();
  await expect(genre).toHaveValue("sci-fi, dystopia");
  await field(page, "Tags").click();
  await button(page, "Add tag Ishiguro").click();
  await expect(field(page, "Tags")).toHaveValue("Ishiguro");
});
