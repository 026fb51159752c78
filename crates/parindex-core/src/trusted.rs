//! Reading a framework that was validated when it entered parindex: the built-in ones
//! (checked and converted at build time), and a `.toml` a person opened (checked and
//! converted by the pages' TOML reader). The pages fetch and keep frameworks only in
//! this form (`Framework::tree_json`), so they read them without the validator and its
//! messages (a sixth of the units' first visit). Anything unexpected gives `None`, and
//! the page says the framework cannot be read: a damaged copy is refused, never guessed.
//!
//! Each rule kind reads its own keys in its file (`Kind::trusted`).

use crate::date::MonthDay;
use crate::diagnostic::Text;
use crate::keyword::Keyword;
use rust_decimal::Decimal;
use serde_json::Value;

/// A text value.
pub(crate) fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// A decimal written as a string (or a whole number).
pub(crate) fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str_exact(s).ok(),
        Value::Number(n) => n.as_i64().map(Decimal::from),
        _ => None,
    }
}

/// An optional decimal: absent gives `default`.
pub(crate) fn decimal_or(v: Option<&Value>, default: Decimal) -> Option<Decimal> {
    v.map_or(Some(default), decimal)
}

/// A bilingual text `{ vi, en }` (English falling back to Vietnamese) or a plain one.
pub(crate) fn bilingual(v: &Value) -> Option<Text> {
    if let Some(s) = v.as_str() {
        return Some(Text::new(s, s));
    }
    let vi = text(v.get("vi")?)?;
    let en = v
        .get("en")
        .and_then(Value::as_str)
        .filter(|e| !e.trim().is_empty())
        .map_or_else(|| vi.clone(), str::to_string);
    Some(Text { vi, en })
}

/// A keyword of `K`.
pub(crate) fn keyword<K: Keyword>(v: &Value) -> Option<K> {
    K::from_keyword(v.as_str()?)
}

/// A month-day `MM-DD`.
pub(crate) fn month_day(v: &Value) -> Option<MonthDay> {
    MonthDay::parse(v.as_str()?)
}

/// Each element of an array, read with `read`; `None` if any is unreadable.
pub(crate) fn list<T>(v: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Vec<T>> {
    v?.as_array()?.iter().map(read).collect()
}
