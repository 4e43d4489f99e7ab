//! A fingerprint of the data files a prerendered page was rendered from.
//! The browser hydrates the page only when the files it loaded have the
//! same fingerprint: other data (a newer `data/` beside an older build, a
//! test's dataset) would make a different page, which is built afresh.

/// FNV-1a (64 bits) of one file, in hex: the same on every platform, and
/// quick enough for the 19 MB of texts (tens of milliseconds).
pub fn of_file(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The fingerprint of a page rendered from these files (each `of_file`).
pub fn of_page<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    files.into_iter().collect::<Vec<_>>().join("-")
}
