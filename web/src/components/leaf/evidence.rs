//! The evidence references (*tài liệu kiểm chứng*) of a leaf: number, date and title
//! (*số, ký hiệu · ngày · trích yếu*), added, edited by named field and removed as
//! [`Edit`]s.

use super::{dom_id, edit};
use crate::hooks::use_ctx;
use crate::i18n::tr;
use crate::model::{self, Edit, EvidenceField, Section};
use parindex_core::rules::RuleKind;
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
            let named = [item.reference.as_str(), item.title.as_str()].join(" ").trim().to_string();
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
                <label for={format!("{base}-ref")}>{ tr(lang, "Số, ký hiệu", "Number") }
                    <input id={format!("{base}-ref")} type="text" value={item.reference.clone()} oninput={set(EvidenceField::Reference)} /></label>
                <label for={format!("{base}-date")}>{ tr(lang, "Ngày", "Date") }
                    <input id={format!("{base}-date")} type="text" inputmode="numeric" autocomplete="off" placeholder={tr(lang, "ngày/tháng/năm", "dd/mm/yyyy")}
                        value={crate::model::date_shown(&item.date)} oninput={set(EvidenceField::Date)} /></label>
                <label for={format!("{base}-title")} class="grow">{ tr(lang, "Trích yếu", "Title") }
                    <input id={format!("{base}-title")} type="text" value={item.title.clone()} oninput={set(EvidenceField::Title)} /></label>
                <button type="button" onclick={remove} aria-label={format!("{} {}", tr(lang, "Xoá tài liệu", "Remove evidence"), index + 1)}>{ "×" }</button>
                if let Some(name) = item.file_name() {
                    <span class="hint attached" data-testid="file-not-attached">{ format!("{} {name} {}", tr(lang, "Tệp", "File"), tr(lang, "(tên tệp ghi trong hồ sơ; tệp chưa kèm theo)", "(named in the file; not attached)")) }</span>
                }
            </li>
        }
    });
    html! {
        <div class="evidence">
            <span class="k">{ format!("{} ({})", tr(lang, "Tài liệu kiểm chứng đã có", "Evidence given"), items.len()) }</span>
            <ul>{ for rows }</ul>
            <button type="button" class="small" onclick={add}>{ tr(lang, "+ Thêm tài liệu", "+ Add evidence") }</button>
        </div>
    }
}
