//! The packed columns checked against each other and against the overview
//! once they are in: no index, offset or flag of a damaged file reaches
//! the viewer.

use super::{damaged, KNOWN_FLAGS};
use crate::dataset::load::{Dataset, LoadError};
use crate::dataset::texts::{
    Recommendations, SearchText, StringColumn, NONE_U16, NONE_U32, SEPARATOR,
};

/// Checks every column but the texts' against the others and against the
/// dataset, and gives each review's rows.
pub(super) fn check_rows(
    dataset: &Dataset,
    rows: &Recommendations,
) -> Result<Vec<std::ops::Range<usize>>, LoadError> {
    let count = rows.review.len();
    let mut ranges = Vec::with_capacity(dataset.reviews.len());
    let mut row = 0;
    for index in 0..dataset.reviews.len() {
        let start = row;
        while rows
            .review
            .get(row)
            .is_some_and(|review| *review as usize == index)
        {
            row += 1;
        }
        ranges.push(start..row);
    }
    if row != count {
        return Err(damaged(
            "its rows are not in the order of the overview's reviews",
        ));
    }
    let states = dataset.states.len();
    if rows
        .from
        .iter()
        .any(|from| *from != NONE_U16 && *from as usize >= states)
    {
        return Err(damaged("a row names a State the overview does not have"));
    }
    if rows
        .flags
        .iter()
        .any(|flags| flags & !KNOWN_FLAGS != 0 || flags & 7 > 5)
    {
        return Err(damaged("a row has an unknown action category or flag"));
    }
    let beyond = |count: usize| if count >= 64 { 0 } else { u64::MAX << count };
    let themes = beyond(dataset.themes.len());
    let persons = beyond(dataset.persons.len());
    let goals = dataset.sdg_goals.iter().fold(0u32, |mask, g| {
        mask | u32::from(g.number)
            .checked_sub(1)
            .and_then(|bit| 1u32.checked_shl(bit))
            .unwrap_or(0)
    });
    if rows.themes.iter().any(|t| t & themes != 0)
        || rows.persons.iter().any(|p| u64::from(*p) & persons != 0)
        || rows.sdg_goals.iter().any(|g| g & !goals != 0)
    {
        return Err(damaged(
            "a row has a theme, SDG goal or group of persons the overview does not have",
        ));
    }
    if rows
        .document
        .iter()
        .any(|d| *d != NONE_U32 && *d as usize >= rows.documents.len())
    {
        return Err(damaged("a row names a document the file does not list"));
    }
    check_ends(&rows.paragraphs, count, "paragraph numbers")?;
    check_ends(&rows.targets, count, "SDG targets")?;
    check_ends(&rows.index_themes, count, "OHCHR Index themes")?;
    check_ends(&rows.index_persons, count, "OHCHR Index groups of persons")?;
    Ok(ranges)
}

/// Each entry of a string column ends after the one before, within the
/// text and between characters.
fn check_ends(column: &StringColumn, count: usize, what: &str) -> Result<(), LoadError> {
    let mut last = 0;
    for end in &column.ends {
        let end = *end as usize;
        if end < last || !column.text.is_char_boundary(end) {
            return Err(damaged(&format!("its {what} are cut out of order")));
        }
        last = end;
    }
    if column.ends.len() != count || last != column.text.len() {
        return Err(damaged(&format!("its {what} do not add up")));
    }
    Ok(())
}

/// Each text starts after the separator that ends the one before, and the
/// buffer holds no other separator: the searches' slices never fall
/// outside a text, nor across two. Each text's edits come in order.
/// `separators`: how many the texts hold, counted as they arrived.
pub(super) fn check_search_text(
    search: &SearchText,
    count: usize,
    separators: usize,
) -> Result<(), LoadError> {
    let haystack = search.haystack.as_bytes();
    let separator = SEPARATOR as u8;
    let starts_ok = search.starts.iter().enumerate().all(|(row, start)| {
        let start = *start as usize;
        match row {
            0 => start == 0,
            _ => haystack.get(start.wrapping_sub(1)) == Some(&separator),
        }
    });
    let increasing = search.starts.windows(2).all(|pair| pair[0] < pair[1]);
    if separators != count
        || !starts_ok
        || !increasing
        || haystack.last().is_some_and(|b| *b != separator)
    {
        return Err(damaged("its texts are cut out of order"));
    }
    let edits_ok = search.edit_starts.first().is_none_or(|first| *first == 0)
        && search.edit_starts.windows(2).all(|pair| pair[0] <= pair[1])
        && search
            .edit_starts
            .last()
            .is_none_or(|last| *last as usize <= search.edits.len());
    if !edits_ok {
        return Err(damaged("its texts' edits are cut out of order"));
    }
    Ok(())
}
