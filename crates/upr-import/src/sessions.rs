//! `sessions.csv` and `hrc-membership.csv`: when each session sat, and who
//! was a member of the Council then.

use super::csv_util::{field, records, ParsedRecord};
use super::error::ImportError;
use upr_core::dataset::schema::Session;
use upr_core::dataset::states::canonical_name;

/// Libya's membership was suspended by General Assembly resolution 65/265;
/// the source README asks for it to count as an observer in those sessions.
const SUSPENSIONS: &[(&str, &str, &str)] = &[("Libya", "2011-03-01", "2011-11-18")];

/// Members on a session's first day: the README states this for all 26.
pub const COUNCIL_SEATS: usize = 47;

pub fn read_sessions(file: &str, content: &str) -> Result<Vec<Session>, ImportError> {
    let mut sessions = Vec::new();
    for record in records(file, content, &["session", "cycle", "start", "end"])? {
        let record = record?;
        let number: u8 = parse_number(file, &record, 0, "session")?;
        let cycle: u8 = parse_number(file, &record, 1, "cycle")?;
        // The cycle is the file's to say; it can only stay or move on.
        if let Some(previous) = sessions
            .last()
            .filter(|p: &&Session| cycle < p.cycle || cycle > p.cycle + 1)
        {
            return Err(ImportError::row(
                file,
                record.line,
                format!(
                    "session {number} is in cycle {cycle}, but session {} was in cycle {}",
                    previous.number, previous.cycle
                ),
            ));
        }
        if sessions.is_empty() && cycle != 1 {
            return Err(ImportError::row(
                file,
                record.line,
                format!("the first session is in cycle {cycle}, not 1"),
            ));
        }
        let start = iso_date(file, &record, 2)?;
        let end = iso_date(file, &record, 3)?;
        if end < start {
            return Err(ImportError::row(
                file,
                record.line,
                format!("ends {end} before it starts {start}"),
            ));
        }
        if number as usize != sessions.len() + 1 {
            return Err(ImportError::row(
                file,
                record.line,
                format!(
                    "session {number} out of order: expected session {}",
                    sessions.len() + 1
                ),
            ));
        }
        sessions.push(Session {
            number,
            cycle,
            start,
            end,
        });
    }
    Ok(sessions)
}

#[derive(Clone, Debug)]
pub struct Term {
    pub line: u64,
    pub state: String,
    pub start: String,
    pub end: String,
}

pub fn read_membership(file: &str, content: &str) -> Result<Vec<Term>, ImportError> {
    let mut terms = Vec::new();
    for record in records(
        file,
        content,
        &["state", "term_start", "term_end", "source"],
    )? {
        let record = record?;
        let state = canonical_name(field(&record, 0));
        if state.is_empty() {
            return Err(ImportError::row(file, record.line, "empty state"));
        }
        let start = iso_date(file, &record, 1)?;
        let end = iso_date(file, &record, 2)?;
        terms.push(Term {
            line: record.line,
            state,
            start,
            end,
        });
    }
    Ok(terms)
}

/// Whether `state` sat on the Council for the whole of `session`.
pub fn is_member(terms: &[Term], state: &str, session: &Session) -> bool {
    let suspended = SUSPENSIONS.iter().any(|(name, from, to)| {
        *name == state && *from <= session.end.as_str() && *to >= session.start.as_str()
    });
    !suspended
        && terms
            .iter()
            .any(|t| t.state == state && t.start <= session.start && t.end >= session.end)
}

pub fn members_on_first_day(terms: &[Term], session: &Session) -> usize {
    terms
        .iter()
        .filter(|t| t.start <= session.start && t.end >= session.start)
        .count()
}

fn parse_number(
    file: &str,
    record: &ParsedRecord,
    index: usize,
    name: &str,
) -> Result<u8, ImportError> {
    let value = field(record, index);
    value.parse().map_err(|_| {
        ImportError::row(
            file,
            record.line,
            format!("{name} {value:?} is not a number"),
        )
    })
}

fn iso_date(file: &str, record: &ParsedRecord, index: usize) -> Result<String, ImportError> {
    let value = field(record, index);
    let bytes = value.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let month: u8 = value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u8 = value.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    if shaped && (1..=12).contains(&month) && (1..=31).contains(&day) {
        Ok(value.to_owned())
    } else {
        Err(ImportError::row(
            file,
            record.line,
            format!("{value:?} is not an ISO date (YYYY-MM-DD)"),
        ))
    }
}
