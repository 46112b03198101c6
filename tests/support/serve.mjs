// A tiny static file server for the built app (dist/), used by the end-to-end tests, the
// browser benchmark and scripts/serve. With --compress it serves the way a host should
// (docs/hosting.md): text and Wasm brotli-compressed (quality 11, as a host that compresses ahead
// of time does), or gzip to a browser without brotli, and the content-hashed files
// (scripts/filehash.mjs) cached for a year, everything else revalidated: what scripts/lighthouse
// measures, as a reader's phone would get it.
// Usage: node tests/support/serve.mjs [--compress] [dir] [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const compress = args[0] === "--compress";
if (compress) args.shift();
const root = resolve(args[0] ?? "dist");
const port = Number(args[1] ?? 8090);
const compressible = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest"]);
/** The names scripts/filehash.mjs gives: the content's hash before the extension. */
const HASHED = /-[0-9a-f]{8}\.(js|wasm|css)$/;
/** Each file's compressed bytes, per encoding, made once. */
const compressed = new Map();
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) throw new Error("outside root");
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    let body = await readFile(file);
    // The tests want every load fresh (no-store); a host revalidates instead (no-cache), which
    // also lets the browser keep the page in its back/forward cache, and lets a browser keep a
    // file whose name is the hash of its content for good: a new build has new names.
    const cache = !compress ? "no-store" : HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": cache };
    const accepted = req.headers["accept-encoding"] ?? "";
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
    if (compress && compressible.has(extname(file)) && encoding) {
      const key = `${encoding} ${file}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
      }
      body = compressed.get(key);
      headers["content-encoding"] = encoding;
      headers.vary = "accept-encoding";
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
