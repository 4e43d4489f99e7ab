//! Loads the dataset once per location, however many viewers on the page
//! ask for it: each file is fetched, parsed and checked once, and every
//! viewer gets the same `Rc<Dataset>`. A page that carries the data inline
//! (the single-file build) is read from the page instead of the network.

use super::fetch::{fetch_text, Progress};
use crate::dataset::load::{Dataset, LoadError, OVERVIEW_FILE, TEXTS_FILE};
use crate::dataset::schema::Texts;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::Callback;

pub type Load = Shared<LocalBoxFuture<'static, Result<Rc<Dataset>, LoadError>>>;

/// The overview (first paint), and the dataset with its texts.
#[derive(Clone)]
pub struct Loads {
    pub overview: Load,
    pub complete: Load,
}

thread_local! {
    static LOADS: RefCell<HashMap<String, Loads>> = RefCell::new(HashMap::new());
    static LISTENERS: RefCell<HashMap<String, Vec<Callback<Progress>>>> = RefCell::new(HashMap::new());
}

/// Starts loading from `base` (a folder URL ending in `/`), or joins the
/// load already under way there.
pub fn load(base: &str) -> Loads {
    LOADS.with(|loads| {
        loads
            .borrow_mut()
            .entry(base.to_owned())
            .or_insert_with(|| start(base.to_owned()))
            .clone()
    })
}

/// Calls `listener` as the texts download.
pub fn on_progress(base: &str, listener: Callback<Progress>) {
    LISTENERS.with(|l| l.borrow_mut().entry(base.to_owned()).or_default().push(listener));
}

fn start(base: String) -> Loads {
    let overview: Load = {
        let base = base.clone();
        async move {
            let json = read(&base, OVERVIEW_FILE, |_| {}).await?;
            Dataset::from_overview_json(&json).map(Rc::new)
        }
        .boxed_local()
        .shared()
    };
    let complete: Load = {
        let overview = overview.clone();
        async move {
            let dataset = overview.await?;
            let json = read(&base, TEXTS_FILE, |p| {
                LISTENERS.with(|l| l.borrow().get(&base).into_iter().flatten().for_each(|c| c.emit(p)))
            })
            .await?;
            let texts: Texts = serde_json::from_str(&json)
                .map_err(|e| LoadError::Json { file: TEXTS_FILE.into(), message: e.to_string() })?;
            let mut complete = (*dataset).clone();
            complete.attach_texts(texts)?;
            Ok(Rc::new(complete))
        }
        .boxed_local()
        .shared()
    };
    Loads { overview, complete }
}

async fn read(base: &str, file: &str, progress: impl Fn(Progress)) -> Result<String, LoadError> {
    if let Some(inline) = inline(file) {
        return Ok(inline);
    }
    fetch_text(&format!("{base}{file}"), progress)
        .await
        .map_err(|message| LoadError::Fetch { file: file.into(), message })
}

/// `<script type="application/json" id="upr-data-overview.json">`.
fn inline(file: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(&format!("upr-data-{file}"))?.text_content()
}

/// A dataset whose texts have finished loading, from any location (for
/// the benchmark's measurements inside the page).
pub fn any_complete() -> Option<Rc<Dataset>> {
    LOADS.with(|loads| {
        loads.borrow().values().find_map(|l| l.complete.peek().and_then(|r| r.as_ref().ok()).cloned())
    })
}
