//! The appraisal, as each side sees it on a leaf: for the appraiser, what the unit
//! entered (read-only, beside the appraiser's own control); for the unit, what the
//! appraisal changed, the appraiser's comment and a box for the unit's answer
//! (*giải trình*).

use super::{controls, text_area};
use crate::components::Ctx;
use crate::i18n::{date, num, tr};
use crate::model::{self, Section};
use crate::state::Session;
use parindex_core::rules::Rule;
use parindex_core::scorecard::Node;
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
    let evidence: Vec<String> = model::evidence(&tree, sec, code)
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
            if !note.is_empty() { <p><span class="k">{ tr(lang, "Ghi chú: ", "Note: ") }</span>{ note }</p> }
            if !justification.is_empty() { <p><span class="k">{ tr(lang, "Giải trình: ", "Explanation: ") }</span>{ justification }</p> }
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
