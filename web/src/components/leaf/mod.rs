//! One leaf (*tiêu chí thành phần*): its title, max, guide and expected evidence, an
//! input control that fits its rule, "không phát sinh", evidence references, a note, the
//! engine's messages next to the fields, and "Vì sao được điểm này?".

use super::Ctx;
use crate::i18n::{date, live_percent, num, tr};
use crate::model::{self, EvidenceItem, Section};
use crate::state::{Action, Mode};
use parindex_core::rules::{Rule, RuleKind};
use parindex_core::scorecard::{Node, Status};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeafProps {
    pub index: usize,
}

fn value_of(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn dom_id(code: &str, field: &str) -> String {
    format!("in-{}-{field}", code.replace('.', "-"))
}

/// What typing into an input does: the field takes the text, converted (`None` when
/// emptied, which removes it).
pub(super) fn sets_field(
    state: &Ctx,
    section: Section,
    code: &str,
    field: &'static str,
    convert: fn(&str) -> serde_json::Value,
) -> Callback<InputEvent> {
    let state = state.clone();
    let code = code.to_string();
    Callback::from(move |e: InputEvent| {
        let typed = value_of(&e);
        let value = (!typed.is_empty()).then(|| convert(&typed));
        let code = code.clone();
        state.dispatch(Action::Edit(Rc::new(move |t| {
            model::set_field(t, section, &code, field, value.clone())
        })));
    })
}

/// A labelled text input bound to one field of the entry, with the engine's message.
struct FieldInput<'a> {
    ctx: &'a Ctx,
    section: Section,
    code: &'a str,
    field: &'static str,
    label: &'a str,
    mode: &'static str,
    convert: fn(&str) -> serde_json::Value,
}

impl FieldInput<'_> {
    fn render(&self) -> Html {
        let session = self.ctx.session.as_ref().expect("a session");
        let id = dom_id(self.code, self.field);
        let path = format!("{}.{}.{}", self.section.key(), self.code, self.field);
        let error = session.error_at(&path, self.ctx.lang);
        let value = model::field_text(&session.tree, self.section, self.code, self.field);
        let oninput = sets_field(self.ctx, self.section, self.code, self.field, self.convert);
        let err_id = format!("{id}-err");
        html! {
            <label class="field" for={id.clone()}>
                <span>{ self.label }</span>
                <input {id} type="text" inputmode={self.mode} {value} {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(err_id.clone())} />
                if let Some(m) = error { <span class="field-error" id={err_id}>{ m }</span> }
            </label>
        }
    }
}

#[function_component(Leaf)]
pub fn leaf(props: &LeafProps) -> Html {
    let state = use_context::<Ctx>().expect("app context");
    let explain_open = use_state(|| false);
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let c = &session.framework.criteria[props.index];
    let Some(rule) = c.rule.as_ref() else {
        return html! {};
    };
    let code = c.code.as_str();
    let survey = rule.kind() == RuleKind::Survey;
    // The appraiser edits the appraisal beside the unit's entry; survey results have one
    // section only, entered by the appraiser.
    let appraising = crate::DESK && state.mode == Mode::Appraiser && !survey;
    let section = if survey {
        Section::Survey
    } else if appraising {
        Section::Appraisal
    } else {
        Section::SelfAssessed
    };
    let node = session
        .score
        .scorecard
        .as_ref()
        .and_then(|card| card.nodes.get(props.index));
    let na = model::field_bool(&session.tree, section, code, "not_applicable") == Some(true);

    let control = if na {
        html! { <p class="na-note">{ tr(lang, "Đã khai báo không phát sinh.", "Declared not applicable.") }</p> }
    } else {
        rule_control(&state, rule, section, code)
    };

    let na_switch = c.may_not_apply.then(|| {
        let id = dom_id(code, "na");
        let keys: Vec<&'static str> = rule.kind().input_keys().to_vec();
        let state = state.clone();
        let code = code.to_string();
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let (code, keys) = (code.clone(), keys.clone());
            state.dispatch(Action::Edit(Rc::new(move |t| {
                model::set_not_applicable(t, section, &code, on, &keys)
            })));
        });
        html! {
            <label class="switch" for={id.clone()}>
                <input type="checkbox" {id} checked={na} {onchange} />
                { tr(lang, "Không phát sinh", "Not applicable (không phát sinh)") }
            </label>
        }
    });

    // The unit sees its own points; an appraised leaf also shows the appraiser's.
    let points = node.map(|n| {
        format!(
            "{} / {} {}",
            num(n.self_points, lang),
            num(c.max, lang),
            tr(lang, "điểm", "points")
        )
    });
    let appraised = node.filter(|n| n.appraised).map(|n| {
        format!(
            "{} {}",
            tr(lang, "Thẩm định:", "Appraised:"),
            num(n.points, lang)
        )
    });
    let status = node.map(|n| n.status);
    let status_label = status
        .map(|s| s.label().get(lang).to_string())
        .unwrap_or_default();
    let status_class = match status {
        Some(Status::Scored) => "scored",
        Some(Status::NotApplicable) => "na",
        Some(Status::Missing) => "missing",
        Some(Status::SurveyPending) => "pending",
        None => "",
    };
    let explanation = node
        .and_then(|n| n.explanation.as_ref())
        .map(|e| e.get(lang).to_string());
    let toggle = {
        let open = explain_open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let explain_id = dom_id(code, "why");

    // Messages not already shown next to a field (evidence, the entry as a whole, …).
    let prefix = format!("{}.{code}", section.key());
    let shown: Vec<String> = rule
        .kind()
        .input_keys()
        .iter()
        .map(|k| format!("{prefix}.{k}"))
        .collect();
    let other_errors: Vec<String> = session
        .errors_under(&prefix, lang)
        .into_iter()
        .filter(|(p, _)| !shown.contains(p))
        .map(|(p, m)| {
            format!(
                "{}: {m}",
                p.trim_start_matches(&format!("{prefix}."))
                    .trim_start_matches(&prefix)
            )
        })
        .collect();

    html! {
        <article class={classes!("leaf", status_class)} id={format!("leaf-{code}")} data-code={code.to_string()}>
            <header>
                <span class="code">{ code }</span>
                <h3>{ c.title.get(lang) }</h3>
                <span class="pts" data-testid={format!("pts-{code}")}>{ points.unwrap_or_default() }</span>
                if let Some(a) = appraised { <span class="status appraised">{ a }</span> }
                <span class={classes!("status", status_class)}>{ status_label }</span>
            </header>
            if let Some(g) = &c.guide { <p class="guide"><span class="k">{ tr(lang, "Hướng dẫn: ", "Guide: ") }</span>{ g }</p> }
            if let Some(ev) = &c.evidence { <p class="expected"><span class="k">{ tr(lang, "Tài liệu kiểm chứng: ", "Evidence: ") }</span>{ ev }</p> }
            if rule.kind() == RuleKind::Survey {
                <p class="hint">{ tr(lang, "Điểm điều tra XHH do cơ quan thẩm định nhập.", "Survey points are entered by the appraiser.") }</p>
            }
            if appraising { { self_view(&state, rule, code, node) } }
            <div class="control">
                if appraising { <span class="k">{ tr(lang, "Kết quả thẩm định (để trống nếu đồng ý với đơn vị)", "Appraisal (leave empty to accept the unit's)") }</span> }
                { control }{ for na_switch }
            </div>
            if appraising {
                { text_area(&state, section, code, "comment", tr(lang, "Nhận xét thẩm định", "Appraiser's comment")) }
            } else {
                <Evidence index={props.index} />
                { text_area(&state, section, code, "note", tr(lang, "Ghi chú", "Note")) }
                if let Some(n) = node.filter(|n| n.appraised && n.points != n.self_points) {
                    { appraisal_view(&state, code, n) }
                }
            }
            if !other_errors.is_empty() {
                <ul class="field-error">{ for other_errors.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
            <button type="button" class="why" aria-expanded={explain_open.to_string()} aria-controls={explain_id.clone()} onclick={toggle}>
                { tr(lang, "Vì sao được điểm này?", "Why these points?") }
            </button>
            if *explain_open {
                <p class="explanation" id={explain_id} data-testid={format!("why-{code}")}>{ explanation.unwrap_or_default() }</p>
            }
        </article>
    }
}

/// A text area bound to one text field of an entry (note, comment, giải trình), with the
/// scorecard's warning for that field.
fn text_area(state: &Ctx, section: Section, code: &str, field: &'static str, label: &str) -> Html {
    let session = state.session.as_ref().expect("a session");
    let id = dom_id(code, field);
    let path = format!("{}.{code}.{field}", section.key());
    let warning = session
        .error_at(&path, state.lang)
        .or_else(|| session.warning_at(&path, state.lang));
    let value = model::field_text(&session.tree, section, code, field);
    let oninput = {
        let state = state.clone();
        let code = code.to_string();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let code = code.clone();
            let value = (!text.is_empty()).then_some(serde_json::Value::String(text));
            state.dispatch(Action::Edit(Rc::new(move |t| {
                model::set_field(t, section, &code, field, value.clone())
            })));
        })
    };
    let err_id = format!("{id}-err");
    html! {
        <label class={classes!("field", "note", field)} for={id.clone()}>
            <span>{ label }</span>
            <textarea {id} rows="2" {value} {oninput}
                aria-invalid={warning.is_some().then_some("true")}
                aria-describedby={warning.is_some().then_some(err_id.clone())} />
            if let Some(m) = warning { <span class="field-error" id={err_id}>{ m }</span> }
        </label>
    }
}

/// What the unit entered for a leaf, read-only, for the appraiser.
fn self_view(state: &Ctx, rule: &Rule, code: &str, node: Option<&Node>) -> Html {
    let lang = state.lang;
    let session = state.session.as_ref().expect("a session");
    let tree = &session.tree;
    let sec = Section::SelfAssessed;
    let text = |f: &str| model::field_text(tree, sec, code, f);
    let input = if model::field_bool(tree, sec, code, "not_applicable") == Some(true) {
        tr(lang, "Không phát sinh", "Not applicable").to_string()
    } else {
        match rule {
            Rule::Choice(c) => c
                .options
                .iter()
                .find(|o| o.key == text("choice"))
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_default(),
            Rule::Deadline(_) if model::field_bool(tree, sec, code, "done") == Some(false) => {
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
            Rule::Manual(_) => text("points").replace(
                '.',
                if lang == crate::i18n::Lang::Vi {
                    ","
                } else {
                    "."
                },
            ),
            Rule::Checklist(list) => {
                let entry = model::entry(tree, sec, code);
                let checked = entry
                    .and_then(|e| e.get("checked"))
                    .and_then(|v| v.as_array());
                list.items
                    .iter()
                    .filter(|i| {
                        checked.is_some_and(|c| c.iter().any(|v| v.as_str() == Some(&i.key)))
                    })
                    .map(|i| i.label.get(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            Rule::Survey => String::new(),
        }
    };
    let input = if input.is_empty() {
        tr(lang, "(chưa nhập)", "(not entered)").to_string()
    } else {
        input
    };
    let evidence: Vec<String> = model::evidence(tree, sec, code)
        .into_iter()
        .map(|e| {
            let d = if e.date.is_empty() {
                String::new()
            } else {
                format!(" ({})", date(&e.date, lang))
            };
            format!("{}{d} {}", e.reference, e.title).trim().to_string()
        })
        .collect();
    let note = text("note");
    let explanation = text("explanation");
    html! {
        <div class="self-view" data-testid={format!("self-{code}")}>
            <p><span class="k">{ tr(lang, "Đơn vị tự đánh giá: ", "The unit's self-assessment: ") }</span>
                <strong>{ input }</strong>
                { format!(" — {} {}", node.map(|n| num(n.self_points, lang)).unwrap_or_default(), tr(lang, "điểm", "points")) }</p>
            if !evidence.is_empty() {
                <p><span class="k">{ tr(lang, "Tài liệu kiểm chứng: ", "Evidence: ") }</span>{ evidence.join("; ") }</p>
            }
            if !note.is_empty() { <p><span class="k">{ tr(lang, "Ghi chú: ", "Note: ") }</span>{ note }</p> }
            if !explanation.is_empty() { <p><span class="k">{ tr(lang, "Giải trình: ", "Explanation: ") }</span>{ explanation }</p> }
        </div>
    }
}

/// For the unit: what the appraisal changed on a leaf, the appraiser's comment, and the
/// unit's explanation (*giải trình*).
fn appraisal_view(state: &Ctx, code: &str, n: &Node) -> Html {
    let lang = state.lang;
    let session = state.session.as_ref().expect("a session");
    let comment = model::field_text(&session.tree, Section::Appraisal, code, "comment");
    html! {
        <div class="appraisal-view" data-testid={format!("appraised-{code}")}>
            <p><strong>{ format!("{} {} → {} {}", tr(lang, "Thẩm định đã điều chỉnh:", "The appraisal changed the points:"), num(n.self_points, lang), num(n.points, lang), tr(lang, "điểm", "points")) }</strong></p>
            if !comment.is_empty() { <p><span class="k">{ tr(lang, "Nhận xét: ", "Comment: ") }</span>{ comment }</p> }
            { text_area(state, Section::SelfAssessed, code, "explanation", tr(lang, "Giải trình của đơn vị", "The unit's explanation (giải trình)")) }
        </div>
    }
}

/// The input control that fits a rule.
fn rule_control(state: &Ctx, rule: &Rule, section: Section, code: &str) -> Html {
    let lang = state.lang;
    let session = state.session.as_ref().expect("a session");
    let tree = &session.tree;
    let field = |field: &'static str,
                 label: &str,
                 mode: &'static str,
                 convert: fn(&str) -> serde_json::Value| {
        FieldInput {
            ctx: state,
            section,
            code,
            field,
            label,
            mode,
            convert,
        }
        .render()
    };
    let set = |edit: Rc<dyn Fn(&mut serde_json::Value)>| {
        let state = state.clone();
        move || state.dispatch(Action::Edit(edit.clone()))
    };
    let error = |field: &str| session.error_at(&format!("{}.{code}.{field}", section.key()), lang);
    match rule {
        Rule::Choice(choice) => {
            let current = model::field_text(tree, section, code, "choice");
            let options = choice.options.iter().map(|o| {
                let id = dom_id(code, &format!("opt-{}", o.key));
                let key = o.key.clone();
                let code_s = code.to_string();
                let pick = set(Rc::new(move |t| model::set_field(t, section, &code_s, "choice", Some(serde_json::Value::String(key.clone())))));
                html! {
                    <label class="option" for={id.clone()}>
                        <input type="radio" {id} name={dom_id(code, "choice")} checked={current == o.key}
                            onchange={Callback::from(move |_| pick())} />
                        { o.label.get(lang) }<span class="opt-pts">{ format!(" ({} {})", num(o.points, lang), tr(lang, "điểm", "pts")) }</span>
                    </label>
                }
            });
            html! {
                <fieldset class="choice">
                    <legend>{ tr(lang, "Mức đạt được", "Level reached") }</legend>
                    { for options }
                    if let Some(m) = error("choice") { <span class="field-error">{ m }</span> }
                </fieldset>
            }
        }
        Rule::Deadline(d) => {
            let value = model::field_text(tree, section, code, "date");
            let not_done = model::field_bool(tree, section, code, "done") == Some(false);
            let id = dom_id(code, "date");
            let code_s = code.to_string();
            let ondate = {
                let state = state.clone();
                Callback::from(move |e: InputEvent| {
                    let v = value_of(&e);
                    let code = code_s.clone();
                    state.dispatch(Action::Edit(Rc::new(move |t| {
                        model::set_field(t, section, &code, "done", None);
                        let value = (!v.is_empty()).then(|| serde_json::Value::String(v.clone()));
                        model::set_field(t, section, &code, "date", value);
                    })));
                })
            };
            let code_s = code.to_string();
            let onnotdone = {
                let state = state.clone();
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let code = code_s.clone();
                    state.dispatch(Action::Edit(Rc::new(move |t| {
                        if on {
                            model::set_field(t, section, &code, "date", None);
                            model::set_field(
                                t,
                                section,
                                &code,
                                "done",
                                Some(serde_json::Value::Bool(false)),
                            );
                        } else {
                            model::set_field(t, section, &code, "done", None);
                        }
                    })));
                })
            };
            let due = d.due_date(
                session
                    .tree
                    .get("year")
                    .and_then(|y| y.as_i64())
                    .unwrap_or(2000) as i32,
            );
            let err = error("date").or_else(|| error("done"));
            html! {
                <div class="deadline">
                    <label class="field" for={id.clone()}>
                        <span>{ format!("{} ({} {})", tr(lang, "Ngày thực hiện", "Date done"), tr(lang, "hạn", "due"), due.human(lang)) }</span>
                        <input {id} type="date" value={value.clone()} oninput={ondate} disabled={not_done} />
                        if !value.is_empty() { <span class="live">{ date(&value, lang) }</span> }
                    </label>
                    <label class="switch"><input type="checkbox" id={dom_id(code, "notdone")} checked={not_done} onchange={onnotdone} />
                        { tr(lang, "Chưa thực hiện", "Not done") }</label>
                    if let Some(m) = err { <span class="field-error">{ m }</span> }
                </div>
            }
        }
        Rule::Ratio(_) | Rule::Proportional(_) => {
            let n = model::field_text(tree, section, code, "numerator");
            let d = model::field_text(tree, section, code, "denominator");
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
        Rule::Manual(m) => {
            let label = match m.step {
                Some(s) => format!(
                    "{} ({} {})",
                    tr(lang, "Điểm chấm", "Points"),
                    tr(lang, "bước", "step"),
                    num(s, lang)
                ),
                None => tr(lang, "Điểm chấm", "Points").to_string(),
            };
            FieldInput {
                ctx: state,
                section,
                code,
                field: "points",
                label: &label,
                mode: "decimal",
                convert: model::decimal_value,
            }
            .render()
        }
        Rule::Checklist(list) => {
            let checked: Vec<String> = model::entry(tree, section, code)
                .and_then(|e| e.get("checked"))
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let order: Rc<Vec<String>> =
                Rc::new(list.items.iter().map(|i| i.key.clone()).collect());
            let items = list.items.iter().map(|item| {
                let id = dom_id(code, &format!("item-{}", item.key));
                let (key, code_s, order, state) = (item.key.clone(), code.to_string(), order.clone(), state.clone());
                let onchange = Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let (key, code, order) = (key.clone(), code_s.clone(), order.clone());
                    state.dispatch(Action::Edit(Rc::new(move |t| model::toggle_checked(t, section, &code, &key, on, &order))));
                });
                let pts = if list.all_or_nothing { String::new() } else { format!(" ({} {})", num(item.points, lang), tr(lang, "điểm", "pts")) };
                html! {
                    <label class="option" for={id.clone()}>
                        <input type="checkbox" {id} checked={checked.contains(&item.key)} {onchange} />
                        { item.label.get(lang) }<span class="opt-pts">{ pts }</span>
                    </label>
                }
            });
            html! {
                <fieldset class="checklist">
                    <legend>{ if list.all_or_nothing { tr(lang, "Nội dung đáp ứng (phải đủ tất cả)", "Items met (all required)") } else { tr(lang, "Nội dung đáp ứng", "Items met") } }</legend>
                    { for items }
                    if let Some(m) = error("checked") { <span class="field-error">{ m }</span> }
                </fieldset>
            }
        }
        Rule::Survey => field(
            "percent",
            tr(lang, "Kết quả điều tra XHH (%)", "Survey result (%)"),
            "decimal",
            model::decimal_value,
        ),
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceProps {
    index: usize,
}

/// The evidence references (*tài liệu kiểm chứng*) of a leaf: number, date, title.
#[function_component(Evidence)]
fn evidence(props: &EvidenceProps) -> Html {
    let state = use_context::<Ctx>().expect("app context");
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let c = &session.framework.criteria[props.index];
    let section = if c.rule.as_ref().map(Rule::kind) == Some(RuleKind::Survey) {
        Section::Survey
    } else {
        Section::SelfAssessed
    };
    let code = c.code.clone();
    let items = model::evidence(&session.tree, section, &code);
    let add = {
        let state = state.clone();
        let mut next = items.clone();
        next.push(EvidenceItem::default());
        let code = code.clone();
        Callback::from(move |_| {
            let (next, code) = (next.clone(), code.clone());
            state.dispatch(Action::Edit(Rc::new(move |t| {
                model::set_evidence(t, section, &code, &next)
            })));
        })
    };
    let rows = items.iter().enumerate().map(|(i, item)| {
        let edit_field = |which: usize| {
            let state = state.clone();
            let items = items.clone();
            let code = code.clone();
            Callback::from(move |e: InputEvent| {
                let v = value_of(&e);
                let mut next = items.clone();
                match which {
                    0 => next[i].reference = v,
                    1 => next[i].date = v,
                    _ => next[i].title = v,
                }
                let code = code.clone();
                state.dispatch(Action::Edit(Rc::new(move |t| model::set_evidence(t, section, &code, &next))));
            })
        };
        let remove = {
            let state = state.clone();
            let mut next = items.clone();
            next.remove(i);
            let code = code.clone();
            Callback::from(move |_| {
                let (next, code) = (next.clone(), code.clone());
                state.dispatch(Action::Edit(Rc::new(move |t| model::set_evidence(t, section, &code, &next))));
            })
        };
        let base = dom_id(&code, &format!("ev{i}"));
        html! {
            <li class="evidence-row">
                <label for={format!("{base}-ref")}>{ tr(lang, "Số, ký hiệu", "Number") }
                    <input id={format!("{base}-ref")} type="text" value={item.reference.clone()} oninput={edit_field(0)} /></label>
                <label for={format!("{base}-date")}>{ tr(lang, "Ngày", "Date") }
                    <input id={format!("{base}-date")} type="date" value={item.date.clone()} oninput={edit_field(1)} /></label>
                <label for={format!("{base}-title")} class="grow">{ tr(lang, "Trích yếu", "Title") }
                    <input id={format!("{base}-title")} type="text" value={item.title.clone()} oninput={edit_field(2)} /></label>
                <button type="button" onclick={remove} aria-label={format!("{} {}", tr(lang, "Xoá tài liệu", "Remove evidence"), i + 1)}>{ "×" }</button>
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
