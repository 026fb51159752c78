//! TOML documents as the JSON value tree the strict reader walks, converted by hand from
//! the parser's own tree (no serde glue in the browser bundle). TOML floats and dates
//! become marker objects, so the reader can say precisely what is wrong with them.

use crate::markers::{DATETIME_MARKER, FLOAT_MARKER};
use serde_json::{Map, Value};
use toml::de::{DeTable, DeValue};

/// Parses a TOML document.
pub fn parse(source: &str) -> Result<Value, toml::de::Error> {
    let table = DeTable::parse(source)?;
    Ok(table_value(table.get_ref()))
}

fn table_value(table: &DeTable<'_>) -> Value {
    let mut map = Map::new();
    for (k, v) in table.iter() {
        map.insert(k.get_ref().to_string(), value(v.get_ref()));
    }
    Value::Object(map)
}

fn marker(key: &str, text: String) -> Value {
    let mut map = Map::new();
    map.insert(key.to_string(), Value::String(text));
    Value::Object(map)
}

fn value(v: &DeValue<'_>) -> Value {
    match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::from(n),
            // Too large for 64 bits: keep the digits; bounds checks will name it.
            Err(_) => Value::String(i.to_string()),
        },
        DeValue::Float(f) => marker(FLOAT_MARKER, f.to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => marker(DATETIME_MARKER, d.to_string()),
        DeValue::Array(items) => Value::Array(items.iter().map(|i| value(i.get_ref())).collect()),
        DeValue::Table(t) => table_value(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markers::marker_text;

    #[test]
    fn converts_every_kind() {
        let v = parse(
            "a = \"x\"\nb = 0x10\nc = 0.5\nd = true\ne = 2022-01-25\nf = [1, 2]\n[g]\nh = -3\n",
        )
        .unwrap();
        assert_eq!(v["a"], "x");
        assert_eq!(v["b"], 16);
        assert_eq!(marker_text(&v["c"], FLOAT_MARKER), Some("0.5"));
        assert_eq!(v["d"], true);
        assert_eq!(marker_text(&v["e"], DATETIME_MARKER), Some("2022-01-25"));
        assert_eq!(v["f"][1], 2);
        assert_eq!(v["g"]["h"], -3);
        assert!(
            parse("a = \"x\"\na = \"y\"").is_err(),
            "duplicate keys are refused"
        );
    }
}
