//! A long list drawn a slice at a time: the first screen's worth with the
//! rest of the view, then more in later tasks, each after the browser has
//! painted. Opening a card with 300 recommendations then costs what its
//! first screen costs, and a click or a key is never kept waiting behind
//! the rows below the screen.

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Rows drawn at once: as many as a tall screen shows below a card's header
/// (a row with its goals and targets is 60-120 pixels high).
pub const FIRST_ROWS: usize = 8;
/// Rows added by each later task: a few milliseconds of work each.
pub const ROWS_PER_STEP: usize = 24;

/// How many of `total` rows to draw now. Without `progressive`, all of
/// them at once: a prerendered page and its hydration must match, and a
/// page about to be printed needs every row.
#[hook]
pub fn use_drawn_rows(total: usize, progressive: bool) -> usize {
    let drawn = use_state_eq(|| if progressive { FIRST_ROWS } else { usize::MAX });
    let now = if progressive { *drawn } else { usize::MAX };
    use_effect_with((now, total), {
        let setter = drawn.setter();
        move |&(now, total): &(usize, usize)| {
            let next = (now < total)
                .then(|| AfterPaint::new(move || setter.set(now.saturating_add(ROWS_PER_STEP))));
            move || drop(next)
        }
    });
    now
}

/// Work for the task after the next paint: the frame first, then a task,
/// so that what was drawn so far is painted before more is built.
/// Dropping it cancels the work if it has not run.
pub struct AfterPaint {
    _frame: AnimationFrame,
    task: Rc<RefCell<Option<Timeout>>>,
}

impl AfterPaint {
    pub fn new(work: impl FnOnce() + 'static) -> Self {
        let task: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let frame = request_animation_frame({
            let task = task.clone();
            move |_| *task.borrow_mut() = Some(Timeout::new(0, work))
        });
        AfterPaint {
            _frame: frame,
            task,
        }
    }
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        // The frame's callback holds the task too: cancel it here, not
        // when the last holder lets go.
        drop(self.task.borrow_mut().take());
    }
}
