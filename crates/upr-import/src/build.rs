//! Turns the rows of one review, whichever source they came from, into the
//! review's summary (overview) and texts (recommendations file).

use super::explorer::ExplorerRow;
use super::rows::SourceRow;
use super::sdg::{goal_of_target, PERSON_GROUPS};
use super::sessions::{is_member, Term};
use std::collections::{BTreeMap, BTreeSet};
use upr_core::dataset::schema::*;
use upr_core::dataset::slug::{review_id, slug};
use upr_core::dataset::themes::{KnownTheme, THEMES};

/// One recommendation on its way to the file.
#[derive(Clone, Debug)]
pub struct Draft {
    pub text: String,
    /// Canonical name of the recommending State; `None` where unknown.
    pub from: Option<String>,
    pub response: Response,
    pub action: Option<u8>,
    pub themes: Vec<&'static KnownTheme>,
    pub goals: BTreeSet<u8>,
    pub targets: Vec<String>,
    /// Indices into `PERSON_GROUPS`.
    pub persons: BTreeSet<usize>,
    pub document: Option<String>,
    pub paragraph: Option<String>,
    /// The OHCHR Index's own themes and groups of persons, as labelled
    /// there (`uhri.rs`); empty for the other sources.
    pub index_themes: Vec<String>,
    pub index_persons: Vec<String>,
}

impl Draft {
    pub fn from_upr_info(row: &SourceRow) -> Draft {
        Draft {
            text: row.text.clone(),
            from: row.from.as_ref().map(|f| f.name.clone()),
            response: row
                .response
                .expect("recommendation rows always carry a response"),
            action: Some(row.action),
            themes: row.themes.clone(),
            goals: BTreeSet::new(),
            targets: Vec::new(),
            persons: BTreeSet::new(),
            document: None,
            paragraph: None,
            index_themes: Vec::new(),
            index_persons: Vec::new(),
        }
    }

    pub fn from_explorer(row: &ExplorerRow) -> Draft {
        let mut draft = Draft {
            text: row.text.clone(),
            from: Some(row.from.clone()),
            response: row.response,
            action: None,
            themes: Vec::new(),
            goals: BTreeSet::new(),
            targets: Vec::new(),
            persons: BTreeSet::new(),
            document: None,
            paragraph: None,
            index_themes: Vec::new(),
            index_persons: Vec::new(),
        };
        draft.add_links(row);
        draft
    }

    /// Adds an Explorer row's SDG links and citation; where several rows
    /// are one UPR Info recommendation, the first row's citation stays.
    pub fn add_links(&mut self, row: &ExplorerRow) {
        self.goals
            .extend(row.goals.iter().map(|(number, _)| *number));
        // A target names its goal; the Explorer always lists that goal too,
        // but the link must not depend on it.
        self.goals
            .extend(row.targets.iter().filter_map(|t| goal_of_target(t)));
        for target in &row.targets {
            if !self.targets.contains(target) {
                self.targets.push(target.clone());
            }
        }
        self.persons.extend(row.persons.iter().copied());
        if self.document.is_none() {
            self.document = Some(row.document.clone());
            self.paragraph = row.paragraph.clone();
        }
    }
}

pub fn person_id(index: usize) -> String {
    slug(PERSON_GROUPS[index])
}

/// Where `theme` is in [`THEMES`], the order of the overview's themes and
/// of each review's counts of them.
fn theme_position(theme: &KnownTheme) -> usize {
    THEMES
        .iter()
        .position(|known| known == theme)
        .expect("a draft's themes come from THEMES")
}

/// A review's counts per option, written only where some option has one.
fn none_if_zero(counts: Vec<u32>) -> Vec<u32> {
    if counts.iter().all(|n| *n == 0) {
        Vec::new()
    } else {
        counts
    }
}

pub fn build_review(
    state: &str,
    session: &Session,
    drafts: Vec<Draft>,
    pledge_rows: &[&SourceRow],
    terms: &[Term],
    themes_classified: bool,
    sdg_classified: bool,
) -> (ReviewSummary, ReviewTexts) {
    let id = review_id(state, session.number);
    let mut themes = vec![0; THEMES.len()];
    let mut goals = vec![0; SDG_GOALS];
    let mut persons = vec![0; PERSON_GROUPS.len()];
    let mut actions = vec![0; ACTION_CATEGORIES];
    let mut recommending: BTreeMap<&str, bool> = BTreeMap::new();
    for draft in &drafts {
        for theme in &draft.themes {
            themes[theme_position(theme)] += 1;
        }
        for goal in &draft.goals {
            goals[usize::from(*goal) - 1] += 1;
        }
        for person in &draft.persons {
            persons[*person] += 1;
        }
        if let Some(action) = draft.action {
            actions[usize::from(action) - 1] += 1;
        }
        if let Some(from) = &draft.from {
            recommending.insert(from, is_member(terms, from, session));
        }
    }
    let mut participants = Participants::default();
    for (name, member) in &recommending {
        let list = if *member {
            &mut participants.members
        } else {
            &mut participants.observers
        };
        list.push(slug(name));
    }
    let count = |wanted: Response| drafts.iter().filter(|r| r.response == wanted).count() as u32;
    let summary = ReviewSummary {
        id: id.clone(),
        state: slug(state),
        session: session.number,
        recommendations: drafts.len() as u32,
        accepted: count(Response::Accepted),
        noted: count(Response::Noted),
        unknown_recommender: drafts.iter().filter(|r| r.from.is_none()).count() as u32,
        pledges: pledge_rows.len() as u32,
        themes: none_if_zero(themes),
        themes_classified,
        sdg_classified,
        sdg_goals: none_if_zero(goals),
        persons: none_if_zero(persons),
        actions: none_if_zero(actions),
        participation: Participation {
            states: recommending.len() as u32,
            members: participants.members.len() as u32,
            observers: participants.observers.len() as u32,
        },
        media_summary: None,
    };
    let full = ReviewTexts {
        id,
        participants,
        recommendations: drafts
            .into_iter()
            .map(|d| Recommendation {
                text: d.text,
                from: d.from.as_deref().map(slug),
                response: d.response,
                action: d.action,
                themes: d.themes.iter().map(|t| t.id()).collect(),
                sdg_goals: d.goals.into_iter().collect(),
                sdg_targets: d.targets,
                persons: d.persons.into_iter().map(person_id).collect(),
                document: d.document,
                paragraph: d.paragraph,
                index_themes: d.index_themes,
                index_persons: d.index_persons,
            })
            .collect(),
        pledges: pledge_rows
            .iter()
            .map(|row| Pledge {
                text: row.text.clone(),
                action: row.action,
                themes: row.themes.iter().map(|t| t.id()).collect(),
            })
            .collect(),
    };
    (summary, full)
}
