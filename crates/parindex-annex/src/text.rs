//! Text copied out of a PDF viewer (many annexes exist only as PDF): one row per line,
//! the code first and the points last; a line with neither continues the row above.
//! Columns are separated by tabs or runs of two or more spaces when the viewer kept
//! them; otherwise the code is the first word and the points the last.

use crate::{Row, Table};
use parindex_core::annex::fold;

pub fn read(text: &str) -> Table {
    let mut table = Table::default();
    table.rows.push(Row::new(
        0,
        vec!["STT".into(), "Tiêu chí".into(), "Điểm tối đa".into()],
    ));
    let is_header = |line: &str| {
        let folded = fold(line);
        (folded.starts_with("stt") || folded.starts_with("tt ")) && folded.contains("diem")
    };
    // Lines above the table's heading line are its title and decision.
    let header = text.lines().position(is_header);
    let mut started = false;
    let mut last_code: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if header.is_some_and(|h| i < h) {
            let at = table.rows.len() - 1;
            table.rows.insert(at, Row::new(0, vec![line.into()]));
            continue;
        }
        if header == Some(i) {
            // The heading line of the table: the synthetic header stands for it.
            table.rows.last_mut().expect("header").number = number;
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let first = words.first().copied().unwrap_or("");
        let code = is_code(first) && plausible(first, last_code.as_deref());
        if code {
            last_code = Some(first.trim_end_matches(['.', ')']).to_string());
        }
        let last = words.last().copied().unwrap_or("");
        let points = words.len() > 1 && is_points(last);
        let middle = |from: usize, to: usize| words[from..to].join(" ");
        started |= code || points;
        match (code, points) {
            (true, true) => table.rows.push(Row::new(
                number,
                vec![first.into(), middle(1, words.len() - 1), last.into()],
            )),
            (true, false) => table.rows.push(Row::new(
                number,
                vec![first.into(), middle(1, words.len()), String::new()],
            )),
            (false, true) => table.rows.push(Row::new(
                number,
                vec![String::new(), middle(0, words.len() - 1), last.into()],
            )),
            (false, false) => match table.rows.last_mut() {
                // A continuation: the row's title goes on.
                Some(row) if started => {
                    row.cells[1].push(' ');
                    row.cells[1].push_str(line);
                }
                // Lines above the table: the title and the decision.
                _ => table
                    .rows
                    .insert(table.rows.len() - 1, Row::new(0, vec![line.into()])),
            },
        }
    }
    table
}

fn is_code(w: &str) -> bool {
    let t = w.trim_end_matches(['.', ')']);
    !t.is_empty()
        && (t
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
            || (t.len() <= 4 && t.bytes().all(|b| b"IVX".contains(&b)))
            || (t.len() == 1 && t.as_bytes()[0].is_ascii_lowercase() && w.ends_with(')')))
}

/// Whether a code-like first word can be the next code after `last`: its first child,
/// or the next of `last` or of one of its ancestors. `02 cuộc`, under `1.3`, is words.
fn plausible(word: &str, last: Option<&str>) -> bool {
    let w = word.trim_end_matches(['.', ')']);
    if w.len() > 1 && w.starts_with('0') {
        return false;
    }
    let Some(last) = last else { return true };
    if !w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || !last.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return true;
    }
    if w == format!("{last}.1") {
        return true;
    }
    let parts: Vec<&str> = last.split('.').collect();
    (1..=parts.len()).any(|n| {
        let mut next: Vec<String> = parts[..n].iter().map(|p| p.to_string()).collect();
        let Ok(v) = next[n - 1].parse::<u32>() else {
            return false;
        };
        next[n - 1] = (v + 1).to_string();
        next.join(".") == w
    })
}

fn is_points(w: &str) -> bool {
    let w = w.trim_matches(|c| c == '(' || c == ')');
    let whole = w.split([',', '.']).next().unwrap_or("");
    !w.is_empty()
        && whole.len() <= 3
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && w.as_bytes()[0].is_ascii_digit()
        && !w.ends_with(['.', ','])
}
