//! The appraiser's view of the tree (desk only): how far the appraisal has gone
//! (*đã thẩm định x/N*) and the filters that show only the leaves still to look at
//! (*chưa thẩm định*), those whose points the appraisal changed (*có chênh lệch*), or those
//! changed without the comment the notice needs (*thiếu nhận xét*).

use crate::hooks::use_ctx;
use crate::i18n::tr;
use parindex_core::scorecard::Node;
use parindex_core::{Framework, Scorecard};
use std::rc::Rc;
use yew::prelude::*;

/// Which leaves the appraiser's tree shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Filter {
    All,
    /// Leaves without an appraisal of their own yet.
    Unseen,
    /// Appraised leaves whose points differ from the unit's.
    Different,
    /// Differences still without the appraiser's comment.
    CommentOwed,
}

impl Filter {
    fn keeps(self, n: &Node, owed: &[&str]) -> bool {
        crate::model::appraisable(n)
            && match self {
                Filter::All => true,
                Filter::Unseen => !n.appraised,
                Filter::Different => n.appraised && n.points != n.self_points,
                Filter::CommentOwed => owed.contains(&n.code.as_str()),
            }
    }

    fn label(self) -> (&'static str, &'static str) {
        match self {
            Filter::All => ("Tất cả", "All"),
            Filter::Unseen => ("Chưa thẩm định", "Not appraised yet"),
            Filter::Different => ("Có chênh lệch", "Changed"),
            Filter::CommentOwed => ("Thiếu nhận xét", "Comment missing"),
        }
    }

    fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Unseen => "unseen",
            Filter::Different => "different",
            Filter::CommentOwed => "owed",
        }
    }
}

/// Which criteria (by index) the tree shows under `filter`: the leaves it keeps and
/// their parents. `None` shows everything.
pub fn shown(card: &Scorecard, framework: &Framework, filter: Filter) -> Option<Rc<[bool]>> {
    if filter == Filter::All {
        return None;
    }
    let owed = card.comments_owed();
    let mut keep: Vec<bool> = card.nodes.iter().map(|n| filter.keeps(n, &owed)).collect();
    keep.resize(framework.criteria.len(), false);
    // A child comes after its parent in framework order.
    for i in (0..keep.len()).rev() {
        if keep[i] {
            if let Some(p) = framework.criteria[i].parent {
                keep[p] = true;
            }
        }
    }
    Some(keep.into())
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub filter: UseStateHandle<Filter>,
}

/// The progress and the filter switches above the appraiser's tree.
#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let Some(card) = state
        .session
        .as_ref()
        .and_then(|s| s.score.scorecard.as_ref())
    else {
        return html! {};
    };
    let owed = card.comments_owed();
    let (done, all) = crate::model::appraisal_progress(card);
    let choice = |f: Filter| {
        let count = card.nodes.iter().filter(|n| f.keeps(n, &owed)).count();
        let handle = props.filter.clone();
        let onchange = Callback::from(move |_: Event| handle.set(f));
        let (vi, en) = f.label();
        html! {
            <label class="filter">
                <input type="radio" name="appraisal-filter" checked={*props.filter == f} {onchange}
                    data-testid={format!("filter-{}", f.key())} />
                { format!("{} ({count})", tr(lang, vi, en)) }
            </label>
        }
    };
    html! {
        <div class="appraisal-bar" data-testid="appraisal-bar">
            <p class="appraisal-progress" data-testid="appraisal-progress">
                { format!("{} {done}/{all}", tr(lang, "Đã thẩm định", "Appraised")) }
                <progress max={all.to_string()} value={done.to_string()} aria-hidden="true" />
            </p>
            <fieldset class="filters">
                <legend>{ tr(lang, "Hiện", "Show") }</legend>
                { for [Filter::All, Filter::Unseen, Filter::Different, Filter::CommentOwed].into_iter().map(choice) }
            </fieldset>
        </div>
    }
}
