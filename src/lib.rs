//! UPR viewer: the Universal Periodic Review's recommendations as review
//! cards in the browser. The core (dataset, query, filter) is plain Rust
//! and tested natively; `app` and `components` render it with Yew.

pub mod dataset;
