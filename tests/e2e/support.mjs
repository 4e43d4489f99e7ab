// Starting headless Chromium and the built site for end-to-end tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { serve } from './static-server.mjs';
import { ViewerPage } from './viewer-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// playwright-core lives in tools/ (installed by scripts/setup.sh).
const { chromium } = createRequire(path.join(ROOT, 'tools/package.json'))('playwright-core');

// UPR_DIST lets a test run against another build (say, one of an older
// commit, to see a test fail before a fix).
export const DIST = path.resolve(ROOT, process.env.UPR_DIST ?? 'dist');
// The test build: a debug build with the test-only entry points
// (`trunk build --features test-hooks --dist dist-test`, run by scripts/test.sh).
export const DIST_TEST = path.resolve(ROOT, process.env.UPR_DIST_TEST ?? 'dist-test');

/**
 * Headless Debian Chromium with a fresh profile; close() removes it.
 * `options` go to the context (`{ javaScriptEnabled: false }`). Service
 * workers are blocked unless `options` allow them (`serviceWorkers:
 * 'allow'`, tests/e2e/offline.test.mjs): the site's worker would answer a
 * test's second visit from its cache, past the failures other tests fake
 * (a page's `route` does not see a worker's requests); the viewer works
 * without one, as where a policy forbids it.
 */
export async function launchBrowser(extraArgs = [], options = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run trunk build --release first');
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs,
    ],
    serviceWorkers: 'block',
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves folders ({ prefix: dir }); close() stops the server. */
export async function startServer(mounts, options) {
  const { server, url } = await serve(mounts, options);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A temporary folder holding the given files ({ name: content }). */
export function tempFolder(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-data-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/**
 * A temporary folder holding the given files, overview.json and
 * recommendations.json among them, and the texts packed from them for the
 * viewer, recommendations.bin (`cargo run --bin pack`, which refuses texts
 * that do not add up against their overview).
 */
export function packedFolder(files) {
  const dir = tempFolder(files);
  packFolder(dir);
  return dir;
}

/** Writes `dir`/recommendations.bin from the JSON files beside it. */
export function packFolder(dir) {
  const pack = spawnSync('cargo', ['run', '--quiet', '--release', '--bin', 'pack', '--', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (pack.error) throw new Error(`could not run cargo to pack ${dir}: ${pack.error.message}`);
  if (pack.status !== 0) throw new Error(`packing ${dir} failed (exit status ${pack.status}): ${pack.stderr.trim() || 'no message'}`);
}

/**
 * Every warning and error the page writes to the console or throws, but
 * the note Playwright itself writes where it blocks the site's service
 * worker (see launchBrowser).
 */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (m) => {
    if ((m.type() === 'warning' || m.type() === 'error') && m.text() !== 'Service Worker registration blocked by Playwright') {
      problems.push(`${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  return problems;
}

/** Fails the test on any uncaught error in the page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Parses RFC 4180 text, without trusting the writer; `separator` for a
 * file that separates its fields otherwise (UPR Info's 2018 export: `;`).
 */
export function parseCsv(text, separator = ',') {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  // A last row without a line end (as the 2018 export's).
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/**
 * For a test file: starts headless Chromium and serves `mounts()` (by
 * default dist/ under /upr/) before its tests, and stops both after them. The returned object holds
 * `browser` and `server` once the tests run, and `openViewer(query, width)`:
 * a new page of the viewer at that query (in a window `width` px wide if
 * given), its texts loaded.
 */
export function servedSite(mounts = () => ({ '/upr/': DIST })) {
  const site = {
    browser: undefined,
    server: undefined,
    async openViewer(query, width) {
      const page = await site.browser.context.newPage();
      if (width) await page.setViewportSize({ width, height: 800 });
      const viewer = new ViewerPage(page);
      await viewer.open(site.server.url('/upr/') + query);
      await viewer.waitForTexts();
      return { page, viewer };
    },
  };
  before(async () => {
    site.browser = await launchBrowser();
    site.server = await startServer(mounts());
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
