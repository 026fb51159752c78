//! The printable report screen (*báo cáo*, A4): the report `parindex_core::report`
//! writes (the same HTML as `parindex score --format html`), with the print and CSV
//! buttons. Printing is refused while an appraised change lacks its comment. The print
//! stylesheet (`web/style.css`, `@media print`) hides the app around the report.

use crate::files;
use crate::hooks::use_ctx;
use crate::i18n::tr;
use crate::model;
use parindex_core::render::{scorecard_csv, scorecard_csv_sheet};
use parindex_core::report;
use yew::prelude::*;

#[function_component(Report)]
pub fn report() -> Html {
    let state = use_ctx();
    let lang = state.lang;
    let why = (
        "Chưa lập được báo cáo: xem các lỗi trong hồ sơ.",
        "No report yet: see the errors.",
    );
    let (session, card) = match super::scored(&state, why) {
        Ok(open) => open,
        Err(instead) => return instead,
    };
    let owed = card.comments_owed();
    let body = report::report(
        card,
        &session.framework,
        &report::notes_of(&session.tree(), lang),
        lang,
    );
    let print = Callback::from(|_| files::print());
    // Two CSVs: one for a spreadsheet as people open it (Vietnamese Excel: `;`, decimal
    // comma, totals), one for programs, byte for byte `parindex score --format csv
    // --explain`.
    let csv = |sheet: bool| {
        let card = card.clone();
        Callback::from(move |_| {
            let suffix = if sheet { "-bang-tinh.csv" } else { ".csv" };
            let name = model::export_name(&card.unit, card.year.into()).replace(".json", suffix);
            let text = if sheet {
                scorecard_csv_sheet(&card, lang)
            } else {
                scorecard_csv(&card, true, lang)
            };
            let _ = files::download_csv(&name, &text);
        })
    };
    let blocked = !owed.is_empty();
    html! {
        // While a comment is owed the report is not printed, even with the browser's own
        // print command: the print stylesheet shows only the reason.
        <div class={classes!("report", blocked.then_some("blocked"))} data-testid="report">
            <div class="no-print report-actions">
                <button type="button" class="primary" onclick={print} disabled={blocked} data-testid="print">{ tr(lang, "In báo cáo / Lưu PDF", "Print / save as PDF") }</button>
                { " " }<button type="button" onclick={csv(true)} data-testid="report-sheet">{ tr(lang, "Xuất bảng tính Excel (.csv)", "Export for Excel (.csv)") }</button>
                { " " }<button type="button" onclick={csv(false)} data-testid="report-csv">{ tr(lang, "Xuất CSV dữ liệu", "Export data CSV") }</button>
            </div>
            if blocked {
                <p class="field-error" role="alert" data-testid="print-blocked">{ format!("{} {}",
                    tr(lang, "Chưa in được: điểm thẩm định khác điểm tự chấm nhưng thiếu nhận xét ở tiêu chí", "Cannot print yet: appraised points differ from the self-assessed ones without a comment at"),
                    owed.join(", ")) }</p>
            }
            <div class="report-body">{ Html::from_html_unchecked(body.into()) }</div>
        </div>
    }
}
