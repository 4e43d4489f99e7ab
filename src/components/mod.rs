//! Components: each renders state it is given and reports what the person
//! does through `on…` callbacks. None of them computes counts.

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
