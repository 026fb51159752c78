//! The framework being edited, as data: the tree (the form a framework file reads to),
//! the findings of the import with whether the person has dealt with each, and the tree
//! as first read (its words shown beside each criterion). Edits are values applied by
//! [`apply`]; the checks are the core's own (`Framework::from_tree`). Pure: tested
//! natively; the page only renders it and stores [`Draft::encode`].

use parindex_core::annex::{Finding, Import};
use parindex_core::{Decimal, Diagnostic, Framework, Text};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::str::FromStr;

/// The storage key of the draft framework.
pub const DRAFT_KEY: &str = "parindex.bo-chi-so.draft";
/// Stored text that could not be read is set aside under this prefix, never dropped.
pub const CORRUPT_PREFIX: &str = "parindex.bo-chi-so.corrupt.";

/// One finding of the import, kept with the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// `recognised`, `guessed` or `decide`.
    pub level: String,
    pub code: String,
    pub row: Option<usize>,
    pub criterion: Option<String>,
    pub vi: String,
    pub en: String,
    /// The person has dealt with it (checked, kept or changed).
    pub resolved: bool,
}

impl Item {
    fn of(f: &Finding) -> Item {
        Item {
            level: match f.level {
                parindex_core::annex::Level::Recognised => "recognised",
                parindex_core::annex::Level::Guessed => "guessed",
                parindex_core::annex::Level::Decide => "decide",
            }
            .into(),
            code: f.code.into(),
            row: f.row,
            criterion: f.criterion.clone(),
            vi: f.message.vi.clone(),
            en: f.message.en.clone(),
            resolved: false,
        }
    }

    pub fn message(&self) -> Text {
        Text::new(self.vi.clone(), self.en.clone())
    }
}

/// The framework being edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: String,
    pub version: u32,
    /// The file it came from; empty for a pasted table.
    pub source: String,
    pub saved_at: String,
    pub tree: Value,
    /// The tree as first read: its titles and guides are the annex's words.
    pub original: Value,
    pub findings: Vec<Item>,
    /// The table row of each criterion, as read.
    #[serde(default)]
    pub rows: Vec<(String, usize)>,
    /// The annex's words for each criterion (title, guidance, option rows), as read.
    #[serde(default)]
    pub words: Vec<(String, String)>,
}

impl Draft {
    pub fn new(source: &str, tree: Value, findings: Vec<Item>) -> Draft {
        Draft {
            kind: "parindex-framework-draft".into(),
            version: 1,
            source: source.into(),
            saved_at: String::new(),
            original: tree.clone(),
            tree,
            findings,
            rows: Vec::new(),
            words: Vec::new(),
        }
    }

    /// A draft from an annex read by `parindex_core::annex::import`.
    pub fn from_import(source: &str, import: &Import) -> Draft {
        let mut d = Draft::new(
            source,
            import.tree.clone(),
            import.findings.iter().map(Item::of).collect(),
        );
        d.rows = import.rows.clone();
        d.words = import.words.clone();
        d
    }

    /// The annex's words for a criterion.
    pub fn words(&self, code: &str) -> Option<&str> {
        self.words
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, w)| w.as_str())
    }

    /// The table row a criterion was read from.
    pub fn row(&self, code: &str) -> Option<usize> {
        self.rows.iter().find(|(c, _)| c == code).map(|(_, r)| *r)
    }

    /// A draft from a framework file's TOML: its own checks' messages, none to resolve.
    pub fn from_toml(source: &str, text: &str) -> Result<Draft, Text> {
        let json = Framework::tree_json(text).map_err(|d| d.rendered())?;
        let tree: Value = serde_json::from_str(&json).map_err(|e| {
            Text::new(
                format!("tệp .toml hỏng ({e})"),
                format!("damaged .toml ({e})"),
            )
        })?;
        Ok(Draft::new(source, tree, Vec::new()))
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn decode(text: &str) -> Result<Draft, String> {
        let d: Draft = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if d.kind != "parindex-framework-draft" || d.version != 1 {
            return Err(format!("not a framework draft of version 1 ({})", d.kind));
        }
        Ok(d)
    }

    /// The framework's TOML, as `parindex framework import` prints it.
    pub fn toml(&self) -> String {
        parindex_core::framework_toml::write_toml(&self.tree)
    }

    /// The file name to export under: `ID-EDITION.toml`.
    pub fn file_name(&self) -> String {
        let part = |k: &str| {
            self.tree
                .get(k)
                .and_then(Value::as_str)
                .map(parindex_core::annex::fold)
                .unwrap_or_default()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        };
        let (id, edition) = (part("id"), part("edition"));
        match (id.is_empty(), edition.is_empty()) {
            (true, _) => "bo-chi-so.toml".into(),
            (false, true) => format!("{id}.toml"),
            (false, false) => format!("{id}-{edition}.toml"),
        }
    }

    /// The criteria, in order.
    pub fn criteria(&self) -> &[Value] {
        self.tree
            .get("criterion")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// A criterion as first read.
    pub fn original(&self, code: &str) -> Option<&Value> {
        self.original
            .get("criterion")
            .and_then(Value::as_array)?
            .iter()
            .find(|c| c.get("code").and_then(Value::as_str) == Some(code))
    }

    /// Findings to decide that the person has not dealt with.
    pub fn open_decisions(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level == "decide" && !f.resolved)
            .count()
    }
}

/// The core's checks of the tree: nothing when it is a valid framework.
pub fn check(tree: &Value) -> Vec<Diagnostic> {
    Framework::from_tree(tree).err().unwrap_or_default()
}

/// Whether a criterion has children.
pub fn is_parent(criteria: &[Value], code: &str) -> bool {
    let prefix = format!("{code}.");
    criteria.iter().any(|c| {
        c.get("code")
            .and_then(Value::as_str)
            .is_some_and(|k| k.starts_with(&prefix))
    })
}

/// The sum of a parent's children's maxima, when every one is a number.
pub fn children_sum(criteria: &[Value], code: &str) -> Option<Decimal> {
    let prefix = format!("{code}.");
    criteria
        .iter()
        .filter_map(|c| {
            let k = c.get("code")?.as_str()?;
            let rest = k.strip_prefix(&prefix)?;
            (!rest.contains('.')).then(|| c.get("max").and_then(Value::as_str))
        })
        .map(|m| m.and_then(|m| Decimal::from_str(m).ok()))
        .sum()
}

/// A decimal as typed (`0,5`) as the file writes it (`0.5`); text that is not a number
/// is kept as typed, so the check names it.
pub fn decimal_text(typed: &str) -> String {
    let t = typed.trim();
    let dotted = t.replace(',', ".");
    match Decimal::from_str(&dotted) {
        Ok(_) if !dotted.is_empty() => dotted,
        _ => t.to_string(),
    }
}

/// One step of a path inside the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// `["rule", "bands", 0, "points"]` written shortly.
pub fn path(parts: &[&str]) -> Vec<Seg> {
    parts
        .iter()
        .map(|p| match p.parse::<usize>() {
            Ok(i) => Seg::Index(i),
            Err(_) => Seg::Key(p.to_string()),
        })
        .collect()
}

/// The rule kinds a person can choose, with their names.
pub const KINDS: [(&str, &str, &str); 8] = [
    ("choice", "Chọn một phương án", "One option"),
    ("ratio", "Theo tỷ lệ % (các mức)", "Percentage bands"),
    ("proportional", "Tỷ lệ thuận (điểm × tỷ lệ)", "Proportional"),
    ("count", "Theo số lượng (các mức)", "Count bands"),
    ("checklist", "Danh mục nội dung", "Checklist"),
    ("deadline", "Theo thời hạn", "Deadline"),
    ("manual", "Chấm tay", "Scored by hand"),
    ("survey", "Điều tra xã hội học", "Sociological survey"),
];

/// A first rule of a kind for a leaf of maximum `max`: one that validates, for the
/// person to shape.
pub fn default_rule(kind: &str, max: &str) -> Value {
    let max = if max.is_empty() { "0" } else { max };
    match kind {
        "choice" => json!({ "kind": "choice", "options": [
            { "key": "dat", "label": { "vi": "Đạt" }, "points": max },
            { "key": "khong-dat", "label": { "vi": "Không đạt" }, "points": "0" },
        ] }),
        "ratio" => json!({ "kind": "ratio", "bands": [{ "at_least": "100", "points": max }],
            "otherwise": "0", "if_no_cases": "not-applicable" }),
        "proportional" => json!({ "kind": "proportional", "if_no_cases": "not-applicable" }),
        "count" => {
            json!({ "kind": "count", "bands": [{ "at_least": "1", "points": max }], "otherwise": "0" })
        }
        "checklist" => json!({ "kind": "checklist", "items": [
            { "key": "noi-dung-1", "label": { "vi": "Nội dung 1" }, "points": max },
        ] }),
        "deadline" => {
            json!({ "kind": "deadline", "due": "12-31", "on_time": max, "late": "0", "not_done": "0" })
        }
        "survey" => json!({ "kind": "survey" }),
        _ => json!({ "kind": "manual" }),
    }
}

/// One change the person makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A framework key at a path (`["title", "en"]`); `None` removes it.
    Framework {
        path: Vec<Seg>,
        value: Option<Value>,
    },
    /// A criterion's key at a path (`["rule", "bands", 1, "points"]`).
    Criterion {
        code: String,
        path: Vec<Seg>,
        value: Option<Value>,
    },
    /// Another rule kind, started from [`default_rule`].
    Kind { code: String, kind: String },
    /// A row added to a rule's list (`options`, `items`, `bands`).
    AddRow { code: String, list: String },
    RemoveRow {
        code: String,
        list: String,
        index: usize,
    },
    /// A finding dealt with, or not.
    Resolve { index: usize, resolved: bool },
    /// A new criterion under `parent` (a field when `None`), after its last descendant:
    /// a row the annex reader missed. A leaf given a child loses its rule.
    AddChild { parent: Option<String> },
    /// A criterion removed, with its descendants.
    Remove { code: String },
}

/// Whether `code` is `parent` itself or below it.
fn within(code: &str, parent: &str) -> bool {
    code == parent
        || code
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The code of a new child of `parent` (a field when `None`): one past the highest.
pub fn next_code(criteria: &[Value], parent: Option<&str>) -> String {
    let prefix = parent.map_or(String::new(), |p| format!("{p}."));
    let last = criteria
        .iter()
        .filter_map(|c| c.get("code")?.as_str()?.strip_prefix(prefix.as_str()))
        .filter(|rest| !rest.contains('.'))
        .filter_map(|rest| rest.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", last + 1)
}

fn criterion_mut<'a>(tree: &'a mut Value, code: &str) -> Option<&'a mut Value> {
    tree.get_mut("criterion")?
        .as_array_mut()?
        .iter_mut()
        .find(|c| c.get("code").and_then(Value::as_str) == Some(code))
}

/// Sets (or with `None` removes) the value at a path, making the objects on the way;
/// an object left empty by a removal goes too.
fn set_at(target: &mut Value, path: &[Seg], value: Option<Value>) {
    let Some((last, on_the_way)) = path.split_last() else {
        if let Some(v) = value {
            *target = v;
        }
        return;
    };
    let mut here = &mut *target;
    for seg in on_the_way {
        here = match seg {
            Seg::Key(k) => {
                if !here.is_object() {
                    *here = Value::Object(Map::new());
                }
                here.as_object_mut()
                    .map(|m| m.entry(k.clone()).or_insert(Value::Null))
                    .expect("an object")
            }
            Seg::Index(i) => match here.get_mut(*i) {
                Some(v) => v,
                None => return,
            },
        };
    }
    match (last, value) {
        (Seg::Key(k), Some(v)) => {
            if !here.is_object() {
                *here = Value::Object(Map::new());
            }
            if let Some(m) = here.as_object_mut() {
                m.insert(k.clone(), v);
            }
        }
        (Seg::Key(k), None) => {
            if let Some(m) = here.as_object_mut() {
                m.remove(k);
            }
        }
        (Seg::Index(i), Some(v)) => {
            if let Some(slot) = here.get_mut(*i) {
                *slot = v;
            }
        }
        (Seg::Index(_), None) => {}
    }
    prune(target, on_the_way);
}

/// Removes objects left empty along a path (a `reference` with no field left).
fn prune(target: &mut Value, path: &[Seg]) {
    for depth in (1..=path.len()).rev() {
        let (parent, last) = (&path[..depth - 1], &path[depth - 1]);
        let mut here = &mut *target;
        for seg in parent {
            here = match (seg, here) {
                (Seg::Key(k), Value::Object(m)) => match m.get_mut(k) {
                    Some(v) => v,
                    None => return,
                },
                (Seg::Index(i), Value::Array(a)) => match a.get_mut(*i) {
                    Some(v) => v,
                    None => return,
                },
                _ => return,
            };
        }
        if let (Seg::Key(k), Value::Object(m)) = (last, here) {
            if m.get(k)
                .is_some_and(|v| v.as_object().is_some_and(Map::is_empty))
            {
                m.remove(k);
            }
        }
    }
}

/// A key not yet used in a list: `muc-3`.
fn fresh_key(list: &[Value]) -> String {
    (list.len() + 1..)
        .map(|n| format!("muc-{n}"))
        .find(|k| {
            !list
                .iter()
                .any(|o| o.get("key").and_then(Value::as_str) == Some(k))
        })
        .unwrap_or_default()
}

/// Applies an edit to the draft.
pub fn apply(draft: &mut Draft, edit: Edit) {
    match edit {
        Edit::Framework { path, value } => set_at(&mut draft.tree, &path, value),
        Edit::Criterion { code, path, value } => {
            if let Some(c) = criterion_mut(&mut draft.tree, &code) {
                set_at(c, &path, value);
            }
        }
        Edit::Kind { code, kind } => {
            if let Some(c) = criterion_mut(&mut draft.tree, &code) {
                let max = c
                    .get("max")
                    .and_then(Value::as_str)
                    .unwrap_or("0")
                    .to_string();
                c["rule"] = default_rule(&kind, &max);
            }
        }
        Edit::AddRow { code, list } => {
            if let Some(rows) = criterion_mut(&mut draft.tree, &code)
                .and_then(|c| c.get_mut("rule"))
                .and_then(|r| r.get_mut(list.as_str()))
                .and_then(Value::as_array_mut)
            {
                let row = if list == "bands" {
                    let edge = rows
                        .last()
                        .and_then(Value::as_object)
                        .and_then(|b| {
                            ["at_least", "above", "at_most", "below"]
                                .into_iter()
                                .find(|k| b.contains_key(*k))
                        })
                        .unwrap_or("at_least");
                    json!({ edge: "0", "points": "0" })
                } else {
                    let key = fresh_key(rows);
                    json!({ "key": key, "label": { "vi": "" }, "points": "0" })
                };
                rows.push(row);
            }
        }
        Edit::RemoveRow { code, list, index } => {
            if let Some(rows) = criterion_mut(&mut draft.tree, &code)
                .and_then(|c| c.get_mut("rule"))
                .and_then(|r| r.get_mut(list.as_str()))
                .and_then(Value::as_array_mut)
            {
                if index < rows.len() {
                    rows.remove(index);
                }
            }
        }
        Edit::Resolve { index, resolved } => {
            if let Some(f) = draft.findings.get_mut(index) {
                f.resolved = resolved;
            }
        }
        Edit::AddChild { parent } => {
            let code = next_code(draft.criteria(), parent.as_deref());
            let Some(list) = draft
                .tree
                .get_mut("criterion")
                .and_then(Value::as_array_mut)
            else {
                return;
            };
            let at = match parent.as_deref() {
                Some(p) => {
                    let Some(last) = list.iter().rposition(|c| {
                        c.get("code")
                            .and_then(Value::as_str)
                            .is_some_and(|k| within(k, p))
                    }) else {
                        return;
                    };
                    if let Some(own) = list
                        .iter_mut()
                        .find(|c| c.get("code").and_then(Value::as_str) == Some(p))
                        .and_then(Value::as_object_mut)
                    {
                        own.remove("rule");
                        own.remove("may_not_apply");
                    }
                    last + 1
                }
                None => list.len(),
            };
            list.insert(
                at,
                json!({ "code": code, "title": { "vi": "Tiêu chí mới" }, "max": "0", "rule": { "kind": "manual" } }),
            );
        }
        Edit::Remove { code } => {
            if let Some(list) = draft
                .tree
                .get_mut("criterion")
                .and_then(Value::as_array_mut)
            {
                list.retain(|c| {
                    !c.get("code")
                        .and_then(Value::as_str)
                        .is_some_and(|k| within(k, &code))
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parindex_annex::{read, Kind};
    use parindex_core::annex::{import, Options};

    fn draft() -> Draft {
        let text = "BỘ CHỈ SỐ CCHC CẤP XÃ NĂM 2025\nSTT;Tiêu chí;Điểm tối đa\n1;Chỉ đạo;3\n1.1;Kế hoạch;1\n;Ban hành kịp thời;1\n;Không ban hành;0\n1.2;Tỷ lệ hồ sơ đúng hạn;2;\n;Trên 90%;2\n;Dưới 90%;0\n;Tổng cộng;3\n";
        let table = read(Kind::Csv, text.as_bytes()).unwrap();
        let options = Options {
            file_name: Some("xa.csv".into()),
            ..Options::default()
        };
        Draft::from_import("xa.csv", &import(&table, &options))
    }

    #[test]
    fn an_import_becomes_a_valid_draft_with_its_findings() {
        let d = draft();
        assert!(check(&d.tree).is_empty(), "{:?}", check(&d.tree));
        assert!(d.open_decisions() > 0);
        assert_eq!(d.file_name(), "xa-2025.toml");
        assert!(d
            .toml()
            .starts_with("format = 1\nid = \"xa\"\nedition = \"2025\""));
        let back = Draft::decode(&d.encode()).unwrap();
        assert_eq!(back, d);
        assert!(Draft::decode("{\"kind\":\"x\"}").is_err());
    }

    #[test]
    fn edits_change_the_tree_and_the_checks_follow() {
        let mut d = draft();
        // A maximum typed with a decimal comma; the parent's sum no longer matches.
        apply(
            &mut d,
            Edit::Criterion {
                code: "1.1".into(),
                path: path(&["max"]),
                value: Some(decimal_text("1,5").into()),
            },
        );
        assert_eq!(d.criteria()[1]["max"], "1.5");
        assert_eq!(children_sum(d.criteria(), "1"), Some(Decimal::new(35, 1)));
        let codes: Vec<&str> = check(&d.tree).iter().map(|x| x.code).collect();
        assert!(!codes.is_empty());
        apply(
            &mut d,
            Edit::Criterion {
                code: "1.1".into(),
                path: path(&["max"]),
                value: Some("1".into()),
            },
        );
        // Another kind: a first rule that validates.
        apply(
            &mut d,
            Edit::Kind {
                code: "1.2".into(),
                kind: "count".into(),
            },
        );
        assert!(check(&d.tree).is_empty(), "{:?}", check(&d.tree));
        apply(
            &mut d,
            Edit::AddRow {
                code: "1.2".into(),
                list: "bands".into(),
            },
        );
        assert_eq!(
            d.criteria()[2]["rule"]["bands"][1],
            json!({ "at_least": "0", "points": "0" })
        );
        apply(
            &mut d,
            Edit::RemoveRow {
                code: "1.2".into(),
                list: "bands".into(),
                index: 1,
            },
        );
        assert_eq!(
            d.criteria()[2]["rule"]["bands"].as_array().unwrap().len(),
            1
        );
        // A reference set and cleared leaves no empty table behind.
        let reference = |value: Option<Value>| Edit::Criterion {
            code: "1.2".into(),
            path: path(&["reference", "row"]),
            value,
        };
        apply(&mut d, reference(Some("12".into())));
        assert_eq!(d.criteria()[2]["reference"], json!({ "row": "12" }));
        apply(&mut d, reference(None));
        assert!(d.criteria()[2].get("reference").is_none());
        // The English title of the framework.
        apply(
            &mut d,
            Edit::Framework {
                path: path(&["title", "en"]),
                value: Some("Commune PAR Index".into()),
            },
        );
        assert_eq!(d.tree["title"]["en"], "Commune PAR Index");
        apply(
            &mut d,
            Edit::Resolve {
                index: 0,
                resolved: true,
            },
        );
        assert!(d.findings[0].resolved);
    }

    #[test]
    fn criteria_added_and_removed() {
        let mut d = draft();
        let codes = |d: &Draft| -> Vec<String> {
            d.criteria()
                .iter()
                .map(|c| c["code"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(codes(&d), ["1", "1.1", "1.2"]);
        // A leaf given a child: the child goes after it, the leaf's rule goes.
        apply(
            &mut d,
            Edit::AddChild {
                parent: Some("1.1".into()),
            },
        );
        assert_eq!(codes(&d), ["1", "1.1", "1.1.1", "1.2"]);
        assert!(d.criteria()[1].get("rule").is_none());
        apply(
            &mut d,
            Edit::AddChild {
                parent: Some("1".into()),
            },
        );
        assert_eq!(codes(&d), ["1", "1.1", "1.1.1", "1.2", "1.3"]);
        apply(&mut d, Edit::AddChild { parent: None });
        assert_eq!(codes(&d), ["1", "1.1", "1.1.1", "1.2", "1.3", "2"]);
        // Removing takes the descendants along; a similar prefix stays.
        apply(&mut d, Edit::AddChild { parent: None });
        for _ in 0..9 {
            apply(&mut d, Edit::AddChild { parent: None });
        }
        assert!(codes(&d).contains(&"11".to_string()));
        apply(&mut d, Edit::Remove { code: "1".into() });
        assert_eq!(codes(&d)[0], "2");
        assert!(codes(&d).contains(&"11".to_string()));
    }

    #[test]
    fn every_default_rule_validates_for_its_kind() {
        for (kind, _, _) in KINDS {
            let mut d = draft();
            apply(
                &mut d,
                Edit::Kind {
                    code: "1.2".into(),
                    kind: kind.into(),
                },
            );
            assert!(check(&d.tree).is_empty(), "{kind}: {:?}", check(&d.tree));
        }
    }

    #[test]
    fn a_toml_file_opens_as_a_draft() {
        let b = &parindex_core::BUILTIN[0];
        let d = Draft::from_toml("a.toml", b.source).unwrap();
        assert!(check(&d.tree).is_empty());
        assert!(d.findings.is_empty());
        assert!(Draft::from_toml("a.toml", "id = ").is_err());
    }
}
