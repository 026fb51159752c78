//! Criterion codes (*mã tiêu chí*): dotted paths such as `3.2.1`, whose parent is `3.2`,
//! compared segment by segment so that `1.10` sorts after `1.9`.

use std::cmp::Ordering;

/// Whether `code` is a well-formed dotted path of ASCII letters and digits.
pub fn is_well_formed(code: &str) -> bool {
    !code.is_empty()
        && code
            .split('.')
            .all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The parent code, `None` for a top-level code (*lĩnh vực*).
pub fn parent(code: &str) -> Option<&str> {
    code.rsplit_once('.').map(|(p, _)| p)
}

/// How deep a code sits: 0 for a field (*lĩnh vực*) `3`, 2 for `3.2.1`.
pub fn depth(code: &str) -> usize {
    code.matches('.').count()
}

/// Natural order of codes: numeric segments compare as numbers.
pub fn compare(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n).then_with(|| x.cmp(y)),
                    _ => x.cmp(y),
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(is_well_formed("3.2.1"));
        assert!(is_well_formed("7a"));
        assert!(!is_well_formed("1..2"));
        assert!(!is_well_formed(".1"));
        assert!(!is_well_formed("1.2 "));
        assert_eq!(parent("3.2.1"), Some("3.2"));
        assert_eq!(parent("3"), None);
        assert_eq!(compare("1.10", "1.9"), Ordering::Greater);
        assert_eq!(compare("1", "1.1"), Ordering::Less);
    }
}
