//! JSON parsing that refuses duplicate keys. `serde_json::Value` silently keeps the last
//! of two equal keys, which would drop what a user typed (two entries for one criterion,
//! say) without a word; this visitor builds the same `Value` but reports the duplicate.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A JSON value whose objects had no duplicate keys.
pub struct StrictValue(pub Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // Kept only so that the reader can refuse it with a clear message.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        StrictValue::deserialize(d).map(|v| v.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let StrictValue(value) = access.next_value()?;
            match map.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(taken) => {
                    let key = taken.key();
                    return Err(de::Error::custom(format_args!("duplicate key \"{key}\"")));
                }
            }
        }
        Ok(Value::Object(map))
    }
}

/// Parses JSON text, refusing duplicate keys; a leading byte-order mark is ignored.
pub fn from_str(source: &str) -> Result<Value, serde_json::Error> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    serde_json::from_str::<StrictValue>(source).map(|v| v.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn duplicates_are_refused_and_boms_skipped() {
        let err = super::from_str(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate key \"c\""), "{err}");
        assert_eq!(
            super::from_str("\u{feff}{\"a\": [1, 2.5, null]}").unwrap()["a"][1],
            2.5
        );
    }
}
