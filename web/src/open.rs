//! Opening assessment files in the browser, asynchronously: read the file, find the
//! framework it names (one at hand on this device, or a built-in one loaded on first use),
//! then either open it as the draft being edited or score it as it stands (for ranking
//! and comparing). Every path reads files the core's one way, `Opened::from_json`.

use crate::components::Ctx;
use crate::state::{Action, Conflict, Opened, Session};
use crate::storage::{Draft, FrameworkOrigin};
use parindex_core::{codes, Diagnostic, Framework, Text};
use std::rc::Rc;

/// Framework files at hand (`AppState::custom_frameworks`), with their compact JSON form.
pub type Custom = [(Rc<Framework>, Rc<str>)];

/// The framework a stored or opened draft needs.
pub async fn framework_of(origin: &FrameworkOrigin) -> Result<Rc<Framework>, Vec<Text>> {
    match origin {
        FrameworkOrigin::Builtin(r) => crate::frameworks::load(r).await,
        FrameworkOrigin::Tree(tree) => crate::frameworks::parse(tree).map(Rc::new),
        FrameworkOrigin::Toml(toml) => crate::frameworks::from_toml(toml)
            .await
            .map(|(f, _)| Rc::new(f)),
    }
}

/// Opens a framework file a person chose (`.toml`): added to this visit's frameworks
/// (`Action::AddFramework`) and returned, or its problems shown in a notice naming the
/// file. The start page and the ranking open framework files this one way.
pub async fn open_framework(state: &Ctx, file: web_sys::File) -> Option<(Rc<Framework>, Rc<str>)> {
    let name = file.name();
    let result = match crate::files::read_text(file).await {
        Ok(text) => crate::frameworks::from_toml(&text).await,
        Err(m) => Err(vec![m]),
    };
    match result {
        Ok((f, tree)) => {
            let opened: (Rc<Framework>, Rc<str>) = (Rc::new(f), tree.into());
            state.dispatch(Action::AddFramework(opened.0.clone(), opened.1.clone()));
            Some(opened)
        }
        Err(messages) => {
            state.dispatch(Action::Notify(crate::state::Notice::OpenFailed {
                file: name,
                messages,
            }));
            None
        }
    }
}

/// Whether a chosen file is a framework file (`.toml`).
pub fn is_framework(file: &web_sys::File) -> bool {
    file.name().to_lowercase().ends_with(".toml")
}

/// The framework an assessment names, and where it comes from.
pub(crate) async fn framework_named(
    custom: &Custom,
    reference: &str,
) -> Result<(Rc<Framework>, FrameworkOrigin), Vec<Text>> {
    match crate::frameworks::opened(custom, reference) {
        Some((f, tree)) => Ok((f.clone(), FrameworkOrigin::Tree(tree.to_string()))),
        None => {
            let origin = FrameworkOrigin::Builtin(reference.to_string());
            Ok((framework_of(&origin).await?, origin))
        }
    }
}

/// A draft from assessment JSON text, or the messages that say why not.
pub async fn draft(custom: &Custom, text: &str) -> Result<Session, Vec<Text>> {
    let opened = parindex_core::Opened::from_json(text).map_err(|d| vec![placed_both(&d, None)])?;
    let (framework, origin) = framework_named(custom, &opened.framework).await?;
    let session = Session::new(framework, origin, opened.tree);
    if session.score.scorecard.is_none() {
        return Err(session
            .score
            .diagnostics
            .iter()
            .map(|d| placed_both(d, Some(&session.framework)))
            .collect());
    }
    Ok(session)
}

/// A problem placed in words, in both languages (shown later in either).
fn placed_both(d: &Diagnostic, framework: Option<&Framework>) -> Text {
    use crate::i18n::{placed, Lang};
    Text::new(
        placed(d, framework, Lang::Vi),
        placed(d, framework, Lang::En),
    )
}

/// Whether a chosen file is a dossier (`.zip`) rather than an assessment `.json`.
pub fn is_dossier(file: &web_sys::File) -> bool {
    file.name().to_lowercase().ends_with(".zip")
}

/// Opens a chosen file as a draft of its own: a dossier `.zip` (its documents kept in the
/// browser, what was found wrong with them kept with the draft) or an assessment `.json`.
pub async fn open_file(state: &Ctx, file: web_sys::File) -> Result<(), Vec<Text>> {
    if !is_dossier(&file) {
        let text = crate::files::read_text(file).await.map_err(|m| vec![m])?;
        return open_as_draft(state, &text).await;
    }
    let (text, dossier) = crate::dossier::open(file).await?;
    let mut session = draft(&state.custom_frameworks, &text).await?;
    session.meta.dossier = Some(Rc::new(dossier));
    open_new(state, session);
    Ok(())
}

/// Opens assessment JSON text as a draft of its own, or says why it cannot.
pub async fn open_as_draft(state: &Ctx, text: &str) -> Result<(), Vec<Text>> {
    open_new(state, draft(&state.custom_frameworks, text).await?);
    Ok(())
}

/// Opens a new draft (a blank assessment, a file, the example) beside the stored ones.
/// When a stored draft has the same unit and year, the same content opens that draft;
/// different content asks the person (`Action::Conflict`).
pub fn open_new(state: &Ctx, session: Session) {
    // Every live draft of the same unit and year, newest first, with what differs; an
    // identical one is opened, else the person is asked about the newest.
    let found = {
        let tree = session.tree();
        let unit_year = crate::model::unit_and_year(&tree);
        let same: Vec<_> = state
            .drafts
            .iter()
            .flat_map(|d| d.iter())
            .filter_map(|d| {
                let s = d.stored.as_ref().ok().filter(|_| d.live())?;
                (crate::model::unit_and_year(&s.assessment) == unit_year)
                    .then(|| (d.clone(), crate::storage::differences(&s.assessment, &tree)))
            })
            .collect();
        let identical = same.iter().position(|(_, diff)| diff.is_empty());
        same.into_iter().nth(identical.unwrap_or(0))
    };
    let action = match found {
        None => Action::Open {
            session,
            notice: None,
        },
        // Opening the same file again opens its draft.
        Some((existing, diff)) if diff.is_empty() => {
            let mut session = session;
            // A dossier opened again brings what was found in its files now.
            let received = session.meta.dossier.take();
            session.meta = existing.meta();
            session.meta.dossier = received.or(session.meta.dossier);
            Action::Open {
                session,
                notice: None,
            }
        }
        Some((existing, diff)) => Action::Conflict(Some(Rc::new(Conflict {
            session,
            existing,
            diff,
        }))),
    };
    state.dispatch(action);
}

/// Reads a chosen file and scores it as it stands (no draft leniency): a file with
/// errors is kept with its messages, for ranking and comparing.
pub async fn scored(file: web_sys::File, custom: &Custom) -> Opened {
    let name = file.name();
    let text = if is_dossier(&file) {
        crate::dossier::assessment(file)
            .await
            .map_err(|m| in_one(&m))
    } else {
        crate::files::read_text(file).await
    };
    let result = match text {
        Ok(text) => scored_text(&text, None, custom).await,
        Err(m) => Err(vec![Diagnostic::error(
            codes::FILE_UNREADABLE,
            "",
            m.vi,
            m.en,
        )]),
    };
    Opened { file: name, result }
}

/// Messages as one, in each language (`; ` between them).
fn in_one(m: &[Text]) -> Text {
    let join = |f: fn(&Text) -> &str| m.iter().map(f).collect::<Vec<_>>().join("; ");
    Text::new(join(|t| &t.vi), join(|t| &t.en))
}

/// A stored draft scored as it stands, named as the list names it: the desk's files
/// received, ranked together.
pub async fn scored_draft(d: &Draft, custom: &Custom) -> Option<Opened> {
    let s = d.stored.as_ref().ok()?;
    let (unit, year) = crate::model::unit_and_year(&s.assessment);
    let name = s.name.clone().unwrap_or_else(|| format!("{unit} — {year}"));
    let text = parindex_core::format::compact_json(&s.assessment);
    let result = scored_text(&text, Some(&s.framework), custom).await;
    Some(Opened { file: name, result })
}

/// Scores assessment text with the framework it was kept with, or the one it names.
async fn scored_text(
    text: &str,
    origin: Option<&FrameworkOrigin>,
    custom: &Custom,
) -> Result<Rc<parindex_core::Scorecard>, Vec<Diagnostic>> {
    let opened = parindex_core::Opened::from_json(text).map_err(|d| vec![d])?;
    let framework = match origin {
        Some(o) => framework_of(o).await,
        None => framework_named(custom, &opened.framework)
            .await
            .map(|(f, _)| f),
    };
    let framework = framework.map_err(|m| {
        let m = in_one(&m);
        vec![Diagnostic::error(
            codes::FRAMEWORK_UNAVAILABLE,
            "framework",
            m.vi,
            m.en,
        )]
    })?;
    let assessment = opened.validate(&framework)?;
    Ok(Rc::new(parindex_core::score(&framework, &assessment)))
}
