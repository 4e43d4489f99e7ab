// The prerendered pages in the other languages (src/prerender/site.rs):
// without JavaScript they read in their language (its <html lang dir>, its
// title, description and preview tags, its section titles and State names);
// their hreflang links reach every version under a subpath; with
// JavaScript the viewer comes up in the page's language, never in English
// first, without a warning. And the single file speaks every language
// from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { servedSite, launchBrowser, DIST, watchProblems } from './support.mjs';
import { ViewerPage, RECOMMENDATION_GROUP } from './viewer-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REVIEW = 'kazakhstan-s7';
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const site = servedSite();
let noScript;

before(async () => { noScript = await launchBrowser([], { javaScriptEnabled: false }); });
after(async () => { await noScript?.close(); });

const url = (file) => site.server.url('/upr/') + file;
const messages = (code) => JSON.parse(fs.readFileSync(path.join(ROOT, `static/i18n/${code}.json`), 'utf8'));
const stateNames = (code) => JSON.parse(fs.readFileSync(path.join(ROOT, `data/names-${code}.json`), 'utf8'));

/** The page's head as a bot reads it: title, description, Open Graph and Twitter tags. */
function head(page) {
  return page.evaluate(() => {
    const meta = (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    return {
      lang: document.documentElement.getAttribute('lang'),
      dir: document.documentElement.getAttribute('dir'),
      title: document.title,
      description: meta('description'),
      ogTitle: meta('og:title'),
      ogDescription: meta('og:description'),
      ogLocale: meta('og:locale'),
      ogImage: meta('og:image'),
      twitterTitle: meta('twitter:title'),
      siteName: meta('og:site_name'),
    };
  });
}

for (const [code, dir, locale] of [['fr', 'ltr', 'fr_FR'], ['ar', 'rtl', 'ar_AR']]) {
  test(`without JavaScript the ${code} review page reads in ${code}: language, direction, title, tags, sections`, async () => {
    const page = await noScript.context.newPage();
    await page.goto(url(`reviews/${REVIEW}.${code}.html`));
    const { messages: said, themes } = messages(code);
    const name = stateNames(code).KZ;
    const tags = await head(page);
    assert.equal(tags.lang, code);
    assert.equal(tags.dir, dir);
    assert.ok(tags.title.startsWith(`${name} — `), `the title names the State in ${code}: ${tags.title}`);
    // "Universal Periodic Review" in the language, and the session's month as it writes it.
    assert.ok(tags.title.includes(said.Title.split(' ')[0]), `the title is in ${code}: ${tags.title}`);
    assert.doesNotMatch(tags.title, /Universal Periodic Review|February/);
    if (code === 'fr') assert.match(tags.title, /février 2010$/);
    assert.equal(tags.ogTitle, tags.title);
    assert.equal(tags.twitterTitle, tags.title);
    assert.equal(tags.siteName, said.PageTitle);
    assert.equal(tags.ogLocale, locale);
    assert.ok(tags.description.includes(name) && tags.ogDescription === tags.description);
    assert.doesNotMatch(tags.description, /recommendations from|accepted/, 'the description is not English');
    // Its preview picture is its own (its words in the language).
    assert.match(tags.ogImage, new RegExp(`${REVIEW}\\.${code}\\.png$`));
    const png = await fetch(new URL(tags.ogImage, page.url()));
    assert.equal(png.status, 200);

    const detail = new ViewerPage(page).detail();
    assert.match(await detail.locator('#review-title').innerText(), new RegExp(name));
    const sections = await detail.locator('h3').allInnerTexts();
    for (const id of ['Delegation', 'Participation', 'Recommendations', 'ResponseHeading']) {
      assert.ok(sections.includes(said[id]), `the section "${said[id]}" is there in ${code}: ${sections}`);
    }
    const groups = await detail.locator(`${RECOMMENDATION_GROUP} h4`).allInnerTexts();
    assert.ok(groups.length > 3, 'the recommendations by theme');
    assert.ok(groups.every((g) => Object.values(themes).some((theme) => g.startsWith(theme))), `the themes are in ${code}: ${groups}`);
    // Its links stay in the language; the texts of the recommendations are on the English page.
    assert.equal(await page.locator(`a[href="../states/kazakhstan.${code}.html"]`).count(), 1);
    assert.equal(await page.locator(`a[href="../index.${code}.html"]`).count(), 1);
    assert.equal(await page.locator(`a[href="../reviews/${REVIEW}.html"][hreflang=en]`).count(), 2, 'the texts, and the page in English');
    await page.close();
  });
}

test('without JavaScript the French home page writes its figures in French', async () => {
  const page = await noScript.context.newPage();
  await page.goto(url('index.fr.html'));
  const tags = await head(page);
  assert.equal(tags.lang, 'fr');
  // 41 066 + 16 620 + 3 328 recommendations, with French's narrow no-break space.
  assert.ok(tags.description.includes('61\u202F014'), tags.description);
  assert.equal(await page.locator(`a[href="reviews/${REVIEW}.fr.html"]`).count(), 1, 'it lists the French review pages');
  await page.close();
});

// The head's hreflang links are written only with the site's address
// (they must be absolute: tests/prerender.rs); the page's list of its
// other languages is what a reader follows.
test('each version links the five others, and every link resolves under a subpath', async () => {
  for (const [file, own] of [['index.html', 'en'], [`reviews/${REVIEW}.fr.html`, 'fr'], ['states/kazakhstan.ar.html', 'ar']]) {
    const page = await noScript.context.newPage();
    await page.goto(url(file));
    const alternates = await page.locator('nav a[hreflang][lang]').evaluateAll((links) => links.map((l) => [l.hreflang, l.href]));
    assert.deepEqual(alternates.map(([lang]) => lang).sort(), LANGUAGES.filter((l) => l !== own).sort(), file);
    for (const [lang, href] of alternates) {
      assert.ok(href.startsWith(url('')), `${href} stays under the subpath`);
      const response = await fetch(href);
      assert.equal(response.status, 200, `${file}: hreflang ${lang} -> ${href}`);
      const html = await response.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`), `${href} is in ${lang}`);
    }
    await page.close();
  }
});

test('with JavaScript the French review page comes up in French, never English first, without a warning', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  // Every language the viewer's root ever has, from the first moment.
  await page.addInitScript(() => {
    window.__languages = new Set();
    new MutationObserver(() => {
      for (const root of document.querySelectorAll('[data-testid=upr-viewer]')) window.__languages.add(root.getAttribute('lang'));
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const viewer = new ViewerPage(page);
  await viewer.open(url(`reviews/${REVIEW}.fr.html`));
  // The app holds the page once the filters (not on the lighter page) are there.
  await page.waitForSelector('#filter-panel', { timeout: 60000 });
  await viewer.waitForTexts();
  const { messages: said } = messages('fr');
  assert.deepEqual(await viewer.language(), { lang: 'fr', dir: 'ltr', rootLang: 'fr', rootDir: 'ltr' });
  assert.equal(await page.locator('h1').textContent(), said.Title);
  assert.ok((await viewer.recommendations().count()) > 50, 'the whole card, with its recommendations');
  assert.deepEqual([...await page.evaluate(() => [...window.__languages])], ['fr'], 'the viewer was never in another language');
  assert.equal((await viewer.params()).get('lang'), 'fr');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the single file opened from disk with ?lang=fr shows French', async () => {
  const page = await site.browser.context.newPage();
  const viewer = new ViewerPage(page);
  await viewer.open(`${pathToFileURL(path.join(DIST, 'upr-viewer-standalone.html')).href}?lang=fr`);
  await viewer.waitForResults();
  await viewer.waitForLanguage('fr');
  const { messages: said } = messages('fr');
  assert.equal(await page.locator('h1').textContent(), said.Title);
  assert.equal(await page.locator('[data-testid=language-failure]').count(), 0, 'no notice that French could not be loaded');
  await viewer.open(`${pathToFileURL(path.join(DIST, 'upr-viewer-standalone.html')).href}?lang=ru&review=${REVIEW}`);
  await viewer.waitForTexts();
  await viewer.waitForLanguage('ru');
  assert.match(await page.locator('#review-title').textContent(), new RegExp(stateNames('ru').KZ), 'the State names in the language too');
  await page.close();
});
