//! Spreadsheets: `.xlsx` (through calamine: the sheet with the most rows, merged regions
//! filled with their text, formula cells marked, hidden rows marked from the sheet's own
//! XML) and `.csv`/`.tsv` (through the csv crate; the separator — tab, semicolon as
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
    use calamine::{open_workbook_from_rs, Data, Reader as _, Xlsx};
    use quick_xml::events::Event;

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
        let mut best: Option<(String, calamine::Range<Data>)> = None;
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| fail(e.to_string()))?;
            if best
                .as_ref()
                .is_none_or(|(_, b)| range.height() > b.height())
            {
                best = Some((name, range));
            }
        }
        let Some((name, range)) = best.filter(|(_, r)| !r.is_empty()) else {
            return Err(ReadError::new(
                "bảng tính không có ô nào có nội dung",
                "the workbook has no cell with content",
            ));
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut grid: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
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
        let formulas = book.worksheet_formula(&name).ok();
        let hidden = hidden_rows(bytes, &name);
        let mut table = Table::default();
        for (i, cells) in grid.into_iter().enumerate() {
            let number = top as usize + i + 1;
            let mut row = Row::new(number, cells);
            row.hidden = hidden.contains(&number);
            if let Some(f) = &formulas {
                for c in 0..row.cells.len() {
                    let at = (top + i as u32, left + c as u32);
                    if f.get_value(at).is_some_and(|s| !s.is_empty()) {
                        row.formulas.push(c);
                    }
                }
            }
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
