// Lighthouse (npm, pinned in tools/package.json) in its default mobile mode
// (a mid-range phone, slow 4G, 4x CPU slowdown) on the home page and one
// review page of the built dist/, served with gzip under a subpath; prints
// the four category scores. Run by scripts/bench.sh; not a test.
//   node scripts/lighthouse.mjs [REVIEW_ID] [--json PATH]
// --json PATH adds the scores, their budget and the time taken to the JSON
// that scripts/bench.mjs wrote there (or to a new file).
//
// The texts file is downloaded by a worker (static/texts-worker.js). Lighthouse
// drives Chromium through DevTools with its Network domain on, and Chromium
// then decodes each completed response body as text for the Network panel,
// on the thread that made the request: for the 19 MB texts, a task of
// 100-250 ms that a browser without DevTools never runs. Downloaded on the
// page's thread, Lighthouse counted it as 900 ms of blocking time.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, DIST } from '../tests/e2e/support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tools = createRequire(path.join(ROOT, 'tools/package.json'));
const { default: lighthouse } = await import(pathToFileURL(tools.resolve('lighthouse')).href);
const chromeLauncher = await import(pathToFileURL(tools.resolve('chrome-launcher')).href);

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const JSON_PATH = jsonAt >= 0 ? argv.splice(jsonAt, 2)[1] : undefined;
const review = argv[0] ?? 'kazakhstan-s7';
const STARTED = Date.now();
// The budget of issue 14, an aim rather than a promise: scores move by
// 5-10 points between runs of one build on a shared machine.
const BUDGET = {
  limit: 95,
  why: 'a phone on a slow network gets a page it can use at once: Lighthouse simulates one, and its performance score is mostly the main thread\'s blocking time (issue 14, an aim)',
};
const server = await startServer({ '/upr/': DIST }, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
const results = [];
try {
  console.log('\n## Lighthouse, mobile (scripts/lighthouse.mjs)\n');
  console.log(`| page | ${CATEGORIES.join(' | ')} | first contentful paint | largest contentful paint | total blocking time | cumulative layout shift |`);
  console.log(`|---|${CATEGORIES.map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  const pages = [['home', '/upr/', 'home page', 'lighthouseHome'], [`review ${review}`, `/upr/reviews/${review}.html`, 'review page', 'lighthouseReview']];
  for (const [name, address, kind, budget] of pages) {
    const result = await lighthouse(server.url(address), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
    const metric = (id) => audits[id]?.displayValue ?? '–';
    console.log(`| ${name} | ${scores.join(' | ')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} |`);
    const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary');
    for (const audit of failed) console.log(`  - ${name}: ${audit.id}: ${audit.title}`);
    results.push({
      name, kind, address, budget,
      scores: Object.fromEntries(CATEGORIES.map((c, i) => [c, scores[i]])),
      metrics: Object.fromEntries(METRICS.map((id) => [id, { value: audits[id]?.numericValue ?? null, shown: audits[id]?.displayValue ?? null }])),
      failedAudits: failed.map((a) => a.id),
    });
  }
} finally {
  await chrome.kill();
  await server.close();
}
if (JSON_PATH) {
  const json = fs.existsSync(JSON_PATH) ? JSON.parse(fs.readFileSync(JSON_PATH, 'utf8')) : {};
  json.lighthouse = { pages: results };
  json.budgets = (json.budgets ?? []).filter((b) => !results.some((page) => page.budget === b.name));
  for (const page of results) {
    const measured = page.scores.performance;
    json.budgets.push({
      name: page.budget, label: `Lighthouse performance, ${page.kind}`,
      limit: BUDGET.limit, unit: 'score', atLeast: true, measured, met: measured >= BUDGET.limit, why: BUDGET.why,
    });
  }
  json.durations ??= {};
  json.durations.lighthouse = Math.round((Date.now() - STARTED) / 1000);
  // From the start of scripts/bench.sh, builds included.
  if (process.env.UPR_BENCH_STARTED) json.durations.total = Math.round(Date.now() / 1000 - Number(process.env.UPR_BENCH_STARTED));
  fs.writeFileSync(JSON_PATH, JSON.stringify(json, null, 1) + '\n');
  console.error(`Lighthouse's scores added to ${JSON_PATH}`);
}
