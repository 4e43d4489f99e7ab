//! The six languages of the United Nations the viewer speaks, as a plain
//! value: code, writing direction, own name, and the choice among a
//! browser's preferred languages. No messages here (those are the viewer's `i18n`), so
//! the core can carry the language in the query.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    /// In the UN's order (the English alphabetical order of their names).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The BCP 47 code, as `lang=` and `<html lang>` take it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as the switch offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// The language's English name, for the message said in English when
    /// its file cannot be loaded.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::Zh => "Chinese",
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Ru => "Russian",
            Lang::Es => "Spanish",
        }
    }

    /// The data file of the States' names in this language, written by the
    /// importer from CLDR.
    pub fn state_names_file(self) -> String {
        format!("names-{}.json", self.code())
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// `dir` as HTML takes it.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// `fr`, `FR`, `fr-CA`, `zh-Hans-CN` and `zh_TW` all name a language
    /// the viewer has; the region or script does not matter here.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// The first of the browser's preferred languages that the viewer has,
    /// else English.
    pub fn preferred<S: AsRef<str>>(preferences: &[S]) -> Lang {
        preferences
            .iter()
            .find_map(|p| Lang::from_code(p.as_ref()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_preference_picks_the_first_language_the_viewer_has() {
        assert_eq!(Lang::preferred(&["de-CH", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::preferred(&["zh-Hans-CN"]), Lang::Zh);
        assert_eq!(Lang::preferred(&["de", "it"]), Lang::En);
        assert_eq!(Lang::preferred::<&str>(&[]), Lang::En);
        assert_eq!(Lang::from_code("AR").map(Lang::dir), Some("rtl"));
    }
}
