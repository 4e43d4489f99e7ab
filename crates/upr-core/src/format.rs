//! Words and numbers as a reader sees them. Pure, so it is tested natively.

use crate::lang::Lang;

/// Month names as CLDR writes them in a day-month-year date (the
/// genitive in Russian); Chinese writes numbers (`2月`).
fn month(lang: Lang, m: usize) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    const ZH: [&str; 12] = [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ];
    let names = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Es => &ES,
        Lang::Ru => &RU,
        Lang::Ar => &AR,
        Lang::Zh => &ZH,
    };
    names[m - 1]
}

/// A day and month, with the year where `year` is given, in CLDR's long
/// date pattern of each language.
fn day_month(lang: Lang, d: u32, m: usize, year: Option<u32>) -> String {
    let name = month(lang, m);
    match (lang, year) {
        (Lang::Zh, Some(y)) => format!("{y}年{name}{d}日"),
        (Lang::Zh, None) => format!("{name}{d}日"),
        (Lang::Es, Some(y)) => format!("{d} de {name} de {y}"),
        (Lang::Es, None) => format!("{d} de {name}"),
        (Lang::Ru, Some(y)) => format!("{d} {name} {y} г."),
        (_, Some(y)) => format!("{d} {name} {y}"),
        (_, None) => format!("{d} {name}"),
    }
}

/// `2010-02-12` -> `12 February 2010`; anything else is returned as it is.
pub fn date(iso: &str) -> String {
    date_in(Lang::En, iso)
}

/// `2010-02-12` -> `12 février 2010`, `2010年2月12日`, `12 de febrero de 2010`.
pub fn date_in(lang: Lang, iso: &str) -> String {
    match parts(iso) {
        Some((y, m, d)) => day_month(lang, d, m, Some(y)),
        None => iso.to_owned(),
    }
}

/// `2010-02-08`..`2010-02-19` -> `8–19 February 2010`, shortening what the
/// two dates share.
pub fn date_range(start: &str, end: &str) -> String {
    date_range_in(Lang::En, start, end)
}

/// A date range in a language, as CLDR's interval formats shorten it.
pub fn date_range_in(lang: Lang, start: &str, end: &str) -> String {
    match (parts(start), parts(end)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) if y1 == y2 && m1 == m2 => match lang {
            Lang::Zh => format!("{y1}年{}{d1}日至{d2}日", month(lang, m1)),
            _ => day_month(lang, d2, m1, Some(y1)).replacen(
                &d2.to_string(),
                &format!("{d1}–{d2}"),
                1,
            ),
        },
        (Some((y1, m1, d1)), Some((y2, _, _))) if y1 == y2 => match lang {
            Lang::Zh => format!(
                "{y1}年{}{d1}日至{}",
                month(lang, m1),
                date_in(lang, end)
                    .split_once('年')
                    .map_or(String::new(), |(_, rest)| rest.to_owned())
            ),
            _ => format!("{} – {}", day_month(lang, d1, m1, None), date_in(lang, end)),
        },
        _ => format!("{} – {}", date_in(lang, start), date_in(lang, end)),
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
    if whole == 0 {
        0
    } else {
        ((part as f64 * 100.0) / whole as f64).round() as u32
    }
}

/// `part` in `whole` as a percentage to one decimal (`2 of 3` -> `66.7`),
/// rounded half to even as `format!("{:.1}")` rounds the same quotient.
/// Integer arithmetic, so that the wasm carries no float formatter (about
/// 20 KB of code and tables). Empty for an empty whole.
pub fn percent_tenths(part: u32, whole: u32) -> String {
    if whole == 0 {
        return String::new();
    }
    let (scaled, whole) = (u64::from(part) * 1000, u64::from(whole));
    let (mut tenths, rest) = (scaled / whole, scaled % whole);
    if rest * 2 > whole || (rest * 2 == whole && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A length or coordinate for an SVG attribute, to a hundredth, without
/// trailing zeros (`12.5`, `-3`, `0.07`); written without the float
/// formatter, as [`percent_tenths`].
pub fn svg_number(value: f64) -> String {
    let hundredths = (value.abs() * 100.0).round() as u64;
    let sign = if value < 0.0 && hundredths > 0 {
        "-"
    } else {
        ""
    };
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// `1` -> `1 recommendation`, `2` -> `2 recommendations`.
pub fn count(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `41066` -> `41,066`.
pub fn thousands(n: u32) -> String {
    number(Lang::En, n)
}

/// A whole number as CLDR writes it: `41,066` (English, Chinese, Arabic,
/// whose CLDR default is Western digits), `41 066` with a narrow no-break
/// space (French), `41 066` with a no-break space (Russian), `41.066`
/// (Spanish, which groups only from five digits: `1234`).
pub fn number(lang: Lang, n: u32) -> String {
    let (separator, min_digits) = match lang {
        Lang::Fr => ('\u{202F}', 4),
        Lang::Ru => ('\u{A0}', 4),
        Lang::Es => ('.', 5),
        Lang::En | Lang::Zh | Lang::Ar => (',', 4),
    };
    let digits = n.to_string();
    if digits.len() < min_digits {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// `95` -> `95%`, `95 %` (French, Russian, Spanish: a no-break space),
/// `95‎%‎` (Arabic, with the marks that keep the sign after the number).
pub fn percent_text(lang: Lang, p: u32) -> String {
    match lang {
        Lang::Fr | Lang::Ru | Lang::Es => format!("{p}\u{A0}%"),
        Lang::Ar => format!("{p}\u{200E}%\u{200E}"),
        Lang::En | Lang::Zh => format!("{p}%"),
    }
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

/// An SDG target as the data has it, for reading: `16.3` stays, and an
/// ambiguous `16.1|16.10` (the source's cell held a number that may be
/// either) becomes `16.1 or 16.10?`, never one of them.
pub fn sdg_target(target: &str) -> String {
    let readings: Vec<&str> = target
        .split('|')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
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
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `SDG goals` -> `SDG goals`, `themes` -> `Themes`: a plural noun as a heading.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `2010-02-08` -> `February 2010`; anything else is returned as it is.
pub fn month_year(iso: &str) -> String {
    month_year_in(Lang::En, iso)
}

/// A month and year as CLDR writes them alone (`yMMMM`): `février 2010`,
/// `febrero de 2010`, `2010年2月`, `февраль 2010 г.` (the nominative, where
/// a date has the genitive).
pub fn month_year_in(lang: Lang, iso: &str) -> String {
    const RU: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    match (lang, parts(iso)) {
        (_, None) => iso.to_owned(),
        (Lang::Zh, Some((y, m, _))) => format!("{y}年{}", month(lang, m)),
        (Lang::Es, Some((y, m, _))) => format!("{} de {y}", month(lang, m)),
        (Lang::Ru, Some((y, m, _))) => format!("{} {y} г.", RU[m - 1]),
        (_, Some((y, m, _))) => format!("{} {y}", month(lang, m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_to_a_tenth_round_as_the_float_formatter_does() {
        // Every part of every whole up to 200: the same text as formatting
        // the float quotient, ties (1 of 16 = 6.25) to even included.
        for whole in 1..=200u32 {
            for part in 0..=whole {
                let float = format!("{:.1}", f64::from(part) * 100.0 / f64::from(whole));
                assert_eq!(percent_tenths(part, whole), float, "{part} of {whole}");
            }
        }
        assert_eq!(percent_tenths(1, 16), "6.2");
        assert_eq!(percent_tenths(3, 16), "18.8");
        assert_eq!(percent_tenths(5, 0), "");
    }

    #[test]
    fn svg_numbers_are_short_and_keep_their_sign() {
        assert_eq!(svg_number(12.5), "12.5");
        assert_eq!(svg_number(640.0), "640");
        assert_eq!(svg_number(-3.0), "-3");
        assert_eq!(svg_number(0.07), "0.07");
        assert_eq!(svg_number(33.3333), "33.33");
        assert_eq!(svg_number(-0.001), "0");
        assert_eq!(svg_number(99.999), "100");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(date("2010-02-12"), "12 February 2010");
        assert_eq!(date_range("2010-02-08", "2010-02-19"), "8–19 February 2010");
        assert_eq!(
            date_range("2008-11-30", "2008-12-11"),
            "30 November – 11 December 2008"
        );
        assert_eq!(date("not a date"), "not a date");
        assert_eq!(thousands(41066), "41,066");
        assert_eq!(percent(122, 129), 95);
        assert_eq!(count(1, "State", "States"), "1 State");
    }

    #[test]
    fn numbers_and_dates_read_as_each_language_writes_them() {
        assert_eq!(number(Lang::Fr, 41066), "41\u{202F}066");
        assert_eq!(number(Lang::Ru, 41066), "41\u{A0}066");
        assert_eq!(number(Lang::Es, 41066), "41.066");
        assert_eq!(number(Lang::Es, 1234), "1234");
        assert_eq!(number(Lang::Ar, 41066), "41,066");
        assert_eq!(date_in(Lang::Fr, "2010-02-12"), "12 février 2010");
        assert_eq!(date_in(Lang::Es, "2010-02-12"), "12 de febrero de 2010");
        assert_eq!(date_in(Lang::Ru, "2010-02-12"), "12 февраля 2010 г.");
        assert_eq!(date_in(Lang::Zh, "2010-02-12"), "2010年2月12日");
        assert_eq!(date_in(Lang::Ar, "2010-02-12"), "12 فبراير 2010");
        assert_eq!(
            date_range_in(Lang::Fr, "2010-02-08", "2010-02-19"),
            "8–19 février 2010"
        );
        assert_eq!(
            date_range_in(Lang::Ru, "2008-11-30", "2008-12-11"),
            "30 ноября – 11 декабря 2008 г."
        );
        assert_eq!(
            date_range_in(Lang::Es, "2008-11-30", "2008-12-11"),
            "30 de noviembre – 11 de diciembre de 2008"
        );
        assert_eq!(
            date_range_in(Lang::Zh, "2010-02-08", "2010-02-19"),
            "2010年2月8日至19日"
        );
        assert_eq!(
            date_range_in(Lang::Zh, "2008-11-30", "2008-12-11"),
            "2008年11月30日至12月11日"
        );
    }
}
