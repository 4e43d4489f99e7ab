//! Words and numbers as a reader sees them. Pure, so it is tested natively.

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// `2010-02-12` -> `12 February 2010`; anything else is returned as it is.
pub fn date(iso: &str) -> String {
    match parts(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        None => iso.to_owned(),
    }
}

/// `2010-02-08`..`2010-02-19` -> `8–19 February 2010`, shortening what the
/// two dates share.
pub fn date_range(start: &str, end: &str) -> String {
    match (parts(start), parts(end)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) if y1 == y2 && m1 == m2 => {
            format!("{d1}–{d2} {} {y1}", MONTHS[m1 - 1])
        }
        (Some((y1, m1, d1)), Some((y2, _, _))) if y1 == y2 => {
            format!("{d1} {} – {}", MONTHS[m1 - 1], date(end))
        }
        _ => format!("{} – {}", date(start), date(end)),
    }
}

fn parts(iso: &str) -> Option<(u32, usize, u32)> {
    let mut it = iso.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m: usize = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    (1..=12).contains(&m).then_some((y, m, d))
}

/// Whole percent of `part` in `whole`, rounded; 0 for an empty whole.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 { 0 } else { ((part as f64 * 100.0) / whole as f64).round() as u32 }
}

/// `1` -> `1 recommendation`, `2` -> `2 recommendations`.
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `41066` -> `41,066`.
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn action_label(action: u8) -> &'static str {
    match action {
        1 => "Minimal action",
        2 => "Continuing action",
        3 => "Considering action",
        4 => "General action",
        5 => "Specific action",
        _ => "Unknown action",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(date("2010-02-12"), "12 February 2010");
        assert_eq!(date_range("2010-02-08", "2010-02-19"), "8–19 February 2010");
        assert_eq!(date_range("2008-11-30", "2008-12-11"), "30 November – 11 December 2008");
        assert_eq!(date("not a date"), "not a date");
        assert_eq!(thousands(41066), "41,066");
        assert_eq!(percent(122, 129), 95);
        assert_eq!(count(1, "State", "States"), "1 State");
    }
}

/// An SDG target as the data has it, for reading: `16.3` stays, and an
/// ambiguous `16.1|16.10` (the source's cell held a number that may be
/// either) becomes `16.1 or 16.10?`, never one of them.
pub fn sdg_target(target: &str) -> String {
    let readings: Vec<&str> = target.split('|').map(str::trim).filter(|r| !r.is_empty()).collect();
    match readings[..] {
        [one] => one.to_owned(),
        [] => target.to_owned(),
        ref several => format!("{}?", several.join(" or ")),
    }
}

/// Sorted session numbers as ranges: `[1, 2, 3, 5]` -> `1–3, 5`.
pub fn session_ranges(sessions: &[u8]) -> String {
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    for &s in sessions {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == s || *end == s => *end = s,
            _ => ranges.push((s, s)),
        }
    }
    ranges
        .iter()
        .map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `SDG goals` -> `SDG goals`, `themes` -> `Themes`: a plural noun as a heading.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

/// `2010-02-08` -> `February 2010`; anything else is returned as it is.
pub fn month_year(iso: &str) -> String {
    match parts(iso) {
        Some((y, m, _)) => format!("{} {y}", MONTHS[m - 1]),
        None => iso.to_owned(),
    }
}
