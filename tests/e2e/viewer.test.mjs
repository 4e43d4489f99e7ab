// The viewer page end to end: the built release served from a subpath,
// driven in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage, groupRows, everyRowDrawn, untilEveryRowDrawn } from './viewer-page.mjs';

let browser;
let server;
const broken = {
  missing: tempFolder({}),
  invalid: tempFolder({ 'overview.json': '{"schema_version": 1, "reviews": [' }),
};

before(async () => {
  browser = await launchBrowser();
  // The site under a subpath, and the same site with its data replaced.
  server = await startServer({
    '/upr/v1/': DIST,
    '/missing/': DIST,
    '/missing/data/': broken.missing,
    '/invalid/': DIST,
    '/invalid/data/': broken.invalid,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openViewer(query = '') {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open(server.url('/upr/v1/') + query);
  return { page, viewer, errors };
}

test('the first cards come before the full texts, then every review is counted', async () => {
  const { page, viewer, errors } = await openViewer();
  await viewer.waitForResults();
  assert.ok(await viewer.cards().count() > 0, 'cards are shown');
  assert.ok(await viewer.cards().count() <= 24, 'only one page of cards is in the DOM');
  await viewer.waitForTexts();
  const { reviews, recommendations } = await viewer.summary();
  assert.equal(reviews, 305 + 81 + 14);
  assert.equal(recommendations, 41066 + 16620 + 3328);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a filter redraws the cards on screen at once and the rest of the page right after', async () => {
  const { page, viewer, errors } = await openViewer();
  await viewer.waitForTexts();
  // In the step that changes the result line, the page records which
  // cards the list holds, which of them are on screen, and whether the
  // list says more are coming.
  await page.evaluate(() => {
    const summary = () => document.querySelector('[data-testid=result-summary]').outerHTML;
    const before = summary();
    new MutationObserver((_, observer) => {
      if (summary() === before) return;
      observer.disconnect();
      const list = document.querySelector('ol.cards');
      const cards = [...list.querySelectorAll('[data-testid=review-card]')];
      window.__inStep = {
        busy: list.getAttribute('aria-busy'),
        cards: cards.map((c) => c.dataset.review),
        onScreen: cards.filter((c) => c.getBoundingClientRect().top < innerHeight).length,
      };
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await viewer.toggleTheme('Death penalty');
  const inStep = await page.evaluate(() => window.__inStep);
  const shown = await viewer.cards().evaluateAll((cards) => cards.map((c) => c.dataset.review));
  // The same selection loaded afresh: the cards the filter must end with.
  const { page: fresh, viewer: direct } = await openViewer('?theme=Death+penalty');
  await direct.waitForTexts();
  const expected = await direct.cards().evaluateAll((cards) => cards.map((c) => c.dataset.review));
  assert.equal(expected.length, 24, 'a full page of cards');
  assert.deepEqual(shown, expected, 'once painted, every card of the page is of the new selection');
  assert.ok(inStep.onScreen >= 2 && inStep.onScreen < 24, `some cards on screen, not all (${inStep.onScreen})`);
  assert.deepEqual(inStep.cards.slice(0, inStep.onScreen), expected.slice(0, inStep.onScreen), 'the cards on screen are redrawn in the step itself');
  assert.equal(inStep.busy, 'true', 'the list says that more cards are coming');
  assert.notDeepEqual(inStep.cards, expected, 'the cards below the screen came after the step');
  assert.equal(await page.locator('ol.cards[aria-busy]').count(), 0, 'and then it is no longer busy');
  assert.deepEqual(errors, []);
  await fresh.close();
  await page.close();
});

const BROKEN = [
  ['a missing data file shows an error that names it', '/missing/', /overview\.json.*404/],
  ['invalid JSON shows an error that says so', '/invalid/', /overview\.json is not a valid dataset file/],
];
for (const [name, prefix, message] of BROKEN) {
  test(name, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(prefix));
    const error = page.locator('[data-testid=load-error]');
    await error.waitFor();
    assert.match(await error.textContent(), message);
    assert.equal(await page.locator('[data-testid=review-card]').count(), 0);
    await page.close();
  });
}

test('themes narrow the cards, match the count beside them, and live in the address bar', async () => {
  const { page, viewer } = await openViewer();
  await viewer.waitForTexts();
  const deathPenalty = await viewer.themeCount('Death penalty');
  const one = await viewer.toggleTheme('Death penalty');
  assert.equal(one.recommendations, deathPenalty, 'the summary agrees with the count beside the option');
  assert.ok(one.reviews < 305 + 81 + 14 && one.reviews > 0);
  assert.deepEqual((await viewer.params()).getAll('theme'), ['Death penalty']);

  const torture = await viewer.themeCount('Torture and other CID treatment');
  const either = await viewer.toggleTheme('Torture and other CID treatment');
  assert.ok(either.reviews >= one.reviews && either.recommendations <= deathPenalty + torture);

  const both = await viewer.changing(() => page.locator('input[name=match][value=all]').check());
  assert.ok(both.reviews < either.reviews, 'all themes is stricter than any');
  assert.equal((await viewer.params()).get('match'), 'all');

  await page.reload();
  await viewer.waitForTexts();
  assert.deepEqual(await viewer.summary(), both, 'a reload keeps the view');
  assert.ok(await viewer.themeOption('Death penalty').locator('input').isChecked());

  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('match=all'));
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-summary]').dataset.reviews === String(n), either.reviews);
  assert.deepEqual(await viewer.summary(), either, 'back undoes the last choice');
  await page.close();
});

test('the participating-States range and a text search narrow the cards', async () => {
  const { page, viewer } = await openViewer();
  await viewer.waitForTexts();
  const ranged = await viewer.moveStatesMin(60);
  assert.ok(ranged.reviews > 0 && ranged.reviews < 305 + 81 + 14);
  assert.equal((await viewer.params()).get('states_min'), '60');
  for (const text of await page.locator('[data-testid=participation]').allTextContents()) {
    assert.ok(Number(text.match(/^(\d+)/)[1]) >= 60, text);
  }
  const searched = await viewer.search('death penalty');
  assert.ok(searched.recommendations > 0 && searched.recommendations < ranged.recommendations);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'death penalty');
  await page.close();
});

test('opening a card shows the whole review; its link and Back work', async () => {
  const { page, viewer } = await openViewer('?sur=Kazakhstan');
  await viewer.waitForTexts();
  assert.equal((await viewer.summary()).reviews, 2);
  await viewer.openCard('kazakhstan-s7');
  assert.equal((await viewer.params()).get('review'), 'kazakhstan-s7');
  // Keyboard and screen-reader users land on the card's title (focused in
  // the frame after the card is built).
  await page.waitForFunction(() => document.activeElement?.id === 'review-title', null, { timeout: 5000 })
    .catch(async () => assert.fail(`focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`));
  const detail = viewer.detail();
  assert.match(await detail.locator('[data-testid=delegation]').textContent(), /Yerbol Orynbayev/);
  assert.match(await detail.locator('[data-testid=media-summary-count]').textContent(), /25 member and 29 observer/);
  assert.equal(await detail.locator('[data-testid=recommendation-count]').textContent(), 'All 129 recommendations');
  assert.equal(await detail.locator('[data-testid=permalink]').getAttribute('href'), '?review=kazakhstan-s7');

  await page.goBack();
  await page.waitForSelector('[data-testid=review-card][data-review="kazakhstan-s7"]');
  assert.equal((await viewer.params()).get('review'), null);
  // The focus goes back to the card's link, where the person left the list.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=review-card]')?.dataset.review === 'kazakhstan-s7', null, { timeout: 5000 })
    .catch(async () => assert.fail(`focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`));
  await page.close();
});

test('the largest card opened in the viewer ends with every recommendation drawn', async () => {
  const { page, viewer, errors } = await openViewer('?sort=-recommendations');
  await viewer.waitForTexts();
  const largest = viewer.cards().first();
  const id = await largest.getAttribute('data-review');
  await viewer.openCard(id);
  const total = Number((await viewer.detail().locator('[data-testid=recommendation-count]').textContent()).match(/(\d+) recommendations/)[1]);
  assert.ok(total > 300, `the largest card has ${total} recommendations`);
  // The rows below the first screen come in later tasks; all of them come.
  await untilEveryRowDrawn(page, total);
  // Another grouping regroups all of them.
  await viewer.detail().locator('.grouping input').last().check();
  await untilEveryRowDrawn(page, total);
  assert.equal((await viewer.params()).get('group'), 'state');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Print right after opening a large card prints every recommendation', async () => {
  const { page, viewer } = await openViewer('?sort=-recommendations');
  await viewer.waitForTexts();
  const printed = await page.evaluate(async (source) => {
    const groupRows = new Function(`return (${source})`)();
    let atPrint = null;
    window.print = () => { atPrint = groupRows(); };
    document.querySelector('[data-testid=review-card] h3 a').click();
    // The card is drawn in a microtask after the click; Print is pressed
    // before the next frame, while rows are still to come.
    for (let i = 0; i < 100 && !document.querySelector('[data-testid=print]'); i++) await Promise.resolve();
    const before = document.querySelectorAll('.recommendation-list > li').length;
    document.querySelector('[data-testid=print]').click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const total = Number(document.querySelector('[data-testid=recommendation-count]').textContent.match(/(\d+) recommendations/)[1]);
    return { before, atPrint, total };
  }, groupRows.toString());
  assert.ok(printed.atPrint, 'Print printed');
  assert.ok(printed.before < printed.total, `rows were still to come when Print was pressed (${printed.before} of ${printed.total})`);
  assert.ok(everyRowDrawn(printed.atPrint, printed.total), JSON.stringify(printed.atPrint));
  await page.close();
});

test('a card filtered by a theme writes its recommendations out under that theme, first', async () => {
  const { page, viewer } = await openViewer('?review=kazakhstan-s7&theme=Torture+and+other+CID+treatment');
  await viewer.waitForTexts();
  const shown = Number((await viewer.detail().locator('[data-testid=recommendation-count]').textContent()).match(/^(\d+) of 129/)[1]);
  await untilEveryRowDrawn(page, shown);
  const [torture, ...others] = await page.evaluate(groupRows);
  assert.match((await viewer.groupHeadings().allTextContents())[0], /^Torture and other CID treatment \(/);
  assert.deepEqual(torture, { said: shown, drawn: shown, elsewhere: 0 }, 'all of them, under the theme asked for');
  assert.ok(others.length > 0 && others.every((g) => g.drawn === 0 && g.elsewhere === g.said), JSON.stringify(others));
  const notes = await viewer.detail().locator('.elsewhere').allTextContents();
  assert.ok(notes.length === others.length && notes.every((n) => / of them written out under: Torture and other CID treatment$/.test(n)), `${notes}`);
  // A row names the other themes it counts under.
  const row = viewer.recommendations().filter({ has: page.locator('.also') }).first();
  assert.match(await row.locator('.also').textContent(), /^Also under: \S/);
  await page.close();
});

test('a shared link opens exactly the same view', async () => {
  const link = '?theme=Torture+and+other+CID+treatment&review=kazakhstan-s7&group=state';
  const { page, viewer } = await openViewer(link);
  await viewer.waitForTexts();
  const shown = await viewer.detail().locator('[data-testid=recommendation-count]').textContent();
  assert.match(shown, /^\d+ of 129 recommendations match the filters$/);
  const groups = await viewer.groupHeadings().allTextContents();
  assert.ok(groups.length > 1 && groups.every((g) => !/^Torture/.test(g)), 'grouped by State, as the link says');
  const again = await openViewer(link);
  await again.viewer.waitForTexts();
  assert.equal(await again.viewer.detail().locator('[data-testid=recommendation-count]').textContent(), shown);
  await page.close();
  await again.page.close();
});

test('a bad link is not an error: what was ignored is said', async () => {
  const { page, viewer, errors } = await openViewer('?states_min=abc&colour=red&theme=Space+law');
  await viewer.waitForTexts();
  const warnings = await page.locator('[data-testid=query-warnings]').textContent();
  assert.match(warnings, /states_min/);
  assert.match(warnings, /colour/);
  assert.match(warnings, /Space law/);
  assert.equal((await viewer.summary()).reviews, 305 + 81 + 14);
  assert.deepEqual(errors, []);
  await page.close();
});
