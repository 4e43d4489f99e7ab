//! Colours as a typed value, light or dark after the system setting. Every
//! text colour passes WCAG AA (4.5:1) on both backgrounds it is used on.

#[cfg(target_arch = "wasm32")]
use stylist::yew::use_media_query;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub background: &'static str,
    pub surface: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub border: &'static str,
    pub accent: &'static str,
    pub on_accent: &'static str,
    pub accepted: &'static str,
    pub noted: &'static str,
    pub warning_bg: &'static str,
    pub error_bg: &'static str,
    pub focus: &'static str,
}

pub const LIGHT: Palette = Palette {
    background: "#f6f7f9",
    surface: "#ffffff",
    text: "#1b1f24",
    muted: "#4b5563",
    border: "#c9ced6",
    accent: "#0b57a4",
    on_accent: "#ffffff",
    accepted: "#176b3a",
    noted: "#8a4600",
    warning_bg: "#fff4d6",
    error_bg: "#fde2e1",
    focus: "#b3260b",
};

pub const DARK: Palette = Palette {
    background: "#111418",
    surface: "#1b2027",
    text: "#e9edf2",
    muted: "#b1bac6",
    border: "#3b4450",
    accent: "#8cc2ff",
    on_accent: "#0b1a2b",
    accepted: "#74d69e",
    noted: "#f2b872",
    warning_bg: "#3a3016",
    error_bg: "#4a1f1f",
    focus: "#ffb86b",
};

/// The palette for the system's colour scheme, following it live. At
/// build time (prerendering) there is no system to ask: light, which only
/// the charts' colours and notices use (the page's own sheet follows the
/// scheme through CSS variables, see `style.rs`), and neither is in a
/// prerendered page.
#[hook]
pub fn use_palette() -> Palette {
    #[cfg(target_arch = "wasm32")]
    let dark = use_media_query("(prefers-color-scheme: dark)");
    #[cfg(not(target_arch = "wasm32"))]
    let dark = false;
    if dark {
        DARK
    } else {
        LIGHT
    }
}

/// The UN's colour of each Sustainable Development Goal (goal `g` at index
/// `g - 1`; UN Department of Global Communications, "Guidelines for the use
/// of the SDG logo", 2020) and the text colour that reads on it: black or
/// white, whichever contrasts more. `tests/sdg.rs` checks every pair
/// passes WCAG AA (4.5:1).
pub const SDG_COLOURS: [(&str, &str); 17] = [
    ("#E5243B", "#000000"),
    ("#DDA63A", "#000000"),
    ("#4C9F38", "#000000"),
    ("#C5192D", "#FFFFFF"),
    ("#FF3A21", "#000000"),
    ("#26BDE2", "#000000"),
    ("#FCC30B", "#000000"),
    ("#A21942", "#FFFFFF"),
    ("#FD6925", "#000000"),
    ("#DD1367", "#FFFFFF"),
    ("#FD9D24", "#000000"),
    ("#BF8B2E", "#000000"),
    ("#3F7E44", "#FFFFFF"),
    ("#0A97D9", "#000000"),
    ("#56C02B", "#000000"),
    ("#00689D", "#FFFFFF"),
    ("#19486A", "#FFFFFF"),
];

/// (background, text) for goal `goal`, if it is one of the 17.
pub fn sdg_colours(goal: u8) -> Option<(&'static str, &'static str)> {
    SDG_COLOURS.get((goal as usize).checked_sub(1)?).copied()
}
