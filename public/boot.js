// Starts Verdict from a static file, so that the page's Content-Security-Policy can forbid every
// inline script. Also the safety net: if the app cannot be loaded or fails to start, panics, or
// traps (stack overflow, out of memory), the page is replaced by a message and a "Download my
// review" link built from the last saved copy in localStorage, without calling into WebAssembly
// again. The app's code is loaded with a dynamic import(), never a static one: a loader that
// fails (missing, offline, not matching its integrity) would otherwise stop this script too and
// leave a blank page.

const DRAFT_PREFIX = "verdict:draft:";

// Set first, before anything could take a while: which service worker served this page, so that
// a new one taking over later (a new version, see offerUpdate) is told apart from the first one.
const workers = navigator.serviceWorker;
const servedBy = workers?.controller;

// The theme chosen in the app's Theme switch, applied before the app draws so that a dark page
// never flashes light. No value (or "system") follows the system's colour scheme.
try {
  const theme = localStorage.getItem("verdict:theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage unavailable: the system's scheme applies.
}

/** The last saved draft record, or null. */
function lastSavedRecord() {
  try {
    const id = localStorage.getItem("verdict:current");
    const raw = id && localStorage.getItem(DRAFT_PREFIX + id);
    return raw ? { raw, record: JSON.parse(raw) } : null;
  } catch {
    return null;
  }
}

/** A link that downloads `text` as the file `name`. */
function downloadLink(label, name, text, type) {
  const link = document.createElement("a");
  link.textContent = label;
  link.download = name;
  link.href = URL.createObjectURL(new Blob([text], { type }));
  return link;
}

/** A button that reloads the page (the app saves the draft on `pagehide`, before it goes). No
 * `type`: it is never in a form. */
function reloadButton(label) {
  const button = document.createElement("button");
  button.textContent = label;
  button.onclick = () => location.reload();
  return button;
}

/** The post title the app suggests for metadata `m`. */
function defaultTitle(m) {
  const title = m.title?.trim();
  const author = m.author?.trim();
  return title ? `Review: ${title}${author ? ` by ${author}` : ""}` : "Untitled review";
}

/** The title the review is published under: the typed one, or the suggested one. */
const postTitle = (review) => review.post_title?.trim() || defaultTitle(review.metadata ?? {});

/** The saved review as plain Markdown, good enough to keep every word. */
function rescueMarkdown(record) {
  const review = record.review ?? {};
  const m = review.metadata ?? {};
  const lines = [`# ${postTitle(review)}`, ""];
  for (const [key, value] of Object.entries(m)) {
    if (typeof value === "string" && value.trim()) lines.push(`- ${key}: ${value.trim()}`);
  }
  // The person's own fields.
  for (const field of Array.isArray(m.custom) ? m.custom : []) {
    if (field && (field.label || field.value)) lines.push(`- ${field.label ?? ""}: ${field.value ?? ""}`);
  }
  for (const section of review.sections ?? []) {
    lines.push("", `## ${section.heading || "Untitled section"}${section.spoiler ? " (spoiler)" : ""}`, "", section.body ?? "");
  }
  if (review.rating) lines.push("", `Rating: ${review.rating / 2} out of 5`);
  return lines.join("\n") + "\n";
}

const MARKDOWN = "text/markdown;charset=utf-8";

let shown = false;
/** Replaces the page with an explanation and a way to keep the review. */
function showFailure(what) {
  if (shown) return;
  shown = true;
  const saved = lastSavedRecord();
  const main = document.createElement("main");
  main.className = "crash";
  const heading = document.createElement("h1");
  heading.textContent = "Verdict stopped working";
  const text = document.createElement("p");
  text.textContent = saved
    ? `Something went wrong (${what}). Your review as last saved (at most half a second before this) is safe in this browser: download it now, then reload the page.`
    : `Something went wrong (${what}). No saved review was found in this browser. Reload the page to try again.`;
  main.append(heading, text);
  if (saved) {
    const list = document.createElement("p");
    list.append(
      downloadLink("Download my review", "verdict-rescued-review.md", rescueMarkdown(saved.record), MARKDOWN),
      " · ",
      downloadLink("Download the saved record (JSON)", "verdict-rescued-record.json", saved.raw, "application/json"),
    );
    // Every other draft in this browser too, in one file: they are as much at risk. (Storage
    // works: the open draft was just read from it.)
    const all = [];
    for (const key of Object.keys(localStorage)) {
      try {
        if (key.startsWith(DRAFT_PREFIX)) all.push(rescueMarkdown(JSON.parse(localStorage[key])));
      } catch {
        // One unreadable record: the others are still offered.
      }
    }
    if (all[1]) list.append(" · ", downloadLink(`Download all ${all.length} saved reviews`, "verdict-rescued-reviews.md", all.join("\n---\n\n"), MARKDOWN));
    main.append(list);
  }
  main.append(reloadButton("Reload Verdict"));
  document.body.replaceChildren(main);
  main.querySelector("a, button")?.focus();
}

// The panic hook (Rust) calls this before the instance aborts; the console shows the message
// with the stack of this call, which runs through the Wasm's frames.
window.verdictCrashed = (message) => {
  console.error(message);
  showFailure(String(message || "a panic"));
};
// Traps (unreachable, stack overflow, out of memory) surface as uncaught errors.
window.addEventListener("error", (event) => {
  if (event.error instanceof WebAssembly.RuntimeError || String(event.message).includes("RuntimeError")) {
    showFailure(event.message || "a WebAssembly trap");
  }
});
window.addEventListener("unhandledrejection", (event) => {
  if (event.reason instanceof WebAssembly.RuntimeError) showFailure(String(event.reason));
});

/**
 * Offline use. A release build's index.html names its service worker in a meta tag (written by
 * scripts/precache.mjs); it is registered once the app has started, so that precaching never
 * competes with start-up, and registering on every start is also how a new version is found.
 * A development build names none: nothing is registered, and a worker a release build left on
 * this origin is removed, so that the development server's files are never hidden behind a
 * stale cache. Nothing here may stop the app: no support, file://, an insecure origin or a
 * refused registration only mean no offline copy.
 */
function setUpOffline() {
  try {
    const worker = document.querySelector('meta[name="verdict-service-worker"]')?.getAttribute("content");
    if (!workers) return;
    if (worker) {
      // Registering finds the registration; update() then asks the server for sw.js at every
      // start (the browser's own check after a navigation can be cut short by the next reload).
      workers
        .register(new URL(worker, document.baseURI))
        .then((registration) => registration.update())
        .catch(() => {});
    } else {
      workers
        .getRegistrations()
        .then((registrations) => Promise.all(registrations.map((registration) => registration.unregister())))
        .catch(() => {});
    }
  } catch {
    // No offline copy; the app runs as it is.
  }
}

/**
 * A new version took over while this page runs the old one (its worker installs in the
 * background and claims open pages, scripts/precache.mjs): a polite notice, never a dialog, whose
 * Reload keeps every word, since the app saves the draft on `pagehide` before the page goes.
 */
let offered = false;
function offerUpdate() {
  if (!servedBy || offered) return;
  offered = true;
  const notice = document.createElement("div");
  notice.className = "notice-line update-notice";
  notice.setAttribute("role", "status");
  notice.append("A new version is ready — ", reloadButton("Reload"));
  document.body.append(notice);
}
workers?.addEventListener("controllerchange", offerUpdate);

// The loader is the module the page preloads (Trunk writes the link, in development builds too),
// under its content-hashed name in a release build (scripts/filehash.mjs); it names the Wasm.
// It is loaded by a module script with the preload's integrity first: import() cannot check
// integrity, and Chromium fetches a module again, unchecked, for an import() after a failed
// preload. Once the script has loaded, import() gets that same module, checked, from the
// browser's module map (no second download).
// A page without the link (an altered or half-deployed index.html) gets the failure page too.
const { href, integrity } = document.querySelector("link[rel=modulepreload]") ?? {};
new Promise((resolve, reject) => {
  if (!href) return reject("the page names no app to load");
  const script = document.createElement("script");
  script.type = "module";
  script.integrity = integrity;
  script.src = href;
  script.onload = resolve;
  // Missing, unreachable or altered.
  script.onerror = () => reject(`${href} did not load`);
  document.head.append(script);
})
  .then(() => import(href))
  .then(({ default: init }) => init())
  .then((wasm) => {
    followAppBarHeight();
    // The same event Trunk's own loader sends (the benchmark reads the Wasm memory from it).
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
    if (document.readyState === "complete") setUpOffline();
    else addEventListener("load", setUpOffline, { once: true });
  })
  .catch((error) => showFailure(`it could not start: ${error}`));

// ---- Loaded on demand ---------------------------------------------------------------------------
// The parts the app loads only when the writer asks for one (src/extras.rs, a second Wasm module,
// e.g. Import a library); src/browser/extras.rs calls this. The module is loaded once; a load
// that failed (offline, or a newer version on the server) is tried again at the next call. Its
// name is content-hashed in a release build (scripts/filehash.mjs rewrites it here).
let extras;
window.verdictExtras = (name, ...args) =>
  (extras ||= import("../extras.js")
    .then(async (module) => (await module.default(), module))
    .catch((error) => {
      extras = null;
      throw error;
    })).then((module) => module[name](...args));

// ---- The static shell --------------------------------------------------------------------------
// index.html paints the editor before the Wasm arrives (scripts/shell.mjs); the app takes it away
// as it mounts (src/browser/shell.rs). A writer may type into it meanwhile: a field whose value
// is no longer its default (what the page or fillShell put there) was typed into, and goes to the
// app's control of the same id.
let typed = [];
let caret = null;

/** A date as the app's preview writes it, "December 6, 2026". */
const longDate = (date) => date.toLocaleDateString("en-US", { dateStyle: "long" });

/**
 * Draws the stored draft (or, for a first visit, today's date) into the shell, as the app will
 * draw it: the sections with their ids, the details folded as the app folds them, the rating,
 * the post title and byline. Each value is also the field's default, which tells typing apart.
 * What only the app can draw (the preview's sections, word counts, the full details line) waits
 * for it, with its line kept so that nothing moves.
 */
function fillShell(review) {
  const shell = document.querySelector("main[data-shell]");
  if (!shell) return;
  const $ = (id) => document.getElementById(id);
  const now = new Date();
  // A new review is dated today (the app's local date).
  const m = review?.metadata ?? { post_date: new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10) };
  // Each field's id names its value (book-title: title), but for these.
  const named = { "post-title": review?.post_title, "post-date": m.post_date, "book-published": m.publication_date, "work-cover": m.cover_image };
  for (const field of $("details-body").querySelectorAll("input")) {
    if (field.type === "checkbox") field.defaultChecked = !!m.draft;
    else field.defaultValue = (field.id in named ? named[field.id] : m[field.id.replace(/^\w+-/, "")]) ?? "";
  }
  const date = /^(\d{4})-(\d\d)-(\d\d)$/.exec(m.post_date?.trim());
  const blank = "\u00a0";
  shell.querySelector(".byline").textContent = [m.reviewer?.trim() && `By ${m.reviewer.trim()}`, date ? longDate(new Date(date[1], date[2] - 1, date[3])) : m.post_date?.trim()].filter(Boolean).join(" · ") || blank;
  if (!review) return;
  $("post-title").placeholder = defaultTitle(m);
  shell.querySelector(".review h1").textContent = postTitle(review);
  // Folded as src/ui/metadata_form.rs folds them: a titled review, unless kept open (its key).
  if (m.title?.trim() && localStorage.getItem("verdict:details-open") !== "true") {
    const line = document.createElement("p");
    line.className = "details-line";
    line.textContent = [m.title, m.author].map((s) => s?.trim()).filter(Boolean).join(" · ");
    $("details-body").hidden = true;
    $("details-body").before(line);
  }
  const stars = review.rating;
  if (stars > 0) {
    const half = stars % 2;
    const whole = (stars - half) / 2;
    const option = $("rating").options[0];
    option.value = stars / 2;
    option.text = `${stars / 2} out of 5`;
    shell.querySelector(".stars").textContent = "★".repeat(whole) + "½".repeat(half) + "☆".repeat(5 - whole - half);
  }
  shell.querySelector(".review-count").textContent = blank;
  // The sections, each a copy of the first one's editor. The preview's parts wait for the app,
  // which alone knows how to draw Markdown and hide spoilers.
  const editor = shell.querySelector(".section-editor");
  const editors = (review.sections ?? []).map(({ id, heading = "", body = "", spoiler }, i) => {
    const name = heading.trim() || `Untitled section ${i + 1}`;
    const form = editor.cloneNode(true);
    form.classList.toggle("is-spoiler", !!spoiler);
    const [head, text, flag] = form.querySelectorAll("input, textarea");
    head.id = `section-heading-${id}`;
    head.defaultValue = heading;
    head.placeholder = name;
    head.ariaLabel = `Heading of ${name}`;
    text.id = `section-body-${id}`;
    text.defaultValue = body;
    text.ariaLabel = name;
    flag.id = flag.parentNode.htmlFor = `section-spoiler-${id}`;
    flag.defaultChecked = !!spoiler;
    flag.nextElementSibling.textContent = name;
    form.querySelector("button").ariaLabel = `Actions for ${name}`;
    form.querySelector(".section-count").textContent = blank;
    return form;
  });
  for (const old of shell.querySelectorAll(".section-editor, .review-section")) old.remove();
  shell.querySelector(".add-section").before(...editors);
}

try {
  fillShell(lastSavedRecord()?.record.review);
} catch {
  // A record the shell cannot draw: it stays as the page has it, and the app draws the review.
}
// The shell's bar sets --bar-height as the app's will, so that the preview sits where it will.
followAppBarHeight();

/** Called by the app (src/browser/shell.rs) just before it mounts, and with `adopt` just after. */
window.verdictShell = (adopt) => (adopt ? queueMicrotask(adoptTyping) : takeShell());

/** Removes the shell, noting what was typed into it and where the focus, caret and scroll were. */
function takeShell() {
  const active = document.activeElement;
  // Not the selects: the shell's have one option each (scripts/shell.mjs).
  for (const field of document.querySelectorAll("[data-shell] :is(input, textarea)")) {
    const box = field.type === "checkbox";
    if (field.id && (box ? field.checked !== field.defaultChecked : field.value !== field.defaultValue)) typed.push([field.id, box, box ? field.checked : field.value]);
  }
  caret = {
    id: active?.closest("[data-shell]") && active.id,
    start: active?.selectionStart,
    end: active?.selectionEnd,
    top: active?.scrollTop,
    x: scrollX,
    y: scrollY,
  };
  for (const node of document.querySelectorAll("[data-shell]")) node.remove();
}

/**
 * Hands the typing to the app's controls and puts focus, caret and scroll back. In a microtask:
 * the app's first effects, queued as it mounts, set its controls' values once more, and must run
 * before the typing is handed over (and see it as an edit, to save it).
 */
function adoptTyping() {
  for (const [id, box, value] of typed) {
    const control = document.getElementById(id);
    if (!control) continue;
    control[box ? "checked" : "value"] = value;
    control.dispatchEvent(new Event(box ? "change" : "input", { bubbles: true }));
  }
  typed = [];
  const { id, start, end, top, x, y } = caret ?? {};
  const focused = id && document.getElementById(id);
  if (focused) {
    focused.focus({ preventScroll: true });
    if (start != null) focused.setSelectionRange?.(start, end);
    focused.scrollTop = top;
  }
  if (caret) scrollTo(x, y);
}

/** Keeps --bar-height equal to the app bar's height (it wraps to more rows on narrower screens),
 * so that the sticky toolbar and preview sit just below it instead of under it. */
function followAppBarHeight() {
  const bar = document.querySelector(".app-bar");
  if (!bar || !("ResizeObserver" in window)) return;
  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--bar-height", `${bar.offsetHeight}px`);
  }).observe(bar);
}
