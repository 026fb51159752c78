//! The survey section for the appraiser (*kết quả điều tra xã hội học*): every survey leaf
//! in one table — its maximum, the percent the survey gave and the points it earns — as
//! the results arrive from the survey, all at once. Desk only.

use super::leaf::sets_field;
use crate::hooks::use_ctx;
use crate::i18n::{num, tr};
use crate::model::{self, Section};
use parindex_core::rules::RuleKind;
use yew::prelude::*;

#[function_component(SurveyTable)]
pub fn survey_table() -> Html {
    let state = use_ctx();
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let card = session.score.scorecard.as_ref();
    let rows = session
        .framework
        .leaves()
        .filter(|(_, c)| c.rule.as_ref().map(|r| r.kind()) == Some(RuleKind::Survey))
        .map(|(i, c)| {
            let code = c.code.clone();
            let id = format!("sv-{}", code.replace('.', "-"));
            let error = session.message_at(Section::Survey, &code, "percent", lang);
            let value = model::decimal_shown(
                &model::field_text(&session.tree(), Section::Survey, &code, "percent"),
                lang,
            );
            let points = card
                .and_then(|k| k.nodes.get(i))
                .map(|n| num(n.points, lang));
            let oninput = sets_field(
                &state,
                Section::Survey,
                &code,
                "percent",
                model::decimal_value,
            );
            html! {
                <tr data-code={code.clone()}>
                    <td>{ &code }</td>
                    <td><label for={id.clone()}>{ c.title.get(lang) }</label></td>
                    <td class="num">{ num(c.max, lang) }</td>
                    <td><input {id} type="text" inputmode="decimal" size="6" {value} {oninput}
                        aria-invalid={error.is_some().then_some("true")} />
                        if let Some(m) = error { <span class="field-error">{ m }</span> }</td>
                    <td class="num">{ points.unwrap_or_default() }</td>
                </tr>
            }
        });
    html! {
        <section class="survey" data-testid="survey">
            <h2>{ tr(lang, "Kết quả điều tra xã hội học", "Survey results") }</h2>
            <table>
                <thead><tr>
                    <th>{ tr(lang, "Mã", "Code") }</th><th>{ tr(lang, "Tiêu chí", "Criterion") }</th>
                    <th>{ tr(lang, "Tối đa", "Max") }</th><th>{ tr(lang, "Tỷ lệ (%)", "Percent") }</th>
                    <th>{ tr(lang, "Điểm", "Points") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
