//! Fetching a file as text or piece by piece, reporting bytes as they arrive so that a
//! progress bar can show how much of a large file has loaded.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, Response, WritableStream,
};

// The browser's gzip inflater, declared here: web-sys has it only among
// its unstable APIs (behind a compiler flag), though every current
// browser has had it since 2023.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

use super::slices::{now, Slices};

/// Bytes received so far, and the total when the server announced it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

/// Fetches `url` whole, as text: copied into wasm memory once, at its
/// size. (Gathered piece by piece, the overview at 16 times today's data,
/// 7 MB, was copied again at every doubling of its buffer.)
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = request(url).await?;
    let body = response.array_buffer().map_err(|e| describe(&e))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| broke_off(&describe(&e)))?;
    let bytes = Uint8Array::new(&body).to_vec();
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// How a body is read: as the server sent it (the browser has undone any
/// compression of the transfer), or inflated from the gzip the file is
/// (the packed texts, `upr_import::write_gzipped`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    AsSent,
    Gzipped,
}

/// Hands the body to `on_chunk` piece by piece as it arrives, so that a
/// large file is read without being held whole in WebAssembly memory.
pub async fn fetch_chunks(
    url: &str,
    body: Body,
    on_progress: impl Fn(Progress),
    mut on_chunk: impl FnMut(&[u8]),
) -> Result<(), String> {
    let response = request(url).await?;
    // A compressed transfer announces its compressed length, which the
    // decoded bytes outgrow; a total is only given when it is meaningful.
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok());
    let Some(stream) = response.body() else {
        let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
            .await
            .map_err(|e| describe(&e))?;
        on_chunk(
            text.as_string()
                .ok_or_else(|| "the body is not text".to_owned())?
                .as_bytes(),
        );
        return Ok(());
    };
    let stream = match body {
        Body::AsSent => stream,
        Body::Gzipped => inflate(&stream)?,
    };
    read_stream(&stream, Feeder::new(total), on_progress, on_chunk).await
}

/// The response to a request for `url`, if the server sent the file.
async fn request(url: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| request_failed(&describe(&e), url))?
        .dyn_into()
        .map_err(|_| "the fetch did not return a response".to_owned())?;
    if !response.ok() {
        return Err(refused(response.status(), &response.status_text()));
    }
    Ok(response)
}

/// `stream` inflated from gzip by the browser.
pub fn inflate(stream: &ReadableStream) -> Result<ReadableStream, String> {
    let inflater = DecompressionStream::new("gzip").map_err(|_| {
        "this browser cannot inflate gzip (it has no DecompressionStream): a newer one can"
            .to_owned()
    })?;
    let pair = ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    Ok(stream.pipe_through(&pair))
}

/// Hands the bytes of `stream` to `on_chunk` as they come.
pub async fn read_stream(
    stream: &ReadableStream,
    mut feeder: Feeder,
    on_progress: impl Fn(Progress),
    mut on_chunk: impl FnMut(&[u8]),
) -> Result<(), String> {
    let reader: ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| "cannot read the response body".to_owned())?;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| broke_off(&describe(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|e| describe(&e))?;
        feeder
            .feed(&Uint8Array::new(&value), &on_progress, &mut on_chunk)
            .await;
    }
    Ok(())
}

/// Hands a body's bytes to the reader as they arrive, a piece at a time,
/// and reports how much has arrived.
pub struct Feeder {
    buffer: Vec<u8>,
    received: u64,
    total: Option<u64>,
    /// Each report re-renders the viewer: one per megabyte (184 for the
    /// packed texts at 16 times today's data) cost a second of the main
    /// thread. A bar moved ten times a second looks no less alive.
    next_report_at: f64,
    slices: Slices,
}

/// Between two reports of progress.
const REPORT_EVERY_MS: f64 = 100.0;

impl Feeder {
    pub fn new(total: Option<u64>) -> Self {
        Feeder {
            buffer: vec![0; PIECE as usize],
            received: 0,
            total,
            next_report_at: 0.0,
            slices: Slices::new(),
        }
    }

    /// A browser may hand over megabytes at once: copied into wasm memory
    /// a piece at a time, so that no copy of it stays there.
    pub(super) async fn feed(
        &mut self,
        array: &Uint8Array,
        on_progress: &impl Fn(Progress),
        on_chunk: &mut impl FnMut(&[u8]),
    ) {
        let length = array.length();
        let mut at = 0;
        while at < length {
            let end = length.min(at + PIECE);
            let piece = &mut self.buffer[..(end - at) as usize];
            array.subarray(at, end).copy_to(piece);
            on_chunk(piece);
            at = end;
            self.slices.breathe().await;
        }
        self.received += length as u64;
        let now = now();
        if now >= self.next_report_at {
            on_progress(Progress {
                received: self.received,
                total: self.total.filter(|t| *t >= self.received),
            });
            self.next_report_at = now + REPORT_EVERY_MS;
        }
    }
}

/// The most of a chunk copied into wasm memory at once, and read in one
/// go: a few milliseconds of parsing, so that the reading yields to the
/// browser often enough ([`Slices`]).
pub const PIECE: u32 = 1 << 16;

/// `url` as a whole address, read from the page's own (a data folder
/// given relative to the page, a link's `?review=…`).
pub fn resolve(url: &str) -> Option<web_sys::Url> {
    let page = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(url, &page).ok()
}

/// What the viewer says of a failed download, made by the page or by the
/// texts' worker ([`worker_fetch`]): the request itself failed (`detail`
/// from the browser)...
///
/// [`worker_fetch`]: super::worker_fetch
pub(super) fn request_failed(detail: &str, url: &str) -> String {
    format!("the network request failed ({detail}){}", other_site(url))
}

/// ...the server refused the file...
pub(super) fn refused(status: u16, status_text: &str) -> String {
    format!("the server answered {status} {status_text}")
}

/// ...or the body stopped part way.
pub(super) fn broke_off(detail: &str) -> String {
    format!("the download broke off ({detail})")
}

/// A site that does not allow others to read its files fails a request
/// exactly like a broken network; when the file is on another site, say
/// what that site must send.
fn other_site(url: &str) -> String {
    let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
        return String::new();
    };
    match resolve(url) {
        Some(target) if target.origin() != origin => format!(
            "; the file is on another site ({}), which must send the header Access-Control-Allow-Origin with it",
            target.origin()
        ),
        _ => String::new(),
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
