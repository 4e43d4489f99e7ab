// The search syntax end to end: a person types each form into the box and
// sees as many recommendations as this test counts in the bundled data
// with its own scan; the open card marks what was searched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedSite, watchErrors } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

// The bundled data the build packs: dist/ holds no recommendations.json.
const data = (name) => JSON.parse(fs.readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
const overview = data('overview.json');
const texts = data('recommendations.json');

/** Lower case, the accents this test needs, white space runs as one space. */
function fold(text) {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replaceAll('\u2019', "'").replace(/\s+/g, ' ');
}

/** Whether `needle` occurs in `hay` where a word begins. */
function hasWordPrefix(hay, needle) {
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(hay[at - 1])) return true;
  }
  return false;
}

const names = new Map(overview.states.map((s) => [s.id, [s.name, ...(s.former_names ?? []).map((f) => f.name)].map(fold)]));
const stateOf = new Map(overview.reviews.map((r) => [r.id, r.state]));
// Per recommendation: its folded text and the names of both States.
const rows = texts.reviews.flatMap((review) => review.recommendations.map((r) => ({
  review: review.id,
  text: fold(r.text),
  fields: [fold(r.text), ...names.get(stateOf.get(review.id)), ...(r.from ? names.get(r.from) : [])],
})));

function count(predicate) {
  return rows.filter((r) => predicate((needle) => r.fields.some((f) => hasWordPrefix(f, needle)))).length;
}

// Headless Chromium and dist/ served under /upr/, for every test here.
const site = servedSite();

async function openViewer(query = '') {
  const page = await site.browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/upr/') + query);
  await viewer.waitForTexts();
  return { page, viewer, errors };
}

test('each form of the search syntax finds what the data holds', async () => {
  const { page, viewer, errors } = await openViewer();
  const forms = [
    ['tortur', count((has) => has('tortur'))],
    ['"death penalty"', count((has) => has('death penalty'))],
    ['torture OR detention', count((has) => has('torture') || has('detention'))],
    ['torture -detention', count((has) => has('torture') && !has('detention'))],
    ['detention torture', count((has) => has('torture') && has('detention'))],
  ];
  for (const [typed, want] of forms) {
    assert.ok(want > 0, typed);
    const found = await viewer.search(typed);
    assert.equal(found.recommendations, want, typed);
  }
  assert.equal(await page.locator('[data-testid=query-warnings]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('cote finds Côte d\'Ivoire and every recommendation of its reviews', async () => {
  const { page, viewer } = await openViewer();
  const found = await viewer.search('cote');
  assert.equal(found.recommendations, count((has) => has('cote')));
  await page.close();
  const { page: reviews, viewer: narrowed } = await openViewer('?q=cote&sur=cote-d-ivoire');
  const held = overview.reviews.filter((r) => r.state === 'cote-d-ivoire');
  assert.deepEqual(await narrowed.summary(), {
    reviews: held.length,
    recommendations: held.reduce((sum, r) => sum + r.recommendations, 0),
  });
  await reviews.close();
});

test('the open card marks the searched terms, not the excluded ones', async () => {
  const review = rows.find((r) => hasWordPrefix(r.text, 'tortur') && hasWordPrefix(r.text, 'prison')).review;
  const { page, viewer } = await openViewer(`?review=${review}&q=${encodeURIComponent('tortur OR prison -zzzz')}`);
  await viewer.recommendations().locator('mark').first().waitFor();
  const marked = await viewer.recommendations().locator('mark').allTextContents();
  assert.ok(marked.some((m) => fold(m) === 'tortur'), marked.join());
  assert.ok(marked.some((m) => fold(m) === 'prison'), marked.join());
  assert.ok(marked.every((m) => ['tortur', 'prison'].includes(fold(m))), marked.join());
  // Every passing recommendation shows at least one mark.
  const shown = await viewer.recommendations().count();
  const withMark = await viewer.recommendations().filter({ has: page.locator('mark') }).count();
  assert.equal(withMark, shown);
  // An excluded term is never marked.
  const { page: other, viewer: second } = await openViewer(`?review=${review}&q=${encodeURIComponent('tortur -prison')}`);
  await second.recommendations().locator('mark').first().waitFor();
  const marks = await second.recommendations().locator('mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => fold(m) === 'tortur'), marks.join());
  await page.close();
  await other.close();
});

test('a query that cannot be parsed is searched as plain words and the page says so', async () => {
  const { page, viewer } = await openViewer();
  const found = await viewer.search('"death penalty');
  assert.equal(found.recommendations, count((has) => has('death') && has('penalty')));
  const notice = page.locator('[data-testid=query-warnings]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /quote is not closed/);
  await page.close();
});

test('the syntax help opens next to the search box', async () => {
  const { page } = await openViewer();
  const help = page.locator('[data-testid=search-help]');
  await help.locator('summary').click();
  for (const form of ['"death penalty"', 'torture OR detention', '-journalists']) {
    assert.ok(await help.getByText(form, { exact: true }).isVisible(), form);
  }
  await page.close();
});

test('a State found by name is marked in its cards, in the table and where it recommends', async () => {
  // Côte d'Ivoire's two reviews: the search reads State names, so each card
  // title marks the word typed, with its accent as written.
  const { page, viewer } = await openViewer('?q=cote&sur=cote-d-ivoire');
  const titles = viewer.cards().locator('h3 mark');
  await titles.first().waitFor();
  assert.deepEqual(await titles.allTextContents(), overview.reviews.filter((r) => r.state === 'cote-d-ivoire').map(() => 'Côte'));
  await page.close();

  // The table, one row per recommending State: Côte d'Ivoire's row marks
  // it; other rows are there for their texts and mark nothing in the name.
  const { page: tablePage, viewer: table } = await openViewer('?q=cote&view=table&by=from');
  await table.waitForTable();
  const marked = await table.table().locator('[data-testid=table-row] td mark').allTextContents();
  assert.ok(marked.length > 0 && marked.every((m) => m === 'Côte'), marked.join());
  const markedRows = await table.table().locator('[data-testid=table-row]:has(td mark)').evaluateAll((rows) => rows.map((r) => r.cells[0].textContent));
  assert.ok(markedRows.every((name) => fold(name).startsWith('cote d')), markedRows.join());
  await tablePage.close();

  // In an open card, the recommending State named by the search.
  const review = texts.reviews.find((r) => r.recommendations.some((x) => x.from === 'cote-d-ivoire') && stateOf.get(r.id) !== 'cote-d-ivoire').id;
  const { page: openPage, viewer: open } = await openViewer(`?review=${review}&q=cote`);
  const meta = open.recommendations().locator('.meta mark');
  await meta.first().waitFor();
  assert.ok((await meta.allTextContents()).every((m) => m === 'Côte'));
  await openPage.close();
});
