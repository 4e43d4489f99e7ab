//! Components: each renders state it is given and reports what the person
//! does through `on…` callbacks. None of them computes counts.
//!
//! A piece that owns no state and spares no drawing (its parent draws it
//! again whenever the parent draws) is a plain function,
//! `fn …(t: &Tr, …) -> Html`, called inside its parent's `html!`: each
//! component type costs the wasm its own copy of Yew's lifecycle code.
//! A piece stays a component where it holds state or effects, draws later
//! ([`deferred`]), or skips the drawing of a costly subtree when its props
//! are unchanged (a card, an option of a facet, the States of a select).

pub mod card;
pub mod card_list;
pub mod charts;
pub mod compare;
pub mod data_table;
pub mod deferred;
pub mod drawn;
pub mod export;
pub mod filters;
pub mod focus;
pub mod language;
pub mod latest;
pub mod marked;
pub mod notices;
pub mod on_screen;
pub mod profile;
pub mod recommendations;
pub mod review;
pub mod summary;
pub mod update;

use upr_core::query::Query;
use upr_core::state::QueryOrigin;
use yew::Callback;

/// What every interactive component sends: the query it wants, and whether
/// it is a discrete choice (a history entry) or typing.
pub type OnQuery = Callback<(Query, QueryOrigin)>;

/// The messages of the viewer's language (English outside a viewer).
#[yew::hook]
pub fn use_tr() -> crate::i18n::Tr {
    yew::use_context::<crate::i18n::Tr>().unwrap_or_default()
}
