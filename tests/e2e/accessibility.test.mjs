// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices)
// on every view a person can reach, in light and dark, on the page and
// inside the <upr-viewer> element's shadow root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { servedSite, tempFolder, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// axe-core lives in tools/ (installed by scripts/setup.sh).
const AXE = createRequire(path.join(ROOT, 'tools/package.json')).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news article</title>
<script src="/cdn/upr/v1/embed.js" defer></script>
</head><body><main>
<h1>Death penalty at the UPR</h1>
<upr-viewer id="embedded" theme="Death penalty" states-min="40"></upr-viewer>
</main></body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({ '/upr/': DIST, '/cdn/upr/v1/': DIST, '/host/': tempFolder({ 'index.html': HOST }) }));

/** axe's violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return results.violations.map((v) => `${v.impact} ${v.id} on ${v.nodes.length} element(s), e.g. ${v.nodes[0].target.join(' ')}: ${v.help}`);
}

const VIEWS = [
  ['the cards', '?theme=Death+penalty', '[data-testid=review-card]'],
  ['an open card', '?review=kazakhstan-s7', '[data-testid=review-detail]'],
  ['an open card with searched terms marked', '?review=kazakhstan-s7&q=torture+OR+women', '[data-testid=review-detail] mark'],
  ['the charts', '?view=charts', '[data-testid=theme-chart]'],
  ['the compare view', '?compare=kazakhstan', '[data-testid=compare-column]'],
  ['the compare view of three reviews', '?compare=brazil', '[data-testid=chart-over-time]'],
  ['the table', '?view=table&by=from', '[data-testid=table-row]'],
  ["a recommending State's profile", '?from=France', '[data-testid=recommender-profile]'],
];

for (const colorScheme of ['light', 'dark']) {
  for (const [name, query, ready] of VIEWS) {
    test(`${name} (${colorScheme}) have no accessibility violations`, async () => {
      const page = await site.browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      const viewer = new ViewerPage(page);
      await viewer.open(site.server.url('/upr/') + query);
      await viewer.waitForTexts();
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }

  test(`the embedded element (${colorScheme}) has no accessibility violations`, async () => {
    const page = await site.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(site.server.url('/host/'));
    // Playwright's locators pierce open shadow roots, and so does axe.
    await page.locator('#embedded [data-testid=review-card]').first().waitFor();
    await page.locator('#embedded [data-testid=upr-viewer][data-texts=ready]').waitFor({ timeout: 30000 });
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}
