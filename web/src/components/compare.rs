//! The compare screen (*so sánh*): the open assessment beside another file — last year's,
//! or another unit's — per field and per leaf. When the two use different frameworks,
//! criteria are matched by code and what cannot be matched is listed, never guessed.
//! The earlier year is the baseline; two different frameworks are refused, two editions of
//! one are compared once the person agrees, leaves whose maximum changed left out.

use crate::hooks::use_ctx;
use crate::i18n::{index, num, tr};
use crate::state::Action;
use parindex_core::compare::Delta;
use parindex_core::report::signed;
use parindex_core::{compare, Decimal};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(Compare)]
pub fn compare_screen() -> Html {
    let state = use_ctx();
    let all_leaves = use_state(|| false);
    // Comparing across two editions of a framework, once the person agreed to.
    let confirmed = use_state(|| false);
    let lang = state.lang;
    // The full scorecard: the comparison shows the criteria's titles.
    let Some(card) = state
        .session
        .as_ref()
        .and_then(|s| s.score.full(&s.framework))
    else {
        return html! {};
    };
    let on_pick = {
        let (state, confirmed) = (state.clone(), confirmed.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            confirmed.set(false);
            let state = state.clone();
            yew::platform::spawn_local(async move {
                let opened = crate::open::scored(file, &state.custom_frameworks).await;
                state.dispatch(Action::Compare(Some(opened)));
            });
        })
    };
    let picker = html! {
        <label class="file no-print">{ tr(lang, "Mở hồ sơ để so sánh (năm trước, hoặc đơn vị khác) (.zip, .json)", "Open an assessment to compare with (last year's, or another unit's) (.zip, .json)") }
            <input type="file" accept=".json,.zip,application/json,application/zip" onchange={on_pick} data-testid="compare-file" /></label>
    };
    let body = match state.other.as_ref().map(|o| (&o.file, &o.result)) {
        None => html! {},
        Some((file, Err(ds))) => html! {
            <div class="field-error" role="alert">
                <p>{ format!("{file}: {}", tr(lang, "không mở được", "cannot be opened")) }</p>
                <ul>{ for ds.iter().map(|d| html! { <li>{ crate::i18n::placed(d, None, lang) }</li> }) }</ul>
            </div>
        },
        Some((_, Ok(other))) => 'body: {
            // The earlier year is always the baseline.
            let (first, second) = if other.year > card.year {
                (card, &**other)
            } else {
                (&**other, card)
            };
            let id = |r: &str| r.split('@').next().unwrap_or_default().to_string();
            if id(&first.framework) != id(&second.framework) {
                break 'body html! {
                        <p class="field-error" role="alert" data-testid="compare-refused">{ format!("{} {} — {}. {}",
                            tr(lang, "Hai hồ sơ dùng hai bộ chỉ số khác nhau:", "The two assessments use different frameworks:"),
                            first.framework, second.framework,
                            tr(lang, "Không so sánh được: các tiêu chí không tương ứng với nhau.", "They cannot be compared: their criteria do not correspond.")) }</p>
                };
            }
            let c = compare(first, second);
            if !c.same_framework && !*confirmed {
                let go = {
                    let confirmed = confirmed.clone();
                    Callback::from(move |_| confirmed.set(true))
                };
                break 'body html! {
                        <div class="compare-note" role="note" data-testid="compare-ask">
                            <p>{ format!("{} {} → {}. {}",
                                tr(lang, "Hai hồ sơ dùng hai phiên bản của bộ chỉ số:", "The two assessments use two editions of the framework:"),
                                first.framework, second.framework,
                                tr(lang, "Chỉ các tiêu chí cùng mã và cùng điểm tối đa được so sánh.", "Only criteria with the same code and the same maximum are compared.")) }</p>
                            <button type="button" onclick={go} data-testid="compare-confirm">{ tr(lang, "So sánh qua hai phiên bản", "Compare across the editions") }</button>
                        </div>
                };
            }
            // Whose points each side holds: the unit's own, or the appraisal's.
            let name = |card: &parindex_core::Scorecard| {
                let whose = if card.summary.appraised > 0 {
                    tr(lang, "sau thẩm định", "as appraised")
                } else {
                    tr(lang, "tự đánh giá", "self-assessed")
                };
                format!("{} ({}, {whose})", card.unit, card.year)
            };
            let (before, after) = (name(first), name(second));
            let (other, card) = (first, second);
            let head = html! { <thead><tr>
                <th>{ tr(lang, "Mã", "Code") }</th><th>{ tr(lang, "Tiêu chí", "Criterion") }</th>
                <th>{ &before }</th><th>{ &after }</th><th>{ tr(lang, "Thay đổi", "Change") }</th>
            </tr></thead> };
            let row = |d: &Delta| {
                html! {
                    <tr data-code={d.code.clone()} class={classes!((d.change < Decimal::ZERO).then_some("down"), (d.change > Decimal::ZERO).then_some("up"))}>
                        <td>{ &d.code }</td>
                        <td>{ d.title.get(lang) }{ if d.same_max { "" } else { " *" } }</td>
                        <td class="num">{ num(d.before, lang) }</td>
                        <td class="num">{ num(d.after, lang) }</td>
                        <td class="num"><strong>{ signed(d.change, lang) }</strong></td>
                    </tr>
                }
            };
            // Across editions, a criterion whose maximum changed is not a change of points.
            let leaves: Vec<&Delta> = c
                .leaves
                .iter()
                .filter(|d| d.same_max && (*all_leaves || d.change != Decimal::ZERO))
                .collect();
            let other_max: Vec<&str> = c
                .leaves
                .iter()
                .filter(|d| !d.same_max)
                .map(|d| d.code.as_str())
                .collect();
            let toggle = {
                let all = all_leaves.clone();
                Callback::from(move |_| all.set(!*all))
            };
            let unmatched = !c.only_before.is_empty() || !c.only_after.is_empty();
            html! { <>
                if !c.same_framework {
                    <div class="compare-note" role="note" data-testid="compare-editions">
                        <p><strong>{ format!("{} {} — {}.", tr(lang, "Hai hồ sơ dùng hai bộ chỉ số khác nhau:", "The two assessments use different frameworks:"), c.before, c.after) }</strong>
                        { tr(lang, " Chỉ so sánh các tiêu chí có cùng mã và cùng điểm tối đa; lĩnh vực có điểm tối đa khác nhau được đánh dấu *, khi đó chênh lệch điểm chỉ mang tính tham khảo.",
                            " Only criteria with the same code and maximum are compared; fields whose maximum differs are marked *, and their change in points is indicative only.") }</p>
                        if !other_max.is_empty() {
                            <p data-testid="compare-other-max">{ format!("{} {}", tr(lang, "Điểm tối đa đã thay đổi, không so sánh:", "Maximum changed, not compared:"), other_max.join(", ")) }</p>
                        }
                        if unmatched {
                            <p>{ tr(lang, "Không so sánh được (chỉ có ở một bên):", "Cannot be compared (found on one side only):") }</p>
                            <ul>
                                if !c.only_before.is_empty() { <li>{ format!("{before}: {}", c.only_before.join(", ")) }</li> }
                                if !c.only_after.is_empty() { <li>{ format!("{after}: {}", c.only_after.join(", ")) }</li> }
                            </ul>
                        }
                    </div>
                }
                <p class="totals-line" data-testid="compare-totals">{ format!("{}: {} → {} ({}) · {}: {} → {}",
                    tr(lang, "Tổng điểm", "Total"), num(other.total.points, lang), num(card.total.points, lang), signed(c.total_change, lang),
                    tr(lang, "Chỉ số", "Index"), index(other.total.index, lang), index(card.total.index, lang)) }
                    { c.index_change.map(|d| format!(" ({} {})", signed(d, lang), tr(lang, "điểm %", "points"))).unwrap_or_default() }</p>
                <h2>{ tr(lang, "Theo lĩnh vực", "By field") }</h2>
                <table data-testid="compare-fields">{ head.clone() }<tbody>{ for c.fields.iter().map(row) }</tbody></table>
                <h2>{ if *all_leaves { tr(lang, "Mọi tiêu chí thành phần", "Every leaf") } else { tr(lang, "Tiêu chí thành phần có thay đổi (nhiều nhất trước)", "Leaves that changed (largest first)") } }</h2>
                <button type="button" class="small no-print" onclick={toggle}>{ if *all_leaves { tr(lang, "Chỉ hiện tiêu chí thay đổi", "Show changes only") } else { tr(lang, "Hiện tất cả", "Show all") } }</button>
                if leaves.is_empty() { <p>{ tr(lang, "Không có thay đổi.", "No changes.") }</p> }
                else { <table data-testid="compare-leaves">{ head }<tbody>{ for leaves.into_iter().map(row) }</tbody></table> }
            </> }
        }
    };
    html! {
        <div class="compare" data-testid="compare">
            <h1>{ tr(lang, "So sánh hai hồ sơ", "Compare two assessments") }</h1>
            { picker }
            { body }
        </div>
    }
}
