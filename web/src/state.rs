//! The app state and its one reducer (the yew `todomvc` pattern): the assessment being
//! filled in, its live score, and what the screen shows. Every change goes through
//! [`Action`]; every edit re-scores the draft through `parindex-core`.

use crate::i18n::Lang;
use crate::storage::{FrameworkOrigin, SaveError};
use parindex_core::{score_draft, DraftScore, Framework};
use serde_json::Value;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Assess,
    Summary,
}

/// The assessment being filled in.
#[derive(Clone)]
pub struct Session {
    pub framework: Rc<Framework>,
    pub origin: FrameworkOrigin,
    /// The assessment file as typed.
    pub tree: Value,
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
            tree,
            score,
            revision: 0,
        }
    }

    /// The engine's message for one field (`self.3.3.2.numerator`), if any.
    pub fn error_at(&self, path: &str, lang: Lang) -> Option<String> {
        self.score
            .diagnostics
            .iter()
            .find(|d| d.path == path)
            .map(|d| d.message.get(lang).to_string())
    }

    /// Every message about one entry (`self.3.3.2` and anything below it).
    pub fn errors_under(&self, prefix: &str, lang: Lang) -> Vec<(String, String)> {
        self.score
            .diagnostics
            .iter()
            .filter(|d| d.path == prefix || d.path.starts_with(&format!("{prefix}.")))
            .map(|d| (d.path.clone(), d.message.get(lang).to_string()))
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
    /// A file could not be opened.
    OpenFailed { file: String, messages: Vec<String> },
    /// The draft from an earlier visit was restored.
    Restored { saved_at: String },
}

#[derive(Clone)]
pub struct AppState {
    pub lang: Lang,
    pub screen: Screen,
    pub session: Option<Session>,
    pub save: SaveState,
    pub notices: Vec<Notice>,
    /// Framework files opened on the start page, by reference.
    pub custom_frameworks: Vec<(Rc<Framework>, String)>,
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
            && self.save == other.save
            && self.notices == other.notices
            && self.custom_frameworks.len() == other.custom_frameworks.len()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            lang: Lang::Vi,
            screen: Screen::Start,
            session: None,
            save: SaveState::Idle,
            notices: Vec::new(),
            custom_frameworks: Vec::new(),
        }
    }
}

/// An edit of the assessment tree (see `model.rs`).
pub type Edit = Rc<dyn Fn(&mut Value)>;

pub enum Action {
    SetLang(Lang),
    /// Open an assessment (new, imported, example or restored).
    Open {
        session: Session,
        notice: Option<Notice>,
    },
    Edit(Edit),
    Show(Screen),
    Saved(String),
    SaveFailed(SaveError),
    Notify(Notice),
    Dismiss(usize),
    AddFramework(Rc<Framework>, String),
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
                next.screen = Screen::Assess;
                next.save = SaveState::Pending;
                next.notices
                    .retain(|n| !matches!(n, Notice::OpenFailed { .. } | Notice::Restored { .. }));
                next.notices.extend(notice);
            }
            Action::Edit(edit) => {
                if let Some(s) = next.session.as_mut() {
                    edit(&mut s.tree);
                    s.score = Rc::new(score_draft(&s.framework, &s.tree));
                    s.revision += 1;
                    next.save = SaveState::Pending;
                }
            }
            Action::Show(screen) => next.screen = screen,
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
                next.save = SaveState::Idle;
            }
        }
        Rc::new(next)
    }
}
