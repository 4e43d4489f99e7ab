// Lighthouse (npm, pinned in tools/package.json) in its default mobile mode
// (a mid-range phone, slow 4G, 4x CPU slowdown) on the home page and one
// review page of the built dist/, served with gzip under a subpath; prints
// the four category scores. Run by scripts/bench.sh; not a test.
//   node scripts/lighthouse.mjs [REVIEW_ID]
//
// The texts file is downloaded by a worker (static/texts-worker.js). Lighthouse
// drives Chromium through DevTools with its Network domain on, and Chromium
// then decodes each completed response body as text for the Network panel,
// on the thread that made the request: for the 19 MB texts, a task of
// 100-250 ms that a browser without DevTools never runs. Downloaded on the
// page's thread, Lighthouse counted it as 900 ms of blocking time.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, DIST } from '../tests/e2e/support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tools = createRequire(path.join(ROOT, 'tools/package.json'));
const { default: lighthouse } = await import(pathToFileURL(tools.resolve('lighthouse')).href);
const chromeLauncher = await import(pathToFileURL(tools.resolve('chrome-launcher')).href);

const review = process.argv[2] ?? 'kazakhstan-s7';
const server = await startServer({ '/upr/': DIST }, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
try {
  console.log('\n## Lighthouse, mobile (scripts/lighthouse.mjs)\n');
  console.log(`| page | ${CATEGORIES.join(' | ')} | first contentful paint | largest contentful paint | total blocking time | cumulative layout shift |`);
  console.log(`|---|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  const pages = [['home', '/upr/'], [`review ${review}`, `/upr/reviews/${review}.html`]];
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
}
