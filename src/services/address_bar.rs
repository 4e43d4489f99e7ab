//! Reading and writing the query in the address bar.
//!
//! A write waits until the browser has painted the change it belongs to.
//! Written in the change's task, after a click had changed the form,
//! `history.pushState` took 1-1.5 ms of each filter step on a desktop and
//! 4-5 ms with the CPU slowed four times (a CPU profile: the browser
//! brings the page's styles up to date for it), and the answer to the
//! click waited for it. After the paint, nobody waits for it.

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use upr_core::query::{Query, QueryWarning};

pub fn read() -> (Query, Vec<QueryWarning>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Query::from_search(&search)
}

/// A write not yet made: the query string, and whether it is a new
/// history entry.
struct Pending {
    search: String,
    push: bool,
}

#[derive(Default)]
struct Queue {
    writes: Vec<Pending>,
    frame: Option<AnimationFrame>,
    task: Option<Timeout>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::default();
}

/// Writes the query as a new history entry (`push`) or over the current
/// one, once the page has painted. Writes keep their order: a link made
/// canonical, then a person's choice, are two entries as before.
pub fn write(query: &Query, push: bool) {
    let search = query.to_search();
    QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.writes.push(Pending { search, push });
        if queue.frame.is_some() || queue.task.is_some() {
            return;
        }
        // A hidden page paints no frames; it has nothing to wait for.
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            queue.task = Some(Timeout::new(0, flush));
        } else {
            // The frame, then a task: after the frame's paint.
            queue.frame = Some(request_animation_frame(|_| {
                QUEUE.with(|queue| queue.borrow_mut().task = Some(Timeout::new(0, flush)));
            }));
        }
    });
}

fn flush() {
    let writes = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.frame = None;
        queue.task = None;
        std::mem::take(&mut queue.writes)
    });
    for Pending { search, push } in writes {
        write_now(&search, push);
    }
}

fn write_now(search: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    // `?` alone would leave an empty query; the path alone clears it.
    let url = format!("{path}{search}{hash}");
    let current = format!("{path}{}{hash}", location.search().unwrap_or_default());
    if url == current {
        return;
    }
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if let Err(error) = result {
        gloo::console::warn!("could not update the address bar", error);
    }
}
