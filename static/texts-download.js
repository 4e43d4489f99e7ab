// The download of the texts file, in one place: run in the texts' worker
// (static/texts-worker.js, importScripts) where a worker can start, and on
// the page's own thread where none can (a policy with worker-src 'none',
// the viewer embedded from another site, the single file opened from
// disk): src/services/worker_fetch.rs loads it there with a <script>
// element, or finds it inline. A classic script, so that both can load it.
//
//   const download = self.uprTextsDownload({ url, inflate }, post);
//   download.read(bytes);   // the page has read that many bytes more
//   download.cancel();      // nothing more is asked for, nothing more said
//
// `inflate`: the file is gzip itself (the packed texts), inflated here by
// the browser's DecompressionStream. `post(message)` is told, in order:
//   {total}               the length the server announced (or null), at
//                         the start of each whole body;
//   {chunk: Uint8Array}   the bytes, in order (it may transfer the buffer);
//   {restart: true}       the bytes handed over so far must be forgotten:
//                         the file is being read again from its first byte
//                         ({total} and the chunks follow);
//   {retrying: {attempt, of, reason}}
//                         a try failed (reason), try `attempt` of `of`
//                         follows after a pause;
//   {done: true}          after the last byte;
//   {failed, message, status, statusText, tries}
//                         the end: failed is "request" (no answer),
//                         "status" (the server refused: status,
//                         statusText), "broken" (the body broke off or did
//                         not inflate), or "file" (what came is not the
//                         file, or this browser cannot read it: message
//                         says which); tries, how often it was asked for.
//
// A break is retried: a network error, a body cut short, a gzip stream
// that ends early, a 5xx, 408 or 429 status, after a pause that doubles
// (DELAYS), or as long as a short Retry-After asks. A server that said
// Accept-Ranges: bytes and named the file's version (ETag or
// Last-Modified) is asked for the rest only (Range, If-Range), and the
// rest goes on into the same inflater; any other answer starts over.
// What is refused at once: a 4xx status, and a body that is not the file
// (an HTML page: a host's "not found" page sent with 200, or a sign-in
// page in front of the data). A missing Content-Length, or a wrong
// Content-Type on the right bytes, harms nothing.
(function (scope) {
  'use strict';

  // It reads ahead at most LIMIT bytes the page has not yet acknowledged,
  // so that a slow page never holds the file twice; today's whole file
  // (12 MB inflated) is within it, and at 16 times today's data 64 MB
  // gained as much as no limit at all (docs/performance-log.md).
  const LIMIT = 64 << 20;
  // The pauses before the second, third... try: five tries in all, over
  // about eight seconds, long enough for a connection that drops for a
  // moment or a server that restarts.
  const DELAYS = [500, 1000, 2000, 4000];
  const TRIES = DELAYS.length + 1;
  // A Retry-After longer than this is not waited for: the page would sit
  // there; the person can press Try again.
  const LONGEST_WAIT_MS = 30000;
  // No byte for this long: the connection is taken for dead and asked
  // again (a body that stalls never ends on its own). Only the waits for
  // the network count, never those for the page.
  const STALL_MS = 30000;

  const GZIP = [0x1f, 0x8b];

  scope.uprTextsDownload = function uprTextsDownload(request, post) {
    const url = String(request.url);
    const inflate = Boolean(request.inflate);
    const sameOrigin = isSameOrigin(url);

    let cancelled = false;
    const say = (message) => {
      if (!cancelled) post(message);
    };

    // Flow control: bytes handed over and not yet acknowledged.
    let unread = 0;
    let wake = null;
    const wakeUp = () => {
      if (wake) {
        const resume = wake;
        wake = null;
        resume();
      }
    };

    let tries = 0;
    // Bytes of the file received in order from its first (compressed,
    // when inflating): where a resumed request starts.
    let received = 0;
    // Bytes handed to the page since the last start from byte 0.
    let handed = 0;
    // What the last whole answer said of the file: whether the rest can be
    // asked for, and the version to ask it of.
    let resumable = false;
    let version = null;
    let size = null;
    // The next try must start from byte 0 (the inflater broke, or the
    // server did not resume where asked).
    let fresh = true;
    let inflater = null;
    let controller = null;
    let pause = null;

    async function hand(chunk) {
      if (cancelled) return;
      unread += chunk.byteLength;
      handed += chunk.byteLength;
      // Said last: the buffer may be transferred.
      say({ chunk });
      if (unread >= LIMIT && !cancelled) await new Promise((resolve) => { wake = resolve; });
    }

    async function run() {
      if (inflate && typeof DecompressionStream === 'undefined') {
        say({ failed: 'file', message: 'this browser cannot inflate gzip (it has no DecompressionStream): a newer one can', tries: 0 });
        return;
      }
      for (;;) {
        tries += 1;
        let outcome;
        try {
          outcome = await attempt();
        } catch (error) {
          // Nothing above should throw; if it does, it is a break like any.
          outcome = again({ failed: 'broken', message: describe(error) }, { fresh: true });
        }
        if (cancelled) return;
        if (outcome.done) {
          say({ done: true });
          return;
        }
        if (outcome.final) {
          say({ ...outcome.final, tries });
          return;
        }
        const wait = Math.max(DELAYS[tries - 1] ?? 0, outcome.wait ?? 0);
        // Offline, another try in a few seconds finds the same: the app
        // asks again when the browser is back online.
        const offline = globalThis.navigator?.onLine === false;
        if (tries >= TRIES || offline || (outcome.wait ?? 0) > LONGEST_WAIT_MS) {
          say({ ...outcome.retry, tries });
          return;
        }
        say({ retrying: { attempt: tries + 1, of: TRIES, reason: reason(outcome.retry) } });
        await new Promise((resolve) => {
          pause = { timer: setTimeout(resolve, outcome.immediately ? 0 : wait), resolve };
        });
        pause = null;
        if (cancelled) return;
      }
    }

    /** One request, read as far as it goes: {done}, {final: failure}, or
     *  {retry: failure, wait, immediately} for a failure worth another try. */
    async function attempt() {
      const ranged = !fresh && resumable && received > 0;
      const headers = {};
      if (ranged) {
        headers.Range = `bytes=${received}-`;
        // If-Range is not a header a page may send to another site without
        // asking first (a preflight the server may not answer): there, the
        // answer's Content-Range and version are checked instead.
        if (sameOrigin && version) headers['If-Range'] = version;
      }
      controller = new AbortController();
      let response;
      try {
        response = await watched(fetch(url, {
          // After the app's code and overview, where the network is what is slow.
          priority: 'low',
          headers,
          signal: controller.signal,
          // A range is asked of the server, not pieced together from a cache.
          cache: ranged ? 'no-store' : 'default',
        }));
      } catch (error) {
        // To another site, a Range may have needed a preflight the server
        // refused: the next try asks for the whole file.
        if (ranged && !sameOrigin) fresh = true;
        return again({ failed: 'request', message: describe(error) });
      }
      if (cancelled) return { final: null };
      const { status, statusText } = response;
      const type = response.headers.get('content-type') ?? '';
      if (status === 408 || status === 429 || status >= 500) {
        discard(response);
        return again({ failed: 'status', status, statusText }, { wait: retryAfter(response) });
      }
      if (ranged && status === 416) {
        discard(response);
        fresh = true;
        return again({ failed: 'broken', message: `the server would not send the rest of the file from byte ${received}` }, { immediately: true });
      }
      if (!response.ok) {
        discard(response);
        return { final: { failed: 'status', status, statusText } };
      }
      if (/^\s*text\/html\b/i.test(type)) {
        discard(response);
        return { final: { failed: 'file', message: htmlPage(response) } };
      }
      if (ranged && status === 206) {
        if (!continues(response)) {
          discard(response);
          fresh = true;
          return again({ failed: 'broken', message: `the server did not send the rest of the file from byte ${received}` }, { immediately: true });
        }
      } else {
        // The whole file, from its first byte: whatever was handed over
        // before is forgotten (a 200 to a Range: the file changed, or the
        // server ignores ranges).
        startOver();
        const length = Number(response.headers.get('content-length'));
        size = Number.isFinite(length) && length > 0 ? length : null;
        const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
        version = response.headers.get('etag') ?? response.headers.get('last-modified');
        // Ranges of a body the server compresses again count bytes of
        // that compression, not of the file.
        resumable = !encoded && version !== null && /\bbytes\b/i.test(response.headers.get('accept-ranges') ?? '');
        say({ total: size });
      }
      return pump(response);
    }

    /** Reads a body the server sent, from byte `received` of the file. */
    async function pump(response) {
      if (!response.body) return again({ failed: 'broken', message: 'the response has no body' }, { fresh: true });
      const reader = response.body.getReader();
      for (;;) {
        let next;
        try {
          next = await watched(reader.read());
        } catch (error) {
          return again({ failed: 'broken', message: describe(error) });
        }
        if (cancelled) return { final: null };
        if (next.done) break;
        const chunk = next.value;
        // Read before the chunk is handed over: a worker transfers its buffer.
        const length = chunk.byteLength;
        if (inflate && received < GZIP.length) {
          const wrong = GZIP.findIndex((byte, at) => at >= received && at - received < chunk.byteLength && chunk[at - received] !== byte);
          if (wrong !== -1) {
            reader.cancel().catch(() => {});
            return { final: { failed: 'file', message: notGzip(response, chunk) } };
          }
        }
        if (inflate) {
          try {
            await inflater.write(chunk);
          } catch (error) {
            reader.cancel().catch(() => {});
            return again({ failed: 'broken', message: `the file did not inflate (${describe(error)})` }, { fresh: true });
          }
        } else {
          await hand(chunk);
        }
        received += length;
        if (cancelled) return { final: null };
      }
      // The body ended where the server said it would (else the browser
      // reports a break): what remains to know is whether the gzip stream
      // ended too, which only closing the inflater tells.
      if (!inflate) return { done: true };
      try {
        await inflater.close();
      } catch (error) {
        return again({ failed: 'broken', message: `the gzip stream ended early (${describe(error)})` }, { fresh: true });
      }
      return { done: true };
    }

    /** A failure worth another try; `fresh`: from the first byte. */
    function again(failure, { wait = 0, immediately = false, fresh: restart = false } = {}) {
      if (restart) fresh = true;
      return { retry: failure, wait, immediately };
    }

    function startOver() {
      inflater?.discard();
      inflater = inflate ? new Inflater(hand) : null;
      if (handed > 0) say({ restart: true });
      handed = 0;
      received = 0;
      fresh = false;
    }

    /** Whether a 206 goes on from byte `received` of the same file. */
    function continues(response) {
      const range = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(response.headers.get('content-range') ?? '');
      if (!range || Number(range[1]) !== received) return false;
      if (size !== null && range[3] !== '*' && Number(range[3]) !== size) return false;
      const said = response.headers.get('etag') ?? response.headers.get('last-modified');
      return said === null || said === version;
    }

    /** `promise`, or a rejection once the network has said nothing for STALL_MS. */
    async function watched(promise) {
      const current = controller;
      const timer = setTimeout(() => current.abort(new Error(`nothing came for ${STALL_MS / 1000} s`)), STALL_MS);
      try {
        return await promise;
      } finally {
        clearTimeout(timer);
      }
    }

    function discard(response) {
      response.body?.cancel().catch(() => {});
    }

    run().catch((error) => say({ failed: 'broken', message: describe(error), tries }));

    return {
      read(bytes) {
        unread -= Number(bytes) || 0;
        if (unread < LIMIT) wakeUp();
      },
      cancel() {
        cancelled = true;
        controller?.abort();
        inflater?.discard();
        if (pause) {
          clearTimeout(pause.timer);
          pause.resolve();
        }
        wakeUp();
      },
    };
  };

  /** A gzip inflater fed by hand, so that a resumed body goes on into the
   *  stream the first one began; what comes out is handed on with `hand`. */
  function Inflater(hand) {
    const stream = new DecompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    let stale = false;
    const drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || stale) return;
        await hand(value);
      }
    })();
    // Observed by close(); one discarded is not waited for.
    drained.catch(() => {});
    this.write = async (chunk) => {
      await writer.ready;
      await writer.write(chunk);
    };
    this.close = async () => {
      await writer.close();
      await drained;
    };
    this.discard = () => {
      stale = true;
      writer.abort().catch(() => {});
      reader.cancel().catch(() => {});
    };
  }

  function isSameOrigin(url) {
    try {
      return new URL(url, scope.location.href).origin === scope.location.origin;
    } catch {
      return false;
    }
  }

  /** Milliseconds the server asked to wait (Retry-After), or 0. */
  function retryAfter(response) {
    const value = (response.headers.get('retry-after') ?? '').trim();
    if (!value) return 0;
    const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }

  const answer = (response) => [`${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.headers.get('content-type') || 'no Content-Type'].join(', ');

  function htmlPage(response) {
    return `the server sent an HTML page (${answer(response)}) in place of the data file`;
  }

  function notGzip(response, chunk) {
    if (chunk[0] === 0x3c) return htmlPage(response);
    const first = Array.from(chunk.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return `the server sent something else in place of the data file (${answer(response)}; it begins ${first}, the file with 1f 8b)`;
  }

  function reason(failure) {
    if (failure.failed === 'status') return `the server answered ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}`;
    if (failure.failed === 'request') return `the network request failed (${failure.message})`;
    return failure.message;
  }

  function describe(error) {
    return String(error?.message ?? error);
  }
})(self);
