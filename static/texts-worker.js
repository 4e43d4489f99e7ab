// Downloads one file for the page and hands its bytes over as they arrive
// (src/services/worker_fetch.rs). The page reads them as before; what moves
// here is the download itself, and with it whatever the browser does with a
// large body when it completes (a browser with its developer tools open
// decodes the whole file as text at that moment: 50-100 ms for the texts).
//
// The page asks with {url, inflate}; inflate: the file is gzip itself (the
// packed texts), inflated here, off the page's thread. This answers with
//   {total}               once, the length the server announced (or null),
//   {chunk: Uint8Array}   the bytes, in order (the buffer is transferred),
//   {done: true}          after the last byte,
//   {failed, message, status, statusText}
//                         failed is "request", "status" or "broken".
// It reads ahead at most LIMIT bytes the page has not yet acknowledged
// with {read: bytes}, so that a slow page never holds the file twice. The
// page starts the download before it has read and drawn the overview: the
// bytes read ahead meanwhile are what it gains (at 16 times today's data
// the overview takes a second), so the limit is not small.

const LIMIT = 32 << 20;
let unread = 0;
let wake = null;

onmessage = ({ data }) => {
  if (data.url) download(data.url, data.inflate);
  if (data.read) {
    unread -= data.read;
    if (wake && unread < LIMIT) { wake(); wake = null; }
  }
};

async function download(url, inflate) {
  if (inflate && typeof DecompressionStream === 'undefined') {
    postMessage({ failed: 'broken', message: 'this browser cannot inflate gzip (it has no DecompressionStream): a newer one can' });
    return;
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    postMessage({ failed: 'request', message: String(error?.message ?? error) });
    return;
  }
  if (!response.ok) {
    postMessage({ failed: 'status', status: response.status, statusText: response.statusText });
    return;
  }
  const length = Number(response.headers.get('content-length'));
  postMessage({ total: Number.isFinite(length) && length > 0 ? length : null });
  try {
    const body = inflate ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      unread += value.byteLength;
      postMessage({ chunk: value }, [value.buffer]);
      if (unread >= LIMIT) await new Promise((resolve) => { wake = resolve; });
    }
  } catch (error) {
    postMessage({ failed: 'broken', message: String(error?.message ?? error) });
    return;
  }
  postMessage({ done: true });
}
