//! Marker objects standing, in the reader's value tree, for TOML literals JSON has no
//! place for (floats, dates): the reader refuses them with a precise message. They
//! survive the compact JSON form of a framework (`Framework::tree_json`) unchanged.

use serde_json::Value;

/// Key of the marker object standing for a TOML float literal (`0.5` unquoted).
pub const FLOAT_MARKER: &str = "\u{0}toml-float";
/// Key of the marker object standing for a TOML date or time literal.
pub const DATETIME_MARKER: &str = "\u{0}toml-datetime";

/// The literal text of a marker object, if `value` is one of `key`.
pub fn marker_text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    let map = value.as_object()?;
    if map.len() == 1 {
        map.get(key)?.as_str()
    } else {
        None
    }
}
