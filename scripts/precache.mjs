// Trunk post-build hook (Trunk.toml): minifies the release build's scripts (scripts/minify.mjs),
// then writes Verdict's service worker, sw.js, at the root of the build, so that its scope is the
// whole app. No network.
//
// Release builds (`trunk build --release`): the scripts minified (scripts/minify.mjs), the app's
// files given content-hashed names (scripts/filehash.mjs), and a worker that precaches every file of this build,
// named in a list made here from the staging directory with each file's SHA-384, under a cache
// version that is a hash of all of them (and of this script); index.html gets a
// <meta name="verdict-service-worker"> that tells public/boot.js to register it.
// Debug builds (`trunk serve`, the development server): no meta tag, so nothing is registered,
// and a sw.js that only removes a worker a release build left on the same origin (see below).
//
// Trunk sets the environment: TRUNK_STAGING_DIR (the build, before it becomes dist/) and
// TRUNK_PROFILE (release or debug). By hand: TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/precache.mjs
// (running it again on the same files changes nothing).
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withBooksService } from "./books-service.mjs";
import { hashNames } from "./filehash.mjs";
import { minifyScripts } from "./minify.mjs";

const WORKER = "sw.js";
const SHELL = "index.html";
const META = `<meta name="verdict-service-worker" content="${WORKER}" />`;

/** Every file under `dir` (relative paths with `/`, sorted), leaving out dotfiles and sw.js. */
async function listFiles(dir, prefix = "") {
  const files = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.name.startsWith(".") || path === WORKER) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, `${path}/`)));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/**
 * The release worker. Its source is written into sw.js with the build's list, so it must not use
 * anything from this module. `files` is [url relative to the worker, SRI integrity] per file.
 *
 * Update policy (an editor must never be reloaded or changed under the person's hands): a page
 * is always served whole from one version's cache, network or not; each start of the app
 * registers the worker again, which makes the browser compare sw.js with the server's. A new
 * build means a new sw.js: it installs in the background (precaching every file, each checked
 * against its hash, so a half-deployed or altered build is never cached: the install fails and
 * the current version stays), then takes over at once (skipWaiting, clients.claim) and deletes
 * the older caches. Pages already running are not reloaded and keep working: the app's code
 * (one module, one Wasm file, one style sheet) is loaded at start, requested while the page's
 * <head> is read, long before a new version could finish downloading. The one piece it may ask
 * for later, the module loaded on demand (src/extras.rs), has a content-hashed name: a new
 * build either has the same file or not that name, which the app answers with "reload the
 * page" (src/browser/extras.rs), never with another version's code. Such a page shows "A new
 * version is ready — Reload"
 * (public/boot.js, on `controllerchange`); the next load (that Reload, a new tab, the installed
 * app opened again) gets the new version. Two tabs on two versions at once is what the web does
 * without a worker too; drafts carry their schema and revision for that (see docs/user-guide.md,
 * Storage layout).
 */
function releaseWorker(version, files) {
  const CACHE = `verdict-${version}`;
  const base = self.location;
  const scope = new URL("./", base);
  const urls = new Set(files.map(([path]) => new URL(path, base).href));

  self.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        const responses = await Promise.all(
          files.map(async ([path, integrity]) => {
            const url = new URL(path, base).href;
            const response = await fetch(url, { cache: "reload", integrity });
            if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
            // A redirected response may not answer a navigation: keep only its content.
            const kept = response.redirected
              ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
              : response;
            return [url, kept];
          }),
        );
        const cache = await caches.open(CACHE);
        await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
        await self.skipWaiting();
      })(),
    );
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) {
          if (name.startsWith("verdict-") && name !== CACHE) await caches.delete(name);
        }
        await self.clients.claim();
      })(),
    );
  });

  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    if (url.origin !== scope.origin) return;
    let key = null;
    if (request.mode === "navigate" && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`)) {
      // The app's page, whatever its query: this version's, cache first, so that the page and
      // the code it loads always belong together (and start-up never waits for the network).
      key = scope.href;
    } else {
      url.hash = "";
      if (urls.has(url.href)) key = url.href;
    }
    // Anything else (a picture a review links to, say) is left to the network, untouched.
    if (key === null) return;
    event.respondWith(
      (async () => {
        const cached = await (await caches.open(CACHE)).match(key);
        return cached ?? fetch(request);
      })(),
    );
  });
}

/**
 * The development worker: registered by nobody. It exists for one case: a release build was
 * opened on this origin (say 127.0.0.1:8080) and its worker would go on serving that build's
 * cached files under `trunk serve`. The browser checks sw.js on every load, finds this one, and
 * installs it: it deletes Verdict's caches, unregisters itself and reloads the pages the old
 * worker served (autosave flushes on pagehide), which then come from the development server.
 */
function developmentWorker() {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) if (name.startsWith("verdict-")) await caches.delete(name);
        await self.registration.unregister();
        for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url).catch(() => {});
      })(),
    );
  });
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR;
  const profile = process.env.TRUNK_PROFILE;
  if (!dir || !["release", "debug"].includes(profile)) {
    throw new Error("run by Trunk (Trunk.toml [[hooks]]), or set TRUNK_STAGING_DIR and TRUNK_PROFILE=release|debug");
  }
  const shellPath = join(dir, SHELL);
  // Release scripts are minified first, then the app files get content-hashed names
  // (scripts/filehash.mjs): the worker's list and hashes are those of the files served.
  if (profile === "release") {
    await minifyScripts(dir);
    await hashNames(dir);
  }
  const html = withBooksService((await readFile(shellPath, "utf8")).replaceAll(META, ""));
  if (profile === "debug") {
    await writeFile(shellPath, html);
    const source = `// Verdict, development build: no offline cache. Written by scripts/precache.mjs.\n(${developmentWorker})();\n`;
    await writeFile(join(dir, WORKER), source);
    console.log(`precache: debug build, ${WORKER} only removes a worker left by a release build`);
    return;
  }

  const parts = html.split("</head>");
  if (parts.length !== 2) throw new Error(`${SHELL}: expected exactly one </head>`);
  await writeFile(shellPath, `${parts[0]}${META}</head>${parts[1]}`);

  const files = [];
  const version = createHash("sha256").update(await readFile(fileURLToPath(import.meta.url)));
  let bytes = 0;
  for (const path of await listFiles(dir)) {
    const content = await readFile(join(dir, path));
    bytes += content.length;
    const integrity = `sha384-${createHash("sha384").update(content).digest("base64")}`;
    // The page is cached under the app's own URL (./), the one that is opened.
    files.push([path === SHELL ? "./" : path, integrity]);
    version.update(`${path}\0${integrity}\n`);
  }
  if (!files.some(([path]) => path === "./")) throw new Error(`${SHELL} missing from ${dir}`);
  const id = version.digest("hex").slice(0, 16);
  const list = files.map((entry) => `  ${JSON.stringify(entry)},`).join("\n");
  const source =
    `// Verdict's service worker, written by scripts/precache.mjs from the release build: do not edit.\n` +
    `// What it caches and how a new version takes over: see the comments there.\n` +
    `// Cache version ${id}: ${files.length} files, ${bytes} bytes.\n` +
    `const VERSION = ${JSON.stringify(id)};\n` +
    `const FILES = [\n${list}\n];\n` +
    `(${releaseWorker})(VERSION, FILES);\n`;
  await writeFile(join(dir, WORKER), source);
  console.log(`precache: ${WORKER} caches ${files.length} files (${bytes} bytes) as version ${id}`);
}

main().catch((error) => {
  console.error(`precache: ${error.message}`);
  process.exit(1);
});
