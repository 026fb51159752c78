//! Keeping the draft in the browser's storage: one envelope under one key, written on
//! every change (debounced) and on page hide, read back on start. Stored data that cannot
//! be read is never dropped: it is moved to a key of its own and the person is told.
//! The envelope's encoding and decoding are pure and tested natively.

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
    /// A framework file the person opened: its whole text is kept with the draft.
    File(String),
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
        FrameworkOrigin::File(toml) => json!({ "toml": toml }),
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
            FrameworkOrigin::File(t.to_string())
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The storage quota is exhausted.
    Full,
    /// Storage is unavailable (private mode, disabled, …).
    Unavailable(String),
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use wasm_bindgen::JsCast;

    fn storage() -> Result<web_sys::Storage, SaveError> {
        web_sys::window()
            .ok_or_else(|| SaveError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| SaveError::Unavailable(format!("{e:?}")))?
            .ok_or_else(|| SaveError::Unavailable("no localStorage".into()))
    }

    pub fn save(text: &str) -> Result<(), SaveError> {
        storage()?.set_item(DRAFT_KEY, text).map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                SaveError::Full
            } else {
                SaveError::Unavailable(format!("{name} {e:?}"))
            }
        })
    }

    pub fn load_raw() -> Option<String> {
        storage().ok()?.get_item(DRAFT_KEY).ok().flatten()
    }

    pub fn clear() {
        if let Ok(s) = storage() {
            let _ = s.remove_item(DRAFT_KEY);
        }
    }

    /// Moves unreadable stored text to a key of its own; returns that key (or `None`
    /// when even that failed, in which case the caller keeps the text in memory).
    pub fn set_aside(raw: &str) -> Option<String> {
        let s = storage().ok()?;
        let key = format!("{CORRUPT_PREFIX}{}", js_sys::Date::now() as u64);
        s.set_item(&key, raw).ok()?;
        let _ = s.remove_item(DRAFT_KEY);
        Some(key)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{clear, load_raw, save, set_aside};

/// The key where a replaced draft is kept (one level of "undo").
pub const PREVIOUS_KEY: &str = "parindex.previous";

#[cfg(target_arch = "wasm32")]
pub mod previous {
    use super::*;

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    /// Moves the current draft to [`PREVIOUS_KEY`] before another replaces it.
    pub fn keep() {
        if let Some(s) = storage() {
            if let Ok(Some(raw)) = s.get_item(DRAFT_KEY) {
                if s.set_item(PREVIOUS_KEY, &raw).is_ok() {
                    let _ = s.remove_item(DRAFT_KEY);
                }
            }
        }
    }

    pub fn load() -> Option<String> {
        storage()?.get_item(PREVIOUS_KEY).ok().flatten()
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
            FrameworkOrigin::File("format = 1".into()),
        ] {
            let text = encode(&fw, &a, "2026-11-27T10:00:00Z");
            let back = decode(&text).unwrap();
            assert_eq!(back.framework, fw);
            assert_eq!(back.assessment, a);
        }
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
