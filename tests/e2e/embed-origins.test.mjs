// Embedding as hosts really do it: embed.js, the code and the data on a
// CDN (one origin), the page on another (two servers on two ports of
// 127.0.0.1 are two origins), loaded as a classic script or as a module,
// with async or defer, before or after the element, or with the element
// made later by the host's own code. And what a host sees when the CDN
// does not send the CORS header that README.md asks for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, tempFolder, watchErrors, DIST } from './support.mjs';

const ALLOW = { 'access-control-allow-origin': '*' };

// Light-DOM content of the element: what shows while nothing has run.
const FALLBACK = 'UPR recommendations to Kazakhstan (the viewer is not loaded)';
const ELEMENT = `<upr-viewer id="viewer" sur="Kazakhstan" compact>${FALLBACK}</upr-viewer>`;
const classic = (src, extra = '') => `<script src="${src}"${extra}></script>`;
const module = (src, extra = '') => `<script type="module" src="${src}"${extra}></script>`;
// The host's own code adds the element once the page has loaded.
const LATER = `<button id="add" onclick="
  const viewer = document.createElement('upr-viewer');
  viewer.id = 'viewer';
  viewer.setAttribute('sur', 'Kazakhstan');
  viewer.setAttribute('compact', '');
  document.body.append(viewer);">Show the UPR viewer</button>`;

const FORMS = [
  { name: 'a classic script in the head, before the element', head: classic, body: () => ELEMENT },
  { name: 'a classic script with defer', head: (src) => classic(src, ' defer'), body: () => ELEMENT },
  { name: 'a classic script with async', head: (src) => classic(src, ' async'), body: () => ELEMENT },
  { name: 'a classic script after the element', body: (src) => ELEMENT + classic(src) },
  { name: 'a module', head: module, body: () => ELEMENT },
  { name: 'a module with async', head: (src) => module(src, ' async'), body: () => ELEMENT },
  { name: 'a module after the element', body: (src) => ELEMENT + module(src) },
  { name: 'a module, the element made later by the host', head: module, body: () => LATER, later: true },
  { name: 'a classic script, the element made later by the host', head: (src) => classic(src, ' defer'), body: () => LATER, later: true },
];

const hostPage = ({ head = () => '', body }, src) => `<!doctype html>
<html><head><meta charset="utf-8"><title>A host on another site</title>${head(src)}</head>
<body><p id="host-text">Our work on Kazakhstan</p>${body(src)}</body></html>`;

let browser;
let cdn;
let host;

before(async () => {
  browser = await launchBrowser();
  cdn = await startServer({
    // As README.md says: the header on everything.
    '/upr/v1/': { dir: DIST, headers: ALLOW },
    // A CDN that sends none.
    '/no-cors/': DIST,
    // One that sends it with the code but not with the data.
    '/code-only/': { dir: DIST, headers: (file) => (/\.(json|bin)$/.test(file) ? {} : ALLOW) },
  });
  const embed = cdn.url('/upr/v1/embed.js');
  const pages = Object.fromEntries(FORMS.map((form, i) => [`form-${i}.html`, hostPage(form, embed)]));
  pages['no-cors-classic.html'] = hostPage({ head: (src) => classic(src, ' defer'), body: () => ELEMENT }, cdn.url('/no-cors/embed.js'));
  pages['no-cors-module.html'] = hostPage({ head: module, body: () => ELEMENT }, cdn.url('/no-cors/embed.js'));
  pages['no-cors-data.html'] = hostPage({ head: module, body: () => ELEMENT }, cdn.url('/code-only/embed.js'));
  host = await startServer({ '/news/': tempFolder(pages) });
  assert.notEqual(new URL(cdn.url('/')).origin, new URL(host.url('/')).origin, 'two origins');
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await host?.close();
});

const viewer = (page) => page.locator('#viewer');

/** Whether the text the host put inside the element is on screen. */
const fallbackShown = (page) => page.locator('#viewer').evaluate((element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getClientRects().length > 0;
});

for (const [i, form] of FORMS.entries()) {
  test(`embedded from another site with ${form.name}`, async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(host.url(`/news/form-${i}.html`));
    if (form.later) await page.locator('#add').click();

    const summary = viewer(page).locator('[data-testid=result-summary]');
    await summary.waitFor();
    assert.equal(Number(await summary.getAttribute('data-reviews')), 2, 'Kazakhstan was reviewed twice');
    assert.ok(await viewer(page).locator('[data-testid=review-card]').first().isVisible());
    // The full texts come across origins too.
    await viewer(page).locator('[data-testid=upr-viewer][data-texts=ready]').waitFor({ timeout: 30000 });
    assert.equal(await viewer(page).locator('[data-testid=texts-error]').count(), 0);

    const data = requests.filter((url) => /\/data\/[^/]+\.(json|bin)$/.test(url)).sort();
    assert.deepEqual(data, [cdn.url('/upr/v1/data/overview.json'), cdn.url('/upr/v1/data/recommendations.bin')],
      'the data comes from the folder of embed.js, not from the host');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a CDN without the CORS header: a classic script says so in the element', async () => {
  const page = await browser.context.newPage();
  await page.goto(host.url('/news/no-cors-classic.html'));
  const notice = viewer(page).locator('[data-testid=embed-error]');
  await notice.waitFor();
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /could not start.*Access-Control-Allow-Origin/s);
  await page.close();
});

test('a CDN that sends the CORS header with the code but not the data: the element says which file and why', async () => {
  const page = await browser.context.newPage();
  await page.goto(host.url('/news/no-cors-data.html'));
  const notice = viewer(page).locator('[data-testid=load-error]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /overview\.json/);
  assert.match(text, /another site.*Access-Control-Allow-Origin/s);
  await page.close();
});

test('a CDN without the CORS header: a module never runs, and the element shows what the host put in it', async () => {
  const page = await browser.context.newPage();
  // `load` waits for module scripts to run or fail.
  await page.goto(host.url('/news/no-cors-module.html'), { waitUntil: 'load' });
  assert.equal(await page.evaluate(() => customElements.get('upr-viewer')), undefined, 'the browser refused embed.js');
  assert.ok(await fallbackShown(page));
  assert.equal((await viewer(page).textContent()).trim(), FALLBACK);
  await page.close();
});

test('once loaded, the light-DOM fallback is hidden by the viewer', async () => {
  const page = await browser.context.newPage();
  await page.goto(host.url('/news/form-4.html'));
  await viewer(page).locator('[data-testid=result-summary]').waitFor();
  assert.equal(await fallbackShown(page), false);
  await page.close();
});
