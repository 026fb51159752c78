//! Reading bilingual texts (`{ vi = "…", en = "…" }`) from framework files.

use crate::diagnostic::{Diagnostics, Text};
use crate::reader::{non_empty_string, string, Fields};
use serde_json::Value;

/// Reads a `{ vi, en }` table; `vi` is required, `en` falls back to `vi`.
pub fn read_text(
    value: &Value,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Text> {
    let mut f = Fields::of(value, path, diags)?;
    let vi_path = f.path_of("vi");
    let en_path = f.path_of("en");
    let vi = f
        .required("vi", diags)
        .and_then(|v| non_empty_string(v, &vi_path, diags));
    let en = match f.optional("en") {
        Some(v) => string(v, &en_path, diags),
        None => vi.clone(),
    };
    f.finish(diags);
    let vi = vi?;
    let en = en
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| vi.clone());
    Some(Text { vi, en })
}

/// Reads a text that may be bilingual (`{ vi, en }`) or plain (`"…"`, the same in both
/// languages): a framework's `source`.
pub fn read_text_or_plain(
    value: &Value,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Text> {
    match value {
        Value::String(_) => non_empty_string(value, path, diags).map(|s| Text::new(s.clone(), s)),
        other => read_text(other, path, diags),
    }
}
