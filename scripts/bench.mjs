// The benchmark: how fast, how small, and how it scales, beside the best
// that is possible on the same machine in the same run. Run through
// scripts/bench.sh, which builds the release first. It prints figures and
// never fails on a slow machine.
//
//   node scripts/bench.mjs [--loads N] [--reps N] [--scales 1,4,16]
//                          [--throttle 4] [--only PARTS] [--json PATH]
// --throttle N also runs the real data with the CPU slowed N times
// (Chromium's Emulation.setCPUThrottlingRate, like a mid-range phone; 0:
// not). --only runs some of the parts (PARTS below, comma-separated);
// their budgets are "not measured" in the rest. --json PATH writes every
// printed figure to PATH as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser, packFolder, startServer, DIST } from '../tests/e2e/support.mjs';
import { BUDGETS, judged } from './budgets.mjs';
import { hostedServer, measureFirstSearch, measureRepeat, measureWire } from './bench-visits.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.tmp/bench');
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const LOADS = Number(args.loads ?? 5);
const REPS = Number(args.reps ?? 25);
const SCALES = (args.scales ?? '1,4,16').split(',').map(Number);
const THROTTLE = Number(args.throttle ?? 4);
const JSON_PATH = args.json;
// The parts, in the order they run.
const PARTS = {
  sizes: 'the release\'s wasm and the whole dist/',
  wire: 'bytes over the wire on a first visit, slow and fast connection (the release)',
  repeat: 'bytes over the wire on a second visit (the release)',
  search: 'the first search on a page without the texts, CPU slowed (the release)',
  load: 'cold loads, filter latency and memory per dataset (the benchmark build)',
  lighthouse: 'Lighthouse, run after this script by scripts/bench.sh (scripts/lighthouse.mjs)',
};
const ONLY = args.only ? args.only.split(',') : null;
for (const part of ONLY ?? []) {
  if (!(part in PARTS)) throw new Error(`--only: no part "${part}" (the parts: ${Object.keys(PARTS).join(', ')})`);
}
const inRun = (part) => ONLY === null || ONLY.includes(part);
const START_LOAD = os.loadavg();
const STARTED = Date.now();
const git = (command) => { try { return execSync(`git ${command}`, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return null; } };
// The commit measured, read before anything runs; `dirty` when the tree
// held uncommitted changes to tracked files, which the commit alone does
// not name (outside docs/, where the figures themselves are written).
const COMMIT = git('rev-parse --short HEAD');
const DIRTY = COMMIT !== null && git("status --porcelain --untracked-files=no -- . ':!docs'") !== '';


const log = (...a) => console.error(...a);
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const spread = (xs) => { const s = [...xs].sort((a, b) => a - b); return `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}`; };
const ms = (x) => (x === undefined ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const bytes = (b) => (b >= 1e6 ? mb(b) : kb(b));

/** A synthetic dataset `scale` times the real one: every review repeated
 *  with a new id, and its texts packed for the viewer as the build packs
 *  the real ones (recommendations.bin). Marked as synthetic in its
 *  `source`; written under .tmp/ and never shipped. */
function synthetic(scale) {
  const dir = path.join(WORK, `data-x${scale}`);
  // Packed at every run, as the build packs the real texts: a packed file
  // kept from an older build may be in a format the viewer now refuses.
  if (fs.existsSync(path.join(dir, 'recommendations.json'))) {
    packFolder(dir);
    return dir;
  }
  fs.mkdirSync(dir, { recursive: true });
  const overview = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/overview.json'), 'utf8'));
  const texts = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/recommendations.json'), 'utf8'));
  const copy = (list, make) => Array.from({ length: scale }, (_, k) => list.map((x) => make(x, k))).flat();
  const id = (x, k) => (k === 0 ? x.id : `${x.id}-copy${k}`);
  overview.source = `SYNTHETIC: the real dataset repeated ${scale} times, for benchmarking only. ${overview.source}`;
  overview.reviews = copy(overview.reviews, (r, k) => ({ ...r, id: id(r, k) }));
  texts.reviews = copy(texts.reviews, (r, k) => ({ ...r, id: id(r, k) }));
  for (const t of [overview.totals, texts.totals]) {
    t.reviews *= scale; t.recommendations *= scale; t.pledges *= scale;
  }
  fs.writeFileSync(path.join(dir, 'overview.json'), JSON.stringify(overview));
  fs.writeFileSync(path.join(dir, 'recommendations.json'), JSON.stringify(texts));
  packFolder(dir);
  return dir;
}

/** The raw size of the texts a dataset holds: the UTF-8 bytes of every
 *  recommendation's and pledge's text, the denominator of the memory ratio. */
function textBytes(dir) {
  const texts = JSON.parse(fs.readFileSync(path.join(dir, 'recommendations.json'), 'utf8'));
  let bytes = 0;
  for (const review of texts.reviews) {
    for (const r of [...review.recommendations, ...review.pledges]) bytes += Buffer.byteLength(r.text);
  }
  return bytes;
}

// Installed before any page script: records when the first card title is
// painted (Element Timing), when the texts are in, and the wasm instance.
function instrument() {
  window.__bench = { cardPaint: null, textsAsked: null, texts: null, indexed: null, wasm: null, interactive: null };
  // Interactive: the first time a filter is answered. Once the app holds
  // the page (no hydration markers left in its root), a theme is ticked;
  // the time is when the result line changes; it is then unticked.
  // A frame after the markers are gone: yew runs the components' first
  // effects after hydrating, and a query set before them is replaced by
  // the page's own (as it would be for a person's click in that frame).
  let settled = false;
  const answer = () => {
    if (document.documentElement?.hasAttribute('data-bench-static')) return;
    const root = document.getElementById('upr-viewer-page');
    const summary = document.querySelector('[data-testid=result-summary]');
    const box = document.querySelector('[data-testid=theme-option] input');
    if (!root || !summary || !box || document.createTreeWalker(root, NodeFilter.SHOW_COMMENT).nextNode() || !settled) {
      settled = Boolean(root && summary && box) && !document.createTreeWalker(root, NodeFilter.SHOW_COMMENT).nextNode();
      requestAnimationFrame(answer);
      return;
    }
    const before = summary.getAttribute('data-recommendations');
    new MutationObserver((_, observer) => {
      const now = document.querySelector('[data-testid=result-summary]');
      if (now?.getAttribute('data-recommendations') === before) return;
      window.__bench.interactive = performance.now();
      observer.disconnect();
      document.querySelector('[data-testid=theme-option] input')?.click();
    }).observe(root, { childList: true, subtree: true, attributes: true });
    box.click();
  };
  requestAnimationFrame(answer);
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasm = e.detail.wasm; });
  // At 16x the texts' word index is built in slices after they are shown
  // (a search scans until then): when the search reads it.
  const indexed = setInterval(() => {
    if (window.__bench.texts !== null && window.wasmBindings?.benchSearchIndexed?.()) {
      window.__bench.indexed = performance.now();
      clearInterval(indexed);
    }
  }, 10);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'card-title' && window.__bench.cardPaint === null) window.__bench.cardPaint = e.renderTime || e.loadTime;
    }
  }).observe({ type: 'element', buffered: true });
  // Every review's texts, from the moment the viewer asks for them (its
  // root's data-texts turns 'loading': on the home page, the prefetch
  // once the page is idle on a fast connection) to the moment they are in
  // ('ready'). Until the viewer asks, a page has no texts to wait for.
  new MutationObserver(() => {
    const b = window.__bench;
    const stage = document.querySelector('[data-testid=upr-viewer]')?.getAttribute('data-texts');
    if (stage === 'loading' && b.textsAsked === null) b.textsAsked = performance.now();
    if (stage === 'ready' && b.texts === null) {
      b.texts = performance.now();
      b.textsAsked ??= b.texts;
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-texts'] });
}

async function coldLoad(url, { waitTexts = true, throttle = 1 } = {}) {
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  try {
    const page = await browser.context.newPage();
    if (throttle > 1) {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.addInitScript(instrument);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.cardPaint !== null, null, { timeout: 120000 });
    if (waitTexts) await page.waitForFunction(() => window.__bench.indexed !== null && window.__bench.interactive !== null, null, { timeout: 300000 });
    const result = await page.evaluate(() => {
      const b = window.__bench;
      // A prerendered page holds its first card as HTML: it needs the page
      // and what blocks rendering (styles), not the code and data preloaded
      // beside it for the app, however soon they arrive on localhost.
      const prerendered = document.getElementById('upr-viewer-page')?.hasAttribute('data-prerendered');
      const before = performance.getEntriesByType('resource')
        .filter((r) => r.responseEnd <= b.cardPaint && (!prerendered || r.renderBlockingStatus === 'blocking'));
      const nav = performance.getEntriesByType('navigation')[0];
      const sizes = {};
      for (const r of [nav, ...before]) {
        const kind = /\.wasm$/.test(r.name) ? 'app code (wasm)' : /\.js$/.test(r.name) ? 'glue (js)' : /\.(json|bin)$/.test(r.name) ? 'data' : 'page (html, css)';
        sizes[kind] ??= { raw: 0, gzip: 0 };
        sizes[kind].raw += r.decodedBodySize;
        sizes[kind].gzip += r.encodedBodySize;
      }
      return {
        cardPaint: b.cardPaint,
        // From the ask to the texts in.
        texts: b.texts - b.textsAsked,
        textsAsked: b.textsAsked,
        indexed: b.indexed,
        interactive: b.interactive,
        sizes,
        jsHeap: performance.memory?.usedJSHeapSize,
        wasmMemory: b.wasm?.memory?.buffer.byteLength,
      };
    });
    return { page, browser, ...result };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Median of `LOADS` cold loads; the last page stays open for latency. */
async function loads(url, options) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const run = await coldLoad(url, options);
    runs.push(run);
    if (i < LOADS - 1) await run.browser.close();
  }
  return runs;
}

// Each action returns to the starting view afterwards, untimed.
const ACTIONS = [
  { name: 'toggle one theme', setup: '', act: 'theme:Death penalty', undo: 'theme:Death penalty' },
  { name: 'toggle a third theme', setup: '?theme=Detention&theme=Justice', act: 'theme:Torture and other CID treatment', undo: 'theme:Torture and other CID treatment' },
  { name: 'move the States range', setup: '', act: 'range:40', undo: 'range:0' },
  { name: 'search, 1 character', setup: '', act: 'search:t', undo: 'search:' },
  { name: 'search, 3 characters', setup: '', act: 'search:tor', undo: 'search:' },
  { name: 'search, 8 characters', setup: '', act: 'search:detentio', undo: 'search:' },
  // The forms of the search syntax (docs/using.md, `q`).
  { name: 'search, word', setup: '', act: 'search:tortur', undo: 'search:' },
  { name: 'search, phrase', setup: '', act: 'search:"death penalty"', undo: 'search:' },
  { name: 'search, OR', setup: '', act: 'search:torture OR detention', undo: 'search:' },
  { name: 'search, NOT', setup: '', act: 'search:torture -detention', undo: 'search:' },
  { name: 'open a card', setup: '', act: 'open', undo: 'close' },
  // The budget's card: the most recommendations (387), the first card
  // when they lead. The clock stops when the card is in the DOM: its
  // first screen, the rows below it are drawn in later tasks.
  { name: 'open the largest card', setup: '?sort=-recommendations', act: 'open', undo: 'close' },
];

/** Runs in the page: performs `step`, resolves with the time from input to
 *  the updated DOM. */
function timeStep(step) {
  const [kind, value] = [step.split(':')[0], step.slice(step.indexOf(':') + 1)];
  const summary = () => document.querySelector('[data-testid=result-summary]')?.outerHTML;
  const before = summary();
  const done = {
    open: () => document.querySelector('[data-testid=review-detail]'),
    close: () => document.querySelector('[data-testid=review-card]'),
  }[kind] ?? (() => summary() !== before);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const t0 = performance.now();
    if (kind === 'theme') document.querySelector(`[data-testid=theme-option][data-theme="${value}"] input`).click();
    else if (kind === 'range') {
      const input = document.querySelector('[data-testid=states-min]');
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (kind === 'search') {
      const input = document.querySelector('[data-testid=search]');
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    } else if (kind === 'open') document.querySelector('[data-testid=review-card] h3 a').click();
    else if (kind === 'close') document.querySelector('[data-testid=close-review]').click();
  });
}

/** Resolves once the page has painted what the last step changed: a
 *  person's next input comes after they have seen the result. Without it,
 *  a step begins while the previous one's styles and layout are still
 *  pending, and the first thing that needs them (the address bar's history
 *  entry, measured at 3-5 ms) pays for them inside the next figure. */
function painted(page) {
  return page.evaluate(() => new Promise((resolve) => {
    // And the cards below the first screen, which a filter step draws
    // after its paint (the list is `aria-busy` until then): their work is
    // not the next step's.
    const settled = () => (document.querySelector('ol.cards[aria-busy]') ? requestAnimationFrame(() => setTimeout(settled)) : resolve());
    requestAnimationFrame(() => setTimeout(settled));
  }));
}

async function latencies(page, baseUrl) {
  const results = {};
  for (const action of ACTIONS) {
    await page.goto(baseUrl + action.setup);
    await page.waitForFunction(() => window.__bench.indexed !== null, null, { timeout: 300000 });
    const times = [];
    for (let i = 0; i < REPS; i++) {
      await painted(page);
      times.push(await page.evaluate(timeStep, action.act));
      await painted(page);
      await page.evaluate(timeStep, action.undo);
    }
    results[action.name] = times;
  }
  return results;
}

/** The floor for filtering: the same work in wasm with no rendering. */
async function floors(page) {
  return page.evaluate(async () => {
    const w = window.wasmBindings;
    return {
      'toggle one theme': [w.benchFilter('?theme=Death+penalty', 15), w.benchBareScan(1 << 5, '', 15)],
      'toggle a third theme': [w.benchFilter('?theme=Detention&theme=Justice&theme=Torture+and+other+CID+treatment', 15), w.benchBareScan((1 << 6) | (1 << 29) | (1 << 49), '', 15)],
      'move the States range': [w.benchFilter('?states_min=40', 15), w.benchBareScan(0, '', 15)],
      'search, 1 character': [w.benchFilter('?q=t', 15), w.benchBareScan(0, 't', 15)],
      'search, 3 characters': [w.benchFilter('?q=tor', 15), w.benchBareScan(0, 'tor', 15)],
      'search, 8 characters': [w.benchFilter('?q=detentio', 15), w.benchBareScan(0, 'detentio', 15)],
      'search, word': [w.benchFilter('?q=tortur', 15), w.benchBareScan(0, 'tortur', 15)],
      'search, phrase': [w.benchFilter('?q=%22death+penalty%22', 15), w.benchBareScan(0, 'death penalty', 15)],
      'search, OR': [w.benchFilter('?q=torture+OR+detention', 15), w.benchBareScan(0, 'torture', 15)],
      'search, NOT': [w.benchFilter('?q=torture+-detention', 15), w.benchBareScan(0, 'torture', 15)],
    };
  });
}

/** The limit for loading the texts, in the same page: the packed texts
 *  file the viewer reads, downloaded and inflated alone (the browser's own
 *  work, nothing read); its size inflated, as a file (gzip) and as sent.
 *  Bypasses the cache, as a cold load does. */
async function textsFloor(page, url) {
  return page.evaluate(async (address) => {
    const t0 = performance.now();
    const response = await fetch(address, { cache: 'no-store' });
    const reader = response.body.pipeThrough(new DecompressionStream('gzip')).getReader();
    let inflated = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      inflated += value.byteLength;
    }
    const download = performance.now() - t0;
    const entry = performance.getEntriesByName(address, 'resource').at(-1);
    return { download, inflated, file: entry?.decodedBodySize ?? null, sent: entry?.encodedBodySize ?? null };
  }, url);
}

/** The cold loads of each dataset, beside the static page's, with each
 *  one's filter latency, memory and texts limit (the benchmark build). */
async function measureLoads() {
  fs.mkdirSync(WORK, { recursive: true });
  const mounts = { '/real/': DIST, '/static/': path.join(WORK, 'static') };
  for (const scale of SCALES.filter((s) => s > 1)) {
    log(`generating the synthetic ${scale}x dataset`);
    mounts[`/x${scale}/`] = DIST;
    mounts[`/x${scale}/data/`] = synthetic(scale);
  }
  fs.mkdirSync(mounts['/static/'], { recursive: true });
  const server = await startServer(mounts, { gzip: true });
  // The server gzips a file on its first request and keeps the result:
  // asked for once here, so that no cold load waits for the gzip of a
  // synthetic texts file (seconds at 16x).
  for (const prefix of ['/real/', ...SCALES.filter((s) => s > 1).map((s) => `/x${s}/`)]) {
    for (const file of ['overview.json', 'recommendations.bin']) await (await fetch(server.url(`${prefix}data/${file}`))).arrayBuffer();
  }

  // The static limit: the real page's first screen, frozen, with no script.
  log('capturing the static first screen');
  {
    const first = await coldLoad(server.url('/real/'), { waitTexts: false });
    const html = await first.page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((e) => e.remove());
      doc.setAttribute('data-bench-static', '');
      return '<!doctype html>\n' + doc.outerHTML;
    });
    fs.writeFileSync(path.join(mounts['/static/'], 'index.html'), html);
    await first.browser.close();
  }
  log(`static page: ${LOADS} cold loads`);
  const staticRuns = await loads(server.url('/static/'), { waitTexts: false });
  await staticRuns.at(-1).browser.close();
  const staticPaint = median(staticRuns.map((r) => r.cardPaint));

  // The datasets: each scale, then the real data with the CPU slowed.
  const datasets = SCALES.map((scale) => ({ scale, throttle: 1, name: scale === 1 ? 'real' : `${scale}x`, prefix: scale === 1 ? '/real/' : `/x${scale}/` }));
  if (THROTTLE > 1) datasets.push({ scale: 1, throttle: THROTTLE, name: `real, CPU ÷${THROTTLE}`, prefix: '/real/' });
  const rows = [];
  for (const d of datasets) {
    log(`${d.name}: ${LOADS} cold loads`);
    const runs = await loads(server.url(d.prefix), { throttle: d.throttle });
    const last = runs.at(-1);
    log('  filter latency');
    const latency = await latencies(last.page, server.url(d.prefix));
    const floor = await floors(last.page);
    await last.page.goto(server.url(d.prefix));
    await last.page.waitForFunction(() => window.__bench.indexed !== null, null, { timeout: 300000 });
    const memory = await last.page.evaluate(() => ({ jsHeap: performance.memory?.usedJSHeapSize, wasm: window.__bench.wasm?.memory?.buffer.byteLength }));
    log('  the packed texts file downloaded alone');
    const textsLimit = await textsFloor(last.page, server.url(`${d.prefix}data/recommendations.bin`));
    await last.browser.close();
    const dir = d.scale === 1 ? path.join(ROOT, 'data') : mounts[`/x${d.scale}/data/`];
    rows.push({ ...d, runs, latency, floor, memory, textsLimit, textBytes: textBytes(dir) });
  }
  await server.close();
  return { rows, staticRuns, staticPaint };
}

/** The release's wasm (the main piece, which every page loads, and the
 *  piece split off it, which only some views fetch: src/extras.rs), and
 *  every file of dist/: raw and gzipped (each file alone, level 9, as a
 *  host that compresses everything would store it). */
function measureSizes(release) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else files.push(file);
    }
  };
  walk(release);
  const sizeOf = (list) => list.reduce((a, f) => ({ raw: a.raw + fs.statSync(f).size, gzip: a.gzip + gz(f) }), { raw: 0, gzip: 0 });
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  return {
    wasm: sizeOf(wasm.filter((f) => f.endsWith('_bg.wasm'))),
    splitOff: sizeOf(wasm.filter((f) => !f.endsWith('_bg.wasm'))),
    dist: { files: files.length, ...sizeOf(files) },
  };
}

// The first search is held to a phone's speed whatever --throttle says.
const SEARCH_SLOWDOWN = 4;

async function main() {
  // The release, as people download it: its sizes, and the visits.
  const release = path.resolve(ROOT, process.env.UPR_RELEASE_DIST ?? DIST);
  const results = {};
  if (inRun('sizes')) {
    log('sizes of the release');
    results.sizes = measureSizes(release);
  }
  if (inRun('wire') || inRun('repeat') || inRun('search')) {
    const server = await hostedServer(release);
    try {
      if (inRun('wire')) {
        log('bytes over the wire, first visits');
        results.wire = await measureWire(server);
      }
      if (inRun('repeat')) {
        log('bytes over the wire, second visits');
        results.repeat = await measureRepeat(server);
      }
      if (inRun('search')) {
        log(`the first search, CPU slowed ${SEARCH_SLOWDOWN}x: ${LOADS} cold loads`);
        results.search = await measureFirstSearch(server, { loads: LOADS, reps: REPS, throttle: SEARCH_SLOWDOWN });
      }
    } finally {
      await server.close();
    }
  }
  if (inRun('load')) results.load = await measureLoads();
  report(results);
}

function report({ load: loadResults, sizes, wire, repeat, search }) {
  const out = [];
  const p = (s = '') => out.push(s);
  const chromium = (() => { try { return execSync('chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return 'chromium'; } })();
  const json = {
    date: new Date().toISOString(),
    commit: COMMIT,
    dirty: DIRTY,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown CPU', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), chromium, loadAverage: { start: START_LOAD, end: os.loadavg() } },
    options: { loads: LOADS, reps: REPS, scales: SCALES, throttle: THROTTLE, only: ONLY },
    // Seconds: the builds (from scripts/bench.sh), then this script's
    // measuring; scripts/lighthouse.mjs adds its own and the total.
    durations: { build: process.env.UPR_BENCH_BUILD_SECONDS ? Number(process.env.UPR_BENCH_BUILD_SECONDS) : null, measure: Math.round((Date.now() - STARTED) / 1000) },
  };
  const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
  p(`Commit ${COMMIT ?? 'unknown'}${DIRTY ? ' with uncommitted changes' : ''}. Machine: ${json.machine.cpu}, ${json.machine.cores} cores, ${json.machine.memoryGiB} GiB; ${chromium}; ${json.date.slice(0, 10)}; load average (1, 5, 15 min) ${load(START_LOAD)} at the start, ${load(json.machine.loadAverage.end)} at the end.`);
  p(`${LOADS} cold loads (fresh profile each) and ${REPS} repetitions of each filter; served from localhost with gzip -9.${ONLY ? ` Only: ${ONLY.join(', ')}.` : ''}`);
  p();
  const measured = {};
  if (sizes) Object.assign(measured, reportSizes(sizes, p, json));
  if (wire) Object.assign(measured, reportWire(wire, p, json));
  if (repeat) reportRepeat(repeat, p, json);
  if (search) Object.assign(measured, reportSearch(search, p, json));
  if (loadResults) Object.assign(measured, reportLoads(loadResults, p, json));

  p('## Budgets');
  p();
  const show = (value, unit) => (value === undefined || value === null ? 'n/a' : unit === 'bytes' ? bytes(value) : unit === 'ms' ? `${ms(value)} ms` : unit === 'score' ? String(value) : value.toFixed(2));
  p('| budget | limit | measured | | why |');
  p('| --- | ---: | ---: | --- | --- |');
  json.budgets = [];
  const labels = { throttledFilterP95: `slowest filter p95, real, CPU slowed ${THROTTLE > 1 ? `${THROTTLE}x` : '(not run)'}` };
  // Lighthouse's are scripts/lighthouse.mjs's.
  for (const key of Object.keys(BUDGETS).filter((k) => !k.startsWith('lighthouse'))) {
    const b = judged(key, measured[key], labels[key]);
    p(`| ${b.label} | ${b.atLeast ? '≥' : '≤'} ${show(b.limit, b.unit)} | ${show(b.measured, b.unit)} | ${b.met === null ? 'not measured' : b.met ? 'met' : 'MISSED'} | ${b.why} |`);
    json.budgets.push(b);
  }
  const big = loadResults?.rows.find((r) => r.scale === 16);
  if (big) {
    p();
    p(`All texts at 16x, and their limit in the same page: the packed file alone (${mb(big.textsLimit.inflated)} inflated) downloaded and inflated in ${ms(big.textsLimit.download)} ms.`);
  }
  console.log(out.join('\n'));
  if (JSON_PATH) {
    fs.writeFileSync(JSON_PATH, JSON.stringify(json, null, 1) + '\n');
    log(`figures written to ${JSON_PATH}`);
  }
}

function reportSizes(sizes, p, json) {
  p('## Sizes (the release)');
  p();
  p('| | files | raw | gzipped (each file, level 9) |');
  p('| --- | ---: | ---: | ---: |');
  p(`| wasm, main piece (every page) | – | ${kb(sizes.wasm.raw)} | ${kb(sizes.wasm.gzip)} |`);
  p(`| wasm, split off (charts, table, comparison, profile, downloads) | – | ${kb(sizes.splitOff.raw)} | ${kb(sizes.splitOff.gzip)} |`);
  p(`| dist/, every file | ${sizes.dist.files} | ${mb(sizes.dist.raw)} | ${mb(sizes.dist.gzip)} |`);
  p();
  json.appCode = sizes.wasm;
  json.appCodeSplitOff = sizes.splitOff;
  json.dist = sizes.dist;
  return { wasmGzip: sizes.wasm.gzip, distBytes: sizes.dist.raw };
}

function reportWire(wire, p, json) {
  const parts = (t) => Object.entries(t).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${bytes(v)}`).join(', ');
  p('## Bytes over the wire, first visit (the release, gzip, cold cache, until the network is idle for 3 s)');
  p();
  p('Counted by the server: every response body as sent, the page\'s, the texts\' worker\'s and the service worker\'s. Slow connection: Chromium told 3G (`--force-effective-connection-type=3G`) and `Save-Data: on` on every request.');
  p();
  p('| page | slow connection | requests | by whom | by kind | texts file fetched |');
  p('| --- | ---: | ---: | --- | --- | --- |');
  for (const w of wire.slow) p(`| ${w.label} (\`${w.address || './'}\`) | ${kb(w.bytes)} | ${w.requests} | ${parts(w.byInitiator)} | ${parts(w.byKind)} | ${w.texts ? 'yes' : 'no'} |`);
  const lacking = wire.slow.reduce((a, w) => a + w.withoutSaveData, 0);
  if (lacking) p(`\n${lacking} request(s) of the slow connection went without Save-Data (the browser's own, or a worker's).`);
  p();
  p('Fast connection (no forced type, no Save-Data): the page\'s bytes until the texts\' prefetch starts, and the prefetch\'s (the texts, and what the service worker keeps of them), with its start after the load event.');
  p();
  p('| page | page | prefetch | prefetch starts after load |');
  p('| --- | ---: | ---: | ---: |');
  for (const w of wire.fast) p(`| ${w.label} | ${kb(w.page.bytes)} | ${w.prefetch ? bytes(w.prefetch.bytes) : 'none'} | ${w.prefetch ? `${w.prefetch.startAfterLoad.toFixed(0)} ms` : '–'} |`);
  p();
  json.wire = wire;
  const slow = (key) => wire.slow.find((w) => w.key === key)?.bytes;
  return { wireHome: slow('home'), wireReview: slow('review'), wireState: slow('state') };
}

function reportRepeat(repeat, p, json) {
  p('## Bytes over the wire, second visit (the release: the home page and a review page, visited again in the same browser)');
  p();
  p('| connection | first visit, both pages | second visit | second: home page | second: review page | served by the service worker | what the second visit fetched |');
  p('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const [connection, r] of Object.entries(repeat)) {
    const page = (key) => r.second.find((s) => s.key === key);
    const fetched = r.second.flatMap((s) => s.files).map((f) => `${f.path} ${f.status} ${f.bytes} B`).join(', ') || 'nothing with a body';
    p(`| ${connection} | ${bytes(r.first.bytes)} | ${kb(r.bytes)} | ${kb(page('home').bytes)} (${page('home').requests} requests, ${page('home').notModified} answered 304) | ${kb(page('review').bytes)} (${page('review').requests} requests, ${page('review').notModified} answered 304) | ${r.second.every((s) => s.controlled) ? 'yes' : 'no'} | ${fetched} |`);
  }
  p();
  json.repeat = repeat;
}

function reportSearch(search, p, json) {
  const shown = search.first.map((f) => f.shown);
  p(`## The first search (the release, home page, CPU slowed ${search.cpuSlowdown}x, network local)`);
  p();
  p(`"${search.word}" typed into the search box of a page that had not fetched the texts (Chromium told 3G): until the result line shows the count over every review's texts; the page's first answer (the line changing) beside it. The warm search: the same word again in the same page, the texts in.`);
  p();
  p('| | median | range | count shown |');
  p('| --- | ---: | ---: | ---: |');
  if (shown.length) {
    p(`| first search, to the count | ${ms(median(shown))} ms | ${spread(shown)} | ${search.recommendations} |`);
    p(`| first search, the page's first answer | ${ms(median(search.first.map((f) => f.answered)))} ms | ${spread(search.first.map((f) => f.answered))} | – |`);
  }
  if (search.warm.length) p(`| warm search (${search.warm.length} times; p95 ${ms(p95(search.warm))} ms) | ${ms(median(search.warm))} ms | ${spread(search.warm)} | – |`);
  p();
  const summary = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null);
  json.firstSearch = {
    word: search.word, cpuSlowdown: search.cpuSlowdown, recommendations: search.recommendations,
    first: summary(shown), answered: summary(search.first.map((f) => f.answered)),
    warm: search.warm.length ? { median: median(search.warm), p95: p95(search.warm), times: search.warm } : null,
  };
  return { firstSearch: shown.length ? median(shown) : undefined };
}

function reportLoads({ rows, staticRuns, staticPaint }, p, json) {
  const real = rows.find((r) => r.scale === 1 && r.throttle === 1);
  let total;
  if (real) {
    p('## Bytes before the first card (real dataset)');
    p();
    p('| part | raw | gzipped |');
    p('| --- | ---: | ---: |');
    const sizes = real.runs.at(-1).sizes;
    total = { raw: 0, gzip: 0 };
    for (const [kind, s] of Object.entries(sizes)) {
      p(`| ${kind} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
      total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip };
    }
    p(`| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`);
    p();
    json.bytesBeforeFirstCard = { parts: sizes, total };
  }

  const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  p('## Loading (median over cold loads, spread in brackets)');
  p();
  p('Search by word index from: from 100,000 recommendations on, the texts\' words are indexed after the texts are shown, in slices (a search scans until then); on smaller data, the same moment as the texts (polled every 10 ms). The memory and the latencies are measured after it.');
  p('Memory ratio: the wasm memory over the raw size of the texts the dataset holds (the UTF-8 bytes of every recommendation\'s and pledge\'s text).');
  p('Beside the texts loaded, their limit in the same page (one run, after the cold loads): the packed texts file the viewer reads (recommendations.bin, gzip itself) downloaded and inflated alone, with nothing read; and its size inflated / as a file / as sent by this server (which gzips it again).');
  p();
  p('| dataset | first card painted | ratio to static page | interactive: a filter answered | all texts loaded, from asked | search by word index from | packed texts downloaded and inflated alone (limit) | packed texts inflated / file / sent | JS heap | wasm memory | raw texts | memory ratio |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  p(`| static page (limit) | ${ms(staticPaint)} ms (${spread(staticRuns.map((r) => r.cardPaint))}) | 1.00 | – | – | – | – | – | – | – | – | – |`);
  json.staticPage = { firstCard: summary(staticRuns.map((r) => r.cardPaint)) };
  json.datasets = [];
  for (const r of rows) {
    const paint = median(r.runs.map((x) => x.cardPaint));
    const texts = median(r.runs.map((x) => x.texts));
    r.ratio = r.memory.wasm / r.textBytes;
    p(`| ${r.name} | ${ms(paint)} ms (${spread(r.runs.map((x) => x.cardPaint))}) | ${(paint / staticPaint).toFixed(2)} | ${ms(median(r.runs.map((x) => x.interactive)))} ms (${spread(r.runs.map((x) => x.interactive))}) | ${ms(texts)} ms (${spread(r.runs.map((x) => x.texts))}) | ${ms(median(r.runs.map((x) => x.indexed)))} ms | ${ms(r.textsLimit.download)} ms | ${mb(r.textsLimit.inflated)} / ${r.textsLimit.file === null ? 'n/a' : mb(r.textsLimit.file)} / ${r.textsLimit.sent === null ? 'n/a' : mb(r.textsLimit.sent)} | ${(r.memory.jsHeap / 1e6).toFixed(1)} MB | ${(r.memory.wasm / 1e6).toFixed(1)} MB | ${(r.textBytes / 1e6).toFixed(1)} MB | ${r.ratio.toFixed(2)} |`);
    const actions = {};
    for (const [name, times] of Object.entries(r.latency)) {
      const [filterAlone, bareScan] = r.floor[name] ?? [];
      actions[name] = { median: median(times), p95: p95(times), filterAlone: filterAlone ?? null, bareScan: bareScan ?? null, times };
    }
    json.datasets.push({
      name: r.name, scale: r.scale, cpuSlowdown: r.throttle,
      firstCard: summary(r.runs.map((x) => x.cardPaint)), firstCardRatio: paint / staticPaint,
      interactive: summary(r.runs.map((x) => x.interactive)),
      textsLoaded: summary(r.runs.map((x) => x.texts)),
      searchIndexed: summary(r.runs.map((x) => x.indexed)),
      textsLimit: { download: r.textsLimit.download },
      packedTexts: { inflated: r.textsLimit.inflated, file: r.textsLimit.file, sent: r.textsLimit.sent },
      memory: { jsHeap: r.memory.jsHeap, wasm: r.memory.wasm, rawTexts: r.textBytes, ratio: r.ratio },
      actions,
    });
  }
  p();

  p('## Filter latency, input to updated DOM (ms)');
  p();
  p('Median and 95th percentile in the page; beside them the filter alone in wasm with no rendering, and a bare scan over the same data (both means of repeated runs), and the ratio of the page\'s median to the bare scan.');
  p();
  p('| dataset | action | median | p95 | filter alone | bare scan | ratio to bare scan |');
  p('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    for (const [name, times] of Object.entries(r.latency)) {
      const [filterOnly, bare] = r.floor[name] ?? [];
      const ratio = bare ? (median(times) / Math.max(bare, 0.01)).toFixed(1) : '–';
      p(`| ${r.name} | ${name} | ${ms(median(times))} | ${ms(p95(times))} | ${ms(filterOnly)} | ${ms(bare)} | ${ratio} |`);
    }
  }
  p();

  const worst = (r, keep) => (r ? Math.max(...Object.entries(r.latency).filter(([n]) => keep(n)).map(([, t]) => p95(t))) : undefined);
  const all = () => true;
  const isSearch = (n) => n.startsWith('search');
  const big = rows.find((r) => r.scale === 16);
  const slow = rows.find((r) => r.throttle > 1);
  return {
    firstCardRatio: real && median(real.runs.map((x) => x.cardPaint)) / staticPaint,
    filterP95: worst(real, all),
    search16xP95: worst(big, isSearch),
    filter16xP95: worst(big, (n) => !isSearch(n) && !n.startsWith('open ')),
    openCard16xP95: worst(big, (n) => n === 'open the largest card'),
    texts16x: big && median(big.runs.map((x) => x.texts)),
    memoryRatio: Math.max(...rows.map((r) => r.ratio)),
    throttledFilterP95: worst(slow, all),
    firstBytesGzip: total?.gzip,
  };
}

await main();
