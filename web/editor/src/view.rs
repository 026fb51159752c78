//! The editor's screens for a draft: the status bar (checks, decisions left, export),
//! the framework's own fields, the import's findings (each taking the person to its
//! criterion), and the criteria tree — every parent's maximum against its children's
//! sum, every leaf's rule in a form of its kind, the annex's words and the core's
//! messages beside it, and a preview of what the unit will fill in.

use crate::model::{self, path, Draft, Edit, Seg};
use crate::{Action, Handle};
use parindex_app::i18n::{num, tr, Lang};
use parindex_core::{Decimal, Diagnostic};
use serde_json::Value;
use std::str::FromStr;
use yew::prelude::*;

fn id_of(code: &str) -> String {
    format!("tc-{}", code.replace('.', "-"))
}

fn str_at<'a>(v: &'a Value, keys: &[&str]) -> &'a str {
    let mut here = v;
    for k in keys {
        match here.get(*k) {
            Some(next) => here = next,
            None => return "",
        }
    }
    here.as_str().unwrap_or_default()
}

/// An edit from what the person typed.
type Make = Rc<dyn Fn(String) -> Edit>;
use std::rc::Rc;

fn on_input(state: &Handle, make: Make) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        state.dispatch(Action::Edit(make(input.value())));
    })
}

fn on_change(state: &Handle, make: Make) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlSelectElement = e.target_unchecked_into();
        state.dispatch(Action::Edit(make(input.value())));
    })
}

fn on_check(state: &Handle, make: Rc<dyn Fn(bool) -> Edit>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        state.dispatch(Action::Edit(make(input.checked())));
    })
}

/// A button's click that makes one edit.
fn on_click(state: &Handle, edit: Edit) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(Action::Edit(edit.clone())))
}

/// A criterion's flag (`may_not_apply`, `rule.all_or_nothing`): set `true` or removed.
fn crit_flag(code: &str, p: &[&str]) -> Rc<dyn Fn(bool) -> Edit> {
    let (code, p) = (code.to_string(), path(p));
    Rc::new(move |on: bool| Edit::Criterion {
        code: code.clone(),
        path: p.clone(),
        value: on.then_some(Value::Bool(true)),
    })
}

fn text_field(state: &Handle, label: &str, value: &str, test: String, make: Make) -> Html {
    html! {
        <label class="field">
            <span>{ label }</span>
            <input type="text" value={value.to_string()} data-testid={test} oninput={on_input(state, make)} />
        </label>
    }
}

fn area_field(state: &Handle, label: &str, value: &str, make: Make) -> Html {
    let state = state.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        state.dispatch(Action::Edit(make(input.value())));
    });
    html! {
        <label class="field wide">
            <span>{ label }</span>
            <textarea rows="2" value={value.to_string()} {oninput} />
        </label>
    }
}

fn select_field(
    state: &Handle,
    label: &str,
    value: &str,
    options: &[(&str, String)],
    test: String,
    make: Make,
) -> Html {
    html! {
        <label class="field">
            <span>{ label }</span>
            <select data-testid={test} onchange={on_change(state, make)}>
                { for options.iter().map(|(v, text)| html! {
                    <option value={v.to_string()} selected={*v == value}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

/// A framework key set from text (`None` when emptied).
fn fw_text(p: &[&str]) -> Make {
    let p = path(p);
    Rc::new(move |v: String| Edit::Framework {
        path: p.clone(),
        value: (!v.trim().is_empty()).then(|| v.into()),
    })
}

fn fw_decimal(p: &[&str]) -> Make {
    let p = path(p);
    Rc::new(move |v: String| Edit::Framework {
        path: p.clone(),
        value: (!v.trim().is_empty()).then(|| model::decimal_text(&v).into()),
    })
}

fn crit(code: &str, p: Vec<Seg>, decimal: bool) -> Make {
    let code = code.to_string();
    Rc::new(move |v: String| Edit::Criterion {
        code: code.clone(),
        path: p.clone(),
        value: (!v.trim().is_empty()).then(|| {
            if decimal {
                model::decimal_text(&v).into()
            } else {
                v.into()
            }
        }),
    })
}

/// A stored decimal as the field shows it: with the decimal comma in Vietnamese, and no
/// other change, so what the person types stays as typed.
fn shown(v: &str, lang: Lang) -> String {
    if lang == Lang::Vi && Decimal::from_str(v).is_ok() {
        v.replace('.', ",")
    } else {
        v.to_string()
    }
}

pub fn editor(state: &Handle, draft: &Draft) -> Html {
    let lang = state.lang;
    let checks = state.checks.clone();
    let open = draft.open_decisions();
    let export = {
        let state = state.clone();
        Callback::from(move |_| crate::export(&state))
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |_| crate::clear(&state))
    };
    let add_field = on_click(state, Edit::AddChild { parent: None });
    let status = if checks.is_empty() {
        html! { <span class="ok" data-testid="valid">{ tr(lang, "Hợp lệ: dùng được ngay", "Valid: ready to use") }</span> }
    } else {
        html! { <span class="bad" data-testid="invalid">{
            format!("{} {}", checks.len(), tr(lang, "lỗi cần sửa", "problems to fix"))
        }</span> }
    };
    html! {
        <div class="editor">
            <div class="status" data-testid="status">
                <span>{ if draft.source.is_empty() { tr(lang, "Bảng dán từ bộ nhớ tạm", "Table pasted from the clipboard") } else { &draft.source } }</span>
                { status }
                <span data-testid="open-decisions">{ format!("{open} {}", tr(lang, "điều cần quyết định chưa xử lý", "decisions left")) }</span>
                <button type="button" class="primary" data-testid="export" onclick={export}>
                    { tr(lang, "Tải tệp bộ chỉ số (.toml)", "Download the framework (.toml)") }</button>
                <button type="button" onclick={clear}>{ tr(lang, "Bắt đầu lại", "Start over") }</button>
            </div>
            { framework_fields(state, draft, &checks) }
            { findings(state, draft) }
            <section class="criteria" data-testid="criteria">
                <h2>{ tr(lang, "Các tiêu chí", "Criteria") }</h2>
                { for draft.criteria().iter().map(|c| criterion(state, draft, c, &checks)) }
                <button type="button" onclick={add_field} data-testid="add-field">
                    { tr(lang, "+ Thêm lĩnh vực", "+ Add a field") }</button>
            </section>
        </div>
    }
}

fn framework_fields(state: &Handle, draft: &Draft, checks: &[Diagnostic]) -> Html {
    let lang = state.lang;
    let t = &draft.tree;
    let levels: Vec<(&str, String)> = [
        ("ministry", "Bộ, ngành", "Ministry"),
        ("province", "Tỉnh", "Province"),
        ("department", "Sở, ban, ngành", "Department"),
        ("district", "Cấp huyện", "District"),
        ("commune", "Cấp xã", "Commune"),
        ("other", "Khác", "Other"),
    ]
    .iter()
    .map(|(k, vi, en)| (*k, tr(lang, vi, en).to_string()))
    .collect();
    let modes: Vec<(&str, String)> = [
        ("half-up", "Làm tròn lên từ nửa (half-up)", "Half up"),
        ("half-even", "Làm tròn về số chẵn (half-even)", "Half even"),
        ("down", "Cắt bỏ (down)", "Down"),
    ]
    .iter()
    .map(|(k, vi, en)| (*k, tr(lang, vi, en).to_string()))
    .collect();
    let na: Vec<(&str, String)> = vec![
        (
            "reduce-max",
            tr(lang, "Bỏ khỏi mẫu số (reduce-max)", "Leave the denominator").into(),
        ),
        (
            "award-max",
            tr(lang, "Cho điểm tối đa (award-max)", "Award the maximum").into(),
        ),
    ];
    let survey: Vec<(&str, String)> = vec![
        (
            "reduce-max",
            tr(lang, "Bỏ khỏi mẫu số (reduce-max)", "Leave the denominator").into(),
        ),
        (
            "zero",
            tr(lang, "Tính 0 điểm (zero)", "Count as zero").into(),
        ),
    ];
    let source_path: &[&str] = if t.get("source").is_some_and(Value::is_object) {
        &["source", "vi"]
    } else {
        &["source"]
    };
    let official = t.get("official").and_then(Value::as_bool).unwrap_or(false);
    let set_official = on_check(
        state,
        Rc::new(|on: bool| Edit::Framework {
            path: path(&["official"]),
            value: Some(on.into()),
        }),
    );
    let places = t
        .get("rounding")
        .and_then(|r| r.get("places"))
        .map(|p| p.to_string())
        .unwrap_or_default();
    let set_places = Rc::new(|v: String| Edit::Framework {
        path: path(&["rounding", "places"]),
        value: Some(
            v.trim()
                .parse::<u64>()
                .map_or(Value::String(v), Value::from),
        ),
    });
    let top_checks: Vec<&Diagnostic> = checks
        .iter()
        .filter(|d| d.location.criterion.is_none())
        .collect();
    html! {
        <section class="settings" id="bo-chi-so" data-testid="framework">
            <h2>{ tr(lang, "Thông tin bộ chỉ số", "The framework") }</h2>
            <div class="fields">
                { text_field(state, tr(lang, "Mã (id)", "Id"), str_at(t, &["id"]), "fw-id".into(), fw_text(&["id"])) }
                { text_field(state, tr(lang, "Phiên bản (năm)", "Edition"), str_at(t, &["edition"]), "fw-edition".into(), fw_text(&["edition"])) }
                { select_field(state, tr(lang, "Cấp áp dụng", "Level"), str_at(t, &["level"]), &levels, "fw-level".into(), fw_text(&["level"])) }
                { text_field(state, tr(lang, "Tên (tiếng Việt)", "Title (Vietnamese)"), str_at(t, &["title", "vi"]), "fw-title".into(), fw_text(&["title", "vi"])) }
                { text_field(state, tr(lang, "Tên (tiếng Anh)", "Title (English)"), str_at(t, &["title", "en"]), "fw-title-en".into(), fw_text(&["title", "en"])) }
                { text_field(state, tr(lang, "Nguồn (số, ngày quyết định, phụ lục)", "Source (decision, date, annex)"), str_at(t, source_path), "fw-source".into(), fw_text(source_path)) }
                { text_field(state, tr(lang, "Thang điểm", "Scale"), str_at(t, &["scale"]), "fw-scale".into(), fw_decimal(&["scale"])) }
                { text_field(state, tr(lang, "Số chữ số thập phân", "Decimal places"), &places, "fw-places".into(), set_places) }
                { select_field(state, tr(lang, "Cách làm tròn", "Rounding"), str_at(t, &["rounding", "mode"]), &modes, "fw-mode".into(), fw_text(&["rounding", "mode"])) }
                { select_field(state, tr(lang, "Tiêu chí không phát sinh", "Not applicable"), str_at(t, &["not_applicable"]), &na, "fw-na".into(), fw_text(&["not_applicable"])) }
                { select_field(state, tr(lang, "Chưa có điều tra XHH", "Survey missing"), str_at(t, &["survey_missing"]), &survey, "fw-survey".into(), fw_text(&["survey_missing"])) }
                { text_field(state, tr(lang, "Điểm thưởng tối đa", "Bonus cap"), str_at(t, &["bonus_max"]), "fw-bonus".into(), fw_decimal(&["bonus_max"])) }
                { text_field(state, tr(lang, "Điểm trừ tối đa", "Penalty cap"), str_at(t, &["penalty_max"]), "fw-penalty".into(), fw_decimal(&["penalty_max"])) }
                <label class="field check">
                    <input type="checkbox" checked={official} onchange={set_official} />
                    <span>{ tr(lang, "Đã đối chiếu với văn bản ban hành (official)", "Checked against the issued text (official)") }</span>
                </label>
            </div>
            { messages(&top_checks, lang) }
        </section>
    }
}

fn messages(checks: &[&Diagnostic], lang: Lang) -> Html {
    if checks.is_empty() {
        return html! {};
    }
    html! {
        <ul class="checks" data-testid="checks">
            { for checks.iter().map(|d| html! { <li class="field-error">{ d.message.get(lang) }<code>{ format!(" {}", d.code) }</code></li> }) }
        </ul>
    }
}

fn findings(state: &Handle, draft: &Draft) -> Html {
    let lang = state.lang;
    if draft.findings.is_empty() {
        return html! {};
    }
    let items = draft.findings.iter().enumerate().map(|(i, f)| {
        let target = f
            .criterion
            .as_deref()
            .map_or_else(|| "bo-chi-so".to_string(), id_of);
        let go = Callback::from(move |_| crate::go_to(&target));
        let toggle = on_check(
            state,
            Rc::new(move |resolved: bool| Edit::Resolve { index: i, resolved }),
        );
        let level = match f.level.as_str() {
            "decide" => tr(lang, "cần quyết định", "to decide"),
            "guessed" => tr(lang, "đoán", "guessed"),
            _ => tr(lang, "nhận ra", "recognised"),
        };
        let mut place = Vec::new();
        if let Some(r) = f.row {
            place.push(format!("{} {r}", tr(lang, "dòng", "row")));
        }
        if let Some(c) = &f.criterion {
            place.push(c.clone());
        }
        if place.is_empty() {
            place.push(tr(lang, "thông tin bộ chỉ số", "the framework").to_string());
        }
        html! {
            <li class={classes!("finding", f.level.clone(), f.resolved.then_some("resolved"))} data-testid="finding" data-code={f.code.clone()}>
                <span class="level">{ level }</span>
                <button type="button" class="link" onclick={go}>{ place.join(", ") }</button>
                <span class="message">{ f.message().get(lang).to_string() }</span>
                <label class="resolve">
                    <input type="checkbox" checked={f.resolved} onchange={toggle} data-testid="resolve" />
                    { tr(lang, "Đã xử lý", "Dealt with") }
                </label>
            </li>
        }
    });
    html! {
        <section class="findings" data-testid="findings">
            <h2>{ tr(lang, "Những gì đã đọc được từ bảng", "What was read from the table") }</h2>
            <p class="hint">{ tr(lang,
                "\"Cần quyết định\": parindex không tự chọn được — hãy xem và sửa tiêu chí, rồi đánh dấu đã xử lý. \"Đoán\": hãy kiểm tra lại.",
                "\"To decide\": parindex could not choose — look at the criterion, change it if needed, and mark it dealt with. \"Guessed\": check it.") }</p>
            <ul>{ for items }</ul>
        </section>
    }
}

fn criterion(state: &Handle, draft: &Draft, c: &Value, checks: &[Diagnostic]) -> Html {
    let lang = state.lang;
    let code = str_at(c, &["code"]).to_string();
    let depth = code.matches('.').count();
    let parent = model::is_parent(draft.criteria(), &code);
    let own: Vec<&Diagnostic> = checks
        .iter()
        .filter(|d| d.location.criterion.as_deref() == Some(code.as_str()))
        .collect();
    let title = text_field(
        state,
        tr(lang, "Tên tiêu chí", "Title"),
        str_at(c, &["title", "vi"]),
        format!("title-{code}"),
        crit(&code, path(&["title", "vi"]), false),
    );
    let title_en = text_field(
        state,
        tr(lang, "Tên tiếng Anh", "Title in English"),
        str_at(c, &["title", "en"]),
        format!("title-en-{code}"),
        crit(&code, path(&["title", "en"]), false),
    );
    let max = text_field(
        state,
        tr(lang, "Điểm tối đa", "Maximum"),
        &shown(str_at(c, &["max"]), lang),
        format!("max-{code}"),
        crit(&code, path(&["max"]), true),
    );
    let sum = parent.then(|| {
        let sum = model::children_sum(draft.criteria(), &code);
        let max = Decimal::from_str(str_at(c, &["max"])).ok();
        let fits = sum.is_some() && sum == max;
        html! {
            <span class={classes!("sum", if fits { "ok" } else { "bad" })} data-testid={format!("sum-{code}")}>
                { format!("{} {}", tr(lang, "Tổng các tiêu chí con:", "Children's sum:"),
                    sum.map_or("?".into(), |s| num(s, lang))) }
                { if fits { " ✓" } else { " ≠" } }
            </span>
        }
    });
    html! {
        <article class={classes!("criterion", format!("depth-{depth}"), parent.then_some("parent"), (!own.is_empty()).then_some("has-errors"))}
            id={id_of(&code)} data-code={code.clone()} data-testid="criterion">
            <h3><span class="code">{ &code }</span>{ str_at(c, &["title", "vi"]) }</h3>
            <div class="fields">{ title }{ max }{ for sum }{ title_en }</div>
            if !parent { { leaf(state, draft, c, &code) } }
            { structure(state, &code) }
            { messages(&own, lang) }
        </article>
    }
}

/// Adding a child (a row the reader missed) and removing a criterion with its children.
fn structure(state: &Handle, code: &str) -> Html {
    let lang = state.lang;
    let add = on_click(
        state,
        Edit::AddChild {
            parent: Some(code.to_string()),
        },
    );
    let remove = {
        let state = state.clone();
        let code = code.to_string();
        Callback::from(move |_| {
            let question = format!(
                "{} {code}?",
                tr(
                    state.lang,
                    "Xoá tiêu chí và các tiêu chí con của nó:",
                    "Remove this criterion and its children:"
                )
            );
            if parindex_app::platform::confirm(&question) {
                state.dispatch(Action::Edit(Edit::Remove { code: code.clone() }))
            }
        })
    };
    html! {
        <div class="structure">
            <button type="button" onclick={add} data-testid={format!("add-child-{code}")}>
                { tr(lang, "+ Thêm tiêu chí con", "+ Add a child criterion") }</button>
            <button type="button" onclick={remove} data-testid={format!("remove-{code}")}>
                { tr(lang, "Xoá tiêu chí", "Remove") }</button>
        </div>
    }
}

fn leaf(state: &Handle, draft: &Draft, c: &Value, code: &str) -> Html {
    let lang = state.lang;
    let kind = str_at(c, &["rule", "kind"]).to_string();
    let kinds: Vec<(&str, String)> = model::KINDS
        .iter()
        .map(|(k, vi, en)| (*k, tr(lang, vi, en).to_string()))
        .collect();
    let choose = {
        let code = code.to_string();
        Rc::new(move |k: String| Edit::Kind {
            code: code.clone(),
            kind: k,
        })
    };
    // The annex's words as read (a table), else the criterion as first opened (a file).
    let words = match draft.words(code) {
        Some(w) => Some(w.to_string()),
        None => draft.original(code).map(|o| {
            [str_at(o, &["title", "vi"]), str_at(o, &["guide"])]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n")
        }),
    };
    let words = words.map(|w| {
        html! {
            <aside class="words" data-testid="words">
                <h4>{ match draft.row(code) {
                    Some(r) => format!("{} {r}", tr(lang, "Lời văn trong phụ lục, dòng", "The annex's words, row")),
                    None => tr(lang, "Lời văn ban đầu", "The original words").to_string(),
                } }</h4>
                <p>{ w }</p>
            </aside>
        }
    });
    let may = c
        .get("may_not_apply")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let set_may = on_check(state, crit_flag(code, &["may_not_apply"]));
    html! {
        <div class="leaf">
            <div class="rule">
                { select_field(state, tr(lang, "Cách chấm", "Scored by"), &kind, &kinds, format!("kind-{code}"), choose) }
                { rule_form(state, c, code, &kind) }
                { preview(c, &kind, lang) }
            </div>
            { for words }
            <details class="more">
                <summary>{ tr(lang, "Kiểm chứng, hướng dẫn, trích dẫn", "Evidence, guidance, reference") }</summary>
                <div class="fields">
                    { area_field(state, tr(lang, "Tài liệu kiểm chứng", "Evidence"), str_at(c, &["evidence"]), crit(code, path(&["evidence"]), false)) }
                    { area_field(state, tr(lang, "Hướng dẫn chấm", "Guidance"), str_at(c, &["guide"]), crit(code, path(&["guide"]), false)) }
                    { text_field(state, tr(lang, "Quyết định", "Decision"), str_at(c, &["reference", "decision"]), format!("ref-decision-{code}"), crit(code, path(&["reference", "decision"]), false)) }
                    { text_field(state, tr(lang, "Phụ lục", "Annex"), str_at(c, &["reference", "annex"]), format!("ref-annex-{code}"), crit(code, path(&["reference", "annex"]), false)) }
                    { text_field(state, tr(lang, "Dòng", "Row"), str_at(c, &["reference", "row"]), format!("ref-row-{code}"), crit(code, path(&["reference", "row"]), false)) }
                    <label class="field check">
                        <input type="checkbox" checked={may} onchange={set_may} />
                        <span>{ tr(lang, "Có thể \"không phát sinh\"", "May be declared not applicable") }</span>
                    </label>
                </div>
            </details>
        </div>
    }
}

/// The form of a rule's own keys.
fn rule_form(state: &Handle, c: &Value, code: &str, kind: &str) -> Html {
    let lang = state.lang;
    let rule = c.get("rule").cloned().unwrap_or(Value::Null);
    let key_field = |label: &str, key: &str, decimal: bool| {
        text_field(
            state,
            label,
            &if decimal {
                shown(str_at(&rule, &[key]), lang)
            } else {
                str_at(&rule, &[key]).to_string()
            },
            format!("{key}-{code}"),
            crit(code, path(&["rule", key]), decimal),
        )
    };
    let no_cases = || {
        let options: Vec<(&str, String)> = vec![
            (
                "not-applicable",
                tr(lang, "Không tính (không phát sinh)", "Does not count").into(),
            ),
            ("max", tr(lang, "Điểm tối đa", "The maximum").into()),
            ("zero", tr(lang, "0 điểm", "Zero").into()),
        ];
        select_field(
            state,
            tr(
                lang,
                "Khi không có trường hợp nào (mẫu số 0)",
                "With no cases (denominator 0)",
            ),
            str_at(&rule, &["if_no_cases"]),
            &options,
            format!("if_no_cases-{code}"),
            crit(code, path(&["rule", "if_no_cases"]), false),
        )
    };
    match kind {
        "choice" | "checklist" => {
            let list = if kind == "choice" { "options" } else { "items" };
            html! {
                <>
                { rows(state, &rule, code, list) }
                if kind == "checklist" { { all_or_nothing(state, &rule, code) } }
                </>
            }
        }
        "ratio" | "count" => html! {
            <>
            { rows(state, &rule, code, "bands") }
            { key_field(tr(lang, "Còn lại (dưới mọi mức)", "Otherwise (below every band)"), "otherwise", true) }
            if kind == "ratio" { { no_cases() } }
            </>
        },
        "proportional" => no_cases(),
        "deadline" => {
            let due = str_at(&rule, &["due"]);
            let shown_due = due
                .split_once('-')
                .map_or(due.to_string(), |(m, d)| format!("{d}/{m}"));
            let set_due = {
                let code = code.to_string();
                Rc::new(move |v: String| {
                    let value = match v.trim().split_once('/') {
                        Some((d, m)) => format!("{:0>2}-{:0>2}", m.trim(), d.trim()),
                        None => v.trim().to_string(),
                    };
                    Edit::Criterion {
                        code: code.clone(),
                        path: path(&["rule", "due"]),
                        value: Some(value.into()),
                    }
                })
            };
            let offset = rule
                .get("due_year_offset")
                .and_then(Value::as_i64)
                .unwrap_or(0)
                .to_string();
            let offsets: Vec<(&str, String)> = vec![
                ("0", tr(lang, "năm đánh giá", "the assessed year").into()),
                ("-1", tr(lang, "năm trước", "the year before").into()),
            ];
            let set_offset = {
                let code = code.to_string();
                Rc::new(move |v: String| Edit::Criterion {
                    code: code.clone(),
                    path: path(&["rule", "due_year_offset"]),
                    value: (v != "0").then(|| Value::from(v.parse::<i64>().unwrap_or(0))),
                })
            };
            html! {
                <>
                { text_field(state, tr(lang, "Hạn (ngày/tháng)", "Due (day/month)"), &shown_due, format!("due-{code}"), set_due) }
                { select_field(state, tr(lang, "của", "of"), &offset, &offsets, format!("offset-{code}"), set_offset) }
                { key_field(tr(lang, "Đúng hạn", "On time"), "on_time", true) }
                { key_field(tr(lang, "Trễ hạn", "Late"), "late", true) }
                { key_field(tr(lang, "Không thực hiện", "Not done"), "not_done", true) }
                </>
            }
        }
        "manual" => key_field(
            tr(lang, "Bước điểm (vd. 0,25)", "Step (e.g. 0.25)"),
            "step",
            true,
        ),
        _ => html! {},
    }
}

fn all_or_nothing(state: &Handle, rule: &Value, code: &str) -> Html {
    let lang = state.lang;
    let on = rule
        .get("all_or_nothing")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let onchange = on_check(state, crit_flag(code, &["rule", "all_or_nothing"]));
    html! {
        <label class="field check">
            <input type="checkbox" checked={on} {onchange} />
            <span>{ tr(lang, "Chỉ được điểm khi đủ mọi nội dung", "Points only when every item is done") }</span>
        </label>
    }
}

/// The rows of a rule's list: options, items or bands.
fn rows(state: &Handle, rule: &Value, code: &str, list: &str) -> Html {
    let lang = state.lang;
    let entries = rule
        .get(list)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let edges: Vec<(&str, String)> = if str_at(rule, &["kind"]) == "ratio" {
        vec![
            ("at_least", tr(lang, "từ (≥) %", "at least %").into()),
            ("above", tr(lang, "trên (>) %", "above %").into()),
        ]
    } else {
        vec![
            ("at_least", tr(lang, "từ (≥)", "at least").into()),
            ("above", tr(lang, "trên (>)", "above").into()),
            ("at_most", tr(lang, "đến (≤)", "at most").into()),
            ("below", tr(lang, "dưới (<)", "below").into()),
        ]
    };
    let body = entries.iter().enumerate().map(|(i, entry)| {
        let at = |k: &str| path(&["rule", list, &i.to_string(), k]);
        let remove = on_click(
            state,
            Edit::RemoveRow {
                code: code.to_string(),
                list: list.to_string(),
                index: i,
            },
        );
        let points = text_field(
            state,
            tr(lang, "Điểm", "Points"),
            &shown(str_at(entry, &["points"]), lang),
            format!("{list}-{code}-{i}-points"),
            crit(code, at("points"), true),
        );
        let first = if list == "bands" {
            let edge = ["at_least", "above", "at_most", "below"]
                .into_iter()
                .find(|k| entry.get(*k).is_some())
                .unwrap_or("at_least");
            let value = str_at(entry, &[edge]).to_string();
            let set_edge = {
                let (code, value) = (code.to_string(), value.clone());
                let points = str_at(entry, &["points"]).to_string();
                let list = list.to_string();
                Rc::new(move |k: String| Edit::Criterion {
                    code: code.clone(),
                    path: path(&["rule", &list, &i.to_string()]),
                    value: Some(serde_json::json!({ k: value.clone(), "points": points.clone() })),
                })
            };
            html! {
                <>
                { select_field(state, tr(lang, "Mức", "Band"), edge, &edges, format!("{list}-{code}-{i}-edge"), set_edge) }
                { text_field(state, tr(lang, "Ngưỡng", "Edge"), &shown(&value, lang), format!("{list}-{code}-{i}-value"), crit(code, at(edge), true)) }
                </>
            }
        } else {
            text_field(
                state,
                tr(lang, "Phương án / nội dung", "Option / item"),
                str_at(entry, &["label", "vi"]),
                format!("{list}-{code}-{i}-label"),
                crit(code, path(&["rule", list, &i.to_string(), "label", "vi"]), false),
            )
        };
        html! {
            <li class="row">{ first }{ points }
                <button type="button" class="remove" onclick={remove}
                    aria-label={tr(lang, "Bỏ dòng này", "Remove this row")}>{ "×" }</button>
            </li>
        }
    });
    let add = on_click(
        state,
        Edit::AddRow {
            code: code.to_string(),
            list: list.to_string(),
        },
    );
    html! {
        <div class="rows">
            <ol>{ for body }</ol>
            <button type="button" onclick={add} data-testid={format!("add-{list}-{code}")}>
                { if list == "bands" { tr(lang, "+ Thêm mức", "+ Add a band") } else { tr(lang, "+ Thêm dòng", "+ Add a row") } }
            </button>
        </div>
    }
}

/// What the unit will fill in for this leaf.
fn preview(c: &Value, kind: &str, lang: Lang) -> Html {
    let rule = c.get("rule").cloned().unwrap_or(Value::Null);
    let labelled = |list: &str| {
        rule.get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|o| {
                format!(
                    "{} ({} {})",
                    str_at(o, &["label", "vi"]),
                    shown(str_at(o, &["points"]), lang),
                    tr(lang, "điểm", "points")
                )
            })
            .collect::<Vec<_>>()
    };
    let (what, list): (&str, Vec<String>) = match kind {
        "choice" => (
            tr(lang, "Đơn vị chọn một phương án:", "The unit picks one:"),
            labelled("options"),
        ),
        "checklist" => (
            tr(
                lang,
                "Đơn vị đánh dấu các nội dung đã làm:",
                "The unit ticks what it did:",
            ),
            labelled("items"),
        ),
        "ratio" | "proportional" => (
            tr(
                lang,
                "Đơn vị nhập số đạt / tổng số (tử số / mẫu số).",
                "The unit enters numerator / denominator.",
            ),
            Vec::new(),
        ),
        "count" => (
            tr(
                lang,
                "Đơn vị nhập một số lượng.",
                "The unit enters a count.",
            ),
            Vec::new(),
        ),
        "deadline" => (
            tr(
                lang,
                "Đơn vị nhập ngày hoàn thành, hoặc chưa thực hiện.",
                "The unit enters the date done, or not done.",
            ),
            Vec::new(),
        ),
        "manual" => (
            tr(
                lang,
                "Đơn vị tự chấm điểm; cơ quan thẩm định chấm lại.",
                "The unit enters its points; the appraiser checks them.",
            ),
            Vec::new(),
        ),
        "survey" => (
            tr(
                lang,
                "Điểm lấy từ kết quả điều tra xã hội học.",
                "Points come from the survey.",
            ),
            Vec::new(),
        ),
        _ => ("", Vec::new()),
    };
    html! {
        <div class="preview" data-testid="preview">
            <span class="label">{ tr(lang, "Đơn vị sẽ thấy", "The unit will see") }</span>
            <span>{ what }</span>
            if !list.is_empty() { <ul>{ for list.iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
        </div>
    }
}
