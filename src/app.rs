//! The viewer: loads the dataset, keeps the query in step with the address
//! bar, and lays out the components.

use crate::components::card_list::CardList;
use crate::components::charts::Charts;
use crate::components::compare::CompareView;
use crate::components::export::ExportButtons;
use crate::components::filters::FilterPanel;
use crate::components::notices::{LoadErrorNotice, QueryWarnings, TextsProgress};
use crate::components::review::ReviewDetail;
use crate::components::summary::ResultSummary;
use crate::palette::{use_palette, Palette};
use crate::query::{Query, QueryWarning, View};
use crate::services::{address_bar, fetch, loader};
use crate::state::{Action, Phase, QueryOrigin, ViewerState};
use stylist::manager::StyleManager;
use stylist::yew::styled_component;
use stylist::Style;
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
}

#[styled_component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let palette = use_palette();
    let state = use_reducer({
        let (query, warnings) = (props.query.clone(), props.warnings.clone());
        move || ViewerState::new(query, warnings)
    });
    let progress = use_state(fetch::Progress::default);
    // On a narrow screen the filters fold away behind a button.
    let filters_open = use_state(|| false);

    use_effect_with(props.data_base.clone(), {
        let dispatcher = state.dispatcher();
        let progress = progress.setter();
        move |base: &AttrValue| {
            let loads = loader::load(base);
            loader::on_progress(base, Callback::from(move |p| progress.set(p)));
            wasm_bindgen_futures::spawn_local(async move {
                let overview = loads.overview.await;
                let loaded = overview.is_ok();
                dispatcher.dispatch(Action::OverviewLoaded(overview));
                if loaded {
                    dispatcher.dispatch(Action::TextsLoaded(loads.complete.await));
                }
            });
        }
    });

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

    use_effect_with((state.query.clone(), state.origin), {
        let enabled = props.address_bar;
        move |(query, origin): &(Query, QueryOrigin)| {
            if enabled && *origin != QueryOrigin::Outside {
                address_bar::write(query, *origin == QueryOrigin::Choice);
            }
        }
    });

    let onquery = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(query, origin): (Query, QueryOrigin)| dispatcher.dispatch(Action::Change(query, origin)))
    };

    let body = match (&state.overview, &state.dataset) {
        (Phase::Failed(message), _) => html! { <LoadErrorNotice message={message.clone()} /> },
        (_, Some(dataset)) => {
            let outcome = &state.outcome;
            let open = state.query.review.as_deref().and_then(|id| dataset.review_by_id(id));
            let main = if let Some(comparison) = &state.comparison {
                html! { <CompareView dataset={dataset.clone()} comparison={comparison.clone()} query={state.query.clone()} onquery={onquery.clone()} /> }
            } else if state.query.view == View::Charts && open.is_none() {
                match &state.charts {
                    Some(charts) => html! { <Charts dataset={dataset.clone()} charts={charts.clone()} query={state.query.clone()} onquery={onquery.clone()} /> },
                    None => html! { <p role="status">{ "The charts appear once the recommendation texts have loaded." }</p> },
                }
            } else {
                match open {
                Some(index) => {
                    // The open card shows the recommendations that pass the
                    // filters, or all of its own when it does not match them.
                    let passing = outcome
                        .reviews
                        .iter()
                        .find(|m| m.review == index)
                        .map(|m| m.passing.clone())
                        .filter(|p| !p.is_empty())
                        .unwrap_or_else(|| dataset.reviews[index].recommendations.clone().map(|i| i as u32).collect());
                    html! { <ReviewDetail dataset={dataset.clone()} review={index} passing={passing} query={state.query.clone()} onquery={onquery.clone()} /> }
                }
                None => html! { <CardList dataset={dataset.clone()} outcome={outcome.clone()} query={state.query.clone()} onquery={onquery.clone()} /> },
                }
            };
            let view_tab = |view: View, label: &str| {
                let query = Query { view, review: None, compare: None, ..state.query.clone() };
                let selected = state.query.view == view && state.query.review.is_none() && state.query.compare.is_none();
                let onclick = { let on = onquery.clone(); Callback::from(move |_: MouseEvent| on.emit((query.clone(), QueryOrigin::Choice))) };
                html! { <button type="button" aria-pressed={selected.to_string()} data-testid={format!("view-{}", label.to_lowercase())} {onclick}>{ label.to_owned() }</button> }
            };
            html! {
                <div class={classes!("layout", (!props.show_filters).then_some("compact"))}>
                    if props.show_filters {
                        <aside class="panel">
                            <button type="button" class="filters-toggle" data-testid="filters-toggle"
                                aria-expanded={filters_open.to_string()} aria-controls="filter-panel"
                                onclick={let open = filters_open.clone(); move |_| open.set(!*open)}>
                                { if *filters_open { "Hide filters" } else { "Show filters" } }
                            </button>
                            <div id="filter-panel" class={classes!("panel-body", filters_open.then_some("open"))}>
                                <FilterPanel dataset={dataset.clone()} outcome={outcome.clone()} query={state.query.clone()} onquery={onquery.clone()} />
                            </div>
                        </aside>
                    }
                    <main class="results" id="results">
                        <QueryWarnings warnings={state.warnings.clone()} />
                        if let Phase::Failed(message) = &state.texts {
                            <div data-testid="texts-error" role="alert" class="texts-error">
                                { format!("The recommendation texts could not be loaded, so the cards show whole reviews only: {message}") }
                            </div>
                        }
                        if state.texts == Phase::Loading {
                            <TextsProgress progress={*progress} />
                        }
                        <ResultSummary
                            reviews={outcome.reviews.len() as u32}
                            recommendations={outcome.recommendations}
                            total_reviews={dataset.totals.reviews}
                            provisional={outcome.provisional}
                            query={state.query.clone()}
                            onquery={onquery.clone()} />
                        <div class="toolbar">
                            <div role="group" aria-label="Show as">{ view_tab(View::Cards, "Cards") }{ view_tab(View::Charts, "Charts") }</div>
                            <ExportButtons dataset={dataset.clone()} outcome={outcome.clone()} />
                        </div>
                        { main }
                    </main>
                </div>
            }
        }
        _ => html! {
            <p data-testid="loading" role="status" class="loading">{ "Loading the reviews…" }</p>
        },
    };

    // Through the context's manager, so that inside an embed the styles go
    // into its shadow root, not into the host page's head.
    // Memoised: building the sheet costs milliseconds, on every render.
    let manager = use_context::<StyleManager>().unwrap_or_default();
    let root_class = use_memo((palette.clone(), manager), |(palette, manager)| {
        Style::new_with_manager(root_style(palette), manager.clone())
            .map(|style| style.get_class_name().to_owned())
            .unwrap_or_default()
    });

    html! {
        <ContextProvider<Palette> context={palette.clone()}>
            <div class={(*root_class).clone()} data-testid="upr-viewer">
                if props.masthead {
                    <header class="masthead">
                        <h1>{ "Universal Periodic Review" }</h1>
                        <p>{ "Recommendations made to every UN Member State by its peers in the Human Rights Council, sessions 1–20 (2008–2014)." }</p>
                    </header>
                }
                { body }
                <footer class="source">
                    { "Universal Periodic Review, sessions 1–20. Recommendations: UPR Info database; media summary: OHCHR." }
                </footer>
            </div>
        </ContextProvider<Palette>>
    }
}

fn root_style(p: &Palette) -> stylist::StyleSource {
    stylist::css!(
        r#"
        background: ${bg}; color: ${text};
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        font-size: 16px; line-height: 1.5; padding: 1em; min-height: 100%;
        box-sizing: border-box;
        & *, & *::before, & *::after { box-sizing: border-box; }
        & h1 { font-size: 1.5em; margin: 0 0 0.25em; }
        & h2 { font-size: 1.25em; }
        & h3 { font-size: 1.1em; margin: 0 0 0.25em; }
        & .masthead p { color: ${muted}; margin-top: 0; }
        & a { color: ${accent}; }
        & a:focus-visible, & button:focus-visible, & input:focus-visible, & select:focus-visible, & summary:focus-visible, & [tabindex]:focus-visible {
            outline: 3px solid ${focus}; outline-offset: 2px;
        }
        & button, & select, & input { font: inherit; color: ${text}; background: ${surface}; border: 1px solid ${border}; border-radius: 4px; }
        & button { padding: 0.35em 0.75em; cursor: pointer; }
        & button:disabled { opacity: 0.6; cursor: default; }
        & input[type=range] { width: 100%; accent-color: ${accent}; padding: 0; border: none; background: transparent; }
        & input[type=checkbox], & input[type=radio] { accent-color: ${accent}; }
        & .layout { display: grid; grid-template-columns: minmax(16em, 20em) 1fr; gap: 1.5em; align-items: start; }
        & .layout.compact { grid-template-columns: 1fr; }
        & .filters-toggle { display: none; }
        @media (max-width: 760px) {
            & .layout { grid-template-columns: 1fr; }
            & .filters-toggle { display: block; width: 100%; }
            & .panel-body { display: none; }
            & .panel-body.open { display: block; margin-top: 0.75em; }
        }
        & .panel { background: ${surface}; border: 1px solid ${border}; border-radius: 8px; padding: 0.75em 1em; }
        & .filters h2 { margin-top: 0; }
        & .filters fieldset { border: none; padding: 0; margin: 0 0 1em; min-width: 0; }
        & .filters legend { font-weight: 600; padding: 0; margin-bottom: 0.25em; }
        & .field { display: block; margin-bottom: 0.5em; }
        & .field span { display: block; font-size: 0.9em; color: ${muted}; }
        & .field select, & .field input { width: 100%; padding: 0.3em; }
        & .hint { font-size: 0.85em; color: ${muted}; margin: 0 0 0.25em; }
        & .slider { display: block; font-size: 0.9em; }
        & .pair { display: flex; gap: 0.5em; }
        & .number { flex: 1; font-size: 0.9em; }
        & .number input { width: 100%; padding: 0.2em; }
        & .theme-list { list-style: none; padding: 0; margin: 0; max-height: 22em; overflow-y: auto; border: 1px solid ${border}; border-radius: 4px; }
        & .theme-list label { display: flex; gap: 0.4em; align-items: baseline; padding: 0.15em 0.4em; cursor: pointer; }
        & .theme-list .option-label { flex: 1; }
        & .count { color: ${muted}; font-variant-numeric: tabular-nums; font-size: 0.85em; }
        & .match { font-size: 0.9em; margin-bottom: 0.25em; }
        & .match label { margin-right: 0.75em; }
        & .result-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5em; }
        & .result-bar p { margin: 0.25em 0; }
        & .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17em, 1fr)); gap: 1em; }
        & .card, & .review { background: ${surface}; border: 1px solid ${border}; border-radius: 8px; padding: 0.75em 1em; height: 100%; }
        & .card h3 a { text-decoration: none; }
        & .card h3 a:hover { text-decoration: underline; }
        & .meta, & .participation, & .legend { color: ${muted}; font-size: 0.9em; margin: 0.2em 0; }
        & .responses p { margin: 0.2em 0; }
        & .bar { display: flex; height: 0.5em; border-radius: 4px; overflow: hidden; background: ${border}; }
        & .bar .accepted { background: ${accepted}; }
        & .bar .noted { background: ${noted}; }
        & .accepted-text { color: ${accepted}; }
        & .noted-text { color: ${noted}; }
        & .passing { color: ${accent}; }
        & .themes { list-style: none; padding: 0; margin: 0.4em 0 0; display: flex; flex-wrap: wrap; gap: 0.3em; }
        & .card .themes li { font-size: 0.8em; border: 1px solid ${border}; border-radius: 999px; padding: 0 0.5em; }
        & .pager { display: flex; gap: 1em; align-items: center; justify-content: center; margin: 1em 0; }
        & .review section { margin-top: 1.25em; }
        & .review dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
        & .review dt { color: ${muted}; }
        & .review dd { margin: 0; }
        & .recommendation-list { padding-left: 1.2em; }
        & .recommendation-list li p { margin: 0.2em 0; }
        & .grouping label { margin-right: 0.75em; }
        & .source { color: ${muted}; font-size: 0.85em; }
        & .texts-error { background: ${error_bg}; padding: 0.5em 1em; border-radius: 6px; }
        & progress { display: block; width: 100%; }
        & .toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 0.5em 0; }
        & .toolbar button { margin-right: 0.25em; }
        & button[aria-pressed=true] { background: ${accent}; color: ${on_accent}; border-color: ${accent}; }
        & .chart { margin: 0 0 1.5em; background: ${surface}; border: 1px solid ${border}; border-radius: 8px; padding: 0.75em 1em; }
        & .chart h3 { margin: 0; }
        & .chart .bar.clickable { cursor: pointer; }
        & .chart .bar.clickable:hover rect, & .chart .bar.clickable:focus rect { opacity: 0.8; }
        & .chart .bar:focus { outline: none; }
        & .chart .bar:focus-visible text:first-of-type { text-decoration: underline; }
        & .chart-legend { font-size: 0.85em; color: ${muted}; margin: 0.25em 0; }
        & table { border-collapse: collapse; font-size: 0.9em; }
        & th, & td { text-align: left; padding: 0.2em 0.6em; border-bottom: 1px solid ${border}; }
        & .compare-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 1em; }
        & .compare-column { border: 1px solid ${border}; border-radius: 8px; padding: 0.5em 1em; }
        & .print-only { display: none; }
        @media print {
            & { background: #fff; color: #000; padding: 0; }
            & .panel, & .toolbar, & .result-bar, & .back, & .print-button, & .grouping, & .masthead p, & [data-testid=query-warnings] { display: none; }
            & .layout { display: block; }
            & .review { border: none; padding: 0; }
            & .print-only { display: block; }
            & section { break-inside: avoid-page; }
            & a { color: #000; }
        }
        "#,
        bg = p.background,
        text = p.text,
        muted = p.muted,
        accent = p.accent,
        surface = p.surface,
        border = p.border,
        focus = p.focus,
        accepted = p.accepted,
        noted = p.noted,
        on_accent = p.on_accent,
        error_bg = p.error_bg,
    )
}
