//! A prerendered page taken over a part at a time. Yew hydrates a page in
//! one task: on a review page, whose card lists every recommendation, that
//! task took 330 ms with the CPU slowed four times, and a tap waited for
//! all of it. The parts wrapped in [`InTurn`] are taken over later, in
//! turn, between the browser's turns; until then each stays the HTML the
//! page came with (readable, its links working, only without the app's
//! handlers). Outside that first hydration (a card opened in the running
//! viewer, an element, the prerender) [`InTurn`] renders its children at
//! once.
//!
//! It is Yew's [`Suspense`]: during a hydration a suspended part keeps the
//! page's own nodes on screen and is taken over, on a copy of them that
//! then replaces them, when it resumes. The copy costs a few calls per
//! node at the Suspense's top level: a Suspense per list (a group of
//! recommendations, a facet's options, a State select), with an [`InTurn`]
//! per slice inside, is one call; a Suspense per row or per option cost
//! the hydration about as much as it saved.

use crate::services::slices::{yield_to_browser, Slices};
use futures::channel::oneshot;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionHandle};

thread_local! {
    /// From [`hydrate_in_turns`] until the task after it: the parts first
    /// rendered then belong to the hydration.
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// From [`hydrate_in_turns`] until its last part has been taken over.
    static TAKING_OVER: Cell<bool> = const { Cell::new(false) };
    /// The hydration's parts still waiting, in the page's order.
    static WAITING: RefCell<VecDeque<Turn>> = RefCell::default();
    /// Who waits for the whole page to be taken over ([`taken_over`]).
    static WAITING_FOR_ALL: RefCell<Vec<oneshot::Sender<()>>> = RefCell::default();
}

/// A part's place in the queue.
struct Turn {
    resume: SuspensionHandle,
    /// Set by the part once it has been taken over; held by the part, so
    /// that a part removed before its turn (the card closed) is not waited
    /// for.
    taken: Rc<Cell<bool>>,
}

/// Called just before the page is hydrated: its [`InTurn`] parts wait,
/// then are taken over in turn, as many at a time as fit in a slice of
/// the browser's time ([`Slices`]).
pub fn hydrate_in_turns() {
    HYDRATING.set(true);
    TAKING_OVER.set(true);
    wasm_bindgen_futures::spawn_local(async {
        // The hydration runs in this task; every part it left waiting is
        // queued once it ends.
        yield_to_browser().await;
        HYDRATING.set(false);
        let mut slices = Slices::new();
        while let Some(Turn { resume, taken }) = WAITING.with_borrow_mut(VecDeque::pop_front) {
            resume.resume();
            // Yew renders what resumed in a microtask, or in a later task
            // when it is itself finishing earlier work: the next part waits
            // for this one, so that a slice holds only what it measured.
            loop {
                let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
                if taken.get() || Rc::strong_count(&taken) == 1 {
                    break;
                }
                yield_to_browser().await;
            }
            slices.breathe().await;
        }
        TAKING_OVER.set(false);
        for waiting in WAITING_FOR_ALL.with_borrow_mut(std::mem::take) {
            let _ = waiting.send(());
        }
    });
}

/// Whether a prerendered page is still being taken over. What the page
/// would show meanwhile of its own accord (the texts' download progress,
/// the texts once in; they download from the start) waits until it is
/// ([`taken_over`]): the page taken over is the page that was sent, and
/// then changes.
pub fn taking_over() -> bool {
    TAKING_OVER.get()
}

/// Resolves once no prerendered page is being taken over (at once when none is).
pub async fn taken_over() {
    if !taking_over() {
        return;
    }
    let (told, told_when_done) = oneshot::channel();
    WAITING_FOR_ALL.with_borrow_mut(|waiting| waiting.push(told));
    let _ = told_when_done.await;
}

/// Whether a part rendered now must wait for its turn: the turn's
/// [`Suspension`], and what the part sets once taken over.
fn take_turn() -> Option<(Suspension, Rc<Cell<bool>>)> {
    HYDRATING.get().then(|| {
        let (suspension, resume) = Suspension::new();
        let taken = Rc::new(Cell::new(false));
        WAITING.with_borrow_mut(|waiting| {
            waiting.push_back(Turn {
                resume,
                taken: taken.clone(),
            })
        });
        (suspension, taken)
    })
}

#[derive(Properties, PartialEq)]
pub struct InTurnProps {
    pub children: Html,
}

/// [`children`], taken over in their turn when the page is hydrated. It must
/// be inside a `<Suspense>`: the part of the page the Suspense holds is
/// copied once, and it replaces the page's own nodes once every [`InTurn`]
/// in it has had its turn. A Suspense per large node (a list rather than
/// each row of it) keeps that copy to one call.
///
/// [`children`]: InTurnProps::children
#[component]
pub fn InTurn(props: &InTurnProps) -> HtmlResult {
    let turn = use_state(take_turn);
    // After each render that was not suspended; only the first one counts.
    use_effect({
        let turn = turn.clone();
        move || {
            if let Some((_, taken)) = turn.as_ref() {
                taken.set(true);
            }
        }
    });
    match turn.as_ref() {
        Some((waiting, _)) if !waiting.resumed() => Err(waiting.clone().into()),
        _ => Ok(props.children.clone()),
    }
}
