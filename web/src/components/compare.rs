//! The compare screen (*so sánh*): the open assessment beside another file — last year's,
//! or another unit's — per field and per leaf. When the two use different frameworks,
//! criteria are matched by code and what cannot be matched is listed, never guessed.

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
    let lang = state.lang;
    let Some(card) = state
        .session
        .as_ref()
        .and_then(|s| s.score.scorecard.as_ref())
    else {
        return html! {};
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            let state = state.clone();
            yew::platform::spawn_local(async move {
                let opened = crate::open::scored(file, &state.custom_frameworks).await;
                state.dispatch(Action::Compare(Some(opened)));
            });
        })
    };
    let picker = html! {
        <label class="file no-print">{ tr(lang, "Mở hồ sơ để so sánh (năm trước, hoặc đơn vị khác) (.json)", "Open an assessment to compare with (last year's, or another unit's) (.json)") }
            <input type="file" accept=".json,application/json" onchange={on_pick} data-testid="compare-file" /></label>
    };
    let body = match state.other.as_ref().map(|o| (&o.file, &o.result)) {
        None => html! {},
        Some((file, Err(ds))) => html! {
            <div class="field-error" role="alert">
                <p>{ format!("{file}: {}", tr(lang, "không mở được", "cannot be opened")) }</p>
                <ul>{ for ds.iter().map(|d| html! { <li>{ d.render(lang) }</li> }) }</ul>
            </div>
        },
        Some((_, Ok(other))) => {
            let c = compare(other, card);
            let name = |u: &str, y: i32| format!("{u} ({y})");
            let (before, after) = (name(&other.unit, other.year), name(&card.unit, card.year));
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
            let leaves: Vec<&Delta> = c
                .leaves
                .iter()
                .filter(|d| *all_leaves || d.change != Decimal::ZERO)
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
                        { tr(lang, " Chỉ so sánh các tiêu chí có cùng mã; tiêu chí có điểm tối đa khác nhau được đánh dấu *, khi đó chênh lệch điểm chỉ mang tính tham khảo.",
                            " Only criteria with the same code are compared; those whose maximum differs are marked *, and their change in points is indicative only.") }</p>
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
