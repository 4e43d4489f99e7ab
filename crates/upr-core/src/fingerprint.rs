//! A fingerprint of the data files a prerendered page was rendered from.
//! The browser hydrates the page only when the files it loaded have the
//! same fingerprint: other data (a newer `data/` beside an older build, a
//! test's dataset) would make a different page, which is built afresh.

/// A 64-bit hash of eight bytes at a time (a multiply and a rotation per
/// word, with the length mixed in at the end), fed as a file's bytes
/// arrive (the texts are read as they download, never whole): the same on
/// every platform, however the bytes are cut. A byte at a time (FNV-1a,
/// before) took half a second of the main thread for the texts at 16
/// times today's data.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileHash {
    state: u64,
    /// Bytes of a word not yet whole, and how many.
    pending: [u8; 8],
    pending_len: usize,
    length: u64,
}

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl FileHash {
    fn mix(&mut self, word: u64) {
        self.state = (self.state ^ word).wrapping_mul(MULTIPLIER).rotate_left(29);
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        self.length += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (8 - self.pending_len).min(bytes.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&bytes[..take]);
            self.pending_len += take;
            bytes = &bytes[take..];
            if self.pending_len < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.pending));
            self.pending_len = 0;
        }
        let (words, rest) = bytes.as_chunks::<8>();
        for word in words {
            self.mix(u64::from_le_bytes(*word));
        }
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    /// The fingerprint of the bytes fed so far, in hex.
    pub fn hex(mut self) -> String {
        let mut last = [0u8; 8];
        last[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
        self.mix(u64::from_le_bytes(last));
        self.mix(self.length);
        format!("{:016x}", self.state)
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

/// The fingerprint of a page rendered from these files (each `of_file`).
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
        let fingerprints = [of_bytes(&bytes), of_bytes(&changed), of_bytes(&bytes[..63]), of_bytes(&[]), of_bytes(&[0])];
        for (i, a) in fingerprints.iter().enumerate() {
            for b in &fingerprints[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
