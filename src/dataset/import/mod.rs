//! The importer: reads the raw files under `shared/` and builds the two
//! bundled files. Every row read is accounted for in what is written, or the
//! import fails; nothing is dropped silently.

mod csv_util;
mod error;
mod rows;
mod sessions;
mod summaries;

pub use error::ImportError;
pub use rows::{clean_text, read_rows, sessions_in_file_name, RowKind, SourceRow};
pub use sessions::{is_member, read_membership, read_sessions, Term};

use crate::dataset::schema::*;
use crate::dataset::slug::{review_id, slug};
use crate::dataset::states::{aliases_of, current_name};
use crate::dataset::themes::all_themes;
use rows::StateInRow;
use std::collections::BTreeMap;
use std::path::Path;

pub const SOURCE_NOTE: &str = "UPR Info database export of UPR sessions 1-20 (2008-2014), as collected in the public research repository rochelleterman/uprs; Human Rights Council membership from General Assembly election results; OHCHR media summaries";

/// One input file, named as it should appear in messages.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub content: String,
}

#[derive(Clone, Debug)]
pub struct Sources {
    pub sessions: SourceFile,
    pub membership: SourceFile,
    pub recommendations: Vec<SourceFile>,
    pub pledges: SourceFile,
    pub summaries: Vec<SourceFile>,
}

impl Sources {
    /// Reads `shared/data/...` and every `shared/seed/*.txt`, in name order.
    pub fn read(shared: &Path) -> Result<Sources, ImportError> {
        let upr_info = shared.join("data/upr-info");
        let mut recommendation_names = list(&upr_info, |n| n.starts_with("recommendations-") && n.ends_with(".csv"))?;
        recommendation_names.sort();
        let mut summary_names = list(&shared.join("seed"), |n| n.ends_with(".txt"))?;
        summary_names.sort();
        Ok(Sources {
            sessions: read_file(shared, "data/sessions.csv")?,
            membership: read_file(shared, "data/hrc-membership.csv")?,
            recommendations: recommendation_names
                .iter()
                .map(|n| read_file(shared, &format!("data/upr-info/{n}")))
                .collect::<Result<_, _>>()?,
            pledges: read_file(shared, "data/upr-info/voluntary-pledges.csv")?,
            summaries: summary_names
                .iter()
                .map(|n| read_file(shared, &format!("seed/{n}")))
                .collect::<Result<_, _>>()?,
        })
    }
}

fn list(dir: &Path, wanted: impl Fn(&str) -> bool) -> Result<Vec<String>, ImportError> {
    let io = |e: std::io::Error| ImportError::Io { file: dir.display().to_string(), message: e.to_string() };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let name = entry.map_err(io)?.file_name().to_string_lossy().into_owned();
        if wanted(&name) {
            names.push(name);
        }
    }
    Ok(names)
}

fn read_file(shared: &Path, name: &str) -> Result<SourceFile, ImportError> {
    let content = std::fs::read_to_string(shared.join(name))
        .map_err(|e| ImportError::Io { file: name.to_owned(), message: e.to_string() })?;
    Ok(SourceFile { name: name.to_owned(), content })
}

type ReviewRows<'a> = (Vec<&'a SourceRow>, Vec<&'a SourceRow>);

/// The two files to write, and what was read, merged and written.
pub struct Imported {
    pub overview: Overview,
    pub texts: Texts,
    pub report: Vec<String>,
}

pub fn import(sources: &Sources) -> Result<Imported, ImportError> {
    let mut report = Vec::new();
    let sessions = read_sessions(&sources.sessions.name, &sources.sessions.content)?;
    let terms = read_membership(&sources.membership.name, &sources.membership.content)?;
    report.push(format!("read {} sessions, {} membership terms", sessions.len(), terms.len()));
    for session in &sessions {
        let members = sessions::members_on_first_day(&terms, session);
        if members != sessions::COUNCIL_SEATS {
            return Err(ImportError::Mismatch {
                what: format!("{}: Council members on the first day of session {}", sources.membership.name, session.number),
                expected: sessions::COUNCIL_SEATS as u64,
                found: members as u64,
            });
        }
    }
    let known_sessions = 1..=sessions.len() as u8;

    let mut recommendations = Vec::new();
    for file in &sources.recommendations {
        let range = sessions_in_file_name(file.name.rsplit('/').next().unwrap_or(&file.name))
            .unwrap_or(known_sessions.clone());
        let rows = read_rows(&file.name, &file.content, RowKind::Recommendation, range)?;
        report.push(format!("read {:>6} recommendations from {}", rows.len(), file.name));
        recommendations.push((file.name.as_str(), rows));
    }
    let pledges = read_rows(&sources.pledges.name, &sources.pledges.content, RowKind::Pledge, known_sessions)?;
    report.push(format!("read {:>6} voluntary pledges from {}", pledges.len(), sources.pledges.name));

    let states = merge_states(&recommendations, (&sources.pledges.name, &pledges))?;
    for term in &terms {
        if !states.contains_key(&term.state) {
            return Err(ImportError::row(
                &sources.membership.name,
                term.line,
                format!("{:?} is not a State met in the recommendation files", term.state),
            ));
        }
    }

    // (session, State under review) -> (recommendations, pledges).
    let mut reviews: BTreeMap<(u8, String), ReviewRows> = BTreeMap::new();
    for row in recommendations.iter().flat_map(|(_, rows)| rows) {
        reviews.entry((row.session, row.to.name.clone())).or_default().0.push(row);
    }
    for row in &pledges {
        match reviews.get_mut(&(row.session, row.to.name.clone())) {
            Some(review) => review.1.push(row),
            None => {
                return Err(ImportError::row(
                    &sources.pledges.name,
                    row.line,
                    format!("a pledge by {} in session {}, which has no review of it", row.to.name, row.session),
                ))
            }
        }
    }

    let mut overview = Overview {
        schema_version: SCHEMA_VERSION,
        source: SOURCE_NOTE.to_owned(),
        totals: Totals::default(),
        themes: all_themes(),
        sdg_goals: Vec::new(),
        persons: Vec::new(),
        states: state_list(&states)?,
        sessions,
        reviews: Vec::with_capacity(reviews.len()),
    };
    let mut texts = Texts { schema_version: SCHEMA_VERSION, totals: Totals::default(), reviews: Vec::new() };
    for ((session, state), (rows, pledge_rows)) in &reviews {
        let session = &overview.sessions[*session as usize - 1];
        let (summary, full) = build_review(state, session, rows, pledge_rows, &terms);
        overview.reviews.push(summary);
        texts.reviews.push(full);
    }
    summaries::attach(&sources.summaries, &mut overview, &mut report)?;

    let totals = Totals {
        reviews: overview.reviews.len() as u32,
        recommendations: texts.reviews.iter().map(|r| r.recommendations.len() as u32).sum(),
        pledges: texts.reviews.iter().map(|r| r.pledges.len() as u32).sum(),
    };
    let read: usize = recommendations.iter().map(|(_, rows)| rows.len()).sum();
    check("recommendations written against rows read", read as u64, totals.recommendations as u64)?;
    check("pledges written against rows read", pledges.len() as u64, totals.pledges as u64)?;
    overview.totals = totals;
    texts.totals = totals;
    report.push(format!(
        "merged into {} reviews of {} States under review; {} States in all",
        totals.reviews,
        overview.reviews.iter().map(|r| &r.state).collect::<std::collections::BTreeSet<_>>().len(),
        overview.states.len()
    ));
    report.push(format!(
        "wrote {} reviews, {} recommendations, {} pledges, {} themes",
        totals.reviews,
        totals.recommendations,
        totals.pledges,
        overview.themes.len()
    ));
    Ok(Imported { overview, texts, report })
}

fn check(what: &str, expected: u64, found: u64) -> Result<(), ImportError> {
    if expected == found {
        Ok(())
    } else {
        Err(ImportError::Mismatch { what: what.to_owned(), expected, found })
    }
}

/// One description per State; the same State described two ways is an error
/// that names both places.
fn merge_states(
    recommendations: &[(&str, Vec<SourceRow>)],
    pledges: (&str, &[SourceRow]),
) -> Result<BTreeMap<String, (StateInRow, String, u64)>, ImportError> {
    let mut states: BTreeMap<String, (StateInRow, String, u64)> = BTreeMap::new();
    let files = recommendations.iter().map(|(name, rows)| (*name, rows.as_slice())).chain([pledges]);
    for (file, rows) in files {
        for row in rows {
            for state in std::iter::once(&row.to).chain(row.from.as_ref()) {
                match states.get(&state.name) {
                    None => {
                        states.insert(state.name.clone(), (state.clone(), file.to_owned(), row.line));
                    }
                    Some((known, _, _)) if known == state => {}
                    Some((known, known_file, known_line)) => {
                        return Err(ImportError::row(
                            file,
                            row.line,
                            format!(
                                "{} is described as {:?} {:?} here but as {:?} {:?} at {known_file}:{known_line}",
                                state.name, state.region, state.organisations, known.region, known.organisations
                            ),
                        ))
                    }
                }
            }
        }
    }
    Ok(states)
}

fn state_list(states: &BTreeMap<String, (StateInRow, String, u64)>) -> Result<Vec<State>, ImportError> {
    let mut list: Vec<State> = states
        .values()
        .map(|(s, _, _)| {
            let (name, former_names) = current_name(&s.name);
            State {
            id: slug(&s.name),
            name,
            former_names,
            aliases: aliases_of(&s.name),
            region: s.region,
            organisations: s.organisations.clone(),
        }})
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = list.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(ImportError::Mismatch {
            what: format!("{} and {} share the id {}", pair[0].name, pair[1].name, pair[0].id),
            expected: 1,
            found: 2,
        });
    }
    Ok(list)
}

fn build_review(
    state: &str,
    session: &Session,
    rows: &[&SourceRow],
    pledge_rows: &[&SourceRow],
    terms: &[Term],
) -> (ReviewSummary, ReviewTexts) {
    let id = review_id(state, session.number);
    let mut themes: BTreeMap<String, u32> = BTreeMap::new();
    let mut recommending: BTreeMap<&str, bool> = BTreeMap::new();
    for row in rows {
        for theme in &row.themes {
            *themes.entry(slug(theme)).or_default() += 1;
        }
        if let Some(from) = &row.from {
            recommending.insert(&from.name, is_member(terms, &from.name, session));
        }
    }
    let mut participants = Participants::default();
    for (name, member) in &recommending {
        let list = if *member { &mut participants.members } else { &mut participants.observers };
        list.push(slug(name));
    }
    let count = |wanted: Response| rows.iter().filter(|r| r.response == Some(wanted)).count() as u32;
    let summary = ReviewSummary {
        id: id.clone(),
        state: slug(state),
        session: session.number,
        recommendations: rows.len() as u32,
        accepted: count(Response::Accepted),
        noted: count(Response::Noted),
        unknown_recommender: rows.iter().filter(|r| r.from.is_none()).count() as u32,
        pledges: pledge_rows.len() as u32,
        themes,
        themes_classified: true,
        sdg_goals: BTreeMap::new(),
        persons: BTreeMap::new(),
        participation: Participation {
            states: recommending.len() as u32,
            members: participants.members.len() as u32,
            observers: participants.observers.len() as u32,
        },
        participants,
        media_summary: None,
    };
    let theme_ids = |row: &SourceRow| row.themes.iter().map(|t| slug(t)).collect();
    let full = ReviewTexts {
        id,
        recommendations: rows
            .iter()
            .map(|row| Recommendation {
                text: row.text.clone(),
                from: row.from.as_ref().map(|f| slug(&f.name)),
                response: row.response.expect("recommendation rows always carry a response"),
                action: Some(row.action),
                themes: theme_ids(row),
                sdg_goals: Vec::new(),
                sdg_targets: Vec::new(),
                persons: Vec::new(),
                document: None,
                paragraph: None,
            })
            .collect(),
        pledges: pledge_rows
            .iter()
            .map(|row| Pledge { text: row.text.clone(), action: row.action, themes: theme_ids(row) })
            .collect(),
    };
    (summary, full)
}
