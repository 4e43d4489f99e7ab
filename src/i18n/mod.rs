//! Every word of the interface in the six UN languages. Components ask for
//! a message by its id ([`Msg`]), never for a string: a message missing in a
//! language fails `tests/i18n.rs`. English is compiled in (`messages.rs`);
//! the other five are `static/i18n/<code>.json`, fetched only when that
//! language is chosen ([`load`]). Numbers and dates go through [`mod@format`].
//!
//! A message is plain text with `{name}` placeholders, or, where it holds
//! a count `{n}`, one text per CLDR plural category of the language, each
//! under `<id>.<category>` (`ReviewsCount.few`): a file is one flat map of
//! strings, the cheapest shape for serde to read in the wasm.

pub mod load;
mod messages;
mod notices;
mod plural;

pub use messages::{English, Msg};
pub use plural::{categories, category};
pub use upr_core::lang::Lang;

use serde::Deserialize;
use std::collections::HashMap;
use std::rc::Rc;
use upr_core::dataset::load::{Dataset, StateIndex};
use upr_core::dataset::schema::{Region, Response};
use upr_core::facet::Facet;
use upr_core::format;

/// What a language file holds: the messages, and the names of the options
/// the data classifies by (English in the data, so keyed by it).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Message id ([`Filters`](Msg::Filters)), or id and plural category
    /// (`ReviewsCount.one`) -> text.
    pub messages: HashMap<String, String>,
    /// UPR Info theme label -> name.
    pub themes: HashMap<String, String>,
    /// SDG goal number -> the UN's short name of the goal.
    pub sdg: HashMap<String, String>,
    /// The Explorer's group-of-persons label -> name.
    pub persons: HashMap<String, String>,
    /// Region code (`GRULAC`) -> name of the regional group.
    pub regions: HashMap<String, String>,
}

impl Catalog {
    pub fn parse(json: &str) -> Result<Catalog, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

/// The messages of one language, as components receive them (a context).
#[derive(Clone, Debug)]
pub struct Tr {
    lang: Lang,
    /// Empty for English, which is compiled in.
    catalog: Rc<Catalog>,
    /// ISO 3166 code -> State name (`data/names-<code>.json`); empty for
    /// English, whose names are the dataset's.
    states: Rc<HashMap<String, String>>,
}

impl PartialEq for Tr {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.states, &other.states)
    }
}

impl Default for Tr {
    fn default() -> Self {
        Tr::english()
    }
}

impl Tr {
    pub fn english() -> Tr {
        thread_local! {
            static EMPTY: (Rc<Catalog>, Rc<HashMap<String, String>>) = Default::default();
        }
        let (catalog, states) = EMPTY.with(Clone::clone);
        Tr {
            lang: Lang::En,
            catalog,
            states,
        }
    }

    pub fn new(lang: Lang, catalog: Rc<Catalog>) -> Tr {
        Tr {
            lang,
            catalog,
            states: Tr::english().states,
        }
    }

    /// The same, with the States' names in this language.
    pub fn with_states(self, states: Rc<HashMap<String, String>>) -> Tr {
        Tr { states, ..self }
    }

    /// A State's name in the language (CLDR's), else the dataset's English.
    pub fn state_name(&self, dataset: &Dataset, state: StateIndex) -> String {
        let known = &dataset.states[state as usize];
        self.states
            .get(&known.iso)
            .cloned()
            .unwrap_or_else(|| known.name.clone())
    }

    /// A recommending State's name in a review held on the ISO `date`: in
    /// English the name it had then (`Turkey` in 2015,
    /// `Dataset::state_name_at`), in another language CLDR's current name,
    /// as for the State under review.
    pub fn state_name_at(
        &self,
        dataset: &Dataset,
        state: StateIndex,
        date: Option<&str>,
    ) -> String {
        match (self.states.get(&dataset.states[state as usize].iso), date) {
            (Some(name), _) => name.clone(),
            (None, Some(date)) => dataset.state_name_at(state, date).to_owned(),
            (None, None) => dataset.state_name(state).to_owned(),
        }
    }

    /// The name a review's card shows: in English the current name and the
    /// one it was held under ([`Dataset::review_state_name`]); in another
    /// language CLDR's current name.
    pub fn review_state_name(&self, dataset: &Dataset, review: usize) -> String {
        let state = dataset.reviews[review].state;
        match self.states.get(&dataset.states[state as usize].iso) {
            Some(name) => name.clone(),
            None => dataset.review_state_name(review),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message's text for a count `n` (plural category `n`'s), still
    /// with its placeholders; English where the language lacks it.
    fn raw(&self, msg: Msg, n: u32) -> &str {
        let messages = &self.catalog.messages;
        let translated = match msg.english() {
            English::One(_) => messages.get(msg.key()),
            English::Plural(..) => messages
                .get(&plural_key(msg, category(self.lang, n)))
                .or_else(|| messages.get(&plural_key(msg, "other"))),
        };
        translated.map_or_else(|| msg.english().pick(n), String::as_str)
    }

    /// A message without placeholders.
    pub fn get(&self, msg: Msg) -> String {
        self.raw(msg, 1).to_owned()
    }

    /// A message with its `{name}` placeholders filled.
    pub fn fmt(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.raw(msg, 1), args)
    }

    /// A message about `n` things: the plural form for `n`, with `{n}` the
    /// number as the language writes it.
    pub fn count(&self, msg: Msg, n: u32, args: &[(&str, &str)]) -> String {
        let number = self.num(n);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(self.raw(msg, n), &all)
    }

    /// A message about some sessions: `{sessions}` their ranges
    /// (`1–3, 27`), in the form for one session or for more (a note about
    /// session 27 alone must not say "sessions 27").
    pub fn about_sessions(&self, msg: Msg, sessions: &[u8], args: &[(&str, &str)]) -> String {
        let ranges = format::session_ranges(sessions);
        let mut all = vec![("sessions", ranges.as_str())];
        all.extend_from_slice(args);
        self.count(msg, sessions.len() as u32, &all)
    }

    /// A message about `n` things cut around its number: the words before
    /// and after `{n}` in the plural form for `n`. A count that changes at
    /// each filter shows its number alone beside these words, which change
    /// only when the plural form does, so that the page writes one text
    /// at each change rather than two.
    pub fn count_around(&self, msg: Msg, n: u32) -> (&str, &str) {
        let text = self.raw(msg, n);
        text.split_once("{n}").unwrap_or((text, ""))
    }

    pub fn num(&self, n: u32) -> String {
        format::number(self.lang, n)
    }

    pub fn pct(&self, p: u32) -> String {
        format::percent_text(self.lang, p)
    }

    pub fn date(&self, iso: &str) -> String {
        format::date_in(self.lang, iso)
    }

    pub fn date_range(&self, start: &str, end: &str) -> String {
        format::date_range_in(self.lang, start, end)
    }

    fn label<'a>(table: &'a HashMap<String, String>, key: &str, english: &'a str) -> String {
        table.get(key).map_or(english, String::as_str).to_owned()
    }

    pub fn theme(&self, label: &str) -> String {
        Tr::label(&self.catalog.themes, label, label)
    }

    pub fn region(&self, region: Region) -> String {
        Tr::label(&self.catalog.regions, region.code(), region.label())
    }

    pub fn response(&self, response: Response) -> String {
        self.get(match response {
            Response::Accepted => Msg::Accepted,
            Response::Noted => Msg::Noted,
        })
    }

    /// UPR Info's action category 1-5.
    pub fn action(&self, action: u8) -> String {
        self.get(match action {
            1 => Msg::ActionMinimal,
            2 => Msg::ActionContinuing,
            3 => Msg::ActionConsidering,
            4 => Msg::ActionGeneral,
            5 => Msg::ActionSpecific,
            _ => Msg::ActionUnknown,
        })
    }

    /// An SDG goal's short name; `english` is the data's.
    pub fn sdg(&self, goal: u8, english: &str) -> String {
        Tr::label(&self.catalog.sdg, &goal.to_string(), english)
    }

    /// Option `index` of a facet as people read it ([`Facet::label`] in the language).
    pub fn facet_label(&self, facet: Facet, dataset: &Dataset, index: usize) -> String {
        match facet {
            Facet::Theme => self.theme(&dataset.themes[index].label),
            Facet::SdgGoal => {
                let goal = index + 1;
                match dataset.sdg_goals.iter().find(|g| g.number as usize == goal) {
                    Some(g) => format!("{goal}. {}", self.sdg(g.number, &g.name)),
                    None => self.fmt(Msg::GoalNumber, &[("goal", &goal.to_string())]),
                }
            }
            Facet::Persons => {
                let label = &dataset.persons[index].label;
                Tr::label(&self.catalog.persons, label, label)
            }
            Facet::Action => format!("{}. {}", index + 1, self.action(index as u8 + 1)),
        }
    }

    /// What one option of the facet is called (`theme`).
    pub fn facet_noun(&self, facet: Facet) -> String {
        self.get(match facet {
            Facet::Theme => Msg::NounTheme,
            Facet::SdgGoal => Msg::NounSdgGoal,
            Facet::Persons => Msg::NounPersons,
            Facet::Action => Msg::NounAction,
        })
    }

    /// The facet's options together, in running text (`themes`; a heading
    /// capitalises it).
    pub fn facet_plural(&self, facet: Facet) -> String {
        self.get(match facet {
            Facet::Theme => Msg::PluralThemes,
            Facet::SdgGoal => Msg::PluralSdgGoals,
            Facet::Persons => Msg::PluralPersons,
            Facet::Action => Msg::PluralActions,
        })
    }

    /// The heading of a review's recommendations with no option of `facet`.
    pub fn facet_none(&self, facet: Facet, classified: bool) -> String {
        self.get(match (facet, classified) {
            (Facet::Theme, false) => Msg::NoneThemeUnclassified,
            (Facet::Action, false) => Msg::NoneActionUnclassified,
            (Facet::Action, true) => Msg::NoneAction,
            (Facet::Theme, true) => Msg::NoneTheme,
            (Facet::SdgGoal, _) => Msg::NoneSdgGoal,
            (Facet::Persons, _) => Msg::NonePersons,
        })
    }

    /// Who classified the recommendations along the facet.
    pub fn facet_source(&self, facet: Facet) -> String {
        self.get(match facet {
            Facet::Theme | Facet::Action => Msg::SourceUprInfo,
            Facet::SdgGoal | Facet::Persons => Msg::SourceDihr,
        })
    }
}

/// Where a language file keeps the form of a plural message for `category`.
pub fn plural_key(msg: Msg, category: &str) -> String {
    format!("{}.{category}", msg.key())
}

/// `text` with each `{name}` replaced by its value.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders a text uses, for the completeness test.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        found.push(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    found
}
