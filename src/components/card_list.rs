//! The matching reviews, one page at a time: only what is on screen is in
//! the DOM.

use super::card::ReviewCard;
use super::drawn::AfterPaint;
use super::on_screen::{use_on_screen, OnScreen};
use super::{use_tr, OnQuery};
use crate::i18n::Msg;
use upr_core::dataset::load::Dataset;
use upr_core::filter::Outcome;
use upr_core::query::Query;
use upr_core::state::{QueryOrigin, Shared};
use yew::prelude::*;

pub const PAGE_SIZE: usize = 24;

#[derive(Properties, PartialEq, Clone)]
pub struct CardListProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
    pub query: Query,
    pub onquery: OnQuery,
}

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let t = use_tr();
    let matches = &props.outcome.reviews;
    if matches.is_empty() {
        return html! {
            <p data-testid="no-results" class="empty">
                { t.get(Msg::NoResults) }
            </p>
        };
    }
    let pages = matches.len().div_ceil(PAGE_SIZE);
    let page = (props.query.page.max(1) as usize).min(pages);
    let show_passing = props.query.selects_recommendations() && props.dataset.texts_loaded;
    let goto = |target: usize| {
        let query = Query {
            page: target as u32,
            ..props.query.clone()
        };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    let cards: Vec<Html> = matches
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|m| {
            html! {
                <li>
                    <ReviewCard
                        dataset={props.dataset.clone()}
                        review={m.review}
                        passing={show_passing.then_some(m.passing.len() as u32)}
                        query={props.query.clone()}
                        onquery={props.onquery.clone()} />
                </li>
            }
        })
        .collect();
    let list = use_node_ref();
    let on_screen = use_on_screen(list.clone());
    let (cards, busy) = use_on_screen_first(props, cards, &on_screen);
    html! {
        <>
            // The cards' titles are h3: on a phone, where the filters (h2)
            // fold away, this heading keeps the outline without a gap.
            <h2 class="visually-hidden">{ t.get(Msg::ReviewsList) }</h2>
            // Not keyed: a new selection reuses the 24 cards' elements
            // and changes their texts, rather than removing 24 cards and
            // building 24 more (half the time of a filter at 16 times
            // the data). A card holds no state to keep with its review.
            <ol ref={list} class="cards" aria-label={t.get(Msg::ReviewsList)} aria-busy={busy.then_some("true")}>
                { for cards }
            </ol>
            if pages > 1 {
                <nav class="pager" aria-label={t.get(Msg::Pages)}>
                    <button data-testid="previous-page" disabled={page == 1} onclick={goto(page - 1)}>{ t.get(Msg::Previous) }</button>
                    <span data-testid="page-status">{ t.fmt(Msg::PageOf, &[("page", &t.num(page as u32)), ("pages", &t.num(pages as u32))]) }</span>
                    <button data-testid="next-page" disabled={page == pages} onclick={goto(page + 1)}>{ t.get(Msg::Next) }</button>
                </nav>
            }
        </>
    }
}

/// The cards to draw now, and whether more are to follow. When the list's
/// props change (a filter, a page, the texts arriving), the step draws the
/// cards on screen and half a screen beyond (about four on a phone, ten on
/// a laptop, as the browser last laid them out: `on_screen`) and leaves
/// the cards below as they were (a card whose
/// props did not change is not rendered again): a filter step on a phone
/// then costs a few cards' updates, not 24. Once that step has been
/// painted, the list is drawn whole. On the first render (a hydrated page
/// must match its HTML), before the browser has said what is on screen,
/// and on any other render (a language chosen), every card is drawn at
/// once.
#[hook]
fn use_on_screen_first(
    props: &CardListProps,
    cards: Vec<Html>,
    on_screen: &OnScreen,
) -> (Vec<Html>, bool) {
    // The props and the cards as last drawn.
    let last = use_mut_ref(|| None::<(CardListProps, Vec<Html>)>);
    let redraw = use_force_update();
    let upto = on_screen.upto().unwrap_or(usize::MAX);
    let drawn: Vec<Html> = match last.borrow().as_ref() {
        Some((props_then, drawn_then)) if props_then != props && cards.len() > upto => {
            let below = drawn_then.iter().take(cards.len()).skip(upto).cloned();
            cards.iter().take(upto).cloned().chain(below).collect()
        }
        _ => cards.clone(),
    };
    let busy = drawn != cards;
    *last.borrow_mut() = Some((props.clone(), drawn.clone()));
    // While busy, the whole list once painted. A second change before
    // then keeps the first's schedule: the list is drawn whole with the
    // props of that moment.
    use_effect_with(busy, move |busy| {
        let rest = busy.then(|| AfterPaint::new(move || redraw.force_update()));
        move || drop(rest)
    });
    (drawn, busy)
}
