//! The printable report (*báo cáo*) as HTML: the standard table *Bảng tổng hợp kết quả
//! tự đánh giá, chấm điểm* — code, title, max, self points, appraised points, evidence
//! references and, for every lost point, why — the appraisal's changes, and the field
//! summary with its chart (SVG), as an administrative paper (letterhead, signature
//! blocks). The app shows it (its stylesheet prints it on A4) and
//! `parindex score --format html` writes it as a document of its own.
//!
//! Pure string building: every text from a file is escaped, so markup in a unit name, a
//! title or a comment is shown, never run.

use crate::date::Date;
use crate::decimal::human;
use crate::diagnostic::{tr, Lang};
use crate::format::{band_text, index_text, Column};
use crate::framework::Framework;
use crate::scorecard::{Scorecard, Total};
use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt::Write;

/// Text made safe to place in HTML, in content or in a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What an assessment file says about a leaf besides its inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeafNotes {
    /// The unit's evidence references (`05/KH-UBND (25/01/2022)`).
    pub evidence: Vec<String>,
    /// The appraiser's comment.
    pub comment: String,
    /// The unit's explanation (*giải trình*).
    pub justification: String,
}

/// The notes of an assessment's leaves, by code: a short list, searched in order (a
/// map type would cost the browser bundle more than it saves).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes(Vec<(String, LeafNotes)>);

impl Notes {
    pub fn get(&self, code: &str) -> Option<&LeafNotes> {
        self.0.iter().find(|(c, _)| c == code).map(|(_, n)| n)
    }

    fn entry(&mut self, code: &str) -> &mut LeafNotes {
        let at = match self.0.iter().position(|(c, _)| c == code) {
            Some(at) => at,
            None => {
                self.0.push((code.to_string(), LeafNotes::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }
}

/// The notes of every leaf of an assessment tree, read leniently (a draft may still
/// hold mistakes; what cannot be read is left out).
pub fn notes_of(tree: &Value, lang: Lang) -> Notes {
    let mut notes = Notes::default();
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    for section in ["self", "appraisal"] {
        let Some(entries) = tree.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (code, entry) in entries {
            let n = notes.entry(code);
            if section == "appraisal" {
                n.comment = text(entry, "comment");
                continue;
            }
            n.justification = text(entry, "explanation");
            for e in entry
                .get("evidence")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (reference, date, title) = (text(e, "ref"), text(e, "date"), text(e, "title"));
                let date = Date::parse(&date).map(|d| d.human(lang)).unwrap_or(date);
                // An item naming only its attached document is listed by the file's name.
                let file = e.get("file").map(|f| text(f, "name")).unwrap_or_default();
                let item = match (reference.is_empty(), date.is_empty()) {
                    (false, false) => format!("{reference} ({date})"),
                    (false, true) => reference,
                    _ if title.is_empty() => file,
                    _ => title,
                };
                if !item.is_empty() {
                    n.evidence.push(item);
                }
            }
        }
    }
    notes
}

/// A change for people: `+0,5`, `−1`, `0`.
pub fn signed(d: Decimal, lang: Lang) -> String {
    if d > Decimal::ZERO {
        format!("+{}", human(d, lang))
    } else {
        human(d, lang).replace('-', "−")
    }
}

/// `s` cut to `width` characters, the cut marked with `…` (chart labels).
pub fn cut(s: &str, width: usize) -> String {
    if s.chars().count() > width {
        s.chars().take(width - 1).chain(['…']).collect()
    } else {
        s.to_string()
    }
}

/// Per-field points as horizontal bars (SVG).
pub fn field_chart(card: &Scorecard, lang: Lang) -> String {
    const ROW: usize = 34;
    const LABEL: usize = 310;
    const BAR: usize = 300;
    let fields: Vec<_> = card
        .nodes
        .iter()
        .filter(|n| !n.code.contains('.'))
        .collect();
    let height = ROW * fields.len() + 10;
    let mut out = format!(
        r#"<svg class="bars" role="img" viewBox="0 0 {} {height}" width="100%" aria-label="{}">"#,
        LABEL + BAR + 140,
        tr(
            lang,
            "Biểu đồ điểm theo lĩnh vực",
            "Chart of points by field"
        )
    );
    for (i, n) in fields.iter().enumerate() {
        // Shares in decimals too: no float formatting in the bundle.
        let share = if n.max > Decimal::ZERO {
            n.points / n.max
        } else {
            Decimal::ZERO
        };
        let pct = human((share * Decimal::ONE_HUNDRED).round_dp(1), lang);
        let width = (share * Decimal::from(BAR)).round_dp(1);
        let y = i * ROW + 5;
        let title = escape(&format!("{}. {}", n.code, n.title.get(lang)));
        let value = format!(
            "{} / {} ({pct}%)",
            human(n.points, lang),
            human(n.max, lang)
        );
        let _ = write!(
            out,
            r#"<g class="bar-row" data-code="{code}"><title>{title}: {value}</title><text x="0" y="{ty}" class="bar-label">{short}</text><rect x="{LABEL}" y="{ry}" width="{BAR}" height="16" rx="3" class="bar-bg"/><rect x="{LABEL}" y="{ry}" width="{width}" height="16" rx="3" class="bar-fill"/><text x="{vx}" y="{ty}" class="bar-value">{value}</text></g>"#,
            code = escape(&n.code),
            short = escape(&cut(&format!("{}. {}", n.code, n.title.get(lang)), 44)),
            ty = y + 17,
            ry = y + 5,
            vx = LABEL + BAR + 8,
        );
    }
    out.push_str("</svg>");
    out
}

fn row(out: &mut String, attrs: &str, cells: &[(&str, String)]) {
    let _ = write!(out, "<tr{attrs}>");
    for (class, text) in cells {
        if class.is_empty() {
            let _ = write!(out, "<td>{text}</td>");
        } else {
            let _ = write!(out, r#"<td class="{class}">{text}</td>"#);
        }
    }
    out.push_str("</tr>");
}

/// A table's heading row, and the opening of its body.
fn head(out: &mut String, cells: &[&str]) {
    out.push_str("<thead><tr>");
    for c in cells {
        let _ = write!(out, "<th>{c}</th>");
    }
    out.push_str("</tr></thead><tbody>");
}

/// The appraisal beside the self-assessment: both totals, and every leaf the appraisal
/// changed, largest change first, with the appraiser's comment and the unit's answer.
/// Empty when nothing was appraised.
pub fn differences(card: &Scorecard, notes: &Notes, lang: Lang) -> String {
    if card.summary.appraised == 0 {
        return String::new();
    }
    let mut out = format!(
        r#"<section class="differences" data-testid="differences"><h2>{}</h2><p data-testid="appraisal-totals">{} {} · {} {} · {} {}</p><table>"#,
        tr(
            lang,
            "Thẩm định so với tự đánh giá",
            "Appraisal against the self-assessment"
        ),
        tr(lang, "Tự đánh giá:", "Self-assessed:"),
        human(card.self_total.points, lang),
        tr(lang, "Thẩm định:", "Appraised:"),
        human(card.total.points, lang),
        tr(lang, "Chênh lệch:", "Change:"),
        signed(card.total.points - card.self_total.points, lang),
    );
    head(
        &mut out,
        &[
            Column::Code.short(lang),
            Column::Criterion.short(lang),
            Column::SelfPoints.short(lang),
            Column::Points.short(lang),
            tr(lang, "Chênh lệch", "Change"),
            tr(lang, "Nhận xét, giải trình", "Comment, explanation"),
        ],
    );
    let none = LeafNotes::default();
    for (n, change) in card.differences() {
        let note = notes.get(&n.code).unwrap_or(&none);
        let mut said = escape(&note.comment);
        if !note.justification.is_empty() {
            let _ = write!(
                said,
                r#"<div class="advice">{} {}</div>"#,
                tr(lang, "Giải trình:", "Explanation:"),
                escape(&note.justification)
            );
        }
        row(
            &mut out,
            &format!(r#" data-code="{}""#, escape(&n.code)),
            &[
                ("", escape(&n.code)),
                ("", escape(n.title.get(lang))),
                ("num", human(n.self_points, lang)),
                ("num", human(n.points, lang)),
                ("num", format!("<strong>{}</strong>", signed(change, lang))),
                ("", said),
            ],
        );
    }
    out.push_str("</tbody></table></section>");
    out
}

/// The whole report: heading, totals, the standard table, the appraisal's changes and
/// the field summary with its chart.
pub fn report(card: &Scorecard, framework: &Framework, notes: &Notes, lang: Lang) -> String {
    let appraised = card.summary.appraised > 0;
    // Before appraisal the unit reports (its name heads the paper); once appraised the
    // paper is the appraisal's, issued by the appraising body, whose name is written in.
    let mut out = String::new();
    let issuer = if appraised {
        "……………………………".to_string()
    } else {
        escape(&card.unit)
    };
    letterhead(&mut out, &issuer, lang);
    out.push_str(r#"<header class="report-head">"#);
    if appraised {
        let _ = write!(
            out,
            "<h1>{} {}</h1>",
            tr(
                lang,
                "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM",
                "APPRAISAL OF THE PUBLIC ADMINISTRATION REFORM INDEX"
            ),
            card.year
        );
    }
    let _ = write!(
        out,
        r#"<p class="unit">{}</p><h{level}>{}</h{level}><p>{} {} · {} ({})</p>"#,
        escape(&card.unit),
        tr(
            lang,
            "BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
            "SUMMARY OF SELF-ASSESSMENT AND SCORING RESULTS"
        ),
        tr(
            lang,
            "Chỉ số cải cách hành chính năm",
            "Public Administration Reform Index"
        ),
        card.year,
        escape(framework.title.get(lang)),
        escape(&card.framework),
        level = if appraised { 2 } else { 1 },
    );
    if !framework.official {
        let _ = write!(
            out,
            r#"<p class="hint">{}</p>"#,
            tr(
                lang,
                "Khung mẫu, không phải bộ chỉ số chính thức.",
                "A template framework, not an official one."
            )
        );
    }
    out.push_str(r#"</header><table class="totals-table" data-testid="report-totals">"#);
    head(
        &mut out,
        &[
            "",
            Column::Total.short(lang),
            Column::Max.short(lang),
            Column::Index.short(lang),
            Column::Band.short(lang),
        ],
    );
    let mut total = |label: &str, t: &Total| {
        row(
            &mut out,
            "",
            &[
                ("", label.to_string()),
                ("num", human(t.points, lang)),
                ("num", human(t.max, lang)),
                ("num", index_text(t.index, lang)),
                ("", escape(&band_text(t.band.as_ref(), lang))),
            ],
        )
    };
    total(tr(lang, "Tự đánh giá", "Self-assessed"), &card.self_total);
    if appraised {
        total(tr(lang, "Thẩm định", "Appraised"), &card.total);
    }
    let _ = write!(
        out,
        "</tbody></table><p>{} {} · {} {} · {}</p>",
        tr(lang, "Điểm thưởng", "Bonus"),
        signed(card.bonus, lang),
        tr(lang, "điểm trừ", "penalty"),
        signed(-card.penalty, lang),
        if card.complete {
            tr(lang, "hồ sơ đầy đủ", "complete")
        } else {
            tr(lang, "hồ sơ CHƯA đầy đủ", "INCOMPLETE")
        }
    );
    out.push_str(r#"<table class="report-table" data-testid="report-table">"#);
    // Before appraisal the appraisal's column would be empty: it is left out.
    let mut columns = vec![
        Column::Code.full(lang),
        Column::Criterion.full(lang),
        Column::Max.full(lang),
        Column::SelfPoints.full(lang),
        Column::Points.full(lang),
        Column::Evidence.full(lang),
        tr(lang, "Giải thích điểm bị trừ", "Why points were lost"),
    ];
    if !appraised {
        columns.remove(4);
    }
    head(&mut out, &columns);
    let none = LeafNotes::default();
    for n in &card.nodes {
        let leaf = n.kind.is_some();
        let note = notes.get(&n.code).filter(|_| leaf).unwrap_or(&none);
        // Why points were lost: the engine's explanation, the appraiser's comment (when
        // the explanation does not already quote it) and the unit's answer.
        let mut why = String::new();
        if leaf && n.points < n.max {
            let explained = n.explanation.as_ref().map(|e| e.get(lang)).unwrap_or("");
            if !explained.is_empty() {
                let _ = write!(why, "<p>{}</p>", escape(explained));
            }
            if !note.comment.is_empty() && !explained.contains(note.comment.as_str()) {
                let _ = write!(
                    why,
                    "<p>{} {}</p>",
                    tr(lang, "Nhận xét thẩm định:", "Appraiser:"),
                    escape(&note.comment)
                );
            }
            if !note.justification.is_empty() {
                let _ = write!(
                    why,
                    "<p>{} {}</p>",
                    tr(lang, "Giải trình:", "Explanation:"),
                    escape(&note.justification)
                );
            }
        }
        let depth = crate::code::depth(&n.code).min(3);
        // The criterion's place in the issued text, under its title, when the framework
        // gives one.
        let cited = framework
            .criterion(&n.code)
            .and_then(|(_, c)| c.reference.as_ref())
            .map(|r| {
                format!(
                    r#"<br><small class="ref">{}</small>"#,
                    escape(r.text().get(lang))
                )
            })
            .unwrap_or_default();
        let class = if leaf {
            format!("d{depth}")
        } else {
            format!("d{depth} parent")
        };
        let mut cells = vec![
            ("", escape(&n.code)),
            ("", escape(n.title.get(lang)) + &cited),
            ("num", human(n.max, lang)),
            ("num", human(n.self_points, lang)),
            ("num", human(n.points, lang)),
            ("ev", escape(&note.evidence.join("; "))),
            ("lost", why),
        ];
        if !appraised {
            cells.remove(4);
        }
        row(
            &mut out,
            &format!(r#" class="{class}" data-code="{}""#, escape(&n.code)),
            &cells,
        );
    }
    out.push_str("</tbody></table>");
    out.push_str(&differences(card, notes, lang));
    let _ = write!(
        out,
        r#"<section class="fields-summary"><h2>{}</h2>{}</section>"#,
        tr(lang, "Tổng hợp theo lĩnh vực", "Summary by field"),
        field_chart(card, lang)
    );
    if appraised {
        signatures(
            &mut out,
            tr(lang, "NGƯỜI THẨM ĐỊNH", "APPRAISER"),
            tr(
                lang,
                "THỦ TRƯỞNG CƠ QUAN THẨM ĐỊNH",
                "HEAD OF THE APPRAISING BODY",
            ),
            lang,
        );
    } else {
        signatures(
            &mut out,
            tr(lang, "NGƯỜI LẬP BIỂU", "PREPARED BY"),
            tr(lang, "THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE UNIT"),
            lang,
        );
    }
    out
}

/// The heading of an administrative document (the layout of Nghị định 30/2020/NĐ-CP):
/// the issuing body and the number on the left; the national title (*Quốc hiệu*, *Tiêu
/// ngữ*) and place and date on the right. Number, place and date are dotted blanks,
/// filled in when the paper is signed (the core reads no clock). `issuer` is markup
/// (escape what comes from a file).
pub fn letterhead(out: &mut String, issuer: &str, lang: Lang) {
    let _ = write!(
        out,
        r#"<div class="letterhead"><div class="issuer"><p class="body">{issuer}</p><p>{}</p></div><div class="nation"><p class="title">{}</p><p class="motto">{}</p><p class="place">{}</p></div></div>"#,
        tr(lang, "Số: ……/……", "No.: ……/……"),
        tr(
            lang,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIETNAM"
        ),
        tr(
            lang,
            "Độc lập - Tự do - Hạnh phúc",
            "Independence - Freedom - Happiness"
        ),
        tr(lang, "……………, ngày …… tháng …… năm ……", "……………, date ……………"),
    );
}

/// The two signature blocks under the report (and the printed ranking): who prepared it,
/// and who signs for the body (with its seal).
pub fn signatures(out: &mut String, left: &str, right: &str, lang: Lang) {
    let _ = write!(
        out,
        r#"<div class="signatures"><div><p class="role">{left}</p><p class="how">{}</p></div><div><p class="role">{right}</p><p class="how">{}</p></div></div>"#,
        tr(lang, "(Ký, ghi rõ họ tên)", "(Signature and full name)"),
        tr(lang, "(Ký tên, đóng dấu)", "(Signature and seal)"),
    );
}

/// The stylesheet of a report printed on its own (the app has it in `web/style.css`).
const DOCUMENT_CSS: &str = "body{font:10pt/1.4 'Noto Sans','DejaVu Sans',sans-serif;color:#111;margin:0}\
@page{size:A4;margin:14mm 12mm}table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:.5rem 0}\
th,td{border:1px solid #999;padding:2px 4px;text-align:left;vertical-align:top}th,tr.d0 td{background:#eee}\
td.num{text-align:right;white-space:nowrap}tr.parent td{font-weight:700}thead{display:table-header-group}\
tr,svg{break-inside:avoid}.lost p{margin:0 0 2px}.report-head{text-align:center}.report-head h1{font-size:13pt;margin:4px 0}\
.report-head .unit{font-weight:700;text-transform:uppercase;margin:0}.totals-table{width:auto}.hint{color:#555}\
.advice{color:#555}.bar-label,.bar-value{font-size:12px;fill:#111}.bar-bg{fill:#e5e5e5}.bar-fill{fill:#0b5cad}\
.report-table .ev{width:16%}.report-table .lost{width:30%}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}\
.letterhead{display:flex;justify-content:space-between;gap:1rem;text-align:center;margin-bottom:.75rem}.letterhead p{margin:0}\
.letterhead .body,.letterhead .title{font-weight:700;text-transform:uppercase}.letterhead .motto{font-weight:700;text-decoration:underline}\
.letterhead .place{font-style:italic;margin-top:.35rem}.signatures{display:flex;justify-content:space-around;text-align:center;margin-top:1rem;break-inside:avoid}\
.signatures .role{font-weight:700;margin:0}.signatures .how{font-style:italic;margin:0 0 4rem}\
@page{@bottom-right{content:counter(page) \"/\" counter(pages);font-size:8pt}}";

/// The report as a whole HTML document (UTF-8), ready to print or to open in a browser.
pub fn report_document(
    card: &Scorecard,
    framework: &Framework,
    notes: &Notes,
    lang: Lang,
) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{DOCUMENT_CSS}</style></head><body><main class=\"report\">{}</main></body></html>\n",
        match lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        },
        escape(&card.unit),
        card.year,
        report(card, framework, notes, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn notes_are_read_leniently() {
        let tree: Value = serde_json::json!({
            "self": {
                "1.1": { "evidence": [{ "ref": "05/KH-UBND", "date": "2022-01-25" }, { "title": "Ảnh chụp" }, 7],
                         "explanation": "Đã công khai" },
                "1.2": "not an entry"
            },
            "appraisal": { "1.1": { "comment": "Thiếu" } }
        });
        let notes = notes_of(&tree, Lang::Vi);
        let n = notes.get("1.1").expect("1.1");
        assert_eq!(n.evidence, ["05/KH-UBND (25/01/2022)", "Ảnh chụp"]);
        let attached = serde_json::json!({ "self": { "1.1": { "evidence": [{ "file": { "name": "ke-hoach.pdf" } }] } } });
        assert_eq!(
            notes_of(&attached, Lang::Vi)
                .get("1.1")
                .expect("1.1")
                .evidence,
            ["ke-hoach.pdf"]
        );
        assert_eq!(n.comment, "Thiếu");
        assert_eq!(n.justification, "Đã công khai");
        assert_eq!(notes.get("1.2"), Some(&LeafNotes::default()));
    }
}
