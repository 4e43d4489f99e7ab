//! A fingerprint of the data files a prerendered page was rendered from.
//! The browser hydrates the page only when the files it loaded have the
//! same fingerprint: other data (a newer `data/` beside an older build, a
//! test's dataset) would make a different page, which is built afresh.

/// FNV-1a (64 bits), fed as a file's bytes arrive (the texts are read as
/// they download, never whole): the same on every platform, and quick
/// enough for the 19 MB of texts (tens of milliseconds).
#[derive(Clone, Copy, Debug)]
pub struct FileHash(u64);

impl Default for FileHash {
    fn default() -> Self {
        FileHash(0xcbf2_9ce4_8422_2325)
    }
}

impl FileHash {
    pub fn update(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The fingerprint of the bytes fed so far, in hex.
    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The fingerprint of one whole file.
pub fn of_file(text: &str) -> String {
    let mut hash = FileHash::default();
    hash.update(text.as_bytes());
    hash.hex()
}

/// The fingerprint of a page rendered from these files (each `of_file`).
pub fn of_page<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    files.into_iter().collect::<Vec<_>>().join("-")
}
