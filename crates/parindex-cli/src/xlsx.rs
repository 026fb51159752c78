//! Spreadsheets (`--format xlsx`): the scorecard as the standard summary table
//! (*Bảng tổng hợp kết quả tự đánh giá, chấm điểm*) and the ranking table, with numbers
//! as numeric cells so a spreadsheet can sum and sort them.

use parindex_core::diagnostic::tr;
use parindex_core::format::Column;
use parindex_core::render::ranking_text;
use parindex_core::{Lang, Ranking, Scorecard};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The heading row: the columns' full headings (as the report's standard table).
fn header(
    sheet: &mut rust_xlsxwriter::Worksheet,
    columns: &[Column],
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.full(lang), bold)?;
    }
    Ok(())
}

/// The scorecard workbook.
pub fn scorecard(card: &Scorecard, explain: bool, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(tr(lang, "Bảng tổng hợp", "Summary table"))?;
    let mut columns = Column::SCORECARD.to_vec();
    if explain {
        columns.push(Column::Explanation);
    }
    header(sheet, &columns, lang, &bold)?;
    let mut row = 1u32;
    for node in &card.nodes {
        let parent = node.kind.is_none();
        let format = if parent { bold.clone() } else { Format::new() };
        sheet.write_string_with_format(row, 0, &node.code, &format)?;
        sheet.write_string_with_format(row, 1, node.title.get(lang), &format)?;
        sheet.write_with_format(row, 2, node.max, &format)?;
        sheet.write_with_format(row, 3, node.self_points, &format)?;
        sheet.write_with_format(row, 4, node.points, &format)?;
        sheet.write_string(row, 5, node.status.label().get(lang))?;
        if explain {
            if let Some(e) = &node.explanation {
                sheet.write_string(row, 6, e.get(lang))?;
            }
        }
        row += 1;
    }
    row += 1;
    for (label, total) in [
        (
            tr(lang, "Tổng điểm tự đánh giá", "Self-assessed total"),
            &card.self_total,
        ),
        (
            tr(lang, "Tổng điểm (sau thẩm định)", "Total (as appraised)"),
            &card.total,
        ),
    ] {
        sheet.write_string_with_format(row, 1, label, &bold)?;
        sheet.write_with_format(row, 2, total.max, &bold)?;
        sheet.write_with_format(row, 4, total.points, &bold)?;
        if let Some(i) = total.index {
            sheet.write(row, 5, i.value)?;
        }
        if let Some(b) = &total.band {
            sheet.write_string(row, 6, b.get(lang))?;
        }
        row += 1;
    }
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(6, 40)?;
    book.save_to_buffer()
}

/// The ranking workbook.
pub fn ranking(r: &Ranking, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(tr(lang, "Xếp hạng", "Ranking"))?;
    header(sheet, &Column::RANKING, lang, &bold)?;
    for (i, row) in r.rows.iter().enumerate() {
        let y = i as u32 + 1;
        sheet.write_number(y, 0, row.rank as u32)?;
        sheet.write_string(y, 1, &row.unit)?;
        sheet.write(y, 2, row.total.points)?;
        sheet.write(y, 3, row.total.max)?;
        if let Some(index) = row.total.index {
            sheet.write(y, 4, index.value)?;
        }
        if let Some(b) = &row.total.band {
            sheet.write_string(y, 5, b.get(lang))?;
        }
    }
    sheet.set_column_width(1, 40)?;
    // The framework, as the text table names it, under the rows.
    let title = ranking_text(r, lang);
    if let Some(first) = title.lines().next() {
        sheet.write_string(r.rows.len() as u32 + 2, 1, first)?;
    }
    book.save_to_buffer()
}
