//! Opening assessment files in the browser, asynchronously: read the file, find the
//! framework it names (one opened on this page, or a built-in one loaded on first use),
//! then either open it as the draft being edited or score it as it stands (for ranking
//! and comparing). Every path reads files the core's one way, `Opened::from_json`.

use crate::components::Ctx;
use crate::state::{Action, Notice, Opened, Session};
use crate::storage::FrameworkOrigin;
use parindex_core::{codes, Diagnostic, Framework, Text};
use std::rc::Rc;

/// Framework files opened in this visit, with their text.
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

/// The framework an assessment names, and where it comes from.
async fn framework_named(
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
    let opened = parindex_core::Opened::from_json(text).map_err(|d| vec![d.rendered()])?;
    let (framework, origin) = framework_named(custom, &opened.framework).await?;
    let session = Session::new(framework, origin, opened.tree);
    if session.score.scorecard.is_none() {
        return Err(session
            .score
            .diagnostics
            .iter()
            .map(Diagnostic::rendered)
            .collect());
    }
    Ok(session)
}

/// Opens assessment JSON text as the draft being edited, keeping the stored draft it
/// replaces; says why when it cannot.
pub async fn open_as_draft(state: &Ctx, name: &str, text: &str) {
    match draft(&state.custom_frameworks, text).await {
        Ok(session) => replace_draft(state, session),
        Err(messages) => state.dispatch(Action::Notify(Notice::OpenFailed {
            file: name.to_string(),
            messages,
        })),
    }
}

/// Opens a session, keeping the stored draft it replaces under `parindex.previous`.
pub fn replace_draft(state: &Ctx, session: Session) {
    crate::storage::previous::keep();
    state.dispatch(Action::Open {
        session,
        notice: None,
    });
}

/// Reads a chosen file and scores it as it stands (no draft leniency): a file with
/// errors is kept with its messages, for ranking and comparing.
pub async fn scored(file: web_sys::File, custom: &Custom) -> Opened {
    let name = file.name();
    let result = async {
        let text = crate::files::read_text(file)
            .await
            .map_err(|m| vec![Diagnostic::error(codes::FILE_UNREADABLE, "", m.vi, m.en)])?;
        let opened = parindex_core::Opened::from_json(&text).map_err(|d| vec![d])?;
        let (framework, _) = framework_named(custom, &opened.framework)
            .await
            .map_err(|m| {
                let join = |f: fn(&Text) -> &str| m.iter().map(f).collect::<Vec<_>>().join("; ");
                vec![Diagnostic::error(
                    codes::FRAMEWORK_UNAVAILABLE,
                    "framework",
                    join(|t| &t.vi),
                    join(|t| &t.en),
                )]
            })?;
        let assessment = opened.validate(&framework)?;
        Ok(Rc::new(parindex_core::score(&framework, &assessment)))
    }
    .await;
    Opened { file: name, result }
}
