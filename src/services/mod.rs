//! Input and output with the browser: fetching the dataset, the address bar,
//! downloads.

pub mod address_bar;
pub mod download;
pub mod fetch;
pub mod loader;
pub mod slices;
pub mod worker_fetch;
