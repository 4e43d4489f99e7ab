// The viewer as a person uses it: a page-object layer, so that tests read
// as what someone does, not as selectors.
import assert from 'node:assert/strict';

// An open card's recommendations and their groups, found by the classes
// that lay them out: a page has hundreds of rows, and a test id on each
// would be bytes for every reader.
export const RECOMMENDATION = '.recommendation-list > li';
export const RECOMMENDATION_GROUP = 'section.group';

export class ViewerPage {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    return this;
  }

  /** Waits until cards (or the empty message) are on screen. */
  async waitForResults() {
    await this.page.waitForSelector('[data-testid=result-summary]');
    await this.cardsDrawn();
    return this;
  }

  /** Waits until the list has every card of the page: after a change, the
   *  cards below the first screen follow once it has been painted
   *  (`aria-busy` meanwhile). */
  async cardsDrawn() {
    await this.page.waitForFunction(() => !document.querySelector('ol.cards[aria-busy]'));
    return this;
  }

  /** Waits until the full texts are in, so counts are final. */
  async waitForTexts() {
    await this.waitForResults();
    // Every review's texts: asked for by the view, or fetched once the
    // page is idle on a fast connection (a headless browser on loopback).
    await this.page.waitForSelector('[data-testid=upr-viewer][data-texts=ready]', { timeout: 30000 });
    await this.page.waitForSelector('[data-testid=texts-progress]', { state: 'detached', timeout: 30000 });
    await this.cardsDrawn();
    return this;
  }

  /** Asks for every review's texts, as a download does (they come when
   *  something needs them, or once the page is idle on a fast connection). */
  async askForTexts(scope = '') {
    await this.page.locator(`${scope}[data-testid=export-csv]`).click();
  }

  async summary() {
    const el = this.page.locator('[data-testid=result-summary]');
    return {
      reviews: Number(await el.getAttribute('data-reviews')),
      recommendations: Number(await el.getAttribute('data-recommendations')),
    };
  }

  /** Runs an action and waits for the results summary to change. */
  async changing(action) {
    const before = await this.page.locator('[data-testid=result-summary]').evaluate((e) => e.outerHTML);
    await action();
    await this.page.waitForFunction(
      (old) => document.querySelector('[data-testid=result-summary]')?.outerHTML !== old,
      before,
    );
    await this.cardsDrawn();
    return this.summary();
  }

  themeOption(label) {
    const quoted = label.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
    return this.page.locator(`[data-testid=theme-option][data-theme="${quoted}"]`);
  }

  async themeCount(label) {
    return Number(await this.themeOption(label).getAttribute('data-count'));
  }

  async toggleTheme(label) {
    return this.changing(() => this.themeOption(label).locator('input').click());
  }

  /** An option of a facet's filter list: `option('sdg', '5')`, `option('persons', 'Children')`. */
  option(parameter, value) {
    const quoted = value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
    return this.page.locator(`[data-testid=${parameter}-option][data-value="${quoted}"]`);
  }

  async optionCount(parameter, value) {
    return Number(await this.option(parameter, value).getAttribute('data-count'));
  }

  async toggleOption(parameter, value) {
    return this.changing(() => this.option(parameter, value).locator('input').click());
  }

  async moveStatesMin(value) {
    return this.changing(() => this.setRange('states-min', value));
  }

  async setRange(testid, value) {
    await this.page.locator(`[data-testid=${testid}]`).evaluate((input, v) => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  async search(text) {
    return this.changing(() => this.page.locator('[data-testid=search]').fill(text));
  }

  cards() {
    return this.page.locator('[data-testid=review-card]');
  }

  card(id) {
    return this.page.locator(`[data-testid=review-card][data-review="${id}"]`);
  }

  async openCard(id) {
    await this.card(id).locator('h3 a').click();
    await this.page.waitForSelector(`[data-testid=review-detail][data-review="${id}"]`);
  }

  detail() {
    return this.page.locator('[data-testid=review-detail]');
  }

  /** The open card's recommendations, as drawn so far. */
  recommendations() {
    return this.detail().locator(RECOMMENDATION);
  }

  /** The headings of the open card's groups of recommendations. */
  groupHeadings() {
    return this.detail().locator(`${RECOMMENDATION_GROUP} h4`);
  }

  /** Waits until the table view shows its rows. */
  async waitForTable() {
    await this.waitForTexts();
    await this.page.locator('[data-testid=data-table]').waitFor();
    return this;
  }

  table() {
    return this.page.locator('[data-testid=data-table]');
  }

  /** The column headings, as read (without the sort arrow). */
  async tableHeadings() {
    return this.table().locator('thead th button').evaluateAll((buttons) =>
      buttons.map((b) => b.firstChild.textContent));
  }

  /** The cells of the rows now in the DOM, top to bottom. */
  async tableRows() {
    return this.table().locator('[data-testid=table-row]').evaluateAll((rows) =>
      rows.map((r) => [...r.cells].map((c) => c.textContent)));
  }

  /** How many rows the table has, rendered or not. */
  async tableRowCount() {
    return Number(await this.table().locator('table').getAttribute('aria-rowcount')) - 1;
  }

  /** Sorts by a column from the keyboard: focus its header button, press a key. */
  async sortTableWithKey(key, pressed = 'Enter') {
    const header = this.table().locator(`[data-testid=sort-${key}]`);
    const before = this.page.url();
    await header.focus();
    await header.press(pressed);
    await this.page.waitForFunction((old) => location.href !== old, before);
  }

  async tableSortState(key) {
    return this.table().locator(`th:has([data-testid=sort-${key}])`).getAttribute('aria-sort');
  }

  /** The language the page is shown in: `<html lang dir>` and the viewer's root. */
  async language() {
    return this.page.evaluate(() => {
      const root = document.querySelector('[data-testid=upr-viewer]');
      return { lang: document.documentElement.lang, dir: document.documentElement.dir, rootLang: root?.lang, rootDir: root?.dir };
    });
  }

  /** Waits until the page is shown in `code` (its messages fetched). */
  async waitForLanguage(code) {
    await this.page.waitForFunction((c) => document.documentElement.lang === c, code);
    return this;
  }

  /** Picks a language in the header's switch and waits for it. */
  async chooseLanguage(code) {
    await this.page.selectOption('[data-testid=language]', code);
    return this.waitForLanguage(code);
  }

  /** The address bar's query, once the viewer has written it: it writes
   *  after the page has painted the change (an animation frame, then a
   *  task), so this waits for the same. */
  async params() {
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    return new URL(this.page.url()).searchParams;
  }
}

/** In the page: each group's heading count beside the rows it holds and
 *  those it says are written out under other groups. Run from its source
 *  in the page, so the selectors (RECOMMENDATION_GROUP, RECOMMENDATION)
 *  are written out. */
export function groupRows() {
  return [...document.querySelectorAll('section.group')].map((group) => ({
    said: Number(group.querySelector('h4').textContent.match(/\((\d+)\)$/)[1]),
    drawn: group.querySelectorAll('.recommendation-list > li').length,
    elsewhere: Number(group.querySelector('.elsewhere')?.textContent.match(/\d+/)[0] ?? 0),
  }));
}

export const everyRowDrawn = (groups, reviewTotal) =>
  groups.length > 0 && groups.every((g) => g.drawn + g.elsewhere === g.said) && groups.reduce((n, g) => n + g.drawn, 0) >= reviewTotal;

/** Waits (10 s at most) until the open card has every row drawn. */
export async function untilEveryRowDrawn(page, reviewTotal) {
  let groups = [];
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await page.waitForTimeout(50)) {
    groups = await page.evaluate(groupRows);
    if (everyRowDrawn(groups, reviewTotal)) return;
  }
  assert.fail(`rows still missing: ${JSON.stringify(groups)}`);
}
