// What each part of the bundle costs: the release build's Wasm, with function names kept, split
// by crate (and, for Verdict itself, by module), raw and brotli-compressed.
//
// Reads `target/wasm32-unknown-unknown/release/verdict.wasm` (what `trunk build --release` left
// there), runs it through the same wasm-bindgen and wasm-opt passes as the release build, but keeping the
// name section, then reads the code and data sections itself (no extra tool to install).
// Usage: node benches/browser/bundle.mjs [top-N functions]   (after `trunk build --release`)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { WASM_FEATURES, WASM_OPT_PASSES } from "../../scripts/minify.mjs";

const top = Number(process.argv[2] ?? 15);
const raw = "target/wasm32-unknown-unknown/release/verdict.wasm";
const dir = mkdtempSync(join(tmpdir(), "verdict-bundle-"));
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", dir, raw]);
// The release build's own features and passes (scripts/minify.mjs), but keeping the names
// (its short import and export names are left out: they only shorten names).
const enable = WASM_FEATURES.map((f) => `--enable-${f}`);
const named = join(dir, "named.wasm");
execFileSync("wasm-opt", [...enable, "-g", join(dir, "verdict_bg.wasm"), ...WASM_OPT_PASSES, "-o", named]);
const stripped = join(dir, "stripped.wasm");
execFileSync("wasm-opt", ["--strip-debug", "--strip-producers", ...enable, named, "-o", stripped]);

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The sections of a Wasm module: its function bodies (with names) and data segments. */
function parse(bytes) {
  let at = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do { byte = bytes[at++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return result;
  };
  const name = () => { const n = leb(); const s = bytes.subarray(at, at + n).toString("utf8"); at += n; return s; };
  let imported = 0;
  const bodies = [], data = [], names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) { // imports: functions among them take the first indices
      for (let n = leb(); n > 0; n--) {
        name(); name();
        const kind = bytes[at++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) { at += 2; }
        else { leb(); leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) { const len = leb(); bodies.push(bytes.subarray(at, at + len)); at += len; }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const flags = leb();
        if (flags === 2) leb();
        if (flags !== 1) { while (bytes[at] !== 0x0b) at++; at++; } // the offset expression
        const len = leb();
        data.push(bytes.subarray(at, at + len));
        at += len;
      }
    } else if (id === 0 && name() === "name") {
      while (at < end) {
        const sub = bytes[at++];
        const len = leb();
        const subEnd = at + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, name()); }
        at = subEnd;
      }
    }
    at = end;
  }
  return { functions: bodies.map((body, i) => ({ body, name: names.get(imported + i) ?? "(no name)" })), data };
}

/** The crate a function belongs to: the path it starts with; for `<T as Trait>::f` with a
 *  generic `T`, the trait's crate; for a method of a primitive type (`<str>::to_lowercase`), core. */
function crateOf(name) {
  const self = /^<(?:&(?:mut )?|\*(?:const|mut) |dyn |\[)*([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?(::)?/.exec(name);
  if (self?.[2]) return self[1];
  const trait = / as (?:&(?:mut )?|dyn )*([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (self && trait) return trait[1];
  if (self) return /^(str|char|bool|[iuf](8|16|32|64|128|size))$/.test(self[1]) ? "core" : self[1];
  return /^([A-Za-z_]\w*)/.exec(name)?.[1] ?? "(no name)";
}

/** For Verdict's own code, its module (`ui::library`), or `main` for what is inlined there. */
function moduleOf(name) {
  const m = /^<?(?:&(?:mut )?)?verdict::(\w+)(?:::(\w+))?/.exec(name);
  if (!m) return "(generic code instantiated for Verdict)";
  if (!m[2] || /^(h[0-9a-f]{16}|_)$/.test(m[2]) || /^[A-Z]/.test(m[2]) || m[2].startsWith("__")) return m[1];
  return `${m[1]}::${m[2]}`;
}

const module = parse(readFileSync(named));
const total = statSync(stripped).size;
const totalBr = brotli(readFileSync(stripped));
const group = (key) => {
  const groups = new Map();
  for (const f of module.functions) {
    const k = key(f);
    if (k === null) continue;
    const g = groups.get(k) ?? { raw: 0, parts: [] };
    g.raw += f.body.length;
    g.parts.push(f.body);
    groups.set(k, g);
  }
  return [...groups].map(([k, g]) => ({ k, raw: g.raw, br: brotli(Buffer.concat(g.parts)) })).sort((a, b) => b.raw - a.raw);
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const table = (title, rows, limit) => {
  console.log(`\n${title}\n${"raw KB".padStart(7)} ${"br KB".padStart(7)}  `);
  for (const r of rows.slice(0, limit)) console.log(`${kb(r.raw)} ${kb(r.br)}  ${r.k}`);
  if (rows.length > limit) {
    const rest = rows.slice(limit);
    console.log(`${kb(rest.reduce((a, r) => a + r.raw, 0))} ${"".padStart(7)}  (${rest.length} more)`);
  }
};

const code = module.functions.reduce((a, f) => a + f.body.length, 0);
const data = Buffer.concat(module.data);
console.log(`Wasm after wasm-opt: ${kb(total)} KB raw, ${kb(totalBr)} KB brotli (optimised with its names kept, then stripped: within 1 % of the shipped file)`);
console.log(`  code ${kb(code)} KB raw, ${kb(brotli(Buffer.concat(module.functions.map((f) => f.body))))} KB brotli alone`);
console.log(`  data ${kb(data.length)} KB raw, ${kb(brotli(data))} KB brotli alone (strings: UI text, messages, HTML entity names; Unicode tables)`);
console.log("\n(Each group's brotli is its code compressed alone, so the groups add up to more than the whole.)");
table("By crate (code only)", group((f) => crateOf(f.name)), 20);
table("Verdict's own code, by module", group((f) => (crateOf(f.name) === "verdict" ? moduleOf(f.name) : null)), 30);
const biggest = [...module.functions].sort((a, b) => b.body.length - a.body.length).slice(0, top);
console.log(`\nThe ${top} largest functions (raw KB)`);
for (const f of biggest) console.log(`${kb(f.body.length)}  ${f.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 110)}`);
