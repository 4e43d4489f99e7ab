//! The viewer's style sheet, for everything inside its root element (the
//! class `ROOT_CLASS`), with the palette's colours as CSS variables that
//! follow the system's colour scheme. The class is fixed, not generated:
//! the sheet and the markup are the same at build time (prerendered pages)
//! and in the browser, so the page hydrates without changing a class, and
//! nothing in it depends on what only the browser knows (light or dark).
//! Sizes are in `em` of the root's 16px, never `rem`: inside an embed,
//! `rem` would follow the host page.

use crate::palette::{DARK, LIGHT};

/// The class of the viewer's root element, which the sheet is scoped to.
pub const ROOT_CLASS: &str = "upr-viewer-root";

pub fn root_style() -> stylist::StyleSource {
    stylist::css!(
        r#"
        .upr-viewer-root {
            --upr-background: ${light_background}; --upr-surface: ${light_surface}; --upr-text: ${light_text}; --upr-muted: ${light_muted}; --upr-border: ${light_border}; --upr-accent: ${light_accent}; --upr-on-accent: ${light_on_accent}; --upr-accepted: ${light_accepted}; --upr-noted: ${light_noted}; --upr-warning-bg: ${light_warning_bg}; --upr-error-bg: ${light_error_bg}; --upr-focus: ${light_focus};
        }
        @media (prefers-color-scheme: dark) {
            .upr-viewer-root {
                --upr-background: ${dark_background}; --upr-surface: ${dark_surface}; --upr-text: ${dark_text}; --upr-muted: ${dark_muted}; --upr-border: ${dark_border}; --upr-accent: ${dark_accent}; --upr-on-accent: ${dark_on_accent}; --upr-accepted: ${dark_accepted}; --upr-noted: ${dark_noted}; --upr-warning-bg: ${dark_warning_bg}; --upr-error-bg: ${dark_error_bg}; --upr-focus: ${dark_focus};
            }
        }
        .upr-viewer-root {
            background: var(--upr-background); color: var(--upr-text);
            font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
            font-size: 16px; line-height: 1.5; padding: 1em; min-height: 100%;
            box-sizing: border-box;
        }
        .upr-viewer-root *, .upr-viewer-root *::before, .upr-viewer-root *::after { box-sizing: border-box; }
        .upr-viewer-root h1 { font-size: 1.5em; margin: 0 0 0.25em; }
        .upr-viewer-root h2 { font-size: 1.25em; }
        .upr-viewer-root h3 { font-size: 1.1em; margin: 0 0 0.25em; }
        /* Named for screen readers and the outline only. */
        .upr-viewer-root .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .upr-viewer-root .masthead p { color: var(--upr-muted); margin-top: 0; }
        .upr-viewer-root .masthead-top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5em 1em; }
        .upr-viewer-root .language { font-size: 0.9em; color: var(--upr-muted); display: inline-flex; gap: 0.4em; align-items: baseline; }
        .upr-viewer-root .language select { padding: 0.15em 0.3em; }
        .upr-viewer-root .language-failure { background: var(--upr-warning-bg); padding: 0.5em 1em; border-radius: 6px; }
        /* The source's English texts read left to right inside an Arabic page. */
        .upr-viewer-root [lang=en] { direction: ltr; unicode-bidi: isolate; }
        .upr-viewer-root a { color: var(--upr-accent); }
        .upr-viewer-root a:focus-visible, .upr-viewer-root button:focus-visible, .upr-viewer-root input:focus-visible, .upr-viewer-root select:focus-visible, .upr-viewer-root summary:focus-visible, .upr-viewer-root [tabindex]:not([tabindex="-1"]):focus-visible {
            outline: 3px solid var(--upr-focus); outline-offset: 2px;
        }
        /* Where the script moves focus (an opened card's title), to be read
           from there on: not a control, so no ring, which the browser would
           otherwise draw on a page opened with a card. */
        .upr-viewer-root [tabindex="-1"]:focus { outline: none; }
        .upr-viewer-root button, .upr-viewer-root select, .upr-viewer-root input { font: inherit; color: var(--upr-text); background: var(--upr-surface); border: 1px solid var(--upr-border); border-radius: 4px; }
        .upr-viewer-root button { padding: 0.35em 0.75em; cursor: pointer; }
        .upr-viewer-root button:disabled { opacity: 0.6; cursor: default; }
        .upr-viewer-root input[type=range] { width: 100%; accent-color: var(--upr-accent); padding: 0; border: none; background: transparent; }
        .upr-viewer-root input[type=checkbox], .upr-viewer-root input[type=radio] { accent-color: var(--upr-accent); }
        .upr-viewer-root .layout { display: grid; grid-template-columns: minmax(16em, 20em) minmax(0, 1fr); gap: 1.5em; align-items: start; }
        .upr-viewer-root .layout.compact { grid-template-columns: minmax(0, 1fr); }
        .upr-viewer-root .filters-toggle { display: none; }
        @media (max-width: 760px) {
            .upr-viewer-root .layout { grid-template-columns: minmax(0, 1fr); }
            .upr-viewer-root .filters-toggle { display: block; width: 100%; }
            .upr-viewer-root .panel-body { display: none; }
            .upr-viewer-root .panel-body.open { display: block; margin-top: 0.75em; }
        }
        .upr-viewer-root .panel { background: var(--upr-surface); border: 1px solid var(--upr-border); border-radius: 8px; padding: 0.75em 1em; }
        .upr-viewer-root .filters h2 { margin-top: 0; }
        .upr-viewer-root .filters fieldset { border: none; padding: 0; margin: 0 0 1em; min-width: 0; }
        .upr-viewer-root .filters legend { font-weight: 600; padding: 0; margin-bottom: 0.25em; }
        .upr-viewer-root .field { display: block; margin-bottom: 0.5em; }
        .upr-viewer-root .field span { display: block; font-size: 0.9em; color: var(--upr-muted); }
        .upr-viewer-root .field select, .upr-viewer-root .field input { width: 100%; padding: 0.3em; }
        .upr-viewer-root .hint { font-size: 0.85em; color: var(--upr-muted); margin: 0 0 0.25em; }
        .upr-viewer-root .search-help { font-size: 0.85em; margin: -0.25em 0 0.75em; }
        .upr-viewer-root .search-help ul { padding-inline-start: 1.2em; margin: 0.25em 0; }
        .upr-viewer-root mark { background: #ffe066; color: #000; }
        .upr-viewer-root .slider { display: block; font-size: 0.9em; }
        .upr-viewer-root .pair { display: flex; gap: 0.5em; }
        .upr-viewer-root .number { flex: 1; font-size: 0.9em; }
        .upr-viewer-root .number input { width: 100%; padding: 0.2em; }
        .upr-viewer-root .theme-list { list-style: none; padding: 0; margin: 0; max-height: 22em; overflow-y: auto; border: 1px solid var(--upr-border); border-radius: 4px; }
        .upr-viewer-root .theme-list label { display: flex; gap: 0.4em; align-items: baseline; padding: 0.15em 0.4em; cursor: pointer; }
        .upr-viewer-root .theme-list .option-label { flex: 1; }
        .upr-viewer-root .count { color: var(--upr-muted); font-variant-numeric: tabular-nums; font-size: 0.85em; }
        .upr-viewer-root .match { font-size: 0.9em; margin-bottom: 0.25em; }
        .upr-viewer-root .match label { margin-inline-end: 0.75em; }
        .upr-viewer-root .result-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5em; }
        .upr-viewer-root .result-bar p { margin: 0.25em 0; }
        .upr-viewer-root .sort select { field-sizing: content; padding: 0.15em 0.3em; }
        .upr-viewer-root .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17em, 1fr)); gap: 1em; }
        /* Cards out of view are not laid out or painted until scrolled to:
           a filter that changes the 24 cards then lays out the few on screen. */
        .upr-viewer-root .cards > li { content-visibility: auto; contain-intrinsic-size: auto 16em; }
        .upr-viewer-root .card, .upr-viewer-root .review { background: var(--upr-surface); border: 1px solid var(--upr-border); border-radius: 8px; padding: 0.75em 1em; height: 100%; }
        .upr-viewer-root .card h3 a { text-decoration: none; }
        .upr-viewer-root .card h3 a:hover { text-decoration: underline; }
        .upr-viewer-root .meta, .upr-viewer-root .participation, .upr-viewer-root .legend { color: var(--upr-muted); font-size: 0.9em; margin: 0.2em 0; }
        .upr-viewer-root .responses p { margin: 0.2em 0; }
        .upr-viewer-root .bar { display: flex; height: 0.5em; border-radius: 4px; overflow: hidden; background: var(--upr-border); }
        .upr-viewer-root .bar .accepted { background: var(--upr-accepted); }
        .upr-viewer-root .bar .noted { background: var(--upr-noted); }
        .upr-viewer-root .accepted-text { color: var(--upr-accepted); }
        .upr-viewer-root .noted-text { color: var(--upr-noted); }
        .upr-viewer-root .passing { color: var(--upr-accent); }
        .upr-viewer-root .themes { list-style: none; padding: 0; margin: 0.4em 0 0; display: flex; flex-wrap: wrap; gap: 0.3em; }
        .upr-viewer-root .card .themes li { font-size: 0.8em; border: 1px solid var(--upr-border); border-radius: 999px; padding: 0 0.5em; }
        .upr-viewer-root .pager { display: flex; gap: 1em; align-items: center; justify-content: center; margin: 1em 0; }
        .upr-viewer-root .review section { margin-top: 1.25em; }
        .upr-viewer-root .review dl { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0.2em 1em; }
        /* Long French and Russian terms wrap on a phone. */
        .upr-viewer-root .review dt, .upr-viewer-root .review dd { overflow-wrap: break-word; min-width: 0; }
        .upr-viewer-root .review dt { color: var(--upr-muted); }
        .upr-viewer-root .review dd { margin: 0; }
        .upr-viewer-root .recommendation-list { padding-inline-start: 1.2em; }
        .upr-viewer-root .recommendation-list li p { margin: 0.2em 0; }
        .upr-viewer-root .grouping label { margin-inline-end: 0.75em; }
        .upr-viewer-root .sdgs { list-style: none; padding: 0; margin: 0.2em 0; display: flex; flex-wrap: wrap; gap: 0.3em; font-size: 0.8em; }
        .upr-viewer-root .sdgs li { border-radius: 4px; padding: 0.05em 0.45em; }
        .upr-viewer-root .sdgs .target { border: 1px solid var(--upr-border); }
        .upr-viewer-root .sdgs .target.uncertain { border-style: dashed; font-style: italic; }
        .upr-viewer-root .note { color: var(--upr-muted); font-size: 0.9em; font-style: italic; }
        .upr-viewer-root .source { color: var(--upr-muted); font-size: 0.85em; }
        .upr-viewer-root .texts-error { background: var(--upr-error-bg); padding: 0.5em 1em; border-radius: 6px; }
        .upr-viewer-root progress { display: block; width: 100%; }
        .upr-viewer-root .texts-progress { position: sticky; bottom: 0; z-index: 1; margin-top: 1em; padding: 0.5em 0; background: var(--upr-background); border-top: 1px solid var(--upr-border); }
        .upr-viewer-root .toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 0.5em 0; }
        .upr-viewer-root .toolbar button { margin-inline-end: 0.25em; }
        .upr-viewer-root button[aria-pressed=true] { background: var(--upr-accent); color: var(--upr-on-accent); border-color: var(--upr-accent); }
        .upr-viewer-root .chart { margin: 0 0 1.5em; background: var(--upr-surface); border: 1px solid var(--upr-border); border-radius: 8px; padding: 0.75em 1em; }
        .upr-viewer-root .chart h3 { margin: 0; }
        .upr-viewer-root .bar-rows { display: grid; gap: 0.15em; margin: 0.5em 0; }
        .upr-viewer-root .bar-row { display: grid; grid-template-columns: minmax(6em, 16em) minmax(0, 1fr); gap: 0.1em 0.75em; align-items: center;
            width: 100%; text-align: start; font-size: 0.85em; line-height: 1.3; padding: 0.15em 0.25em; border: none; border-radius: 4px; background: transparent; }
        .upr-viewer-root .bar-row.clickable:hover { background: var(--upr-background); }
        .upr-viewer-root .bar-row.clickable:hover .bar-label { text-decoration: underline; }
        .upr-viewer-root .bar-label { overflow-wrap: anywhere; }
        .upr-viewer-root .bar-value { display: flex; align-items: center; gap: 0.4em; min-width: 0; }
        .upr-viewer-root .bar-track { flex: 1; min-width: 0; display: block; }
        .upr-viewer-root .bar-graphic { display: block; width: 100%; height: 0.9em; }
        .upr-viewer-root .bar-total { color: var(--upr-muted); font-variant-numeric: tabular-nums; min-width: 3.5em; }
        @media (max-width: 560px) {
            .upr-viewer-root .bar-row { grid-template-columns: minmax(0, 1fr); }
        }
        /* The chart over time scrolls sideways in its own box on a phone;
           positioned, so that the bars' names (visually hidden, absolutely
           positioned) scroll inside it rather than widen the page. */
        .upr-viewer-root .time-scroll { overflow-x: auto; margin: 0.5em 0; position: relative; }
        .upr-viewer-root .time-grid { display: grid; gap: 0; align-items: end; }
        .upr-viewer-root .time-cycle { font-size: 0.8em; color: var(--upr-muted); padding: 0 0.3em 0.2em; align-self: stretch; white-space: nowrap; }
        .upr-viewer-root .time-bar { display: flex; flex-direction: column; align-items: stretch; gap: 0.15em; min-width: 0; padding: 0 0.12em; border: none; border-radius: 0; background: transparent; font-size: 0.8em; line-height: 1.2; }
        .upr-viewer-root .time-bar.clickable { cursor: pointer; }
        .upr-viewer-root .time-bar.clickable:hover { background: var(--upr-background); }
        .upr-viewer-root .time-bar.clickable:hover .time-label { text-decoration: underline; }
        .upr-viewer-root .time-bar[aria-pressed=true] { background: var(--upr-background); color: var(--upr-text); box-shadow: inset 0 -3px 0 var(--upr-accent); }
        .upr-viewer-root .cycle-start { border-inline-start: 2px solid var(--upr-muted); }
        .upr-viewer-root .time-graphic { display: block; width: 100%; height: 10em; }
        .upr-viewer-root .time-graphic .accepted { fill: var(--upr-accepted); }
        .upr-viewer-root .time-graphic .noted { fill: var(--upr-noted); }
        .upr-viewer-root .time-label { text-align: center; color: var(--upr-muted); font-variant-numeric: tabular-nums; }
        .upr-viewer-root .table-scroll-x { overflow-x: auto; }
        .upr-viewer-root .chart-legend { font-size: 0.85em; color: var(--upr-muted); margin: 0.25em 0; }
        .upr-viewer-root table { border-collapse: collapse; font-size: 0.9em; }
        .upr-viewer-root th, .upr-viewer-root td { text-align: start; padding: 0.2em 0.6em; border-bottom: 1px solid var(--upr-border); }
        .upr-viewer-root .table-tools { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; margin: 0.5em 0; }
        .upr-viewer-root .table-scroll { max-height: 70vh; overflow: auto; border: 1px solid var(--upr-border); border-radius: 6px; }
        .upr-viewer-root .data-table table { width: 100%; }
        .upr-viewer-root .data-table thead th { position: sticky; top: 0; z-index: 1; background: var(--upr-surface); padding: 0; white-space: nowrap; }
        .upr-viewer-root .data-table th button { font: inherit; font-weight: bold; width: 100%; text-align: inherit; padding: 0.3em 0.6em; border: none; border-radius: 0; background: transparent; color: inherit; cursor: pointer; }
        .upr-viewer-root .data-table tbody tr { height: 32px; }
        .upr-viewer-root .data-table td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 24em; padding-top: 0; padding-bottom: 0; }
        .upr-viewer-root .data-table .number { text-align: end; font-variant-numeric: tabular-nums; }
        .upr-viewer-root .data-table tr.spacer td { padding: 0; border: none; }
        .upr-viewer-root .compare h3 { margin: 1.5em 0 0.5em; }
        .upr-viewer-root .compare-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr)); gap: 1em; margin: 1em 0; }
        .upr-viewer-root .compare-column { border: 1px solid var(--upr-border); border-radius: 8px; padding: 0.75em 1em; }
        .upr-viewer-root .compare-column h3 { margin: 0 0 0.25em; }
        .upr-viewer-root .compare-column p { margin: 0.25em 0; }
        .upr-viewer-root .compare-column h4 { font-size: 1em; margin: 1em 0 0.35em; }
        .upr-viewer-root .compare-themes { padding-inline-start: 1.25em; margin: 0; }
        .upr-viewer-root .compare-themes li { margin: 0.15em 0; }
        .upr-viewer-root .print-only { display: none; }
        @media print {
            .upr-viewer-root { background: #fff; color: #000; padding: 0; }
            .upr-viewer-root .panel, .upr-viewer-root .toolbar, .upr-viewer-root .result-bar, .upr-viewer-root .back, .upr-viewer-root .print-button, .upr-viewer-root .grouping, .upr-viewer-root .masthead p, .upr-viewer-root [data-testid=query-warnings], .upr-viewer-root .texts-progress { display: none; }
            .upr-viewer-root .layout { display: block; }
            .upr-viewer-root .review { border: none; padding: 0; }
            .upr-viewer-root .print-only { display: block; }
            .upr-viewer-root section { break-inside: avoid-page; }
            .upr-viewer-root a { color: #000; }
        }
        "#,
        light_background = LIGHT.background,
        dark_background = DARK.background,
        light_surface = LIGHT.surface,
        dark_surface = DARK.surface,
        light_text = LIGHT.text,
        dark_text = DARK.text,
        light_muted = LIGHT.muted,
        dark_muted = DARK.muted,
        light_border = LIGHT.border,
        dark_border = DARK.border,
        light_accent = LIGHT.accent,
        dark_accent = DARK.accent,
        light_on_accent = LIGHT.on_accent,
        dark_on_accent = DARK.on_accent,
        light_accepted = LIGHT.accepted,
        dark_accepted = DARK.accepted,
        light_noted = LIGHT.noted,
        dark_noted = DARK.noted,
        light_warning_bg = LIGHT.warning_bg,
        dark_warning_bg = DARK.warning_bg,
        light_error_bg = LIGHT.error_bg,
        dark_error_bg = DARK.error_bg,
        light_focus = LIGHT.focus,
        dark_focus = DARK.focus,
    )
}
