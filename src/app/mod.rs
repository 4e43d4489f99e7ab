//! The viewer: loads the dataset, keeps the query in step with the address
//! bar, and lays out the components.

mod store;

use crate::components::card_list::CardList;
use crate::components::charts::Charts;
use crate::components::compare::CompareView;
use crate::components::data_table::DataTable;
use crate::components::deferred;
use crate::components::export::ExportButtons;
use crate::components::filters::FilterPanel;
use crate::components::focus::use_focus_back_to_card;
use crate::components::language::{use_language, LanguageSwitch};
use crate::components::notices::{LoadErrorNotice, QueryWarnings, TextsErrorNotice, TextsProgress};
use crate::components::profile::RecommenderProfileView;
use crate::components::review::ReviewDetail;
use crate::components::summary::ResultSummary;
use crate::components::OnQuery;
use crate::i18n::{Msg, Tr};
use crate::palette::{use_palette, Palette};
use crate::services::slices::yield_to_browser;
use crate::services::{address_bar, fetch, loader};
use crate::style::{root_style, ROOT_CLASS};
use store::Store;
use stylist::manager::StyleManager;
use stylist::yew::styled_component;
use stylist::GlobalStyle;
use upr_core::dataset::load::Dataset;
use upr_core::query::{Query, QueryWarning, View};
use upr_core::state::{Action, Phase, QueryOrigin, Shared, ViewerState};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ViewerProps {
    /// Where the dataset files are, ending in `/` (relative to the page).
    pub data_base: AttrValue,
    /// The query the page or element was opened with.
    pub query: Query,
    #[prop_or_default]
    pub warnings: Vec<QueryWarning>,
    /// Keep the query in the address bar (the page, not an embed).
    #[prop_or(true)]
    pub address_bar: bool,
    #[prop_or(true)]
    pub show_filters: bool,
    /// The page's title block; an embed sits inside someone else's page.
    #[prop_or(true)]
    pub masthead: bool,
    /// The dataset already loaded, to show at once: what a prerendered page
    /// was rendered with (the overview, or with the texts), so that the
    /// browser's first render equals the page it hydrates.
    #[prop_or_default]
    pub preloaded: Option<Shared<Dataset>>,
    /// The open card's recommendations as their groups' headings and
    /// counts, without the rows: the lighter prerendered pages of the other
    /// languages, which the browser builds afresh (`crate::prerender`).
    #[prop_or_default]
    pub outline: bool,
}

#[derive(Properties, PartialEq, Clone)]
pub struct PageProps {
    /// Where the styles go: the page's head in the browser, a recording at
    /// build time (`crate::prerender`).
    pub manager: StyleManager,
    pub viewer: ViewerProps,
}

/// The page's viewer with its style manager: one tree for the prerender and
/// the browser, which must match node for node for the page to hydrate.
#[component]
pub fn Page(props: &PageProps) -> Html {
    html! {
        <ContextProvider<StyleManager> context={props.manager.clone()}>
            <Viewer ..props.viewer.clone() />
        </ContextProvider<StyleManager>>
    }
}

#[styled_component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let palette = use_palette();
    let state = use_reducer({
        let (query, warnings, preloaded) = (
            props.query.clone(),
            props.warnings.clone(),
            props.preloaded.clone(),
        );
        move || {
            Store(ViewerState::with_dataset(
                query,
                warnings,
                preloaded.map(|d| d.0),
            ))
        }
    });
    let progress = use_state(fetch::Progress::default);
    let (t, language_failure) =
        use_language(state.query.lang, props.masthead, props.data_base.clone());
    // On the page, the tab's title follows the view in its language: the
    // open review first, as on the prerendered review pages.
    let page_title = {
        let open = state
            .dataset
            .as_ref()
            .zip(state.query.review.as_deref())
            .and_then(|(dataset, id)| {
                let review = &dataset.reviews[dataset.review_by_id(id)?];
                Some(t.fmt(
                    Msg::ReviewTitle,
                    &[
                        ("name", &t.state_name(dataset, review.state)),
                        ("session", &review.summary.session.to_string()),
                    ],
                ))
            });
        match open {
            Some(review) => format!("{review} — {}", t.get(Msg::PageTitle)),
            None => t.get(Msg::PageTitle),
        }
    };
    use_effect_with((page_title, props.masthead), |(title, page)| {
        if *page {
            gloo::utils::document().set_title(title);
        }
    });
    // On a narrow screen the filters fold away behind a button.
    let filters_open = use_state(|| false);

    // Counts the person's "Try again": a new attempt runs the load again.
    let attempt = use_state(|| 0u32);
    use_effect_with((props.data_base.clone(), *attempt), {
        let dispatcher = state.dispatcher();
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
        let (dispatcher, progress, attempt, base) = (
            state.dispatcher(),
            progress.clone(),
            attempt.clone(),
            props.data_base.clone(),
        );
        Callback::from(move |()| {
            loader::forget_failure(&base);
            progress.set(fetch::Progress::default());
            dispatcher.dispatch(Action::Retry);
            attempt.set(*attempt + 1);
        })
    };

    // A changed attribute (or a new page query) replaces the query.
    use_effect_with((props.query.clone(), props.warnings.clone()), {
        let dispatcher = state.dispatcher();
        move |(query, warnings): &(Query, Vec<QueryWarning>)| {
            dispatcher.dispatch(Action::External(query.clone(), warnings.clone()));
        }
    });

    // Back and forward bring the query of that history entry.
    use_effect_with(props.address_bar, {
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
        let (dispatcher, enabled) = (state.dispatcher(), props.address_bar);
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
    let onquery = (*use_memo(props.address_bar, {
        let dispatcher = state.dispatcher();
        move |enabled: &bool| {
            let enabled = *enabled;
            Callback::from(move |(query, origin): (Query, QueryOrigin)| {
                change(&dispatcher, enabled, query, origin)
            })
        }
    }))
    .clone();
    // A card in the viewer's first render is the one a prerendered page
    // holds whole, and its hydration must match it; a card opened later
    // draws the rows below the screen after the first paint.
    let started = use_mut_ref(|| false);
    let progressive = *started.borrow();
    use_effect_with((), move |_| *started.borrow_mut() = true);
    // The card list's element: set while the list is in the page (`main`).
    let list = use_node_ref();
    use_focus_back_to_card(
        list.clone(),
        state.query.review.clone().map(AttrValue::from),
    );
    // The filter panel is given the filters alone, so that opening a card,
    // turning a page or changing the view does not draw its hundreds of
    // options again (milliseconds at each). Its changes are laid over the
    // query of the moment, read when the person acts: one callback for
    // the viewer's life, which the panel's props never see change.
    let current = use_mut_ref(Query::default);
    *current.borrow_mut() = state.query.clone();
    let onfilters = use_memo(onquery.clone(), {
        let current = current.clone();
        move |onquery: &OnQuery| {
            let onquery = onquery.clone();
            Callback::from(move |(filters, origin): (Query, QueryOrigin)| {
                onquery.emit((current.borrow().with_filters_of(&filters), origin))
            })
        }
    });

    let body = match (&state.overview, &state.dataset) {
        (Phase::Failed(error), _) => {
            html! { <LoadErrorNotice error={error.clone()} onretry={onretry.clone()} /> }
        }
        (_, Some(dataset)) => {
            let outcome = &state.outcome;
            let open = state
                .query
                .review
                .as_deref()
                .and_then(|id| dataset.review_by_id(id));
            let main = if let Some(comparison) = &state.comparison {
                html! { <CompareView dataset={dataset.clone()} comparison={comparison.clone()} query={state.query.clone()} onquery={onquery.clone()} /> }
            } else if state.query.view == View::Charts && open.is_none() {
                match &state.charts {
                    Some(charts) => {
                        html! { <Charts dataset={dataset.clone()} charts={charts.clone()} query={state.query.clone()} onquery={onquery.clone()} /> }
                    }
                    None => html! { <p role="status">{ t.get(Msg::ChartsWaiting) }</p> },
                }
            } else if state.query.view == View::Table && open.is_none() {
                match &state.table {
                    Some(table) => {
                        html! { <DataTable dataset={dataset.clone()} table={table.clone()} query={state.query.clone()} onquery={onquery.clone()} /> }
                    }
                    None => html! { <p role="status">{ t.get(Msg::TableWaiting) }</p> },
                }
            } else {
                // The list stays in the page, hidden, while a card is open,
                // if it was there when the card opened: opening takes no
                // cards apart, closing builds none again, and the list
                // comes back as it was left. A page that starts on a card
                // (a prerendered review page) has no list behind it.
                let keep_list = open.is_none() || list.get().is_some();
                let cards = keep_list.then(|| html! {
                    <div class="card-list" hidden={open.is_some()} ref={list.clone()}>
                        if let Some(profile) = &state.profile {
                            <RecommenderProfileView dataset={dataset.clone()} profile={profile.clone()} />
                        }
                        <CardList dataset={dataset.clone()} outcome={outcome.clone()} query={Query { review: None, ..state.query.clone() }} onquery={onquery.clone()} />
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
                    html! { <ReviewDetail dataset={dataset.clone()} review={index} passing={passing} query={state.query.clone()} onquery={onquery.clone()} outline={props.outline} {progressive} /> }
                });
                // Two children always, even empty: an `Option` in `html!` is
                // no child at all when `None`, and Yew matches unkeyed
                // children from the end, so a list one child shorter would
                // have had its cards built again.
                html! { <>{ cards.unwrap_or_default() }{ detail.unwrap_or_default() }</> }
            };
            let view_tab = |view: View, testid: &str, label: Msg| {
                let query = state.query.in_view(view);
                let selected = state.query.view == view
                    && state.query.review.is_none()
                    && state.query.compare.is_none();
                let onclick = {
                    let on = onquery.clone();
                    Callback::from(move |_: MouseEvent| {
                        on.emit((query.clone(), QueryOrigin::Choice))
                    })
                };
                html! { <button type="button" aria-pressed={selected.to_string()} data-testid={format!("view-{testid}")} {onclick}>{ t.get(label) }</button> }
            };
            // The page's main content; an embed sits inside a host page that
            // has its own `main`, and a page holds only one.
            let results_tag = if props.masthead { "main" } else { "section" };
            html! {
                <div class={classes!("layout", (!props.show_filters).then_some("compact"))}>
                    if props.show_filters {
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
                    <@{results_tag} class="results" id="results" aria-label={(!props.masthead).then(|| t.get(Msg::ResultsLabel))}>
                        <QueryWarnings warnings={state.warnings.clone()} />
                        if let Phase::Failed(error) = &state.texts {
                            <TextsErrorNotice error={error.clone()} onretry={onretry.clone()} />
                        }
                        <ResultSummary
                            reviews={outcome.reviews.len() as u32}
                            recommendations={outcome.recommendations}
                            total_reviews={dataset.totals.reviews}
                            provisional={outcome.provisional}
                            waiting_for_texts={outcome.waiting_for_texts}
                            query={state.query.clone()}
                            onquery={onquery.clone()} />
                        <div class="toolbar">
                            <div role="group" aria-label={t.get(Msg::ShowAs)}>{ view_tab(View::Cards, "cards", Msg::ViewCards) }{ view_tab(View::Charts, "charts", Msg::ViewCharts) }{ view_tab(View::Table, "table", Msg::ViewTable) }</div>
                            if !props.masthead {
                                <LanguageSwitch query={state.query.clone()} onquery={onquery.clone()} />
                            }
                            <ExportButtons dataset={dataset.clone()} outcome={outcome.clone()} />
                        </div>
                        { main }
                        // Last, and held at the bottom of the window while
                        // the results are in view: when the texts are in and
                        // it goes, nothing on screen moves (above the
                        // summary, it moved every card up: a layout shift
                        // of 0.062 on the home page).
                        if state.texts == Phase::Loading {
                            <TextsProgress progress={*progress} />
                        }
                    </@>
                </div>
            }
        }
        _ => html! {
            <p data-testid="loading" role="status" class="loading">{ t.get(Msg::Loading) }</p>
        },
    };

    // Through the context's manager, so that inside an embed the styles go
    // into its shadow root, not into the host page's head.
    // Memoised: building the sheet costs milliseconds, on every render.
    let manager = use_context::<StyleManager>().unwrap_or_default();
    let _sheet = use_memo(manager, |manager| {
        let sheet = GlobalStyle::new_with_manager(root_style(), manager.clone()).ok();
        // Not while prerendering: there is no page then.
        if let Some(sheet) = sheet.as_ref().filter(|_| cfg!(target_arch = "wasm32")) {
            drop_prerendered_copies(&sheet.id().to_string(), sheet.get_style_str());
        }
        sheet
    });

    html! {
        <ContextProvider<Palette> context={palette.clone()}>
        <ContextProvider<Tr> context={t.clone()}>
            // `lang` and `dir` here too, for an embed, whose host page has
            // its own `<html lang>`.
            <div class={ROOT_CLASS} data-testid="upr-viewer" lang={t.lang().code()} dir={t.lang().dir()}>
                if props.masthead {
                    <header class="masthead">
                        <div class="masthead-top">
                            <h1>{ t.get(Msg::Title) }</h1>
                            <LanguageSwitch query={state.query.clone()} onquery={onquery.clone()} />
                        </div>
                        <p>{ t.get(Msg::Intro) }</p>
                    </header>
                }
                if let Some(failure) = language_failure {
                    <p role="status" class="language-failure" data-testid="language-failure">{ failure }</p>
                }
                { body }
                <footer class="source">
                    { t.get(Msg::Footer) }
                </footer>
            </div>
        </ContextProvider<Tr>>
        </ContextProvider<Palette>>
    }
}

/// Removes the copies of the viewer's style sheet (`id`, `rules`) that a
/// prerendered page carries in its head, once the viewer has added its own
/// (stylist adds one, under a name of its own, whatever the page holds):
/// with both, the browser matched every rule twice at every restyle. Only
/// when the viewer's own sheet is in that head: an element's is in its
/// shadow root, and the head's sheet is then another viewer's.
fn drop_prerendered_copies(id: &str, rules: &str) {
    let Some(head) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.head())
    else {
        return;
    };
    if !matches!(
        head.query_selector(&format!("style[data-style=\"{id}\"]")),
        Ok(Some(_))
    ) {
        return;
    }
    let Ok(sheets) = head.query_selector_all("style[data-style]") else {
        return;
    };
    let copies: Vec<web_sys::Node> = (0..sheets.length())
        .filter_map(|index| sheets.item(index))
        .filter(|sheet| {
            let element = wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(sheet);
            element.get_attribute("data-style").as_deref() != Some(id)
                && sheet.text_content().as_deref() == Some(rules)
        })
        .collect();
    for copy in copies {
        let _ = head.remove_child(&copy);
    }
}

/// A person's change: to the page, and to the address bar once the page
/// has painted it (`address_bar::write`).
fn change(
    dispatcher: &UseReducerDispatcher<Store>,
    address_bar: bool,
    query: Query,
    origin: QueryOrigin,
) {
    if address_bar && origin != QueryOrigin::Outside {
        address_bar::write(&query, origin == QueryOrigin::Choice);
    }
    dispatcher.dispatch(Action::Change(query))
}
