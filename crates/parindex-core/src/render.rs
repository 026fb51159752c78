//! Plain renderings of scorecards and rankings for people and spreadsheets: a text table
//! a PAR officer can print, CSV and Markdown. Pure string building, shared by the CLI and
//! the WebAssembly package.

use crate::code::depth;
use crate::decimal::{human, points_str};
use crate::diagnostic::{tr, Lang};
use crate::format::{band_text, index_text, Column};
use crate::keyword::Keyword;
use crate::rank::Ranking;
use crate::scorecard::{Node, Scorecard, Total};

/// Cuts a title to `width` characters, marking the cut.
fn fit(s: &str, width: usize) -> String {
    let count = s.chars().count();
    if count <= width {
        format!("{s}{}", " ".repeat(width - count))
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn right(s: &str, width: usize) -> String {
    let count = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(count)))
}

/// How a cell of a text table is laid out: cut or padded to a width on the left, padded
/// on the right, or as it is (the last column).
#[derive(Clone, Copy)]
enum Lay {
    Left(usize),
    Right(usize),
    Free,
}

/// One line of a text table: the cells laid out and separated by a space.
fn text_row(lays: &[Lay], cells: &[&str]) -> String {
    let parts: Vec<String> = lays
        .iter()
        .zip(cells)
        .map(|(lay, cell)| match *lay {
            Lay::Left(w) => fit(cell, w),
            Lay::Right(w) => right(cell, w),
            Lay::Free => cell.to_string(),
        })
        .collect();
    format!("{}\n", parts.join(" "))
}

/// The heading line of a text table and the rule under it.
fn text_head(lays: &[Lay], columns: &[Column], lang: Lang) -> String {
    let cells: Vec<&str> = columns.iter().map(|c| c.short(lang)).collect();
    let head = text_row(lays, &cells);
    let rule = "-".repeat(head.chars().count().saturating_sub(1) + 4);
    format!("{head}{rule}\n")
}

/// The text table: code, title, max, self, appraised, status; totals underneath.
pub fn scorecard_text(card: &Scorecard, explain: bool, lang: Lang) -> String {
    const TITLE: usize = 52;
    let mut out = String::new();
    out.push_str(&format!(
        "{} — {} {} ({})\n\n",
        card.unit,
        tr(lang, "năm", "year"),
        card.year,
        card.framework
    ));
    let code_w = card
        .nodes
        .iter()
        .map(|n| n.code.len())
        .max()
        .unwrap_or(4)
        .max(4);
    use Lay::*;
    let lays = [
        Left(code_w),
        Left(TITLE),
        Right(7),
        Right(8),
        Right(9),
        Free,
    ];
    out.push_str(&text_head(&lays, &Column::SCORECARD, lang));
    for node in &card.nodes {
        let indent = "  ".repeat(depth(&node.code));
        let title = format!("{indent}{}", node.title.get(lang));
        let (max, own) = (human(node.max, lang), human(node.self_points, lang));
        let points = human(node.points, lang);
        let status = node.status.label();
        let cells = [
            node.code.as_str(),
            &title,
            &max,
            &own,
            &points,
            status.get(lang),
        ];
        out.push_str(&text_row(&lays, &cells));
        if explain {
            if let Some(e) = &node.explanation {
                out.push_str(&format!(
                    "{} {}  ↳ {}\n",
                    " ".repeat(code_w),
                    indent,
                    e.get(lang)
                ));
            }
        }
    }
    out.push('\n');
    let line = |label: &str, t: &Total| {
        format!(
            "{label}: {}/{} — {} — {}\n",
            human(t.points, lang),
            human(t.max, lang),
            index_text(t.index, lang),
            band_text(t.band.as_ref(), lang)
        )
    };
    out.push_str(&line(
        tr(lang, "Tổng điểm tự đánh giá", "Self-assessed total"),
        &card.self_total,
    ));
    out.push_str(&line(
        tr(lang, "Tổng điểm (sau thẩm định)", "Total (as appraised)"),
        &card.total,
    ));
    out.push_str(&format!(
        "{}: +{} / −{}\n",
        tr(lang, "Điểm thưởng / điểm trừ", "Bonus / penalty"),
        human(card.bonus, lang),
        human(card.penalty, lang)
    ));
    let s = &card.summary;
    out.push_str(&format!(
        "{}: {} — {} {}, {} {}, {} {}, {} {}\n",
        tr(lang, "Tiêu chí thành phần", "Leaves"),
        s.leaves,
        s.scored,
        tr(lang, "đã chấm", "scored"),
        s.not_applicable,
        tr(lang, "không phát sinh", "not applicable"),
        s.missing,
        tr(lang, "chưa nhập", "missing"),
        s.survey_pending,
        tr(lang, "chờ điều tra XHH", "survey pending"),
    ));
    out.push_str(if card.complete {
        tr(lang, "Hồ sơ: đầy đủ\n", "Assessment: complete\n")
    } else {
        tr(lang, "Hồ sơ: CHƯA đầy đủ\n", "Assessment: INCOMPLETE\n")
    });
    for d in &card.diagnostics {
        out.push_str(&format!("! {}\n", d.render(lang)));
    }
    if explain && !card.gaps.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            tr(
                lang,
                "Có thể gỡ điểm ở đâu (nhiều nhất trước):",
                "Where to gain points (largest first):"
            )
        ));
        for g in &card.gaps {
            let advice = g
                .advice
                .as_ref()
                .map(|a| a.get(lang).to_string())
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} −{}  {}\n",
                g.code,
                human(g.lost, lang),
                advice
            ));
        }
    }
    out
}

/// Quotes a CSV field when it needs quoting (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// CSV: one row per criterion; numbers with a dot so spreadsheets read them.
pub fn scorecard_csv(card: &Scorecard, explain: bool, lang: Lang) -> String {
    let mut head: Vec<String> = Column::SCORECARD
        .iter()
        .map(|c| c.key(lang).to_string())
        .collect();
    if explain {
        head.push(Column::Explanation.key(lang).into());
    }
    let mut out = csv_row(&head);
    for node in &card.nodes {
        let mut row = node_fields(node, lang);
        if explain {
            row.push(
                node.explanation
                    .as_ref()
                    .map(|e| e.get(lang).to_string())
                    .unwrap_or_default(),
            );
        }
        out.push_str(&csv_row(&row));
    }
    out
}

/// CSV for a spreadsheet program as people open it: the full headings and statuses in
/// words, in the language, and the totals below the table. In Vietnamese, `;` between
/// fields and a decimal comma, as Excel set up for Vietnam reads them, so points stay
/// numbers there; in English, `,` and `.`. (`scorecard_csv` is the one for programs.)
pub fn scorecard_csv_sheet(card: &Scorecard, lang: Lang) -> String {
    let (sep, mark) = match lang {
        Lang::Vi => (";", ","),
        Lang::En => (",", "."),
    };
    let num = |d: rust_decimal::Decimal| points_str(d).replace('.', mark);
    let row = |fields: &[String]| {
        let mut line = fields
            .iter()
            .map(|f| {
                if f.contains(sep) || f.contains(['"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(sep);
        line.push_str("\r\n");
        line
    };
    let mut head: Vec<String> = Column::SCORECARD
        .iter()
        .map(|c| c.full(lang).to_string())
        .collect();
    head.push(Column::Explanation.full(lang).into());
    let mut out = row(&head);
    for node in &card.nodes {
        out.push_str(&row(&[
            node.code.clone(),
            node.title.get(lang).to_string(),
            num(node.max),
            num(node.self_points),
            num(node.points),
            node.status.label().get(lang).to_string(),
            node.explanation
                .as_ref()
                .map(|e| e.get(lang).to_string())
                .unwrap_or_default(),
        ]));
    }
    let empty = String::new;
    out.push_str("\r\n");
    let totals = [
        (tr(lang, "Điểm thưởng", "Bonus"), num(card.bonus)),
        (tr(lang, "Điểm trừ", "Penalty"), num(card.penalty)),
    ];
    out.push_str(&row(&[
        empty(),
        tr(lang, "Tổng điểm", "Total").into(),
        num(card.total.max),
        num(card.self_total.points),
        num(card.total.points),
        empty(),
    ]));
    for (label, value) in totals {
        out.push_str(&row(&[empty(), label.into(), empty(), empty(), value]));
    }
    out.push_str(&row(&[
        empty(),
        tr(lang, "Chỉ số", "Index").into(),
        empty(),
        index_text(card.self_total.index, lang),
        index_text(card.total.index, lang),
    ]));
    out.push_str(&row(&[
        empty(),
        tr(lang, "Xếp loại", "Band").into(),
        empty(),
        band_text(card.self_total.band.as_ref(), lang),
        band_text(card.total.band.as_ref(), lang),
    ]));
    out
}

fn node_fields(node: &Node, lang: Lang) -> Vec<String> {
    vec![
        node.code.clone(),
        node.title.get(lang).to_string(),
        points_str(node.max),
        points_str(node.self_points),
        points_str(node.points),
        node.status.keyword().to_string(),
    ]
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown: a heading, the totals and the criteria table.
pub fn scorecard_markdown(card: &Scorecard, explain: bool, lang: Lang) -> String {
    let mut out = format!(
        "# {} — {} {}\n\n",
        md_cell(&card.unit),
        tr(lang, "năm", "year"),
        card.year
    );
    out.push_str(&format!(
        "{}: `{}`\n\n",
        tr(lang, "Bộ chỉ số", "Framework"),
        card.framework
    ));
    for (label, t) in [
        (tr(lang, "Tự đánh giá", "Self-assessed"), &card.self_total),
        (tr(lang, "Sau thẩm định", "As appraised"), &card.total),
    ] {
        out.push_str(&format!(
            "- **{label}**: {}/{} — {} — {}\n",
            human(t.points, lang),
            human(t.max, lang),
            index_text(t.index, lang),
            band_text(t.band.as_ref(), lang)
        ));
    }
    out.push('\n');
    let mut head: Vec<&str> = Column::SCORECARD.iter().map(|c| c.short(lang)).collect();
    if explain {
        head.push(Column::Explanation.short(lang));
    }
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!(
        "|{}\n",
        head.iter()
            .enumerate()
            .map(|(i, _)| if (2..5).contains(&i) { "---:|" } else { "---|" })
            .collect::<String>()
    ));
    for node in &card.nodes {
        let title = if node.kind.is_none() {
            format!("**{}**", md_cell(node.title.get(lang)))
        } else {
            md_cell(node.title.get(lang))
        };
        let mut cells = vec![
            node.code.clone(),
            title,
            human(node.max, lang),
            human(node.self_points, lang),
            human(node.points, lang),
            node.status.label().get(lang).to_string(),
        ];
        if explain {
            cells.push(
                node.explanation
                    .as_ref()
                    .map(|e| md_cell(e.get(lang)))
                    .unwrap_or_default(),
            );
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The ranking as a text table.
pub fn ranking_text(ranking: &Ranking, lang: Lang) -> String {
    let unit_w = ranking
        .rows
        .iter()
        .map(|r| r.unit.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let mut out = format!(
        "{}: {}\n\n",
        tr(lang, "Bộ chỉ số", "Framework"),
        ranking.framework
    );
    use Lay::*;
    let lays = [Right(5), Left(unit_w), Right(8), Right(7), Right(8), Free];
    out.push_str(&text_head(&lays, &Column::RANKING, lang));
    for r in &ranking.rows {
        let (rank, index) = (r.rank.to_string(), index_text(r.total.index, lang));
        let (points, max) = (human(r.total.points, lang), human(r.total.max, lang));
        let band = band_text(r.total.band.as_ref(), lang);
        let cells = [rank.as_str(), &r.unit, &points, &max, &index, &band];
        out.push_str(&text_row(&lays, &cells));
    }
    out
}

/// The ranking as CSV.
pub fn ranking_csv(ranking: &Ranking, lang: Lang) -> String {
    let head: Vec<String> = Column::RANKING
        .iter()
        .map(|c| c.key(lang).to_string())
        .collect();
    let mut out = csv_row(&head);
    for r in &ranking.rows {
        out.push_str(&csv_row(&[
            r.rank.to_string(),
            r.unit.clone(),
            points_str(r.total.points),
            points_str(r.total.max),
            r.total.index.map(|i| i.to_fixed()).unwrap_or_default(),
            r.total
                .band
                .as_ref()
                .map(|b| b.get(lang).to_string())
                .unwrap_or_default(),
        ]));
    }
    out
}
