//! Loads the dataset once per location, however many viewers on the page
//! ask for it: each file is fetched, parsed and checked once, and every
//! viewer gets the same [`Rc<Dataset>`](Dataset); one that failed is fetched again
//! when a person asks to try again. A page that carries the data inline
//! (the single-file build) is read from the page instead of the network.

use super::fetch::{fetch_chunks, fetch_text, Body, Progress};
use super::slices::{yield_to_browser, Slices};
use super::worker_fetch::{self, Outcome};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use upr_core::dataset::load::{Dataset, LoadError, OVERVIEW_FILE};
use upr_core::dataset::packed::{PackedReader, PACKED_TEXTS_FILE as TEXTS_FILE};
use yew::Callback;

pub type Load = Shared<LocalBoxFuture<'static, Result<Rc<Dataset>, LoadError>>>;

/// The overview (first paint), and the dataset with its texts.
#[derive(Clone)]
pub struct Loads {
    pub overview: Load,
    pub complete: Load,
}

/// A progress listener and its subscription's id.
type Listener = (u64, Callback<Progress>);

thread_local! {
    static LOADS: RefCell<HashMap<String, Loads>> = RefCell::new(HashMap::new());
    static LISTENERS: RefCell<HashMap<String, Vec<Listener>>> = RefCell::new(HashMap::new());
    static NEXT_LISTENER: Cell<u64> = const { Cell::new(0) };
    /// The fingerprint of each file read, by address, on a prerendered page.
    static FILES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// The fingerprint ([`upr_core::fingerprint`]) of the overview read from `base`,
/// with the texts when `with_texts`; None until they have been read.
pub fn fingerprint(base: &str, with_texts: bool) -> Option<String> {
    FILES.with(|files| {
        let files = files.borrow();
        let overview = files.get(&format!("{base}{OVERVIEW_FILE}"))?;
        if !with_texts {
            return Some(upr_core::fingerprint::of_page([overview.as_str()]));
        }
        let texts = files.get(&format!("{base}{TEXTS_FILE}"))?;
        Some(upr_core::fingerprint::of_page([
            overview.as_str(),
            texts.as_str(),
        ]))
    })
}

/// Starts loading from `base` (a folder URL ending in `/`), or joins the
/// load already under way there.
pub fn load(base: &str) -> Loads {
    LOADS.with(|loads| {
        loads
            .borrow_mut()
            .entry(base.to_owned())
            .or_insert_with(|| {
                let overview = overview_load(base.to_owned());
                Loads {
                    complete: complete_load(base.to_owned(), overview.clone()),
                    overview,
                }
            })
            .clone()
    })
}

/// Forgets a load from `base` that failed, so that the next [`load`] fetches
/// again (a network error is often gone a moment later). A loaded overview
/// is kept when only the texts failed; a load under way is left alone.
pub fn forget_failure(base: &str) {
    let failed = |load: &Load| matches!(load.peek(), Some(Err(_)));
    LOADS.with(|loads| {
        let mut loads = loads.borrow_mut();
        let Some(current) = loads.get_mut(base) else {
            return;
        };
        if failed(&current.overview) {
            loads.remove(base);
        } else if failed(&current.complete) {
            current.complete = complete_load(base.to_owned(), current.overview.clone());
        }
    });
}

/// Calls `listener` as the texts download, until the subscription is
/// dropped.
pub fn on_progress(base: &str, listener: Callback<Progress>) -> ProgressSubscription {
    let id = NEXT_LISTENER.with(|next| next.replace(next.get() + 1));
    LISTENERS.with(|l| {
        l.borrow_mut()
            .entry(base.to_owned())
            .or_default()
            .push((id, listener))
    });
    ProgressSubscription {
        base: base.to_owned(),
        id,
    }
}

/// Ends a progress listener when dropped: a viewer that is gone must not
/// stay reachable from this module-wide list (each listener holds its
/// viewer's state).
#[must_use = "the listener ends when the subscription is dropped"]
pub struct ProgressSubscription {
    base: String,
    id: u64,
}

impl Drop for ProgressSubscription {
    fn drop(&mut self) {
        LISTENERS.with(|l| {
            let mut listeners = l.borrow_mut();
            if let Some(list) = listeners.get_mut(&self.base) {
                list.retain(|(id, _)| *id != self.id);
                if list.is_empty() {
                    listeners.remove(&self.base);
                }
            }
        });
    }
}

/// Listeners registered, at every location (for the test build's check
/// that removed viewers leave none behind).
#[cfg(feature = "test-hooks")]
pub(crate) fn listener_count() -> usize {
    LISTENERS.with(|l| l.borrow().values().map(Vec::len).sum())
}

fn notify(base: &str, progress: Progress) {
    // Copied out first: a listener may drop its own subscription.
    let listeners: Vec<Callback<Progress>> = LISTENERS.with(|l| {
        l.borrow()
            .get(base)
            .into_iter()
            .flatten()
            .map(|(_, c)| c.clone())
            .collect()
    });
    listeners.iter().for_each(|c| c.emit(progress));
}

fn overview_load(base: String) -> Load {
    async move {
        let json = read(&base, OVERVIEW_FILE).await?;
        make_room(2 * json.len());
        Dataset::from_overview_json(&json).map(Rc::new)
    }
    .boxed_local()
    .shared()
}

/// Grows the wasm heap by `bytes` at once and leaves them free, for the
/// allocations that follow. The allocator otherwise grows the heap a few
/// pages at a time as the overview's parse asks, and each growth of wasm
/// memory costs the page's thread (at 16 times today's data, 227 growths,
/// 59 ms in a trace; 89, 41 ms, with this); the parse takes about twice
/// the overview's size. The heap never gives memory back, so nothing is
/// lost: what the parse leaves free, the texts' smaller columns take.
fn make_room(bytes: usize) {
    let room: Vec<u8> = Vec::with_capacity(bytes);
    // Not optimised away with its free.
    std::hint::black_box(&room);
}

fn complete_load(base: String, overview: Load) -> Load {
    // The download starts now (or is taken over from the page's start-up
    // script, which began it after the first paint), not once the
    // overview has been read and drawn: the worker reads ahead
    // (`static/texts-worker.js`) meanwhile.
    // The single file carries the gzipped texts in base64, which the
    // browser decodes itself when asked for them as a `data:` address.
    let (url, early) = match inline(TEXTS_FILE) {
        Some(base64) => (format!("data:application/gzip;base64,{base64}"), None),
        None => {
            let url = format!("{base}{TEXTS_FILE}");
            let early = worker_fetch::start(&url);
            (url, early)
        }
    };
    async move {
        let dataset = overview.await?;
        // The texts packed for the browser (`dataset::packed`): each column
        // is copied into place as its bytes arrive, nothing is parsed.
        let mut reader = PackedReader::new(&dataset);
        // The first error stops the reading; the download runs out unread.
        let mut failed: Option<LoadError> = None;
        // A page prerendered with its texts hydrates only from the texts it
        // was made with; other pages need not hash them (at 16 times
        // today's data, 184 MB).
        let hashing = prerendered_stage().as_deref() == Some(crate::PRERENDERED_WITH_TEXTS);
        let mut hash = upr_core::fingerprint::FileHash::default();
        // The inflated length, from the file's head once it is read.
        let length = Cell::new(None);
        let mut on_chunk = |chunk: &[u8]| {
            if hashing {
                hash.update(chunk);
            }
            if failed.is_none() {
                failed = reader.push(chunk).err();
                length.set(reader.length());
            }
        };
        let progress = |p: Progress| {
            notify(
                &base,
                Progress {
                    total: length.get().filter(|l| *l >= p.received),
                    ..p
                },
            )
        };
        let read = match early {
            Some(download) => download.read(&progress, &mut on_chunk).await,
            None => Ok(Outcome::NoWorker),
        };
        let fetched = match read {
            Ok(Outcome::Read) => Ok(()),
            Ok(Outcome::NoWorker) => {
                fetch_chunks(&url, Body::Gzipped, progress, &mut on_chunk).await
            }
            Err(message) => Err(message),
        };
        fetched.map_err(|message| LoadError::Fetch {
            file: TEXTS_FILE.into(),
            message,
        })?;
        if let Some(error) = failed {
            return Err(error);
        }
        if hashing {
            FILES.with(|files| {
                files
                    .borrow_mut()
                    .insert(format!("{base}{TEXTS_FILE}"), hash.hex())
            });
        }
        // The checks of every column, then the dataset built with them:
        // tens of milliseconds each on a phone, in tasks of their own.
        yield_to_browser().await;
        let texts = reader.finish()?;
        yield_to_browser().await;
        let mut complete = (*dataset).clone();
        complete.attach(texts);
        let complete = Rc::new(complete);
        if complete.recommendations.wants_word_index() {
            wasm_bindgen_futures::spawn_local(index_words(complete.clone()));
        }
        Ok(complete)
    }
    .boxed_local()
    .shared()
}

/// Builds the texts' word index in slices once the viewers have the texts:
/// at 16 times today's data it takes seconds on a phone, and the texts are
/// readable and searchable (by a scan, slower) meanwhile. A search reads
/// the index from the moment it is finished.
async fn index_words(dataset: Rc<Dataset>) {
    const ROWS_PER_CHECK: usize = 512;
    let texts = dataset.recommendations.search_text();
    let mut indexing = texts.start_indexing();
    let mut slices = Slices::new();
    while !texts.index_some(&mut indexing, ROWS_PER_CHECK) {
        slices.breathe().await;
    }
}

/// Whether the texts loaded from some location are searched through their
/// word index, or need none (for the benchmark, which times the search
/// once it is there).
#[cfg(feature = "bench")]
pub fn search_indexed() -> bool {
    any_complete().is_some_and(|d| {
        !d.recommendations.wants_word_index()
            || d.recommendations.search_text().word_index().is_some()
    })
}

async fn read(base: &str, file: &str) -> Result<String, LoadError> {
    if let Some(inline) = inline(file) {
        return Ok(inline);
    }
    let text = fetch_text(&format!("{base}{file}"))
        .await
        .map_err(|message| LoadError::Fetch {
            file: file.into(),
            message,
        })?;
    // Only a prerendered page needs it, to decide whether to hydrate.
    if prerendered_page() {
        let fingerprint = upr_core::fingerprint::of_file(&text);
        FILES.with(|files| {
            files
                .borrow_mut()
                .insert(format!("{base}{file}"), fingerprint)
        });
    }
    Ok(text)
}

fn prerendered_page() -> bool {
    prerendered_stage().is_some()
}

/// What the page was prerendered with ([`crate::PRERENDERED_ATTRIBUTE`]);
/// None: it was not.
fn prerendered_stage() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(crate::PAGE_ROOT_ID)?
        .get_attribute(crate::PRERENDERED_ATTRIBUTE)
}

/// `<script type="application/json" id="upr-data-overview.json">`.
fn inline(file: &str) -> Option<String> {
    inline_block(&format!("upr-data-{file}"))
}

/// The text of the single file's block `id` (`upr-data-overview.json`).
pub fn inline_block(id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(id)?.text_content()
}

/// A dataset whose texts have finished loading, from any location (for
/// the benchmark's measurements inside the page).
#[cfg(feature = "bench")]
pub fn any_complete() -> Option<Rc<Dataset>> {
    LOADS.with(|loads| {
        loads
            .borrow()
            .values()
            .find_map(|l| l.complete.peek().and_then(|r| r.as_ref().ok()).cloned())
    })
}
