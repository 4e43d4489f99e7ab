//! A fingerprint of the data files a prerendered page was rendered from.
//! The browser hydrates the page only when the files it loaded have the
//! same fingerprint: other data (a newer `data/` beside an older build, a
//! test's dataset) would make a different page, which is built afresh.

/// XXH3 (64 bits) of a file's bytes, fed as they arrive (the texts are
/// read as they download, never whole): the same on every platform,
/// however the bytes are cut.
#[derive(Clone, Default)]
pub struct FileHash(xxhash_rust::xxh3::Xxh3Default);

impl FileHash {
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The fingerprint of the bytes fed so far, in hex.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0.digest())
    }
}

/// The fingerprint of one whole file.
pub fn of_file(text: &str) -> String {
    of_bytes(text.as_bytes())
}

pub fn of_bytes(bytes: &[u8]) -> String {
    let mut hash = FileHash::default();
    hash.update(bytes);
    hash.hex()
}

/// The fingerprint of a page rendered from these files (each [`of_file`]).
pub fn of_page<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    files.into_iter().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_is_the_same_however_the_bytes_are_cut() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = of_bytes(&bytes);
        for piece in 1..20 {
            let mut hash = FileHash::default();
            bytes.chunks(piece).for_each(|chunk| hash.update(chunk));
            assert_eq!(hash.hex(), whole, "in pieces of {piece}");
        }
    }

    #[test]
    fn files_that_differ_in_a_byte_or_in_length_differ() {
        let bytes = vec![0u8; 64];
        let mut changed = bytes.clone();
        changed[37] = 1;
        let fingerprints = [
            of_bytes(&bytes),
            of_bytes(&changed),
            of_bytes(&bytes[..63]),
            of_bytes(&[]),
            of_bytes(&[0]),
        ];
        for (i, a) in fingerprints.iter().enumerate() {
            for b in &fingerprints[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
