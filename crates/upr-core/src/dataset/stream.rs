//! Reads a JSON object piece by piece as its bytes arrive: each top-level
//! field is handed over whole, except one array whose elements are handed
//! over one at a time. The texts file (hundreds of megabytes at sixteen
//! times today's data) is thus never held whole in WebAssembly memory,
//! whose size never shrinks: only the element being read is.

/// A piece of the object, as raw JSON bytes for serde to read.
pub enum Piece<'a> {
    Field { key: &'a str, value: &'a [u8] },
    Element(&'a [u8]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Start,
    Key,
    Value,
    AfterValue,
    Element,
    AfterElement,
    End,
}

pub struct ObjectStream {
    /// The key whose array is streamed element by element.
    streamed: &'static str,
    buffer: Vec<u8>,
    /// Bytes of [`buffer`](Self::buffer) already read.
    read: usize,
    /// Bytes dropped from the front of [`buffer`](Self::buffer) so far (for messages).
    dropped: usize,
    at: At,
    key: String,
    /// Unread bytes needed before trying again: twice what was too short
    /// for the last piece, so that a long piece arriving in many small
    /// chunks is not scanned again with each.
    wanted: usize,
}

impl ObjectStream {
    pub fn new(streamed: &'static str) -> Self {
        ObjectStream {
            streamed,
            buffer: Vec::new(),
            read: 0,
            dropped: 0,
            at: At::Start,
            key: String::new(),
            wanted: 0,
        }
    }

    /// Adds bytes and hands over every piece now complete; an error is a
    /// message for [`LoadError::Json`] (the caller's, or one about syntax).
    ///
    /// [`LoadError::Json`]: crate::dataset::LoadError::Json
    pub fn push<E: From<String>>(
        &mut self,
        bytes: &[u8],
        on: impl FnMut(Piece) -> Result<(), E>,
    ) -> Result<(), E> {
        self.buffer.drain(..self.read);
        self.dropped += self.read;
        self.read = 0;
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() < self.wanted {
            return Ok(());
        }
        self.read_pieces(on)
    }

    fn read_pieces<E: From<String>>(
        &mut self,
        mut on: impl FnMut(Piece) -> Result<(), E>,
    ) -> Result<(), E> {
        while let Some(next) = self.step(&mut on)? {
            self.read = next;
        }
        self.wanted = 2 * (self.buffer.len() - self.read);
        Ok(())
    }

    /// After the last bytes: reads what is left; an object that is not
    /// complete is an error.
    pub fn finish<E: From<String>>(
        &mut self,
        on: impl FnMut(Piece) -> Result<(), E>,
    ) -> Result<(), E> {
        self.read_pieces(on)?;
        self.check_end().map_err(E::from)
    }

    fn check_end(&self) -> Result<(), String> {
        let rest = self.buffer.get(self.read..).unwrap_or_default();
        if self.at != At::End {
            Err(format!(
                "the file ends early, at byte {}",
                self.dropped + self.buffer.len()
            ))
        } else if rest.iter().any(|b| !b.is_ascii_whitespace()) {
            Err(self.unexpected(self.read + skip_space(rest, 0)))
        } else {
            Ok(())
        }
    }

    fn unexpected(&self, at: usize) -> String {
        let found = self
            .buffer
            .get(at)
            .map_or("the end".to_owned(), |b| format!("{:?}", *b as char));
        format!("unexpected {found} at byte {}", self.dropped + at)
    }

    /// Reads one token or piece; `None` when more bytes are needed.
    fn step<E: From<String>>(
        &mut self,
        on: &mut impl FnMut(Piece) -> Result<(), E>,
    ) -> Result<Option<usize>, E> {
        let b = &self.buffer;
        let at = skip_space(b, self.read);
        let Some(&first) = b.get(at) else {
            return Ok(None);
        };
        let expect = |wanted: u8, then: At, this: &mut Self| -> Result<Option<usize>, E> {
            if first == wanted {
                this.at = then;
                Ok(Some(at + 1))
            } else {
                Err(E::from(this.unexpected(at)))
            }
        };
        match self.at {
            At::Start => expect(b'{', At::Key, self),
            At::Key if first == b'}' => {
                self.at = At::End;
                Ok(Some(at + 1))
            }
            At::Key => {
                let Some(end) = value_end(b, at) else {
                    return Ok(None);
                };
                let colon = skip_space(b, end);
                let Some(&after) = b.get(colon) else {
                    return Ok(None);
                };
                if first != b'"' || after != b':' {
                    return Err(E::from(self.unexpected(if first != b'"' {
                        at
                    } else {
                        colon
                    })));
                }
                self.key =
                    serde_json::from_slice(&b[at..end]).map_err(|e| E::from(e.to_string()))?;
                self.at = At::Value;
                Ok(Some(colon + 1))
            }
            At::Value if self.key == self.streamed => expect(b'[', At::Element, self),
            At::Value => {
                let Some(end) = value_end(b, at) else {
                    return Ok(None);
                };
                on(Piece::Field {
                    key: &self.key,
                    value: &b[at..end],
                })?;
                self.at = At::AfterValue;
                Ok(Some(end))
            }
            At::AfterValue | At::AfterElement if first == b',' => {
                self.at = if self.at == At::AfterValue {
                    At::Key
                } else {
                    At::Element
                };
                Ok(Some(at + 1))
            }
            At::AfterValue => expect(b'}', At::End, self),
            At::Element | At::AfterElement if first == b']' => {
                self.at = At::AfterValue;
                Ok(Some(at + 1))
            }
            At::AfterElement => Err(E::from(self.unexpected(at))),
            At::Element => {
                let Some(end) = value_end(b, at) else {
                    return Ok(None);
                };
                on(Piece::Element(&b[at..end]))?;
                self.at = At::AfterElement;
                Ok(Some(end))
            }
            At::End => Err(E::from(self.unexpected(at))),
        }
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Where the JSON value starting at `at` ends; `None` when the bytes end
/// first. Malformed values are left for serde to report.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let (open, close) = if bytes[at] == b'{' {
                (b'{', b'}')
            } else {
                (b'[', b']')
            };
            let mut depth = 0usize;
            let mut from = at;
            loop {
                let found = from + memchr::memchr3(b'"', open, close, &bytes[from..])?;
                match bytes[found] {
                    b'"' => from = string_end(bytes, found)?,
                    b if b == open => {
                        depth += 1;
                        from = found + 1;
                    }
                    _ => {
                        depth -= 1;
                        from = found + 1;
                        if depth == 0 {
                            return Some(from);
                        }
                    }
                }
            }
        }
        _ => {
            // A number or a literal ends at a delimiter; at the end of the
            // bytes more may follow.
            let length = bytes[at..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace())?;
            Some(at + length.max(1))
        }
    }
}

/// Just past the closing quote of the string opening at `at`.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut from = at + 1;
    loop {
        let found = from + memchr::memchr2(b'"', b'\\', &bytes[from..])?;
        if bytes[found] == b'"' {
            return Some(found + 1);
        }
        from = found + 2;
        if from > bytes.len() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(json: &str, chunk: usize) -> Result<Vec<String>, String> {
        let mut stream = ObjectStream::new("list");
        let mut out = Vec::new();
        let mut collect = |piece: Piece| {
            out.push(match piece {
                Piece::Field { key, value } => format!("{key}={}", String::from_utf8_lossy(value)),
                Piece::Element(value) => String::from_utf8_lossy(value).into_owned(),
            });
            Ok::<(), String>(())
        };
        for part in json.as_bytes().chunks(chunk.max(1)) {
            stream.push(part, &mut collect)?;
        }
        stream.finish(&mut collect)?;
        Ok(out)
    }

    #[test]
    fn fields_and_elements_come_whole_however_the_bytes_are_cut() {
        let json = r#" { "a" : 12, "s": "x\"}]", "list": [ {"t": "{[\\"}, [1, {"u": 2}], 3 ], "z": {"k": [true]} } "#;
        let want = vec![
            "a=12",
            r#"s="x\"}]""#,
            r#"{"t": "{[\\"}"#,
            r#"[1, {"u": 2}]"#,
            "3",
            r#"z={"k": [true]}"#,
        ];
        for chunk in 1..json.len() + 1 {
            assert_eq!(pieces(json, chunk).unwrap(), want, "in chunks of {chunk}");
        }
    }

    #[test]
    fn broken_objects_are_refused() {
        for json in [
            r#"{"a": 1"#,
            r#"{"a" 1}"#,
            r#"{"list": [1 2]}"#,
            r#"[1]"#,
            r#"{"a": 1} x"#,
            r#"{"list": [1,"#,
        ] {
            assert!(pieces(json, 3).is_err(), "{json}");
        }
    }
}
