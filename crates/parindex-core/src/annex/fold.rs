//! Matching the words of an annex: Vietnamese text folded to plain lowercase ASCII
//! (diacritics removed, `đ` → `d`, spaces collapsed), and the numbers annexes write
//! (`0,5`, `04`, `90%`, `2 điểm`), read exactly.

use rust_decimal::Decimal;
use std::str::FromStr;

/// `"Điểm tối đa"` → `"diem toi da"`. Precomposed and combining forms fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let c = base(c);
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn base(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'y'),
        ("đĐ", 'd'),
        ("\u{a0}\u{2007}\u{202f}", ' '),
        ("–—−", '-'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |&(_, b)| b)
}

/// A number as annexes write it: `0,5`, `0.5`, `04`, `1`. Nothing else around it.
pub fn number(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        || !t.as_bytes()[0].is_ascii_digit()
    {
        return None;
    }
    let t = t.replace(',', ".");
    if t.matches('.').count() > 1 || t.ends_with('.') {
        return None;
    }
    Decimal::from_str(&t).ok().map(|d| d.normalize())
}

/// Points written in a points column: `2`, `0,5`, `2 điểm`, `(1)`.
pub fn points_cell(text: &str) -> Option<Decimal> {
    let f = fold(text);
    let f = f.trim_matches(|c| c == '(' || c == ')' || c == ' ');
    let f = f.strip_suffix("diem").unwrap_or(f).trim();
    number(f)
}

/// The numbers in a folded text with where they end: `"tren 90%"` → `[(90, 8, true)]`
/// (value, byte end, followed by `%`).
pub fn numbers(folded: &str) -> Vec<(Decimal, usize, usize, bool)> {
    let b = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || ((b[i] == b',' || b[i] == b'.')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            if let Some(n) = number(&folded[start..i]) {
                let rest = folded[i..].trim_start();
                out.push((n, start, i, rest.starts_with('%')));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `folded` contains `word` as whole words.
pub fn has(folded: &str, word: &str) -> bool {
    folded.match_indices(word).any(|(i, _)| {
        let before = folded[..i].chars().next_back();
        let after = folded[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A key for a label: `"Ban hành kịp thời"` → `"ban-hanh-kip-thoi"` (at most 40 bytes).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "muc".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("  Điểm  TỐI ĐA "), "diem toi da");
        assert_eq!(fold("Tiêu chí thành phần"), "tieu chi thanh phan");
        // Combining marks (text copied from some PDF viewers).
        assert_eq!(fold("Đie\u{302}\u{309}m"), "diem");
        assert_eq!(fold("Từ 70% – 90%"), "tu 70% - 90%");
    }

    #[test]
    fn reads_numbers() {
        assert_eq!(number("0,5"), Some(Decimal::new(5, 1)));
        assert_eq!(number("04"), Some(Decimal::from(4)));
        assert_eq!(number("1.0"), Some(Decimal::ONE));
        assert_eq!(number("1,2,3"), None);
        assert_eq!(number("x"), None);
        assert_eq!(points_cell("2 điểm"), Some(Decimal::from(2)));
        assert_eq!(points_cell("(0,25)"), Some(Decimal::new(25, 2)));
        let n = numbers("tu 70% den duoi 90%: 1 diem");
        assert_eq!(n.len(), 3);
        assert!(n[0].3 && n[1].3 && !n[2].3);
        assert_eq!(slug("Ban hành kịp thời"), "ban-hanh-kip-thoi");
        assert!(has("khong ban hanh", "khong"));
        assert!(!has("khongx", "khong"));
    }
}
