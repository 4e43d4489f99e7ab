//! The importer: reads the raw files under `shared/` and builds the
//! bundled dataset of `upr-core`'s schema. Every row read is accounted for
//! in what is written, or the import fails; nothing is dropped silently.
//! Native only: the viewer's wasm never contains it.

mod build;
mod csv_util;
mod error;
mod explorer;
mod link;
mod matching;
pub mod media_summary;
pub mod names;
mod packing;
mod placing;
mod rows;
pub mod sdg;
mod sessions;
mod summaries;
mod uhri;
mod upr_info;

pub use error::ImportError;
pub use explorer::{citation, read_explorer, ExplorerRow};
pub use matching::{match_key, similarity, FUZZY_THRESHOLD};
pub use packing::write_gzipped;
pub use rows::{
    clean_text, read_rows, read_rows_in, sessions_in_file_name, Layout, ReadRows, RowKind,
    SourceRow,
};
pub use sessions::{is_member, read_membership, read_sessions, Term};
pub use uhri::UhriFile;

use build::{build_review, Draft};
use rows::StateInRow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use upr_core::dataset::schema::*;
use upr_core::dataset::slug::slug;
use upr_core::dataset::states::{aliases_of, current_name, iso_code};
use upr_core::dataset::themes::{all_themes, THEMES};

pub const SOURCE_NOTE: &str = "UPR Info database export of UPR sessions 1-20 (2008-2014), as collected in the public research repository rochelleterman/uprs; UPR Info's database export of 25 July 2018 for sessions 21-27 (2015-2017), as found in the public repository maxarvid/data-studio; the Danish Institute for Human Rights' SDG-Human Rights Data Explorer export of cycles 1 and 2 (sessions 1-26, 2008-2016: SDG goals, targets, groups of persons, report and paragraph), as found in the public research repository gl0bsec/UPR-Analysis; Human Rights Council membership from General Assembly election results; OHCHR session dates and media summaries";

/// One input file, named as it should appear in messages.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub content: String,
}

/// A spreadsheet, named as it should appear in messages.
#[derive(Clone, Debug)]
pub struct BinaryFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct Sources {
    pub sessions: SourceFile,
    pub membership: SourceFile,
    /// UPR Info's export of sessions 1-20 (CSV, `upr-info/`'s layout).
    pub recommendations: Vec<SourceFile>,
    /// UPR Info's export of 2018 (CSV, its own layout), which gives the
    /// sessions the files above do not hold.
    pub upr_info_2018: Vec<SourceFile>,
    pub pledges: SourceFile,
    /// DIHR Explorer exports (.xlsx).
    pub explorer: Vec<BinaryFile>,
    pub summaries: Vec<SourceFile>,
    /// OHCHR Universal Human Rights Index exports (.xlsx or .json), read
    /// as streams from their paths; none under `shared/`.
    pub uhri: Vec<UhriFile>,
}

impl Sources {
    /// Reads `shared/data/...` (UPR Info CSVs in `data/upr-info/` and
    /// `data/upr-info-2018/`, Explorer exports in `data/dihr/*.xlsx`) and
    /// every `shared/seed/*.txt`, in name order.
    pub fn read(shared: &Path) -> Result<Sources, ImportError> {
        let upr_info = shared.join("data/upr-info");
        let mut recommendation_names = list(&upr_info, |n| {
            n.starts_with("recommendations-") && n.ends_with(".csv")
        })?;
        recommendation_names.sort();
        let mut export_2018_names =
            list(&shared.join("data/upr-info-2018"), |n| n.ends_with(".csv"))?;
        export_2018_names.sort();
        let mut explorer_names = list(&shared.join("data/dihr"), |n| n.ends_with(".xlsx"))?;
        explorer_names.sort();
        let mut summary_names = list(&shared.join("seed"), |n| n.ends_with(".txt"))?;
        summary_names.sort();
        Ok(Sources {
            explorer: explorer_names
                .iter()
                .map(|n| read_binary(&shared.join("data/dihr").join(n), &format!("data/dihr/{n}")))
                .collect::<Result<_, _>>()?,
            sessions: read_file(shared, "data/sessions.csv")?,
            membership: read_file(shared, "data/hrc-membership.csv")?,
            recommendations: recommendation_names
                .iter()
                .map(|n| read_file(shared, &format!("data/upr-info/{n}")))
                .collect::<Result<_, _>>()?,
            upr_info_2018: export_2018_names
                .iter()
                .map(|n| read_file(shared, &format!("data/upr-info-2018/{n}")))
                .collect::<Result<_, _>>()?,
            pledges: read_file(shared, "data/upr-info/voluntary-pledges.csv")?,
            summaries: summary_names
                .iter()
                .map(|n| read_file(shared, &format!("seed/{n}")))
                .collect::<Result<_, _>>()?,
            uhri: Vec::new(),
        })
    }
}

fn list(dir: &Path, wanted: impl Fn(&str) -> bool) -> Result<Vec<String>, ImportError> {
    let io = |e: std::io::Error| ImportError::Io {
        file: dir.display().to_string(),
        message: e.to_string(),
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let name = entry
            .map_err(io)?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if wanted(&name) {
            names.push(name);
        }
    }
    Ok(names)
}

fn read_file(shared: &Path, name: &str) -> Result<SourceFile, ImportError> {
    let content = std::fs::read_to_string(shared.join(name)).map_err(|e| ImportError::Io {
        file: name.to_owned(),
        message: e.to_string(),
    })?;
    Ok(SourceFile {
        name: name.to_owned(),
        content,
    })
}

/// A file given on the command line, named as given.
pub fn read_text_file(path: &Path) -> Result<SourceFile, ImportError> {
    let name = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|e| ImportError::Io {
        file: name.clone(),
        message: e.to_string(),
    })?;
    Ok(SourceFile { name, content })
}

pub fn read_binary(path: &Path, name: &str) -> Result<BinaryFile, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::Io {
        file: name.to_owned(),
        message: e.to_string(),
    })?;
    Ok(BinaryFile {
        name: name.to_owned(),
        bytes,
    })
}

type ReviewRows<'a> = (Vec<&'a SourceRow>, Vec<&'a SourceRow>);

/// The two files to write, and what was read, merged and written.
pub struct Imported {
    pub overview: Overview,
    pub texts: Texts,
    pub report: Vec<String>,
    /// The Explorer's rows of reviews UPR Info also holds that matched no
    /// UPR Info recommendation, as CSV with a header: for checking the
    /// match, never shipped.
    pub unmatched: String,
}

pub fn import(sources: &Sources) -> Result<Imported, ImportError> {
    let mut report = Vec::new();
    let sessions = read_sessions(&sources.sessions.name, &sources.sessions.content)?;
    let terms = read_membership(&sources.membership.name, &sources.membership.content)?;
    report.push(format!(
        "read {} sessions, {} membership terms",
        sessions.len(),
        terms.len()
    ));
    for session in &sessions {
        let members = sessions::members_on_first_day(&terms, session);
        if members != sessions::COUNCIL_SEATS {
            return Err(ImportError::Mismatch {
                what: format!(
                    "{}: Council members on the first day of session {}",
                    sources.membership.name, session.number
                ),
                expected: sessions::COUNCIL_SEATS as u64,
                found: members as u64,
            });
        }
    }
    let first = sessions.first().map_or(1, |s| s.number);
    let known_sessions = first..=sessions.last().map_or(first, |s| s.number);

    let chosen = upr_info::read_exports(
        &[
            upr_info::Export {
                layout: Layout::Uprs,
                files: &sources.recommendations,
            },
            upr_info::Export {
                layout: Layout::Export2018,
                files: &sources.upr_info_2018,
            },
        ],
        known_sessions.clone(),
        &mut report,
    )?;
    let pledges = read_rows(
        &sources.pledges.name,
        &sources.pledges.content,
        RowKind::Pledge,
        known_sessions,
    )?;
    report.push(format!(
        "read {:>6} voluntary pledges from {}",
        pledges.len(),
        sources.pledges.name
    ));

    let mut explorer_rows = Vec::new();
    for file in &sources.explorer {
        let rows = read_explorer(&file.name, &file.bytes)?;
        report.push(format!(
            "read {:>6} recommendations from {}",
            rows.len(),
            file.name
        ));
        explorer_rows.extend(rows);
    }
    let (explorer_rows, duplicates) = placing::drop_duplicates(explorer_rows);
    report.extend(duplicates);

    let states = merge_states(&chosen, (&sources.pledges.name, &pledges))?;
    for term in &terms {
        if !states.contains_key(&term.state) {
            return Err(ImportError::row(
                &sources.membership.name,
                term.line,
                format!(
                    "{:?} is not a State met in the recommendation files",
                    term.state
                ),
            ));
        }
    }
    for row in &explorer_rows {
        for (column, name) in [
            ("Recommendation", &row.state_under_review),
            ("Recommending state", &row.from),
        ] {
            if !states.contains_key(name) {
                return Err(ImportError::Cell {
                    file: row.file.clone(),
                    sheet: explorer::SHEET.to_owned(),
                    row: row.row,
                    column: column.to_owned(),
                    reason: format!(
                        "{name:?} is none of the States of UPR Info's files (which give its regional group): \
                         if it is another spelling of one, add it to src/dataset/states.rs"
                    ),
                });
            }
        }
    }
    let sdg_goals = goal_list(&explorer_rows, &mut report);

    // (session, State under review) -> (recommendations, pledges).
    let mut reviews: BTreeMap<(u8, String), ReviewRows> = BTreeMap::new();
    for row in chosen.rows() {
        reviews
            .entry((row.session, row.to.name.clone()))
            .or_default()
            .0
            .push(row);
    }
    for row in &pledges {
        match reviews.get_mut(&(row.session, row.to.name.clone())) {
            Some(review) => review.1.push(row),
            None => {
                return Err(ImportError::row(
                    &sources.pledges.name,
                    row.line,
                    format!(
                        "a pledge by {} in session {}, which has no review of it",
                        row.to.name, row.session
                    ),
                ))
            }
        }
    }
    let upr_info_reviews: BTreeSet<(String, u8)> = reviews
        .keys()
        .map(|(session, state)| (state.clone(), *session))
        .collect();
    let explorer_row_count = explorer_rows.len();
    let explorer_reviews = placing::place(explorer_rows, &sessions, &upr_info_reviews)?;
    // The OHCHR Index brings the sessions no export above holds (uhri/).
    let held = uhri::held_sessions(
        reviews.keys().map(|(session, _)| *session),
        explorer_reviews.keys().map(|(_, session)| *session),
    );
    let known = |name: &str| states.contains_key(name);
    let mut index_reviews = uhri::read_all(&sources.uhri, &sessions, &held, &known, &mut report)?;
    let index_rows: usize = index_reviews.values().map(Vec::len).sum();

    let mut themes = all_themes();
    for (theme, known) in themes.iter_mut().zip(&THEMES) {
        theme.sessions = chosen.theme_sessions(known);
    }
    let mut overview = Overview {
        schema_version: SCHEMA_VERSION,
        source: SOURCE_NOTE.to_owned(),
        totals: Totals::default(),
        themes,
        sdg_goals,
        persons: sdg::PERSON_GROUPS
            .iter()
            .map(|label| PersonGroup {
                id: slug(label),
                label: (*label).to_owned(),
            })
            .collect(),
        states: state_list(&states)?,
        sessions,
        reviews: Vec::with_capacity(reviews.len()),
    };
    let mut texts = Texts {
        schema_version: SCHEMA_VERSION,
        totals: Totals::default(),
        reviews: Vec::new(),
        state_names: Default::default(),
    };
    let mut linker = link::Linker::new()?;
    let (mut explorer_only, mut explorer_only_rows) = (BTreeSet::new(), 0);
    let keys: BTreeSet<(u8, String)> = reviews
        .keys()
        .cloned()
        .chain(
            explorer_reviews
                .keys()
                .map(|(state, session)| (*session, state.clone())),
        )
        .chain(index_reviews.keys().cloned())
        .collect();
    for (number, state) in keys {
        let session = overview
            .sessions
            .iter()
            .find(|s| s.number == number)
            .expect("reviews are of known sessions");
        if let Some(drafts) = index_reviews.remove(&(number, state.clone())) {
            // No UPR Info themes; the Index links its own SDG goals.
            let (summary, full) = build_review(&state, session, drafts, &[], &terms, false, true);
            overview.reviews.push(summary);
            texts.reviews.push(full);
            continue;
        }
        let from_explorer = explorer_reviews.get(&(state.clone(), number));
        let (drafts, pledge_rows, themes_classified) = match reviews.get(&(number, state.clone())) {
            Some((rows, pledge_rows)) => {
                let themes_classified = themes_classified(&chosen, rows)?;
                let mut drafts: Vec<Draft> = rows.iter().map(|r| Draft::from_upr_info(r)).collect();
                if let Some(explorer) = from_explorer {
                    let export = chosen.export_of(number).unwrap_or(0);
                    linker.link(&state, number, export, &mut drafts, explorer)?;
                }
                (drafts, pledge_rows.as_slice(), themes_classified)
            }
            None => {
                let rows = from_explorer.expect("a review comes from one source or the other");
                explorer_only.insert(number);
                explorer_only_rows += rows.len();
                (
                    rows.iter().map(Draft::from_explorer).collect(),
                    &[][..],
                    false,
                )
            }
        };
        let (summary, full) = build_review(
            &state,
            session,
            drafts,
            pledge_rows,
            &terms,
            themes_classified,
            from_explorer.is_some(),
        );
        overview.reviews.push(summary);
        texts.reviews.push(full);
    }
    let counted = linker.rows();
    let (match_report, unmatched) = linker.finish()?;
    report.extend(match_report);
    if !explorer_only.is_empty() {
        let reviews_only = overview
            .reviews
            .iter()
            .filter(|r| !r.themes_classified)
            .count();
        report.push(format!(
            "from the Explorer alone: {reviews_only} reviews, {explorer_only_rows} recommendations, in sessions {}",
            explorer_only.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    summaries::attach(&sources.summaries, &mut overview, &mut report)?;
    check_reviews_per_cycle(&overview, &mut report)?;

    let totals = Totals {
        reviews: overview.reviews.len() as u32,
        recommendations: texts
            .reviews
            .iter()
            .map(|r| r.recommendations.len() as u32)
            .sum(),
        pledges: texts.reviews.iter().map(|r| r.pledges.len() as u32).sum(),
    };
    let read: usize = chosen.rows().count() + explorer_only_rows + index_rows;
    check(
        "recommendations written against UPR Info rows and Explorer rows of their own reviews",
        read as u64,
        totals.recommendations as u64,
    )?;
    check(
        "Explorer rows read against rows placed",
        explorer_row_count as u64,
        (counted + explorer_only_rows) as u64,
    )?;
    check(
        "pledges written against rows read",
        pledges.len() as u64,
        totals.pledges as u64,
    )?;
    overview.totals = totals;
    texts.totals = totals;
    if index_rows > 0 {
        overview.source.push_str(uhri::SOURCE_NOTE);
    }
    report.push(format!(
        "merged into {} reviews of {} States under review; {} States in all",
        totals.reviews,
        overview
            .reviews
            .iter()
            .map(|r| &r.state)
            .collect::<BTreeSet<_>>()
            .len(),
        overview.states.len()
    ));
    report.push(format!(
        "wrote {} reviews, {} recommendations ({} linked to an SDG), {} pledges, {} themes, {} SDG goals, {} groups of persons",
        totals.reviews,
        totals.recommendations,
        texts.reviews.iter().flat_map(|r| &r.recommendations).filter(|r| !r.sdg_goals.is_empty()).count(),
        totals.pledges,
        overview.themes.len(),
        overview.sdg_goals.len(),
        overview.persons.len()
    ));
    Ok(Imported {
        overview,
        texts,
        report,
        unmatched,
    })
}

/// Whether UPR Info classified a review's recommendations by theme: all of
/// them or none (session 27 of its export of 2018); a review with some
/// rows classified and others not is a row the importer does not
/// understand.
fn themes_classified(chosen: &upr_info::Chosen, rows: &[&SourceRow]) -> Result<bool, ImportError> {
    let with = rows.iter().find(|r| !r.themes.is_empty());
    let without = rows.iter().find(|r| r.themes.is_empty());
    match (with, without) {
        (Some(with), Some(without)) => Err(ImportError::row(
            chosen.file_of(without),
            without.line,
            format!(
                "Issue is empty, but line {} of {} has themes for the same review ({} in session {}): a review is classified by theme in full or not at all",
                with.line,
                chosen.file_of(with),
                without.to.name,
                without.session
            ),
        )),
        _ => Ok(with.is_some()),
    }
}

/// The goals as the Explorer names them, in number order; a goal spelt two
/// ways keeps its first spelling, with a warning.
fn goal_list(rows: &[ExplorerRow], report: &mut Vec<String>) -> Vec<SdgGoal> {
    let mut names: BTreeMap<u8, &str> = BTreeMap::new();
    for row in rows {
        for (number, name) in &row.goals {
            let known = names.entry(*number).or_insert(name);
            if known != name {
                report.push(format!(
                    "warning: {}, row {}: goal {number} is called {name:?}, elsewhere {known:?}; kept the latter",
                    row.file, row.row
                ));
            }
        }
    }
    names
        .into_iter()
        .map(|(number, name)| SdgGoal {
            number,
            name: name.to_owned(),
        })
        .collect()
}

/// Each State is reviewed once a cycle: no State may have two reviews in one
/// cycle, and in a cycle whose every session has reviews, every State under
/// review has one.
fn check_reviews_per_cycle(
    overview: &Overview,
    report: &mut Vec<String>,
) -> Result<(), ImportError> {
    let cycle_of: BTreeMap<u8, u8> = overview
        .sessions
        .iter()
        .map(|s| (s.number, s.cycle))
        .collect();
    let mut per_state: BTreeMap<&str, BTreeMap<u8, Vec<u8>>> = BTreeMap::new();
    for review in &overview.reviews {
        per_state
            .entry(&review.state)
            .or_default()
            .entry(cycle_of[&review.session])
            .or_default()
            .push(review.session);
    }
    let reviewed_sessions: BTreeSet<u8> = overview.reviews.iter().map(|r| r.session).collect();
    let complete: Vec<u8> = cycle_of
        .values()
        .copied()
        .collect::<BTreeSet<u8>>()
        .into_iter()
        .filter(|cycle| {
            // Only a cycle that a later one follows in sessions.csv is
            // whole: the file lists the last cycle's sessions only so far
            // (cycle 4: 41-50 of 41-54), and a review may be moved to a
            // later session of it (the United States', from 50 to 53).
            cycle_of.values().any(|c| c > cycle)
                && cycle_of
                    .iter()
                    .filter(|(_, c)| *c == cycle)
                    .all(|(s, _)| reviewed_sessions.contains(s))
        })
        .collect();
    for (state, cycles) in &per_state {
        if let Some((cycle, sessions)) = cycles.iter().find(|(_, s)| s.len() > 1) {
            return Err(ImportError::Mismatch {
                what: format!("reviews of {state} in cycle {cycle} (sessions {sessions:?})"),
                expected: 1,
                found: sessions.len() as u64,
            });
        }
        if let Some(cycle) = complete.iter().find(|c| !cycles.contains_key(c)) {
            return Err(ImportError::Mismatch {
                what: format!(
                    "reviews of {state} in cycle {cycle}, which the sources cover in full"
                ),
                expected: 1,
                found: 0,
            });
        }
    }
    report.push(format!(
        "each of the {} States under review has one review in each of the complete cycles {:?}",
        per_state.len(),
        complete
    ));
    Ok(())
}

fn check(what: &str, expected: u64, found: u64) -> Result<(), ImportError> {
    if expected == found {
        Ok(())
    } else {
        Err(ImportError::Mismatch {
            what: what.to_owned(),
            expected,
            found,
        })
    }
}

/// One description per State; the same State described two ways is an error
/// that names both places.
fn merge_states(
    recommendations: &upr_info::Chosen,
    pledges: (&str, &[SourceRow]),
) -> Result<BTreeMap<String, (StateInRow, String, u64)>, ImportError> {
    let mut states: BTreeMap<String, (StateInRow, String, u64)> = BTreeMap::new();
    let files = recommendations
        .files
        .iter()
        .map(|(name, _, rows)| (*name, rows.as_slice()))
        .chain([pledges]);
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

fn state_list(
    states: &BTreeMap<String, (StateInRow, String, u64)>,
) -> Result<Vec<State>, ImportError> {
    let mut list: Vec<State> = states
        .values()
        .map(|(s, file, line)| {
            let (name, former_names) = current_name(&s.name);
            let id = slug(&s.name);
            // Every State needs one, or it would have no name in the other languages.
            let iso = iso_code(&id).ok_or_else(|| {
                ImportError::row(
                    file,
                    *line,
                    format!("{} has no ISO 3166 code in src/dataset/states.rs", s.name),
                )
            })?;
            Ok(State {
                id,
                name,
                iso: iso.to_owned(),
                former_names,
                aliases: aliases_of(&s.name),
                region: s.region,
                organisations: s.organisations.clone(),
            })
        })
        .collect::<Result<_, ImportError>>()?;
    list.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = list.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(ImportError::Mismatch {
            what: format!(
                "{} and {} share the id {}",
                pair[0].name, pair[1].name, pair[0].id
            ),
            expected: 1,
            found: 2,
        });
    }
    Ok(list)
}
