//! The viewer's style sheet, scoped by stylist to the viewer's root
//! element, with the palette's colours. Sizes are in `em` of the root's
//! 16px, never `rem`: inside an embed, `rem` would follow the host page.

use crate::palette::Palette;

pub fn root_style(p: &Palette) -> stylist::StyleSource {
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
        & .masthead-top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5em 1em; }
        & .language { font-size: 0.9em; color: ${muted}; display: inline-flex; gap: 0.4em; align-items: baseline; }
        & .language select { padding: 0.15em 0.3em; }
        & .language-failure { background: ${warning_bg}; padding: 0.5em 1em; border-radius: 6px; }
        /* The source's English texts read left to right inside an Arabic page. */
        & [lang=en] { direction: ltr; unicode-bidi: isolate; }
        & a { color: ${accent}; }
        & a:focus-visible, & button:focus-visible, & input:focus-visible, & select:focus-visible, & summary:focus-visible, & [tabindex]:focus-visible {
            outline: 3px solid ${focus}; outline-offset: 2px;
        }
        & button, & select, & input { font: inherit; color: ${text}; background: ${surface}; border: 1px solid ${border}; border-radius: 4px; }
        & button { padding: 0.35em 0.75em; cursor: pointer; }
        & button:disabled { opacity: 0.6; cursor: default; }
        & input[type=range] { width: 100%; accent-color: ${accent}; padding: 0; border: none; background: transparent; }
        & input[type=checkbox], & input[type=radio] { accent-color: ${accent}; }
        & .layout { display: grid; grid-template-columns: minmax(16em, 20em) minmax(0, 1fr); gap: 1.5em; align-items: start; }
        & .layout.compact { grid-template-columns: minmax(0, 1fr); }
        & .filters-toggle { display: none; }
        @media (max-width: 760px) {
            & .layout { grid-template-columns: minmax(0, 1fr); }
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
        & .search-help { font-size: 0.85em; margin: -0.25em 0 0.75em; }
        & .search-help ul { padding-inline-start: 1.2em; margin: 0.25em 0; }
        & mark { background: #ffe066; color: #000; }
        & .slider { display: block; font-size: 0.9em; }
        & .pair { display: flex; gap: 0.5em; }
        & .number { flex: 1; font-size: 0.9em; }
        & .number input { width: 100%; padding: 0.2em; }
        & .theme-list { list-style: none; padding: 0; margin: 0; max-height: 22em; overflow-y: auto; border: 1px solid ${border}; border-radius: 4px; }
        & .theme-list label { display: flex; gap: 0.4em; align-items: baseline; padding: 0.15em 0.4em; cursor: pointer; }
        & .theme-list .option-label { flex: 1; }
        & .count { color: ${muted}; font-variant-numeric: tabular-nums; font-size: 0.85em; }
        & .match { font-size: 0.9em; margin-bottom: 0.25em; }
        & .match label { margin-inline-end: 0.75em; }
        & .result-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5em; }
        & .result-bar p { margin: 0.25em 0; }
        & .sort select { field-sizing: content; padding: 0.15em 0.3em; }
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
        & .review dl { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0.2em 1em; }
        /* Long French and Russian terms wrap on a phone. */
        & .review dt, & .review dd { overflow-wrap: break-word; min-width: 0; }
        & .review dt { color: ${muted}; }
        & .review dd { margin: 0; }
        & .recommendation-list { padding-inline-start: 1.2em; }
        & .recommendation-list li p { margin: 0.2em 0; }
        & .grouping label { margin-inline-end: 0.75em; }
        & .sdgs { list-style: none; padding: 0; margin: 0.2em 0; display: flex; flex-wrap: wrap; gap: 0.3em; font-size: 0.8em; }
        & .sdgs li { border-radius: 4px; padding: 0.05em 0.45em; }
        & .sdgs .target { border: 1px solid ${border}; }
        & .sdgs .target.uncertain { border-style: dashed; font-style: italic; }
        & .note { color: ${muted}; font-size: 0.9em; font-style: italic; }
        & .source { color: ${muted}; font-size: 0.85em; }
        & .texts-error { background: ${error_bg}; padding: 0.5em 1em; border-radius: 6px; }
        & progress { display: block; width: 100%; }
        & .toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 0.5em 0; }
        & .toolbar button { margin-inline-end: 0.25em; }
        & button[aria-pressed=true] { background: ${accent}; color: ${on_accent}; border-color: ${accent}; }
        & .chart { margin: 0 0 1.5em; background: ${surface}; border: 1px solid ${border}; border-radius: 8px; padding: 0.75em 1em; }
        & .chart h3 { margin: 0; }
        & .bar-rows { display: grid; gap: 0.15em; margin: 0.5em 0; }
        & .bar-row { display: grid; grid-template-columns: minmax(6em, 16em) minmax(0, 1fr); gap: 0.1em 0.75em; align-items: center;
            width: 100%; text-align: start; font-size: 0.85em; line-height: 1.3; padding: 0.15em 0.25em; border: none; border-radius: 4px; background: transparent; }
        & .bar-row.clickable:hover { background: ${bg}; }
        & .bar-row.clickable:hover .bar-label { text-decoration: underline; }
        & .bar-label { overflow-wrap: anywhere; }
        & .bar-value { display: flex; align-items: center; gap: 0.4em; min-width: 0; }
        & .bar-track { flex: 1; min-width: 0; display: block; }
        & .bar-graphic { display: block; width: 100%; height: 0.9em; }
        & .bar-total { color: ${muted}; font-variant-numeric: tabular-nums; min-width: 3.5em; }
        @media (max-width: 560px) {
            & .bar-row { grid-template-columns: minmax(0, 1fr); }
        }
        & .chart-legend { font-size: 0.85em; color: ${muted}; margin: 0.25em 0; }
        & table { border-collapse: collapse; font-size: 0.9em; }
        & th, & td { text-align: start; padding: 0.2em 0.6em; border-bottom: 1px solid ${border}; }
        & .table-tools { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 0.5em 0; }
        & .table-scroll { max-height: 70vh; overflow: auto; border: 1px solid ${border}; border-radius: 6px; }
        & .data-table table { width: 100%; }
        & .data-table thead th { position: sticky; top: 0; z-index: 1; background: ${surface}; padding: 0; white-space: nowrap; }
        & .data-table th button { font: inherit; font-weight: bold; width: 100%; text-align: inherit; padding: 0.3em 0.6em; border: none; border-radius: 0; background: transparent; color: inherit; cursor: pointer; }
        & .data-table tbody tr { height: 32px; }
        & .data-table td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 24em; padding-top: 0; padding-bottom: 0; }
        & .data-table .number { text-align: end; font-variant-numeric: tabular-nums; }
        & .data-table tr.spacer td { padding: 0; border: none; }
        & .compare h3 { margin: 1.5em 0 0.5em; }
        & .compare-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18em), 1fr)); gap: 1em; margin: 1em 0; }
        & .compare-column { border: 1px solid ${border}; border-radius: 8px; padding: 0.75em 1em; }
        & .compare-column h3 { margin: 0 0 0.25em; }
        & .compare-column p { margin: 0.25em 0; }
        & .compare-column h4 { font-size: 1em; margin: 1em 0 0.35em; }
        & .compare-themes { padding-inline-start: 1.25em; margin: 0; }
        & .compare-themes li { margin: 0.15em 0; }
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
        warning_bg = p.warning_bg,
    )
}
