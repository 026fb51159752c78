//! The embedded mode (docs/embedding.md): the units' app inside a trusted site's frame,
//! driven by the site through versioned messages — the `embed` build (`nhung/`, see
//! [`crate::EMBED`]). `web/static/nhung.js`, loaded by `boot.js` only there, owns the
//! messages themselves — the one origin it talks to, their shape and version, the
//! debounce of `change`, the content height for `resize` — and defines
//! `globalThis.parindexEmbed`. This side answers the site's commands (`load`,
//! `get-assessment`, `get-scorecard`, `set-lang`, `set-readonly`) and says what happened
//! (`ready`, `change`, `saved`, `error`). Without the bridge (every other page and visit)
//! nothing here runs.
//!
//! The messages are built here as JSON (pure functions, tested natively); the bridge
//! adds the protocol's version and posts them.

use crate::components::Ctx;
use crate::state::{Action, SaveState, Session};
use parindex_core::format::{compact_json, diagnostics_json, total_json, JsonText};
use parindex_core::{codes, Diagnostic, Framework, Lang};
use serde_json::Value;
use std::rc::Rc;

/// What the site asked to open (`load`, its fields checked by the bridge): an
/// assessment (its JSON text) scored with the framework it names, or a blank one of a
/// unit and year; `toml`, a framework file's text sent with it.
#[derive(Debug, PartialEq)]
pub struct LoadRequest {
    pub assessment: Option<String>,
    pub framework: Option<String>,
    pub toml: Option<String>,
    pub unit: String,
    pub year: i32,
}

impl LoadRequest {
    pub fn read(msg: &Value) -> LoadRequest {
        let text = |k: &str| msg.get(k).and_then(Value::as_str).map(str::to_string);
        LoadRequest {
            assessment: match msg.get("assessment") {
                Some(v @ Value::Object(_)) => Some(compact_json(v)),
                _ => text("assessment"),
            },
            framework: text("framework"),
            toml: text("toml"),
            unit: text("unit").unwrap_or_default().trim().to_string(),
            year: msg.get("year").and_then(Value::as_i64).unwrap_or_default() as i32,
        }
    }
}

/// One problem as the `details` of an `error` message. Diagnostics travel as the JS
/// package's `DiagnosticDetail`s, written by the core (`diagnostics_json`), as every JSON
/// the pages write: no page links serde's serializer.
fn detail(d: Diagnostic) -> String {
    diagnostics_json(&[d])
}

/// A text as a JSON string, quoted and escaped.
fn quoted(text: String) -> String {
    compact_json(&Value::String(text))
}

/// `{type: "error", id, details}`: `details` are the diagnostics as data (the JS
/// package's `DiagnosticDetail`), JSON text; the bridge adds `code` and `message`, the
/// first one's.
pub fn error_message(id: &Value, details: &str) -> String {
    let id = JsonText(id);
    format!(r#"{{"type":"error","id":{id},"details":{details}}}"#)
}

/// `change`: the assessment as it would be exported, its totals and its typing errors.
/// The totals are the CLI's for the same file when `errors` is empty; with errors (the
/// CLI would refuse the file) they count the entries without them, as the app shows.
pub fn change_message(session: Option<&Session>) -> String {
    let Some(s) = session else {
        return r#"{"type":"change","assessment":null,"total":null,"self_total":null,"complete":false,"errors":[]}"#.into();
    };
    let card = s.score.scorecard.as_ref();
    format!(
        r#"{{"type":"change","assessment":{},"total":{},"self_total":{},"complete":{},"errors":{}}}"#,
        JsonText(&s.tree()),
        total_json(card.map(|c| &c.total)),
        total_json(card.map(|c| &c.self_total)),
        card.is_some_and(|c| c.complete),
        diagnostics_json(&s.score.diagnostics),
    )
}

/// The reply to `get-scorecard`: the scorecard JSON exactly as `parindex score` prints
/// it for the exported assessment, or the errors that stop the CLI; `None` when no
/// assessment is open.
pub fn scorecard_message(id: &Value, session: Option<&Session>) -> Option<String> {
    let s = session?;
    let id = JsonText(id);
    Some(match s.score.full(&s.framework) {
        Some(card) if s.score.diagnostics.is_empty() => format!(
            r#"{{"type":"scorecard","id":{id},"json":{}}}"#,
            quoted(card.to_json())
        ),
        _ => error_message(id.0, &diagnostics_json(&s.score.diagnostics)),
    })
}

/// The reply to `get-assessment`: the assessment as "Xuất tệp .json" writes it; `None`
/// when no assessment is open.
pub fn assessment_message(id: &Value, session: Option<&Session>) -> Option<String> {
    let s = session?;
    Some(format!(
        r#"{{"type":"assessment","id":{},"assessment":{}}}"#,
        JsonText(id),
        JsonText(&s.tree())
    ))
}

/// `ready`: the app has read its drafts and takes commands; what is open, if anything.
pub fn ready_message(lang: Lang, readonly: bool, session: Option<&Session>) -> String {
    let open = session.map_or("null".to_string(), |s| {
        let (unit, year) = crate::model::unit_and_year(&s.tree());
        format!(
            r#"{{"unit":{},"year":{year},"framework":{}}}"#,
            quoted(unit),
            quoted(s.framework.reference())
        )
    });
    let lang = if lang == Lang::En { "en" } else { "vi" };
    format!(r#"{{"type":"ready","lang":"{lang}","readonly":{readonly},"open":{open}}}"#)
}

/// The state the commands act on: the app's latest, kept at every render.
mod latest {
    use crate::components::Ctx;
    use std::cell::RefCell;

    thread_local! {
        static STATE: RefCell<Option<Ctx>> = const { RefCell::new(None) };
    }

    pub fn keep(state: &Ctx) {
        STATE.with(|s| *s.borrow_mut() = Some(state.clone()));
    }

    pub fn get() -> Option<Ctx> {
        STATE.with(|s| s.borrow().clone())
    }
}

/// Answers one command of the site (its JSON text, its fields checked by the bridge):
/// the reply's JSON text, `""` when no assessment is open for it, or nothing (the
/// command needs no reply, or `load`, which posts its `error` when it fails).
pub fn command(text: &str) -> Option<String> {
    let state = latest::get()?;
    let msg: Value = crate::model::read_json(text).unwrap_or_default();
    let id = msg.get("id").cloned().unwrap_or(Value::Null);
    let session = state.session.as_ref();
    let open = |reply: Option<String>| Some(reply.unwrap_or_default());
    match msg["type"].as_str().unwrap_or_default() {
        // The bridge's own request, once edits have settled.
        "snapshot" => Some(change_message(session)),
        "get-assessment" => open(assessment_message(&id, session)),
        "get-scorecard" => open(scorecard_message(&id, session)),
        "set-lang" => {
            let lang = if msg["lang"] == "en" {
                Lang::En
            } else {
                Lang::Vi
            };
            state.dispatch(Action::SetLang(lang));
            None
        }
        "set-readonly" => {
            state.dispatch(Action::SetReadonly(msg["readonly"] == true));
            None
        }
        "load" => {
            let request = LoadRequest::read(&msg);
            yew::platform::spawn_local(async move {
                if let Err(details) = load(&state, request).await {
                    bridge::post(&error_message(&id, &details));
                }
            });
            None
        }
        _ => None,
    }
}

/// Opens what `load` asked for, as opening a file does (a stored draft of the same unit
/// and year with other values is not overwritten: the person is asked), or the problems
/// as the `error` message's details (JSON text).
async fn load(state: &Ctx, request: LoadRequest) -> Result<(), String> {
    let mut custom: Vec<(Rc<Framework>, Rc<str>)> = state.custom_frameworks.clone();
    let mut given = None;
    if let Some(toml) = &request.toml {
        let tree = match crate::platform::toml_problems(toml).await {
            Ok(tree) => tree,
            Err(Some(problems)) => return Err(compact_json(&Value::Array(problems))),
            Err(None) => return Err(unavailable("toml")),
        };
        let f = Rc::new(crate::frameworks::parse(&tree).map_err(|_| unavailable("toml"))?);
        let tree: Rc<str> = tree.into();
        state.dispatch(Action::AddFramework(f.clone(), tree.clone()));
        custom.retain(|(g, _)| g.reference() != f.reference());
        custom.push((f.clone(), tree));
        given = Some(f.reference());
    }
    let framework = |reference: String| {
        let custom = custom.clone();
        async move {
            // Neither opened here nor built in: named as such, not as unavailable.
            let known = crate::frameworks::opened(&custom, &reference).is_some()
                || crate::frameworks::listing(&reference).is_some();
            if !known {
                return Err(detail(Diagnostic::error(
                    codes::FRAMEWORK_UNKNOWN,
                    "framework",
                    format!(
                        "không có bộ chỉ số \"{reference}\": hãy gửi nội dung tệp bộ chỉ số (toml)"
                    ),
                    format!("no framework \"{reference}\": send the framework file's text (toml)"),
                )));
            }
            crate::open::framework_named(&custom, &reference)
                .await
                .map_err(|_| unavailable("framework"))
        }
    };
    let session = match request.assessment {
        Some(assessment) => {
            let opened = parindex_core::Opened::from_json(&assessment).map_err(detail)?;
            let (f, origin) = framework(opened.framework.clone()).await?;
            let session = Session::new(f, origin, opened.tree);
            if session.score.scorecard.is_none() {
                return Err(diagnostics_json(&session.score.diagnostics));
            }
            session
        }
        None => {
            let reference = request.framework.or(given).unwrap_or_default();
            let (f, origin) = framework(reference).await?;
            let blank = parindex_core::blank_assessment(&f, &request.unit, request.year);
            Session::new(
                f,
                origin,
                crate::model::read_json(&blank).unwrap_or_default(),
            )
        }
    };
    crate::open::open_new(state, session);
    Ok(())
}

/// A framework that could not be loaded (offline before it was ever kept).
fn unavailable(field: &str) -> String {
    detail(Diagnostic::error(
        codes::FRAMEWORK_UNAVAILABLE,
        field,
        "không tải được bộ chỉ số (mất kết nối mạng?)",
        "the framework could not be loaded (offline?)",
    ))
}

/// The bridge `web/static/nhung.js` defines (`globalThis.parindexEmbed`): present only
/// in the embedded mode.
#[cfg(target_arch = "wasm32")]
mod bridge {
    use js_sys::{Function, Object, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    fn bridge() -> Option<Object> {
        Reflect::get(&js_sys::global(), &"parindexEmbed".into())
            .ok()?
            .dyn_into()
            .ok()
    }

    fn call(name: &str, arg: &JsValue) {
        let Some(b) = bridge() else { return };
        if let Ok(f) = Reflect::get(&b, &name.into()).and_then(|f| f.dyn_into::<Function>()) {
            let _ = f.call1(&b, arg);
        }
    }

    pub fn active() -> bool {
        bridge().is_some()
    }

    /// Sends a message to the site (the bridge adds the version, posts to its origin).
    pub fn post(message: &str) {
        call("post", &message.into());
    }

    /// Tells the bridge the assessment changed (it asks for a `snapshot` once edits
    /// settle).
    pub fn changed() {
        call("changed", &JsValue::UNDEFINED);
    }

    /// Hands the bridge the command handler and says `ready` (queued commands follow).
    pub fn ready(message: &str) {
        if let Some(b) = bridge() {
            let handler = Closure::<dyn Fn(String) -> Option<String>>::new(|text: String| {
                super::command(&text)
            });
            let _ = Reflect::set(&b, &"app".into(), handler.as_ref());
            handler.forget();
        }
        call("ready", &message.into());
    }
}

/// Natively there is no site: nothing is embedded.
#[cfg(not(target_arch = "wasm32"))]
mod bridge {
    pub fn active() -> bool {
        false
    }
    pub fn post(_message: &str) {}
    pub fn changed() {}
    pub fn ready(_message: &str) {}
}

/// Whether the app runs embedded (docs/embedding.md): the embedded page, framed by a
/// trusted site. Constant false in the other pages, whose builds link none of this.
pub fn active() -> bool {
    crate::EMBED && bridge::active()
}

/// The root's embedded-mode effects: `ready` once the drafts are read, `change` after
/// edits (debounced by the bridge), `saved` after each autosave, `error` when one fails.
pub fn effects(state: &Ctx) -> EmbedKeys {
    latest::keep(state);
    let revision = state.session.as_ref().map(|s| s.revision);
    EmbedKeys {
        ready: state.drafts.is_some(),
        score: state
            .session
            .as_ref()
            .map(|s| (Rc::as_ptr(&s.score) as usize, s.revision)),
        save: match &state.save {
            SaveState::Saved(at) => Some((true, at.clone(), revision)),
            SaveState::Failed(e) => Some((false, e.text().en.to_string(), revision)),
            _ => None,
        },
    }
}

/// What the embedded mode's effects follow: whether the drafts are read, the score's
/// identity, the last save (done or not, its time or why not, at which revision).
#[derive(Clone, PartialEq)]
pub struct EmbedKeys {
    pub ready: bool,
    pub score: Option<(usize, u64)>,
    pub save: Option<(bool, String, Option<u64>)>,
}

/// `saved`, at the local time of the save.
pub fn saved_message(at: &str) -> String {
    format!(r#"{{"type":"saved","saved_at":{}}}"#, quoted(at.into()))
}

/// The draft could not be stored (`embed.not-saved`): why, in both languages. Nothing
/// kept is lost; the app itself says what to do.
pub fn not_saved_message(why: &parindex_core::Text) -> String {
    let d = Diagnostic::error("embed.not-saved", "", why.vi.clone(), why.en.clone());
    error_message(&Value::Null, &detail(d))
}

/// Runs when the keys change (from `hooks::use_embed`).
pub fn follow(state: &Ctx, before: Option<&EmbedKeys>, now: &EmbedKeys) {
    if !active() {
        return;
    }
    if now.ready && !before.is_some_and(|b| b.ready) {
        bridge::ready(&ready_message(
            state.lang,
            state.readonly,
            state.session.as_ref(),
        ));
    }
    if before.map(|b| &b.score) != Some(&now.score) {
        bridge::changed();
    }
    if now.save.is_some() && before.map(|b| &b.save) != Some(&now.save) {
        match &state.save {
            SaveState::Saved(at) => bridge::post(&saved_message(at)),
            SaveState::Failed(e) => bridge::post(&not_saved_message(&e.text())),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::FrameworkOrigin;
    use serde_json::json;

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the message is JSON")
    }

    #[test]
    fn a_load_message_names_an_assessment_or_a_blank_one() {
        let a = LoadRequest::read(&json!({ "assessment": { "format": 1 } }));
        assert_eq!(a.assessment.as_deref(), Some("{\"format\":1}"));
        let text = LoadRequest::read(&json!({ "assessment": "{}", "toml": "x" }));
        assert_eq!(text.assessment.as_deref(), Some("{}"));
        assert_eq!(text.toml.as_deref(), Some("x"));
        let blank = LoadRequest::read(
            &json!({ "framework": "mau-xa@2024", "unit": " UBND xã A ", "year": 2025 }),
        );
        assert_eq!(
            blank,
            LoadRequest {
                assessment: None,
                framework: Some("mau-xa@2024".into()),
                toml: None,
                unit: "UBND xã A".into(),
                year: 2025
            }
        );
    }

    #[test]
    fn an_error_message_carries_the_diagnostics_with_codes_and_paths() {
        let d = Diagnostic::error(codes::VALUE_EMPTY, "unit", "trống", "empty").at(
            parindex_core::Location {
                field: Some("unit".into()),
                ..Default::default()
            },
        );
        let m = parsed(&error_message(&json!(7), &detail(d)));
        assert_eq!(m["type"], "error");
        assert_eq!(m["id"], 7);
        assert_eq!(m["details"][0]["code"], "value.empty");
        assert_eq!(m["details"][0]["message"]["en"], "empty");
        assert_eq!(m["details"][0]["path"], "unit");
        assert_eq!(m["details"][0]["location"]["field"], "unit");
        let full = crate::platform::StoreError::Full.text();
        let n = parsed(&not_saved_message(&full));
        assert_eq!(n["details"][0]["code"], "embed.not-saved");
        assert_eq!(n["id"], Value::Null);
        assert_eq!(parsed(&saved_message("10:32:05"))["saved_at"], "10:32:05");
    }

    fn example() -> Session {
        let text = include_str!("../../examples/tra-cu-2022.json");
        let opened = parindex_core::Opened::from_json(text).expect("the example reads");
        let f = Rc::new(parindex_core::builtin(&opened.framework).expect("built in"));
        let origin = FrameworkOrigin::Builtin(opened.framework.clone());
        Session::new(f, origin, opened.tree)
    }

    #[test]
    fn change_and_scorecard_say_what_the_cli_says() {
        let s = example();
        let text = include_str!("../../examples/tra-cu-2022.json");
        let opened = parindex_core::Opened::from_json(text).expect("reads");
        let f = parindex_core::builtin(&opened.framework).expect("built in");
        let card = parindex_core::score(&f, &opened.validate(&f).expect("valid"));
        let change = parsed(&change_message(Some(&s)));
        let cli = parsed(&card.to_json());
        assert_eq!(change["type"], "change");
        assert_eq!(change["total"], cli["total"]);
        assert_eq!(change["self_total"], cli["self_total"]);
        assert_eq!(change["complete"], cli["complete"]);
        assert_eq!(change["assessment"], *s.tree());
        assert_eq!(change["errors"], json!([]));
        let reply = parsed(&scorecard_message(&json!("a"), Some(&s)).expect("open"));
        assert_eq!(reply["json"].as_str(), Some(card.to_json().as_str()));
        assert_eq!(reply["id"], "a");
        let back = parsed(&assessment_message(&json!(1), Some(&s)).expect("open"));
        assert_eq!(back["assessment"]["unit"], "UBND huyện Trà Cú");
        assert_eq!(scorecard_message(&Value::Null, None), None);
        assert_eq!(parsed(&change_message(None))["assessment"], Value::Null);
        let ready = parsed(&ready_message(Lang::En, true, Some(&s)));
        assert_eq!(
            (ready["lang"].as_str(), ready["readonly"].as_bool()),
            (Some("en"), Some(true))
        );
        assert_eq!(ready["open"]["year"], 2022);
    }

    #[test]
    fn an_assessment_with_typing_errors_changes_with_its_errors_and_has_no_scorecard() {
        let s = example();
        let code = s
            .framework
            .leaves()
            .find(|(_, c)| {
                c.rule.as_ref().map(|r| r.kind()) == Some(parindex_core::rules::RuleKind::Ratio)
            })
            .map(|(_, c)| c.code.clone())
            .expect("a ratio leaf");
        let mut tree = s.tree().clone();
        tree["self"][code.as_str()]["numerator"] = json!(-1);
        let s = Session::new(s.framework.clone(), s.origin.clone(), tree);
        let change = parsed(&change_message(Some(&s)));
        assert_eq!(change["errors"][0]["location"]["criterion"], code.as_str());
        assert!(change["errors"][0]["code"].as_str().is_some());
        let reply = parsed(&scorecard_message(&json!(2), Some(&s)).expect("open"));
        assert_eq!(reply["type"], "error");
        assert_eq!(reply["details"], change["errors"]);
    }
}
