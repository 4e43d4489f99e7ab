//! A review of the texts file as the loader reads it: its strings borrowed
//! from the bytes of the file where they hold no escape, instead of a new
//! `String` for every text and id. The loader copies each one at once into
//! its columns ([`texts::Recommendations`]), so the owned `String`s of
//! [`schema::ReviewTexts`] were allocated and freed again for nothing: at 16
//! times the data, millions of them (docs/benchmarks.md).
//!
//! The fields and their meaning are [`schema::ReviewTexts`]'s, which the
//! importer writes; tests/load.rs checks that the file reads back exactly
//! as serde reads it into those, with JSON escapes in every field too.
//!
//! [`texts::Recommendations`]: super::texts::Recommendations
//! [`schema::ReviewTexts`]: super::schema::ReviewTexts

use super::schema::{Pledge, Response};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

#[derive(Debug, Deserialize)]
pub struct ReviewIn<'a> {
    #[serde(borrow)]
    pub id: Str<'a>,
    #[serde(borrow)]
    pub participants: ParticipantsIn<'a>,
    #[serde(borrow)]
    pub recommendations: Vec<RecommendationIn<'a>>,
    /// Kept whole by the dataset, so read as they are kept.
    pub pledges: Vec<Pledge>,
}

#[derive(Debug, Deserialize)]
pub struct ParticipantsIn<'a> {
    #[serde(borrow)]
    pub members: Vec<Str<'a>>,
    #[serde(borrow)]
    pub observers: Vec<Str<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct RecommendationIn<'a> {
    #[serde(borrow)]
    pub text: Str<'a>,
    #[serde(borrow)]
    pub from: Option<Str<'a>>,
    pub response: Response,
    #[serde(default)]
    pub action: Option<u8>,
    #[serde(borrow)]
    pub themes: Vec<Str<'a>>,
    #[serde(default)]
    pub sdg_goals: Vec<u8>,
    #[serde(default, borrow)]
    pub sdg_targets: Vec<Str<'a>>,
    #[serde(default, borrow)]
    pub persons: Vec<Str<'a>>,
    #[serde(default, borrow)]
    pub document: Option<Str<'a>>,
    #[serde(default, borrow)]
    pub paragraph: Option<Str<'a>>,
    #[serde(default, borrow)]
    pub index_themes: Vec<Str<'a>>,
    #[serde(default, borrow)]
    pub index_persons: Vec<Str<'a>>,
}

/// A string of the file: borrowed, or owned where JSON escapes had to be
/// undone. (serde's own `Cow<str>` is always owned inside a `Vec` or an
/// `Option`.)
#[derive(Debug, PartialEq, Eq)]
pub struct Str<'a>(Cow<'a, str>);

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl<'a> ReviewIn<'a> {
    /// A review already in memory, borrowed ([`Dataset::attach_texts`]).
    ///
    /// [`Dataset::attach_texts`]: super::Dataset::attach_texts
    pub fn of(review: &'a super::schema::ReviewTexts) -> ReviewIn<'a> {
        let strs = |list: &'a [String]| list.iter().map(|s| Str::from(s.as_str())).collect();
        ReviewIn {
            id: review.id.as_str().into(),
            participants: ParticipantsIn {
                members: strs(&review.participants.members),
                observers: strs(&review.participants.observers),
            },
            recommendations: review
                .recommendations
                .iter()
                .map(|r| RecommendationIn {
                    text: r.text.as_str().into(),
                    from: r.from.as_deref().map(Str::from),
                    response: r.response,
                    action: r.action,
                    themes: strs(&r.themes),
                    sdg_goals: r.sdg_goals.clone(),
                    sdg_targets: strs(&r.sdg_targets),
                    persons: strs(&r.persons),
                    document: r.document.as_deref().map(Str::from),
                    paragraph: r.paragraph.as_deref().map(Str::from),
                    index_themes: strs(&r.index_themes),
                    index_persons: strs(&r.index_persons),
                })
                .collect(),
            pledges: review.pledges.clone(),
        }
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Self {
        Str(Cow::Borrowed(text))
    }
}
