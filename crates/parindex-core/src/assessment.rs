//! Assessments (*hồ sơ tự đánh giá*): one unit's inputs for one year, read strictly
//! against a framework. Self-assessed values, appraised values (*thẩm định*), survey
//! results (*điều tra XHH*), bonus and penalty points live side by side in one file.

use crate::codes;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::format::JsonText;
use crate::framework::{Framework, FORMAT};
use crate::keyword::Keyword;
use crate::reader::{
    self, array, boolean, framework_number, non_empty_string, string, Fields, Indexed,
};
use crate::rules::{Input, RuleKind};
use crate::tree::{self, Node};
use bumpalo::Bump;
use rust_decimal::Decimal;
use serde_json::Value;
use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;

/// A piece of evidence (*tài liệu kiểm chứng*): document number, date, title.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evidence {
    pub reference: Option<String>,
    pub date: Option<Date>,
    pub title: Option<String>,
    /// The document itself, attached in a dossier (`docs/formats.md` §6).
    pub file: Option<EvidenceFile>,
}

/// A file attached to an evidence item: `file = { name, sha256, size, type }`. The file
/// travels in the dossier under `tai-lieu/CODE/NAME`; a plain `.json` names it only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    pub name: String,
    /// 64 lowercase hexadecimal digits.
    pub sha256: String,
    pub size: u64,
    /// Its media type (`application/pdf`); empty when unknown.
    pub media_type: String,
}

/// One leaf's entry in a section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// `None` while the entry holds no input yet (the leaf is still missing).
    pub input: Option<Input>,
    /// Declared "không phát sinh".
    pub not_applicable: bool,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
    /// The appraiser's comment (appraisal and survey sections).
    pub comment: Option<String>,
    /// The unit's answer to a disputed appraisal (*giải trình*; self section only),
    /// written `explanation` in the file. Not the engine's explanation of the points.
    pub justification: Option<String>,
}

impl Entry {
    /// Whether the entry decides the leaf's points (an input or not-applicable).
    pub fn decides(&self) -> bool {
        self.input.is_some() || self.not_applicable
    }
}

/// A bonus (*điểm thưởng*) or penalty (*điểm trừ*) item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    pub points: Decimal,
    pub reason: String,
}

/// A validated assessment. Entries are keyed by the leaf's index in the framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub framework: String,
    pub unit: String,
    pub year: i32,
    pub self_entries: BTreeMap<usize, Entry>,
    pub appraisal: BTreeMap<usize, Entry>,
    pub survey: BTreeMap<usize, Entry>,
    pub bonus: Vec<Adjustment>,
    pub penalty: Vec<Adjustment>,
}

/// Parses assessment JSON text into a value tree, reporting syntax errors with their
/// line and column.
pub fn parse_json(source: &str) -> Result<Value, Diagnostic> {
    crate::strict_json::from_str(source).map_err(|e| {
        let (line, col) = (e.line(), e.column());
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Diagnostic::error(
            codes::JSON_SYNTAX,
            "",
            format!(
                "lỗi cú pháp JSON ở dòng {line}, cột {col}: {}",
                json_problem_vi(&msg)
            ),
            format!("JSON syntax error at line {line}, column {col}: {msg}"),
        )
    })
}

/// serde_json's description of a syntax error, in Vietnamese (its words are English).
fn json_problem_vi(msg: &str) -> String {
    const WORDS: [(&str, &str); 14] = [
        (
            "EOF while parsing",
            "tệp kết thúc giữa chừng (thiếu phần cuối)",
        ),
        ("expected `:`", "thiếu dấu hai chấm `:`"),
        ("expected `,` or `]`", "thiếu dấu phẩy `,` hoặc `]`"),
        ("expected `,` or `}`", "thiếu dấu phẩy `,` hoặc `}`"),
        (
            "expected ident",
            "từ không hợp lệ (chỉ có true, false, null)",
        ),
        ("expected value", "thiếu giá trị"),
        ("key must be a string", "tên khoá phải đặt trong ngoặc kép"),
        ("trailing comma", "thừa dấu phẩy ở cuối"),
        ("trailing characters", "còn ký tự thừa sau dữ liệu"),
        ("invalid escape", "ký tự thoát `\\` không hợp lệ"),
        ("invalid number", "số không hợp lệ"),
        ("number out of range", "số quá lớn"),
        (
            "control character",
            "chuỗi có ký tự điều khiển (xuống dòng trong ngoặc kép)",
        ),
        ("recursion limit", "dữ liệu lồng nhau quá sâu"),
    ];
    if let Some(key) = msg.strip_prefix("duplicate key ") {
        return format!("khoá {key} lặp lại");
    }
    WORDS
        .iter()
        .find(|(en, _)| msg.starts_with(en))
        .map_or("dữ liệu không đúng cú pháp", |(_, vi)| vi)
        .to_string()
}

/// The `framework` an assessment names (`id@edition`), read before the framework is
/// known so that the right built-in can be chosen.
pub fn framework_ref(tree: &Value) -> Result<String, Diagnostic> {
    named_framework(tree)
}

/// [`framework_ref`] of any tree the reader reads.
fn named_framework(tree: &impl Node) -> Result<String, Diagnostic> {
    match tree.get("framework").map(Node::as_str) {
        Some(Some(s)) if !s.trim().is_empty() => Ok(s.to_string()),
        Some(_) => Err(Diagnostic::error(
            codes::ASSESSMENT_FRAMEWORK_INVALID,
            "framework",
            "cần tên bộ chỉ số dạng \"mã@phiên bản\"",
            "expected the framework as \"id@edition\"",
        )),
        None => Err(Diagnostic::error(
            codes::KEY_MISSING,
            "framework",
            "thiếu khoá bắt buộc",
            "missing required key",
        )),
    }
    .map_err(|d| {
        d.at(crate::diagnostic::Location {
            field: Some("framework".into()),
            ..Default::default()
        })
    })
}

/// An assessment file read as far as it can be without its framework: the tree and the
/// framework it names (`id@edition`). Every front end opens files this way, finds the
/// framework its own way (built in, a file given, fetched), then [`Opened::validate`]s.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub tree: Value,
    pub framework: String,
}

impl Opened {
    /// Parses assessment JSON text and reads the framework it names.
    pub fn from_json(text: &str) -> Result<Opened, Diagnostic> {
        let tree = parse_json(text)?;
        let framework = framework_ref(&tree)?;
        Ok(Opened { tree, framework })
    }

    /// Reads the assessment strictly against its framework.
    pub fn validate(&self, framework: &Framework) -> Result<Assessment, Vec<Diagnostic>> {
        Assessment::from_tree(&self.tree, framework)
    }

    /// `Opened::from_json(text)` then [`Opened::validate`], with the same result and the
    /// same diagnostics, in half the time where the framework is already known (ranking
    /// reads thousands of files): the text is read into a tree borrowing from it
    /// (`tree.rs`), or, when that reader leaves the text to serde_json, as `from_json`
    /// reads it.
    pub fn validated(text: &str, framework: &Framework) -> Result<Assessment, Vec<Diagnostic>> {
        Opened::validated_in(text, framework, &mut tree::arena_for(text))
    }

    /// Reads assessment text against the framework `find` gives for the framework it names
    /// (built in, a file given, fetched): `Opened::from_json`, `find`, then
    /// [`Opened::validate`], with the same results and diagnostics, the text read once
    /// into a borrowed tree as [`Opened::validated`] reads it.
    pub fn read_with<F: Borrow<Framework>>(
        text: &str,
        find: impl FnOnce(&str) -> Result<F, Vec<Diagnostic>>,
    ) -> Result<(F, Assessment), Vec<Diagnostic>> {
        Opened::read_in(text, &mut tree::arena_for(text), find)
    }

    /// [`Opened::validated`] with an arena to reuse: reading many files, each thread
    /// keeps one.
    pub(crate) fn validated_in(
        text: &str,
        framework: &Framework,
        arena: &mut Bump,
    ) -> Result<Assessment, Vec<Diagnostic>> {
        Opened::read_in(text, arena, |_| Ok(framework)).map(|(_, assessment)| assessment)
    }

    /// [`Opened::read_with`] in `arena` (emptied first).
    fn read_in<F: Borrow<Framework>>(
        text: &str,
        arena: &mut Bump,
        find: impl FnOnce(&str) -> Result<F, Vec<Diagnostic>>,
    ) -> Result<(F, Assessment), Vec<Diagnostic>> {
        arena.reset();
        match tree::parse(text, arena) {
            Some(tree) => {
                let framework = find(&named_framework(&tree).map_err(|d| vec![d])?)?;
                let assessment = Assessment::read(&tree, framework.borrow())?;
                Ok((framework, assessment))
            }
            None => {
                let opened = Opened::from_json(text).map_err(|d| vec![d])?;
                let framework = find(&opened.framework)?;
                let assessment = opened.validate(framework.borrow())?;
                Ok((framework, assessment))
            }
        }
    }
}

/// The sections of an assessment file that hold entries by criterion code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `self`: the unit's self-assessment (*tự đánh giá*).
    SelfAssessed,
    /// `appraisal`: the appraiser's values (*thẩm định*), beside the unit's.
    Appraisal,
    /// `survey`: survey results (*điều tra XHH*), entered by the appraiser.
    Survey,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::SelfAssessed, Section::Appraisal, Section::Survey];

    /// The section's key in the file.
    pub fn key(self) -> &'static str {
        match self {
            Section::SelfAssessed => "self",
            Section::Appraisal => "appraisal",
            Section::Survey => "survey",
        }
    }

    /// The section a key names.
    pub fn of_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl Assessment {
    /// Parses and validates assessment JSON against `framework`.
    pub fn from_json(source: &str, framework: &Framework) -> Result<Assessment, Vec<Diagnostic>> {
        let arena = tree::arena_for(source);
        if let Some(tree) = tree::parse(source, &arena) {
            return Assessment::read(&tree, framework);
        }
        let tree = parse_json(source).map_err(|d| vec![d])?;
        Assessment::from_tree(&tree, framework)
    }

    /// Validates an already parsed tree (the JavaScript API passes objects).
    pub fn from_tree(tree: &Value, framework: &Framework) -> Result<Assessment, Vec<Diagnostic>> {
        Assessment::read(tree, framework)
    }

    /// [`Assessment::from_tree`] of any tree the reader reads.
    fn read(tree: &impl Node, framework: &Framework) -> Result<Assessment, Vec<Diagnostic>> {
        let mut diags = Diagnostics::default();
        let assessment = read_assessment(tree, framework, &mut diags);
        diags.place_rest();
        match assessment {
            Some(a) if !diags.has_errors() => Ok(a),
            _ => Err(diags.0),
        }
    }
}

fn read_assessment(
    tree: &impl Node,
    fw: &Framework,
    diags: &mut Diagnostics,
) -> Option<Assessment> {
    let mut f = Fields::of(tree, &"", diags)?;
    if let Some(v) = f.required("format", diags) {
        if v.as_i64() != Some(FORMAT) {
            diags.error(
                codes::FORMAT_UNSUPPORTED,
                "format",
                format!(
                    "định dạng {} không được hỗ trợ (phiên bản này đọc định dạng {FORMAT})",
                    JsonText(&v.to_value())
                ),
                format!(
                    "unsupported format {} (this version reads format {FORMAT})",
                    JsonText(&v.to_value())
                ),
            );
        }
    }
    let reference = f.required_with("framework", string, diags);
    if let Some(r) = &reference {
        if *r != fw.reference() {
            diags.error(
                codes::ASSESSMENT_FRAMEWORK_MISMATCH,
                "framework",
                format!(
                    "hồ sơ dành cho bộ chỉ số \"{r}\" nhưng bộ chỉ số đang dùng là \"{}\"",
                    fw.reference()
                ),
                format!(
                    "the assessment is for \"{r}\" but the framework is \"{}\"",
                    fw.reference()
                ),
            );
        }
    }
    let unit = f.required_with("unit", non_empty_string, diags);
    let year = f.required("year", diags).and_then(|v| match v.as_i64() {
        Some(y) if (1900..=2200).contains(&y) => Some(y as i32),
        _ => {
            diags.error(
                codes::ASSESSMENT_YEAR_INVALID,
                "year",
                format!(
                    "{} không phải là năm hợp lệ (1900–2200)",
                    JsonText(&v.to_value())
                ),
                format!(
                    "{} is not a valid year (1900–2200)",
                    JsonText(&v.to_value())
                ),
            );
            None
        }
    });
    let mut section = |which: Section, diags: &mut Diagnostics| match f.optional(which.key()) {
        Some(v) => {
            let mark = diags.len();
            let entries = read_section(v, which, fw, diags);
            diags.place_since(mark, which.key(), None, None, &which.key());
            entries
        }
        None => Some(BTreeMap::new()),
    };
    let self_entries = section(Section::SelfAssessed, diags);
    let appraisal = section(Section::Appraisal, diags);
    let survey = section(Section::Survey, diags);
    let bonus = f
        .optional("bonus")
        .map_or(Some(Vec::new()), |v| read_adjustments(v, "bonus", diags));
    let penalty = f
        .optional("penalty")
        .map_or(Some(Vec::new()), |v| read_adjustments(v, "penalty", diags));
    f.finish(diags);
    Some(Assessment {
        framework: reference?,
        unit: unit?,
        year: year?,
        self_entries: self_entries?,
        appraisal: appraisal?,
        survey: survey?,
        bonus: bonus?,
        penalty: penalty?,
    })
}

fn read_section(
    value: &impl Node,
    section: Section,
    fw: &Framework,
    diags: &mut Diagnostics,
) -> Option<BTreeMap<usize, Entry>> {
    let before = diags.len();
    let key = section.key();
    let f = Fields::of(value, &key, diags)?;
    let mut entries = BTreeMap::new();
    for (code, entry) in f.entries() {
        let path = f.path_of(code);
        let mark = diags.len();
        let entry = read_code(entry, section, code, &path, fw, diags);
        diags.place_since(mark, section.key(), Some(code), None, &path);
        if let Some((index, entry)) = entry {
            entries.insert(index, entry);
        }
    }
    (diags.len() == before).then_some(entries)
}

/// The entry of one code in a section (`value`), with the index of its leaf.
fn read_code(
    value: &impl Node,
    section: Section,
    code: &str,
    path: &dyn fmt::Display,
    fw: &Framework,
    diags: &mut Diagnostics,
) -> Option<(usize, Entry)> {
    {
        let Some((index, criterion)) = fw.criterion(code) else {
            diags.error(
                codes::ENTRY_UNKNOWN_CRITERION,
                path,
                format!(
                    "không có tiêu chí {code} trong bộ chỉ số {}",
                    fw.reference()
                ),
                format!("no criterion {code} in framework {}", fw.reference()),
            );
            return None;
        };
        let Some(rule) = &criterion.rule else {
            diags.error(
                codes::ENTRY_NOT_A_LEAF,
                path,
                format!("{code} không phải là tiêu chí thành phần (nó có tiêu chí con): hãy nhập cho các tiêu chí con"),
                format!("{code} is not a leaf criterion (it has sub-criteria): enter its sub-criteria instead"),
            );
            return None;
        };
        let is_survey = rule.kind() == RuleKind::Survey;
        match (section, is_survey) {
            (Section::Survey, false) => {
                diags.error(
                    codes::ENTRY_WRONG_SECTION,
                    path,
                    format!("{code} không phải là tiêu chí điều tra XHH: kết quả thuộc mục self hoặc appraisal"),
                    format!("{code} is not a survey criterion: its value belongs in self or appraisal"),
                );
                return None;
            }
            (Section::SelfAssessed | Section::Appraisal, true) => {
                diags.error(
                    codes::ENTRY_WRONG_SECTION,
                    path,
                    format!("{code} là tiêu chí điều tra XHH: kết quả thuộc mục survey"),
                    format!(
                        "{code} is a survey criterion: its value belongs in the survey section"
                    ),
                );
                return None;
            }
            _ => {}
        }
        let entry = read_entry(value, path, section, index, fw, diags)?;
        Some((index, entry))
    }
}

fn read_entry(
    value: &impl Node,
    path: &dyn fmt::Display,
    section: Section,
    index: usize,
    fw: &Framework,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let before = diags.len();
    let criterion = &fw.criteria[index];
    let rule = criterion.rule.as_ref()?;
    let mut f = Fields::of(value, path, diags)?;
    let na_path = f.path_of("not_applicable");
    let not_applicable = f
        .optional("not_applicable")
        .and_then(|v| boolean(v, &na_path, diags))
        .unwrap_or(false);
    let input: Option<Input> = rule.read_input(&mut f, diags).ok().flatten();
    if not_applicable {
        if !criterion.may_not_apply {
            diags.error(
                codes::ENTRY_NOT_APPLICABLE_NOT_ALLOWED,
                &na_path,
                format!(
                    "tiêu chí {} không được khai báo không phát sinh",
                    criterion.code
                ),
                format!(
                    "criterion {} may not be declared not applicable",
                    criterion.code
                ),
            );
        } else if input.is_some() {
            diags.error(
                codes::ENTRY_NOT_APPLICABLE_WITH_INPUT,
                &na_path,
                "đã khai báo không phát sinh thì không nhập kết quả",
                "not_applicable cannot be combined with inputs",
            );
        }
    }
    let evidence_path = f.path_of("evidence");
    let evidence = f
        .optional("evidence")
        .map(|v| read_evidence(v, &evidence_path, diags))
        .unwrap_or_default();
    let note = f.optional_with("note", string, diags);
    // The appraiser comments; the unit answers (giải trình, `explanation` in the file).
    let (comment, justification) = {
        let key = if section == Section::SelfAssessed {
            "explanation"
        } else {
            "comment"
        };
        let p = f.path_of(key);
        let text = f.optional(key).and_then(|v| string(v, &p, diags));
        if section == Section::SelfAssessed {
            (None, text)
        } else {
            (text, None)
        }
    };
    // Input keys of other rule kinds get a precise message rather than "unknown key".
    let own = rule.kind().input_keys();
    let foreign: Vec<&str> = f
        .unread()
        .filter(|k| !own.contains(k))
        .filter(|k| {
            RuleKind::ALL
                .iter()
                .any(|(_, kind)| kind.input_keys().contains(k))
        })
        .collect();
    for key in foreign {
        f.optional(key);
        diags.error(
            codes::ENTRY_FOREIGN_INPUT,
            f.path_of(key),
            format!(
                "không phải là dữ liệu của quy tắc {} (dữ liệu cần: {})",
                rule.kind().keyword(),
                own.join(", ")
            ),
            format!(
                "not an input of a {} rule (its inputs: {})",
                rule.kind().keyword(),
                own.join(", ")
            ),
        );
    }
    f.finish(diags);
    (diags.len() == before).then_some(Entry {
        input,
        not_applicable,
        evidence,
        note,
        comment,
        justification,
    })
}

fn read_evidence(
    value: &impl Node,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Vec<Evidence> {
    let Some(list) = array(value, path, diags) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let item_path = Indexed {
            list: path,
            index: i,
        };
        let Some(mut f) = Fields::of(item, &item_path, diags) else {
            continue;
        };
        let ref_path = f.path_of("ref");
        let reference = f.optional("ref").and_then(|v| string(v, &ref_path, diags));
        let title = f.optional_with("title", string, diags);
        let date = f.optional_with("date", reader::date, diags);
        let file_path = f.path_of("file");
        let file = f
            .optional("file")
            .and_then(|v| read_evidence_file(v, &file_path, diags));
        f.finish(diags);
        if reference.as_deref().is_none_or(|r| r.trim().is_empty())
            && title.as_deref().is_none_or(|t| t.trim().is_empty())
            && file.is_none()
        {
            diags.error(
                codes::EVIDENCE_EMPTY,
                &item_path,
                "tài liệu kiểm chứng cần số hiệu (ref) hoặc tên (title)",
                "evidence needs a ref or a title",
            );
            continue;
        }
        out.push(Evidence {
            reference,
            date,
            title,
            file,
        });
    }
    out
}

/// An evidence item's `file`: a name that is one file name (no folder), the SHA-256 as 64
/// lowercase hexadecimal digits, the size in bytes, and optionally its media type.
fn read_evidence_file(
    value: &impl Node,
    path: &dyn std::fmt::Display,
    diags: &mut Diagnostics,
) -> Option<EvidenceFile> {
    let mut f = Fields::of(value, path, diags)?;
    let name_path = f.path_of("name");
    let name = f.required_with("name", string, diags);
    let hash_path = f.path_of("sha256");
    let sha256 = f.required_with("sha256", string, diags);
    let size = f.required_with("size", reader::count, diags);
    let media_type = f.optional_with("type", string, diags).unwrap_or_default();
    f.finish(diags);
    let name = name?;
    let bad_name = name.trim().is_empty()
        || name.contains(['/', '\\', ':'])
        || name == "."
        || name == ".."
        || name.chars().any(char::is_control);
    if bad_name {
        diags.error(
            codes::EVIDENCE_FILE_INVALID,
            &name_path,
            format!("\"{name}\" không phải là tên một tệp (không có thư mục, dấu / \\ :)"),
            format!("\"{name}\" is not a file name (no folder, no / \\ :)"),
        );
        return None;
    }
    let sha256 = sha256?;
    if sha256.len() != 64
        || !sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        diags.error(
            codes::EVIDENCE_FILE_INVALID,
            &hash_path,
            "cần mã SHA-256 gồm 64 chữ số hệ 16 viết thường",
            "expected a SHA-256 of 64 lowercase hexadecimal digits",
        );
        return None;
    }
    Some(EvidenceFile {
        name,
        sha256,
        size: size?,
        media_type,
    })
}

fn read_adjustments(
    value: &impl Node,
    key: &'static str,
    diags: &mut Diagnostics,
) -> Option<Vec<Adjustment>> {
    let before = diags.len();
    let Some(list) = array(value, &key, diags) else {
        diags.place_since(before, key, None, None, &key);
        return None;
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let path = Indexed {
            list: &key,
            index: i,
        };
        let mark = diags.len();
        if let Some(a) = read_adjustment(item, &path, diags) {
            out.push(a);
        }
        diags.place_since(mark, key, None, Some(i), &path);
    }
    diags.place_since(before, key, None, None, &key);
    (diags.len() == before).then_some(out)
}

fn read_adjustment(
    item: &impl Node,
    path: &dyn fmt::Display,
    diags: &mut Diagnostics,
) -> Option<Adjustment> {
    let mut f = Fields::of(item, path, diags)?;
    let points = f.required_with("points", framework_number, diags);
    let reason = f.required_with("reason", non_empty_string, diags);
    f.finish(diags);
    Some(Adjustment {
        points: points?,
        reason: reason?,
    })
}
