//! Stable sorting of the short lists scoring makes (gaps, appraisal changes, draft items
//! to drop): an insertion sort. Each use of the standard library's sort adds kilobytes
//! of WebAssembly for its element type; this adds a few hundred bytes. Quadratic, so
//! only for lists as long as a framework's leaves — ranking keeps the standard sort.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, 0u16..1000), 0..80)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
