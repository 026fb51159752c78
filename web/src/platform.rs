//! The one place the app reaches the browser's services that have no meaning natively:
//! the key-value storage (`localStorage`), the clock, the confirm dialog, and the
//! framework TOML reader loaded on demand. In the browser these are the real thing;
//! natively (`cargo test`), an in-memory store and a fixed clock, so the modules above
//! them (`storage.rs`, `frameworks.rs`) are tested natively with no `cfg` of their own.

use parindex_core::Text;

/// Why the store refused to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The storage quota is exhausted.
    Full,
    /// Storage is unavailable (private mode, disabled, …), with the browser's reason.
    Unavailable(String),
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::StoreError;
    use wasm_bindgen::JsCast;

    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?
            .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))
    }

    pub fn get(key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StoreError::Full
            } else {
                StoreError::Unavailable(format!("{name} {e:?}"))
            }
        })
    }

    pub fn remove(key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn now_ms() -> u64 {
        // Milliseconds since 1970 are whole; the float from the DOM is only converted.
        js_sys::Date::now() as u64
    }

    pub fn iso_now() -> String {
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
    }

    pub fn local_date_time(iso: &str) -> Option<String> {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
        let ms = d.get_time();
        (!ms.is_nan()).then(|| {
            format!(
                "{:02}/{:02}/{} {:02}:{:02}",
                d.get_date(),
                d.get_month() + 1,
                d.get_full_year(),
                d.get_hours(),
                d.get_minutes()
            )
        })
    }

    pub fn local_time() -> String {
        let d = js_sys::Date::new_0();
        format!(
            "{:02}:{:02}:{:02}",
            d.get_hours(),
            d.get_minutes(),
            d.get_seconds()
        )
    }

    pub fn this_year() -> i32 {
        js_sys::Date::new_0().get_full_year() as i32
    }

    pub fn confirm(question: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(question).ok())
            .unwrap_or(true)
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// Defined by `web/static/boot.js`, beside the page: imports the TOML reader.
        #[wasm_bindgen(catch, js_namespace = globalThis, js_name = parindexTomlTreeJson)]
        async fn tree_json_js(text: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    }

    /// Loads the TOML reader beside the page (`parindex-toml.js`, built by Trunk) on
    /// first use, through `boot.js`, and converts.
    pub async fn toml_tree_json(text: &str) -> Result<String, Vec<super::Text>> {
        let unavailable = || {
            super::Text::new(
                "không tải được bộ đọc tệp TOML (mất kết nối mạng?)",
                "the TOML reader could not be loaded (offline?)",
            )
        };
        match tree_json_js(text).await {
            Ok(json) => json.as_string().ok_or_else(|| vec![unavailable()]),
            Err(thrown) => {
                // The reader throws the file's problems as `[{"vi": …, "en": …}, …]`;
                // anything else means it could not run.
                let problems = thrown
                    .as_string()
                    .and_then(|t| serde_json::from_str::<Vec<serde_json::Value>>(&t).ok());
                Err(match problems {
                    Some(list) => list
                        .iter()
                        .map(|m| {
                            super::Text::new(
                                m["vi"].as_str().unwrap_or_default(),
                                m["en"].as_str().unwrap_or_default(),
                            )
                        })
                        .collect(),
                    None => vec![unavailable()],
                })
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::StoreError;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        static STORE: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    }

    pub fn get(key: &str) -> Option<String> {
        STORE.with(|s| s.borrow().get(key).cloned())
    }

    pub fn set(key: &str, value: &str) -> Result<(), StoreError> {
        STORE.with(|s| s.borrow_mut().insert(key.into(), value.into()));
        Ok(())
    }

    pub fn remove(key: &str) {
        STORE.with(|s| s.borrow_mut().remove(key));
    }

    pub fn now_ms() -> u64 {
        1_764_000_000_000
    }

    pub fn iso_now() -> String {
        "2025-11-24T16:00:00.000Z".into()
    }

    pub fn local_date_time(iso: &str) -> Option<String> {
        // The stand-in's local time is UTC.
        let (date, time) = iso.split_once('T')?;
        let mut d = date.splitn(3, '-');
        let (y, m, day) = (d.next()?, d.next()?, d.next()?);
        Some(format!("{day}/{m}/{y} {}", time.get(..5)?))
    }

    pub fn local_time() -> String {
        "16:00:00".into()
    }

    pub fn this_year() -> i32 {
        2025
    }

    pub fn confirm(_question: &str) -> bool {
        true
    }

    pub async fn toml_tree_json(_text: &str) -> Result<String, Vec<super::Text>> {
        Err(vec![super::Text::new(
            "bộ đọc tệp TOML chỉ chạy trong trình duyệt",
            "the TOML reader runs in the browser only",
        )])
    }
}

/// The value stored under `key`, if any.
pub fn get(key: &str) -> Option<String> {
    imp::get(key)
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) -> Result<(), StoreError> {
    imp::set(key, value)
}

pub fn remove(key: &str) {
    imp::remove(key)
}

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    imp::now_ms()
}

/// Now, as `2025-11-24T16:00:00.000Z`.
pub fn iso_now() -> String {
    imp::iso_now()
}

/// An ISO time (`2025-11-24T16:00:00.000Z`) as local `24/11/2025 16:00`; `None` when it
/// is not a time.
pub fn local_date_time(iso: &str) -> Option<String> {
    imp::local_date_time(iso)
}

/// Local time `HH:MM:SS`.
pub fn local_time() -> String {
    imp::local_time()
}

/// The current year, local time.
pub fn this_year() -> i32 {
    imp::this_year()
}

/// Asks the person a yes/no question (the browser's confirm dialog).
pub fn confirm(question: &str) -> bool {
    imp::confirm(question)
}

/// The compact JSON form of valid framework TOML text, by the reader the page loads only
/// now; every problem of the file (with its place), or why the reader could not run.
pub async fn toml_tree_json(text: &str) -> Result<String, Vec<Text>> {
    imp::toml_tree_json(text).await
}
