//! The app state and its one reducer (the yew `todomvc` pattern): the assessment being
//! filled in, its live score, and what the screen shows. Every change goes through
//! [`Action`]; every edit re-scores the draft through `parindex-core`.

use crate::i18n::Lang;
use crate::storage::{FrameworkOrigin, SaveError};
use parindex_core::{score_draft, Diagnostic, DraftScore, Framework, Scorecard};
use serde_json::Value;
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

    /// The scorecard's warning for one field (`appraisal.3.1.2.comment`), if any.
    pub fn warning_at(&self, path: &str, lang: Lang) -> Option<String> {
        self.score
            .scorecard
            .as_ref()?
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
    pub mode: Mode,
    pub session: Option<Session>,
    /// The other assessment of the compare screen.
    pub other: Option<Opened>,
    /// The files of the ranking screen.
    pub ranked: Vec<Opened>,
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
            && self.mode == other.mode
            // Only the desk build fills these; the units' app links none of this code.
            && (!crate::DESK || (self.other == other.other && self.ranked == other.ranked))
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
                next.other = None;
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

impl Opened {
    /// Reads a chosen file and scores it against the framework it names: a built-in
    /// one, or one of the framework files opened in this visit.
    pub async fn read(file: web_sys::File, custom: &[(Rc<Framework>, String)]) -> Opened {
        let name = file.name();
        let result = async {
            let text = crate::files::read_text(file)
                .await
                .map_err(|m| vec![Diagnostic::error("", m.clone(), m)])?;
            let tree = parindex_core::assessment::parse_json(&text).map_err(|d| vec![d])?;
            let reference = parindex_core::assessment::framework_ref(&tree).map_err(|d| vec![d])?;
            let framework = crate::frameworks::resolve(custom, &reference)
                .await
                .map_err(|m| vec![Diagnostic::error("framework", m.join("; "), m.join("; "))])?;
            let assessment = parindex_core::assessment::Assessment::from_tree(&tree, &framework)?;
            Ok(Rc::new(parindex_core::score(&framework, &assessment)))
        }
        .await;
        Opened { file: name, result }
    }
}
