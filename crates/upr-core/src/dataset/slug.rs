//! Ids made from names: lower case, runs of other characters turned into `-`.

/// `Côte d'Ivoire` -> `cote-d-ivoire`, `Women's rights` -> `women-s-rights`.
/// Accented Latin letters are folded first so that ids stay plain ASCII
/// and read well in an address bar.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars().flat_map(char::to_lowercase).map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// The permanent id of a review: `kazakhstan-s7`.
pub fn review_id(state_name: &str, session: u8) -> String {
    format!("{}-s{}", slug(state_name), session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_collapse_punctuation() {
        assert_eq!(slug("Côte d'Ivoire"), "cote-d-ivoire");
        assert_eq!(slug("Asylum-seekers - refugees"), "asylum-seekers-refugees");
        assert_eq!(slug("  Viet Nam "), "viet-nam");
        assert_eq!(review_id("Kazakhstan", 7), "kazakhstan-s7");
    }
}
