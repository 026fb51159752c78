//! The criteria tree (*lĩnh vực → tiêu chí → tiêu chí thành phần*): collapsible, with
//! points/max on every node; leaves are edited by [`super::leaf::Leaf`].

use super::adjust::Adjustments;
use super::appraise::{self, Filter, Filters};
use super::leaf::Leaf;
use super::survey::SurveyTable;
use crate::hooks::use_ctx;
use crate::i18n::{num, tr};
use crate::model::{Adjustments as List, Section};
use crate::state::Mode;
use parindex_core::scorecard::Status;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct NodeProps {
    index: usize,
    /// The criteria the appraiser's filter shows (`None`: all).
    shown: Option<Rc<[bool]>>,
    /// "Thu gọn tất cả": fields and criteria drawn closed.
    collapsed: bool,
    /// Only the first child, and in it only the first (the opening's first frame).
    #[prop_or_default]
    first_only: bool,
}

/// How many children a node draws: only its first in the opening's first frame.
fn drawn(first_only: bool) -> usize {
    if first_only {
        1
    } else {
        usize::MAX
    }
}

#[function_component(Node)]
fn node(props: &NodeProps) -> Html {
    let state = use_ctx();
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    if props
        .shown
        .as_ref()
        .is_some_and(|s| !s.get(props.index).copied().unwrap_or(false))
    {
        return html! {};
    }
    let c = &session.framework.criteria[props.index];
    if c.is_leaf() {
        return html! { <Leaf index={props.index} /> };
    }
    let lang = state.lang;
    let result = session
        .score
        .scorecard
        .as_ref()
        .and_then(|card| card.nodes.get(props.index));
    let points = result.map(|n| format!("{} / {}", num(n.points, lang), num(n.max, lang)));
    let na = result.is_some_and(|n| n.status == Status::NotApplicable);
    let depth = parindex_core::code::depth(&c.code);
    let heading = if depth == 0 { "field" } else { "criterion" };
    html! {
        <details class={classes!("node", heading)} open={!props.collapsed} id={format!("node-{}", c.code)} data-code={c.code.clone()}>
            <summary>
                <span class="code">{ &c.code }</span>
                <span class="title">{ c.title.get(lang) }</span>
                <span class="pts" data-testid={format!("pts-{}", c.code)}>{ points.unwrap_or_default() }</span>
                if na { <span class="status na">{ tr(lang, "Không phát sinh", "Not applicable") }</span> }
            </summary>
            <div class="children">
                { for c.children.iter().take(drawn(props.first_only)).map(|&k| html! {
                    <Node index={k} shown={props.shown.clone()} collapsed={props.collapsed} first_only={props.first_only} /> }) }
            </div>
        </details>
    }
}

#[function_component(CriteriaTree)]
pub fn criteria_tree() -> Html {
    let state = use_ctx();
    let filter = use_state(|| Filter::All);
    let collapsed = use_state(|| false);
    // Only the first criterion of the first field is drawn at once (what fills the
    // screen: its heading and first leaves, ~120 elements), the rest a frame later (a
    // 20 ms timer leaves the browser its next paint): the person sees and can fill the
    // first leaves while the ~2,000 elements of a whole framework are drawn. Drawing the
    // whole first field at once (~400 elements) took 50-90 ms more of a reload here.
    let drawn_all = crate::hooks::use_later(20);
    // The last leaf "next missing" went to.
    let last_missing = use_mut_ref(|| None::<usize>);
    let Some(session) = state.session.as_ref() else {
        return html! {};
    };
    let lang = state.lang;
    let top: Vec<usize> = session.framework.fields().map(|(i, _)| i).collect();
    let appraising = crate::DESK && state.mode == Mode::Appraiser;
    let shown = session
        .score
        .scorecard
        .as_ref()
        .filter(|_| appraising)
        .and_then(|card| appraise::shown(card, &session.framework, *filter));
    let none_shown = shown.as_ref().is_some_and(|s| !s.contains(&true));

    // The table of contents (each field, its points), "next missing", "collapse all".
    let card = session.score.scorecard.as_ref();
    let missing: Vec<usize> = card
        .map(|c| {
            c.nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind.is_some() && n.status == Status::Missing)
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    let next_missing = {
        let (collapsed, last, framework) = (
            collapsed.clone(),
            last_missing.clone(),
            session.framework.clone(),
        );
        let missing = missing.clone();
        Callback::from(move |_: MouseEvent| {
            let after = *last.borrow();
            let next = missing
                .iter()
                .find(|&&i| after.is_none_or(|a| i > a))
                .or(missing.first());
            if let Some(&i) = next {
                *last.borrow_mut() = Some(i);
                collapsed.set(false);
                super::go_to(&framework.criteria[i].code);
            }
        })
    };
    let toggle_all = {
        let collapsed = collapsed.clone();
        Callback::from(move |_: MouseEvent| collapsed.set(!*collapsed))
    };
    let contents = session.framework.fields().map(|(i, f)| {
        let code = f.code.clone();
        let points = card
            .and_then(|c| c.nodes.get(i))
            .map(|n| format!("{} / {}", num(n.points, lang), num(n.max, lang)))
            .unwrap_or_default();
        let go = Callback::from(move |_: MouseEvent| super::go_to(&code));
        html! { <li><button type="button" class="link" onclick={go}>{ format!("{} {}", f.code, f.title.get(lang)) }</button>{ format!(" — {points}") }</li> }
    });
    let tools = html! {
        <div class="tree-tools no-print">
            <details class="toc" data-testid="toc">
                <summary>{ tr(lang, "Mục lục", "Contents") }</summary>
                <ol>{ for contents }</ol>
            </details>
            <button type="button" class="small" onclick={next_missing} disabled={missing.is_empty()} data-testid="next-missing">
                { format!("{} ({})", tr(lang, "Tiêu chí chưa nhập tiếp theo", "Next missing"), missing.len()) }</button>
            <button type="button" class="small" onclick={toggle_all} data-testid="collapse-all">
                { if *collapsed { tr(lang, "Mở tất cả", "Expand all") } else { tr(lang, "Thu gọn tất cả", "Collapse all") } }</button>
        </div>
    };
    let whole_file: Vec<String> = session
        .score
        .diagnostics
        .iter()
        .filter(|d| {
            let l = &d.location;
            // Entries show their own messages; the appraiser sees bonus and penalty
            // items' beside their fields.
            let on_a_leaf = l.criterion.is_some() && l.section.and_then(Section::of_key).is_some();
            let beside_an_item = state.mode == Mode::Appraiser
                && l.item.is_some()
                && matches!(l.section, Some("bonus" | "penalty"));
            !on_a_leaf && !beside_an_item
        })
        .map(|d| crate::i18n::placed(d, Some(&session.framework), lang))
        .collect();
    html! {
        <div class="tree" data-testid="tree">
            <h1>{ if state.mode == Mode::Appraiser { tr(lang, "Thẩm định kết quả tự đánh giá", "Appraisal of the self-assessment") } else { tr(lang, "Tự đánh giá, chấm điểm", "Self-assessment") } }</h1>
            if !whole_file.is_empty() {
                <ul class="file-errors" role="alert">{ for whole_file.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
            if appraising { <Filters filter={filter.clone()} /> }
            if none_shown {
                <p class="hint" data-testid="filter-empty">{ tr(lang, "Không có tiêu chí nào như vậy.", "No criterion of that kind.") }</p>
            }
            { tools }
            { for top.into_iter().take(drawn(!drawn_all)).map(|i| html! {
                <Node index={i} shown={shown.clone()} collapsed={*collapsed} first_only={!drawn_all} /> }) }
            // After the fields, once they are all drawn: nothing below them jumps down.
            if appraising && drawn_all {
                <SurveyTable />
                <h2>{ tr(lang, "Điểm thưởng, điểm trừ", "Bonus and penalty") }</h2>
                <Adjustments list={List::Bonus} />
                <Adjustments list={List::Penalty} />
            }
        </div>
    }
}
