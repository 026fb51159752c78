//! Frameworks in the app. Built-in ones are listed from the core's catalogue and each
//! loaded on first use from `frameworks/FILE.json` beside the page (their compact JSON
//! form, written at build time) — not embedded in the WebAssembly, so the page is usable
//! before any is downloaded; a first visit fetches them all once it is idle
//! (`files::keep_for_offline`). A loaded framework's text is kept in the browser's storage
//! (`parindex.framework.REF`), so a draft reopens offline even before the service worker
//! has cached the file. A `.toml` a person opens is converted by the TOML reader the page
//! loads only then (`platform::toml_tree_json`).

use parindex_core::builtin::{Listing, CATALOGUE};
use parindex_core::{Framework, Text};
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

/// The built-in frameworks as the start page lists them: the newest edition first, the
/// first chosen — since 1 July 2025 there are no districts, and a unit starts from its
/// current framework, not an older template —; equal editions in the catalogue's order.
pub fn newest_first() -> Vec<&'static Listing> {
    let edition = |l: &Listing| l.reference.rsplit_once('@').map_or("", |(_, e)| e);
    // Placed one by one after those of newer or equal editions: a handful of entries,
    // and no sorting routine in the page for them.
    let mut list: Vec<&'static Listing> = Vec::new();
    for l in CATALOGUE {
        let at = list
            .iter()
            .position(|m| edition(m) < edition(l))
            .unwrap_or(list.len());
        list.insert(at, l);
    }
    list
}

fn remember(f: Framework) -> Rc<Framework> {
    let f = Rc::new(f);
    LOADED.with(|l| l.borrow_mut().push(f.clone()));
    f
}

/// Reads a framework in its compact JSON form, validated when it entered parindex (a
/// built-in one, or a `.toml` the TOML reader converted): the pages carry no validator.
pub fn parse(tree_json: &str) -> Result<Framework, Vec<Text>> {
    Framework::from_trusted_json(tree_json).ok_or_else(|| {
        vec![Text::new(
            "bản lưu bộ chỉ số bị hỏng, không đọc được",
            "the copy of the framework is damaged and cannot be read",
        )]
    })
}

/// Reads framework TOML a person opened: the framework and its compact JSON form (kept
/// with drafts), or every problem, as `parindex validate` reports them.
pub async fn from_toml(text: &str) -> Result<(Framework, String), Vec<Text>> {
    let tree_json = crate::platform::toml_tree_json(text).await?;
    Ok((parse(&tree_json)?, tree_json))
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

fn stored_text(reference: &str) -> Option<String> {
    crate::platform::get(&format!("{STORED_PREFIX}{reference}"))
}

/// A framework file at hand (`AppState::custom_frameworks`: opened in this visit, or
/// kept with a draft): the framework and its compact JSON form.
pub fn opened<'a>(
    custom: &'a [(Rc<Framework>, Rc<str>)],
    reference: &str,
) -> Option<&'a (Rc<Framework>, Rc<str>)> {
    custom.iter().find(|(f, _)| f.reference() == reference)
}

/// The framework a reference names, if at hand now: an opened file or a loaded
/// built-in one.
pub fn at_hand(custom: &[(Rc<Framework>, Rc<str>)], reference: &str) -> Option<Rc<Framework>> {
    opened(custom, reference)
        .map(|(f, _)| f.clone())
        .or_else(|| cached(reference))
}

/// Loads a built-in framework by `id@edition`: from memory or storage, else from the
/// file beside the page.
pub async fn load(reference: &str) -> Result<Rc<Framework>, Vec<Text>> {
    if let Some(f) = cached(reference) {
        return Ok(f);
    }
    let Some(l) = listing(reference) else {
        return Err(vec![Text::new(
            format!(
                "không có bộ chỉ số có sẵn \"{reference}\": hãy mở tệp bộ chỉ số (.toml) trước"
            ),
            format!("no built-in framework \"{reference}\": open the framework file (.toml) first"),
        )]);
    };
    let text = crate::files::fetch_text(&format!("frameworks/{}", l.json_name))
        .await
        .map_err(|e| {
            vec![Text::new(
                format!(
                    "không tải được bộ chỉ số {reference}: {}; hãy mở lại khi có mạng",
                    e.vi
                ),
                format!(
                    "cannot load framework {reference}: {}; try again online",
                    e.en
                ),
            )]
        })?;
    let f = parse(&text)?;
    // A full storage only means the file is fetched again next time.
    let _ = crate::platform::set(&format!("{STORED_PREFIX}{reference}"), &text);
    Ok(remember(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_page_lists_every_built_in_framework_newest_first() {
        let list = newest_first();
        assert_eq!(list.len(), CATALOGUE.len());
        let editions: Vec<&str> = list
            .iter()
            .map(|l| l.reference.split('@').nth(1).unwrap_or(""))
            .collect();
        assert!(editions.windows(2).all(|w| w[0] >= w[1]), "{editions:?}");
        assert_eq!(
            list[0].reference, "mau-xa@2024",
            "the commune template, not the district one"
        );
    }
}
