// Trunk post-build hook (see Trunk.toml): writes into the staged build
//  - start-<hash>.js, Trunk's inline start-up script moved into a file, so
//    the page runs under a Content Security Policy without 'unsafe-inline';
//  - embed.js, the stable entry point of <upr-viewer>, naming the hashed
//    code files it loads, and upr-viewer-location-<hash>.js, a module that
//    tells embed.js where it is (see static/embed.js);
//  - upr-viewer-standalone.html, one file with the app, the dataset and
//    the languages inside, that works when opened straight from disk
//    (file://); only in
//    a release build (a debug build is for tests, and its wasm is large).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
const integrity = /integrity="([^"]*)"/.exec(early[0].exec(index)?.[0] ?? '')?.[1];
if (!integrity || !early[1].test(index)) throw new Error(`index.html has no early links to ./${glue} and ./${wasm} to move`);
// The start-up script, in a file (a Content Security Policy without
// 'unsafe-inline' runs it). The page is prerendered HTML: its first paint
// needs none of the app. The app's code and data are asked for after that
// paint, so that on a slow network they do not take bandwidth from the
// page's stylesheet, and the paint never waits for them (a preload in the
// head counts, for Lighthouse, as something the largest paint depends on).
// Then all three at once: the glue, the wasm and the overview, whose
// folder the page root names. Addresses are relative to this script: the
// pages under reviews/ and states/ load it from one folder up.
// The texts' worker (static/texts-worker.js) starts here too, not once
// the app has started: at 16 times today's data it reads and inflates
// 180 MB, and the app's start is half a second it can use. The app takes
// it over with what it has said meanwhile (src/services/worker_fetch.rs,
// EARLY_WORKER); the worker asks for the file at low priority, after the
// code and the overview. Where the worker cannot start, the app starts
// its own download as before.
const start = `await new Promise((painted) => {
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
if (root && base.endsWith('data/') && !document.getElementById('upr-data-recommendations.bin')) {
  try {
    const worker = new Worker(new URL(base.slice(0, -'data/'.length) + 'texts-worker.js', document.baseURI));
    const said = [];
    worker.onmessage = (event) => said.push(event.data);
    worker.onerror = (event) => { event.preventDefault(); said.push(null); };
    const url = new URL(base + 'recommendations.bin', document.baseURI).href;
    worker.postMessage({ url, inflate: true });
    window.uprViewerEarlyTexts = { url, worker, said };
  } catch {}
}
const bindings = await import('./${glue}');
const wasm = await bindings.default({ module_or_path: new URL('./${wasm}', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
const startName = `start-${crypto.createHash('sha256').update(start).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(staging, startName), start);
let page = index.replace(inline[0], `<script type="module" src="./${startName}"></script>`);
for (const link of early) page = page.replace(link, '');
fs.writeFileSync(indexPath, page);

const location = '// Its own URL, in the folder of embed.js: what a classic script cannot ask for.\nexport default import.meta.url;\n';
const locationName = `upr-viewer-location-${crypto.createHash('sha256').update(location).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(staging, locationName), location);
const embed = fs
  .readFileSync(path.join(root, 'static/embed.js'), 'utf8')
  .replace('__UPR_GLUE__', `./${glue}`)
  .replace('__UPR_WASM__', `./${wasm}`)
  .replace('__UPR_LOCATION__', `./${locationName}`);
fs.writeFileSync(path.join(staging, 'embed.js'), embed);

// The prerendered pages (src/bin/prerender.rs), from the index.html above.
// Native code: built by cargo for this machine, the same in both profiles
// (it takes seconds; the test build's pages are those of the release).
const prerender = spawnSync('cargo', ['run', '--quiet', '--release', '--bin', 'prerender', '--', staging], { cwd: root, stdio: 'inherit' });
if (prerender.status !== 0) throw new Error('the prerender failed (see above)');
// Copied with data/ for the prerender, which packs the texts the viewer
// reads (recommendations.bin) from them; no page fetches them: the texts
// as JSON (19 MB) and the dataset's notes stay in the repository's data/.
for (const unused of ['recommendations.json', 'README.md']) fs.rmSync(path.join(staging, 'data', unused), { force: true });

if (process.env.TRUNK_PROFILE !== 'release') {
  console.log(`post-build: wrote embed.js (-> ${glue}); no single file in a ${process.env.TRUNK_PROFILE} build`);
  process.exit(0);
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
<div id="upr-viewer-page"><noscript>This viewer needs JavaScript and WebAssembly.</noscript></div>
<script type="application/json" id="upr-data-overview.json">${data('overview.json')}</script>
<script type="application/octet-stream" id="upr-data-recommendations.bin">${packedTexts}</script>
${languages}
<script type="text/plain" id="upr-glue">${inert(fs.readFileSync(path.join(staging, glue), 'utf8'))}</script>
<script type="module">
// From file:// nothing can be fetched: the code and data are all above.
const wasm = Uint8Array.from(atob('${fs.readFileSync(path.join(staging, wasm)).toString('base64')}'), (c) => c.charCodeAt(0));
const source = document.getElementById('upr-glue').textContent.replace(/<\\\\\\/script/gi, '</script');
const glue = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
await glue.default({ module_or_path: wasm });
</script>
</body>
</html>
`;
fs.writeFileSync(path.join(staging, 'upr-viewer-standalone.html'), standalone);
console.log(`post-build: wrote embed.js (-> ${glue}) and upr-viewer-standalone.html (${(Buffer.byteLength(standalone) / 1e6).toFixed(1)} MB, of which the languages ${(Buffer.byteLength(languages) / 1e3).toFixed(0)} kB)`);
