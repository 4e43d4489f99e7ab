// Embedding and single-file use: a host page on one path embeds the viewer
// served from another, under hostile global CSS; the single-file build is
// opened from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { servedSite, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const HOST = `<!doctype html>
<html><head><meta charset="utf-8"><title>An NGO's country page</title>
<style>
  * { color: rgb(255, 0, 0) !important; font-family: serif !important; font-size: 31px !important; }
  article, h3, section, ol, li { display: none !important; }
  div { border: 7px dashed lime !important; padding: 40px !important; }
  input { visibility: hidden !important; }
</style>
<script src="/cdn/upr/v1/embed.js" defer></script>
</head><body>
<p id="host-text">Our work on Kazakhstan</p>
<upr-viewer id="country" sur="Kazakhstan" compact></upr-viewer>
<upr-viewer id="theme" theme="Death penalty" states-min="40"></upr-viewer>
</body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({ '/cdn/upr/v1/': DIST, '/host/': tempFolder({ 'index.html': HOST }), '/site/': DIST }));

const summaryOf = (page, id) => page.locator(`#${id} [data-testid=result-summary]`);

async function reviewsIn(page, id) {
  return Number(await summaryOf(page, id).getAttribute('data-reviews'));
}

async function waitForTexts(page, id) {
  await summaryOf(page, id).waitFor();
  await page.locator(`#${id} [data-testid=texts-progress]`).waitFor({ state: 'detached', timeout: 30000 });
}

/** What the full page shows for the same query, to compare with. */
async function pageCount(query) {
  const page = await site.browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/site/') + query);
  await viewer.waitForTexts();
  const summary = await viewer.summary();
  await page.close();
  return summary;
}

test('two elements on a hostile host page each show what their attributes ask, once downloaded', async () => {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  const dataRequests = [];
  page.on('request', (r) => /\/data\/[^/]+\.(json|bin)$/.test(r.url()) && dataRequests.push(new URL(r.url()).pathname));
  await page.goto(site.server.url('/host/'));
  const hostStyles = await page.evaluate(() => document.querySelectorAll('head style, head link[rel=stylesheet]').length);
  await waitForTexts(page, 'country');
  await waitForTexts(page, 'theme');

  assert.equal(await reviewsIn(page, 'country'), 2, 'Kazakhstan was reviewed twice');
  assert.equal(await page.locator('#country [data-testid=filters-toggle]').count(), 0, 'compact hides the filters');
  const expected = await pageCount('?theme=Death+penalty&states_min=40');
  assert.equal(await reviewsIn(page, 'theme'), expected.reviews);
  assert.equal(Number(await summaryOf(page, 'theme').getAttribute('data-recommendations')), expected.recommendations);

  assert.deepEqual(dataRequests.sort(), ['/cdn/upr/v1/data/overview.json', '/cdn/upr/v1/data/recommendations.bin'],
    'both elements share one download of each file');

  // The host's CSS does not reach in.
  const card = page.locator('#country [data-testid=review-card]').first();
  assert.ok(await card.isVisible(), 'cards show despite article { display: none }');
  const style = await card.locator('h3 a').evaluate((a) => {
    const s = getComputedStyle(a);
    return { color: s.color, fontSize: s.fontSize };
  });
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.notEqual(style.fontSize, '31px');
  assert.ok(await page.locator('#theme [data-testid=search]').isVisible());

  // Nothing leaks out: no styles added to the host, its text untouched.
  assert.equal(await page.evaluate(() => document.querySelectorAll('head style, head link[rel=stylesheet]').length), hostStyles);
  assert.equal(await page.locator('#host-text').evaluate((p) => getComputedStyle(p).fontSize), '31px');

  // Using an element does not touch the host's address bar.
  const url = page.url();
  await page.locator('#theme [data-testid=theme-option][data-theme="Torture and other CID treatment"] input').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('#theme').shadowRoot.querySelector('[data-testid=result-summary]');
    return el && el.textContent.length > 0;
  });
  assert.equal(page.url(), url);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing an attribute updates the element', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url('/host/'));
  await waitForTexts(page, 'country');
  const france = await pageCount('?sur=France');
  await page.locator('#country').evaluate((el) => el.setAttribute('sur', 'France'));
  await page.waitForFunction(
    (n) => document.querySelector('#country').shadowRoot.querySelector('[data-testid=result-summary]')?.dataset.reviews === String(n),
    france.reviews,
  );
  assert.match(await page.locator('#country [data-testid=review-card] h3').first().textContent(), /France/);
  await page.close();
});

test('the single-file build works when opened from disk', async () => {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open('file://' + path.join(DIST, 'upr-viewer-standalone.html'));
  await viewer.waitForTexts();
  assert.deepEqual(await viewer.summary(), { reviews: 305 + 81 + 14, recommendations: 41066 + 16620 + 3328 });
  assert.ok(await viewer.cards().count() > 0);
  await viewer.toggleTheme('Death penalty');
  assert.ok((await viewer.summary()).reviews < 305 + 81 + 14, 'filters work offline too');
  assert.deepEqual(errors, []);
  await page.close();
});
