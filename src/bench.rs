//! Entry points for the benchmark (`scripts/bench.sh`): the cost of the
//! filter alone, and of a bare scan over the same data, measured inside
//! the page on the dataset it has loaded, with no rendering. They are the
//! floor the page's own filter latency is compared with.

use crate::services::slices::now;
use upr_core::dataset::load::Dataset;
use upr_core::filter::apply;
use upr_core::query::Query;
use wasm_bindgen::prelude::*;

/// Mean milliseconds over `repeats` runs of `work`, timed as one block
/// because the browser's clock is coarser than one fast run.
fn mean_ms(repeats: u32, mut work: impl FnMut() -> usize) -> f64 {
    let repeats = repeats.max(1);
    let start = now();
    for _ in 0..repeats {
        std::hint::black_box(work());
    }
    (now() - start) / repeats as f64
}

fn loaded() -> Result<std::rc::Rc<Dataset>, JsValue> {
    crate::services::loader::any_complete()
        .ok_or_else(|| JsValue::from_str("the dataset has not finished loading"))
}

/// The filter (matching, facet counts, sort) for an address-bar query.
#[wasm_bindgen(js_name = benchFilter)]
pub fn bench_filter(search: &str, repeats: u32) -> Result<f64, JsValue> {
    let dataset = loaded()?;
    let (query, _) = Query::from_search(search);
    Ok(mean_ms(repeats, || apply(&dataset, &query).0.reviews.len()))
}

/// The least any filter must do: one pass over every recommendation
/// testing a theme bit, or one pass over all texts (end to end in one
/// buffer) for a substring, counting the hits.
#[wasm_bindgen(js_name = benchBareScan)]
pub fn bench_bare_scan(theme_mask: u32, text: &str, repeats: u32) -> Result<f64, JsValue> {
    let dataset = loaded()?;
    let text = text.to_lowercase();
    Ok(mean_ms(repeats, || {
        if text.is_empty() {
            dataset
                .recommendations
                .iter()
                .filter(|r| theme_mask == 0 || r.themes & theme_mask as u64 != 0)
                .count()
        } else {
            dataset.recommendations.search_text().hits(&text).len()
        }
    }))
}

/// Whether the loaded texts are searched through their word index, or
/// need none: it is built in slices after the texts are shown.
#[wasm_bindgen(js_name = benchSearchIndexed)]
pub fn bench_search_indexed() -> bool {
    crate::services::loader::search_indexed()
}
