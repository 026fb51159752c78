//! Messages the person must see: a draft restored, a draft that cannot be read, a file
//! that could not be opened, a save that failed (with a backup download).

use crate::files;
use crate::hooks::use_ctx;
use crate::i18n::tr;
use crate::model::{export_name, export_text};
use crate::state::{Action, Notice, SaveState};
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let dismiss = |i: usize| super::send(&state, move || Action::Dismiss(i));
    let items = state.notices.iter().enumerate().map(|(i, n)| match n {
        Notice::Restored { saved_at } => html! {
            <div class="notice info" role="status" data-testid="notice-restored">
                { tr(lang, "Đã khôi phục bản nháp được lưu tự động", "Your autosaved draft was restored") }
                { crate::platform::local_date_time(saved_at).map(|t| format!(" ({t})")).unwrap_or_default() }
                <button type="button" onclick={dismiss(i)} aria-label={tr(lang, "Đóng thông báo", "Dismiss")}>{ "×" }</button>
            </div>
        },
        Notice::Unreadable { raw, reason } => {
            let raw = raw.clone();
            let save = Callback::from(move |_| {
                let _ = files::download("ban-nhap-hong.txt", "text/plain", &raw);
            });
            html! {
                <div class="notice warn" role="alert" data-testid="notice-corrupt">
                    <p>{ tr(lang,
                        "Bản nháp đang mở lần trước không đọc được nên chưa mở. Dữ liệu KHÔNG bị xoá: nó nằm trong danh sách hồ sơ ở trang đầu (\"không đọc được\") và có thể tải về. ",
                        "The draft open last time could not be read, so it was not opened. It was NOT deleted: it is in the list on the start page (\"unreadable\") and can be downloaded. ") }
                    <small>{ format!("({reason})") }</small></p>
                    <button type="button" onclick={save}>{ tr(lang, "Tải dữ liệu này về", "Download this data") }</button>
                    <button type="button" onclick={dismiss(i)}>{ tr(lang, "Đã hiểu", "Understood") }</button>
                </div>
            }
        }
        Notice::OpenFailed { file, messages } => html! {
            <div class="notice error" role="alert" data-testid="notice-open-failed">
                <p>{ format!("{} {file}", tr(lang, "Không mở được tệp", "Could not open")) }</p>
                <ul>{ for messages.iter().map(|m| html! { <li>{ m.get(lang) }</li> }) }</ul>
                <button type="button" onclick={dismiss(i)}>{ tr(lang, "Đóng", "Close") }</button>
            </div>
        },
    });
    let failed = matches!(state.save, SaveState::Failed(_));
    let backup = state.session.as_ref().filter(|_| failed).map(|_| {
        let state = state.clone();
        let download = Callback::from(move |_| {
            if let Some(s) = state.session.as_ref() {
                let tree = s.tree();
                let (unit, year) = crate::model::unit_and_year(&tree);
                let _ = files::download(&export_name(&unit, year), "application/json", &export_text(&tree));
            }
        });
        html! {
            <div class="notice error" role="alert" data-testid="notice-save-failed">
                <p>{ tr(lang,
                    "Không lưu được vào trình duyệt (bộ nhớ đầy hoặc bị chặn). Hãy tải bản sao lưu để không mất dữ liệu.",
                    "Saving in the browser failed (storage full or blocked). Download a backup so nothing is lost.") }</p>
                <button type="button" onclick={download} data-testid="backup">{ tr(lang, "Tải bản sao lưu (.json)", "Download a backup (.json)") }</button>
            </div>
        }
    });
    html! { <div class="notices">{ for items }{ for backup }</div> }
}
