//! Spreadsheets: `.xlsx` (through calamine, cell by cell within an annex's bounds: the
//! sheet with the most rows, merged regions filled with their text, formula cells marked,
//! hidden rows marked from the sheet's own XML) and `.csv`/`.tsv` (through the csv crate; the separator — tab, semicolon as
//! Vietnamese Excel writes it, or comma — is detected).

use crate::{ReadError, Row, Table};
#[cfg(feature = "xlsx")]
pub use workbook::xlsx;

pub fn csv(text: &str) -> Result<Table, ReadError> {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let count = |c: char| sample.iter().map(|l| l.matches(c).count()).sum::<usize>();
    let delimiter = if count('\t') >= sample.len().max(1) {
        b'\t'
    } else if count(';') >= sample.len().max(1) {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ReadError::new(
                format!("dòng {line}: không đọc được dòng CSV ({e})"),
                format!("line {line}: cannot read the CSV row ({e})"),
            )
        })?;
        let line = record
            .position()
            .map_or(table.rows.len() + 1, |p| p.line() as usize);
        table
            .rows
            .push(Row::new(line, record.iter().map(str::to_string).collect()));
        if table.rows.len() > crate::MAX_ROWS {
            break;
        }
    }
    Ok(table)
}

/// `.xlsx` through calamine (left out of builds without the `xlsx` feature).
#[cfg(feature = "xlsx")]
mod workbook {
    use super::{ReadError, Row, Table};
    use crate::limits::{zip_part, zip_sizes};
    use crate::xml::attr;
    use calamine::{open_workbook_from_rs, Data, DataRef, Reader as _, Xlsx};
    use quick_xml::events::Event;

    /// The columns of a sheet an annex may use; a cell beyond them, or below the last row
    /// a table may have ([`crate::MAX_ROWS`]), is left out — a stray mark far down or to
    /// the right (Ctrl+End in Excel lands there) would otherwise make a grid of billions
    /// of cells.
    const MAX_COLUMNS: u32 = 64;

    /// The cells of one sheet within those bounds: text by position, and where formulas are.
    struct Sheet {
        cells: Vec<((u32, u32), String)>,
        formulas: Vec<(u32, u32)>,
    }

    impl Sheet {
        fn within((row, column): (u32, u32)) -> bool {
            (row as usize) < crate::MAX_ROWS && column < MAX_COLUMNS
        }

        /// Reads a sheet cell by cell (calamine's own grid would be as large as the sheet's
        /// farthest cell).
        fn read(
            book: &mut Xlsx<std::io::Cursor<&[u8]>>,
            name: &str,
        ) -> Result<Sheet, calamine::XlsxError> {
            let mut cells = Vec::new();
            let mut reader = book.worksheet_cells_reader(name)?;
            while let Some(cell) = reader.next_cell()? {
                let value = cell.get_value();
                if !matches!(value, DataRef::Empty) && Sheet::within(cell.get_position()) {
                    cells.push((cell.get_position(), cell_text(&Data::from(value.clone()))));
                }
            }
            drop(reader);
            let mut formulas = Vec::new();
            let mut reader = book.worksheet_cells_reader(name)?;
            while let Some(f) = reader.next_formula()? {
                if !f.get_value().is_empty() && Sheet::within(f.get_position()) {
                    formulas.push(f.get_position());
                }
            }
            Ok(Sheet { cells, formulas })
        }

        /// The first row and column holding a cell, and the number of rows to the last.
        fn extent(&self) -> Option<(u32, u32, u32, u32)> {
            let rows = self.cells.iter().map(|((r, _), _)| *r);
            let columns = self.cells.iter().map(|((_, c), _)| *c);
            Some((
                rows.clone().min()?,
                columns.clone().min()?,
                rows.max()?,
                columns.max()?,
            ))
        }

        fn height(&self) -> u32 {
            self.extent()
                .map_or(0, |(top, _, bottom, _)| bottom - top + 1)
        }
    }

    pub fn xlsx(bytes: &[u8]) -> Result<Table, ReadError> {
        zip_sizes(bytes)?;
        let fail = |e: String| {
            ReadError::new(
                format!("không đọc được bảng tính .xlsx ({e})"),
                format!("cannot read the .xlsx workbook ({e})"),
            )
        };
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| fail(e.to_string()))?;
        let mut best: Option<(String, Sheet)> = None;
        for name in book.sheet_names() {
            let sheet = Sheet::read(&mut book, &name).map_err(|e| fail(e.to_string()))?;
            if best
                .as_ref()
                .is_none_or(|(_, b)| sheet.height() > b.height())
            {
                best = Some((name, sheet));
            }
        }
        let Some((name, sheet, (top, left, bottom, right))) =
            best.and_then(|(n, s)| s.extent().map(|e| (n, s, e)))
        else {
            return Err(ReadError::new(
                "bảng tính không có ô nào có nội dung",
                "the workbook has no cell with content",
            ));
        };
        let width = (right - left + 1) as usize;
        let mut grid: Vec<Vec<String>> =
            vec![vec![String::new(); width]; (bottom - top + 1) as usize];
        for ((r, c), text) in sheet.cells {
            grid[(r - top) as usize][(c - left) as usize] = text;
        }
        if let Ok(merged) = book.merge_cells_by_sheet_name(&name) {
            for d in merged {
                let at = |r: u32, c: u32| {
                    Some((r.checked_sub(top)? as usize, c.checked_sub(left)? as usize))
                };
                let Some((r0, c0)) = at(d.start.0, d.start.1) else {
                    continue;
                };
                let text = grid
                    .get(r0)
                    .and_then(|r| r.get(c0))
                    .cloned()
                    .unwrap_or_default();
                for r in d.start.0..=d.end.0.min(d.start.0 + 200) {
                    for c in d.start.1..=d.end.1.min(d.start.1 + 64) {
                        if let Some((ri, ci)) = at(r, c) {
                            if let Some(cell) = grid.get_mut(ri).and_then(|row| row.get_mut(ci)) {
                                *cell = text.clone();
                            }
                        }
                    }
                }
            }
        }
        let mut formulas: Vec<Vec<usize>> = vec![Vec::new(); grid.len()];
        for (r, c) in sheet.formulas {
            if (top..=bottom).contains(&r) && (left..=right).contains(&c) {
                formulas[(r - top) as usize].push((c - left) as usize);
            }
        }
        let hidden = hidden_rows(bytes, &name);
        let mut table = Table::default();
        for (i, (cells, mut formulas)) in grid.into_iter().zip(formulas).enumerate() {
            let number = top as usize + i + 1;
            let mut row = Row::new(number, cells);
            row.hidden = hidden.contains(&number);
            formulas.sort_unstable();
            row.formulas = formulas;
            table.rows.push(row);
        }
        Ok(table)
    }

    fn cell_text(d: &Data) -> String {
        match d {
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            // The shortest text that reads back to the stored number: 0.5, 0.25, 2.
            Data::Float(f) => f.to_string(),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::DateTime(d) => d.as_f64().to_string(),
            Data::Bool(_) | Data::Error(_) | Data::Empty => String::new(),
        }
    }

    /// The 1-based numbers of the rows a sheet hides (`<row r="12" hidden="1">`), found
    /// through the workbook's relationships. Empty when anything is missing.
    fn hidden_rows(bytes: &[u8], sheet: &str) -> Vec<usize> {
        let Some(path) = sheet_path(bytes, sheet) else {
            return Vec::new();
        };
        let Ok(Some(xml)) = zip_part(bytes, &path) else {
            return Vec::new();
        };
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut out = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().into_inner() == "row" => {
                    if matches!(attr(&e, "hidden").as_deref(), Some("1" | "true")) {
                        if let Some(r) = attr(&e, "r").and_then(|r| r.parse().ok()) {
                            out.push(r);
                        }
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        out
    }

    fn sheet_path(bytes: &[u8], sheet: &str) -> Option<String> {
        let workbook = zip_part(bytes, "xl/workbook.xml").ok()??;
        let rels = zip_part(bytes, "xl/_rels/workbook.xml.rels").ok()??;
        let id = find(&workbook, "sheet", |e| {
            (attr(e, "name")? == sheet).then(|| attr(e, "id")).flatten()
        })?;
        let target = find(&rels, "Relationship", |e| {
            (attr(e, "Id")? == id).then(|| attr(e, "Target")).flatten()
        })?;
        Some(match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        })
    }

    fn find(
        xml: &str,
        name: &str,
        f: impl Fn(&quick_xml::events::BytesStart) -> Option<String>,
    ) -> Option<String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().into_inner() == name => {
                    if let Some(v) = f(&e) {
                        return Some(v);
                    }
                }
                Ok(Event::Eof) | Err(_) => return None,
                _ => {}
            }
        }
    }
}
