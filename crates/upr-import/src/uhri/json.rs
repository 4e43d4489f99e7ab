//! The Index's .json export: an array of records, one object a row, keyed
//! by the .xlsx's headers. Read with serde_json from the file as a stream:
//! a `SeqAccess` hands over one record at a time, which becomes a row and
//! goes to the sink before the next is read; neither the file nor a `Vec`
//! of its records is ever held.
//!
//! The columns are the first record's keys (a column missing there is
//! named as missing); a later record without a key has that cell empty,
//! as exporters leave out empty values.

use super::{headers_of, Column, Place, Row, Sink, UhriFile, Value, COLUMNS};
use crate::error::ImportError;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};

pub(super) fn read(file: &UhriFile, sink: &mut Sink) -> Result<(), ImportError> {
    let io = |message: String| ImportError::Io {
        file: file.name.clone(),
        message,
    };
    let opened = File::open(&file.path).map_err(|e| io(e.to_string()))?;
    let mut reader = BufReader::with_capacity(1 << 20, opened);
    // A byte-order mark, which serde_json would refuse.
    if reader
        .fill_buf()
        .map_err(|e| io(e.to_string()))?
        .starts_with(b"\xEF\xBB\xBF")
    {
        reader.consume(3);
    }
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let mut state = State {
        file,
        sink,
        headers: None,
        record: 0,
        failure: None,
    };
    let result = deserializer
        .deserialize_seq(Records(&mut state))
        .and_then(|()| deserializer.end());
    if let Some(failure) = state.failure {
        return Err(failure);
    }
    result.map_err(|e| io(format!("not a JSON array of records: {e}")))
}

struct State<'f, 'k, 's> {
    file: &'f UhriFile,
    sink: &'k mut Sink<'s>,
    headers: Option<[String; COLUMNS.len()]>,
    /// Records read so far.
    record: u64,
    /// Why the reading stopped, where the sink or the header refused.
    failure: Option<ImportError>,
}

impl State<'_, '_, '_> {
    fn take(&mut self, row: Row, keys: Vec<String>) -> Result<(), ImportError> {
        self.record += 1;
        if self.headers.is_none() {
            let file = &self.file.name;
            self.headers = Some(headers_of(&keys, |column| ImportError::Record {
                file: file.clone(),
                record: 1,
                field: column.wanted(),
                reason: format!("missing: the first record's keys are {}", keys.join(", ")),
            })?);
        }
        let Some(headers) = &self.headers else {
            return Ok(());
        };
        let place = Place {
            file: &self.file.name,
            sheet: None,
            row: self.record,
            headers,
        };
        (self.sink)(&place, row)
    }
}

/// The array: each record handed to the sink as soon as it is read.
struct Records<'x, 'f, 'k, 's>(&'x mut State<'f, 'k, 's>);

impl<'de> Visitor<'de> for Records<'_, '_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let keep_keys = self.0.headers.is_none();
            let Some((row, keys)) = seq.next_element_seed(Record { keep_keys })? else {
                return Ok(());
            };
            if let Err(failure) = self.0.take(row, keys) {
                self.0.failure = Some(failure);
                return Err(de::Error::custom("stopped at a refused record"));
            }
        }
    }
}

/// One record: its cells, and (for the first) its keys as spelt.
struct Record {
    keep_keys: bool,
}

impl<'de> DeserializeSeed<'de> for Record {
    type Value = (Row, Vec<String>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Record {
    type Value = (Row, Vec<String>);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record (an object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut row = Row::default();
        let mut keys = Vec::new();
        while let Some(key) = map.next_key_seed(Key {
            keep: self.keep_keys,
        })? {
            if let Some(name) = key.name {
                keys.push(name);
            }
            match key.column {
                Some(column) => row[column.index()] = map.next_value_seed(Cell)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((row, keys))
    }
}

/// A key: the column it names, without allocating, and its spelling where
/// wanted.
struct Key {
    keep: bool,
}

struct KeyRead {
    column: Option<Column>,
    name: Option<String>,
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = KeyRead;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<KeyRead, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = KeyRead;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a column's name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyRead, E> {
        Ok(KeyRead {
            column: Column::of_header(key),
            name: self.keep.then(|| key.trim().to_owned()),
        })
    }
}

/// A value: text, a number, null; a list of texts is read as the .xlsx
/// writes it, one value a line.
struct Cell;

impl<'de> DeserializeSeed<'de> for Cell {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Cell {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text, a number, null or a list of texts")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
        Ok(Value::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
        Ok(Value::Text(text))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Text(b.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Empty)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Empty)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut lines = Vec::new();
        while let Some(item) = seq.next_element_seed(Cell)? {
            match item {
                Value::Text(text) => lines.push(text),
                Value::Number(n) => lines.push(n.to_string()),
                Value::Empty => {}
            }
        }
        Ok(match lines.is_empty() {
            true => Value::Empty,
            false => Value::Text(lines.join("\n")),
        })
    }
}
