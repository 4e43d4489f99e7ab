//! Where the keyboard focus goes when a card opens and closes: to the open
//! card's title, and back to the card's link in the list when it closes,
//! so that keyboard and screen-reader users stay where the page changed.

use gloo::render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

/// Focuses `element` in the next frame. Not at once: focusing (and
/// scrolling to) it needs the page laid out, which the frame does anyway;
/// forced inside the render, that layout was half the time of opening a
/// card (12 of 26 ms at 16 times the data).
pub fn focus_next_frame(element: web_sys::HtmlElement) -> AnimationFrame {
    request_animation_frame(move |_| {
        let _ = element.focus();
    })
}

/// When the card `open` closes, the focus goes back to its link among the
/// cards under `list` (when it is there: a page that started on the card
/// has no list behind it).
#[hook]
pub fn use_focus_back_to_card(list: NodeRef, open: Option<AttrValue>) {
    let last_open = use_mut_ref(|| None::<AttrValue>);
    use_effect_with(open, move |open| {
        let closed = std::mem::replace(&mut *last_open.borrow_mut(), open.clone());
        let link = match (open, closed) {
            (None, Some(id)) => card_link(&list, &id),
            _ => None,
        };
        let frame = link.map(focus_next_frame);
        move || drop(frame)
    });
}

fn card_link(list: &NodeRef, review: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let cards = list
        .cast::<web_sys::Element>()?
        .query_selector_all("[data-testid=review-card]")
        .ok()?;
    (0..cards.length())
        .filter_map(|i| cards.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|card| card.get_attribute("data-review").as_deref() == Some(review))?
        .query_selector("h3 a")
        .ok()??
        .dyn_into()
        .ok()
}
