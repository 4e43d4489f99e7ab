//! The dataset's loading as the viewer sees it: the overview, then the
//! texts, with their progress, and "Try again" after a failure.

use super::store::Store;
use crate::components::deferred;
use crate::services::fetch::Progress;
use crate::services::loader;
use crate::services::slices::yield_to_browser;
use upr_core::state::Action;
use yew::prelude::*;

/// How far the texts' download is, and what "Try again" does.
pub struct DatasetLoad {
    pub progress: Progress,
    pub onretry: Callback<()>,
}

/// Loads the dataset from `base` (joining a load under way there) and
/// dispatches what arrives; loads again when the person asks.
#[hook]
pub fn use_dataset(base: AttrValue, dispatcher: UseReducerDispatcher<Store>) -> DatasetLoad {
    let progress = use_state(Progress::default);
    // Counts the person's "Try again": a new attempt runs the load again.
    let attempt = use_state(|| 0u32);
    use_effect_with((base.clone(), *attempt), {
        let dispatcher = dispatcher.clone();
        let progress = progress.setter();
        move |(base, _): &(AttrValue, u32)| {
            let loads = loader::load(base);
            let subscription = loader::on_progress(
                base,
                Callback::from(move |p| {
                    if !deferred::taking_over() {
                        progress.set(p);
                    }
                }),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // Each load ends a long piece of work, and rendering what it
                // brought is another: the browser gets its turn between them.
                let overview = loads.overview.await;
                yield_to_browser().await;
                let loaded = overview.is_ok();
                dispatcher.dispatch(Action::OverviewLoaded(overview));
                if loaded {
                    let complete = loads.complete.await;
                    deferred::taken_over().await;
                    yield_to_browser().await;
                    dispatcher.dispatch(Action::TextsLoaded(complete));
                }
            });
            move || drop(subscription)
        }
    });
    let onretry = {
        let (progress, attempt) = (progress.clone(), attempt.clone());
        Callback::from(move |()| {
            loader::forget_failure(&base);
            progress.set(Progress::default());
            dispatcher.dispatch(Action::Retry);
            attempt.set(*attempt + 1);
        })
    };
    DatasetLoad {
        progress: *progress,
        onretry,
    }
}
