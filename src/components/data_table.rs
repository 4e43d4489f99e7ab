//! The selection as a table (`view=table`): header buttons sort it, the
//! header stays in view, and only the rows in view (plus a margin) are in
//! the DOM, spacer rows keeping the scroll height.

use super::marked::marked;
use super::{use_tr, OnQuery};
use crate::i18n::{Msg, Tr};
use crate::services::download::download;
use upr_core::columns::{By, Column, ColumnSort};
use upr_core::dataset::load::Dataset;
use upr_core::dataset::schema::Region;
use upr_core::facet::Facet;
use upr_core::format::capitalised;
use upr_core::query::Query;
use upr_core::search::SearchQuery;
use upr_core::state::{QueryOrigin, Shared};
use upr_core::table::Table;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub dataset: Shared<Dataset>,
    pub table: Shared<Table>,
    pub query: Query,
    pub onquery: OnQuery,
}

/// Every body row has this height (the style fixes it), so the rows in
/// view follow from the scroll position alone.
pub const ROW_HEIGHT: u32 = 32;
/// Rows rendered above and below those in view, so a fast scroll does not
/// show blank space before the next render.
const MARGIN_ROWS: u32 = 10;

/// The scroll container's position and height, in pixels.
#[derive(Clone, Copy, PartialEq)]
struct Viewport {
    top: u32,
    height: u32,
}

/// A column's heading in the viewer's language ([`Column::heading`], which
/// the CSV keeps, is English).
fn heading(t: &Tr, column: Column) -> String {
    t.get(match column {
        Column::State => Msg::StateUnderReview,
        Column::Session => Msg::ColumnSession,
        Column::Date => Msg::ColumnDate,
        Column::Region => Msg::ColumnRegion,
        Column::ParticipatingStates => Msg::ParticipatingStates,
        Column::Members => Msg::ColumnMembers,
        Column::Observers => Msg::ColumnObservers,
        Column::Recommendations => Msg::ColumnRecommendations,
        Column::Accepted => Msg::ColumnAccepted,
        Column::Noted => Msg::ColumnNoted,
        Column::Themes => Msg::ColumnThemes,
        Column::Reviews => Msg::ColumnReviews,
        Column::From => Msg::ByFrom,
        Column::Recipients => Msg::ColumnRecipients,
    })
}

/// A cell as the viewer's language shows it: State and regional group
/// names translated; the rest, like the CSV, as the core writes it.
fn shown(t: &Tr, dataset: &Dataset, column: Column, text: String) -> String {
    match column {
        Column::State | Column::From => dataset
            .find_state(&text)
            .map_or(text, |s| t.state_name(dataset, s)),
        // English keeps the codes (`GRULAC`) the CSV has; another language
        // has no such codes, so it names the group.
        Column::Region if t.lang() != crate::i18n::Lang::En => {
            Region::from_code(&text).map_or(text, |r| t.region(r))
        }
        Column::Themes if t.lang() != crate::i18n::Lang::En => main_options(t, dataset, &text),
        _ => text,
    }
}

/// The Main themes cell ([`table::Row`]'s text: themes joined by `; `, or
/// `SDG goals: 16. Peace…; 5. Gender equality`) with the names in the
/// viewer's language; what it does not recognise stays as it is.
///
/// [`table::Row`]: upr_core::table::Row
fn main_options(t: &Tr, dataset: &Dataset, text: &str) -> String {
    let goals_prefix = format!("{}: ", capitalised(Facet::SdgGoal.plural()));
    let join = |names: Vec<String>| names.join("; ");
    match text.strip_prefix(&goals_prefix) {
        Some(goals) => {
            let goal = |cell: &str| match cell
                .split_once(". ")
                .and_then(|(n, _)| n.parse::<usize>().ok())
            {
                Some(n) if n >= 1 => t.facet_label(Facet::SdgGoal, dataset, n - 1),
                _ => cell.to_owned(),
            };
            format!(
                "{}: {}",
                capitalised(&t.facet_plural(Facet::SdgGoal)),
                join(goals.split("; ").map(goal).collect())
            )
        }
        None => join(text.split("; ").map(|theme| t.theme(theme)).collect()),
    }
}

#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let t = use_tr();
    let table = &props.table;
    let container = use_node_ref();
    // Until it is measured, a generous guess: too many rows, never too few.
    let viewport = use_state(|| Viewport {
        top: 0,
        height: 1200,
    });
    let measure = {
        let (container, viewport) = (container.clone(), viewport.clone());
        move || {
            if let Some(element) = container.cast::<Element>() {
                let measured = Viewport {
                    top: element.scroll_top().max(0) as u32,
                    height: element.client_height().max(0) as u32,
                };
                if measured != *viewport {
                    viewport.set(measured);
                }
            }
        }
    };
    use_effect_with(table.clone(), {
        let measure = measure.clone();
        move |_| measure()
    });
    let onscroll = Callback::from(move |_: Event| measure());

    let total = table.rows.len() as u32;
    let first = (viewport.top / ROW_HEIGHT)
        .saturating_sub(MARGIN_ROWS)
        .min(total);
    let last = ((viewport.top + viewport.height) / ROW_HEIGHT + 1 + MARGIN_ROWS).min(total);
    let spacer = |rows: u32| {
        (rows > 0).then(|| html! {
            <tr class="spacer" aria-hidden="true" style={format!("height: {}px", rows * ROW_HEIGHT)}><td colspan={table.columns.len().to_string()}></td></tr>
        })
    };

    let headers = table.columns.iter().map(|column| {
        let sorted = table.sort.column == *column;
        let aria_sort = match (sorted, table.sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let next = ColumnSort { column: *column, descending: sorted && !table.sort.descending };
        let onclick = {
            let (onquery, query) = (props.onquery.clone(), props.query.sorted_table(next));
            Callback::from(move |_: MouseEvent| onquery.emit((query.clone(), QueryOrigin::Choice)))
        };
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!(column.numeric().then_some("number"))}>
                <button type="button" data-testid={format!("sort-{}", column.key())} {onclick}>
                    { heading(&t, *column) }
                    <span aria-hidden="true">{ match aria_sort { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    });

    let (search, _) = SearchQuery::parse(&props.query.text);
    let rows = (first..last).map(|index| {
        let row = &table.rows[index as usize];
        let cells = row.cells.iter().zip(&table.columns).enumerate().map(|(at, (cell, column))| {
            let text = shown(&t, &props.dataset, *column, cell.text());
            let marked_text = if column.searched() { marked(&text, &search) } else { html! { { text.clone() } } };
            let content = match (&row.review, at) {
                (Some(id), 0) => {
                    let open = Query { review: Some(id.clone()), ..props.query.clone() };
                    let href = open.to_search();
                    let onquery = props.onquery.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        // As on the cards: a plain click opens in place.
                        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                            e.prevent_default();
                            onquery.emit((open.clone(), QueryOrigin::Choice));
                        }
                    });
                    html! { <a {href} {onclick}>{ marked_text }</a> }
                }
                _ => marked_text,
            };
            html! { <td class={classes!(column.numeric().then_some("number"))} title={(!column.numeric()).then_some(text)}>{ content }</td> }
        });
        html! {
            <tr key={index} aria-rowindex={(index + 2).to_string()} data-review={row.review.clone()} data-testid="table-row">{ for cells }</tr>
        }
    });

    let ondownload = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("upr-table-by-{}.csv", table.by.as_param());
            if let Err(error) = download(&name, "text/csv;charset=utf-8", &table.to_csv()) {
                gloo::console::error!("the download could not start", error);
            }
        })
    };
    let caption = t.get(match table.by {
        By::Review => Msg::TableByReview,
        By::State => Msg::TableByState,
        By::From => Msg::TableByFrom,
    });
    html! {
        <section class="data-table" data-testid="data-table" data-by={table.by.as_param()}>
            <div class="table-tools">
                <div role="group" aria-label={t.get(Msg::OneRowPer)}>{ for By::ALL.iter().map(|by| {
                    // Each by starts in its own default order.
                    let query = Query { by: *by, column_sort: None, sort: Default::default(), ..props.query.clone() };
                    let onclick = { let on = props.onquery.clone(); Callback::from(move |_: MouseEvent| on.emit((query.clone(), QueryOrigin::Choice))) };
                    let label = t.get(match by { By::Review => Msg::ByReview, By::State => Msg::ByState, By::From => Msg::ByFrom });
                    html! { <button type="button" aria-pressed={(table.by == *by).to_string()} data-testid={format!("by-{}", by.as_param())} {onclick}>{ label }</button> }
                }) }</div>
                <button type="button" data-testid="export-table" onclick={ondownload}>{ t.get(Msg::DownloadTable) }</button>
            </div>
            <div class="table-scroll" ref={container} {onscroll} tabindex="0" role="region" aria-label={caption.clone()}>
                <table aria-rowcount={(total + 1).to_string()} aria-label={caption}>
                    <thead><tr aria-rowindex="1">{ for headers }</tr></thead>
                    <tbody>
                        { spacer(first) }
                        { for rows }
                        { spacer(total - last) }
                    </tbody>
                </table>
            </div>
            if total == 0 {
                <p data-testid="no-results" class="empty">{ t.get(Msg::NoRow) }</p>
            }
        </section>
    }
}
