// Strict hosts and internal failures: the site and the embed under a
// Content Security Policy without 'unsafe-inline' or 'unsafe-eval' for
// scripts, and a forced panic (in the test build, the only one that can
// force one) that leaves a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedSite, tempFolder, watchErrors, DIST, DIST_TEST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

// The policy README.md recommends; styles may be inline (stylist writes
// <style> elements), scripts may not.
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const strict = { 'content-security-policy': POLICY };
const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Strict host</title>
<script src="/cdn/embed.js" defer></script></head>
<body><p id="host-text">A newspaper article</p><upr-viewer id="embedded" theme="Death penalty" compact></upr-viewer></body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({
  '/strict/': { dir: DIST, headers: strict },
  '/cdn/': DIST,
  '/test-build/': DIST_TEST,
  '/host/': { dir: tempFolder({ 'index.html': HOST }), headers: strict },
}));

/** A page that records every CSP violation it meets. */
async function recordingPage() {
  const page = await site.browser.context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

test('the site works under a strict Content Security Policy', async () => {
  const page = await recordingPage();
  const errors = watchErrors(page);
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/strict/'));
  await viewer.waitForTexts();
  assert.deepEqual(await viewer.summary(), { reviews: 305 + 81 + 14, recommendations: 41066 + 16620 + 3328 });
  await viewer.toggleTheme('Death penalty');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed works on a host page with a strict policy', async () => {
  const page = await recordingPage();
  await page.goto(site.server.url('/host/'));
  const summary = page.locator('#embedded [data-testid=result-summary]');
  await summary.waitFor();
  assert.ok(Number(await summary.getAttribute('data-reviews')) > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test('a panic shows a clear message in place of the viewer and the page stays usable', async () => {
  assert.ok(fs.existsSync(path.join(DIST_TEST, 'index.html')),
    `the test build is missing: run trunk build --features test-hooks --dist ${path.basename(DIST_TEST)}`);
  const page = await site.browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/test-build/'));
  await viewer.waitForResults();
  // The prerendered page shows its results before the code has started;
  // calling the hook before it exists would be caught below as the panic.
  await page.waitForFunction(() => typeof window.wasmBindings?.forcePanicForTests === 'function');
  await page.evaluate(() => {
    try {
      window.wasmBindings.forcePanicForTests();
    } catch {
      // The panic surfaces as a trap; the hook has already run.
    }
  });
  const notice = page.locator('[data-testid=crash]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /internal error.*reload/i);
  assert.equal(await page.locator('[data-testid=review-card]').count(), 0, 'the broken viewer is gone');
  await page.locator('[data-testid=crash] a').click();
  await viewer.waitForResults();
  assert.ok(await viewer.cards().count() > 0, 'reloading starts it again');
  await page.close();
});

/** The text of every file of a build that carries code. */
function code(dir) {
  return fs.readdirSync(dir)
    .filter((f) => /\.(js|wasm|html)$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n');
}

// Every entry point of src/test_hooks.rs ends in `ForTests`.
const TEST_HOOKS = ['forcePanicForTests', 'progressListenersForTests'];

/** Every name ending in `ForTests` in `text`. Found by the suffix, then
 *  the name before it: `/\w+ForTests/` backtracks through every long run
 *  of word characters, and the base64 texts of the single file hold runs
 *  thousands long (the columns' zero bytes): it took minutes. */
function hooksIn(text) {
  const found = [];
  for (let at = text.indexOf('ForTests'); at !== -1; at = text.indexOf('ForTests', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && /\w/.test(text[start - 1])) start--;
    if (start < at) found.push(text.slice(start, at + 'ForTests'.length));
  }
  return found;
}

test('what people download has no test-only entry point; the test build does', () => {
  const release = code(DIST);
  const testBuild = code(DIST_TEST);
  assert.deepEqual(hooksIn(release), [], 'the release build exports test hooks');
  for (const hook of TEST_HOOKS) {
    assert.ok(testBuild.includes(hook), `the test build lacks ${hook}, so the check above proves nothing`);
  }
});
