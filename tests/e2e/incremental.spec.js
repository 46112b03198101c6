// A keystroke re-renders only the section it changed: typing in one section leaves every other
// part of the preview's DOM untouched (the same nodes, no mutations).
import { test, expect } from "@playwright/test";
import { preview, sectionBody } from "./helpers.js";

test("typing in one section touches only that section's preview", async ({ page }) => {
  await page.goto("/");
  for (const heading of ["Synopsis", "What I liked", "What I didn't like", "Final verdict"]) {
    await page.getByRole("textbox", { name: heading, exact: true }).fill(`Some *text* for ${heading}, with ||a spoiler||.`);
  }
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Some text for Final verdict", { exact: false })).toBeVisible();

  // Watch every preview section; mark the nodes so that a replaced node would show.
  await page.evaluate(() => {
    const sections = [...document.querySelectorAll("[aria-label=Preview] section.review-section")];
    window.__mutated = sections.map(() => 0);
    sections.forEach((section, i) => {
      section.querySelector(".section-body .preview-chunk").firstElementChild.dataset.marker = `m${i}`;
      new MutationObserver((records) => (window.__mutated[i] += records.length)).observe(section, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
  });
  const liked = page.getByRole("textbox", { name: "What I liked", exact: true });
  await liked.press("End");
  await liked.pressSequentially(" More words.");
  await expect(preview.getByText("More words.", { exact: false })).toBeVisible();
  const mutated = await page.evaluate(() => window.__mutated);
  expect(mutated[1]).toBeGreaterThan(0);
  expect([mutated[0], mutated[2], mutated[3]]).toEqual([0, 0, 0]);
  const markers = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label=Preview] [data-marker]")].map((n) => n.dataset.marker),
  );
  expect(markers).toEqual(["m0", "m2", "m3"]);
});

// A long section's preview is drawn in chunks of blocks, so that a keystroke lays out one chunk
// instead of every block: whatever the edit (typing at the end, a new paragraph in the middle,
// a long selection deleted, a paste of many paragraphs), the preview shows the text's blocks in
// order, untouched blocks keep their nodes, and the chunks change nothing on screen.
test("a long section's preview follows every edit, and its chunks do not change the layout", async ({ page }) => {
  await page.goto("/");
  const blocks = [];
  for (let i = 1; i <= 300; i++) {
    if (i % 37 === 0) blocks.push(`### Heading ${i}`);
    else if (i % 23 === 0) blocks.push(`- item ${i}\n- another ${i}`);
    else if (i % 29 === 0) blocks.push(`> Quote ${i}`);
    else if (i % 31 === 0) blocks.push("```\ncode " + i + "\n```");
    else blocks.push(`Paragraph ${i} with *emphasis* and ||a spoiler ${i}||.`);
  }
  const body = sectionBody(page, "Synopsis");
  await body.fill(blocks.join("\n\n"));
  const section = preview(page).locator("section.review-section").first();

  /** The preview's blocks (text of each), and whether each sits in a chunk of at most 64. */
  const drawn = () =>
    section.evaluate((s) => {
      const container = s.querySelector(".section-body");
      const chunks = [...container.children];
      return {
        texts: chunks.flatMap((c) => [...c.children].map((b) => b.textContent.trim())),
        chunked: chunks.every((c) => c.className === "preview-chunk" && c.children.length > 0 && c.children.length <= 64),
      };
    });
  /** The start of what the preview should show for each block of the text area's text: its
   *  first line up to any spoiler, without the Markdown marks. */
  const expected = async () =>
    (await body.inputValue())
      .split(/\n\n+/)
      .filter((b) => b.trim())
      .map((b) => b.replace(/^```\n/, "").split("\n")[0].split("||")[0].replace(/^(### |> |- )/, "").replaceAll("*", "").trim());
  const check = async () => {
    const want = await expected();
    await expect.poll(async () => (await drawn()).texts.length).toBe(want.length);
    const { texts, chunked } = await drawn();
    expect(chunked).toBe(true);
    for (let i = 0; i < want.length; i++) expect(texts[i].replace(/\s+/g, " ")).toContain(want[i]);
  };
  await check();
  // A node early in the section, to see that later edits leave it alone.
  await section.evaluate((s) => { s.querySelector(".section-body p").dataset.marker = "kept"; });

  // Typing at the end.
  await body.press("Control+End");
  await body.pressSequentially(" The end");
  await expect(section).toContainText("The end");
  await check();
  // A new paragraph in the middle: the caret put after block 150, then Enter, Enter, text.
  const at = (await body.inputValue()).indexOf("\n\n", (await body.inputValue()).indexOf("Paragraph 150 "));
  await body.evaluate((el, at) => el.setSelectionRange(at, at), at);
  await body.press("Enter");
  await body.press("Enter");
  await body.pressSequentially("Inserted in the middle.");
  await expect(section).toContainText("Inserted in the middle.");
  await check();
  // A long selection (blocks 100 to 200) deleted.
  const text = await body.inputValue();
  const from = text.indexOf("Paragraph 100 ");
  const to = text.indexOf("Paragraph 201 ");
  await body.evaluate((el, [from, to]) => el.setSelectionRange(from, to), [from, to]);
  await body.press("Backspace");
  await expect(section).not.toContainText("Paragraph 150 ");
  await check();
  // A paste of 120 paragraphs (more than a chunk holds) in the middle.
  const pasted = Array.from({ length: 120 }, (_, i) => `Pasted ${i + 1}.`).join("\n\n") + "\n\n";
  const middle = (await body.inputValue()).indexOf("Paragraph 60 ");
  await body.evaluate((el, at) => el.setSelectionRange(at, at), middle);
  await page.keyboard.insertText(pasted);
  await expect(section).toContainText("Pasted 120.");
  await check();
  expect(await section.evaluate((s) => s.querySelector("[data-marker]")?.textContent)).toContain("Paragraph 1 ");

  // The chunks are plain boxes: with the blocks taken out of them, every block stays where it was.
  const tops = () =>
    section.evaluate((s) => {
      const container = s.querySelector(".section-body");
      const origin = container.getBoundingClientRect().top;
      return [...container.children]
        .flatMap((c) => (c.classList.contains("preview-chunk") ? [...c.children] : [c]))
        .map((b) => Math.round((b.getBoundingClientRect().top - origin) * 2) / 2);
    });
  const chunkedTops = await tops();
  await section.evaluate((s) => {
    const container = s.querySelector(".section-body");
    for (const chunk of [...container.children]) chunk.replaceWith(...chunk.children);
  });
  const flatTops = await tops();
  expect(flatTops.length).toBe(chunkedTops.length);
  expect(flatTops).toEqual(chunkedTops);
});
