//! The core of the UPR viewer: the dataset model and its loader, the
//! address bar's typed query, the filter, facets, search, statistics, the
//! table, exports, formatting and the viewer's state. Plain Rust, no DOM:
//! the compiler keeps it so (no yew, web-sys, gloo or js-sys among its
//! dependencies), so that the importer, a command-line tool or another
//! front end can use it unchanged, and its tests run natively.

pub mod card_groups;
pub mod columns;
pub mod dataset;
pub mod export;
pub mod facet;
pub mod filter;
pub mod fingerprint;
pub mod format;
pub mod lang;
pub mod passing;
pub mod query;
pub mod search;
pub mod sort;
pub mod state;
pub mod stats;
pub mod table;
