//! Downloading the texts file in a dedicated worker (`static/texts-worker.js`),
//! which hands its bytes to the page as they arrive; the page reads them as
//! it reads a download of its own ([`fetch::Feeder`](super::fetch::Feeder)).
//!
//! Why: when a download of this size completes, the thread that made it
//! does the browser's own work on the body. With developer tools attached
//! (Lighthouse, every automated measurement of the page) that is decoding
//! all 19 MB as text for the Network panel: a task of 100-250 ms on the
//! page's thread, which Lighthouse counted as 900 ms of blocking time on a
//! phone. From a worker, that task is on the worker's thread. A visitor's
//! browser does not decode the body either way.
//!
//! Where no worker can start (a page that did not say where the script is,
//! a script on another site, a script missing), the page downloads the
//! file itself, as before.

use super::fetch::{broke_off, refused, request_failed, resolve, Feeder, Progress};
use futures::channel::mpsc;
use futures::StreamExt;
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The worker's script, beside `index.html`.
pub const SCRIPT_FILE: &str = "texts-worker.js";

thread_local! {
    /// Where the worker's script is, relative to the page; None: no worker.
    static SCRIPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Lets downloads use the worker whose script is at `url`.
pub fn set_script(url: String) {
    SCRIPT.with(|script| *script.borrow_mut() = Some(url));
}

/// What a download through the worker came to.
pub enum Outcome {
    /// Every byte was handed to `on_chunk`.
    Read,
    /// No worker could start; nothing was handed over.
    NoWorker,
}

enum Message {
    Data(JsValue),
    /// The worker failed: its script could not be loaded, or it stopped.
    Failed,
}

/// A download under way in the worker; its bytes wait, in the worker and
/// in the page's message queue, until [`read`](Self::read) takes them.
pub struct Download {
    running: Running,
    messages: mpsc::UnboundedReceiver<Message>,
    url: String,
}

/// Starts downloading `url`, a gzipped file, in the worker, which inflates
/// it; or takes over the download the page's start-up script began
/// (`EARLY_WORKER`). None where no worker can start.
pub fn start(url: &str) -> Option<Download> {
    let script = SCRIPT.with(|s| s.borrow().clone())?;
    // The worker resolves addresses against its script's: it is given a whole one.
    let absolute = resolve(url)?.href();
    let (sender, messages) = mpsc::unbounded();
    if let Some((worker, said)) = take_early(&absolute) {
        // What the worker said before the app was there to listen, then
        // the rest as it comes (nothing comes between: one task).
        for data in said.iter() {
            let message = if data.is_null() {
                Message::Failed
            } else {
                Message::Data(data)
            };
            let _ = sender.unbounded_send(message);
        }
        let running = Running::new(worker, sender);
        return Some(Download {
            running,
            messages,
            url: url.to_owned(),
        });
    }
    let worker = Worker::new(&script).ok()?;
    let running = Running::new(worker, sender);
    let request = Object::new();
    // The texts file is gzip itself (`upr_import::write_gzipped`).
    let asked = Reflect::set(&request, &"url".into(), &absolute.into()).is_ok()
        && Reflect::set(&request, &"inflate".into(), &true.into()).is_ok();
    if !asked || running.worker.post_message(&request).is_err() {
        return None;
    }
    Some(Download {
        running,
        messages,
        url: url.to_owned(),
    })
}

/// On `window`: the download of the texts that the page's start-up script
/// (`scripts/post-build.mjs`) began before the app had started, as
/// `{url, worker, said}`; `said` holds what the worker has said since,
/// null where it failed.
const EARLY_WORKER: &str = "uprViewerEarlyTexts";

/// The early download, if it is of `url`; taken once. One of another
/// file is stopped.
fn take_early(url: &str) -> Option<(Worker, js_sys::Array)> {
    let window = web_sys::window()?;
    let early = Reflect::get(&window, &EARLY_WORKER.into())
        .ok()
        .filter(|e| e.is_object())?;
    let _ = Reflect::delete_property(&window, &EARLY_WORKER.into());
    let field = |name: &str| Reflect::get(&early, &name.into()).ok();
    let worker: Worker = field("worker")?.dyn_into().ok()?;
    let said: js_sys::Array = field("said")?.dyn_into().ok()?;
    if field("url")?.as_string().as_deref() != Some(url) {
        worker.terminate();
        return None;
    }
    Some((worker, said))
}

impl Download {
    /// Hands the download's bytes to `on_chunk` in order. The messages of
    /// a failed download are those of [`fetch::fetch_chunks`](super::fetch::fetch_chunks).
    pub async fn read(
        mut self,
        on_progress: &impl Fn(Progress),
        on_chunk: &mut impl FnMut(&[u8]),
    ) -> Result<Outcome, String> {
        let (running, url) = (&self.running, self.url.as_str());
        let mut feeder: Option<Feeder> = None;
        while let Some(message) = self.messages.next().await {
            let data = match message {
                Message::Data(data) => data,
                Message::Failed if feeder.is_none() => return Ok(Outcome::NoWorker),
                Message::Failed => return Err(broke_off(WORKER_STOPPED)),
            };
            let field = |name: &str| {
                Reflect::get(&data, &name.into())
                    .ok()
                    .filter(|v| !v.is_undefined())
            };
            if let Some(chunk) = field("chunk") {
                let chunk: Uint8Array = chunk.unchecked_into();
                let feeder = feeder.get_or_insert_with(|| Feeder::new(None));
                feeder.feed(&chunk, on_progress, on_chunk).await;
                running.acknowledge(chunk.length());
            } else if let Some(total) = field("total") {
                feeder = Some(Feeder::new(total.as_f64().map(|t| t as u64)));
            } else if field("done").is_some() {
                return Ok(Outcome::Read);
            } else if let Some(failed) = field("failed") {
                let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
                return Err(match failed.as_string().as_deref() {
                    Some("status") => refused(
                        field("status").and_then(|v| v.as_f64()).unwrap_or(0.0) as u16,
                        &text("statusText"),
                    ),
                    Some("request") => request_failed(&text("message"), url),
                    _ => broke_off(&text("message")),
                });
            }
        }
        Err(broke_off(WORKER_STOPPED))
    }
}

const WORKER_STOPPED: &str = "the worker stopped";

/// A worker and its listeners; stopped when the download ends or is
/// dropped (a viewer gone).
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Running {
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
        Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        }
    }

    /// Tells the worker the page has read `bytes` more, so that it reads on.
    fn acknowledge(&self, bytes: u32) {
        let read = Object::new();
        if Reflect::set(&read, &"read".into(), &bytes.into()).is_ok() {
            let _ = self.worker.post_message(&read);
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}
