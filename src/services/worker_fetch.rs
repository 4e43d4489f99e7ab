//! Downloading the texts file: [`download`]. One implementation of the
//! download, in JavaScript (`static/texts-download.js`: retries with
//! back-off, resumes with ranges, refuses a body that is not the file),
//! run in a dedicated worker (`static/texts-worker.js`) where one can
//! start, and on the page's own thread where none can; either way it hands
//! its bytes to the page as they arrive, and the page reads them in slices
//! ([`Feeder`]).
//!
//! Why a worker: when a download of this size completes, the thread that
//! made it does the browser's own work on the body. With developer tools
//! attached (Lighthouse, every automated measurement of the page) that is
//! decoding all 19 MB as text for the Network panel: a task of 100-250 ms
//! on the page's thread, which Lighthouse counted as 900 ms of blocking
//! time on a phone. From a worker, that task is on the worker's thread. A
//! visitor's browser does not decode the body either way.
//!
//! Where no worker can start (a policy with `worker-src 'none'`, a worker
//! script on another site, a script missing, the single file's `data:`
//! address), the page loads `texts-download.js` with a `<script>` element
//! from beside the worker's script (the single file carries it inline) and
//! runs it itself.

use super::fetch::{broke_off, describe, refused, request_failed, resolve, Feeder, Progress};
use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's script, beside `index.html`.
pub const SCRIPT_FILE: &str = "texts-worker.js";
/// The download itself, beside the worker's script.
pub const DOWNLOAD_FILE: &str = "texts-download.js";
/// What `texts-download.js` defines on the global object.
const DOWNLOAD_FUNCTION: &str = "uprTextsDownload";

thread_local! {
    /// Where the worker's script is, relative to the page; None: no worker,
    /// and no `texts-download.js` to load (only one already on the page).
    static SCRIPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Lets downloads use the worker whose script is at `url`, and the
/// download script beside it.
pub fn set_script(url: String) {
    SCRIPT.with(|script| *script.borrow_mut() = Some(url));
}

/// What [`download`] hands over, in order.
pub enum Chunk<'a> {
    /// The next bytes of the file (inflated).
    Bytes(&'a [u8]),
    /// Forget every byte handed over so far: the file is read again from
    /// its first byte (the server could not send only the rest).
    Restart,
}

/// Downloads `url`, a gzipped file (the packed texts), and hands it to
/// `on_chunk` inflated, a piece at a time (the page stays usable); a
/// `data:` address (the single file) too. The error is a sentence for the
/// person: what failed and, after retries, how often it was tried.
pub async fn download(
    url: &str,
    on_progress: &impl Fn(Progress),
    on_chunk: &mut impl FnMut(Chunk<'_>),
) -> Result<(), String> {
    let inline = url.starts_with("data:");
    // The worker resolves addresses against its script's: it is given a whole one.
    let absolute = match inline {
        true => url.to_owned(),
        false => resolve(url)
            .ok_or_else(|| format!("{url} is not an address"))?
            .href(),
    };
    if !inline {
        if let Some(source) = Source::worker(&absolute) {
            match source.read(url, on_progress, on_chunk).await {
                Err(Stop::NoWorker) => {}
                Err(Stop::Failed(message)) => return Err(message),
                Ok(()) => {
                    keep_offline(&absolute);
                    return Ok(());
                }
            }
        }
    }
    let source = Source::page(&absolute).await?;
    source
        .read(url, on_progress, on_chunk)
        .await
        .map_err(|stop| match stop {
            Stop::Failed(message) => message,
            Stop::NoWorker => broke_off(WORKER_STOPPED),
        })
}

/// Tells the service worker (`sw.js`, registered by the start-up script)
/// to keep `url` for reading offline: what the texts' worker fetched is
/// not among the page's own resources, which the service worker keeps
/// when it takes the page over. Without a service worker, nothing.
fn keep_offline(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fetched = Reflect::get(&window, &TEXTS_FETCHED.into())
        .ok()
        .filter(|list| list.is_array())
        .map(|list| js_sys::Array::from(&list))
        .unwrap_or_else(|| {
            let list = js_sys::Array::new();
            let _ = Reflect::set(&window, &TEXTS_FETCHED.into(), &list);
            list
        });
    fetched.push(&url.into());
    if let Ok(keep) = Reflect::get(&window, &KEEP.into()).and_then(|f| f.dyn_into::<Function>()) {
        let _ = keep.call1(&window, &url.into());
    }
}

/// The texts' addresses fetched so far, for the service worker to keep once
/// it takes the page over (`scripts/post-build.mjs`).
const TEXTS_FETCHED: &str = "uprViewerTextsFetched";
/// Set by the start-up script where a service worker controls the page.
const KEEP: &str = "uprViewerKeep";

/// Why a read stopped short.
enum Stop {
    /// The worker could not start; nothing was handed over.
    NoWorker,
    Failed(String),
}

enum Message {
    Data(JsValue),
    /// The worker failed: its script could not be loaded, or it stopped.
    Failed,
}

/// A download under way; its messages wait in `messages` until read.
struct Source {
    messages: mpsc::UnboundedReceiver<Message>,
    running: Running,
}

enum Running {
    Worker(InWorker),
    Page(OnPage),
}

impl Source {
    /// The download started in a worker; None where none can start here.
    fn worker(url: &str) -> Option<Source> {
        let script = SCRIPT.with(|s| s.borrow().clone())?;
        let script = resolve(&script)?;
        // A worker's script must be on the page's site: an element
        // embedded from another site reads on the page's thread.
        let origin = web_sys::window()?.location().origin().ok()?;
        if script.origin() != origin {
            return None;
        }
        let worker = Worker::new(&script.href()).ok()?;
        let (sender, messages) = mpsc::unbounded();
        let running = InWorker::new(worker, sender);
        let request = request(url)?;
        running.worker.post_message(&request).ok()?;
        Some(Source {
            messages,
            running: Running::Worker(running),
        })
    }

    /// The download started on the page's thread.
    async fn page(url: &str) -> Result<Source, String> {
        let function = download_function().await?;
        let (sender, messages) = mpsc::unbounded();
        let post = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
            let _ = sender.unbounded_send(Message::Data(message));
        });
        let request = request(url).ok_or("cannot ask for the texts")?;
        let handle = function
            .call2(&JsValue::NULL, &request, post.as_ref())
            .map_err(|e| format!("{DOWNLOAD_FILE} failed to start ({})", describe(&e)))?;
        Ok(Source {
            messages,
            running: Running::Page(OnPage {
                handle,
                _post: post,
            }),
        })
    }

    /// Hands the download's bytes to `on_chunk` in order, until the end.
    async fn read(
        mut self,
        url: &str,
        on_progress: &impl Fn(Progress),
        on_chunk: &mut impl FnMut(Chunk<'_>),
    ) -> Result<(), Stop> {
        let mut feeder: Option<Feeder> = None;
        // Whether the worker has said anything: until it has, a worker
        // that fails is one that could not start.
        let mut heard = false;
        while let Some(message) = self.messages.next().await {
            let data = match message {
                Message::Data(data) => data,
                Message::Failed if !heard => return Err(Stop::NoWorker),
                Message::Failed => return Err(Stop::Failed(broke_off(WORKER_STOPPED))),
            };
            heard = true;
            let field = |name: &str| {
                Reflect::get(&data, &name.into())
                    .ok()
                    .filter(|v| !v.is_undefined() && !v.is_null())
            };
            if let Some(chunk) = field("chunk") {
                let Ok(chunk) = chunk.dyn_into::<Uint8Array>() else {
                    continue;
                };
                let feeder = feeder.get_or_insert_with(|| Feeder::new(None));
                let mut bytes = |piece: &[u8]| on_chunk(Chunk::Bytes(piece));
                feeder.feed(&chunk, on_progress, &mut bytes).await;
                self.running.acknowledge(chunk.length());
            } else if Reflect::has(&data, &"total".into()).unwrap_or(false) {
                let total = field("total").and_then(|t| t.as_f64()).map(|t| t as u64);
                feeder = Some(Feeder::new(total));
            } else if field("restart").is_some() {
                on_chunk(Chunk::Restart);
                feeder = None;
                on_progress(Progress::default());
            } else if field("done").is_some() {
                return Ok(());
            } else if let Some(failed) = field("failed") {
                return Err(Stop::Failed(failure(&failed, &field, url)));
            }
            // {retrying}: the progress line stays as it is meanwhile.
        }
        Err(Stop::Failed(broke_off(WORKER_STOPPED)))
    }
}

/// What the viewer says of a `{failed}` message (see `texts-download.js`).
fn failure(failed: &JsValue, field: &impl Fn(&str) -> Option<JsValue>, url: &str) -> String {
    let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
    let tries = field("tries").and_then(|v| v.as_f64()).unwrap_or(1.0) as u32;
    let what = match failed.as_string().as_deref() {
        Some("status") => refused(
            field("status").and_then(|v| v.as_f64()).unwrap_or(0.0) as u16,
            &text("statusText"),
        ),
        Some("request") => return request_failed(&text("message"), url, tries),
        Some("broken") => broke_off(&text("message")),
        _ => text("message"),
    };
    super::fetch::after_tries(what, tries)
}

/// `{url, inflate: true}`: the texts file is gzip itself
/// (`upr_import::write_gzipped`), inflated by the download.
fn request(url: &str) -> Option<Object> {
    let request = Object::new();
    let asked = Reflect::set(&request, &"url".into(), &url.into()).is_ok()
        && Reflect::set(&request, &"inflate".into(), &true.into()).is_ok();
    asked.then_some(request)
}

/// `uprTextsDownload`, from the page if it is there (the single file
/// carries it inline), else from `texts-download.js` beside the worker's
/// script, loaded with a `<script>` element (a classic script: it defines
/// the function on the global object).
async fn download_function() -> Result<Function, String> {
    let window = web_sys::window().ok_or("no window")?;
    let defined = |window: &web_sys::Window| {
        Reflect::get(window, &DOWNLOAD_FUNCTION.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if let Some(function) = defined(&window) {
        return Ok(function);
    }
    let script = SCRIPT
        .with(|s| s.borrow().clone())
        .and_then(|s| resolve(&s))
        .and_then(|s| web_sys::Url::new_with_base(DOWNLOAD_FILE, &s.href()).ok())
        .ok_or_else(|| format!("the page does not say where {DOWNLOAD_FILE} is"))?
        .href();
    let could_not = || format!("the page could not load {script}, which downloads the texts");
    let document = window.document().ok_or("no document")?;
    let element = document.create_element("script").map_err(|_| could_not())?;
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&element, &"onload".into(), &resolve);
        let _ = Reflect::set(&element, &"onerror".into(), &reject);
    });
    element
        .set_attribute("src", &script)
        .map_err(|_| could_not())?;
    let parent = document
        .head()
        .map(web_sys::Element::from)
        .or_else(|| document.document_element())
        .ok_or_else(could_not)?;
    parent.append_child(&element).map_err(|_| could_not())?;
    let result = JsFuture::from(loaded).await;
    // Run once, the script has done its work: the function stays.
    element.remove();
    result.map_err(|_| could_not())?;
    defined(&window).ok_or_else(could_not)
}

const WORKER_STOPPED: &str = "the worker stopped";

impl Running {
    /// Tells the download the page has read `bytes` more, so that it reads on.
    fn acknowledge(&self, bytes: u32) {
        match self {
            Running::Worker(running) => {
                let read = Object::new();
                if Reflect::set(&read, &"read".into(), &bytes.into()).is_ok() {
                    let _ = running.worker.post_message(&read);
                }
            }
            Running::Page(running) => running.call("read", &bytes.into()),
        }
    }
}

/// A worker and its listeners; stopped when the download ends or is
/// dropped (a viewer gone).
struct InWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl InWorker {
    fn new(worker: Worker, sender: mpsc::UnboundedSender<Message>) -> Self {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
            let sender = sender.clone();
            move |event: MessageEvent| {
                let _ = sender.unbounded_send(Message::Data(event.data()));
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Said by the viewer (or by the download it falls back to).
            event.prevent_default();
            let _ = sender.unbounded_send(Message::Failed);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        InWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        }
    }
}

impl Drop for InWorker {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

/// A download on the page's thread: what `uprTextsDownload` returned, and
/// the function it posts its messages to.
struct OnPage {
    handle: JsValue,
    _post: Closure<dyn FnMut(JsValue)>,
}

impl OnPage {
    /// Calls the download's method `name` (`read`, `cancel`).
    fn call(&self, name: &str, argument: &JsValue) {
        if let Some(method) = Reflect::get(&self.handle, &name.into())
            .ok()
            .and_then(|m| m.dyn_into::<Function>().ok())
        {
            let _ = method.call1(&self.handle, argument);
        }
    }
}

impl Drop for OnPage {
    fn drop(&mut self) {
        // Before `post` is freed: a cancelled download says nothing more.
        self.call("cancel", &JsValue::UNDEFINED);
    }
}
