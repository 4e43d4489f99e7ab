// The viewer in Arabic, Chinese, French and Russian: the page's language
// and direction, no English word of the interface left, nothing wider than
// a phone, and the switch that changes only the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedSite, startServer, tempFolder, DIST } from './support.mjs';
import { ViewerPage } from './viewer-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = servedSite();

/** The English messages, `{ id: [text, ...] }`, as src/i18n/messages.rs declares them. */
function englishMessages() {
  const source = fs.readFileSync(path.join(ROOT, 'src/i18n/messages.rs'), 'utf8');
  const body = source.slice(source.indexOf('messages! {'));
  const messages = {};
  for (const [, id, value] of body.matchAll(/^\s+(\w+) = (\[.*\]|".*");$/gm)) {
    const parsed = JSON.parse(value);
    messages[id] = Array.isArray(parsed) ? parsed : [parsed];
  }
  return messages;
}

/**
 * What of the English interface would betray an untranslated message in
 * `code`: each message whose translation differs from its English gives
 * its whole text (found as a whole text or attribute) and, between its
 * placeholders, its phrases of two words or more (found anywhere).
 */
function englishTraces(code) {
  const translated = JSON.parse(fs.readFileSync(path.join(ROOT, `static/i18n/${code}.json`), 'utf8')).messages;
  const whole = new Set();
  const phrases = new Set();
  for (const [id, texts] of Object.entries(englishMessages())) {
    const own = translated[id];
    const ownTexts = typeof own === 'string' ? [own] : Object.values(own ?? {});
    if (texts.every((t) => ownTexts.includes(t))) continue;
    for (const text of texts) {
      if (!text.includes('{')) whole.add(text.trim());
      for (const part of text.split(/\{\w+\}/)) {
        const phrase = part.replace(/^[\s.,:;()·–-]+|[\s.,:;()·–-]+$/g, '');
        if (/[A-Za-z]+\s+[A-Za-z]+/.test(phrase)) phrases.add(phrase);
      }
    }
  }
  return { whole: [...whole], phrases: [...phrases] };
}

/** Every text and accessible text of the viewer, outside the source's English (`lang=en`). */
function interfaceTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid=upr-viewer]');
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('[lang=en]') && node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const element of root.querySelectorAll('[aria-label], [title]')) {
      if (element.closest('[lang=en]')) continue;
      for (const name of ['aria-label', 'title']) if (element.getAttribute(name)) texts.push(element.getAttribute(name).trim());
    }
    texts.push(document.title);
    return texts;
  });
}

async function assertNoEnglish(page, code, where) {
  const { whole, phrases } = englishTraces(code);
  const texts = await interfaceTexts(page);
  const left = [];
  for (const text of texts) {
    if (whole.includes(text)) left.push(text);
    for (const phrase of phrases) if (text.includes(phrase)) left.push(`${phrase} (in "${text.slice(0, 80)}")`);
  }
  assert.deepEqual([...new Set(left)], [], `${code}, ${where}: English left`);
}

const open = (query, width) => site.openViewer(query, width);

/** How far the page reaches past the window's right edge, in px. */
function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const DIRECTIONS = { ar: 'rtl', zh: 'ltr', fr: 'ltr', ru: 'ltr' };

for (const [code, dir] of Object.entries(DIRECTIONS)) {
  test(`lang=${code}: the page says its language and direction, and no English word of the interface is left`, async () => {
    const { page, viewer } = await open(`?lang=${code}`);
    await viewer.waitForLanguage(code);
    assert.deepEqual(await viewer.language(), { lang: code, dir, rootLang: code, rootDir: dir });
    await assertNoEnglish(page, code, 'cards and filters');
    await viewer.open(site.server.url('/upr/') + `?lang=${code}&review=kazakhstan-s7`);
    await viewer.waitForTexts();
    await viewer.waitForLanguage(code);
    await assertNoEnglish(page, code, 'an open card');
    const names = JSON.parse(fs.readFileSync(path.join(ROOT, `data/names-${code}.json`), 'utf8'));
    assert.match(await page.locator('#review-title').textContent(), new RegExp(names.KZ), 'the State is named in the language (CLDR)');
    for (const view of ['charts', 'table']) {
      await viewer.open(site.server.url('/upr/') + `?lang=${code}&view=${view}`);
      await viewer.waitForTexts();
      await viewer.waitForLanguage(code);
      await page.waitForSelector(view === 'charts' ? '[data-testid=charts]' : '[data-testid=data-table]');
      await assertNoEnglish(page, code, `view=${view}`);
      if (view === 'table') {
        const state = await page.locator('[data-testid=table-row] td').first().textContent();
        assert.ok(Object.values(names).includes(state), `the table names "${state}" in the language`);
        const themes = Object.values(JSON.parse(fs.readFileSync(path.join(ROOT, `static/i18n/${code}.json`), 'utf8')).themes);
        const main = await page.locator('[data-testid=table-row]').first().locator('td').last().textContent();
        assert.ok(main.split('; ').every((theme) => themes.includes(theme)), `the main themes "${main}" are named in the language`);
      }
    }
    await page.close();
  });

  test(`lang=${code}: nothing is wider than a 360 px phone`, async () => {
    const { page, viewer } = await open(`?lang=${code}`, 360);
    await viewer.waitForLanguage(code);
    assert.ok(await overflow(page) <= 0, `${code}: the cards overflow by ${await overflow(page)} px`);
    await page.click('[data-testid=filters-toggle]');
    assert.ok(await overflow(page) <= 0, `${code}: the open filters overflow by ${await overflow(page)} px`);
    for (const query of ['&review=kazakhstan-s7', '&view=charts', '&compare=kazakhstan']) {
      await viewer.open(site.server.url('/upr/') + `?lang=${code}${query}`);
      await viewer.waitForTexts();
      await viewer.waitForLanguage(code);
      assert.ok(await overflow(page) <= 0, `${code}${query}: overflows by ${await overflow(page)} px`);
    }
    await page.close();
  });
}

test('lang=fr: the notice about ignored link parameters says each reason in French, no English sentence left', async () => {
  const { page, viewer } = await open('?lang=fr&states_min=abc&theme=nonsense&q=%22death');
  await viewer.waitForLanguage('fr');
  // The unknown theme and the unclosed quote are known once the data is in.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=query-warnings] li').length === 3);
  const said = await page.locator('[data-testid=query-warnings] li').allTextContents();
  const french = JSON.parse(fs.readFileSync(path.join(ROOT, 'static/i18n/fr.json'), 'utf8')).messages;
  const expected = { states_min: french.ReasonNotWholeNumber, theme: french.ReasonUnknownOption.split('{')[0].trim(), q: french.SearchUnbalancedQuote };
  for (const [parameter, reason] of Object.entries(expected)) {
    assert.ok(said.some((text) => text.startsWith(`${parameter}=`) && text.includes(reason)), `${parameter}: "${reason}" in ${JSON.stringify(said)}`);
  }
  await assertNoEnglish(page, 'fr', 'the ignored-parameters notice');
  await page.close();
});

test('Arabic mirrors the layout: the filters on the right, bars growing from the right', async () => {
  const { page, viewer } = await open('?lang=ar&view=charts');
  await viewer.waitForLanguage('ar');
  const panel = await page.locator('aside.panel').boundingBox();
  const results = await page.locator('#results').boundingBox();
  assert.ok(panel.x > results.x, `the filter panel (x ${panel.x}) is right of the results (x ${results.x})`);
  const bar = await page.locator('[data-testid=region-chart] .bar-graphic').first().evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const accepted = svg.querySelector('rect').getBoundingClientRect();
    return { svgRight: box.right, acceptedRight: accepted.right, svgLeft: box.left, acceptedLeft: accepted.left };
  });
  assert.ok(Math.abs(bar.acceptedRight - bar.svgRight) < 1 && bar.acceptedLeft > bar.svgLeft,
    `the accepted part starts at the right end of the bar (${JSON.stringify(bar)})`);
  await page.close();
});

test('the switch changes the language and keeps the rest of the view', async () => {
  const query = '?theme=Death+penalty&sur=Kazakhstan&view=charts';
  const { page, viewer } = await open(query);
  const before = await viewer.summary();
  const params = [...(await viewer.params())];
  await viewer.chooseLanguage('ru');
  assert.equal((await viewer.params()).get('lang'), 'ru');
  assert.deepEqual([...(await viewer.params())].filter(([k]) => k !== 'lang'), params);
  assert.deepEqual(await viewer.summary(), before);
  await page.waitForSelector('[data-testid=charts]');
  await viewer.chooseLanguage('en');
  assert.equal(await page.locator('h1').textContent(), 'Universal Periodic Review');
  await page.close();
});

test("without lang, the browser's preferred languages decide, then English", async () => {
  for (const [preferred, expected] of [[['de-CH', 'fr-CA', 'en'], 'fr'], [['de', 'it'], 'en']]) {
    const page = await site.browser.context.newPage();
    await page.addInitScript((languages) => Object.defineProperty(navigator, 'languages', { get: () => languages }), preferred);
    const viewer = new ViewerPage(page);
    await viewer.open(site.server.url('/upr/'));
    await viewer.waitForResults();
    await viewer.waitForLanguage(expected);
    assert.equal((await viewer.params()).get('lang'), null, 'the address bar does not gain a lang the person did not choose');
    await page.close();
  }
});

test('a language file that cannot be loaded: the viewer says so and stays in English', async () => {
  const page = await site.browser.context.newPage();
  await page.route('**/i18n/ru.json', (route) => route.abort());
  const viewer = new ViewerPage(page);
  await viewer.open(site.server.url('/upr/') + '?lang=ru');
  await viewer.waitForResults();
  const notice = page.locator('[data-testid=language-failure]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Russian interface could not be loaded .*ru\.json/);
  assert.equal((await viewer.language()).lang, 'en');
  assert.equal(await page.locator('h2').first().textContent(), 'Filters');
  await page.close();
});

test('<upr-viewer lang>: each element in its language, on its own root, the host page untouched; a changed attribute follows', async () => {
  const host = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gastseite</title>
    <script type="module" src="/cdn/embed.js"></script></head><body>
    <upr-viewer id="ar" lang="ar" sur="Kazakhstan"></upr-viewer>
    <upr-viewer id="fr" lang="fr" compact></upr-viewer></body></html>`;
  const server = await startServer({ '/cdn/': DIST, '/host/': tempFolder({ 'index.html': host }) });
  const page = await site.browser.context.newPage();
  try {
    await page.goto(server.url('/host/'));
    const root = (id) => page.locator(`#${id} [data-testid=upr-viewer]`);
    await page.waitForFunction(() => ['ar', 'fr'].every((id) =>
      document.getElementById(id).shadowRoot?.querySelector('[data-testid=upr-viewer]')?.getAttribute('lang') === id));
    assert.equal(await root('ar').getAttribute('dir'), 'rtl');
    assert.equal(await root('fr').getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('#ar h2').first().textContent(), 'عوامل التصفية');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title]), ['de', '', 'Gastseite']);
    await page.evaluate(() => document.getElementById('fr').setAttribute('lang', 'ru'));
    await page.waitForFunction(() => document.getElementById('fr').shadowRoot.querySelector('[data-testid=upr-viewer]').getAttribute('lang') === 'ru');
  } finally {
    await page.close();
    await server.close();
  }
});
