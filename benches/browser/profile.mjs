// Where the main thread's time goes, by function, Wasm functions by their Rust names: a CPU
// profile (Chromium's sampling profiler, every 50 µs) of one kind of work, summed by function.
//
//   node benches/browser/profile.mjs typing   keystrokes at the end of the review's first section
//   node benches/browser/profile.mjs saves    only the autosave tasks, while typing for 10 s
//   node benches/browser/profile.mjs idle     the work after typing pauses (Before you publish…)
//   node benches/browser/profile.mjs startup  reloads with the review restored
//   node benches/browser/profile.mjs import   a Goodreads export of ROWS books (5,000) chosen with
//                                             Open file, until "Import a library" sums it up
// Env: SIZE (bytes, default 1 MB; 100 KB for startup), SHAPE ("many sections", "one section"
// "one paragraph" or "1000 sections"; for start-up with "1000 sections", each load is waited
// for until every section is drawn). After `trunk build --release`: it copies `dist` to a temporary directory with the
// Wasm rebuilt keeping its names (the same wasm-bindgen and wasm-opt passes as the release build,
// scripts/minify.mjs, plus `-g`, and wasm-bindgen's own loader for it).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findAsset } from "../../scripts/filehash.mjs";
import { WASM_FEATURES, WASM_OPT_PASSES, withIntegrity } from "../../scripts/minify.mjs";
import { goodreadsExport, launch, review, seedStorage, serve } from "./common.mjs";

const mode = process.argv[2] ?? "typing";
const shape = process.env.SHAPE ?? "many sections";
const size = Number(process.env.SIZE ?? (mode === "startup" ? 100 * 1024 : 1024 * 1024));

const dist = mkdtempSync(join(tmpdir(), "verdict-profile-"));
cpSync("dist", dist, { recursive: true });
const bindgen = mkdtempSync(join(tmpdir(), "verdict-bindgen-"));
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", bindgen, "target/wasm32-unknown-unknown/release/verdict.wasm"]);
// Swapped in under the build's (content-hashed) names, which the page and the loader use.
const [wasm, loader] = ["verdict_bg.wasm", "verdict.js"].map((name) => findAsset(dist, name));
execFileSync("wasm-opt", [...WASM_FEATURES.map((f) => `--enable-${f}`), "-g", join(bindgen, "verdict_bg.wasm"), ...WASM_OPT_PASSES, "-o", join(dist, wasm)]);
writeFileSync(join(dist, loader), readFileSync(join(bindgen, "verdict.js"), "utf8").replace(/(?<![\w-])verdict_bg\.wasm/g, wasm));
// The page checks what it loads: give it the integrity of the two files swapped in.
let html = readFileSync(join(dist, "index.html"), "utf8");
for (const name of [loader, wasm]) html = withIntegrity(html, name, readFileSync(join(dist, name)));
writeFileSync(join(dist, "index.html"), html);

const port = 8099;
const server = await serve(dist, port);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.addInitScript(seedStorage, { json: JSON.stringify(review(size, shape)), once: true });
  if (mode === "saves") {
    // Autosave's timer callbacks (its 500 ms delay; the check's pause is longer) run under a
    // name the profile can find.
    await page.addInitScript(() => {
      const setTimeout_ = window.setTimeout;
      window.setTimeout = function (fn, delay, ...rest) {
        if (typeof fn !== "function" || delay < 400 || delay > 500) return setTimeout_(fn, delay, ...rest);
        const SAVE_TASK = function (...args) { return fn.apply(this, args); };
        return setTimeout_(SAVE_TASK, delay, ...rest);
      };
    });
  }
  await page.goto(`http://127.0.0.1:${port}/`);
  const first = shape === "1000 sections" ? "Part 1" : "Section 1";
  const box = page.getByRole("textbox", { name: first, exact: true });
  await box.waitFor();
  await box.click();
  await page.keyboard.press("Control+End");
  await page.waitForTimeout(mode === "idle" ? 4000 : 1500);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  let rounds = 1;
  if (mode === "typing") {
    rounds = 150;
    for (let i = 0; i < rounds; i++) {
      await page.keyboard.type("w");
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
  } else if (mode === "saves") {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) await page.keyboard.type("word ", { delay: 40 });
    await page.waitForTimeout(800);
  } else if (mode === "idle") {
    rounds = 3;
    for (let i = 0; i < rounds; i++) {
      await page.keyboard.type("word ");
      await page.waitForTimeout(3500);
    }
  } else if (mode === "startup") {
    rounds = 5;
    for (let i = 0; i < rounds; i++) {
      await page.reload();
      await page.getByRole("textbox", { name: first, exact: true }).waitFor();
      if (shape === "1000 sections") await page.waitForFunction(() => document.querySelectorAll("textarea[id^='section-body-']").length >= 1000, null, { timeout: 60_000 });
      await page.waitForTimeout(300);
    }
  } else if (mode === "import") {
    await page.getByLabel("Open file", { exact: true }).setInputFiles({ name: "goodreads_library_export.csv", mimeType: "text/csv", buffer: goodreadsExport(Number(process.env.ROWS ?? 5000), 200) });
    await page.getByRole("dialog", { name: "Import a library" }).getByRole("button", { name: /^Import \d+ books?$/ }).waitFor({ timeout: 300_000 });
  } else {
    throw new Error(`unknown mode ${mode}: typing, saves, idle, startup or import`);
  }
  const { profile } = await cdp.send("Profiler.stop");

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inSave = (id) => {
    for (let at = id; at; at = parent.get(at)) if (nodes.get(at).callFrame.functionName === "SAVE_TASK") return true;
    return false;
  };
  const self = new Map();
  let busy = 0;
  // The browser's own work (style, layout, paint, the text area's editing) shows as "(program)".
  let program = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const name = node.callFrame.functionName || `(anonymous, ${node.callFrame.url.split("/").pop() || "?"})`;
    if (mode === "saves" && !inSave(node.id)) continue;
    if (name === "(program)") program += dt;
    if (["(idle)", "(program)", "(root)"].includes(name)) continue;
    busy += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  const per = { typing: "keystroke", saves: "10 s of typing", idle: "pause", startup: "load", import: "import" }[mode];
  console.log(`${mode}, ${size} bytes, ${shape}: ${(busy / 1000 / rounds).toFixed(2)} ms of script and Wasm per ${per}${mode === "saves" ? "" : `, and ${(program / 1000 / rounds).toFixed(2)} ms in the browser itself (style, layout, paint, the text area, frame upkeep)`}; self time by function (ms per ${per}):`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(us / 1000 / rounds).toFixed(3).padStart(9)}  ${name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 120)}`);
  }
  if (mode === "typing" || mode === "startup") console.log("(Playwright's own injected script shows up too: typing waits for a frame, start-up for the text box.)");
} finally {
  await browser.close();
  server.kill();
}
