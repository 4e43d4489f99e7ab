//! The notices' sentences in the viewer's language: why a parameter of the
//! link was ignored, why a file did not load, why there is nothing to
//! compare. The core gives typed errors; the notices ask for their words
//! here. Technical details (a file's name, a parser's or a server's own
//! message) stay as they are inside the sentence.

use super::{Msg, Tr};
use upr_core::dataset::load::{Dataset, LoadError};
use upr_core::dataset::schema::SCHEMA_VERSION;
use upr_core::format;
use upr_core::query::{QueryWarning, Reason};
use upr_core::search::ParseWarning;
use upr_core::stats::CompareError;

impl Tr {
    /// One line of the notice: the parameter, the start of its value, and why.
    pub fn query_warning(&self, warning: &QueryWarning) -> String {
        let reason = self.reason(&warning.reason);
        self.fmt(
            Msg::Ignored,
            &[
                ("parameter", &warning.parameter),
                ("value", &warning.quoted_value()),
                ("reason", &reason),
            ],
        )
    }

    pub fn reason(&self, reason: &Reason) -> String {
        let list = |values: &[&str]| values.join(", ");
        match reason {
            Reason::NotUtf8 => self.get(Msg::ReasonNotUtf8),
            Reason::TooLong(max) => {
                self.fmt(Msg::ReasonTooLong, &[("max", &self.num(*max as u32))])
            }
            Reason::Empty => self.get(Msg::ReasonEmpty),
            Reason::NotWholeNumber => self.get(Msg::ReasonNotWholeNumber),
            Reason::NotSession => self.get(Msg::ReasonNotSession),
            Reason::NotCycle => self.get(Msg::ReasonNotCycle),
            Reason::NotGoal => self.get(Msg::ReasonNotGoal),
            Reason::NotActionCategory => self.get(Msg::ReasonNotActionCategory),
            Reason::PagesStartAtOne => self.get(Msg::ReasonPagesStartAtOne),
            Reason::MustBe(values) => self.fmt(Msg::ReasonMustBe, &[("values", &list(values))]),
            Reason::NotSortKey(columns) => {
                self.fmt(Msg::ReasonNotSortKey, &[("columns", &list(columns))])
            }
            Reason::TooManyValues(max) => {
                self.fmt(Msg::ReasonTooManyValues, &[("max", &self.num(*max as u32))])
            }
            Reason::NotParameter => self.get(Msg::ReasonNotParameter),
            Reason::Swapped { max_parameter, max } => self.fmt(
                Msg::ReasonSwapped,
                &[("parameter", max_parameter), ("max", &max.to_string())],
            ),
            Reason::TableOnly => self.get(Msg::ReasonTableOnly),
            Reason::NotColumn { by, columns } => self.fmt(
                Msg::ReasonNotColumn,
                &[("by", by), ("columns", &list(columns))],
            ),
            Reason::UnknownOption { facet, options } => self.fmt(
                Msg::ReasonUnknownOption,
                &[
                    ("count", &self.num(*options as u32)),
                    ("options", &self.facet_plural(*facet)),
                ],
            ),
            Reason::NoSuchState => self.get(Msg::ReasonNoSuchState),
            Reason::NoSuchSession => self.get(Msg::ReasonNoSuchSession),
            Reason::NoSuchReview => self.get(Msg::ReasonNoSuchReview),
            Reason::Search(warning) => self.get(match warning {
                ParseWarning::UnbalancedQuote => Msg::SearchUnbalancedQuote,
                ParseWarning::LoneMinus => Msg::SearchLoneMinus,
                ParseWarning::DanglingOr => Msg::SearchDanglingOr,
                ParseWarning::EmptyPhrase => Msg::SearchEmptyPhrase,
            }),
        }
    }

    pub fn load_error(&self, error: &LoadError) -> String {
        match error {
            LoadError::Fetch { file, message } => {
                self.fmt(Msg::LoadErrorFetch, &[("file", file), ("message", message)])
            }
            LoadError::Json { file, message } => {
                self.fmt(Msg::LoadErrorJson, &[("file", file), ("message", message)])
            }
            LoadError::Version { file, found } => self.fmt(
                Msg::LoadErrorVersion,
                &[
                    ("file", file),
                    ("found", &found.to_string()),
                    ("version", &SCHEMA_VERSION.to_string()),
                ],
            ),
            LoadError::Count {
                file,
                what,
                declared,
                found,
            } => self.fmt(
                Msg::LoadErrorCount,
                &[
                    ("file", file),
                    ("what", what),
                    ("declared", &declared.to_string()),
                    ("found", &found.to_string()),
                ],
            ),
            LoadError::Reference { file, what, id } => self.fmt(
                Msg::LoadErrorReference,
                &[("file", file), ("what", what), ("id", &format::quoted(id))],
            ),
            LoadError::OtherBuild { file } => self.fmt(Msg::LoadErrorOtherBuild, &[("file", file)]),
        }
    }

    pub fn compare_error(&self, dataset: &Dataset, error: &CompareError) -> String {
        match error {
            CompareError::UnknownState(name) => {
                self.fmt(Msg::CompareUnknownState, &[("name", &format::quoted(name))])
            }
            CompareError::ReviewedOnce { state, reviews } => self.count(
                Msg::CompareReviewedOnce,
                *reviews as u32,
                &[("state", &self.state_name(dataset, *state))],
            ),
            CompareError::TextsNotLoaded => self.get(Msg::CompareTextsLoading),
        }
    }
}
