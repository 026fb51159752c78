//! The appraisal, as each side sees it on a leaf: for the appraiser, what the unit
//! entered (read-only, beside the appraiser's own control); for the unit, what the
//! appraisal changed, the appraiser's comment and a box for the unit's answer
//! (*giải trình*). The appraiser's "đồng ý" and its undoing (`decide`).

use super::{controls, text_area};
use crate::components::Ctx;
use crate::i18n::{date, num, tr};
use crate::model::{self, Edit, Section};
use crate::state::{Action, Session};
use parindex_core::rules::{Rule, RuleKind};
use parindex_core::scorecard::{Node, Status};
use yew::prelude::*;

/// What the unit entered for a leaf, read-only, for the appraiser.
pub(super) fn self_view(
    state: &Ctx,
    session: &Session,
    rule: &Rule,
    code: &str,
    node: Option<&Node>,
) -> Html {
    let lang = state.lang;
    let tree = session.tree();
    let sec = Section::SelfAssessed;
    let input = controls::shown(rule, &tree, sec, code, lang);
    let input = if input.is_empty() {
        tr(lang, "(chưa nhập)", "(not entered)").to_string()
    } else {
        input
    };
    let items = model::evidence(&tree, sec, code);
    let documents: Vec<serde_json::Value> = items.iter().filter_map(|e| e.file.clone()).collect();
    let evidence: Vec<String> = items
        .into_iter()
        .filter(|e| !(e.reference.is_empty() && e.title.is_empty() && e.date.is_empty()))
        .map(|e| {
            let d = if e.date.is_empty() {
                String::new()
            } else {
                format!(" ({})", date(&e.date, lang))
            };
            format!("{}{d} {}", e.reference, e.title).trim().to_string()
        })
        .collect();
    let note = model::field_text(&tree, sec, code, "note");
    let justification = model::field_text(&tree, sec, code, "explanation");
    html! {
        <div class="self-view" data-testid={format!("self-{code}")}>
            <p><span class="k">{ tr(lang, "Đơn vị tự đánh giá: ", "The unit's self-assessment: ") }</span>
                <strong>{ input }</strong>
                { format!(" — {} {}", node.map(|n| num(n.self_points, lang)).unwrap_or_default(), tr(lang, "điểm", "points")) }</p>
            if !evidence.is_empty() {
                <p><span class="k">{ tr(lang, "Tài liệu kiểm chứng: ", "Evidence: ") }</span>{ evidence.join("; ") }</p>
            }
            { for documents.into_iter().map(|file| html! { <super::evidence::Document code={code.to_string()} {file} /> }) }
            if !note.is_empty() { <p><span class="k">{ tr(lang, "Ghi chú: ", "Note: ") }</span>{ note }</p> }
            if !justification.is_empty() { <p><span class="k">{ tr(lang, "Giải trình: ", "Explanation: ") }</span>{ justification }</p> }
        </div>
    }
}

/// Above the appraiser's control: "đồng ý" (the unit's inputs become the appraisal,
/// which can then be edited), or, once appraised, taking the appraisal back.
pub(super) fn decide(state: &Ctx, kind: RuleKind, code: &str, node: Option<&Node>) -> Html {
    let lang = state.lang;
    let appraised = node.is_some_and(|n| n.appraised);
    // What the unit's own entry gives: something to agree with, or nothing entered.
    let own = node.map(|n| n.self_status.unwrap_or(n.status));
    let unit_decided = matches!(own, Some(Status::Scored | Status::NotApplicable));
    let send = |edit: Edit| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(edit.clone())))
    };
    let code_s = code.to_string();
    html! {
        <div class="decide">
            <span class="k">{ tr(lang, "Kết quả thẩm định", "Appraisal") }</span>
            if appraised {
                <button type="button" class="small" data-testid={format!("unappraise-{code}")}
                    onclick={send(Edit::Unappraise { code: code_s, kind })}>
                    { tr(lang, "Bỏ kết quả thẩm định", "Withdraw the appraisal") }</button>
            } else if unit_decided {
                <button type="button" class="small primary" data-testid={format!("agree-{code}")}
                    onclick={send(Edit::Agree { code: code_s, kind })}>
                    { tr(lang, "Đồng ý với đơn vị", "Agree with the unit") }</button>
                <span class="hint">{ tr(lang, " hoặc nhập kết quả khác dưới đây", " or enter another result below") }</span>
            } else {
                <span class="hint">{ tr(lang, " — đơn vị chưa nhập: nhập kết quả thẩm định dưới đây", " — the unit entered nothing: enter the appraisal below") }</span>
            }
        </div>
    }
}

/// For the unit: what the appraisal changed on a leaf, the appraiser's comment, and the
/// unit's explanation (*giải trình*).
pub(super) fn appraisal_view(state: &Ctx, session: &Session, code: &str, n: &Node) -> Html {
    let lang = state.lang;
    let comment = model::field_text(&session.tree(), Section::Appraisal, code, "comment");
    html! {
        <div class="appraisal-view" data-testid={format!("appraised-{code}")}>
            <p><strong>{ format!("{} {} → {} {}", tr(lang, "Thẩm định đã điều chỉnh:", "The appraisal changed the points:"), num(n.self_points, lang), num(n.points, lang), tr(lang, "điểm", "points")) }</strong></p>
            if !comment.is_empty() { <p><span class="k">{ tr(lang, "Nhận xét: ", "Comment: ") }</span>{ comment }</p> }
            { text_area(state, session, Section::SelfAssessed, code, "explanation", tr(lang, "Giải trình của đơn vị", "The unit's explanation (giải trình)")) }
        </div>
    }
}
