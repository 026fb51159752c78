//! The dossier on the summary (*hồ sơ điện tử*): the documents attached and the space they
//! use in the browser, what was found wrong with a received dossier's files (by path, the
//! criterion's code in it; each is also marked on its leaf), and the history of its
//! exports as a timeline (*tự đánh giá → thẩm định → giải trình → thẩm định lại*).

use super::Ctx;
use crate::dossier;
use crate::i18n::tr;
use yew::prelude::*;

/// The space this site uses and may use, and whether it is kept for good: read by the
/// summary (`dossier::space`) once it shows documents.
pub type Space = Option<(u64, u64, bool)>;

/// Whether the open draft attaches documents (the summary then asks for the space).
pub fn has_files(state: &Ctx) -> bool {
    state
        .session
        .as_ref()
        .is_some_and(|s| !dossier::files(&s.tree()).is_empty())
}

/// The summary's dossier section; nothing for a draft without documents or history.
pub fn panel(state: &Ctx, space: Space) -> Html {
    let lang = state.lang;
    let (files, meta) = state.session.as_ref().map_or((Vec::new(), None), |s| {
        (dossier::files(&s.tree()), s.meta.dossier.clone())
    });
    let any = !files.is_empty();
    let meta = meta.as_deref();
    let history = dossier::history(meta);
    let problems = dossier::problems(meta);
    if !any && history.is_empty() && problems.is_empty() {
        return html! {};
    }
    let size: u64 = files.iter().filter_map(|f| f["size"].as_u64()).sum();
    // Written as markup text (no links or controls here): far smaller than the same
    // markup as components on the units' first visit.
    use parindex_core::report::escape;
    let mut out = format!(
        "<section class=\"dossier\" data-testid=\"dossier\"><h2>{}</h2>",
        tr(lang, "Hồ sơ điện tử", "The dossier")
    );
    if any {
        out += &format!(
            "<p data-testid=\"dossier-files\">{} {} {}, {}</p>",
            tr(
                lang,
                "Tài liệu kiểm chứng đính kèm:",
                "Evidence files attached:"
            ),
            files.len(),
            tr(lang, "tệp", "files"),
            dossier::size(size, lang)
        );
    }
    if let Some((used, quota, kept)) = space {
        out += &format!(
            "<p class=\"hint\" data-testid=\"storage-space\">{} {}, {} {}. {}</p>",
            tr(
                lang,
                "Bộ nhớ trình duyệt của trang này: đã dùng",
                "This site's browser storage: used"
            ),
            dossier::size(used, lang),
            tr(lang, "còn trống khoảng", "free about"),
            dossier::size(quota.saturating_sub(used), lang),
            if kept {
                tr(
                    lang,
                    "Trình duyệt giữ lâu dài dữ liệu này.",
                    "The browser keeps it for good.",
                )
            } else {
                tr(lang, "Trình duyệt có thể xoá khi máy thiếu chỗ: hãy xuất hồ sơ (.zip) thường xuyên.", "The browser may clear it when the device runs short of space: export the dossier (.zip) often.")
            }
        );
    }
    if !problems.is_empty() {
        out += &format!(
            "<div class=\"field-error\" role=\"alert\" data-testid=\"dossier-problems\"><p>{}</p><ul>",
            tr(lang, "Tệp có vấn đề khi mở hồ sơ (thiếu, bị thay đổi hoặc không có trong danh mục):", "Files with problems when the dossier was opened (missing, altered or not listed):")
        );
        for (entry, text) in &problems {
            out += &format!("<li>{}: {}</li>", escape(entry), escape(text.get(lang)));
        }
        out += "</ul></div>";
    }
    if !history.is_empty() {
        out += &format!(
            "<h3>{}</h3><ol class=\"timeline\" data-testid=\"history\">",
            tr(lang, "Lịch sử hồ sơ", "History")
        );
        for (i, e) in history.iter().enumerate() {
            let when = e["at"]
                .as_str()
                .and_then(crate::platform::local_date_time)
                .unwrap_or_default();
            let total = match (e["total"]["points"].as_str(), e["total"]["max"].as_str()) {
                (Some(p), Some(m)) => format!(" · {} {p} / {m}", tr(lang, "tổng", "total")),
                _ => String::new(),
            };
            let total = if lang == crate::i18n::Lang::Vi {
                total.replace('.', ",")
            } else {
                total
            };
            out += &format!(
                "<li data-testid=\"history-entry\"><strong>{} {} — {}</strong> · {when}{}<div class=\"hint\">{}</div></li>",
                tr(lang, "Lần", "Round"),
                i + 1,
                dossier::round_name(history, i).get(lang),
                escape(&total),
                escape(&dossier::changes_words(&e["changes"], lang))
            );
        }
        out += "</ol>";
    }
    out += "</section>";
    Html::from_html_unchecked(out.into())
}
