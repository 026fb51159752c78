//! The drafts kept in the browser: every assessment a person starts, opens or receives is
//! a draft of its own, a record in the record store (`platform::records`, IndexedDB),
//! listed on the start page and never overwritten by another one. Deleting moves a draft
//! to the bin; only emptying the bin, on request, erases it.
//!
//! - A **record** is `{"id", "workspace", "deleted", "text"}`: the workspace keeps the
//!   units' app (`unit`) and the desk's received files (`desk`) apart; `deleted` is when
//!   it went to the bin; `text` is the draft's envelope.
//! - The **envelope** (`kind = "parindex-draft"`, version 1) holds the framework (built-in
//!   reference or its compact JSON), the assessment as typed, when it was created and
//!   saved, an optional name, and the total when saved (for the list).
//! - A save is written first, synchronously, to a one-draft **journal** in `localStorage`
//!   and then to the record store; the journal is cleared once the store has committed,
//!   and replayed on the next start if it was not — so a page closed in the middle of an
//!   asynchronous write loses nothing.
//! - Drafts kept by earlier builds in `localStorage` (`parindex.draft`,
//!   `parindex.previous`, `parindex.corrupt.*`) are moved into the store on start, each
//!   key removed only once its record is written. Text that cannot be read is never
//!   dropped: it stays a record, listed as unreadable, and can be downloaded.
//!
//! Encoding, decoding and comparing are pure and tested natively.

use crate::model::object;
use crate::platform::{self, StoreError};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::rc::Rc;

/// The envelope version this build writes.
pub const VERSION: u64 = 1;
/// The workspace of this page: the units' drafts, or the desk's received files.
pub const WORKSPACE: &str = if crate::DESK { "desk" } else { "unit" };
/// The key of a workspace's journal (the save in flight).
pub const JOURNAL_PREFIX: &str = "parindex.journal.";
/// The key naming a workspace's draft that was open when the page was left.
pub const OPEN_PREFIX: &str = "parindex.open.";
/// Keys of earlier builds, moved into the record store on start.
pub const OLD_DRAFT_KEY: &str = "parindex.draft";
pub const OLD_PREVIOUS_KEY: &str = "parindex.previous";
pub const OLD_CORRUPT_PREFIX: &str = "parindex.corrupt.";

/// Where the draft's framework comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameworkOrigin {
    /// A built-in framework, by `id@edition`.
    Builtin(String),
    /// A framework file the person opened, kept with the draft in its compact JSON form
    /// (`parindex_core::Framework::tree_json`), so it reopens with no reader to load.
    Tree(String),
    /// A framework file's TOML text, as earlier builds kept it (converted on restore).
    Toml(String),
}

/// What a draft is besides its content; the open session carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub id: Rc<str>,
    /// The name the person gave it (the list shows the unit otherwise).
    pub name: Option<String>,
    pub created_at: String,
    /// What the draft knows of its dossier (history, the assessment as last exported or
    /// received, problems found on opening: `dossier.rs`); `None` before any.
    pub dossier: Option<Rc<Value>>,
}

impl Meta {
    /// A new draft's.
    pub fn fresh() -> Meta {
        Meta {
            id: new_id(),
            name: None,
            created_at: platform::iso_now(),
            dossier: None,
        }
    }
}

/// A draft's envelope, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub framework: FrameworkOrigin,
    pub assessment: Value,
    pub saved_at: String,
    pub created_at: String,
    pub name: Option<String>,
    /// The total when saved, for the list.
    pub total: Option<Totals>,
    /// Values set aside by "không phát sinh" (`section.code` → the inputs).
    pub aside: Map<String, Value>,
    /// The dossier's state (`Meta::dossier`).
    pub dossier: Option<Rc<Value>>,
}

/// A draft's total when it was saved: what the list of drafts (and the desk's inbox)
/// shows without scoring it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Points and maximum, as the core writes decimals.
    pub points: String,
    pub max: String,
    /// Leaves appraised, and leaves to appraise (every leaf but the survey's); `None`
    /// in records of earlier builds.
    pub appraised: Option<(usize, usize)>,
}

/// One record of this workspace, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: Rc<str>,
    pub workspace: String,
    /// When it was moved to the bin.
    pub deleted: Option<String>,
    /// The envelope as stored.
    pub text: Rc<str>,
    /// The envelope read, or why it cannot be.
    pub stored: Result<Rc<Stored>, String>,
}

impl Draft {
    pub fn new(id: Rc<str>, workspace: &str, deleted: Option<String>, text: Rc<str>) -> Draft {
        let stored = decode(&text).map(Rc::new);
        Draft {
            id,
            workspace: workspace.to_string(),
            deleted,
            text,
            stored,
        }
    }

    /// The record's text in the store.
    pub fn record(&self) -> String {
        parindex_core::format::compact_json(&object(vec![
            ("id", Value::from(&*self.id)),
            ("workspace", Value::from(self.workspace.as_str())),
            ("deleted", Value::from(self.deleted.clone())),
            ("text", Value::from(&*self.text)),
        ]))
    }

    /// Reads a record. Text that is not a record is kept whole as an unreadable draft
    /// of `workspace`.
    pub fn from_record(id: &str, raw: &str, workspace: &str) -> Draft {
        let record = crate::model::read_json(raw);
        let field = |k: &str| {
            record
                .as_ref()
                .and_then(|r| r.get(k))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        match (field("workspace"), field("text")) {
            (Some(ws), Some(text)) => Draft::new(id.into(), &ws, field("deleted"), text.into()),
            _ => Draft::new(id.into(), workspace, None, raw.into()),
        }
    }

    pub fn live(&self) -> bool {
        self.deleted.is_none()
    }

    pub fn saved_at(&self) -> &str {
        self.stored.as_ref().map_or("", |s| &s.saved_at)
    }

    pub fn meta(&self) -> Meta {
        let (name, created_at, dossier) = self
            .stored
            .as_ref()
            .map_or((None, String::new(), None), |s| {
                (s.name.clone(), s.created_at.clone(), s.dossier.clone())
            });
        Meta {
            id: self.id.clone(),
            name,
            created_at,
            dossier,
        }
    }

    /// The same draft with its envelope changed by `f` (rename, duplicate); `None` when
    /// the envelope cannot be read.
    pub fn edited(&self, id: Rc<str>, f: impl FnOnce(&mut Map<String, Value>)) -> Option<Draft> {
        let mut v: Value = crate::model::read_json(&self.text)?;
        f(v.as_object_mut()?);
        Some(Draft::new(
            id,
            &self.workspace,
            self.deleted.clone(),
            parindex_core::format::compact_json(&v).into(),
        ))
    }

    pub fn in_bin(&self, deleted: Option<String>) -> Draft {
        Draft {
            deleted,
            ..self.clone()
        }
    }
}

thread_local! {
    static LAST_ID: Cell<u64> = const { Cell::new(0) };
}

/// A new draft id: the time in milliseconds, made unique within this page.
pub fn new_id() -> Rc<str> {
    let ms = LAST_ID.with(|last| {
        let ms = platform::now_ms().max(last.get() + 1);
        last.set(ms);
        ms
    });
    format!("d{ms:x}").into()
}

/// The text stored for a draft.
pub fn encode(
    meta: &Meta,
    framework: &FrameworkOrigin,
    assessment: &Value,
    saved_at: &str,
    total: Option<&Totals>,
    aside: &Map<String, Value>,
) -> String {
    let fw = match framework {
        FrameworkOrigin::Builtin(r) => ("builtin", r),
        FrameworkOrigin::Tree(tree) => ("tree", tree),
        FrameworkOrigin::Toml(toml) => ("toml", toml),
    };
    let mut v = object(vec![
        ("kind", Value::from("parindex-draft")),
        ("version", Value::from(VERSION)),
        ("saved_at", Value::from(saved_at)),
        ("created_at", Value::from(meta.created_at.clone())),
        (
            "framework",
            object(vec![(fw.0, Value::from(fw.1.as_str()))]),
        ),
        ("assessment", assessment.clone()),
    ]);
    if let Some(name) = &meta.name {
        v["name"] = Value::from(name.as_str());
    }
    if let Some(t) = total {
        v["total"] = object(vec![
            ("points", Value::from(t.points.as_str())),
            ("max", Value::from(t.max.as_str())),
        ]);
        if let Some((done, of)) = t.appraised {
            v["total"]["appraised"] = Value::from(vec![done, of]);
        }
    }
    if !aside.is_empty() {
        v["aside"] = Value::Object(aside.clone());
    }
    if let Some(d) = &meta.dossier {
        v["dossier"] = (**d).clone();
    }
    parindex_core::format::compact_json(&v)
}

/// Reads stored text. Version 1 is the envelope; an older build stored the bare
/// assessment (version 0), which is migrated. Anything else is an error with a reason.
pub fn decode(raw: &str) -> Result<Stored, String> {
    let v: Value = parindex_core::strict_json::from_str(raw).map_err(|e| format!("JSON: {e}"))?;
    let obj = v.as_object().ok_or("not an object")?;
    let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    if obj.get("kind").and_then(Value::as_str) == Some("parindex-draft") {
        let version = obj
            .get("version")
            .and_then(Value::as_u64)
            .ok_or("no version")?;
        if version != VERSION {
            return Err(format!("unknown version {version}"));
        }
        let fw = obj.get("framework").ok_or("no framework")?;
        let framework = if let Some(r) = fw.get("builtin").and_then(Value::as_str) {
            FrameworkOrigin::Builtin(r.to_string())
        } else if let Some(t) = fw.get("toml").and_then(Value::as_str) {
            FrameworkOrigin::Toml(t.to_string())
        } else if let Some(t) = fw.get("tree").and_then(Value::as_str) {
            FrameworkOrigin::Tree(t.to_string())
        } else {
            return Err("framework is neither builtin nor toml".into());
        };
        let assessment = obj
            .get("assessment")
            .filter(|a| a.is_object())
            .ok_or("no assessment")?
            .clone();
        let total = obj.get("total").and_then(|t| {
            let count = |i: usize| Some(t.get("appraised")?.get(i)?.as_u64()? as usize);
            Some(Totals {
                points: t.get("points")?.as_str()?.to_string(),
                max: t.get("max")?.as_str()?.to_string(),
                appraised: count(0).zip(count(1)),
            })
        });
        return Ok(Stored {
            framework,
            assessment,
            saved_at: text("saved_at").unwrap_or_default(),
            created_at: text("created_at").unwrap_or_default(),
            name: text("name").filter(|n| !n.trim().is_empty()),
            total,
            aside: obj
                .get("aside")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            dossier: obj
                .get("dossier")
                .filter(|d| d.is_object())
                .cloned()
                .map(Rc::new),
        });
    }
    // Version 0: the assessment object itself, naming a built-in framework.
    match (obj.get("format"), text("framework")) {
        (Some(_), Some(reference)) => Ok(Stored {
            framework: FrameworkOrigin::Builtin(reference),
            assessment: v.clone(),
            saved_at: String::new(),
            created_at: String::new(),
            name: None,
            total: None,
            aside: Map::new(),
            dossier: None,
        }),
        _ => Err("not a parindex draft".into()),
    }
}

/// Why a save did not happen.
pub type SaveError = StoreError;

/// Every draft of this workspace, newest first, after moving in what earlier builds and
/// an interrupted save left in `localStorage`.
pub async fn load_all() -> Result<Vec<Draft>, StoreError> {
    migrate().await;
    replay_journal().await;
    let mut drafts: Vec<Draft> = platform::records()
        .await?
        .iter()
        .map(|(id, raw)| Draft::from_record(id, raw, WORKSPACE))
        .filter(|d| d.workspace == WORKSPACE)
        .collect();
    newest_first(&mut drafts);
    Ok(drafts)
}

/// The SHA-256 of every document a kept record may name — every record of both pages
/// (the bin's too) and both journals, read as text: any run of 64 hexadecimal digits
/// counts, so nothing named is ever taken for unused. `None` when the records cannot
/// be read (then nothing may be erased).
pub async fn files_in_use() -> Option<Vec<String>> {
    let records = platform::records().await.ok()?;
    let journals = ["unit", "desk"].map(|w| platform::get(&format!("{JOURNAL_PREFIX}{w}")));
    let texts = records
        .into_iter()
        .map(|(_, t)| t)
        .chain(journals.into_iter().flatten());
    let mut out = Vec::new();
    for text in texts {
        out.extend(hex_runs(&text));
    }
    Some(out)
}

/// Every run of exactly 64 hexadecimal digits in `text`.
fn hex_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_hexdigit())
        .filter(|w| w.len() == 64)
        .map(str::to_string)
        .collect()
}

/// The list's order: last saved first. An insertion sort: the list is short and nearly
/// sorted (one draft moves per save), and the standard sort's code for one more type
/// costs the page ~1.5 KB gzip.
pub fn newest_first(drafts: &mut [Draft]) {
    let newer = |a: &Draft, b: &Draft| (a.saved_at(), &a.id) > (b.saved_at(), &b.id);
    for i in 1..drafts.len() {
        let mut j = i;
        while j > 0 && newer(&drafts[j], &drafts[j - 1]) {
            drafts.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Writes a draft's record, done once stored.
pub async fn write(draft: &Draft) -> Result<(), StoreError> {
    platform::put_record(&draft.id, &draft.record()).await
}

/// Erases a draft for good (emptying the bin).
pub async fn erase(id: &str) -> Result<(), StoreError> {
    platform::delete_record(id).await
}

fn journal_key() -> String {
    format!("{JOURNAL_PREFIX}{WORKSPACE}")
}

/// Writes the save in flight to the journal, synchronously; `false` when it could not be.
pub fn journal(record: &str) -> bool {
    platform::set(&journal_key(), record).is_ok()
}

/// Clears the journal once `record` is stored, unless a newer save replaced it.
pub fn journal_done(record: &str) {
    if platform::get(&journal_key()).as_deref() == Some(record) {
        platform::remove(&journal_key());
    }
}

/// Writes what the journal holds (a save the page was closed in the middle of) into
/// the store.
async fn replay_journal() {
    let Some(raw) = platform::get(&journal_key()) else {
        return;
    };
    let id = crate::model::read_json(&raw)
        .and_then(|r| r.get("id")?.as_str().map(Rc::<str>::from))
        .unwrap_or_else(new_id);
    let draft = Draft::from_record(&id, &raw, WORKSPACE);
    if write(&draft).await.is_ok() {
        journal_done(&raw);
    }
}

/// Moves the drafts earlier builds kept in `localStorage` into the record store; each
/// key is removed only once its record is written. Both pages shared those drafts, so
/// they go to the workspace of the page that starts first after the update — the one
/// the person is using. The draft that was open stays the one reopened.
async fn migrate() {
    let corrupt = platform::keys()
        .into_iter()
        .filter(|k| k.starts_with(OLD_CORRUPT_PREFIX));
    let old = [OLD_DRAFT_KEY.to_string(), OLD_PREVIOUS_KEY.into()];
    for key in old.into_iter().chain(corrupt) {
        let Some(text) = platform::get(&key) else {
            continue;
        };
        let draft = Draft::new(new_id(), WORKSPACE, None, text.into());
        if write(&draft).await.is_ok() {
            platform::remove(&key);
            if key == OLD_DRAFT_KEY {
                remember_open(Some(&draft.id));
            }
        }
    }
}

/// The draft that was open when the page was left, if any.
pub fn last_open() -> Option<String> {
    platform::get(&format!("{OPEN_PREFIX}{WORKSPACE}"))
}

/// Remembers the open draft (`None`: the start page was shown).
pub fn remember_open(id: Option<&str>) {
    let key = format!("{OPEN_PREFIX}{WORKSPACE}");
    match id {
        Some(id) => {
            let _ = platform::set(&key, id);
        }
        None => platform::remove(&key),
    }
}

/// How two assessments of the same unit and year differ: the criteria whose entries
/// differ (each once, in the order the sections list them), and the other parts that
/// differ (`framework`, `bonus`, `penalty`, …).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    pub codes: Vec<String>,
    pub parts: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.parts.is_empty()
    }
}

const ENTRY_SECTIONS: [&str; 3] = ["self", "appraisal", "survey"];

/// The keys of either map, each once: `x`'s in order, then those only `y` has.
pub fn keys_of_either<'a>(
    x: &'a Map<String, Value>,
    y: &'a Map<String, Value>,
) -> impl Iterator<Item = &'a String> {
    x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)))
}

pub fn differences(a: &Value, b: &Value) -> Diff {
    let empty = Map::new();
    let obj = |v: &Value, k: &str| v.get(k).and_then(Value::as_object).cloned();
    let mut diff = Diff::default();
    for section in ENTRY_SECTIONS {
        let (x, y) = (
            obj(a, section).unwrap_or_default(),
            obj(b, section).unwrap_or_default(),
        );
        for code in keys_of_either(&x, &y) {
            if x.get(code) != y.get(code) && !diff.codes.contains(code) {
                diff.codes.push(code.clone());
            }
        }
    }
    let (x, y) = (
        a.as_object().unwrap_or(&empty),
        b.as_object().unwrap_or(&empty),
    );
    for key in keys_of_either(x, y) {
        if !ENTRY_SECTIONS.contains(&key.as_str()) && x.get(key) != y.get(key) {
            diff.parts.push(key.clone());
        }
    }
    diff
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn meta() -> Meta {
        Meta {
            id: "d1".into(),
            name: Some("Bản gửi lần 2".into()),
            created_at: "2026-11-01T00:00:00Z".into(),
            dossier: Some(Rc::new(
                json!({ "history": [{ "round": 1, "role": "unit" }] }),
            )),
        }
    }

    #[test]
    fn envelopes_and_records_round_trip() {
        let a = json!({ "format": 1, "framework": "mau-xa@2024", "unit": "A", "year": 2024 });
        for fw in [
            FrameworkOrigin::Builtin("mau-xa@2024".into()),
            FrameworkOrigin::Toml("format = 1".into()),
            FrameworkOrigin::Tree("{\"format\":1}".into()),
        ] {
            let total = Some(Totals {
                points: "45.25".into(),
                max: "70".into(),
                appraised: Some((3, 35)),
            });
            let aside = json!({ "self.3.3.2": { "numerator": 5 } });
            let aside = aside.as_object().unwrap();
            let text = encode(
                &meta(),
                &fw,
                &a,
                "2026-11-27T10:00:00Z",
                total.as_ref(),
                aside,
            );
            let back = decode(&text).unwrap();
            assert_eq!(back.framework, fw);
            assert_eq!(back.assessment, a);
            assert_eq!(back.total, total);
            assert_eq!(back.name.as_deref(), Some("Bản gửi lần 2"));
            assert_eq!(&back.aside, aside);
            let draft = Draft::new("d1".into(), "unit", None, text.into());
            let again = Draft::from_record("d1", &draft.record(), "desk");
            assert_eq!(again, draft);
            assert_eq!(again.meta(), meta());
        }
    }

    #[test]
    fn every_sha256_a_record_names_is_found() {
        let a = "ab".repeat(32);
        let text = format!(
            r#"{{"text":"{{\"file\":{{\"sha256\":\"{a}\"}}}}","x":"{}"}}"#,
            "c".repeat(65)
        );
        assert_eq!(hex_runs(&text), [a]);
    }

    #[test]
    fn older_drafts_are_read_and_garbage_is_kept_as_unreadable() {
        let old = r#"{"format":1,"framework":"mau-huyen@2022","unit":"A","year":2022,"self":{}}"#;
        let s = decode(old).unwrap();
        assert_eq!(
            s.framework,
            FrameworkOrigin::Builtin("mau-huyen@2022".into())
        );
        assert!(decode("{not json").is_err());
        assert!(decode("[1,2]").is_err());
        assert!(decode(r#"{"kind":"parindex-draft","version":9}"#)
            .unwrap_err()
            .contains("version 9"));
        // A record that is not a record is kept whole, unreadable, in the given workspace.
        let d = Draft::from_record("x", "{not json", "desk");
        assert_eq!((&*d.text, d.workspace.as_str()), ("{not json", "desk"));
        assert!(d.stored.is_err());
    }

    /// Runs a future that never waits (the native record store answers at once).
    fn now<F: std::future::Future>(f: F) -> F::Output {
        use std::task::{Context, Poll, Waker};
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the native store never waits"),
        }
    }

    #[test]
    fn earlier_keys_and_an_interrupted_save_move_into_the_store_without_loss() {
        for k in platform::keys() {
            platform::remove(&k);
        }
        let unit =
            r#"{"format":1,"framework":"mau-xa@2024","unit":"UBND xã A","year":2024,"self":{}}"#;
        let appraised = r#"{"format":1,"framework":"mau-xa@2024","unit":"UBND xã B","year":2024,"appraisal":{"1.1":{"points":"1"}}}"#;
        platform::set(OLD_DRAFT_KEY, unit).unwrap();
        platform::set(OLD_PREVIOUS_KEY, appraised).unwrap();
        platform::set(&format!("{OLD_CORRUPT_PREFIX}17"), "{broken").unwrap();
        // A save in flight when the page closed.
        let inflight = Draft::new(
            "d99".into(),
            WORKSPACE,
            None,
            encode(
                &Meta {
                    id: "d99".into(),
                    name: None,
                    created_at: String::new(),
                    dossier: None,
                },
                &FrameworkOrigin::Builtin("mau-xa@2024".into()),
                &json!({"format":1,"framework":"mau-xa@2024","unit":"UBND xã C","year":2024}),
                "2026-12-01T00:00:00Z",
                None,
                &Map::new(),
            )
            .into(),
        );
        assert!(journal(&inflight.record()));

        let drafts = now(load_all()).unwrap();
        // This page's workspace holds all four: both drafts, the unreadable text and the
        // journal's save.
        assert_eq!(drafts.len(), 4, "{drafts:?}");
        assert_eq!(drafts[0].id.as_ref(), "d99", "newest first");
        assert!(drafts.iter().any(|d| d.text.as_ref() == unit));
        assert!(drafts.iter().any(|d| d.text.as_ref() == appraised));
        assert!(drafts
            .iter()
            .any(|d| d.text.as_ref() == "{broken" && d.stored.is_err()));
        // Nothing is left behind, and the draft that was open is the one reopened.
        let opened = drafts.iter().find(|d| d.text.as_ref() == unit).unwrap();
        assert_eq!(last_open().as_deref(), Some(&*opened.id));
        for k in [OLD_DRAFT_KEY, OLD_PREVIOUS_KEY, "parindex.corrupt.17"] {
            assert!(platform::get(k).is_none(), "{k}");
        }
        assert!(platform::get(&journal_key()).is_none());
        // A second start finds the same drafts.
        assert_eq!(now(load_all()).unwrap().len(), 4);
    }

    #[test]
    fn the_journal_is_cleared_only_by_the_save_it_holds() {
        assert!(journal("first"));
        assert!(journal("second"));
        journal_done("first");
        assert_eq!(platform::get(&journal_key()).as_deref(), Some("second"));
        journal_done("second");
        assert!(platform::get(&journal_key()).is_none());
    }

    #[test]
    fn differences_name_the_criteria_and_parts() {
        let a = json!({ "format": 1, "unit": "A", "year": 2024, "framework": "x@1",
            "self": { "1.1": {"date": "2024-01-10"}, "1.10.2": {"value": 1}, "2.1": {"value": 3} },
            "bonus": [] });
        let b = json!({ "format": 1, "unit": "A", "year": 2024, "framework": "x@1",
            "self": { "1.1": {"date": "2024-01-11"}, "2.1": {"value": 3}, "1.9": {"value": 0} },
            "survey": { "8.1": {"percent": "80"} },
            "bonus": [{"points": "0.5"}] });
        let d = differences(&a, &b);
        assert_eq!(d.codes, ["1.1", "1.10.2", "1.9", "8.1"]);
        assert_eq!(d.parts, ["bonus"]);
        assert!(differences(&a, &a).is_empty());
    }

    #[test]
    fn ids_are_unique_within_a_page() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
    }
}
