//! Strict reading of parsed TOML/JSON trees: typed fields, required and unknown keys,
//! each problem reported as a diagnostic with its path. Both file kinds are read as
//! `serde_json::Value`, so one reader serves frameworks and assessments; assessment text
//! read natively comes as the borrowed `tree::Tree` — the reader takes any [`Node`].

use crate::codes;
use crate::date::Date;
use crate::decimal::{human, MAX_COUNT, MAX_FRAMEWORK_PLACES, MAX_INPUT_PLACES, MAX_POINTS};
use crate::diagnostic::{Diagnostics, Lang};
use crate::markers::{marker_text, DATETIME_MARKER, FLOAT_MARKER};
use crate::tree::{Node, Object};
use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt;

/// The path of a key (`self.3.3.2` + `numerator`), written out only when displayed:
/// reading a valid file builds no path strings at all.
#[derive(Clone)]
pub struct KeyPath<'p, 'k> {
    base: &'p dyn fmt::Display,
    key: &'k str,
}

impl fmt::Display for KeyPath<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only ever displayed for a diagnostic, so the base may be written out first.
        let base = self.base.to_string();
        if base.is_empty() {
            f.write_str(self.key)
        } else {
            write!(f, "{base}.{}", self.key)
        }
    }
}

/// The path of an element of a list (`self.1.6.checked` + 1 → `self.1.6.checked[1]`),
/// written out only when displayed.
pub struct Indexed<'p> {
    pub list: &'p dyn fmt::Display,
    pub index: usize,
}

impl fmt::Display for Indexed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)
    }
}

/// The keys of one table/object, read one by one; whatever is left unread at
/// [`Fields::finish`] is an unknown key.
pub struct Fields<'a, 'p, N: Node + 'a = Value> {
    map: &'a N::Object,
    /// Written out only when a diagnostic needs it.
    path: &'p dyn fmt::Display,
    used: Vec<&'a str>,
}

impl<'a, 'p, N: Node + 'a> Fields<'a, 'p, N> {
    /// Opens `value` as a table, or reports that it is not one.
    pub fn of(value: &'a N, path: &'p dyn fmt::Display, diags: &mut Diagnostics) -> Option<Self> {
        let map = typed(
            value,
            N::as_object,
            ("một bảng/đối tượng", "a table/object"),
            path,
            diags,
        )?;
        Some(Fields {
            map,
            path,
            used: Vec::with_capacity(map.len()),
        })
    }

    /// The path of a key inside this table, written out only if a diagnostic needs it.
    pub fn path_of<'k>(&self, key: &'k str) -> KeyPath<'p, 'k> {
        KeyPath {
            base: self.path,
            key,
        }
    }

    /// The value under `key`, if present (marks it as read).
    pub fn optional(&mut self, key: &str) -> Option<&'a N> {
        let (k, v) = self.map.get_key_value(key)?;
        self.used.push(k);
        Some(v)
    }

    /// The value under `key`, or a "missing required key" diagnostic.
    pub fn required(&mut self, key: &str, diags: &mut Diagnostics) -> Option<&'a N> {
        let value = self.optional(key);
        if value.is_none() {
            diags.error(
                codes::KEY_MISSING,
                self.path_of(key),
                "thiếu khoá bắt buộc",
                "missing required key",
            );
        }
        value
    }

    /// The value under `key` without marking it read (to decide how to read others).
    pub fn peek(&self, key: &str) -> Option<&'a N> {
        self.map.get_key_value(key).map(|(_, v)| v)
    }

    /// The value under `key` read with `read` (which reports what is wrong with it), or
    /// a "missing required key" diagnostic.
    pub fn required_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&'a N, &dyn fmt::Display, &mut Diagnostics) -> Option<T>,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let value = self.required(key, diags)?;
        read(value, &self.path_of(key), diags)
    }

    /// The value under `key` read with `read`, if present; `None` when absent or wrong
    /// (reported).
    pub fn optional_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&'a N, &dyn fmt::Display, &mut Diagnostics) -> Option<T>,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let value = self.optional(key)?;
        read(value, &self.path_of(key), diags)
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.get_key_value(key).is_some()
    }

    /// Every key present with its value, sorted by key.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'a N)> {
        self.map.entries()
    }

    /// Every key present and not read yet.
    pub fn unread(&self) -> impl Iterator<Item = &'a str> + '_ {
        // A key read is the map's own string, so the same address is the same key.
        self.map
            .entries()
            .map(|(key, _)| key)
            .filter(|key| !self.used.iter().any(|u| std::ptr::eq(*u, *key)))
    }

    /// Reports every key that was not read.
    pub fn finish(self, diags: &mut Diagnostics) {
        for key in self.unread() {
            diags.error(
                codes::KEY_UNKNOWN,
                self.path_of(key),
                "khoá không được hỗ trợ",
                "unknown key",
            );
        }
    }
}

/// What kind of value was found, in Vietnamese and English (for "expected …, found …").
pub fn describe(value: &Value) -> (&'static str, &'static str) {
    const FLOAT: (&str, &str) = ("số dấu phẩy động", "floating-point number");
    if marker_text(value, FLOAT_MARKER).is_some() {
        return FLOAT;
    }
    if marker_text(value, DATETIME_MARKER).is_some() {
        return ("ngày kiểu TOML", "TOML date");
    }
    match value {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("true/false", "true/false"),
        Value::Number(n) if n.is_i64() || n.is_u64() => ("số nguyên", "integer"),
        Value::Number(_) => FLOAT,
        Value::String(_) => ("chuỗi ký tự", "string"),
        Value::Array(_) => ("mảng", "array"),
        Value::Object(_) => ("bảng/đối tượng", "table/object"),
    }
}

fn type_error(value: &Value, path: &dyn fmt::Display, vi: &str, en: &str, diags: &mut Diagnostics) {
    let (found_vi, found_en) = describe(value);
    diags.error(
        codes::VALUE_WRONG_TYPE,
        path,
        format!("cần {vi}, nhận được {found_vi}"),
        format!("expected {en}, found {found_en}"),
    );
}

/// `value` as `T` when `as_t` reads it; otherwise "expected WHAT, found …".
fn typed<'a, N: Node, T>(
    value: &'a N,
    as_t: impl FnOnce(&'a N) -> Option<T>,
    what: (&str, &str),
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<T> {
    let found = as_t(value);
    if found.is_none() {
        type_error(&value.to_value(), path, what.0, what.1, diags);
    }
    found
}

pub fn string(
    value: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<String> {
    text(value, path, diags).map(str::to_string)
}

/// [`string`] without a copy, for values read and dropped at once.
fn text<'a, N: Node>(
    value: &'a N,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<&'a str> {
    typed(
        value,
        N::as_str,
        ("một chuỗi ký tự", "a string"),
        path,
        diags,
    )
}

/// A string that must contain something other than spaces.
pub fn non_empty_string(
    value: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<String> {
    let s = string(value, path, diags)?;
    if s.trim().is_empty() {
        diags.error(
            codes::VALUE_EMPTY,
            path,
            "không được để trống",
            "must not be empty",
        );
        return None;
    }
    Some(s)
}

pub fn boolean<N: Node>(
    value: &N,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<bool> {
    typed(
        value,
        N::as_bool,
        ("true hoặc false", "true or false"),
        path,
        diags,
    )
}

pub fn array<'a, N: Node>(
    value: &'a N,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<&'a [N]> {
    typed(value, N::as_array, ("một mảng", "an array"), path, diags)
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn date(value: &impl Node, path: &dyn fmt::Display, diags: &mut Diagnostics) -> Option<Date> {
    let s = text(value, path, diags)?;
    let d = Date::parse(s);
    if d.is_none() {
        diags.error(
            codes::DATE_NOT_REAL,
            path,
            format!("\"{s}\" không phải là một ngày có thật (YYYY-MM-DD)"),
            format!("\"{s}\" is not a real date (YYYY-MM-DD)"),
        );
    }
    d
}

/// A plain decimal literal: optional minus, digits, optional fraction.
fn is_decimal_literal(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// An exact decimal, written as a string (`"0.5"`) or an integer; floating-point
/// literals are refused because their value is not exact.
pub fn decimal(
    value: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    if let Some(s) = value.as_str() {
        let parsed = is_decimal_literal(s)
            .then(|| Decimal::from_str_exact(s).ok())
            .flatten();
        if parsed.is_none() {
            diags.error(
                codes::DECIMAL_MALFORMED,
                path,
                format!("\"{s}\" không phải là số thập phân (ví dụ \"0.5\")"),
                format!("\"{s}\" is not a decimal number (write e.g. \"0.5\")"),
            );
        }
        return parsed;
    }
    if let Some(i) = value.as_i64() {
        return Some(Decimal::from(i));
    }
    if let Some(u) = value.as_u64() {
        return Some(Decimal::from(u));
    }
    // A float literal, in JSON or TOML, as written: refused, because it is not exact.
    let value = value.to_value();
    let float = match &*value {
        Value::Number(n) => Some(n.to_string()),
        other => marker_text(other, FLOAT_MARKER).map(str::to_string),
    };
    match float {
        Some(n) => diags.error(
            codes::DECIMAL_FLOAT,
            path,
            format!("hãy viết số thập phân trong dấu ngoặc kép (\"{n}\"): số dấu phẩy động không chính xác"),
            format!("write decimals as strings (\"{n}\"): floating-point numbers are not exact"),
        ),
        None => type_error(
            &value,
            path,
            "một số thập phân dạng chuỗi",
            "a decimal string",
            diags,
        ),
    }
    None
}

/// A decimal within `[0, MAX_POINTS]` with at most four decimals: every framework
/// point value and threshold.
pub fn framework_number(
    value: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    let d = decimal(value, path, diags)?;
    if d < Decimal::ZERO {
        diags.error(
            codes::NUMBER_NEGATIVE,
            path,
            format!("{d} là số âm (phải từ 0 trở lên)"),
            format!("{d} is negative (must be 0 or more)"),
        );
        return None;
    }
    if d > MAX_POINTS {
        diags.error(
            codes::NUMBER_TOO_LARGE,
            path,
            format!("{d} nằm ngoài khoảng từ 0 đến 1000000"),
            format!("{d} is outside 0 to 1000000"),
        );
        return None;
    }
    if d.scale() > MAX_FRAMEWORK_PLACES {
        diags.error(
            codes::NUMBER_TOO_MANY_PLACES,
            path,
            format!("{d} có quá {MAX_FRAMEWORK_PLACES} chữ số thập phân"),
            format!("{d} has more than {MAX_FRAMEWORK_PLACES} decimal places"),
        );
        return None;
    }
    Some(d)
}

/// A decimal typed into an assessment (manual points, a survey percent): exact, with at
/// most [`MAX_INPUT_PLACES`] decimals.
pub fn input_decimal(
    value: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    let d = decimal(value, path, diags)?;
    if d.scale() > MAX_INPUT_PLACES {
        diags.error(
            codes::NUMBER_TOO_MANY_PLACES,
            path,
            format!(
                "{} có quá {MAX_INPUT_PLACES} chữ số thập phân",
                human(d, Lang::Vi)
            ),
            format!(
                "{} has more than {MAX_INPUT_PLACES} decimal places",
                human(d, Lang::En)
            ),
        );
        return None;
    }
    Some(d)
}

/// A whole count from 0 to 10^15, as a JSON integer or a string of digits.
pub fn count(value: &impl Node, path: &dyn fmt::Display, diags: &mut Diagnostics) -> Option<u64> {
    let parsed: Result<u64, String> = if let Some(u) = value.as_u64() {
        Ok(u)
    } else if let Some(s) = value.as_str() {
        match Decimal::from_str_exact(s) {
            Ok(d) if is_decimal_literal(s) && d.fract().is_zero() && d >= Decimal::ZERO => {
                u64::try_from(d.trunc().mantissa()).map_err(|_| s.to_string())
            }
            _ => Err(s.to_string()),
        }
    } else {
        match &*value.to_value() {
            // Negative or a float: said back as written.
            Value::Number(n) => Err(n.to_string()),
            other => {
                type_error(
                    other,
                    path,
                    "một số nguyên không âm",
                    "a whole number",
                    diags,
                );
                return None;
            }
        }
    };
    match parsed {
        Ok(u) if u <= MAX_COUNT => Some(u),
        Ok(u) => {
            diags.error(
                codes::NUMBER_TOO_LARGE,
                path,
                format!("{} quá lớn (tối đa 10^15)", human(u.into(), Lang::Vi)),
                format!("{} is too large (at most 10^15)", human(u.into(), Lang::En)),
            );
            None
        }
        Err(shown) => {
            diags.error(
                codes::COUNT_NOT_WHOLE,
                path,
                format!("{shown} không phải là số nguyên không âm"),
                format!("{shown} is not a whole number of 0 or more"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decimals_are_strict() {
        let mut d = Diagnostics::default();
        assert_eq!(
            decimal(&json!("0.5"), &"x", &mut d),
            Some(Decimal::new(5, 1))
        );
        assert_eq!(decimal(&json!(3), &"x", &mut d), Some(Decimal::from(3)));
        assert!(d.is_empty());
        for bad in [
            json!("1e3"),
            json!(".5"),
            json!("5."),
            json!(" 5"),
            json!("+5"),
            json!(0.5),
        ] {
            let mut d = Diagnostics::default();
            assert_eq!(decimal(&bad, &"x", &mut d), None, "{bad}");
            assert_eq!(d.len(), 1);
        }
    }

    #[test]
    fn counts_are_whole_and_bounded() {
        let mut d = Diagnostics::default();
        assert_eq!(count(&json!(6507), &"n", &mut d), Some(6507));
        assert_eq!(count(&json!("6507"), &"n", &mut d), Some(6507));
        assert!(d.is_empty());
        for bad in [
            json!(-1),
            json!("1.5"),
            json!(1.5),
            json!("1000000000000001"),
            json!(true),
        ] {
            let mut d = Diagnostics::default();
            assert_eq!(count(&bad, &"n", &mut d), None, "{bad}");
            assert_eq!(d.0[0].path, "n");
        }
        // Said back as each language writes numbers.
        let mut d = Diagnostics::default();
        count(&json!(1_000_000_000_000_001u64), &"n", &mut d);
        assert_eq!(
            d.0[0].message.vi,
            "1.000.000.000.000.001 quá lớn (tối đa 10^15)"
        );
        assert_eq!(
            d.0[0].message.en,
            "1,000,000,000,000,001 is too large (at most 10^15)"
        );
    }

    #[test]
    fn unknown_keys_are_named() {
        let value = json!({ "a": 1, "b": 2 });
        let mut d = Diagnostics::default();
        let mut f = Fields::of(&value, &"self.1.1", &mut d).unwrap();
        f.optional("a");
        f.finish(&mut d);
        assert_eq!(d.0[0].path, "self.1.1.b");
        assert_eq!(d.0[0].message.en, "unknown key");
    }
}
