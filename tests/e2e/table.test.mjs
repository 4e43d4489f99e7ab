// The table view (view=table), driven in headless Chromium: sorting from
// the keyboard, the header in view, windowed rows, links to the cards, and
// the CSV download. Expected counts come from the bundled JSON, read here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedSite, parseCsv } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const texts = JSON.parse(fs.readFileSync(new URL('../../data/recommendations.json', import.meta.url), 'utf8'));

// Headless Chromium and dist/ served under /upr/, for every test here.
const site = servedSite();

async function openTable(query) {
  const page = await site.browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/upr/') + query);
  await viewer.waitForTable();
  return { page, viewer };
}

/** The numbers of one column of the rows in the DOM. */
async function numbers(viewer, key) {
  const at = (await viewer.table().locator('thead th button').evaluateAll((b) => b.map((e) => e.dataset.testid))).indexOf(`sort-${key}`);
  return (await viewer.tableRows()).map((cells) => Number(cells[at]));
}

const ascending = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
const descending = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);

for (const by of ['review', 'state', 'from']) {
  test(`the table by ${by} sorts by a column from the keyboard, both ways`, async () => {
    const { page, viewer } = await openTable(`?view=table&by=${by}`);
    // The first press sorts ascending (by=from starts descending by
    // recommendations, so there the first press turns it round).
    await viewer.sortTableWithKey('recommendations', 'Enter');
    assert.equal(await viewer.tableSortState('recommendations'), 'ascending');
    assert.equal((await viewer.params()).get('sort'), 'recommendations');
    assert.equal((await viewer.params()).get('by'), by === 'review' ? null : by);
    const up = await numbers(viewer, 'recommendations');
    assert.ok(up.length > 5 && ascending(up), up.join(' '));
    assert.notEqual(up[0], up[up.length - 1]);

    await viewer.sortTableWithKey('recommendations', 'Space');
    assert.equal(await viewer.tableSortState('recommendations'), 'descending');
    // The canonical address leaves a by's default sort out.
    assert.equal((await viewer.params()).get('sort'), by === 'from' ? null : '-recommendations');
    const down = await numbers(viewer, 'recommendations');
    assert.ok(descending(down), down.join(' '));
    // Another column is then unsorted.
    assert.equal(await viewer.tableSortState('accepted'), 'none');
    await page.close();
  });
}

test('the whole table keeps its header in view and has only a window of rows in the DOM', async () => {
  const { page, viewer } = await openTable('?view=table');
  assert.equal(await viewer.tableRowCount(), texts.reviews.length);
  const rendered = await viewer.table().locator('[data-testid=table-row]').count();
  assert.ok(rendered > 10 && rendered < 100, `${rendered} rows in the DOM`);
  const scroller = viewer.table().locator('.table-scroll');
  await scroller.evaluate((e) => { e.scrollTop = 4000; });
  // The rows follow the scroll: the rendered ones now start further down.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=table-row]')?.getAttribute('aria-rowindex')) > 100);
  const [header, box] = await Promise.all([
    viewer.table().locator('thead th').first().boundingBox(),
    scroller.boundingBox(),
  ]);
  assert.ok(Math.abs(header.y - box.y) <= 2, `header at ${header.y}, scroll box at ${box.y}`);
  assert.ok(await viewer.table().locator('[data-testid=table-row]').count() < 100);
  // At the very bottom the last row is there.
  await scroller.evaluate((e) => { e.scrollTop = e.scrollHeight; });
  const last = viewer.table().locator(`[data-testid=table-row][aria-rowindex="${texts.reviews.length + 1}"]`);
  await last.waitFor();
  await page.close();
});

test('a review row links to its card, and opens it in place', async () => {
  const { page, viewer } = await openTable('?view=table&sur=Kazakhstan');
  const row = viewer.table().locator('[data-testid=table-row][data-review="kazakhstan-s7"]');
  const link = row.locator('a');
  assert.match(await link.getAttribute('href'), /review=kazakhstan-s7/);
  await link.click();
  await page.waitForSelector('[data-testid=review-detail][data-review="kazakhstan-s7"]');
  assert.equal((await viewer.params()).get('review'), 'kazakhstan-s7');
  assert.equal((await viewer.params()).get('view'), 'table');
  await page.close();
});

test('the downloaded CSV is the table as shown', async () => {
  const { page, viewer } = await openTable('?theme=Death+penalty&region=EEG&view=table&by=state&sort=-accepted');
  const total = await viewer.tableRowCount();
  const rows = await viewer.tableRows();
  assert.ok(total > 3 && rows.length === total, `${rows.length} of ${total} rows in the DOM`);
  const [download] = await Promise.all([page.waitForEvent('download'), viewer.table().locator('[data-testid=export-table]').click()]);
  const records = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(records[0], await viewer.tableHeadings());
  assert.deepEqual(records.slice(1), rows);
  await page.close();
});
