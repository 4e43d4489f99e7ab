// Trunk post-build hook (see Trunk.toml): writes into the staged build
//  - start-<hash>.js, Trunk's inline start-up script moved into a file, so
//    the page runs under a Content Security Policy without 'unsafe-inline';
//  - embed.js, the stable entry point of <upr-viewer>, naming the hashed
//    code files it loads, and upr-viewer-location-<hash>.js, a module that
//    tells embed.js where it is (see static/embed.js);
//  - upr-viewer-standalone.html, one file with the app, the dataset and
//    the languages inside, that works when opened straight from disk
//    (file://); only in
//    a release build (a debug build is for tests, and its wasm is large);
//  - the wasm's split-off pieces and their loader (src/extras.rs), named
//    by their content;
//  - sw.js, the hosted site's service worker (static/sw.js), with the
//    build's id and the files it keeps at once; and the date of the build,
//    which every page's footer shows.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// --- the nightly's variables stay with the wasm (scripts/build.sh) ---
// The wasm was built with the pinned nightly and flags for the wasm only;
// the native code this hook builds and runs (cargo run --bin prerender)
// is built on stable, as clippy and the tests see it, into target/.
for (const name of (process.env.UPR_WASM_ONLY_ENV ?? '').split(/\s+/).filter(Boolean)) delete process.env[name];
delete process.env.UPR_WASM_ONLY_ENV;
// --- end of the nightly's variables ---

// --- the date of the build (the footer's "Published …") ---
// SOURCE_DATE_EPOCH (seconds) where the builder fixes it, for builds that
// must come out the same; else today, in UTC. The prerender writes it
// into every page (src/prerender/mod.rs, `published`); the start-up
// script, embed.js and the single file give the browser the same, so that
// the pages hydrate.
const published = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now())
  .toISOString()
  .slice(0, 10);
process.env.UPR_PUBLISHED = published;
// --- end of the date of the build ---

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const files = fs.readdirSync(staging);
const one = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) throw new Error(`expected one ${what} in the build, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const wasm = one((f) => f.endsWith('_bg.wasm'), 'wasm file');
const glue = one((f) => f.endsWith('.js') && f.startsWith(wasm.replace(/_bg\.wasm$/, '')), 'JS glue');
const css = one((f) => f.startsWith('page') && f.endsWith('.css'), 'page stylesheet');

// A file's name that changes with its content, as Trunk names the code's.
const hashed = (prefix, content, ext) => `${prefix}-${crypto.createHash('sha256').update(content).digest('hex').slice(0, 16)}${ext}`;

// --- the wasm's split-off pieces (src/extras.rs) ---
// The release build cuts the code only some views need off the wasm
// (scripts/split/wasm-bindgen leaves the pieces and their loader in
// UPR_SPLIT_DIR/pieces). They join the build under names that change with
// their content, as the rest of the code's: the loader, which the glue
// imports, and each piece, which the loader fetches when first asked for.
let splitLoader = null;
const splitPieces = [];
{
  const gluePath = path.join(staging, glue);
  const glueSource = fs.readFileSync(gluePath, 'utf8');
  const importsLoader = glueSource.includes('"./__wasm_split.js"');
  const pieces = process.env.UPR_SPLIT_DIR ? path.join(process.env.UPR_SPLIT_DIR, 'pieces') : null;
  if (importsLoader) {
    if (!pieces || !fs.existsSync(path.join(pieces, '__wasm_split.js'))) throw new Error('the glue imports ./__wasm_split.js, but the build left no split-off pieces (UPR_SPLIT_DIR)');
    let loader = fs.readFileSync(path.join(pieces, '__wasm_split.js'), 'utf8');
    const mainImport = /import \{ initSync \} from "\.\/([^"]+)\.js";/.exec(loader);
    if (!mainImport) throw new Error('the split-off pieces\' loader does not import initSync from the glue as expected');
    loader = loader.replace(mainImport[0], `import { initSync } from "./${glue}";`);
    // Compiled from its bytes, not while it streams in: streaming needs the
    // host to send `application/wasm`, which not every host does (the main
    // piece's glue falls back the same way), and an error page must fail
    // the load rather than be compiled.
    const streaming = '(WebAssembly.instantiateStreaming(src, imports))';
    if (!loader.includes(streaming)) throw new Error('the split-off pieces\' loader does not compile them as expected');
    loader = loader.replaceAll(streaming, "(src.then((response) => { if (!response.ok) throw new Error(`${response.url}: ${response.status}`); return response.arrayBuffer(); }).then((bytes) => WebAssembly.instantiate(bytes, imports)))");
    for (const piece of fs.readdirSync(pieces).filter((f) => f.endsWith('.wasm'))) {
      const bytes = fs.readFileSync(path.join(pieces, piece));
      const name = hashed(piece.replace(/\.wasm$/, '').replace(/_/g, '-'), bytes, '.wasm');
      if (!loader.includes(`"./${piece}"`)) throw new Error(`the split-off pieces' loader does not fetch ./${piece}`);
      loader = loader.replace(`"./${piece}"`, `"./${name}"`);
      fs.writeFileSync(path.join(staging, name), bytes);
      splitPieces.push(name);
    }
    loader = compact(loader, '__wasm_split.js');
    splitLoader = hashed('upr-viewer-split', loader, '.js');
    fs.writeFileSync(path.join(staging, splitLoader), loader);
    fs.writeFileSync(gluePath, glueSource.replace('"./__wasm_split.js"', `"./${splitLoader}"`));
  }
}
// --- end of the split-off pieces ---

// --- the scripts shipped as written, compacted ---
// static/'s scripts explain themselves at length for whoever changes them,
// and wasm-bindgen's glue carries its doc comments and indentation; a
// phone need not download that. Line by line, with no parser: whole
// comment lines and blocks, blank lines and each line's indentation go;
// the code of a line, and a comment at its end, stay as they are, so that
// what runs is the file that was read and tested. A file where a line's
// white space may be part of a value (a template literal or a string that
// spans lines) is shipped as written. (Trunk's own `minify` cannot do
// this: its JS minifier stops at the glue's `export { … as default }` and
// leaves it as it is, and its HTML minifier rewrites index.html, which
// the start-up script and the prerender read below.)
function compact(source, name) {
  const kept = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    let text = line.trim();
    if (inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) continue;
      inBlock = false;
      text = text.slice(end + 2).trim();
    }
    while (text.startsWith('/*')) {
      const end = text.indexOf('*/', 2);
      inBlock = end < 0;
      text = inBlock ? '' : text.slice(end + 2).trim();
    }
    if (text === '' || text.startsWith('//')) continue;
    kept.push(text);
  }
  const spansLines = kept.some((line) => (line.match(/`/g)?.length ?? 0) % 2 === 1 || line.endsWith('\\'));
  if (spansLines) {
    console.warn(`post-build: ${name} shipped as written: a template literal or a string in it spans lines`);
    return source;
  }
  return kept.join('\n') + '\n';
}
for (const name of [glue, 'texts-download.js', 'texts-worker.js', 'pending.js']) {
  const file = path.join(staging, name);
  if (fs.existsSync(file)) fs.writeFileSync(file, compact(fs.readFileSync(file, 'utf8'), name));
}
// The glue's name keeps Trunk's hash (the wasm's, of which the glue is a
// function); its Subresource Integrity, which Trunk took before, is the
// compacted file's.
const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(staging, file))).digest('base64')}`;
// --- end of the scripts compacted ---

const indexPath = path.join(staging, 'index.html');
const index = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(index);
if (!inline) throw new Error('index.html has no inline start-up script to replace');
if (!inline[1].includes(`'./${glue}'`) || !inline[1].includes(`'./${wasm}'`)) throw new Error(`the start-up script does not load ./${glue} and ./${wasm} as expected`);
// Trunk's links that fetch the code at once, from the head: the start-up
// script below asks for the code once the page has painted.
const early = [
  new RegExp(`<link rel="modulepreload" href="\\./${glue.replace(/[.]/g, '\\.')}"[^>]*>\\s*`),
  new RegExp(`<link rel="preload" href="\\./${wasm.replace(/[.]/g, '\\.')}"[^>]*>\\s*`),
];
const integrity = sri(glue);
if (!/integrity="sha384-/.test(early[0].exec(index)?.[0] ?? '') || !early[1].test(index)) throw new Error(`index.html has no early links to ./${glue} and ./${wasm} to move`);
// --- the start-up script's first lines: the build's date, the service worker ---
// The date for the footer, on the page root before the code reads it.
// Then the service worker (static/sw.js, written below), registered once
// the page has loaded, from beside this script (the site's root, whatever
// the page's folder). Where there is none (an old browser, a Content
// Security Policy without workers, a private window that refuses it) the
// viewer works as it did without. When a newer build's worker has
// installed and waits, the viewer is told (src/components/update.rs:
// `upr-update-available`, and uprViewerUpdateAvailable for a viewer that
// starts later); its Reload (uprViewerReload) hands over to that worker,
// then reloads. The first time a worker takes over a page, it is told
// what the page loaded before, to keep it too.
// scripts/serve.sh (trunk serve, which rebuilds at each change) sets
// UPR_NO_SERVICE_WORKER: a worker there would answer every reload with
// the build it kept, not the one just made.
const withWorker = !process.env.UPR_NO_SERVICE_WORKER;
const registration = `if (navigator.serviceWorker) {
  const workers = navigator.serviceWorker;
  const announce = () => {
    window.uprViewerUpdateAvailable = true;
    dispatchEvent(new CustomEvent('upr-update-available'));
  };
  let controlled = Boolean(workers.controller);
  let reloading = false;
  workers.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    // Another tab's Reload: this one still runs the older build.
    else if (controlled) announce();
    else {
      controlled = true;
      const urls = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
      // The texts' worker fetched them, not the page (src/services/worker_fetch.rs).
      urls.push(...(window.uprViewerTextsFetched ?? []));
      workers.controller?.postMessage({ type: 'keep', urls });
    }
  });
  window.uprViewerKeep = (url) => workers.controller?.postMessage({ type: 'keep', urls: [url] });
  const scope = new URL('./', import.meta.url).href;
  window.uprViewerReload = async () => {
    const registration = await workers.getRegistration(scope).catch(() => undefined);
    // The loader may have seen new data before the browser looked for a
    // new worker: look now.
    if (registration && !registration.waiting) await registration.update().catch(() => {});
    const next = registration?.waiting ?? registration?.installing;
    if (!next || !workers.controller) {
      location.reload();
      return;
    }
    reloading = true;
    const handOver = () => {
      if (next.state === 'installed') next.postMessage({ type: 'skip-waiting' });
      else if (next.state === 'redundant') location.reload();
    };
    next.addEventListener('statechange', handOver);
    handOver();
  };
  const register = () => workers.register(new URL('./sw.js', import.meta.url)).then((registration) => {
    if (registration.waiting && workers.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && workers.controller) announce();
      });
    });
  }).catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
`;
const startOfThePage = `document.getElementById('upr-viewer-page')?.setAttribute('data-published', '${published}');
${withWorker ? registration : ''}`;
// --- end of the start-up script's first lines ---

// The start-up script, in a file (a Content Security Policy without
// 'unsafe-inline' runs it). The page is prerendered HTML: its first paint
// needs none of the app. The app's code and data are asked for after that
// paint, so that on a slow network they do not take bandwidth from the
// page's stylesheet, and the paint never waits for them (a preload in the
// head counts, for Lighthouse, as something the largest paint depends on).
// Then all three at once: the glue, the wasm and the overview, whose
// folder the page root names. Addresses are relative to this script: the
// pages under reviews/ and states/ load it from one folder up.
// The texts are not asked for here: the app asks for them when the viewer
// needs them (src/services/worker_fetch.rs).
const start = `${startOfThePage}await new Promise((painted) => {
  // A tab opened in the background paints nothing until shown.
  if (document.visibilityState === 'hidden') painted();
  else requestAnimationFrame(() => setTimeout(painted));
});
const ask = (rel, href, more) => document.head.append(Object.assign(document.createElement('link'), { rel, href, crossOrigin: 'anonymous' }, more));
const root = document.getElementById('upr-viewer-page');
ask('modulepreload', new URL('./${glue}', import.meta.url).href, { integrity: '${integrity}' });
ask('preload', new URL('./${wasm}', import.meta.url).href, { as: 'fetch', type: 'application/wasm' });
const base = root?.getAttribute('data-base') ?? 'data/';
if (root) ask('preload', new URL(base + 'overview.json', document.baseURI).href, { as: 'fetch' });
const bindings = await import('./${glue}');
const wasm = await bindings.default({ module_or_path: new URL('./${wasm}', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
const startScript = compact(start, 'the start-up script');
const startName = hashed('start', startScript, '.js');
fs.writeFileSync(path.join(staging, startName), startScript);
let page = index.replace(inline[0], `<script type="module" src="./${startName}"></script>`);
for (const link of early) page = page.replace(link, '');
fs.writeFileSync(indexPath, page);

// Its own URL, in the folder of embed.js: what a classic script cannot ask for.
const location = 'export default import.meta.url;\n';
const locationName = hashed('upr-viewer-location', location, '.js');
fs.writeFileSync(path.join(staging, locationName), location);
const embed = fs
  .readFileSync(path.join(root, 'static/embed.js'), 'utf8')
  .replace('__UPR_GLUE__', `./${glue}`)
  .replace('__UPR_WASM__', `./${wasm}`)
  .replace('__UPR_LOCATION__', `./${locationName}`)
  .replace('__UPR_PUBLISHED__', published);
fs.writeFileSync(path.join(staging, 'embed.js'), compact(embed, 'embed.js'));

// The prerendered pages (src/bin/prerender.rs), from the index.html above.
// Native code: built by cargo for this machine, the same in both profiles
// (it takes seconds; the test build's pages are those of the release).
const prerender = spawnSync('cargo', ['run', '--quiet', '--release', '--bin', 'prerender', '--', staging], { cwd: root, stdio: 'inherit' });
if (prerender.status !== 0) throw new Error('the prerender failed (see above)');
// Copied with data/ for the prerender, which packs the texts the viewer
// reads (recommendations.bin) from them; no page fetches them: the texts
// as JSON (19 MB) and the dataset's notes stay in the repository's data/.
for (const unused of ['recommendations.json', 'README.md']) fs.rmSync(path.join(staging, 'data', unused), { force: true });

// --- the service worker (static/sw.js), after the prerender's files ---
// What it keeps from the start: the app shell (the code, the style, the
// manifest, the overview, the offline pages written by the prerender) and,
// only where the browser says the connection is fast and data is not
// saved, the rest a reader may open offline (`later`: the home page, the
// texts' scripts, the languages and the States' names, the icons); else
// those are kept as they are asked for. The build's id is a hash of every
// file it may serve, so that any change makes a new worker, which the
// open pages announce (see the start-up script above).
{
  const walk = (dir) => fs.readdirSync(path.join(staging, dir), { withFileTypes: true }).flatMap((entry) => {
    const name = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(name) : [name];
  });
  const all = walk('');
  const shell = [
    startName, glue, wasm, css, 'manifest.webmanifest',
    // The split-off pieces' loader, which the glue imports.
    ...(splitLoader ? [splitLoader] : []),
    // The script that hides a link's unfiltered results until the app
    // draws its answer: every page loads it.
    ...all.filter((f) => f === 'pending.js'),
    // The style sheet the prerendered pages link (the app draws its own).
    ...all.filter((f) => /^viewer-[0-9a-f]+\.css$/.test(f)),
    ...all.filter((f) => /^offline(\.\w+)?\.html$/.test(f)),
    'data/overview.json',
  ];
  const later = [
    'index.html',
    // The code of the charts, the table, a comparison, a profile, the
    // downloads (src/extras.rs).
    ...splitPieces,
    // The texts' worker and its download script, where the build has
    // them (the page downloads the texts itself without the worker).
    ...all.filter((f) => ['texts-worker.js', 'texts-download.js'].includes(f)),
    ...all.filter((f) => /^icons\/.*\.png$/.test(f)),
    ...all.filter((f) => /^i18n\/[^/]+\.json$/.test(f)),
    ...all.filter((f) => /^data\/names-[^/]+\.json$/.test(f)),
  ];
  for (const file of [...shell, ...later]) if (!all.includes(file)) throw new Error(`the service worker would keep ${file}, which the build lacks`);
  const served = all.filter((f) => shell.includes(f) || later.includes(f) || /^(data|i18n)\//.test(f) || /^index(\.\w+)?\.html$/.test(f) || /^(reviews|states)\/[^/]+\.html$/.test(f)).sort();
  const id = crypto.createHash('sha256');
  for (const file of served) id.update(`${file}\0`).update(fs.readFileSync(path.join(staging, file))).update('\0');
  const build = id.digest('hex').slice(0, 16);
  const offline = Object.fromEntries(all.flatMap((f) => {
    const match = /^offline(?:\.(\w+))?\.html$/.exec(f);
    return match ? [[match[1] ?? 'en', f]] : [];
  }));
  const worker = withWorker
    ? compact(fs.readFileSync(path.join(root, 'static/sw.js'), 'utf8'), 'sw.js')
      .replace('__UPR_BUILD__', build)
      .replace('__UPR_SHELL__', JSON.stringify(shell))
      .replace('__UPR_LATER__', JSON.stringify(later))
      .replace('__UPR_OFFLINE__', JSON.stringify(offline))
    // Without a worker, one that an earlier build left at this address
    // (the browser still looks for its update) removes itself, its caches
    // and its hold on the pages.
    : `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith('upr-')) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
})()));
`;
  fs.writeFileSync(path.join(staging, 'sw.js'), worker);
  console.log(withWorker
    ? `post-build: wrote sw.js (build ${build}, ${shell.length} files kept at once and ${later.length} on a fast connection, published ${published})`
    : 'post-build: no service worker (UPR_NO_SERVICE_WORKER); sw.js only removes one left here');
}
// --- end of the service worker ---

if (process.env.TRUNK_PROFILE !== 'release') {
  console.log(`post-build: wrote embed.js (-> ${glue}); no single file in a ${process.env.TRUNK_PROFILE} build`);
  process.exit(0);
}

// The split-off pieces' loader as the single file runs it, from a Blob
// URL: it cannot import the glue (which imports it) by address, so it
// takes the wasm's exports from where the start-up below leaves them, and
// it has each piece inside, as a data: URL.
function singleFileLoader() {
  let loader = fs.readFileSync(path.join(staging, splitLoader), 'utf8');
  const mainImport = `import { initSync } from "./${glue}";`;
  if (!loader.includes(mainImport)) throw new Error('the split-off pieces\' loader does not import the glue as expected');
  loader = loader.replace(mainImport, 'const initSync = () => globalThis.uprViewerExports;');
  for (const piece of splitPieces) {
    const at = `new URL("./${piece}", import.meta.url)`;
    if (!loader.includes(at)) throw new Error(`the split-off pieces' loader does not fetch ./${piece} as expected`);
    loader = loader.replace(at, JSON.stringify(`data:application/wasm;base64,${fs.readFileSync(path.join(staging, piece)).toString('base64')}`));
  }
  return loader;
}

// Inline text must not close its own <script> early.
const inert = (text) => text.replace(/<\/(script)/gi, '<\\/$1');
// In JSON, `<` only occurs inside strings, where \u003c means the same.
const data = (name) => fs.readFileSync(path.join(root, 'data', name), 'utf8').trim().replaceAll('<', '\\u003c');
// The texts as the app reads them, packed and gzipped (written by the
// prerender above), in standard base64: no `<` can close the block early.
const packedTexts = fs.readFileSync(path.join(staging, 'data', 'recommendations.bin')).toString('base64');
// The other languages' messages and State names, which the i18n loader
// reads from these blocks before it would fetch them (src/i18n/load.rs).
const inlineJson = (id, file) => `<script type="application/json" id="${id}">${fs.readFileSync(file, 'utf8').trim().replaceAll('<', '\\u003c')}</script>`;
const languages = fs
  .readdirSync(path.join(root, 'static/i18n'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => [
    inlineJson(`upr-i18n-${f}`, path.join(root, 'static/i18n', f)),
    inlineJson(`upr-data-names-${f}`, path.join(root, 'data', `names-${f}`)),
  ])
  .join('\n');
const standalone = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>Universal Periodic Review viewer (single file)</title>
<style>${fs.readFileSync(path.join(staging, css), 'utf8')}</style>
</head>
<body>
<div id="upr-viewer-page" data-published="${published}"><noscript>This viewer needs JavaScript and WebAssembly.</noscript></div>
<script type="application/json" id="upr-data-overview.json">${data('overview.json')}</script>
<script type="application/octet-stream" id="upr-data-recommendations.bin">${packedTexts}</script>
<script>${inert(compact(fs.readFileSync(path.join(root, 'static/texts-download.js'), 'utf8'), 'texts-download.js'))}</script>
${languages}
<script type="text/plain" id="upr-glue">${inert(fs.readFileSync(path.join(staging, glue), 'utf8'))}</script>
${splitLoader ? `<script type="text/plain" id="upr-split">${inert(singleFileLoader())}</script>` : ''}
<script type="module">
// From file:// nothing can be fetched: the code and data are all above.
const wasm = Uint8Array.from(atob('${fs.readFileSync(path.join(staging, wasm)).toString('base64')}'), (c) => c.charCodeAt(0));
const script = (id) => document.getElementById(id).textContent.replace(/<\\\\\\/script/gi, '</script');
const url = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
${splitLoader
    ? `const glue = await import(url(script('upr-glue').replace('"./${splitLoader}"', JSON.stringify(url(script('upr-split'))))));
globalThis.uprViewerExports = await glue.default({ module_or_path: wasm });`
    : `const glue = await import(url(script('upr-glue')));
await glue.default({ module_or_path: wasm });`}
</script>
</body>
</html>
`;
fs.writeFileSync(path.join(staging, 'upr-viewer-standalone.html'), standalone);
console.log(`post-build: wrote embed.js (-> ${glue}) and upr-viewer-standalone.html (${(Buffer.byteLength(standalone) / 1e6).toFixed(1)} MB, of which the languages ${(Buffer.byteLength(languages) / 1e3).toFixed(0)} kB)`);
