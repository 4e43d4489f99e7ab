//! UPR Info's exports, and which one each session's recommendations come
//! from. One rule for every session: the first export (in the order given)
//! that holds a session is its reference for counts, responses, themes and
//! action categories; a later export's rows of that session are read and
//! checked, counted against the reference's, and not imported. So
//! `upr-info/` gives sessions 1-20 and UPR Info's export of 2018
//! (`upr-info-2018/`) sessions 21-27.

use super::error::ImportError;
use super::rows::{read_rows_in, sessions_in_file_name, Layout, RowKind, SourceRow};
use super::SourceFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::RangeInclusive;
use upr_core::dataset::themes::KnownTheme;
use upr_core::format::session_ranges;

/// One export: its files, all in one layout.
pub struct Export<'a> {
    pub layout: Layout,
    pub files: &'a [SourceFile],
}

/// The rows imported from the exports.
pub struct Chosen<'a> {
    /// Per file: its name, the index of its export, and the rows of the
    /// sessions that export is the reference for, exact copies dropped.
    pub files: Vec<(&'a str, usize, Vec<SourceRow>)>,
    /// Per export, its layout and the sessions it is the reference for.
    pub exports: Vec<(Layout, BTreeSet<u8>)>,
}

impl Chosen<'_> {
    pub fn rows(&self) -> impl Iterator<Item = &SourceRow> {
        self.files.iter().flat_map(|(_, _, rows)| rows)
    }

    /// The file a row was read from.
    pub fn file_of(&self, row: &SourceRow) -> &str {
        self.files
            .iter()
            .find(|(_, _, rows)| rows.iter().any(|r| std::ptr::eq(r, row)))
            .map_or("a UPR Info file", |(name, _, _)| name)
    }

    /// The export whose rows give `session`.
    pub fn export_of(&self, session: u8) -> Option<usize> {
        self.exports
            .iter()
            .position(|(_, sessions)| sessions.contains(&session))
    }

    /// The sessions whose export's list of themes has `theme`, where other
    /// sessions' lists lack it; empty where every list has it.
    pub fn theme_sessions(&self, theme: &KnownTheme) -> Vec<u8> {
        let listing: Vec<&BTreeSet<u8>> = self
            .exports
            .iter()
            .filter(|(layout, _)| theme.is_in(layout.theme_list()))
            .map(|(_, sessions)| sessions)
            .collect();
        if listing.len() == self.exports.len() {
            return Vec::new();
        }
        listing
            .into_iter()
            .flatten()
            .copied()
            .collect::<BTreeSet<u8>>()
            .into_iter()
            .collect()
    }
}

/// Reads every file of every export, and keeps each session's rows from
/// its reference. What is left out is reported: a later export's rows of
/// sessions an earlier one gives (with the sessions whose counts differ),
/// rows without a session, exact copies of a row.
pub fn read_exports<'a>(
    exports: &[Export<'a>],
    known_sessions: RangeInclusive<u8>,
    report: &mut Vec<String>,
) -> Result<Chosen<'a>, ImportError> {
    let mut chosen = Chosen {
        files: Vec::new(),
        exports: Vec::new(),
    };
    // Per session, the rows of its reference export: what a later export
    // is counted against.
    let mut reference_count: BTreeMap<u8, usize> = BTreeMap::new();
    for (index, export) in exports.iter().enumerate() {
        let mut taken = BTreeSet::new();
        let mut left_out: BTreeMap<u8, usize> = BTreeMap::new();
        let mut rows_taken: Vec<(&'a str, SourceRow)> = Vec::new();
        for file in export.files {
            let file_sessions =
                sessions_in_file_name(file.name.rsplit('/').next().unwrap_or(&file.name))
                    .unwrap_or(known_sessions.clone());
            let read = read_rows_in(
                export.layout,
                &file.name,
                &file.content,
                RowKind::Recommendation,
                file_sessions.clone(),
            )?;
            report.push(format!(
                "read {:>6} recommendations from {}",
                read.rows.len() + read.without_session.len(),
                file.name
            ));
            for row in &read.without_session {
                // Which review it belongs to is unknown: harmless only where
                // every session the file can hold comes from an earlier export.
                if !file_sessions
                    .clone()
                    .all(|s| reference_count.contains_key(&s))
                {
                    return Err(ImportError::row(
                        &file.name,
                        row.line,
                        format!(
                            "Session is empty, and this file's sessions {}-{} are imported from it: the row's review cannot be told",
                            file_sessions.start(),
                            file_sessions.end()
                        ),
                    ));
                }
                report.push(format!(
                    "left out a row without a session: {}:{} ({}, recommended by {}: {:?}); the file holds sessions {}-{}, which an earlier export gives",
                    file.name,
                    row.line,
                    row.to.name,
                    row.from.as_ref().map_or("an unknown State", |f| f.name.as_str()),
                    short(&row.text),
                    file_sessions.start(),
                    file_sessions.end()
                ));
            }
            for row in read.rows {
                if reference_count.contains_key(&row.session) {
                    *left_out.entry(row.session).or_default() += 1;
                } else {
                    taken.insert(row.session);
                    rows_taken.push((file.name.as_str(), row));
                }
            }
        }
        // Exact copies of a row among those taken from a later export
        // (UPR Info's export of 2018 has one in session 25, which the DIHR
        // Explorer holds once). The first export's rows stay as they were.
        let mut kept: Vec<(&'a str, SourceRow)> = Vec::with_capacity(rows_taken.len());
        let mut by_text: HashMap<(u8, String, String), Vec<usize>> = HashMap::new();
        for (name, row) in rows_taken {
            if index > 0 {
                let key = (row.session, row.to.name.clone(), row.text.clone());
                let earlier = by_text.entry(key).or_default();
                if let Some(first) = earlier
                    .iter()
                    .map(|i| &kept[*i])
                    .find(|k| k.1.same_as(&row))
                {
                    report.push(format!(
                        "dropped an exact duplicate: {name}:{} repeats {}:{} ({}, session {}, recommended by {}: {:?})",
                        row.line,
                        first.0,
                        first.1.line,
                        row.to.name,
                        row.session,
                        row.from.as_ref().map_or("an unknown State", |f| f.name.as_str()),
                        short(&row.text)
                    ));
                    continue;
                }
                earlier.push(kept.len());
            }
            kept.push((name, row));
        }
        let mut files: Vec<(&'a str, usize, Vec<SourceRow>)> = Vec::new();
        for (name, row) in kept {
            match files.last_mut() {
                Some((last, _, rows)) if *last == name => rows.push(row),
                _ => files.push((name, index, vec![row])),
            }
        }
        if !left_out.is_empty() {
            let differing: Vec<String> = left_out
                .iter()
                .filter(|(session, n)| reference_count.get(session) != Some(n))
                .map(|(session, n)| {
                    format!(
                        "session {session}: {n} here, {} there",
                        reference_count.get(session).copied().unwrap_or(0)
                    )
                })
                .collect();
            report.push(format!(
                "{}: left out its {} rows of sessions {}, which an earlier export gives; per session as many as there{}",
                folder(export.files),
                left_out.values().sum::<usize>(),
                session_ranges(&left_out.keys().copied().collect::<Vec<_>>()),
                if differing.is_empty() {
                    String::new()
                } else {
                    format!(", except {}", differing.join("; "))
                }
            ));
        }
        for (_, _, rows) in &files {
            for row in rows {
                *reference_count.entry(row.session).or_default() += 1;
            }
        }
        chosen.exports.push((export.layout, taken));
        chosen.files.extend(files);
    }
    Ok(chosen)
}

/// Where an export's files are (`data/upr-info-2018`), for a report line.
fn folder(files: &[SourceFile]) -> &str {
    files
        .first()
        .and_then(|f| f.name.rsplit_once('/'))
        .map_or("an export", |(dir, _)| dir)
}

/// The first words of a text, for a report line.
fn short(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{} ...", text[..end].trim_end()),
        None => text.to_owned(),
    }
}
