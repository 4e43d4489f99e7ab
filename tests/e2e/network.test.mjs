// A bad connection and a strict host (issue 37, items 3 and 4): the test
// server breaks the data files on purpose (cut part way, a gzip stream
// that ends early, an HTML page with status 200, 503s, no Content-Length,
// a wrong Content-Type, a slow line) and serves the site under policies
// that forbid workers. Each load ends with the counts of an unbroken one,
// or with a message that names the file and what went wrong; never with a
// wrong number, never with a panic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const TEXTS = 'recommendations.bin';
const OVERVIEW = 'overview.json';
// A search reads every text: its count is right only if the texts are.
const SEARCH = 'torture';

// The policy README.md recommends, and two variants of it.
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** How each file misbehaves now, by name (see static-server.mjs). */
const faults = new Map();
/** Every request for a data file: { file, range, referer, status, finished }. */
const requests = [];
let browser;
let server;
/** What an unbroken load shows: the summary, then the search's. */
let unbroken;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(
    {
      '/upr/': DIST,
      '/no-workers/': { dir: DIST, headers: { 'content-security-policy': `${POLICY}; worker-src 'none'` } },
      // Workers allowed only from the texts' worker script: any other
      // (a service worker) is refused.
      '/one-worker/': { dir: DIST, headers: () => ({ 'content-security-policy': `${POLICY}; worker-src ${server.url('/one-worker/texts-worker.js')}` }) },
    },
    {
      // Each test as a first visit: the browser's cache would otherwise
      // resume a body cut in one test in the next, by itself.
      headers: { 'cache-control': 'no-store' },
      intercept(req, res, pathname) {
        const file = pathname.split('/').pop();
        if (file === TEXTS || file === OVERVIEW) {
          const entry = { file, range: req.headers.range, referer: req.headers.referer ?? '' };
          res.on('close', () => Object.assign(entry, { status: res.statusCode, finished: res.writableFinished }));
          requests.push(entry);
        }
        return false;
      },
      faults: (pathname) => faults.get(pathname.split('/').pop()),
    },
  );
  const { page, viewer } = await open();
  await viewer.waitForTexts();
  unbroken = { summary: await viewer.summary(), search: await viewer.search(SEARCH) };
  assert.ok(unbroken.search.recommendations > 0, `"${SEARCH}" finds recommendations`);
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page, and what goes wrong in it. */
async function newPage() {
  const page = await browser.context.newPage();
  const problems = { console: [], thrown: [] };
  page.on('console', (message) => message.type() === 'error' && problems.console.push(message.text()));
  page.on('pageerror', (error) => problems.thrown.push(error.message));
  return { page, viewer: new ViewerPage(page), problems };
}

/** A new page of the viewer at `path`. */
async function open(path = '/upr/') {
  const opened = await newPage();
  await opened.viewer.open(server.url(path));
  return opened;
}

// What the browser says of a request the server fails on purpose, and of
// a worker a policy forbids: provoked, so expected.
const PROVOKED = [
  /^Failed to load resource: the server responded with a status of 503/,
  /^Failed to load resource: net::ERR_CONTENT_LENGTH_MISMATCH/,
  /^Creating a worker from '[^']*' violates the following Content Security Policy directive: "worker-src/,
];

/** No console error but the provoked, nothing thrown, no panic notice. */
async function assertNothingElse(page, problems) {
  assert.deepEqual(problems.thrown, [], 'nothing thrown');
  assert.deepEqual(problems.console.filter((text) => !PROVOKED.some((p) => p.test(text))), [], 'no console error beyond the provoked');
  assert.equal(await page.locator('[data-testid=crash]').count(), 0, 'no panic');
}

/** The texts are in, and they are those of an unbroken load. */
async function assertComplete(page, viewer) {
  await viewer.waitForTexts();
  assert.equal(await page.locator('[role=alert]').count(), 0, 'no failure shown');
  assert.deepEqual(await viewer.summary(), unbroken.summary);
  assert.deepEqual(await viewer.search(SEARCH), unbroken.search, 'the texts read are those of the file');
}

/** Runs `body` with `file` misbehaving as `fault` says; the requests for
 *  data files made meanwhile are in `requests`. */
async function withFault(file, fault, body) {
  requests.length = 0;
  faults.set(file, fault);
  try {
    await body();
  } finally {
    faults.delete(file);
  }
}

const of = (file) => requests.filter((r) => r.file === file);

// The bytes before a cut are sent a piece at a time, as over a real
// network: sent at once over loopback, the browser may report the break
// before it has handed over any of them, and there is nothing to resume.
const PACED = { bytes: 64 << 10, everyMs: 5 };

for (const cutAt of [0.1, 0.5, 0.99]) {
  const percent = `${Math.round(cutAt * 100)}%`;
  test(`the texts cut at ${percent}, from a host with ranges: the rest is asked for, and read on`, async () => {
    await withFault(TEXTS, { times: 1, cutAt, ranges: true, throttle: PACED }, async () => {
      const { page, viewer, problems } = await open();
      await assertComplete(page, viewer);
      const [first, second, ...more] = of(TEXTS);
      assert.equal(first.finished, false, 'the first answer was cut');
      assert.match(second.range ?? '', /^bytes=\d+-$/, 'the second asked for the rest');
      const from = Number(second.range.slice('bytes='.length, -1));
      assert.ok(from > 0, `resumed from byte ${from}`);
      assert.equal(second.status, 206, 'and was given it');
      assert.deepEqual(more, [], 'two requests in all');
      await assertNothingElse(page, problems);
      await page.close();
    });
  });

  test(`the texts cut at ${percent}, from a host without ranges: read again from the start`, async () => {
    await withFault(TEXTS, { times: 1, cutAt, throttle: PACED }, async () => {
      const { page, viewer, problems } = await open();
      await assertComplete(page, viewer);
      assert.deepEqual(of(TEXTS).map((r) => [r.range, r.status, r.finished]), [[undefined, 200, false], [undefined, 200, true]]);
      await assertNothingElse(page, problems);
      await page.close();
    });
  });
}

test('the texts closed early by the server, short of their Content-Length: resumed', async () => {
  await withFault(TEXTS, { times: 1, cutAt: 0.5, cutHow: 'close', ranges: true, throttle: PACED }, async () => {
    const { page, viewer, problems } = await open();
    await assertComplete(page, viewer);
    assert.deepEqual(of(TEXTS).map((r) => r.status), [200, 206]);
    await assertNothingElse(page, problems);
    await page.close();
  });
});

test('a truncated gzip stream (a body without Content-Length that ends early): read again', async () => {
  await withFault(TEXTS, { times: 1, cutAt: 0.5, cutHow: 'end', noLength: true }, async () => {
    const { page, viewer, problems } = await open();
    await assertComplete(page, viewer);
    assert.deepEqual(of(TEXTS).map((r) => [r.status, r.finished]), [[200, true], [200, true]]);
    await assertNothingElse(page, problems);
    await page.close();
  });
});

for (const file of [OVERVIEW, TEXTS]) {
  test(`${file} answered 503 twice, then 200: read, with no Try again needed`, async () => {
    await withFault(file, { times: 2, status: 503 }, async () => {
      const { page, viewer, problems } = await open();
      await assertComplete(page, viewer);
      assert.deepEqual(of(file).map((r) => r.status), [503, 503, 200]);
      await assertNothingElse(page, problems);
      await page.close();
    });
  });

  test(`${file} without Content-Length and with a wrong Content-Type: read`, async () => {
    await withFault(file, { noLength: true, type: 'text/plain' }, async () => {
      const { page, viewer, problems } = await open();
      await assertComplete(page, viewer);
      assert.ok(of(file).every((r) => r.status === 200 && r.finished), 'each request answered whole, none failed');
      await assertNothingElse(page, problems);
      await page.close();
    });
  });
}

const NOTICES = {
  [OVERVIEW]: { notice: 'load-error', says: /reviews could not be shown/ },
  [TEXTS]: { notice: 'texts-error', says: /texts could not be loaded/ },
};

for (const file of [OVERVIEW, TEXTS]) {
  const { notice, says } = NOTICES[file];
  test(`${file} answered with an HTML page and status 200: a message names the file and the problem, and Try again works once the host is right`, async () => {
    const { page, viewer, problems } = await newPage();
    await withFault(file, { html: true }, async () => {
      await page.goto(server.url('/upr/'));
      if (file === TEXTS) await viewer.askForTexts();
      const failure = page.locator(`[data-testid=${notice}]`);
      await failure.waitFor();
      const text = await failure.textContent();
      assert.match(text, says);
      assert.match(text, new RegExp(`${file.replace('.', '\\.')}: the server sent an HTML page \\(200 OK, text/html; charset=utf-8\\) in place of the data file`));
      assert.ok(of(file).every((r) => r.status === 200), 'not retried: the answer will not change by itself');
    });
    await page.locator(`[data-testid=${notice}] [data-testid=retry]`).click();
    await assertComplete(page, viewer);
    await assertNothingElse(page, problems);
    await page.close();
  });
}

test('the texts refused every time: after the last try, Try again with what failed and how often', async () => {
  const { page, viewer, problems } = await newPage();
  await withFault(TEXTS, { status: 503 }, async () => {
    await page.goto(server.url('/upr/'));
    await viewer.askForTexts();
    const failure = page.locator('[data-testid=texts-error]');
    await failure.waitFor({ timeout: 30000 });
    assert.match(await failure.textContent(), /recommendations\.bin: the server answered 503 Service Unavailable, tried 5 times/);
    assert.equal(of(TEXTS).length, 5);
  });
  await page.locator('[data-testid=texts-error] [data-testid=retry]').click();
  await assertComplete(page, viewer);
  await assertNothingElse(page, problems);
  await page.close();
});

test('a slow connection: the progress moves and the page stays usable meanwhile', async () => {
  // About 320 kB a second: the texts take eight seconds or so.
  await withFault(TEXTS, { throttle: { bytes: 16 << 10, everyMs: 50 } }, async () => {
    const { page, viewer, problems } = await open();
    await viewer.waitForResults();
    await viewer.askForTexts();
    const progress = page.locator('[data-testid=texts-progress] progress');
    const received = () => progress.evaluate((p) => Number(p.value));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=texts-progress] progress')?.value) > 0);
    const before = await received();
    const filtered = await viewer.toggleTheme('Death penalty');
    assert.ok(filtered.reviews < unbroken.summary.reviews, 'a filter works while the texts load');
    assert.equal(await page.locator('[data-testid=texts-progress]').count(), 1, 'still loading');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=texts-progress] progress')?.value) > n, before);
    await viewer.toggleTheme('Death penalty');
    await assertComplete(page, viewer);
    await assertNothingElse(page, problems);
    await page.close();
  });
});

test("a policy with worker-src 'none': the texts are read on the page's thread", async () => {
  requests.length = 0;
  const { page, viewer, problems } = await open('/no-workers/');
  await assertComplete(page, viewer);
  assert.deepEqual(of(TEXTS).map((r) => r.referer), [server.url('/no-workers/')], 'one download, made by the page');
  await assertNothingElse(page, problems);
  await page.close();
});

test('a policy that allows no worker but the texts\' (no service worker): the viewer works', async () => {
  requests.length = 0;
  const { page, viewer, problems } = await open('/one-worker/');
  await assertComplete(page, viewer);
  assert.deepEqual(of(TEXTS).map((r) => r.referer), [server.url('/one-worker/texts-worker.js')], 'one download, made by the worker');
  await assertNothingElse(page, problems);
  await page.close();
});

test("worker-src 'none' and the texts cut half-way, without ranges: read again from the start on the page's thread", async () => {
  await withFault(TEXTS, { times: 1, cutAt: 0.5, throttle: PACED }, async () => {
    const { page, viewer, problems } = await open('/no-workers/');
    await assertComplete(page, viewer);
    assert.deepEqual(of(TEXTS).map((r) => [r.referer, r.finished]), [[server.url('/no-workers/'), false], [server.url('/no-workers/'), true]]);
    await assertNothingElse(page, problems);
    await page.close();
  });
});
