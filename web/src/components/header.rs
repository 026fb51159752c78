//! The top bar: the app's name, whether it works offline, the language switch, and during
//! an assessment the unit, the live total, progress, the save state and the main actions.

use crate::files;
use crate::hooks::use_ctx;
use crate::i18n::{index, num, tr, Lang};
use crate::model::{export_name, export_text};
use crate::platform::Offline;
use crate::state::{Action, Mode, SaveState, Screen};
use parindex_core::rules::RuleKind;
use parindex_core::scorecard::Status;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    // Why the dossier was not exported, or what it left out: shown under the actions.
    let export_note = use_state(|| None::<String>);
    // The choice is kept, so the next visit opens in the same language.
    let set_lang = |l: Lang| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            crate::state::keep_lang(l);
            state.dispatch(Action::SetLang(l))
        })
    };
    let lang_switch = html! {
        <div class="lang" role="group" aria-label="Ngôn ngữ / Language">
            <button type="button" aria-pressed={(lang == Lang::Vi).to_string()} onclick={set_lang(Lang::Vi)} lang="vi">{ "Tiếng Việt" }</button>
            <button type="button" aria-pressed={(lang == Lang::En).to_string()} onclick={set_lang(Lang::En)} lang="en">{ "English" }</button>
        </div>
    };
    // Whether the page works with the network off, so that a person on a weak connection
    // knows when they may disconnect (`files::keep_for_offline`).
    let kept = match state.offline {
        Offline::Unknown => None,
        Offline::Ready => Some(("kept ok", "✓ Dùng được khi mất mạng", "✓ Works offline")),
        Offline::Missing => Some((
            "kept",
            "Chưa dùng được khi mất mạng: hãy để trang mở khi có mạng",
            "Not ready for offline use: keep this page open while online",
        )),
        Offline::Cannot => Some((
            "kept",
            "Trình duyệt không lưu được trang này để dùng khi mất mạng (cần địa chỉ https://, không dùng cửa sổ ẩn danh)",
            "This browser cannot keep this page for offline use (it needs an https:// address and a window that is not private)",
        )),
    }
    .map(|(class, vi, en)| html! { <span {class} data-testid="offline">{ tr(lang, vi, en) }</span> });
    let Some(session) = state.session.as_ref() else {
        return html! {
            <header class="top">
                <div class="brand">{ if crate::DESK { tr(lang, "Chỉ số CCHC — thẩm định, xếp hạng", "PAR Index — appraisal and ranking") } else { tr(lang, "Chỉ số CCHC — tự đánh giá", "PAR Index — self-assessment") } }</div>
                { kept }
                { lang_switch }
            </header>
        };
    };
    let (unit, year) = crate::model::unit_and_year(&session.tree());
    let total = session.score.scorecard.as_ref().map(|c| {
        let t = &c.total;
        let appraised = c.summary.appraised > 0;
        (
            num(t.points, lang),
            num(t.max, lang),
            index(t.index, lang),
            t.band
                .as_ref()
                .map(|b| b.get(lang).to_string())
                .unwrap_or_else(|| "—".into()),
            appraised.then(|| {
                format!(
                    "{} {}",
                    tr(
                        lang,
                        "theo điểm đơn vị tự chấm",
                        "with the unit's own points"
                    ),
                    num(c.self_total.points, lang)
                )
            }),
        )
    });
    // The appraiser follows the appraisal; the unit what it has filled in.
    let appraising = crate::DESK && state.mode == Mode::Appraiser;
    let (filled, own_leaves) = session.score.scorecard.as_ref().map_or((0, 0), |c| {
        if appraising {
            return crate::model::appraisal_progress(c);
        }
        let own: Vec<_> = c
            .nodes
            .iter()
            .filter(|n| n.kind.is_some_and(|k| k != RuleKind::Survey))
            .collect();
        (
            own.iter().filter(|n| n.status != Status::Missing).count(),
            own.len(),
        )
    });
    let save = match &state.save {
        SaveState::Idle => html! {},
        SaveState::Pending => {
            html! { <span class="save pending" data-testid="save-state">{ tr(lang, "Đang lưu…", "Saving…") }</span> }
        }
        SaveState::Saved(at) | SaveState::Stored(at) => html! {
            <span class="save ok" data-testid="save-state">{ format!("{} {at}", tr(lang, "Đã lưu lúc", "Saved at")) }</span>
        },
        SaveState::Failed(e) => {
            let why = e.text().get(lang).to_string();
            html! { <span class="save failed" role="alert" data-testid="save-state">{ format!("{} {why}", tr(lang, "CHƯA LƯU:", "NOT SAVED:")) }</span> }
        }
    };
    // Values the engine refuses are written as typed; the person is told where they are
    // first, and may still export.
    let may_export = |state: &super::Ctx, s: &crate::state::Session| {
        let errors = s.error_codes();
        errors.is_empty() || {
            let question = format!(
                "{} {}. {}",
                tr(
                    state.lang,
                    "Hồ sơ còn giá trị không hợp lệ ở tiêu chí",
                    "The assessment still has values that are not valid at"
                ),
                errors.join(", "),
                tr(
                    state.lang,
                    "Tệp xuất ra sẽ bị cơ quan thẩm định báo lỗi. Vẫn xuất?",
                    "The appraising body will find errors in the exported file. Export anyway?"
                )
            );
            crate::platform::confirm(&question)
        }
    };
    let export = {
        let state = state.clone();
        let name = export_name(&unit, year);
        Callback::from(move |_| {
            if let Some(s) = state.session.as_ref().filter(|s| may_export(&state, s)) {
                let _ = files::download(&name, "application/json", &export_text(&s.tree()));
            }
        })
    };
    // The dossier: the assessment, its documents, and one more history entry (who, when,
    // the totals, what changed since the last export), kept with the draft once written.
    let export_zip = {
        let (state, note) = (state.clone(), export_note.clone());
        let name = export_name(&unit, year).replace(".json", ".zip");
        Callback::from(move |_| {
            let Some(s) = state.session.as_ref().filter(|s| may_export(&state, s)) else {
                return;
            };
            let tree = s.tree().clone();
            let role = if appraising { "appraiser" } else { "unit" };
            let at = crate::platform::iso_now();
            let next = crate::dossier::exported(
                s.meta.dossier.as_deref(),
                &tree,
                s.score.scorecard.as_ref(),
                role,
                &at,
            );
            let history = crate::dossier::history(Some(&next)).to_vec();
            let (state, note, name) = (state.clone(), note.clone(), name.clone());
            note.set(Some(
                tr(state.lang, "Đang ghi hồ sơ…", "Writing the dossier…").to_string(),
            ));
            yew::platform::spawn_local(async move {
                let lang = state.lang;
                match crate::dossier::save(&name, &tree, &history).await {
                    Ok(left) => {
                        note.set((!left.is_empty()).then(|| format!("{} {}", tr(lang, "Đã xuất hồ sơ, thiếu các tệp không có trong trình duyệt này:", "Dossier exported without the files this browser does not hold:"), left.join(", "))));
                        state.dispatch(Action::Dossier(std::rc::Rc::new(next)));
                    }
                    Err(m) => note.set(Some(format!(
                        "{} {}",
                        tr(
                            lang,
                            "Chưa xuất được hồ sơ:",
                            "The dossier was not exported:"
                        ),
                        super::joined(&m, lang)
                    ))),
                }
            });
        })
    };
    let show = |s: Screen| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Show(s)))
    };
    let set_mode = |m: Mode| {
        let state = state.clone();
        Callback::from(move |_| {
            crate::state::keep_role(m);
            state.dispatch(Action::SetMode(m));
            state.dispatch(Action::Show(Screen::Assess));
        })
    };
    let close = super::send(&state, || Action::Close);
    html! {
        <header class="top">
            <div class="brand">{ tr(lang, "Chỉ số CCHC", "PAR Index") }</div>
            <div class="unit">
                <strong data-testid="unit">{ format!("{unit} — {year}") }</strong>
                <span class="fw">{ session.framework.reference() }</span>
            </div>
            if let Some((points, max, idx, band, own)) = total {
                <div class="score" aria-live="polite">
                    <span><span class="k">{ tr(lang, "Tổng điểm", "Total") }</span>
                        <span data-testid="total-points">{ points }</span>{ " / " }<span data-testid="total-max">{ max }</span></span>
                    <span><span class="k">{ tr(lang, "Chỉ số", "Index") }</span><span data-testid="total-index">{ idx }</span></span>
                    <span><span class="k">{ tr(lang, "Xếp loại", "Band") }</span><span data-testid="total-band">{ band }</span></span>
                    if let Some(o) = own { <span class="own" title={tr(lang, "Điểm các tiêu chí do đơn vị tự chấm; điều tra XHH, điểm thưởng, điểm trừ như tổng điểm", "The criteria as the unit scored them; survey, bonus and penalty as in the total")}><span class="k">{ tr(lang, "sau thẩm định; ", "as appraised; ") }</span>{ o }</span> }
                </div>
            }
            <div class="progress" data-testid="progress">
                { format!("{} {filled}/{own_leaves}", if appraising { tr(lang, "Đã thẩm định", "Appraised") } else { tr(lang, "Đã nhập", "Filled") }) }
                <progress max={own_leaves.to_string()} value={filled.to_string()} aria-label={tr(lang, "Tiến độ nhập liệu", "Progress")} />
            </div>
            { kept }
            { save }
            <nav class="actions" aria-label={tr(lang, "Thao tác", "Actions")}>
                <button type="button" aria-current={(state.screen == Screen::Assess).then_some("page")} onclick={show(Screen::Assess)} data-testid="to-assess">{ tr(lang, "Đánh giá", "Assessment") }</button>
                <button type="button" aria-current={(state.screen == Screen::Summary).then_some("page")} onclick={show(Screen::Summary)} data-testid="to-summary">{ tr(lang, "Tổng hợp", "Summary") }</button>
                <button type="button" aria-current={(state.screen == Screen::Report).then_some("page")} onclick={show(Screen::Report)} data-testid="to-report">{ tr(lang, "Báo cáo", "Report") }</button>
                if crate::DESK {
                <button type="button" aria-current={(state.screen == Screen::Compare).then_some("page")} onclick={show(Screen::Compare)} data-testid="to-compare">{ tr(lang, "So sánh", "Compare") }</button>
                <button type="button" aria-current={(state.screen == Screen::Rank).then_some("page")} onclick={show(Screen::Rank)} data-testid="to-rank">{ tr(lang, "Xếp hạng", "Ranking") }</button>
                }
                <button type="button" onclick={super::send(&state, || Action::Undo)} disabled={state.readonly || !session.can_undo()} data-testid="undo"
                    title={tr(lang, "Hoàn tác thao tác vừa làm", "Undo the last edit")}>{ tr(lang, "↶ Hoàn tác", "↶ Undo") }</button>
                <button type="button" onclick={export_zip} data-testid="export-zip"
                    title={tr(lang, "Kết quả tự đánh giá cùng các tệp tài liệu kiểm chứng, một tệp .zip", "The assessment with its evidence files, one .zip file")}>{ tr(lang, "Xuất hồ sơ (.zip)", "Export dossier (.zip)") }</button>
                <button type="button" onclick={export} data-testid="export">{ tr(lang, "Xuất tệp .json", "Export .json") }</button>
                <button type="button" onclick={close} data-testid="to-start">{ tr(lang, "Trang đầu", "Start page") }</button>
            </nav>
            if let Some(n) = (*export_note).clone() { <p class="export-note" role="status" data-testid="export-note">{ n }</p> }
            if crate::DESK {
            <div class="role" role="group" aria-labelledby="role-label">
                <span id="role-label" class="k">{ tr(lang, "Vai trò", "Role") }</span>
                <button type="button" aria-pressed={(state.mode == Mode::Unit).to_string()} onclick={set_mode(Mode::Unit)} data-testid="mode-unit">{ tr(lang, "Đơn vị", "Unit") }</button>
                <button type="button" aria-pressed={(state.mode == Mode::Appraiser).to_string()} onclick={set_mode(Mode::Appraiser)} data-testid="mode-appraiser">{ tr(lang, "Thẩm định", "Appraiser") }</button>
            </div>
            }
            { lang_switch }
        </header>
    }
}
