// Shrinks the release build after Trunk has made it (measured: docs/performance.md, Bundle
// size):
//
// 1. The Wasm: binaryen's wasm-opt (npm `binaryen`, the one on PATH that Trunk.toml pins) with
//    WASM_OPT_PASSES, which also gives every import and export a short name. wasm-bindgen names
//    each import after the function and a 16-digit hash (`__wbg_setAttribute_2e4b…`), about
//    7 KB of names that do not compress, in the Wasm and again in its loader. Trunk's own
//    wasm-opt step is off (index.html, data-wasm-opt="0") because it cannot hand back the map
//    of old to new names that the loader needs.
//    Before that, the stream classes that Leptos's `server_fn` exports through `wasm-streams`
//    (IntoUnderlyingSource, …Sink, …ByteSource: JavaScript streams made from Rust ones, which a
//    client-side app never makes) are taken out of the Wasm's exports with wasm-metadce, so that
//    wasm-opt drops their code; no feature of `server_fn` turns them off.
// 2. The loader (verdict.js): the stream classes and the imports the Wasm no longer has are
//    taken out, the names are changed to the short ones, then it is minified with
//    terser (npm, pinned in package.json), as is the boot script (public/boot.js). Trunk's own
//    minifier cannot parse the loader (`export default`).
// 3. The preview's style sheet is appended to the app's (one file compresses smaller).
// 4. The page's `integrity` attributes for the changed files are written again, so that the
//    browser still checks what it loads.
//
// Called by scripts/precache.mjs (Trunk's post-build hook) on release builds, before the
// service worker's list of files and hashes is made. Running it again on its own output
// changes nothing. By hand: node scripts/minify.mjs dist
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { findAsset } from "./filehash.mjs";

/** The Wasm features rustc's output uses (wasm-opt must be told them). */
export const WASM_FEATURES = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
/**
 * wasm-opt's passes for the release Wasm: -Oz, then flattening the code and rebuilding its
 * control flow (rereloop) and -Oz, twice, and -Oz once more: 3.6 KB brotli smaller than -Oz
 * alone (a third round, or --converge, gives a larger file; docs/performance.md).
 * `--low-memory-unused` lets every pass fold a small constant added to an address into the
 * access's offset (1.9 KB brotli smaller). It assumes that no address is reached by wrapping
 * past 4 GB into the lowest kilobyte, which Rust code never does: folded or not, an access
 * without wrap-around reads the same byte, and one with it is already out of bounds.
 */
export const WASM_OPT_PASSES = ["--low-memory-unused", "-Oz", "--flatten", "--rereloop", "-Oz", "--flatten", "--rereloop", "-Oz", "-Oz"];

/**
 * The Wasm modules, each as [loader, Wasm, wasm-opt passes]: the app, and the parts it loads
 * on demand (src/extras.rs). The extras module, which no first visit fetches, gets -Oz alone:
 * a much shorter build for a slightly larger file (measured: docs/performance.md).
 */
const MODULES = [
  ["verdict.js", "verdict_bg.wasm", WASM_OPT_PASSES],
  ["extras.js", "extras_bg.wasm", ["--low-memory-unused", "-Oz"]],
];
const BOOT = "public/boot.js";
const SHELL = "index.html";
const APP_CSS = "app.css";
const REVIEW_CSS = "review.css";
/**
 * Whether a script is this hook's output already (the hook may run again on its own output):
 * terser writes one line, and every source has many. (A marking comment would cost the first
 * load 25 bytes a file.)
 */
const isMinified = (code) => !code.trimEnd().includes("\n");

/** The wasm-opt this build must use (Trunk.toml, [tools]): others shrink differently. */
const WASM_OPT_VERSION = "version 132";

/** The Wasm exports of wasm-streams' classes (see the top of this file), which no code calls. */
export const UNUSED_EXPORT = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;

/**
 * Runs wasm-metadce and then wasm-opt on `wasm` in place: the exports matching UNUSED_EXPORT
 * removed, `passes`, short names. Returns the name map of what is left.
 */
function optimiseWasm(wasm, passes) {
  const version = execFileSync("wasm-opt", ["--version"], { encoding: "utf8" });
  if (!version.includes(WASM_OPT_VERSION)) {
    throw new Error(`wasm-opt on PATH is "${version.trim()}", not ${WASM_OPT_VERSION}: run the setup (README)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "verdict-minify-"));
  try {
    const out = join(dir, "out.wasm");
    const features = WASM_FEATURES.map((f) => `--enable-${f}`);
    // wasm-metadce keeps what the graph's roots reach: every export but the unused ones.
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasm))).map((e) => e.name);
    const kept = exports.filter((name) => !UNUSED_EXPORT.test(name));
    if (kept.length === exports.length) throw new Error(`${wasm}: no wasm-streams exports to remove (has wasm-bindgen changed?)`);
    const graph = join(dir, "graph.json");
    writeFileSync(graph, JSON.stringify(kept.map((name) => ({ name, root: true, export: name }))));
    const reduced = join(dir, "reduced.wasm");
    execFileSync("wasm-metadce", [...features, "--graph-file", graph, wasm, "-o", reduced], { stdio: "ignore" });
    const map = execFileSync(
      "wasm-opt",
      [...features, reduced, ...passes, "--minify-imports-and-exports-and-modules", "-o", out],
      { encoding: "utf8", maxBuffer: 16 << 20 },
    );
    writeFileSync(wasm, withoutCustomSections(readFileSync(out)));
    return JSON.parse(map.slice(map.indexOf("{")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `bytes` (a Wasm module) without its custom sections: the toolchain's names (`producers`), the
 * feature list and wasm-bindgen's marker, which no browser reads (0.2 KB).
 */
export function withoutCustomSections(bytes) {
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
    if (id !== 0) kept.push(bytes.subarray(start, at));
  }
  return Buffer.concat(kept);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The loader without what the Wasm no longer has: wasm-streams' classes and their finalizers,
 * and each import function that is not among `imports` (the map's, by original name). Written
 * for wasm-bindgen 0.2's layout (Cargo.toml pins it): a change there fails the build here.
 */
function withoutUnused(loader, imports, name) {
  const names = new Set(imports.map(([, name]) => name));
  const out = [];
  let until = null;
  let classes = 0;
  for (const line of loader.split("\n")) {
    if (until) {
      if (until.test(line)) until = null;
      continue;
    }
    const entry = /^(\s*)(__wb[\w$]*): function/.exec(line);
    if (entry && !names.has(entry[2])) {
      // The entry ends where its indentation closes it, `},` or `}, arguments); },`.
      until = new RegExp(`^${entry[1]}}(, arguments\\); })?,$`);
      continue;
    }
    if (/^export class IntoUnderlying/.test(line)) {
      classes++;
      until = /^}$/;
      continue;
    }
    if (/^if \(Symbol\.dispose\) IntoUnderlying/.test(line)) continue;
    // `const IntoUnderlying…Finalization = (…)` and its two lines, `? {…}` and `: new …(…);`.
    if (/^const IntoUnderlying\w+Finalization = /.test(line)) {
      until = /^\s+: new FinalizationRegistry\(ptr => wasm\.__wbg_intounderlying\w+_free\(ptr, 1\)\);$/;
      continue;
    }
    out.push(line);
  }
  if (classes !== 3 || until) throw new Error(`${name}: the wasm-streams classes are not where wasm-bindgen 0.2 puts them`);
  return out.join("\n");
}

/** The loader with the Wasm's new names: import keys, the module's name, and `wasm.<export>`. */
function rename(loader, map, loaderName) {
  let js = loader;
  const modules = new Set();
  for (const [module, name, short] of map.imports) {
    modules.add(module);
    const pattern = new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g");
    if (!pattern.test(js)) throw new Error(`${loaderName}: the import ${name} is not there`);
    js = js.replace(pattern, short);
  }
  for (const [name, short] of map.exports) {
    js = js.replace(new RegExp(`(?<![\\w$])wasm\\.${escape(name)}(?![\\w$])`, "g"), `wasm.${short}`);
  }
  // The loader reaches the exports only as `wasm.<name>`: each of those must now be a new name.
  const shorts = new Set(map.exports.map(([, short]) => short));
  for (const [, name] of js.matchAll(/(?<![\w$])wasm\.([\w$]+)/g)) {
    if (!shorts.has(name)) throw new Error(`${loaderName}: wasm.${name} is not an export of the new Wasm`);
  }
  // The import module ("./verdict_bg.js") gets a short name too (read from the new Wasm).
  if (modules.size !== 1) throw new Error(`${loaderName}: expected one import module, found ${[...modules].join(", ")}`);
  return { js, module: [...modules][0] };
}

/** The name binaryen gave the import module: read from the new Wasm's first import. */
function moduleOf(wasm) {
  const bytes = wasm;
  let at = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do { byte = bytes[at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return result;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id === 2) {
      leb(); // the count
      const length = leb();
      return bytes.subarray(at, at + length).toString("utf8");
    }
    at += size;
  }
  throw new Error("the Wasm has no imports");
}

/** Minifies a script with terser, marked so that it is not minified twice. */
async function terse(source, path) {
  // `module`: top-level names may be mangled and the exports are kept. No `ecma` upgrade: the
  // output runs wherever the input did.
  const { code } = await minify(source, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
  });
  if (!code) throw new Error(`${path}: terser produced nothing`);
  return code;
}

/** The page with the integrity of any tag naming `path` set to that of `bytes`. */
export function withIntegrity(html, path, bytes) {
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const tag = new RegExp(`<[^>]*(?:href|src)=["']?[^"' >]*${escape(path)}["' >][^>]*>`, "g");
  return html.replace(tag, (t) => t.replace(/integrity=(["']?)sha(256|384|512)-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`));
}

/**
 * The preview's style sheet (review.css, which exported pages carry too) appended to the app's,
 * in the order the page links them, and its link removed: one file compresses 0.2 KB smaller
 * than two, and is one request fewer. Returns the page; nothing to do when it is done already.
 */
async function oneStyleSheet(dir, html) {
  const reviewPath = join(dir, REVIEW_CSS);
  if (!existsSync(reviewPath)) return html;
  const appName = findAsset(dir, APP_CSS);
  const link = new RegExp(`<link[^>]*${escape(REVIEW_CSS)}[^>]*>`);
  if (!link.test(html) || html.indexOf(REVIEW_CSS) < html.indexOf(appName)) throw new Error(`${SHELL}: expected a link to ${REVIEW_CSS} after ${appName}`);
  const css = Buffer.concat([await readFile(join(dir, appName)), Buffer.from("\n"), await readFile(reviewPath)]);
  await writeFile(join(dir, appName), css);
  rmSync(reviewPath);
  console.log(`minify: ${REVIEW_CSS} appended to ${APP_CSS}`);
  return withIntegrity(html.replace(link, ""), appName, css);
}

/** Shrinks the release build in `dir` (see the top of this file). */
export async function minifyScripts(dir) {
  const shellPath = join(dir, SHELL);
  let html = await readFile(shellPath, "utf8");
  // Plain names from Trunk; hashed ones when the hook runs again on its output (scripts/filehash.mjs).
  for (const [loaderBase, wasmBase, passes] of MODULES) {
    const loaderName = findAsset(dir, loaderBase);
    const loaderPath = join(dir, loaderName);
    const loader = await readFile(loaderPath, "utf8");
    if (isMinified(loader)) continue;
    const wasmName = findAsset(dir, wasmBase);
    const wasmPath = join(dir, wasmName);
    const before = (await readFile(wasmPath)).length;
    const map = optimiseWasm(wasmPath, passes);
    const wasm = await readFile(wasmPath);
    const { js, module } = rename(withoutUnused(loader, map.imports, loaderBase), map, loaderBase);
    const renamed = js.replace(`"${module}": import0`, `"${moduleOf(wasm)}": import0`);
    if (renamed === js) throw new Error(`${loaderBase}: the import object's module "${module}" is not there`);
    const code = await terse(renamed, loaderBase);
    await writeFile(loaderPath, code);
    // The extras module is not named by the page (public/boot.js imports it): nothing to do there.
    html = withIntegrity(html, loaderName, code);
    html = withIntegrity(html, wasmName, wasm);
    console.log(`minify: ${wasmBase} ${before} → ${wasm.length} bytes, ${map.imports.length} imports and ${map.exports.length} exports renamed`);
    console.log(`minify: ${loaderBase} ${loader.length} → ${code.length} bytes`);
  }
  html = await oneStyleSheet(dir, html);
  const bootPath = join(dir, BOOT);
  if (existsSync(bootPath)) {
    const boot = await readFile(bootPath, "utf8");
    if (!isMinified(boot)) {
      const code = await terse(boot, BOOT);
      await writeFile(bootPath, code);
      html = withIntegrity(html, BOOT, code);
      console.log(`minify: ${BOOT} ${boot.length} → ${code.length} bytes`);
    }
  }
  await writeFile(shellPath, html);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  minifyScripts(process.argv[2] ?? "dist").catch((error) => {
    console.error(`minify: ${error.message}`);
    process.exit(1);
  });
}
