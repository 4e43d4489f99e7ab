//! Positions in the dataset's lists of themes, States and groups of
//! persons, as the columns and bit masks hold them (a theme is a bit of a
//! u64, a State a u16).

pub type ThemeIndex = u8;
pub type StateIndex = u16;
pub type PersonIndex = u8;

/// The indices whose bits are set in `mask`, lowest first: themes, and
/// (cast to `u64`) SDG goals (index = goal - 1) and groups of persons.
pub fn theme_indices(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let index = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            index
        })
    })
}
