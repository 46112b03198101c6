// Checks shared by the hostile-input tests: what in a page could run script, and clicking
// every link.

/** Elements or attributes that could run script or load something unexpected. */
export async function activeMarkup(scope) {
  return scope.evaluate((root) => {
    const found = [];
    const allowed = (url) => {
      const cleaned = url.replace(/[\u0000-\u0020]/g, "");
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
      return !scheme || ["http", "https", "mailto"].includes(scheme[1].toLowerCase());
    };
    for (const el of root.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      // The editor's own forms (each section, the book details; never submitted) are the app's,
      // in the editor pane, where what is typed stays in text fields and never becomes markup.
      const own = tag === "form" && el.closest('section[aria-label="Editor"]');
      if (!own && ["script", "iframe", "object", "embed", "svg", "math", "style", "base", "meta", "link", "form", "frame", "frameset", "portal", "template"].includes(tag)) {
        if (!(tag === "style" && el.closest("head")) && !(tag === "meta" && el.closest("head")) && !(tag === "link" && el.closest("head"))) found.push(`<${tag}>`);
      }
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) found.push(`${tag}[${name}]`);
        if (["href", "src", "action", "formaction", "xlink:href", "background", "srcdoc", "data"].includes(name) && !allowed(attr.value)) {
          found.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
        }
        if (name === "style" && /url\(|expression/i.test(attr.value)) found.push(`${tag}[style]`);
      }
    }
    return found;
  }, await scope.elementHandle());
}

/** Clicks every link in `scope`, closing what opens; navigation off the page is blocked. */
export async function clickEveryLink(page, scope) {
  const links = scope.locator("a[href]");
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    await links.nth(i).click({ modifiers: [], noWaitAfter: true, timeout: 2_000 }).catch(() => {});
  }
  return count;
}


/**
 * Guards a hostile-input test: every dialog opened in `page` (or in a page `watch` is given) is
 * counted and dismissed, tabs opened by links are watched and closed, nothing leaves localhost,
 * and `window.__pwned` starts at 0. Returns `{ watch, dialogs }` (`dialogs()` is the count).
 */
export async function guard(page, context) {
  let count = 0;
  const watch = (p) => p.on("dialog", async (d) => { count++; await d.dismiss().catch(() => {}); });
  watch(page);
  // Links open in a new tab: watch each such tab for dialogs, then close it.
  context.on("page", async (opened) => {
    watch(opened);
    if (await opened.opener()) await opened.close().catch(() => {});
  });
  // Nothing leaves localhost (payload images and links point elsewhere).
  await context.route((url) => !url.href.startsWith("http://127.0.0.1") && !url.href.startsWith("file:"), (route) => route.abort());
  await page.addInitScript(() => { window.__pwned = 0; });
  return { watch, dialogs: () => count };
}
