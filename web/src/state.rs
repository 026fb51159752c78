//! The app state and its one reducer (the yew `todomvc` pattern): the assessment being
//! filled in, its live score, and what the screen shows. Every change goes through
//! [`Action`]; every edit is a [`crate::model::Edit`] applied by `model::apply`, and
//! re-scores the draft through `parindex-core`. Opening files (async) is `open.rs`'s.

use crate::i18n::Lang;
use crate::model::{self, Edit, Section};
use crate::storage::{FrameworkOrigin, SaveError};
use parindex_core::{score_draft, Diagnostic, DraftScore, Framework, Location, Scorecard};
use serde_json::Value;
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Assess,
    Summary,
    /// The printable report (*báo cáo*).
    Report,
    /// This assessment beside another one.
    Compare,
    /// Ranking several units' files; needs no open assessment.
    Rank,
}

impl Screen {
    /// The address fragment of a screen, so a reload (or a printer) lands on it.
    pub fn hash(self) -> &'static str {
        match self {
            Screen::Start => "",
            Screen::Assess => "#danh-gia",
            Screen::Summary => "#tong-hop",
            Screen::Report => "#bao-cao",
            Screen::Compare => "#so-sanh",
            Screen::Rank => "#xep-hang",
        }
    }

    /// Screens only the desk build has.
    pub fn desk_only(self) -> bool {
        matches!(self, Screen::Compare | Screen::Rank)
    }

    pub fn from_hash(hash: &str) -> Option<Screen> {
        [
            Screen::Assess,
            Screen::Summary,
            Screen::Report,
            Screen::Compare,
            Screen::Rank,
        ]
        .into_iter()
        .find(|s| s.hash() == hash && (crate::DESK || !s.desk_only()))
    }
}

/// Who is at the keyboard: the unit filling in its self-assessment, or the appraiser
/// (*Sở Nội vụ / Phòng Nội vụ*) entering the appraisal beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Unit,
    Appraiser,
}

/// An assessment file opened for ranking or comparing: its scorecard, or why not.
/// Files are scored as they stand (no draft leniency): a file with errors is listed with
/// its messages and left out.
#[derive(Clone, PartialEq)]
pub struct Opened {
    pub file: String,
    pub result: Result<Rc<Scorecard>, Vec<Diagnostic>>,
}

/// The assessment being filled in.
#[derive(Clone)]
pub struct Session {
    pub framework: Rc<Framework>,
    pub origin: FrameworkOrigin,
    /// The assessment file as typed. The states that follow one another share it: an
    /// edit changes it in place, so a keystroke does not copy the whole file; the new
    /// score (a new `Rc`) is what tells yew that something changed.
    tree: Rc<RefCell<Value>>,
    pub score: Rc<DraftScore>,
    /// Grows with every edit; autosave follows it.
    pub revision: u64,
}

impl Session {
    pub fn new(framework: Rc<Framework>, origin: FrameworkOrigin, tree: Value) -> Session {
        let score = Rc::new(score_draft(&framework, &tree));
        Session {
            framework,
            origin,
            tree: Rc::new(RefCell::new(tree)),
            score,
            revision: 0,
        }
    }

    /// The assessment file as typed.
    pub fn tree(&self) -> Ref<'_, Value> {
        self.tree.borrow()
    }

    /// Applies an edit and scores the result.
    fn edit(&mut self, edit: &Edit) {
        let mut tree = self.tree.borrow_mut();
        model::apply(&mut tree, edit);
        self.score = Rc::new(score_draft(&self.framework, &tree));
        self.revision += 1;
    }

    /// The engine's errors as typed, then the scorecard's warnings.
    fn messages(&self) -> impl Iterator<Item = &Diagnostic> {
        let warnings = self.score.scorecard.iter().flat_map(|c| &c.diagnostics);
        self.score.diagnostics.iter().chain(warnings)
    }

    /// The first message placed where `at` says, in `lang`.
    pub fn message(&self, lang: Lang, at: impl Fn(&Location) -> bool) -> Option<String> {
        self.messages()
            .find(|d| at(&d.location))
            .map(|d| d.message.get(lang).to_string())
    }

    /// The message about one field of a leaf's entry (`self.3.3.2.numerator`), if any.
    pub fn message_at(
        &self,
        section: Section,
        code: &str,
        field: &str,
        lang: Lang,
    ) -> Option<String> {
        self.message(lang, |l| l.is_at(section.key(), code, field))
    }

    /// Every message about one leaf's entry, with the field it names (`None`: the entry
    /// as a whole).
    pub fn messages_in(
        &self,
        section: Section,
        code: &str,
        lang: Lang,
    ) -> Vec<(Option<String>, String)> {
        self.messages()
            .filter(|d| d.location.is_in(section.key(), code))
            .map(|d| (d.location.field.clone(), d.message.get(lang).to_string()))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing to save yet.
    Idle,
    /// A change waits for the debounce.
    Pending,
    /// Saved at this local time (`10:32:05`).
    Saved(String),
    Failed(SaveError),
}

/// Something the person must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Stored data could not be read; it was moved to `key` (or kept in memory) and can
    /// be downloaded.
    CorruptSetAside {
        key: Option<String>,
        raw: Rc<str>,
        reason: String,
    },
    /// A file could not be opened: why, in both languages.
    OpenFailed {
        file: String,
        messages: Vec<parindex_core::Text>,
    },
    /// The draft from an earlier visit was restored.
    Restored { saved_at: String },
}

#[derive(Clone)]
pub struct AppState {
    pub lang: Lang,
    pub screen: Screen,
    pub mode: Mode,
    pub session: Option<Session>,
    /// The other assessment of the compare screen.
    pub other: Option<Opened>,
    /// The files of the ranking screen.
    pub ranked: Vec<Opened>,
    pub save: SaveState,
    pub notices: Vec<Notice>,
    /// Framework files opened on the start page, with their compact JSON form.
    pub custom_frameworks: Vec<(Rc<Framework>, Rc<str>)>,
}

/// Cheap equality for yew's context: a new score means a new state.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        let same_session = match (&self.session, &other.session) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(&a.score, &b.score),
            _ => false,
        };
        same_session
            && self.lang == other.lang
            && self.screen == other.screen
            && self.mode == other.mode
            // Only the desk build fills these; the units' app links none of this code.
            && (!crate::DESK || (self.other == other.other && self.ranked == other.ranked))
            && self.save == other.save
            && self.notices == other.notices
            && self.custom_frameworks.len() == other.custom_frameworks.len()
    }
}

/// The key of the language the person chose.
pub const LANG_KEY: &str = "parindex.lang";

/// Keeps the chosen language (a full storage only means it is not remembered).
pub fn keep_lang(lang: Lang) {
    let _ = crate::platform::set(LANG_KEY, if lang == Lang::En { "en" } else { "vi" });
}

/// The language chosen on an earlier visit; Vietnamese first.
pub fn kept_lang() -> Lang {
    match crate::platform::get(LANG_KEY).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: kept_lang(),
            screen: Screen::Start,
            mode: Mode::Unit,
            session: None,
            other: None,
            ranked: Vec::new(),
            save: SaveState::Idle,
            notices: Vec::new(),
            custom_frameworks: Vec::new(),
        }
    }
}

pub enum Action {
    SetLang(Lang),
    /// Open an assessment (new, imported, example or restored).
    Open {
        session: Session,
        notice: Option<Notice>,
    },
    Edit(Edit),
    Show(Screen),
    SetMode(Mode),
    /// The assessment to compare with (`None` closes it).
    Compare(Option<Opened>),
    /// Files added to the ranking.
    AddRanked(Vec<Opened>),
    /// Removes one ranked file, or all with `None`.
    RemoveRanked(Option<usize>),
    Saved(String),
    SaveFailed(SaveError),
    Notify(Notice),
    Dismiss(usize),
    AddFramework(Rc<Framework>, Rc<str>),
    /// Back to the start page; the draft stays stored.
    Close,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Open { session, notice } => {
                next.session = Some(session);
                next.other = None;
                next.screen = Screen::Assess;
                next.save = SaveState::Pending;
                next.notices
                    .retain(|n| !matches!(n, Notice::OpenFailed { .. } | Notice::Restored { .. }));
                next.notices.extend(notice);
            }
            Action::Edit(edit) => {
                if let Some(s) = next.session.as_mut() {
                    s.edit(&edit);
                    next.save = SaveState::Pending;
                }
            }
            Action::Show(screen) => next.screen = screen,
            Action::SetMode(_)
            | Action::Compare(_)
            | Action::AddRanked(_)
            | Action::RemoveRanked(_)
                if !crate::DESK => {}
            Action::SetMode(mode) => next.mode = mode,
            Action::Compare(other) => next.other = other,
            Action::AddRanked(files) => {
                // A file opened again replaces the earlier copy.
                next.ranked
                    .retain(|r| !files.iter().any(|f| f.file == r.file));
                next.ranked.extend(files);
            }
            Action::RemoveRanked(Some(i)) => {
                if i < next.ranked.len() {
                    next.ranked.remove(i);
                }
            }
            Action::RemoveRanked(None) => next.ranked.clear(),
            Action::Saved(at) => next.save = SaveState::Saved(at),
            Action::SaveFailed(e) => next.save = SaveState::Failed(e),
            Action::Notify(n) => next.notices.push(n),
            Action::Dismiss(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::AddFramework(f, toml) => {
                next.custom_frameworks
                    .retain(|(g, _)| g.reference() != f.reference());
                next.custom_frameworks.push((f, toml));
            }
            Action::Close => {
                next.screen = Screen::Start;
                next.session = None;
                next.other = None;
                next.save = SaveState::Idle;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parindex_core::rules::RuleKind;
    use parindex_core::scorecard::Status;

    /// A state with a blank `mau-xa@2024` assessment open, and the code of a ratio leaf.
    fn opened() -> (Rc<AppState>, String) {
        let (session, code) = session();
        let state = AppState {
            session: Some(session),
            ..AppState::default()
        };
        (Rc::new(state), code)
    }

    fn session() -> (Session, String) {
        let fw = Rc::new(parindex_core::builtin("mau-xa@2024").expect("built in"));
        let code = fw
            .leaves()
            .find(|(_, c)| c.rule.as_ref().map(|r| r.kind()) == Some(RuleKind::Ratio))
            .map(|(_, c)| c.code.clone())
            .expect("a ratio leaf");
        let text = parindex_core::blank_assessment(&fw, "UBND xã Thử Nghiệm", 2024);
        let tree = serde_json::from_str(&text).expect("JSON");
        let origin = FrameworkOrigin::Builtin("mau-xa@2024".into());
        (Session::new(fw, origin, tree), code)
    }

    fn set(code: &str, field: &'static str, value: serde_json::Value) -> Action {
        Action::Edit(Edit::Field {
            section: Section::SelfAssessed,
            code: code.into(),
            field,
            value: Some(value),
        })
    }

    #[test]
    fn an_edit_changes_the_shared_tree_in_place_and_rescores() {
        let (state, code) = opened();
        let first = state
            .clone()
            .reduce(set(&code, "numerator", serde_json::json!(9)));
        let next = first
            .clone()
            .reduce(set(&code, "denominator", serde_json::json!(10)));
        let (a, b) = (
            first.session.as_ref().expect("open"),
            next.session.as_ref().expect("open"),
        );
        // One tree, edited in place: no copy of the file per keystroke.
        assert!(Rc::ptr_eq(&a.tree, &b.tree));
        assert_eq!(b.revision, 2);
        assert!(
            !Rc::ptr_eq(&a.score, &b.score),
            "a new score marks the change"
        );
        assert!(*first != *next, "yew sees the change");
        assert_eq!(b.tree()["self"][code.as_str()]["denominator"], 10);
        let card = b.score.scorecard.as_ref().expect("scored");
        assert_eq!(card.node(&code).expect("the leaf").status, Status::Scored);
        assert_eq!(next.save, SaveState::Pending);
    }

    #[test]
    fn a_bad_value_is_kept_as_typed_and_named_where_it_is() {
        let (state, code) = opened();
        let next = state
            .reduce(set(&code, "numerator", serde_json::json!("12a")))
            .reduce(set(&code, "denominator", serde_json::json!(20)));
        let s = next.session.as_ref().expect("open");
        assert_eq!(s.tree()["self"][code.as_str()]["numerator"], "12a");
        let m = s.message_at(Section::SelfAssessed, &code, "numerator", Lang::En);
        assert_eq!(m.as_deref(), Some("12a is not a whole number of 0 or more"));
        assert_eq!(
            s.messages_in(Section::SelfAssessed, &code, Lang::En).len(),
            1
        );
        // The rest still scores: the bad entry counts as missing.
        let card = s.score.scorecard.as_ref().expect("scored");
        assert_eq!(card.node(&code).expect("the leaf").status, Status::Missing);
    }
}
