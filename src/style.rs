//! The viewer's one style sheet, rendered by the viewer into its own root
//! (so that inside an embed it lives in the element's shadow root, and on
//! a prerendered page it is part of the markup that hydrates): the
//! palette's colours as `--upr-*` variables, light, dark (after the
//! system's setting) and for print, then the rules of `style.css`, which
//! name colours only through those variables. The page around the viewer
//! (`static/page.css`) uses the same variables.
//!
//! The class is fixed, not generated: the sheet and the markup are the
//! same at build time and in the browser, so the page hydrates without
//! changing a class, and nothing in it depends on what only the browser
//! knows (light or dark). Sizes are in `em` of the root's 16px, never
//! `rem`: inside an embed, `rem` would follow the host page.

use crate::palette::{Palette, DARK, LIGHT, PRINT, SDG_COLOURS};
use std::fmt::Write;
use yew::{AttrValue, Html};

/// The class of the viewer's root element, which the rules are scoped to.
pub const ROOT_CLASS: &str = "upr-viewer-root";

/// The rules, every colour a variable.
const RULES: &str = include_str!("style.css");

thread_local! {
    static SHEET: AttrValue = AttrValue::from(format!("<style>{}</style>", sheet()));
}

/// The sheet as the viewer renders it, a `<style>` element: built once.
pub fn style_element() -> Html {
    SHEET.with(|sheet| Html::from_html_unchecked(sheet.clone()))
}

/// The whole sheet: the variables, the SDG goals' colours, the rules.
pub fn sheet() -> String {
    let mut sheet = String::with_capacity(RULES.len() + 2048);
    // `:root` on a page of its own; `:host` inside an embed's shadow root.
    let _ = writeln!(sheet, ":root, :host {{ {} }}", variables(&LIGHT));
    let _ = writeln!(
        sheet,
        "@media (prefers-color-scheme: dark) {{ :root, :host {{ {} }} }}",
        variables(&DARK)
    );
    let _ = writeln!(
        sheet,
        "@media print {{ :root, :host {{ {} }} }}",
        variables(&PRINT)
    );
    for (goal, (background, text)) in SDG_COLOURS.iter().enumerate() {
        let _ = writeln!(
            sheet,
            ".{ROOT_CLASS} .sdg-goal-{} {{ background: {background}; color: {text}; }}",
            goal + 1
        );
    }
    sheet.push_str(RULES);
    sheet
}

/// `--upr-name: value;` for each colour of the palette.
fn variables(palette: &Palette) -> String {
    palette
        .named()
        .iter()
        .map(|(name, value)| format!("--upr-{name}: {value};"))
        .collect::<Vec<_>>()
        .join(" ")
}
