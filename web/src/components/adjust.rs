//! Bonus (*điểm thưởng*) and penalty (*điểm trừ*) items, entered by the appraiser: points
//! and a reason each, with the framework's cap shown and the engine's messages beside
//! the fields.

use super::Ctx;
use crate::i18n::{num, tr};
use crate::model::{self, AdjustmentItem};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AdjustProps {
    /// `bonus` or `penalty`.
    pub key_name: &'static str,
}

#[function_component(Adjustments)]
pub fn adjustments(props: &AdjustProps) -> Html {
    let state = use_context::<Ctx>().expect("app context");
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let key = props.key_name;
    let bonus = key == "bonus";
    let cap = if bonus {
        session.framework.bonus_max
    } else {
        session.framework.penalty_max
    };
    let items = model::adjustments(&session.tree, key);
    let dispatcher = state.clone();
    let write = move |next: Vec<AdjustmentItem>| {
        let state = dispatcher.clone();
        Callback::from(move |_: ()| {
            let next = next.clone();
            state.dispatch(Action::Edit(Rc::new(move |t| {
                model::set_adjustments(t, key, &next)
            })));
        })
    };
    let rows = items.iter().enumerate().map(|(i, item)| {
        let edit = |points: bool| {
            let (items, write) = (items.clone(), write.clone());
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = items.clone();
                if points {
                    next[i].points = v;
                } else {
                    next[i].reason = v;
                }
                write(next).emit(());
            })
        };
        let mut without = items.clone();
        without.remove(i);
        let remove = write(without).reform(|_: MouseEvent| ());
        let base = format!("{key}-{i}");
        let message = |field: &str| session.error_at(&format!("{key}[{i}].{field}"), lang);
        let errors: Vec<String> = message("points").into_iter().chain(message("reason")).collect();
        html! {
            <li class="evidence-row">
                <label for={format!("{base}-points")}>{ tr(lang, "Điểm", "Points") }
                    <input id={format!("{base}-points")} type="text" inputmode="decimal" value={item.points.clone()} oninput={edit(true)} /></label>
                <label for={format!("{base}-reason")} class="grow">{ tr(lang, "Lý do", "Reason") }
                    <input id={format!("{base}-reason")} type="text" value={item.reason.clone()} oninput={edit(false)} /></label>
                <button type="button" onclick={remove} aria-label={format!("{} {}", tr(lang, "Xoá mục", "Remove item"), i + 1)}>{ "×" }</button>
                if !errors.is_empty() { <span class="field-error">{ errors.join("; ") }</span> }
            </li>
        }
    });
    let mut more = items.clone();
    more.push(AdjustmentItem::default());
    let add = write(more).reform(|_: MouseEvent| ());
    let capped = session.warning_at(key, lang);
    let title = if bonus {
        tr(lang, "Điểm thưởng", "Bonus points")
    } else {
        tr(lang, "Điểm trừ", "Penalty points")
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
