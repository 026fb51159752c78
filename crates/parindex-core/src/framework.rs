//! Frameworks (*bộ chỉ số*): the methodology as data. Reads a framework TOML file
//! strictly and checks every consistency rule of `docs/formats.md` §1, reporting each
//! problem with the criterion code and field.

use crate::decimal::{points_str, Rounding, RoundingMode};
use crate::diagnostic::{Diagnostic, Diagnostics, Text};
use crate::keyword::{self, keyword_enum};
use crate::reader::{array, boolean, framework_number, non_empty_string, string, Fields};
use crate::rules::Rule;
use crate::text::{read_text, read_text_or_plain};
use crate::{code, codes};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;

/// The only framework format this version reads.
pub const FORMAT: i64 = 1;

keyword_enum! {
    /// The administrative level a framework is for.
    pub enum Level ("cấp", "level") {
        Ministry = "ministry",
        Province = "province",
        Department = "department",
        District = "district",
        Commune = "commune",
        Other = "other",
    }
}

impl Level {
    /// The level as people say it: `cấp huyện`, `district level`.
    pub fn label(self) -> Text {
        let (vi, en) = match self {
            Level::Ministry => ("cấp bộ", "ministry"),
            Level::Province => ("cấp tỉnh", "province"),
            Level::Department => ("cấp sở", "department"),
            Level::District => ("cấp huyện", "district"),
            Level::Commune => ("cấp xã", "commune"),
            Level::Other => ("khác", "other"),
        };
        Text::new(vi, en)
    }
}

keyword_enum! {
    /// What a not-applicable leaf (*không phát sinh*) does to the score.
    pub enum NotApplicablePolicy ("cách tính tiêu chí không phát sinh", "not-applicable policy") {
        /// Its max leaves the denominator.
        ReduceMax = "reduce-max",
        /// It earns full points.
        AwardMax = "award-max",
    }
}

keyword_enum! {
    /// What a survey leaf without a survey result does to the score.
    pub enum SurveyMissingPolicy ("cách tính khi chưa có kết quả điều tra XHH", "survey-missing policy") {
        /// Its max leaves the denominator (the score is rescaled, as when no survey is
        /// held).
        ReduceMax = "reduce-max",
        /// It counts 0 points.
        Zero = "zero",
    }
}

/// A classification band (*xếp loại*, `[[band]]` in the file): indices at or above
/// `min` earn `label`. (The thresholds inside `ratio` and `count` rules are
/// [`crate::rules::Threshold`]s.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Band {
    #[serde(serialize_with = "crate::scorecard::ser_points")]
    pub min: Decimal,
    pub label: Text,
}

/// Where a criterion is written in the issued text: the decision, its annex, the row
/// of the annex's table (`reference = { decision = "…", annex = "…", row = "12" }`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reference {
    pub decision: Option<String>,
    pub annex: Option<String>,
    pub row: Option<String>,
}

impl Reference {
    /// The reference as people cite it: `876/QĐ-BNV, Phụ lục I, dòng 12`.
    pub fn text(&self) -> Text {
        let cite = |row_word: &str| {
            let row = self.row.as_ref().map(|r| format!("{row_word} {r}"));
            [self.decision.clone(), self.annex.clone(), row]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        };
        Text::new(cite("dòng"), cite("row"))
    }
}

/// Reads a criterion's `reference`: at least one of `decision`, `annex`, `row` (a row
/// may be written as a number).
fn read_reference(
    value: &Value,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Reference> {
    let mut f = Fields::of(value, path, diags)?;
    let decision = f.optional_with("decision", non_empty_string, diags);
    let annex = f.optional_with("annex", non_empty_string, diags);
    let row = f.optional_with(
        "row",
        |v, p, d| match v {
            Value::Number(n) if n.is_u64() => Some(n.to_string()),
            other => non_empty_string(other, p, d),
        },
        diags,
    );
    let empty = !(f.has("decision") || f.has("annex") || f.has("row"));
    f.finish(diags);
    if empty {
        diags.error(
            codes::VALUE_EMPTY,
            path,
            "cần ít nhất một trong: decision, annex, row",
            "needs at least one of decision, annex, row",
        );
        return None;
    }
    Some(Reference {
        decision,
        annex,
        row,
    })
}

/// A criterion: a field (*lĩnh vực*), criterion (*tiêu chí*) or, as a leaf, a component
/// criterion (*tiêu chí thành phần*) with its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub code: String,
    pub title: Text,
    pub max: Decimal,
    pub may_not_apply: bool,
    /// Expected evidence (*tài liệu kiểm chứng*).
    pub evidence: Option<String>,
    /// Scoring guidance shown to the user.
    pub guide: Option<String>,
    /// Where the criterion is written in the issued text (decision, annex, row).
    pub reference: Option<Reference>,
    /// `Some` exactly for leaves.
    pub rule: Option<Rule>,
    /// Index of the parent in [`Framework::criteria`].
    pub parent: Option<usize>,
    /// Indices of the children, in file order.
    pub children: Vec<usize>,
}

impl Criterion {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// A validated framework. Criteria keep file order; parents and children are linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub id: String,
    pub edition: String,
    pub level: Level,
    pub official: bool,
    /// The issued decision it transcribes, or why it is illustrative.
    pub source: Text,
    pub title: Text,
    pub scale: Decimal,
    pub rounding: Rounding,
    pub not_applicable: NotApplicablePolicy,
    pub survey_missing: SurveyMissingPolicy,
    pub bonus_max: Decimal,
    pub penalty_max: Decimal,
    /// Classification bands, highest `min` first.
    pub bands: Vec<Band>,
    pub criteria: Vec<Criterion>,
    index: HashMap<String, usize>,
    /// Criteria with every child before its parent (deepest first, file order within
    /// a depth): the order scoring adds up in, computed once.
    pub(crate) depth_order: Vec<usize>,
}

/// Converts a TOML document to the JSON value tree the reader walks.
#[cfg(feature = "toml")]
fn toml_tree(source: &str) -> Result<Value, Diagnostic> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    crate::toml_tree::parse(source).map_err(|e| {
        let (line, col) = e.span().map_or((0, 0), |span| line_col(source, span.start));
        let msg = e.message().trim().to_string();
        Diagnostic::error(
            codes::TOML_SYNTAX,
            "",
            format!("lỗi cú pháp TOML ở dòng {line}, cột {col}: {msg}"),
            format!("TOML syntax error at line {line}, column {col}: {msg}"),
        )
    })
}

#[cfg(feature = "toml")]
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl Framework {
    /// Parses and validates a framework file. Every problem found is returned.
    #[cfg(feature = "toml")]
    pub fn from_toml(source: &str) -> Result<Framework, Vec<Diagnostic>> {
        let tree = toml_tree(source).map_err(|d| vec![d])?;
        Framework::from_tree(&tree)
    }

    /// A framework file's compact JSON form: the tree the reader walks, as JSON text (the
    /// app fetches built-in frameworks in this form, and converts a `.toml` a person
    /// opens to it). Only TOML syntax errors are found here; [`Framework::from_json`]
    /// validates.
    #[cfg(feature = "toml")]
    pub fn tree_json(source: &str) -> Result<String, Diagnostic> {
        Ok(toml_tree(source)?.to_string())
    }

    /// Reads and validates a framework in its compact JSON form
    /// ([`Framework::tree_json`]): the same checks and messages as the TOML file.
    pub fn from_json(tree_json: &str) -> Result<Framework, Vec<Diagnostic>> {
        let tree = crate::strict_json::from_str(tree_json).map_err(|e| {
            vec![Diagnostic::error(
                codes::JSON_SYNTAX,
                "",
                format!("dạng JSON của bộ chỉ số bị hỏng: {e}"),
                format!("the framework's JSON form is damaged: {e}"),
            )]
        })?;
        Framework::from_tree(&tree)
    }

    /// Reads a framework's compact JSON form that was validated when it entered
    /// parindex (see `crate::trusted`): what the pages do, carrying no validator.
    /// `None` when the text is not such a framework.
    pub fn from_trusted_json(tree_json: &str) -> Option<Framework> {
        // The strict parser the pages already carry for assessments.
        let tree = crate::strict_json::from_str(tree_json).ok()?;
        trusted_framework(&tree)
    }

    /// Validates a framework's value tree.
    pub fn from_tree(tree: &Value) -> Result<Framework, Vec<Diagnostic>> {
        let mut diags = Diagnostics::default();
        let framework = read_framework(tree, &mut diags);
        diags.place_rest();
        match framework {
            Some(f) if !diags.has_errors() => Ok(f),
            _ => Err(diags.0),
        }
    }

    /// `id@edition`, as assessments name the framework.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.edition)
    }

    /// The criterion with this code.
    pub fn criterion(&self, code: &str) -> Option<(usize, &Criterion)> {
        let i = *self.index.get(code)?;
        Some((i, &self.criteria[i]))
    }

    /// Leaves in file order.
    pub fn leaves(&self) -> impl Iterator<Item = (usize, &Criterion)> {
        self.criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_leaf())
    }

    /// Top-level criteria (*lĩnh vực*) in file order.
    pub fn fields(&self) -> impl Iterator<Item = (usize, &Criterion)> {
        self.criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.parent.is_none())
    }

    /// The band (*xếp loại*) of an index: the first whose `min` it reaches.
    pub fn band(&self, index: Decimal) -> Option<&Band> {
        self.bands.iter().find(|b| index >= b.min)
    }
}

/// One `[[criterion]]` table as read, before the tree is known.
struct RawCriterion<'a> {
    path: String,
    code: String,
    title: Option<Text>,
    max: Option<Decimal>,
    may_not_apply: bool,
    evidence: Option<String>,
    guide: Option<String>,
    reference: Option<Reference>,
    rule: Option<&'a Value>,
}

fn read_framework(tree: &Value, diags: &mut Diagnostics) -> Option<Framework> {
    let mut f = Fields::of(tree, &"", diags)?;
    let format = f.required("format", diags);
    if let Some(v) = format {
        if v.as_i64() != Some(FORMAT) {
            diags.error(
                codes::FORMAT_UNSUPPORTED,
                "format",
                format!("định dạng {v} không được hỗ trợ (phiên bản này đọc định dạng {FORMAT})"),
                format!("unsupported format {v} (this version reads format {FORMAT})"),
            );
        }
    }
    let id = f.required_with("id", string, diags).filter(|id| {
        let ok = is_valid_id(id);
        if !ok {
            diags.error(
                codes::FRAMEWORK_ID_INVALID,
                "id",
                format!("\"{id}\" không phải là mã hợp lệ (chữ thường, chữ số và '-', bắt đầu bằng chữ hoặc số)"),
                format!("\"{id}\" is not a valid id (lowercase letters, digits and '-', starting with a letter or digit)"),
            );
        }
        ok
    });
    let edition = f
        .required_with("edition", non_empty_string, diags)
        .filter(|e| {
            let ok = !e.contains(char::is_whitespace) && !e.contains('@');
            if !ok {
                diags.error(
                    codes::FRAMEWORK_EDITION_INVALID,
                    "edition",
                    format!("\"{e}\" không được chứa khoảng trắng hoặc '@'"),
                    format!("\"{e}\" must not contain spaces or '@'"),
                );
            }
            ok
        });
    let level = f.required_with("level", keyword::read::<Level>, diags);
    let official = f.required_with("official", boolean, diags);
    let source = f.required_with("source", read_text_or_plain, diags);
    let title = f.required_with("title", read_text, diags);
    let scale = f.required_with("scale", framework_number, diags);
    let rounding = f
        .required("rounding", diags)
        .and_then(|v| read_rounding(v, diags));
    let not_applicable = f.required_with(
        "not_applicable",
        keyword::read::<NotApplicablePolicy>,
        diags,
    );
    let survey_missing = f.required_with(
        "survey_missing",
        keyword::read::<SurveyMissingPolicy>,
        diags,
    );
    let bonus_max = f.optional("bonus_max").map_or(Some(Decimal::ZERO), |v| {
        framework_number(v, &"bonus_max", diags)
    });
    let penalty_max = f.optional("penalty_max").map_or(Some(Decimal::ZERO), |v| {
        framework_number(v, &"penalty_max", diags)
    });
    let bands = f
        .optional("band")
        .map_or(Some(Vec::new()), |v| read_bands(v, diags));
    let criteria = f
        .required("criterion", diags)
        .and_then(|v| read_criteria(v, scale, diags));
    f.finish(diags);

    let criteria = criteria?;
    let index = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.clone(), i))
        .collect();
    Some(Framework {
        id: id?,
        edition: edition?,
        level: level?,
        official: official?,
        source: source?,
        title: title?,
        scale: scale?,
        rounding: rounding?,
        not_applicable: not_applicable?,
        survey_missing: survey_missing?,
        bonus_max: bonus_max?,
        penalty_max: penalty_max?,
        bands: bands?,
        depth_order: depth_order(&criteria),
        criteria,
        index,
    })
}

fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn read_rounding(value: &Value, diags: &mut Diagnostics) -> Option<Rounding> {
    let mut f = Fields::of(value, &"rounding", diags)?;
    let places = f.required("places", diags).and_then(|v| match v.as_u64() {
        Some(p) if p <= 4 => Some(p as u32),
        _ => {
            diags.error(
                codes::ROUNDING_PLACES_INVALID,
                "rounding.places",
                format!("{v} không hợp lệ: cần một số nguyên từ 0 đến 4"),
                format!("{v} is not a whole number from 0 to 4"),
            );
            None
        }
    });
    let mode = f
        .required("mode", diags)
        .and_then(|v| keyword::read::<RoundingMode>(v, &"rounding.mode", diags));
    f.finish(diags);
    Some(Rounding {
        places: places?,
        mode: mode?,
    })
}

fn read_bands(value: &Value, diags: &mut Diagnostics) -> Option<Vec<Band>> {
    let list = array(value, &"band", diags)?;
    let before = diags.len();
    let mut bands: Vec<Band> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let path = format!("band[{i}]");
        let mark = diags.len();
        read_band(item, &path, &mut bands, diags);
        diags.place_since(mark, "band", None, Some(i), &path);
    }
    (diags.len() == before).then_some(bands)
}

fn read_band(item: &Value, path: &str, bands: &mut Vec<Band>, diags: &mut Diagnostics) {
    {
        let Some(mut f) = Fields::of(item, &path, diags) else {
            return;
        };
        let min_path = f.path_of("min");
        let min = f
            .required("min", diags)
            .and_then(|v| framework_number(v, &min_path, diags));
        let label = f.required_with("label", read_text, diags);
        f.finish(diags);
        let (Some(min), Some(label)) = (min, label) else {
            return;
        };
        if min > Decimal::ONE_HUNDRED {
            diags.error(
                codes::BAND_ABOVE_100,
                &min_path,
                format!("{min} lớn hơn 100"),
                format!("{min} is above 100"),
            );
        }
        if let Some(prev) = bands.last() {
            if min >= prev.min {
                diags.error(
                    codes::BAND_NOT_DECREASING,
                    &min_path,
                    format!(
                        "các mức xếp loại phải có min giảm dần ({} không nhỏ hơn {})",
                        points_str(min),
                        points_str(prev.min)
                    ),
                    format!(
                        "bands must have strictly decreasing min ({} is not below {})",
                        points_str(min),
                        points_str(prev.min)
                    ),
                );
            }
        }
        bands.push(Band { min, label });
    }
}

fn read_criteria(
    value: &Value,
    scale: Option<Decimal>,
    diags: &mut Diagnostics,
) -> Option<Vec<Criterion>> {
    let list = array(value, &"criterion", diags)?;
    let before = diags.len();
    if list.is_empty() {
        diags.error(
            codes::CRITERION_NONE,
            "criterion",
            "bộ chỉ số cần ít nhất một tiêu chí",
            "a framework needs at least one criterion",
        );
        return None;
    }
    let mut raw: Vec<RawCriterion> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // Every criterion table's path, with its code when the path names it, so that each
    // diagnostic can be placed at its criterion at the end.
    let mut places: Vec<(String, Option<String>, usize)> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let fallback = format!("criterion[#{}]", i + 1);
        let code = item.get("code").and_then(Value::as_str).map(str::to_string);
        let path = match &code {
            Some(c) if code::is_well_formed(c) && !seen.contains_key(c) => {
                places.push((format!("criterion[{c}]"), Some(c.clone()), i));
                format!("criterion[{c}]")
            }
            _ => {
                places.push((fallback.clone(), None, i));
                fallback
            }
        };
        let Some(mut f) = Fields::of(item, &path, diags) else {
            continue;
        };
        let code_path = f.path_of("code");
        let code = f
            .required("code", diags)
            .and_then(|v| string(v, &code_path, diags));
        let title = f.required_with("title", read_text, diags);
        let max = f.required_with("max", framework_number, diags);
        let may_not_apply_path = f.path_of("may_not_apply");
        let may_not_apply = f
            .optional("may_not_apply")
            .and_then(|v| boolean(v, &may_not_apply_path, diags))
            .unwrap_or(false);
        let evidence = f.optional_with("evidence", string, diags);
        let guide = f.optional_with("guide", string, diags);
        let reference = f.optional_with("reference", read_reference, diags);
        let rule = f.optional("rule");
        f.finish(diags);
        let Some(code) = code else { continue };
        if !code::is_well_formed(&code) {
            diags.error(
                codes::CRITERION_CODE_MALFORMED,
                code_path,
                format!("\"{code}\" không phải là mã tiêu chí hợp lệ (ví dụ \"3.2.1\")"),
                format!("\"{code}\" is not a well-formed code (e.g. \"3.2.1\")"),
            );
            continue;
        }
        if let Some(first) = seen.get(&code) {
            diags.error(
                codes::CRITERION_CODE_DUPLICATE,
                code_path,
                format!("mã \"{code}\" bị trùng (đã có ở tiêu chí thứ {first})"),
                format!("duplicate code \"{code}\" (first used by criterion #{first})"),
            );
            continue;
        }
        seen.insert(code.clone(), i + 1);
        raw.push(RawCriterion {
            path,
            code,
            title,
            max,
            may_not_apply,
            evidence,
            guide,
            reference,
            rule,
        });
    }

    // Link parents and children.
    let index: HashMap<&str, usize> = raw
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    let mut parents: Vec<Option<usize>> = vec![None; raw.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); raw.len()];
    // Sums are checked only on a sound tree: with a criterion rejected or orphaned they
    // would report differences that are not there.
    let mut tree_ok = raw.len() == list.len();
    for (i, c) in raw.iter().enumerate() {
        if let Some(p) = code::parent(&c.code) {
            match index.get(p) {
                Some(&pi) => {
                    parents[i] = Some(pi);
                    children[pi].push(i);
                }
                None => {
                    tree_ok = false;
                    diags.error(
                        codes::CRITERION_PARENT_MISSING,
                        format!("{}.code", c.path),
                        format!("thiếu tiêu chí cha {p}"),
                        format!("parent criterion {p} is missing"),
                    );
                }
            }
        }
    }

    let mut criteria = Vec::with_capacity(raw.len());
    for (i, c) in raw.iter().enumerate() {
        let is_leaf = children[i].is_empty();
        let rule_path = format!("{}.rule", c.path);
        let rule = match (c.rule, is_leaf) {
            (Some(_), false) => {
                diags.error(
                    codes::CRITERION_RULE_ON_PARENT,
                    &rule_path,
                    "tiêu chí có tiêu chí con thì không có quy tắc chấm",
                    "a criterion with children cannot have a rule",
                );
                None
            }
            (None, true) => {
                diags.error(
                    codes::CRITERION_RULE_MISSING,
                    &rule_path,
                    "tiêu chí thành phần (lá) cần một quy tắc chấm",
                    "a leaf criterion needs a rule",
                );
                None
            }
            (Some(v), true) => Rule::parse(v, &rule_path, c.max, diags),
            (None, false) => None,
        };
        if c.may_not_apply && !is_leaf {
            diags.error(
                codes::CRITERION_MAY_NOT_APPLY_ON_PARENT,
                format!("{}.may_not_apply", c.path),
                "chỉ tiêu chí thành phần (lá) mới được khai báo không phát sinh",
                "only leaf criteria can be declared not applicable",
            );
        }
        if !is_leaf && tree_ok {
            let sum: Option<Decimal> = children[i].iter().map(|&k| raw[k].max).sum();
            if let (Some(max), Some(sum)) = (c.max, sum) {
                if max != sum {
                    diags.error(
                        codes::CRITERION_MAX_NOT_SUM,
                        format!("{}.max", c.path),
                        format!(
                            "điểm tối đa {} khác tổng điểm tối đa của các tiêu chí con {}",
                            points_str(max),
                            points_str(sum)
                        ),
                        format!(
                            "max {} differs from the sum of its children's maxima {}",
                            points_str(max),
                            points_str(sum)
                        ),
                    );
                }
            }
        }
        if let (Some(title), Some(max)) = (c.title.clone(), c.max) {
            criteria.push(Criterion {
                code: c.code.clone(),
                title,
                max,
                may_not_apply: c.may_not_apply,
                evidence: c.evidence.clone(),
                guide: c.guide.clone(),
                reference: c.reference.clone(),
                rule,
                parent: parents[i],
                children: children[i].clone(),
            });
        }
    }

    let top: Option<Decimal> = raw
        .iter()
        .zip(&parents)
        .filter(|(_, p)| p.is_none())
        .map(|(c, _)| c.max)
        .sum();
    if let (Some(top), Some(scale), true) = (top, scale, tree_ok) {
        if top != scale {
            diags.error(
                codes::FRAMEWORK_SCALE_NOT_SUM,
                "scale",
                format!(
                    "tổng điểm tối đa các lĩnh vực là {}, khác thang điểm {}",
                    points_str(top),
                    points_str(scale)
                ),
                format!(
                    "the top-level maxima sum to {}, not the scale {}",
                    points_str(top),
                    points_str(scale)
                ),
            );
        }
    }
    for d in diags.0.iter_mut().skip(before) {
        let place = places.iter().find(|(p, _, _)| {
            d.path
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        });
        if let Some((p, code, i)) = place {
            d.location.section = Some("criterion");
            d.location.item = code.is_none().then_some(*i);
            d.location.criterion = code.clone();
            d.location.field = Some(d.path[p.len()..].trim_start_matches('.').to_string())
                .filter(|f| !f.is_empty());
        }
    }
    (diags.len() == before && criteria.len() == raw.len()).then_some(criteria)
}

/// A validated framework's tree, read without checks (`crate::trusted`).
fn trusted_framework(tree: &Value) -> Option<Framework> {
    use crate::trusted::{bilingual, decimal, decimal_or, keyword, list, text};
    let get = |key: &str| tree.get(key);
    let rounding = get("rounding")?;
    let bands = list(get("band").or(Some(&Value::Array(Vec::new()))), |b| {
        Some(Band {
            min: decimal(b.get("min")?)?,
            label: bilingual(b.get("label")?)?,
        })
    })?;
    let mut criteria = list(get("criterion"), |c| {
        let max = decimal(c.get("max")?)?;
        let reference = c.get("reference").map(|r| Reference {
            decision: r.get("decision").and_then(text),
            annex: r.get("annex").and_then(text),
            row: r.get("row").map(|v| {
                v.as_str()
                    .map_or_else(|| crate::format::compact_json(v), str::to_string)
            }),
        });
        Some(Criterion {
            code: text(c.get("code")?)?,
            title: bilingual(c.get("title")?)?,
            max,
            may_not_apply: c.get("may_not_apply").is_some_and(|v| v == true),
            evidence: c.get("evidence").and_then(text),
            guide: c.get("guide").and_then(text),
            reference,
            rule: match c.get("rule") {
                Some(r) => Some(Rule::trusted(r, max)?),
                None => None,
            },
            parent: None,
            children: Vec::new(),
        })
    })?;
    let index: HashMap<String, usize> = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.clone(), i))
        .collect();
    for i in 0..criteria.len() {
        if let Some(p) = code::parent(&criteria[i].code).map(|p| index.get(p).copied()) {
            let p = p?;
            criteria[i].parent = Some(p);
            criteria[p].children.push(i);
        }
    }
    Some(Framework {
        id: text(get("id")?)?,
        edition: text(get("edition")?)?,
        level: keyword(get("level")?)?,
        official: get("official")?.as_bool()?,
        source: bilingual(get("source")?)?,
        title: bilingual(get("title")?)?,
        scale: decimal(get("scale")?)?,
        rounding: Rounding {
            places: u32::try_from(rounding.get("places")?.as_u64()?).ok()?,
            mode: keyword(rounding.get("mode")?)?,
        },
        not_applicable: keyword(get("not_applicable")?)?,
        survey_missing: keyword(get("survey_missing")?)?,
        bonus_max: decimal_or(get("bonus_max"), Decimal::ZERO)?,
        penalty_max: decimal_or(get("penalty_max"), Decimal::ZERO)?,
        bands,
        depth_order: depth_order(&criteria),
        criteria,
        index,
    })
}

#[cfg(all(test, feature = "toml"))]
mod trusted_tests {
    use super::*;

    /// The trusting reader gives exactly the framework the validator gives, for every
    /// built-in framework and every golden case's framework.
    #[test]
    fn the_trusted_form_reads_as_the_validated_framework() {
        let mut sources: Vec<String> = crate::BUILTIN
            .iter()
            .map(|b| b.source.to_string())
            .collect();
        let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden");
        for case in std::fs::read_dir(golden).expect("tests/golden").flatten() {
            sources.push(
                std::fs::read_to_string(case.path().join("framework.toml")).expect("framework"),
            );
        }
        assert!(sources.len() > 20);
        for source in &sources {
            let validated = Framework::from_toml(source).expect("valid");
            let json = Framework::tree_json(source).expect("TOML");
            assert_eq!(
                Framework::from_trusted_json(&json).as_ref(),
                Some(&validated)
            );
        }
        assert_eq!(Framework::from_trusted_json("{\"id\": 3}"), None);
        assert_eq!(Framework::from_trusted_json("not JSON"), None);
    }
}

/// Criteria ordered so that children come before their parents: deepest first, file
/// order within a depth.
fn depth_order(criteria: &[Criterion]) -> Vec<usize> {
    let depths: Vec<usize> = criteria.iter().map(|c| code::depth(&c.code)).collect();
    let deepest = depths.iter().copied().max().unwrap_or(0);
    let mut order = Vec::with_capacity(depths.len());
    for d in (0..=deepest).rev() {
        order.extend((0..depths.len()).filter(|&i| depths[i] == d));
    }
    order
}
