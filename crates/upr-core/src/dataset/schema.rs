//! The serde types of the two bundled files, shared by the importer that
//! writes them and the loader that reads them. `data/README.md` documents
//! them for people who reuse the data.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever a field changes meaning or shape; the loader refuses any
/// other version rather than guess.
pub const SCHEMA_VERSION: u32 = 5;

/// The Sustainable Development Goals, 1 to 17, and UPR Info's action
/// categories, 1 to 5: how many counts a review's lists of them hold.
pub const SDG_GOALS: usize = 17;
pub const ACTION_CATEGORIES: usize = 5;

/// `data/overview.json`: everything the first screen needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub schema_version: u32,
    /// This build of the data: the importer's fingerprint of every other
    /// field. The texts packed for this overview carry it, and texts of
    /// another build are refused rather than shown with it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub build: String,
    pub source: String,
    pub totals: Totals,
    pub themes: Vec<Theme>,
    /// The 17 Sustainable Development Goals, in order.
    pub sdg_goals: Vec<SdgGoal>,
    /// The groups of persons a recommendation can concern, in the Explorer's order.
    pub persons: Vec<PersonGroup>,
    pub states: Vec<State>,
    pub sessions: Vec<Session>,
    pub reviews: Vec<ReviewSummary>,
}

/// `data/recommendations.json`: the full texts, loaded after the first paint.
/// Its reviews come in the same order as the overview's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub schema_version: u32,
    pub totals: Totals,
    pub reviews: Vec<ReviewTexts>,
    /// ISO 3166 code -> the State's names in the other UN languages, which
    /// a search finds it by once the texts are in.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub state_names: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub reviews: u32,
    pub recommendations: u32,
    pub pledges: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id: the slug of the theme's first label (`death-penalty`;
    /// `nhri` for the theme UPR Info has since renamed `National Human
    /// Rights Institution`).
    pub id: String,
    /// UPR Info's current label (`Death penalty`).
    pub label: String,
    /// Labels UPR Info gave it before (`NHRI`), which links may still carry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_labels: Vec<String>,
    /// Where the list of themes of some sessions' source lacks it (UPR
    /// Info's list changed between its exports): the sessions whose source
    /// lists it (`National plan of action`: 1 to 20). Empty where every
    /// session's source lists it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdgGoal {
    /// 1 to 17.
    pub number: u8,
    /// As the Explorer writes it (`Peace, justice and strong institutions`).
    pub name: String,
}

/// A group of persons a recommendation concerns (`Women and girls`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonGroup {
    /// Slug of the label (`women-and-girls`).
    pub id: String,
    pub label: String,
}

/// A State, whether under review, recommending, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Slug of the name the sources used at the time of the reviews; it never
    /// changes, so that old links keep working after a State is renamed.
    pub id: String,
    /// The State's current English name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code, the key of its name in other languages
    /// (`data/names-<language>.json`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub iso: String,
    /// Names it had before, each with the date it stopped being used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
    /// Other spellings met in the sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `None` for Holy See and Palestine, which belong to no UN regional group.
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerName {
    pub name: String,
    /// ISO date from which the State no longer used this name (exclusive).
    pub until: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    Africa,
    Asia,
    #[serde(rename = "EEG")]
    EasternEurope,
    #[serde(rename = "GRULAC")]
    LatinAmericaCaribbean,
    #[serde(rename = "WEOG")]
    WesternEuropeOthers,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::Asia,
        Region::EasternEurope,
        Region::LatinAmericaCaribbean,
        Region::WesternEuropeOthers,
    ];

    /// The source's abbreviation, also used in addresses (`region=GRULAC`).
    pub fn code(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::Asia => "Asia",
            Region::EasternEurope => "EEG",
            Region::LatinAmericaCaribbean => "GRULAC",
            Region::WesternEuropeOthers => "WEOG",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Region::Africa => "African States",
            Region::Asia => "Asia-Pacific States",
            Region::EasternEurope => "Eastern European States",
            Region::LatinAmericaCaribbean => "Latin American and Caribbean States",
            Region::WesternEuropeOthers => "Western European and other States",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub number: u8,
    pub cycle: u8,
    /// ISO dates, inclusive.
    pub start: String,
    pub end: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Accepted,
    Noted,
}

impl Response {
    /// As in addresses and exported files (`response=noted`), and as serde
    /// writes it.
    pub fn code(self) -> &'static str {
        match self {
            Response::Accepted => "accepted",
            Response::Noted => "noted",
        }
    }

    pub fn from_code(code: &str) -> Option<Response> {
        [Response::Accepted, Response::Noted]
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn label(self) -> &'static str {
        match self {
            Response::Accepted => "Accepted",
            Response::Noted => "Noted",
        }
    }
}

/// One review as the card list needs it, without texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewSummary {
    /// `kazakhstan-s7`: State id, `-s`, session.
    pub id: String,
    /// Id of the State under review.
    pub state: String,
    pub session: u8,
    pub recommendations: u32,
    pub accepted: u32,
    pub noted: u32,
    /// Recommendations whose recommending State the source does not know.
    pub unknown_recommender: u32,
    pub pledges: u32,
    /// Per theme, in the order of [`Overview::themes`]: how many of its
    /// recommendations carry it (one may carry several). Empty where none
    /// does. Counts by position rather than by id: the ids of 400 reviews'
    /// themes were a third of the overview's gzipped bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<u32>,
    /// `false` where the source has no UPR Info themes for this review
    /// (session 27): [`themes`](Self::themes) is then empty, not "no theme".
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub themes_classified: bool,
    /// `false` where the DIHR Explorer does not hold this review (session
    /// 27): [`sdg_goals`](Self::sdg_goals) and [`persons`](Self::persons)
    /// are then empty, not "no link".
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub sdg_classified: bool,
    /// Per SDG goal, 1 to 17 at 0 to 16: how many recommendations are
    /// linked to it. Empty where none is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_goals: Vec<u32>,
    /// Per group of persons, in the order of [`Overview::persons`]: how many
    /// recommendations concern it. Empty where none does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<u32>,
    /// Per UPR Info action category, 1 to 5 at 0 to 4: how many
    /// recommendations are in it. Empty where the source has no categories
    /// (a review only the DIHR Explorer holds; none in the bundled data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<u32>,
    /// How many States made at least one recommendation; the lists of them
    /// are in the texts file ([`ReviewTexts::participants`]), which the first
    /// screen does not wait for. The loader checks these counts against them.
    pub participation: Participation,
    /// Present where an OHCHR media summary of this review was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_summary: Option<MediaSummary>,
}

/// Recommending States split by their standing on the session's dates:
/// members of the Human Rights Council, and observers (every other State).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participants {
    pub members: Vec<String>,
    pub observers: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub states: u32,
    pub members: u32,
    pub observers: u32,
}

/// What an OHCHR media summary says of a review, section by section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaSummary {
    /// The file it was parsed from, under `shared/seed/`.
    pub source_file: String,
    /// ISO date of the review, and the part of the day as written (`morning`).
    pub review_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_time: Option<String>,
    pub delegation: Delegation,
    pub national_report: Vec<String>,
    /// The summary's own count of States that spoke (recommendation or not),
    /// which is not the count of recommending States.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states_taking_part: Option<StatesTakingPart>,
    pub positive_achievements: Vec<String>,
    pub issues_raised: Vec<String>,
    pub recommendations: Vec<String>,
    pub response: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Adoption>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presented_by: Option<String>,
    /// The section's lines as written.
    pub lines: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatesTakingPart {
    pub members: u32,
    pub observers: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewTexts {
    pub id: String,
    /// Every State that made at least one recommendation, by id.
    pub participants: Participants,
    pub recommendations: Vec<Recommendation>,
    pub pledges: Vec<Pledge>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub text: String,
    /// Id of the recommending State; `None` where the source says "(Unknown)".
    pub from: Option<String>,
    pub response: Response,
    /// UPR Info action category: 1 minimal ... 5 specific action; `None`
    /// where the source has none (a review only the DIHR Explorer holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<u8>,
    /// Theme ids; empty where the source has no themes (session 27).
    pub themes: Vec<String>,
    /// SDG goal numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_goals: Vec<u8>,
    /// SDG targets (`16.3`); `16.1|16.10` where the source cannot tell
    /// which of the two it means.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_targets: Vec<String>,
    /// Person-group ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<String>,
    /// The Working Group report's symbol (`A/HRC/33/13`) ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// ... and the recommendation's paragraph in it (`135.61`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// The OHCHR Universal Human Rights Index's own themes, as it labels
    /// them (`Death penalty`); only on recommendations the Index brings.
    /// A list of its own: never mapped onto UPR Info's `themes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index_themes: Vec<String>,
    /// The Index's groups of persons ("Affected Persons", `Women & girls`),
    /// as it labels them: a list of its own, apart from the Explorer's
    /// twelve `persons`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index_persons: Vec<String>,
}

/// A voluntary pledge made by the State under review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    pub text: String,
    pub action: u8,
    pub themes: Vec<String>,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}
