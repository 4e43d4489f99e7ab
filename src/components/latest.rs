//! The value of the latest render, for callbacks made once for a
//! component's life: they read what is current when the person acts,
//! while their props never change (so that what they are given to is not
//! drawn again).

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// `value`, kept current at every render, readable from a callback.
#[hook]
pub fn use_latest<T: Default + 'static>(value: T) -> Rc<RefCell<T>> {
    let latest = use_mut_ref(T::default);
    *latest.borrow_mut() = value;
    latest
}
