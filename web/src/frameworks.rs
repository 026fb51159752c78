//! Built-in frameworks in the app: listed from the core's catalogue, and each loaded on
//! first use from `frameworks/FILE.toml` beside the page — not embedded in the
//! WebAssembly, so a first visit downloads none of them. A loaded framework's text is
//! kept in the browser's storage (`parindex.framework.REF`), so a draft reopens offline
//! even before the service worker has cached the file.

use parindex_core::builtin::{Listing, CATALOGUE};
use parindex_core::Framework;
use std::cell::RefCell;
use std::rc::Rc;

/// Prefix of the storage keys holding built-in framework texts.
pub const STORED_PREFIX: &str = "parindex.framework.";

thread_local! {
    static LOADED: RefCell<Vec<Rc<Framework>>> = const { RefCell::new(Vec::new()) };
}

/// The catalogue entry of a built-in framework.
pub fn listing(reference: &str) -> Option<&'static Listing> {
    CATALOGUE.iter().find(|l| l.reference == reference)
}

fn remember(f: Framework) -> Rc<Framework> {
    let f = Rc::new(f);
    LOADED.with(|l| l.borrow_mut().push(f.clone()));
    f
}

/// Reads framework TOML; the messages are the engine's, in Vietnamese.
pub fn parse(text: &str) -> Result<Framework, Vec<String>> {
    Framework::from_toml(text).map_err(|d| {
        d.iter()
            .map(|d| d.render(parindex_core::Lang::Vi))
            .collect()
    })
}

/// A built-in framework already at hand: loaded in this visit, or kept in storage.
pub fn cached(reference: &str) -> Option<Rc<Framework>> {
    if let Some(f) = LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|f| f.reference() == reference)
            .cloned()
    }) {
        return Some(f);
    }
    let text = stored_text(reference)?;
    let f = parse(&text).ok().filter(|f| f.reference() == reference)?;
    Some(remember(f))
}

#[cfg(target_arch = "wasm32")]
fn stored_text(reference: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(&format!("{STORED_PREFIX}{reference}"))
        .ok()?
}

#[cfg(not(target_arch = "wasm32"))]
fn stored_text(reference: &str) -> Option<String> {
    parindex_core::BUILTIN
        .iter()
        .find(|b| b.reference == reference)
        .map(|b| b.source.to_string())
}

/// A framework file opened in this visit (`AppState::custom_frameworks`): the
/// framework and its text.
pub fn opened<'a>(
    custom: &'a [(Rc<Framework>, String)],
    reference: &str,
) -> Option<&'a (Rc<Framework>, String)> {
    custom.iter().find(|(f, _)| f.reference() == reference)
}

/// The framework a reference names, if at hand now: an opened file or a loaded
/// built-in one.
pub fn at_hand(custom: &[(Rc<Framework>, String)], reference: &str) -> Option<Rc<Framework>> {
    opened(custom, reference)
        .map(|(f, _)| f.clone())
        .or_else(|| cached(reference))
}

/// The framework an assessment names: an opened file, else a built-in one (loaded on
/// first use).
pub async fn resolve(
    custom: &[(Rc<Framework>, String)],
    reference: &str,
) -> Result<Rc<Framework>, Vec<String>> {
    match opened(custom, reference) {
        Some((f, _)) => Ok(f.clone()),
        None => load(reference).await,
    }
}

/// Loads a built-in framework by `id@edition`: from memory or storage, else from the
/// file beside the page.
pub async fn load(reference: &str) -> Result<Rc<Framework>, Vec<String>> {
    if let Some(f) = cached(reference) {
        return Ok(f);
    }
    let Some(l) = listing(reference) else {
        return Err(vec![format!(
            "không có bộ chỉ số có sẵn \"{reference}\": hãy mở tệp bộ chỉ số (.toml) trước / no built-in framework \"{reference}\": open the framework file (.toml) first"
        )]);
    };
    let text = crate::files::fetch_text(&format!("frameworks/{}", l.file_name))
        .await
        .map_err(|e| {
            vec![format!(
                "không tải được bộ chỉ số {reference} ({e}); hãy mở lại khi có mạng / cannot load framework {reference} ({e}); try again online"
            )]
        })?;
    let f = parse(&text)?;
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        // A full storage only means the file is fetched again next time.
        let _ = s.set_item(&format!("{STORED_PREFIX}{reference}"), &text);
    }
    Ok(remember(f))
}
