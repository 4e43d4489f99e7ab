// The code only some views need (the charts, the table, a comparison, a
// recommending State's profile, the downloads) is a piece of its own,
// split off the app's wasm (src/extras.rs): a home page or a review page
// never fetch it; the first view that needs it does, once; a failed fetch
// says so where the view would be and tries again; the single file has it
// inside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const PIECE = /^split-extras-[0-9a-f]{16}\.wasm$/;

let browser;
let server;
/** While set, the server answers the piece with a 503. */
let refusing = false;
/** While set, the server sends the piece as bytes of no particular type. */
let untyped = false;

before(async () => {
  browser = await launchBrowser();
  server = await startServer({ '/upr/': DIST }, {
    headers: { 'cache-control': 'no-store' },
    intercept(req, res, pathname) {
      const file = pathname.split('/').pop();
      if (!PIECE.test(file)) return false;
      if (refusing) res.writeHead(503).end();
      else if (untyped) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fs.readFileSync(path.join(DIST, file)));
      else return false;
      return true;
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each fetch of the piece, by the page or its workers. */
function pieceRequests(page) {
  const asked = [];
  page.on('request', (request) => {
    if (PIECE.test(new URL(request.url()).pathname.split('/').pop())) asked.push(request.url());
  });
  return asked;
}

test('the release build holds the piece beside the main wasm', () => {
  const pieces = fs.readdirSync(DIST).filter((f) => PIECE.test(f));
  assert.equal(pieces.length, 1, `one piece in dist/: ${pieces.join(', ') || 'none'}`);
});

test('a home page and a review page never fetch the piece; the charts fetch it once, and the table uses it', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const asked = pieceRequests(page);
  const viewer = new ViewerPage(page);
  await viewer.open(server.url('/upr/'));
  await viewer.waitForTexts();
  await viewer.open(server.url('/upr/reviews/kazakhstan-s7.html'));
  await page.waitForSelector('[data-testid=recommendation-count]');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(asked, [], 'neither page asked for the code of views they do not show');

  await viewer.open(server.url('/upr/'));
  await viewer.waitForTexts();
  await page.locator('[data-testid=view-charts]').click();
  await page.locator('[data-testid=charts] svg').first().waitFor();
  assert.equal(asked.length, 1, 'the charts fetched the piece');
  await page.locator('[data-testid=view-table]').click();
  await page.locator('[data-testid=data-table]').waitFor();
  assert.equal(asked.length, 1, 'the table found it in place');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a failed fetch of the piece says so where the view goes, and Try again brings the view', async () => {
  const page = await browser.context.newPage();
  const viewer = new ViewerPage(page);
  refusing = true;
  try {
    await viewer.open(server.url('/upr/?compare=Brazil'));
    const notice = page.locator('[data-testid=view-failed]');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal(await page.locator('[data-testid=crash]').count(), 0, 'no crash notice: the viewer goes on');
    // The rest of the viewer works meanwhile: the filters still answer.
    assert.ok((await viewer.summary()).reviews > 0);
  } finally {
    refusing = false;
  }
  await page.locator('[data-testid=view-failed] [data-testid=retry]').click();
  await page.locator('[data-testid=close-compare]').waitFor();
  assert.equal(await page.locator('[data-testid=view-failed]').count(), 0);
  await page.close();
});

test('a download whose code cannot be fetched says so, and the next press downloads', async () => {
  const page = await browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(server.url('/upr/?theme=Death+penalty'));
  await viewer.waitForTexts();
  refusing = true;
  try {
    await page.locator('[data-testid=export-csv]').click();
    const notice = page.locator('[data-testid=export-failed]');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
  } finally {
    refusing = false;
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
  assert.equal(download.suggestedFilename(), 'upr-recommendations.csv');
  assert.equal(await page.locator('[data-testid=export-failed]').count(), 0, 'the notice goes with the press that works');
  await page.close();
});

test('a host that sends the piece without its wasm type still has the charts', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  untyped = true;
  try {
    await new ViewerPage(page).open(server.url('/upr/?view=charts'));
    await page.locator('[data-testid=charts] svg').first().waitFor();
  } finally {
    untyped = false;
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file opened from disk draws the charts from the piece inside it', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open(`file://${path.join(DIST, 'upr-viewer-standalone.html')}?view=charts`);
  await page.locator('[data-testid=charts] svg').first().waitFor({ timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});
