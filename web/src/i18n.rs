//! The two languages of the app: Vietnamese first, English switchable. Texts are written
//! in place as `tr(lang, "…", "…")` pairs; numbers and dates follow the language
//! (`98,6%`, `25/01/2022` in Vietnamese).

use parindex_core::decimal::human;
pub use parindex_core::diagnostic::tr;
use parindex_core::Decimal;
pub use parindex_core::Lang;

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
}
