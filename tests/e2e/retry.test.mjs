// A load that failed can be tried again without reloading the page: the
// server breaks off every request for one data file until the network
// "comes back", and the person presses Try again, in the page and in an
// element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<script src="/cdn/embed.js" defer></script></head>
<body><upr-viewer id="viewer"></upr-viewer></body></html>`;

// Files whose requests fail, as a dropped connection would.
const broken = new Set();
let browser;
let server;
let complete;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(
    { '/site/': DIST, '/cdn/': DIST, '/host/': tempFolder({ 'index.html': HOST }) },
    {
      intercept(req, res, pathname) {
        if (!broken.has(pathname.split('/').pop())) return false;
        req.socket.destroy();
        return true;
      },
    },
  );
  // What a load that never failed shows, to compare with.
  const page = await browser.context.newPage();
  const viewer = await new ViewerPage(page).open(server.url('/site/'));
  await viewer.waitForTexts();
  complete = await viewer.summary();
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const PLACES = [
  { name: 'the page', url: () => server.url('/site/'), scope: '' },
  { name: 'an element', url: () => server.url('/host/'), scope: '#viewer ' },
];
const FILES = [
  { file: 'overview.json', notice: 'load-error', message: /reviews could not be shown.*overview\.json/s },
  { file: 'recommendations.bin', notice: 'texts-error', message: /texts could not be loaded.*recommendations\.bin/s },
];

for (const place of PLACES) {
  for (const { file, notice, message } of FILES) {
    test(`${place.name}: when ${file} fails, Try again loads it without reloading the page`, async () => {
      broken.add(file);
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      try {
        await page.goto(place.url());
        if (file === 'recommendations.bin') {
          // The texts come when something needs them: a download does.
          await page.locator(`${place.scope}[data-testid=export-csv]`).click();
        }
        const failure = page.locator(`${place.scope}[data-testid=${notice}]`);
        await failure.waitFor();
        assert.match(await failure.textContent(), message);
        const retry = failure.locator('[data-testid=retry]');
        assert.equal((await retry.textContent()).trim(), 'Try again');

        broken.delete(file);
        await page.evaluate(() => { window.notReloaded = true; });
        await retry.click();
        await failure.waitFor({ state: 'detached' });

        const summary = page.locator(`${place.scope}[data-testid=result-summary]`);
        await summary.waitFor();
        await page.locator(`${place.scope}[data-testid=upr-viewer][data-texts=ready]`).waitFor({ timeout: 30000 });
        assert.equal(await page.locator(`${place.scope}[role=alert]`).count(), 0, 'no failure left');
        assert.ok(await page.locator(`${place.scope}[data-testid=review-card]`).first().isVisible(), 'the cards are there');
        assert.deepEqual(
          { reviews: Number(await summary.getAttribute('data-reviews')), recommendations: Number(await summary.getAttribute('data-recommendations')) },
          complete,
          'everything loaded, texts included',
        );
        assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
        assert.deepEqual(errors, []);
      } finally {
        broken.delete(file);
        await page.close();
      }
    });
  }
}
