//! One leaf (*tiêu chí thành phần*) as a card: its title, max, guide and expected
//! evidence, the control that fits its rule (`controls.rs`), "không phát sinh", the
//! evidence references (`evidence.rs`), a note, the appraisal views (`appraisal.rs`),
//! the engine's messages next to the fields, and "Vì sao được điểm này?".

mod appraisal;
mod controls;
mod evidence;

use crate::hooks::use_ctx;
use crate::i18n::{num, tr};
use crate::model::{self, Edit, Section};
use crate::state::{Action, Mode, Session};
use parindex_core::rules::RuleKind;
use parindex_core::scorecard::Status;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub(super) use controls::sets_field;

use super::Ctx;

#[derive(Properties, PartialEq)]
pub struct LeafProps {
    pub index: usize,
}

/// The id of a leaf's control: `in-3-3-2-numerator`.
fn dom_id(code: &str, field: &str) -> String {
    format!("in-{}-{field}", code.replace('.', "-"))
}

/// Sends an edit to the reducer.
fn edit(state: &Ctx, edit: Edit) {
    state.dispatch(Action::Edit(edit));
}

#[function_component(Leaf)]
pub fn leaf(props: &LeafProps) -> Html {
    let state = use_ctx();
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
    let na = model::field_bool(&session.tree(), section, code, "not_applicable") == Some(true);

    let control = if na {
        html! { <p class="na-note">{ tr(lang, "Đã khai báo không phát sinh.", "Declared not applicable.") }</p> }
    } else {
        controls::control(&state, session, rule, section, code)
    };

    let na_switch = c.may_not_apply.then(|| {
        let id = dom_id(code, "na");
        let kind = rule.kind();
        let state = state.clone();
        let code = code.to_string();
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let code = code.clone();
            edit(
                &state,
                Edit::NotApplicable {
                    section,
                    code,
                    kind,
                    on,
                },
            );
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
    // A value the engine refuses is an error, whatever the leaf counts meanwhile.
    let error = session.error_codes().contains(&code);
    let status_label = if error {
        tr(lang, "Lỗi", "Error").to_string()
    } else {
        status
            .map(|s| s.label().get(lang).to_string())
            .unwrap_or_default()
    };
    let status_class = match status {
        _ if error => "error",
        Some(Status::Scored) => "scored",
        Some(Status::NotApplicable) => "na",
        Some(Status::Missing) => "missing",
        Some(Status::SurveyPending) => "pending",
        None => "",
    };
    // The live score has no words: the leaf's are taken when they are shown.
    let explanation = explain_open
        .then(|| session.score.explained(&session.framework, code))
        .flatten()
        .and_then(|n| n.explanation)
        .map(|e| e.get(lang).to_string());
    let toggle = {
        let open = explain_open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let explain_id = dom_id(code, "why");

    // Messages not already shown next to a field (evidence, the entry as a whole, …).
    let beside = rule.kind().input_keys();
    let other_errors: Vec<String> = session
        .messages_in(section, code, lang)
        .into_iter()
        .filter(|(field, _)| {
            field
                .as_deref()
                .is_none_or(|f| !beside.contains(&f) && !is_text_field(f))
        })
        .map(|(field, m)| match field {
            Some(f) => format!("{}: {m}", crate::i18n::field_words(&f, lang)),
            None => m,
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
            if let Some(r) = &c.reference { <p class="reference"><span class="k">{ tr(lang, "Căn cứ: ", "Source: ") }</span>{ r.text().get(lang) }</p> }
            if let Some(ev) = &c.evidence { <p class="expected"><span class="k">{ tr(lang, "Tài liệu kiểm chứng: ", "Evidence: ") }</span>{ ev }</p> }
            if survey {
                <p class="hint">{ tr(lang, "Điểm điều tra XHH do cơ quan thẩm định nhập.", "Survey points are entered by the appraiser.") }</p>
            }
            if appraising { { appraisal::self_view(&state, session, rule, code, node) } }
            // Shown only when the embedding site says so (`set-readonly`).
            <fieldset class="entry" disabled={state.readonly}>
            <div class="control">
                if appraising { { appraisal::decide(&state, rule.kind(), code, node) } }
                { control }{ for na_switch }
            </div>
            if appraising {
                { text_area(&state, session, section, code, "comment", tr(lang, "Nhận xét thẩm định", "Appraiser's comment")) }
            } else {
                <evidence::Evidence index={props.index} />
                { text_area(&state, session, section, code, "note", tr(lang, "Ghi chú", "Note")) }
                if let Some(n) = node.filter(|n| n.appraised && n.points != n.self_points) {
                    { appraisal::appraisal_view(&state, session, code, n) }
                }
            }
            </fieldset>
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

/// The free-text fields a card shows their own messages beside.
fn is_text_field(field: &str) -> bool {
    matches!(field, "note" | "comment" | "explanation")
}

/// A text area bound to one text field of an entry (note, comment, giải trình), with the
/// engine's message or the scorecard's warning for that field.
fn text_area(
    state: &Ctx,
    session: &Session,
    section: Section,
    code: &str,
    field: &'static str,
    label: &str,
) -> Html {
    let id = dom_id(code, field);
    let warning = session.message_at(section, code, field, state.lang);
    let value = model::field_text(&session.tree(), section, code, field);
    let oninput = sets_field(state, section, code, field, |text| text.into());
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
