//! Reading a decision's annex (*Phụ lục*): from a table of cell texts — whatever file it
//! came from — to a framework draft and *findings*: what was recognised, what was
//! guessed, what a person must decide, each naming the table row and the criterion.
//! The draft is then checked by the framework's own reader, whose messages are findings
//! too, placed at the row of their criterion. Pure: the files are read elsewhere
//! (`parindex-annex`).

mod columns;
pub mod export;
mod fold;
mod rules;

pub use fold::fold;

use crate::diagnostic::Text;
use crate::framework::Framework;
use fold::{has, points_cell};
use rules::{Alternative, Leaf};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The codes of findings, stable like the diagnostics' codes (`codes.rs`).
pub mod codes {
    pub const NO_TABLE: &str = "annex.no-table";
    pub const NO_HEADER: &str = "annex.no-header";
    pub const NO_CODE_COLUMN: &str = "annex.no-code-column";
    pub const NO_MAX_COLUMN: &str = "annex.no-max-column";
    pub const NO_CRITERIA: &str = "annex.no-criteria";
    pub const HEADER: &str = "annex.header";
    pub const DUPLICATE_CODE: &str = "annex.duplicate-code";
    pub const CODE_RENUMBERED: &str = "annex.code-renumbered";
    pub const HIDDEN_ROW: &str = "annex.hidden-row";
    pub const FORMULA: &str = "annex.formula";
    pub const ROW_SKIPPED: &str = "annex.row-skipped";
    pub const MAX_MISSING: &str = "annex.max-missing";
    pub const TOTAL: &str = "annex.total";
    pub const BONUS: &str = "annex.bonus";
    pub const PENALTY: &str = "annex.penalty";
    pub const DEFAULT: &str = "annex.default";
    pub const SURVEY: &str = "annex.survey";
    pub const RATIO: &str = "annex.ratio";
    pub const COUNT: &str = "annex.count";
    pub const PER_ITEM: &str = "annex.per-item";
    pub const CHOICE: &str = "annex.choice";
    pub const CHECKLIST: &str = "annex.checklist";
    pub const DEADLINE: &str = "annex.deadline";
    pub const MANUAL: &str = "annex.manual";
    pub const IF_NO_CASES: &str = "annex.if-no-cases";
    pub const OTHERWISE_DEFAULT: &str = "annex.otherwise-default";
    pub const BAND_EDGE: &str = "annex.band-edge";
    pub const MAY_NOT_APPLY: &str = "annex.may-not-apply";
    pub const OPTIONS_IGNORED: &str = "annex.options-ignored";
    /// The framework's own check failed; the message is the framework reader's.
    pub const INVALID: &str = "annex.invalid";
    /// What a table exported by parindex states (its `parindex` rows and column).
    pub const STATED: &str = "annex.stated";
}

/// A table as read from a file: rows of cell texts. Merged cells repeat their text in
/// every cell they cover (the readers do this).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    /// The row's number in its file (1-based), as the person sees it there.
    pub number: usize,
    pub cells: Vec<String>,
    /// Hidden in the spreadsheet.
    pub hidden: bool,
    /// Columns whose value a formula computed.
    pub formulas: Vec<usize>,
}

impl Row {
    pub fn new(number: usize, cells: Vec<String>) -> Self {
        Row {
            number,
            cells,
            hidden: false,
            formulas: Vec::new(),
        }
    }

    fn cell(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map_or("", |s| s.trim())
    }
}

/// How sure the reader is of what it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Read as written.
    Recognised,
    /// Chosen by parindex where the text was not explicit; check it.
    Guessed,
    /// A person must decide (or the draft does not validate).
    Decide,
}

impl Level {
    pub fn text(self) -> Text {
        match self {
            Level::Recognised => Text::new("nhận ra", "recognised"),
            Level::Guessed => Text::new("đoán", "guessed"),
            Level::Decide => Text::new("cần quyết định", "to decide"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub level: Level,
    pub code: &'static str,
    /// The row in the file (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    pub message: Text,
}

impl Finding {
    /// `dòng 12, 1.1.1: đoán — …` in the given language.
    pub fn line(&self, lang: crate::Lang) -> String {
        let mut place = Vec::new();
        if let Some(r) = self.row {
            place.push(format!(
                "{} {r}",
                crate::diagnostic::tr(lang, "dòng", "row")
            ));
        }
        if let Some(c) = &self.criterion {
            place.push(c.clone());
        }
        let place = if place.is_empty() {
            String::new()
        } else {
            format!("{}: ", place.join(", "))
        };
        format!(
            "{place}{} [{}] {}",
            self.level.text().get(lang),
            self.code,
            self.message.get(lang)
        )
    }
}

/// What the person says of the framework (the CLI's flags, the editor's fields); what
/// is not given is read from the annex's title or defaulted, with a finding.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub edition: Option<String>,
    pub level: Option<String>,
    /// A name for the source when the annex does not cite its decision (the file name).
    pub file_name: Option<String>,
}

/// The result of reading an annex.
pub struct Import {
    /// The framework draft, in the tree form of a framework file.
    pub tree: Value,
    pub findings: Vec<Finding>,
    /// The draft, when it passes every check of a framework.
    pub framework: Option<Framework>,
    /// The row of each criterion in the file.
    pub rows: Vec<(String, usize)>,
    /// The annex's own words for each criterion: its title and guidance, and its option
    /// rows as `label: N điểm` — what a person checks the proposed rule against.
    pub words: Vec<(String, String)>,
}

/// Reads an annex table into a framework draft.
pub fn import(table: &Table, options: &Options) -> Import {
    let mut findings = Vec::new();
    let (tree, read) = draft(table, options, &mut findings);
    let rows: Vec<(String, usize)> = read.iter().map(|(c, r, _)| (c.clone(), *r)).collect();
    let words = read.into_iter().map(|(c, _, w)| (c, w)).collect();
    let framework = match tree
        .is_null()
        .then_some(())
        .map_or_else(|| Framework::from_tree(&tree), |()| Err(Vec::new()))
    {
        Ok(f) => Some(f),
        Err(diags) => {
            for d in diags {
                let criterion = d.location.criterion.clone();
                let row = criterion
                    .as_ref()
                    .and_then(|c| rows.iter().find(|(code, _)| code == c))
                    .map(|(_, r)| *r);
                findings.push(Finding {
                    level: Level::Decide,
                    code: codes::INVALID,
                    row,
                    criterion,
                    message: Text::new(
                        format!("{} ({}: {})", d.message.vi, d.code, d.path),
                        format!("{} ({}: {})", d.message.en, d.code, d.path),
                    ),
                });
            }
            None
        }
    };
    Import {
        tree,
        findings,
        framework,
        rows,
        words,
    }
}

struct Coded {
    code: String,
    row: usize,
    title: String,
    max: Option<Decimal>,
    text: String,
    evidence: String,
    guide: String,
    survey: bool,
    /// The `Quy tắc (parindex)` cell: JSON of the criterion's other keys.
    stated: String,
    options: Vec<Alternative>,
    option_rows: Vec<usize>,
}

fn draft(
    table: &Table,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> (Value, Vec<(String, usize, String)>) {
    let push = |findings: &mut Vec<Finding>,
                level,
                code,
                row: Option<usize>,
                criterion: Option<&str>,
                vi: String,
                en: String| {
        findings.push(Finding {
            level,
            code,
            row,
            criterion: criterion.map(str::to_string),
            message: Text::new(vi, en),
        });
    };
    if table
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
    {
        push(
            findings,
            Level::Decide,
            codes::NO_TABLE,
            None,
            None,
            "không tìm thấy bảng nào có nội dung".into(),
            "no table with any content was found".into(),
        );
        return (Value::Null, Vec::new());
    }
    let Some((header_end, cols)) = columns::find(table, findings) else {
        return (Value::Null, Vec::new());
    };
    let before: Vec<&Row> = table
        .rows
        .iter()
        .take_while(|r| r.number < table.rows[header_end].number)
        .collect();
    let meta = columns::meta(&before);
    let stated = stated_keys(&before, findings);

    let mut coded: Vec<Coded> = Vec::new();
    let mut total: Option<(Decimal, usize)> = None;
    let mut bonus: Option<Decimal> = None;
    let mut penalty: Option<Decimal> = None;
    let mut in_extra = false;
    // A section whose cap is not written: the cap is the sum of its rows' points, and its
    // finding (by index) says so once the rows are read.
    let mut summed: Option<(bool, usize)> = None;
    let mut roman: Option<u32> = None;
    let mut letter_parent: Option<String> = None;
    let mut renumbered_told = false;
    for row in &table.rows[header_end + 1..] {
        let raw_code = row.cell(cols.code);
        // A cell's first line is the title; further lines (paragraphs) are guidance.
        let (title, more) = match row.cell(cols.title).split_once('\n') {
            Some((t, rest)) => (t.trim().to_string(), rest.trim().to_string()),
            None => (row.cell(cols.title).to_string(), String::new()),
        };
        let max_text = row.cell(cols.max);
        let folded_title = fold(&title);
        if raw_code.is_empty() && title.is_empty() && max_text.is_empty() {
            continue;
        }
        if row.hidden {
            push(
                findings,
                Level::Decide,
                codes::HIDDEN_ROW,
                Some(row.number),
                None,
                format!(
                    "dòng bị ẩn trong bảng tính, đã bỏ qua: \"{}\"",
                    short(&title)
                ),
                format!(
                    "the row is hidden in the spreadsheet and was left out: \"{}\"",
                    short(&title)
                ),
            );
            continue;
        }
        if cols.max.is_some_and(|m| row.formulas.contains(&m)) {
            push(findings, Level::Guessed, codes::FORMULA, Some(row.number), None,
                format!("điểm tối đa do công thức tính: đã lấy giá trị đã tính ({max_text})"),
                format!("the maximum is computed by a formula: its computed value was used ({max_text})"));
        }
        let max = points_cell(max_text);
        // A bonus or penalty section: its maximum is the cap; the rows under it are the
        // appraising body's to score, not criteria.
        let extra = match section_row(&folded_title) {
            Some(SectionRow::Total) => {
                if let Some(m) = max {
                    total = Some((m, row.number));
                }
                continue;
            }
            Some(SectionRow::Bonus) => Some((
                &mut bonus,
                codes::BONUS,
                "điểm thưởng",
                "bonus",
                "bonus_max",
            )),
            Some(SectionRow::Penalty) => Some((
                &mut penalty,
                codes::PENALTY,
                "điểm trừ",
                "penalty",
                "penalty_max",
            )),
            None => None,
        };
        if let Some((slot, code, vi, en, key)) = extra {
            in_extra = true;
            *slot = max;
            if let Some((is_bonus, index)) = summed.take() {
                summed_cap(findings, index, if is_bonus { bonus } else { penalty });
            }
            summed = max
                .is_none()
                .then_some((code == codes::BONUS, findings.len()));
            let cap = max.map_or("0".into(), |m| m.to_string());
            push(
                findings,
                Level::Recognised,
                code,
                Some(row.number),
                None,
                format!(
                    "{vi} tối đa {} ({key}); các dòng bên dưới do cơ quan thẩm định chấm",
                    max.map_or("0".into(), rules::vi)
                ),
                format!(
                    "{en} up to {cap} ({key}); the rows beneath are scored by the appraising body"
                ),
            );
            continue;
        }
        if in_extra
            && matches!(
                columns::code(raw_code),
                columns::Code::Dotted(_) | columns::Code::Letter(_)
            )
        {
            if let (Some((is_bonus, _)), Some(m)) = (summed, max) {
                let slot = if is_bonus { &mut bonus } else { &mut penalty };
                *slot = Some(slot.unwrap_or(Decimal::ZERO) + m);
            }
        }
        let code = match columns::code(raw_code) {
            columns::Code::Dotted(c) => {
                if in_extra {
                    continue;
                }
                letter_parent = Some(c.clone());
                Some(match roman {
                    Some(r) => {
                        let renumbered = format!("{r}.{c}");
                        if !renumbered_told {
                            renumbered_told = true;
                            push(findings, Level::Guessed, codes::CODE_RENUMBERED, Some(row.number), Some(&renumbered),
                            format!("số thứ tự đánh lại trong từng lĩnh vực La Mã: mã gồm số lĩnh vực (\"{raw_code}\" thuộc lĩnh vực {} → {renumbered}, và tương tự ở các dòng sau)", to_roman(r)),
                            format!("numbering restarts in each Roman-numbered field: codes include the field's number (\"{raw_code}\" under field {} → {renumbered}, and so on below)", to_roman(r)));
                        }
                        renumbered
                    }
                    None => c,
                })
            }
            columns::Code::Roman(r) => {
                in_extra = false;
                roman = Some(r);
                letter_parent = Some(r.to_string());
                Some(r.to_string())
            }
            columns::Code::Letter(n) => {
                if in_extra {
                    continue;
                }
                match (&letter_parent, coded.last()) {
                    (Some(_), Some(last)) => {
                        let parent = if last.code.matches('.').count() > 0
                            && coded.iter().any(|c| c.code == format!("{}.{n}", last.code))
                        {
                            last.code.clone()
                        } else {
                            last_nonletter(&coded)
                        };
                        let c = format!("{parent}.{n}");
                        push(
                            findings,
                            Level::Guessed,
                            codes::CODE_RENUMBERED,
                            Some(row.number),
                            Some(&c),
                            format!("mã \"{raw_code}\" → {c}"),
                            format!("code \"{raw_code}\" → {c}"),
                        );
                        Some(c)
                    }
                    _ => None,
                }
            }
            columns::Code::None => None,
            columns::Code::Other if columns::is_heading(raw_code) => continue,
            columns::Code::Other => {
                push(findings, Level::Decide, codes::ROW_SKIPPED, Some(row.number), None,
                    format!("cột STT \"{raw_code}\" không phải là mã tiêu chí: dòng đã bỏ qua"),
                    format!("\"{raw_code}\" in the code column is not a criterion code: the row was left out"));
                continue;
            }
        };
        let mut text = title.clone();
        let guide = [more.as_str(), row.cell(cols.guide)]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        if !guide.is_empty() {
            text.push('\n');
            text.push_str(&guide);
        }
        match code {
            Some(code) => {
                if let Some(first) = coded.iter().find(|c| c.code == code) {
                    push(
                        findings,
                        Level::Decide,
                        codes::DUPLICATE_CODE,
                        Some(row.number),
                        Some(&code),
                        format!("mã {code} đã có ở dòng {}: dòng này bị bỏ qua", first.row),
                        format!(
                            "code {code} is already on row {}: this row was left out",
                            first.row
                        ),
                    );
                    continue;
                }
                let survey = cols.survey.is_some_and(|c| !row.cell(Some(c)).is_empty());
                coded.push(Coded {
                    code,
                    row: row.number,
                    title,
                    max,
                    text,
                    evidence: row.cell(cols.evidence).to_string(),
                    guide,
                    survey,
                    stated: row.cell(cols.stated).to_string(),
                    options: Vec::new(),
                    option_rows: Vec::new(),
                });
            }
            None if in_extra => {}
            None => match (coded.last_mut(), max) {
                (Some(last), Some(points)) if !title.is_empty() => {
                    last.options.push(Alternative {
                        label: title,
                        points,
                    });
                    last.option_rows.push(row.number);
                }
                (Some(last), None) if !title.is_empty() => {
                    // A continuation of the criterion's words.
                    last.text.push('\n');
                    last.text.push_str(&text);
                    if last.guide.is_empty() {
                        last.guide = text;
                    } else {
                        last.guide.push('\n');
                        last.guide.push_str(&text);
                    }
                }
                _ => push(
                    findings,
                    Level::Decide,
                    codes::ROW_SKIPPED,
                    Some(row.number),
                    None,
                    format!(
                        "dòng không có mã và không thuộc tiêu chí nào: \"{}\"",
                        short(&title)
                    ),
                    format!(
                        "a row with no code under no criterion: \"{}\"",
                        short(&title)
                    ),
                ),
            },
        }
    }
    if let Some((is_bonus, index)) = summed {
        summed_cap(findings, index, if is_bonus { bonus } else { penalty });
    }
    if coded.is_empty() {
        push(
            findings,
            Level::Decide,
            codes::NO_CRITERIA,
            None,
            None,
            "bảng không có dòng nào có mã tiêu chí (1, 1.1, I, …)".into(),
            "the table has no row with a criterion code (1, 1.1, I, …)".into(),
        );
        return (Value::Null, Vec::new());
    }

    let is_parent = |code: &str| {
        coded.iter().any(|c| {
            c.code.len() > code.len()
                && c.code.starts_with(code)
                && c.code.as_bytes()[code.len()] == b'.'
        })
    };
    let parents: Vec<bool> = coded.iter().map(|c| is_parent(&c.code)).collect();
    // Maxima of parents missing in the table: the sum of their children, deepest first.
    let mut maxima: Vec<Option<Decimal>> = coded.iter().map(|c| c.max).collect();
    for i in (0..coded.len()).rev() {
        if maxima[i].is_none() && parents[i] {
            let code = &coded[i].code;
            let sum: Option<Decimal> = coded
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.code.starts_with(code.as_str())
                        && c.code[code.len()..].starts_with('.')
                        && !c.code[code.len() + 1..].contains('.')
                })
                .map(|(j, _)| maxima[j])
                .sum();
            if let Some(sum) = sum {
                maxima[i] = Some(sum);
                push(
                    findings,
                    Level::Guessed,
                    codes::MAX_MISSING,
                    Some(coded[i].row),
                    Some(code),
                    format!(
                        "không ghi điểm tối đa: lấy tổng các tiêu chí con ({})",
                        rules::vi(sum)
                    ),
                    format!("no maximum written: the sum of its children ({sum})"),
                );
            }
        }
    }

    let mut criteria = Vec::new();
    let mut stated_count = 0;
    for (i, c) in coded.iter().enumerate() {
        let mut t = Map::new();
        t.insert("code".into(), c.code.clone().into());
        t.insert("title".into(), json!({ "vi": one_line(&c.title) }));
        let extra = stated_criterion(c, findings);
        stated_count += usize::from(extra.is_some());
        let stated_rule = extra.as_ref().and_then(|m| m.get("rule")).cloned();
        let mut max = maxima[i];
        if !parents[i] {
            if max.is_none() {
                if let Some(best) = c.options.iter().map(|o| o.points).max() {
                    max = Some(best);
                    push(
                        findings,
                        Level::Guessed,
                        codes::MAX_MISSING,
                        Some(c.row),
                        Some(&c.code),
                        format!(
                            "không ghi điểm tối đa: lấy điểm cao nhất của các phương án ({})",
                            rules::vi(best)
                        ),
                        format!("no maximum written: the highest option's points ({best})"),
                    );
                }
            }
            let Some(m) = max else {
                push(
                    findings,
                    Level::Decide,
                    codes::MAX_MISSING,
                    Some(c.row),
                    Some(&c.code),
                    "không có điểm tối đa".into(),
                    "no maximum".into(),
                );
                t.insert("max".into(), "0".into());
                criteria.push(Value::Object(t));
                continue;
            };
            t.insert("max".into(), m.to_string().into());
            let proposal = match stated_rule {
                Some(rule) => rules::Proposal {
                    rule,
                    may_not_apply: false,
                },
                None => rules::propose(
                    &Leaf {
                        code: &c.code,
                        row: c.row,
                        max: m,
                        text: &c.text,
                        options: &c.options,
                        survey_mark: c.survey,
                    },
                    findings,
                ),
            };
            if proposal.may_not_apply {
                t.insert("may_not_apply".into(), true.into());
                push(
                    findings,
                    Level::Recognised,
                    codes::MAY_NOT_APPLY,
                    Some(c.row),
                    Some(&c.code),
                    "có thể \"không phát sinh\" (may_not_apply)".into(),
                    "may be declared not applicable (may_not_apply)".into(),
                );
            }
            if !c.evidence.is_empty() {
                t.insert("evidence".into(), one_line(&c.evidence).into());
            }
            let mut guide = c.guide.clone();
            if proposal.rule.get("kind").and_then(Value::as_str) == Some("manual")
                && !c.options.is_empty()
            {
                for o in &c.options {
                    if !guide.is_empty() {
                        guide.push('\n');
                    }
                    guide.push_str(&format!(
                        "{}: {} điểm",
                        o.label,
                        crate::decimal::human(o.points, crate::Lang::Vi)
                    ));
                }
            }
            if !guide.is_empty() {
                t.insert("guide".into(), guide.into());
            }
            t.insert("rule".into(), proposal.rule);
        } else {
            if let Some(m) = max {
                t.insert("max".into(), m.to_string().into());
            }
            if !c.options.is_empty() {
                push(findings, Level::Decide, codes::OPTIONS_IGNORED, Some(c.row), Some(&c.code),
                    format!("tiêu chí có tiêu chí con nên {} dòng phương án bên dưới (dòng {}) không được dùng", c.options.len(), c.option_rows.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")),
                    format!("the criterion has children, so the {} option rows beneath it (rows {}) are not used", c.options.len(), c.option_rows.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")));
            }
        }
        if let Some(extra) = extra {
            merge(&mut t, extra);
        }
        criteria.push(Value::Object(t));
    }
    if stated_count > 0 {
        push(
            findings,
            Level::Recognised,
            codes::STATED,
            None,
            None,
            format!("{stated_count} tiêu chí có quy tắc ghi sẵn ở cột \"Quy tắc (parindex)\": dùng đúng như đã ghi"),
            format!("{stated_count} criteria have their rule stated in the \"Quy tắc (parindex)\" column: used as written"),
        );
    }

    let tops: Decimal = coded
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.code.contains('.'))
        .filter_map(|(i, _)| maxima[i])
        .sum();
    let scale = match total {
        Some((t, row)) => {
            if t != tops {
                push(findings, Level::Decide, codes::TOTAL, Some(row), None,
                    format!("dòng tổng ghi {} nhưng các lĩnh vực cộng lại {}: thang điểm lấy theo dòng tổng", rules::vi(t), rules::vi(tops)),
                    format!("the total row says {t} but the fields add up to {tops}: the scale follows the total row"));
            } else {
                push(
                    findings,
                    Level::Recognised,
                    codes::TOTAL,
                    Some(row),
                    None,
                    format!(
                        "thang điểm {} (dòng tổng), khớp với tổng các lĩnh vực",
                        rules::vi(t)
                    ),
                    format!("scale {t} (the total row), equal to the fields' sum"),
                );
            }
            t
        }
        None => tops,
    };

    let mut fw = Map::new();
    fw.insert("format".into(), 1.into());
    let stated_str = |k: &str| stated.get(k).and_then(Value::as_str).map(str::to_string);
    let id = options
        .id
        .clone()
        .or_else(|| stated_str("id"))
        .unwrap_or_else(|| match options.file_name.as_deref() {
            Some(name) => {
                let id = fold::slug(name.rsplit_once('.').map_or(name, |(s, _)| s));
                push(
                    findings,
                    Level::Guessed,
                    codes::DEFAULT,
                    None,
                    None,
                    format!("mã bộ chỉ số (id) \"{id}\" lấy từ tên tệp"),
                    format!("framework id \"{id}\" taken from the file name"),
                );
                id
            }
            // A pasted table has no name to take one from.
            None => {
                push(
                    findings,
                    Level::Decide,
                    codes::DEFAULT,
                    None,
                    None,
                    "mã bộ chỉ số (id) đặt tạm là \"bo-chi-so\": hãy đặt mã riêng (ví dụ tinh-a-xa)".into(),
                    "framework id set to \"bo-chi-so\" for now: give it its own (e.g. tinh-a-xa)".into(),
                );
                "bo-chi-so".into()
            }
        });
    fw.insert("id".into(), id.into());
    let edition = options
        .edition
        .clone()
        .or_else(|| stated_str("edition"))
        .or_else(|| meta.year.clone())
        .unwrap_or_else(|| {
            push(
                findings,
                Level::Decide,
                codes::DEFAULT,
                None,
                None,
                "không thấy năm ban hành: phiên bản (edition) đặt là \"1\"".into(),
                "no year found: edition set to \"1\"".into(),
            );
            "1".into()
        });
    fw.insert("edition".into(), edition.into());
    let level = options.level.clone().or_else(|| stated_str("level")).or_else(|| meta.level.map(str::to_string)).unwrap_or_else(|| {
        push(findings, Level::Decide, codes::DEFAULT, None, None,
            "không rõ cấp áp dụng: đặt là \"other\" (ministry, province, department, district, commune)".into(),
            "the level is not stated: set to \"other\" (ministry, province, department, district, commune)".into());
        "other".into()
    });
    fw.insert("level".into(), level.into());
    fw.insert("official".into(), false.into());
    if !stated.contains_key("official") {
        push(
            findings,
            Level::Decide,
            codes::DEFAULT,
            None,
            None,
            "official = false: chỉ đặt true khi đã đối chiếu với văn bản ban hành".into(),
            "official = false: set it to true only once checked against the issued text".into(),
        );
    }
    // A stated source replaces this below.
    let source = meta.source.clone().unwrap_or_else(|| {
        if stated.contains_key("source") {
            return String::new();
        }
        push(
            findings,
            Level::Decide,
            codes::DEFAULT,
            None,
            None,
            "không thấy số quyết định trong bảng: hãy ghi nguồn (source)".into(),
            "no decision cited in the table: fill in the source".into(),
        );
        format!(
            "Nhập từ {}",
            options.file_name.as_deref().unwrap_or("bảng phụ lục")
        )
    });
    fw.insert("source".into(), source.into());
    fw.insert("title".into(), json!({ "vi": meta.title.clone().unwrap_or_else(|| "Bộ chỉ số cải cách hành chính".into()) }));
    fw.insert("scale".into(), scale.to_string().into());
    fw.insert("rounding".into(), json!({ "places": 2, "mode": "half-up" }));
    fw.insert("not_applicable".into(), "reduce-max".into());
    fw.insert("survey_missing".into(), "reduce-max".into());
    if !["rounding", "not_applicable", "survey_missing"]
        .iter()
        .all(|k| stated.contains_key(*k))
    {
        push(findings, Level::Guessed, codes::DEFAULT, None, None,
        "làm tròn 2 chữ số (half-up); tiêu chí không phát sinh và điều tra XHH chưa có: bỏ khỏi mẫu số (reduce-max) — đối chiếu với quyết định".into(),
        "rounding to 2 places (half-up); not-applicable criteria and a missing survey leave the denominator (reduce-max) — check against the decision".into());
    }
    if let Some(b) = bonus {
        fw.insert("bonus_max".into(), b.to_string().into());
    }
    if let Some(p) = penalty {
        fw.insert("penalty_max".into(), p.to_string().into());
    }
    // What the table states outright (a table exported by parindex) is taken as written;
    // the person's own choices (id, edition, level) still come first.
    for (k, v) in stated {
        if !(k == "id" && options.id.is_some()
            || k == "edition" && options.edition.is_some()
            || k == "level" && options.level.is_some())
        {
            fw.insert(k, v);
        }
    }
    fw.insert("criterion".into(), Value::Array(criteria));
    let read = coded
        .iter()
        .map(|c| {
            let mut words = c.text.clone();
            for o in &c.options {
                words.push_str(&format!(
                    "\n{}: {} điểm",
                    o.label,
                    crate::decimal::human(o.points, crate::Lang::Vi)
                ));
            }
            (c.code.clone(), c.row, words)
        })
        .collect();
    (Value::Object(fw), read)
}

fn last_nonletter(coded: &[Coded]) -> String {
    coded.last().map(|c| c.code.clone()).unwrap_or_default()
}

/// A row that is not a criterion but part of the table's frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionRow {
    /// `Tổng cộng`, `Tổng điểm`: the scale.
    Total,
    /// `Điểm thưởng`, `Điểm cộng`.
    Bonus,
    /// `Điểm trừ`.
    Penalty,
}

/// What a row's folded title makes it, if anything but a criterion or an option. The
/// export leaves out option rows that would read as one of these.
fn section_row(folded_title: &str) -> Option<SectionRow> {
    let t = folded_title;
    if t.starts_with("tong cong")
        || t.starts_with("tong diem")
        || t == "tong"
        || t.starts_with("tong so diem")
    {
        Some(SectionRow::Total)
    } else if has(t, "diem thuong") || has(t, "diem cong") {
        Some(SectionRow::Bonus)
    } else if has(t, "diem tru") {
        Some(SectionRow::Penalty)
    } else {
        None
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short(s: &str) -> String {
    let s = one_line(s);
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn to_roman(n: u32) -> String {
    const R: &[(u32, &str)] = &[(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = n;
    let mut out = String::new();
    for &(v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Rewrites the finding of a bonus or penalty section whose cap was not written: the cap
/// taken is the sum of the points of the rows beneath it.
fn summed_cap(findings: &mut [Finding], index: usize, cap: Option<Decimal>) {
    let Some(f) = findings.get_mut(index) else {
        return;
    };
    let (vi, en, key) = if f.code == codes::BONUS {
        ("điểm thưởng", "bonus", "bonus_max")
    } else {
        ("điểm trừ", "penalty", "penalty_max")
    };
    let cap = cap.unwrap_or(Decimal::ZERO);
    f.level = Level::Guessed;
    f.message = Text::new(
        format!("dòng {vi} không ghi điểm tối đa: lấy bằng tổng điểm các dòng bên dưới, {} ({key}); các dòng này do cơ quan thẩm định chấm", rules::vi(cap)),
        format!("the {en} row gives no maximum: taken as the sum of the rows beneath, {cap} ({key}); those rows are scored by the appraising body"),
    );
}

/// The framework keys stated above the header (`parindex | key | JSON value`), as a table
/// exported by parindex writes them. A value that is not JSON is a finding.
fn stated_keys(rows: &[&Row], findings: &mut Vec<Finding>) -> Map<String, Value> {
    let mut out = Map::new();
    for row in rows {
        let Some((key, value)) = columns::stated_key(row) else {
            continue;
        };
        match serde_json::from_str::<Value>(value) {
            Ok(v) if key != "criterion" => {
                out.insert(key.to_string(), v);
            }
            Ok(_) => {}
            Err(e) => findings.push(Finding {
                level: Level::Decide,
                code: codes::STATED,
                row: Some(row.number),
                criterion: None,
                message: Text::new(
                    format!(
                        "giá trị của khóa \"{key}\" không phải JSON hợp lệ ({e}): dòng đã bỏ qua"
                    ),
                    format!(
                        "the value of key \"{key}\" is not valid JSON ({e}): the row was left out"
                    ),
                ),
            }),
        }
    }
    out
}

/// A criterion's `Quy tắc (parindex)` cell: a JSON object of its other keys.
fn stated_criterion(c: &Coded, findings: &mut Vec<Finding>) -> Option<Map<String, Value>> {
    if c.stated.is_empty() {
        return None;
    }
    match serde_json::from_str::<Value>(&c.stated) {
        Ok(Value::Object(m)) => Some(m),
        other => {
            let why = match other {
                Err(e) => e.to_string(),
                Ok(_) => "not an object { … }".into(),
            };
            findings.push(Finding {
                level: Level::Decide,
                code: codes::STATED,
                row: Some(c.row),
                criterion: Some(c.code.clone()),
                message: Text::new(
                    format!("ô \"Quy tắc (parindex)\" không đọc được ({why}): quy tắc được đề xuất từ lời văn"),
                    format!("the \"Quy tắc (parindex)\" cell cannot be read ({why}): the rule is proposed from the words"),
                ),
            });
            None
        }
    }
}

/// Puts stated keys into a criterion; objects (the title's languages) are merged key by key.
fn merge(t: &mut Map<String, Value>, extra: Map<String, Value>) {
    for (k, v) in extra {
        match (t.get_mut(&k), v) {
            (Some(Value::Object(have)), Value::Object(more)) => {
                for (kk, vv) in more {
                    have.insert(kk, vv);
                }
            }
            (_, v) => {
                t.insert(k, v);
            }
        }
    }
}
