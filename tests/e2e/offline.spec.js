// Offline and installable: once opened, the release build loads with the server gone (its
// service worker, sw.js, precaches every file of the build); its cache version follows the
// build's content; a new build comes up at the next load without disturbing an open page; a
// development build on the same origin gets the old worker out of the way.
// Each test runs its own static server on a free port (it is stopped halfway) and a fresh
// browser context, never the suite's shared server.
import { test, expect } from "@playwright/test";
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectAllSaved, field, openDetails, sectionBody } from "./helpers.js";

/** A TCP port nobody listens on right now. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts tests/support/serve.mjs on `dir` and `port`; resolves once it answers. */
async function startServer(dir, port) {
  const child = spawn(process.execPath, ["tests/support/serve.mjs", dir, String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited`);
    try {
      if ((await fetch(url)).ok) return { url, stop: () => stopServer(child) };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`no server on ${port}`);
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  await exited;
}

/** Waits until a service worker is active and controls `page`; returns its cache version. */
async function waitForWorker(page) {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? "no worker controls the page"), { timeout: 15_000 })
    .toBe("activated");
  await page.evaluate(() => navigator.serviceWorker.ready);
  const names = await page.evaluate(() => caches.keys());
  expect(names.filter((name) => name.startsWith("verdict-")), "one cache, this build's").toHaveLength(1);
  return names.find((name) => name.startsWith("verdict-")).slice("verdict-".length);
}

/** The cache version written into `dir`/sw.js. */
function versionOf(dir) {
  return readFileSync(join(dir, "sw.js"), "utf8").match(/^const VERSION = "([0-9a-f]{16})";$/m)?.[1];
}

/** Undone after each test, last first: servers stopped, contexts closed, copies removed. */
const cleanup = [];
test.afterEach(async () => {
  while (cleanup.length) await cleanup.pop()();
});

/** A copy of dist/, to run the post-build hook on again (removed after the test). */
function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), "verdict-offline-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync("dist", dir, { recursive: true });
  return dir;
}

/** A copy of the build titled `title` (to tell it by), made as Trunk makes a `profile` build. */
function buildTitled(title, profile) {
  const dir = copyOfBuild();
  const page = join(dir, "index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("<title>Verdict — review editor</title>", `<title>${title}</title>`));
  runHook(dir, profile);
  return dir;
}

/** The app served from `dir` on `port`, in a browser context of its own; both end with the test. */
async function servedContext(browser, dir, port) {
  const server = await startServer(dir, port);
  cleanup.push(server.stop);
  const context = await browser.newContext({ baseURL: server.url });
  cleanup.push(() => context.close());
  return { server, context };
}

/** Runs the post-build hook on `dir` as Trunk does for `profile` (release or debug). */
function runHook(dir, profile) {
  return execFileSync(process.execPath, ["scripts/precache.mjs"], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile },
    encoding: "utf8",
  });
}

/** Asserts the editor is up and working, with no crash page and no alert. */
async function expectEditorStarted(page, synopsis) {
  // The details card's toggle: shown whether the fields are open or folded.
  await expect(page.getByRole("button", { name: "Book details", exact: true })).toBeVisible();
  await expect(sectionBody(page, "Synopsis")).toHaveValue(synopsis);
  await expect(page.getByRole("heading", { name: "Verdict stopped working" })).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText("All changes saved");
}

test("once opened, the app loads with the server stopped, in a reload and in a new tab", async ({ browser }) => {
  const { server, context } = await servedContext(browser, "dist", await freePort());
  const errors = [];
  context.on("weberror", (e) => errors.push(e.error().message));
  // The page's Content-Security-Policy is unchanged: the manifest and the worker fit in it.
  await context.exposeFunction("__reportViolation", (v) => errors.push(`CSP: ${v}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();

  await page.goto("/");
  await expect(field(page, "Title")).toBeVisible();
  // Installable: the manifest is linked, and its relative URLs lead to the app and its icons.
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
  const manifest = await (await fetch(manifestUrl)).json();
  expect(manifest).toMatchObject({ name: "Verdict", display: "standalone" });
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(server.url);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(server.url);
  for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, manifestUrl))).ok, icon.src).toBe(true);
  // The light theme colour is the manifest's; the dark scheme gets its own.
  await expect(page.locator('meta[name="theme-color"][media*="light"]')).toHaveAttribute("content", manifest.theme_color);
  await expect(page.locator('meta[name="theme-color"][media*="dark"]')).toHaveAttribute("content", "#1f1f22");

  const version = await waitForWorker(page);
  expect(version).toBe(versionOf("dist"));
  await sectionBody(page, "Synopsis").fill("Written before the network went away.");
  await expectAllSaved(page);

  await server.stop();
  await expect(fetch(server.url), "the server is gone").rejects.toThrow();
  const fromPage = await page.evaluate(() => fetch("/not-precached.txt").then(() => "answered", () => "failed"));
  expect(fromPage, "the browser cannot reach it either").toBe("failed");

  const reload = await page.reload();
  expect(reload.fromServiceWorker(), "the page came from the service worker").toBe(true);
  await expectEditorStarted(page, "Written before the network went away.");
  // It still works offline: typing is saved.
  await field(page, "Title").fill("Offline");
  await expectAllSaved(page);
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("heading", { level: 1 })).toHaveText("Review: Offline");
  // The module loaded on demand was stored too: a library opens offline.
  const library = "Book Id,Title,Author,Exclusive Shelf,My Review\n1,Piranesi,Susanna Clarke,read,Vast.\n";
  await page.getByLabel("Open file", { exact: true }).setInputFiles({ name: "library.csv", mimeType: "text/csv", buffer: Buffer.from(library) });
  await expect(page.getByRole("dialog", { name: "Import a library" })).toContainText("holds 1 book, 1 with a review");
  await page.getByRole("dialog", { name: "Import a library" }).getByRole("button", { name: "Close" }).click();

  const another = await context.newPage();
  await another.goto("/");
  await expectEditorStarted(another, "Written before the network went away.");
  await openDetails(another);
  await expect(field(another, "Title")).toHaveValue("Offline");
  // Files the manifest names are there offline too (an installed app's icons).
  expect(await another.evaluate((url) => fetch(url).then((r) => r.ok), manifestUrl)).toBe(true);
  expect(errors).toEqual([]);
});

test("the post-build hook: the cache version follows the build's content; debug builds get no worker", async () => {
  const dist = readdirSync("dist", { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice("dist/".length))
    .filter((path) => path !== "sw.js")
    .sort();
  const precached = [...readFileSync("dist/sw.js", "utf8").matchAll(/^  \["([^"]+)","sha384-[A-Za-z0-9+/=]+"\],$/gm)].map((m) => m[1]);
  expect(precached.map((path) => (path === "./" ? "index.html" : path)).sort(), "every file of the build, nothing else").toEqual(dist);
  expect(readFileSync("dist/index.html", "utf8")).toContain('<meta name="verdict-service-worker" content="sw.js" />');

  // The same build again: the same version, byte for byte the same worker and page.
  const same = copyOfBuild();
  runHook(same, "release");
  expect(readFileSync(join(same, "sw.js"), "utf8")).toBe(readFileSync("dist/sw.js", "utf8"));
  expect(readFileSync(join(same, "index.html"), "utf8")).toBe(readFileSync("dist/index.html", "utf8"));

  // One byte of one file changed: a new version, and that file a new name, which the page and the
  // worker follow (the old name is gone).
  const changed = copyOfBuild();
  const css = readdirSync(changed).find((name) => /^app-[0-9a-f]{8}\.css$/.test(name));
  writeFileSync(join(changed, css), `${readFileSync(join(changed, css), "utf8")}\n`);
  runHook(changed, "release");
  expect(versionOf(changed)).toMatch(/^[0-9a-f]{16}$/);
  expect(versionOf(changed)).not.toBe(versionOf("dist"));
  const renamed = readdirSync(changed).find((name) => /^app-[0-9a-f]{8}\.css$/.test(name));
  expect(renamed).not.toBe(css);
  expect(readdirSync(changed)).not.toContain(css);
  expect(readFileSync(join(changed, "index.html"), "utf8")).toContain(`/${renamed}`);
  expect(readFileSync(join(changed, "sw.js"), "utf8")).toContain(`["${renamed}",`);

  // A debug build: the page names no worker, and sw.js caches nothing.
  const debug = copyOfBuild();
  runHook(debug, "debug");
  expect(readFileSync(join(debug, "index.html"), "utf8")).not.toContain("verdict-service-worker");
  const worker = readFileSync(join(debug, "sw.js"), "utf8");
  expect(worker).not.toContain("addEventListener(\"fetch\"");
  expect(worker).toContain("unregister()");
});

test("a new build is fetched in the background and comes up at the next load; the open page keeps working", async ({ browser }) => {
  const port = await freePort();
  const { server: first, context } = await servedContext(browser, "dist", port);
  const errors = [];
  context.on("weberror", (e) => errors.push(e.error().message));
  const page = await context.newPage();
  await page.goto("/");
  await expect(field(page, "Title")).toBeVisible();
  const oldVersion = await waitForWorker(page);
  await first.stop();

  // The next build (a new title to tell it by), deployed on the same origin.
  const next = buildTitled("Verdict — next build", "release");
  const newVersion = versionOf(next);
  expect(newVersion).not.toBe(oldVersion);
  const second = await startServer(next, port);
  cleanup.push(second.stop);

  // This load still comes whole from the old build's cache; starting asks for the worker again,
  // the browser finds the new one, which precaches the new build and takes over.
  await page.reload();
  await expect(page).toHaveTitle("Verdict — review editor");
  await expect(field(page, "Title")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
    .toEqual([`verdict-${newVersion}`]);
  // The page that was open meanwhile is left alone and keeps working; a notice, not a dialog,
  // says a new version is ready.
  const notice = page.getByRole("status").filter({ hasText: "A new version is ready" });
  await expect(notice).toBeVisible();
  await expect(page).toHaveTitle("Verdict — review editor");
  await sectionBody(page, "Synopsis").fill("Typed while the update came in.");
  await expect(sectionBody(page, "Synopsis")).toBeFocused();
  await expectAllSaved(page);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Typed while the update came in.");

  // Its Reload, from the keyboard, right after typing (before the autosave's half second):
  // the new build, with every word.
  await sectionBody(page, "Synopsis").press("End");
  await page.keyboard.type(" And then some.");
  await notice.getByRole("button", { name: "Reload", exact: true }).press("Enter");
  await expect(page).toHaveTitle("Verdict — next build");
  await expectEditorStarted(page, "Typed while the update came in. And then some.");
  await expect(notice).toHaveCount(0);

  // Later loads are the new build, offline too.
  await second.stop();
  await page.reload();
  await expect(page).toHaveTitle("Verdict — next build");
  await expectEditorStarted(page, "Typed while the update came in. And then some.");
  expect(errors).toEqual([]);
});

test("a new build comes up even when the app is reloaded every 1.5 s, and the first load shows no notice", async ({ browser }) => {
  const port = await freePort();
  const { server: first, context } = await servedContext(browser, "dist", port);
  const page = await context.newPage();
  await page.goto("/");
  await expect(field(page, "Title")).toBeVisible();
  await waitForWorker(page);
  // The first worker taking over a page it did not serve is no new version.
  await expect(page.getByRole("status").filter({ hasText: "A new version is ready" })).toHaveCount(0);
  await sectionBody(page, "Synopsis").fill("Kept through quick reloads.");
  await expectAllSaved(page);
  await first.stop();

  const next = buildTitled("Verdict — next build", "release");
  const second = await startServer(next, port);
  cleanup.push(second.stop);

  // Someone who reloads as soon as the editor is back, 1.5 s apart: within a few loads, the new build.
  const titles = [];
  for (let i = 0; i < 6 && titles.at(-1) !== "Verdict — next build"; i++) {
    await page.reload();
    await expect(field(page, "Title")).toBeVisible();
    titles.push(await page.title());
    await page.waitForTimeout(1500);
  }
  expect(titles.at(-1), `titles seen: ${titles.join(", ")}`).toBe("Verdict — next build");
  expect(titles.length).toBeLessThanOrEqual(3);
  await expectEditorStarted(page, "Kept through quick reloads.");
});

test("under a development build on the same origin, a release build's worker removes itself", async ({ browser }) => {
  const port = await freePort();
  const { server: release, context } = await servedContext(browser, "dist", port);
  const page = await context.newPage();
  await page.goto("/");
  await expect(field(page, "Title")).toBeVisible();
  await waitForWorker(page);
  await sectionBody(page, "Synopsis").fill("Kept across builds.");
  await expectAllSaved(page);
  await release.stop();

  // What `trunk serve` would write: the hook run as for a debug build (and a title to tell it by).
  const debug = buildTitled("Verdict — development", "debug");
  const development = await startServer(debug, port);
  cleanup.push(development.stop);

  // The first load may still come from the old cache; the browser then finds the new sw.js,
  // which clears the caches, unregisters and reloads the page from the development server.
  await page.reload();
  await expect(page).toHaveTitle("Verdict — development", { timeout: 15_000 });
  await expect(field(page, "Title")).toBeVisible();
  await expect(sectionBody(page, "Synopsis")).toHaveValue("Kept across builds.");
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  // Loads after that never register a worker.
  await page.reload();
  await expect(field(page, "Title")).toBeVisible();
  // A worker is registered (or not) once the app has started and the page has loaded, from the
  // worker the page names: this one names none, and none is there after that point.
  await page.waitForLoadState("load");
  await expect(page.locator('meta[name="verdict-service-worker"]')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
});
