//! Places each parsed media summary on its review: the State named in the
//! summary, reviewed in the session whose dates hold the summary's day.

use super::error::ImportError;
use super::SourceFile;
use crate::media_summary::{parse, DayMonth};
use upr_core::dataset::schema::{Adoption, MediaSummary, Overview, Session};

pub fn attach(
    files: &[SourceFile],
    overview: &mut Overview,
    report: &mut Vec<String>,
) -> Result<(), ImportError> {
    for file in files {
        let fail = |reason: String| ImportError::Summary {
            file: file.name.clone(),
            reason,
        };
        let parsed = parse(&file.content).map_err(|e| fail(e.to_string()))?;
        let state = overview
            .states
            .iter()
            .find(|s| {
                std::iter::once(&s.name)
                    .chain(s.former_names.iter().map(|f| &f.name))
                    .chain(&s.aliases)
                    .any(|name| name.to_lowercase() == parsed.country.to_lowercase())
            })
            .ok_or_else(|| fail(format!("no State is called {:?}", parsed.country)))?;
        let placed: Vec<(usize, String)> = overview
            .reviews
            .iter()
            .enumerate()
            .filter(|(_, r)| r.state == state.id)
            .filter_map(|(i, r)| {
                date_in_session(
                    parsed.review_day,
                    &overview.sessions[r.session as usize - 1],
                )
                .map(|d| (i, d))
            })
            .collect();
        let [(index, review_date)] = placed.as_slice() else {
            return Err(fail(format!(
                "{} review(s) of {} held on {:02}-{:02}; expected exactly one",
                placed.len(),
                state.name,
                parsed.review_day.day,
                parsed.review_day.month
            )));
        };
        let year = &review_date[..4];
        let review = &mut overview.reviews[*index];
        if review.media_summary.is_some() {
            return Err(fail(format!("{} already has a media summary", review.id)));
        }
        for (line, text) in &parsed.unrecognised {
            report.push(format!(
                "warning: {}:{line}: not understood, kept out: {text:?}",
                file.name
            ));
        }
        review.media_summary = Some(MediaSummary {
            source_file: file.name.clone(),
            review_date: review_date.clone(),
            review_time: parsed.review_time,
            delegation: parsed.delegation,
            national_report: parsed.national_report,
            states_taking_part: parsed.states_taking_part,
            positive_achievements: parsed.positive_achievements,
            issues_raised: parsed.issues_raised,
            recommendations: parsed.recommendations,
            response: parsed.response,
            adoption: parsed.adoption.map(|slot| Adoption {
                // An adoption falls days after the review, within its year
                // unless the session straddles New Year (none of 1-20 does).
                date: iso(year, slot.day),
                start: slot.start,
                end: slot.end,
            }),
        });
        report.push(format!(
            "read media summary {} for review {}",
            file.name, review.id
        ));
    }
    Ok(())
}

fn iso(year: &str, day: DayMonth) -> String {
    format!("{year}-{:02}-{:02}", day.month, day.day)
}

/// The ISO date of `day` if it falls within the session.
fn date_in_session(day: DayMonth, session: &Session) -> Option<String> {
    [&session.start[..4], &session.end[..4]]
        .into_iter()
        .map(|year| iso(year, day))
        .find(|date| *date >= session.start && *date <= session.end)
}
