//! A parser for OHCHR "for use of information media" summaries of a UPR
//! review, in the plain-text form of `shared/seed/`. It reads the sections
//! by their headings, recognises the recommendations list that follows the
//! issues raised without a heading of its own, and stops at the page's
//! navigation text. The year is not in the text: the importer places the
//! day and month within the session in which the State was reviewed.

use std::fmt;
use upr_core::dataset::schema::{Delegation, StatesTakingPart};

/// A summary as written, before it is matched to a review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedSummary {
    /// `KAZAKHSTAN`, as written.
    pub country: String,
    pub review_day: DayMonth,
    pub review_time: Option<String>,
    pub delegation: Delegation,
    pub national_report: Vec<String>,
    pub states_taking_part: Option<StatesTakingPart>,
    pub positive_achievements: Vec<String>,
    pub issues_raised: Vec<String>,
    pub recommendations: Vec<String>,
    pub response: Vec<String>,
    pub adoption: Option<ScheduledSlot>,
    /// Lines the parser did not understand, reported by the importer.
    pub unrecognised: Vec<(usize, String)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayMonth {
    pub day: u8,
    pub month: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduledSlot {
    pub day: DayMonth,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    MissingCountry,
    MissingDate,
    BadDate { line: usize, value: String },
    BadCount { line: usize, value: String },
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SummaryError::MissingCountry => write!(f, "no \"Country under review:\" line"),
            SummaryError::MissingDate => write!(f, "no \"Date:\" line"),
            SummaryError::BadDate { line, value } => {
                write!(f, "line {line}: cannot read a day and month in {value:?}")
            }
            SummaryError::BadCount { line, value } => {
                write!(
                    f,
                    "line {line}: cannot read a number of States in {value:?}"
                )
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    NationalReport,
    Discussion,
    StatesTakingPart,
    PositiveAchievements,
    IssuesRaised,
    Recommendations,
    Response,
    Adoption,
}

/// Where the page's navigation starts: nothing after it is data.
const NAVIGATION_START: &[&str] = &["More information", "See also", "Follow us"];

pub fn parse(text: &str) -> Result<ParsedSummary, SummaryError> {
    let mut summary = ParsedSummary::default();
    let mut section = Section::Preamble;
    let mut date_seen = false;
    // Bullet blocks seen in the current section: a block is a run of
    // consecutive bullet lines, and headless blocks take their meaning from
    // their place (delegation, then highlights; issues, then recommendations).
    let mut blocks_in_section = 0;
    let mut previous_was_bullet = false;
    let mut adoption_text = String::new();

    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if NAVIGATION_START
            .iter()
            .any(|marker| line.eq_ignore_ascii_case(marker))
        {
            break;
        }
        if line.is_empty() {
            previous_was_bullet = false;
            continue;
        }
        if let Some(item) = bullet_text(line) {
            if !previous_was_bullet {
                blocks_in_section += 1;
            }
            previous_was_bullet = true;
            let item = item.to_owned();
            match section {
                Section::NationalReport if blocks_in_section == 1 && is_delegation_line(&item) => {
                    summary.delegation.lines.push(item)
                }
                Section::NationalReport => summary.national_report.push(item),
                Section::StatesTakingPart => read_count(&mut summary, number, &item)?,
                Section::PositiveAchievements => summary.positive_achievements.push(item),
                Section::IssuesRaised if blocks_in_section == 1 => summary.issues_raised.push(item),
                Section::IssuesRaised | Section::Recommendations => {
                    summary.recommendations.push(item)
                }
                Section::Response => summary.response.push(item),
                _ => summary.unrecognised.push((number, item)),
            }
            continue;
        }
        previous_was_bullet = false;
        if let Some(next) = heading(line) {
            section = next;
            blocks_in_section = 0;
            if section == Section::Adoption {
                adoption_text.push_str(line);
                adoption_text.push(' ');
            }
            continue;
        }
        if let Some(value) = field(line, "Date:") {
            let (day, time) = parse_day_month(value).ok_or_else(|| SummaryError::BadDate {
                line: number,
                value: value.to_owned(),
            })?;
            summary.review_day = day;
            summary.review_time = time;
            date_seen = true;
        } else if let Some(value) = field(line, "Country under review:") {
            summary.country = value.to_owned();
        } else if section == Section::Adoption {
            adoption_text.push_str(line);
            adoption_text.push(' ');
        } else if !is_masthead(line) {
            summary.unrecognised.push((number, line.to_owned()));
        }
    }

    if summary.country.is_empty() {
        return Err(SummaryError::MissingCountry);
    }
    if !date_seen {
        return Err(SummaryError::MissingDate);
    }
    fill_delegation(&mut summary.delegation);
    summary.adoption = parse_adoption(&adoption_text);
    Ok(summary)
}

fn bullet_text(line: &str) -> Option<&str> {
    ['•', '·', '*', '-']
        .iter()
        .find_map(|bullet| line.strip_prefix(*bullet))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

fn heading(line: &str) -> Option<Section> {
    let lower = line.to_lowercase();
    let starts = |prefix: &str| lower.starts_with(prefix);
    Some(if starts("concerned country") {
        Section::NationalReport
    } else if starts("number of states taking part") {
        Section::StatesTakingPart
    } else if starts("interactive discussion") {
        Section::Discussion
    } else if starts("positive achievements") {
        Section::PositiveAchievements
    } else if starts("issues and questions raised") {
        Section::IssuesRaised
    } else if starts("recommendations") {
        Section::Recommendations
    } else if starts("response of the") {
        Section::Response
    } else if starts("adoption of the report") {
        Section::Adoption
    } else {
        return None;
    })
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let head = line.get(..name.len())?;
    head.eq_ignore_ascii_case(name)
        .then(|| line[name.len()..].trim())
}

/// The masthead lines every summary opens with carry no data.
fn is_masthead(line: &str) -> bool {
    line.starts_with("Human Rights Council") || line.starts_with("For use of information media")
}

fn is_delegation_line(item: &str) -> bool {
    let lower = item.to_lowercase();
    lower.contains("delegation") || lower.contains("presented by") || lower.contains("headed by")
}

fn read_count(summary: &mut ParsedSummary, line: usize, item: &str) -> Result<(), SummaryError> {
    let bad = || SummaryError::BadCount {
        line,
        value: item.to_owned(),
    };
    let (label, value) = item.split_once(':').ok_or_else(bad)?;
    let count: u32 = value.trim().parse().map_err(|_| bad())?;
    let counts = summary.states_taking_part.get_or_insert(StatesTakingPart {
        members: 0,
        observers: 0,
    });
    let label = label.to_lowercase();
    if label.contains("member") {
        counts.members = count;
    } else if label.contains("observer") {
        counts.observers = count;
    } else {
        return Err(bad());
    }
    Ok(())
}

fn fill_delegation(delegation: &mut Delegation) {
    for line in &delegation.lines {
        // ASCII lower case keeps every byte where it was, so positions found
        // in `lower` are valid in `line` whatever else the line holds.
        let lower = line.to_ascii_lowercase();
        if let Some(at) = lower.find("-person").or_else(|| lower.find("-member")) {
            let digits: String = lower[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            delegation.size = digits.chars().rev().collect::<String>().parse().ok();
        }
        if let Some(at) = lower.find("headed by ") {
            delegation.head = Some(line[at + "headed by ".len()..].trim().to_owned());
        }
        if let Some(at) = lower.find("presented by ") {
            delegation.presented_by = Some(line[at + "presented by ".len()..].trim().to_owned());
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `Friday 12 February (morning)` -> 12 February, `morning`.
fn parse_day_month(value: &str) -> Option<(DayMonth, Option<String>)> {
    let (date_part, time) = match value.split_once('(') {
        Some((date, rest)) => (date, Some(rest.trim_end_matches(')').trim().to_owned())),
        None => (value, None),
    };
    let words: Vec<String> = date_part
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_at = words.iter().position(|w| MONTHS.contains(&w.as_str()))?;
    let month = MONTHS.iter().position(|m| *m == words[month_at])? as u8 + 1;
    // Either "12 February" or "February 12".
    let day = [month_at.checked_sub(1), Some(month_at + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| words.get(i))
        .find_map(|w| w.parse::<u8>().ok())
        .filter(|d| (1..=31).contains(d))?;
    Some((DayMonth { day, month }, time.filter(|t| !t.is_empty())))
}

/// `... scheduled on Tuesday 16 February, 12:00 – 12:30`.
fn parse_adoption(text: &str) -> Option<ScheduledSlot> {
    let after = text
        .to_ascii_lowercase()
        .find(" on ")
        .map(|at| &text[at + 4..])
        .unwrap_or(text);
    let (date_part, times) = match after.split_once(',') {
        Some((date, times)) => (date, times),
        None => (after, ""),
    };
    let (day, _) = parse_day_month(date_part)?;
    let mut clock = times
        .split(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .filter(|t| t.contains(':') || t.contains('.'))
        .map(|t| t.replace('.', ":"));
    Some(ScheduledSlot {
        day,
        start: clock.next(),
        end: clock.next(),
    })
}
