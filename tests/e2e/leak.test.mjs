// Removing <upr-viewer> gives back what it held. A host page adds an
// element, waits until it shows its cards, removes it, fifty times (after
// as many to load the data and warm the engine up); after forced garbage
// collections the page holds no more event listeners, DOM nodes, JS heap
// or wasm memory than before. In the test build, no viewer
// that is gone still listens to the download's progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { servedSite, tempFolder, DIST, DIST_TEST } from './support.mjs';

const MOUNTS = 50;
// What 50 mounts may add to the JS heap: the engine's own bookkeeping,
// up to about 15 KB in trials; a removed viewer that keeps its listeners
// and what they hold costs over 1.5 KB each (over 75 KB in all).
const HEAP_SLACK = 32 * 1024;

const hostPage = (embed) => `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<script src="${embed}" defer></script></head>
<body><p>A page that shows and hides the viewer</p></body></html>`;

// Headless Chromium and these folders served, for every test here.
const site = servedSite(() => ({
  '/cdn/': DIST,
  '/test-build/': DIST_TEST,
  '/host/': tempFolder({ 'index.html': hostPage('/cdn/embed.js') }),
  '/test-host/': tempFolder({ 'index.html': hostPage('/test-build/embed.js') }),
}));

/** The hashed JS glue of a build, to reach the running instance's exports. */
function glueOf(dir) {
  const glue = fs.readdirSync(dir).filter((f) => /^upr-viewer-[0-9a-f]+\.js$/.test(f));
  assert.equal(glue.length, 1, `one JS glue in ${dir}`);
  return glue[0];
}

/** Adds an element, waits for its cards and full texts, removes it; `times` times. */
async function mountAndRemove(page, times) {
  await page.evaluate(async (times) => {
    await customElements.whenDefined('upr-viewer');
    for (let i = 0; i < times; i++) {
      const viewer = document.createElement('upr-viewer');
      viewer.setAttribute('theme', 'Death penalty');
      document.body.append(viewer);
      await new Promise((shown) => {
        const check = () => {
          const root = viewer.shadowRoot;
          const ready = root?.querySelector('[data-testid=review-card]') && root.querySelector('[data-testid=upr-viewer][data-texts=ready]');
          if (ready) shown();
          else requestAnimationFrame(check);
        };
        check();
      });
      viewer.remove();
    }
  }, times);
}

/** After full garbage collections, until one frees nothing more. */
async function measure(page, cdp, glueUrl) {
  let metric;
  let heap = Infinity;
  for (let round = 0; round < 10; round++) {
    await cdp.send('HeapProfiler.collectGarbage');
    // Lets finalizers run, which may free more.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const { metrics } = await cdp.send('Performance.getMetrics');
    metric = (name) => metrics.find((m) => m.name === name).value;
    if (metric('JSHeapUsedSize') >= heap) break;
    heap = metric('JSHeapUsedSize');
  }
  const wasm = await page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, glueUrl);
  return { listeners: metric('JSEventListeners'), nodes: metric('Nodes'), heap, wasm };
}

test(`an element added and removed ${MOUNTS} times leaves no listeners, nodes or memory behind`, async () => {
  const page = await site.browser.context.newPage();
  const cdp = await site.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(site.server.url('/host/'));
  // The first ones load the data and warm the engine up.
  await mountAndRemove(page, MOUNTS);
  const glueUrl = site.server.url(`/cdn/${glueOf(DIST)}`);
  const start = await measure(page, cdp, glueUrl);
  await mountAndRemove(page, MOUNTS);
  const end = await measure(page, cdp, glueUrl);

  assert.equal(end.listeners, start.listeners, 'event listeners');
  assert.equal(end.nodes, start.nodes, 'DOM nodes');
  assert.equal(end.wasm, start.wasm, 'wasm memory');
  assert.ok(end.heap - start.heap < HEAP_SLACK, `the JS heap grew by ${end.heap - start.heap} bytes`);
  await page.close();
});

test('a removed viewer no longer listens to the download (test build)', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url('/test-host/'));
  const glueUrl = site.server.url(`/test-build/${glueOf(DIST_TEST)}`);
  const listening = () => page.evaluate(async (url) => (await import(url)).progressListenersForTests(), glueUrl);
  await mountAndRemove(page, MOUNTS);
  assert.equal(await listening(), 0);
  await page.close();
});
