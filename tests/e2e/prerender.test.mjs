// The prerendered site (src/prerender/): the first screen and every review
// as HTML that reads without JavaScript, hydrated by the app without a
// change, linked page to page under a subpath and from disk, with the
// tags and the picture a shared link shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, startServer, DIST, watchProblems } from './support.mjs';
import { ViewerPage, RECOMMENDATION, groupRows } from './viewer-page.mjs';

const REVIEW = 'kazakhstan-s7';
const overview = JSON.parse(fs.readFileSync(new URL('../../data/overview.json', import.meta.url), 'utf8'));
let browser;
let noScript;
let server;

before(async () => {
  browser = await launchBrowser();
  noScript = await launchBrowser([], { javaScriptEnabled: false });
  server = await startServer({ '/upr/': DIST });
});

after(async () => {
  await browser?.close();
  await noScript?.close();
  await server?.close();
});

const site = (file = '') => server.url('/upr/') + file;

test('without JavaScript the home page shows the filters, the result line and the first cards', async () => {
  const page = await noScript.context.newPage();
  await page.goto(site());
  const viewer = new ViewerPage(page);
  assert.ok((await viewer.cards().count()) > 0, 'cards are on the page');
  assert.match(await viewer.cards().first().innerText(), /\S/);
  assert.ok(await page.locator('[data-testid=result-summary]').isVisible(), 'the result line is there');
  assert.ok((await page.locator('#filter-panel input, #filter-panel select').count()) > 0, 'the filters are there');
  assert.match(await page.title(), /Universal Periodic Review/);
  await page.close();
});

test('without JavaScript a review page shows the whole card', async () => {
  const page = await noScript.context.newPage();
  await page.goto(site(`reviews/${REVIEW}.html`));
  assert.equal(await page.title(), 'Kazakhstan — Universal Periodic Review, session 7, February 2010');
  const detail = new ViewerPage(page).detail();
  assert.equal(await detail.getAttribute('data-review'), REVIEW);
  assert.match(await detail.locator('h2').innerText(), /Kazakhstan, session 7/);
  assert.match(await detail.locator('[data-testid=delegation]').innerText(), /head/i, 'the delegation and its head');
  assert.match(await detail.locator('[data-testid=participation-detail]').innerText(), /\d+/, 'who took part');
  const recommendations = detail.locator(RECOMMENDATION);
  const first = await recommendations.first().innerText();
  assert.match(first, /(Accepted|Noted)/i, 'each says how it was answered');
  assert.match(first, /[A-Z][a-z]+/, 'and who made it');
  // Grouped by theme, each recommendation is written out once, however
  // many themes it has; every theme counts all of its own.
  const { recommendations: total } = overview.reviews.find((r) => r.id === REVIEW);
  const rows = await recommendations.allInnerTexts();
  assert.equal(rows.length, total, 'every recommendation of the review');
  assert.equal(new Set(rows).size, rows.length, 'each written out once');
  const groups = await page.evaluate(groupRows);
  assert.ok(groups.every((g) => g.said === g.drawn + g.elsewhere), JSON.stringify(groups));
  assert.ok(groups.reduce((n, g) => n + g.said, 0) > total, 'some have several themes');
  await page.close();
});

/**
 * Opens `url` with JavaScript and returns the page root's markup as the
 * server sent it (read before the code runs) and as it is the moment the
 * app has hydrated it (when yew has taken its markers out), with what only
 * the browser can fill in left out: the printed card's full address.
 */
async function hydrated(url) {
  const page = await browser.context.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    const markup = (root) => {
      const copy = root.cloneNode(true);
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      comments.forEach((c) => c.remove());
      copy.querySelectorAll('.print-only').forEach((p) => { p.textContent = ''; });
      return copy.innerHTML;
    };
    const markers = (root) => document.createTreeWalker(root, NodeFilter.SHOW_COMMENT).nextNode() !== null;
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('upr-viewer-page');
      window.__prerendered = markup(root);
      const observer = new MutationObserver(() => {
        if (markers(root)) return;
        window.__hydrated = markup(root);
        observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__hydrated !== undefined, null, { timeout: 60000 });
  const [before, after] = await page.evaluate(() => [window.__prerendered, window.__hydrated]);
  return { page, problems, before, after };
}

for (const [name, file] of [['the home page', ''], ['a review page', `reviews/${REVIEW}.html`]]) {
  test(`with JavaScript ${name} is hydrated into the same DOM, without a warning`, async () => {
    const { page, problems, before, after } = await hydrated(site(file));
    assert.ok(before.includes('data-testid="upr-viewer"'), 'the page came prerendered');
    // The build's date, which the browser is given apart (the start-up
    // script): the same words in both.
    assert.match(before, /data-testid="published"[^>]*>Published \d{1,2} [A-Z][a-z]+ \d{4}</);
    assert.equal(after, before);
    // Then it is the app: a filter answers.
    const viewer = new ViewerPage(page);
    await viewer.waitForTexts();
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a review page\'s recommendations, taken over a part at a time, all answer a search', async () => {
  const page = await browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site(`reviews/${REVIEW}.html`));
  // The app holds the page once it writes the address; the rows below
  // are still being taken over when the search is typed.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('review') === 'kazakhstan-s7');
  const rows = viewer.recommendations();
  const before = await rows.count();
  await page.locator('[data-testid=search]').fill('torture');
  await page.waitForFunction(([n, row]) => document.querySelectorAll(`[data-testid=review-detail] ${row}`).length < n, [before, RECOMMENDATION]);
  const shown = await rows.count();
  assert.ok(shown > 0, 'some recommendations speak of torture');
  // A row still as the page came would show no mark.
  assert.equal(await rows.filter({ has: page.locator('mark') }).count(), shown);
  await page.close();
});

test('a review page becomes the viewer with its card open, and ?review= links still open a card', async () => {
  const page = await browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site(`reviews/${REVIEW}.html`));
  await viewer.waitForTexts();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('review') === 'kazakhstan-s7');
  // The tab keeps naming the review once the app holds the page; closing
  // the card gives the viewer's own title back.
  assert.match(await page.title(), /^Kazakhstan, session 7 — /);
  await page.locator('[data-testid=close-review]').click();
  await viewer.cards().first().waitFor();
  await page.waitForFunction(() => !document.title.includes('Kazakhstan'));
  await viewer.open(site('?review=kazakhstan-s20'));
  await page.waitForSelector('[data-testid=review-detail][data-review="kazakhstan-s20"]');
  await page.close();
});

/** The site's own links on a page (not the viewer's `?…` views). */
async function siteLinks(page) {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.href]));
  return hrefs.filter(([raw]) => !raw.startsWith('?') && !raw.startsWith('http') && !raw.startsWith('#')).map(([, resolved]) => resolved);
}

test('the pages link to each other under a subpath and from disk', async () => {
  const page = await noScript.context.newPage();
  for (const root of [site(), pathToFileURL(DIST + path.sep).href]) {
    for (const file of ['index.html', `reviews/${REVIEW}.html`, 'states/kazakhstan.html']) {
      await page.goto(new URL(file, root).href);
      const links = await siteLinks(page);
      assert.ok(links.length > 0, `${file} links to other pages`);
      for (const link of links) {
        const target = new URL(link);
        target.search = '';
        if (target.protocol === 'file:') {
          assert.ok(fs.existsSync(target), `${file} links to ${link}, which is missing`);
        } else {
          assert.equal((await fetch(target)).status, 200, `${file} links to ${link}`);
        }
      }
    }
  }
  // Following them as a reader does: home -> State -> review.
  await page.goto(site());
  await page.locator('.site-index summary').click();
  await page.locator('a[href="states/kazakhstan.html"]').click();
  await page.waitForURL(/states\/kazakhstan\.html$/);
  assert.ok(await page.locator('[data-testid=compare]').count() + await page.locator('.compare').count() > 0, 'the comparison is on the State page');
  await page.locator(`a[href="../reviews/${REVIEW}.html"]`).first().click();
  await page.waitForURL(new RegExp(`reviews/${REVIEW}\\.html$`));
  await page.close();
});

test('a review page carries its link preview: title, description, picture', async () => {
  const html = await (await fetch(site(`reviews/${REVIEW}.html`))).text();
  const meta = (attribute, key) => new RegExp(`<meta ${attribute}="${key}" content="([^"]*)">`).exec(html)?.[1];
  assert.equal(meta('property', 'og:title'), 'Kazakhstan — Universal Periodic Review, session 7, February 2010');
  assert.match(meta('name', 'description'), /\d+ recommendations from \d+ States; \d+% accepted/);
  assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
  // The build has no UPR_SITE_URL: no canonical link, which must be
  // absolute (tests/prerender.rs checks it with the address).
  assert.doesNotMatch(html, /rel="canonical"/);
  const image = meta('property', 'og:image');
  assert.ok(image, 'og:image is there');
  const response = await fetch(new URL(image, site(`reviews/${REVIEW}.html`)));
  assert.equal(response.status, 200);
  const png = Buffer.from(await response.arrayBuffer());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  assert.equal(png.readUInt32BE(16), Number(meta('property', 'og:image:width')));
  assert.equal(png.readUInt32BE(20), Number(meta('property', 'og:image:height')));
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [600, 315], 'the least Open Graph shows as a large preview');
});
