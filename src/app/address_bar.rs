//! The view's query in step with what is outside the viewer: the props
//! (the page's query, an element's attributes), and, where the host lets
//! the viewer keep it, the address bar (Back and Forward, the canonical
//! link once the data is in, each change the person makes).

use super::store::Store;
use crate::components::OnQuery;
use crate::services::address_bar;
use upr_core::query::{Query, QueryWarning};
use upr_core::state::{Action, QueryOrigin};
use yew::prelude::*;

/// Keeps the query in step, and gives the one callback through which
/// every component asks for another query. `enabled`: whether the
/// address bar is the viewer's to read and write (`Host::address_bar`).
#[hook]
pub fn use_address_bar(
    state: &UseReducerHandle<Store>,
    query: Query,
    warnings: Vec<QueryWarning>,
    enabled: bool,
) -> OnQuery {
    // A changed attribute (or a new page query) replaces the query.
    use_effect_with((query, warnings), {
        let dispatcher = state.dispatcher();
        move |(query, warnings): &(Query, Vec<QueryWarning>)| {
            dispatcher.dispatch(Action::External(query.clone(), warnings.clone()));
        }
    });

    // Back and forward bring the query of that history entry.
    use_effect_with(enabled, {
        let dispatcher = state.dispatcher();
        move |enabled: &bool| {
            let listener = enabled.then(|| {
                let window = web_sys::window().expect("a page always has a window");
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    let (query, warnings) = address_bar::read();
                    dispatcher.dispatch(Action::External(query, warnings));
                })
            });
            move || drop(listener)
        }
    });

    // Once the data is in, a link as typed (`theme=death+penalty&bogus=1`)
    // is shown as the viewer writes it, over the same history entry; the
    // notice of what was ignored stays.
    use_effect_with(state.dataset.is_some(), {
        let dispatcher = state.dispatcher();
        let (dataset, query, warnings) = (
            state.dataset.clone(),
            state.query.clone(),
            state.parse_warnings.clone(),
        );
        move |_: &bool| {
            let Some(dataset) = dataset.filter(|_| enabled) else {
                return;
            };
            let canonical = query.canonical(&dataset);
            address_bar::write(&canonical, false);
            if canonical != query {
                dispatcher.dispatch(Action::External(canonical, warnings));
            }
        }
    });

    // One callback for the viewer's life: components whose other props
    // are unchanged (the cards behind an open card) are not drawn again.
    (*use_memo(enabled, {
        let dispatcher = state.dispatcher();
        move |enabled: &bool| {
            let enabled = *enabled;
            Callback::from(move |(query, origin): (Query, QueryOrigin)| {
                // To the page, and to the address bar once the page has
                // painted it (`address_bar::write`).
                if enabled && origin != QueryOrigin::Outside {
                    address_bar::write(&query, origin == QueryOrigin::Choice);
                }
                dispatcher.dispatch(Action::Change(query))
            })
        }
    }))
    .clone()
}
