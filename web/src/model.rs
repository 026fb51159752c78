//! Editing the assessment tree as a person types: every change is an [`Edit`] (data),
//! applied by the one pure function [`apply`] to the JSON value of the assessment file
//! (`docs/formats.md` §2). What is typed is kept as typed — a valid whole number becomes
//! a JSON number, anything else stays text for the engine to report — so nothing is lost
//! and the exported file is the formats.md file.
//!
//! Also the pages' two JSON helpers: [`read_json`] (the core's strict reader, the one
//! reader the pages link) and [`object`] (an object built without serde's serializer).

use parindex_core::rules::RuleKind;
pub use parindex_core::Section;
use serde_json::{Map, Value};
use std::rc::Rc;

/// One change a person makes to the assessment file.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Sets one field of a leaf's entry; `None` removes it (an emptied input).
    Field {
        section: Section,
        code: String,
        field: &'static str,
        value: Option<Value>,
    },
    /// Declares a leaf not applicable (*không phát sinh*), removing the inputs of its
    /// rule kind, or undoes it.
    NotApplicable {
        section: Section,
        code: String,
        kind: RuleKind,
        on: bool,
    },
    /// A deadline's date as typed (`None`: emptied); it replaces "not done".
    DoneOn {
        section: Section,
        code: String,
        date: Option<String>,
    },
    /// A deadline marked not done (`done = false`, no date), or unmarked.
    NotDone {
        section: Section,
        code: String,
        on: bool,
    },
    /// Checks or unchecks one checklist item, keeping the framework's `order`.
    Check {
        section: Section,
        code: String,
        key: String,
        on: bool,
        order: Rc<[String]>,
    },
    /// Adds an empty evidence item (*tài liệu kiểm chứng*).
    AddEvidence {
        section: Section,
        code: String,
    },
    /// Sets one field of an evidence item.
    SetEvidence {
        section: Section,
        code: String,
        index: usize,
        field: EvidenceField,
        text: String,
    },
    RemoveEvidence {
        section: Section,
        code: String,
        index: usize,
    },
    /// Adds one evidence item per attached document (`file = { name, sha256, size, type
    /// }`, kept in the browser by `dossier::attach`). A document already attached to the
    /// leaf under the same name is not added twice; another one with a name the leaf's
    /// folder holds (`tai-lieu/CODE/`, any case) is renamed `NAME (2).EXT`.
    AttachFiles {
        section: Section,
        code: String,
        files: Vec<Value>,
    },
    /// Adds an empty bonus or penalty item.
    AddAdjustment {
        list: Adjustments,
    },
    /// Sets one field of a bonus or penalty item.
    SetAdjustment {
        list: Adjustments,
        index: usize,
        field: AdjustmentField,
        text: String,
    },
    RemoveAdjustment {
        list: Adjustments,
        index: usize,
    },
    /// The appraiser agrees with the unit (*đồng ý*): the self entry's inputs, or its
    /// "không phát sinh", become the appraisal's, which the appraiser may then edit (a
    /// checklist starts with the unit's ticks). The appraiser's comment stays.
    Agree {
        code: String,
        kind: RuleKind,
    },
    /// Takes the appraisal's inputs away: the leaf is not appraised again and the unit's
    /// entry counts. The appraiser's comment stays.
    Unappraise {
        code: String,
        kind: RuleKind,
    },
}

/// A field of an evidence item, named as the form names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceField {
    /// *Số, ký hiệu* (`ref`).
    Reference,
    /// *Ngày* (`date`).
    Date,
    /// *Trích yếu* (`title`).
    Title,
}

/// The two adjustment lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjustments {
    /// *Điểm thưởng* (`bonus`).
    Bonus,
    /// *Điểm trừ* (`penalty`).
    Penalty,
}

impl Adjustments {
    pub fn key(self) -> &'static str {
        match self {
            Adjustments::Bonus => "bonus",
            Adjustments::Penalty => "penalty",
        }
    }
}

/// A field of a bonus or penalty item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustmentField {
    Points,
    Reason,
}

/// A leaf the appraiser decides: every leaf but the survey's (entered in its own table).
pub fn appraisable(n: &parindex_core::scorecard::Node) -> bool {
    n.kind.is_some_and(|k| k != RuleKind::Survey)
}

/// Leaves appraised and leaves to appraise: every leaf but the survey's, which has its
/// own table.
pub fn appraisal_progress(card: &parindex_core::Scorecard) -> (usize, usize) {
    let (mut done, mut all) = (0, 0);
    for n in card.nodes.iter() {
        if appraisable(n) {
            all += 1;
            done += usize::from(n.appraised);
        }
    }
    (done, all)
}

/// Applies one edit to the assessment tree.
pub fn apply(tree: &mut Value, edit: &Edit) {
    match edit {
        Edit::Field {
            section,
            code,
            field,
            value,
        } => set_field(tree, *section, code, field, value.clone()),
        Edit::NotApplicable {
            section,
            code,
            kind,
            on,
        } => set_not_applicable(tree, *section, code, *on, kind.input_keys()),
        Edit::DoneOn {
            section,
            code,
            date,
        } => {
            set_field(tree, *section, code, "done", None);
            let value = date
                .as_ref()
                .filter(|d| !d.is_empty())
                .map(|d| Value::String(d.clone()));
            set_field(tree, *section, code, "date", value);
        }
        Edit::NotDone { section, code, on } => {
            if *on {
                set_field(tree, *section, code, "date", None);
                set_field(tree, *section, code, "done", Some(Value::Bool(false)));
            } else {
                set_field(tree, *section, code, "done", None);
            }
        }
        Edit::Check {
            section,
            code,
            key,
            on,
            order,
        } => toggle_checked(tree, *section, code, key, *on, order),
        Edit::AddEvidence { section, code } => {
            let mut items = evidence(tree, *section, code);
            items.push(EvidenceItem::default());
            set_evidence(tree, *section, code, &items);
        }
        Edit::SetEvidence {
            section,
            code,
            index,
            field,
            text,
        } => {
            let mut items = evidence(tree, *section, code);
            if let Some(item) = items.get_mut(*index) {
                let slot = match field {
                    EvidenceField::Reference => &mut item.reference,
                    EvidenceField::Date => &mut item.date,
                    EvidenceField::Title => &mut item.title,
                };
                slot.clone_from(text);
                set_evidence(tree, *section, code, &items);
            }
        }
        Edit::RemoveEvidence {
            section,
            code,
            index,
        } => {
            let mut items = evidence(tree, *section, code);
            if *index < items.len() {
                items.remove(*index);
                set_evidence(tree, *section, code, &items);
            }
        }
        Edit::AttachFiles {
            section,
            code,
            files,
        } => {
            let mut items = evidence(tree, *section, code);
            let mut taken: Vec<(String, String)> = Section::ALL
                .into_iter()
                .flat_map(|s| evidence(tree, s, code))
                .filter_map(|i| Some((i.file_name()?.to_lowercase(), i.file_sha256()?.to_string())))
                .collect();
            for file in files {
                let text = |k: &str| file.get(k).and_then(Value::as_str).unwrap_or_default();
                let (name, sha) = (text("name"), text("sha256"));
                if taken
                    .iter()
                    .any(|(n, s)| *n == name.to_lowercase() && s == sha)
                {
                    continue;
                }
                let name = free_name(name, &taken);
                taken.push((name.to_lowercase(), sha.to_string()));
                let mut file = file.clone();
                file["name"] = Value::String(name);
                items.push(EvidenceItem {
                    file: Some(file),
                    ..EvidenceItem::default()
                });
            }
            set_evidence(tree, *section, code, &items);
        }
        Edit::AddAdjustment { list } => {
            let mut items = adjustments(tree, list.key());
            items.push(AdjustmentItem::default());
            set_adjustments(tree, list.key(), &items);
        }
        Edit::SetAdjustment {
            list,
            index,
            field,
            text,
        } => {
            let mut items = adjustments(tree, list.key());
            if let Some(item) = items.get_mut(*index) {
                match field {
                    AdjustmentField::Points => item.points.clone_from(text),
                    AdjustmentField::Reason => item.reason.clone_from(text),
                }
                set_adjustments(tree, list.key(), &items);
            }
        }
        Edit::Agree { code, kind } => {
            let own = entry(tree, Section::SelfAssessed, code).cloned();
            copy_inputs(tree, code, *kind, own.as_ref());
        }
        Edit::Unappraise { code, kind } => copy_inputs(tree, code, *kind, None),
        Edit::RemoveAdjustment { list, index } => {
            let mut items = adjustments(tree, list.key());
            if *index < items.len() {
                items.remove(*index);
                set_adjustments(tree, list.key(), &items);
            }
        }
    }
}

/// The entry object of a leaf, if any.
pub fn entry<'a>(tree: &'a Value, section: Section, code: &str) -> Option<&'a Map<String, Value>> {
    tree.get(section.key())?.get(code)?.as_object()
}

fn entry_mut<'a>(
    tree: &'a mut Value,
    section: Section,
    code: &str,
) -> Option<&'a mut Map<String, Value>> {
    let root = tree.as_object_mut()?;
    let sec = root
        .entry(section.key())
        .or_insert_with(|| Value::Object(Map::new()));
    if !sec.is_object() {
        *sec = Value::Object(Map::new());
    }
    let map = sec.as_object_mut()?;
    let e = map
        .entry(code.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !e.is_object() {
        *e = Value::Object(Map::new());
    }
    e.as_object_mut()
}

/// A field of an entry as text for an input control.
pub fn field_text(tree: &Value, section: Section, code: &str, field: &str) -> String {
    match entry(tree, section, code).and_then(|e| e.get(field)) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

pub fn field_bool(tree: &Value, section: Section, code: &str, field: &str) -> Option<bool> {
    entry(tree, section, code)?.get(field)?.as_bool()
}

/// Text typed into a whole-number field: digits become a JSON number (as files usually
/// write counts); anything else is kept as text, to be reported by the engine.
pub fn count_value(typed: &str) -> Value {
    let t = typed.trim();
    // `1.480` as the TTHC system prints it: dots between groups of three are thousands.
    let grouped = t.split('.').collect::<Vec<_>>();
    if grouped.len() > 1
        && (1..=3).contains(&grouped[0].len())
        && grouped[1..].iter().all(|g| g.len() == 3)
        && grouped
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    {
        return count_value(&grouped.concat());
    }
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = t.parse::<u64>() {
            return Value::from(n);
        }
    }
    Value::String(typed.to_string())
}

/// Text typed into a decimal field (manual points, survey percent): a decimal comma is
/// read as a point, as Vietnamese users type it; the value is kept as a string.
pub fn decimal_value(typed: &str) -> Value {
    Value::String(typed.trim().replace(',', "."))
}

/// A date typed as Vietnamese write it — `25/01/2022`, `25-1-2022`, `25.01.2022`,
/// `25012022` — as the file writes it (`2022-01-25`), whatever the browser's locale. A
/// date already written `2022-01-25` stays; anything else (half typed, `31/02/2022`) is
/// kept as typed, for the engine to report beside the field.
pub fn date_value(typed: &str) -> String {
    let t = typed.trim();
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = if t.len() == 8 && digits(t, 8) {
        vec![&t[..2], &t[2..4], &t[4..]]
    } else {
        t.split(['/', '-', '.']).collect()
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [d, m, y] if y.len() == 4 => (*y, *m, *d),
        _ => return typed.to_string(),
    };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return typed.to_string();
    }
    // Written out by hand: formatting with padding costs the page bytes.
    let mut iso = String::with_capacity(10);
    iso.push_str(y);
    for part in [m, d] {
        iso.push('-');
        if part.len() == 1 {
            iso.push('0');
        }
        iso.push_str(part);
    }
    if parindex_core::date::Date::parse(&iso).is_some() {
        iso
    } else {
        typed.to_string()
    }
}

/// A stored date as its field shows it, `dd/mm/yyyy`; anything else as stored.
pub fn date_shown(stored: &str) -> String {
    match parindex_core::date::Date::parse(stored) {
        Some(_) => {
            let (y, rest) = stored.split_at(4);
            format!("{}/{}/{y}", &rest[4..6], &rest[1..3])
        }
        None => stored.to_string(),
    }
}

/// A decimal kept as a string (`0.5`) as its field shows it: with the decimal comma in
/// Vietnamese, so what was typed (`0,5`) stays as typed; other text unchanged.
pub fn decimal_shown(stored: &str, lang: parindex_core::Lang) -> String {
    // Digits around one point (a full decimal parser would cost the page ~3 KB).
    let plain = stored.strip_prefix('-').unwrap_or(stored);
    let number = plain.split_once('.').is_some_and(|(i, f)| {
        !i.is_empty() && !f.is_empty() && i.bytes().chain(f.bytes()).all(|b| b.is_ascii_digit())
    });
    if lang == parindex_core::Lang::Vi && number {
        stored.replace('.', ",")
    } else {
        stored.to_string()
    }
}

/// Sets (or, with `None`, removes) one field of an entry.
fn set_field(tree: &mut Value, section: Section, code: &str, field: &str, value: Option<Value>) {
    if let Some(e) = entry_mut(tree, section, code) {
        match value {
            Some(v) => {
                e.insert(field.to_string(), v);
            }
            None => {
                e.remove(field);
            }
        }
    }
}

/// Sets the appraisal entry's inputs and "không phát sinh" to those of `from` (none
/// when `from` is `None`), leaving its other fields (the comment) as they are.
fn copy_inputs(tree: &mut Value, code: &str, kind: RuleKind, from: Option<&Map<String, Value>>) {
    if let Some(e) = entry_mut(tree, Section::Appraisal, code) {
        for k in kind.input_keys().iter().chain(&["not_applicable"]) {
            match from.and_then(|f| f.get(*k)) {
                Some(v) => e.insert(k.to_string(), v.clone()),
                None => e.remove(*k),
            };
        }
    }
}

/// Declares a leaf not applicable (*không phát sinh*) or undoes it. Inputs typed before
/// are kept aside in `note`-free form: declaring removes the rule's inputs, which the
/// engine would refuse beside `not_applicable`.
fn set_not_applicable(
    tree: &mut Value,
    section: Section,
    code: &str,
    on: bool,
    input_keys: &[&str],
) {
    if let Some(e) = entry_mut(tree, section, code) {
        if on {
            for k in input_keys {
                e.remove(*k);
            }
            e.insert("not_applicable".into(), Value::Bool(true));
        } else {
            e.remove("not_applicable");
        }
    }
}

/// The keys a checklist entry lists as checked (as typed: unknown keys too).
pub fn checked(tree: &Value, section: Section, code: &str) -> Vec<String> {
    entry(tree, section, code)
        .and_then(|e| e.get("checked"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Toggles one key of a checklist's `checked` list, keeping framework order.
fn toggle_checked(
    tree: &mut Value,
    section: Section,
    code: &str,
    key: &str,
    on: bool,
    order: &[String],
) {
    let current = checked(tree, section, code);
    let mut next: Vec<String> = order
        .iter()
        .filter(|k| {
            if k.as_str() == key {
                on
            } else {
                current.contains(k)
            }
        })
        .cloned()
        .collect();
    // Keys the framework does not know stay, so the engine can name them.
    next.extend(current.into_iter().filter(|k| !order.contains(k)));
    set_field(tree, section, code, "checked", Some(Value::from(next)));
}

/// One evidence item (*tài liệu kiểm chứng*) as the form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceItem {
    pub reference: String,
    pub date: String,
    pub title: String,
    /// The attached document as the file names it (`file = { name, sha256, … }`, a
    /// dossier's): kept as it is whatever else is edited.
    pub file: Option<Value>,
}

impl EvidenceItem {
    /// The attached document's name, if the item names one.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_ref()?.get("name")?.as_str()
    }

    /// The attached document's SHA-256 as the item names it.
    pub fn file_sha256(&self) -> Option<&str> {
        self.file.as_ref()?.get("sha256")?.as_str()
    }
}

/// `name`, or `STEM (n).EXT` with the first `n` from 2 that no taken name (lowercase)
/// holds.
fn free_name(name: &str, taken: &[(String, String)]) -> String {
    let free = |n: &str| !taken.iter().any(|(t, _)| *t == n.to_lowercase());
    if free(name) {
        return name.to_string();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem} ({n}){ext}"))
        .find(|n| free(n))
        .unwrap_or_default()
}

pub fn evidence(tree: &Value, section: Section, code: &str) -> Vec<EvidenceItem> {
    let list = entry(tree, section, code).and_then(|e| e.get("evidence"));
    let mut out = items(list, |text| EvidenceItem {
        reference: text("ref"),
        date: text("date"),
        title: text("title"),
        file: None,
    });
    let files = list
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (item, v) in out.iter_mut().zip(files) {
        item.file = v.get("file").cloned();
    }
    out
}

/// The items of a list as the form edits them: each field as text (a number as written),
/// empty when absent; nothing when the list is not one.
fn items<T>(list: Option<&Value>, item: impl Fn(&dyn Fn(&str) -> String) -> T) -> Vec<T> {
    let text = |v: &Value, k: &str| match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let list = list
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter().map(|v| item(&|k| text(v, k))).collect()
}

/// Writes the evidence list back; empty fields are left out of the file.
fn set_evidence(tree: &mut Value, section: Section, code: &str, items: &[EvidenceItem]) {
    let list: Vec<Value> = items
        .iter()
        .map(|i| {
            let mut m = Map::new();
            for (k, v) in [
                ("ref", &i.reference),
                ("date", &i.date),
                ("title", &i.title),
            ] {
                if !v.trim().is_empty() {
                    m.insert(k.into(), Value::String(v.clone()));
                }
            }
            if let Some(f) = &i.file {
                m.insert("file".into(), f.clone());
            }
            Value::Object(m)
        })
        .collect();
    set_field(
        tree,
        section,
        code,
        "evidence",
        if list.is_empty() {
            None
        } else {
            Some(Value::Array(list))
        },
    );
}

/// A bonus (*điểm thưởng*) or penalty (*điểm trừ*) item as the form edits it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdjustmentItem {
    pub points: String,
    pub reason: String,
}

/// The items of `bonus` or `penalty`.
pub fn adjustments(tree: &Value, key: &str) -> Vec<AdjustmentItem> {
    items(tree.get(key), |text| AdjustmentItem {
        points: text("points"),
        reason: text("reason"),
    })
}

/// JSON text the app, its scripts or its store wrote, read with the core's strict reader
/// (the one JSON reader in the pages: serde_json's own `Value` reader is not linked).
pub fn read_json(text: &str) -> Option<Value> {
    parindex_core::strict_json::from_str(text).ok()
}

/// [`read_json`] of a list.
pub fn read_list(text: &str) -> Option<Vec<Value>> {
    match read_json(text)? {
        Value::Array(list) => Some(list),
        _ => None,
    }
}

/// An object of these fields. (`json!` would pass every value through serde's
/// serializer, which the pages otherwise do without.)
pub fn object(fields: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    for (key, value) in fields {
        map.insert(key.to_string(), value);
    }
    Value::Object(map)
}

/// Writes `bonus` or `penalty` back; points are kept as typed (a decimal comma read as a
/// point), so the engine names what is wrong.
fn set_adjustments(tree: &mut Value, key: &str, items: &[AdjustmentItem]) {
    let list: Vec<Value> = items
        .iter()
        .map(|i| {
            object(vec![
                ("points", decimal_value(&i.points)),
                ("reason", Value::from(i.reason.as_str())),
            ])
        })
        .collect();
    if let Some(root) = tree.as_object_mut() {
        root.insert(key.to_string(), Value::Array(list));
    }
}

/// The unit and year an assessment names (empty and 0 when absent).
pub fn unit_and_year(tree: &Value) -> (String, i64) {
    let unit = tree
        .get("unit")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let year = tree.get("year").and_then(Value::as_i64).unwrap_or_default();
    (unit, year)
}

/// The assessment file text as exported: two-space JSON and a final newline. Keys are
/// ordered, so exporting an imported export gives the same bytes.
pub fn export_text(tree: &Value) -> String {
    parindex_core::format::value_json(tree)
}

/// A file name for an export: `ubnd-huyen-tra-cu-2022.json`.
pub fn export_name(unit: &str, year: i64) -> String {
    let mut slug = String::new();
    for c in unit.chars().flat_map(fold_vietnamese) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("danh-gia-{year}.json")
    } else {
        format!("{slug}-{year}.json")
    }
}

/// Vietnamese letters without their marks, for file names.
fn fold_vietnamese(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 12] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'A'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ÈÉẸẺẼÊỀẾỆỂỄ", 'E'),
        ("ìíịỉĩ", 'i'),
        ("ÌÍỊỈĨ", 'I'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'O'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ÙÚỤỦŨƯỪỨỰỬỮ", 'U'),
        ("ỳýỵỷỹ", 'y'),
        ("ỲÝỴỶỸ", 'Y'),
    ];
    if c == 'đ' {
        return Some('d');
    }
    if c == 'Đ' {
        return Some('D');
    }
    Some(
        GROUPS
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(c, |(_, base)| *base),
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn numbers_as_typed() {
        assert_eq!(count_value("1.480"), json!(1480));
        assert_eq!(count_value("12.345.678"), json!(12345678));
        assert_eq!(count_value("1480"), json!(1480));
        for kept in ["1.48", "1.4800", ".480", "1,480", "1.480,5"] {
            assert_eq!(count_value(kept), json!(kept), "{kept}");
        }
        use parindex_core::Lang;
        assert_eq!(
            decimal_shown(decimal_value("0,5").as_str().unwrap(), Lang::Vi),
            "0,5"
        );
        assert_eq!(decimal_shown("0.5", Lang::En), "0.5");
        assert_eq!(decimal_shown("0,5x", Lang::Vi), "0,5x");
    }

    #[test]
    fn dates_as_typed_whatever_the_locale() {
        for typed in [
            "10/01/2022",
            "10-1-2022",
            "10.01.2022",
            "10012022",
            "2022-01-10",
            " 10/1/2022 ",
        ] {
            assert_eq!(date_value(typed), "2022-01-10", "{typed}");
        }
        for kept in ["10/01", "31/02/2022", "10/01/22", "mười", ""] {
            assert_eq!(date_value(kept), kept);
        }
        assert_eq!(date_shown("2022-01-10"), "10/01/2022");
        assert_eq!(date_shown("10/01"), "10/01");
        assert_eq!(date_shown(&date_value("1/2/2022")), "01/02/2022");
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn typed_counts_stay_as_typed_when_not_numbers() {
        assert_eq!(count_value("6507"), json!(6507));
        assert_eq!(count_value(" 12 "), json!(12));
        assert_eq!(count_value("12a"), json!("12a"));
        assert_eq!(count_value(""), json!(""));
        assert_eq!(decimal_value("86,4"), json!("86.4"));
    }

    const S: Section = Section::SelfAssessed;

    fn field(code: &str, field: &'static str, value: Option<Value>) -> Edit {
        Edit::Field {
            section: S,
            code: code.into(),
            field,
            value,
        }
    }

    #[test]
    fn editing_fields_checklists_and_not_applicable() {
        let mut tree = json!({ "format": 1, "self": {} });
        apply(&mut tree, &field("3.3.2", "numerator", Some(json!(5))));
        assert_eq!(field_text(&tree, S, "3.3.2", "numerator"), "5");
        let order: Rc<[String]> = ["a", "b", "c"].map(String::from).into();
        for key in ["c", "a"] {
            let edit = Edit::Check {
                section: S,
                code: "1.2.1".into(),
                key: key.into(),
                on: true,
                order: order.clone(),
            };
            apply(&mut tree, &edit);
        }
        assert_eq!(tree["self"]["1.2.1"]["checked"], json!(["a", "c"]));
        let na = |on| Edit::NotApplicable {
            section: S,
            code: "3.3.2".into(),
            kind: RuleKind::Ratio,
            on,
        };
        apply(&mut tree, &na(true));
        assert_eq!(tree["self"]["3.3.2"], json!({ "not_applicable": true }));
        apply(&mut tree, &na(false));
        assert_eq!(tree["self"]["3.3.2"], json!({}));
        apply(&mut tree, &field("3.3.2", "note", Some(json!("x"))));
        apply(&mut tree, &field("3.3.2", "note", None));
        assert_eq!(tree["self"]["3.3.2"], json!({}));
    }

    #[test]
    fn agreeing_copies_the_units_inputs_and_keeps_the_comment() {
        let mut tree = json!({
            "format": 1,
            "self": {
                "1.2.1": { "checked": ["a", "c"], "note": "n", "evidence": [{ "ref": "1/KH" }] },
                "3.3.2": { "not_applicable": true }
            },
            "appraisal": { "1.2.1": { "checked": ["b"], "comment": "xem lại" } }
        });
        let agree = |code: &str, kind| Edit::Agree {
            code: code.into(),
            kind,
        };
        apply(&mut tree, &agree("1.2.1", RuleKind::Checklist));
        assert_eq!(
            tree["appraisal"]["1.2.1"],
            json!({ "checked": ["a", "c"], "comment": "xem lại" })
        );
        apply(&mut tree, &agree("3.3.2", RuleKind::Ratio));
        assert_eq!(
            tree["appraisal"]["3.3.2"],
            json!({ "not_applicable": true })
        );
        // Agreeing with a leaf the unit left empty takes away what the appraiser typed.
        apply(&mut tree, &field("9.9", "comment", None));
        apply(&mut tree, &agree("9.9", RuleKind::Count));
        assert_eq!(tree["appraisal"]["9.9"], json!({}));
        let undo = Edit::Unappraise {
            code: "1.2.1".into(),
            kind: RuleKind::Checklist,
        };
        apply(&mut tree, &undo);
        assert_eq!(tree["appraisal"]["1.2.1"], json!({ "comment": "xem lại" }));
        assert_eq!(tree["self"]["1.2.1"]["checked"], json!(["a", "c"]));
    }

    #[test]
    fn a_deadline_is_a_date_or_not_done_never_both() {
        let mut tree = json!({ "format": 1 });
        let (section, code) = (S, "1.1.1".to_string());
        apply(
            &mut tree,
            &Edit::NotDone {
                section,
                code: code.clone(),
                on: true,
            },
        );
        assert_eq!(tree["self"]["1.1.1"], json!({ "done": false }));
        let date = Some("2022-01-25".to_string());
        apply(
            &mut tree,
            &Edit::DoneOn {
                section,
                code: code.clone(),
                date,
            },
        );
        assert_eq!(tree["self"]["1.1.1"], json!({ "date": "2022-01-25" }));
        apply(
            &mut tree,
            &Edit::DoneOn {
                section,
                code,
                date: Some(String::new()),
            },
        );
        assert_eq!(tree["self"]["1.1.1"], json!({}));
    }

    #[test]
    fn evidence_items_are_added_set_by_named_field_and_removed() {
        let mut tree = json!({ "format": 1, "self": {} });
        let (section, code) = (S, "1.1.1".to_string());
        let remove_first = Edit::RemoveEvidence {
            section,
            code: code.clone(),
            index: 0,
        };
        apply(
            &mut tree,
            &Edit::AddEvidence {
                section,
                code: code.clone(),
            },
        );
        apply(
            &mut tree,
            &Edit::AddEvidence {
                section,
                code: code.clone(),
            },
        );
        let set = |index, field, text: &str| Edit::SetEvidence {
            section,
            code: code.clone(),
            index,
            field,
            text: text.into(),
        };
        apply(&mut tree, &set(0, EvidenceField::Reference, "05/KH-UBND"));
        apply(&mut tree, &set(0, EvidenceField::Date, "2022-01-25"));
        apply(&mut tree, &set(1, EvidenceField::Title, "Báo cáo"));
        apply(
            &mut tree,
            &set(7, EvidenceField::Title, "out of range: ignored"),
        );
        assert_eq!(
            tree["self"]["1.1.1"]["evidence"],
            json!([{ "ref": "05/KH-UBND", "date": "2022-01-25" }, { "title": "Báo cáo" }])
        );
        apply(&mut tree, &remove_first);
        assert_eq!(
            evidence(&tree, S, &code),
            vec![EvidenceItem {
                title: "Báo cáo".into(),
                ..EvidenceItem::default()
            }]
        );
        apply(&mut tree, &remove_first);
        assert!(tree["self"]["1.1.1"].get("evidence").is_none());
    }

    #[test]
    fn attached_files_become_items_once_each_with_names_free_in_the_leafs_folder() {
        let file = |name: &str, sha: &str| json!({ "name": name, "sha256": sha.repeat(32), "size": 3, "type": "application/pdf" });
        let mut tree =
            json!({ "format": 1, "self": { "1.1.1": { "evidence": [{ "ref": "05/KH" }] } } });
        let attach = |files: Vec<Value>| Edit::AttachFiles {
            section: S,
            code: "1.1.1".into(),
            files,
        };
        apply(
            &mut tree,
            &attach(vec![
                file("KH.pdf", "aa"),
                file("kh.PDF", "bb"),
                file("anh", "cc"),
            ]),
        );
        // The same document under the same name again: nothing added; another with a
        // name taken: numbered.
        apply(
            &mut tree,
            &attach(vec![
                file("KH.pdf", "aa"),
                file("KH.pdf", "dd"),
                file("anh", "ee"),
            ]),
        );
        let names: Vec<_> = evidence(&tree, S, "1.1.1")
            .iter()
            .map(|i| i.file_name().unwrap_or("-").to_string())
            .collect();
        assert_eq!(
            names,
            ["-", "KH.pdf", "kh (2).PDF", "anh", "KH (3).pdf", "anh (2)"]
        );
        assert_eq!(
            tree["self"]["1.1.1"]["evidence"][0],
            json!({ "ref": "05/KH" })
        );
        assert_eq!(
            tree["self"]["1.1.1"]["evidence"][4]["file"]["sha256"],
            json!("dd".repeat(32))
        );
    }

    #[test]
    fn an_attached_file_stays_whatever_else_is_edited() {
        let file = json!({ "name": "ke-hoach.pdf", "sha256": "ab".repeat(32), "size": 12, "type": "application/pdf" });
        let mut tree = json!({ "format": 1, "self": { "1.1.1": { "evidence": [{ "title": "Kế hoạch", "file": file }] } } });
        let edit = Edit::SetEvidence {
            section: S,
            code: "1.1.1".into(),
            index: 0,
            field: EvidenceField::Reference,
            text: "05/KH-UBND".into(),
        };
        apply(&mut tree, &edit);
        assert_eq!(
            tree["self"]["1.1.1"]["evidence"],
            json!([{ "ref": "05/KH-UBND", "title": "Kế hoạch", "file": file }])
        );
        let items = evidence(&tree, S, "1.1.1");
        assert_eq!(items[0].file_name(), Some("ke-hoach.pdf"));
    }

    #[test]
    fn bonus_and_penalty_items_keep_points_as_typed() {
        let mut tree = json!({ "format": 1 });
        let list = Adjustments::Penalty;
        apply(&mut tree, &Edit::AddAdjustment { list });
        let set = |field, text: &str| Edit::SetAdjustment {
            list,
            index: 0,
            field,
            text: text.into(),
        };
        apply(&mut tree, &set(AdjustmentField::Points, "0,5"));
        apply(&mut tree, &set(AdjustmentField::Reason, "Chậm báo cáo"));
        assert_eq!(
            tree["penalty"],
            json!([{ "points": "0.5", "reason": "Chậm báo cáo" }])
        );
        apply(&mut tree, &Edit::RemoveAdjustment { list, index: 0 });
        assert_eq!(tree["penalty"], json!([]));
    }

    #[test]
    fn export_round_trips_byte_for_byte() {
        let text = include_str!("../../examples/tra-cu-2022.json");
        let once = export_text(&serde_json::from_str(text).unwrap());
        let twice = export_text(&serde_json::from_str(&once).unwrap());
        assert_eq!(once, twice);
        assert_eq!(
            export_name("UBND huyện Trà Cú", 2022),
            "ubnd-huyen-tra-cu-2022.json"
        );
        assert_eq!(export_name("Đ", 2022), "d-2022.json");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod export_import {
        use super::super::export_text;
        use proptest::prelude::*;
        use serde_json::{json, Map, Value};

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-z0-9 ./-]{0,20}",
                "\\PC{0,12}",
                Just("Kế hoạch số 05/KH-UBND \"CCHC\"\n\t<b>".to_string())
            ]
        }

        fn entry() -> impl Strategy<Value = Value> {
            (
                prop::option::of(0u64..100_000),
                prop::option::of(0u64..100_000),
                prop::option::of(text()),
                prop::collection::vec((text(), text()), 0..3),
                prop::option::of(any::<bool>()),
            )
                .prop_map(|(n, d, note, evidence, na)| {
                    let mut m = Map::new();
                    if let Some(n) = n {
                        m.insert("numerator".into(), json!(n));
                    }
                    if let Some(d) = d {
                        m.insert("denominator".into(), json!(d.to_string()));
                    }
                    if let Some(note) = note {
                        m.insert("note".into(), json!(note));
                    }
                    if !evidence.is_empty() {
                        let items: Vec<Value> = evidence
                            .into_iter()
                            .map(|(r, t)| json!({ "ref": r, "title": t, "date": "2022-01-25" }))
                            .collect();
                        m.insert("evidence".into(), Value::Array(items));
                    }
                    if let Some(na) = na {
                        m.insert("not_applicable".into(), json!(na));
                    }
                    Value::Object(m)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

            /// What the app exports, imported (with the engine's strict reader) and exported
            /// again, gives the same bytes.
            #[test]
            fn export_import_export_is_identical(
                unit in text(),
                year in 1900i64..2200,
                entries in prop::collection::btree_map("[1-8]\\.[1-5]\\.[1-5]", entry(), 0..30),
                survey in prop::collection::btree_map("8\\.[1-3]\\.[1-3]", "[0-9]{1,2}\\.[0-9]{1,2}", 0..5),
                bonus in prop::option::of(("[0-2]\\.[05]", text())),
            ) {
                let survey: Map<String, Value> = survey.into_iter().map(|(k, p)| (k, json!({ "percent": p }))).collect();
                let tree = json!({
                    "format": 1, "framework": "mau-huyen@2022", "unit": unit, "year": year,
                    "self": entries, "appraisal": {}, "survey": survey,
                    "bonus": bonus.map(|(p, r)| vec![json!({ "points": p, "reason": r })]).unwrap_or_default(),
                    "penalty": [],
                });
                let first = export_text(&tree);
                let imported = parindex_core::assessment::parse_json(&first).map_err(|d| TestCaseError::fail(d.to_string()))?;
                prop_assert_eq!(&imported, &tree);
                prop_assert_eq!(export_text(&imported), first);
            }
        }
    }
}
