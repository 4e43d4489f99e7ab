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
// download starts before the page has started the app, read and drawn the
// overview (at 16 times today's data, a second and more): what is read
// and inflated meanwhile is what the page gains, so the limit is not
// small. At that scale (184 MB inflated) 64 MB gained as much as no limit
// at all (texts loaded 2.0 -> 1.7 s, 32 MB -> 64 MB); today's whole file
// (12 MB) is within it.

const LIMIT = 64 << 20;
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
    // After the app's code and overview, which the page asked for just
    // before, where the network is what is slow.
    response = await fetch(url, { priority: 'low' });
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
