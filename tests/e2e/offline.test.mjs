// The hosted site as an app (static/sw.js, src/prerender/install.rs, the
// start-up script of scripts/post-build.mjs): Chromium finds it
// installable at the root of a site and under a subpath; after a first
// visit it reads offline (home, review and State pages, a filter, the
// table, a search once the texts were fetched, and says what a search
// needs when they were not); on a slow connection that saves data, its
// worker downloads nothing the page did not ask for, and what was read
// still reads offline; and when a new build is deployed while a page is open, the page
// says so, and its Reload runs the new build, the old one's cache gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, watchErrors, DIST } from './support.mjs';
import { ViewerPage, RECOMMENDATION } from './viewer-page.mjs';
import { hostedServer, PREFIX } from '../../scripts/bench-visits.mjs';

const REVIEW = 'kazakhstan-s7';
const buildOf = (dir) => /const BUILD = '(\w+)'/.exec(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'))?.[1];

let browser;
// dist/ at the root of one site, and under a subpath of another whose
// folder a test swaps for a newer build, as a host deploying one would.
let atRoot;
let site;
const mounts = { '/upr/v1/': DIST };
// While true, the server drops every connection: the network is gone
// for the service worker too, whatever the browser's emulation covers.
let down = false;
let second;

before(async () => {
  browser = await launchBrowser([], { serviceWorkers: 'allow' });
  atRoot = await startServer({ '/': DIST });
  site = await startServer(mounts, {
    intercept: (req) => {
      if (down) req.socket.destroy();
      return down;
    },
  });
  // The newer build: dist/ linked file by file (no copy of 300 MB: beside
  // dist/, on its file system), or copied where links cannot be made; its
  // home page and its worker replaced, as a build with other files has.
  const scratch = path.join(path.dirname(DIST), '.tmp');
  fs.mkdirSync(scratch, { recursive: true });
  second = fs.mkdtempSync(path.join(scratch, 'second-build-'));
  let copy = spawnSync('cp', ['-al', `${DIST}/.`, second]);
  if (copy.status !== 0) copy = spawnSync('cp', ['-a', `${DIST}/.`, second]);
  assert.equal(copy.status, 0, `could not link or copy dist/ into ${second}: ${copy.stderr}`);
  const replace = (file, change) => {
    const text = change(fs.readFileSync(path.join(second, file), 'utf8'));
    // A new file, not the linked one: dist/ stays as it is.
    fs.rmSync(path.join(second, file));
    fs.writeFileSync(path.join(second, file), text);
  };
  replace('index.html', (html) => html.replace('</head>', '<meta name="upr-test-build" content="second">\n</head>'));
  replace('sw.js', (sw) => sw.replace(/const BUILD = '(\w+)'/, "const BUILD = 'second$1'"));
});

after(async () => {
  await browser?.close();
  await atRoot?.close();
  await site?.close();
  if (second) fs.rmSync(second, { recursive: true, force: true });
});

/** Chromium's reasons not to offer the page for installing (none: `[]`). */
async function installabilityErrors(page) {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  await cdp.detach();
  return installabilityErrors.map((e) => e.errorId);
}

for (const [where, url] of [
  ['the home page at the root of a site', () => atRoot.url('/')],
  ['the home page under a subpath', () => site.url('/upr/v1/')],
  ['a review page under a subpath', () => site.url(`/upr/v1/reviews/${REVIEW}.html`)],
]) {
  test(`${where} can be installed`, async () => {
    const page = await browser.context.newPage();
    await page.goto(url());
    await new ViewerPage(page).waitForResults();
    assert.deepEqual(await installabilityErrors(page), []);
    await page.close();
  });
}

// The check above finds what is missing: the single file, meant for
// opening from disk, names no manifest.
test('a page without the manifest is not offered for installing', async () => {
  const page = await browser.context.newPage();
  await page.goto(site.url('/upr/v1/upr-viewer-standalone.html'));
  assert.ok((await installabilityErrors(page)).includes('no-manifest'));
  await page.close();
});

/** The names of the site's caches, from inside a page of it. */
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('upr-')));

/** Every address kept in the cache of the worker serving `page`. */
const kept = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith('upr-'));
  const urls = [];
  for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
  return urls;
});

test('after a first visit, the home page, pages, a filter and the table work offline', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  const home = site.url('/upr/v1/');
  await viewer.open(home);
  await viewer.waitForTexts();
  const online = await viewer.summary();
  // The worker takes the page over once installed, and keeps what the
  // page loaded before: the texts among it (whatever their files' names).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await page.waitForFunction(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('upr-'));
    const urls = [];
    for (const name of names) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls.some((url) => /\/data\/(?!overview\.json|names-)[^/]+$/.test(url));
  }, null, { timeout: 60000, polling: 250 });
  // One review page opened online, as a reader following a link would.
  await viewer.open(site.url(`/upr/v1/reviews/${REVIEW}.html`));
  await viewer.waitForTexts();
  assert.ok((await kept(page)).includes(site.url(`/upr/v1/reviews/${REVIEW}.html`)), 'the review page opened is kept');

  await browser.context.setOffline(true);
  down = true;
  try {
    await viewer.open(home);
    await viewer.waitForResults();
    assert.deepEqual(await viewer.summary(), online, 'the home page');
    // A search: the texts the first visit fetched, read from what was kept.
    await viewer.open(`${home}?q=torture`);
    await viewer.waitForTexts();
    const searched = await viewer.summary();
    assert.ok(searched.recommendations > 0 && searched.reviews < online.reviews, `a search answers: ${JSON.stringify(searched)}`);

    // The page kept, then one never opened (its view on the home page).
    for (const id of [REVIEW, 'france-s15']) {
      await viewer.open(site.url(`/upr/v1/reviews/${id}.html`));
      await page.waitForSelector(`[data-testid=review-detail][data-review="${id}"]`);
      // Its State's texts, or every review's where only they were kept.
      await viewer.recommendations().first().waitFor({ timeout: 15000 });
      assert.ok(await viewer.recommendations().count() > 0, `${id}: its recommendations`);
    }
    // A State's page, never opened.
    await viewer.open(site.url('/upr/v1/states/kazakhstan.html'));
    await page.locator('[data-testid=compare-column]').first().waitFor();
    assert.equal(await page.locator('[data-testid=compare-column]').count(), 2, "Kazakhstan's two reviews side by side");

    await viewer.open(`${home}?theme=Death+penalty`);
    await viewer.waitForTexts();
    const filtered = await viewer.summary();
    assert.ok(filtered.reviews > 0 && filtered.reviews < online.reviews, 'a filter answers');

    await viewer.open(`${home}?view=table`);
    await viewer.waitForTable();
    assert.equal(await viewer.tableRowCount(), online.reviews, 'the table has every review');

    // An address never opened that is no view of the viewer: a page, in
    // the language the address names, that says what happened.
    const response = await page.goto(site.url('/upr/v1/upr-viewer-standalone.html?lang=fr'));
    assert.equal(response.status(), 503);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.match(await page.locator('body').innerText(), /hors ligne/);
    // Its link: the French home page, never opened, is the home page's
    // view in French.
    await page.locator('a').click();
    await viewer.waitForLanguage('fr');
    await viewer.waitForResults();
  } finally {
    down = false;
    await browser.context.setOffline(false);
  }
  assert.deepEqual(errors.filter((e) => !/Failed to fetch|network/i.test(e)), []);
  await page.close();
});

test('offline, a search whose texts were never fetched says so, and answers once the connection is back', async () => {
  // Another reader (another profile: nothing kept yet), whose browser says
  // it saves data: the texts are not fetched while the page is idle.
  const reader = await launchBrowser([], { serviceWorkers: 'allow' });
  await reader.context.addInitScript(() => Object.defineProperty(navigator, 'connection', {
    value: { effectiveType: '3g', saveData: true, addEventListener() {}, removeEventListener() {} },
  }));
  const page = await reader.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  const home = site.url('/upr/v1/');
  try {
    await viewer.open(home);
    await viewer.waitForResults();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
    assert.equal(await page.locator('[data-testid=upr-viewer]').getAttribute('data-texts') === 'ready', false, 'no texts fetched');
    await reader.context.setOffline(true);
    down = true;
    await viewer.open(`${home}?q=torture`);
    const notice = page.locator('[data-testid=texts-error][data-offline=true]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /offline/i);
    down = false;
    await reader.context.setOffline(false);
    // Back online, the texts come by themselves and the search answers.
    await viewer.waitForTexts();
    const searched = await viewer.summary();
    assert.ok(searched.recommendations > 0, `the search answers: ${JSON.stringify(searched)}`);
    assert.equal(await notice.count(), 0, 'the notice is gone');
  } finally {
    down = false;
    await reader.close();
  }
  assert.deepEqual(errors.filter((e) => !/Failed to fetch|network/i.test(e)), []);
});

test('on a slow connection that saves data, the worker downloads nothing the page did not ask for, and what was read reads offline', async () => {
  // A host as docs/hosting.md describes (ETags, 304s), which counts what
  // it sends; a reader whose browser says 3G and sends Save-Data.
  const host = await hostedServer(DIST);
  const reader = await launchBrowser(['--force-effective-connection-type=3G'], { serviceWorkers: 'allow', extraHTTPHeaders: { 'Save-Data': 'on' } });
  try {
    const page = await reader.context.newPage();
    const errors = watchErrors(page);
    const viewer = new ViewerPage(page);
    const mark = host.mark();
    await viewer.open(host.url(`reviews/${REVIEW}.html`));
    await viewer.waitForResults();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
    assert.ok(await host.idle(2000), 'the network settles');
    const sent = host.since(mark).filter((r) => r.status === 200).map((r) => r.path.slice(PREFIX.length));
    for (const unasked of ['index.html', 'icons/icon-512.png', 'icons/maskable-512.png', 'i18n/fr.json', 'data/names-fr.json', 'data/recommendations.bin']) {
      assert.ok(!sent.includes(unasked), `${unasked} was downloaded: ${sent.join(', ')}`);
    }
    assert.deepEqual(sent.filter((file, i) => sent.indexOf(file) !== i), [], 'nothing downloaded twice');
    // A second page, read through the worker, then both offline.
    const state = host.url('states/kazakhstan.html');
    await viewer.open(state);
    await page.locator('[data-testid=compare-column]').first().waitFor({ timeout: 60000 });
    await reader.context.setOffline(true);
    for (const [address, what] of [[state, '[data-testid=compare-column]'], [host.url(`reviews/${REVIEW}.html`), `[data-testid=review-detail][data-review="${REVIEW}"] ${RECOMMENDATION}`]]) {
      await viewer.open(address);
      await page.locator(what).first().waitFor({ timeout: 60000 });
    }
    assert.deepEqual(errors.filter((e) => !/Failed to fetch|network/i.test(e)), []);
  } finally {
    await reader.close();
    await host.close();
  }
});

test('a new build deployed while a page is open is announced, and Reload runs it', async () => {
  const page = await browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site.url('/upr/v1/'));
  await viewer.waitForResults();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  const first = buildOf(DIST);
  assert.deepEqual(await cacheNames(page), [`upr-${first}@${site.url('/upr/v1/')}`]);

  mounts['/upr/v1/'] = second;
  try {
    // What the browser does at each navigation (and the loader does when
    // it finds new data): look for a new worker.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.locator('[data-testid=update-available]');
    await notice.waitFor({ timeout: 60000 });
    assert.match(await notice.innerText(), /newer version/);
    // Still the first build: nothing swapped under the reader.
    assert.equal(await page.locator('meta[name=upr-test-build]').count(), 0);

    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await page.locator('[data-testid=update-reload]').click();
    await reloaded;
    await page.locator('meta[name=upr-test-build][content=second]').waitFor({ state: 'attached' });
    await viewer.waitForResults();
    await page.waitForFunction(
      async (old) => !(await caches.keys()).some((name) => name.includes(old)),
      `upr-${first}@`,
      { timeout: 60000, polling: 250 },
    );
    assert.deepEqual(await cacheNames(page), [`upr-second${first}@${site.url('/upr/v1/')}`]);
    assert.equal(await page.locator('[data-testid=update-available]').count(), 0, 'the new build has nothing to announce');
  } finally {
    mounts['/upr/v1/'] = DIST;
  }
  await page.close();
});
