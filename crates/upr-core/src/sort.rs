//! The viewer's small orderings (options by count, States by name, the
//! result list), sorted by one copy of the standard library's sort.
//!
//! Each `sort_by` with its own comparison is a copy of the whole sort in
//! the wasm, 2-3 KB apiece: twenty of them were 67 KB of the app's code.
//! Here the standard sort orders positions through one `dyn` comparison,
//! so it is compiled once; what is left per call site is the comparison
//! and a few lines that move the items into place.
//!
//! Stable, like `slice::sort_by`: items that compare equal keep their
//! order. The lists sorted here have at most a few thousand items (at 16
//! times the data); the large ones (the table's rows, the word index) keep
//! the standard sort, where the indirect comparison would cost time.

use std::cmp::Ordering;

/// `items` in the order `compare` gives, stable.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    place(items, &order);
}

/// `items` ordered by `key`, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `items` ordered by `key`, computed once per item (for keys that
/// allocate, such as a name in lower case), stable.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    place(items, &order);
}

/// Options with their counts, the most first; equal counts in the
/// options' order. What a card, a chart and the table list first.
pub fn most_first<T>(options: &mut [(usize, T)], count: impl Fn(&T) -> u32) {
    sort_by(options, |a, b| {
        count(&b.1).cmp(&count(&a.1)).then(a.0.cmp(&b.0))
    });
}

/// The only instance of the standard sort: the positions `0..len` in the
/// order `compare` gives them.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Moves `items` so that `items[i]` becomes the item that was at
/// `order[i]`: each swap puts one item where it belongs.
fn place<T>(items: &mut [T], order: &[usize]) {
    let mut destination = vec![0; order.len()];
    for (to, from) in order.iter().enumerate() {
        destination[*from] = to;
    }
    for at in 0..items.len() {
        while destination[at] != at {
            let to = destination[at];
            items.swap(at, to);
            destination.swap(at, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_like_the_standard_sort_and_keeps_ties_in_place() {
        // Pairs sorted by their first number only: the second shows
        // whether ties kept their order.
        let pairs: Vec<(u8, usize)> = [5, 3, 5, 1, 3, 3, 9, 0, 5, 1]
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i))
            .collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        let mut sorted = pairs.clone();
        sort_by_key(&mut sorted, |p| p.0);
        assert_eq!(sorted, expected);
        let mut cached = pairs.clone();
        sort_by_cached_key(&mut cached, |p| p.0.to_string());
        assert_eq!(cached, expected);
        let mut descending = pairs;
        sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
        assert_eq!(
            descending.iter().map(|p| p.0).collect::<Vec<_>>(),
            [9, 5, 5, 5, 3, 3, 3, 1, 1, 0]
        );
        assert_eq!(
            descending[1..4].iter().map(|p| p.1).collect::<Vec<_>>(),
            [0, 2, 8]
        );
    }

    #[test]
    fn the_most_first_and_equal_counts_in_option_order() {
        let mut options = vec![(0, 2u32), (1, 5), (2, 2), (3, 7), (4, 5)];
        most_first(&mut options, |count| *count);
        assert_eq!(options, [(3, 7), (1, 5), (4, 5), (0, 2), (2, 2)]);
    }

    #[test]
    fn every_permutation_of_five_items_comes_out_sorted() {
        // All 120 orders of five distinct items: a wrong move in `place`
        // would leave one out of place or lose one.
        fn permutations(items: Vec<u8>) -> Vec<Vec<u8>> {
            if items.len() <= 1 {
                return vec![items];
            }
            (0..items.len())
                .flat_map(|i| {
                    let mut rest = items.clone();
                    let first = rest.remove(i);
                    permutations(rest).into_iter().map(move |mut p| {
                        p.insert(0, first);
                        p
                    })
                })
                .collect()
        }
        let all = permutations(vec![4, 1, 3, 0, 2]);
        assert_eq!(all.len(), 120);
        for mut items in all {
            sort_by_key(&mut items, |n| *n);
            assert_eq!(items, [0, 1, 2, 3, 4]);
        }
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |n| *n);
        assert!(empty.is_empty());
    }
}
