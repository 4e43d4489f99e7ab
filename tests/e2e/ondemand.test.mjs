// Texts on demand (a page costs what it shows): with the browser saying
// the connection is slow, a page fetches the overview and, for a review or
// a State, that State's texts, and every review's texts only when the
// person asks for something that needs them; a shared link to a search
// never moves what is on screen; an embedded element follows the rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, tempFolder, watchErrors, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<script src="/cdn/embed.js" defer></script></head>
<body><upr-viewer id="card" review="kazakhstan-s7"></upr-viewer></body></html>`;

let slow;
let fast;
let server;

before(async () => {
  // Chromium's own estimate, as a phone on a slow network reports it
  // (navigator.connection.effectiveType): the texts wait for the person.
  slow = await launchBrowser(['--force-effective-connection-type=3G']);
  fast = await launchBrowser();
  server = await startServer({ '/upr/': DIST, '/cdn/': DIST, '/host/': tempFolder({ 'index.html': HOST }) }, { gzip: true });
});

after(async () => {
  await slow?.close();
  await fast?.close();
  await server?.close();
});

/** The data files a page asks for, by their path in the data folder. */
function dataRequests(page) {
  const asked = [];
  page.on('request', (request) => {
    const match = /\/data\/(.+)$/.exec(new URL(request.url()).pathname);
    if (match) asked.push(match[1]);
  });
  return asked;
}

/** The viewer idle: the app running, nothing more on its way. */
async function settled(page, scope = '') {
  await page.waitForSelector(`${scope}[data-testid=result-summary]`);
  await page.waitForLoadState('networkidle');
}

/** What a search shows once every review's texts are in, on a fast connection. */
async function searched(query) {
  const page = await fast.context.newPage();
  try {
    const viewer = new ViewerPage(page);
    await viewer.open(server.url('/upr/') + query);
    await viewer.waitForTexts();
    return await viewer.summary();
  } finally {
    await page.close();
  }
}

test('a review page asks for its own State\'s texts alone, until a search asks for every review\'s', async () => {
  const page = await slow.context.newPage();
  const errors = watchErrors(page);
  try {
    const asked = dataRequests(page);
    const viewer = new ViewerPage(page);
    await viewer.open(server.url('/upr/reviews/kazakhstan-s7.html'));
    await settled(page);
    assert.deepEqual(asked.sort(), ['overview.json', 'texts/kazakhstan.bin']);
    // The card is whole, every recommendation drawn, from those texts.
    await page.waitForSelector('[data-testid=recommendation-count]');
    assert.equal(await page.getAttribute('[data-testid=upr-viewer]', 'data-texts'), 'idle');

    asked.length = 0;
    await page.locator('[data-testid=search]').fill('torture');
    await viewer.waitForTexts();
    assert.deepEqual(asked, ['recommendations.bin'], 'the search fetched every review\'s texts, once');
    assert.deepEqual(await viewer.summary(), await searched('?q=torture&review=kazakhstan-s7'), 'and answers as a page that had them');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the home page and a State page ask for no texts; the table asks for every review\'s', async () => {
  for (const [path, texts] of [['', []], ['states/kazakhstan.html', ['texts/kazakhstan.bin']]]) {
    const page = await slow.context.newPage();
    try {
      const asked = dataRequests(page);
      await page.goto(server.url('/upr/') + path);
      await settled(page);
      assert.deepEqual(asked.sort(), ['overview.json', ...texts], path || 'home');
    } finally {
      await page.close();
    }
  }
  const page = await slow.context.newPage();
  try {
    const asked = dataRequests(page);
    const viewer = new ViewerPage(page);
    await viewer.open(server.url('/upr/'));
    await settled(page);
    await page.click('[data-testid=view-table]');
    await viewer.waitForTable();
    assert.ok(asked.includes('recommendations.bin'), 'the table fetched them');
  } finally {
    await page.close();
  }
});

test('a shared link to a search moves nothing on screen, on a phone and on a desktop', async () => {
  for (const [browser, width] of [[slow, 360], [slow, 1280], [fast, 1280]]) {
    for (const query of ['?q=torture', '?theme=Death+penalty&response=noted', 'index.fr.html?q=torture']) {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width, height: 800 });
        await page.addInitScript(() => {
          window.shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const viewer = new ViewerPage(page);
        await viewer.open(server.url('/upr/') + query);
        await viewer.waitForTexts();
        // A frame after the answer is drawn, for its shifts to be reported.
        await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))));
        const shifts = await page.evaluate(() => window.shifts);
        assert.deepEqual(shifts, [], `${query} at ${width} px: layout shifts ${shifts.join(', ')}`);
        assert.ok((await viewer.summary()).reviews > 0, `${query}: an answer`);
      } finally {
        await page.close();
      }
    }
  }
});

test('an embedded element fetches its card\'s texts alone, and every review\'s for a search', async () => {
  const page = await slow.context.newPage();
  const errors = watchErrors(page);
  try {
    const asked = dataRequests(page);
    await page.goto(server.url('/host/'));
    await page.locator('#card [data-testid=recommendation-count]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(asked.sort(), ['overview.json', 'texts/kazakhstan.bin']);
    asked.length = 0;
    await page.evaluate(() => document.getElementById('card').setAttribute('q', 'torture'));
    await page.locator('#card [data-testid=upr-viewer][data-texts=ready]').waitFor({ timeout: 30000 });
    assert.deepEqual(asked, ['recommendations.bin']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
