//! The bundled dataset: its serde types, the loader that checks what it
//! reads, and (natively) the importer that writes it from `shared/`.

pub mod borrowed;
pub mod facet;
pub mod fast_hash;
pub mod indices;
pub mod load;
pub mod media_summary;
pub mod option_rows;
pub mod packed;
pub mod schema;
pub mod slug;
pub mod states;
pub mod stream;
pub mod texts;
pub mod themes;
mod varint;
pub mod word_index;

#[cfg(not(target_arch = "wasm32"))]
pub mod import;

pub use load::{Dataset, LoadError};
