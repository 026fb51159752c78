#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium (`wasm-bindgen-test`): the real app mounted into
//! the page, driven through DOM events, read back from the DOM.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Mounts a fresh app into its own element; the caller sets storage up first. The
/// built-in district framework is in storage as after its first use (the test runner
/// does not serve `frameworks/`).
async fn mount() -> (Element, yew::AppHandle<parindex_app::components::App>) {
    storage()
        .set_item(
            &format!("{}mau-huyen@2022", parindex_app::frameworks::STORED_PREFIX),
            &parindex_core::Framework::tree_json(include_str!(
                "../../frameworks/mau-huyen-2022.toml"
            ))
            .expect("the built-in framework converts"),
        )
        .expect("store the framework");
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = parindex_app::mount(Some(root.clone()));
    // The drafts are read from IndexedDB and the one left open is scored (slowly, in a
    // debug build) before the app shows it.
    settle().await;
    for _ in 0..100 {
        if parindex_app::hooks::restored() {
            break;
        }
        TimeoutFuture::new(50).await;
    }
    assert!(parindex_app::hooks::restored(), "the app read its drafts");
    settle().await;
    (root, handle)
}

/// Lets yew render and effects run, and the record store answer.
async fn settle() {
    for _ in 0..10 {
        TimeoutFuture::new(20).await;
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// Types a value into an input as a person would: set it and fire a bubbling `input`.
fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("an input");
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// Empties the browser's storage: `localStorage` and the drafts' record store.
async fn clear() {
    storage().clear().expect("clear storage");
    for (id, _) in parindex_app::platform::records()
        .await
        .expect("the record store")
    {
        parindex_app::platform::delete_record(&id)
            .await
            .expect("delete a record");
    }
}

/// The drafts' records, as stored.
async fn records() -> Vec<String> {
    parindex_app::platform::records()
        .await
        .expect("the record store")
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

async fn fresh() -> (Element, yew::AppHandle<parindex_app::components::App>) {
    clear().await;
    mount().await
}

const TRA_CU: &str = include_str!("../../examples/tra-cu-2022.json");

/// The app with the Trà Cú example open (restored as a stored draft).
async fn with_example() -> (Element, yew::AppHandle<parindex_app::components::App>) {
    clear().await;
    storage()
        .set_item("parindex.draft", TRA_CU)
        .expect("store the example");
    mount().await
}

#[wasm_bindgen_test]
async fn start_page_lists_the_builtin_frameworks_with_their_badges() {
    let (root, app) = fresh().await;
    let cards = root.query_selector_all(".framework").expect("query");
    assert_eq!(cards.length(), 2);
    let page = root.text_content().unwrap_or_default();
    assert!(page.contains("mau-huyen@2022") && page.contains("mau-xa@2024"));
    assert!(page.contains("Khung mẫu"));
    assert!(page.contains("cấp huyện") && page.contains("cấp xã"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_example_opens_with_its_total_and_rescores_on_input() {
    let (root, app) = with_example().await;
    assert_eq!(text(&root, "[data-testid=total-points]"), "78,28");
    assert_eq!(text(&root, "[data-testid=total-index]"), "81,12%");
    // All commune dossiers on time: 3.3.3 earns its third point.
    type_into(&root, "#in-3-3-3-numerator", "67378");
    settle().await;
    assert_eq!(text(&root, "[data-testid=total-points]"), "79,28");
    assert_eq!(text(&root, "[data-testid=\"pts-3.3.3\"]"), "3 / 3 điểm");
    // Every rule kind has its own control.
    for selector in [
        "#in-1-1-1-date",
        "#in-1-1-2-numerator",
        "#in-4-2-1-value",
        "#in-1-5-1-points",
        // The survey result the appraiser entered, shown to the unit read-only.
        "[data-testid=\"survey-8.1.1\"]",
    ] {
        find(&root, selector);
    }
    assert!(
        root.query_selector_all("#leaf-1\\.2\\.1 input[type=checkbox]")
            .unwrap()
            .length()
            >= 4
    );
    assert!(
        root.query_selector_all("#leaf-3\\.4\\.1 input[type=radio]")
            .unwrap()
            .length()
            >= 2
    );
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_value_shows_the_engine_message_and_stays_as_typed() {
    let (root, app) = with_example().await;
    type_into(&root, "#in-3-3-3-numerator", "70000");
    settle().await;
    let message = text(&root, "#in-3-3-3-numerator-err");
    assert_eq!(message, "70.000 lớn hơn mẫu số 67.378");
    let input: HtmlInputElement = find(&root, "#in-3-3-3-numerator").dyn_into().unwrap();
    assert_eq!(input.value(), "70000");
    // The rest is still scored: 3.3.3 counts as missing meanwhile.
    assert_eq!(text(&root, "[data-testid=total-points]"), "76,28");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn explanations_open_on_request_and_follow_the_language() {
    let (root, app) = with_example().await;
    click(&root, "#leaf-3\\.3\\.2 button.why");
    settle().await;
    assert!(text(&root, "[data-testid=\"why-3.3.2\"]").starts_with("Tỷ lệ 6.416/6.507 ≈ 98,6%"));
    let english = root
        .query_selector_all(".lang button")
        .unwrap()
        .item(1)
        .unwrap();
    english.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert!(text(&root, "[data-testid=\"why-3.3.2\"]").starts_with("Ratio 6,416/6,507 ≈ 98.6%"));
    assert_eq!(text(&root, "[data-testid=total-band]"), "Good");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_draft_is_kept_listed_and_reported() {
    clear().await;
    storage()
        .set_item(
            "parindex.draft",
            "{\"kind\":\"parindex-draft\",\"version\":1, truncated",
        )
        .unwrap();
    let (root, app) = mount().await;
    assert!(root
        .query_selector("[data-testid=notice-corrupt]")
        .unwrap()
        .is_some());
    // Moved into the record store, whole, and listed as unreadable.
    assert!(storage().get_item("parindex.draft").unwrap().is_none());
    assert!(records().await.iter().any(|r| r.contains("truncated")));
    find(&root, "[data-testid=draft-unreadable]");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_draft_of_an_earlier_build_is_moved_into_the_store_and_reopened_then_left_as_stored() {
    clear().await;
    storage().set_item("parindex.draft", TRA_CU).unwrap();
    let (root, app) = mount().await;
    assert!(
        root.query_selector("[data-testid=notice-restored]")
            .unwrap()
            .is_some(),
        "{}",
        root.text_content().unwrap_or_default()
    );
    // An old draft has no time: the notice says nothing of one.
    assert!(!text(&root, "[data-testid=notice-restored]").contains('('));
    assert_eq!(text(&root, "[data-testid=total-points]"), "78,28");
    assert!(storage().get_item("parindex.draft").unwrap().is_none());
    // The next save writes the current envelope, with the total for the list.
    TimeoutFuture::new(800).await;
    let stored = records().await;
    assert_eq!(stored.len(), 1);
    assert!(
        stored[0].contains("parindex-draft") && stored[0].contains("78.28"),
        "{}",
        stored[0]
    );
    app.destroy();
    root.remove();
    // Reopened, the draft this build stored shows when it was saved and is not written
    // again while nothing in it changes.
    let (root, app) = mount().await;
    assert!(
        text(&root, "[data-testid=save-state]").starts_with("Đã lưu lúc"),
        "{}",
        text(&root, "[data-testid=save-state]")
    );
    TimeoutFuture::new(800).await;
    assert_eq!(records().await, stored, "not rewritten");
    // A keystroke, and the page hidden at once: the save is in the journal before the
    // page goes (the store follows).
    type_into(&root, "#in-3-3-2-numerator", "6415");
    web_sys::window()
        .expect("window")
        .dispatch_event(&web_sys::Event::new("pagehide").expect("event"))
        .expect("dispatch");
    let journal = storage()
        .get_item("parindex.journal.unit")
        .unwrap()
        .unwrap_or_default();
    assert!(journal.contains("6415"), "the keystroke is kept: {journal}");
    TimeoutFuture::new(800).await;
    assert!(records().await[0].contains("6415"), "and stored");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_draft_whose_framework_cannot_be_loaded_stays_stored_and_the_person_is_told() {
    clear().await;
    // A commune draft; the commune framework was never loaded on this browser and the
    // test runner serves no `frameworks/` (as when offline on a new computer).
    let draft = "{\"kind\":\"parindex-draft\",\"version\":1,\"saved_at\":\"2024-05-02T08:00:00Z\",\
        \"framework\":{\"builtin\":\"mau-xa@2024\"},\
        \"assessment\":{\"format\":1,\"framework\":\"mau-xa@2024\",\"unit\":\"UBND xã Thử\",\"year\":2024}}";
    storage().set_item("parindex.draft", draft).unwrap();
    let (root, app) = mount().await;
    let notice = text(&root, "[data-testid=notice-open-failed]");
    assert!(notice.contains("mau-xa@2024"), "{notice}");
    // Nothing was lost: the draft is stored as it was, and listed.
    let stored = records().await;
    assert_eq!(stored.len(), 1);
    let record: serde_json::Value = serde_json::from_str(&stored[0]).unwrap();
    assert_eq!(record["text"], draft);
    assert!(text(&root, "[data-testid=drafts]").contains("UBND xã Thử — 2024"));
    app.destroy();
    root.remove();
}
