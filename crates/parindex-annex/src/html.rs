//! HTML tables: what the clipboard holds when a table is copied from Word or Excel, and
//! what law portals show (a page saved as `.html`). Tokenized by html5gum (the WHATWG
//! tokenizer: tag soup, unquoted attributes, Word's conditional comments all read as a
//! browser would); the table grid is built here. The annex is the largest top-level
//! table. A cell's paragraphs and line breaks (`<p>`, `<br>`, `<div>`, `<li>`) are kept as
//! lines and other white space collapses as a browser shows it; `colspan` repeats a cell's
//! text in each column and `rowspan` in each row below (as the other readers fill merged
//! cells); a row styled `display:none` (Excel's hidden rows) is marked hidden; a cell with
//! Excel's `x:fmla` attribute is marked as computed by a formula. The text above the table
//! becomes one-cell rows (row number 0), where the annex's title and decision are looked
//! for. Rows are numbered from 1 within the table, as the person counts them.

use crate::{ReadError, Row, Table};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Widest a cell may span, and deepest below itself: more is a damaged table.
const MAX_COLSPAN: usize = 64;
const MAX_ROWSPAN: usize = 1000;

#[derive(Default)]
struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
    formula: bool,
}

#[derive(Default)]
struct HtmlRow {
    cells: Vec<Cell>,
    hidden: bool,
}

/// Appends text as a browser would show it: runs of white space become one space.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with([' ', '\n'])) {
            continue;
        }
        out.push(c);
    }
}

/// Ends a line (a paragraph or a `<br>`): trailing space dropped, empty lines not kept.
fn break_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn tidy(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn name(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

pub fn read(html: &str) -> Result<Table, ReadError> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    // Finished top-level tables, each with the text that stood above it.
    let mut tables: Vec<(Vec<String>, Vec<HtmlRow>)> = Vec::new();
    let mut outside = String::new();
    let mut rows: Vec<HtmlRow> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut depth = 0usize; // table nesting
    let mut skip = 0usize; // inside <style>, <script>, <title>, <template>
    let close_cell = |rows: &mut Vec<HtmlRow>, cell: &mut Option<Cell>| {
        if let Some(mut c) = cell.take() {
            c.text = tidy(&c.text);
            if rows.is_empty() {
                rows.push(HtmlRow::default());
            }
            if let Some(row) = rows.last_mut() {
                row.cells.push(c);
            }
        }
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let tag_name = name(&tag.name);
                let attr = |key: &str| {
                    tag.attributes
                        .iter()
                        .find(|(k, _)| name(k) == key)
                        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
                };
                match tag_name.as_str() {
                    "style" | "script" | "title" | "template" if !tag.self_closing => skip += 1,
                    "table" => {
                        depth += 1;
                        if depth == 1 {
                            rows = Vec::new();
                            cell = None;
                        }
                    }
                    "tr" if depth == 1 => {
                        close_cell(&mut rows, &mut cell);
                        let style = attr("style").unwrap_or_default().to_ascii_lowercase();
                        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
                        rows.push(HtmlRow {
                            cells: Vec::new(),
                            hidden: style.contains("display:none"),
                        });
                    }
                    "td" | "th" if depth == 1 => {
                        close_cell(&mut rows, &mut cell);
                        let span = |key: &str, max: usize| {
                            attr(key)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, max)
                        };
                        cell = Some(Cell {
                            text: String::new(),
                            colspan: span("colspan", MAX_COLSPAN),
                            rowspan: span("rowspan", MAX_ROWSPAN),
                            formula: attr("x:fmla").is_some_and(|f| !f.trim().is_empty()),
                        });
                    }
                    "br" | "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr"
                    | "td" | "th" => match cell.as_mut() {
                        Some(c) => break_line(&mut c.text),
                        None => break_line(&mut outside),
                    },
                    _ => {}
                }
            }
            Token::EndTag(tag) => match name(&tag.name).as_str() {
                "style" | "script" | "title" | "template" => skip = skip.saturating_sub(1),
                "table" if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        close_cell(&mut rows, &mut cell);
                        let above: Vec<String> =
                            tidy(&outside).lines().map(str::to_string).collect();
                        let above = above[above.len().saturating_sub(8)..].to_vec();
                        tables.push((above, std::mem::take(&mut rows)));
                        outside.clear();
                    }
                }
                "td" | "th" if depth == 1 => close_cell(&mut rows, &mut cell),
                "tr" if depth == 1 => close_cell(&mut rows, &mut cell),
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "td"
                | "th" => match cell.as_mut() {
                    Some(c) => break_line(&mut c.text),
                    None => break_line(&mut outside),
                },
                _ => {}
            },
            Token::String(text) if skip == 0 => {
                let text = String::from_utf8_lossy(&text);
                match cell.as_mut() {
                    Some(c) => push_text(&mut c.text, &text),
                    None if depth == 0 => push_text(&mut outside, &text),
                    None => {}
                }
            }
            _ => {}
        }
        if rows.len() > crate::MAX_ROWS {
            break;
        }
    }
    if depth > 0 {
        // A fragment cut before `</table>` still counts.
        close_cell(&mut rows, &mut cell);
        let above = tidy(&outside).lines().map(str::to_string).collect();
        tables.push((above, rows));
    }
    let Some((above, rows)) = tables
        .into_iter()
        .filter(|(_, rows)| rows.iter().any(|r| !r.cells.is_empty()))
        .max_by_key(|(_, rows)| rows.len())
    else {
        return Err(ReadError::new(
            "nội dung HTML không có bảng nào: phụ lục cần ở dạng bảng (STT, tiêu chí, điểm tối đa)",
            "the HTML has no table: the annex must be a table (STT, criterion, maximum)",
        ));
    };
    let mut table = Table::default();
    for line in above {
        table.rows.push(Row::new(0, vec![line]));
    }
    // Cells still to fill below, by column: (text, formula, rows left).
    let mut pending: Vec<Option<(String, bool, usize)>> = Vec::new();
    for (i, html_row) in rows.into_iter().enumerate() {
        let mut row = Row::new(i + 1, Vec::new());
        row.hidden = html_row.hidden;
        let mut col = 0;
        for c in html_row.cells {
            fill_spans(&mut row, &mut col, &mut pending);
            for _ in 0..c.colspan {
                place(&mut row, col, &c.text, c.formula);
                if c.rowspan > 1 {
                    if pending.len() <= col {
                        pending.resize(col + 1, None);
                    }
                    pending[col] = Some((c.text.clone(), c.formula, c.rowspan - 1));
                }
                col += 1;
            }
        }
        // Spans from above that reach past this row's own cells.
        while col < pending.len() {
            fill_spans(&mut row, &mut col, &mut pending);
            col += 1;
        }
        table.rows.push(row);
    }
    Ok(table)
}

/// Puts a cell's text in a column of the row being built.
fn place(row: &mut Row, col: usize, text: &str, formula: bool) {
    if row.cells.len() <= col {
        row.cells.resize(col + 1, String::new());
    }
    row.cells[col] = text.to_string();
    if formula {
        row.formulas.push(col);
    }
}

/// Fills the columns, from `col` on, that a cell above still spans.
fn fill_spans(row: &mut Row, col: &mut usize, pending: &mut [Option<(String, bool, usize)>]) {
    while let Some(Some((text, formula, left))) = pending.get_mut(*col) {
        place(row, *col, text, *formula);
        *left -= 1;
        if *left == 0 {
            pending[*col] = None;
        }
        *col += 1;
    }
}
