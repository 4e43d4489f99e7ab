//! Every colour of the viewer, defined once: the style sheet
//! (`crate::style`) turns each into a `--upr-*` variable, which the rules,
//! the charts and the page around the viewer use; the preview pictures
//! are drawn in the light one. Every text colour passes WCAG AA (4.5:1)
//! on both backgrounds it is used on.

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
    /// A search term found in a text, and the text on it.
    pub mark: &'static str,
    pub on_mark: &'static str,
}

impl Palette {
    /// Each colour with the name of its variable (`--upr-<name>`).
    pub fn named(&self) -> [(&'static str, &'static str); 14] {
        [
            ("background", self.background),
            ("surface", self.surface),
            ("text", self.text),
            ("muted", self.muted),
            ("border", self.border),
            ("accent", self.accent),
            ("on-accent", self.on_accent),
            ("accepted", self.accepted),
            ("noted", self.noted),
            ("warning-bg", self.warning_bg),
            ("error-bg", self.error_bg),
            ("focus", self.focus),
            ("mark", self.mark),
            ("on-mark", self.on_mark),
        ]
    }
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
    mark: "#ffe066",
    on_mark: "#000000",
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
    mark: "#ffe066",
    on_mark: "#000000",
};

/// On paper, whatever the screen's scheme: the light colours, with black
/// text and links on white.
pub const PRINT: Palette = Palette {
    background: "#ffffff",
    surface: "#ffffff",
    text: "#000000",
    accent: "#000000",
    ..LIGHT
};

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
