// The benchmark's visits (scripts/bench.mjs): what a visitor's browser
// fetches from a host that serves the release as docs/hosting.md says, on
// a first visit and a second, and how long the first search takes on a
// page that had not fetched the texts.
//
// The bytes are counted by the server, which sees every request: the
// page's, the texts' worker's and the service worker's alike, whatever
// the browser's own cache or developer tools would report. A byte is one
// of a response's body as sent, encoded (gzip); headers are not counted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer } from '../tests/e2e/support.mjs';

const log = (...a) => console.error(...a);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the release is served: a subpath, as most hosts serve it. */
export const PREFIX = '/upr/';

/** The pages whose bytes are measured: [key, label, address under PREFIX]. */
export const WIRE_PAGES = [
  ['home', 'home page', ''],
  ['review', 'review page', 'reviews/kazakhstan-s7.html'],
  ['state', 'State page', 'states/kazakhstan.html'],
  ['french', 'French home page', 'index.fr.html'],
];

/** A browser that says its connection is slow: Chromium's own estimate
 *  (navigator.connection.effectiveType, which the viewer reads) and the
 *  Save-Data header on every request, as a phone saving data sends it. */
const SLOW = { args: ['--force-effective-connection-type=3G'], options: { extraHTTPHeaders: { 'Save-Data': 'on' } } };
const FAST = { args: [], options: {} };

// Content-hashed names (trunk's): kept for a year, as the README's
// Hosting table says; every other file is revalidated at each use.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/**
 * Serves `dist` under PREFIX with gzip, the README's Cache-Control and an
 * ETag on every file, answering a revalidation that still holds with 304,
 * and records every request. Resolves to { url(path), mark(), since(mark),
 * idle(ms), close() }.
 */
export async function hostedServer(dist) {
  const requests = [];
  let inFlight = 0;
  let lastEvent = Date.now();
  const etags = new Map();
  const fileOf = (pathname) => {
    if (!pathname.startsWith(PREFIX)) return null;
    let file = path.resolve(dist, '.' + pathname.slice(PREFIX.length - 1));
    if (!file.startsWith(path.resolve(dist))) return null;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return fs.existsSync(file) ? file : null;
  };
  const etagOf = (file) => {
    if (!etags.has(file)) etags.set(file, `W/"${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16)}"`);
    return etags.get(file);
  };
  const caching = (file) => ({
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: etagOf(file),
  });
  const size = (chunk) => (chunk && typeof chunk !== 'function' ? Buffer.byteLength(chunk) : 0);
  const intercept = (req, res, pathname) => {
    const entry = {
      path: pathname,
      referer: req.headers.referer ? new URL(req.headers.referer).pathname : '',
      saveData: req.headers['save-data'] === 'on',
      start: Date.now(),
      end: null,
      status: null,
      bytes: 0,
    };
    requests.push(entry);
    inFlight++;
    lastEvent = entry.start;
    const { write, end } = res;
    res.write = function (chunk, ...rest) {
      entry.bytes += size(chunk);
      return write.call(this, chunk, ...rest);
    };
    res.end = function (chunk, ...rest) {
      entry.bytes += size(chunk);
      return end.call(this, chunk, ...rest);
    };
    res.on('close', () => {
      entry.end = Date.now();
      entry.status = res.statusCode;
      inFlight--;
      lastEvent = entry.end;
    });
    const file = fileOf(pathname);
    if (file && req.headers['if-none-match'] === etagOf(file)) {
      res.writeHead(304, caching(file)).end();
      return true;
    }
    return false;
  };
  const server = await startServer({ [PREFIX]: { dir: dist, headers: (file) => (fs.existsSync(file) ? caching(file) : {}) } }, { gzip: true, intercept });
  return {
    url: (address = '') => server.url(PREFIX) + address,
    mark: () => requests.length,
    since: (mark) => requests.slice(mark),
    /** Resolves once no request has been open for `ms` (false after `timeout`). */
    async idle(ms, timeout = 120_000) {
      const until = Date.now() + timeout;
      while (inFlight > 0 || Date.now() - lastEvent < ms) {
        if (Date.now() > until) return false;
        await sleep(50);
      }
      return true;
    },
    close: () => server.close(),
  };
}

/** Who asked: the service worker (its script, and what it fetches), the
 *  texts' worker (its scripts, and the texts it downloads), or the page. */
function initiator(r) {
  if (/\/sw\.js$/.test(r.path) || /\/sw\.js$/.test(r.referer)) return 'service worker';
  if (/\/texts-(worker|download)\.js$/.test(r.path) || /\/texts-worker\.js$/.test(r.referer)) return 'texts worker';
  return 'page';
}

function kind(r) {
  const p = r.path;
  if (/\/i18n\//.test(p) || /\/data\/names-[^/]+\.json$/.test(p)) return 'languages';
  if (/\.(json|bin)$/.test(p)) return 'data';
  if (/\.wasm$/.test(p)) return 'wasm';
  if (/\.m?js$/.test(p)) return 'js';
  if (/\.css$/.test(p)) return 'css';
  if (/\.(png|svg|ico|webmanifest)$/.test(p)) return 'icons, manifest';
  return 'html';
}

const sum = (list) => list.reduce((a, r) => a + r.bytes, 0);
const by = (list, key) => {
  const out = {};
  for (const r of list) out[key(r)] = (out[key(r)] ?? 0) + r.bytes;
  return out;
};

/** What a list of requests cost: bytes in all, by initiator and kind,
 *  how many were answered 304, and how many lacked Save-Data. */
function tally(list) {
  return {
    bytes: sum(list),
    requests: list.length,
    notModified: list.filter((r) => r.status === 304).length,
    withoutSaveData: list.filter((r) => !r.saveData).length,
    byInitiator: by(list, initiator),
    byKind: by(list, kind),
    files: list.filter((r) => r.bytes > 0).map((r) => ({ path: r.path.slice(PREFIX.length), status: r.status, bytes: r.bytes, by: initiator(r) })),
  };
}

/** When the page's load event ended, on the server's clock (ms since the epoch). */
const loadedAt = (page) => page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd);

/** One visit of `address` in `page`, until the network is idle for 3 s. */
async function visit(server, page, address) {
  const mark = server.mark();
  await page.goto(server.url(address));
  const idle = await server.idle(3000);
  if (!idle) log(`  ${address || 'home'}: the network was not idle within 120 s; counted so far`);
  return { list: server.since(mark), loaded: await loadedAt(page) };
}

/**
 * Bytes over the wire on a first visit (a fresh profile each), until the
 * network is idle for 3 s, service worker allowed as a visitor's browser
 * allows it. On the slow connection, every page of WIRE_PAGES. On a fast
 * one, where the viewer fetches every review's texts once the page is
 * idle (src/app/dataset.rs), the same pages, the page's bytes apart from
 * that prefetch's, and when it started after the load event.
 */
export async function measureWire(server) {
  const slow = [];
  const fast = [];
  for (const [connection, settings, out] of [['slow', SLOW, slow], ['fast', FAST, fast]]) {
    for (const [key, label, address] of WIRE_PAGES) {
      log(`  ${label}, ${connection} connection`);
      const browser = await launchBrowser(settings.args, { serviceWorkers: 'allow', ...settings.options });
      try {
        const page = await browser.context.newPage();
        const { list, loaded } = await visit(server, page, address);
        const texts = list.find((r) => /\/data\/recommendations\.bin$/.test(r.path));
        if (connection === 'slow') {
          out.push({ key, label, address, ...tally(list), texts: Boolean(texts) });
        } else {
          // From the texts' request on, what the prefetch brought (the
          // service worker keeping them among it).
          const before = texts ? list.filter((r) => r.start < texts.start) : list;
          const after = texts ? list.filter((r) => r.start >= texts.start) : [];
          out.push({
            key, label, address,
            page: tally(before),
            prefetch: texts ? { ...tally(after), startAfterLoad: Math.round(texts.start - loaded) } : null,
          });
        }
      } finally {
        await browser.close();
      }
    }
  }
  return { slow, fast };
}

/** The pages of the repeat visit: the home page, then a review page. */
const REPEAT_PAGES = WIRE_PAGES.filter(([key]) => key === 'home' || key === 'review');

/**
 * A second visit: the home page and a review page visited, then visited
 * again in the same browser (its cache warm, the service worker
 * installed), nothing changed in between. What the second visit fetches,
 * on a slow and on a fast connection.
 */
export async function measureRepeat(server) {
  const out = {};
  for (const [connection, settings] of [['slow', SLOW], ['fast', FAST]]) {
    log(`  ${connection} connection`);
    const browser = await launchBrowser(settings.args, { serviceWorkers: 'allow', ...settings.options });
    try {
      const page = await browser.context.newPage();
      const first = [];
      for (const [, , address] of REPEAT_PAGES) first.push((await visit(server, page, address)).list);
      const second = [];
      for (const [key, label, address] of REPEAT_PAGES) {
        const { list } = await visit(server, page, address);
        const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
        second.push({ key, label, address, controlled, ...tally(list) });
      }
      out[connection] = { first: tally(first.flat()), second, bytes: second.reduce((a, s) => a + s.bytes, 0) };
    } finally {
      await browser.close();
    }
  }
  return out;
}

/** Runs in the page: the app holds it (no hydration markers left) and its
 *  result line is drawn. */
function takenOver() {
  const root = document.getElementById('upr-viewer-page');
  return Boolean(root && document.querySelector('[data-testid=result-summary]') && document.querySelector('[data-testid=search]')
    && !document.createTreeWalker(root, NodeFilter.SHOW_COMMENT).nextNode());
}

/** Runs in the page: types `word` into the search box (one input event,
 *  as a paste or an input method gives it) and resolves with the time
 *  until the result line shows the count over every review's texts, and
 *  until the page's first visible answer (the line saying it waits for
 *  the texts, or the count). */
function searchFor(word) {
  const summary = () => document.querySelector('[data-testid=result-summary]');
  const viewer = () => document.querySelector('[data-testid=upr-viewer]');
  const before = summary().outerHTML;
  const count = summary().getAttribute('data-recommendations');
  return new Promise((resolve) => {
    let answered = null;
    const observer = new MutationObserver(() => {
      const now = summary();
      if (answered === null && now && now.outerHTML !== before) answered = performance.now() - t0;
      if (now && viewer()?.getAttribute('data-texts') === 'ready' && !now.hasAttribute('data-waiting') && now.getAttribute('data-recommendations') !== count) {
        observer.disconnect();
        resolve({ shown: performance.now() - t0, answered, recommendations: Number(now.getAttribute('data-recommendations')) });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const input = document.querySelector('[data-testid=search]');
    const t0 = performance.now();
    input.value = word;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
}

/** Runs in the page: empties the search box and resolves once the result
 *  line has changed back and the cards are drawn. */
function clearSearch() {
  const summary = () => document.querySelector('[data-testid=result-summary]')?.outerHTML;
  const before = summary();
  return new Promise((resolve) => {
    const done = () => (summary() !== before && !document.querySelector('ol.cards[aria-busy]') ? resolve() : requestAnimationFrame(() => setTimeout(done)));
    const input = document.querySelector('[data-testid=search]');
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(done));
  });
}

/** Runs in the page: a frame after the last change, with the cards below
 *  the first screen drawn. */
function painted() {
  return new Promise((resolve) => {
    const settled = () => (document.querySelector('ol.cards[aria-busy]') ? requestAnimationFrame(() => setTimeout(settled)) : resolve());
    requestAnimationFrame(() => setTimeout(settled));
  });
}

/**
 * The first search on the home page, which had not fetched the texts (the
 * browser says its connection is slow, so nothing fetches them unasked),
 * with the CPU slowed `throttle` times and the network local: from the
 * word typed to the result line with its count over every review's texts.
 * `loads` cold loads; in the first, the same search `reps` times more once
 * the texts are in (the warm search).
 */
export async function measureFirstSearch(server, { loads, reps, throttle, word = 'torture' }) {
  const first = [];
  const warm = [];
  let recommendations = null;
  for (let i = 0; i < loads; i++) {
    const browser = await launchBrowser(SLOW.args);
    try {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const mark = server.mark();
      await page.goto(server.url(''));
      await page.waitForFunction(takenOver, null, { timeout: 120_000, polling: 100 });
      await server.idle(1000);
      const texts = await page.getAttribute('[data-testid=upr-viewer]', 'data-texts');
      if (texts !== 'idle' || server.since(mark).some((r) => /recommendations\.bin$/.test(r.path))) {
        log(`  load ${i + 1}: the texts were fetched before the search (data-texts=${texts}): not counted`);
        continue;
      }
      await page.evaluate(painted);
      const result = await page.evaluate(searchFor, word);
      first.push(result);
      recommendations = result.recommendations;
      if (warm.length === 0) {
        for (let k = 0; k < reps; k++) {
          await page.evaluate(clearSearch);
          await page.evaluate(painted);
          warm.push((await page.evaluate(searchFor, word)).shown);
        }
      }
    } finally {
      await browser.close();
    }
  }
  return { word, cpuSlowdown: throttle, recommendations, first, warm };
}
