// Lighthouse (npm, pinned in tools/package.json) in its default mobile mode
// (a mid-range phone, slow 4G, 4x CPU slowdown), three runs on each of
// PAGES of the built dist/, served with gzip under a subpath; prints each
// page's median of every figure and its three performance scores. Run by
// scripts/bench.sh; not a test.
//   node scripts/lighthouse.mjs [--runs N] [--json PATH]
// --json PATH adds the figures, their budgets (scripts/budgets.mjs) and the
// time taken to the JSON that scripts/bench.mjs wrote there (or to a new
// file).
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
import { judged } from './budgets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tools = createRequire(path.join(ROOT, 'tools/package.json'));
const { default: lighthouse } = await import(pathToFileURL(tools.resolve('lighthouse')).href);
const chromeLauncher = await import(pathToFileURL(tools.resolve('chrome-launcher')).href);

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const JSON_PATH = option('--json');
// Three runs, their median: one run's performance score moves by 5-10
// points on a shared machine.
const RUNS = Number(option('--runs') ?? 3);
const STARTED = Date.now();
// [name, address under the site, what it is, its performance budget]
const PAGES = [
  ['home', '', 'home page', 'lighthouseHome'],
  ['review', 'reviews/kazakhstan-s7.html', 'review page', 'lighthouseReview'],
  ['?review=', '?review=kazakhstan-s7', 'home page with ?review=', 'lighthouseReviewQuery'],
  ['State', 'states/kazakhstan.html', 'State page', 'lighthouseState'],
  ['French', 'index.fr.html', 'French home page', 'lighthouseFrench'],
  ['Arabic review', 'reviews/kazakhstan-s7.ar.html', 'Arabic review page', 'lighthouseArabic'],
  ['?q=', '?q=torture', 'home page with ?q=', 'lighthouseSearch'],
];
const server = await startServer({ '/upr/': DIST }, { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
try {
  console.log(`\n## Lighthouse, mobile (scripts/lighthouse.mjs): the median of ${RUNS} runs per page\n`);
  console.log(`| page | performance (each run) | ${CATEGORIES.slice(1).join(' | ')} | first contentful paint | largest contentful paint | total blocking time | cumulative layout shift |`);
  console.log(`|---|---:|${CATEGORIES.slice(1).map(() => '---:').join('|')}|---:|---:|---:|---:|`);
  for (const [name, address, kind, budget] of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(server.url('/upr/') + address, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      runs.push(lhr);
    }
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, middle(runs.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100)))]));
    const performanceRuns = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
    // Each metric's median, shown as Lighthouse showed it in that run.
    const metrics = Object.fromEntries(METRICS.map((id) => {
      const values = runs.map((r) => r.audits[id]?.numericValue ?? null).filter((v) => v !== null);
      if (!values.length) return [id, { value: null, shown: null }];
      const value = middle(values);
      const run = runs.find((r) => r.audits[id]?.numericValue === value);
      return [id, { value, shown: run.audits[id].displayValue ?? String(value) }];
    }));
    const shown = (id) => metrics[id].shown ?? '–';
    console.log(`| ${name} (\`${address || './'}\`) | ${scores.performance} (${performanceRuns.join(', ')}) | ${CATEGORIES.slice(1).map((c) => scores[c]).join(' | ')} | ${METRICS.map(shown).join(' | ')} |`);
    // An audit failed in any run.
    const failed = [...new Set(runs.flatMap((r) => Object.values(r.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => `${a.id}: ${a.title}`)))];
    for (const audit of failed) console.log(`  - ${name}: ${audit}`);
    results.push({ name, kind, address, budget, scores, performanceRuns, metrics, failedAudits: failed.map((a) => a.slice(0, a.indexOf(':'))) });
  }
} finally {
  await chrome.kill();
  await server.close();
}
// The performance score per page; the other categories and the layout
// shift at the worst page.
const worst = (pick, lowest) => (results.length ? (lowest ? Math.min : Math.max)(...results.map(pick)) : null);
const budgets = [
  ...results.map((page) => judged(page.budget, page.scores.performance)),
  judged('lighthouseAccessibility', worst((page) => page.scores.accessibility, true)),
  judged('lighthouseBestPractices', worst((page) => page.scores['best-practices'], true)),
  judged('lighthouseSeo', worst((page) => page.scores.seo, true)),
  judged('lighthouseLayoutShift', worst((page) => page.metrics['cumulative-layout-shift'].value ?? Infinity, false)),
];
console.log('\n| budget | limit | measured | |\n|---|---:|---:|---|');
for (const b of budgets) console.log(`| ${b.label} | ${b.atLeast ? '≥' : '≤'} ${b.limit} | ${b.measured} | ${b.met === null ? 'not measured' : b.met ? 'met' : 'MISSED'} |`);
if (JSON_PATH) {
  const json = fs.existsSync(JSON_PATH) ? JSON.parse(fs.readFileSync(JSON_PATH, 'utf8')) : {};
  json.lighthouse = { runs: RUNS, pages: results };
  json.budgets = [...(json.budgets ?? []).filter((b) => !b.name.startsWith('lighthouse')), ...budgets];
  json.durations ??= {};
  json.durations.lighthouse = Math.round((Date.now() - STARTED) / 1000);
  // From the start of scripts/bench.sh, builds included.
  if (process.env.UPR_BENCH_STARTED) json.durations.total = Math.round(Date.now() / 1000 - Number(process.env.UPR_BENCH_STARTED));
  fs.writeFileSync(JSON_PATH, JSON.stringify(json, null, 1) + '\n');
  console.error(`Lighthouse's figures added to ${JSON_PATH}`);
}
