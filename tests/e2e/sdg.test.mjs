// Sessions 21-27, SDG goals and groups of persons (issues 13 and 34),
// driven in headless Chromium. Expected numbers come from the bundled JSON files,
// read here without the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedSite } from './support.mjs';
import { untilEveryRowDrawn } from './viewer-page.mjs';

const read = (name) => JSON.parse(fs.readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
const overview = read('overview.json');
const texts = read('recommendations.json');
const sessionOf = new Map(overview.reviews.map((r) => [r.id, r.session]));
/** The goals or action categories (numbered from 1) a review's counts by position give recommendations to. */
const counted = (counts = []) => counts.flatMap((n, i) => (n > 0 ? [i + 1] : []));
const personId = new Map(overview.persons.map((p) => [p.label, p.id]));
const rows = texts.reviews.flatMap((review) =>
  review.recommendations.map((r) => ({ ...r, review: review.id, session: sessionOf.get(review.id) })));

/** Matching reviews and passing recommendations for a predicate. */
function expected(passes) {
  const passing = rows.filter(passes);
  return { reviews: new Set(passing.map((r) => r.review)).size, recommendations: passing.length };
}

// Headless Chromium and dist/ served under /upr/, for every test here.
const site = servedSite();

const openViewer = site.openViewer;

test('session 26 shows its 11 reviews', async () => {
  const inSession = overview.reviews.filter((r) => r.session === 26).map((r) => r.id).sort();
  assert.equal(inSession.length, 11, 'the source has 11 reviews in session 26');
  const { page, viewer } = await openViewer('?session=26');
  assert.equal((await viewer.summary()).reviews, 11);
  const shown = await viewer.cards().evaluateAll((cards) => cards.map((c) => c.dataset.review));
  assert.deepEqual(shown.sort(), inSession);
  await page.close();
});

test('a State whose second review is in sessions 21-26 is compared by theme', async () => {
  const byState = new Map();
  for (const r of overview.reviews) byState.set(r.state, [...(byState.get(r.state) ?? []), r]);
  const [state, reviews] = [...byState].find(([, rs]) => rs.length === 2 && rs.some((r) => r.session >= 21));
  const { page } = await openViewer(`?compare=${state}`);
  const columns = page.locator('[data-testid=compare] .compare-column');
  await columns.first().waitFor();
  const shown = await columns.evaluateAll((cs) => cs.map((c) => c.dataset.review));
  assert.deepEqual(shown.sort(), reviews.map((r) => r.id).sort());
  // UPR Info's export of 2018 classifies the later review by theme: the
  // themes raised only in it, under their current labels.
  const label = new Map(overview.themes.map((t) => [t.id, t.label]));
  const [earlier, later] = [...reviews].sort((a, b) => a.session - b.session).map((r) => r.id);
  const themes = (id) => new Set(rows.filter((r) => r.review === id).flatMap((r) => r.themes));
  const gained = [...themes(later)].filter((t) => !themes(earlier).has(t)).map((t) => label.get(t)).sort();
  await page.locator('[data-testid=acceptance-per-theme] tbody tr').first().waitFor();
  const listed = gained.length === 0 ? [] : await page.locator('[data-testid=themes-gained] li').allTextContents();
  assert.deepEqual(listed.sort(), gained);
  assert.equal(await page.locator('[data-testid=themes-not-comparable]').count(), 0, 'compared by theme, not by goal');
  await page.close();
});

test('goals and groups of persons select the same recommendations as the source', async () => {
  const disabilities = personId.get('Persons with disabilities');
  const { page, viewer } = await openViewer('?sdg=5');
  assert.deepEqual(await viewer.summary(), expected((r) => r.sdg_goals?.includes(5)));
  // The option's count says beforehand what choosing it gives.
  const want = expected((r) => r.sdg_goals?.includes(5) && r.persons?.includes(disabilities));
  assert.equal(await viewer.optionCount('persons', 'Persons with disabilities'), want.recommendations);
  assert.deepEqual(await viewer.toggleOption('persons', 'Persons with disabilities'), want);
  assert.deepEqual((await viewer.params()).getAll('persons'), ['Persons with disabilities']);
  // A second goal widens the selection: any of them.
  const either = expected((r) => (r.sdg_goals?.includes(5) || r.sdg_goals?.includes(16)) && r.persons?.includes(disabilities));
  assert.deepEqual(await viewer.toggleOption('sdg', '16'), either);
  assert.deepEqual((await viewer.params()).getAll('sdg'), ['5', '16']);
  await page.close();
});

test('a recommendation shows its goals and links to its document', async () => {
  const row = rows.find((r) => r.session === 25 && r.document && r.paragraph && r.sdg_goals?.length);
  const { page, viewer } = await openViewer(`?review=${row.review}&q=${encodeURIComponent(row.text.slice(0, 60))}`);
  const item = viewer.recommendations().filter({ hasText: row.text.slice(0, 60) }).first();
  const link = item.getByRole('link');
  assert.equal(await link.getAttribute('href'), `https://undocs.org/${row.document}`);
  assert.equal(await link.textContent(), `${row.document}, para. ${row.paragraph}`);
  // In the reader's own tab: no window of ours for the document's site to reach.
  assert.equal(await link.getAttribute('target'), null);
  const goals = (await item.locator('li.sdg > strong').allTextContents()).map(Number);
  assert.deepEqual(goals, [...row.sdg_goals].sort((a, b) => a - b));
  await page.close();
});

test('an ambiguous target is shown as uncertain', async () => {
  const row = rows.find((r) => r.sdg_targets?.some((t) => t.includes('|')));
  const target = row.sdg_targets.find((t) => t.includes('|'));
  const { page, viewer } = await openViewer(`?review=${row.review}&q=${encodeURIComponent(row.text.slice(0, 60))}`);
  const item = viewer.recommendations().filter({ hasText: row.text.slice(0, 60) }).first();
  const shown = await item.locator('li.target').allTextContents();
  assert.ok(shown.includes(`Target ${target.split('|').join(' or ')}?`), `${target} among ${shown}`);
  await page.close();
});

test('a card of session 27 says it is not classified by theme, and groups by action category', async () => {
  const review = overview.reviews.find((r) => r.session === 27);
  assert.equal(review.themes_classified, false, 'UPR Info has no themes for session 27 yet');
  assert.equal(review.sdg_classified, false, 'the Explorer has no session 27');
  const { page, viewer } = await openViewer(`?session=${review.session}`);
  assert.match(await viewer.card(review.id).locator('[data-testid=not-classified]').textContent(), /not classified by theme/);
  assert.equal(await viewer.card(review.id).locator('ul.themes').count(), 0, 'no empty list of main themes or goals');
  assert.match(await page.locator('[data-testid=theme-coverage]').textContent(), /cover sessions 1–26/);
  assert.match(await page.locator('[data-testid=sdg-coverage]').textContent(), /cover sessions 1–26/);
  assert.equal(await page.locator('[data-testid=action-coverage]').count(), 0, 'every session has action categories');
  await viewer.openCard(review.id);
  assert.match(await viewer.detail().locator('[data-testid=not-classified]').textContent(), /does not classify .* by themes/);
  // Grouped by theme or goal, every recommendation would fall in one
  // group: the card groups by action category instead.
  await untilEveryRowDrawn(page, review.recommendations);
  const groups = await viewer.groupHeadings().allTextContents();
  const actions = counted(review.actions);
  assert.deepEqual(groups.filter((h) => /^\d+\./.test(h)).map((h) => Number(h.split('.')[0])), actions);
  assert.equal(await viewer.detail().locator('input[name=group]').first().isDisabled(), true);
  await page.close();
});

test('the theme panel says which themes exist for some sessions only, and old theme links still work', async () => {
  const { page, viewer } = await openViewer('?theme=NHRI');
  await viewer.waitForTexts();
  const note = (label) => viewer.themeOption(label).locator('[data-testid=option-sessions]').textContent();
  assert.equal(await note('National plan of action'), ' (sessions 1–20 only)');
  for (const label of ['Privacy', 'Business and human rights', 'Statelessness and the right to nationality']) {
    assert.equal(await note(label), ' (sessions 21–27 only)', label);
  }
  assert.equal(await viewer.themeOption('Death penalty').locator('[data-testid=option-sessions]').count(), 0);
  // `NHRI`, the label of sessions 1-20, is the theme now called `National
  // Human Rights Institution`, in both exports' sessions.
  const id = overview.themes.find((t) => t.former_labels?.includes('NHRI')).id;
  const want = expected((r) => r.themes.includes(id));
  assert.ok(new Set(rows.filter((r) => r.themes.includes(id)).map((r) => r.session)).has(23));
  assert.deepEqual(await viewer.summary(), want);
  assert.equal(await viewer.themeOption('National Human Rights Institution').locator('input').isChecked(), true);
  assert.equal(await page.locator('[data-testid=query-warnings]').count(), 0, 'the old label is no unusable parameter');
  await page.goto(site.server.url('/upr/') + '?lang=fr');
  await viewer.waitForLanguage('fr');
  assert.equal(await note('National plan of action'), ' (sessions 1–20 uniquement)');
  await page.close();
});

test('a recommending State is named as it was at the review', async () => {
  const turkish = rows.find((r) => r.from === 'turkey' && r.session >= 21 && r.session <= 26);
  const { page, viewer } = await openViewer(`?review=${turkish.review}&q=${encodeURIComponent(turkish.text.slice(0, 60))}`);
  // Others may have made the same recommendation: their names too.
  await viewer.recommendations().first().waitFor();
  const names = await viewer.recommendations().filter({ hasText: turkish.text.slice(0, 60) })
    .evaluateAll((items) => items.map((i) => i.querySelector('.meta span').textContent));
  assert.ok(names.includes('Turkey'), `${names}`);
  assert.ok(!names.some((n) => n.includes('Türkiye')), `${names}`);
  await page.close();
});

test('the open card groups by goal, and the charts count per goal and group', async () => {
  const review = overview.reviews.find((r) => r.session === 25);
  const { page, viewer } = await openViewer(`?review=${review.id}&group=sdg`);
  await untilEveryRowDrawn(page, review.recommendations);
  const headings = await viewer.groupHeadings().allTextContents();
  const goals = counted(review.sdg_goals);
  assert.deepEqual(headings.filter((h) => /^\d+\./.test(h)).map((h) => Number(h.split('.')[0])), goals);
  await page.goto(site.server.url('/upr/') + '?view=charts&session=25');
  await viewer.waitForTexts();
  const bar = page.locator('[data-testid="sdg:16"]');
  const want = expected((r) => r.session === 25 && r.sdg_goals?.includes(16));
  assert.equal(Number(await bar.getAttribute('data-total')), want.recommendations);
  assert.ok(await page.locator('[data-testid=persons-chart]').isVisible());
  assert.ok(await page.locator('[data-testid^="theme:"]').count() > 0, 'session 25 has UPR Info themes');
  await bar.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sdg') === '16');
  assert.deepEqual(await viewer.summary(), want);
  await page.close();
});

test('filtering by UPR Info action category, with the count beside each', async () => {
  const { page, viewer } = await openViewer('?session=20');
  const specific = expected((r) => r.session === 20 && r.action === 5);
  assert.equal(await viewer.optionCount('action', '5'), specific.recommendations);
  assert.deepEqual(await viewer.toggleOption('action', '5'), specific);
  assert.deepEqual((await viewer.params()).getAll('action'), ['5']);
  // A second category widens the selection: any of them.
  const either = expected((r) => r.session === 20 && (r.action === 4 || r.action === 5));
  assert.deepEqual(await viewer.toggleOption('action', '4'), either);
  assert.deepEqual((await viewer.params()).getAll('action'), ['4', '5']);
  // The chart draws the categories in their order, 1 minimal to 5 specific.
  await page.goto(site.server.url('/upr/') + '?view=charts&session=20');
  await viewer.waitForTexts();
  const bars = await page.locator('[data-testid^="action:"]').evaluateAll((b) => b.map((e) => e.dataset.testid));
  assert.ok(bars.length >= 2, 'session 20 has several categories');
  assert.deepEqual(bars, [...bars].sort());
  await page.close();
});

test("with a recommending State chosen, its profile stands above the cards", async () => {
  const reviewState = new Map(overview.reviews.map((r) => [r.id, r.state]));
  const mine = rows.filter((r) => r.from === 'france' && r.session >= 13 && r.session <= 26);
  const states = new Set(mine.map((r) => reviewState.get(r.review)));
  const reviews = new Set(mine.map((r) => r.review));
  const accepted = mine.filter((r) => r.response === 'accepted').length;
  const { page } = await openViewer('?from=France&cycle=2');
  const summary = await page.locator('[data-testid=profile-summary]').textContent();
  const number = (n) => n.toLocaleString('en-GB');
  assert.match(summary, new RegExp(`made ${number(mine.length)} recommendations to ${states.size} States in ${reviews.size} reviews`));
  assert.match(summary, new RegExp(`accepted ${number(accepted)} \\(`));
  assert.equal(await page.locator('[data-testid=profile-recipients] li').count(), Math.min(5, states.size));
  // Profile first, cards after it.
  const order = await page.evaluate(() => {
    const profile = document.querySelector('[data-testid=recommender-profile]');
    const card = document.querySelector('[data-review]');
    return profile.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the profile comes before the cards');
  await page.close();
});
