//! Standard base64 (RFC 4648, with padding), decoded as it is handed
//! over: the single-file build carries the gzipped packed texts in it
//! (scripts/post-build.mjs).

/// Decodes base64 text handed over in pieces of any size.
#[derive(Debug, Default)]
pub struct Base64Decoder {
    /// Up to three sextets not yet making a whole byte triple.
    bits: u32,
    sextets: u8,
    padding: u8,
}

impl Base64Decoder {
    /// Appends the bytes `text` completes to `out`. White space is skipped.
    pub fn push(&mut self, text: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
        for &c in text {
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' => {
                    self.padding += 1;
                    continue;
                }
                c if c.is_ascii_whitespace() => continue,
                _ => return Err(format!("it is not base64 (it holds the byte {c:#04x})")),
            };
            if self.padding > 0 {
                return Err("its base64 goes on after its padding".into());
            }
            self.bits = self.bits << 6 | u32::from(value);
            self.sextets += 1;
            if self.sextets == 4 {
                out.extend_from_slice(&[(self.bits >> 16) as u8, (self.bits >> 8) as u8, self.bits as u8]);
                (self.bits, self.sextets) = (0, 0);
            }
        }
        Ok(())
    }

    /// Appends the last bytes, checking that the text ended where base64 can.
    pub fn finish(self, out: &mut Vec<u8>) -> Result<(), String> {
        match (self.sextets, self.padding) {
            (0, 0) => {}
            (2, 0 | 2) => out.push((self.bits >> 4) as u8),
            (3, 0 | 1) => out.extend_from_slice(&[(self.bits >> 10) as u8, (self.bits >> 2) as u8]),
            _ => return Err("its base64 is cut short".into()),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str, piece: usize) -> Result<Vec<u8>, String> {
        let (mut decoder, mut out) = (Base64Decoder::default(), Vec::new());
        for piece in text.as_bytes().chunks(piece) {
            decoder.push(piece, &mut out)?;
        }
        decoder.finish(&mut out)?;
        Ok(out)
    }

    #[test]
    fn the_rfc_4648_vectors_decode_in_pieces_of_any_size() {
        let vectors = [("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"), ("Zm9vYmE=", "fooba"), ("Zm9vYmFy", "foobar")];
        for (text, bytes) in vectors {
            for piece in 1..=9 {
                assert_eq!(decode(text, piece).as_deref(), Ok(bytes.as_bytes()), "{text:?} in pieces of {piece}");
            }
        }
        // Every byte value, through the two characters beyond letters and digits.
        assert_eq!(decode("AAEC/f7/", 3), Ok(vec![0, 1, 2, 253, 254, 255]));
        assert_eq!(decode("Zm9v\nYmFy\n", 5).as_deref(), Ok(&b"foobar"[..]));
    }

    #[test]
    fn what_is_not_base64_is_refused() {
        assert!(decode("Zm9v!", 2).unwrap_err().contains("0x21"));
        assert!(decode("Zg==Zg==", 8).unwrap_err().contains("after its padding"));
        assert!(decode("Zm9vY", 8).unwrap_err().contains("cut short"));
    }
}
