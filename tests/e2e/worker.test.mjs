// The texts file is downloaded and inflated by a worker
// (static/texts-worker.js), so that what the browser does with the
// completed body is off the page's thread; a page whose worker cannot
// start downloads and inflates it itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const COMPLETE = { reviews: 305 + 81 + 14, recommendations: 41066 + 16620 + 3328 };
/** Who asked for the texts file: the Referer of each request. */
const textsReferrers = [];
let workerMissing = false;
let browser;
let server;

/** Waits until the server has seen the texts requested (a prerendered
 *  review page shows its card before it asks). */
async function textsRequested() {
  for (let waited = 0; textsReferrers.length === 0; waited += 50) {
    if (waited > 20000) assert.fail('the texts were never requested');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

before(async () => {
  browser = await launchBrowser();
  server = await startServer({ '/upr/': DIST }, {
    intercept(req, res, pathname) {
      if (pathname.endsWith('/data/recommendations.bin')) textsReferrers.push(req.headers.referer ?? '');
      if (workerMissing && pathname.endsWith('/texts-worker.js')) {
        res.writeHead(404).end();
        return true;
      }
      return false;
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [where, path] of [['the home page', '/upr/'], ['a review page', '/upr/reviews/kazakhstan-s7.html']]) {
  test(`${where}: a worker downloads the texts, and the viewer reads them`, async () => {
    textsReferrers.length = 0;
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const viewer = await new ViewerPage(page).open(server.url(path));
    await textsRequested();
    await viewer.waitForTexts();
    assert.deepEqual(textsReferrers, [server.url('/upr/texts-worker.js')], 'one download, made by the worker');
    if (path === '/upr/') assert.deepEqual(await viewer.summary(), COMPLETE);
    else assert.equal(await viewer.detail().locator('[data-testid=recommendation-count]').textContent(), 'All 129 recommendations');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('where the worker cannot start, the page downloads the texts itself', async () => {
  textsReferrers.length = 0;
  workerMissing = true;
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const viewer = await new ViewerPage(page).open(server.url('/upr/'));
    await textsRequested();
    await viewer.waitForTexts();
    assert.deepEqual(textsReferrers, [server.url('/upr/')], 'one download, made by the page');
    assert.deepEqual(await viewer.summary(), COMPLETE);
    await viewer.search('death penalty');
    assert.ok((await viewer.summary()).recommendations > 0, 'the texts are searchable');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    workerMissing = false;
  }
});
