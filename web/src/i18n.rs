//! The two languages of the app: Vietnamese first, English switchable. Texts are written
//! in place as `tr(lang, "…", "…")` pairs; numbers and dates follow the language
//! (`98,6%`, `25/01/2022` in Vietnamese).

use parindex_core::decimal::human;
pub use parindex_core::diagnostic::tr;
use parindex_core::Decimal;
pub use parindex_core::Lang;
use parindex_core::{Diagnostic, Framework};

/// A number for people: `8.5` → `8,5` in Vietnamese.
pub fn num(d: Decimal, lang: Lang) -> String {
    human(d, lang)
}

/// An index as published: `83,00%`, with the framework's places.
pub use parindex_core::format::index_text as index;

/// `YYYY-MM-DD` → `dd/mm/yyyy` in Vietnamese; unchanged otherwise or when not a date.
pub fn date(s: &str, lang: Lang) -> String {
    match parindex_core::date::Date::parse(s) {
        Some(d) => d.human(lang),
        None => s.to_string(),
    }
}

/// The live percentage of a numerator and denominator typed by the person, if both are
/// whole numbers: `98,6%`.
pub fn live_percent(numerator: &str, denominator: &str, lang: Lang) -> Option<String> {
    let n: u64 = numerator.trim().parse().ok()?;
    let d: u64 = denominator.trim().parse().ok()?;
    if d == 0 || n > d || d > parindex_core::decimal::MAX_COUNT {
        return None;
    }
    Some(parindex_core::decimal::human_percent(n, d, lang))
}

/// A diagnostic as a person reads it: where, in words — the criterion's code and title,
/// the part of the file, the item, the field — then the message; never an internal path
/// such as `self.1.1.2.numerator` or `[5].framework`.
pub fn placed(d: &Diagnostic, framework: Option<&Framework>, lang: Lang) -> String {
    let l = &d.location;
    let mut place: Vec<String> = Vec::new();
    if let Some(code) = &l.criterion {
        let title = framework
            .and_then(|f| f.criterion(code))
            .map(|(_, c)| format!(" «{}»", c.title.get(lang)))
            .unwrap_or_default();
        place.push(format!(
            "{} {code}{title}",
            tr(lang, "Tiêu chí", "Criterion")
        ));
    }
    let part = match l.section {
        Some("self") => Some(("phần tự đánh giá", "self-assessment")),
        Some("appraisal") => Some(("phần thẩm định", "appraisal")),
        Some("survey") => Some(("điều tra XHH", "survey")),
        Some("bonus") => Some(("điểm thưởng", "bonus")),
        Some("penalty") => Some(("điểm trừ", "penalty")),
        _ => None,
    };
    place.extend(part.map(|(vi, en)| tr(lang, vi, en).to_string()));
    if let Some(i) = l.item {
        place.push(format!("{} {}", tr(lang, "dòng", "item"), i + 1));
    }
    if let Some(f) = &l.field {
        place.push(field_words(f, lang));
    }
    let message = d.message.get(lang);
    if place.is_empty() {
        return message.to_string();
    }
    let mut out = place.join(", ");
    // The first word is capitalised only when a criterion leads.
    if l.criterion.is_none() {
        if let Some(first) = out.chars().next() {
            out = first.to_uppercase().chain(out.chars().skip(1)).collect();
        }
    }
    format!("{out}: {message}")
}

/// The words of an entry's fields: key, Vietnamese, English.
const FIELD_WORDS: [(&str, &str, &str); 21] = [
    ("numerator", "tử số", "numerator"),
    ("denominator", "mẫu số", "denominator"),
    ("value", "số lượng", "count"),
    ("date", "ngày", "date"),
    ("done", "hoàn thành", "done"),
    ("checked", "các mục đã đạt", "items met"),
    ("choice", "lựa chọn", "choice"),
    ("points", "điểm", "points"),
    ("percent", "tỷ lệ", "percentage"),
    ("not_applicable", "không phát sinh", "not applicable"),
    ("evidence", "tài liệu kiểm chứng", "evidence"),
    ("ref", "số, ký hiệu", "number"),
    ("title", "trích yếu", "title"),
    ("note", "ghi chú", "note"),
    ("comment", "nhận xét", "comment"),
    ("explanation", "giải trình", "explanation"),
    ("reason", "lý do", "reason"),
    ("framework", "bộ chỉ số", "framework"),
    ("unit", "cơ quan, đơn vị", "unit"),
    ("year", "năm", "year"),
    ("format", "phiên bản định dạng", "format version"),
];

/// A field of an entry in words: `numerator` → *tử số*, `evidence[0].date` → *tài liệu
/// kiểm chứng 1, ngày*. Keys with no words of their own are quoted as written.
pub fn field_words(field: &str, lang: Lang) -> String {
    let word = |key: &str| {
        FIELD_WORDS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, vi, en)| tr(lang, vi, en))
    };
    field
        .split('.')
        .map(|part| {
            let (key, index) = match part.split_once('[') {
                Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let named = word(key).map_or_else(|| format!("\"{key}\""), str::to_string);
            match index {
                Some(i) => format!("{named} {}", i + 1),
                None => named,
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use parindex_core::scorecard::Index;

    #[test]
    fn vietnamese_formats() {
        assert_eq!(num(Decimal::new(12345, 1), Lang::Vi), "1.234,5");
        let i = Some(Index {
            value: Decimal::from(83),
            places: 2,
        });
        assert_eq!(index(i, Lang::Vi), "83,00%");
        assert_eq!(index(i, Lang::En), "83.00%");
        assert_eq!(date("2022-01-25", Lang::Vi), "25/01/2022");
        assert_eq!(
            live_percent("6416", "6507", Lang::Vi).as_deref(),
            Some("98,6%")
        );
        assert_eq!(live_percent("7", "0", Lang::Vi), None);
    }

    #[test]
    fn problems_are_placed_in_words() {
        use parindex_core::diagnostic::Location;
        let at = |section, criterion: Option<&str>, item, field: Option<&str>| {
            Diagnostic::error("x", "self.1.1.2.numerator", "sai", "wrong").at(Location {
                section,
                criterion: criterion.map(str::to_string),
                item,
                field: field.map(str::to_string),
                ..Location::default()
            })
        };
        let d = at(Some("self"), Some("1.1.2"), None, Some("numerator"));
        assert_eq!(
            placed(&d, None, Lang::Vi),
            "Tiêu chí 1.1.2, phần tự đánh giá, tử số: sai"
        );
        assert_eq!(
            placed(&d, None, Lang::En),
            "Criterion 1.1.2, self-assessment, numerator: wrong"
        );
        let d = at(Some("self"), Some("1.1.1"), None, Some("evidence[0].date"));
        assert_eq!(
            placed(&d, None, Lang::Vi),
            "Tiêu chí 1.1.1, phần tự đánh giá, tài liệu kiểm chứng 1, ngày: sai"
        );
        let d = at(Some("bonus"), None, Some(1), Some("reason"));
        assert_eq!(
            placed(&d, None, Lang::Vi),
            "Điểm thưởng, dòng 2, lý do: sai"
        );
        let d = at(None, None, None, Some("framework"));
        assert_eq!(placed(&d, None, Lang::Vi), "Bộ chỉ số: sai");
        let d = at(None, None, None, None);
        assert_eq!(placed(&d, None, Lang::En), "wrong");
        let d = at(Some("self"), Some("9.9"), None, Some("odd"));
        assert_eq!(
            placed(&d, None, Lang::Vi),
            "Tiêu chí 9.9, phần tự đánh giá, \"odd\": sai"
        );
    }
}
