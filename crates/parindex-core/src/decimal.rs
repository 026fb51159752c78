//! Exact numbers: bounds that keep every product inside rust_decimal's 96 bits, exact
//! rounding of quotients, and the number formats of scorecards and explanations.

use crate::diagnostic::Lang;
use crate::keyword::keyword_enum;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;

/// Largest point value or threshold a framework may use.
pub const MAX_POINTS: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);
/// Most decimal places a framework value may have.
pub const MAX_FRAMEWORK_PLACES: u32 = 4;
/// Largest whole count (numerator, denominator, value) an assessment may give: 10^15.
pub const MAX_COUNT: u64 = 1_000_000_000_000_000;
/// Most decimal places a percent or manual entry may have.
pub const MAX_INPUT_PLACES: u32 = 6;

keyword_enum! {
    /// How a framework rounds `proportional` and `survey` points and the index.
    pub enum RoundingMode ("cách làm tròn", "rounding mode") {
        /// Ties away from zero.
        HalfUp = "half-up",
        /// Ties to the even neighbour (banker's rounding).
        HalfEven = "half-even",
        /// Truncation toward zero.
        Down = "down",
    }
}

/// The framework's rounding: places and mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub places: u32,
    pub mode: RoundingMode,
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// `numerator / denominator` rounded to `rounding`, computed exactly on the rational
/// value: no intermediate rounding, so a tie is a real tie. `None` when the denominator
/// is not positive or the value does not fit (impossible within the documented bounds).
pub fn round_quotient(
    numerator: Decimal,
    denominator: Decimal,
    rounding: Rounding,
) -> Option<Decimal> {
    if denominator <= Decimal::ZERO || numerator < Decimal::ZERO {
        return None;
    }
    // n/d = (nm / 10^ns) / (dm / 10^ds) = nm * 10^ds / (dm * 10^ns)
    let scaled_num = numerator
        .mantissa()
        .checked_mul(pow10(denominator.scale() + rounding.places)?)?;
    let scaled_den = denominator
        .mantissa()
        .checked_mul(pow10(numerator.scale())?)?;
    let quotient = scaled_num / scaled_den;
    let remainder = scaled_num % scaled_den;
    let twice = remainder.checked_mul(2)?;
    let round_up = match rounding.mode {
        RoundingMode::Down => false,
        RoundingMode::HalfUp => twice >= scaled_den,
        RoundingMode::HalfEven => twice > scaled_den || (twice == scaled_den && quotient % 2 == 1),
    };
    let result = if round_up {
        quotient.checked_add(1)?
    } else {
        quotient
    };
    Decimal::try_from_i128_with_scale(result, rounding.places).ok()
}

/// Rounds an exact decimal (already a value, not a quotient).
pub fn round_value(value: Decimal, rounding: Rounding) -> Option<Decimal> {
    round_quotient(value, Decimal::ONE, rounding)
}

/// Compares the percentage `numerator / denominator × 100` with `threshold` exactly,
/// as `numerator × 100` against `threshold × denominator`.
pub fn cmp_percent(numerator: u64, denominator: u64, threshold: Decimal) -> Ordering {
    let left = Decimal::from(numerator).checked_mul(Decimal::ONE_HUNDRED);
    let right = threshold.checked_mul(Decimal::from(denominator));
    match (left, right) {
        (Some(l), Some(r)) => l.cmp(&r),
        // Outside the documented bounds; cannot happen for validated input.
        _ => Ordering::Less,
    }
}

/// The digits of a decimal's magnitude (`buf[start..]`, at least one before the point)
/// and how many of them, from the right, follow the point. Written by hand rather than
/// through `Decimal`'s `Display`: a scorecard writes hundreds of numbers, and this is
/// several times faster (a property test holds both equal).
struct Digits {
    buf: [u8; 40],
    start: usize,
    scale: usize,
    negative: bool,
}

impl Digits {
    /// `value` with `places` decimals, or normalised (no trailing zeros) for `None`.
    fn of(value: Decimal, places: Option<u32>) -> Digits {
        let mut v = value;
        if let Some(p) = places {
            v.rescale(p);
        }
        let mut m = v.mantissa().unsigned_abs();
        let mut scale = v.scale() as usize;
        if places.is_none() {
            while scale > 0 && m % 10 == 0 {
                m /= 10;
                scale -= 1;
            }
        }
        // As `Display` does: a normalised zero has no sign, a rescaled one keeps it.
        let negative = v.is_sign_negative() && (m != 0 || places.is_some());
        let mut buf = [b'0'; 40];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        // Leading zeros so that the point has a digit before it (`0.05`): a 96-bit
        // mantissa has at most 29 digits and the scale is at most 28.
        while buf.len() - start <= scale {
            start -= 1;
        }
        Digits {
            buf,
            start,
            scale,
            negative,
        }
    }

    /// Writes the number with the given thousands separator (or none) and decimal point.
    fn write(&self, group: Option<char>, point: char, out: &mut impl fmt::Write) -> fmt::Result {
        if self.negative {
            out.write_char('-')?;
        }
        let digits = &self.buf[self.start..];
        let int = digits.len() - self.scale;
        for (k, &d) in digits.iter().enumerate() {
            if k == int {
                out.write_char(point)?;
            } else if let Some(g) = group.filter(|_| k > 0 && k < int && (int - k) % 3 == 0) {
                out.write_char(g)?;
            }
            out.write_char(char::from(d))?;
        }
        Ok(())
    }

    fn separators(lang: Lang) -> (char, char) {
        match lang {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        }
    }

    fn plain(&self) -> String {
        let mut out = String::with_capacity(self.buf.len() - self.start + 2);
        let _ = self.write(None, '.', &mut out);
        out
    }

    fn grouped(&self, lang: Lang) -> String {
        let (group, point) = Digits::separators(lang);
        let mut out = String::with_capacity(self.buf.len() - self.start + 10);
        let _ = self.write(Some(group), point, &mut out);
        out
    }
}

/// A number for people, written straight into the text that holds it (no string of
/// its own): `format!("… {} …", Human(value, lang))` writes what [`human`] returns.
#[derive(Debug, Clone, Copy)]
pub struct Human(pub Decimal, pub Lang);

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (group, point) = Digits::separators(self.1);
        Digits::of(self.0, None).write(Some(group), point, f)
    }
}

/// A decimal as scorecards write it: normalised, no trailing zeros (`"8.5"`, `"9"`).
pub fn points_str(value: Decimal) -> String {
    Digits::of(value, None).plain()
}

/// [`points_str`] appended to `out`.
pub(crate) fn push_points(out: &mut String, value: Decimal) {
    let _ = Digits::of(value, None).write(None, '.', out);
}

/// A decimal with exactly `places` decimals (`"83.00"`), as published indices are.
pub fn fixed_str(value: Decimal, places: u32) -> String {
    Digits::of(value, Some(places)).plain()
}

/// A number for people: decimal comma and dot thousands in Vietnamese (`6.507`,
/// `98,6`), the other way round in English (`6,507`, `98.6`).
pub fn human(value: Decimal, lang: Lang) -> String {
    Digits::of(value, None).grouped(lang)
}

/// The same number for people in both languages, the digits written once (explanations
/// and messages carry both).
pub fn human_both(value: Decimal) -> (String, String) {
    let d = Digits::of(value, None);
    (d.grouped(Lang::Vi), d.grouped(Lang::En))
}

/// A percentage for people, to two decimals at most (`98,6%`).
pub fn human_percent(numerator: u64, denominator: u64, lang: Lang) -> String {
    let rounding = Rounding {
        places: 2,
        mode: RoundingMode::HalfUp,
    };
    let pct = round_quotient(
        Decimal::from(numerator) * Decimal::ONE_HUNDRED,
        Decimal::from(denominator),
        rounding,
    )
    .unwrap_or(Decimal::ZERO);
    format!("{}%", human(pct, lang))
}

/// `= 98,6%` when the shown percentage is exact, `≈ 98,6%` when it is rounded, so that
/// an explanation never claims a rounded value is the one compared.
pub fn percent_relation(numerator: u64, denominator: u64, lang: Lang) -> String {
    let exact = (u128::from(numerator) * 10_000) % u128::from(denominator.max(1)) == 0;
    let sign = if exact { '=' } else { '≈' };
    format!("{sign} {}", human_percent(numerator, denominator, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn r(places: u32, mode: RoundingMode) -> Rounding {
        Rounding { places, mode }
    }

    #[test]
    fn ties_follow_the_mode() {
        assert_eq!(
            round_quotient(d("1"), d("8"), r(2, RoundingMode::HalfUp)),
            Some(d("0.13"))
        );
        assert_eq!(
            round_quotient(d("1"), d("8"), r(2, RoundingMode::HalfEven)),
            Some(d("0.12"))
        );
        assert_eq!(
            round_quotient(d("3"), d("8"), r(2, RoundingMode::HalfEven)),
            Some(d("0.38"))
        );
        assert_eq!(
            round_quotient(d("1"), d("8"), r(2, RoundingMode::Down)),
            Some(d("0.12"))
        );
    }

    #[test]
    fn non_terminating_quotients_round_exactly() {
        assert_eq!(
            round_quotient(d("2"), d("3"), r(2, RoundingMode::HalfUp)),
            Some(d("0.67"))
        );
        assert_eq!(
            round_quotient(d("2"), d("3"), r(2, RoundingMode::Down)),
            Some(d("0.66"))
        );
        assert_eq!(
            round_quotient(d("200"), d("3"), r(0, RoundingMode::HalfEven)),
            Some(d("67"))
        );
    }

    #[test]
    fn scales_of_both_operands_are_respected() {
        assert_eq!(
            round_quotient(d("0.5"), d("0.25"), r(2, RoundingMode::HalfUp)),
            Some(d("2.00"))
        );
        assert_eq!(
            round_quotient(d("12.345"), d("1"), r(2, RoundingMode::HalfUp)),
            Some(d("12.35"))
        );
        assert_eq!(
            round_quotient(d("12.345"), d("1"), r(2, RoundingMode::HalfEven)),
            Some(d("12.34"))
        );
    }

    #[test]
    fn refuses_zero_or_negative_denominators() {
        assert_eq!(
            round_quotient(d("1"), d("0"), r(2, RoundingMode::HalfUp)),
            None
        );
        assert_eq!(
            round_quotient(d("-1"), d("2"), r(2, RoundingMode::HalfUp)),
            None
        );
    }

    #[test]
    fn percent_comparison_is_exact_at_the_edge() {
        assert_eq!(cmp_percent(19, 20, d("95")), Ordering::Equal);
        assert_eq!(cmp_percent(2, 3, d("66.6667")), Ordering::Less);
        assert_eq!(cmp_percent(2, 3, d("66.6666")), Ordering::Greater);
    }

    #[test]
    fn human_numbers_follow_the_language() {
        assert_eq!(human(d("6507"), Lang::Vi), "6.507");
        assert_eq!(human(d("6507"), Lang::En), "6,507");
        assert_eq!(human(d("98.60"), Lang::Vi), "98,6");
        assert_eq!(human(d("1234567.25"), Lang::En), "1,234,567.25");
        assert_eq!(human(d("-1234.5"), Lang::Vi), "-1.234,5");
        assert_eq!(human(d("0"), Lang::En), "0");
        assert_eq!(
            human_both(d("12345.60")),
            ("12.345,6".to_string(), "12,345.6".to_string())
        );
        assert_eq!(human_percent(6416, 6507, Lang::Vi), "98,6%");
        assert_eq!(percent_relation(6416, 6507, Lang::Vi), "≈ 98,6%");
        assert_eq!(percent_relation(19, 20, Lang::En), "= 95%");
        assert_eq!(fixed_str(d("83"), 2), "83.00");
        assert_eq!(points_str(d("8.50")), "8.5");
        assert_eq!(points_str(d("-0.050")), "-0.05");
        assert_eq!(fixed_str(d("0.5"), 3), "0.500");
        assert_eq!(fixed_str(d("2.675"), 2), "2.68");
        // As `Decimal`'s `Display`: a negative rounded to zero keeps its sign.
        assert_eq!(fixed_str(d("-0.1"), 0), "-0");
    }

    proptest::proptest! {
        /// The hand-written digits are `Decimal`'s own, for every mantissa and scale.
        #[test]
        fn digits_are_decimals_own(lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28, places in 0u32..=6, small: u64) {
            for value in [
                Decimal::from_parts(lo, mid, hi, negative, scale),
                Decimal::from_parts(0, 0, 0, negative, scale),
                Decimal::from_parts(lo, 0, 0, negative, scale),
                Decimal::from_parts(small as u32, (small >> 32) as u32, 0, negative, scale % 5),
            ] {
                proptest::prop_assert_eq!(points_str(value), value.normalize().to_string());
                let mut fixed = value;
                fixed.rescale(places);
                proptest::prop_assert_eq!(fixed_str(value, places), fixed.to_string());
                let plain = value.normalize().to_string();
                proptest::prop_assert_eq!(human(value, Lang::Vi), grouped_reference(&plain, Lang::Vi));
                proptest::prop_assert_eq!(human(value, Lang::En), grouped_reference(&plain, Lang::En));
                proptest::prop_assert_eq!(Human(value, Lang::Vi).to_string(), human(value, Lang::Vi));
            }
        }
    }

    /// The grouping as it was written before the digits were: over `Display`'s text.
    fn grouped_reference(s: &str, lang: Lang) -> String {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let (sign, digits) = match int.strip_prefix('-') {
            Some(d) => ("-", d),
            None => ("", int),
        };
        let (group, point) = match lang {
            Lang::Vi => ('.', ','),
            Lang::En => (',', '.'),
        };
        let mut out = String::from(sign);
        for (i, c) in digits.char_indices() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(point);
            out.push_str(f);
        }
        out
    }
}
