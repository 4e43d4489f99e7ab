// Hostile data, hostile links, hostile attributes: nothing breaks, nothing
// runs, and the person is told what was ignored or what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedSite, packedFolder, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const DATA = path.join(DIST, 'data');
const read = (name) => JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8'));
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** The real dataset with markup in every text field and one 1 MB text. */
function hostileData() {
  const overview = read('overview.json');
  const texts = read('recommendations.json');
  const kz = overview.states.find((s) => s.id === 'kazakhstan');
  kz.name = `Kazakhstan ${MARKUP}`;
  overview.themes.find((t) => t.id === 'death-penalty').label = `Death penalty ${MARKUP}`;
  const review = overview.reviews.find((r) => r.id === 'kazakhstan-s7');
  const media = review.media_summary;
  for (const key of ['national_report', 'positive_achievements', 'issues_raised', 'recommendations', 'response']) {
    media[key] = media[key].map((item) => `${item} ${MARKUP}`);
  }
  media.delegation.head = `${media.delegation.head} ${MARKUP}`;
  const full = texts.reviews.find((r) => r.id === 'kazakhstan-s7');
  full.recommendations[0].text = `Abolish ${MARKUP}`;
  full.recommendations[1].text = 'x'.repeat(1_000_000);
  return { 'overview.json': JSON.stringify(overview), 'recommendations.json': JSON.stringify(texts) };
}

/** The real texts, packed, beside an overview they do not add up with:
 *  one review declares a recommendation more than its texts hold (the
 *  next one a recommendation less, so that the overview's own totals still
 *  agree and the overview alone loads). Texts that do not add up cannot be
 *  packed: the overview is changed once they are. */
function damagedTexts() {
  const dir = packedFolder({ 'overview.json': JSON.stringify(read('overview.json')), 'recommendations.json': JSON.stringify(read('recommendations.json')) });
  const overview = read('overview.json');
  const [more, less] = overview.reviews.slice(10, 12);
  more.recommendations += 1;
  more.accepted += 1;
  less.recommendations -= 1;
  if (less.noted > 0) less.noted -= 1;
  else less.accepted -= 1;
  fs.writeFileSync(path.join(dir, 'overview.json'), JSON.stringify(overview));
  return dir;
}

function otherVersion() {
  const overview = read('overview.json');
  overview.schema_version = 99;
  return { 'overview.json': JSON.stringify(overview) };
}

const HOST = `<!doctype html><html><head><meta charset="utf-8"><script src="/site/embed.js" defer></script></head><body>
<upr-viewer id="bad" theme='${MARKUP}' states-min="-3" states-max="80" session="999999999999" colour="red"></upr-viewer></body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({
  '/site/': DIST,
  '/hostile/': DIST,
  '/hostile/data/': packedFolder(hostileData()),
  '/damaged/': DIST,
  '/damaged/data/': damagedTexts(),
  '/version/': DIST,
  '/version/data/': tempFolder(otherVersion()),
  '/host/': tempFolder({ 'index.html': HOST }),
}));

async function openViewer(prefix, query = '') {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url(prefix) + query);
  return { page, viewer, errors };
}

test('markup in every text field of the data is shown as text and never runs', async () => {
  const { page, viewer, errors } = await openViewer('/hostile/', '?review=kazakhstan-s7');
  await viewer.waitForTexts();
  const detail = viewer.detail();
  assert.match(await detail.locator('h2').textContent(), /Kazakhstan <img src=x onerror=/);
  assert.match(await detail.locator('[data-testid=national-report]').textContent(), /<script>window.__pwned=1<\/script>/);
  assert.match(await detail.locator('[data-testid=recommendations]').textContent(), /Abolish <img/);
  assert.equal(await detail.locator('img').count(), 0);
  assert.ok((await detail.textContent()).includes('x'.repeat(1000)), 'the 1 MB text is shown');
  await page.locator('[data-testid=close-review]').click();
  await viewer.toggleTheme(`Death penalty ${MARKUP}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('texts that do not add up: the cards stay and the damage is named', async () => {
  const { page, viewer } = await openViewer('/damaged/');
  await viewer.waitForResults();
  const alert = page.locator('[data-testid=texts-error]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /this data is damaged: recommendations\.bin declares \d+ recommendations in review/);
  assert.ok(await viewer.cards().count() > 0, 'what still works is still shown');
  assert.equal((await viewer.summary()).reviews, 305 + 81 + 14);
  await page.close();
});

test('another schema version is refused with the versions named', async () => {
  const { page } = await openViewer('/version/');
  const error = page.locator('[data-testid=load-error]');
  await error.waitFor();
  // The version this viewer reads is the one its bundled data has.
  const wanted = read('overview.json').schema_version;
  assert.match(await error.textContent(), new RegExp(`schema version 99, but this viewer reads version ${wanted}(?!\\d)`));
  await page.close();
});

test('a hostile link is ignored piece by piece, said, and never runs', async () => {
  // Far over the 200-character limit, within what an HTTP server accepts.
  const huge = 'a'.repeat(8_000);
  const query = `?q=${encodeURIComponent(MARKUP)}&theme=${encodeURIComponent(MARKUP)}&states_min=-5&states_max=20&states_min=90`
    + `&review=${encodeURIComponent('<b>x</b>')}&sur=${huge}&match=%E0%A4&page=0`;
  const { page, viewer, errors } = await openViewer('/site/', query);
  await viewer.waitForTexts();
  const warnings = await page.locator('[data-testid=query-warnings]').textContent();
  for (const name of ['theme', 'states_min', 'review', 'sur', 'match', 'page']) assert.match(warnings, new RegExp(name));
  assert.match(warnings, /swapped/, 'a reversed range is swapped and said');
  assert.ok(warnings.length < 5000, 'a huge value is not repeated in full');
  assert.equal(await page.locator('[data-testid=query-warnings] img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // states_min=-5 is ignored, the later states_min=90 kept, then the
  // reversed range 90..20 swapped into 20..90.
  for (const text of await page.locator('[data-testid=participation]').allTextContents()) {
    const n = Number(text.match(/^(\d+)/)[1]);
    assert.ok(n >= 20 && n <= 90, text);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile attributes on an element are ignored and said inside it', async () => {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.url('/host/'));
  const warnings = page.locator('#bad [data-testid=query-warnings]');
  await warnings.waitFor();
  const text = await warnings.textContent();
  for (const name of ['states-min', 'session', 'theme']) assert.match(text, new RegExp(name));
  assert.equal(await page.locator('#bad [data-testid=query-warnings] img').count(), 0);
  assert.ok(Number(await page.locator('#bad [data-testid=result-summary]').getAttribute('data-reviews')) > 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});
