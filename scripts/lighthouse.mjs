// Lighthouse (npm, pinned in tools/package.json) in its default mobile mode
// (a mid-range phone, slow 4G, 4x CPU slowdown) on the home page and one
// review page of the built dist/, served with gzip under a subpath; prints
// the four category scores. Run by scripts/bench.sh; not a test.
//   node scripts/lighthouse.mjs [REVIEW_ID]
//
// A third row runs the home page again without a cost that only DevTools
// adds. Lighthouse drives Chromium through DevTools with its Network
// domain on, and Chromium then keeps each response body for the Network
// panel: when the 19 MB texts file finishes, it decodes it as text on the
// main thread, a task of 100-250 ms with no script in it
// (ResponseBodyLoader::DidFinishLoadingBody, TextResourceDecoder::Decode),
// which Lighthouse's simulation counts four times over. A browser with no
// DevTools attached never runs it (a trace over bare CDP without
// Network.enable: no such task). Chromium keeps no body past a size
// (between 19.1 and 26 MB, measured), so the row serves the same files with
// the texts file padded to 26 MB with trailing spaces, which JSON allows
// and the viewer reads as the same texts. Only the home page: a review
// page hydrates only from the texts file it was rendered from.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, tempFolder, DIST } from '../tests/e2e/support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tools = createRequire(path.join(ROOT, 'tools/package.json'));
const { default: lighthouse } = await import(pathToFileURL(tools.resolve('lighthouse')).href);
const chromeLauncher = await import(pathToFileURL(tools.resolve('chrome-launcher')).href);

const review = process.argv[2] ?? 'kazakhstan-s7';
const PADDED_TEXTS_BYTES = 26_000_000;
const dataDir = path.join(DIST, 'data');
const padded = tempFolder(Object.fromEntries(fs.readdirSync(dataDir).map((name) => [name, fs.readFileSync(path.join(dataDir, name))])));
const texts = path.join(padded, 'recommendations.json');
fs.appendFileSync(texts, ' '.repeat(Math.max(0, PADDED_TEXTS_BYTES - fs.statSync(texts).size)));
const server = await startServer({ '/upr/': DIST, '/padded/': DIST, '/padded/data/': padded }, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
try {
  console.log('\n## Lighthouse, mobile (scripts/lighthouse.mjs)\n');
  console.log(`| page | ${CATEGORIES.join(' | ')} | first contentful paint | largest contentful paint | total blocking time | cumulative layout shift |`);
  console.log(`|---|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  const pages = [['home', '/upr/'], [`review ${review}`, `/upr/reviews/${review}.html`], ['home, without DevTools\' decoding of the texts (see the script)', '/padded/']];
  for (const [name, address] of pages) {
    const result = await lighthouse(server.url(address), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
    const metric = (id) => audits[id]?.displayValue ?? '–';
    console.log(`| ${name} | ${scores.join(' | ')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} |`);
    const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary');
    for (const audit of failed) console.log(`  - ${name}: ${audit.id}: ${audit.title}`);
  }
} finally {
  await chrome.kill();
  await server.close();
  fs.rmSync(padded, { recursive: true, force: true });
}
