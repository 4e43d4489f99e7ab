//! The Explorer's SDG columns: goals, targets and groups of persons, each
//! with the trap the source README describes.

/// The Explorer's fixed list of groups of persons, in its order.
pub const PERSON_GROUPS: [&str; 12] = [
    "Women and girls",
    "Children",
    "Youth",
    "Older persons",
    "Persons with disabilities",
    "Members of minorities",
    "Indigenous peoples",
    "Migrants",
    "Refugees and asylum-seekers",
    "Internally displaced persons",
    "Human rights defenders",
    "LGBTI",
];

/// What the Goals column holds where a recommendation has no link.
pub const NO_GOAL: &str = "No SDG link identified";

/// The highest numbered target of each goal (1 to 17): `16.10` exists,
/// `7.10` does not. Only a goal with a tenth target makes a lone `x.1`
/// ambiguous.
const LAST_NUMBERED_TARGET: [u8; 17] = [5, 5, 9, 7, 6, 6, 3, 10, 5, 7, 7, 8, 3, 7, 9, 10, 19];

/// `16. Peace, justice and strong institutions,17. Partnerships for the goals`
/// -> `[(16, "Peace, justice ..."), (17, "Partnerships ...")]`. Names contain
/// commas, so the cell is split only before a `N. ` that starts a goal.
pub fn split_goals(cell: &str) -> Result<Vec<(u8, String)>, String> {
    let cell = cell.trim();
    if cell.is_empty() || cell == NO_GOAL {
        return Ok(Vec::new());
    }
    let starts: Vec<usize> = (0..cell.len())
        .filter(|&i| {
            (i == 0 || cell.as_bytes()[i - 1] == b',') && goal_number_at(&cell[i..]).is_some()
        })
        .collect();
    if starts.first() != Some(&0) {
        return Err(format!(
            "{cell:?} does not start with a goal number (`16. Peace, ...`)"
        ));
    }
    let mut goals: Vec<(u8, String)> = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cell.len(), |next| next - 1);
        let part = &cell[start..end];
        let (number, name_at) = goal_number_at(part).expect("a start holds a goal number");
        let name = part[name_at..].trim();
        if !(1..=17).contains(&number) || name.is_empty() {
            return Err(format!("{part:?} is not one of the 17 goals"));
        }
        if !goals.iter().any(|(n, _)| *n == number) {
            goals.push((number, name.to_owned()));
        }
    }
    Ok(goals)
}

/// `16. Peace...` -> `(16, 4)`: the number and where its name starts.
fn goal_number_at(text: &str) -> Option<(u8, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !text[digits..].starts_with(". ") {
        return None;
    }
    Some((text[..digits].parse().ok()?, digits + 2))
}

/// `Women and girlsChildren` -> `[0, 1]` (indices into `PERSON_GROUPS`):
/// the Explorer runs the names together with no separator.
pub fn split_keywords(cell: &str) -> Result<Vec<usize>, String> {
    let mut rest = cell.trim();
    let mut groups = Vec::new();
    while !rest.is_empty() {
        // The longest label first, should one ever be a prefix of another.
        let found = PERSON_GROUPS
            .iter()
            .enumerate()
            .filter(|(_, label)| rest.starts_with(*label))
            .max_by_key(|(_, label)| label.len());
        let Some((index, label)) = found else {
            return Err(format!(
                "{rest:?} does not start with one of the 12 groups of persons ({})",
                PERSON_GROUPS.join(", ")
            ));
        };
        if !groups.contains(&index) {
            groups.push(index);
        }
        rest = rest[label.len()..].trim_start_matches([',', ';', ' ']);
    }
    Ok(groups)
}

/// A Targets cell written as text: `1.2, 16.2, 8.7` or `16.a`, exact.
pub fn text_targets(cell: &str) -> Result<Vec<String>, String> {
    let mut targets = Vec::new();
    // One cell writes `14.B`; the targets' letters are lower-case.
    for target in cell
        .split([',', ';'])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
    {
        let target = target.as_str();
        let Some((goal, rest)) = target.split_once('.') else {
            return Err(format!(
                "target {target:?} is not of the form `16.3` or `16.a`"
            ));
        };
        let goal_ok = goal.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g));
        let rest_ok = !rest.is_empty()
            && (rest.bytes().all(|b| b.is_ascii_digit())
                || (rest.len() == 1 && rest.as_bytes()[0].is_ascii_lowercase()));
        if !goal_ok || !rest_ok {
            return Err(format!(
                "target {target:?} is not of the form `16.3` or `16.a`"
            ));
        }
        if !targets.iter().any(|t| t == target) {
            targets.push(target.to_owned());
        }
    }
    Ok(targets)
}

/// A Targets cell stored as a number: `16.1` may have been `16.1` or `16.10`
/// (the spreadsheet dropped the trailing zero), written then as `16.1|16.10`.
pub fn numeric_target(value: f64) -> Result<String, String> {
    // Rust prints the shortest decimal that reads back as the same number:
    // 16.100000000000001 (as stored) prints as 16.1.
    let text = value.to_string();
    let parsed = text_targets(&text)?;
    let [target] = parsed.as_slice() else {
        return Err(format!("target {value} is not one target"));
    };
    let (goal, number) = target.split_once('.').expect("checked by text_targets");
    let goal: usize = goal.parse().expect("checked by text_targets");
    let ten_times: u32 = format!("{number}0").parse().unwrap_or(u32::MAX);
    if number.len() == 1 && ten_times <= LAST_NUMBERED_TARGET[goal - 1] as u32 {
        Ok(format!("{target}|{target}0"))
    } else {
        Ok(target.clone())
    }
}

/// `16.3` -> 16; `16.1|16.10` -> 16.
pub fn goal_of_target(target: &str) -> Option<u8> {
    target.split('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_split_before_each_number_only() {
        let goals = split_goals(
            "8. Decent work and economic growth ,16. Peace, justice and strong institutions",
        )
        .unwrap();
        assert_eq!(
            goals,
            vec![
                (8, "Decent work and economic growth".into()),
                (16, "Peace, justice and strong institutions".into())
            ]
        );
        assert_eq!(split_goals(NO_GOAL).unwrap(), vec![]);
        assert!(split_goals("Peace, justice").is_err());
    }

    #[test]
    fn run_together_keywords_split_against_the_list() {
        assert_eq!(
            split_keywords("Women and girlsLGBTIMembers of minorities").unwrap(),
            vec![0, 11, 5]
        );
        assert!(split_keywords("Women and girlsFarmers").is_err());
    }

    #[test]
    #[allow(clippy::excessive_precision)] // as the file stores them
    fn a_lone_number_with_a_tenth_target_is_ambiguous() {
        assert_eq!(numeric_target(16.100000000000001).unwrap(), "16.1|16.10");
        assert_eq!(numeric_target(17.1).unwrap(), "17.1|17.10");
        assert_eq!(numeric_target(8.1).unwrap(), "8.1|8.10");
        assert_eq!(numeric_target(8.6999999999999993).unwrap(), "8.7");
        assert_eq!(numeric_target(17.149999999999999).unwrap(), "17.15");
        assert_eq!(numeric_target(5.1).unwrap(), "5.1");
        assert_eq!(
            text_targets("1.2, 16.2, 16.10, 5.c, 14.B").unwrap(),
            vec!["1.2", "16.2", "16.10", "5.c", "14.b"]
        );
    }
}
