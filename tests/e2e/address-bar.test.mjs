// A link as someone typed it becomes, once the data is in, the link the
// viewer writes itself: in place (no new history entry), with the notice of
// what was ignored. Only where the viewer owns the address bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const TYPED = '?theme=death+penalty&states_min=040&bogus=1';
// What the viewer writes for that view: the theme as the data spells it,
// the number without its leading zero, the unknown parameter gone.
const CANONICAL = '?theme=Death+penalty&states_min=40';

const host = (attributes) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script src="/cdn/upr/v1/embed.js" defer></script>
</head><body><upr-viewer id="embedded" theme="Death penalty" ${attributes}></upr-viewer></body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({
  '/upr/': DIST,
  '/cdn/upr/v1/': DIST,
  '/owner/': tempFolder({ 'index.html': host('address-bar') }),
  '/guest/': tempFolder({ 'index.html': host('') }),
}));

/** Opens a URL, noting history.length before any script of the page ran. */
async function openCounting(url) {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => { window.__historyAtStart = history.length; });
  await page.goto(url);
  return { page, errors };
}

test('a typed link is rewritten in place into the canonical link, and the notice stays', async () => {
  const { page, errors } = await openCounting(site.server.url('/upr/') + TYPED);
  const viewer = new ViewerPage(page);
  await viewer.waitForResults();
  await page.waitForFunction((want) => location.search === want, CANONICAL, { timeout: 10000 })
    .catch(async () => assert.fail(`the address bar still reads ${await page.evaluate(() => location.search)}`));
  assert.equal(await page.evaluate(() => history.length), await page.evaluate(() => window.__historyAtStart), 'no new history entry');
  assert.match(await page.locator('[data-testid=query-warnings]').textContent(), /bogus/);
  await viewer.waitForTexts();
  assert.ok((await viewer.summary()).reviews > 0, 'the link still selects the same reviews');
  assert.equal(await page.evaluate(() => location.search), CANONICAL);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an element with address-bar rewrites the typed link too', async () => {
  const { page } = await openCounting(site.server.url('/owner/') + TYPED);
  await page.locator('#embedded [data-testid=result-summary]').waitFor();
  await page.waitForFunction((want) => location.search === want, CANONICAL, { timeout: 10000 })
    .catch(async () => assert.fail(`the address bar still reads ${await page.evaluate(() => location.search)}`));
  assert.equal(await page.evaluate(() => history.length), await page.evaluate(() => window.__historyAtStart));
  await page.close();
});

test('an element without address-bar never touches the address bar', async () => {
  const { page } = await openCounting(site.server.url('/guest/') + TYPED);
  await page.locator('#embedded [data-testid=result-summary]').waitFor();
  await page.locator('#embedded [data-testid=upr-viewer][data-texts=ready]').waitFor({ timeout: 30000 });
  assert.equal(await page.evaluate(() => location.search), TYPED);
  await page.close();
});
