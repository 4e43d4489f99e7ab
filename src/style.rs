//! The viewer's one style sheet, rendered by the viewer into its own root
//! (so that inside an embed it lives in the element's shadow root; a
//! prerendered page links it as a file in its place, which the browser
//! hydrates as it is: `crate::prerender`): the
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

/// The rules, every colour a variable: `style.css` without its comments,
/// its indentation and its blank lines, taken out at compile time. They
/// explain the rules to whoever edits them; the wasm and every page's
/// sheet need not carry them.
const RULES: &str = {
    const STRIPPED: ([u8; SOURCE.len()], usize) = strip(SOURCE);
    const BYTES: &[u8] = STRIPPED.0.split_at(STRIPPED.1).0;
    match std::str::from_utf8(BYTES) {
        Ok(rules) => rules,
        Err(_) => panic!("style.css stripped is not UTF-8"),
    }
};

const SOURCE: &[u8] = include_str!("style.css").as_bytes();

/// `source` without `/* … */` comments, white space at the start and end
/// of a line, and empty lines; and how many bytes of the result are used.
/// Only ASCII is taken out, so UTF-8 stays UTF-8. (No string in the
/// sheet holds `/*`.)
const fn strip(source: &[u8]) -> ([u8; SOURCE.len()], usize) {
    let mut out = [0_u8; SOURCE.len()];
    let (mut read, mut written) = (0, 0);
    // Whether the line written so far holds anything but white space.
    let mut line_has_text = false;
    while read < source.len() {
        let byte = source[read];
        if byte == b'/' && read + 1 < source.len() && source[read + 1] == b'*' {
            read += 2;
            while read + 1 < source.len() && !(source[read] == b'*' && source[read + 1] == b'/') {
                read += 1;
            }
            read += 2;
            continue;
        }
        if byte == b'\n' {
            // Trailing white space goes with the line's end.
            while written > 0 && (out[written - 1] == b' ' || out[written - 1] == b'\t') {
                written -= 1;
            }
            if line_has_text {
                out[written] = b'\n';
                written += 1;
            }
            line_has_text = false;
        } else if !line_has_text && (byte == b' ' || byte == b'\t') {
            // Indentation.
        } else {
            out[written] = byte;
            written += 1;
            line_has_text = true;
        }
        read += 1;
    }
    (out, written)
}

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
