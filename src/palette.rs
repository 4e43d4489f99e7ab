//! Colours as a typed value, light or dark after the system setting. Every
//! text colour passes WCAG AA (4.5:1) on both backgrounds it is used on.

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

/// The palette for the system's colour scheme, following it live.
#[hook]
pub fn use_palette() -> Palette {
    if use_media_query("(prefers-color-scheme: dark)") {
        DARK
    } else {
        LIGHT
    }
}
