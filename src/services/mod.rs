//! Input and output with the browser: fetching the dataset, the address bar.

pub mod address_bar;
pub mod fetch;
pub mod loader;
pub mod slices;
pub mod worker_fetch;
