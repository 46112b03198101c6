// The one web service Verdict may ask, and only when the writer presses Look up: a book search
// (src/import/books/lookup.rs) and its covers. Open Library, unless the build names another,
// for a mirror or a local stand-in: VERDICT_BOOKS_API and VERDICT_BOOKS_COVERS, read by the
// Rust build (option_env!) and by this step alike, in the same `trunk build`. The page's
// Content-Security-Policy names exactly that service in connect-src, so that the app can reach
// nothing else; img-src already takes any https image (reviews show them), and names the covers
// host besides when it is not https. Called by scripts/precache.mjs on every build.

/** The service and its covers when the build names none. */
export const OPEN_LIBRARY = { api: "https://openlibrary.org", covers: "https://covers.openlibrary.org" };

/** The origin of `address` (scheme, host, port), or an error for anything but http(s). */
function origin(address, name) {
  const url = new URL(address);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`${name}: ${address} is not an http(s) address`);
  return url.origin;
}

/** The page `html` with its policy naming the books service of `env`. */
export function withBooksService(html, env = process.env) {
  const api = origin(env.VERDICT_BOOKS_API ?? OPEN_LIBRARY.api, "VERDICT_BOOKS_API");
  const covers = origin(env.VERDICT_BOOKS_COVERS ?? OPEN_LIBRARY.covers, "VERDICT_BOOKS_COVERS");
  const images = `img-src 'self' https: data: blob:${covers.startsWith("https:") ? "" : ` ${covers}`}`;
  const out = html.replace(/connect-src [^;"]*/, `connect-src 'self' ${api}`).replace(/img-src [^;"]*/, images);
  if (!out.includes(`connect-src 'self' ${api}`)) throw new Error("index.html: no connect-src in the Content-Security-Policy");
  return out;
}
