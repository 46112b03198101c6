// Content-hashed names for the release build's app files, so that a host can let browsers keep
// them for a year (docs/hosting.md): verdict_bg.wasm becomes verdict_bg-<hash>.wasm, and so on for
// the loader and the style sheet (the app's and the preview's in one, scripts/minify.mjs). A new
// build has new names, so no browser ever runs a stale copy; index.html, sw.js and public/boot.js
// keep their names (the page and the worker must be found at fixed addresses, and boot.js learns
// the loader's name from the page, see there). The module loaded on demand (extras.js and its
// Wasm, src/extras.rs) is hashed too; boot.js names it.
//
// Trunk's own file hashing is off (Trunk.toml, filehash = false) because its inline loader would
// break the Content-Security-Policy; this step does it after scripts/minify.mjs has made each
// file final, and rewrites every reference: the page's <link>s and their `integrity`, each
// loader's default URL of its Wasm, and boot.js's import of the extras module. Called by scripts/precache.mjs on release builds, before the
// service worker's list is made. Idempotent: a file whose name already carries the hash of its
// content keeps it; one changed since (by hand, by a test) gets the new hash and the page follows.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { withIntegrity } from "./minify.mjs";

/**
 * The hashed files, by their plain names, each with the files that name it: a file comes after
 * every file it names, since its hash is taken once their new names are written into it. The
 * extras module (src/extras.rs, loaded on demand) is named by the boot script, not the page.
 */
export const HASHED = [
  ["verdict_bg.wasm", ["index.html", "verdict.js"]],
  ["verdict.js", ["index.html"]],
  ["app.css", ["index.html"]],
  ["extras_bg.wasm", ["extras.js"]],
  ["extras.js", ["public/boot.js"]],
];
const SHELL = "index.html";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `name` split at its extension: ["verdict_bg", ".wasm"]. */
function parts(name) {
  const dot = name.lastIndexOf(".");
  return [name.slice(0, dot), name.slice(dot)];
}

/** Matches `name` plain or hashed (`verdict_bg-0123abcd.wasm`) anywhere in a text. */
function namePattern(name, flags = "g") {
  const [stem, ext] = parts(name);
  return new RegExp(`(?<![\\w-])${escape(stem)}(?:-[0-9a-f]{8})?${escape(ext)}(?![\\w-])`, flags);
}

/** The name `name` has in `dir` right now, plain or hashed; an error unless exactly one. */
export function findAsset(dir, name) {
  const pattern = namePattern(name, "");
  const found = readdirSync(dir).filter((file) => pattern.test(file) && file.match(pattern)[0] === file);
  if (found.length !== 1) throw new Error(`${dir}: expected one ${name} (plain or hashed), found ${found.length ? found.join(", ") : "none"}`);
  return found[0];
}

/** `name` with the first 8 hex digits of the SHA-256 of `bytes`. */
function hashedName(name, bytes) {
  const [stem, ext] = parts(name);
  return `${stem}-${createHash("sha256").update(bytes).digest("hex").slice(0, 8)}${ext}`;
}

/** Gives the app files in `dir` hashed names and rewrites the references (see the top). */
export async function hashNames(dir) {
  // Every file that names another, by its plain name, as it is now (plain or hashed) and with
  // its text; each is written back once all the names in it are new.
  const texts = new Map();
  const text = async (plain) => {
    if (!texts.has(plain)) {
      const current = plain.includes("/") || plain === SHELL ? plain : findAsset(dir, plain);
      texts.set(plain, { current, text: await readFile(join(dir, current), "utf8") });
    }
    return texts.get(plain);
  };
  for (const [name, namedBy] of HASHED) {
    const named = texts.get(name);
    const current = named?.current ?? findAsset(dir, name);
    const bytes = named ? Buffer.from(named.text, "utf8") : await readFile(join(dir, current));
    if (named) await writeFile(join(dir, current), bytes);
    const target = hashedName(name, bytes);
    if (target !== current) await rename(join(dir, current), join(dir, target));
    if (named) named.current = target;
    for (const by of namedBy) {
      const file = await text(by);
      const renamed = file.text.replace(namePattern(name), target);
      // wasm-bindgen's default URL of the Wasm (`new URL("verdict_bg.wasm", import.meta.url)`) is
      // used when boot.js passes none: each reference must be there.
      if (renamed === file.text && !file.text.includes(target)) throw new Error(`${by}: names no ${name}`);
      file.text = by === SHELL ? withIntegrity(renamed, target, bytes) : renamed;
    }
    if (name.endsWith(".wasm") && namedBy.includes(SHELL)) {
      // No `integrity` on the Wasm's preload: Chromium ignores it there (as="fetch",
      // crbug.com/981419) and says so in the console on every load, and a browser that honoured
      // it would not hand the preload to the loader's fetch, which has none: the Wasm would be
      // downloaded twice. The service worker checks the Wasm's hash when it precaches it.
      const page = texts.get(SHELL);
      page.text = page.text.replace(new RegExp(`<link[^>]*${escape(target)}[^>]*>`, "g"), (tag) =>
        tag.replace(/\s+integrity=(["']?)sha(256|384|512)-[A-Za-z0-9+/=]+\1/, ""),
      );
    }
    if (target !== current) console.log(`filehash: ${current} → ${target}`);
  }
  // The boot script's integrity in the page, then the files that are not hashed themselves (the
  // page, the boot script) written with the new names.
  const boot = texts.get("public/boot.js");
  if (boot) {
    const page = await text(SHELL);
    page.text = withIntegrity(page.text, "public/boot.js", Buffer.from(boot.text, "utf8"));
  }
  for (const [plain, file] of texts) {
    if (!HASHED.some(([name]) => name === plain)) await writeFile(join(dir, file.current), file.text);
  }
}
