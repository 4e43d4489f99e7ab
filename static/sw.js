// sw.js: the service worker of the hosted site (not of <upr-viewer> on
// other pages, nor of the single file), which makes it readable offline
// after a first visit, one build at a time. scripts/post-build.mjs writes
// it to the site's root, so that its scope covers reviews/ and states/,
// with the build's id and the files below; the page's start-up script
// registers it.
//
// Each build has its own cache, `upr-<build>@<scope>`, and serves from it
// first. Installed, it holds the app shell (the pages' code and style, the
// overview, the manifest, the offline pages) and, where the browser says
// the connection is fast and data is not saved, the rest a reader may
// want offline (the home page, the languages, the icons, the texts'
// scripts); on a slow connection or saving data those come as they are
// asked for, and nothing the page already has is downloaded again. What a
// reader then opens (pages, data files: the texts, in whatever pieces the
// loader asks for them) is added as it is fetched. So a page or filter
// that worked online works offline.
//
// A new build's sw.js differs (its id), installs beside this one and
// waits: the pages open keep reading this build's files, never a mix. The
// page says a newer version is available; its Reload asks the waiting
// worker to take over (`skip-waiting`), and the new one, once active,
// deletes the caches of older builds.
const BUILD = '__UPR_BUILD__';
// Paths from the site's root (the scope).
const SHELL = __UPR_SHELL__;
// Kept at install only on a fast connection (`generous`), else when asked for.
const LATER = __UPR_LATER__;
// The offline page of each language (src/prerender/install.rs).
const OFFLINE = __UPR_OFFLINE__;

const ROOT = self.registration.scope;
const CACHE = `upr-${BUILD}@${ROOT}`;
const LANGUAGES = 'ar|es|fr|ru|zh';
const PAGE = new RegExp(`^(?:index(?:\\.(?:${LANGUAGES}))?\\.html|(?:reviews|states)/[^/]+\\.html)?$`);
const SAVED = new Set([...SHELL, ...LATER]);

/** The path of `url` from the site's root, without its query; null outside it. */
function pathOf(url) {
  if (!url.startsWith(ROOT)) return null;
  return url.slice(ROOT.length).replace(/[?#].*$/, '');
}

/** What a page is kept under: its address without the query (the view,
 *  which the viewer reads from the address bar), the root as index.html. */
const pageKey = (path) => ROOT + (path || 'index.html');

/** Data files, languages and the shell are kept as they are asked for. */
const isFile = (path) => SAVED.has(path) || path.startsWith('data/') || path.startsWith('i18n/');

/** A whole, successful answer from this site: never an error, a part of
 *  a file (206), a redirect or another site's. */
const keepable = (response) => response.status === 200 && response.type === 'basic';

/** Whether the browser says the connection is fast (`4g`) and data is
 *  not saved: the viewer's own rule for fetching the texts unasked
 *  (src/app/dataset.rs). A browser that does not say is taken at its
 *  word for neither: the shell only, the rest as it is asked for. */
function generous() {
  const connection = self.navigator.connection;
  return connection?.effectiveType === '4g' && !connection.saveData;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all((generous() ? [...SHELL, ...LATER] : SHELL).map(async (path) => {
        // Past the browser's own cache: a file kept from an older build
        // would mix the two.
        const response = await fetch(ROOT + path, { cache: 'no-cache' });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        // A host that redirected (index.html to ./) gave a response a
        // navigation refuses; the same body as a plain one.
        await cache.put(ROOT + path, response.redirected ? new Response(response.body, response) : response);
      }));
    } catch (error) {
      // Not installed: the browser tries again at the next visit.
      await caches.delete(CACHE);
      throw error;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Older builds' caches of this site (another site on the same origin
    // keeps its own: the scope is in the name).
    for (const name of await caches.keys()) {
      if (name.startsWith('upr-') && name.endsWith(`@${ROOT}`) && name !== CACHE) await caches.delete(name);
    }
    // The page of a first visit is served from here from now on.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
  // What the page fetched before this worker served it (a first visit).
  if (event.data?.type === 'keep' && Array.isArray(event.data.urls)) event.waitUntil(keep(event.data.urls));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // A range (a media player's, a resumed download) goes to the network
  // whole: a cached part would be served as the whole.
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const path = pathOf(request.url);
  if (path === null) return;
  if (request.mode === 'navigate') {
    if (PAGE.test(path)) event.respondWith(page(event, path));
    // Any other address of the site (the single file, a data file opened
    // in a tab): the network's, never kept; offline, a page that says so.
    else event.respondWith(fetch(request).catch(async () => offline(await caches.open(CACHE), path, new URL(request.url).searchParams)));
  } else if (isFile(path)) {
    event.respondWith(file(event, request));
  }
});

async function file(event, request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (keepable(response)) event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
  return response;
}

async function page(event, path) {
  const cache = await caches.open(CACHE);
  const key = pageKey(path);
  const kept = await cache.match(key);
  if (kept) return kept;
  try {
    const response = await fetch(event.request);
    if (keepable(response) && !response.redirected) event.waitUntil(cache.put(key, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    return offline(cache, path, new URL(event.request.url).searchParams);
  }
}

/** Offline, a page never opened: its view on the home page of its
 *  language (the viewer draws it from the data kept), else a page that
 *  says so. */
async function offline(cache, path, search) {
  const match = new RegExp(`^(?:(reviews|states)/([^/]+?)|index)(?:\\.(${LANGUAGES}))?\\.html$`).exec(path);
  if (match) {
    const [, kind, id, lang] = match;
    const params = new URLSearchParams(search);
    if (kind) params.set(kind === 'reviews' ? 'review' : 'compare', id);
    const own = lang ? `index.${lang}.html` : 'index.html';
    const home = (await cache.match(ROOT + own)) ? own : 'index.html';
    if (lang && home !== own) params.set('lang', lang);
    if (home !== path && (await cache.match(ROOT + home))) {
      const query = params.toString();
      return Response.redirect(ROOT + home + (query ? `?${query}` : ''), 302);
    }
  }
  const lang = new RegExp(`\\.(${LANGUAGES})\\.html$`).exec(path)?.[1] ?? search.get('lang');
  const notice = await cache.match(ROOT + (OFFLINE[lang] ?? OFFLINE.en));
  const text = notice
    ? (await notice.text()).replace('<!--base-->', `<base href="${ROOT.replace(/"/g, '%22')}">`)
    : 'Offline';
  return new Response(text, {
    status: 503,
    headers: { 'content-type': notice ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' },
  });
}

/** Keeps what the page loaded before this worker served it, as the
 *  browser's cache holds it (the same build's), where this worker would
 *  have kept it. Saving data, only what the browser's cache can give
 *  without the network: a page the browser keeps apart from what a
 *  script may read (Chromium's, for a page it navigated to) is kept at
 *  its next visit rather than downloaded twice. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  const from = generous() ? { cache: 'force-cache' } : { cache: 'only-if-cached', mode: 'same-origin' };
  await Promise.all(urls.map(async (url) => {
    const path = typeof url === 'string' ? pathOf(url) : null;
    if (path === null) return;
    const key = PAGE.test(path) ? pageKey(path) : isFile(path) ? url : null;
    if (key === null || (await cache.match(key))) return;
    try {
      const response = await fetch(url, from);
      if (keepable(response) && !response.redirected) await cache.put(key, response);
    } catch {
      // Offline already, or not in the browser's cache: kept when next fetched.
    }
  }));
}
