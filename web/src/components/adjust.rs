//! Bonus (*điểm thưởng*) and penalty (*điểm trừ*) items, entered by the appraiser: points
//! and a reason each, with the framework's cap shown and the engine's messages beside
//! the fields.

use crate::hooks::use_ctx;
use crate::i18n::{num, tr};
use crate::model::{self, AdjustmentField, Adjustments as List, Edit};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdjustProps {
    pub list: List,
}

#[function_component(Adjustments)]
pub fn adjustments(props: &AdjustProps) -> Html {
    let state = use_ctx();
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let list = props.list;
    let key = list.key();
    let cap = match list {
        List::Bonus => session.framework.bonus_max,
        List::Penalty => session.framework.penalty_max,
    };
    let items = model::adjustments(&session.tree(), key);
    let dispatch = |edit: Edit| {
        let state = state.clone();
        move || state.dispatch(Action::Edit(edit.clone()))
    };
    let rows = items.iter().enumerate().map(|(index, item)| {
        let set = |field: AdjustmentField| {
            let state = state.clone();
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                state.dispatch(Action::Edit(Edit::SetAdjustment { list, index, field, text }));
            })
        };
        let remove = dispatch(Edit::RemoveAdjustment { list, index });
        let remove = Callback::from(move |_: MouseEvent| remove());
        let base = format!("{key}-{index}");
        let errors: Vec<String> = ["points", "reason"]
            .into_iter()
            .filter_map(|field| {
                session.message(lang, |l| {
                    l.section == Some(key) && l.item == Some(index) && l.field.as_deref() == Some(field)
                })
            })
            .collect();
        html! {
            <li class="evidence-row">
                <label for={format!("{base}-points")}>{ tr(lang, "Điểm", "Points") }
                    <input id={format!("{base}-points")} type="text" inputmode="decimal" value={crate::model::decimal_shown(&item.points, lang)} oninput={set(AdjustmentField::Points)} /></label>
                <label for={format!("{base}-reason")} class="grow">{ tr(lang, "Lý do", "Reason") }
                    <input id={format!("{base}-reason")} type="text" value={item.reason.clone()} oninput={set(AdjustmentField::Reason)} /></label>
                <button type="button" onclick={remove} aria-label={format!("{} {}", tr(lang, "Xoá mục", "Remove item"), index + 1)}>{ "×" }</button>
                if !errors.is_empty() { <span class="field-error">{ errors.join("; ") }</span> }
            </li>
        }
    });
    let add = dispatch(Edit::AddAdjustment { list });
    let add = Callback::from(move |_: MouseEvent| add());
    // The framework's cap, when the items exceed it (a scorecard warning on the list).
    let capped = session.message(lang, |l| {
        l.section == Some(key) && l.item.is_none() && l.field.is_none()
    });
    let title = match list {
        List::Bonus => tr(lang, "Điểm thưởng", "Bonus points"),
        List::Penalty => tr(lang, "Điểm trừ", "Penalty points"),
    };
    html! {
        <section class="adjust" data-testid={key}>
            <h3>{ format!("{title} ({} {})", tr(lang, "tối đa", "at most"), num(cap, lang)) }</h3>
            <ul>{ for rows }</ul>
            if let Some(m) = capped { <p class="field-error">{ m }</p> }
            <button type="button" class="small" onclick={add}>{ format!("+ {title}") }</button>
        </section>
    }
}
