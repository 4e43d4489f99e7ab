//! The code only some visits need: the charts, the table, a comparison,
//! the profile of a recommending State, and the downloads, with the core's
//! work behind them ([`Extras`]); and the building of the texts' word
//! index, which only data far larger than today's needs. The release build splits it off the app's
//! wasm into a piece of its own, fetched the first time a view asks for it
//! (`#[wasm_split]`, from `wasm_split_helpers`; scripts/build.sh sets
//! `--cfg upr_split` and its `wasm-bindgen` runs `wasm-split-cli` first).
//! A home page, a review page and a search never fetch it. Every other
//! build (native code, the tests, plain `trunk build`) links it in, and it
//! is there from the start.
//!
//! Nothing outside this module names what it hands out: a call by name
//! would keep that code in the main piece.

use crate::components::charts::{charts, ChartsProps};
use crate::components::compare::{compare_view, CompareProps};
use crate::components::data_table::{DataTable, DataTableProps};
use crate::components::profile::{recommender_profile, ProfileProps};
use crate::i18n::Tr;
use upr_core::dataset::load::Dataset;
use upr_core::dataset::texts::{SearchText, WordIndexing};
use upr_core::export::{rows, to_csv, to_json};
use upr_core::filter::Outcome;
use upr_core::state::Extras;
use yew::prelude::*;

/// The split-off code, reached through these functions.
pub struct Loaded {
    pub compute: Extras,
    pub charts: fn(&Tr, &ChartsProps) -> Html,
    pub compare: fn(&Tr, &CompareProps) -> Html,
    pub table: fn(DataTableProps) -> Html,
    pub profile: fn(&Tr, &ProfileProps) -> Html,
    /// The selection's recommendations as a file: `Csv` or `Json`.
    pub export: fn(&Dataset, &Outcome, Format) -> String,
    /// A step of the texts' word index ([`SearchText::index_some`]), which
    /// only data far larger than today's builds.
    pub index_some: fn(&SearchText, &mut WordIndexing, usize) -> bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

fn everything() -> Loaded {
    Loaded {
        compute: Extras::ALL,
        charts,
        compare: compare_view,
        table: |props| html! { <DataTable ..props /> },
        profile: recommender_profile,
        export: |dataset, outcome, format| {
            let rows = rows(dataset, outcome);
            match format {
                Format::Csv => to_csv(&rows),
                Format::Json => to_json(&rows),
            }
        },
        index_some: SearchText::index_some,
    }
}

/// The piece could not be fetched (offline, and not kept by the service
/// worker; a failed network). Asking again tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFailed;

#[cfg(upr_split)]
mod split {
    use super::{everything, LoadFailed, Loaded};
    use std::cell::Cell;

    impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
        fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
            LoadFailed
        }
    }

    thread_local! {
        static LOADED: Cell<Option<&'static Loaded>> = const { Cell::new(None) };
    }

    // Runs once, in the split-off piece; the table it hands out lives as
    // long as the page.
    #[wasm_split_helpers::wasm_split(extras, fallible)]
    fn split_off() -> Result<&'static Loaded, LoadFailed> {
        Ok(Box::leak(Box::new(everything())))
    }

    pub async fn load() -> Result<&'static Loaded, LoadFailed> {
        if let Some(loaded) = LOADED.with(Cell::get) {
            return Ok(loaded);
        }
        let loaded = split_off().await?;
        LOADED.with(|cell| cell.set(Some(loaded)));
        Ok(loaded)
    }

    pub fn loaded() -> Option<&'static Loaded> {
        LOADED.with(Cell::get)
    }
}

#[cfg(not(upr_split))]
mod split {
    use super::{everything, LoadFailed, Loaded};

    thread_local! {
        static LOADED: &'static Loaded = Box::leak(Box::new(everything()));
    }

    pub async fn load() -> Result<&'static Loaded, LoadFailed> {
        Ok(LOADED.with(|loaded| *loaded))
    }

    pub fn loaded() -> Option<&'static Loaded> {
        Some(LOADED.with(|loaded| *loaded))
    }
}

/// The split-off code, fetched and run the first time; at once after.
pub use split::load;

/// Starts fetching the split-off code for a view about to need it.
pub fn prefetch() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load().await;
    });
}

/// The split-off code if it is in (always, where the build links it in).
pub use split::loaded;
