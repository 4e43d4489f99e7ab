//! The core's [`ViewerState`] as Yew's reducer: a thin wrapper, since the
//! logic is the core's ([`ViewerState::reduce`]) and the compiler allows
//! Yew's trait only on a type of this crate.

use std::ops::Deref;
use std::rc::Rc;
use upr_core::state::{Action, ViewerState};
use yew::Reducible;

#[derive(PartialEq)]
pub struct Store(pub ViewerState);

impl Deref for Store {
    type Target = ViewerState;
    fn deref(&self) -> &ViewerState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.reduce(action) {
            Some(next) => Rc::new(Store(next)),
            None => self,
        }
    }
}
