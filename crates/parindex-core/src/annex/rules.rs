//! Proposing a leaf's rule from the words of an annex: its alternatives (option rows
//! under the criterion, or `condition: N điểm` pieces written inline) and its text. Each
//! proposal says how sure it is through the findings it adds.

use super::fold::{fold, has, numbers, slug};
use super::{codes, Finding, Level};
use crate::diagnostic::Text;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// A number in a Vietnamese message: `0,25`.
pub(super) fn vi(d: Decimal) -> String {
    crate::decimal::human(d, crate::Lang::Vi)
}

/// One way a leaf can be scored as the annex writes it: its words and its points.
#[derive(Debug, Clone)]
pub struct Alternative {
    pub label: String,
    pub points: Decimal,
}

/// What a leaf says about itself, gathered from its row and the rows beneath it.
pub struct Leaf<'a> {
    pub code: &'a str,
    pub row: usize,
    pub max: Decimal,
    /// Title and guide text, for inline rules and marks (survey, không phát sinh).
    pub text: &'a str,
    /// Option rows beneath the criterion (no code, a label and points).
    pub options: &'a [Alternative],
    /// Marked as a survey criterion by a column of the table.
    pub survey_mark: bool,
}

impl Leaf<'_> {
    /// Adds a finding at this leaf's row and code.
    fn note(
        &self,
        findings: &mut Vec<Finding>,
        level: Level,
        code: &'static str,
        vi: String,
        en: String,
    ) {
        findings.push(Finding {
            level,
            code,
            row: Some(self.row),
            criterion: Some(self.code.to_string()),
            message: Text::new(vi, en),
        });
    }
}

/// The proposed rule and whether the criterion may be declared "không phát sinh".
pub struct Proposal {
    pub rule: Value,
    pub may_not_apply: bool,
}

pub fn propose(leaf: &Leaf, findings: &mut Vec<Finding>) -> Proposal {
    let text = fold(leaf.text);
    let not_arising = has(&text, "khong phat sinh");
    if leaf.survey_mark
        || has(&text, "dieu tra xa hoi hoc")
        || has(&text, "dtxhh")
        || has(&text, "dieu tra xhh")
    {
        leaf.note(
            findings,
            Level::Recognised,
            codes::SURVEY,
            "chấm bằng điều tra xã hội học (survey)".into(),
            "scored by the sociological survey (survey)".into(),
        );
        return Proposal {
            rule: json!({ "kind": "survey" }),
            may_not_apply: false,
        };
    }
    let inline;
    let alternatives: &[Alternative] = if leaf.options.is_empty() {
        inline = inline_alternatives(leaf.text);
        &inline
    } else {
        leaf.options
    };
    let from = if leaf.options.is_empty() {
        ("trong lời văn", "written inline")
    } else {
        ("từ các dòng phương án", "from the option rows")
    };

    if let Some(rule) = ratio(leaf, alternatives, &text, findings) {
        return Proposal {
            rule,
            may_not_apply: false,
        };
    }
    let other = deadline(leaf, alternatives, findings)
        .or_else(|| per_item(leaf, alternatives, findings))
        .or_else(|| count(leaf, alternatives, findings));
    if let Some(rule) = other {
        return Proposal {
            rule,
            may_not_apply: not_arising,
        };
    }
    let best = alternatives.iter().map(|a| a.points).max();
    let sum: Decimal = alternatives.iter().map(|a| a.points).sum();
    if !leaf.options.is_empty()
        && alternatives.len() >= 2
        && sum == leaf.max
        && alternatives.iter().all(|a| a.points > Decimal::ZERO)
    {
        leaf.note(
            findings,
            Level::Recognised,
            codes::CHECKLIST,
            format!("danh mục {} nội dung, mỗi nội dung có điểm riêng, cộng lại bằng điểm tối đa (checklist)", alternatives.len()),
            format!("a list of {} items, each earning its own points, summing to the maximum (checklist)", alternatives.len()),
        );
        return Proposal {
            rule: json!({ "kind": "checklist", "items": keyed(alternatives) }),
            may_not_apply: not_arising,
        };
    }
    if alternatives.len() >= 2 && best == Some(leaf.max) {
        leaf.note(
            findings,
            Level::Recognised,
            codes::CHOICE,
            format!(
                "{} phương án {}, giữ nguyên lời văn (choice)",
                alternatives.len(),
                from.0
            ),
            format!(
                "{} alternatives {}, labels kept verbatim (choice)",
                alternatives.len(),
                from.1
            ),
        );
        return Proposal {
            rule: json!({ "kind": "choice", "options": keyed(alternatives) }),
            may_not_apply: not_arising,
        };
    }
    let mut rule = Map::new();
    rule.insert("kind".into(), "manual".into());
    if let Some(step) = stated_step(&text) {
        rule.insert("step".into(), step.to_string().into());
    }
    leaf.note(
        findings,
        Level::Decide,
        codes::MANUAL,
        "không nhận ra cách chấm: để chấm tay (manual), lời văn giữ ở hướng dẫn (guide) — hãy chọn loại quy tắc nếu phù hợp".into(),
        "no scoring rule recognised: scored by hand (manual), the words kept as the guide — choose a rule kind if one fits".into(),
    );
    Proposal {
        rule: Value::Object(rule),
        may_not_apply: not_arising,
    }
}

/// `condition: N điểm` pieces of a text: each `N điểm` ends one, whose condition is the
/// text since the previous one. `"Trên 90%: 2 điểm; dưới 90%: 0 điểm"` → two.
pub fn inline_alternatives(text: &str) -> Vec<Alternative> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded_from = |i: usize| fold(&text[i..]);
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let boundary = i == 0 || !chars[i - 1].1.is_alphanumeric();
        if c.is_ascii_digit() && boundary {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_ascii_digit()
                    || ((chars[j].1 == ',' || chars[j].1 == '.')
                        && j + 1 < chars.len()
                        && chars[j + 1].1.is_ascii_digit()))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let rest = folded_from(end);
            if rest.starts_with("diem") && !rest[4..].starts_with(|c: char| c.is_alphanumeric()) {
                if let Some(points) = super::fold::number(&text[at..end]) {
                    let piece = &text[start..at];
                    let piece = piece.rfind('\n').map_or(piece, |n| &piece[n + 1..]);
                    let label = clean_label(piece);
                    if !label.is_empty() {
                        out.push(Alternative { label, points });
                    }
                    // Skip "điểm" and what closes the piece.
                    let mut k = j;
                    let mut letters = 0;
                    while k < chars.len() && letters < 4 {
                        if chars[k].1.is_alphabetic() {
                            letters += 1;
                        }
                        k += 1;
                    }
                    while k < chars.len()
                        && matches!(chars[k].1, ')' | ';' | '.' | ',' | ' ' | '\n' | '\t')
                    {
                        k += 1;
                    }
                    start = chars.get(k).map_or(text.len(), |c| c.0);
                    i = k;
                    continue;
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn clean_label(s: &str) -> String {
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '=' | '(' | '-' | '–' | ',' | ';' | '.' | '+' | '*')
    });
    let f = fold(s);
    // "…: được 2 điểm", "… đạt 2 điểm"
    for tail in [" duoc", " dat", " cho"] {
        if f.ends_with(tail) {
            let cut = s
                .char_indices()
                .rev()
                .nth(tail.len() - 2)
                .map_or(0, |c| c.0);
            return clean_label(&s[..cut]);
        }
    }
    s.to_string()
}

/// Options or checklist items: the labels verbatim, keys made from them, unique.
fn keyed(alternatives: &[Alternative]) -> Vec<Value> {
    let mut keys = Keys::default();
    alternatives
        .iter()
        .map(|a| json!({ "key": keys.next(&a.label), "label": { "vi": a.label }, "points": a.points.to_string() }))
        .collect()
}

/// Unique option keys from labels.
#[derive(Default)]
struct Keys(Vec<String>);

impl Keys {
    fn next(&mut self, label: &str) -> String {
        let base = slug(label);
        let mut key = base.clone();
        let mut n = 2;
        while self.0.contains(&key) {
            key = format!("{base}-{n}");
            n += 1;
        }
        self.0.push(key.clone());
        key
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Edge {
    AtLeast(Decimal),
    Above(Decimal),
    Otherwise,
}

/// A condition on a number: `trên 90%` → above 90, `từ 70% đến dưới 90%` → at least 70
/// (and the upper end, to check that bands meet), `dưới 70%` → otherwise.
fn edge(cond: &str, percent: bool) -> Option<(Edge, Option<(Decimal, bool)>)> {
    let nums: Vec<_> = numbers(cond)
        .into_iter()
        .filter(|n| n.3 == percent || (percent && cond.contains('%')))
        .filter(|n| !is_date_part(cond, n.1, n.2))
        .collect();
    let before = |i: usize| cond[..nums[i].1].trim_end().to_string();
    let negative = has(cond, "khong") || has(cond, "chua");
    match nums.len() {
        0 if negative => Some((Edge::Otherwise, None)),
        1 => {
            let n = nums[0].0;
            let b = before(0);
            let after = cond[nums[0].2..].to_string();
            if b.ends_with("duoi")
                || b.ends_with("nho hon")
                || b.ends_with('<')
                || b.ends_with("it hon")
                || b.ends_with("chua dat")
                || b.ends_with("khong dat")
                || has(&after, "tro xuong")
            {
                Some((Edge::Otherwise, None))
            } else if b.ends_with("tren")
                || b.ends_with("hon")
                || b.ends_with("lon hon")
                || b.ends_with("vuot")
                || b.ends_with('>')
            {
                Some((Edge::Above(n), None))
            } else if n.is_zero() {
                Some((Edge::Otherwise, None))
            } else {
                Some((Edge::AtLeast(n), None))
            }
        }
        2 => {
            let (a, b) = (nums[0].0, nums[1].0);
            let between = cond[nums[0].2..nums[1].1].to_string();
            let open_top = has(&between, "duoi") || between.contains('<');
            if before(0).ends_with("tren") {
                Some((Edge::Above(a), Some((b, !open_top))))
            } else {
                Some((Edge::AtLeast(a), Some((b, !open_top))))
            }
        }
        _ => None,
    }
}

fn is_date_part(cond: &str, start: usize, end: usize) -> bool {
    cond[end..].starts_with('/') || cond[..start].ends_with('/')
}

struct Bands {
    bands: Vec<Value>,
    otherwise: Option<Decimal>,
}

/// Bands from alternatives, top-down. Findings for edges that leave a value out or
/// claim it twice.
fn bands(
    leaf: &Leaf,
    alternatives: &[Alternative],
    percent: bool,
    findings: &mut Vec<Finding>,
) -> Option<Bands> {
    let mut edges = Vec::new();
    for a in alternatives {
        let cond = fold(&a.label);
        edges.push((edge(&cond, percent)?, a.points, a.label.clone()));
    }
    let unit = if percent { "%" } else { "" };
    let mut out = Vec::new();
    let mut otherwise = None;
    let mut last: Option<Edge> = None;
    for (i, ((e, upper), points, label)) in edges.iter().enumerate() {
        match *e {
            Edge::Otherwise => {
                if otherwise.is_some() || i + 1 != edges.len() {
                    return None;
                }
                otherwise = Some(*points);
            }
            Edge::AtLeast(n) | Edge::Above(n) => {
                if let Some(prev) = last {
                    let prev_n = match prev {
                        Edge::AtLeast(p) | Edge::Above(p) => p,
                        Edge::Otherwise => return None,
                    };
                    if n > prev_n
                        || (n == prev_n && !matches!((prev, e), (Edge::Above(_), Edge::AtLeast(_))))
                    {
                        return None;
                    }
                    if let Some((top, closed)) = upper {
                        let meets = match prev {
                            Edge::Above(p) => *top == p && *closed,
                            Edge::AtLeast(p) => {
                                (*top == p && !*closed)
                                    || (!percent && *closed && *top + Decimal::ONE == p)
                            }
                            Edge::Otherwise => false,
                        };
                        if !meets {
                            let (vi, en) = if *top == prev_n && matches!(prev, Edge::Above(_)) {
                                (
                                    format!("\"{label}\": đúng {prev_n}{unit} không thuộc mức nào theo lời văn; parindex xếp vào mức này (mức dưới)"),
                                    format!("\"{label}\": exactly {prev_n}{unit} falls in no band as written; parindex puts it in this (lower) band"),
                                )
                            } else if *top == prev_n {
                                (
                                    format!("\"{label}\": đúng {prev_n}{unit} thuộc cả hai mức theo lời văn; mức trên được tính (mức đầu tiên khớp)"),
                                    format!("\"{label}\": exactly {prev_n}{unit} is in two bands as written; the upper one counts (first match wins)"),
                                )
                            } else {
                                (
                                    format!("\"{label}\": khoảng này không nối liền với mức trên ({prev_n}{unit}); các giá trị ở giữa được xếp vào mức này"),
                                    format!("\"{label}\": this range does not meet the band above ({prev_n}{unit}); values in between fall in this band"),
                                )
                            };
                            leaf.note(findings, Level::Decide, codes::BAND_EDGE, vi, en);
                        }
                    }
                }
                let key = if matches!(e, Edge::Above(_)) {
                    "above"
                } else {
                    "at_least"
                };
                let mut band = Map::new();
                band.insert(key.into(), n.to_string().into());
                band.insert("points".into(), points.to_string().into());
                out.push(Value::Object(band));
                last = Some(*e);
            }
        }
    }
    (!out.is_empty()).then_some(Bands {
        bands: out,
        otherwise,
    })
}

fn ratio(
    leaf: &Leaf,
    alternatives: &[Alternative],
    text: &str,
    findings: &mut Vec<Finding>,
) -> Option<Value> {
    if alternatives.is_empty() || !alternatives.iter().any(|a| a.label.contains('%')) {
        return None;
    }
    let (bands, otherwise) = match per_percent(leaf, alternatives, findings) {
        Some(bands) => (bands, Some(Decimal::ZERO)),
        None => {
            let b = bands(leaf, alternatives, true, findings)?;
            (b.bands, b.otherwise)
        }
    };
    let mut rule = Map::new();
    rule.insert("kind".into(), "ratio".into());
    rule.insert("bands".into(), Value::Array(bands));
    let otherwise_given = otherwise.is_some();
    let otherwise = otherwise.unwrap_or(Decimal::ZERO);
    rule.insert("otherwise".into(), otherwise.to_string().into());
    leaf.note(
        findings,
        Level::Recognised,
        codes::RATIO,
        "các mức theo tỷ lệ % (ratio), ngưỡng so sánh chính xác như lời văn".into(),
        "percentage bands (ratio), edges compared exactly as written".into(),
    );
    if !otherwise_given {
        leaf.note(
            findings,
            Level::Guessed,
            codes::OTHERWISE_DEFAULT,
            "lời văn không nói mức thấp nhất: dưới các mức được 0 điểm".into(),
            "the text does not give the lowest band: below every band earns 0".into(),
        );
    }
    let if_no_cases = if has(text, "khong phat sinh") || has(text, "khong phat hien") {
        if text.contains("toi da") {
            leaf.note(
                findings,
                Level::Recognised,
                codes::IF_NO_CASES,
                "không phát sinh: được điểm tối đa (if_no_cases = max)".into(),
                "no cases: the maximum (if_no_cases = max)".into(),
            );
            "max"
        } else {
            leaf.note(
                findings,
                Level::Recognised,
                codes::IF_NO_CASES,
                "không phát sinh: tiêu chí không tính (if_no_cases = not-applicable)".into(),
                "no cases: the criterion does not count (if_no_cases = not-applicable)".into(),
            );
            "not-applicable"
        }
    } else {
        leaf.note(
            findings,
            Level::Decide,
            codes::IF_NO_CASES,
            "lời văn không nói khi không có trường hợp nào (mẫu số 0): đã chọn \"không phát sinh\" (if_no_cases = not-applicable); có thể chọn điểm tối đa hoặc 0".into(),
            "the text does not say what happens with no cases (denominator 0): chose not applicable (if_no_cases = not-applicable); the maximum or 0 are the other choices".into(),
        );
        "not-applicable"
    };
    rule.insert("if_no_cases".into(), if_no_cases.into());
    Some(Value::Object(rule))
}

/// `Mỗi 10% hồ sơ trực tuyến: 0,25 điểm` under a maximum of 1,5 → ratio bands at 60%
/// (1,5), 50% (1,25), … 10% (0,25); below 10% earns 0. Steps past 100% are not reachable,
/// so such a text is left to the other readings.
/// The one `Mỗi …: X điểm` alternative whose points go a whole number of times into the
/// leaf's maximum: it, its folded words and that number.
fn each<'a>(
    leaf: &Leaf,
    alternatives: &'a [Alternative],
) -> Option<(&'a Alternative, String, Decimal)> {
    let [only] = alternatives else { return None };
    let label = fold(&only.label);
    if !(label.starts_with("moi ") || label.contains(" moi "))
        || only.points <= Decimal::ZERO
        || only.points >= leaf.max
    {
        return None;
    }
    let n = leaf.max / only.points;
    (n.fract() == Decimal::ZERO).then_some((only, label, n))
}

fn per_percent(
    leaf: &Leaf,
    alternatives: &[Alternative],
    findings: &mut Vec<Finding>,
) -> Option<Vec<Value>> {
    let (only, label, n) = each(leaf, alternatives)?;
    let at = label.find("moi ")?;
    let (step, start, _, percent) = *numbers(&label[at..]).first()?;
    if !percent || start != "moi ".len() || step <= Decimal::ZERO || step * n > Decimal::ONE_HUNDRED
    {
        return None;
    }
    let n = u32::try_from(n.trunc().mantissa()).ok()?;
    leaf.note(
        findings,
        Level::Guessed,
        codes::PER_ITEM,
        format!(
            "\"{}\": mỗi {}% được {} điểm, tối đa {} điểm từ {}% (ratio)",
            only.label,
            vi(step),
            vi(only.points),
            vi(leaf.max),
            vi(step * Decimal::from(n))
        ),
        format!(
            "\"{}\": {} points for each {}%, at most {} from {}% (ratio)",
            only.label,
            only.points,
            step,
            leaf.max,
            step * Decimal::from(n)
        ),
    );
    Some(
        (1..=n)
            .rev()
            .map(|k| {
                let k = Decimal::from(k);
                json!({ "at_least": (step * k).normalize().to_string(), "points": (only.points * k).normalize().to_string() })
            })
            .collect(),
    )
}

fn count(leaf: &Leaf, alternatives: &[Alternative], findings: &mut Vec<Finding>) -> Option<Value> {
    if alternatives.len() < 2 {
        return None;
    }
    let numbered = alternatives
        .iter()
        .filter(|a| numbers(&fold(&a.label)).iter().any(|n| !n.3))
        .count();
    if numbered == 0 {
        return None;
    }
    let b = bands(leaf, alternatives, false, findings)?;
    leaf.note(
        findings,
        Level::Recognised,
        codes::COUNT,
        "các mức theo số lượng (count)".into(),
        "bands on a number (count)".into(),
    );
    Some(
        json!({ "kind": "count", "bands": b.bands, "otherwise": b.otherwise.unwrap_or(Decimal::ZERO).to_string() }),
    )
}

/// `Mỗi báo cáo gửi đúng hạn: 0,25 điểm` under a maximum of 1 → a count: 4 or more earn
/// 1, 3 earn 0.75, …
fn per_item(
    leaf: &Leaf,
    alternatives: &[Alternative],
    findings: &mut Vec<Finding>,
) -> Option<Value> {
    let (only, _, n) = each(leaf, alternatives)?;
    if n > Decimal::from(50) {
        return None;
    }
    // "Mỗi hình thức sau được 0,25 điểm:" and the forms listed beneath, one per line.
    let listed = listed_items(leaf.text);
    if Decimal::from(listed.len()) == n {
        leaf.note(
            findings,
            Level::Recognised,
            codes::CHECKLIST,
            format!(
                "\"{}\": danh mục {} nội dung liệt kê bên dưới, mỗi nội dung {} điểm (checklist)",
                only.label,
                listed.len(),
                vi(only.points)
            ),
            format!(
                "\"{}\": the {} items listed beneath, {} points each (checklist)",
                only.label,
                listed.len(),
                only.points
            ),
        );
        let items: Vec<Alternative> = listed
            .into_iter()
            .map(|label| Alternative {
                label,
                points: only.points,
            })
            .collect();
        return Some(json!({ "kind": "checklist", "items": keyed(&items) }));
    }
    let n = u32::try_from(n.trunc().mantissa()).ok()?;
    let bands: Vec<Value> = (1..=n)
        .rev()
        .map(|k| json!({ "at_least": k.to_string(), "points": (only.points * Decimal::from(k)).normalize().to_string() }))
        .collect();
    leaf.note(
        findings,
        Level::Guessed,
        codes::PER_ITEM,
        format!(
            "\"{}\": mỗi lần {} điểm, tối đa {} lần (count)",
            only.label,
            vi(only.points),
            n
        ),
        format!(
            "\"{}\": {} points each, up to {} times (count)",
            only.label, only.points, n
        ),
    );
    Some(json!({ "kind": "count", "bands": bands, "otherwise": "0" }))
}

/// The lines of a text that list items: `- Hội nghị;`, `+ Cuộc thi`, `• Pa-nô`, `a) …`,
/// without their mark and closing `;` or `.`.
fn listed_items(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix(['-', '+', '•', '–', '*'])
                .or_else(|| {
                    let (mark, rest) = line.split_once(')')?;
                    (mark.chars().count() == 1 && mark.chars().all(char::is_alphabetic))
                        .then_some(rest)
                })?
                .trim()
                .trim_end_matches([';', '.', ','])
                .trim();
            (!rest.is_empty()).then(|| rest.to_string())
        })
        .collect()
}

/// A stated date (`trước ngày 15/01`, `chậm nhất ngày 31/12 năm trước`) with on time,
/// late and not done alternatives.
fn deadline(
    leaf: &Leaf,
    alternatives: &[Alternative],
    findings: &mut Vec<Finding>,
) -> Option<Value> {
    let mut due = None;
    let (mut on_time, mut late, mut not_done) = (None, None, None);
    for a in alternatives {
        let f = fold(&a.label);
        if let Some(d) = date_in(&f) {
            due.get_or_insert((d.0, d.1, d.2, d.3, a.label.clone()));
            // "sau ngày 31/12", "từ ngày 15/01 trở đi", "muộn hơn", "quá ngày".
            if has(&f, "sau")
                || has(&f, "cham hon")
                || has(&f, "qua")
                || has(&f, "tro di")
                || has(&f, "muon")
            {
                late.get_or_insert(a.points);
            } else {
                on_time.get_or_insert(a.points);
            }
        } else if has(&f, "khong kip thoi")
            || has(&f, "cham")
            || has(&f, "qua han")
            || has(&f, "sau thoi han")
            || has(&f, "khong dung han")
            || has(&f, "tre han")
        {
            late.get_or_insert(a.points);
        } else if has(&f, "khong") || has(&f, "chua") {
            not_done.get_or_insert(a.points);
        } else if has(&f, "kip thoi") || has(&f, "dung han") || has(&f, "dung thoi han") {
            on_time.get_or_insert(a.points);
        }
    }
    // Timeliness alternatives (kịp thời / không kịp thời) with the date in the text.
    if due.is_none() && on_time.is_some() {
        for line in leaf.text.lines() {
            if let Some(d) = date_in(&fold(line)) {
                due = Some((d.0, d.1, d.2, d.3, line.trim().to_string()));
                break;
            }
        }
    }
    let ((day, month, strict, mut offset, words), on_time) = (due?, on_time?);
    let late = late.unwrap_or(Decimal::ZERO);
    let not_done = not_done.unwrap_or(Decimal::ZERO);
    if on_time != leaf.max {
        return None;
    }
    let (mut d, mut m) = (day, month);
    if strict {
        // "trước ngày 15/01": on time until 14/01.
        if d > 1 {
            d -= 1;
        } else {
            if m == 1 {
                m = 12;
                offset -= 1;
            } else {
                m -= 1;
            }
            d = u32::from(crate::date::days_in_month(2023, m as u8));
        }
    }
    let mut rule = Map::new();
    rule.insert("kind".into(), "deadline".into());
    rule.insert("due".into(), format!("{m:02}-{d:02}").into());
    if offset != 0 {
        rule.insert("due_year_offset".into(), offset.into());
    }
    rule.insert("on_time".into(), on_time.to_string().into());
    rule.insert("late".into(), late.to_string().into());
    rule.insert("not_done".into(), not_done.to_string().into());
    let (year_vi, year_en) = if offset < 0 {
        (" năm trước", " of the year before")
    } else {
        ("", "")
    };
    let (vi, en) = (
        format!("hạn \"{words}\": đúng hạn khi xong đến hết ngày {d:02}/{m:02}{year_vi} (deadline)"),
        format!("deadline \"{words}\": on time when done by the end of {d:02}/{m:02}{year_en} (deadline)"),
    );
    leaf.note(findings, Level::Recognised, codes::DEADLINE, vi, en);
    Some(Value::Object(rule))
}

/// The first `DD/MM` in a folded text: (day, month, strictly before, year offset, words).
fn date_in(f: &str) -> Option<(u32, u32, bool, i64, String)> {
    let b = f.as_bytes();
    for (i, _) in f.match_indices('/') {
        let mut s = i;
        while s > 0 && b[s - 1].is_ascii_digit() {
            s -= 1;
        }
        let mut e = i + 1;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        let (Ok(day), Ok(month)) = (f[s..i].parse::<u32>(), f[i + 1..e].parse::<u32>()) else {
            continue;
        };
        if !(1..=12).contains(&month)
            || day == 0
            || day > u32::from(crate::date::days_in_month(2024, month as u8))
        {
            continue;
        }
        let before = f[..s].trim_end();
        let before = before.strip_suffix("ngay").unwrap_or(before).trim_end();
        let strict = before.ends_with("truoc") && !before.ends_with("hoac truoc");
        let after = &f[e..];
        let offset = if after.starts_with("/") {
            0
        } else if after.trim_start().starts_with("nam truoc") {
            -1
        } else {
            0
        };
        let from = before.rfind([':', ';', ',']).map_or(0, |p| p + 1);
        return Some((day, month, strict, offset, f[from..e].trim().to_string()));
    }
    None
}

fn stated_step(text: &str) -> Option<Decimal> {
    let at = text.find("buoc ")?;
    let nums = numbers(&text[at..]);
    nums.first()
        .filter(|n| n.1 <= 8 && !n.0.is_zero())
        .map(|n| n.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_inline_alternatives() {
        let a =
            inline_alternatives("Trên 90%: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm");
        let labels: Vec<_> = a
            .iter()
            .map(|a| (a.label.as_str(), a.points.to_string()))
            .collect();
        assert_eq!(
            labels,
            [
                ("Trên 90%", "2".to_string()),
                ("từ 70% đến dưới 90%", "1".to_string()),
                ("dưới 70%", "0".to_string())
            ]
        );
        let a = inline_alternatives("Mỗi báo cáo gửi đúng hạn: 0,25 điểm");
        assert_eq!(a[0].label, "Mỗi báo cáo gửi đúng hạn");
        assert_eq!(a[0].points.to_string(), "0.25");
    }
}
