//! Fetching a small file whole as text ([`fetch_text`]: the overview, the
//! languages), with retries; and what reading a download takes, whoever
//! made it ([`Feeder`], [`Progress`]). The texts file is downloaded by
//! [`worker_fetch`](super::worker_fetch).

use gloo::timers::future::TimeoutFuture;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::slices::{now, Slices};

/// Bytes received so far, and the total when the server announced it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
}

/// The pauses before the second, third... try, as `static/texts-download.js`
/// makes them: five tries over about eight seconds, for a connection that
/// drops for a moment or a server that restarts.
const DELAYS_MS: [u32; 4] = [500, 1000, 2000, 4000];
/// A Retry-After longer than this is not waited for (the person can press
/// Try again).
const LONGEST_WAIT_MS: u32 = 30_000;

/// Fetches `url` whole, as text: copied into wasm memory once, at its
/// size. (Gathered piece by piece, the overview at 16 times today's data,
/// 7 MB, was copied again at every doubling of its buffer.) A network
/// error, a body cut short, a 5xx, 408 or 429 status is tried again after
/// a pause; a 4xx status, or an HTML page in place of the file (a host's
/// "not found" page sent with 200), is refused at once.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let mut tries = 0;
    loop {
        tries += 1;
        let (failure, wait) = match fetch_text_once(url).await {
            Ok(text) => return Ok(text),
            Err(Failure::Final(message)) => return Err(after_tries(message, tries)),
            Err(Failure::Request(detail)) => (request_failed(&detail, url, tries), 0),
            Err(Failure::Again(message, wait)) => (after_tries(message, tries), wait),
        };
        let Some(delay) = DELAYS_MS.get(tries as usize - 1) else {
            return Err(failure);
        };
        if wait > LONGEST_WAIT_MS {
            return Err(failure);
        }
        TimeoutFuture::new((*delay).max(wait)).await;
    }
}

/// What the viewer says of an HTML page sent in place of a data file (as
/// `static/texts-download.js` does): a host's "not found" page with status
/// 200, a sign-in page in front of the data.
fn html_page(status: u16, status_text: &str, kind: &str) -> String {
    let kind = match kind {
        "" => "no Content-Type",
        kind => kind,
    };
    let status_text = match status_text {
        "" => String::new(),
        text => format!(" {text}"),
    };
    format!(
        "the server sent an HTML page ({status}{status_text}, {kind}) in place of the data file"
    )
}

/// Why one try of [`fetch_text`] failed.
enum Failure {
    /// No answer (the browser's words).
    Request(String),
    /// Worth another try, after at least this many milliseconds.
    Again(String, u32),
    /// Not.
    Final(String),
}

async fn fetch_text_once(url: &str) -> Result<String, Failure> {
    let window = web_sys::window().ok_or(Failure::Final("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| Failure::Request(describe(&e)))?
        .dyn_into()
        .map_err(|_| Failure::Final("the fetch did not return a response".into()))?;
    let status = response.status();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    if matches!(status, 408 | 429 | 500..) {
        let wait = header("retry-after")
            .and_then(|v| v.trim().parse::<u32>().ok())
            .map_or(0, |seconds| seconds.saturating_mul(1000));
        return Err(Failure::Again(
            refused(status, &response.status_text()),
            wait,
        ));
    }
    if !response.ok() {
        return Err(Failure::Final(refused(status, &response.status_text())));
    }
    let kind = header("content-type").unwrap_or_default();
    let html_page = || Failure::Final(html_page(status, &response.status_text(), &kind));
    if kind
        .trim_start()
        .get(..9)
        .is_some_and(|k| k.eq_ignore_ascii_case("text/html"))
    {
        return Err(html_page());
    }
    let body = response
        .array_buffer()
        .map_err(|e| Failure::Final(describe(&e)))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| Failure::Again(broke_off(&describe(&e)), 0))?;
    let bytes = Uint8Array::new(&body).to_vec();
    // JSON never begins with `<`; a page does.
    let first = bytes
        .iter()
        .find(|b| !(b.is_ascii_whitespace() || matches!(b, 0xef | 0xbb | 0xbf)));
    if first == Some(&b'<') {
        return Err(html_page());
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::Final(format!(
            "the file is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
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
pub(super) fn request_failed(detail: &str, url: &str, tries: u32) -> String {
    let failed = after_tries(format!("the network request failed ({detail})"), tries);
    format!("{failed}{}", other_site(url))
}

/// ...the server refused the file...
pub(super) fn refused(status: u16, status_text: &str) -> String {
    format!("the server answered {status} {status_text}")
}

/// ...or the body stopped part way.
pub(super) fn broke_off(detail: &str) -> String {
    format!("the download broke off ({detail})")
}

/// `failure`, and how often the file was asked for when more than once.
pub(super) fn after_tries(failure: String, tries: u32) -> String {
    match tries {
        0 | 1 => failure,
        _ => format!("{failure}, tried {tries} times"),
    }
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

/// A JavaScript error's message, for a sentence the person reads.
pub(super) fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
