//! The drafts on this device (start page): every assessment kept in this page's workspace,
//! newest first, with unit, year, framework, total and when it was last saved; open,
//! rename, duplicate, delete (to the bin); the bin, whose drafts can be restored and which
//! is emptied only on request. Also the question asked when a file or the example has the
//! unit and year of a stored draft (`Conflict`).

use super::Ctx;
use crate::files;
use crate::hooks::{reopen, use_ctx};
use crate::i18n::{tr, Lang};
use crate::platform;
use crate::state::{Action, Conflict};
use crate::storage::{self, Draft};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// `78,28 / 100 điểm`, or a dash before the first save of this build.
fn total(d: &Draft, lang: Lang) -> String {
    match d.stored.as_ref().ok().and_then(|s| s.total.as_ref()) {
        Some(t) => format!(
            "{} / {} {}",
            crate::model::decimal_shown(&t.points, lang),
            crate::model::decimal_shown(&t.max, lang),
            tr(lang, "điểm", "points")
        ),
        None => "—".into(),
    }
}

/// Where the appraisal of a received file stands (desk): *chưa thẩm định* (nothing
/// appraised), *đang thẩm định x/N*, *đã thẩm định* (every leaf but the survey's). Records
/// of earlier builds, which kept no count, are told apart by their appraisal section.
/// The documents a draft attaches, and how many of them were found missing or altered
/// when its dossier was opened: ` · 3 tệp (1 có vấn đề)`; empty without documents.
fn documents(d: &Draft, lang: Lang) -> String {
    let Ok(s) = d.stored.as_ref() else {
        return String::new();
    };
    let files = crate::dossier::files(&s.assessment).len();
    let bad = crate::dossier::problems(s.dossier.as_deref()).len();
    match (files, bad) {
        (0, 0) => String::new(),
        (n, 0) => format!(" · {n} {}", tr(lang, "tệp", "files")),
        (n, b) => format!(
            " · {n} {} ({b} {})",
            tr(lang, "tệp", "files"),
            tr(lang, "có vấn đề", "with problems")
        ),
    }
}

fn appraisal_status(d: &Draft, lang: Lang) -> Option<(String, &'static str)> {
    let s = d.stored.as_ref().ok()?;
    let counted = s.total.as_ref().and_then(|t| t.appraised);
    let begun = || {
        s.assessment
            .get("appraisal")
            .and_then(Value::as_object)
            .is_some_and(|a| !a.is_empty())
    };
    Some(match counted {
        Some((done, of)) if done > 0 && done >= of => {
            (tr(lang, "Đã thẩm định", "Appraised").to_string(), "done")
        }
        Some((done, of)) if done > 0 => (
            format!(
                "{} {done}/{of}",
                tr(lang, "Đang thẩm định", "Being appraised")
            ),
            "doing",
        ),
        None if begun() => (
            tr(lang, "Đang thẩm định", "Being appraised").to_string(),
            "doing",
        ),
        _ => (
            tr(lang, "Chưa thẩm định", "Not appraised").to_string(),
            "new",
        ),
    })
}

fn saved(d: &Draft, lang: Lang) -> String {
    platform::local_date_time(d.saved_at())
        .map(|t| format!("{} {t}", tr(lang, "lưu lúc", "saved")))
        .unwrap_or_default()
}

/// The unit, year and framework of a readable draft.
fn described(d: &Draft) -> Option<(String, i64, String)> {
    let s = d.stored.as_ref().ok()?;
    let (unit, year) = crate::model::unit_and_year(&s.assessment);
    let reference = s
        .assessment
        .get("framework")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Some((unit, year, reference))
}

/// What a draft's button does.
#[derive(Clone, Copy, PartialEq)]
enum Op {
    Open,
    Rename,
    Duplicate,
    /// To the bin.
    Delete,
    /// Out of the bin.
    Restore,
    /// An unreadable draft's text, as a file.
    Download,
}

/// Does `op` on a draft: writes what changes and lists it, or says beside the list why
/// not.
async fn run(state: Ctx, problem: UseStateHandle<Option<String>>, d: Draft, op: Op) {
    let lang = state.lang;
    let title = |d: &Draft| {
        let s = d.stored.as_ref().ok()?;
        Some(s.name.clone().unwrap_or_else(|| {
            let (unit, year) = crate::model::unit_and_year(&s.assessment);
            format!("{unit} — {year}")
        }))
    };
    let changed = match op {
        Op::Open => {
            if let Err(m) = reopen(&state, &d, None).await {
                let why: Vec<&str> = m.iter().map(|t| t.get(lang)).collect();
                problem.set(Some(why.join("; ")));
            }
            return;
        }
        Op::Download => {
            let _ = files::download("ban-nhap-hong.txt", "text/plain", &d.text);
            return;
        }
        Op::Rename => {
            let question = tr(lang, "Tên bản nháp:", "Draft name:");
            let Some(name) = platform::prompt(question, &title(&d).unwrap_or_default()) else {
                return;
            };
            let name = name.trim().to_string();
            d.edited(d.id.clone(), |o| {
                o.insert(
                    "name".into(),
                    Value::from((!name.is_empty()).then_some(name)),
                );
            })
        }
        Op::Duplicate => {
            let name = title(&d).map(|t| format!("{t} ({})", tr(lang, "bản sao", "copy")));
            d.edited(storage::new_id(), |o| {
                let now = platform::iso_now();
                o.insert("name".into(), Value::from(name));
                o.insert("created_at".into(), Value::from(now.clone()));
                o.insert("saved_at".into(), Value::from(now));
            })
        }
        Op::Delete => Some(d.in_bin(Some(platform::iso_now()))),
        Op::Restore => Some(d.in_bin(None)),
    };
    if let Some(next) = changed {
        match storage::write(&next).await {
            Ok(()) => state.dispatch(Action::Stored(next)),
            Err(e) => problem.set(Some(e.text().get(lang).to_string())),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    /// Shown above the list (the desk's "Mở hồ sơ đơn vị gửi").
    #[prop_or_default]
    pub top: Html,
}

/// Ranks every readable file of the desk's inbox (the live drafts of its workspace).
fn rank_received(state: &Ctx, received: Vec<Draft>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        let (state, received) = (state.clone(), received.clone());
        yew::platform::spawn_local(async move {
            let mut opened = Vec::new();
            for d in &received {
                opened.extend(crate::open::scored_draft(d, &state.custom_frameworks).await);
            }
            state.dispatch(Action::AddRanked(opened));
            state.dispatch(Action::Show(crate::state::Screen::Rank));
        });
    })
}

#[function_component(Drafts)]
pub fn drafts(props: &DraftsProps) -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let problem = use_state(|| None::<String>);
    let problem_ref = use_node_ref();
    {
        // A problem is shown where the person acted, and brought into view.
        let node = problem_ref.clone();
        use_effect_with((*problem).clone(), move |p| {
            if let (Some(_), Some(el)) = (p, node.cast::<web_sys::HtmlElement>()) {
                el.scroll_into_view();
                let _ = el.focus();
            }
        });
    }
    let Some(list) = state.drafts.clone() else {
        return html! {};
    };
    let (live, bin): (Vec<&Draft>, Vec<&Draft>) = list.iter().partition(|d| d.live());
    // The desk's inbox is always shown, with its "open" first.
    if live.is_empty() && bin.is_empty() && !crate::DESK {
        return html! {};
    }

    let row = |d: &Draft| -> Html {
        let button = |op: Op, label: (&'static str, &'static str), testid: &'static str| {
            let (state, problem, d) = (state.clone(), problem.clone(), d.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                let (state, problem, d) = (state.clone(), problem.clone(), d.clone());
                yew::platform::spawn_local(run(state, problem, d, op));
            });
            let class = (op == Op::Open).then_some("primary");
            html! { <button type="button" {class} {onclick} data-testid={testid}>{ tr(lang, label.0, label.1) }</button> }
        };
        let (what, testid) = match described(d) {
            Some((unit, year, reference)) => {
                let name = d.stored.as_ref().ok().and_then(|s| s.name.clone());
                let what = html! { <>
                    <strong>{ name.clone().unwrap_or_else(|| format!("{unit} — {year}")) }</strong>
                    if crate::DESK {
                        if let Some((label, class)) = appraisal_status(d, lang) {
                            <span class={classes!("inbox-status", class)} data-testid="draft-status">{ label }</span>
                        }
                    }
                    if name.is_some() { <span class="meta">{ format!("{unit} — {year}") }</span> }
                    <span class="meta">{ format!("{reference} · ") }<span data-testid="draft-total">{ total(d, lang) }</span>{ format!(" · {}", saved(d, lang)) }{ documents(d, lang) }</span>
                </> };
                (what, if d.live() { "draft" } else { "draft-binned" })
            }
            None => {
                // Unreadable: kept whole, can be downloaded or put in the bin.
                let reason = d.stored.as_ref().err().cloned().unwrap_or_default();
                let what = html! { <>
                    <strong>{ tr(lang, "Dữ liệu không đọc được", "Unreadable data") }</strong>
                    <span class="meta">{ format!("({reason})") }</span>
                </> };
                (what, "draft-unreadable")
            }
        };
        let readable = d.stored.is_ok();
        html! {
            <li class={classes!("draft", (!readable).then_some("unreadable"))} data-testid={testid}>
                <div class="what">{ what }</div>
                <div class="actions">
                    if readable && d.live() {
                        { button(Op::Open, ("Mở", "Open"), "draft-open") }
                        { button(Op::Rename, ("Đổi tên", "Rename"), "draft-rename") }
                        { button(Op::Duplicate, ("Nhân bản", "Duplicate"), "draft-duplicate") }
                    }
                    if !readable { { button(Op::Download, ("Tải về", "Download"), "draft-download") } }
                    if d.live() {
                        { button(Op::Delete, ("Xoá", "Delete"), "draft-delete") }
                    } else {
                        { button(Op::Restore, ("Khôi phục", "Restore"), "draft-restore") }
                    }
                </div>
            </li>
        }
    };

    let empty_bin = {
        let (state, problem) = (state.clone(), problem.clone());
        let ids: Vec<Rc<str>> = bin.iter().map(|d| d.id.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            let question = tr(
                state.lang,
                "Xoá hẳn mọi bản nháp trong thùng rác? Không thể hoàn tác.",
                "Erase every draft in the bin for good? This cannot be undone.",
            );
            if !platform::confirm(question) {
                return;
            }
            let (state, problem, ids) = (state.clone(), problem.clone(), ids.clone());
            yew::platform::spawn_local(async move {
                let mut erased = Vec::new();
                for id in ids {
                    match storage::erase(&id).await {
                        Ok(()) => erased.push(id),
                        Err(e) => problem.set(Some(e.text().get(state.lang).to_string())),
                    }
                }
                state.dispatch(Action::Erased(erased));
                // The documents no kept draft names any more go with them.
                if let Some(keep) = storage::files_in_use().await {
                    crate::dossier::keep_only(&keep).await;
                }
            });
        })
    };
    let heading = if crate::DESK {
        tr(
            lang,
            "Hồ sơ đã nhận trên máy này",
            "Files received on this device",
        )
    } else {
        tr(lang, "Hồ sơ trên máy này", "Assessments on this device")
    };
    html! {
        <section class="card drafts" data-testid="drafts">
            <h2>{ heading }</h2>
            if let Some(p) = (*problem).clone() {
                <p class="field-error" role="alert" tabindex="-1" ref={problem_ref}>{ p }</p>
            }
            { props.top.clone() }
            <ul class="draft-list">{ for live.iter().map(|d| row(d)) }</ul>
            if crate::DESK && live.len() > 1 {
                <p><button type="button" data-testid="rank-received"
                    onclick={rank_received(&state, live.iter().map(|d| (*d).clone()).collect())}>
                    { format!("{} ({})", tr(lang, "Xếp hạng các hồ sơ này", "Rank these files"), live.len()) }</button></p>
            }
            if !bin.is_empty() {
                <details class="bin" data-testid="bin">
                    <summary>{ format!("{} ({})", tr(lang, "Thùng rác", "Bin"), bin.len()) }</summary>
                    <ul class="draft-list">{ for bin.iter().map(|d| row(d)) }</ul>
                    <button type="button" onclick={empty_bin} data-testid="bin-empty">{ tr(lang, "Dọn sạch thùng rác", "Empty the bin") }</button>
                </details>
            }
        </section>
    }
}

/// The question when a file or the example has the unit and year of a stored draft:
/// keep both, replace the stored one (it goes to the bin), or cancel; with what differs.
#[function_component(ConflictDialog)]
pub fn conflict_dialog() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let open = state.conflict.is_some();
        use_effect_with(open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                    // In a site's frame as tall as the content, the site's page is
                    // scrolled to the question (it stands at the frame's top).
                    if crate::EMBED {
                        d.scroll_into_view();
                    }
                }
            }
        });
    }
    let Some(c) = state.conflict.clone() else {
        return html! {};
    };
    let Conflict {
        session,
        existing,
        diff,
    } = &*c;
    let (unit, year) = crate::model::unit_and_year(&session.tree());
    let new_total = session.score.scorecard.as_ref().map_or_else(
        || "—".to_string(),
        |card| {
            format!(
                "{} / {} {}",
                crate::i18n::num(card.total.points, lang),
                crate::i18n::num(card.total.max, lang),
                tr(lang, "điểm", "points")
            )
        },
    );
    // In the framework's order; codes it does not have last.
    let mut codes: Vec<&str> = session
        .framework
        .criteria
        .iter()
        .map(|c| c.code.as_str())
        .filter(|c| diff.codes.iter().any(|d| d == c))
        .collect();
    for d in &diff.codes {
        if !codes.contains(&d.as_str()) {
            codes.push(d);
        }
    }
    let listed = {
        let mut s = codes
            .iter()
            .take(12)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if codes.len() > 12 {
            s.push_str(", …");
        }
        s
    };
    let parts: Vec<&str> = diff
        .parts
        .iter()
        .map(|p| match p.as_str() {
            "framework" => tr(lang, "bộ chỉ số", "framework"),
            "bonus" => tr(lang, "điểm thưởng", "bonus"),
            "penalty" => tr(lang, "điểm trừ", "penalty"),
            other => other,
        })
        .collect();
    let open_as = |replace: bool| {
        let (state, c) = (state.clone(), c.clone());
        Callback::from(move |_: MouseEvent| {
            let (state, c) = (state.clone(), c.clone());
            yew::platform::spawn_local(async move {
                if replace {
                    let binned = c.existing.in_bin(Some(platform::iso_now()));
                    // A failure keeps both: nothing is lost either way.
                    if storage::write(&binned).await.is_ok() {
                        state.dispatch(Action::Stored(binned));
                    }
                }
                state.dispatch(Action::Open {
                    session: c.session.clone(),
                    notice: None,
                });
            });
        })
    };
    let cancel = super::send(&state, || Action::Conflict(None));
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::Conflict(None)))
    };
    html! {
        <dialog ref={dialog} class="conflict" data-testid="conflict" oncancel={on_cancel} aria-labelledby="conflict-title">
            <h2 id="conflict-title">{ format!("{} {unit} — {year}", tr(lang, "Đã có bản nháp của", "There is already a draft of")) }</h2>
            <dl>
                <dt>{ tr(lang, "Bản đã lưu", "Stored draft") }</dt>
                <dd data-testid="conflict-stored">{ format!("{} · {}", total(existing, lang), saved(existing, lang)) }</dd>
                <dt>{ tr(lang, "Bản vừa mở", "Just opened") }</dt>
                <dd data-testid="conflict-new">{ new_total }</dd>
                <dt>{ tr(lang, "Khác nhau", "Differences") }</dt>
                <dd data-testid="conflict-diff">
                    if !diff.codes.is_empty() {
                        { format!("{} {} {}: {}", diff.codes.len(), tr(lang, "tiêu chí", "criteria"), tr(lang, "có giá trị khác", "differ"), listed) }
                    }
                    if !parts.is_empty() {
                        { format!("{}{}: {}", if diff.codes.is_empty() { "" } else { "; " }, tr(lang, "và", "and"), parts.join(", ")) }
                    }
                </dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" onclick={open_as(false)} data-testid="conflict-keep-both">{ tr(lang, "Giữ cả hai", "Keep both") }</button>
                <button type="button" onclick={open_as(true)} data-testid="conflict-replace">{ tr(lang, "Thay bản đã lưu (bản cũ vào thùng rác)", "Replace the stored draft (the old one goes to the bin)") }</button>
                <button type="button" onclick={cancel} data-testid="conflict-cancel">{ tr(lang, "Huỷ", "Cancel") }</button>
            </div>
        </dialog>
    }
}
