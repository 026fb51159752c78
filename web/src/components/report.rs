//! The printable report (*báo cáo*, A4): the standard table *Bảng tổng hợp kết quả tự
//! đánh giá, chấm điểm* — code, title, max, self points, appraised points, evidence
//! references, and for every lost point why — then the field summary and its chart.
//! The print stylesheet (`web/style.css`, `@media print`) hides the app around it.

use super::summary::{differences, field_bars};
use super::Ctx;
use crate::files;
use crate::i18n::{date, index, num, tr};
use crate::model::{self, Section};
use parindex_core::render::scorecard_csv;
use parindex_core::scorecard::Total;
use yew::prelude::*;

#[function_component(Report)]
pub fn report() -> Html {
    let state = use_context::<Ctx>().expect("app context");
    let lang = state.lang;
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let Some(card) = session.score.scorecard.as_ref() else {
        return html! { <p>{ tr(lang, "Chưa lập được báo cáo: xem các lỗi trong hồ sơ.", "No report yet: see the errors.") }</p> };
    };
    let tree = &session.tree;
    let appraised = card.summary.appraised > 0;
    let owed = session.comments_owed();
    let text = |s: Section, code: &str, f: &str| model::field_text(tree, s, code, f);

    let rows = card.nodes.iter().map(|n| {
        let depth = n.code.matches('.').count();
        let leaf = n.kind.is_some();
        let evidence: Vec<String> = if leaf {
            model::evidence(tree, Section::SelfAssessed, &n.code)
                .into_iter()
                .map(|e| match (e.reference.is_empty(), e.date.is_empty()) {
                    (false, false) => format!("{} ({})", e.reference, date(&e.date, lang)),
                    (false, true) => e.reference,
                    _ => e.title,
                })
                .collect()
        } else {
            Vec::new()
        };
        // Why points were lost: the engine's explanation, the appraiser's comment and the
        // unit's answer.
        let lost = leaf && n.points < n.max;
        let why: Vec<String> = if lost {
            let mut w: Vec<String> = n.explanation.iter().map(|e| e.get(lang).to_string()).collect();
            let comment = text(Section::Appraisal, &n.code, "comment");
            if !comment.is_empty() && !w.iter().any(|x| x.contains(&comment)) {
                w.push(format!("{} {comment}", tr(lang, "Nhận xét thẩm định:", "Appraiser:")));
            }
            let answer = text(Section::SelfAssessed, &n.code, "explanation");
            if !answer.is_empty() {
                w.push(format!("{} {answer}", tr(lang, "Giải trình:", "Explanation:")));
            }
            w
        } else {
            Vec::new()
        };
        html! {
            <tr class={classes!(format!("d{}", depth.min(3)), (!leaf).then_some("parent"))} data-code={n.code.clone()}>
                <td>{ &n.code }</td>
                <td>{ n.title.get(lang) }</td>
                <td class="num">{ num(n.max, lang) }</td>
                <td class="num">{ num(n.self_points, lang) }</td>
                <td class="num">{ if appraised { num(n.points, lang) } else { String::new() } }</td>
                <td class="ev">{ evidence.join("; ") }</td>
                <td class="why">{ for why.iter().map(|w| html! { <p>{ w }</p> }) }</td>
            </tr>
        }
    });
    let total_row = |label: &str, t: &Total| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                <td class="num">{ num(t.points, lang) }</td>
                <td class="num">{ num(t.max, lang) }</td>
                <td class="num">{ index(t.index, lang) }</td>
                <td>{ t.band.as_ref().map(|b| b.get(lang).to_string()).unwrap_or_else(|| "—".into()) }</td>
            </tr>
        }
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let csv = {
        let card = card.clone();
        Callback::from(move |_| {
            let name = model::export_name(&card.unit, card.year.into()).replace(".json", ".csv");
            let _ = files::download_csv(&name, &scorecard_csv(&card, true, lang));
        })
    };
    let fw = &session.framework;
    html! {
        <div class="report" data-testid="report">
            <div class="no-print report-actions">
                if owed.is_empty() {
                    <button type="button" class="primary" onclick={print} data-testid="print">{ tr(lang, "In báo cáo / Lưu PDF", "Print / save as PDF") }</button>
                } else {
                    <button type="button" class="primary" disabled=true data-testid="print">{ tr(lang, "In báo cáo / Lưu PDF", "Print / save as PDF") }</button>
                    <p class="field-error" role="alert" data-testid="print-blocked">{ format!("{} {}",
                        tr(lang, "Chưa in được: điểm thẩm định khác điểm tự chấm nhưng thiếu nhận xét ở tiêu chí", "Cannot print yet: appraised points differ from the self-assessed ones without a comment at"),
                        owed.join(", ")) }</p>
                }
                { " " }<button type="button" onclick={csv} data-testid="report-csv">{ tr(lang, "Xuất CSV", "Export CSV") }</button>
            </div>
            <header class="report-head">
                <p class="unit">{ &card.unit }</p>
                <h1>{ tr(lang, "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "SUMMARY OF SELF-ASSESSMENT AND SCORING RESULTS") }</h1>
                <p>{ format!("{} {} · {} ({})", tr(lang, "Chỉ số cải cách hành chính năm", "Public Administration Reform Index"), card.year, fw.title.get(lang), card.framework) }</p>
                if !fw.official { <p class="hint">{ tr(lang, "Khung mẫu, không phải bộ chỉ số chính thức.", "A template framework, not an official one.") }</p> }
            </header>
            <table class="totals-table" data-testid="report-totals">
                <thead><tr><th></th><th>{ tr(lang, "Điểm", "Points") }</th><th>{ tr(lang, "Tối đa", "Max") }</th><th>{ tr(lang, "Chỉ số", "Index") }</th><th>{ tr(lang, "Xếp loại", "Band") }</th></tr></thead>
                <tbody>
                    { total_row(tr(lang, "Tự đánh giá", "Self-assessed"), &card.self_total) }
                    if appraised { { total_row(tr(lang, "Thẩm định", "Appraised"), &card.total) } }
                </tbody>
            </table>
            <p>{ format!("{} +{} · {} −{} · {}", tr(lang, "Điểm thưởng", "Bonus"), num(card.bonus, lang), tr(lang, "điểm trừ", "penalty"), num(card.penalty, lang),
                if card.complete { tr(lang, "hồ sơ đầy đủ", "complete") } else { tr(lang, "hồ sơ CHƯA đầy đủ", "INCOMPLETE") }) }</p>
            <table class="report-table" data-testid="report-table">
                <thead><tr>
                    <th>{ tr(lang, "Mã", "Code") }</th>
                    <th>{ tr(lang, "Lĩnh vực, tiêu chí", "Field, criterion") }</th>
                    <th>{ tr(lang, "Điểm tối đa", "Max") }</th>
                    <th>{ tr(lang, "Điểm tự đánh giá", "Self-assessed") }</th>
                    <th>{ tr(lang, "Điểm thẩm định", "Appraised") }</th>
                    <th>{ tr(lang, "Tài liệu kiểm chứng", "Evidence") }</th>
                    <th>{ tr(lang, "Giải thích điểm bị trừ", "Why points were lost") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if appraised { { differences(card, tree, lang) } }
            <section class="fields-summary">
                <h2>{ tr(lang, "Tổng hợp theo lĩnh vực", "Summary by field") }</h2>
                { field_bars(card, lang) }
            </section>
        </div>
    }
}
