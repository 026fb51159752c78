//! Test data for the speed measurements: the Trà Cú example and 10,000 variations of it.

use serde_json::Value;

pub const EXAMPLE: &str = include_str!("../../../examples/tra-cu-2022.json");

/// 10,000 different units: the Trà Cú example with its counts and survey results varied
/// deterministically, so that ranking sees many distinct indices and some ties.
pub fn many_units(n: usize) -> Vec<String> {
    let base: Value = serde_json::from_str(EXAMPLE).expect("example JSON");
    (0..n)
        .map(|i| {
            let mut v = base.clone();
            v["unit"] = Value::String(format!("Đơn vị {i:05}"));
            let mut k = i as u64;
            for section in ["self", "appraisal"] {
                for (_, entry) in v[section].as_object_mut().into_iter().flatten() {
                    if let (Some(n), Some(d)) = (
                        entry.get("numerator").and_then(Value::as_u64),
                        entry.get("denominator").and_then(Value::as_u64),
                    ) {
                        k = k
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        let drop = (k >> 33) % (d / 10 + 1);
                        entry["numerator"] = Value::from(n.saturating_sub(drop));
                    }
                }
            }
            for (_, entry) in v["survey"].as_object_mut().into_iter().flatten() {
                k = k
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                entry["percent"] =
                    Value::String(format!("{}.{}", 60 + (k >> 33) % 40, (k >> 20) % 10));
            }
            v.to_string()
        })
        .collect()
}
