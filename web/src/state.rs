//! The app state and its one reducer (the yew `todomvc` pattern): the assessment being
//! filled in, its live score, and what the screen shows. Every change goes through
//! [`Action`]; every edit is a [`crate::model::Edit`] applied by `model::apply`, and
//! re-scores the draft through `parindex-core`. Opening files (async) is `open.rs`'s.

use crate::i18n::Lang;
use crate::model::{self, Edit, Section};
use crate::platform::Offline;
use crate::storage::{Diff, Draft, FrameworkOrigin, Meta, SaveError};
use parindex_core::{Detail, Diagnostic, DraftScore, Framework, Location, Scorecard};
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
    /// Which stored draft this is.
    pub meta: Meta,
    /// The assessment file as typed. The states that follow one another share it: an
    /// edit changes it in place, so a keystroke does not copy the whole file; the new
    /// score (a new `Rc`) is what tells yew that something changed.
    tree: Rc<RefCell<Value>>,
    /// Values set aside by "không phát sinh", by `section.code` (kept with the draft).
    aside: Rc<RefCell<serde_json::Map<String, Value>>>,
    pub score: Rc<DraftScore>,
    /// Grows with every edit; autosave follows it.
    pub revision: u64,
    /// Opened from its stored draft: the revision that equals the stored copy and when
    /// that copy was saved (local time, as shown), so it is not written again unchanged.
    stored: Option<(u64, String)>,
    /// The last edits, to undo (*hoàn tác*): shared like the tree.
    history: Rc<RefCell<Vec<Step>>>,
}

/// What an edit replaced: the file and the values set aside before it. Keystrokes in one
/// field make one step (`group`), so undo takes back a word typed, not a letter.
struct Step {
    group: Option<String>,
    tree: Value,
    aside: serde_json::Map<String, Value>,
}

/// How many edits can be undone.
const UNDO_STEPS: usize = 100;

/// The field an edit types into, when it is typing: successive keystrokes there are one
/// step of undo.
fn typing_group(edit: &Edit) -> Option<String> {
    match edit {
        Edit::Field {
            section,
            code,
            field,
            ..
        } => Some(format!("{}.{code}.{field}", section.key())),
        Edit::SetEvidence {
            section,
            code,
            index,
            field,
            ..
        } => Some(format!(
            "{}.{code}.evidence{index}.{}",
            section.key(),
            *field as u8
        )),
        Edit::SetAdjustment {
            list, index, field, ..
        } => Some(format!("{}{index}.{}", list.key(), *field as u8)),
        _ => None,
    }
}

/// The draft's score as every keystroke takes it: numbers and statuses of every node,
/// without the words (a leaf's explanation is asked for when shown,
/// [`DraftScore::explained`]; the summary, the report and the embedding site's scorecard
/// take the full one, [`DraftScore::full`]).
fn live_score(framework: &Framework, tree: &Value) -> DraftScore {
    parindex_core::score_draft_with(framework, tree, Detail::Points)
}

impl Session {
    /// A session of a new draft; [`Session::with_meta`] names a stored one.
    pub fn new(framework: Rc<Framework>, origin: FrameworkOrigin, tree: Value) -> Session {
        Session::with_meta(framework, origin, tree, Meta::fresh())
    }

    pub fn with_meta(
        framework: Rc<Framework>,
        origin: FrameworkOrigin,
        tree: Value,
        meta: Meta,
    ) -> Session {
        let score = Rc::new(live_score(&framework, &tree));
        Session {
            framework,
            origin,
            meta,
            tree: Rc::new(RefCell::new(tree)),
            aside: Rc::default(),
            score,
            revision: 0,
            stored: None,
            history: Rc::default(),
        }
    }

    /// The unit's estimate of a survey leaf's result (`86.4`), kept aside under
    /// `survey.CODE`: never in the assessment, never counted in its totals.
    pub fn estimate(&self, code: &str) -> Option<String> {
        let aside = self.aside.borrow();
        aside
            .get(&aside_key(Section::Survey, code))?
            .get("percent")?
            .as_str()
            .map(str::to_string)
    }

    /// Sets or clears an estimate; the score is taken again so the screen follows.
    fn set_estimate(&mut self, code: &str, value: Option<Value>) {
        let key = aside_key(Section::Survey, code);
        match value {
            Some(v) => self
                .aside
                .borrow_mut()
                .insert(key, crate::model::object(vec![("percent", v)])),
            None => self.aside.borrow_mut().remove(&key),
        };
        let score = live_score(&self.framework, &self.tree.borrow());
        self.score = Rc::new(score);
        self.revision += 1;
    }

    /// The assessment scored as if the survey came out as the unit estimates: `None`
    /// without estimates. Shown as an estimate only.
    pub fn estimated(&self) -> Option<DraftScore> {
        let aside = self.aside.borrow();
        let prefix = aside_key(Section::Survey, "");
        let mut tree = self.tree().clone();
        let mut any = false;
        for (key, entry) in aside.iter() {
            if let Some(code) = key.strip_prefix(&prefix) {
                if tree.get(Section::Survey.key()).is_none() {
                    tree[Section::Survey.key()] = serde_json::json!({});
                }
                tree[Section::Survey.key()][code] = entry.clone();
                any = true;
            }
        }
        any.then(|| live_score(&self.framework, &tree))
    }

    /// The session with the values a stored draft set aside.
    pub fn with_aside(self, aside: serde_json::Map<String, Value>) -> Session {
        *self.aside.borrow_mut() = aside;
        self
    }

    /// The session of a stored draft as it was read (saved at `saved_at`, local time).
    pub fn stored(mut self, saved_at: String) -> Session {
        self.stored = Some((self.revision, saved_at));
        self
    }

    /// When the stored copy was saved, while this session is still that copy: nothing
    /// to write (autosave skips it; opening does not rewrite it).
    pub fn unchanged_since(&self) -> Option<&str> {
        self.stored
            .as_ref()
            .filter(|(revision, _)| *revision == self.revision)
            .map(|(_, at)| at.as_str())
    }

    /// The assessment file as typed.
    pub fn tree(&self) -> Ref<'_, Value> {
        self.tree.borrow()
    }

    /// The stored draft of this session as it stands now, with its total.
    pub fn draft(&self) -> Draft {
        let total = self
            .score
            .scorecard
            .as_ref()
            .map(|c| crate::storage::Totals {
                points: parindex_core::decimal::points_str(c.total.points),
                max: parindex_core::decimal::points_str(c.total.max),
                appraised: Some(model::appraisal_progress(c)),
            });
        let text = crate::storage::encode(
            &self.meta,
            &self.origin,
            &self.tree(),
            &crate::platform::iso_now(),
            total.as_ref(),
            &self.aside.borrow(),
        );
        Draft::new(
            self.meta.id.clone(),
            crate::storage::WORKSPACE,
            None,
            text.into(),
        )
    }

    /// Applies an edit and scores the result. Declaring a leaf not applicable sets the
    /// values typed in it aside (kept with the draft, never exported); undoing it puts
    /// them back.
    fn edit(&mut self, edit: &Edit) {
        self.remember(typing_group(edit));
        let mut tree = self.tree.borrow_mut();
        if let Edit::NotApplicable {
            section,
            code,
            kind,
            on,
        } = edit
        {
            let key = aside_key(*section, code);
            let mut aside = self.aside.borrow_mut();
            if *on {
                let mut kept = serde_json::Map::new();
                if let Some(e) = model::entry(&tree, *section, code) {
                    for k in kind.input_keys() {
                        if let Some(v) = e.get(*k) {
                            kept.insert(k.to_string(), v.clone());
                        }
                    }
                }
                if !kept.is_empty() {
                    aside.insert(key, Value::Object(kept));
                }
                model::apply(&mut tree, edit);
            } else {
                model::apply(&mut tree, edit);
                if let Some(Value::Object(kept)) = aside.remove(&key) {
                    for field in kind.input_keys() {
                        if let Some(value) = kept.get(*field) {
                            let restore = Edit::Field {
                                section: *section,
                                code: code.clone(),
                                field,
                                value: Some(value.clone()),
                            };
                            model::apply(&mut tree, &restore);
                        }
                    }
                }
            }
        } else {
            model::apply(&mut tree, edit);
        }
        self.score = Rc::new(live_score(&self.framework, &tree));
        self.revision += 1;
    }

    /// Keeps the file as it is before an edit, unless the edit goes on typing in the
    /// field the last step was about.
    fn remember(&self, group: Option<String>) {
        let mut history = self.history.borrow_mut();
        if group.is_some() && history.last().is_some_and(|s| s.group == group) {
            return;
        }
        if history.len() == UNDO_STEPS {
            history.remove(0);
        }
        history.push(Step {
            group,
            tree: self.tree.borrow().clone(),
            aside: self.aside.borrow().clone(),
        });
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.borrow().is_empty()
    }

    /// Takes back the last edit (or the last word typed in one field); false when there
    /// is none.
    fn undo(&mut self) -> bool {
        let Some(step) = self.history.borrow_mut().pop() else {
            return false;
        };
        *self.tree.borrow_mut() = step.tree;
        *self.aside.borrow_mut() = step.aside;
        self.score = Rc::new(live_score(&self.framework, &self.tree.borrow()));
        self.revision += 1;
        true
    }

    /// The engine's errors as typed, then the scorecard's warnings.
    fn messages(&self) -> impl Iterator<Item = &Diagnostic> {
        let warnings = self.score.scorecard.iter().flat_map(|c| &c.diagnostics);
        self.score.diagnostics.iter().chain(warnings)
    }

    /// The criteria whose entries hold a value the engine refuses (counted as missing
    /// meanwhile), in the order of the messages, each once.
    pub fn error_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = Vec::new();
        for d in &self.score.diagnostics {
            let l = &d.location;
            if let (Some(code), Some(_)) = (&l.criterion, l.section.and_then(Section::of_key)) {
                if !codes.contains(&code.as_str()) {
                    codes.push(code);
                }
            }
        }
        codes
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
    /// Opened from its stored draft, unchanged: that copy was saved then (local date
    /// and time). Shown like a save; not one (the embedding site hears of none).
    Stored(String),
    Failed(SaveError),
}

/// Something the person must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The draft that was open could not be read; it stays stored (listed as unreadable)
    /// and can be downloaded.
    Unreadable { raw: Rc<str>, reason: String },
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
    /// Framework files at hand, with their compact JSON form: those opened in this visit
    /// (start page, ranking), then those kept with drafts or the open assessment — a
    /// framework file opened once stays usable on this device without being opened again
    /// (`keep_framework`).
    pub custom_frameworks: Vec<(Rc<Framework>, Rc<str>)>,
    /// The drafts of this page's workspace, newest first (`None` until read).
    pub drafts: Option<Rc<Vec<Draft>>>,
    /// An opened file or example whose unit and year a stored draft already has: the
    /// person chooses what to do.
    pub conflict: Option<Rc<Conflict>>,
    /// Shown, not edited: set by the site embedding the app (`set-readonly`,
    /// docs/embedding.md). Edits are refused here, and the leaves' fields are disabled.
    pub readonly: bool,
    /// Whether the page works with the network off (`files::keep_for_offline`): shown
    /// in the top bar.
    pub offline: Offline,
}

/// A draft about to be opened, and the stored draft of the same unit and year.
pub struct Conflict {
    pub session: Session,
    pub existing: Draft,
    pub diff: Diff,
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
            && same(&self.drafts, &other.drafts)
            && same(&self.conflict, &other.conflict)
            && self.readonly == other.readonly
            && self.offline == other.offline
    }
}

fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        _ => false,
    }
}

/// The key of the language the person chose.
pub const LANG_KEY: &str = "parindex.lang";
/// The key of the role chosen on the desk.
pub const ROLE_KEY: &str = "parindex.desk.role";

/// Keeps the role chosen on the desk.
pub fn keep_role(mode: Mode) {
    let _ = crate::platform::set(
        ROLE_KEY,
        if mode == Mode::Unit {
            "unit"
        } else {
            "appraiser"
        },
    );
}

/// The desk's role: the appraiser's, unless the person chose the unit's view; the
/// units' app has the unit's only.
pub fn kept_role() -> Mode {
    match crate::platform::get(ROLE_KEY).as_deref() {
        _ if !crate::DESK => Mode::Unit,
        Some("unit") => Mode::Unit,
        _ => Mode::Appraiser,
    }
}

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
            mode: kept_role(),
            session: None,
            other: None,
            ranked: Vec::new(),
            save: SaveState::Idle,
            notices: Vec::new(),
            custom_frameworks: Vec::new(),
            drafts: None,
            conflict: None,
            readonly: false,
            offline: Offline::Unknown,
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
    /// Takes back the last edit.
    Undo,
    /// The unit's estimate of a survey leaf (`None` clears it).
    Estimate {
        code: String,
        value: Option<Value>,
    },
    Show(Screen),
    SetMode(Mode),
    /// The assessment to compare with (`None` closes it).
    Compare(Option<Opened>),
    /// Files added to the ranking.
    AddRanked(Vec<Opened>),
    /// Removes one ranked file, or all with `None`.
    RemoveRanked(Option<usize>),
    /// The draft was stored at this local time (`10:32:05`): shown, and listed.
    Saved(String, Draft),
    SaveFailed(SaveError),
    Notify(Notice),
    Dismiss(usize),
    AddFramework(Rc<Framework>, Rc<str>),
    /// Back to the start page; the draft stays stored.
    Close,
    /// The drafts as read from the store.
    Drafts(Rc<Vec<Draft>>),
    /// A draft written to the store (added, or replacing the one of its id).
    Stored(Draft),
    /// Drafts erased from the store.
    Erased(Vec<Rc<str>>),
    /// A conflict to resolve, or resolved (`None`).
    Conflict(Option<Rc<Conflict>>),
    /// The open draft's dossier after an export (`dossier::exported`): kept with it.
    Dossier(Rc<Value>),
    /// Shown only, or editable again (the embedding site's `set-readonly`).
    SetReadonly(bool),
    /// Whether every file is kept for offline use.
    Offline(Offline),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            // Shown only: the assessment's values stay as they are.
            Action::Edit(_) | Action::Undo | Action::Estimate { .. } if self.readonly => {}
            Action::SetReadonly(on) => next.readonly = on,
            Action::Offline(o) => next.offline = o,
            Action::Open { session, notice } => {
                next.save = match session.unchanged_since() {
                    Some(at) => SaveState::Stored(at.to_string()),
                    None => SaveState::Pending,
                };
                if let FrameworkOrigin::Tree(tree) = &session.origin {
                    keep_framework(&mut next.custom_frameworks, tree);
                }
                next.session = Some(session);
                next.conflict = None;
                next.other = None;
                next.screen = Screen::Assess;
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
            Action::Undo => {
                if let Some(s) = next.session.as_mut() {
                    if s.undo() {
                        next.save = SaveState::Pending;
                    }
                }
            }
            Action::Estimate { code, value } => {
                if let Some(s) = next.session.as_mut() {
                    s.set_estimate(&code, value);
                    next.save = SaveState::Pending;
                }
            }
            Action::Dossier(d) => {
                if let Some(s) = next.session.as_mut() {
                    s.meta.dossier = Some(d);
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
            Action::Saved(at, draft) => {
                // Only the open draft's save is shown as such (one closed a moment
                // ago may finish later).
                if next.session.as_ref().is_some_and(|s| s.meta.id == draft.id) {
                    next.save = SaveState::Saved(at);
                }
                stored(&mut next, draft);
            }
            Action::SaveFailed(e) => next.save = SaveState::Failed(e),
            Action::Notify(n) => next.notices.push(n),
            Action::Dismiss(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::AddFramework(f, tree) => add_framework(&mut next.custom_frameworks, f, tree),
            Action::Close => {
                next.screen = Screen::Start;
                next.session = None;
                next.other = None;
                next.save = SaveState::Idle;
            }
            Action::Drafts(list) => {
                for d in list.iter().filter(|d| d.deleted.is_none()) {
                    if let Ok(FrameworkOrigin::Tree(tree)) = d.stored.as_ref().map(|s| &s.framework)
                    {
                        keep_framework(&mut next.custom_frameworks, tree);
                    }
                }
                next.drafts = Some(list);
            }
            Action::Stored(draft) => stored(&mut next, draft),
            Action::Erased(ids) => {
                let mut list: Vec<Draft> = next.drafts.as_deref().cloned().unwrap_or_default();
                list.retain(|d| !ids.contains(&d.id));
                next.drafts = Some(Rc::new(list));
            }
            Action::Conflict(c) => next.conflict = c,
        }
        Rc::new(next)
    }
}

/// The key of a leaf's values kept aside with the draft: `self.3.3.2`, `survey.8.1.1`
/// (an estimate).
fn aside_key(section: Section, code: &str) -> String {
    format!("{}.{code}", section.key())
}

/// Adds a framework file opened in this visit to those at hand, replacing any of its
/// reference.
pub fn add_framework(at_hand: &mut Vec<(Rc<Framework>, Rc<str>)>, f: Rc<Framework>, tree: Rc<str>) {
    at_hand.retain(|(g, _)| g.reference() != f.reference());
    at_hand.push((f, tree));
}

/// Adds a framework kept with a draft or an opened assessment (its compact JSON form) to
/// those at hand, unless it, or one of its reference, is there already: the desk then
/// ranks and compares the units' files of the province's framework after a reload, and
/// the start page lists it, without the file being opened again. Read once, here.
fn keep_framework(at_hand: &mut Vec<(Rc<Framework>, Rc<str>)>, tree: &str) {
    if at_hand.iter().any(|(_, t)| &**t == tree) {
        return;
    }
    let Ok(f) = crate::frameworks::parse(tree) else {
        return;
    };
    if at_hand.iter().all(|(g, _)| g.reference() != f.reference()) {
        at_hand.push((Rc::new(f), tree.into()));
    }
}

/// Lists a stored draft (added, or replacing the one of its id).
fn stored(next: &mut AppState, draft: Draft) {
    let mut list: Vec<Draft> = next.drafts.as_deref().cloned().unwrap_or_default();
    list.retain(|d| d.id != draft.id);
    list.push(draft);
    crate::storage::newest_first(&mut list);
    next.drafts = Some(Rc::new(list));
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

    /// A stored draft of a blank assessment on a framework kept in its compact JSON form
    /// (the built-in `mau-xa@2024` under the id `id`).
    fn draft_on(id: &str, deleted: Option<String>) -> (Draft, Rc<str>) {
        let toml = parindex_core::builtin::BUILTIN
            .iter()
            .find(|b| b.reference == "mau-xa@2024")
            .expect("built in")
            .source
            .replace("id = \"mau-xa\"", &format!("id = \"{id}\""));
        let tree: Rc<str> = Framework::tree_json(&toml).expect("TOML").into();
        let fw = Rc::new(crate::frameworks::parse(&tree).expect("valid"));
        let text = parindex_core::blank_assessment(&fw, "UBND xã A", 2026);
        let origin = FrameworkOrigin::Tree(tree.to_string());
        let session = Session::new(fw, origin, serde_json::from_str(&text).expect("JSON"));
        let mut d = session.draft();
        d.deleted = deleted;
        (d, tree)
    }

    #[test]
    fn a_framework_kept_with_a_draft_is_at_hand_without_opening_its_file_again() {
        let (kept, tree) = draft_on("tinh-a-xa", None);
        let (binned, _) = draft_on("tinh-b-xa", Some("2026-12-01T00:00:00Z".into()));
        let (again, _) = draft_on("tinh-a-xa", None);
        let state = Rc::new(AppState::default());
        let next = state.reduce(Action::Drafts(Rc::new(vec![kept, binned, again])));
        let at_hand: Vec<String> = next
            .custom_frameworks
            .iter()
            .map(|(f, _)| f.reference())
            .collect();
        assert_eq!(at_hand, ["tinh-a-xa@2024"], "once, and not from the bin");
        assert_eq!(&*next.custom_frameworks[0].1, &*tree);
        // A file opened in this visit comes first and is not replaced by a draft's copy.
        let (other, other_tree) = draft_on("tinh-c-xa", None);
        let opened = Rc::new(crate::frameworks::parse(&other_tree).expect("valid"));
        let state = Rc::new(AppState::default()).reduce(Action::AddFramework(opened, "{}".into()));
        let next = state.reduce(Action::Drafts(Rc::new(vec![other])));
        assert_eq!(next.custom_frameworks.len(), 1);
        assert_eq!(&*next.custom_frameworks[0].1, "{}");
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
    fn a_draft_opened_from_the_store_is_not_written_again_until_it_changes() {
        let (session, code) = session();
        let opened = Rc::new(AppState::default()).reduce(Action::Open {
            session: session.stored("03/12/2026 10:32".into()),
            notice: None,
        });
        let s = opened.session.as_ref().expect("open");
        assert_eq!(s.unchanged_since(), Some("03/12/2026 10:32"));
        assert_eq!(opened.save, SaveState::Stored("03/12/2026 10:32".into()));
        let typed = opened.reduce(set(&code, "numerator", serde_json::json!(9)));
        assert_eq!(
            typed.session.as_ref().expect("open").unchanged_since(),
            None
        );
        assert_eq!(typed.save, SaveState::Pending);
        // A new assessment (not from the store) waits for its first save.
        let fresh = Rc::new(AppState::default()).reduce(Action::Open {
            session: self::session().0,
            notice: None,
        });
        assert_eq!(fresh.save, SaveState::Pending);
    }

    #[test]
    fn a_read_only_assessment_refuses_edits_and_undo_until_editable_again() {
        let (state, code) = opened();
        let typed = state.reduce(set(&code, "numerator", serde_json::json!(9)));
        let shown = typed.clone().reduce(Action::SetReadonly(true));
        let refused = shown
            .clone()
            .reduce(set(&code, "denominator", serde_json::json!(10)))
            .reduce(Action::Undo);
        let s = refused.session.as_ref().expect("open");
        assert_eq!(
            s.tree()["self"][code.as_str()]["numerator"],
            9,
            "not undone"
        );
        assert!(s.tree()["self"][code.as_str()].get("denominator").is_none());
        assert_eq!(s.revision, 1);
        assert!(*typed != *shown, "yew sees the switch");
        let editable = refused.reduce(Action::SetReadonly(false)).reduce(set(
            &code,
            "denominator",
            serde_json::json!(10),
        ));
        let s = editable.session.as_ref().expect("open");
        assert_eq!(s.tree()["self"][code.as_str()]["denominator"], 10);
    }

    #[test]
    fn not_applicable_sets_typed_values_aside_and_undoing_restores_them() {
        let (session, _) = session();
        let fw = session.framework.clone();
        let (_, c) = fw
            .leaves()
            .find(|(_, c)| c.may_not_apply)
            .expect("a leaf that may not apply");
        let kind = c.rule.as_ref().expect("a rule").kind();
        let field = kind.input_keys()[0];
        let code = c.code.clone();
        let state = Rc::new(AppState {
            session: Some(session),
            ..AppState::default()
        });
        let na = |on| {
            Action::Edit(Edit::NotApplicable {
                section: Section::SelfAssessed,
                code: code.clone(),
                kind,
                on,
            })
        };
        let typed = state
            .reduce(set(&code, field, serde_json::json!(7)))
            .reduce(na(true));
        let s = typed.session.as_ref().expect("open");
        assert!(
            s.tree()["self"][code.as_str()].get(field).is_none(),
            "not exported"
        );
        assert!(s.draft().text.contains("\"aside\""), "kept with the draft");
        let back = typed.reduce(na(false));
        let s = back.session.as_ref().expect("open");
        assert_eq!(s.tree()["self"][code.as_str()][field], 7);
        assert!(!s.draft().text.contains("\"aside\""));
    }

    #[test]
    fn a_survey_estimate_is_kept_aside_and_never_counted() {
        let (session, _) = session();
        let code = session
            .framework
            .leaves()
            .find(|(_, c)| c.rule.as_ref().map(|r| r.kind()) == Some(RuleKind::Survey))
            .map(|(_, c)| c.code.clone())
            .expect("a survey leaf");
        let before = session
            .score
            .scorecard
            .as_ref()
            .expect("scored")
            .total
            .clone();
        let state = Rc::new(AppState {
            session: Some(session),
            ..AppState::default()
        });
        let next = state.reduce(Action::Estimate {
            code: code.clone(),
            value: Some(serde_json::json!("100")),
        });
        let s = next.session.as_ref().expect("open");
        assert_eq!(s.estimate(&code).as_deref(), Some("100"));
        // Not in the file, not in the total or its maximum.
        assert!(s.tree()["survey"][code.as_str()].get("percent").is_none());
        assert_eq!(s.score.scorecard.as_ref().expect("scored").total, before);
        let est = s.estimated().expect("an estimate");
        let est = est.scorecard.expect("scored").total;
        assert!(est.points > before.points && est.max > before.max);
        assert!(s.draft().text.contains("\"survey."), "kept with the draft");
    }

    #[test]
    fn undo_takes_back_a_field_typed_then_an_edit() {
        let (state, code) = opened();
        // States share the tree: keep a copy of the file as it was.
        let start = state.session.as_ref().expect("open").tree().clone();
        let typed = ["1", "12", "120"].iter().fold(state.clone(), |s, v| {
            s.reduce(set(&code, "numerator", serde_json::json!(v)))
        });
        let both = typed.reduce(set(&code, "denominator", serde_json::json!(200)));
        let s = both.session.as_ref().expect("open");
        assert_eq!(s.tree()["self"][code.as_str()]["denominator"], 200);
        let once = both.reduce(Action::Undo);
        let s = once.session.as_ref().expect("open");
        assert!(s.tree()["self"][code.as_str()].get("denominator").is_none());
        assert_eq!(s.tree()["self"][code.as_str()]["numerator"], "120");
        assert!(matches!(once.save, SaveState::Pending), "saved again");
        // The three keystrokes were one step.
        let twice = once.reduce(Action::Undo);
        let s = twice.session.as_ref().expect("open");
        assert_eq!(*s.tree(), start);
        assert!(!s.can_undo());
        let revision = s.revision;
        let none = twice.reduce(Action::Undo);
        assert_eq!(none.session.as_ref().expect("open").revision, revision);
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
