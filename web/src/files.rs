//! Files in and out of the browser: reading a chosen file as text (with a size limit),
//! offering text as a download, fetching the files beside the page and keeping them for
//! offline use. Used for import/export, backups, the example and the frameworks.

use crate::platform::Offline;
use parindex_core::Text;
use wasm_bindgen::{JsCast, JsValue};

/// Larger files are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a file as UTF-8 text; why not, in both languages.
pub async fn read_text(file: web_sys::File) -> Result<String, Text> {
    // Sizes are whole numbers of bytes; the float from the DOM is only compared.
    let bytes = file.size() as u64;
    if bytes > MAX_IMPORT_BYTES {
        let kb = bytes / 1024;
        return Err(Text::new(
            format!("tệp quá lớn ({kb} KB, tối đa 5.120 KB)"),
            format!("file too large ({kb} KB, at most 5,120 KB)"),
        ));
    }
    let unreadable = || Text::new("không đọc được tệp", "the file cannot be read");
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| unreadable())?;
    text.as_string().ok_or_else(unreadable)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Offers CSV text as a download, UTF-8 with a byte-order mark so spreadsheet programs
/// show Vietnamese letters correctly.
pub fn download_csv(name: &str, csv: &str) -> Result<(), JsValue> {
    download(name, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"))
}

/// Opens the browser's print dialog (the print stylesheet shapes the page).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The files of a file list, taken at once (the list empties when its input is reset).
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Fetches a file beside the page as text (the example, a framework); why not, in both
/// languages.
pub async fn fetch_text(url: &str) -> Result<String, Text> {
    let offline = || {
        Text::new(
            "không tải được (mất kết nối mạng?)",
            "could not be downloaded (offline?)",
        )
    };
    let window = web_sys::window().ok_or_else(offline)?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if !response.ok() {
        let status = response.status();
        return Err(Text::new(
            format!("máy chủ trả lời lỗi {status}"),
            format!("the server answered {status}"),
        ));
    }
    let text = response.text().map_err(|_| offline())?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| offline())?;
    text.as_string().ok_or_else(offline)
}

/// The example shipped beside the app (real figures of Trà Cú district, 2022). It is a
/// file of its own, fetched when asked for (or once the first visit is idle), so it costs
/// nothing on a first visit; a copy is kept in the browser's storage for offline use.
pub const TRA_CU_URL: &str = "./tra-cu-2022.json";
const EXAMPLE_KEY: &str = "parindex.example";

/// The example's text: fetched, or the copy kept from an earlier visit when offline.
pub async fn example_text() -> Result<String, Text> {
    match fetch_text(TRA_CU_URL).await {
        Ok(text) => {
            // A full storage only means it is fetched again next time.
            let _ = crate::platform::set(EXAMPLE_KEY, &text);
            Ok(text)
        }
        Err(e) => crate::platform::get(EXAMPLE_KEY).ok_or(e),
    }
}

/// Keeps for offline use every file a page may fetch later, and tells `said` whether
/// all of them are kept (`platform::kept`): at once what is kept already (a reload), then,
/// once a first visit is idle and online, after fetching the rest. The built-in
/// frameworks and the example also go into the browser's storage, so a draft reopens
/// offline even where no service worker runs.
pub async fn keep_for_offline(said: impl Fn(Offline)) {
    let frameworks = parindex_core::builtin::CATALOGUE
        .iter()
        .map(|l| format!("frameworks/{}", l.json_name))
        .collect::<Vec<_>>()
        .join("\n");
    let at_once = crate::platform::kept(&frameworks, false).await;
    said(at_once);
    gloo_timers::future::TimeoutFuture::new(2_000).await;
    let online = web_sys::window().is_some_and(|w| w.navigator().on_line());
    if !online {
        return;
    }
    for l in parindex_core::builtin::CATALOGUE {
        let _ = crate::frameworks::load(l.reference).await;
    }
    if crate::platform::get(EXAMPLE_KEY).is_none() {
        let _ = example_text().await;
    }
    let now = crate::platform::kept(&frameworks, true).await;
    if now != at_once {
        said(now);
    }
}
