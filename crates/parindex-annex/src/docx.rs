//! Word (`.docx`): the tables of `word/document.xml`. The annex is the largest
//! top-level table; a cell's paragraphs are kept as lines; a cell spanning columns
//! (`gridSpan`) repeats its text in each, a vertically merged cell (`vMerge`) repeats the
//! text of the cell above. The paragraphs above the table become one-cell rows (row
//! number 0), where the annex's title and decision are looked for.

use crate::limits::{zip_part, zip_sizes};
use crate::xml::{attr, reference};
use crate::{ReadError, Row, Table};
use quick_xml::events::Event;
use quick_xml::Reader;

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
}

pub fn read(bytes: &[u8]) -> Result<Table, ReadError> {
    zip_sizes(bytes)?;
    let xml = zip_part(bytes, "word/document.xml")?.ok_or_else(|| {
        ReadError::new(
            "tệp .docx không có nội dung văn bản (word/document.xml)",
            "the .docx file has no document body (word/document.xml)",
        )
    })?;
    let mut reader = Reader::from_str(&xml);
    let mut tables: Vec<(Vec<String>, Vec<Vec<Cell>>)> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut depth = 0usize; // table nesting
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut hidden_run = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            ReadError::new(
                format!(
                    "nội dung .docx hỏng ở byte {} ({e})",
                    reader.buffer_position()
                ),
                format!(
                    "the .docx body is damaged at byte {} ({e})",
                    reader.buffer_position()
                ),
            )
        })?;
        match event {
            Event::Start(e) => match e.local_name().into_inner() {
                "tbl" => {
                    depth += 1;
                    if depth == 1 {
                        rows = Vec::new();
                    }
                }
                "tr" if depth == 1 => rows.push(Vec::new()),
                "tc" if depth == 1 => {
                    cell = Some(Cell {
                        span: 1,
                        ..Cell::default()
                    })
                }
                "t" => in_text = true,
                "r" => hidden_run = false,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "gridSpan" if depth == 1 => {
                    if let Some(c) = cell.as_mut() {
                        c.span = attr(&e, "val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                    }
                }
                "vMerge" if depth == 1 => {
                    if let Some(c) = cell.as_mut() {
                        c.vmerge = Some(attr(&e, "val").as_deref() == Some("restart"));
                    }
                }
                "tab" if !hidden_run => paragraph.push(' '),
                "br" | "cr" if !hidden_run => paragraph.push('\n'),
                "vanish" => hidden_run = true,
                _ => {}
            },
            Event::Text(t) if in_text && !hidden_run => paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text && !hidden_run => paragraph.push_str(&reference(&r)),
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" => {
                    let p = paragraph.trim().to_string();
                    paragraph.clear();
                    match cell.as_mut() {
                        Some(c) if depth >= 1 && !p.is_empty() => {
                            if !c.text.is_empty() {
                                c.text.push('\n');
                            }
                            c.text.push_str(&p);
                        }
                        Some(_) if depth >= 1 => {}
                        _ if depth == 0 && !p.is_empty() => paragraphs.push(p),
                        _ => {}
                    }
                }
                "tc" if depth == 1 => {
                    if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(c);
                    }
                }
                "tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let before = paragraphs.iter().rev().take(8).rev().cloned().collect();
                        tables.push((before, std::mem::take(&mut rows)));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let Some((before, rows)) = tables.into_iter().max_by_key(|(_, rows)| rows.len()) else {
        return Err(ReadError::new(
            "tài liệu Word không có bảng nào: phụ lục cần ở dạng bảng (STT, tiêu chí, điểm tối đa)",
            "the Word document has no table: the annex must be a table (STT, criterion, maximum)",
        ));
    };
    let mut table = Table::default();
    for p in before {
        table.rows.push(Row::new(0, vec![p]));
    }
    let mut above: Vec<String> = Vec::new();
    for (i, cells) in rows.into_iter().enumerate() {
        let mut texts: Vec<String> = Vec::new();
        for c in cells {
            for _ in 0..c.span {
                let col = texts.len();
                let text = match c.vmerge {
                    Some(false) => above.get(col).cloned().unwrap_or_default(),
                    _ => c.text.clone(),
                };
                texts.push(text);
            }
        }
        above = texts.clone();
        table.rows.push(Row::new(i + 1, texts));
    }
    Ok(table)
}
