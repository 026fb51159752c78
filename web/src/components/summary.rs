//! The summary (*tổng hợp*): total, index and band, the self-assessed total, per-field
//! points with bars drawn in SVG, where points can still be gained (largest first, with
//! what would earn them), the counts of missing and survey-pending leaves.

use super::Ctx;
use crate::i18n::{index, num, tr};
use crate::model::Section;
use crate::state::{Action, Screen};
use parindex_core::scorecard::{Status, Total};
use parindex_core::Decimal;
use parindex_core::Scorecard;
use yew::prelude::*;

#[function_component(Summary)]
pub fn summary() -> Html {
    let state = use_context::<Ctx>().expect("app context");
    let lang = state.lang;
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let Some(card) = session.score.scorecard.as_ref() else {
        return html! { <p>{ tr(lang, "Chưa chấm được điểm: xem các lỗi trong hồ sơ.", "Cannot score yet: see the errors.") }</p> };
    };
    let band = |t: &Total| {
        t.band
            .as_ref()
            .map(|b| b.get(lang).to_string())
            .unwrap_or_else(|| tr(lang, "(không xếp loại)", "(no band)").to_string())
    };

    let title_of = |code: &str| {
        card.node(code)
            .map(|n| n.title.get(lang).to_string())
            .unwrap_or_default()
    };
    let gaps = card.gaps.iter().map(|g| {
        let go = {
            let state = state.clone();
            let code = g.code.clone();
            Callback::from(move |_| {
                state.dispatch(Action::Show(Screen::Assess));
                let code = code.clone();
                gloo_timers::callback::Timeout::new(0, move || {
                    if let Some(el) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&format!("leaf-{code}")))
                    {
                        el.scroll_into_view();
                    }
                })
                .forget();
            })
        };
        html! {
            <li>
                <button type="button" class="link" onclick={go}>{ &g.code }</button>
                { format!(" {} — ", title_of(&g.code)) }
                <strong>{ format!("−{}", num(g.lost, lang)) }</strong>
                if let Some(a) = &g.advice { <div class="advice">{ a.get(lang) }</div> }
            </li>
        }
    });
    let s = &card.summary;
    let differences = (s.appraised > 0).then(|| differences(card, &session.tree, lang));
    let owed = session.comments_owed();
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
                    { format!("{} / {} — {} — {}", num(card.self_total.points, lang), num(card.self_total.max, lang), index(card.self_total.index, lang), band(&card.self_total)) }</div>
                <div><span class="k">{ tr(lang, "Điểm thưởng / điểm trừ", "Bonus / penalty") }</span>
                    { format!("+{} / −{}", num(card.bonus, lang), num(card.penalty, lang)) }</div>
            </div>
            <p class={if card.complete { "complete yes" } else { "complete no" }} data-testid="complete">
                { if card.complete { tr(lang, "Hồ sơ đã nhập đầy đủ.", "The assessment is complete.") } else { tr(lang, "Hồ sơ CHƯA đầy đủ.", "The assessment is INCOMPLETE.") } }
                { format!(" {} {} · {} {} · {} {} · {} {}",
                    s.missing, tr(lang, "chưa nhập", "missing"),
                    s.survey_pending, tr(lang, "chờ điều tra XHH", "survey pending"),
                    s.not_applicable, tr(lang, "không phát sinh", "not applicable"),
                    s.scored, tr(lang, "đã chấm", "scored")) }
            </p>
            if !owed.is_empty() {
                <p class="field-error" role="alert" data-testid="comments-owed">{ format!("{} {}", tr(lang, "Thiếu nhận xét thẩm định ở tiêu chí:", "An appraiser's comment is missing at:"), owed.join(", ")) }</p>
            }
            { for differences }
            <h2>{ tr(lang, "Điểm theo lĩnh vực", "Points by field") }</h2>
            { field_bars(card, lang) }
            <h2>{ tr(lang, "Có thể gỡ điểm ở đâu (nhiều nhất trước)", "Where to gain points (largest first)") }</h2>
            if card.gaps.is_empty() {
                <p>{ tr(lang, "Không mất điểm nào.", "No points lost.") }</p>
            } else {
                <ol class="gaps" data-testid="gaps">{ for gaps }</ol>
            }
            if card.nodes.iter().any(|n| n.status == Status::SurveyPending) {
                <p class="hint">{ tr(lang, "Các tiêu chí điều tra XHH do cơ quan thẩm định nhập kết quả.", "Survey criteria are entered by the appraiser.") }</p>
            }
        </div>
    }
}

/// Per-field points as horizontal bars, drawn in SVG (used by the summary and the report).
pub fn field_bars(card: &Scorecard, lang: crate::i18n::Lang) -> Html {
    let fields: Vec<_> = card
        .nodes
        .iter()
        .filter(|n| !n.code.contains('.'))
        .collect();
    const ROW: u32 = 34;
    const LABEL: u32 = 310;
    const BAR: u32 = 300;
    let height = ROW * fields.len() as u32 + 10;
    let bars = fields.iter().enumerate().map(|(i, n)| {
        // Shares are computed in decimals too: no float formatting code in the bundle.
        let share = if n.max > Decimal::ZERO { n.points / n.max } else { Decimal::ZERO };
        let y = i as u32 * ROW + 5;
        let pct = (share * Decimal::ONE_HUNDRED).round_dp(1).to_string();
        let width = (share * Decimal::from(BAR)).round_dp(1).to_string();
        let pct = if lang == crate::i18n::Lang::Vi { pct.replace('.', ",") } else { pct };
        let title = format!("{}. {}", n.code, n.title.get(lang));
        let short: String = if title.chars().count() > 44 { title.chars().take(43).chain(['…']).collect() } else { title.clone() };
        html! {
            <g class="bar-row" data-code={n.code.clone()}>
                <title>{ format!("{title}: {} / {}", num(n.points, lang), num(n.max, lang)) }</title>
                <text x="0" y={(y + 17).to_string()} class="bar-label">{ short }</text>
                <rect x={LABEL.to_string()} y={(y + 5).to_string()} width={BAR.to_string()} height="16" rx="3" class="bar-bg" />
                <rect x={LABEL.to_string()} y={(y + 5).to_string()} width={width} height="16" rx="3" class="bar-fill" />
                <text x={(LABEL + BAR + 8).to_string()} y={(y + 17).to_string()} class="bar-value">
                    { format!("{} / {} ({pct}%)", num(n.points, lang), num(n.max, lang)) }
                </text>
            </g>
        }
    });

    html! {
        <svg class="bars" role="img" viewBox={format!("0 0 {} {height}", LABEL + BAR + 140)} width="100%"
            aria-label={tr(lang, "Biểu đồ điểm theo lĩnh vực", "Chart of points by field")}>
            { for bars }
        </svg>
    }
}

/// The appraisal beside the self-assessment: both totals, and every leaf the appraisal
/// changed, largest change first, with the appraiser's comment and the unit's answer.
pub fn differences(card: &Scorecard, tree: &serde_json::Value, lang: crate::i18n::Lang) -> Html {
    let change = card.total.points - card.self_total.points;
    let signed = |d: Decimal| {
        if d > Decimal::ZERO {
            format!("+{}", num(d, lang))
        } else {
            num(d, lang).replace('-', "−")
        }
    };
    let rows = card.differences().into_iter().map(|(n, d)| {
        let text = |s: Section, f: &str| crate::model::field_text(tree, s, &n.code, f);
        html! {
            <tr data-code={n.code.clone()}>
                <td>{ &n.code }</td>
                <td>{ n.title.get(lang) }</td>
                <td class="num">{ num(n.self_points, lang) }</td>
                <td class="num">{ num(n.points, lang) }</td>
                <td class="num"><strong>{ signed(d) }</strong></td>
                <td>{ text(Section::Appraisal, "comment") }
                    if !text(Section::SelfAssessed, "explanation").is_empty() {
                        <div class="advice">{ format!("{} {}", tr(lang, "Giải trình:", "Explanation:"), text(Section::SelfAssessed, "explanation")) }</div>
                    }</td>
            </tr>
        }
    });
    html! {
        <section class="differences" data-testid="differences">
            <h2>{ tr(lang, "Thẩm định so với tự đánh giá", "Appraisal against the self-assessment") }</h2>
            <p data-testid="appraisal-totals">{ format!("{} {} · {} {} · {} {}",
                tr(lang, "Tự đánh giá:", "Self-assessed:"), num(card.self_total.points, lang),
                tr(lang, "Thẩm định:", "Appraised:"), num(card.total.points, lang),
                tr(lang, "Chênh lệch:", "Change:"), signed(change)) }</p>
            <table>
                <thead><tr>
                    <th>{ tr(lang, "Mã", "Code") }</th><th>{ tr(lang, "Tiêu chí", "Criterion") }</th>
                    <th>{ tr(lang, "Tự chấm", "Self") }</th><th>{ tr(lang, "Thẩm định", "Appraised") }</th>
                    <th>{ tr(lang, "Chênh lệch", "Change") }</th><th>{ tr(lang, "Nhận xét, giải trình", "Comment, explanation") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
