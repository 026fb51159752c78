//! Writing an annex table (`parindex_core::annex::export::table`) as a file a Sở Nội vụ
//! opens in Excel: `.xlsx` (the maximum as numeric cells, the header bold, long texts
//! wrapped) or `.csv` as Vietnamese Excel reads it (UTF-8 with a byte-order mark, `;`
//! between cells, the decimal comma: `0,5`). Reading either back gives the same table.

use parindex_core::annex::export::{HEADINGS, MAX_COLUMN};
use parindex_core::annex::Table;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};
use std::str::FromStr;

fn is_header(cells: &[String]) -> bool {
    cells.len() == HEADINGS.len() && cells.iter().zip(HEADINGS).all(|(c, h)| c == h)
}

/// The `.xlsx` bytes of a table, on one sheet named `Phu luc`.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet.set_name("Phu luc").map_err(|e| e.to_string())?;
    for (column, width) in [8.0, 60.0, 10.0, 30.0, 45.0, 40.0].into_iter().enumerate() {
        sheet
            .set_column_width(column as u16, width)
            .map_err(|e| e.to_string())?;
    }
    let mut below_header = false;
    for (r, row) in table.rows.iter().enumerate() {
        let header = is_header(&row.cells);
        for (c, text) in row.cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let number = (below_header && usize::from(c) == MAX_COLUMN)
                .then(|| Decimal::from_str(text).ok())
                .flatten();
            let result = match number {
                Some(n) => sheet.write_with_format(r, c, n, &wrap).map(|_| ()),
                None if text.is_empty() => Ok(()),
                None if header => sheet
                    .write_string_with_format(r, c, text, &bold)
                    .map(|_| ()),
                None if below_header => sheet
                    .write_string_with_format(r, c, text, &wrap)
                    .map(|_| ()),
                None => sheet.write_string(r, c, text).map(|_| ()),
            };
            result.map_err(|e| e.to_string())?;
        }
        below_header |= header;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// The `.csv` bytes of a table, for Vietnamese Excel.
pub fn csv(table: &Table) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut below_header = false;
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, text)| {
                if below_header && c == MAX_COLUMN && Decimal::from_str(text).is_ok() {
                    text.replace('.', ",")
                } else {
                    text.clone()
                }
            })
            .collect();
        // An empty row is written as one empty cell (a blank line).
        let cells = if cells.is_empty() {
            vec![String::new()]
        } else {
            cells
        };
        // Writing to memory cannot fail.
        let _ = writer.write_record(&cells);
        below_header |= is_header(&row.cells);
    }
    writer.into_inner().unwrap_or_default()
}
