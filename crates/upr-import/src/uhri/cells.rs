//! A cell's values as the export writes them: `- ` prefixes, several
//! values a line each, sessions in words, dates as Excel serials, SDGs as
//! goals or targets.

use super::columns::Value;
use std::collections::BTreeSet;

/// A cell's values: one a line, each without its `- ` prefix, each once.
pub(super) fn values(value: &Value) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    match value {
        Value::Empty => {}
        Value::Number(n) => list.push(n.to_string()),
        Value::Text(text) => {
            for line in text.lines() {
                let line = line.trim();
                let line = line.strip_prefix('-').unwrap_or(line).trim();
                if !line.is_empty() && !list.iter().any(|l| l == line) {
                    list.push(line.to_owned());
                }
            }
        }
    }
    list
}

/// A cell that holds one value at most.
pub(super) fn single(value: &Value) -> Result<Option<String>, String> {
    let mut list = values(value);
    match list.len() {
        0 | 1 => Ok(list.pop()),
        n => Err(format!(
            "holds {n} values ({}); expected one",
            list.join(", ")
        )),
    }
}

/// `- 41st session`, `41st Session`, `Session 41`, `41` -> 41.
pub(super) fn session_number(value: &Value) -> Result<u8, String> {
    let shape = |v: &str| format!("{v:?} is not a session (`41st session`)");
    let text = match value {
        Value::Number(n) if n.fract() == 0.0 && (1.0..=255.0).contains(n) => return Ok(*n as u8),
        Value::Number(n) => return Err(shape(&n.to_string())),
        Value::Empty => return Err("is empty".into()),
        Value::Text(text) => text,
    };
    let one = single(value)?.unwrap_or_default();
    let lower = one.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| *w != "session" && *w != "upr")
        .collect();
    let [word] = words[..] else {
        return Err(shape(text));
    };
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    digits
        .parse::<u8>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| shape(text))
}

/// An Excel serial date (`46078`, or `46125.4996` with a time) as an ISO
/// date; also such a number as text, or an ISO date. `None` where empty.
pub(super) fn date(value: &Value) -> Result<Option<String>, String> {
    let serial = match value {
        Value::Empty => return Ok(None),
        Value::Number(n) => *n,
        Value::Text(text) => {
            let text = text.trim().trim_start_matches('-').trim();
            if text.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = text.parse::<f64>() {
                n
            } else if is_iso_date(text.get(..10).unwrap_or("")) {
                return Ok(Some(text[..10].to_owned()));
            } else {
                return Err(format!(
                    "{text:?} is neither an Excel serial date nor an ISO date"
                ));
            }
        }
    };
    // 2000-01-01 to 2099-12-31: the Index's documents are of this century.
    if !(36_526.0..73_051.0).contains(&serial) {
        return Err(format!(
            "{serial} is not an Excel serial date of this century"
        ));
    }
    Ok(Some(serial_to_iso(serial)))
}

pub(super) fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Days since 1899-12-30 (Excel's 1900 epoch, past its false 1900-02-29)
/// as a civil date (Howard Hinnant's `civil_from_days`).
pub(super) fn serial_to_iso(serial: f64) -> String {
    let days = serial.floor() as i64 - 25_569; // 1970-01-01
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + (month <= 2) as i64;
    format!("{year:04}-{month:02}-{day:02}")
}

/// `16 - PEACE, JUSTICE AND STRONG INSTITUTIONS` -> goal 16;
/// `16.3 - Promote the rule of law` -> goal 16 and target `16.3`.
pub(super) fn sdgs(list: &[String]) -> Result<(BTreeSet<u8>, Vec<String>), String> {
    let mut goals = BTreeSet::new();
    let mut targets = Vec::new();
    for item in list {
        let number = item
            .split_once(" - ")
            .map_or(item.as_str(), |(n, _)| n)
            .trim();
        let unknown = || {
            format!("{item:?} is no SDG goal or target (`16 - PEACE, JUSTICE AND STRONG INSTITUTIONS`, `16.3 - ...`)")
        };
        let (goal, target) = match number.split_once('.') {
            None => (number, None),
            Some((goal, target)) => (goal, Some(target)),
        };
        let goal: u8 = goal
            .parse()
            .ok()
            .filter(|g| (1..=17).contains(g))
            .ok_or_else(unknown)?;
        goals.insert(goal);
        if let Some(target) = target {
            let target = target.to_lowercase();
            let shaped = (target.len() <= 2 && target.bytes().all(|b| b.is_ascii_digit()))
                || (target.len() == 1 && target.bytes().all(|b| b.is_ascii_lowercase()));
            if !shaped {
                return Err(unknown());
            }
            let target = format!("{goal}.{target}");
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
    }
    Ok((goals, targets))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn values_lose_their_prefix_and_split_on_line_breaks() {
        assert_eq!(
            values(&text("- Women & girls\n- Children\r\n- Women & girls")),
            vec!["Women & girls", "Children"]
        );
        assert_eq!(values(&text("")), Vec::<String>::new());
    }

    #[test]
    fn sessions_are_read_in_their_spellings() {
        for (cell, want) in [
            (text("- 41st session"), Ok(41)),
            (text("41st Session"), Ok(41)),
            (text("- 22nd session"), Ok(22)),
            (text("Session 3"), Ok(3)),
            (Value::Number(50.0), Ok(50)),
        ] {
            assert_eq!(session_number(&cell), want, "{cell:?}");
        }
        assert!(session_number(&text("- 41st session\n- 42nd session")).is_err());
        assert!(session_number(&text("spring")).is_err());
    }

    #[test]
    fn excel_serials_are_dates() {
        // 46078 is 2026-02-25 (tests of other UHRI readers agree).
        assert_eq!(
            date(&Value::Number(46_078.0)),
            Ok(Some("2026-02-25".into()))
        );
        assert_eq!(
            date(&text("46125.4996282407")),
            Ok(Some("2026-04-13".into()))
        );
        assert_eq!(
            date(&Value::Number(39_448.0)),
            Ok(Some("2008-01-01".into()))
        );
        assert_eq!(
            date(&text("2019-11-05T00:00:00")),
            Ok(Some("2019-11-05".into()))
        );
        assert!(date(&text("soon")).is_err());
        assert!(date(&Value::Number(5.0)).is_err());
    }

    #[test]
    fn goals_and_targets() {
        let (goals, targets) = sdgs(&[
            "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS".into(),
            "5.c - Adopt and strengthen policies".into(),
            "16.10 - Public access to information".into(),
        ])
        .unwrap();
        assert_eq!(goals.into_iter().collect::<Vec<_>>(), vec![5, 16]);
        assert_eq!(targets, vec!["5.c", "16.10"]);
        assert!(sdgs(&["18 - NONE".into()]).is_err());
        assert!(sdgs(&["PEACE".into()]).is_err());
    }
}
