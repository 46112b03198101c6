// Loading like a fast site, and never a blank page: the release build's app files carry
// content-hashed names (scripts/filehash.mjs) that every reference follows; the Wasm is fetched
// once, by the page's preload, and compiled while it streams; and when the app's code cannot be
// loaded (missing, unreachable, not matching its integrity) the safety net in public/boot.js,
// which no longer imports the app statically, says what happened and offers every saved review.
import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expectAllSaved, field, openDetails, openEditor, sectionBody } from "./helpers.js";

const HASHED = {
  "verdict.js": /^verdict-([0-9a-f]{8})\.js$/,
  "verdict_bg.wasm": /^verdict_bg-([0-9a-f]{8})\.wasm$/,
  "app.css": /^app-([0-9a-f]{8})\.css$/,
  "extras.js": /^extras-([0-9a-f]{8})\.js$/,
  "extras_bg.wasm": /^extras_bg-([0-9a-f]{8})\.wasm$/,
};
/** The module loaded on demand (src/extras.rs): named by the boot script, not by the page. */
const ON_DEMAND = ["extras.js", "extras_bg.wasm"];

/** The built file that `plain` became (e.g. verdict-0123abcd.js). */
function built(plain) {
  const names = readdirSync("dist").filter((name) => HASHED[plain].test(name));
  expect(names, `one hashed ${plain} in dist/`).toHaveLength(1);
  return names[0];
}

/** Every file of the build, relative to dist/. */
function distFiles() {
  return readdirSync("dist", { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice("dist/".length));
}

test("the app files have content-hashed names, and no file of the build names an old one", async () => {
  const files = distFiles();
  for (const plain of Object.keys(HASHED)) {
    expect(files, `${plain} keeps no plain copy`).not.toContain(plain);
    const name = built(plain);
    const hash = createHash("sha256").update(readFileSync(join("dist", name))).digest("hex").slice(0, 8);
    expect(name.match(HASHED[plain])[1], `${name}: the hash of its content`).toBe(hash);
  }
  // The page, its boot script and the worker keep their names (they are found by address).
  expect(files).toEqual(expect.arrayContaining(["index.html", "sw.js", "public/boot.js"]));
  const html = readFileSync("dist/index.html", "utf8");
  const worker = readFileSync("dist/sw.js", "utf8");
  for (const plain of Object.keys(HASHED)) {
    if (!ON_DEMAND.includes(plain)) expect(html, `index.html links ${built(plain)}`).toContain(`/${built(plain)}`);
    expect(worker, `sw.js precaches ${built(plain)}`).toContain(`["${built(plain)}","sha384-`);
  }
  // The page names nothing of the module loaded on demand; the boot script imports it.
  expect(html).not.toContain("extras");
  expect(readFileSync("dist/public/boot.js", "utf8")).toContain(`"../${built("extras.js")}"`);
  // What no browser reads is not downloaded: the Wasm has no custom sections (scripts/minify.mjs).
  for (const plain of ["verdict_bg.wasm", "extras_bg.wasm"]) {
    const wasm = new WebAssembly.Module(readFileSync(join("dist", built(plain))));
    for (const name of ["producers", "target_features", "name", "__wasm_split_unstable"]) {
      expect(WebAssembly.Module.customSections(wasm, name), `${plain} has no ${name} section`).toHaveLength(0);
    }
  }
  // Each loader's own default URL of its Wasm is the hashed one too.
  expect(readFileSync(join("dist", built("verdict.js")), "utf8")).toContain(`"${built("verdict_bg.wasm")}"`);
  expect(readFileSync(join("dist", built("extras.js")), "utf8")).toContain(`"${built("extras_bg.wasm")}"`);
  // Scripts and style sheets are checked against their hashes; the Wasm's preload carries none
  // (Chromium ignores it there, and the loader's fetch would then not match the preload).
  for (const plain of ["verdict.js", "app.css"]) {
    expect(html, `${plain} has its integrity`).toMatch(new RegExp(`<link[^>]*${built(plain).replace(".", "\\.")}[^>]*integrity=sha384-`));
  }
  expect(html).not.toMatch(/<link[^>]*\.wasm[^>]*integrity=/);
  // The preview's style sheet is part of the app's (scripts/minify.mjs): one file, one link.
  // (The dialogs loaded on demand bring their own, extras.css, which the page does not link.)
  expect(files.filter((file) => file.endsWith(".css"))).toEqual([built("app.css"), "extras.css"]);
  expect(html.match(/<link[^>]*stylesheet[^>]*>/g)).toHaveLength(1);
  expect(readFileSync(join("dist", built("app.css")), "utf8")).toMatch(/\.review \.byline time\{/);
  const oldName = new RegExp(`(?<![\\w-])(${Object.keys(HASHED).map((n) => n.replace(".", "\\.")).join("|")})(?![\\w-])`);
  for (const file of files.filter((f) => /\.(html|js|css|json|webmanifest|svg)$/.test(f))) {
    expect(readFileSync(join("dist", file), "utf8").match(oldName)?.[0], `${file} names no plain file name`).toBeUndefined();
  }
});

test("the Wasm is fetched once, by the page's preload, and compiled while it streams", async ({ page }) => {
  const wasmRequests = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) wasmRequests.push(request);
  });
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
  });
  await page.addInitScript(() => {
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...args) => {
      window.__streamed = (window.__streamed ?? 0) + 1;
      return streaming.apply(WebAssembly, args);
    };
  });
  await openEditor(page);
  await expect(field(page, "Title")).toBeVisible();
  await page.waitForLoadState("load");
  expect(wasmRequests.map((request) => request.url())).toEqual([new URL(`/${built("verdict_bg.wasm")}`, page.url()).href]);
  const response = await wasmRequests[0].response();
  expect(response.headers()["content-type"]).toBe("application/wasm");
  expect(await page.evaluate(() => window.__streamed), "WebAssembly.instantiateStreaming compiled it").toBe(1);
  // No "preloaded but not used", no "integrity ignored", no fallback to a non-streaming compile.
  expect(warnings).toEqual([]);
});

/** Types a review (the open draft) and stores a second one beside it, as another visit would have. */
async function seedTwoReviews(page) {
  await openEditor(page);
  await openDetails(page);
  await field(page, "Title").fill("Rescued Book");
  await sectionBody(page, "What I liked").fill("Every word of this must survive.");
  await expectAllSaved(page);
  await page.evaluate(() => {
    const review = { metadata: { title: "The Other One" }, post_title: "", sections: [{ id: 1, heading: "Synopsis", body: "Older words, kept too.", spoiler: false }], rating: 8 };
    localStorage.setItem("verdict:draft:other", JSON.stringify({ schema: 3, id: "other", revision: 2, saved_at: "2026-11-25T10:00:00Z", review, view: {} }));
  });
}

/** Clicks a download link and returns the file's name and text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

const FAILURES = [
  {
    what: "the loader answers 404",
    url: () => `**/${built("verdict.js")}`,
    handle: (route) => route.fulfill({ status: 404, body: "gone" }),
    says: () => built("verdict.js"),
  },
  {
    what: "the loader cannot be reached",
    url: () => `**/${built("verdict.js")}`,
    handle: (route) => route.abort("internetdisconnected"),
    says: () => built("verdict.js"),
  },
  {
    what: "the loader does not match its integrity",
    url: () => `**/${built("verdict.js")}`,
    // The same code with one line added: the page's integrity no longer matches, so none of it runs.
    handle: async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nwindow.tampered = true;\n` });
    },
    says: () => built("verdict.js"),
  },
  {
    what: "the page names no loader",
    // An altered or half-deployed index.html: the same page without its modulepreload link.
    url: () => (url) => url.pathname === "/" || url.pathname.endsWith("/index.html"),
    handle: async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<link[^>]*rel="?modulepreload"?[^>]*>/g, "");
      await route.fulfill({ response, body });
    },
    says: () => "names no app",
  },
  {
    what: "the Wasm answers 404",
    url: () => `**/${built("verdict_bg.wasm")}`,
    handle: (route) => route.fulfill({ status: 404, body: "gone" }),
    says: () => "404",
  },
];

test.describe("a failed load", () => {
  // A service worker would answer from its cache and hide the routed failures from the page.
  test.use({ serviceWorkers: "block" });

  for (const failure of FAILURES) {
    test(`when ${failure.what}, the page says so and offers every saved review`, async ({ page }) => {
      await seedTwoReviews(page);
      const url = failure.url();
      await page.route(url, failure.handle);
      await page.reload();

      await expect(page.getByRole("heading", { name: "Verdict stopped working" })).toBeVisible();
      await expect(page.getByText("could not start", { exact: false })).toContainText(failure.says());
      expect(await page.evaluate(() => window.tampered), "no tampered code ran").toBeUndefined();
      const mine = await download(page, "Download my review");
      expect(mine.name).toBe("verdict-rescued-review.md");
      expect(mine.text).toContain("# Review: Rescued Book");
      expect(mine.text).toContain("Every word of this must survive.");
      expect(mine.text).not.toContain("The Other One");
      const all = await download(page, "Download all 2 saved reviews");
      expect(all.name).toBe("verdict-rescued-reviews.md");
      expect(all.text).toContain("# Review: Rescued Book");
      expect(all.text).toContain("Every word of this must survive.");
      expect(all.text).toContain("# Review: The Other One");
      expect(all.text).toContain("Older words, kept too.");

      // Once the file is back, Reload brings the editor back with the review.
      await page.unroute(url);
      await page.getByRole("button", { name: "Reload Verdict", exact: true }).click();
      await expect(sectionBody(page, "What I liked")).toHaveValue("Every word of this must survive.");
    });
  }
});
