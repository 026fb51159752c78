//! # parindex-editor
//!
//! The framework editor page (`bo-chi-so/`): a Sở Nội vụ pastes the annex table copied
//! from Word or Excel, or opens the decision's `.docx`/`.xlsx`/`.csv`/`.html`/`.txt` (or a
//! framework `.toml`); the annex is read by `parindex-annex` and turned into a framework
//! by `parindex_core::annex::import`, here in the browser. The person then sees the
//! criteria tree with each parent's maximum checked against its children, each leaf's
//! rule in a form of its kind beside the annex's own words, the findings to deal with,
//! and the core's checks as they type; the draft is kept in the browser's storage on
//! every change; the result is exported as the `.toml` the units' app and the desk open.
//!
//! - `model.rs`: the draft and its edits (pure, tested natively);
//! - `view.rs`: the criteria and the framework's fields;
//! - `xlsx.rs`: workbooks, read by a module loaded only when one is opened;
//! - this file: the state, storage, opening and pasting.

pub mod model;
mod view;
mod xlsx;

use model::{Draft, Edit};
use parindex_annex::Kind;
use parindex_app::files;
use parindex_app::i18n::{tr, Lang};
use parindex_app::platform;
use parindex_core::{Diagnostic, Text};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const PREVIOUS_KEY: &str = "parindex.bo-chi-so.previous";

/// What the page shows.
#[derive(Clone, PartialEq, Default)]
pub struct State {
    pub draft: Option<Draft>,
    /// The core's checks of the draft, recomputed on every edit.
    pub checks: Rc<Vec<Diagnostic>>,
    pub lang: Lang,
    /// A message about the last action, and whether it is an error.
    pub notice: Option<(Text, bool)>,
}

pub enum Action {
    Load(Draft),
    Edit(Edit),
    Notice(Text, bool),
    Lang(Lang),
    Clear,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Load(d) => {
                s.checks = Rc::new(model::check(&d.tree));
                s.draft = Some(d);
                s.notice = None;
            }
            Action::Edit(e) => {
                if let Some(d) = s.draft.as_mut() {
                    model::apply(d, e);
                    s.checks = Rc::new(model::check(&d.tree));
                }
            }
            Action::Notice(t, error) => s.notice = Some((t, error)),
            Action::Lang(l) => s.lang = l,
            Action::Clear => {
                s.draft = None;
                s.checks = Rc::default();
                s.notice = None;
            }
        }
        Rc::new(s)
    }
}

pub type Handle = UseReducerHandle<State>;

/// Mounts the editor into `<body>`.
pub fn mount() {
    yew::Renderer::<App>::new().render();
}

/// Reads an annex (or a framework file) into a draft.
pub fn read_draft(name: &str, bytes: &[u8]) -> Result<Draft, Text> {
    if name.to_ascii_lowercase().ends_with(".toml") {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Text::new("tệp .toml không phải UTF-8", "the .toml file is not UTF-8"))?;
        return Draft::from_toml(name, text);
    }
    let kind = Kind::of(name).ok_or_else(|| {
        let why = Text::new(
            "không đọc được loại tệp này (cần .docx, .xlsx, .csv, .tsv, .html, .txt hoặc .toml)",
            "cannot read this kind of file (.docx, .xlsx, .csv, .tsv, .html, .txt or .toml)",
        );
        match parindex_annex::how_to_read(name) {
            Some(what) => Text::new(
                format!("{} — {}", why.vi, what.vi),
                format!("{} — {}", why.en, what.en),
            ),
            None => why,
        }
    })?;
    let table = parindex_annex::read(kind, bytes).map_err(|e| e.0)?;
    Ok(from_table(name, &table))
}

/// Reads a file the person opened: a workbook through the reader loaded only then.
pub async fn read_file(name: &str, bytes: &[u8]) -> Result<Draft, Text> {
    if Kind::of(name) == Some(Kind::Xlsx) {
        let table = xlsx::read(bytes).await?;
        return Ok(from_table(name, &table));
    }
    read_draft(name, bytes)
}

fn from_table(name: &str, table: &parindex_annex::Table) -> Draft {
    let options = parindex_core::annex::Options {
        file_name: Some(name.to_string()),
        ..Default::default()
    };
    Draft::from_import(name, &parindex_core::annex::import(table, &options))
}

/// What the clipboard holds: the HTML table Word and Excel put there, else plain text
/// (tab-separated from a spreadsheet, or lines copied from a PDF).
pub fn read_paste(html: &str, plain: &str) -> Result<Draft, Text> {
    let table = if html.contains("<table") || html.contains("<TABLE") {
        parindex_annex::read(Kind::Html, html.as_bytes())
    } else if plain.contains('\t') {
        parindex_annex::read(Kind::Csv, plain.as_bytes())
    } else {
        parindex_annex::read(Kind::Text, plain.as_bytes())
    }
    .map_err(|e| e.0)?;
    let import = parindex_core::annex::import(&table, &Default::default());
    // No file name: the page says "pasted" in the person's language.
    Ok(Draft::from_import("", &import))
}

/// Replaces the draft being edited, after asking; the one replaced is kept aside.
fn load(state: &Handle, draft: Draft) {
    if let Some(old) = state.draft.as_ref() {
        let question = tr(
            state.lang,
            "Thay bộ chỉ số đang soạn bằng bảng mới? Bản đang soạn được giữ làm \"bản trước\".",
            "Replace the framework being edited with the new table? It is kept as the \"previous\" copy.",
        );
        if !platform::confirm(question) {
            return;
        }
        let _ = platform::set(PREVIOUS_KEY, &old.encode());
    }
    state.dispatch(Action::Load(draft));
}

async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, Text> {
    if file.size() > parindex_annex::MAX_BYTES as f64 {
        return Err(Text::new(
            format!(
                "tệp quá lớn (tối đa {} MB)",
                parindex_annex::MAX_BYTES / 1024 / 1024
            ),
            format!(
                "file too large (at most {} MB)",
                parindex_annex::MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Text::new("không đọc được tệp", "the file cannot be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        // One language choice for every page.
        lang: parindex_app::state::kept_lang(),
        ..State::default()
    });
    // Restore the stored draft once; stored text that cannot be read is set aside.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(raw) = platform::get(model::DRAFT_KEY) {
                match Draft::decode(&raw) {
                    Ok(d) => state.dispatch(Action::Load(d)),
                    Err(why) => {
                        let key = format!("{}{}", model::CORRUPT_PREFIX, platform::now_ms());
                        if platform::set(&key, &raw).is_ok() {
                            platform::remove(model::DRAFT_KEY);
                        }
                        state.dispatch(Action::Notice(
                            Text::new(
                                format!("bản nháp đã lưu không đọc được ({why}); đã giữ lại dưới khóa {key}"),
                                format!("the stored draft cannot be read ({why}); it is kept under {key}"),
                            ),
                            true,
                        ));
                    }
                }
            }
        });
    }
    // Keep the draft on every change.
    {
        let state = state.clone();
        use_effect_with(state.draft.clone(), move |draft| {
            if let Some(d) = draft {
                let mut d = d.clone();
                d.saved_at = platform::iso_now();
                if platform::set(model::DRAFT_KEY, &d.encode()).is_err() {
                    state.dispatch(Action::Notice(
                        Text::new(
                            "không lưu được bản nháp vào trình duyệt (bộ nhớ đầy hoặc bị chặn): hãy tải tệp .toml ngay",
                            "the draft cannot be kept in the browser (storage full or blocked): download the .toml now",
                        ),
                        true,
                    ));
                }
            }
        });
    }
    let lang = state.lang;
    let onpaste = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
            else {
                return;
            };
            e.prevent_default();
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            match read_paste(&html, &plain) {
                Ok(d) => load(&state, d),
                Err(t) => state.dispatch(Action::Notice(t, true)),
            }
        })
    };
    let onopen = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let read = match file_bytes(&file).await {
                    Ok(bytes) => read_file(&name, &bytes).await,
                    Err(e) => Err(e),
                };
                match read {
                    Ok(d) => load(&state, d),
                    Err(t) => state.dispatch(Action::Notice(
                        Text::new(format!("{name}: {}", t.vi), format!("{name}: {}", t.en)),
                        true,
                    )),
                }
            });
        })
    };
    let switch_lang = {
        let state = state.clone();
        Callback::from(move |_| {
            let other = match state.lang {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            };
            parindex_app::state::keep_lang(other);
            state.dispatch(Action::Lang(other));
        })
    };
    let notice = state.notice.as_ref().map(|(t, error)| {
        html! {
            <p class={classes!("notice", error.then_some("error"))} role="alert" data-testid="notice">
                { t.get(lang) }
            </p>
        }
    });
    html! {
        <>
        <header class="top">
            <h1>{ tr(lang, "Soạn bộ chỉ số từ phụ lục", "Framework from an annex") }</h1>
            <nav>
                <a href="../">{ tr(lang, "Tự đánh giá", "Self-assessment") }</a>
                <a href="../tham-dinh/">{ tr(lang, "Thẩm định", "Appraisal desk") }</a>
                <button type="button" onclick={switch_lang}>{ tr(lang, "English", "Tiếng Việt") }</button>
            </nav>
        </header>
        <main>
            <section class="intake" data-testid="intake">
                <p>{ tr(lang,
                    "Chép (Ctrl+C) bảng phụ lục trong Word hoặc Excel rồi dán (Ctrl+V) vào ô dưới đây, hoặc mở tệp của quyết định.",
                    "Copy (Ctrl+C) the annex table in Word or Excel and paste it (Ctrl+V) below, or open the decision's file.") }</p>
                <textarea class="paste" data-testid="paste" rows="3" onpaste={onpaste}
                    aria-label={tr(lang, "Dán bảng phụ lục vào đây", "Paste the annex table here")}
                    placeholder={tr(lang, "Dán bảng phụ lục vào đây (Ctrl+V)", "Paste the annex table here (Ctrl+V)")} />
                <label class="open">
                    { tr(lang, "Mở tệp (.docx, .xlsx, .csv, .html, .txt, .toml): ", "Open a file (.docx, .xlsx, .csv, .html, .txt, .toml): ") }
                    <input type="file" data-testid="open" accept=".docx,.xlsx,.xlsm,.csv,.tsv,.html,.htm,.txt,.toml,.doc,.xls,.pdf,.rtf,.odt,.ods" onchange={onopen} />
                </label>
                { for notice }
            </section>
            if let Some(draft) = state.draft.as_ref() {
                { view::editor(&state, draft) }
            }
        </main>
        </>
    }
}

/// Downloads the draft's TOML.
pub fn export(state: &Handle) {
    let Some(d) = state.draft.as_ref() else {
        return;
    };
    if files::download(&d.file_name(), "application/toml", &d.toml()).is_err() {
        state.dispatch(Action::Notice(
            Text::new(
                "trình duyệt không cho tải tệp xuống",
                "the browser refused the download",
            ),
            true,
        ));
    }
}

/// Starts over: the draft is kept as the "previous" copy, after asking.
pub fn clear(state: &Handle) {
    let Some(d) = state.draft.as_ref() else {
        return;
    };
    if platform::confirm(tr(
        state.lang,
        "Bắt đầu lại? Bộ chỉ số đang soạn được giữ làm \"bản trước\".",
        "Start over? The framework being edited is kept as the \"previous\" copy.",
    )) {
        let _ = platform::set(PREVIOUS_KEY, &d.encode());
        platform::remove(model::DRAFT_KEY);
        state.dispatch(Action::Clear);
    }
}

/// Brings a criterion (or the framework's fields) into view and focuses its first field.
pub fn go_to(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    el.scroll_into_view();
    if let Ok(Some(field)) = el.query_selector("input, select, textarea") {
        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}
