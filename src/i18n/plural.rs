//! CLDR's plural rules for whole numbers, in the six languages: which form
//! of a message a count takes (`1 examen`, `2 examens`; Russian `1 обзор`,
//! `2 обзора`, `5 обзоров`; Arabic six forms). A dozen lines in place of a
//! plural-rules crate, as only integers and six languages are needed.

use upr_core::lang::Lang;

/// The plural category of the whole number `n`.
pub fn category(lang: Lang, n: u32) -> &'static str {
    let (m10, m100) = (n % 10, n % 100);
    match lang {
        Lang::Zh => "other",
        Lang::En | Lang::Es => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Fr => {
            if n <= 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ru => {
            if m10 == 1 && m100 != 11 {
                "one"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "few"
            } else {
                "many"
            }
        }
        Lang::Ar => match n {
            0 => "zero",
            1 => "one",
            2 => "two",
            _ if (3..=10).contains(&m100) => "few",
            _ if (11..=99).contains(&m100) => "many",
            _ => "other",
        },
    }
}

/// The categories a whole number can take in the language: each plural
/// message must have a form for each.
pub fn categories(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Zh => &["other"],
        Lang::En | Lang::Es | Lang::Fr => &["one", "other"],
        Lang::Ru => &["one", "few", "many"],
        Lang::Ar => &["zero", "one", "two", "few", "many", "other"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_form_cldr_gives_them() {
        let ru: Vec<&str> = [1, 2, 5, 11, 21, 22, 112]
            .map(|n| category(Lang::Ru, n))
            .to_vec();
        assert_eq!(ru, ["one", "few", "many", "many", "one", "few", "many"]);
        let ar: Vec<&str> = [0, 1, 2, 3, 11, 100, 103]
            .map(|n| category(Lang::Ar, n))
            .to_vec();
        assert_eq!(ar, ["zero", "one", "two", "few", "many", "other", "few"]);
        assert_eq!(category(Lang::Fr, 0), "one");
        assert_eq!(category(Lang::En, 0), "other");
    }
}
