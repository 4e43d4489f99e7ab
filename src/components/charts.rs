//! Charts of the current selection, bars drawn as SVG. Every bar that
//! applies a filter is a button; each chart has a table beside it for
//! screen readers and for anyone who wants the numbers.

use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::facet::Facet;
use upr_core::format::{percent, svg_number};
use upr_core::query::{Bounds, Query};
use upr_core::state::{ChartData, QueryOrigin, Shared};
use upr_core::stats::{cycle_spans, SessionBar, Split, BIN};
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// What [`charts`] draws.
pub struct ChartsProps {
    pub dataset: Shared<Dataset>,
    pub charts: Shared<ChartData>,
    pub query: Query,
    pub onquery: OnQuery,
}

/// A bar as the horizontal charts draw it.
struct Bar {
    label: String,
    split: Split,
    /// The query a click applies; `None` for a bar that is no filter.
    apply: Option<Query>,
    testid: String,
}

const WIDTH: f64 = 640.0;

/// Every chart of the selection.
pub fn charts(t: &Tr, props: &ChartsProps) -> Html {
    let dataset = &props.dataset;
    let charts = &props.charts;
    let base = props.query.clone().first_page();
    let uncovered = |facet: Facet| {
        let (_, unclassified) = facet.coverage(dataset);
        if unclassified.is_empty() {
            String::new()
        } else {
            t.about_sessions(
                Msg::ChartUncovered,
                &unclassified,
                &[("option", &t.facet_noun(facet))],
            )
        }
    };
    let facet_charts = charts.facets.iter().map(|(facet, options)| {
        let facet = *facet;
        let bars: Vec<Bar> = options
            .iter()
            .map(|(option, split)| {
                let value = facet.value(dataset, *option);
                let mut apply = base.clone();
                apply.select(facet, &value);
                Bar {
                    testid: format!("{}:{value}", facet.parameter()),
                    label: t.facet_label(facet, dataset, *option),
                    split: split.clone(),
                    apply: Some(apply),
                }
            })
            .collect();
        bar_chart(
            t,
            BarChart {
                title: t.get(match facet {
                    Facet::Theme => Msg::ChartPerTheme,
                    Facet::SdgGoal => Msg::ChartPerSdgGoal,
                    Facet::Persons => Msg::ChartPerPersons,
                    Facet::Action => Msg::ChartPerAction,
                }),
                testid: format!("{}-chart", facet.parameter()),
                bars: &bars,
                onquery: &props.onquery,
                empty: t.fmt(
                    Msg::ChartEmpty,
                    &[
                        ("option", &t.facet_noun(facet)),
                        ("uncovered", &uncovered(facet)),
                    ],
                ),
            },
        )
    });
    let region_bars: Vec<Bar> = charts
        .regions
        .iter()
        .map(|(region, split)| Bar {
            label: region.map_or_else(|| t.get(Msg::NoRegion), |r| t.region(r)),
            testid: format!("region:{}", region.map_or("none", |r| r.code())),
            split: split.clone(),
            apply: region.map(|r| Query {
                from_region: Some(r),
                ..base.clone()
            }),
        })
        .collect();
    // The selection over time: a click filters by the session, and a
    // click on the session already chosen shows every session again.
    let time_bars: Vec<TimeBar> = charts
        .over_time
        .iter()
        .map(|bar| {
            let pressed = props.query.session == Some(bar.session);
            let apply = (bar.split.total() > 0 || pressed).then(|| Query {
                session: (!pressed).then_some(bar.session),
                ..base.clone()
            });
            TimeBar {
                bar: bar.clone(),
                apply,
                pressed,
            }
        })
        .collect();
    let uncovered_over_time: Vec<String> = charts
        .over_time_unclassified
        .iter()
        .map(|(facet, sessions)| {
            t.about_sessions(
                Msg::OverTimeUncovered,
                sessions,
                &[("option", &t.facet_noun(*facet))],
            )
        })
        .collect();
    html! {
        <div class="charts" data-testid="charts">
            // First: with three cycles, what changed is what readers ask first.
            { over_time_chart(t, OverTime { title: t.get(Msg::ChartOverTime), hint: t.get(Msg::OverTimeHint), note: uncovered_over_time.join(" "),
                bars: &time_bars, onquery: &props.onquery }) }
            <ParticipationChart charts={charts.clone()} query={props.query.clone()} onquery={props.onquery.clone()} />
            { for facet_charts }
            { bar_chart(t, BarChart { title: t.get(Msg::ChartRegions), testid: "region-chart".to_owned(), bars: &region_bars, onquery: &props.onquery, empty: String::new() }) }
        </div>
    }
}

/// A chart of horizontal bars, as [`bar_chart`] draws it.
struct BarChart<'a> {
    title: String,
    /// Said instead of an empty chart.
    empty: String,
    testid: String,
    bars: &'a [Bar],
    onquery: &'a OnQuery,
}

/// Horizontal stacked bars: accepted, then noted. Each row is HTML (its
/// label wraps, so every label shows in full at any width) with the bar
/// itself as a small SVG; a bar that applies a filter is a real button.
fn bar_chart(t: &Tr, props: BarChart) -> Html {
    let bars = props.bars;
    let most = bars
        .iter()
        .map(|b| b.split.total())
        .max()
        .unwrap_or(0)
        .max(1);
    // Right to left, the bars grow from the right: accepted first.
    let rtl = t.lang().is_rtl();
    let title_id = format!("{}-title", props.testid);
    let rows = bars.iter().map(|bar| {
        let total = t.num(bar.split.total());
        let graphic = html! {
            <span class="bar-track" aria-hidden="true">
                <svg class="bar-graphic" viewBox={format!("0 0 {most} 10")} preserveAspectRatio="none">
                    <rect x={if rtl { most - bar.split.accepted } else { 0 }.to_string()} y="0" width={bar.split.accepted.to_string()} height="10" class="accepted" />
                    <rect x={if rtl { most - bar.split.total() } else { bar.split.accepted }.to_string()} y="0" width={bar.split.noted.to_string()} height="10" class="noted" />
                </svg>
            </span>
        };
        let content = html! { <>
            <span class="bar-label">{ bar.label.clone() }</span>
            // Unrendered between grid items, it keeps the name "Label 1,234".
            { " " }
            <span class="bar-value">{ graphic }<span class="bar-total">{ total }</span></span>
        </> };
        // The button's name is what it shows (label, total), so speech
        // input finds it by the words on screen; the split is its
        // description (and tooltip).
        let detail = t.fmt(Msg::BarDetail, &[("label", &bar.label), ("accepted", &t.num(bar.split.accepted)), ("noted", &t.num(bar.split.noted))]);
        let testid = bar.testid.clone();
        let data_total = bar.split.total().to_string();
        match &bar.apply {
            Some(query) => {
                let onclick = { let q = query.clone(); let on = props.onquery.clone(); Callback::from(move |_: MouseEvent| on.emit((q.clone(), QueryOrigin::Choice))) };
                html! {
                    <button type="button" class="bar-row clickable" data-testid={testid} data-total={data_total}
                            title={t.fmt(Msg::FilterByIt, &[("detail", &detail)])} {onclick}>
                        { content }
                    </button>
                }
            }
            None => html! {
                <div class="bar-row" data-testid={testid} data-total={data_total} title={detail}>{ content }</div>
            },
        }
    });
    html! {
        <figure class="chart" data-testid={props.testid}>
            <figcaption id={title_id.clone()}><h3>{ props.title }</h3></figcaption>
            if bars.is_empty() && !props.empty.is_empty() {
                <p class="note" data-testid="chart-empty">{ props.empty }</p>
            }
            { legend(t) }
            <div class="bar-rows" role="group" aria-labelledby={title_id}>
                { for rows }
            </div>
            <details>
                <summary>{ t.get(Msg::TheNumbers) }</summary>
                <table>
                    <thead><tr><th scope="col">{ "" }</th><th scope="col">{ t.get(Msg::Accepted) }</th><th scope="col">{ t.get(Msg::Noted) }</th><th scope="col">{ t.get(Msg::AcceptedShare) }</th></tr></thead>
                    <tbody>
                        { for bars.iter().map(|b| html! {
                            <tr><th scope="row">{ b.label.clone() }</th><td>{ t.num(b.split.accepted) }</td><td>{ t.num(b.split.noted) }</td><td>{ t.pct(percent(b.split.accepted, b.split.total())) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

fn legend(t: &Tr) -> Html {
    html! {
        <p class="chart-legend" aria-hidden="true">
            <svg width="12" height="12"><rect width="12" height="12" class="accepted" /></svg>{ format!(" {}  ", t.get(Msg::LegendAccepted)) }
            <svg width="12" height="12"><rect width="12" height="12" class="noted" /></svg>{ format!(" {}", t.get(Msg::LegendNoted)) }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ParticipationProps {
    charts: Shared<ChartData>,
    query: Query,
    onquery: OnQuery,
}

const HIST_HEIGHT: f64 = 160.0;
const HIST_LEFT: f64 = 30.0;

/// Reviews by number of participating States, with the current range drawn
/// over it. Drag across it (or click a bar) to set the range.
#[component]
fn ParticipationChart(props: &ParticipationProps) -> Html {
    let t = use_tr();
    let histogram = &props.charts.participation;
    let svg_ref = use_node_ref();
    // The States count where a drag started, and where it is now.
    let drag = use_state(|| None::<(u32, u32)>);
    let bins = histogram.counts.len().max(1) as f64;
    let plot = WIDTH - HIST_LEFT - 10.0;
    // Right to left, the axis runs from the right.
    let rtl = t.lang().is_rtl();
    let mirror = move |x: f64| if rtl { WIDTH - x } else { x };
    let x_of = move |states: f64| mirror(HIST_LEFT + states / (bins * BIN as f64) * plot);
    let states_at = {
        let svg_ref = svg_ref.clone();
        let most = histogram.most;
        move |e: &PointerEvent| -> Option<u32> {
            let svg: Element = svg_ref.cast()?;
            let rect = svg.get_bounding_client_rect();
            let x = mirror((e.client_x() as f64 - rect.left()) / rect.width() * WIDTH);
            let states = ((x - HIST_LEFT) / plot * bins * BIN as f64).round();
            Some((states.max(0.0) as u32).min(most))
        }
    };
    let onpointerdown = {
        let drag = drag.clone();
        let states_at = states_at.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(s) = states_at(&e) {
                if let Some(target) = e.target_dyn_into::<Element>() {
                    let _ = target.set_pointer_capture(e.pointer_id());
                }
                drag.set(Some((s, s)));
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let states_at = states_at.clone();
        Callback::from(move |e: PointerEvent| {
            if let (Some((start, _)), Some(now)) = (*drag, states_at(&e)) {
                drag.set(Some((start, now)));
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        let query = props.query.clone().first_page();
        let onquery = props.onquery.clone();
        let most = histogram.most;
        Callback::from(move |_: PointerEvent| {
            let Some((start, end)) = *drag else { return };
            drag.set(None);
            let (low, high) = if start == end {
                // A click selects that bar's bin.
                let low = start / BIN * BIN;
                (low, (low + BIN - 1).min(most))
            } else {
                (start.min(end), start.max(end))
            };
            let states = Bounds {
                min: Some(low).filter(|v| *v > 0),
                max: Some(high).filter(|v| *v < most),
            };
            onquery.emit((
                Query {
                    states,
                    ..query.clone()
                },
                QueryOrigin::Choice,
            ));
        })
    };
    let tallest = histogram.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bar_width = plot / bins;
    let bin_start =
        |i: usize| x_of((i as u32 * BIN) as f64).min(x_of(((i as u32 + 1) * BIN) as f64));
    let bars = histogram.counts.iter().enumerate().map(|(i, n)| {
        let h = *n as f64 / tallest * (HIST_HEIGHT - 20.0);
        html! {
            <rect x={svg_number(bin_start(i) + 1.0)} y={svg_number(HIST_HEIGHT - h)}
                  width={svg_number((bar_width - 2.0).max(1.0))} height={svg_number(h)} class="accent">
                <title>{ t.count(Msg::HistogramBar, *n, &[("from", &(i as u32 * BIN).to_string()), ("to", &(i as u32 * BIN + BIN - 1).to_string())]) }</title>
            </rect>
        }
    });
    let (low, high) = match *drag {
        Some((a, b)) => (a.min(b), a.max(b)),
        None => (
            props.query.states.min.unwrap_or(0),
            props.query.states.max.unwrap_or(histogram.most),
        ),
    };
    let ticks = (0..=histogram.most).step_by(20).map(|t| html! {
        <text x={svg_number(x_of(t as f64))} y={svg_number(HIST_HEIGHT + 14.0)} font-size="11" text-anchor="middle" class="muted">{ t }</text>
    });
    html! {
        <figure class="chart" data-testid="participation-chart" data-min={low.to_string()} data-max={high.to_string()}>
            <figcaption><h3>{ t.get(Msg::ChartParticipation) }</h3>
                <p class="hint">{ t.fmt(Msg::ParticipationHint, &[("low", &low.to_string()), ("high", &high.to_string())]) }</p>
            </figcaption>
            <svg ref={svg_ref} viewBox={format!("0 0 {} {}", svg_number(WIDTH), svg_number(HIST_HEIGHT + 20.0))} width="100%" role="img" style="touch-action: none; cursor: crosshair"
                 aria-label={t.fmt(Msg::HistogramLabel, &[("low", &low.to_string()), ("high", &high.to_string())])}
                 {onpointerdown} {onpointermove} {onpointerup}>
                <rect x={svg_number(x_of(low as f64).min(x_of(high as f64 + 1.0)))} y="0" width={svg_number((x_of(high as f64 + 1.0) - x_of(low as f64)).abs().max(1.0))}
                      height={svg_number(HIST_HEIGHT)} class="accent" fill-opacity="0.15" data-testid="participation-range" />
                { for bars }
                { for ticks }
            </svg>
            <details>
                <summary>{ t.get(Msg::TheNumbers) }</summary>
                <table>
                    <thead><tr><th scope="col">{ t.get(Msg::ParticipatingStates) }</th><th scope="col">{ t.get(Msg::ColumnReviews) }</th></tr></thead>
                    <tbody>{ for histogram.counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| html! {
                        <tr><th scope="row">{ format!("{}–{}", i as u32 * BIN, i as u32 * BIN + BIN - 1) }</th><td>{ n }</td></tr>
                    }) }</tbody>
                </table>
            </details>
        </figure>
    }
}

/// A session's bar in the chart over time.
#[derive(PartialEq)]
pub struct TimeBar {
    pub bar: SessionBar,
    /// The query a click applies; `None`: no button (nothing to filter to).
    pub apply: Option<Query>,
    /// The session the selection is filtered by, shown pressed.
    pub pressed: bool,
}

/// A chart over time, as [`over_time_chart`] draws it.
pub struct OverTime<'a> {
    pub title: String,
    pub hint: String,
    /// Said under the title: what the bars cannot show (may be empty).
    pub note: String,
    pub bars: &'a [TimeBar],
    pub onquery: &'a OnQuery,
}

/// The narrowest a cycle's bars are together, in em: room for its label
/// where the cycle has a single session (the third has one so far).
const CYCLE_MIN_EM: f64 = 5.0;
/// The narrowest one session's bar is, in em: two digits and a margin.
const SESSION_MIN_EM: f64 = 1.75;

/// Recommendations per session as vertical bars in session order, accepted
/// and noted stacked (their colours the palette's, through the classes
/// `accepted` and `noted`), each cycle labelled above its sessions with a
/// line where it begins. Each bar is a button of its own, named by its
/// session; the layout is a CSS grid, so in a right-to-left language time
/// runs from the right, as the page does. On a narrow screen the bars keep
/// a width a finger can hit and scroll sideways in their own box.
pub fn over_time_chart(t: &Tr, props: OverTime) -> Html {
    let bars = props.bars;
    let most = bars
        .iter()
        .map(|b| b.bar.split.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let sessions: Vec<SessionBar> = bars.iter().map(|b| b.bar.clone()).collect();
    let spans = cycle_spans(&sessions);
    let title_id = "chart-over-time-title";
    let mut columns = vec![String::new(); bars.len()];
    for (_, range) in &spans {
        let em = (CYCLE_MIN_EM / range.len() as f64).max(SESSION_MIN_EM);
        for column in &mut columns[range.clone()] {
            *column = format!("minmax({em:.2}em, 1fr)");
        }
    }
    let starts_cycle = |i: usize| i > 0 && spans.iter().any(|(_, r)| r.start == i);
    let labels = spans.iter().map(|(cycle, range)| {
        html! {
            <span class={classes!("time-cycle", (range.start > 0).then_some("cycle-start"))} aria-hidden="true" data-testid="time-cycle"
                  style={format!("grid-row: 1; grid-column: {} / span {}", range.start + 1, range.len())}>
                { t.fmt(Msg::CycleN, &[("cycle", &cycle.to_string())]) }
            </span>
        }
    });
    let label_of =
        |bar: &SessionBar| t.fmt(Msg::SessionN, &[("session", &bar.session.to_string())]);
    let columns_drawn = bars.iter().enumerate().map(|(i, time)| {
        let bar = &time.bar;
        let split = &bar.split;
        let label = label_of(bar);
        let detail = t.fmt(Msg::BarDetail, &[
            ("label", &format!("{label} · {}", t.fmt(Msg::CycleN, &[("cycle", &bar.cycle.to_string())]))),
            ("accepted", &t.num(split.accepted)),
            ("noted", &t.num(split.noted)),
        ]);
        // Accepted at the foot, noted stacked on it; every bar on the same
        // scale (the tallest fills its box).
        let graphic = html! {
            <svg class="time-graphic" viewBox={format!("0 0 10 {most}")} preserveAspectRatio="none" aria-hidden="true">
                <rect class="accepted" x="0" y={(most - split.accepted).to_string()} width="10" height={split.accepted.to_string()} />
                <rect class="noted" x="0" y={(most - split.total()).to_string()} width="10" height={split.noted.to_string()} />
            </svg>
        };
        // Named "Session 7", showing "7": the name holds what is shown.
        let content = html! { <>
            { graphic }
            <span class="time-label"><span class="visually-hidden">{ label.clone() }</span><span aria-hidden="true">{ bar.session }</span></span>
        </> };
        let class = classes!("time-bar", starts_cycle(i).then_some("cycle-start"), time.apply.is_some().then_some("clickable"));
        let style = format!("grid-row: 2; grid-column: {}", i + 1);
        let testid = format!("time:{}", bar.session);
        match &time.apply {
            Some(query) => {
                let onclick = { let q = query.clone(); let on = props.onquery.clone(); Callback::from(move |_: MouseEvent| on.emit((q.clone(), QueryOrigin::Choice))) };
                html! {
                    <button type="button" {class} {style} data-testid={testid} data-session={bar.session.to_string()} data-total={split.total().to_string()}
                            aria-pressed={time.pressed.to_string()} title={t.fmt(Msg::FilterByIt, &[("detail", &detail)])} {onclick}>
                        { content }
                    </button>
                }
            }
            None => html! {
                <div {class} {style} data-testid={testid} data-session={bar.session.to_string()} data-total={split.total().to_string()} title={detail}>{ content }</div>
            },
        }
    });
    html! {
        <figure class="chart over-time" data-testid="chart-over-time">
            <figcaption id={title_id}><h3>{ props.title }</h3>
                <p class="hint">{ props.hint }</p>
            </figcaption>
            if !props.note.is_empty() {
                <p class="note" data-testid="over-time-uncovered">{ props.note }</p>
            }
            { legend(t) }
            <div class="time-scroll">
                <div class="time-grid" role="group" aria-labelledby={title_id} style={format!("grid-template-columns: {}", columns.join(" "))}>
                    { for labels }
                    { for columns_drawn }
                </div>
            </div>
            <details>
                <summary>{ t.get(Msg::TheNumbers) }</summary>
                <table data-testid="over-time-numbers">
                    <thead><tr><th scope="col">{ t.get(Msg::ColumnSession) }</th><th scope="col">{ t.get(Msg::ColumnCycle) }</th><th scope="col">{ t.get(Msg::Accepted) }</th><th scope="col">{ t.get(Msg::Noted) }</th><th scope="col">{ t.get(Msg::AcceptedShare) }</th></tr></thead>
                    <tbody>
                        { for bars.iter().map(|b| { let s = &b.bar.split; html! {
                            <tr data-session={b.bar.session.to_string()}><th scope="row">{ label_of(&b.bar) }</th><td>{ t.num(u32::from(b.bar.cycle)) }</td><td>{ t.num(s.accepted) }</td><td>{ t.num(s.noted) }</td><td>{ t.pct(percent(s.accepted, s.total())) }</td></tr>
                        } }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
