//! The hash behind the loader's lookups: ids (States, themes, groups of
//! persons, documents) and the word index's keys. std's SipHash resists
//! keys chosen to collide, at several times the cost, and the bundled
//! files do not seek collisions: a crafted file could at worst make its
//! own loading slower. Measured in a CPU profile of the page's start: the
//! overview's id lookups spent 21 ms in SipHash, a fifth of the time from
//! the overview's arrival to the page taken over.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by what the loader looks up: a dataset's ids, or the word
/// index's keys.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// FxHash (rustc's): one multiplication for each eight bytes of the key.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(eight));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.write_u64(u64::from(value));
    }

    fn write_u128(&mut self, value: u128) {
        self.write_u64(value as u64);
        self.write_u64((value >> 64) as u64);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    /// The product's high bits depend on every bit of the key, its low
    /// bits only on the key's low bytes (zeros in every short word's key),
    /// and the table takes its buckets from the low bits: rotated.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(key: &str) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(key)
    }

    #[test]
    fn ids_that_differ_only_past_their_first_eight_bytes_hash_apart() {
        assert_ne!(hash("russian-federation"), hash("russian-federatioN"));
        assert_ne!(hash("session-1"), hash("session-12"));
    }

    #[test]
    fn a_map_of_ids_finds_each_of_thousands() {
        let ids: Vec<String> = (0..5000).map(|i| format!("state-{i}")).collect();
        let map: IdMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        assert!(ids.iter().enumerate().all(|(i, id)| map.get(id.as_str()) == Some(&i)));
        assert_eq!(map.get("state-5000"), None);
    }
}
