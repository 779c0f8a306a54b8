// `npm run icon`: renders the Marketplace / Open VSX icon from media/release.svg (the activity bar
// icon) in the test bed's Chromium (Debian /usr/bin/chromium, driven by playwright-core) and
// screenshots it: media/icon.png (128×128, the manifest's `icon`) and media/icon-256.png
// (256×256, for a release page or the repository's social preview). Both PNGs are committed;
// run this again only when release.svg or the design below changes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './testbed/install.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'media', 'release.svg');
const OUTPUTS = [
  { size: 128, file: path.join(ROOT, 'media', 'icon.png') },
  { size: 256, file: path.join(ROOT, 'media', 'icon-256.png') },
];
// The galleryBanner colour in package.json is the darker of the two.
const BACKGROUND_FROM = '#2f6fb0';
const BACKGROUND_TO = '#1b3a5c';

function fail(message) {
  console.error(`icon: ${message}`);
  process.exit(1);
}

if (!existsSync(CHROMIUM)) {
  fail(`no Chromium at ${CHROMIUM}. Install Debian's \`chromium\` package (npm run testbed:install does) or set RELEASE_PLAN_TESTBED_CHROMIUM.`);
}
const svg = readFileSync(SOURCE, 'utf8');
if (!/^<svg[\s>]/.test(svg.trim()) || !/viewBox="0 0 24 24"/.test(svg)) {
  fail(`${path.relative(ROOT, SOURCE)} is not the 24×24 stroke icon this script expects (an <svg> with viewBox="0 0 24 24").`);
}

// One page per size, drawn at that size (not scaled screenshots), so strokes stay crisp.
function page(size) {
  const radius = Math.round(size * 0.19);
  const glyph = Math.round(size * 0.72);
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; }
    #icon {
      width: ${size}px; height: ${size}px; border-radius: ${radius}px; box-sizing: border-box;
      background: linear-gradient(160deg, ${BACKGROUND_FROM}, ${BACKGROUND_TO});
      display: flex; align-items: center; justify-content: center; color: #ffffff;
    }
    #icon svg { width: ${glyph}px; height: ${glyph}px; }
  </style></head><body><div id="icon">${svg}</div></body></html>`;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const { size, file } of OUTPUTS) {
    const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    await tab.setContent(page(size));
    const png = await tab.locator('#icon').screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(file, png);
    console.log(`${path.relative(ROOT, file)}: ${size}×${size}, ${png.length} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
}
