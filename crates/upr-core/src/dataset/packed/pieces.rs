//! The texts' buffer filled from the pieces of a download, checked as
//! UTF-8 and its separators counted as each piece arrives: the check of
//! 8 MB at the end, in one task, took 60 ms with the CPU slowed four
//! times, and the pieces are read in slices that yield to the browser.

use crate::dataset::texts::SEPARATOR;

#[derive(Debug, Default)]
pub(super) struct TextPieces {
    text: String,
    /// The first bytes of a character cut between two pieces.
    cut: Vec<u8>,
    invalid: bool,
    separators: usize,
}

impl TextPieces {
    pub(super) fn try_reserve_exact(
        &mut self,
        bytes: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        self.text.try_reserve_exact(bytes)
    }

    pub(super) fn push(&mut self, mut bytes: &[u8]) {
        self.separators += memchr::memchr_iter(SEPARATOR as u8, bytes).count();
        if self.invalid {
            return;
        }
        if let Some(&lead) = self.cut.first() {
            let width: usize = match lead {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 0,
            };
            let take = width.saturating_sub(self.cut.len()).min(bytes.len());
            self.cut.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.cut.len() < width {
                return;
            }
            match std::str::from_utf8(&self.cut) {
                Ok(character) => self.text.push_str(character),
                Err(_) => self.invalid = true,
            }
            self.cut.clear();
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.text.push_str(text),
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                self.text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                match error.error_len() {
                    // Only cut short: the rest comes with the next piece.
                    None => self.cut.extend_from_slice(rest),
                    Some(_) => self.invalid = true,
                }
            }
        }
    }

    /// The whole text, and how many separators it holds; None when it is
    /// not UTF-8 (or ends inside a character).
    pub(super) fn finish(self) -> Option<(String, usize)> {
        (!self.invalid && self.cut.is_empty()).then_some((self.text, self.separators))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(bytes: &[u8], size: usize) -> Option<(String, usize)> {
        let mut text = TextPieces::default();
        bytes.chunks(size).for_each(|piece| text.push(piece));
        text.finish()
    }

    #[test]
    fn characters_cut_between_pieces_come_whole() {
        let text = "Côte d’Ivoire\n日本 𝄞 Straße\n";
        for size in 1..=text.len() {
            assert_eq!(
                pieces(text.as_bytes(), size),
                Some((text.to_owned(), 2)),
                "pieces of {size}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_wherever_they_fall() {
        for bad in [&b"ab\xffcd"[..], b"ab\xe6\x97", b"\xe6\x97a", b"a\xc3"] {
            for size in 1..=bad.len() {
                assert_eq!(pieces(bad, size), None, "{bad:?} in pieces of {size}");
            }
        }
    }
}
