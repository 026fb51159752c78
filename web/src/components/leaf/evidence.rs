//! The evidence (*tài liệu kiểm chứng*) of a leaf: references by number, date and title
//! (*số, ký hiệu · ngày · trích yếu*), added, edited by named field and removed as
//! [`Edit`]s; documents attached by picker or drag-and-drop (kept in the browser by
//! `dossier::attach`, an item each), shown with [`Document`] — opened inline (PDF,
//! images) or downloaded, marked when the dossier they came in found them missing or
//! altered.

use super::{dom_id, edit};
use crate::dossier;
use crate::hooks::use_ctx;
use crate::i18n::tr;
use crate::model::{self, Edit, EvidenceField, Section};
use parindex_core::rules::RuleKind;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct EvidenceProps {
    pub index: usize,
}

#[function_component(Evidence)]
pub(super) fn evidence(props: &EvidenceProps) -> Html {
    let state = use_ctx();
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let c = &session.framework.criteria[props.index];
    let section = if c.rule.as_ref().map(|r| r.kind()) == Some(RuleKind::Survey) {
        Section::Survey
    } else {
        Section::SelfAssessed
    };
    let code = c.code.clone();
    let items = model::evidence(&session.tree(), section, &code);
    let add = {
        let (state, code) = (state.clone(), code.clone());
        Callback::from(move |_| {
            let code = code.clone();
            edit(&state, Edit::AddEvidence { section, code });
        })
    };
    // Why the last files chosen could not be kept, shown here.
    let attach_problem = use_state(|| None::<String>);
    let attaching = use_state(|| false);
    let attach = {
        let (state, code, problem, attaching) = (
            state.clone(),
            code.clone(),
            attach_problem.clone(),
            attaching.clone(),
        );
        move |chosen: Vec<web_sys::File>| {
            if chosen.is_empty() {
                return;
            }
            let (state, code, problem, attaching) = (
                state.clone(),
                code.clone(),
                problem.clone(),
                attaching.clone(),
            );
            attaching.set(true);
            problem.set(None);
            yew::platform::spawn_local(async move {
                let mut kept = Vec::new();
                let mut failed = Vec::new();
                for file in chosen {
                    let name = file.name();
                    match dossier::attach(file).await {
                        Ok(f) => kept.push(f),
                        Err(m) => failed.push(format!(
                            "{name}: {}",
                            crate::components::joined(&m, state.lang)
                        )),
                    }
                }
                if !kept.is_empty() {
                    edit(
                        &state,
                        Edit::AttachFiles {
                            section,
                            code,
                            files: kept,
                        },
                    );
                }
                attaching.set(false);
                problem.set((!failed.is_empty()).then(|| {
                    format!(
                        "{} {}",
                        tr(state.lang, "Chưa đính kèm được:", "Not attached:"),
                        failed.join("; ")
                    )
                }));
            });
        }
    };
    let on_pick = {
        let attach = attach.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let chosen = input
                .files()
                .map(|l| crate::files::files_of(&l))
                .unwrap_or_default();
            // The same file can be chosen again later.
            input.set_value("");
            attach(chosen);
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        let chosen = e
            .data_transfer()
            .and_then(|d| d.files())
            .map(|l| crate::files::files_of(&l))
            .unwrap_or_default();
        attach(chosen);
    });
    let on_over = Callback::from(|e: DragEvent| e.prevent_default());
    let rows = items.iter().enumerate().map(|(index, item)| {
        let set = |field: EvidenceField| {
            let (state, code) = (state.clone(), code.clone());
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let text = if field == EvidenceField::Date { crate::model::date_value(&text) } else { text };
                let code = code.clone();
                edit(&state, Edit::SetEvidence { section, code, index, field, text });
            })
        };
        let remove = {
            let (state, code) = (state.clone(), code.clone());
            // An item with something typed in is removed only once confirmed.
            let named = [item.reference.as_str(), item.title.as_str(), item.file_name().unwrap_or_default()].join(" ").trim().to_string();
            let typed = !(named.is_empty() && item.date.is_empty());
            Callback::from(move |_| {
                let question = format!("{} {named}", tr(state.lang, "Xoá tài liệu kiểm chứng", "Remove the evidence"));
                if typed && !crate::platform::confirm(&format!("{}?", question.trim_end())) {
                    return;
                }
                let code = code.clone();
                edit(&state, Edit::RemoveEvidence { section, code, index });
            })
        };
        let base = dom_id(&code, &format!("ev{index}"));
        html! {
            <li class="evidence-row">
                // The attached document heads its item: its number, date and title follow.
                if let Some(file) = &item.file {
                    <Document code={code.clone()} file={file.clone()} />
                }
                <label for={format!("{base}-ref")}>{ tr(lang, "Số, ký hiệu", "Number") }
                    <input id={format!("{base}-ref")} type="text" value={item.reference.clone()} oninput={set(EvidenceField::Reference)} /></label>
                <label for={format!("{base}-date")}>{ tr(lang, "Ngày", "Date") }
                    <input id={format!("{base}-date")} type="text" inputmode="numeric" autocomplete="off" placeholder={tr(lang, "ngày/tháng/năm", "dd/mm/yyyy")}
                        value={crate::model::date_shown(&item.date)} oninput={set(EvidenceField::Date)} /></label>
                <label for={format!("{base}-title")} class="grow">{ tr(lang, "Trích yếu", "Title") }
                    <input id={format!("{base}-title")} type="text" value={item.title.clone()} oninput={set(EvidenceField::Title)} /></label>
                <button type="button" onclick={remove} aria-label={format!("{} {}", tr(lang, "Xoá tài liệu", "Remove evidence"), index + 1)}>{ "×" }</button>
            </li>
        }
    });
    let picker = format!("attach-{code}");
    html! {
        <div class="evidence" ondragover={on_over} ondrop={on_drop}>
            <span class="k">{ format!("{} ({})", tr(lang, "Tài liệu kiểm chứng đã có", "Evidence given"), items.len()) }</span>
            <ul>{ for rows }</ul>
            <div class="row">
                <button type="button" class="small" onclick={add}>{ tr(lang, "+ Thêm tài liệu", "+ Add evidence") }</button>
                <label class="file small" for={picker.clone()}>{ tr(lang, "Đính kèm tệp (PDF, ảnh, Word, Excel…)", "Attach files (PDF, images, Word, Excel…)") }
                    <input id={picker.clone()} type="file" multiple=true onchange={on_pick} data-testid={picker} /></label>
                <span class="hint">{ if *attaching { tr(lang, "Đang lưu tệp…", "Keeping the files…") } else { tr(lang, "hoặc kéo thả tệp vào đây", "or drop files here") } }</span>
            </div>
            if let Some(p) = (*attach_problem).clone() { <p class="field-error" role="alert" data-testid="attach-problem">{ p }</p> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct DocumentProps {
    pub code: String,
    /// The evidence item's `file`: `{ name, sha256, size, type }`.
    pub file: Value,
}

/// An attached document: its name and size, opened inline (PDF, images: the browser's
/// own viewer on a `blob:` URL) or downloaded, and marked when this browser does not hold
/// it or the dossier it came in found it missing or altered (SHA-256 and size checked).
#[function_component(Document)]
pub(crate) fn document(props: &DocumentProps) -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let text = |k: &str| {
        props
            .file
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let (name, sha, kind) = (text("name"), text("sha256"), text("type"));
    // `None` while looking; `Some(None)`: this browser does not hold it.
    let url = use_state(|| None::<Option<String>>);
    {
        let url = url.clone();
        use_effect_with(sha.clone(), move |sha| {
            let sha = sha.clone();
            yew::platform::spawn_local(async move { url.set(Some(dossier::url(&sha).await)) });
        });
    }
    let path = dossier::path(&props.code, &name);
    let meta = state.session.as_ref().and_then(|s| s.meta.dossier.clone());
    let problem = dossier::problem(meta.as_deref(), &path);
    let checked = meta.as_deref().is_some_and(|d| d.get("problems").is_some());
    let size = props
        .file
        .get("size")
        .and_then(Value::as_u64)
        .map(|b| dossier::size(b, lang))
        .unwrap_or_default();
    let inline = kind == "application/pdf" || kind.starts_with("image/");
    // Written as markup text (a native <details> opens the viewer, a link downloads):
    // far smaller than the same markup as components on the units' first visit.
    use parindex_core::report::escape;
    let mark = match (&problem, &*url) {
        (Some(p), _) => format!("<span class=\"doc-mark bad\" data-testid=\"doc-problem\">⚠ {}</span>", escape(p.get(lang))),
        (None, Some(None)) => format!("<span class=\"doc-mark bad\" data-testid=\"file-not-attached\">{}</span>", tr(lang, "tệp chưa kèm theo (không có trong trình duyệt này)", "file not attached (not in this browser)")),
        (None, Some(Some(_))) if checked => format!("<span class=\"doc-mark ok\" data-testid=\"doc-verified\" title=\"SHA-256 {sha}\">{}</span>", tr(lang, "✓ đúng mã SHA-256", "✓ SHA-256 matches")),
        _ => String::new(),
    };
    let name = escape(&name);
    let open = match &*url {
        Some(Some(u)) if kind.starts_with("image/") => format!("<details><summary data-testid=\"doc-view\">{}</summary><img class=\"preview\" src=\"{u}\" alt=\"{name}\" data-testid=\"doc-preview\"></details>", tr(lang, "Xem", "View")),
        Some(Some(u)) if inline => format!("<details><summary data-testid=\"doc-view\">{}</summary><iframe class=\"preview\" loading=\"lazy\" src=\"{u}\" title=\"{name}\" data-testid=\"doc-preview\"></iframe></details>", tr(lang, "Xem", "View")),
        Some(Some(u)) => format!("<a class=\"small\" href=\"{u}\" download=\"{name}\" data-testid=\"doc-download\">{}</a>", tr(lang, "Tải về", "Download")),
        _ => String::new(),
    };
    Html::from_html_unchecked(
        format!(
            "<div class=\"document\" data-testid=\"doc-{}\" data-path=\"{}\"><span class=\"doc-name\">{} {name}</span> <span class=\"hint\">{size}</span> {mark} {open}</div>",
            escape(&props.code),
            escape(&path),
            tr(lang, "Tệp", "File")
        )
        .into(),
    )
}
