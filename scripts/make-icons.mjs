// Draws the app icons of the web app manifest (public/manifest.webmanifest) from
// public/favicon.svg in Debian's Chromium, with no network: icon-192.png and icon-512.png (the
// favicon as it is) and icon-maskable-512.png (full-bleed, the mark inside the safe zone, for
// launchers that cut icons to their own shape). The PNGs are committed; run this again only
// after changing the favicon: node scripts/make-icons.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const favicon = readFileSync("public/favicon.svg", "utf8");
const background = favicon.match(/<rect[^>]*fill="([^"]+)"/)[1];
const mark = favicon.match(/<path[^>]*\/>/)[0];
// A maskable icon's safe zone is the central circle of 80% of its width: the mark, 20 of 32
// units wide with its stroke, is drawn at 75% so that its corners stay inside it.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.75) translate(-16 -16)">${mark}</g></svg>`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
for (const [svg, size, file] of [
  [favicon, 192, "public/icon-192.png"],
  [favicon, 512, "public/icon-512.png"],
  [maskable, 512, "public/icon-maskable-512.png"],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.locator("svg").screenshot({ path: file, omitBackground: true });
  console.log(`${file}: ${size}×${size}`);
}
await browser.close();
