//! Keeping the draft in the browser's storage: one envelope under one key, written on
//! every change (debounced) and on page hide, read back on start. Stored data that cannot
//! be read is never dropped: it is moved to a key of its own and the person is told.
//! The envelope's encoding and decoding are pure and tested natively.

use crate::platform;
use serde_json::{json, Value};

/// The key of the current draft.
pub const DRAFT_KEY: &str = "parindex.draft";
/// Prefix of the keys where unreadable stored data is set aside.
pub const CORRUPT_PREFIX: &str = "parindex.corrupt.";
/// The envelope version this build writes.
pub const VERSION: u64 = 1;

/// Where the draft's framework comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameworkOrigin {
    /// A built-in framework, by `id@edition`.
    Builtin(String),
    /// A framework file the person opened, kept with the draft in its compact JSON form
    /// (`parindex_core::Framework::tree_json`), so it reopens with no reader to load.
    Tree(String),
    /// A framework file's TOML text, as earlier builds kept it (converted on restore).
    Toml(String),
}

/// A stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub framework: FrameworkOrigin,
    pub assessment: Value,
    pub saved_at: String,
}

/// The text stored for a draft.
pub fn encode(framework: &FrameworkOrigin, assessment: &Value, saved_at: &str) -> String {
    let fw = match framework {
        FrameworkOrigin::Builtin(r) => json!({ "builtin": r }),
        FrameworkOrigin::Tree(tree) => json!({ "tree": tree }),
        FrameworkOrigin::Toml(toml) => json!({ "toml": toml }),
    };
    json!({ "kind": "parindex-draft", "version": VERSION, "saved_at": saved_at, "framework": fw, "assessment": assessment })
        .to_string()
}

/// Reads stored text. Version 1 is the envelope; an older build stored the bare
/// assessment (version 0), which is migrated. Anything else is an error with a reason.
pub fn decode(raw: &str) -> Result<Stored, String> {
    let v: Value = serde_json::from_str(raw).map_err(|e| format!("JSON: {e}"))?;
    let obj = v.as_object().ok_or("not an object")?;
    if obj.get("kind").and_then(Value::as_str) == Some("parindex-draft") {
        let version = obj
            .get("version")
            .and_then(Value::as_u64)
            .ok_or("no version")?;
        if version != VERSION {
            return Err(format!("unknown version {version}"));
        }
        let fw = obj.get("framework").ok_or("no framework")?;
        let framework = if let Some(r) = fw.get("builtin").and_then(Value::as_str) {
            FrameworkOrigin::Builtin(r.to_string())
        } else if let Some(t) = fw.get("toml").and_then(Value::as_str) {
            FrameworkOrigin::Toml(t.to_string())
        } else if let Some(t) = fw.get("tree").and_then(Value::as_str) {
            FrameworkOrigin::Tree(t.to_string())
        } else {
            return Err("framework is neither builtin nor toml".into());
        };
        let assessment = obj
            .get("assessment")
            .filter(|a| a.is_object())
            .ok_or("no assessment")?
            .clone();
        let saved_at = obj
            .get("saved_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        return Ok(Stored {
            framework,
            assessment,
            saved_at,
        });
    }
    // Version 0: the assessment object itself, naming a built-in framework.
    match (
        obj.get("format"),
        obj.get("framework").and_then(Value::as_str),
    ) {
        (Some(_), Some(reference)) => Ok(Stored {
            framework: FrameworkOrigin::Builtin(reference.to_string()),
            assessment: v.clone(),
            saved_at: String::new(),
        }),
        _ => Err("not a parindex draft".into()),
    }
}

/// Why a save did not happen.
pub type SaveError = crate::platform::StoreError;

/// Writes the draft envelope.
pub fn save(text: &str) -> Result<(), SaveError> {
    platform::set(DRAFT_KEY, text)
}

/// The stored draft envelope, as stored.
pub fn load_raw() -> Option<String> {
    platform::get(DRAFT_KEY)
}

/// The stored draft, if there is one that can be read.
pub fn load() -> Option<Stored> {
    load_raw().and_then(|raw| decode(&raw).ok())
}

pub fn clear() {
    platform::remove(DRAFT_KEY)
}

/// Moves unreadable stored text to a key of its own; returns that key (or `None` when
/// even that failed, in which case the caller keeps the text in memory).
pub fn set_aside(raw: &str) -> Option<String> {
    let key = format!("{CORRUPT_PREFIX}{}", platform::now_ms());
    platform::set(&key, raw).ok()?;
    platform::remove(DRAFT_KEY);
    Some(key)
}

/// The key where a replaced draft is kept (one level of "undo").
pub const PREVIOUS_KEY: &str = "parindex.previous";

/// The draft replaced by the current one.
pub mod previous {
    use super::*;

    /// Moves the current draft to [`PREVIOUS_KEY`] before another replaces it.
    pub fn keep() {
        if let Some(raw) = load_raw() {
            if platform::set(PREVIOUS_KEY, &raw).is_ok() {
                platform::remove(DRAFT_KEY);
            }
        }
    }

    pub fn load() -> Option<Stored> {
        platform::get(PREVIOUS_KEY).and_then(|raw| decode(&raw).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip() {
        let a = json!({ "format": 1, "framework": "mau-xa@2024", "unit": "A", "year": 2024 });
        for fw in [
            FrameworkOrigin::Builtin("mau-xa@2024".into()),
            FrameworkOrigin::Toml("format = 1".into()),
            FrameworkOrigin::Tree("{\"format\":1}".into()),
        ] {
            let text = encode(&fw, &a, "2026-11-27T10:00:00Z");
            let back = decode(&text).unwrap();
            assert_eq!(back.framework, fw);
            assert_eq!(back.assessment, a);
        }
    }

    #[test]
    fn a_replaced_draft_is_kept_and_garbage_set_aside() {
        let a = json!({ "format": 1, "framework": "mau-xa@2024", "unit": "A", "year": 2024 });
        save(&encode(
            &FrameworkOrigin::Builtin("mau-xa@2024".into()),
            &a,
            "t1",
        ))
        .unwrap();
        previous::keep();
        assert!(load_raw().is_none());
        assert_eq!(previous::load().unwrap().assessment, a);
        let key = set_aside("{not json").expect("a key");
        assert!(key.starts_with(CORRUPT_PREFIX));
        assert_eq!(platform::get(&key).as_deref(), Some("{not json"));
    }

    #[test]
    fn older_drafts_are_migrated_and_garbage_is_refused() {
        let old = r#"{"format":1,"framework":"mau-huyen@2022","unit":"A","year":2022,"self":{}}"#;
        let s = decode(old).unwrap();
        assert_eq!(
            s.framework,
            FrameworkOrigin::Builtin("mau-huyen@2022".into())
        );
        assert!(decode("{not json").is_err());
        assert!(decode("[1,2]").is_err());
        assert!(decode(r#"{"kind":"parindex-draft","version":9}"#)
            .unwrap_err()
            .contains("version 9"));
    }
}
