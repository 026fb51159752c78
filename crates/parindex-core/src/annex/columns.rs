//! Finding an annex table's header — on one or two rows, in whatever wording, case and
//! diacritics — and its columns; reading the STT column's codes; the title, decision
//! and year written above the table.

use super::fold::{fold, has};
use super::{codes, Finding, Level, Row, Table};
use crate::diagnostic::Text;

#[derive(Debug, Default, Clone, Copy)]
pub struct Columns {
    pub code: Option<usize>,
    pub title: Option<usize>,
    pub max: Option<usize>,
    pub evidence: Option<usize>,
    pub guide: Option<usize>,
    pub survey: Option<usize>,
    /// `Quy tắc (parindex)`: what a table exported by parindex states of each criterion
    /// beyond its columns (the rule, the English title, …), as JSON.
    pub stated: Option<usize>,
}

/// A code column's heading repeated below the header (a merged header cell).
pub fn is_heading(text: &str) -> bool {
    is_code_heading(&fold(text))
}

fn is_code_heading(h: &str) -> bool {
    matches!(
        h,
        "stt" | "tt" | "so tt" | "so thu tu" | "ma" | "ma so" | "ma tieu chi" | "ky hieu"
    )
}

fn is_title_heading(h: &str) -> bool {
    has(h, "tieu chi") || has(h, "linh vuc") || has(h, "noi dung") || has(h, "chi so")
}

fn is_max_heading(h: &str) -> bool {
    (has(h, "toi da")
        || has(h, "diem chuan")
        || has(h, "thang diem")
        || h == "diem"
        || h == "so diem")
        && !has(h, "tu cham")
        && !has(h, "tu danh gia")
        && !has(h, "tham dinh")
}

/// Classifies each column of the header row(s). Two header rows are merged cell by cell
/// (`Điểm` over `Tối đa | Tự chấm | Thẩm định`).
fn classify(headings: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in headings.iter().enumerate() {
        let h = h.as_str();
        if c.stated.is_none() && has(h, "parindex") {
            c.stated = Some(i);
        } else if c.code.is_none() && is_code_heading(h) {
            c.code = Some(i);
        } else if c.max.is_none() && is_max_heading(h) {
            c.max = Some(i);
        } else if c.evidence.is_none() && has(h, "kiem chung") {
            c.evidence = Some(i);
        } else if c.guide.is_none()
            && (has(h, "huong dan")
                || has(h, "cach cham")
                || has(h, "cach tinh")
                || has(h, "phuong phap")
                || has(h, "yeu cau"))
        {
            c.guide = Some(i);
        } else if c.survey.is_none() && (has(h, "dtxhh") || has(h, "dieu tra")) {
            c.survey = Some(i);
        } else if c.title.is_none() && is_title_heading(h) && !is_max_heading(h) {
            c.title = Some(i);
        }
    }
    c
}

/// The header's last row and the columns. Findings when a column cannot be found.
pub fn find(table: &Table, findings: &mut Vec<Finding>) -> Option<(usize, Columns)> {
    let mut best: Option<(usize, Columns, usize)> = None;
    for (i, row) in table.rows.iter().enumerate().take(30) {
        let one: Vec<String> = row.cells.iter().map(|c| fold(c)).collect();
        let mut candidates = vec![(i, classify(&one))];
        if let Some(next) = table.rows.get(i + 1) {
            let two: Vec<String> = (0..one.len().max(next.cells.len()))
                .map(|k| {
                    let a = one.get(k).map_or("", String::as_str);
                    let b = next.cells.get(k).map_or(String::new(), |c| fold(c));
                    if a == b || b.is_empty() {
                        a.to_string()
                    } else {
                        format!("{a} {b}").trim().to_string()
                    }
                })
                .collect();
            candidates.push((i + 1, classify(&two)));
        }
        for (end, cols) in candidates {
            let score = [cols.code, cols.title, cols.max]
                .iter()
                .filter(|c| c.is_some())
                .count()
                * 10
                + [cols.evidence, cols.guide, cols.survey]
                    .iter()
                    .filter(|c| c.is_some())
                    .count();
            // A second header row counts when it adds to the first (`Điểm` over `Tối đa`).
            let better = best
                .as_ref()
                .is_none_or(|b| score > b.2 || (score == b.2 && end == b.0 + 1 && end == i + 1));
            if better {
                best = Some((end, cols, score));
            }
        }
        if best.as_ref().is_some_and(|b| b.2 >= 30) {
            break;
        }
    }
    let push = |findings: &mut Vec<Finding>, code, row: Option<usize>, vi: String, en: String| {
        findings.push(Finding {
            level: Level::Decide,
            code,
            row,
            criterion: None,
            message: Text::new(vi, en),
        });
    };
    let Some((end, cols, score)) = best.filter(|b| b.2 >= 10) else {
        push(
            findings,
            codes::NO_HEADER,
            None,
            "không tìm thấy dòng tiêu đề của bảng (STT, Tiêu chí, Điểm tối đa)".into(),
            "no header row found (STT, Tiêu chí, Điểm tối đa)".into(),
        );
        return None;
    };
    let row = Some(table.rows[end].number);
    if cols.code.is_none() {
        push(
            findings,
            codes::NO_CODE_COLUMN,
            row,
            "không có cột mã tiêu chí (STT, TT, Mã)".into(),
            "no code column (STT, TT, Mã)".into(),
        );
        return None;
    }
    if cols.max.is_none() {
        push(
            findings,
            codes::NO_MAX_COLUMN,
            row,
            "không có cột điểm tối đa (Điểm tối đa, Điểm chuẩn, Thang điểm)".into(),
            "no maximum column (Điểm tối đa, Điểm chuẩn, Thang điểm)".into(),
        );
        return None;
    }
    let mut cols = cols;
    if cols.title.is_none() {
        // The column right of the code.
        cols.title = cols.code.map(|c| c + 1);
    }
    let _ = score;
    findings.push(Finding {
        level: Level::Recognised,
        code: codes::HEADER,
        row,
        criterion: None,
        message: Text::new(
            format!(
                "tiêu đề bảng: mã ở cột {}, tiêu chí ở cột {}, điểm tối đa ở cột {}",
                n(cols.code),
                n(cols.title),
                n(cols.max)
            ),
            format!(
                "table header: code in column {}, criterion in column {}, maximum in column {}",
                n(cols.code),
                n(cols.title),
                n(cols.max)
            ),
        ),
    });
    Some((end, cols))
}

fn n(c: Option<usize>) -> String {
    c.map_or("?".into(), |c| (c + 1).to_string())
}

pub enum Code {
    /// `1`, `1.2`, `1.2.3.` (trailing dot dropped)
    Dotted(String),
    /// `I`, `II.`: a field
    Roman(u32),
    /// `a)`, `b.`: the n-th item (1-based)
    Letter(u32),
    /// empty
    None,
    /// anything else
    Other,
}

pub fn code(text: &str) -> Code {
    let t = text.trim().trim_end_matches(['.', ')']);
    if t.is_empty() {
        return if text.trim().is_empty() {
            Code::None
        } else {
            Code::Other
        };
    }
    if t.split('.')
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let parts: Vec<String> = t
            .split('.')
            .map(|p| p.trim_start_matches('0').to_string())
            .collect();
        if parts.iter().any(String::is_empty) {
            return Code::Other;
        }
        return Code::Dotted(parts.join("."));
    }
    if let Some(r) = roman(t) {
        return Code::Roman(r);
    }
    let b = t.as_bytes();
    if b.len() == 1 && b[0].is_ascii_lowercase() && text.trim().len() > 1 {
        return Code::Letter(u32::from(b[0] - b'a') + 1);
    }
    if b.len() == 1 && b[0].is_ascii_lowercase() {
        return Code::Letter(u32::from(b[0] - b'a') + 1);
    }
    Code::Other
}

fn roman(t: &str) -> Option<u32> {
    if t.is_empty() || t.len() > 5 || !t.bytes().all(|b| b"IVX".contains(&b)) {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let b = t.as_bytes();
    let mut total = 0i32;
    for i in 0..b.len() {
        let v = value(b[i]);
        if b.get(i + 1).is_some_and(|&n| value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// What the rows above the header say.
#[derive(Default)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub year: Option<String>,
    pub level: Option<&'static str>,
}

/// Whether a row above the header states a framework key (`parindex | id | "mau-xa"`),
/// as a table exported by parindex does.
pub fn stated_key(row: &Row) -> Option<(&str, &str)> {
    let mut cells = row
        .cells
        .iter()
        .map(|c| c.trim())
        .skip_while(|c| c.is_empty());
    if !cells.next()?.eq_ignore_ascii_case("parindex") {
        return None;
    }
    Some((cells.next()?, cells.next().unwrap_or("")))
}

pub fn meta(rows: &[&Row]) -> Meta {
    let mut m = Meta::default();
    let mut titles = Vec::new();
    for row in rows.iter().filter(|r| stated_key(r).is_none()) {
        for cell in &row.cells {
            let text = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() || titles.contains(&text) {
                continue;
            }
            let f = fold(&text);
            if m.source.is_none() && (f.contains("quyet dinh so") || f.contains("/qd-")) {
                m.source = Some(text.trim_matches(|c| c == '(' || c == ')').to_string());
            } else if !f.starts_with("phu luc") || f.len() > 12 {
                titles.push(text);
            }
        }
    }
    let title = titles
        .iter()
        .find(|t| fold(t).contains("chi so"))
        .or(titles.first())
        .cloned();
    for text in title.iter().chain(m.source.iter()) {
        let f = fold(text);
        if m.year.is_none() {
            m.year = f
                .split(|c: char| !c.is_ascii_digit())
                .find(|w| w.len() == 4 && (w.starts_with("20")))
                .map(str::to_string);
        }
        if m.level.is_none() {
            m.level = if has(&f, "cap xa") || has(&f, "xa, phuong") || has(&f, "ubnd xa") {
                Some("commune")
            } else if has(&f, "cap huyen") {
                Some("district")
            } else if has(&f, "so, ban, nganh")
                || has(&f, "cac so")
                || has(&f, "cap so")
                || has(&f, "co quan chuyen mon")
            {
                Some("department")
            } else if has(&f, "bo, co quan ngang bo") {
                Some("ministry")
            } else if has(&f, "cap tinh") {
                Some("province")
            } else {
                None
            };
        }
    }
    m.title = title;
    m
}
