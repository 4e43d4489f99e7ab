// Charts, comparison, export and print, driven in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedSite, parseCsv } from './support.mjs';

// Headless Chromium and dist/ served under /upr/, for every test here.
const site = servedSite();

const openViewer = site.openViewer;

test('clicking a theme bar applies that theme', async () => {
  const { page, viewer } = await openViewer('?view=charts&cycle=2');
  const bar = page.locator('[data-testid="theme:Death penalty"]');
  const total = Number(await bar.getAttribute('data-total'));
  const after = await viewer.changing(() => bar.click());
  assert.deepEqual((await viewer.params()).getAll('theme'), ['Death penalty']);
  assert.equal((await viewer.params()).get('cycle'), '2', 'other filters stay');
  assert.equal(after.recommendations, total, 'the bar said how many the filter would give');
  await page.close();
});

test('dragging across the participation chart sets the range', async () => {
  const { page, viewer } = await openViewer('?view=charts');
  const svg = page.locator('[data-testid=participation-chart] svg');
  const box = await svg.boundingBox();
  await viewer.changing(async () => {
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  });
  const min = Number((await viewer.params()).get('states_min'));
  const max = Number((await viewer.params()).get('states_max'));
  assert.ok(min > 0 && max > min, `range ${min}-${max}`);
  const chart = page.locator('[data-testid=participation-chart]');
  assert.equal(Number(await chart.getAttribute('data-min')), min);
  assert.equal(Number(await chart.getAttribute('data-max')), max);
  await page.locator('[data-testid=view-cards]').click();
  for (const text of await page.locator('[data-testid=participation]').allTextContents()) {
    const n = Number(text.match(/^(\d+)/)[1]);
    assert.ok(n >= min && n <= max, text);
  }
  await page.close();
});


test('the exports hold exactly the selected recommendations', async () => {
  const { page, viewer } = await openViewer('?theme=Torture+and+other+CID+treatment&response=noted&region=Asia');
  const { recommendations } = await viewer.summary();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
  const records = parseCsv(fs.readFileSync(await csvDownload.path(), 'utf8'));
  assert.equal(records[0][0], 'review');
  assert.equal(records.length - 1, recommendations);
  const responseColumn = records[0].indexOf('response');
  const themesColumn = records[0].indexOf('themes');
  assert.ok(records.slice(1).every((r) => r[responseColumn] === 'noted' && r[themesColumn].includes('Torture and other CID treatment')));

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').click()]);
  const items = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(items.length, recommendations);
  assert.deepEqual(items.map((i) => i.text), records.slice(1).map((r) => r[records[0].indexOf('text')]));
  await page.close();
});

test('Kazakhstan\'s two reviews side by side', async () => {
  const { page } = await openViewer('?compare=kazakhstan');
  const compare = page.locator('[data-testid=compare]');
  await compare.waitFor();
  assert.deepEqual(await compare.locator('.compare-column').evaluateAll((c) => c.map((e) => e.dataset.review)), ['kazakhstan-s7', 'kazakhstan-s20']);
  assert.ok(await compare.locator('.compare-column').nth(1).locator('[data-testid=themes-gained] li').count() > 0);
  assert.ok(await page.locator('[data-testid=acceptance-per-theme] tbody tr').count() > 5);
  assert.match(await page.locator('[data-testid=recommended-every-time]').textContent(), /France/);
  await page.close();
});

test('an open card prints as a page with its link back', async () => {
  const { page, viewer } = await openViewer('?review=kazakhstan-s7');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.panel').isVisible(), false, 'no filters on paper');
  const live = page.locator('.print-only');
  assert.ok(await live.isVisible());
  assert.match(await live.textContent(), /^Live view: http:\/\/127\.0\.0\.1:\d+\/upr\/\?review=kazakhstan-s7$/);
  await page.emulateMedia({ media: 'screen' });
  await page.locator('[data-testid=compare-link]').click();
  await page.locator('[data-testid=compare]').waitFor();
  assert.equal((await viewer.params()).get('compare'), 'kazakhstan');
  await page.close();
});
