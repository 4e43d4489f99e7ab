//! The matching reviews, one page at a time: only what is on screen is in
//! the DOM.

use super::card::ReviewCard;
use super::{use_tr, OnQuery};
use crate::i18n::Msg;
use crate::dataset::load::Dataset;
use crate::filter::Outcome;
use crate::query::Query;
use crate::state::{QueryOrigin, Shared};
use yew::prelude::*;

pub const PAGE_SIZE: usize = 24;

#[derive(Properties, PartialEq)]
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
        let query = Query { page: target as u32, ..props.query.clone() };
        let onquery = props.onquery.clone();
        Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
    };
    html! {
        <>
            // The cards' titles are h3: on a phone, where the filters (h2)
            // fold away, this heading keeps the outline without a gap.
            <h2 class="visually-hidden">{ t.get(Msg::ReviewsList) }</h2>
            <ol class="cards" aria-label={t.get(Msg::ReviewsList)}>
                // Not keyed: a new selection reuses the 24 cards' elements
                // and changes their texts, rather than removing 24 cards and
                // building 24 more (half the time of a filter at 16 times
                // the data). A card holds no state to keep with its review.
                { for matches.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).map(|m| html! {
                    <li>
                        <ReviewCard
                            dataset={props.dataset.clone()}
                            review={m.review}
                            passing={show_passing.then_some(m.passing.len() as u32)}
                            query={props.query.clone()}
                            onquery={props.onquery.clone()} />
                    </li>
                }) }
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
