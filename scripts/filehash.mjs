// Content-hashed names for the release build's app files, so that a host can let browsers keep
// them for a year (docs/hosting.md): verdict_bg.wasm becomes verdict_bg-<hash>.wasm, and so on for
// the loader and the style sheet (the app's and the preview's in one, scripts/minify.mjs). A new
// build has new names, so no browser ever runs a stale copy; index.html, sw.js and public/boot.js
// keep their names (the page and the worker must be found at fixed addresses, and boot.js learns
// the loader's name from the page, see there).
//
// Trunk's own file hashing is off (Trunk.toml, filehash = false) because its inline loader would
// break the Content-Security-Policy; this step does it after scripts/minify.mjs has made each
// file final, and rewrites every reference: the page's <link>s and their `integrity`, and the
// loader's default URL of the Wasm. Called by scripts/precache.mjs on release builds, before the
// service worker's list is made. Idempotent: a file whose name already carries the hash of its
// content keeps it; one changed since (by hand, by a test) gets the new hash and the page follows.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { withIntegrity } from "./minify.mjs";

/** The hashed files, by their plain names; the Wasm first: the loader names it. */
export const HASHED = ["verdict_bg.wasm", "verdict.js", "app.css"];
const SHELL = "index.html";
const WASM = HASHED[0];
const LOADER = HASHED[1];

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
  const shellPath = join(dir, SHELL);
  let html = await readFile(shellPath, "utf8");
  let wasmName = null;
  for (const name of HASHED) {
    const current = findAsset(dir, name);
    let bytes = await readFile(join(dir, current));
    if (name === LOADER) {
      // wasm-bindgen's default URL of the Wasm (`new URL("verdict_bg.wasm", import.meta.url)`),
      // used when boot.js passes none: the Wasm's new name.
      const text = bytes.toString("utf8");
      const renamed = text.replace(namePattern(WASM), wasmName);
      if (renamed === text && !text.includes(wasmName)) throw new Error(`${current}: no URL of ${WASM} to rewrite`);
      bytes = Buffer.from(renamed, "utf8");
      await writeFile(join(dir, current), bytes);
    }
    const target = hashedName(name, bytes);
    if (target !== current) await rename(join(dir, current), join(dir, target));
    const references = html.match(namePattern(name))?.length ?? 0;
    if (references === 0) throw new Error(`${SHELL}: names no ${name}`);
    html = withIntegrity(html.replace(namePattern(name), target), target, bytes);
    if (name === WASM) {
      wasmName = target;
      // No `integrity` on the Wasm's preload: Chromium ignores it there (as="fetch",
      // crbug.com/981419) and says so in the console on every load, and a browser that honoured
      // it would not hand the preload to the loader's fetch, which has none: the Wasm would be
      // downloaded twice. The service worker checks the Wasm's hash when it precaches it.
      html = html.replace(new RegExp(`<link[^>]*${escape(target)}[^>]*>`, "g"), (tag) =>
        tag.replace(/\s+integrity=(["']?)sha(256|384|512)-[A-Za-z0-9+/=]+\1/, ""),
      );
    }
    if (target !== current) console.log(`filehash: ${current} → ${target}`);
  }
  await writeFile(shellPath, html);
}
