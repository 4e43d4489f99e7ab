//! LEB128 varints: small numbers in a byte, larger ones in as many as
//! they need. The texts' edit lists and the word index's gaps between
//! rows are written in them.

pub(super) fn varint(mut value: usize, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(super) fn read_varint(bytes: &mut &[u8]) -> usize {
    let mut value = 0usize;
    let mut shift = 0;
    while let Some((first, rest)) = bytes.split_first() {
        *bytes = rest;
        value |= ((first & 0x7f) as usize) << shift;
        shift += 7;
        if first & 0x80 == 0 || shift >= usize::BITS {
            break;
        }
    }
    value
}
