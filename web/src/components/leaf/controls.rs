//! One control per rule kind, in the core's order (`parindex_core::rules`): how a person
//! enters a leaf's input, and how the unit's input reads to the appraiser. A new rule
//! kind adds its `control` arm and its `shown` arm here.

use super::{dom_id, edit};
use crate::components::Ctx;
use crate::i18n::{date, live_percent, num, tr, Lang};
use crate::model::{self, Edit, Section};
use crate::state::Session;
use parindex_core::rules::{Checklist, Choice, Deadline, Manual, Rule};
use serde_json::Value;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The value of the field an input event comes from (an input or a text area).
fn value_of(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// What typing into an input does: the field takes the text, converted (`None` when
/// emptied, which removes it).
pub(in crate::components) fn sets_field(
    state: &Ctx,
    section: Section,
    code: &str,
    field: &'static str,
    convert: fn(&str) -> Value,
) -> Callback<InputEvent> {
    let state = state.clone();
    let code = code.to_string();
    Callback::from(move |e: InputEvent| {
        let typed = value_of(&e);
        let value = (!typed.is_empty()).then(|| convert(&typed));
        let code = code.clone();
        edit(
            &state,
            Edit::Field {
                section,
                code,
                field,
                value,
            },
        );
    })
}

/// A labelled text input bound to one field of the entry, with the engine's message.
struct FieldInput<'a> {
    state: &'a Ctx,
    session: &'a Session,
    section: Section,
    code: &'a str,
    field: &'static str,
    label: &'a str,
    mode: &'static str,
    convert: fn(&str) -> Value,
}

impl FieldInput<'_> {
    fn render(&self) -> Html {
        let id = dom_id(self.code, self.field);
        let error = self
            .session
            .message_at(self.section, self.code, self.field, self.state.lang);
        let value = model::decimal_shown(
            &model::field_text(&self.session.tree(), self.section, self.code, self.field),
            self.state.lang,
        );
        let oninput = sets_field(
            self.state,
            self.section,
            self.code,
            self.field,
            self.convert,
        );
        let err_id = format!("{id}-err");
        // A whole number from 1,000 up is said back with its groups (`1.480` typed as the
        // TTHC system prints it is 1480, not 1.48).
        let read_as = model::entry(&self.session.tree(), self.section, self.code)
            .and_then(|e| e.get(self.field)?.as_u64())
            .filter(|n| *n >= 1000)
            .map(|n| {
                let lang = self.state.lang;
                format!(
                    "{} {}",
                    tr(lang, "Đã đọc là", "Read as"),
                    num(n.into(), lang)
                )
            });
        html! {
            <label class="field" for={id.clone()}>
                <span>{ self.label }</span>
                <input {id} type="text" inputmode={self.mode} {value} {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(err_id.clone())} />
                if let Some(m) = error { <span class="field-error" id={err_id}>{ m }</span> }
                if let Some(r) = read_as { <span class="hint" data-testid={format!("read-as-{}-{}", self.code, self.field)}>{ r }</span> }
            </label>
        }
    }
}

/// A survey leaf in the units' app: the appraising body enters its result. The result,
/// once in the file, is shown; before that the unit may type an estimate, labelled as
/// one, kept with its draft but never counted nor exported.
fn survey_pending(state: &Ctx, session: &Session, code: &str) -> Html {
    let lang = state.lang;
    let result = model::field_text(&session.tree(), Section::Survey, code, "percent");
    if !result.is_empty() {
        return html! {
            <p class="survey-result" data-testid={format!("survey-{code}")}>
                { format!("{} {}%", tr(lang, "Kết quả điều tra XHH (do cơ quan thẩm định nhập):", "Survey result (entered by the appraising body):"), model::decimal_shown(&result, lang)) }</p>
        };
    }
    let id = dom_id(code, "estimate");
    let estimate = session.estimate(code).unwrap_or_default();
    let oninput = {
        let state = state.clone();
        let code = code.to_string();
        Callback::from(move |e: InputEvent| {
            let typed = value_of(&e);
            let value = (!typed.is_empty()).then(|| model::decimal_value(&typed));
            state.dispatch(crate::state::Action::Estimate {
                code: code.clone(),
                value,
            });
        })
    };
    let estimated = (!estimate.is_empty())
        .then(|| session.estimated())
        .flatten();
    let error = estimated.as_ref().and_then(|e| {
        e.diagnostics
            .iter()
            .find(|d| d.location.is_in(Section::Survey.key(), code))
            .map(|d| d.message.get(lang).to_string())
    });
    let points = estimated
        .as_ref()
        .and_then(|e| e.scorecard.as_ref()?.node(code).cloned())
        .filter(|_| error.is_none())
        .map(|n| {
            format!(
                "{} ≈ {} / {} {}",
                tr(lang, "Ước tính", "Estimate"),
                num(n.points, lang),
                num(n.max, lang),
                tr(lang, "điểm (không tính vào tổng)", "points (not counted)")
            )
        });
    html! {
        <div class="survey-pending" data-testid={format!("survey-{code}")}>
            <p>{ tr(lang, "Chờ kết quả điều tra XHH: cơ quan thẩm định nhập kết quả này.", "Awaiting the survey result: the appraising body enters it.") }</p>
            <label class="field" for={id.clone()}>
                <span>{ tr(lang, "Ước tính của đơn vị (%), chỉ để tham khảo: không tính vào tổng, không ghi vào tệp xuất", "Your own estimate (%), for reference only: not counted, not exported") }</span>
                <input {id} type="text" inputmode="decimal" value={model::decimal_shown(&estimate, lang)} {oninput}
                    aria-invalid={error.is_some().then_some("true")} />
                if let Some(m) = error { <span class="field-error">{ m }</span> }
            </label>
            if let Some(p) = points { <p class="estimate">{ p }</p> }
        </div>
    }
}

/// The input control that fits a rule.
pub(super) fn control(
    state: &Ctx,
    session: &Session,
    rule: &Rule,
    section: Section,
    code: &str,
) -> Html {
    let lang = state.lang;
    if matches!(rule, Rule::Survey(_)) && !crate::DESK {
        return survey_pending(state, session, code);
    }
    let field =
        |field: &'static str, label: &str, mode: &'static str, convert: fn(&str) -> Value| {
            FieldInput {
                state,
                session,
                section,
                code,
                field,
                label,
                mode,
                convert,
            }
            .render()
        };
    match rule {
        Rule::Choice(choice) => choice_control(state, session, choice, section, code),
        Rule::Deadline(d) => deadline_control(state, session, d, section, code),
        Rule::Ratio(_) | Rule::Proportional(_) => {
            let tree = session.tree();
            let n = model::field_text(&tree, section, code, "numerator");
            let d = model::field_text(&tree, section, code, "denominator");
            drop(tree);
            let live = live_percent(&n, &d, lang);
            html! {
                <div class="ratio">
                    { field("numerator", tr(lang, "Số đạt (tử số)", "Met (numerator)"), "numeric", model::count_value) }
                    { field("denominator", tr(lang, "Tổng số (mẫu số)", "Total (denominator)"), "numeric", model::count_value) }
                    <span class="live" aria-live="polite" data-testid={format!("pct-{code}")}>{ live.unwrap_or_default() }</span>
                </div>
            }
        }
        Rule::Count(_) => field(
            "value",
            tr(lang, "Số lượng", "Count"),
            "numeric",
            model::count_value,
        ),
        Rule::Checklist(list) => checklist_control(state, session, list, section, code),
        Rule::Manual(m) => {
            let label = manual_label(m, lang);
            field("points", &label, "decimal", model::decimal_value)
        }
        Rule::Survey(_) => field(
            "percent",
            tr(lang, "Kết quả điều tra XHH (%)", "Survey result (%)"),
            "decimal",
            model::decimal_value,
        ),
    }
}

fn choice_control(
    state: &Ctx,
    session: &Session,
    choice: &Choice,
    section: Section,
    code: &str,
) -> Html {
    let lang = state.lang;
    let current = model::field_text(&session.tree(), section, code, "choice");
    let options = choice.options.iter().map(|o| {
        let id = dom_id(code, &format!("opt-{}", o.key));
        let pick = {
            let (state, code) = (state.clone(), code.to_string());
            let value = Some(Value::String(o.key.clone()));
            Callback::from(move |_: Event| {
                let (code, value) = (code.clone(), value.clone());
                edit(&state, Edit::Field { section, code, field: "choice", value });
            })
        };
        html! {
            <label class="option" for={id.clone()}>
                <input type="radio" {id} name={dom_id(code, "choice")} checked={current == o.key} onchange={pick} />
                { o.label.get(lang) }<span class="opt-pts">{ format!(" ({} {})", num(o.points, lang), tr(lang, "điểm", "pts")) }</span>
            </label>
        }
    });
    let error = session.message_at(section, code, "choice", lang);
    html! {
        <fieldset class="choice">
            <legend>{ tr(lang, "Mức đạt được", "Level reached") }</legend>
            { for options }
            if let Some(m) = error { <span class="field-error">{ m }</span> }
        </fieldset>
    }
}

fn deadline_control(
    state: &Ctx,
    session: &Session,
    d: &Deadline,
    section: Section,
    code: &str,
) -> Html {
    let lang = state.lang;
    let tree = session.tree();
    let value = model::field_text(&tree, section, code, "date");
    let not_done = model::field_bool(&tree, section, code, "done") == Some(false);
    let (_, year) = model::unit_and_year(&tree);
    drop(tree);
    let id = dom_id(code, "date");
    let ondate = {
        let (state, code) = (state.clone(), code.to_string());
        Callback::from(move |e: InputEvent| {
            let date = Some(model::date_value(&value_of(&e)));
            let code = code.clone();
            edit(
                &state,
                Edit::DoneOn {
                    section,
                    code,
                    date,
                },
            );
        })
    };
    let onnotdone = {
        let (state, code) = (state.clone(), code.to_string());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let code = code.clone();
            edit(&state, Edit::NotDone { section, code, on });
        })
    };
    let due = d.due_date(if year == 0 { 2000 } else { year as i32 });
    let err = session
        .message_at(section, code, "date", lang)
        .or_else(|| session.message_at(section, code, "done", lang));
    html! {
        <div class="deadline">
            <label class="field" for={id.clone()}>
                <span>{ format!("{} ({} {})", tr(lang, "Ngày thực hiện", "Date done"), tr(lang, "hạn", "due"), due.human(lang)) }</span>
                <input {id} type="text" inputmode="numeric" autocomplete="off" placeholder={tr(lang, "ngày/tháng/năm", "dd/mm/yyyy")}
                    value={model::date_shown(&value)} oninput={ondate} disabled={not_done} />
                if !value.is_empty() { <span class="live">{ date(&value, lang) }</span> }
            </label>
            <label class="switch"><input type="checkbox" id={dom_id(code, "notdone")} checked={not_done} onchange={onnotdone} />
                { tr(lang, "Chưa thực hiện", "Not done") }</label>
            if let Some(m) = err { <span class="field-error">{ m }</span> }
        </div>
    }
}

fn checklist_control(
    state: &Ctx,
    session: &Session,
    list: &Checklist,
    section: Section,
    code: &str,
) -> Html {
    let lang = state.lang;
    let checked = model::checked(&session.tree(), section, code);
    let order: Rc<[String]> = list.items.iter().map(|i| i.key.clone()).collect();
    let items = list.items.iter().map(|item| {
        let id = dom_id(code, &format!("item-{}", item.key));
        let onchange = {
            let (key, code, order, state) = (
                item.key.clone(),
                code.to_string(),
                order.clone(),
                state.clone(),
            );
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let (key, code, order) = (key.clone(), code.clone(), order.clone());
                edit(
                    &state,
                    Edit::Check {
                        section,
                        code,
                        key,
                        on,
                        order,
                    },
                );
            })
        };
        let pts = if list.all_or_nothing {
            String::new()
        } else {
            format!(" ({} {})", num(item.points, lang), tr(lang, "điểm", "pts"))
        };
        html! {
            <label class="option" for={id.clone()}>
                <input type="checkbox" {id} checked={checked.contains(&item.key)} {onchange} />
                { item.label.get(lang) }<span class="opt-pts">{ pts }</span>
            </label>
        }
    });
    let error = session.message_at(section, code, "checked", lang);
    html! {
        <fieldset class="checklist">
            <legend>{ if list.all_or_nothing { tr(lang, "Nội dung đáp ứng (phải đủ tất cả)", "Items met (all required)") } else { tr(lang, "Nội dung đáp ứng", "Items met") } }</legend>
            { for items }
            if let Some(m) = error { <span class="field-error">{ m }</span> }
        </fieldset>
    }
}

fn manual_label(m: &Manual, lang: Lang) -> String {
    match m.step {
        Some(s) => format!(
            "{} ({} {})",
            tr(lang, "Điểm chấm", "Points"),
            tr(lang, "bước", "step"),
            num(s, lang)
        ),
        None => tr(lang, "Điểm chấm", "Points").to_string(),
    }
}

/// What an entry's input reads as, for the appraiser beside their own control: the
/// chosen option, the date, `6.416/6.507 (98,6%)`; empty when nothing is entered.
pub(super) fn shown(rule: &Rule, tree: &Value, section: Section, code: &str, lang: Lang) -> String {
    let text = |f: &str| model::field_text(tree, section, code, f);
    if model::field_bool(tree, section, code, "not_applicable") == Some(true) {
        return tr(lang, "Không phát sinh", "Not applicable").to_string();
    }
    match rule {
        Rule::Choice(c) => c
            .options
            .iter()
            .find(|o| o.key == text("choice"))
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_default(),
        Rule::Deadline(_) if model::field_bool(tree, section, code, "done") == Some(false) => {
            tr(lang, "Chưa thực hiện", "Not done").to_string()
        }
        Rule::Deadline(_) => date(&text("date"), lang),
        Rule::Ratio(_) | Rule::Proportional(_) => {
            let (n, d) = (text("numerator"), text("denominator"));
            match live_percent(&n, &d, lang) {
                Some(p) => format!("{n}/{d} ({p})"),
                None => String::new(),
            }
        }
        Rule::Count(_) => text("value"),
        Rule::Checklist(list) => {
            let checked = model::checked(tree, section, code);
            list.items
                .iter()
                .filter(|i| checked.contains(&i.key))
                .map(|i| i.label.get(lang))
                .collect::<Vec<_>>()
                .join("; ")
        }
        Rule::Manual(_) => {
            let mark = if lang == Lang::Vi { "," } else { "." };
            text("points").replace('.', mark)
        }
        Rule::Survey(_) => String::new(),
    }
}
