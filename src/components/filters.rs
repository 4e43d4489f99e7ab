//! The filter panel. Every control reads the query, shows the counts the
//! filter worked out, and sends back a changed query.

use super::deferred::Later;
use super::latest::use_latest;
use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use upr_core::dataset::load::Dataset;
use upr_core::dataset::schema::{Region, Response};
use upr_core::facet::Facet;
use upr_core::filter::Outcome;
use upr_core::format::{capitalised, session_ranges};
use upr_core::query::{Bounds, Query};
use upr_core::sort;
use upr_core::state::{QueryOrigin, Shared};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub dataset: Shared<Dataset>,
    pub outcome: Shared<Outcome>,
    /// The filters ([`Query::filters_only`]): the panel sends back changed
    /// filters, which the viewer lays over the rest of its query.
    pub query: Query,
    pub onquery: OnQuery,
}

/// A callback that applies `change` to the current query (back on page 1).
fn updater<E: 'static>(
    props: &FilterPanelProps,
    origin: QueryOrigin,
    change: impl Fn(&mut Query, E) + 'static,
) -> Callback<E> {
    let query = props.query.clone();
    let onquery = props.onquery.clone();
    Callback::from(move |event: E| {
        let mut next = query.clone().first_page();
        change(&mut next, event);
        onquery.emit((next, origin));
    })
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The search syntax, as the help under the box shows it.
/// The typed examples stay English, as the texts searched are.
const SEARCH_FORMS: [(&str, Msg); 5] = [
    ("torture prison", Msg::SearchHelpWords),
    ("\"death penalty\"", Msg::SearchHelpPhrase),
    ("torture OR detention", Msg::SearchHelpOr),
    ("-journalists", Msg::SearchHelpNotWord),
    ("-\"death penalty\"", Msg::SearchHelpNotPhrase),
];

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let query = &props.query;
    let outcome = &props.outcome;

    let onsearch = updater(props, QueryOrigin::Typing, |q, e: InputEvent| {
        q.text = e.target_unchecked_into::<HtmlInputElement>().value();
    });
    let onclear = {
        let (onquery, lang) = (props.onquery.clone(), query.lang);
        Callback::from(move |_: MouseEvent| {
            onquery.emit((
                Query {
                    lang,
                    ..Query::default()
                },
                QueryOrigin::Choice,
            ))
        })
    };
    let has_filters = Query {
        review: None,
        sort: query.sort,
        group: query.group,
        page: 1,
        lang: query.lang,
        ..Query::default()
    } != Query {
        review: None,
        page: 1,
        ..query.clone()
    };

    html! {
        <form class="filters" aria-label={t.get(Msg::Filters)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2>{ t.get(Msg::Filters) }</h2>
            <label class="field">
                <span>{ t.get(Msg::SearchLabel) }</span>
                <input type="search" data-testid="search" value={query.text.clone()} oninput={onsearch}
                    maxlength={upr_core::query::MAX_VALUE_LEN.to_string()} />
            </label>
            <details class="search-help" data-testid="search-help">
                <summary>{ t.get(Msg::SearchSyntax) }</summary>
                <ul>{ for SEARCH_FORMS.iter().map(|(typed, meaning)| html! { <li><code lang="en">{ *typed }</code>{ t.get(*meaning) }</li> }) }</ul>
            </details>
            { participation_range(&t, props) }
            { for Facet::ALL.into_iter().map(|facet| html! {
                <FacetList {facet} dataset={dataset.clone()} outcome={outcome.clone()} query={query.clone()} onquery={props.onquery.clone()} />
            }) }
            { review_filters(&t, props) }
            { recommendation_filters(&t, props) }
            if has_filters {
                <button type="button" data-testid="clear-filters" onclick={onclear}>{ t.get(Msg::ClearFilters) }</button>
            }
        </form>
    }
}

/// A callback that applies `change` to `query` (back on page 1) as a choice.
fn choice(
    query: &Query,
    onquery: &OnQuery,
    change: impl Fn(&mut Query, Event) + 'static,
) -> Callback<Event> {
    let query = query.clone();
    let onquery = onquery.clone();
    Callback::from(move |event: Event| {
        let mut next = query.clone().first_page();
        change(&mut next, event);
        onquery.emit((next, QueryOrigin::Choice));
    })
}

#[derive(Properties, PartialEq)]
struct FacetListProps {
    facet: Facet,
    dataset: Shared<Dataset>,
    outcome: Shared<Outcome>,
    query: Query,
    onquery: OnQuery,
}

/// The options of one facet as checkboxes, each with the recommendations
/// it would give if selected alone.
#[component]
fn FacetList(props: &FacetListProps) -> Html {
    let t = use_tr();
    let facet = props.facet;
    let dataset = &props.dataset;
    let query = &props.query;
    let selected: Vec<usize> = query
        .selection(facet)
        .iter()
        .filter_map(|v| facet.find(dataset, v))
        .collect();
    let counts = props.outcome.counts(facet);
    // The options' values, labels and notes change only with the dataset
    // or the language, not at each filter.
    let names = use_memo(
        (facet, dataset.clone(), t.clone()),
        |(facet, dataset, t)| {
            (0..dataset.option_count(*facet))
                .map(|index| {
                    (
                        AttrValue::from(facet.value(dataset, index)),
                        AttrValue::from(t.facet_label(*facet, dataset, index)),
                        only_sessions(t, dataset, *facet, index).map(AttrValue::from),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    // One toggle for the list's life, which reads the query of the latest
    // render: an option whose count and state are unchanged keeps equal
    // props and is not drawn again.
    let latest = use_latest(query.clone());
    let ontoggle = use_memo((facet, dataset.clone(), props.onquery.clone()), {
        let latest = latest.clone();
        move |(facet, dataset, onquery): &(Facet, Shared<Dataset>, OnQuery)| {
            let (facet, dataset, onquery) = (*facet, dataset.clone(), onquery.clone());
            Callback::from(move |index: usize| {
                let mut next = latest.borrow().clone().first_page();
                next.toggle(facet, &facet.value(&dataset, index));
                onquery.emit((next, QueryOrigin::Choice));
            })
        }
    });
    let options = names.iter().enumerate().map(|(index, (value, label, note))| {
        html! {
            <FacetOption {facet} {index} value={value.clone()} label={label.clone()} note={note.clone()}
                count={counts.get(index).copied().unwrap_or(0)} checked={selected.contains(&index)} ontoggle={(*ontoggle).clone()} />
        }
    });
    let onmatch = choice(query, &props.onquery, |q, e| {
        q.match_all = input_value(&e) == "all"
    });
    // Which sessions the facet covers: fixed for a dataset, and a pass
    // over every review, so not worked out again at each filter.
    let coverage = use_memo((facet, dataset.clone()), |(facet, dataset)| {
        facet.coverage(dataset)
    });
    let (classified, unclassified) = &*coverage;
    html! {
        <fieldset class={classes!("facet", (facet == Facet::Theme).then_some("themes"))} data-testid={format!("{}-filter", facet.parameter())}>
            <legend>{ capitalised(&t.facet_plural(facet)) }</legend>
            if !unclassified.is_empty() {
                <p class="hint" data-testid={format!("{}-coverage", facet.parameter())}>
                    { t.fmt(Msg::Coverage, &[("source", &t.facet_source(facet)), ("options", &t.facet_plural(facet)),
                        ("covered", &session_ranges(classified)), ("uncovered", &session_ranges(unclassified)), ("option", &t.facet_noun(facet))]) }
                </p>
            }
            if facet == Facet::Theme {
                <div class="match" role="radiogroup" aria-label={t.get(Msg::ReviewsMustHave)}>
                    <label><input type="radio" name="match" value="any" checked={!query.match_all} onchange={onmatch.clone()} />{ format!(" {}", t.get(Msg::AnySelectedTheme)) }</label>
                    <label><input type="radio" name="match" value="all" checked={query.match_all} onchange={onmatch} />{ format!(" {}", t.get(Msg::AllSelectedThemes)) }</label>
                </div>
            }
            // A prerendered page comes without the options: drawn once
            // it is taken over (`deferred::Later`).
            <ul class="theme-list"><Later>{ for options }</Later></ul>
        </fieldset>
    }
}

/// Beside a theme that UPR Info's list had for some sessions only (its
/// list changed between its exports): `sessions 1–20 only`.
fn only_sessions(t: &Tr, dataset: &Dataset, facet: Facet, index: usize) -> Option<String> {
    let sessions = &dataset
        .themes
        .get(index)
        .filter(|_| facet == Facet::Theme)?
        .sessions;
    (!sessions.is_empty()).then(|| {
        t.fmt(
            Msg::ThemeSessionsOnly,
            &[("sessions", &session_ranges(sessions))],
        )
    })
}

#[derive(Properties, PartialEq)]
struct FacetOptionProps {
    facet: Facet,
    index: usize,
    /// The parameter value that selects it, and its label as people read it.
    value: AttrValue,
    label: AttrValue,
    /// Which sessions it exists for, where not all (`sessions 1–20 only`).
    note: Option<AttrValue>,
    count: u32,
    checked: bool,
    ontoggle: Callback<usize>,
}

/// One checkbox of a facet: its own component, so that a filter redraws
/// only the options whose count or state it changed.
#[component]
fn FacetOption(props: &FacetOptionProps) -> Html {
    let t = use_tr();
    let FacetOptionProps {
        facet,
        index,
        count,
        ..
    } = *props;
    let onchange = props.ontoggle.reform(move |_: Event| index);
    let (before, after) = t.count_around(Msg::RecommendationsCount, count);
    html! {
        <li>
            // `data-theme`: kept for themes, which links and tests select by.
            <label data-testid={format!("{}-option", facet.parameter())} data-value={props.value.clone()}
                data-theme={(facet == Facet::Theme).then(|| props.value.clone())} data-count={count.to_string()}>
                <input type="checkbox" checked={props.checked} {onchange} />
                <span class="option-label">{ props.label.clone() }</span>
                if let Some(note) = &props.note {
                    <span class="option-note" data-testid="option-sessions">{ format!(" ({note})") }</span>
                }
                // Heard as "659 recommendations": the number as seen, and
                // the words around it hidden from sight. (An aria-label on a
                // plain span is not allowed in ARIA 1.2, and screen readers
                // skip it.) At a filter, the number alone changes.
                if !before.is_empty() {
                    <span class="visually-hidden">{ before.to_owned() }</span>
                }
                <span class="count">{ t.num(count) }</span>
                <span class="visually-hidden">{ after.to_owned() }</span>
            </label>
        </li>
    }
}

/// Bounds on the number of participating States, and on members and
/// observers among them.
fn participation_range(t: &Tr, props: &FilterPanelProps) -> Html {
    let most = props
        .dataset
        .reviews
        .iter()
        .map(|r| r.summary.participation.states)
        .max()
        .unwrap_or(0);
    let query = &props.query;
    let bound = |get: fn(&mut Query) -> &mut Bounds, is_min: bool, origin: QueryOrigin| {
        let query = query.clone();
        let onquery = props.onquery.clone();
        Callback::from(move |e: Event| {
            let mut next = query.clone().first_page();
            let value = input_value(&e).trim().parse::<u32>().ok();
            let bounds = get(&mut next);
            // The slider's ends mean "no bound", so the link stays short.
            let value = value.filter(|v| if is_min { *v > 0 } else { *v < most });
            if is_min {
                bounds.min = value
            } else {
                bounds.max = value
            }
            onquery.emit((next, origin));
        })
    };
    let states_min = query.states.min.unwrap_or(0);
    let states_max = query.states.max.unwrap_or(most);
    let number_input = |label: Msg,
                        testid: &str,
                        value: Option<u32>,
                        get: fn(&mut Query) -> &mut Bounds,
                        is_min: bool| {
        html! {
            <label class="number">
                <span>{ t.get(label) }</span>
                <input type="number" min="0" max={most.to_string()} inputmode="numeric" data-testid={testid.to_owned()}
                    value={value.map(|v| v.to_string()).unwrap_or_default()}
                    onchange={bound(get, is_min, QueryOrigin::Choice)} />
            </label>
        }
    };
    html! {
        <fieldset class="range">
            <legend>{ t.get(Msg::ParticipatingStates) }</legend>
            <p class="hint">{ t.get(Msg::ParticipatingHint) }</p>
            <label class="slider">
                <span>{ t.fmt(Msg::AtLeast, &[("n", &t.num(states_min))]) }</span>
                <input type="range" min="0" max={most.to_string()} value={states_min.to_string()} data-testid="states-min"
                    aria-label={t.get(Msg::FewestStates)} onchange={bound(|q| &mut q.states, true, QueryOrigin::Choice)} />
            </label>
            <label class="slider">
                <span>{ t.fmt(Msg::AtMost, &[("n", &t.num(states_max))]) }</span>
                <input type="range" min="0" max={most.to_string()} value={states_max.to_string()} data-testid="states-max"
                    aria-label={t.get(Msg::MostStates)} onchange={bound(|q| &mut q.states, false, QueryOrigin::Choice)} />
            </label>
            <div class="pair">
                { number_input(Msg::MembersFrom, "members-min", query.members.min, |q| &mut q.members, true) }
                { number_input(Msg::RangeTo, "members-max", query.members.max, |q| &mut q.members, false) }
            </div>
            <div class="pair">
                { number_input(Msg::ObserversFrom, "observers-min", query.observers.min, |q| &mut q.observers, true) }
                { number_input(Msg::RangeTo, "observers-max", query.observers.max, |q| &mut q.observers, false) }
            </div>
        </fieldset>
    }
}

/// A `<select>` whose first option means "any".
fn select(
    t: &Tr,
    label: Msg,
    testid: &str,
    onchange: Callback<Event>,
    options: Vec<(String, String, bool)>,
) -> Html {
    let any_selected = !options.iter().any(|(_, _, selected)| *selected);
    html! {
        <label class="field">
            <span>{ t.get(label) }</span>
            <select data-testid={testid.to_owned()} onchange={onchange}>
                <option value="" selected={any_selected}>{ t.get(Msg::Any) }</option>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option value={value} selected={selected}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
struct StateOptionsProps {
    dataset: Shared<Dataset>,
    /// Only States under review, or every State.
    under_review_only: bool,
    selected: Option<u16>,
}

/// The ~195 options of a State select after its "any", in their own
/// component so that they are not built again on every filter change,
/// only when the selection or the dataset changes.
#[component]
fn StateOptions(props: &StateOptionsProps) -> Html {
    let t = use_tr();
    let dataset = &props.dataset;
    let mut states: Vec<u16> = if props.under_review_only {
        dataset.reviews.iter().map(|r| r.state).collect()
    } else {
        (0..dataset.states.len() as u16).collect()
    };
    sort::sort_by_cached_key(&mut states, |s| t.state_name(dataset, *s));
    states.dedup();
    html! {
        { for states.iter().map(|s| {
            // The value is the English name, which links carry in every language.
            let value = dataset.state_name(*s).to_owned();
            html! { <option {value} selected={props.selected == Some(*s)}>{ t.state_name(dataset, *s) }</option> }
        }) }
    }
}

/// A State select: "any" (selected when `any` is), then `options`.
fn state_select(
    t: &Tr,
    label: Msg,
    testid: &str,
    onchange: Callback<Event>,
    any: bool,
    options: Html,
) -> Html {
    html! {
        <label class="field">
            <span>{ t.get(label) }</span>
            <select data-testid={testid.to_owned()} onchange={onchange}>
                <option value="" selected={any}>{ t.get(Msg::Any) }</option>
                // A prerendered page comes without the States: drawn once
                // it is taken over (`deferred::Later`).
                <Later>{ options }</Later>
            </select>
        </label>
    }
}

/// The review's State, session, cycle and regional group.
fn review_filters(t: &Tr, props: &FilterPanelProps) -> Html {
    let dataset = &props.dataset;
    let query = &props.query;
    let outcome = &props.outcome;
    let sur = query.sur.as_deref().and_then(|s| dataset.find_state(s));
    let session_options = dataset
        .sessions
        .iter()
        .map(|s| {
            let n = outcome
                .session_counts
                .get(s.number as usize - 1)
                .copied()
                .unwrap_or(0);
            (
                s.number.to_string(),
                t.fmt(
                    Msg::SessionOption,
                    &[
                        ("session", &s.number.to_string()),
                        ("year", s.start.get(..4).unwrap_or_default()),
                        ("reviews", &t.count(Msg::ReviewsCount, n, &[])),
                    ],
                ),
                query.session == Some(s.number),
            )
        })
        .collect();
    let cycle_options = outcome
        .cycle_counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                (i + 1).to_string(),
                t.fmt(
                    Msg::CycleOption,
                    &[("cycle", &(i + 1).to_string()), ("n", &t.num(*n))],
                ),
                query.cycle == Some(i as u8 + 1),
            )
        })
        .collect();
    let region_options = Region::ALL
        .iter()
        .zip(&outcome.region_counts)
        .map(|(r, n)| {
            (
                r.code().to_owned(),
                format!("{} ({})", t.region(*r), t.num(*n)),
                query.region == Some(*r),
            )
        })
        .collect();
    let onsur = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.sur = Some(select_value(&e)).filter(|v| !v.is_empty())
    });
    let onsession = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.session = select_value(&e).parse().ok()
    });
    let oncycle = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.cycle = select_value(&e).parse().ok()
    });
    let onregion = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.region = Region::from_code(&select_value(&e))
    });
    html! {
        <fieldset>
            <legend>{ t.get(Msg::ReviewLegend) }</legend>
            { state_select(t, Msg::StateUnderReview, "sur", onsur, sur.is_none(), html! { <StateOptions dataset={dataset.clone()} under_review_only={true} selected={sur} /> }) }
            { select(t, Msg::SessionLabel, "session", onsession, session_options) }
            { select(t, Msg::CycleLabel, "cycle", oncycle, cycle_options) }
            { select(t, Msg::RegionalGroup, "region", onregion, region_options) }
        </fieldset>
    }
}

/// The recommendation's response, recommending State and its region.
fn recommendation_filters(t: &Tr, props: &FilterPanelProps) -> Html {
    let dataset = &props.dataset;
    let query = &props.query;
    let counts = props.outcome.response_counts;
    let from = query.from.as_deref().and_then(|s| dataset.find_state(s));
    let response_options = [
        (Response::Accepted, counts[0]),
        (Response::Noted, counts[1]),
    ]
    .into_iter()
    .map(|(r, n)| {
        (
            r.code().to_owned(),
            format!("{} ({})", t.response(r), t.num(n)),
            query.response == Some(r),
        )
    })
    .collect();
    let onresponse = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.response = Response::from_code(&select_value(&e))
    });
    let onfrom = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.from = Some(select_value(&e)).filter(|v| !v.is_empty())
    });
    let from_region_options = Region::ALL
        .iter()
        .map(|r| {
            (
                r.code().to_owned(),
                t.region(*r),
                query.from_region == Some(*r),
            )
        })
        .collect();
    let onfromregion = updater(props, QueryOrigin::Choice, |q, e: Event| {
        q.from_region = Region::from_code(&select_value(&e))
    });
    html! {
        <fieldset>
            <legend>{ t.get(Msg::RecommendationLegend) }</legend>
            { select(t, Msg::ResponseLabel, "response", onresponse, response_options) }
            { state_select(t, Msg::RecommendedBy, "from", onfrom, from.is_none(), html! { <StateOptions dataset={dataset.clone()} under_review_only={false} selected={from} /> }) }
            { select(t, Msg::RecommenderRegion, "from-region", onfromregion, from_region_options) }
        </fieldset>
    }
}
