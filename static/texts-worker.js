// Downloads the texts file for the page and hands its bytes over as they
// arrive (src/services/worker_fetch.rs). The download itself, its retries
// and resumes, is static/texts-download.js, which the page runs on its own
// thread where no worker can start; here it runs off the page's thread,
// and with it whatever the browser does with a large body when it
// completes (a browser with its developer tools open decodes the whole
// file as text at that moment: 50-100 ms for the texts).
//
// The page asks with {url, inflate} and acknowledges what it has read with
// {read: bytes} (flow control); this posts what texts-download.js says,
// the chunks' buffers transferred, not copied.

// Resolved against this script's address: the two are side by side.
importScripts('texts-download.js');

let download = null;

onmessage = ({ data }) => {
  if (data.url && !download) {
    download = self.uprTextsDownload(data, (message) => {
      postMessage(message, message.chunk ? [message.chunk.buffer] : []);
    });
  }
  if (data.read) download?.read(data.read);
};
