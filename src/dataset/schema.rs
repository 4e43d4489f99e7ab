//! The serde types of the two bundled files, shared by the importer that
//! writes them and the loader that reads them. `data/README.md` documents
//! them for people who reuse the data.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever a field changes meaning or shape; the loader refuses any
/// other version rather than guess.
pub const SCHEMA_VERSION: u32 = 1;

/// `data/overview.json`: everything the first screen needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub schema_version: u32,
    pub source: String,
    pub totals: Totals,
    pub themes: Vec<Theme>,
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
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub reviews: u32,
    pub recommendations: u32,
    pub pledges: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id: the label's slug (`death-penalty`).
    pub id: String,
    /// As spelt in the source (`Death penalty`).
    pub label: String,
}

/// A State, whether under review, recommending, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Slug of `name`; also the first half of a review id.
    pub id: String,
    /// One canonical English name, whatever the source spelt.
    pub name: String,
    /// Other spellings met in the sources or in current use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `None` for Holy See and Palestine, which belong to no UN regional group.
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<String>,
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
        [Response::Accepted, Response::Noted].into_iter().find(|r| r.code().eq_ignore_ascii_case(code.trim()))
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
    /// Theme id -> number of recommendations carrying it.
    pub themes: BTreeMap<String, u32>,
    /// Every State that made at least one recommendation, by id.
    pub participants: Participants,
    /// Counts derived from `participants`, stored so the loader can check them.
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
    pub recommendations: Vec<Recommendation>,
    pub pledges: Vec<Pledge>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub text: String,
    /// Id of the recommending State; `None` where the source says "(Unknown)".
    pub from: Option<String>,
    pub response: Response,
    /// UPR Info action category: 1 minimal ... 5 specific action.
    pub action: u8,
    /// Theme ids.
    pub themes: Vec<String>,
}

/// A voluntary pledge made by the State under review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    pub text: String,
    pub action: u8,
    pub themes: Vec<String>,
}
