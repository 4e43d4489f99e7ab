//! Which items of a list are on screen, as the browser last laid them out:
//! an [`IntersectionObserver`] reports it after each layout, so reading it
//! in the middle of a step forces no layout. The card list draws those
//! first when a filter changes it ([`card_list.rs`](super::card_list)).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// Half a screen below and above counts as on screen: a scroll begun as a
/// step is painted still finds the new cards there.
const MARGIN: &str = "50% 0px";

#[derive(Default)]
pub struct OnScreen {
    /// Per item, by its place in the list: within the screen (and margin).
    seen: RefCell<Vec<bool>>,
    /// Whether the browser has reported yet.
    known: Cell<bool>,
}

impl OnScreen {
    /// One past the last item on screen, as of the last layout; `None`
    /// until the browser has reported (or where it cannot observe).
    pub fn upto(&self) -> Option<usize> {
        self.known.get().then(|| {
            self.seen
                .borrow()
                .iter()
                .rposition(|seen| *seen)
                .map_or(0, |last| last + 1)
        })
    }

    fn record(&self, entries: js_sys::Array) {
        let mut seen = self.seen.borrow_mut();
        for entry in entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        {
            let place = place_in_parent(&entry.target());
            if seen.len() <= place {
                seen.resize(place + 1, false);
            }
            seen[place] = entry.is_intersecting();
        }
        self.known.set(true);
    }
}

/// Keeps track of which children of `list` are on screen. Children added
/// by a render are observed after it.
#[hook]
pub fn use_on_screen(list: NodeRef) -> Rc<OnScreen> {
    let on_screen = use_memo((), |_| OnScreen::default());
    let watch = use_mut_ref(|| None::<Watch>);
    {
        let on_screen = on_screen.clone();
        use_effect(move || {
            let mut watch = watch.borrow_mut();
            if watch.is_none() {
                *watch = Watch::new(on_screen);
            }
            if let (Some(watch), Some(list)) = (watch.as_ref(), list.cast::<Element>()) {
                // Observing an item already observed does nothing.
                let items = list.children();
                for i in 0..items.length() {
                    if let Some(item) = items.item(i) {
                        watch.observer.observe(&item);
                    }
                }
            }
        });
    }
    on_screen
}

/// The observer and its callback; stops observing when the list goes.
struct Watch {
    observer: IntersectionObserver,
    _report: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    fn new(on_screen: Rc<OnScreen>) -> Option<Self> {
        let report =
            Closure::<dyn FnMut(js_sys::Array)>::new(move |entries| on_screen.record(entries));
        let options = IntersectionObserverInit::new();
        options.set_root_margin(MARGIN);
        let observer =
            IntersectionObserver::new_with_options(report.as_ref().unchecked_ref(), &options)
                .ok()?;
        Some(Watch {
            observer,
            _report: report,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

fn place_in_parent(item: &Element) -> usize {
    std::iter::successors(
        item.previous_element_sibling(),
        Element::previous_element_sibling,
    )
    .count()
}
