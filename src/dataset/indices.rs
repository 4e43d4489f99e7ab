//! Positions in the dataset's lists of themes, States and groups of
//! persons, as the columns and bit masks hold them (a theme is a bit of a
//! u64, a State a u16).

pub type ThemeIndex = u8;
pub type StateIndex = u16;
pub type PersonIndex = u8;
