//! The one place the app reaches the browser's services that have no meaning natively:
//! the key-value storage (`localStorage`), the record store of drafts (IndexedDB), the
//! clock, the confirm dialog, the framework TOML reader loaded on demand, and whether
//! the service worker keeps everything for offline use. In the browser these are the
//! real thing; natively (`cargo test`), an in-memory store and a fixed clock, so the
//! modules above them (`storage.rs`, `frameworks.rs`) are tested natively with no `cfg`
//! of their own.
//!
//! The record store is IndexedDB's database `parindex` (version 1): the object store
//! `drafts` (a record's text by its id) and `files` (empty until attached evidence files
//! are kept there). Where IndexedDB cannot be opened (disabled, some private modes) the
//! records live in `localStorage` under `parindex.d.ID` instead, which is also what the
//! native stand-in uses.

use parindex_core::Text;

/// Whether the page works with the network off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offline {
    /// Not known yet (nothing is said).
    Unknown,
    /// This browser keeps nothing for offline use here: no service worker (an address
    /// without `https://`, a private window).
    Cannot,
    /// Some file the page may need is not kept yet.
    Missing,
    /// Every file is kept: the page works with the network off.
    Ready,
}

/// Why the store refused to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The storage quota is exhausted.
    Full,
    /// Storage is unavailable (private mode, disabled, …), with the browser's reason.
    Unavailable(String),
}

impl StoreError {
    /// What the person is told, in both languages.
    pub fn text(&self) -> Text {
        match self {
            StoreError::Full => Text::new("bộ nhớ trình duyệt đã đầy", "browser storage is full"),
            StoreError::Unavailable(_) => Text::new(
                "không ghi được vào bộ nhớ trình duyệt",
                "browser storage is unavailable",
            ),
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Offline, StoreError};
    use wasm_bindgen::JsCast;

    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .ok_or_else(|| StoreError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|e| StoreError::Unavailable(name_of(&e)))?
            .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))
    }

    pub fn get(key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| store_error(&e))
    }

    pub fn remove(key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    pub fn keys() -> Vec<String> {
        let Ok(s) = storage() else { return Vec::new() };
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .collect()
    }

    /// An exception's name (`SecurityError`, …) or, for a thrown string, the string.
    fn name_of(e: &wasm_bindgen::JsValue) -> String {
        e.dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .or_else(|| e.as_string())
            .unwrap_or_default()
    }

    /// What a storage call's exception means: a full quota, or storage unavailable.
    fn store_error(e: &wasm_bindgen::JsValue) -> StoreError {
        let name = name_of(e);
        if name == "QuotaExceededError" {
            StoreError::Full
        } else {
            StoreError::Unavailable(name)
        }
    }

    pub use idb::{delete_record, put_record, records};

    /// IndexedDB through `web-sys`: each request or transaction becomes a promise whose
    /// resolve and reject functions are its own event handlers (no closures kept).
    mod idb {
        use super::{store_error, StoreError};
        use js_sys::{Array, Promise};
        use std::cell::RefCell;
        use wasm_bindgen::{JsCast, JsValue};
        use wasm_bindgen_futures::JsFuture;
        use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

        const NAME: &str = "parindex";
        const VERSION: u32 = 1;
        const DRAFTS: &str = "drafts";
        const FILES: &str = "files";

        thread_local! {
            /// The open database; `Some(None)` once opening failed (the fallback is used).
            static DB: RefCell<Option<Option<IdbDatabase>>> = const { RefCell::new(None) };
        }

        fn settled(req: &IdbRequest) -> JsFuture {
            JsFuture::from(Promise::new(&mut |resolve, reject| {
                req.set_onsuccess(Some(&resolve));
                req.set_onerror(Some(&reject));
            }))
        }

        fn committed(tx: &IdbTransaction) -> JsFuture {
            JsFuture::from(Promise::new(&mut |resolve, reject| {
                tx.set_oncomplete(Some(&resolve));
                tx.set_onerror(Some(&reject));
                tx.set_onabort(Some(&reject));
            }))
        }

        /// The connection the page's boot script opened while the wasm loaded
        /// (`parindexDatabase` in web/static/boot.js, shared with the dossier code).
        async fn shared() -> Option<IdbDatabase> {
            let open = js_sys::Reflect::get(&js_sys::global(), &"parindexDatabase".into())
                .ok()
                .filter(JsValue::is_function)?;
            let promise = open
                .unchecked_into::<js_sys::Function>()
                .call0(&JsValue::NULL);
            // It resolves with the database or rejects (boot.js).
            let db = JsFuture::from(Promise::resolve(&promise.ok()?))
                .await
                .ok()?;
            db.is_object().then(|| db.unchecked_into())
        }

        /// The same database opened here, where no boot script ran (component tests);
        /// both create the stores `drafts` and `files` (version 1): change both together.
        async fn open() -> Option<IdbDatabase> {
            if let Some(db) = shared().await {
                return Some(db);
            }
            let factory = web_sys::window()?.indexed_db().ok()??;
            let req = factory.open_with_u32(NAME, VERSION).ok()?;
            let upgrading = req.clone();
            let upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Ok(db) = upgrading.result() {
                    let db: IdbDatabase = db.unchecked_into();
                    for name in [DRAFTS, FILES] {
                        if !db.object_store_names().contains(name) {
                            let _ = db.create_object_store(name);
                        }
                    }
                }
            });
            req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
            settled(&req).await.ok()?;
            req.result().ok().map(JsCast::unchecked_into)
        }

        /// The database, opened on first use; `None` when IndexedDB cannot be used.
        async fn db() -> Option<IdbDatabase> {
            if let Some(known) = DB.with(|d| d.borrow().clone()) {
                return known;
            }
            let db = open().await;
            DB.with(|d| *d.borrow_mut() = Some(db.clone()));
            db
        }

        fn failed(tx: &IdbTransaction, e: JsValue) -> StoreError {
            tx.error()
                .map_or_else(|| store_error(&e), |d| store_error(&d.into()))
        }

        pub async fn records() -> Option<Result<Vec<(String, String)>, StoreError>> {
            let db = db().await?;
            Some(
                async {
                    let tx = db
                        .transaction_with_str(DRAFTS)
                        .map_err(|e| store_error(&e))?;
                    let store = tx.object_store(DRAFTS).map_err(|e| store_error(&e))?;
                    let keys = store.get_all_keys().map_err(|e| store_error(&e))?;
                    let values = store.get_all().map_err(|e| store_error(&e))?;
                    // Requests of one transaction complete in order: the keys are read
                    // once the values are.
                    settled(&values).await.map_err(|e| failed(&tx, e))?;
                    let (keys, values): (Array, Array) = (
                        keys.result().map_err(|e| store_error(&e))?.unchecked_into(),
                        values
                            .result()
                            .map_err(|e| store_error(&e))?
                            .unchecked_into(),
                    );
                    Ok(keys
                        .iter()
                        .zip(values.iter())
                        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
                        .collect())
                }
                .await,
            )
        }

        /// Writes (`Some`) or deletes (`None`) one record, done when the transaction
        /// has committed.
        async fn write(id: &str, text: Option<&str>) -> Option<Result<(), StoreError>> {
            let db = db().await?;
            Some(
                async {
                    let tx = db
                        .transaction_with_str_and_mode(DRAFTS, IdbTransactionMode::Readwrite)
                        .map_err(|e| store_error(&e))?;
                    let store = tx.object_store(DRAFTS).map_err(|e| store_error(&e))?;
                    let key = JsValue::from_str(id);
                    match text {
                        Some(t) => store.put_with_key(&JsValue::from_str(t), &key),
                        None => store.delete(&key),
                    }
                    .map_err(|e| store_error(&e))?;
                    committed(&tx).await.map_err(|e| failed(&tx, e))?;
                    Ok(())
                }
                .await,
            )
        }

        pub async fn put_record(id: &str, text: &str) -> Option<Result<(), StoreError>> {
            write(id, Some(text)).await
        }

        pub async fn delete_record(id: &str) -> Option<Result<(), StoreError>> {
            write(id, None).await
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

    pub fn prompt(question: &str, value: &str) -> Option<String> {
        web_sys::window()?
            .prompt_with_message_and_default(question, value)
            .ok()?
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// Defined by `web/static/boot.js`, beside the page: imports the TOML reader.
        #[wasm_bindgen(catch, js_namespace = globalThis, js_name = parindexTomlTreeJson)]
        async fn tree_json_js(text: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// Defined by `web/static/boot.js`: whether every file is kept for offline use.
        #[wasm_bindgen(catch, js_namespace = globalThis, js_name = parindexKept)]
        async fn kept_js(
            frameworks: &str,
            fetch_missing: bool,
        ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    }

    pub async fn kept(frameworks: &str, fetch_missing: bool) -> Offline {
        // A page without boot.js (a test's) keeps nothing.
        if !super::boot_defines("parindexKept") {
            return Offline::Cannot;
        }
        match kept_js(frameworks, fetch_missing).await {
            Ok(v) if v.is_null() => Offline::Cannot,
            Ok(v) if v.as_bool() == Some(true) => Offline::Ready,
            _ => Offline::Missing,
        }
    }

    /// Loads the TOML reader beside the page (`parindex-toml.js`, built by Trunk) on
    /// first use, through `boot.js`, and converts: the compact JSON form, or the file's
    /// problems as the reader throws them, or `None` when it could not run.
    pub async fn toml_tree_json(text: &str) -> Result<String, Option<Vec<serde_json::Value>>> {
        match tree_json_js(text).await {
            Ok(json) => json.as_string().ok_or(None),
            // The reader throws the file's problems as `[{"vi": …, "en": …, …}, …]`;
            // anything else means it could not run.
            Err(thrown) => Err(thrown.as_string().and_then(|t| crate::model::read_list(&t))),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Offline, StoreError};
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

    pub fn keys() -> Vec<String> {
        STORE.with(|s| s.borrow().keys().cloned().collect())
    }

    // No IndexedDB natively: the records live in the key-value store, as in a browser
    // where IndexedDB cannot be opened.
    pub async fn records() -> Option<Result<Vec<(String, String)>, StoreError>> {
        None
    }

    pub async fn put_record(_id: &str, _text: &str) -> Option<Result<(), StoreError>> {
        None
    }

    pub async fn delete_record(_id: &str) -> Option<Result<(), StoreError>> {
        None
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

    pub fn prompt(_question: &str, value: &str) -> Option<String> {
        Some(value.to_string())
    }

    /// Nothing is kept for offline use natively.
    pub async fn kept(_frameworks: &str, _fetch_missing: bool) -> Offline {
        Offline::Cannot
    }

    /// The reader runs in the browser only.
    pub async fn toml_tree_json(_text: &str) -> Result<String, Option<Vec<serde_json::Value>>> {
        Err(None)
    }
}

/// Whether the page works with the network off: its service worker is active and keeps
/// every file the page may fetch later — the built-in frameworks (`frameworks`,
/// their paths one per line), the example, the dossier and TOML modules (`boot.js`'s
/// `parindexKept` names them). With `fetch_missing`, what is missing is fetched and kept
/// first.
pub async fn kept(frameworks: &str, fetch_missing: bool) -> Offline {
    imp::kept(frameworks, fetch_missing).await
}

/// Whether the page's boot script (`web/static/boot.js`) defined the function `name`
/// on `globalThis`: the pages' ways to the code they load on demand. In the browser only.
pub fn boot_defines(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).is_ok_and(|f| f.is_function())
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

/// Every key of the key-value store.
pub fn keys() -> Vec<String> {
    imp::keys()
}

/// Prefix of the records' keys where IndexedDB cannot be used.
pub const RECORD_PREFIX: &str = "parindex.d.";

/// Every record of the record store: `(id, text)`.
pub async fn records() -> Result<Vec<(String, String)>, StoreError> {
    if let Some(r) = imp::records().await {
        return r;
    }
    Ok(keys()
        .into_iter()
        .filter_map(|k| {
            let id = k.strip_prefix(RECORD_PREFIX)?.to_string();
            Some((id, get(&k)?))
        })
        .collect())
}

/// Writes one record, done when it is stored.
pub async fn put_record(id: &str, text: &str) -> Result<(), StoreError> {
    match imp::put_record(id, text).await {
        Some(r) => r,
        None => set(&format!("{RECORD_PREFIX}{id}"), text),
    }
}

/// Deletes one record.
pub async fn delete_record(id: &str) -> Result<(), StoreError> {
    match imp::delete_record(id).await {
        Some(r) => r,
        None => {
            remove(&format!("{RECORD_PREFIX}{id}"));
            Ok(())
        }
    }
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

/// Asks the person for a line of text (the browser's prompt dialog), starting from
/// `value`; `None` when cancelled.
pub fn prompt(question: &str, value: &str) -> Option<String> {
    imp::prompt(question, value)
}

/// Asks the person a yes/no question (the browser's confirm dialog).
pub fn confirm(question: &str) -> bool {
    imp::confirm(question)
}

/// The compact JSON form of valid framework TOML text, by the reader the page loads only
/// now; every problem of the file (with its place), or why the reader could not run.
pub async fn toml_tree_json(text: &str) -> Result<String, Vec<Text>> {
    toml_problems(text)
        .await
        .map_err(|problems| match problems {
            Some(list) => list
                .iter()
                .map(|m| {
                    Text::new(
                        m["vi"].as_str().unwrap_or_default(),
                        m["en"].as_str().unwrap_or_default(),
                    )
                })
                .collect(),
            None => vec![Text::new(
                "không tải được bộ đọc tệp TOML (mất kết nối mạng?)",
                "the TOML reader could not be loaded (offline?)",
            )],
        })
}

/// As [`toml_tree_json`], with the problems as data: each the diagnostic as JSON
/// (`severity`, `code`, `path`, `location`, `message`) with its rendered `vi` and `en`;
/// `None` when the reader could not run.
pub async fn toml_problems(text: &str) -> Result<String, Option<Vec<serde_json::Value>>> {
    imp::toml_tree_json(text).await
}
