// The bundle budget: what a first visit fetches before the editor works (index.html, the boot
// script, the app's JS loader, its Wasm and its CSS), each brotli-compressed at quality 11 as a
// host would serve it, added up. Prints every file and the total; exits 1 above the ceiling.
// The module loaded on demand (extras.js and its Wasm, src/extras.rs) is printed apart and not
// counted: no first visit fetches it (the service worker stores it after the first load).
// The ceiling only ever goes down: lower it in the same commit as a saving lands.
// Usage: node scripts/check-bundle.mjs [dist]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const CEILING_KB = 356;
const dist = process.argv[2] ?? "dist";
// The service worker and the icons and manifest are fetched after the first paint, or only
// when installing: not part of the first load.
const firstLoad = (name) => /\.(wasm|js|css|html)$/.test(name) && name !== "sw.js";
const onDemand = (name) => /^extras[-_.]/.test(name);
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const names = [
  ...readdirSync(dist).filter(firstLoad),
  ...readdirSync(join(dist, "public")).filter((n) => n.endsWith(".js")).map((n) => `public/${n}`),
].sort();
let total = 0;
let later = 0;
for (const name of [...names.filter((n) => !onDemand(n)), ...names.filter(onDemand)]) {
  const bytes = readFileSync(join(dist, name));
  const size = brotli(bytes);
  if (onDemand(name)) later += size;
  else total += size;
  const note = onDemand(name) ? "  (on demand)" : "";
  console.log(`    ${name.padEnd(48)} ${String(bytes.length).padStart(9)} bytes, ${(size / 1024).toFixed(1).padStart(6)} KB brotli${note}`);
}
console.log(`    loaded on demand: ${(later / 1024).toFixed(1)} KB brotli, ${later} bytes (not in the first load)`);
const kb = total / 1024;
console.log(`    first load: ${kb.toFixed(1)} KB brotli, ${total} bytes (budget ${CEILING_KB} KB, ${CEILING_KB * 1024 - total} bytes left)`);
if (kb > CEILING_KB) {
  console.error(`error: the first load is ${kb.toFixed(1)} KB brotli, over the ${CEILING_KB} KB budget`);
  process.exit(1);
}
