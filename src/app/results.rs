//! The results beside the filters: notices, the result line, the toolbar
//! and the view the query asks for (cards with an open card, charts, the
//! table, a comparison).

use super::store::Store;
use super::Host;
use crate::components::card_list::CardList;
use crate::components::charts::ChartsProps;
use crate::components::compare::CompareProps;
use crate::components::data_table::DataTableProps;
use crate::components::export::export_buttons;
use crate::components::filters::FilterPanel;
use crate::components::focus::use_focus_back_to_card;
use crate::components::language::language_switch;
use crate::components::latest::use_latest;
use crate::components::notices::{
    extras_notice, query_warnings, texts_error_notice, texts_progress,
};
use crate::components::profile::ProfileProps;
use crate::components::review::ReviewDetail;
use crate::components::summary::result_summary;
use crate::components::{use_tr, OnQuery};
use crate::i18n::Msg;
use crate::services::fetch::Progress;
use upr_core::query::{Query, View};
use upr_core::state::{Action, Phase, QueryOrigin};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    /// The viewer's state, with its dataset loaded (the overview at least).
    pub state: UseReducerHandle<Store>,
    pub host: Host,
    pub progress: Progress,
    pub onretry: Callback<()>,
    pub onquery: OnQuery,
    /// Whether an open card may draw its rows after the first paint
    /// (false in the viewer's first render, which a prerendered page
    /// hydrates whole).
    pub progressive: bool,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let t = use_tr();
    let state = &props.state;
    // On a narrow screen the filters fold away behind a button.
    let filters_open = use_state(|| false);
    let export_failed = use_state(|| false);
    // The filter panel is given the filters alone, so that opening a card,
    // turning a page or changing the view does not draw its hundreds of
    // options again (milliseconds at each). Its changes are laid over the
    // query of the moment, read when the person acts: one callback for
    // the viewer's life, which the panel's props never see change.
    let current = use_latest(state.query.clone());
    let onfilters = use_memo(props.onquery.clone(), move |onquery: &OnQuery| {
        let onquery = onquery.clone();
        Callback::from(move |(filters, origin): (Query, QueryOrigin)| {
            onquery.emit((current.borrow().with_filters_of(&filters), origin))
        })
    });
    let (Some(dataset), outcome) = (&state.dataset, &state.outcome) else {
        return html! {};
    };
    let (host, onquery) = (props.host, &props.onquery);
    let waiting = waits_for_texts(state);
    let onwant = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::TextsRequested))
    };
    let view_tab = |view: View, testid: &str, label: Msg| {
        let query = state.query.in_view(view);
        let selected = state.query.view == view
            && state.query.review.is_none()
            && state.query.compare.is_none();
        let onclick = onquery.reform(move |_: MouseEvent| (query.clone(), QueryOrigin::Choice));
        html! { <button type="button" aria-pressed={selected.to_string()} data-testid={format!("view-{testid}")} {onclick}>{ t.get(label) }</button> }
    };
    // The page's main content; an embed sits inside a host page that has
    // its own `main`, and a page holds only one.
    let results_tag = if host.masthead() { "main" } else { "section" };
    html! {
        <div class={classes!("layout", (!host.filters()).then_some("compact"))}>
            if host.filters() {
                <aside class="panel">
                    <button type="button" class="filters-toggle" data-testid="filters-toggle"
                        aria-expanded={filters_open.to_string()} aria-controls="filter-panel"
                        onclick={let open = filters_open.clone(); move |_| open.set(!*open)}>
                        { t.get(if *filters_open { Msg::HideFilters } else { Msg::ShowFilters }) }
                    </button>
                    <div id="filter-panel" class={classes!("panel-body", filters_open.then_some("open"))}>
                        <FilterPanel dataset={dataset.clone()} outcome={outcome.clone()} query={state.query.filters_only()} onquery={(*onfilters).clone()} />
                    </div>
                </aside>
            }
            <@{results_tag} class={classes!("results", waiting.then_some("waiting"))} id="results" aria-label={(!host.masthead()).then(|| t.get(Msg::ResultsLabel))}>
                // While the answer waits for the texts, only their progress
                // shows, over the results kept hidden: the numbers, the
                // toolbar and the cards then show at once, where they are,
                // rather than move as each changes (a layout shift).
                if waiting {
                    <div class="texts-wait" data-testid="texts-placeholder">
                        { texts_progress(&t, props.progress) }
                    </div>
                }
                { query_warnings(&t, &state.warnings) }
                if let Phase::Failed(error) = &state.texts {
                    { texts_error_notice(&t, error, &props.onretry) }
                }
                { result_summary(&t, outcome, dataset.totals.reviews, &state.query, onquery) }
                <div class="toolbar">
                    <div role="group" aria-label={t.get(Msg::ShowAs)}>{ view_tab(View::Cards, "cards", Msg::ViewCards) }{ view_tab(View::Charts, "charts", Msg::ViewCharts) }{ view_tab(View::Table, "table", Msg::ViewTable) }</div>
                    if !host.masthead() {
                        { language_switch(&t, &state.query, onquery) }
                    }
                    { export_buttons(&t, dataset, outcome, state.texts == Phase::Loading, &onwant,
                        *export_failed, &{ let failed = export_failed.clone(); Callback::from(move |now| failed.set(now)) }) }
                </div>
                <MainView state={state.clone()} onquery={onquery.clone()} outline={host.outline()} progressive={props.progressive} />
                // Last, and held at the bottom of the window while the
                // results are in view: when the texts are in and it goes,
                // nothing on screen moves (above the summary, it moved
                // every card up: a layout shift on the home page). Where
                // the cards wait for the texts, their place says it.
                if state.texts == Phase::Loading && !waiting {
                    { texts_progress(&t, props.progress) }
                }
            </@>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MainViewProps {
    state: UseReducerHandle<Store>,
    onquery: OnQuery,
    outline: bool,
    progressive: bool,
}

/// Whether the cards' answer waits for every review's texts (a search, a
/// filter on what recommendations say or carry): until they are in, the
/// results show their progress rather than cards matched on the reviews'
/// summaries, which the texts would then replace, moving all below (the
/// layout shift a shared link to a search made).
fn waits_for_texts(state: &Store) -> bool {
    let outcome = &state.outcome;
    (outcome.provisional || outcome.waiting_for_texts)
        && matches!(state.texts, Phase::Idle | Phase::Loading)
        && state.query.view == View::Cards
        && state.query.review.is_none()
        && state.query.compare.is_none()
}

/// Fetches the split-off code (crate::extras) when the view asks for it
/// and the state has it not; then hands the core its part. Returns whether
/// the last attempt failed, and what tries again.
#[hook]
fn use_extras(state: &UseReducerHandle<Store>) -> (bool, Callback<()>) {
    let failed = use_state(|| false);
    let attempt = use_state(|| 0_u32);
    let wanted = state.query.needs_extras() && state.extras.is_none();
    {
        let (dispatcher, failed) = (state.dispatcher(), failed.clone());
        use_effect_with((wanted, *attempt), move |(wanted, _)| {
            if *wanted {
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::extras::load().await {
                        Ok(loaded) => {
                            failed.set(false);
                            dispatcher.dispatch(Action::ExtrasLoaded(loaded.compute));
                        }
                        Err(_) => failed.set(true),
                    }
                });
            }
        });
    }
    let failed_now = *failed;
    let onretry = Callback::from(move |()| {
        failed.set(false);
        attempt.set(*attempt + 1);
    });
    (failed_now, onretry)
}

/// What the query asks to see: a comparison, the charts, the table, or
/// the cards with the open card.
#[component]
fn MainView(props: &MainViewProps) -> Html {
    let t = use_tr();
    let (state, onquery) = (&props.state, &props.onquery);
    // The card list's element: set while the list is in the page.
    let list = use_node_ref();
    use_focus_back_to_card(
        list.clone(),
        state.query.review.clone().map(AttrValue::from),
    );
    let (extras_failed, onretry) = use_extras(state);
    let (Some(dataset), outcome, query) = (&state.dataset, &state.outcome, &state.query) else {
        return html! {};
    };
    let open = query
        .review
        .as_deref()
        .and_then(|id| dataset.review_by_id(id));
    // The code of a comparison, the charts and the table comes in a piece
    // of its own (crate::extras): its place says so until it is in.
    let extras = crate::extras::loaded().filter(|_| state.extras.is_some());
    let wants_view = query.compare.is_some() || (query.view != View::Cards && open.is_none());
    if wants_view && extras.is_none() {
        return extras_notice(&t, extras_failed, &onretry);
    }
    if let (Some(comparison), Some(extras)) = (&state.comparison, extras) {
        return (extras.compare)(
            &t,
            &CompareProps {
                dataset: dataset.clone(),
                comparison: comparison.clone(),
                query: query.clone(),
                onquery: onquery.clone(),
            },
        );
    }
    match (query.view, open, extras) {
        (View::Charts, None, Some(extras)) => match &state.charts {
            Some(data) => (extras.charts)(
                &t,
                &ChartsProps {
                    dataset: dataset.clone(),
                    charts: data.clone(),
                    query: query.clone(),
                    onquery: onquery.clone(),
                },
            ),
            None => html! { <p role="status">{ t.get(Msg::ChartsWaiting) }</p> },
        },
        (View::Table, None, Some(extras)) => match &state.table {
            Some(table) => (extras.table)(DataTableProps {
                dataset: dataset.clone(),
                table: table.clone(),
                query: query.clone(),
                onquery: onquery.clone(),
            }),
            None => html! { <p role="status">{ t.get(Msg::TableWaiting) }</p> },
        },
        _ => {
            // The list stays in the page, hidden, while a card is open, if
            // it was there when the card opened: opening takes no cards
            // apart, closing builds none again, and the list comes back as
            // it was left. A page that starts on a card (a prerendered
            // review page) has no list behind it.
            let keep_list = open.is_none() || list.get().is_some();
            let cards = keep_list.then(|| html! {
                <div class="card-list" hidden={open.is_some()} ref={list.clone()}>
                    if let (Some(profile), Some(extras)) = (&state.profile, extras) {
                        { (extras.profile)(&t, &ProfileProps { dataset: dataset.clone(), profile: profile.clone() }) }
                    }
                    <CardList dataset={dataset.clone()} outcome={outcome.clone()} query={Query { review: None, ..query.clone() }} onquery={onquery.clone()} />
                </div>
            });
            let detail = open.map(|index| {
                // The open card shows the recommendations that pass the
                // filters, or all of its own when it does not match them.
                let passing = outcome
                    .reviews
                    .iter()
                    .find(|m| m.review == index)
                    .map(|m| m.passing.to_vec())
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| dataset.reviews[index].recommendations.clone().map(|i| i as u32).collect());
                html! { <ReviewDetail dataset={dataset.clone()} review={index} {passing} query={query.clone()} onquery={onquery.clone()} outline={props.outline} progressive={props.progressive} /> }
            });
            // Two children always, even empty: an `Option` in `html!` is no
            // child at all when `None`, and Yew matches unkeyed children
            // from the end, so a list one child shorter would have had its
            // cards built again.
            html! { <>{ cards.unwrap_or_default() }{ detail.unwrap_or_default() }</> }
        }
    }
}
