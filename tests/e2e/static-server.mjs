// A minimal static file server for end-to-end tests: serves a folder under
// a path prefix on 127.0.0.1, so a test can check the build works from any
// subpath. Also runnable alone: node static-server.mjs DIR [PREFIX] [PORT].
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `mounts` ({ prefix: dir } or { prefix: { dir, headers } }, where
 * `headers` is an object or a function of the file's path) and resolves to
 * { server, url(prefix) }. `intercept(req, res, pathname)` sees each request
 * first and returns true when it has answered it (to fake a broken network).
 */
export function serve(mounts, { port = 0, headers = {}, gzip = false, intercept } = {}) {
  const compressed = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    if (intercept?.(req, res, pathname)) return;
    const prefix = Object.keys(mounts)
      .filter((p) => pathname.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    const mount = typeof mounts[prefix] === 'string' ? { dir: mounts[prefix] } : mounts[prefix];
    const root = path.resolve(mount.dir);
    let file = path.resolve(root, '.' + pathname.slice(prefix.length - 1));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const mountHeaders = typeof mount.headers === 'function' ? mount.headers(file) : mount.headers;
    // As a CDN would: compress text and wasm for clients that accept it,
    // once, and answer from its cache after that (without reading the
    // file again: 43 MB for the benchmark's packed texts at 16x).
    const compressing = gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/');
    const sendCompressed = () => {
      const packed = compressed.get(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': packed.length, ...headers, ...mountHeaders });
      res.end(packed);
    };
    if (compressing && compressed.has(file)) {
      sendCompressed();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end('not found');
        return;
      }
      if (compressing) {
        compressed.set(file, zlib.gzipSync(body, { level: 9 }));
        sendCompressed();
        return;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, ...headers, ...mountHeaders });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, url: (prefix) => `http://127.0.0.1:${port}${prefix}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', prefix = '/', port = '8080'] = process.argv.slice(2);
  const { url } = await serve({ [prefix]: dir }, { port: Number(port) });
  console.log(`serving ${dir} at ${url(prefix)}`);
}
