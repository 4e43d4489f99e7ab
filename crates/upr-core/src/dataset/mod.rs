//! The bundled dataset: its serde types, and the loader that checks what
//! it reads. The importer that writes it is the `upr-import` crate.

pub mod borrowed;
pub mod classification;
pub mod indices;
pub mod load;
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

pub use load::{Dataset, LoadError};
