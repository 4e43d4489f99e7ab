//! The dataset's loading as the viewer sees it: the overview at once, the
//! texts when the view needs them (one State's for its cards, every
//! review's for a search, a filter on recommendations, the table, the
//! charts), or after the page is idle where the browser says the
//! connection is fast and data is not saved; their progress, and "Try
//! again" after a failure (by itself when the connection comes back).

use super::store::Store;
use crate::components::deferred;
use crate::services::fetch::Progress;
use crate::services::loader;
use crate::services::slices::yield_to_browser;
use upr_core::state::{Action, Phase, TextsWanted};
use yew::prelude::*;

/// How far every review's texts have downloaded, and what "Try again" does.
pub struct DatasetLoad {
    pub progress: Progress,
    pub onretry: Callback<()>,
}

/// Loads from `base` what the viewer's state asks for (joining the loads
/// under way there) and dispatches what arrives.
#[hook]
pub fn use_dataset(base: AttrValue, state: &UseReducerHandle<Store>) -> DatasetLoad {
    let progress = use_state(Progress::default);
    // Counts the person's "Try again": a new attempt runs the loads again.
    let attempt = use_state(|| 0u32);
    let dispatcher = state.dispatcher();

    use_effect_with((base.clone(), *attempt), {
        let (dispatcher, progress) = (dispatcher.clone(), progress.setter());
        move |(base, _): &(AttrValue, u32)| {
            let overview = loader::overview(base);
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
                let overview = overview.await;
                yield_to_browser().await;
                dispatcher.dispatch(Action::OverviewLoaded(overview));
            });
            move || drop(subscription)
        }
    });

    // The texts the view needs, when it comes to need them.
    let wanted = state.texts_wanted();
    let texts_failed = matches!(state.texts, Phase::Failed(_));
    let state_id = match wanted {
        TextsWanted::State(index) => state
            .dataset
            .as_ref()
            .map(|d| d.states[index as usize].id.clone()),
        _ => None,
    };
    use_effect_with((base.clone(), wanted, state_id, *attempt), {
        let dispatcher = dispatcher.clone();
        move |(base, wanted, state_id, _): &(AttrValue, TextsWanted, Option<String>, u32)| match (
            wanted, state_id,
        ) {
            (TextsWanted::All, _) if !texts_failed => fetch_every_text(base, &dispatcher),
            (TextsWanted::State(_), Some(id)) => {
                let load = loader::state_texts(base, id);
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load.await;
                    yield_to_browser().await;
                    dispatcher.dispatch(Action::StateTextsLoaded(loaded));
                });
            }
            _ => {}
        }
    });

    // Unasked, once the page is idle: where the browser says the
    // connection is fast and data is not saved, so that a search is
    // answered at once; elsewhere they wait for the person.
    let overview_in = state.overview == Phase::Ready;
    use_effect_with((base.clone(), overview_in), {
        let dispatcher = dispatcher.clone();
        move |(base, ready): &(AttrValue, bool)| {
            let idle = (*ready && fast_connection()).then(|| {
                let (base, dispatcher) = (base.clone(), dispatcher.clone());
                gloo::timers::callback::Timeout::new(PREFETCH_AFTER_MS, move || {
                    // Not a request the person is waiting on: no progress,
                    // and a failure is theirs to see only when they ask.
                    let load = loader::complete(&base);
                    wasm_bindgen_futures::spawn_local(async move {
                        match load.await {
                            Ok(loaded) => {
                                // Not into a page still being taken over.
                                deferred::taken_over().await;
                                yield_to_browser().await;
                                dispatcher.dispatch(Action::TextsLoaded(Ok(loaded)));
                            }
                            Err(_) => loader::forget_failure(&base),
                        }
                    });
                })
            });
            move || drop(idle)
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
    // Texts that failed offline are fetched when the connection is back.
    use_effect_with(texts_failed, {
        let onretry = onretry.clone();
        move |failed: &bool| {
            let listener = (*failed).then(|| {
                let window = gloo::utils::window();
                gloo::events::EventListener::once(&window, "online", move |_| onretry.emit(()))
            });
            move || drop(listener)
        }
    });
    DatasetLoad {
        progress: *progress,
        onretry,
    }
}

/// After the page's own start (the app taken over, the first filter
/// answered), where a fast connection is free to fetch the texts.
const PREFETCH_AFTER_MS: u32 = 2_000;

fn fetch_every_text(base: &str, dispatcher: &UseReducerDispatcher<Store>) {
    dispatcher.dispatch(Action::TextsRequested);
    let load = loader::complete(base);
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = load.await;
        deferred::taken_over().await;
        yield_to_browser().await;
        dispatcher.dispatch(Action::TextsLoaded(loaded));
    });
}

/// Whether the browser says the connection is fast (`4g`) and the person
/// does not save data (`navigator.connection`, Chromium's; elsewhere,
/// unknown: the texts wait for the person).
fn fast_connection() -> bool {
    let navigator = gloo::utils::window().navigator();
    let Ok(connection) = js_sys::Reflect::get(&navigator, &"connection".into()) else {
        return false;
    };
    if !connection.is_object() {
        return false;
    }
    let field = |name: &str| js_sys::Reflect::get(&connection, &name.into()).ok();
    let save_data = field("saveData").is_some_and(|v| v.is_truthy());
    let fast = field("effectiveType")
        .and_then(|v| v.as_string())
        .is_some_and(|t| t == "4g");
    fast && !save_data
}
