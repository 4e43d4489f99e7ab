// A minimal static file server for end-to-end tests: serves a folder under
// a path prefix on 127.0.0.1, so a test can check the build works from any
// subpath. Also runnable alone: node static-server.mjs DIR [PREFIX] [PORT].
import http from 'node:http';
import crypto from 'node:crypto';
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
 * `faults(pathname, req)`, asked for each file found, returns how to
 * misbehave with it (see `answerWithFault`), or nothing to serve it as is.
 */
export function serve(mounts, { port = 0, headers = {}, gzip = false, intercept, faults } = {}) {
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
      const fault = inForce(faults?.(pathname, req));
      if (fault) {
        answerWithFault(req, res, body, { 'content-type': type, ...headers, ...mountHeaders }, fault);
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

/** `fault`, its misbehaviour left out once it has been used its `times`
 *  (counted on it). */
function inForce(fault) {
  if (!fault) return null;
  fault.used = (fault.used ?? 0) + 1;
  if (fault.times === undefined || fault.used <= fault.times) return fault;
  const { status, html, cutAt, ...rest } = fault;
  return rest;
}

const HTML_PAGE = '<!doctype html><html><head><title>Page not found</title></head><body><h1>Sorry, this page does not exist</h1></body></html>';

/**
 * Answers with `body` (the file) misbehaving as `fault` says, each field
 * optional:
 *   times      status, html and cutAt only for the first `times`
 *              requests it is returned for (the other fields for all);
 *   status     answer this status with a short text body, not the file
 *              (retryAfter: its Retry-After, in seconds);
 *   html       answer 200 with an HTML page in place of the file;
 *   type       this Content-Type, not the file's;
 *   noLength   no Content-Length (the body is chunked);
 *   ranges     answer `Range: bytes=N-` with 206 from byte N (an If-Range
 *              that is not the ETag: the whole file), and say
 *              Accept-Ranges and ETag;
 *   cutAt      send only this fraction of the body's bytes, then
 *   cutHow     'reset' (default: destroy the connection), 'close' (close
 *              it cleanly, short of the length announced or of the last
 *              chunk), or 'end' (end the response as if complete: without
 *              a Content-Length, a body cut short that looks whole);
 *   throttle   { bytes, everyMs }: a slow connection, that many bytes at
 *              a time.
 */
function answerWithFault(req, res, body, headers, fault) {
  if (fault.status) {
    res.writeHead(fault.status, {
      'content-type': 'text/plain; charset=utf-8',
      ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
    }).end(`failed on purpose with ${fault.status}`);
    return;
  }
  let status = 200;
  let sent = fault.html ? Buffer.from(HTML_PAGE) : body;
  const head = { ...headers, 'content-type': fault.type ?? (fault.html ? 'text/html; charset=utf-8' : headers['content-type']) };
  if (fault.ranges && !fault.html) {
    const etag = `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    Object.assign(head, { 'accept-ranges': 'bytes', etag });
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range && (ifRange === undefined || ifRange === etag)) {
      const start = Number(range[1]);
      if (start >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      status = 206;
      sent = body.subarray(start);
      head['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    }
  }
  if (!fault.noLength) head['content-length'] = sent.length;
  res.writeHead(status, head);
  const cut = fault.cutAt !== undefined;
  const part = cut ? sent.subarray(0, Math.floor(sent.length * fault.cutAt)) : sent;
  const how = cut ? fault.cutHow ?? 'reset' : 'end';
  const { bytes = part.length || 1, everyMs = 0 } = fault.throttle ?? {};
  const next = (at) => {
    if (res.destroyed) return;
    const piece = part.subarray(at, at + bytes);
    if (at + bytes < part.length) {
      res.write(piece, () => setTimeout(() => next(at + bytes), everyMs));
    } else if (how === 'end') {
      res.end(piece);
    } else {
      // Once the part has left: whatever was still queued would be lost.
      res.write(piece, () => (how === 'close' ? res.socket?.end() : res.socket?.destroy()));
    }
  };
  next(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', prefix = '/', port = '8080'] = process.argv.slice(2);
  const { url } = await serve({ [prefix]: dir }, { port: Number(port) });
  console.log(`serving ${dir} at ${url(prefix)}`);
}
