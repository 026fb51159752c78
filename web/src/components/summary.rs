//! The summary (*tổng hợp*): total, index and band, the self-assessed total, per-field
//! points with bars drawn in SVG, where points can still be gained (largest first, with
//! what would earn them), the counts of missing and survey-pending leaves.

use super::Ctx;
use crate::hooks::use_ctx;
use crate::i18n::{index, num, tr};
use crate::state::{Action, Screen};
use parindex_core::format::band_text;
use parindex_core::report;
use parindex_core::scorecard::{Status, Total};
use yew::prelude::*;

/// A criterion's code as a link to its leaf on the assessment screen.
pub(super) fn code_link(state: &Ctx, code: &str) -> Html {
    let go = {
        let state = state.clone();
        let code = code.to_string();
        Callback::from(move |_| {
            state.dispatch(Action::Show(Screen::Assess));
            super::go_to(&code);
        })
    };
    html! { <button type="button" class="link" onclick={go}>{ code }</button> }
}

/// Codes as links, separated by commas (after a leading space).
fn code_links(state: &Ctx, codes: &[&str]) -> Html {
    codes
        .iter()
        .enumerate()
        .map(|(i, c)| html! { <>{ if i == 0 { " " } else { ", " } }{ code_link(state, c) }</> })
        .collect()
}

#[function_component(Summary)]
pub fn summary() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    // The space the documents use, asked for only when there are some (no dossier code
    // is loaded for nothing).
    let space = use_state(|| None);
    {
        let space = space.clone();
        use_effect_with(super::dossier::has_files(&state), move |any| {
            if *any {
                yew::platform::spawn_local(async move { space.set(crate::dossier::space().await) });
            }
        });
    }
    let why = (
        "Chưa chấm được điểm: xem các lỗi trong hồ sơ.",
        "Cannot score yet: see the errors.",
    );
    let (session, card) = match super::scored(&state, why) {
        Ok(open) => open,
        Err(instead) => return instead,
    };
    let band = |t: &Total| band_text(t.band.as_ref(), lang);

    let title_of = |code: &str| {
        card.node(code)
            .map(|n| n.title.get(lang).to_string())
            .unwrap_or_default()
    };
    let gaps = card.gaps.iter().map(|g| {
        html! {
            <li>
                { code_link(&state, &g.code) }
                { format!(" {} — ", title_of(&g.code)) }
                <strong>{ format!("−{}", num(g.lost, lang)) }</strong>
                if let Some(a) = &g.advice { <div class="advice">{ a.get(lang) }</div> }
            </li>
        }
    });
    let s = &card.summary;
    let differences = report::differences(card, &report::notes_of(&session.tree(), lang), lang);
    let owed = card.comments_owed();
    let errors = session.error_codes();
    let complete = card.complete && errors.is_empty();
    // A leaf with an error is counted as an error, not as what it counts meanwhile.
    let erring = |status: Status| {
        errors
            .iter()
            .filter(|c| card.node(c).is_some_and(|n| n.status == status))
            .count()
    };
    html! {
        <div class="summary" data-testid="summary">
            <h1>{ tr(lang, "Tổng hợp kết quả", "Summary") }</h1>
            <div class="totals">
                <div class="big">
                    <span class="k">{ tr(lang, "Tổng điểm", "Total") }</span>
                    <span data-testid="summary-points">{ format!("{} / {}", num(card.total.points, lang), num(card.total.max, lang)) }</span>
                </div>
                <div class="big"><span class="k">{ tr(lang, "Chỉ số", "Index") }</span>
                    <span data-testid="summary-index">{ index(card.total.index, lang) }</span></div>
                <div class="big"><span class="k">{ tr(lang, "Xếp loại", "Band") }</span>
                    <span data-testid="summary-band">{ band(&card.total) }</span></div>
                <div><span class="k">{ tr(lang, "Điểm tự đánh giá", "Self-assessed") }</span>
                    { format!("{} / {} — {} — {}", num(card.self_total.points, lang), num(card.self_total.max, lang), index(card.self_total.index, lang), band(&card.self_total)) }
                    if card.summary.appraised > 0 {
                        <span class="hint" data-testid="self-total-note">{ tr(lang, " (điểm các tiêu chí do đơn vị tự chấm; điều tra XHH, điểm thưởng, điểm trừ như tổng điểm)",
                            " (the criteria as the unit scored them; survey, bonus and penalty as in the total)") }</span>
                    }</div>
                <div><span class="k">{ tr(lang, "Điểm thưởng / điểm trừ", "Bonus / penalty") }</span>
                    { format!("+{} / −{}", num(card.bonus, lang), num(card.penalty, lang)) }</div>
            </div>
            <p class={if complete { "complete yes" } else { "complete no" }} data-testid="complete">
                { if complete { tr(lang, "Hồ sơ đã nhập đầy đủ.", "The assessment is complete.") } else { tr(lang, "Hồ sơ CHƯA đầy đủ.", "The assessment is INCOMPLETE.") } }
                { format!(" {} {} · {} {} · {} {} · {} {} · {} {}",
                    errors.len(), tr(lang, "lỗi", "errors"),
                    s.missing - erring(Status::Missing), tr(lang, "chưa nhập", "missing"),
                    s.survey_pending, tr(lang, "chờ điều tra XHH", "survey pending"),
                    s.not_applicable, tr(lang, "không phát sinh", "not applicable"),
                    s.scored - erring(Status::Scored), tr(lang, "đã chấm", "scored")) }
            </p>
            if let Some(est) = session.estimated().and_then(|e| e.scorecard) {
                <p class="estimate" data-testid="estimated-total">{ format!("{} {} / {} ({}) — {}",
                    tr(lang, "Nếu kết quả điều tra XHH đúng như đơn vị ước tính: tổng", "If the survey comes out as you estimate: total"),
                    num(est.total.points, lang), num(est.total.max, lang), index(est.total.index, lang),
                    tr(lang, "chỉ là ước tính, không phải kết quả, không ghi vào tệp.", "an estimate only, not a result, not exported.")) }</p>
            }
            if !errors.is_empty() {
                <p class="field-error" role="alert" data-testid="errors">{ tr(lang, "Giá trị không hợp lệ (chưa được tính) ở tiêu chí:", "Values that are not valid (not counted) at:") }{ code_links(&state, &errors) }</p>
            }
            if !owed.is_empty() {
                <p class="field-error" role="alert" data-testid="comments-owed">{ tr(lang, "Thiếu nhận xét thẩm định ở tiêu chí:", "An appraiser's comment is missing at:") }{ code_links(&state, &owed) }</p>
            }
            { Html::from_html_unchecked(differences.into()) }
            <h2>{ tr(lang, "Điểm theo lĩnh vực", "Points by field") }</h2>
            { Html::from_html_unchecked(report::field_chart(card, lang).into()) }
            <h2>{ tr(lang, "Có thể gỡ điểm ở đâu (nhiều nhất trước)", "Where to gain points (largest first)") }</h2>
            if card.gaps.is_empty() {
                <p>{ tr(lang, "Không mất điểm nào.", "No points lost.") }</p>
            } else {
                <ol class="gaps" data-testid="gaps">{ for gaps }</ol>
            }
            if card.nodes.iter().any(|n| n.status == Status::SurveyPending) {
                <p class="hint">{ tr(lang, "Các tiêu chí điều tra XHH do cơ quan thẩm định nhập kết quả.", "Survey criteria are entered by the appraiser.") }</p>
            }
            { super::dossier::panel(&state, *space) }
        </div>
    }
}
