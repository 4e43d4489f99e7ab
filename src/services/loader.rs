//! Loads the dataset once per location, however many viewers on the page
//! ask for it: the overview at once (the cards, the filters), then the
//! texts when a view needs them: one State's ([`state_texts`]: its cards
//! and its comparison, a few kilobytes) or every review's ([`complete`]:
//! a search, a filter on recommendations, the table, the charts). Each
//! file is fetched, checked and read once, and every viewer gets the same
//! [`Rc<Dataset>`](Dataset); one that failed is fetched again when a
//! person asks to try again. A page that carries the data inline (the
//! single-file build) is read from the page instead of the network.

use super::fetch::{fetch_text, Progress};
use super::slices::{yield_to_browser, Slices};
use super::worker_fetch::{self, Chunk};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use upr_core::dataset::load::{Dataset, LoadError, OVERVIEW_FILE};
use upr_core::dataset::packed::{state_piece_file, PackedReader, PACKED_TEXTS_FILE as TEXTS_FILE};
use upr_core::fingerprint::FileHash;
use yew::Callback;

pub type Load = Shared<LocalBoxFuture<'static, Result<Rc<Dataset>, LoadError>>>;

/// A progress listener and its subscription's id.
type Listener = (u64, Callback<Progress>);

thread_local! {
    /// By location: the overview's load, every review's texts' load once
    /// asked for, and each State's.
    static OVERVIEWS: RefCell<HashMap<String, Load>> = RefCell::new(HashMap::new());
    static COMPLETES: RefCell<HashMap<String, Load>> = RefCell::new(HashMap::new());
    static PIECES: RefCell<HashMap<String, Load>> = RefCell::new(HashMap::new());
    static LISTENERS: RefCell<HashMap<String, Vec<Listener>>> = RefCell::new(HashMap::new());
    static NEXT_LISTENER: Cell<u64> = const { Cell::new(0) };
    /// The fingerprint of each file read, by address, on a prerendered page.
    static FILES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// The fingerprint ([`upr_core::fingerprint`]) of the overview read from
/// `base`, with the State's texts file `piece` ([`state_piece_file`]) when
/// given; None until they have been read.
pub fn fingerprint(base: &str, piece: Option<&str>) -> Option<String> {
    FILES.with(|files| {
        let files = files.borrow();
        let overview = files.get(&format!("{base}{OVERVIEW_FILE}"))?;
        let Some(piece) = piece else {
            return Some(upr_core::fingerprint::of_page([overview.as_str()]));
        };
        let texts = files.get(&format!("{base}{piece}"))?;
        Some(upr_core::fingerprint::of_page([
            overview.as_str(),
            texts.as_str(),
        ]))
    })
}

/// The overview from `base` (a folder URL ending in `/`): the load under
/// way there, or a new one.
pub fn overview(base: &str) -> Load {
    joined(&OVERVIEWS, base, || overview_load(base.to_owned()))
}

/// The dataset with every review's texts: the download starts with the
/// first call.
pub fn complete(base: &str) -> Load {
    joined(&COMPLETES, base, || {
        complete_load(base.to_owned(), overview(base))
    })
}

/// The dataset with the texts of one State's reviews (`state_id`), unless
/// every review's are in already, or inline.
pub fn state_texts(base: &str, state_id: &str) -> Load {
    let completed = COMPLETES.with(|c| {
        c.borrow()
            .get(base)
            .filter(|load| matches!(load.peek(), Some(Ok(_))))
            .cloned()
    });
    if let Some(complete) = completed {
        return complete;
    }
    // The single file holds every review's texts, and no State's apart.
    if inline(TEXTS_FILE).is_some() {
        return complete(base);
    }
    let file = state_piece_file(state_id);
    joined(&PIECES, &format!("{base}{file}"), || {
        piece_load(base.to_owned(), file.clone(), overview(base))
    })
}

/// Whether every review's texts are in, at `base`.
pub fn complete_ready(base: &str) -> bool {
    COMPLETES.with(|c| {
        c.borrow()
            .get(base)
            .is_some_and(|load| matches!(load.peek(), Some(Ok(_))))
    })
}

fn joined(
    loads: &'static std::thread::LocalKey<RefCell<HashMap<String, Load>>>,
    key: &str,
    start: impl FnOnce() -> Load,
) -> Load {
    loads.with(|loads| {
        loads
            .borrow_mut()
            .entry(key.to_owned())
            .or_insert_with(start)
            .clone()
    })
}

/// Forgets the loads from `base` that failed, so that the next ask
/// fetches again (a network error is often gone a moment later); what
/// loaded, and loads under way, are kept.
pub fn forget_failure(base: &str) {
    let failed = |load: &Load| matches!(load.peek(), Some(Err(_)));
    for loads in [&OVERVIEWS, &COMPLETES, &PIECES] {
        loads.with(|loads| {
            loads
                .borrow_mut()
                .retain(|key, load| !key.starts_with(base) || !failed(load))
        });
    }
}

/// Calls `listener` as every review's texts download, until the
/// subscription is dropped.
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

/// Reads a packed texts file (`file`, gzipped) into `overview`'s dataset:
/// each column is copied into place as its bytes arrive, nothing is
/// parsed, and every byte is checked against the overview.
struct TextsRead<'d> {
    reader: PackedReader<'d>,
    /// The first error stops the reading; the download runs out unread.
    failed: Option<LoadError>,
    /// Only a page prerendered with these texts compares their
    /// fingerprint (at 16 times today's data, hashing every review's
    /// would take the page's thread 184 MB).
    hash: Option<FileHash>,
}

impl<'d> TextsRead<'d> {
    fn new(dataset: &'d Dataset, hashing: bool) -> Self {
        TextsRead {
            reader: PackedReader::new(dataset),
            failed: None,
            hash: hashing.then(FileHash::default),
        }
    }

    fn push(&mut self, chunk: &[u8]) {
        if let Some(hash) = &mut self.hash {
            hash.update(chunk);
        }
        if self.failed.is_none() {
            self.failed = self.reader.push(chunk).err();
        }
    }
}

/// Whether the page was prerendered with texts, whose fingerprint the
/// hydration compares.
fn hashing_texts() -> bool {
    prerendered_stage().as_deref() == Some(crate::PRERENDERED_WITH_TEXTS)
}

fn complete_load(base: String, overview: Load) -> Load {
    // The single file carries the gzipped texts in base64, which the
    // browser decodes itself when asked for them as a `data:` address.
    let url = match inline(TEXTS_FILE) {
        Some(base64) => format!("data:application/gzip;base64,{base64}"),
        None => format!("{base}{TEXTS_FILE}"),
    };
    async move {
        let dataset = overview.await?;
        let mut read = TextsRead::new(&dataset, false);
        // The inflated length, from the file's head once it is read.
        let length = Cell::new(None);
        let mut on_chunk = |chunk: Chunk<'_>| match chunk {
            Chunk::Bytes(chunk) => {
                read.push(chunk);
                length.set(read.reader.length());
            }
            // The download starts over from the file's first byte.
            Chunk::Restart => {
                read = TextsRead::new(&dataset, false);
                length.set(None);
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
        let fetched = worker_fetch::download(&url, &progress, &mut on_chunk).await;
        fetched.map_err(|message| LoadError::Fetch {
            file: TEXTS_FILE.into(),
            message,
        })?;
        let complete = attach(&dataset, read).await.inspect_err(announce_newer)?;
        if complete.recommendations.wants_word_index() {
            wasm_bindgen_futures::spawn_local(index_words(complete.clone()));
        }
        Ok(complete)
    }
    .boxed_local()
    .shared()
}

fn piece_load(base: String, file: String, overview: Load) -> Load {
    async move {
        let dataset = overview.await?;
        let hashing = hashing_texts();
        let mut read = TextsRead::new(&dataset, hashing);
        let url = format!("{base}{file}");
        let mut on_chunk = |chunk: Chunk<'_>| match chunk {
            Chunk::Bytes(chunk) => read.push(chunk),
            Chunk::Restart => read = TextsRead::new(&dataset, hashing),
        };
        let fetched = worker_fetch::download(&url, &|_| {}, &mut on_chunk).await;
        if let Err(message) = fetched {
            // Offline, a page never opened online has no piece kept, but
            // every review's texts may be (a search fetched them): they
            // hold this State's too. Online, the piece's failure is said,
            // rather than 2.8 MB fetched in its place.
            if !online() {
                if let Ok(complete) = complete(&base).await {
                    return Ok(complete);
                }
            }
            return Err(LoadError::Fetch {
                file: file.clone(),
                message,
            });
        }
        if let Some(hash) = read.hash.take() {
            FILES.with(|files| files.borrow_mut().insert(url, hash.hex()));
        }
        attach(&dataset, read)
            .await
            .map_err(|e| e.of_file(&file))
            .inspect_err(announce_newer)
    }
    .boxed_local()
    .shared()
}

/// Whether the browser says it is online (no window, as in the
/// prerender: yes).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The dataset with the texts `read` read: the checks of every column,
/// then the dataset built with them, tens of milliseconds each on a phone
/// for every review's texts, in tasks of their own.
async fn attach(dataset: &Rc<Dataset>, read: TextsRead<'_>) -> Result<Rc<Dataset>, LoadError> {
    if let Some(error) = read.failed {
        return Err(error);
    }
    yield_to_browser().await;
    let texts = read.reader.finish()?;
    yield_to_browser().await;
    let mut with_texts = (**dataset).clone();
    with_texts.attach(texts);
    Ok(Rc::new(with_texts))
}

/// Texts of another build than the overview: the host has published a
/// newer one. The page says so and offers to reload (the viewer listens
/// for this event, as it does for the service worker's own news).
fn announce_newer(error: &LoadError) {
    if matches!(error, LoadError::OtherBuild { .. }) {
        if let Some(window) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new(NEWER_VERSION_EVENT) {
                let _ = window.dispatch_event(&event);
            }
        }
    }
}

/// On `window`: a newer build of the data is on the server.
pub const NEWER_VERSION_EVENT: &str = "upr-update-available";

/// Builds the texts' word index in slices once the viewers have the texts:
/// at 16 times today's data it takes seconds on a phone, and the texts are
/// readable and searchable (by a scan, slower) meanwhile. A search reads
/// the index from the moment it is finished.
/// Its code comes with the split-off piece (crate::extras): only data
/// far larger than today's needs an index, and a search scans meanwhile.
async fn index_words(dataset: Rc<Dataset>) {
    const ROWS_PER_CHECK: usize = 512;
    let Ok(extras) = crate::extras::load().await else {
        return;
    };
    let texts = dataset.recommendations.search_text();
    let mut indexing = texts.start_indexing();
    let mut slices = Slices::new();
    while !(extras.index_some)(texts, &mut indexing, ROWS_PER_CHECK) {
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
    if prerendered_stage().is_some() {
        let fingerprint = upr_core::fingerprint::of_file(&text);
        FILES.with(|files| {
            files
                .borrow_mut()
                .insert(format!("{base}{file}"), fingerprint)
        });
    }
    Ok(text)
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
    COMPLETES.with(|loads| {
        loads
            .borrow()
            .values()
            .find_map(|l| l.peek().and_then(|r| r.as_ref().ok()).cloned())
    })
}
